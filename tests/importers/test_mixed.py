"""One folder, four formats: our Markdown, Daylio, Day One and Google Forms in one load()."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

import recovery_analytics as ra
from recovery_analytics._discover import discover
from recovery_analytics._formats import detect


@pytest.fixture
def coach_folder(fixtures: Path, tmp_path: Path) -> Path:
    """``coach/ana/`` holds Ana's Markdown, Daylio and Day One; the form is at the top."""
    root = tmp_path / "coach"
    ana = root / "ana"
    ana.mkdir(parents=True)
    shutil.copy(fixtures / "obsidian" / "ana" / "Hooli hiring manager.md", ana)
    shutil.copy(fixtures / "daylio" / "daylio_export.csv", ana)
    shutil.copy(fixtures / "dayone" / "Journal.json", ana)
    shutil.copy(fixtures / "gforms" / "suggested_form_responses.csv", root / "form.csv")
    return root


def test_each_file_is_read_by_its_importer(coach_folder: Path) -> None:
    found = {path.name: detect(path) for path, _, _ in discover(coach_folder)}
    assert {name: spec.name for name, spec in found.items() if spec is not None} == {
        "Hooli hiring manager.md": "markdown",
        "daylio_export.csv": "daylio",
        "Journal.json": "dayone",
        "form.csv": "gforms",
    }


def test_one_log_one_timeline(coach_folder: Path) -> None:
    log = ra.load(coach_folder, errors="collect", taxonomy=False)
    sources = log.interviews["source"].str.extract(r"([^/]+?)(?::\d+)?$")[0]
    # 1 Markdown file + 4 Daylio interview days + 3 tagged Day One entries
    # (one more is reported) + 3 form responses
    assert sources.value_counts().to_dict() == {
        "daylio_export.csv": 4,
        "Journal.json": 3,
        "form.csv": 3,
        "Hooli hiring manager.md": 1,
    }
    assert len(log) == 11
    # one timeline: every entry in one date-ordered frame with one date type
    dates = log.interviews["interview_date"]
    assert pd.api.types.is_datetime64_dtype(dates)
    assert dates.is_monotonic_increasing
    assert dates.min() == pd.Timestamp("2026-03-04")
    assert dates.max() == pd.Timestamp("2026-03-25")
    # the folder names Ana's files; the form names its own respondents
    assert log.clients == ["Ana López", "ana", "ben.okafor@example.com"]
    ana = log.filter(client="ana")
    assert len(ana) == 8
    # items from every source, typed alike: written lists and inferred prose
    by_source = log.items.merge(
        log.interviews["source"], left_on="entry_id", right_index=True
    ).assign(file=lambda f: f["source"].str.extract(r"([^/]+?)(?::\d+)?$")[0])
    inferred = by_source.groupby("file")["inferred"].any().to_dict()
    assert inferred == {
        "Hooli hiring manager.md": False,
        "Journal.json": True,  # the free-text Initech entry
        "daylio_export.csv": True,
        "form.csv": False,
    }
    # one week of March across all sources
    week = log.filter(start="2026-03-12", end="2026-03-18")
    assert sorted(week.interviews["interview_date"].dt.day.tolist()) == [12, 12, 13, 18, 18]


def test_skipped_rows_are_reported_with_file_and_line(coach_folder: Path) -> None:
    log = ra.load(coach_folder, errors="collect", taxonomy=False)
    located = {(Path(row.file).name, int(row.line), row.field) for row in log.problems.itertuples()}
    assert located == {
        ("daylio_export.csv", 2, "feeling"),  # unknown custom mood "wobbly"
        ("daylio_export.csv", 12, "interview_date"),  # 2026-02-30
        ("Journal.json", 55, "interview_date"),  # creationDate "sometime in March"
    }
    with pytest.raises(ra.LogFormatError) as info:
        ra.load(coach_folder, taxonomy=False)
    assert len(info.value.problems) == 3


def test_explicit_format_applies_to_every_file(coach_folder: Path) -> None:
    log = ra.load(coach_folder / "ana", format="daylio", errors="collect", taxonomy=False)
    # only the Daylio export is one; the others say they are not
    assert set(log.interviews["source"].str.extract(r"([^/]+?):\d+$")[0]) == {"daylio_export.csv"}
    refused = log.problems[log.problems["message"].str.contains("not a Daylio CSV export")]
    assert sorted(Path(f).name for f in refused["file"]) == [
        "Hooli hiring manager.md",
        "Journal.json",
    ]
