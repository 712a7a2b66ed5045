"""Notion database CSV exports: properties as columns, Notion dates, multi-selects."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from recovery_analytics._formats import detect
from recovery_analytics.importers import notion
from recovery_analytics.importers.notion import notion_date

from ._helpers import by_day, item_texts, load_collected


def test_database_export(fixtures: Path) -> None:
    stats: dict[str, Any] = {}
    log = load_collected(fixtures / "notion" / "Interviews.csv", options={"stats": stats})
    assert log.problems.empty
    rows = by_day(log)
    # "March 4, 2026"; a range "March 12 → March 13" starts on the 12th; a date
    # with a time is that day
    assert list(rows.index) == ["2026-03-04", "2026-03-12", "2026-03-18"]
    acme = rows.loc["2026-03-04"]
    # a relation keeps its text, not its notion.so link; "Position" is the role
    assert (acme["company"], acme["role"], acme["stage"]) == ("Acme", "Data analyst", "phone")
    assert acme["feeling"] == 4 and acme["outcome"] == "next_round"
    # "Created" (March 4, 2026 7:02 PM) is when the reflection was written
    assert acme["reflected_on"] == pd.Timestamp("2026-03-04")
    assert rows.loc["2026-03-12", "reflected_on"] == pd.Timestamp("2026-03-13")
    # the title and the properties that are not fields are kept
    assert acme["extra"] == {"title": "Acme phone screen", "Tags": "recruiter, salary"}
    assert rows.loc["2026-03-18", "stage"] == "final"
    assert next(iter(stats.values()))["kept"] == 3


def test_lists_rich_text_and_multi_select(fixtures: Path) -> None:
    log = load_collected(fixtures / "notion" / "Interviews.csv")
    rows = by_day(log)
    acme, initech, globex = rows["entry_id"]
    # rich text with line breaks: one item per line
    assert item_texts(log, acme, "well") == [
        "Explained the churn dashboard clearly",
        "Good rapport with the recruiter",
    ]
    # multi-select: "Rambled" is an option of two rows, so ", " separates options
    assert item_texts(log, acme, "wrong") == ["Rambled", "Salary range too early"]
    assert item_texts(log, initech, "wrong") == ["Froze on recursion", "Rambled"]
    # prose with a comma stays one item
    assert item_texts(log, globex, "well") == [
        "Strong answer on stakeholder management, though I was nervous"
    ]
    assert log.actions["text"].tolist() == ["Apply to Globex", "Practise whiteboard problems"]


def test_declared_multi_select(tmp_path: Path) -> None:
    path = tmp_path / "Interviews.csv"
    path.write_text(
        'Name,Date,Went wrong,Tags\nAcme,"March 4, 2026","Rambled, Nerves","a, b"\n',
        encoding="utf-8",
    )
    log = load_collected(path)
    assert log.items["text"].tolist() == ["Rambled, Nerves"]
    log = load_collected(path, options={"notion_multi_select": ["Went wrong", "Tags"]})
    assert log.items["text"].tolist() == ["Rambled", "Nerves"]
    assert log.interviews["extra"].iat[0] == {"title": "Acme", "Tags": ["a", "b"]}


def test_detection_and_explicit_format(fixtures: Path, tmp_path: Path) -> None:
    spec = detect(fixtures / "notion" / "Interviews.csv")
    assert spec is not None and spec.name == "notion"
    # our own CSV with a "Name" column is not taken for Notion
    ours = tmp_path / "mine.csv"
    ours.write_text('Name,interview_date\nAcme,"March 4, 2026"\n', encoding="utf-8")
    spec = detect(ours)
    assert spec is not None and spec.name == "csv"
    # a database whose title property is not "Name": only with format="notion"
    renamed = tmp_path / "Tracker.csv"
    renamed.write_text(
        'Interview,Date,Company\nAcme call,"March 4, 2026 → March 5, 2026",Acme\n',
        encoding="utf-8",
    )
    spec = detect(renamed)
    assert spec is not None and spec.name == "csv"
    log = load_collected(renamed)
    assert "interview_date" in set(log.problems["field"])  # no column named like a date
    log = load_collected(renamed, format="notion")
    assert log.problems.empty
    assert log.interviews["interview_date"].iat[0] == pd.Timestamp("2026-03-04")
    assert log.interviews["extra"].iat[0] == {"title": "Acme call"}


def test_sniff() -> None:
    assert notion.sniff('\ufeffName,Date\nAcme,"March 4, 2026"\n'.encode())
    assert notion.sniff(b"Name,Company\nAcme,Acme (https://www.notion.so/Acme-1a2b)\n")
    assert not notion.sniff(b"Name,Date\nAcme,2026-03-04\n")
    assert not notion.sniff(b'Company,Date\nAcme,"March 4, 2026"\n')


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("March 4, 2026", "2026-03-04"),
        ("@March 4, 2026", "2026-03-04"),
        ("Mar 4, 2026", "2026-03-04"),
        ("March 4, 2026 2:00 PM", "2026-03-04"),
        ("March 4, 2026 → March 5, 2026", "2026-03-04"),
        ("February 30, 2026", "February 30, 2026"),  # not a date: left for validation
        ("2026/03/04", "2026/03/04"),
        (None, None),
    ],
)
def test_notion_dates(value: object, expected: object) -> None:
    assert notion_date(value) == expected
