"""A fake event loop whose time moves only when a test says so.

It has what the widgets ask of a loop (asyncio's ``call_later`` and
``time``), so the debouncer and the settled clicks run under it exactly as in
a kernel, without a real loop and without sleeping: ``advance(seconds)``
runs every call that falls due, in time order, as trio's ``MockClock`` and
asyncio's test loops do.
"""

from __future__ import annotations

import heapq
import itertools
from collections.abc import Callable


class FakeHandle:
    """A call scheduled on a :class:`FakeLoop`."""

    def __init__(self, when: float, callback: Callable[[], object]) -> None:
        self.when = when
        self.callback = callback
        self.cancelled = False

    def cancel(self) -> None:
        self.cancelled = True


class FakeLoop:
    """``call_later`` and ``time`` on a clock that moves only in :meth:`advance`."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start
        self._queue: list[tuple[float, int, FakeHandle]] = []
        self._order = itertools.count()

    def time(self) -> float:
        return self.now

    def call_later(self, delay: float, callback: Callable[[], object]) -> FakeHandle:
        handle = FakeHandle(self.now + max(delay, 0.0), callback)
        heapq.heappush(self._queue, (handle.when, next(self._order), handle))
        return handle

    @property
    def waiting(self) -> int:
        """How many calls are scheduled and not cancelled."""
        return sum(not h.cancelled for _, _, h in self._queue)

    def advance(self, seconds: float) -> None:
        """Move the clock forward, running each call that falls due on the way."""
        end = self.now + seconds
        while self._queue and self._queue[0][0] <= end:
            when, _, handle = heapq.heappop(self._queue)
            self.now = max(self.now, when)
            if not handle.cancelled:
                handle.callback()
        self.now = end
