"""follow_ups(), plan_b() and plan_b_actions()."""

from __future__ import annotations

import numpy as np
import pytest

from recovery_analytics.analytics import FOLLOW_UP_GROUPS, follow_ups, plan_b, plan_b_actions

from ._builders import assert_unchanged, make_log, snapshot
from .test_stats import wilson_by_hand

ENTRIES = [
    dict(
        client="a",
        id="a-1",
        date="2026-01-05",
        follow_up_requested=True,
        follow_up_response="granted",
        outcome="next_round",
        plan_b=[("Apply to two similar roles", True), ("Practise SQL joins", False)],
    ),
    dict(
        client="a",
        id="a-2",
        date="2026-01-25",
        follow_up_requested=True,
        follow_up_response="no_response",
        outcome="ghosted",
        plan_b=[("Email the recruiter", False)],
    ),
    dict(client="a", id="a-3", date="2026-01-26", follow_up_requested=False, outcome="rejected"),
    dict(client="a", id="a-4", date="2026-01-27"),
    dict(
        client="b",
        id="b-5",
        date="2026-01-28",
        follow_up_requested=True,
        follow_up_response="pending",
        outcome="pending",
    ),
    # a response without the request filled in still counts as a response
    dict(client="b", id="b-6", date="2026-01-29", follow_up_response="granted", outcome="offer"),
]


@pytest.fixture
def log():
    return make_log(ENTRIES)


def test_rates_by_client(log) -> None:
    r = follow_ups(log).rates.set_index("client")
    a = r.loc["a"]
    # recorded in a-1..a-3, requested in a-1 and a-2 -> 2/3; granted 1, no response 1 -> 1/2
    assert (a["interviews"], a["recorded"], a["requested"]) == (4, 3, 2)
    assert a["request_rate"] == pytest.approx(2 / 3)
    assert (a["granted"], a["declined"], a["no_response"], a["pending"], a["answered"]) == (
        1,
        0,
        1,
        0,
        2,
    )
    assert a["grant_rate"] == 0.5
    low, high = wilson_by_hand(2, 3)
    assert (a["request_low"], a["request_high"]) == (
        pytest.approx(low, abs=1e-3),
        pytest.approx(high, abs=1e-3),
    )
    b = r.loc["b"]
    # b-5 requested (pending), b-6 granted without a recorded request -> 1 answered, 1 granted
    assert (b["recorded"], b["requested"], b["granted"], b["pending"], b["answered"]) == (
        1,
        1,
        1,
        1,
        1,
    )
    assert b["grant_rate"] == 1.0
    assert r["small_sample"].all()


def test_rates_whole_log(log) -> None:
    r = follow_ups(log, by=None).rates.iloc[0]
    # recorded 4 (a-1, a-2, a-3, b-5), requested 3 -> 0.75; answered 3, granted 2 -> 2/3
    assert (r["recorded"], r["requested"], r["request_rate"]) == (4, 3, 0.75)
    assert r["grant_rate"] == pytest.approx(2 / 3)


def test_outcomes_with_and_without_a_request(log) -> None:
    o = follow_ups(log, by=None).outcomes
    assert len(o) == 3 * 7  # every follow-up value x every outcome (and not_recorded)
    assert list(o["follow_up"].cat.categories) == list(FOLLOW_UP_GROUPS)
    got = {
        (f, oc): (n, size)
        for f, oc, n, size in zip(
            o["follow_up"], o["outcome"], o["n"], o["follow_up_interviews"], strict=True
        )
    }
    # requested: a-1 next_round, a-2 ghosted, b-5 pending
    assert got[("requested", "next_round")] == (1, 3)
    assert got[("requested", "ghosted")] == (1, 3)
    assert got[("requested", "offer")] == (0, 3)
    # not requested: a-3 rejected; not recorded: a-4 (no outcome) and b-6 offer
    assert got[("not_requested", "rejected")] == (1, 1)
    assert got[("not_recorded", "not_recorded")] == (1, 2)
    assert got[("not_recorded", "offer")] == (1, 2)
    assert o.groupby("follow_up", observed=True)["share"].sum().round(9).tolist() == [1.0, 1.0, 1.0]


def test_plan_b(log) -> None:
    p = plan_b(log, today="2026-02-04").set_index("client")
    a = p.loc["a"]
    # three actions, one done; open ones are 30 days (a-1, 5 Jan) and 10 days (a-2, 25 Jan) old
    assert (a["interviews"], a["interviews_with_plan"], a["actions"], a["done"], a["open"]) == (
        4,
        2,
        3,
        1,
        2,
    )
    assert a["done_share"] == pytest.approx(1 / 3)
    assert (a["oldest_open_days"], a["median_open_days"]) == (30.0, 20.0)
    b = p.loc["b"]
    assert (b["actions"], b["open"]) == (0, 0)
    assert np.isnan(b["done_share"]) and np.isnan(b["oldest_open_days"])


def test_plan_b_actions(log) -> None:
    acts = plan_b_actions(log, today="2026-02-04")
    assert list(acts.columns) == [
        "entry_id",
        "client",
        "interview_date",
        "text",
        "done",
        "age_days",
    ]
    assert acts["age_days"].tolist() == [30, 30, 10]
    assert acts["done"].tolist() == [True, False, False]


def test_no_actions_at_all_and_not_mutated() -> None:
    log = make_log([dict(client="a", date="2026-01-01")])
    before = snapshot(log)
    assert plan_b(log, today="2026-01-02")["actions"].tolist() == [0]
    assert len(plan_b_actions(log, today="2026-01-02")) == 0
    assert follow_ups(log).rates["recorded"].tolist() == [0]
    assert_unchanged(log, before)
