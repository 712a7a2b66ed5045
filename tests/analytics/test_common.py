"""What every analysis promises: clear errors, no mutation, zero items are fine."""

from __future__ import annotations

import copy
import datetime as dt
import inspect
from collections.abc import Callable, Iterator
from dataclasses import fields, is_dataclass
from typing import Any

import pandas as pd
import pytest

from recovery_analytics import ReflectionLog
from recovery_analytics import analytics as an
from recovery_analytics._validate import normalise
from recovery_analytics.exceptions import RecoveryAnalyticsError

from ._builders import assert_unchanged, make_log, snapshot

TODAY = "2026-04-01"

CALLS: dict[str, Callable[[ReflectionLog], Any]] = {
    "balance": lambda log: an.balance(log),
    "balance(freq)": lambda log: an.balance(log, freq="M"),
    "balance(window)": lambda log: an.balance(log, window=3),
    "theme_balance": lambda log: an.theme_balance(log, by="client"),
    "recurring": lambda log: an.recurring(log),
    "recurring(well)": lambda log: an.recurring(log, polarity="well", include_other=True),
    "timeline": lambda log: an.timeline(log),
    "timeline_wide": lambda log: an.timeline_wide(an.timeline(log)),
    "cohort": lambda log: an.cohort(log, today=TODAY),
    "cohort_themes": lambda log: an.cohort_themes(log),
    "attention": lambda log: an.attention(log, today=TODAY),
    "recovery": lambda log: an.recovery(log),
    "follow_ups": lambda log: an.follow_ups(log),
    "plan_b": lambda log: an.plan_b(log, today=TODAY),
    "plan_b_actions": lambda log: an.plan_b_actions(log, today=TODAY),
    "client_summary": lambda log: an.client_summary(log),
    "client_summary_records": lambda log: an.client_summary_records(log),
}

RICH = [
    dict(
        client="a",
        date="2026-01-05",
        well=["rapport", None],
        wrong=[["technical", "nerves"]],
        feeling=2,
        connection=3,
        outcome="rejected",
        follow_up_requested=True,
        follow_up_response="declined",
        reflected_on="2026-01-06",
        plan_b=[("Apply elsewhere", True)],
        stage="phone",
    ),
    dict(
        client="a",
        date="2026-02-05",
        wrong=["nerves", None],
        feeling=3,
        outcome="next_round",
        plan_b=[("Practise", False)],
    ),
    dict(client="a", date="2026-03-05", well=["examples"], feeling=4),
    dict(client="b", date="2026-01-05", well=[None], wrong=["salary"], follow_up_requested=False),
]


@pytest.fixture
def log() -> ReflectionLog:
    return make_log(RICH)


@pytest.mark.parametrize("name", CALLS)
def test_empty_filter_has_a_clear_message(log, name) -> None:
    empty = log.filter(client="a", start="2027-01-01")
    with pytest.raises(
        RecoveryAnalyticsError, match=r"^No interviews match this selection; `\w+` has nothing"
    ):
        CALLS[name](empty)


def _takes_a_log(name: str) -> bool:
    obj = getattr(an, name)
    if not inspect.isfunction(obj):
        return False
    return list(inspect.signature(obj).parameters)[:1] == ["log"]


def test_every_public_analytics_function_is_checked() -> None:
    """A new public function that takes a log joins CALLS, so the checks below reach it."""
    public = {n for n in an.__all__ if _takes_a_log(n)}
    checked = {name.split("(")[0] for name in CALLS}
    assert public == checked - {"timeline_wide"}  # timeline_wide takes timeline's frame


def _frames(result: Any) -> Iterator[pd.DataFrame]:
    """Every frame in what an analytics function returned."""
    if isinstance(result, pd.DataFrame):
        yield result
    elif is_dataclass(result):
        for f in fields(result):
            yield getattr(result, f.name)
    else:  # client_summary_records: a list of dicts
        yield pd.DataFrame(result)


@pytest.mark.parametrize("name", CALLS)
def test_inputs_are_not_mutated(log, name) -> None:
    before = snapshot(log)
    CALLS[name](log)
    assert_unchanged(log, before)


def test_frames_passed_in_are_not_mutated(log) -> None:
    interviews = copy.deepcopy(log.interviews)
    an.balance(log.interviews, freq="M")
    pd.testing.assert_frame_equal(log.interviews, interviews)
    counts = an.timeline(log)
    before = counts.copy(deep=True)
    an.timeline_wide(counts, values="n_items")
    pd.testing.assert_frame_equal(counts, before)


@pytest.mark.parametrize("name", CALLS)
def test_a_log_with_zero_items_works(name) -> None:
    log = make_log(
        [dict(client="a", date="2026-01-05", outcome="offer"), dict(client="b", date="2026-02-05")]
    )
    assert len(log.items) == 0
    frames = list(_frames(CALLS[name](log)))
    assert frames
    for frame in frames:
        # nothing was written, so nothing is counted; themes never appear from nowhere
        for column in ("n_well", "n_wrong", "n_items"):
            if column in frame.columns:
                assert frame[column].sum() == 0, column
        if "theme" in frame.columns:
            assert len(frame) == 0
        if "client" in frame.columns:
            assert set(frame["client"]) <= {"a", "b"}


@pytest.mark.parametrize("name", CALLS)
def test_a_client_with_one_interview_works(name) -> None:
    solo = dict(client="solo", date="2026-01-05", wrong=["nerves"], well=["rapport"])
    log = make_log([{**solo, "plan_b": [("Apply elsewhere", False)]}])
    frames = list(_frames(CALLS[name](log)))
    assert frames and any(len(f) for f in frames)
    for frame in frames:
        if "client" in frame.columns:
            assert set(frame["client"]) == {"solo"}
        if "small_sample" in frame.columns:  # one interview is always a small sample
            assert frame["small_sample"].all()
        for column in ("interviews", "group_interviews", "client_interviews"):
            if column in frame.columns:
                assert set(frame[column]) <= {0, 1}, column


@pytest.mark.parametrize(
    "value",
    ["2026-03-04", "2026-03-04 17:30", dt.date(2026, 3, 4), pd.Timestamp("2026-03-04 09:00")],
)
def test_today_takes_any_date_like_value(log, value) -> None:
    assert an.resolve_today(value) == pd.Timestamp("2026-03-04")
    pd.testing.assert_frame_equal(
        an.plan_b(log, today=value), an.plan_b(log, today=pd.Timestamp("2026-03-04"))
    )


def test_today_defaults_to_the_date_today() -> None:
    assert an.resolve_today(None) == pd.Timestamp(dt.date.today())
    assert an.resolve_today(pd.Timestamp("2026-03-04 23:00", tz="Europe/Berlin")) == (
        pd.Timestamp("2026-03-04")
    )


@pytest.mark.parametrize("value", ["soon", "", float("nan"), [2026]])
def test_a_bad_today_is_explained(value) -> None:
    with pytest.raises(RecoveryAnalyticsError, match=r"`today` must be a date such as"):
        an.resolve_today(value)


def test_not_a_log() -> None:
    with pytest.raises(TypeError, match=r"`recurring` needs a ReflectionLog.*list was passed"):
        an.recurring([])  # type: ignore[arg-type]


def test_items_need_themes(log) -> None:
    bare = ReflectionLog(log.interviews, log.items.drop(columns=["themes", "theme"]), log.actions)
    with pytest.raises(RecoveryAnalyticsError, match="no `themes` column"):
        an.recurring(bare)


def test_items_of_unknown_entries_are_ignored(log) -> None:
    stray = log.items.iloc[[0]].assign(entry_id="not-an-entry")
    more = ReflectionLog(
        log.interviews, pd.concat([log.items, stray], ignore_index=True), log.actions
    )
    pd.testing.assert_frame_equal(an.theme_balance(more), an.theme_balance(log))


def test_builder_makes_the_dtypes_load_makes() -> None:
    """Keeps the test builder honest: same columns and dtypes as the validator's frames."""
    raw = pd.DataFrame(
        {
            "interview_date": ["2026-03-04"],
            "client": ["ana"],
            "went_well": ["a"],
            "went_wrong": ["b"],
            "plan_b": ["[x] c"],
            "_file": ["f"],
            "_line": [1],
        }
    )
    ref = normalise(raw)
    mine = make_log(
        [dict(client="ana", date="2026-03-04", well=[None], wrong=[None], plan_b=[("c", True)])]
    )
    for got, want in (
        (mine.interviews, ref.interviews),
        (mine.items.drop(columns=["themes", "theme"]), ref.items),
        (mine.actions, ref.actions),
    ):
        assert list(got.columns) == list(want.columns)
        assert got.dtypes.astype(str).tolist() == want.dtypes.astype(str).tolist()
        assert got.index.name == want.index.name


def test_public_names() -> None:
    assert sorted(an.__all__) == sorted(set(an.__all__))
    for name in an.__all__:
        assert hasattr(an, name)
