"""Time in the widgets: a debouncer, and clicks that wait for the browser to settle.

A browser sends each field's new value and a button's click as separate
messages, and the kernel does not promise to handle them in the order they
were sent: ipywidgets holds back a field's next update while the kernel is
busy with its previous one, but sends a click at once, and ipykernel 7 may
handle a widget message ahead of others while it is busy. A Save clicked
right after typing could then store the form without the last lines typed,
and an Export clicked right after ticking "hide names" could write a packet
with the names in it.

:class:`SettledClick` runs the action for a click from the browser only once
no value has come from the browser for a moment; a click made by Python code
(``button.click()``, in a notebook cell or a test) runs at once.
:class:`Debouncer` gathers a burst of calls (keystrokes, an import's entries)
into one.

Time is a parameter: both take a ``clock`` (a :func:`time.monotonic`-like
callable) and a ``loop`` (anything with asyncio's ``call_later(delay,
callback)`` returning a handle with ``cancel()``). By default the clock is
:func:`time.monotonic` and the loop is the asyncio loop running at the time
of the call (a kernel's); without one every call runs at once. Tests pass a
fake loop and its clock and move time forward by hand, as trio's
``MockClock`` and asyncio's test loops do.
"""

from __future__ import annotations

import asyncio
import math
import time
from collections.abc import Callable, Mapping
from typing import Any, Final, Protocol

import ipywidgets as widgets

__all__ = [
    "SETTLE",
    "SETTLE_LIMIT",
    "BrowserButton",
    "Clock",
    "Debouncer",
    "Handle",
    "Loop",
    "SettledClick",
    "from_browser",
    "running_loop",
]

#: Seconds without a value from the browser before a clicked action runs.
SETTLE: Final = 0.4
#: Seconds after the click when the action runs even if values keep coming.
SETTLE_LIMIT: Final = 5.0

#: Seconds as a float, like :func:`time.monotonic`.
Clock = Callable[[], float]
_MIN_WAIT: Final = 0.001


class Handle(Protocol):
    """A scheduled call that can be cancelled (``asyncio.TimerHandle``)."""

    def cancel(self) -> None: ...


class Loop(Protocol):
    """What the widgets need of an event loop: ``call_later`` (asyncio's signature)."""

    def call_later(self, delay: float, callback: Callable[[], object], /) -> Handle: ...


def running_loop(loop: Loop | None = None) -> Loop | None:
    """``loop`` if given, else the running asyncio loop, else ``None`` (plain Python).

    Examples
    --------
    >>> running_loop() is None  # no event loop outside a kernel
    True
    """
    if loop is not None:
        return loop
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None


def from_browser(change: Mapping[str, Any]) -> bool:
    """Whether a trait change came from the front end (not from Python code).

    ipywidgets locks a property while it applies a value the browser sent.
    """
    owner = change.get("owner")
    return bool(getattr(owner, "_property_lock", None))


class BrowserButton(widgets.Button):
    """A Button that knows whether the click being handled came from the browser."""

    clicked_in_browser = False

    def _handle_button_msg(self, _: Any, content: Mapping[str, Any], buffers: Any) -> None:
        self.clicked_in_browser = True
        try:
            super()._handle_button_msg(_, content, buffers)
        finally:
            self.clicked_in_browser = False


class _Waiting:
    """At most one call waiting on a loop: what a debouncer and a settled click share."""

    def __init__(self, clock: Clock, loop: Loop | None) -> None:
        self._clock = clock
        self._loop = loop
        self._handle: Handle | None = None

    @property
    def pending(self) -> bool:
        """Whether a call is waiting to run."""
        return self._handle is not None

    def _later(self, delay: float, callback: Callable[[], object]) -> bool:
        """Schedule ``callback`` in ``delay`` seconds; ``False`` when there is no loop."""
        loop = running_loop(self._loop)
        if loop is None:
            return False
        # at least a millisecond: a clock's rounding must not make a wait spin
        self._handle = loop.call_later(max(delay, _MIN_WAIT), callback)
        return True

    def cancel(self) -> None:
        """Drop a waiting call."""
        if self._handle is not None:
            self._handle.cancel()
            self._handle = None


class Debouncer(_Waiting):
    """Call ``fn`` at once, then gather the calls of a burst into one (inside a loop).

    The first call after a quiet moment runs at once; calls that follow
    within ``delay`` seconds are gathered into one call ``delay`` seconds
    after the last of them (keystrokes sent by a browser, entries added by
    an import). Without an event loop (plain Python, pytest), or with
    ``now=True`` (a value set from Python code), every call runs at once, so
    code sees the result right after setting a value.

    Parameters
    ----------
    fn : callable
        What to call.
    delay : float
        Seconds of quiet that end a burst.
    clock : callable, optional
        Seconds as a float, like :func:`time.monotonic` (the default).
    loop : Loop, optional
        Where gathered calls are scheduled; by default the running asyncio loop.

    Examples
    --------
    >>> calls = []
    >>> debounced = Debouncer(lambda: calls.append(1))
    >>> debounced(); debounced()  # no event loop: each call runs at once
    >>> calls
    [1, 1]
    """

    def __init__(
        self,
        fn: Callable[[], object],
        delay: float = 0.25,
        *,
        clock: Clock = time.monotonic,
        loop: Loop | None = None,
    ) -> None:
        self._fn = fn
        self._delay = delay
        self._last = -math.inf  # when fn last ran
        super().__init__(clock, loop)

    def __call__(self, *, now: bool = False) -> None:
        quiet = self._clock() - self._last >= self._delay
        gather = not now and not (quiet and self._handle is None)
        self.cancel()
        if not (gather and self._later(self._delay, self._fire)):
            self._fire()

    def _fire(self) -> None:
        self._handle = None
        try:
            self._fn()
        finally:
            self._last = self._clock()

    def flush(self) -> None:
        """Run a waiting call now."""
        if self._handle is not None:
            self.cancel()
            self._fire()


class SettledClick(_Waiting):
    """Run ``action`` for each click of ``button``, after the browser has settled.

    Call :meth:`touched` from an observer of every value the action reads.
    A click from the browser inside an event loop (a kernel) calls
    ``waiting`` at once, then ``action`` once no value has come from the
    browser for ``settle`` seconds (at most ``limit`` seconds after the
    click); further clicks meanwhile are ignored. Any other click runs
    ``action`` at once. ``clock`` and ``loop`` are as for :class:`Debouncer`.
    """

    def __init__(
        self,
        button: BrowserButton,
        action: Callable[[], object],
        *,
        waiting: Callable[[], object] | None = None,
        settle: float = SETTLE,
        limit: float = SETTLE_LIMIT,
        clock: Clock = time.monotonic,
        loop: Loop | None = None,
    ) -> None:
        super().__init__(clock, loop)
        self._button = button
        self._action = action
        self._waiting = waiting
        self._settle, self._limit = settle, limit
        self._clicked_at = self._last_from_browser = -math.inf
        button.on_click(self._clicked)

    def touched(self, change: Mapping[str, Any]) -> None:
        """Note a value change; only the browser's count."""
        if from_browser(change):
            self._last_from_browser = self._clock()

    def _clicked(self, _button: Any = None) -> None:
        if self._handle is not None:
            return  # already on its way
        in_browser = getattr(self._button, "clicked_in_browser", False)
        if not (in_browser and self._later(self._settle, self._when_settled)):
            self._action()
            return
        self._clicked_at = self._clock()
        if self._waiting is not None:
            self._waiting()

    def _when_settled(self) -> None:
        now = self._clock()
        quiet = now - self._last_from_browser
        if quiet < self._settle and now - self._clicked_at < self._limit:
            if self._later(self._settle - quiet, self._when_settled):
                return
        self._handle = None
        self._action()

    def flush(self) -> None:
        """Run a waiting click now (when the widget is closed, say)."""
        if self._handle is not None:
            self.cancel()
            self._action()
