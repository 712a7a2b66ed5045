"""recurring(): each status, its exact rule, and the counting of themes."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from recovery_analytics.analytics import STATUSES, recurring
from recovery_analytics.exceptions import RecoveryAnalyticsError

from ._builders import assert_unchanged, make_log, snapshot

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
ENTRIES = [
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
def log():
    return make_log(ENTRIES)


def find(frame: pd.DataFrame, client: str, theme: str) -> pd.Series:
    hit = frame[(frame["client"] == client) & (frame["theme"] == theme)]
    assert len(hit) == 1, (client, theme)
    return hit.iloc[0]


def test_columns(log) -> None:
    r = recurring(log)
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
def test_each_status(log, name, theme, status) -> None:
    assert find(recurring(log), name, theme)["status"] == status


def test_resolved_theme_counts(log) -> None:
    r = find(recurring(log), "res", "nerves")
    assert r["n_interviews"] == 2  # two items in interview 2 count once
    assert r["share"] == pytest.approx(2 / 6)
    assert r["first_seen"] == pd.Timestamp(day(0))
    assert r["last_seen"] == pd.Timestamp(day(1))
    assert r["entry_ids"] == ["res-1", "res-2"]
    assert r["in_recent"] == 0 and r["group_interviews"] == 6


def test_rates_behind_the_comparison(log) -> None:
    r = recurring(log)
    wor = find(r, "wor", "conciseness")
    assert (wor["rate_earlier"], wor["rate_recent"]) == pytest.approx((1 / 3, 3 / 3))
    imp = find(r, "imp", "rambling")
    assert (imp["rate_earlier"], imp["rate_recent"]) == pytest.approx((3 / 3, 1 / 3))
    odd = find(r, "odd", "x")
    # N = 5: earlier half = the first 5 // 2 = 2 interviews, recent half the other 3
    assert (odd["rate_earlier"], odd["rate_recent"]) == pytest.approx((1 / 2, 1 / 3))


def test_tolerance_decides_about_the_same(log) -> None:
    # odd/x: 1/3 - 1/2 = -0.167: improving with tolerance 0.1, about the same with 0.2
    assert find(recurring(log, tolerance=0.2), "odd", "x")["status"] == "recurring"


def test_a_rate_difference_of_exactly_the_tolerance_is_about_the_same() -> None:
    # ten interviews, halves of five; theme in 2 of the earlier five (0.4) and in 3 of the
    # recent five (0.6), including the last one: 0.6 - 0.4 = 0.2 = tolerance -> recurring
    wrong = [["t"], ["t"], [], [], [], [], ["t"], ["t"], [], ["t"]]
    log = make_log(client("z", wrong))
    assert find(recurring(log, tolerance=0.2), "z", "t")["status"] == "recurring"
    assert find(recurring(log, tolerance=0.19), "z", "t")["status"] == "worsening"


def test_min_interviews_and_recent(log) -> None:
    # with min_interviews=3, nerves (2 interviews) is no longer an established pattern
    assert find(recurring(log, min_interviews=3), "res", "nerves")["status"] == "new"
    # with recent=5, nerves (interview 2) is within the last five: not resolved
    assert find(recurring(log, recent=5), "res", "nerves")["status"] != "resolved"


def test_other_is_left_out_unless_asked(log) -> None:
    assert "other" not in set(recurring(log)["theme"])
    other = find(recurring(log, include_other=True), "rec", "other")
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
    # went-wrong view of the same log has nothing
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


def test_sorted_by_group_then_most_interviews(log) -> None:
    r = recurring(log)
    res = r[r["client"] == "res"]
    assert res["theme"].tolist() == ["nerves", "tech"]  # 2 interviews, then 1
    assert r["client"].tolist() == sorted(r["client"].tolist())


def test_by_none_pools_every_client(log) -> None:
    r = recurring(log, by=None)
    assert "client" not in r.columns
    row = r[r["theme"] == "nerves"].iloc[0]
    assert row["group_interviews"] == 6 * 5 + 5
    assert row["n_interviews"] == 2


def test_small_sample_flag() -> None:
    log = make_log(client("one", [["t"]]))  # a client with a single interview
    r = recurring(log)
    assert r["status"].tolist() == ["new"]
    assert r["small_sample"].tolist() == [True]
    assert r["share"].tolist() == [1.0]


def test_no_items_gives_an_empty_frame_with_the_columns() -> None:
    log = make_log([dict(client="a", date="2026-01-01")])
    r = recurring(log)
    assert len(r) == 0
    assert {"client", "theme", "n_interviews", "status", "entry_ids"} <= set(r.columns)


def test_input_is_not_mutated(log) -> None:
    before = snapshot(log)
    out = recurring(log)
    out["entry_ids"].iloc[0].append("x")  # the lists are new lists
    recurring(log, polarity="well", by=None, include_other=True)
    assert_unchanged(log, before)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"polarity": "bad"}, r"`polarity` must be 'well' or 'wrong'"),
        ({"min_interviews": 0}, r"`min_interviews`"),
        ({"recent": -1}, r"`recent`"),
        ({"tolerance": 2}, r"`tolerance`"),
    ],
)
def test_bad_parameters(log, kwargs, message) -> None:
    with pytest.raises(RecoveryAnalyticsError, match=message):
        recurring(log, **kwargs)


def test_empty_filter(log) -> None:
    with pytest.raises(RecoveryAnalyticsError, match=r"No interviews match"):
        recurring(log.filter(end="2000-01-01"))


def test_dates_are_datetimes(log) -> None:
    r = recurring(log)
    assert r["first_seen"].dtype == np.dtype("datetime64[us]")
