"""Calendar periods as integer codes."""

from __future__ import annotations

import numpy as np
import pytest

from recovery_analytics.analytics._periods import (
    normalise_freq,
    period_code,
    period_grid,
    period_start,
)
from recovery_analytics.exceptions import RecoveryAnalyticsError


def starts(dates: list[str], freq: str) -> list[str]:
    d = np.array(dates, dtype="datetime64[us]")
    return [str(x)[:10] for x in period_start(period_code(d, freq), freq)]


@pytest.mark.parametrize(
    ("given", "want"),
    [
        ("M", "M"),
        ("ME", "M"),
        ("me", "M"),
        ("MS", "M"),
        ("Q", "Q"),
        ("QE", "Q"),
        ("W", "W"),
        ("Y", "Y"),
        ("YE", "Y"),
    ],
)
def test_freq_aliases(given: str, want: str) -> None:
    assert normalise_freq(given) == want


@pytest.mark.parametrize("bad", ["X", "D", "", None, 3])
def test_unknown_freq_names_the_parameter(bad: object) -> None:
    with pytest.raises(RecoveryAnalyticsError, match=r"`freq` must be one of 'W'"):
        normalise_freq(bad)


def test_weeks_start_on_monday() -> None:
    # 2026-03-02 is a Monday, 03-04 a Wednesday, 03-08 a Sunday, 03-09 the next Monday
    assert starts(["2026-03-02", "2026-03-04", "2026-03-08", "2026-03-09"], "W") == [
        "2026-03-02",
        "2026-03-02",
        "2026-03-02",
        "2026-03-09",
    ]
    # before 1970 too: 1969-12-31 was a Wednesday
    assert starts(["1969-12-31"], "W") == ["1969-12-29"]


def test_months_quarters_years() -> None:
    dates = ["2026-01-31", "2026-05-15", "2026-12-31"]
    assert starts(dates, "M") == ["2026-01-01", "2026-05-01", "2026-12-01"]
    assert starts(dates, "Q") == ["2026-01-01", "2026-04-01", "2026-10-01"]
    assert starts(dates, "Y") == ["2026-01-01", "2026-01-01", "2026-01-01"]
    assert starts(["1969-11-30"], "Q") == ["1969-10-01"]


def test_consecutive_periods_have_consecutive_codes() -> None:
    d = np.array(["2025-12-31", "2026-01-01", "2026-04-01"], dtype="datetime64[us]")
    assert np.diff(period_code(d, "M")).tolist() == [1, 3]
    assert np.diff(period_code(d, "Q")).tolist() == [1, 1]


def test_grid_fills_the_gaps_within_each_group_only() -> None:
    # group 0 spans codes 5..7 (6 is empty), group 1 only code 2
    cell, g, p = period_grid(np.array([5, 7, 2, 7]), np.array([0, 0, 1, 0]), 2)
    assert g.tolist() == [0, 0, 0, 1]
    assert p.tolist() == [5, 6, 7, 2]
    assert cell.tolist() == [0, 2, 3, 2]
