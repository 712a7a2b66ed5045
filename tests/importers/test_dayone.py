"""Day One JSON exports and export zips: tags, time zones, Markdown text, problems."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import recovery_analytics as ra
from recovery_analytics._formats import detect
from recovery_analytics.importers import dayone
from recovery_analytics.importers.dayone import unescape_dayone

from ._helpers import load_collected

A = "dayone-A1B2C3D4E5F60718293A4B5C6D7E8F90"  # Acme phone screen, sections
B = "dayone-B2C3D4E5F60718293A4B5C6D7E8F90A1"  # Initech, free text, after midnight in Paris
F = "dayone-F60718293A4B5C6D7E8F90A1B2C3D4E5"  # Globex, our front matter in the text


def _day(value: object) -> str:
    return pd.Timestamp(value).strftime("%Y-%m-%d")  # type: ignore[arg-type]


def test_tagged_entries_become_reflections(fixtures: Path) -> None:
    stats: dict[str, Any] = {}
    log = load_collected(fixtures / "dayone" / "Journal.json", options={"stats": stats})
    # six entries: three tagged interview (any case) and readable, one tagged
    # interview with a bad creationDate, one tagged journal, one without tags
    assert sorted(log.interviews.index) == [A, B, F]
    assert next(iter(stats.values())) == {
        "format": "dayone",
        "unit": "entries",
        "seen": 6,
        "kept": 3,
    }
    assert log.interviews.loc[A, "extra"]["tags"] == ["Interview", "acme"]


def test_dates_in_the_entry_time_zone(fixtures: Path) -> None:
    log = load_collected(fixtures / "dayone" / "Journal.json")
    rows = log.interviews
    # 2026-03-04T17:40Z is 18:40 in Madrid: same day
    assert _day(rows.loc[A, "interview_date"]) == "2026-03-04"
    # 2026-03-12T23:30Z is 00:30 on the 13th in Paris
    assert _day(rows.loc[B, "interview_date"]) == "2026-03-13"
    assert _day(rows.loc[B, "reflected_on"]) == "2026-03-13"
    # the text's own interview_date wins; the entry was written on the 20th
    assert _day(rows.loc[F, "interview_date"]) == "2026-03-18"
    assert _day(rows.loc[F, "reflected_on"]) == "2026-03-20"


def test_markdown_text_read_like_our_files(fixtures: Path) -> None:
    log = load_collected(fixtures / "dayone" / "Journal.json")
    items = log.items[log.items["entry_id"] == A]
    assert items.loc[items["polarity"] == "well", "text"].tolist() == [
        "Explained the churn dashboard project clearly",
        "Good rapport with the recruiter #rapport",
    ]
    # Day One's escapes are undone: 45\-50k, size\., \#rapport, \[x\]
    assert items.loc[items["polarity"] == "wrong", "text"].tolist() == [
        "Gave a salary range of 45-50k too early",
        "Forgot to ask about the team size.",
    ]
    assert list(items["tags"].iat[1]) == ["rapport"]
    assert not items["inferred"].any()
    actions = log.actions[log.actions["entry_id"] == A]
    assert list(zip(actions["text"], actions["done"], strict=True)) == [
        ("Send a thank-you email", True),
        ("Apply to Globex", False),
    ]
    globex = log.interviews.loc[F]
    assert (globex["company"], globex["stage"], globex["feeling"]) == ("Globex", "final", 3)
    assert globex["notes"] == "The VP said they would decide by Friday."


def test_free_text_entry_is_split_into_inferred_items(fixtures: Path) -> None:
    log = load_collected(fixtures / "dayone" / "Journal.json")
    items = log.items[log.items["entry_id"] == B]
    assert items["inferred"].all()
    wrong = " ".join(items.loc[items["polarity"] == "wrong", "text"])
    well = " ".join(items.loc[items["polarity"] == "well", "text"])
    assert "froze on the recursion question" in wrong
    assert "Next time I will practise" in wrong
    assert "SQL part went well" in well
    assert log.interviews.loc[B, "notes"].startswith("Initech technical round")


def test_unreadable_entry_is_reported_with_its_line(fixtures: Path) -> None:
    path = fixtures / "dayone" / "Journal.json"
    log = load_collected(path)
    (problem,) = log.problems.itertuples()
    # the entry's "uuid" line in the file
    line = next(
        n
        for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if "E5F60718293A4B5C6D7E8F90A1B2C3D4" in text
    )
    assert problem.line == line
    assert problem.field == "interview_date"
    assert "'sometime in March'" in problem.message
    with pytest.raises(ra.LogFormatError):
        ra.load(path, taxonomy=False)


def test_tag_option(fixtures: Path) -> None:
    path = fixtures / "dayone" / "Journal.json"
    log = load_collected(path, options={"dayone_tag": "Running"})
    assert log.interviews["notes"].tolist() == [
        "Long run by the river, 12 km. Legs are tired but my head is clear."
    ]
    assert log.problems.empty  # the bad entry is not tagged "running"
    log = load_collected(path, options={"dayone_tag": None})
    # every entry but the one without a readable date
    assert len(log) == 5
    log = load_collected(path, options={"dayone_tag": ["acme", "globex"]})
    assert sorted(log.interviews.index) == [A, F]


def test_no_entry_with_the_tag_is_a_problem(fixtures: Path) -> None:
    log = load_collected(fixtures / "dayone" / "Journal.json", options={"dayone_tag": "offsite"})
    assert len(log) == 0
    (problem,) = log.problems.itertuples()
    assert problem.field == "tags"
    assert "none of its 6 entries is tagged 'offsite'" in problem.message
    assert "acme, globex, Interview, journal, running" in problem.message
    assert "options={'dayone_tag': ...}" in problem.message


def _zip(path: Path, files: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return path


def test_export_zip_with_several_journals(fixtures: Path, tmp_path: Path) -> None:
    journal = (fixtures / "dayone" / "Journal.json").read_bytes()
    work = {
        "metadata": {"version": "1.0"},
        "entries": [
            {
                "uuid": "0718293A4B5C6D7E8F90A1B2C3D4E5F6",
                "creationDate": "2026-03-25T16:00:00Z",
                "tags": ["interview"],
                "text": "Hooli hiring manager\n\n## Went well\n- The conversation flowed",
            }
        ],
    }
    archive = _zip(
        tmp_path / "Export-2026-03-26.zip",
        {
            "Journal.json": journal,
            "Work.json": json.dumps(work).encode(),
            "photos/6e8f17a1cd2fd963d5843aca794e2287.jpeg": b"\xff\xd8\xff",
            "__MACOSX/._Journal.json": b"\x00",
        },
    )
    spec = detect(archive)
    assert spec is not None and spec.name == "dayone"
    log = load_collected(archive)
    assert len(log) == 4  # three from Journal.json, one from Work.json
    hooli = log.interviews.loc["dayone-0718293A4B5C6D7E8F90A1B2C3D4E5F6"]
    assert hooli["source"].endswith("Export-2026-03-26.zip/Work.json:1")  # all on one line
    assert _day(hooli["interview_date"]) == "2026-03-25"  # no timeZone: UTC
    assert log.interviews.loc[A, "source"].endswith("Export-2026-03-26.zip/Journal.json:7")
    assert log.problems["file"].iat[0].endswith("Export-2026-03-26.zip/Journal.json")


def test_zip_without_a_journal_and_broken_zip(tmp_path: Path) -> None:
    photos = _zip(tmp_path / "photos.zip", {"a.jpeg": b"\xff\xd8\xff"})
    log = load_collected(photos)
    assert "holds no Day One journal" in log.problems["message"].iat[0]
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"PK\x03\x04 not really")
    log = load_collected(broken)
    assert "could not be opened" in log.problems["message"].iat[0]


def test_unknown_time_zone_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "Journal.json"
    entry = {
        "uuid": "AB",
        "creationDate": "2026-03-04T23:30:00Z",
        "timeZone": "Mars/Olympus_Mons",
        "tags": ["interview"],
        "text": "Went fine.",
    }
    path.write_text(json.dumps({"metadata": {}, "entries": [entry]}), encoding="utf-8")
    log = load_collected(path)
    assert _day(log.interviews["interview_date"].iat[0]) == "2026-03-04"
    assert "'Mars/Olympus_Mons' is not one I know" in log.problems["message"].iat[0]


def test_detection_and_explicit_format(fixtures: Path, tmp_path: Path) -> None:
    journal = fixtures / "dayone" / "Journal.json"
    spec = detect(journal)
    assert spec is not None and spec.name == "dayone"
    ours = tmp_path / "entries.json"
    ours.write_text(
        json.dumps({"entries": [{"interview_date": "2026-03-04", "uuid": "x"}]}), encoding="utf-8"
    )
    spec = detect(ours)
    assert spec is not None and spec.name == "json"
    # format= overrides detection: read as our JSON, Day One entries have no interview_date
    log = load_collected(journal, format="json")
    assert len(log) == 0
    assert set(log.problems["field"]) == {"interview_date"}
    assert len(load_collected(ours, format="dayone", options={"dayone_tag": None})) == 0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (r"45\-50k", "45-50k"),
        (r"1\. Not a list", "1. Not a list"),
        (r"\#rapport and \*stars\*", "#rapport and *stars*"),
        ("\\# Not a heading", "\\# Not a heading"),
        (r"- \[x\] done", "- [x] done"),
        ("plain text", "plain text"),
    ],
)
def test_unescape(text: str, expected: str) -> None:
    assert unescape_dayone(text) == expected


def test_sniff() -> None:
    assert dayone.sniff(b'{"metadata": {"version": "1.0"}, "entries": [')
    assert dayone.sniff(b'{"entries": [{"creationDate": "2026-03-04T10:00:00Z"')
    assert not dayone.sniff(b'{"entries": [{"interview_date": "2026-03-04"}]}')
    assert not dayone.sniff(b'[{"interview_date": "2026-03-04"}]')


# -- the shared public sample export (no tags) ---------------------------------


def test_shared_export_without_tags(shared: Path) -> None:
    path = shared / "dayone-kulapard" / "MyJournal.json"
    log = load_collected(path)
    assert len(log) == 0
    (problem,) = log.problems.itertuples()
    assert "no entry is tagged 'interview'" in problem.message
    assert "options={'dayone_tag': ...}" in problem.message


def test_shared_export_all_entries(shared: Path) -> None:
    log = load_collected(
        shared / "dayone-kulapard" / "MyJournal.json", options={"dayone_tag": None}
    )
    assert log.problems.empty
    (eid,) = log.interviews.index
    assert eid == "dayone-5BA8A0499775E5B7AB050CE5A5A32F87"
    row = log.interviews.loc[eid]
    # 2018-04-21T17:57:04Z is 18:57 in London (summer time): same day
    assert _day(row["interview_date"]) == "2018-04-21"
    assert row["notes"] == "test text"
