"""balance(): per interview, per period (pooled) and over a window."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recovery_analytics.analytics import balance
from recovery_analytics.exceptions import RecoveryAnalyticsError

from ._builders import assert_unchanged, make_log, snapshot
from .test_stats import wilson_by_hand

# ana and ben interview on the same two days; cara has a single interview.
ENTRIES = [
    dict(client="ana", date="2026-01-05", well=[None] * 3, wrong=[None] * 2, stage="phone"),  # 3/2
    dict(client="ana", date="2026-01-20", well=[None], stage="onsite"),  # 1/0: only positives
    dict(client="ana", date="2026-03-10", stage="onsite"),  # no items at all
    dict(client="ben", date="2026-01-05", wrong=[None] * 2, stage="phone"),  # 0/2
    dict(client="ben", date="2026-01-20", well=[None] * 2, wrong=[None] * 2),  # 2/2
    dict(client="cara", date="2026-02-14", well=[None], wrong=[None]),  # 1/1, her only one
]


@pytest.fixture
def log():
    return make_log(ENTRIES)


def row(frame: pd.DataFrame, **where: object) -> pd.Series:
    mask = np.ones(len(frame), dtype=bool)
    for k, v in where.items():
        mask &= (frame[k] == v).to_numpy()
    assert mask.sum() == 1, where
    return frame[mask].iloc[0]


def test_per_interview_columns_and_values(log) -> None:
    b = balance(log)
    assert list(b.columns) == [
        "entry_id",
        "client",
        "interview_date",
        "n_well",
        "n_wrong",
        "ratio",
        "share_positive",
    ]
    # group then chronological order
    assert b["entry_id"].tolist() == ["ana-1", "ana-2", "ana-3", "ben-4", "ben-5", "cara-6"]
    ratio = dict(zip(b["entry_id"], b["ratio"], strict=True))
    assert ratio["ana-1"] == 1.5  # 3 well / 2 wrong
    assert np.isposinf(ratio["ana-2"])  # 1 / 0: only positives
    assert np.isnan(ratio["ana-3"])  # no items
    assert ratio["ben-4"] == 0.0  # 0 / 2
    assert ratio["ben-5"] == 1.0  # 2 / 2
    assert ratio["cara-6"] == 1.0  # 1 / 1
    share = dict(zip(b["entry_id"], b["share_positive"], strict=True))
    assert share["ana-1"] == pytest.approx(0.6)  # 3 / 5
    assert share["ana-2"] == 1.0
    assert np.isnan(share["ana-3"])


def test_by_none_and_by_a_list(log) -> None:
    assert list(balance(log, by=None).columns) == [
        "entry_id",
        "interview_date",
        "n_well",
        "n_wrong",
        "ratio",
        "share_positive",
    ]
    b = balance(log, by=["client", "stage"])
    assert list(b.columns[:3]) == ["entry_id", "client", "stage"]
    assert len(b) == 6


def test_monthly_is_pooled_with_empty_periods(log) -> None:
    m = balance(log, freq="M")
    assert list(m.columns) == [
        "client",
        "period",
        "interviews",
        "n_well",
        "n_wrong",
        "ratio",
        "share_positive",
        "share_low",
        "share_high",
        "small_sample",
    ]
    # ana: Jan (2 interviews), Feb (none), Mar (1); ben: Jan only; cara: Feb only
    assert list(zip(m["client"], m["period"].dt.strftime("%Y-%m"), strict=True)) == [
        ("ana", "2026-01"),
        ("ana", "2026-02"),
        ("ana", "2026-03"),
        ("ben", "2026-01"),
        ("cara", "2026-02"),
    ]
    jan = row(m, client="ana", period=pd.Timestamp("2026-01-01"))
    # pooled: (3 + 1) well / (2 + 0) wrong = 2.0 - the mean of the ratios 1.5 and inf would be inf
    assert (jan["interviews"], jan["n_well"], jan["n_wrong"]) == (2, 4, 2)
    assert jan["ratio"] == 2.0
    assert jan["share_positive"] == pytest.approx(4 / 6)
    low, high = wilson_by_hand(4, 6)  # about (0.300, 0.903)
    assert jan["share_low"] == pytest.approx(low, abs=1e-3)
    assert jan["share_high"] == pytest.approx(high, abs=1e-3)
    assert jan["small_sample"]  # 2 interviews < 5
    feb = row(m, client="ana", period=pd.Timestamp("2026-02-01"))
    assert (feb["interviews"], feb["n_well"], feb["n_wrong"]) == (0, 0, 0)
    assert np.isnan(feb["ratio"]) and np.isnan(feb["share_low"]) and feb["small_sample"]
    mar = row(m, client="ana", period=pd.Timestamp("2026-03-01"))
    assert mar["interviews"] == 1 and np.isnan(mar["ratio"])  # an interview without items
    ben = row(m, client="ben")
    assert (ben["interviews"], ben["n_well"], ben["n_wrong"], ben["ratio"]) == (2, 2, 4, 0.5)


def test_same_dates_of_two_clients_are_not_mixed(log) -> None:
    m = balance(log, freq="M")
    assert row(m, client="ana", period=pd.Timestamp("2026-01-01"))["n_wrong"] == 2
    assert row(m, client="ben", period=pd.Timestamp("2026-01-01"))["n_wrong"] == 4


def test_whole_log_by_month(log) -> None:
    m = balance(log, by=None, freq="ME")
    assert "client" not in m.columns
    assert m["period"].dt.strftime("%Y-%m").tolist() == ["2026-01", "2026-02", "2026-03"]
    # Jan: ana 3/2 + 1/0, ben 0/2 + 2/2 -> 6 / 6; Feb: cara 1/1; Mar: ana 0/0
    assert m["interviews"].tolist() == [4, 1, 1]
    assert m["n_well"].tolist() == [6, 1, 0]
    assert m["n_wrong"].tolist() == [6, 1, 0]
    assert m["ratio"].tolist()[:2] == [1.0, 1.0] and math.isnan(m["ratio"].iloc[2])


def test_quarters_and_weeks(log) -> None:
    q = balance(log, freq="Q")
    ana = row(q, client="ana")
    assert (ana["interviews"], ana["n_well"], ana["n_wrong"], ana["ratio"]) == (3, 4, 2, 2.0)
    w = balance(log, freq="W")
    ana_weeks = w[w["client"] == "ana"]
    # weeks from Monday 2026-01-05 to Monday 2026-03-09: 63 days = 9 weeks later -> 10 rows
    assert len(ana_weeks) == 10
    assert (ana_weeks["period"].dt.day_of_week == 0).all()
    assert ana_weeks["interviews"].sum() == 3


def test_window_pools_each_interviews_last_k(log) -> None:
    w = balance(log, window=2)
    assert list(w.columns) == [
        "entry_id",
        "client",
        "interview_date",
        "interviews",
        "n_well",
        "n_wrong",
        "ratio",
        "share_positive",
        "share_low",
        "share_high",
        "small_sample",
    ]
    got = {
        e: (n, a, b)
        for e, n, a, b in zip(
            w["entry_id"], w["interviews"], w["n_well"], w["n_wrong"], strict=True
        )
    }
    assert got["ana-1"] == (1, 3, 2)  # only itself
    assert got["ana-2"] == (2, 4, 2)  # ana-1 + ana-2
    assert got["ana-3"] == (2, 1, 0)  # ana-2 + ana-3: 1/0 -> inf
    assert got["ben-4"] == (1, 0, 2)  # a new group starts afresh
    assert got["ben-5"] == (2, 2, 4)
    assert got["cara-6"] == (1, 1, 1)
    assert np.isposinf(row(w, entry_id="ana-3")["ratio"])
    assert w["small_sample"].all()


def test_window_one_equals_per_interview(log) -> None:
    w = balance(log, window=1)
    b = balance(log)
    pd.testing.assert_series_equal(w["ratio"], b["ratio"])


def test_accepts_the_interviews_frame(log) -> None:
    pd.testing.assert_frame_equal(balance(log.interviews, freq="M"), balance(log, freq="M"))


def test_input_is_not_mutated(log) -> None:
    before = snapshot(log)
    for kwargs in ({}, {"freq": "M"}, {"window": 3}, {"by": None, "freq": "W"}):
        out = balance(log, **kwargs)
        out.iloc[:, :] = out.iloc[:, :]  # touching the result leaves the log alone
        out["n_well"] = -1
    assert_unchanged(log, before)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"freq": "fortnight"}, r"`freq` must be one of"),
        ({"window": 0}, r"`window` must be a whole number of at least 1"),
        ({"window": 2.5}, r"`window` must be a whole number"),
        ({"freq": "M", "window": 3}, r"either `freq`.*or `window`"),
        (
            {"by": "nope"},
            r"`by` must be None, a column of log.interviews.*Columns you can group by: client",
        ),
        ({"by": "interview_date"}, r"`by`"),
    ],
)
def test_bad_parameters_say_what_is_allowed(log, kwargs, message) -> None:
    with pytest.raises(RecoveryAnalyticsError, match=message):
        balance(log, **kwargs)


def test_empty_filter_gives_a_clear_message(log) -> None:
    empty = log.filter(start="2030-01-01")
    with pytest.raises(
        RecoveryAnalyticsError, match=r"^No interviews match this selection; `balance`"
    ):
        balance(empty, freq="M")


# -- property: pooling loses nothing -------------------------------------------------------

interviews = st.lists(
    st.tuples(
        st.sampled_from(["a", "b", "c"]),
        st.integers(min_value=-400, max_value=400),  # days from 2026-01-01
        st.integers(min_value=0, max_value=4),
        st.integers(min_value=0, max_value=4),
    ),
    min_size=1,
    max_size=30,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(interviews, st.sampled_from(["W", "M", "Q", "Y"]), st.sampled_from([None, "client"]))
def test_pooled_sums_equal_per_interview_sums(rows, freq, by) -> None:
    start = pd.Timestamp("2026-01-01")
    entries = [
        dict(
            client=c,
            date=(start + pd.Timedelta(days=d)).strftime("%Y-%m-%d"),
            well=[None] * w,
            wrong=[None] * x,
            id=f"e{i}",
        )
        for i, (c, d, w, x) in enumerate(rows)
    ]
    log = make_log(entries)
    per = balance(log, by=by)
    pooled = balance(log, by=by, freq=freq)
    keys = [by] if by else []
    if keys:
        want = per.groupby(keys)[["n_well", "n_wrong"]].sum()
        got = pooled.groupby(keys)[["n_well", "n_wrong"]].sum()
        pd.testing.assert_frame_equal(got, want)
        assert (pooled.groupby(keys)["interviews"].sum() == per.groupby(keys).size()).all()
    else:
        assert pooled["n_well"].sum() == per["n_well"].sum()
        assert pooled["n_wrong"].sum() == per["n_wrong"].sum()
        assert pooled["interviews"].sum() == len(per)
    # periods are consecutive within each group: no gaps, no duplicates
    for _, g in pooled.groupby(keys) if keys else [(None, pooled)]:
        codes = (
            g["period"].dt.to_period(freq).astype("int64")
            if freq != "W"
            else (g["period"] - pd.Timestamp("2026-01-05")).dt.days // 7
        )
        assert (np.diff(codes.to_numpy()) == 1).all()
