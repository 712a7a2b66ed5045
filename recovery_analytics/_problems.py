"""Problems found while reading: one :class:`Problem` per thing wrong, and a frame of them.

This module sits below :mod:`recovery_analytics.exceptions` (whose
:class:`~recovery_analytics.exceptions.LogFormatError` carries problems and
shows them as a frame) and imports nothing of the package.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

import pandas as pd

__all__ = [
    "Problem",
    "ProblemKind",
    "problem_lines",
    "problems_frame",
]

#: What a problem is about: a bad value in a field, a file that could not be read
#: (or read only in part), a second copy of an entry, or a warning that
#: stops nothing. Duplicates and warnings are listed but never raised.
ProblemKind = Literal["value", "file", "duplicate", "warning"]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one record, located as precisely as we can.

    ``line`` is 1-based: the CSV row as a spreadsheet shows it (the header is
    line 1), the JSON Lines line, or the Markdown line of the field. ``kind``
    is ``"value"`` when a field is named and ``"file"`` otherwise, unless given.

    Examples
    --------
    >>> p = Problem("ben.csv", 3, "feeling", "'9' must be a whole number from 1 to 5")
    >>> p.kind, str(p)
    ('value', "ben.csv:3: feeling: '9' must be a whole number from 1 to 5")
    """

    file: str
    line: int | None
    field: str | None
    message: str
    kind: ProblemKind = None  # type: ignore[assignment]  # filled in below

    def __post_init__(self) -> None:
        if self.kind is None:
            object.__setattr__(self, "kind", "value" if self.field else "file")

    @property
    def stops_loading(self) -> bool:
        """Whether ``load(errors="raise")`` refuses the input for it."""
        return self.kind in ("value", "file")

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        field = f" {self.field}:" if self.field else ""
        return f"{where}:{field} {self.message}"


def problems_frame(problems: Iterable[Problem]) -> pd.DataFrame:
    """A DataFrame with columns file, line, field, message and kind (line is nullable).

    ``kind`` tells what needs fixing (``"value"``, ``"file"``) from what is only
    worth a look (``"warning"``, ``"duplicate"``: the entries were kept).
    """
    rows = list(problems)
    return pd.DataFrame(
        {
            "file": pd.Series([p.file for p in rows], dtype="str"),
            "line": pd.Series([p.line for p in rows], dtype="Int64"),
            "field": pd.Series([p.field for p in rows], dtype="str"),
            "message": pd.Series([p.message for p in rows], dtype="str"),
            "kind": pd.Series([p.kind for p in rows], dtype="str"),
        }
    )


def problem_lines(frame: pd.DataFrame) -> list[str]:
    """``file:line: field: message`` for each row of a problems frame."""
    return [
        str(
            Problem(
                str(row["file"]),
                None if pd.isna(row["line"]) else int(row["line"]),
                row["field"] if isinstance(row["field"], str) and row["field"] else None,
                str(row["message"]),
                row["kind"] if isinstance(row.get("kind"), str) else None,  # type: ignore[arg-type]
            )
        )
        for row in frame.to_dict("records")
    ]
