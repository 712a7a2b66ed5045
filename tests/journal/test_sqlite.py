"""The SQLite backend: schema, settings, what is stored, and who may read it."""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
from pathlib import Path

import pandas as pd
import pytest
import sqlalchemy as sa

from recovery_analytics import entry_from_mapping
from recovery_analytics.exceptions import RecoveryAnalyticsError
from recovery_analytics.io import entry_to_json
from recovery_analytics.journal import Journal, SqliteJournal
from recovery_analytics.journal._sqlite import SCHEMA_VERSION

from ._helpers import THEMES, entry_dict, mode


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "practice.db"


@pytest.fixture
def journal(db: Path) -> SqliteJournal:
    j = Journal.open(f"sqlite:///{db}", taxonomy=THEMES)
    assert isinstance(j, SqliteJournal)
    yield j  # type: ignore[misc]
    j.close()


def test_schema(journal: SqliteJournal) -> None:
    inspector = sa.inspect(journal.engine)
    assert set(inspector.get_table_names()) == {"entries", "journal_meta", "theme_corrections"}
    columns = {c["name"] for c in inspector.get_columns("entries")}
    assert columns == {
        "entry_id",
        "client",
        "company",
        "interview_date",
        "created_at",
        "updated_at",
        "entry_json",
        "written_by",  # schema version 2
    }
    assert inspector.get_pk_constraint("entries")["constrained_columns"] == ["entry_id"]
    indexes = {i["name"]: i["column_names"] for i in inspector.get_indexes("entries")}
    assert indexes == {
        "ix_entries_client_date": ["client", "interview_date"],
        "ix_entries_date": ["interview_date"],
    }
    with journal.engine.connect() as conn:
        version = conn.exec_driver_sql(
            "SELECT value FROM journal_meta WHERE key = 'schema_version'"
        ).scalar()
    assert version == str(SCHEMA_VERSION) == "3"


def test_wal_mode_full_sync_and_busy_timeout(journal: SqliteJournal) -> None:
    with journal.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 30_000


def test_a_row_holds_the_entry_as_json(journal: SqliteJournal, db: Path) -> None:
    eid = journal.add(entry_dict(3, client="ben"))
    with sqlite3.connect(db) as conn:
        row = conn.execute(
            "SELECT entry_id, client, company, interview_date, created_at, updated_at, "
            "entry_json FROM entries"
        ).fetchone()
    assert row[:4] == (eid, "ben", "Company 3", "2026-01-04")
    assert row[4] == row[5]
    assert json.loads(row[6]) == entry_to_json(entry_from_mapping(entry_dict(3, client="ben")))
    journal.update(eid, feeling=1)
    with sqlite3.connect(db) as conn:
        created, updated, text = conn.execute(
            "SELECT created_at, updated_at, entry_json FROM entries"
        ).fetchone()
    assert created == row[4]  # an update keeps the creation time
    assert updated >= created
    assert json.loads(text)["feeling"] == 1


def test_the_table_reads_with_plain_pandas(journal: SqliteJournal) -> None:
    for i in range(3):
        journal.add(entry_dict(i))
    frame = pd.read_sql("SELECT * FROM entries", journal.engine, parse_dates=["interview_date"])
    assert len(frame) == 3
    assert frame["interview_date"].min() == pd.Timestamp(2026, 1, 1)


def test_the_journal_is_still_there_when_opened_again(db: Path) -> None:
    with SqliteJournal(f"sqlite:///{db}") as j:
        eid = j.add(entry_dict(1))
    with SqliteJournal(f"sqlite:///{db}") as j:
        assert j.get(eid).company == "Company 1"
        assert len(j) == 1


def test_a_newer_schema_is_refused(db: Path) -> None:
    SqliteJournal(f"sqlite:///{db}").close()
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE journal_meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(RecoveryAnalyticsError, match="newer recovery_analytics"):
        SqliteJournal(f"sqlite:///{db}")


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("sqlite://", "in memory"),
        ("sqlite:///:memory:", "in memory"),
        ("mysql://u:p@h/d", "needs an 'sqlite:///path.db' URL"),
        ("not a url", "sqlite:///journal.db"),
    ],
)
def test_urls_it_cannot_use(url: str, message: str) -> None:
    with pytest.raises(RecoveryAnalyticsError, match=message):
        SqliteJournal(url)


def test_a_relative_url_stays_where_it_was_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    j = SqliteJournal("sqlite:///rel/journal.db")
    assert j.path == tmp_path / "rel" / "journal.db"
    monkeypatch.chdir(tmp_path / "rel")
    j.add(entry_dict(1))
    j.close()
    assert not (tmp_path / "rel" / "rel").exists()


def test_log_source_names_the_database_and_entry(journal: SqliteJournal) -> None:
    eid = journal.add(entry_dict(1))
    assert journal.log().interviews.at[eid, "source"] == f"practice.db#{eid}"


def test_extra_fields_are_kept(journal: SqliteJournal) -> None:
    eid = journal.add({**entry_dict(1), "extra": {"recruiter": "Sam", "when": dt.date(2026, 1, 1)}})
    assert journal.get(eid).extra == {"recruiter": "Sam", "when": "2026-01-01"}
    assert journal.log().interviews.at[eid, "extra"] == {"recruiter": "Sam", "when": "2026-01-01"}


# -- privacy ---------------------------------------------------------------------------


@pytest.mark.usefixtures("private_umask")
def test_a_new_database_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    db = tmp_path / "new" / "practice.db"
    journal = SqliteJournal(f"sqlite:///{db}")
    journal.add(entry_dict(1))
    # while the journal is open SQLite keeps its write-ahead log and shared memory
    for name in ("practice.db", "practice.db-wal", "practice.db-shm"):
        assert mode(db.parent / name) == 0o600, name
    assert mode(db.parent) == 0o700
    journal.close()


def test_an_existing_database_keeps_its_permissions(tmp_path: Path) -> None:
    db = tmp_path / "shared.db"
    sqlite3.connect(db).close()
    os.chmod(db, 0o640)
    SqliteJournal(f"sqlite:///{db}").close()
    assert mode(db) == 0o640
