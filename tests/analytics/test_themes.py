"""theme_balance() and timeline()."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from recovery_analytics.analytics import theme_balance, timeline, timeline_wide
from recovery_analytics.exceptions import RecoveryAnalyticsError

from ._builders import assert_unchanged, make_log, snapshot

ENTRIES = [
    # a-1: well: rapport; rapport + examples. wrong: technical + nerves; nerves
    dict(
        client="a",
        date="2026-01-05",
        id="a-1",
        well=["rapport", ["rapport", "examples"]],
        wrong=[["technical", "nerves"], "nerves"],
    ),
    # a-2: well: technical. wrong: technical; an untagged item ("other")
    dict(client="a", date="2026-01-20", id="a-2", well=["technical"], wrong=["technical", None]),
    # b-3: wrong: nerves
    dict(client="b", date="2026-03-02", id="b-3", wrong=["nerves"]),
]


@pytest.fixture
def log():
    return make_log(ENTRIES)


def by_theme(frame: pd.DataFrame) -> dict[str, pd.Series]:
    return {t: r for t, (_, r) in zip(frame["theme"], frame.iterrows(), strict=True)}


def test_theme_balance_counts(log) -> None:
    tb = theme_balance(log)
    assert list(tb.columns[:7]) == [
        "theme",
        "n_well",
        "n_wrong",
        "interviews_well",
        "interviews_wrong",
        "ratio",
        "n_items",
    ]
    # most items first; ties by name: nerves (0 + 3) and technical (1 + 2), rapport 2, examples 1
    assert tb["theme"].tolist() == ["nerves", "technical", "rapport", "examples"]
    t = by_theme(tb)
    # nerves: wrong items in a-1 (two) and b-3 -> 3 items in 2 interviews; never a strength
    assert (t["nerves"]["n_well"], t["nerves"]["n_wrong"]) == (0, 3)
    assert (t["nerves"]["interviews_well"], t["nerves"]["interviews_wrong"]) == (0, 2)
    assert t["nerves"]["ratio"] == 0.0
    # technical: well in a-2; wrong in a-1 (with nerves) and a-2 -> 1 / 2 = 0.5
    assert (t["technical"]["n_well"], t["technical"]["n_wrong"]) == (1, 2)
    assert (t["technical"]["interviews_well"], t["technical"]["interviews_wrong"]) == (1, 2)
    assert t["technical"]["interviews"] == 2
    assert t["technical"]["ratio"] == 0.5
    # rapport: two items in a-1, one interview, only a strength -> inf
    assert (t["rapport"]["n_well"], t["rapport"]["interviews_well"]) == (2, 1)
    assert np.isposinf(t["rapport"]["ratio"])
    assert (tb["group_interviews"] == 3).all()
    assert tb["small_sample"].all()


def test_theme_balance_other_and_by(log) -> None:
    assert "other" not in set(theme_balance(log)["theme"])
    other = by_theme(theme_balance(log, include_other=True))["other"]
    assert (other["n_well"], other["n_wrong"], other["interviews"]) == (0, 1, 1)
    tb = theme_balance(log, by="client")
    nerves = tb[tb["theme"] == "nerves"].set_index("client")
    assert nerves.loc["a", "n_wrong"] == 2 and nerves.loc["a", "interviews_wrong"] == 1
    assert nerves.loc["b", "n_wrong"] == 1 and nerves.loc["b", "group_interviews"] == 1


def test_timeline_counts_with_empty_periods(log) -> None:
    tl = timeline(log, freq="M")
    assert list(tl.columns) == [
        "theme",
        "period",
        "n_items",
        "n_interviews",
        "period_interviews",
        "share",
        "small_sample",
    ]
    # two themes went wrong (other left out) x three months (February empty) = 6 rows
    assert tl["theme"].tolist() == ["nerves"] * 3 + ["technical"] * 3
    assert tl["period"].dt.strftime("%Y-%m").tolist() == ["2026-01", "2026-02", "2026-03"] * 2
    # nerves: Jan 2 items in 1 interview (a-1); Mar 1 in 1 (b-3)
    assert tl["n_items"].tolist() == [2, 0, 1, 2, 0, 0]
    assert tl["n_interviews"].tolist() == [1, 0, 1, 2, 0, 0]
    assert tl["period_interviews"].tolist() == [2, 0, 1] * 2
    assert tl["share"].iloc[0] == 0.5  # 1 of January's 2 interviews
    assert np.isnan(tl["share"].iloc[1])


def test_timeline_polarity(log) -> None:
    both = timeline(log, polarity=None)
    tech = both[both["theme"] == "technical"]
    # January: a-1 wrong, a-2 well and wrong -> 3 items in 2 interviews
    assert (tech["n_items"].iloc[0], tech["n_interviews"].iloc[0]) == (3, 2)
    well = timeline(log, polarity="well")
    assert sorted(set(well["theme"])) == ["examples", "rapport", "technical"]


def test_timeline_weeks_and_wide(log) -> None:
    tl = timeline(log, freq="W")
    # Monday 2026-01-05 to Monday 2026-03-02 is 8 weeks later -> 9 weekly periods
    assert tl["period"].nunique() == 9
    wide = timeline_wide(timeline(log))
    assert wide.index.tolist() == ["nerves", "technical"]  # totals 2 and 2: by name
    assert wide.loc["nerves"].tolist() == [1, 0, 1]
    assert wide.columns.tolist() == [
        pd.Timestamp("2026-01-01"),
        pd.Timestamp("2026-02-01"),
        pd.Timestamp("2026-03-01"),
    ]


def test_zero_items_and_errors(log) -> None:
    empty_items = make_log(
        [dict(client="a", date="2026-01-05"), dict(client="a", date="2026-02-05")]
    )
    assert len(theme_balance(empty_items)) == 0
    assert len(timeline(empty_items)) == 0
    with pytest.raises(RecoveryAnalyticsError, match="`polarity`"):
        timeline(log, polarity="good")
    with pytest.raises(RecoveryAnalyticsError, match="No interviews match"):
        timeline(log.filter(client="b", end="2026-01-01"))


def test_inputs_not_mutated(log) -> None:
    before = snapshot(log)
    theme_balance(log, by="client", include_other=True)
    timeline(log, freq="W", polarity=None)
    assert_unchanged(log, before)
