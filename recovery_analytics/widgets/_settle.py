"""Clicks from the browser that wait for the values sent just before them.

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
"""

from __future__ import annotations

import asyncio
import math
import time
from collections.abc import Callable, Mapping
from typing import Any, Final

import ipywidgets as widgets

__all__ = ["SETTLE", "SETTLE_LIMIT", "BrowserButton", "SettledClick", "from_browser"]

#: Seconds without a value from the browser before a clicked action runs.
SETTLE: Final = 0.4
#: Seconds after the click when the action runs even if values keep coming.
SETTLE_LIMIT: Final = 5.0


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


class SettledClick:
    """Run ``action`` for each click of ``button``, after the browser has settled.

    Call :meth:`touched` from an observer of every value the action reads.
    A click from the browser inside a running event loop (a kernel) calls
    ``waiting`` at once, then ``action`` once no value has come from the
    browser for ``settle`` seconds (at most ``limit`` seconds after the
    click); further clicks meanwhile are ignored. Any other click runs
    ``action`` at once.
    """

    def __init__(
        self,
        button: BrowserButton,
        action: Callable[[], object],
        *,
        waiting: Callable[[], object] | None = None,
        settle: float = SETTLE,
        limit: float = SETTLE_LIMIT,
    ) -> None:
        self._button = button
        self._action = action
        self._waiting = waiting
        self._settle = settle
        self._limit = limit
        self._handle: asyncio.TimerHandle | None = None
        self._clicked_at = -math.inf
        self._last_from_browser = -math.inf
        button.on_click(self._clicked)

    @property
    def pending(self) -> bool:
        """Whether a click is waiting for the browser to settle."""
        return self._handle is not None

    def touched(self, change: Mapping[str, Any]) -> None:
        """Note a value change; only the browser's count."""
        if from_browser(change):
            self._last_from_browser = time.monotonic()

    def _clicked(self, _button: Any = None) -> None:
        if self._handle is not None:
            return  # already on its way
        if getattr(self._button, "clicked_in_browser", False):
            try:
                loop = asyncio.get_running_loop()
            except RuntimeError:
                pass
            else:
                self._clicked_at = time.monotonic()
                if self._waiting is not None:
                    self._waiting()
                self._handle = loop.call_later(self._settle, self._when_settled)
                return
        self._action()

    def _when_settled(self) -> None:
        now = time.monotonic()
        quiet = now - self._last_from_browser
        if quiet < self._settle and now - self._clicked_at < self._limit:
            loop = asyncio.get_running_loop()
            self._handle = loop.call_later(self._settle - quiet, self._when_settled)
            return
        self._handle = None
        self._action()

    def flush(self) -> None:
        """Run a waiting click now (when the widget is closed, say)."""
        if self._handle is not None:
            self._handle.cancel()
            self._handle = None
            self._action()
