"""The debouncer and the settled click on a fake clock: time moves only by hand.

Every test here fails if the waiting is taken out (the call would run at
once, or would not wait for the late value), and none of them sleeps.
"""

from __future__ import annotations

import asyncio
from typing import Any

import ipywidgets as widgets
import pytest

from recovery_analytics.widgets._settle import (
    BrowserButton,
    Debouncer,
    SettledClick,
    from_browser,
    running_loop,
)

from ._fake_loop import FakeLoop

DELAY = 0.25
SETTLE = 0.4
LIMIT = 5.0
TICK = 0.01  # a step far shorter than any delay above


@pytest.fixture
def loop() -> FakeLoop:
    return FakeLoop()


def browser_click(button: Any) -> None:
    """What ipywidgets does when the browser sends a click."""
    button._handle_button_msg(None, {"event": "click"}, [])


def browser_sets(widget: Any, value: Any) -> None:
    """What ipywidgets does when the browser sends a value."""
    widget.set_state({"value": value})


# -- the fake loop itself ------------------------------------------------------------------


def test_fake_loop_runs_calls_in_time_order_and_only_when_due(loop: FakeLoop) -> None:
    ran: list[tuple[str, float]] = []
    loop.call_later(0.3, lambda: ran.append(("b", loop.time())))
    loop.call_later(0.1, lambda: ran.append(("a", loop.time())))
    loop.call_later(0.2, lambda: ran.append(("x", loop.time()))).cancel()
    start = loop.time()
    loop.advance(0.05)
    assert ran == []
    loop.advance(0.5)
    assert ran == [("a", start + 0.1), ("b", start + 0.3)]
    assert loop.time() == start + 0.55


# -- Debouncer -------------------------------------------------------------------------------


def test_debouncer_gathers_a_burst_into_one_call_after_the_last(loop: FakeLoop) -> None:
    calls: list[float] = []
    debounced = Debouncer(lambda: calls.append(loop.time()), DELAY, clock=loop.time, loop=loop)
    start = loop.time()
    for _ in range(5):  # five keystrokes, each TICK apart: the first runs at once
        debounced()
        loop.advance(TICK)
    assert calls == [start] and debounced.pending
    last = start + 4 * TICK
    # the gathered call comes DELAY after the last keystroke, not after the first
    loop.advance(last + DELAY - loop.time() - TICK)
    assert calls == [start]
    loop.advance(2 * TICK)
    assert calls == [start, pytest.approx(last + DELAY)] and not debounced.pending


def test_debouncer_runs_at_once_after_a_quiet_moment(loop: FakeLoop) -> None:
    calls: list[int] = []
    debounced = Debouncer(lambda: calls.append(1), DELAY, clock=loop.time, loop=loop)
    debounced()
    debounced()  # within DELAY: gathered
    assert calls == [1] and debounced.pending
    loop.advance(DELAY + TICK)
    assert calls == [1, 1]
    loop.advance(DELAY + TICK)  # quiet for longer than DELAY
    debounced()
    assert calls == [1, 1, 1] and loop.waiting == 0


def test_debouncer_now_flush_and_cancel(loop: FakeLoop) -> None:
    calls: list[int] = []
    debounced = Debouncer(lambda: calls.append(1), DELAY, clock=loop.time, loop=loop)
    debounced()
    debounced()  # gathered
    assert calls == [1] and debounced.pending
    debounced(now=True)  # a value set from Python code: at once, replacing the gathered one
    assert calls == [1, 1] and not debounced.pending
    loop.advance(TICK)
    debounced()
    debounced.flush()
    assert calls == [1, 1, 1] and not debounced.pending
    loop.advance(TICK)
    debounced()
    debounced.cancel()
    loop.advance(10 * DELAY)
    assert calls == [1, 1, 1]


def test_debouncer_uses_the_running_asyncio_loop_by_default() -> None:
    calls: list[int] = []
    debounced = Debouncer(lambda: calls.append(1), DELAY)

    async def burst() -> None:
        assert running_loop() is asyncio.get_running_loop()
        debounced()
        debounced()  # gathered on the running loop, not run now
        assert calls == [1] and debounced.pending
        debounced.cancel()

    asyncio.run(burst())
    assert calls == [1]
    for _ in range(3):  # no loop any more: every call runs at once
        debounced()
    assert calls == [1, 1, 1, 1]


# -- SettledClick ------------------------------------------------------------------------------


class Clicked:
    """A button, a text box the action reads, and what the action saw."""

    def __init__(self, loop: FakeLoop | None) -> None:
        self.button = BrowserButton()
        self.text = widgets.Text()
        self.seen: list[str] = []
        self.notes: list[str] = []
        clock = loop.time if loop is not None else (lambda: 0.0)
        self.click = SettledClick(
            self.button,
            lambda: self.seen.append(self.text.value),
            waiting=lambda: self.notes.append("waiting"),
            settle=SETTLE,
            limit=LIMIT,
            clock=clock,
            loop=loop,
        )
        self.text.observe(self.click.touched, names="value")

    def close(self) -> None:
        self.button.close()
        self.text.close()


@pytest.fixture
def clicked(loop: FakeLoop) -> Any:
    made = Clicked(loop)
    yield made
    made.close()


def test_browser_click_waits_for_a_value_that_arrives_after_it(
    loop: FakeLoop, clicked: Clicked
) -> None:
    browser_sets(clicked.text, "first line")
    loop.advance(1.0)
    browser_click(clicked.button)
    assert clicked.notes == ["waiting"] and clicked.seen == [] and clicked.click.pending
    loop.advance(SETTLE - 0.1)
    browser_sets(clicked.text, "first line\nlate line")  # sent before the click, handled after
    loop.advance(0.1 + TICK)  # SETTLE after the click, but not quiet for SETTLE yet
    assert clicked.seen == []
    loop.advance(SETTLE - 0.1 - 2 * TICK)
    assert clicked.seen == []
    loop.advance(2 * TICK)  # quiet for SETTLE since the late value
    assert clicked.seen == ["first line\nlate line"] and not clicked.click.pending


def test_browser_click_runs_after_settle_when_nothing_more_comes(
    loop: FakeLoop, clicked: Clicked
) -> None:
    browser_sets(clicked.text, "done")
    loop.advance(1.0)
    browser_click(clicked.button)
    loop.advance(SETTLE - TICK)
    assert clicked.seen == []
    loop.advance(2 * TICK)
    assert clicked.seen == ["done"]


def test_values_that_never_stop_do_not_hold_the_click_past_the_limit(loop: FakeLoop) -> None:
    button, text = BrowserButton(), widgets.Text()
    ran: list[float] = []
    click = SettledClick(
        button, lambda: ran.append(loop.time()), settle=SETTLE, limit=LIMIT,
        clock=loop.time, loop=loop,
    )  # fmt: skip
    text.observe(click.touched, names="value")
    browser_click(button)
    start = loop.time()
    for n in range(int(2 * LIMIT / (SETTLE / 2))):  # a value every SETTLE/2, for 2 * LIMIT
        browser_sets(text, str(n))
        loop.advance(SETTLE / 2)
    # never quiet, so the click ran at the limit: not before, and only once
    assert len(ran) == 1
    assert LIMIT <= ran[0] - start < LIMIT + SETTLE
    button.close()
    text.close()


def test_second_browser_click_while_waiting_runs_once(loop: FakeLoop, clicked: Clicked) -> None:
    browser_click(clicked.button)
    browser_click(clicked.button)
    loop.advance(10 * SETTLE)
    assert len(clicked.seen) == 1


def test_values_set_from_python_do_not_delay_the_click(loop: FakeLoop, clicked: Clicked) -> None:
    clicked.text.value = "from a cell"
    assert not from_browser({"owner": clicked.text})
    browser_click(clicked.button)
    assert clicked.seen == []
    loop.advance(SETTLE + TICK)  # only the browser's values count as not settled
    assert clicked.seen == ["from a cell"]


def test_only_a_browser_click_inside_a_loop_waits(loop: FakeLoop, clicked: Clicked) -> None:
    clicked.text.value = "x"
    clicked.button.click()  # from Python (a notebook cell): at once
    assert clicked.seen == ["x"] and loop.waiting == 0
    browser_click(clicked.button)  # from the browser: waits
    assert clicked.seen == ["x"] and clicked.click.pending
    loop.advance(SETTLE + TICK)
    assert clicked.seen == ["x", "x"]
    without_loop = Clicked(None)
    try:
        browser_click(without_loop.button)  # plain Python, no loop: at once
        assert without_loop.seen == [""] and without_loop.notes == []
    finally:
        without_loop.close()


def test_flush_runs_a_waiting_click_now(loop: FakeLoop, clicked: Clicked) -> None:
    browser_click(clicked.button)
    assert clicked.seen == []
    clicked.click.flush()
    assert clicked.seen == [""] and not clicked.click.pending
    loop.advance(10 * SETTLE)
    assert clicked.seen == [""]  # not a second time
