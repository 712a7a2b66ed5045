"""The words of the cover pages, from hand-made summaries."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from recovery_analytics.reports import ClientSummary, headline
from recovery_analytics.reports._text import date_range, ratio_words


def summary(**changes):
    base = ClientSummary(
        client="chloe",
        interviews=12,
        first_date=dt.date(2026, 3, 2),
        last_date=dt.date(2026, 6, 30),
        went_well=20,
        went_wrong=25,
        trend="less positive",
        share_first_half=0.5,
        share_second_half=0.35,
        top_weaknesses=("nerves", "time_management"),
        top_strengths=("rapport",),
    )
    return dataclasses.replace(base, **changes)


def test_headline_in_words() -> None:
    lines = headline(summary())
    assert (
        lines[0]
        == "Across 12 interviews from March to June 2026, 20 things went well and 25 went wrong."
    )
    # a dip is described, and met kindly, never graded
    assert lines[1] == (
        "In the second half of these interviews a smaller share of what was written down went well "
        "(50% in the first half, 35% in the second). Dips like this are common in a long search and worth talking through."
    )
    assert lines[2] == "What came up more than once under went wrong: nerves, time management."
    assert lines[3] == "Strengths that keep showing up: rapport."
    for line in lines:
        for word in ("bad", "good", "poor", "ideal", "fail"):
            assert word not in line.casefold()


def test_other_figures_when_given() -> None:
    lines = headline(
        summary(
            outcomes={"next_round": 3, "rejected": 5, "offer": 0, "pending": 1},
            plan_b_actions=4,
            plan_b_done=1,
            plan_b_open=3,
            follow_ups_recorded=10,
            follow_ups_requested=4,
            follow_ups_granted=2,
            follow_ups_pending=1,
            resolved=(("a", 2), ("b", 5), ("c", 3), ("d", 3)),
        )
    )
    assert (
        "Not seen in the latest interviews any more: b (in 5 earlier interviews), c (in 3 earlier interviews), d (in 3 earlier interviews), and 1 more theme."
        in lines
    )
    assert "What happened next so far: 5 not this time, 3 next round, 1 waiting to hear." in lines
    assert (
        "Another conversation was asked for after 4 of 10 interviews; 2 granted, 1 still waiting."
        in lines
    )
    assert "Plan B: 1 of 4 actions done, 3 still open." in lines


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        (
            {"interviews": 1, "last_date": dt.date(2026, 3, 2), "went_well": 1, "went_wrong": 0},
            "From one interview on 2 March 2026, 1 thing went well and 0 went wrong.",
        ),
        (
            {"went_well": 0, "went_wrong": 0, "trend": "too few interviews to say"},
            "12 interviews from March to June 2026, with nothing written yet under went well or went wrong.",
        ),
    ],
)
def test_first_line_for_tiny_data(changes, expected) -> None:
    assert headline(summary(**changes))[0] == expected


def test_small_samples_said_plainly() -> None:
    lines = headline(summary(interviews=3, trend="too few interviews to say"))
    assert (
        lines[1]
        == "With 3 interviews so far it is too early to see a trend \u2014 read these pages gently."
    )


def test_dates_and_ratios() -> None:
    assert date_range("2026-12-01", "2027-01-31") == "from December 2026 to January 2027"
    assert ratio_words(1.0) == "1.0 : 1"
    assert ratio_words(0.0) == "only went wrong"
