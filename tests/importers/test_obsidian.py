"""Obsidian notes: front matter, inline fields, daily notes, tags, detection."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from recovery_analytics._formats import detect
from recovery_analytics.importers import obsidian

from ._helpers import by_day, items_of, load_collected


def test_folder_of_notes(fixtures: Path) -> None:
    stats: dict[str, Any] = {}
    log = load_collected(fixtures / "obsidian", options={"stats": stats})
    assert log.problems.empty
    rows = by_day(log)
    # five notes; the daily note of 03-19 is prose about a run, not an interview
    assert list(rows.index) == ["2026-03-04", "2026-03-12", "2026-03-18", "2026-03-25"]
    assert set(rows["client"]) == {"ana"}  # from the folder
    skipped = [s for f, s in stats.items() if f.endswith("2026-03-19.md")]
    assert skipped == [{"format": "obsidian", "unit": "notes", "seen": 1, "kept": 0}]


def test_front_matter_note(fixtures: Path) -> None:
    log = load_collected(fixtures / "obsidian")
    acme = by_day(log).loc["2026-03-04"]
    # "date" is the interview date; "Company" holds a wiki link
    assert (acme["company"], acme["role"], acme["stage"]) == ("Acme", "Data analyst", "phone")
    assert acme["extra"] == {"tags": ["interview", "job-search"]}
    well = items_of(log, acme["entry_id"], "well")
    assert well["text"].tolist() == [
        "Explained the churn dashboard project clearly",
        "Good rapport with the recruiter #rapport",
    ]
    assert not well["inferred"].any()
    assert list(items_of(log, acme["entry_id"], "wrong")["tags"].iat[0]) == ["salary"]
    actions = log.actions[log.actions["entry_id"] == acme["entry_id"]]
    assert actions["done"].tolist() == [True, False]  # "Next steps" is plan B
    # the embed under "Next steps" is dropped, not read as an action or a note
    assert not log.actions["text"].str.contains("recruiter-email").any()
    assert pd.isna(acme["notes"])


def test_inline_fields_and_free_text(fixtures: Path) -> None:
    log = load_collected(fixtures / "obsidian")
    initech = by_day(log).loc["2026-03-12"]
    assert (initech["company"], initech["role"], initech["stage"], initech["feeling"]) == (
        "Initech",
        "Junior data engineer",
        "technical",
        2,
    )
    assert initech["extra"] == {"Interviewer": "Priya (engineering manager)"}
    wrong = items_of(log, initech["entry_id"], "wrong")
    well = items_of(log, initech["entry_id"], "well")
    assert wrong["inferred"].all() and well["inferred"].all()
    assert any("froze on the recursion question" in t for t in wrong["text"])
    assert any("SQL part went well" in t for t in well["text"])
    assert "Date::" not in initech["notes"]  # fields are not left in the text


def test_daily_note_dated_by_its_name(fixtures: Path) -> None:
    log = load_collected(fixtures / "obsidian")
    globex = by_day(log).loc["2026-03-18"]
    assert (globex["company"], globex["role"]) == ("Globex", "Data analyst")
    assert globex["notes"].startswith("Final round today at Globex for the Data analyst job.")
    assert globex["n_well"] >= 1 and globex["n_wrong"] >= 1
    # the tag line is not an item
    assert not log.items["text"].str.contains("#globex").any()


def test_our_markdown_stays_our_markdown(fixtures: Path) -> None:
    hooli = fixtures / "obsidian" / "ana" / "Hooli hiring manager.md"
    spec = detect(hooli)
    assert spec is not None and spec.name == "markdown"
    for name in ("Acme phone screen.md", "Interviews/Initech technical.md", "Daily/2026-03-18.md"):
        spec = detect(fixtures / "obsidian" / "ana" / name)
        assert spec is not None and spec.name == "obsidian", name
    rows = by_day(load_collected(fixtures / "obsidian"))
    assert rows.loc["2026-03-25", "company"] == "Hooli"


def test_tag_option(fixtures: Path) -> None:
    stats: dict[str, Any] = {}
    log = load_collected(fixtures / "obsidian", options={"obsidian_tag": "globex", "stats": stats})
    # only the 03-18 daily note is tagged #globex; the Hooli note is our
    # Markdown and always read
    assert list(by_day(log).index) == ["2026-03-18", "2026-03-25"]
    assert sum(s["kept"] for s in stats.values()) == 1
    # a nested tag counts for its parent; tags in the front matter count
    log = load_collected(fixtures / "obsidian", options={"obsidian_tag": "#job-search"})
    assert list(by_day(log).index) == ["2026-03-04", "2026-03-25"]
    # None reads every note, the run included
    log = load_collected(fixtures / "obsidian", options={"obsidian_tag": None})
    assert "2026-03-19" in by_day(log).index


def test_nested_tag(tmp_path: Path) -> None:
    note = tmp_path / "2026-03-04.md"
    note.write_text("Acme call went fine.\n\n#interview/acme\n", encoding="utf-8")
    log = load_collected(note, options={"obsidian_tag": "interview"})
    assert len(log) == 1


def test_bad_field_is_reported_on_its_line(tmp_path: Path) -> None:
    note = tmp_path / "2026-03-04 Acme.md"
    note.write_text(
        "# Acme\nCompany:: Acme\nFeeling:: 7\n\n## Went well\n- Clear answers\n",
        encoding="utf-8",
    )
    log = load_collected(note)
    (problem,) = log.problems.itertuples()
    assert (problem.line, problem.field) == (3, "feeling")
    assert log.interviews["interview_date"].iat[0] == pd.Timestamp("2026-03-04")


def test_explicit_markdown_format_overrides(fixtures: Path) -> None:
    daily = fixtures / "obsidian" / "ana" / "Daily" / "2026-03-18.md"
    log = load_collected(daily, format="markdown")
    assert len(log) == 0
    assert log.problems["field"].tolist() == ["interview_date"]
    log = load_collected(
        fixtures / "obsidian" / "ana" / "Hooli hiring manager.md", format="obsidian"
    )
    assert len(log) == 1


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"Company:: Acme\nIt went fine.", True),
        (b"- Stage:: technical\n", True),
        (b"Met [interviewer:: Priya] today.", True),
        (b"---\ninterview_date: 2026-03-04\n---\n## Went well\n- STAR\n", False),
        # our Markdown stays ours: "::" in an item is text, not a field
        (b"---\ninterview_date: 2026-03-04\n---\n- Lesson:: be brief\n", False),
        (b"---\ndate: 2026-03-04\ntags: [interview]\n---\nFree text.", True),
        (b"I used std::vector and it went fine.", True),  # prose: not ours either
        (b"---\ninterview_date: 2026-03-04\n---\nI used std::vector here.", False),
        (b"\xef\xbb\xbf---\ninterview_date: 2026-03-04\n---\n", False),
        (b"---\ntags: [a]\n---\ninterview_date: 2026-03-04\n", True),  # not front matter
    ],
)
def test_sniff(head: bytes, expected: bool) -> None:
    assert obsidian.sniff(head) is expected


def test_shared_daily_note(shared: Path) -> None:
    note = shared / "daylio-obsidian-parser-fixtures" / "2022-10-26.md"
    stats: dict[str, Any] = {}
    log = load_collected(note, options={"stats": stats})
    # lorem ipsum: no interview mentioned, so skipped (counted, not a problem)
    assert len(log) == 0 and log.problems.empty
    assert stats[next(iter(stats))]["kept"] == 0
    log = load_collected(note, options={"obsidian_tag": None})
    (row,) = log.interviews.itertuples()
    assert row.interview_date == pd.Timestamp("2022-10-26")  # from the file name
    assert row.extra == {"tags": "daylio"}
    assert "Sed ut est interdum" in row.notes
