"""The dashboard's headline sentences and chart images, without widgets."""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import pytest

from recovery_analytics import ReflectionLog
from recovery_analytics.analytics import example_log
from recovery_analytics.exceptions import RecoveryAnalyticsError
from recovery_analytics.journal import Journal
from recovery_analytics.widgets import chart_png, headline, select_log
from recovery_analytics.widgets._dashboard_content import NO_SELECTION, TAB_TITLES

PNG = b"\x89PNG\r\n\x1a\n"


def test_headline_numbers_are_hand_counted() -> None:
    ana = select_log(example_log(), client="ana")
    lines = headline(ana)
    # ana: went well 1 + 2 + 2 = 5, went wrong 2 + 1 + 0 = 3; feeling (2 + 3 + 4) / 3 = 3.0
    assert lines[0] == (
        "Across 3 interviews from January to March 2026, 5 things went well and 3 went wrong."
    )
    assert "too early to see a trend" in lines[1]  # 3 < 5 interviews: no trend claimed
    assert "3.0 out of 5 on average (noted for 3 of 3 interviews)" in lines[2]
    assert not any("verdict" in line or "bad" in line for line in lines)


def test_headline_trend_with_enough_interviews(tmp_path: Path) -> None:
    journal = Journal.open(tmp_path / "j")
    # first half (3 interviews): 0 well, 1 wrong each; second half (3): 1 well, 0 wrong
    for day in range(1, 7):
        if day <= 3:
            journal.add({"interview_date": f"2026-05-0{day}", "went_wrong": ["Arrived late"]})
        else:
            journal.add({"interview_date": f"2026-05-0{day}", "went_well": ["Calm"]})
    lines = headline(journal.log())
    assert lines[0].startswith("Across 6 interviews in May 2026")
    # first half: 0 of 3 items went well, second half 3 of 3
    assert "0%" in lines[1] and "100%" in lines[1]


def test_headline_of_nothing() -> None:
    empty = select_log(example_log(), start="2030-01-01")
    assert headline(empty) == [NO_SELECTION]
    assert isinstance(empty, ReflectionLog)


@pytest.mark.parametrize("name", [n for n in TAB_TITLES if n != "written"])
def test_every_chart_is_a_png_and_leaves_no_figure(name: str) -> None:
    log = example_log() if name == "clients" else example_log().filter(client="ana")
    assert chart_png(name, log)[:8] == PNG
    assert plt.get_fignums() == []


def test_unknown_chart_is_named() -> None:
    with pytest.raises(RecoveryAnalyticsError, match="`name` must be one of"):
        chart_png("written", example_log())
