"""The plain words: one place, taken from the model, used by analytics and charts."""

from __future__ import annotations

import pytest

from recovery_analytics import analytics, charts, vocabulary
from recovery_analytics.model import FIELDS, enum_values
from recovery_analytics.vocabulary import (
    FOLLOW_UP_GROUPS,
    NOT_RECORDED,
    STATUS_LABELS,
    follow_up_label,
    outcome_label,
    plural,
    pretty_theme,
    status_label,
)


@pytest.mark.parametrize(
    ("n", "word", "many", "expected"),
    [
        (0, "interview", None, "0 interviews"),
        (1, "interview", None, "1 interview"),
        (2, "interview", None, "2 interviews"),
        (1, "company", "companies", "1 company"),
        (3, "company", "companies", "3 companies"),
    ],
)
def test_plural(n, word, many, expected) -> None:
    assert plural(n, word, many) == expected


def test_pretty_theme() -> None:
    assert pretty_theme("time_management") == "time management"
    assert pretty_theme("other") == "other (no theme)"
    assert pretty_theme("other_things") == "other things"


def test_outcome_words_come_from_the_field_specification() -> None:
    for choice in FIELDS["outcome"].choices:
        assert outcome_label(choice.value) == choice.label
    assert outcome_label("withdrew") == "withdrew"
    assert outcome_label(NOT_RECORDED) == "not recorded"


def test_every_follow_up_group_of_the_analytics_has_words() -> None:
    assert tuple(FOLLOW_UP_GROUPS) == analytics.FOLLOW_UP_GROUPS
    words = [follow_up_label(g) for g in analytics.FOLLOW_UP_GROUPS]
    assert words == ["asked for another conversation", "did not ask", "not recorded"]
    assert follow_up_label("some_group") == "some group"  # unknown: readable, not an error


def test_every_status_of_the_analytics_has_distinct_words() -> None:
    assert set(STATUS_LABELS) == set(analytics.STATUSES)
    words = [status_label(s) for s in analytics.STATUSES]
    assert len(set(words)) == len(words)
    assert all(w != s for w, s in zip(words, analytics.STATUSES, strict=True))
    assert status_label("unknown") == "unknown"


def test_charts_and_analytics_use_these_words() -> None:
    for outcome, style in charts.OUTCOME_STYLE.items():
        assert style["label"] == outcome_label(outcome)
    assert list(charts.OUTCOME_STYLE) == [*enum_values("outcome"), NOT_RECORDED]
    for status, style in charts.STATUS_STYLE.items():
        assert style["label"] == status_label(status)
        assert style["color"] == charts.STATUS_COLOURS[status]


def test_public_names() -> None:
    assert sorted(vocabulary.__all__) == sorted(set(vocabulary.__all__))
    for name in vocabulary.__all__:
        assert hasattr(vocabulary, name)
