"""ImportReport: the summary of ``Journal.import_from`` (file names and ids, no entry text)."""

from __future__ import annotations

import pandas as pd

from recovery_analytics.journal import ImportReport
from recovery_analytics.journal._report import _SHOWN_PROBLEMS


def _duplicates(ids: list[str]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "entry_id": pd.Series(ids, dtype="str"),
            "source": pd.Series([f"old.jsonl:{i + 1}" for i in range(len(ids))], dtype="str"),
        }
    )


def test_an_empty_report() -> None:
    report = ImportReport()
    assert (report.n_added, report.n_duplicates, report.n_problems) == (0, 0, 0)
    assert list(report.duplicates.columns) == ["entry_id", "source"]
    assert str(report) == "Nothing new to import."
    assert repr(report) == "ImportReport(added=0, duplicates=0, problems=0)"


def test_counts_are_worded_in_the_singular_and_plural() -> None:
    one = ImportReport(added=["e-1"], duplicates=_duplicates(["e-2"]))
    assert str(one).splitlines() == [
        "Imported 1 new entry.",
        "Skipped 1 entry already in the journal (see report.duplicates).",
    ]
    two = ImportReport(added=["e-1", "e-3"], duplicates=_duplicates(["e-2", "e-4"]))
    assert str(two).splitlines() == [
        "Imported 2 new entries.",
        "Skipped 2 entries already in the journal (see report.duplicates).",
    ]


def test_problems_are_located_and_the_list_is_cut() -> None:
    n = _SHOWN_PROBLEMS + 2
    # the columns load(errors="collect") gives: file, line (nullable), field, message
    problems = pd.DataFrame(
        {
            "file": pd.Series(["a.csv"] + ["b.csv"] * (n - 1), dtype="str"),
            "line": pd.Series([None, *range(2, n + 1)], dtype="Int64"),
            "field": pd.Series([None] + ["feeling"] * (n - 1), dtype="str"),
            "message": pd.Series(
                ["not a reflection log"] + ["not a whole number"] * (n - 1), dtype="str"
            ),
        }
    )
    text = str(ImportReport(problems=problems)).splitlines()
    assert text[0] == "Nothing new to import."
    assert text[1] == f"{n} problems while reading (see report.problems):"
    # a problem without a line names the file alone; one with a field names it
    assert text[2] == "  a.csv: not a reflection log"
    assert text[3] == "  b.csv:2: feeling: not a whole number"
    assert len(text) == 2 + _SHOWN_PROBLEMS + 1
    assert text[-1] == f"  ... and {n - _SHOWN_PROBLEMS} more."
