"""theme_balance(), recurring() (each status and its exact rule) and timeline()."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from recovery_analytics.analytics import STATUSES, recurring, theme_balance, timeline, timeline_wide
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


# -- recurring ------------------------------------------------------------------------

START = pd.Timestamp("2026-01-05")


def day(i: int) -> str:
    """Interview i (0-based) of a client: one a week from Monday 2026-01-05."""
    return (START + pd.Timedelta(weeks=i)).strftime("%Y-%m-%d")


def client(name: str, wrong: list[list], well: list[list] | None = None) -> list[dict]:
    """One interview per element; each element lists that interview's items."""
    well = well or [[] for _ in wrong]
    return [
        dict(client=name, date=day(i), id=f"{name}-{i + 1}", wrong=w, well=g)
        for i, (w, g) in enumerate(zip(wrong, well, strict=True))
    ]


# Six interviews each unless said otherwise; defaults min_interviews=2, recent=3 (the last
# three are interviews 4-6), halves: earlier = interviews 1-3, recent = 4-6.
STATUS_ENTRIES = [
    # resolved: nerves in 1 and 2 (twice in 2: still one interview), none in 4-6.
    # tech: once, in interview 1 (an item tagged with two themes counts for both) -> new
    *client("res", [[["nerves", "tech"]], ["nerves", "nerves"], [], [], [None], []]),
    # new: salary only in the last three interviews (5 and 6)
    *client("new", [[], [], [], [], ["salary"], ["salary"]]),
    # worsening: conciseness in 3 (earlier half: 1/3) and 4, 5, 6 (recent half: 3/3)
    *client("wor", [[], [], ["conciseness"], ["conciseness"], ["conciseness"], ["conciseness"]]),
    # improving: rambling in 1, 2, 3 (3/3) and 5 (1/3); still seen lately, so not resolved
    *client("imp", [["rambling"], ["rambling"], ["rambling"], [], ["rambling"], []]),
    # recurring: examples in 2 (1/3) and 5 (1/3); untagged items count as "other"
    *client("rec", [[None], ["examples"], [None], [], ["examples"], [None]]),
    # five interviews: earlier half = 1-2, recent half = 3-5; x in 1 (1/2) and 4 (1/3)
    *client("odd", [["x"], [], [], ["x"], []]),
]


@pytest.fixture
def statuses():
    """Six clients, one per status of recurring() (and one with five interviews)."""
    return make_log(STATUS_ENTRIES)


def find(frame: pd.DataFrame, client: str, theme: str) -> pd.Series:
    hit = frame[(frame["client"] == client) & (frame["theme"] == theme)]
    assert len(hit) == 1, (client, theme)
    return hit.iloc[0]


def test_columns(statuses) -> None:
    r = recurring(statuses)
    assert list(r.columns[:8]) == [
        "client",
        "theme",
        "n_interviews",
        "share",
        "first_seen",
        "last_seen",
        "entry_ids",
        "status",
    ]
    assert set(r["status"]) <= set(STATUSES)


@pytest.mark.parametrize(
    ("name", "theme", "status"),
    [
        ("res", "nerves", "resolved"),
        ("res", "tech", "new"),
        ("new", "salary", "new"),
        ("wor", "conciseness", "worsening"),
        ("imp", "rambling", "improving"),
        ("rec", "examples", "recurring"),
        ("odd", "x", "improving"),
    ],
)
def test_each_status(statuses, name, theme, status) -> None:
    assert find(recurring(statuses), name, theme)["status"] == status


def test_resolved_theme_counts(statuses) -> None:
    r = find(recurring(statuses), "res", "nerves")
    assert r["n_interviews"] == 2  # two items in interview 2 count once
    assert r["share"] == pytest.approx(2 / 6)
    assert r["first_seen"] == pd.Timestamp(day(0))
    assert r["last_seen"] == pd.Timestamp(day(1))
    assert r["entry_ids"] == ["res-1", "res-2"]
    assert r["in_recent"] == 0 and r["group_interviews"] == 6


def test_rates_behind_the_comparison(statuses) -> None:
    r = recurring(statuses)
    wor = find(r, "wor", "conciseness")
    assert (wor["rate_earlier"], wor["rate_recent"]) == pytest.approx((1 / 3, 3 / 3))
    imp = find(r, "imp", "rambling")
    assert (imp["rate_earlier"], imp["rate_recent"]) == pytest.approx((3 / 3, 1 / 3))
    odd = find(r, "odd", "x")
    # N = 5: earlier half = the first 5 // 2 = 2 interviews, recent half the other 3
    assert (odd["rate_earlier"], odd["rate_recent"]) == pytest.approx((1 / 2, 1 / 3))


def test_tolerance_decides_about_the_same(statuses) -> None:
    # odd/x: 1/3 - 1/2 = -0.167: improving with tolerance 0.1, about the same with 0.2
    assert find(recurring(statuses, tolerance=0.2), "odd", "x")["status"] == "recurring"


def test_a_rate_difference_of_exactly_the_tolerance_is_about_the_same() -> None:
    # ten interviews, halves of five; theme in 2 of the earlier five (0.4) and in 3 of the
    # recent five (0.6), including the last one: 0.6 - 0.4 = 0.2 = tolerance -> recurring
    wrong = [["t"], ["t"], [], [], [], [], ["t"], ["t"], [], ["t"]]
    statuses = make_log(client("z", wrong))
    assert find(recurring(statuses, tolerance=0.2), "z", "t")["status"] == "recurring"
    assert find(recurring(statuses, tolerance=0.19), "z", "t")["status"] == "worsening"


def test_min_interviews_and_recent(statuses) -> None:
    # with min_interviews=3, nerves (2 interviews) is no longer an established pattern
    assert find(recurring(statuses, min_interviews=3), "res", "nerves")["status"] == "new"
    # with recent=5, nerves (interview 2) is within the last five: not resolved
    assert find(recurring(statuses, recent=5), "res", "nerves")["status"] != "resolved"


def test_other_is_left_out_unless_asked(statuses) -> None:
    assert "other" not in set(recurring(statuses)["theme"])
    other = find(recurring(statuses, include_other=True), "rec", "other")
    assert other["n_interviews"] == 3  # interviews 1, 3 and 6
    assert other["entry_ids"] == ["rec-1", "rec-3", "rec-6"]


def test_strengths_swap_the_direction() -> None:
    entries = client(
        "s",
        wrong=[[] for _ in range(6)],
        well=[[], [], ["rapport"], ["rapport"], ["rapport"], ["rapport"]],
    ) + client(
        "t",
        wrong=[[] for _ in range(6)],
        well=[["examples"], ["examples"], ["examples"], [], ["examples"], []],
    )
    r = recurring(make_log(entries), polarity="well")
    # a strength coming up more often lately is the direction one would want
    assert find(r, "s", "rapport")["status"] == "improving"
    assert find(r, "t", "examples")["status"] == "worsening"
    # went-wrong view of the same statuses has nothing
    assert len(recurring(make_log(entries))) == 0


def test_order_is_chronological_whatever_the_input_order() -> None:
    entries = [
        dict(client="a", date="2026-02-01", id="late", wrong=["t"]),
        dict(client="a", date="2026-01-01", id="early", wrong=["t"]),
        dict(client="a", date="2026-01-15", id="b-same-day", wrong=["t"]),
        dict(client="a", date="2026-01-15", id="a-same-day", wrong=[]),
    ]
    r = find(recurring(make_log(entries), recent=1), "a", "t")
    # same day: ordered by entry_id ("a-same-day" before "b-same-day")
    assert r["entry_ids"] == ["early", "b-same-day", "late"]
    assert r["first_seen"] == pd.Timestamp("2026-01-01")
    assert r["last_seen"] == pd.Timestamp("2026-02-01")


def test_sorted_by_group_then_most_interviews(statuses) -> None:
    r = recurring(statuses)
    res = r[r["client"] == "res"]
    assert res["theme"].tolist() == ["nerves", "tech"]  # 2 interviews, then 1
    assert r["client"].tolist() == sorted(r["client"].tolist())


def test_by_none_pools_every_client(statuses) -> None:
    r = recurring(statuses, by=None)
    assert "client" not in r.columns
    row = r[r["theme"] == "nerves"].iloc[0]
    assert row["group_interviews"] == 6 * 5 + 5
    assert row["n_interviews"] == 2


def test_small_sample_flag() -> None:
    statuses = make_log(client("one", [["t"]]))  # a client with a single interview
    r = recurring(statuses)
    assert r["status"].tolist() == ["new"]
    assert r["small_sample"].tolist() == [True]
    assert r["share"].tolist() == [1.0]


def test_no_items_gives_an_empty_frame_with_the_columns() -> None:
    statuses = make_log([dict(client="a", date="2026-01-01")])
    r = recurring(statuses)
    assert len(r) == 0
    assert {"client", "theme", "n_interviews", "status", "entry_ids"} <= set(r.columns)


def test_input_is_not_mutated(statuses) -> None:
    before = snapshot(statuses)
    out = recurring(statuses)
    out["entry_ids"].iloc[0].append("x")  # the lists are new lists
    recurring(statuses, polarity="well", by=None, include_other=True)
    assert_unchanged(statuses, before)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"polarity": "bad"}, r"`polarity` must be 'well' or 'wrong'"),
        ({"min_interviews": 0}, r"`min_interviews`"),
        ({"recent": -1}, r"`recent`"),
        ({"tolerance": 2}, r"`tolerance`"),
    ],
)
def test_bad_parameters(statuses, kwargs, message) -> None:
    with pytest.raises(RecoveryAnalyticsError, match=message):
        recurring(statuses, **kwargs)


def test_empty_filter(statuses) -> None:
    with pytest.raises(RecoveryAnalyticsError, match=r"No interviews match"):
        recurring(statuses.filter(end="2000-01-01"))


def test_dates_are_datetimes(statuses) -> None:
    r = recurring(statuses)
    assert r["first_seen"].dtype == np.dtype("datetime64[us]")
