"""The plain summary behind the packets' and the dashboard's headline."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pandas as pd
import pytest

from recovery_analytics.analytics._examples import example_log
from recovery_analytics.exceptions import RecoveryAnalyticsError
from recovery_analytics.reports import (
    client_headline,
    headline,
    summarise,
    summarise_clients,
)

TODAY = "2026-04-01"


def test_summary_holds_plain_values_only() -> None:
    s = summarise(example_log(), client="ana", today=TODAY)
    for f in dataclasses.fields(s):
        value = getattr(s, f.name)
        assert not isinstance(value, (pd.Series, pd.DataFrame, pd.Timestamp)), f.name
    assert isinstance(s.first_date, dt.date)


def test_summary_numbers_come_from_the_log() -> None:
    log = example_log()
    frame = log.interviews.loc[log.interviews["client"] == "ana"]
    s = summarise(log, client="ANA", today=TODAY)  # case does not matter
    assert s.client == "ana"
    assert s.interviews == len(frame)
    assert s.went_well == int(frame["n_well"].sum())
    assert s.went_wrong == int(frame["n_wrong"].sum())
    assert s.first_date == frame["interview_date"].min().date()
    assert s.last_date == frame["interview_date"].max().date()
    feeling = pd.to_numeric(frame["feeling"], errors="coerce").dropna()
    assert s.feeling_noted == len(feeling)
    assert s.feeling_mean == pytest.approx(feeling.mean())
    counted = frame["outcome"].astype(object).fillna("not_recorded").value_counts()
    assert {k: v for k, v in s.outcomes.items() if v} == {
        str(k): v for k, v in counted.items() if v
    }
    assert s.days_since_last == (pd.Timestamp(TODAY) - frame["interview_date"].max()).days


def test_one_client_log_needs_no_name_and_several_do() -> None:
    log = example_log()
    one = log.filter(client="ben")
    assert summarise(one, today=TODAY) == summarise(log, client="ben", today=TODAY)
    with pytest.raises(RecoveryAnalyticsError, match="ana, ben"):
        summarise(log, today=TODAY)


def test_coach_summary_is_the_same_as_each_client_alone() -> None:
    log = example_log()
    coach = summarise_clients(log, today=TODAY)
    assert coach.interviews == len(log)
    for client in log.clients:
        assert coach.clients[client] == summarise(log, client=client, today=TODAY)


def test_client_headline_is_headline_of_summarise() -> None:
    log = example_log()
    assert client_headline(log, client="ana", today=TODAY) == headline(
        summarise(log, client="ana", today=TODAY)
    )


@pytest.mark.parametrize("today", ["not a date", "", float("nan")])
def test_a_wrong_today_is_named(today: object) -> None:
    with pytest.raises(RecoveryAnalyticsError, match="`today`"):
        summarise(example_log(), client="ana", today=today)  # type: ignore[arg-type]
