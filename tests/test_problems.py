"""Problems: their kind, their text, and the frame they make."""

from __future__ import annotations

import pandas as pd
import pytest

from recovery_analytics._problems import Problem, problem_lines, problems_frame


def test_kind_defaults_to_value_with_a_field_and_file_without() -> None:
    assert Problem("a.csv", 2, "feeling", "bad").kind == "value"
    assert Problem("a.csv", None, None, "empty").kind == "file"
    assert Problem("a.csv", 2, "entry_id", "again", "duplicate").kind == "duplicate"


@pytest.mark.parametrize(
    ("kind", "stops"), [("value", True), ("file", True), ("duplicate", False), ("warning", False)]
)
def test_only_values_and_files_stop_loading(kind: str, stops: bool) -> None:
    assert Problem("a.md", 1, "x", "m", kind).stops_loading is stops  # type: ignore[arg-type]


def test_text_names_file_line_and_field() -> None:
    assert str(Problem("a.csv", 3, "stage", "is odd")) == "a.csv:3: stage: is odd"
    assert str(Problem("a.csv", None, None, "is empty")) == "a.csv: is empty"


def test_frame_and_lines_round_trip() -> None:
    problems = [Problem("a.csv", 3, "stage", "is odd"), Problem("b.md", None, None, "is empty")]
    frame = problems_frame(problems)
    assert list(frame.columns) == ["file", "line", "field", "message", "kind"]
    assert str(frame["line"].dtype) == "Int64"
    assert pd.isna(frame["line"].iloc[1])
    assert problem_lines(frame) == [str(p) for p in problems]


def test_empty_frame_keeps_its_columns() -> None:
    assert list(problems_frame([]).columns) == ["file", "line", "field", "message", "kind"]
