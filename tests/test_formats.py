"""The reader table: our formats and the importers together, specific ones first."""

from __future__ import annotations

from pathlib import Path

import pytest

from recovery_analytics import RecoveryAnalyticsError
from recovery_analytics._formats import FORMAT_NAMES, FORMATS, SUFFIXES, detect, get_format
from recovery_analytics.importers import IMPORTERS
from recovery_analytics.io import READERS


def test_every_reader_and_importer_is_in_the_table_once() -> None:
    names = [f.name for f in (*READERS, *IMPORTERS)]
    assert sorted(FORMAT_NAMES) == sorted(names)
    assert len(set(FORMAT_NAMES)) == len(FORMAT_NAMES)


@pytest.mark.parametrize("reader", READERS, ids=lambda f: f.name)
def test_importers_come_before_the_reader_of_their_extension(reader) -> None:  # type: ignore[no-untyped-def]
    position = FORMAT_NAMES.index(reader.name)
    for importer in IMPORTERS:
        if set(importer.suffixes) & set(reader.suffixes):
            assert FORMAT_NAMES.index(importer.name) < position, importer.name


def test_suffixes_cover_every_format() -> None:
    assert SUFFIXES == {s for f in FORMATS for s in f.suffixes}


def test_unknown_format_names_the_known_ones() -> None:
    with pytest.raises(RecoveryAnalyticsError, match="must be one of obsidian, markdown"):
        get_format("docx")


def test_detect_by_extension_then_content(tmp_path: Path) -> None:
    plain = tmp_path / "a.csv"
    plain.write_text("interview_date,company\n2026-03-04,Acme\n")
    assert detect(plain) is get_format("csv")
    assert detect(tmp_path / "notes.txt") is None
    jsonl = tmp_path / "a.jsonl"
    jsonl.write_text("{}\n")
    assert detect(jsonl) is get_format("jsonl")
