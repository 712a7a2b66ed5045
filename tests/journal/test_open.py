"""Opening a journal: which backend a location names, and what is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from recovery_analytics.exceptions import RecoveryAnalyticsError
from recovery_analytics.journal import FolderJournal, Journal, SqliteJournal
from recovery_analytics.journal._open import SQLITE_SUFFIXES, Location, resolve_location


@pytest.mark.parametrize("suffix", SQLITE_SUFFIXES)
def test_a_database_suffix_names_sqlite(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"practice{suffix.upper()}"
    assert resolve_location(path) == Location("sqlite", f"sqlite:///{path}")


def test_urls_and_folders(tmp_path: Path) -> None:
    assert resolve_location("sqlite:///j.db") == Location("sqlite", "sqlite:///j.db")
    assert resolve_location("sqlite+pysqlite:///j.db").backend == "sqlite"
    assert resolve_location(tmp_path / "journal") == Location("folder", tmp_path / "journal")
    # a folder whose name ends like a database file is still a folder
    (tmp_path / "old.db").mkdir()
    assert resolve_location(tmp_path / "old.db") == Location("folder", tmp_path / "old.db")


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://coach:pw@db.example/practice",
        "postgresql+psycopg://coach@db.example:5433/practice",
        "postgres://db.example/practice",
    ],
)
def test_postgresql_urls_name_postgresql(url: str) -> None:
    assert resolve_location(url) == Location("postgresql", url)


def test_open_picks_the_backend(tmp_path: Path) -> None:
    assert isinstance(Journal.open(tmp_path / "j"), FolderJournal)
    assert isinstance(Journal.open(str(tmp_path / "k") + "/"), FolderJournal)
    db = Journal.open(f"sqlite:///{tmp_path / 'a.db'}")
    assert isinstance(db, SqliteJournal)
    db.close()
    db = Journal.open(tmp_path / "b.sqlite")
    assert isinstance(db, SqliteJournal) and (tmp_path / "b.sqlite").exists()
    db.close()


def test_open_hands_the_taxonomy_on(tmp_path: Path) -> None:
    marker = object()
    with Journal.open(tmp_path / "j", taxonomy=marker) as folder:  # type: ignore[arg-type]
        assert folder.taxonomy is marker
    with Journal.open(tmp_path / "j.db", taxonomy=marker) as database:  # type: ignore[arg-type]
        assert database.taxonomy is marker


def test_open_refuses_what_it_cannot_use_without_showing_secrets(tmp_path: Path) -> None:
    with pytest.raises(RecoveryAnalyticsError, match="'mysql' database") as err:
        Journal.open("mysql://coach:s3cret@db.example/practice")
    assert "s3cret" not in str(err.value)
    (tmp_path / "log.csv").write_text("interview_date\n2026-03-04\n")
    with pytest.raises(RecoveryAnalyticsError, match="import_from"):
        Journal.open(tmp_path / "log.csv")
