"""recovery(): feeling, reflection lag, connection against outcome."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from recovery_analytics.analytics import Recovery, recovery

from ._builders import assert_unchanged, make_log, snapshot
from .test_stats import wilson_by_hand

ENTRIES = [
    dict(
        client="a",
        id="a-1",
        date="2026-01-05",
        feeling=2,
        connection=4,
        outcome="next_round",
        reflected_on="2026-01-05",
    ),
    dict(
        client="a",
        id="a-2",
        date="2026-01-25",
        feeling=4,
        connection=4,
        outcome="rejected",
        reflected_on="2026-01-28",
    ),
    dict(
        client="a",
        id="a-3",
        date="2026-03-01",
        connection=2,
        outcome="withdrew",
        reflected_on="2026-03-08",
    ),
    dict(client="b", id="b-4", date="2026-01-10", feeling=1, connection=2, outcome="ghosted"),
    dict(client="b", id="b-5", date="2026-02-10", feeling=5),
]


@pytest.fixture
def result() -> Recovery:
    return recovery(make_log(ENTRIES))


def test_feeling_over_time(result) -> None:
    f = result.feeling_over_time
    assert list(f.columns) == [
        "client",
        "period",
        "interviews",
        "n_feeling",
        "mean_feeling",
        "small_sample",
    ]
    a = f[f["client"] == "a"]
    # Jan: feelings 2 and 4 -> 3.0; Feb: no interview; Mar: one interview, no feeling
    assert a["interviews"].tolist() == [2, 0, 1]
    assert a["n_feeling"].tolist() == [2, 0, 0]
    assert a["mean_feeling"].iloc[0] == 3.0
    assert a["mean_feeling"].iloc[1:].isna().all()
    b = f[f["client"] == "b"]
    assert b["mean_feeling"].tolist() == [1.0, 5.0]
    assert f["small_sample"].all()


def test_feeling_by_outcome(result) -> None:
    f = result.feeling_by_outcome.set_index("outcome")
    assert f.index.tolist() == [
        "pending",
        "next_round",
        "offer",
        "rejected",
        "withdrew",
        "ghosted",
        "not_recorded",
    ]
    assert f.loc["next_round", "mean_feeling"] == 2.0
    assert f.loc["rejected", "mean_feeling"] == 4.0
    assert (f.loc["withdrew", "interviews"], f.loc["withdrew", "n_feeling"]) == (1, 0)
    assert np.isnan(f.loc["withdrew", "mean_feeling"])
    assert f.loc["not_recorded", "median_feeling"] == 5.0  # b-5 has no outcome
    assert f.loc["pending", "interviews"] == 0


def test_reflection_lag(result) -> None:
    lag = result.reflection_lag.set_index("client")
    # a: 0, 3 and 7 days -> mean 10/3, median 3, max 7, one written the same day
    assert lag.loc["a", "n_lag"] == 3
    assert lag.loc["a", "mean_days"] == pytest.approx(10 / 3)
    assert (lag.loc["a", "median_days"], lag.loc["a", "max_days"], lag.loc["a", "same_day"]) == (
        3.0,
        7.0,
        1,
    )
    assert lag.loc["b", "n_lag"] == 0 and np.isnan(lag.loc["b", "mean_days"])


def test_connection_against_outcome(result) -> None:
    c = result.connection_outcome.set_index("connection")
    assert c.index.tolist() == [1, 2, 3, 4, 5]
    # connection 2: a-3 withdrew (not an employer's answer) and b-4 ghosted -> 1 decided, 0 progressed
    assert (c.loc[2, "interviews"], c.loc[2, "decided"], c.loc[2, "progressed"]) == (2, 1, 0)
    assert c.loc[2, "share_progressed"] == 0.0
    # connection 4: next_round and rejected -> 1 of 2 progressed
    assert (c.loc[4, "decided"], c.loc[4, "progressed"], c.loc[4, "share_progressed"]) == (
        2,
        1,
        0.5,
    )
    # Wilson for 1/2: centre 0.5, half = 1.96/2.9208 * sqrt(0.125 + 3.8416/16) = 0.4055
    low, high = wilson_by_hand(1, 2)
    assert c.loc[4, "share_low"] == pytest.approx(low, abs=1e-3)
    assert c.loc[4, "share_high"] == pytest.approx(high, abs=1e-3)
    assert c.loc[4, "share_low"] == pytest.approx(0.0945, abs=1e-3)
    assert c.loc[1, "interviews"] == 0 and np.isnan(c.loc[1, "share_progressed"])
    assert c["small_sample"].all()


def test_by_none_and_not_mutated() -> None:
    log = make_log(ENTRIES)
    before = snapshot(log)
    r = recovery(log, by=None, freq="Q")
    assert "client" not in r.feeling_over_time.columns
    # Q1 2026: feelings 2, 4, 1, 5 -> 12 / 4 = 3.0
    assert r.feeling_over_time["mean_feeling"].tolist() == [3.0]
    assert r.reflection_lag["n_lag"].tolist() == [3]
    assert_unchanged(log, before)
    assert isinstance(r.feeling_by_outcome, pd.DataFrame)
