"""Every error is a RecoveryAnalyticsError; LogFormatError carries its problems."""

from __future__ import annotations

import inspect

import pytest

from recovery_analytics import exceptions
from recovery_analytics.exceptions import (
    EntryValidationError,
    LogFormatError,
    Problem,
    RecoveryAnalyticsError,
)


def test_every_error_class_derives_from_the_base() -> None:
    errors = [
        obj
        for _, obj in inspect.getmembers(exceptions, inspect.isclass)
        if issubclass(obj, Exception) and not issubclass(obj, Warning)
    ]
    assert len(errors) >= 5
    for cls in errors:
        assert issubclass(cls, RecoveryAnalyticsError), cls
        assert issubclass(cls, ValueError), cls


def test_log_format_error_names_the_first_and_counts_the_rest() -> None:
    problems = [Problem("a.csv", 3, "stage", "is odd"), Problem("b.md", None, None, "is empty")]
    err = LogFormatError(problems)
    assert (err.file, err.line, err.field) == ("a.csv", 3, "stage")
    assert str(err).startswith("a.csv:3: stage: is odd\n(and 1 more problem;")
    assert err.failure_cases["file"].tolist() == ["a.csv", "b.md"]
    assert err.failure_cases["message"].tolist() == ["is odd", "is empty"]


def test_log_format_error_needs_a_problem() -> None:
    with pytest.raises(ValueError, match="at least one problem"):
        LogFormatError([])


def test_entry_validation_error_by_field() -> None:
    err = EntryValidationError(
        [Problem("<entry>", None, "feeling", "too high"), Problem("<entry>", None, "feeling", "!")]
    )
    assert err.by_field == {"feeling": "too high !"}
    assert str(err) == "feeling: too high; feeling: !"
