"""Collecting problems found while reading, and turning them into a frame."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

import pandas as pd

from .exceptions import LogFormatError, Problem

__all__ = ["ErrorMode", "check_errors_mode", "problem_lines", "problems_frame", "raise_if_any"]

ErrorMode = Literal["raise", "collect"]
PROBLEM_COLUMNS = ("file", "line", "field", "message")


def check_errors_mode(errors: str) -> ErrorMode:
    if errors not in ("raise", "collect"):
        raise ValueError(
            f"The value for `errors` must be one of 'raise', 'collect', but {errors!r} was passed."
        )
    return errors  # type: ignore[return-value]


def problems_frame(problems: Iterable[Problem]) -> pd.DataFrame:
    """A DataFrame with columns file, line, field, message (line is nullable)."""
    rows = list(problems)
    return pd.DataFrame(
        {
            "file": pd.Series([p.file for p in rows], dtype="str"),
            "line": pd.Series([p.line for p in rows], dtype="Int64"),
            "field": pd.Series([p.field for p in rows], dtype="str"),
            "message": pd.Series([p.message for p in rows], dtype="str"),
        }
    )


def raise_if_any(problems: list[Problem], errors: ErrorMode) -> None:
    if problems and errors == "raise":
        raise LogFormatError(problems)


def problem_lines(frame: pd.DataFrame) -> list[str]:
    """``file:line: field: message`` for each row of a problems frame."""
    return [
        str(
            Problem(
                str(row["file"]),
                None if pd.isna(row["line"]) else int(row["line"]),
                row["field"] if isinstance(row["field"], str) and row["field"] else None,
                str(row["message"]),
            )
        )
        for row in frame.to_dict("records")
    ]
