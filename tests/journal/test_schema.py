"""The database journal's schema version and migrations, on SQLite and PostgreSQL.

A journal made by version 1 of the schema (the one released with the SQLite
journal) is written here with that version's own DDL, then opened: it must be
migrated to the current version and keep its entries.
"""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa

from recovery_analytics import entry_from_mapping
from recovery_analytics.exceptions import RecoveryAnalyticsError
from recovery_analytics.io import entry_to_json
from recovery_analytics.journal import DatabaseJournal, Journal
from recovery_analytics.journal._schema import MIGRATIONS, SCHEMA_VERSION

from ._helpers import THEMES, entry_dict

DATABASES = pytest.mark.parametrize(
    "backend", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)]
)

# what version 1 created, word for word (SQLAlchemy's DDL of that release)
V1 = [
    """CREATE TABLE entries (
        entry_id VARCHAR(255) NOT NULL, client VARCHAR(255) NOT NULL,
        company VARCHAR(255), interview_date DATE NOT NULL,
        created_at TIMESTAMP NOT NULL, updated_at TIMESTAMP NOT NULL,
        entry_json TEXT NOT NULL, PRIMARY KEY (entry_id))""",
    "CREATE INDEX ix_entries_client_date ON entries (client, interview_date)",
    "CREATE INDEX ix_entries_date ON entries (interview_date)",
    "CREATE TABLE journal_meta (key VARCHAR(64) NOT NULL, value VARCHAR(255) NOT NULL, "
    "PRIMARY KEY (key))",
    "INSERT INTO journal_meta (key, value) VALUES ('schema_version', '1')",
]


def _engine(location: str) -> sa.Engine:
    return sa.create_engine(location.replace("postgresql://", "postgresql+psycopg://", 1))


def _version(location: str) -> str:
    engine = _engine(location)
    try:
        with engine.connect() as conn:
            value = conn.exec_driver_sql(
                "SELECT value FROM journal_meta WHERE key = 'schema_version'"
            ).scalar()
            return str(value)
    finally:
        engine.dispose()


def test_every_version_has_a_migration() -> None:
    assert sorted(MIGRATIONS) == list(range(2, SCHEMA_VERSION + 1))


@DATABASES
def test_a_new_journal_is_at_the_current_version(location: str) -> None:
    Journal.open(location).close()
    assert _version(location) == str(SCHEMA_VERSION)


@DATABASES
def test_a_version_1_journal_opens_and_is_migrated(location: str) -> None:
    old = entry_from_mapping(entry_dict(1, client="ana"))
    engine = _engine(location)
    with engine.begin() as conn:
        for statement in V1:
            conn.exec_driver_sql(statement)
        conn.execute(
            sa.text(
                "INSERT INTO entries VALUES (:id, 'ana', 'Company 1', :date, :now, :now, :json)"
            ),
            {
                "id": old.entry_id,
                "date": old.interview_date,
                "now": "2026-01-02 03:04:05",
                "json": json.dumps(entry_to_json(old)),
            },
        )
    engine.dispose()

    with Journal.open(location, taxonomy=THEMES) as journal:
        assert isinstance(journal, DatabaseJournal)
        assert journal.get(str(old.entry_id)) == old
        new = journal.add(entry_dict(2, client="ben"))
        columns = {c["name"] for c in sa.inspect(journal.engine).get_columns("entries")}
        with journal.engine.connect() as conn:
            writers = dict(conn.exec_driver_sql("SELECT entry_id, written_by FROM entries").all())
    assert _version(location) == str(SCHEMA_VERSION)
    assert "written_by" in columns
    assert writers[old.entry_id] is None  # written before the column existed
    assert set(writers) == {old.entry_id, new}
    # opening again finds nothing left to migrate
    Journal.open(location).close()
    assert _version(location) == str(SCHEMA_VERSION)


@DATABASES
def test_a_newer_schema_is_refused(location: str) -> None:
    Journal.open(location).close()
    engine = _engine(location)
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE journal_meta SET value = '99' WHERE key = 'schema_version'")
    engine.dispose()
    with pytest.raises(RecoveryAnalyticsError, match="newer recovery_analytics"):
        Journal.open(location)
