"""ImportReport: what ``Journal.import_from`` added, skipped and could not read."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from .._problems import problems_frame

__all__ = ["ImportReport"]

_SHOWN_PROBLEMS = 5


def _empty_duplicates() -> pd.DataFrame:
    return pd.DataFrame(
        {"entry_id": pd.Series([], dtype="str"), "source": pd.Series([], dtype="str")}
    )


@dataclass(frozen=True, eq=False)
class ImportReport:
    """The result of :meth:`Journal.import_from`.

    Attributes
    ----------
    added : list of str
        Ids of the entries added to the journal, in the order read.
    duplicates : DataFrame
        Entries skipped because the journal already holds their id:
        ``entry_id`` and ``source`` (the file and line they were read from).
    problems : DataFrame
        What could not be read, as ``load(..., errors="collect")`` reports it:
        ``file``, ``line``, ``field``, ``message``. A bad optional value is
        left empty and the rest of that entry imported.

    Examples
    --------
    >>> print(ImportReport(added=["e-1", "e-2"]))
    Imported 2 new entries.
    """

    added: list[str] = field(default_factory=list)
    duplicates: pd.DataFrame = field(default_factory=_empty_duplicates)
    problems: pd.DataFrame = field(default_factory=lambda: problems_frame([]))

    @property
    def n_added(self) -> int:
        return len(self.added)

    @property
    def n_duplicates(self) -> int:
        return len(self.duplicates)

    @property
    def n_problems(self) -> int:
        return len(self.problems)

    def __repr__(self) -> str:
        return (
            f"ImportReport(added={self.n_added}, duplicates={self.n_duplicates}, "
            f"problems={self.n_problems})"
        )

    def __str__(self) -> str:
        def entries(n: int) -> str:
            return f"{n} {'entry' if n == 1 else 'entries'}"

        if self.n_added:
            lines = [f"Imported {self.n_added} new {'entry' if self.n_added == 1 else 'entries'}."]
        else:
            lines = ["Nothing new to import."]
        if self.n_duplicates:
            lines.append(
                f"Skipped {entries(self.n_duplicates)} already in the journal "
                "(see report.duplicates)."
            )
        if self.n_problems:
            n = self.n_problems
            lines.append(f"{n} problem{'s' if n != 1 else ''} while reading (see report.problems):")
            rows: list[dict[Any, Any]] = self.problems.head(_SHOWN_PROBLEMS).to_dict("records")
            for row in rows:
                line, fld = row["line"], row["field"]
                where = row["file"] if pd.isna(line) else f"{row['file']}:{line}"
                shown = f" {fld}:" if isinstance(fld, str) and fld else ""
                lines.append(f"  {where}:{shown} {row['message']}")
            if n > _SHOWN_PROBLEMS:
                lines.append(f"  ... and {n - _SHOWN_PROBLEMS} more.")
        return "\n".join(lines)
