"""cohort() and cohort_themes(): the coach's view."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from recovery_analytics.analytics import cohort, cohort_themes
from recovery_analytics.exceptions import RecoveryAnalyticsError

from ._builders import assert_unchanged, make_log, snapshot

TODAY = "2026-06-30"


def ana(i: int, date: str, well: int, wrong: list, **fields) -> dict:
    return dict(client="ana", id=f"ana-{i}", date=date, well=[None] * well, wrong=wrong, **fields)


ENTRIES = [
    # ana, six interviews. With window=3: previous = 1-3, current = 4-6.
    ana(
        1,
        "2026-05-16",
        3,
        ["nerves"],
        follow_up_requested=True,
        follow_up_response="granted",
        outcome="next_round",
    ),
    ana(2, "2026-05-23", 3, ["nerves"], follow_up_requested=False, outcome="rejected"),
    ana(
        3,
        "2026-05-30",
        2,
        ["technical", None],
        follow_up_requested=True,
        follow_up_response="declined",
        outcome="rejected",
    ),
    ana(4, "2026-06-06", 1, ["technical", None, None], outcome="offer"),
    ana(5, "2026-06-13", 1, ["technical", "salary"]),
    ana(6, "2026-06-20", 2, ["technical", "salary"], outcome="pending"),
    # ben: one interview long ago, nothing written
    dict(client="ben", id="ben-1", date="2026-01-10"),
    # cara: two interviews, given out of order
    dict(client="cara", id="cara-2", date="2026-06-01", well=[None], wrong=["salary"]),
    dict(client="cara", id="cara-1", date="2026-05-31", well=[None, None]),
]


@pytest.fixture
def log():
    return make_log(ENTRIES)


@pytest.fixture
def table(log) -> pd.DataFrame:
    return cohort(log, today=TODAY, window=3).set_index("client")


def test_one_row_per_client(table) -> None:
    assert table.index.tolist() == ["ana", "ben", "cara"]
    assert table["interviews"].tolist() == [6, 1, 2]
    assert table.loc["cara", "first_date"] == pd.Timestamp("2026-05-31")
    assert table.loc["cara", "last_date"] == pd.Timestamp("2026-06-01")


def test_days_since_last_and_inactive(log, table) -> None:
    # ana: 20 June -> 30 June = 10 days
    assert table.loc["ana", "days_since_last"] == 10
    # ben: 10 Jan -> 30 Jun = 21 (rest of Jan) + 28 + 31 + 30 + 31 + 30 = 171 days
    assert table.loc["ben", "days_since_last"] == 171
    # cara: 1 June -> 30 June = 29 days
    assert table.loc["cara", "days_since_last"] == 29
    assert table["inactive"].tolist() == [False, True, False]
    # inactive means more than `inactive_after` days: 29 is not more than 29
    assert (
        not cohort(log, today=TODAY, inactive_after=29).set_index("client").loc["cara", "inactive"]
    )
    assert cohort(log, today=TODAY, inactive_after=28).set_index("client").loc["cara", "inactive"]


def test_current_and_previous_balance(table) -> None:
    a = table.loc["ana"]
    # previous = interviews 1-3: well 3 + 3 + 2 = 8, wrong 1 + 1 + 2 = 4 -> 2.0, share 8/12
    assert a["previous_interviews"] == 3
    assert a["previous_ratio"] == 2.0
    assert a["previous_share_positive"] == pytest.approx(8 / 12)
    # current = interviews 4-6: well 1 + 1 + 2 = 4, wrong 3 + 2 + 2 = 7 -> 4/7, share 4/11
    assert a["current_interviews"] == 3
    assert a["current_ratio"] == pytest.approx(4 / 7)
    assert a["current_share_positive"] == pytest.approx(4 / 11)
    # change = 4/11 - 8/12 = -0.303 < -0.1 -> declining
    assert a["share_change"] == pytest.approx(4 / 11 - 8 / 12)
    assert a["declining"]
    b = table.loc["ben"]
    assert b["current_interviews"] == 1 and np.isnan(b["current_ratio"])  # no items
    assert b["previous_interviews"] == 0 and np.isnan(b["previous_ratio"])
    assert not b["declining"]
    c = table.loc["cara"]
    # both interviews are current: well 2 + 1 = 3, wrong 0 + 1 = 1 -> 3.0
    assert (c["current_interviews"], c["current_ratio"]) == (2, 3.0)


def test_default_window_is_five(log) -> None:
    a = cohort(log, today=TODAY).set_index("client").loc["ana"]
    # current = interviews 2-6: well 3+2+1+1+2 = 9, wrong 1+2+3+2+2 = 10; previous = interview 1
    assert (a["current_interviews"], a["previous_interviews"]) == (5, 1)
    assert a["current_ratio"] == pytest.approx(9 / 10)


def test_weaknesses(table) -> None:
    a = table.loc["ana"]
    # nerves: interviews 1, 2, not in the last three -> resolved (1 resolved)
    # technical: interviews 3-6 (4) -> the top one; salary: 5, 6 (new, 2 interviews)
    assert a["top_weakness"] == "technical"
    assert a["top_weakness_interviews"] == 4
    assert a["weaknesses_resolved"] == 1
    assert pd.isna(table.loc["ben", "top_weakness"])
    # cara: salary once -> fewer than min_interviews, not a top weakness yet
    assert pd.isna(table.loc["cara", "top_weakness"])


def test_follow_ups_and_outcomes(table) -> None:
    a = table.loc["ana"]
    # recorded in 1-3; requested in 1 and 3 -> 2/3; granted once
    assert (a["follow_ups_recorded"], a["follow_ups_requested"], a["follow_ups_granted"]) == (
        3,
        2,
        1,
    )
    assert a["follow_up_rate"] == pytest.approx(2 / 3)
    assert np.isnan(table.loc["ben", "follow_up_rate"])  # nothing recorded
    outcomes = {c.removeprefix("outcome_"): a[c] for c in table.columns if c.startswith("outcome_")}
    assert outcomes == {
        "pending": 1,
        "next_round": 1,
        "offer": 1,
        "rejected": 2,
        "withdrew": 0,
        "ghosted": 0,
        "not_recorded": 1,
    }


def test_small_sample(table) -> None:
    assert table["small_sample"].tolist() == [False, True, True]


def test_cohort_themes(log) -> None:
    ct = cohort_themes(log)
    assert list(ct.columns) == [
        "client",
        "theme",
        "n_interviews",
        "share",
        "client_interviews",
        "small_sample",
    ]
    # 3 clients x 3 went-wrong themes (nerves, salary, technical), zeros included
    assert len(ct) == 9
    got = {
        (c, t): (n, s)
        for c, t, n, s in zip(
            ct["client"], ct["theme"], ct["n_interviews"], ct["share"], strict=True
        )
    }
    assert got[("ana", "technical")] == (4, pytest.approx(4 / 6))
    assert got[("ana", "nerves")] == (2, pytest.approx(2 / 6))
    assert got[("cara", "salary")] == (1, 0.5)
    assert got[("ben", "salary")] == (0, 0.0)
    assert ct.set_index("client")["client_interviews"].groupby(level=0).first().to_dict() == {
        "ana": 6,
        "ben": 1,
        "cara": 2,
    }


def test_cohort_themes_strengths() -> None:
    log = make_log(
        [dict(client="a", date="2026-01-01", well=["rapport"]), dict(client="b", date="2026-01-01")]
    )
    ct = cohort_themes(log, polarity="well")
    assert ct[["client", "n_interviews"]].values.tolist() == [["a", 1], ["b", 0]]


def test_today_defaults_to_today_and_is_checked(log) -> None:
    days = cohort(log)["days_since_last"]
    assert (days >= 10).all()  # the fixture's last interview is 2026-06-20
    with pytest.raises(RecoveryAnalyticsError, match="`today`"):
        cohort(log, today="someday")
    with pytest.raises(RecoveryAnalyticsError, match="`inactive_after`"):
        cohort(log, inactive_after=-1)


def test_empty_and_not_mutated(log) -> None:
    before = snapshot(log)
    cohort(log, today=TODAY)
    cohort_themes(log, include_other=True)
    assert_unchanged(log, before)
    with pytest.raises(RecoveryAnalyticsError, match="No interviews match"):
        cohort(log.filter(client="ben", start="2026-02-01"))
