"""The database journal's tables, their version, and the migrations between versions.

Schema (version 2)
    ``entries``
        ``entry_id`` (text, primary key), ``client`` (text), ``company`` (text,
        nullable), ``interview_date`` (date), ``created_at`` and ``updated_at``
        (UTC timestamps), ``entry_json``: the whole entry as the JSON object
        :func:`~recovery_analytics.io.entry_to_json` writes (the format of a
        ``.jsonl`` line in ``docs/formats.md``), and ``written_by``: the
        database role that last saved the entry (PostgreSQL; empty in SQLite,
        which has no roles). The other columns copy fields of the JSON so they
        can be indexed and queried: indexes on ``(client, interview_date)`` and
        on ``interview_date``.
    ``journal_meta``
        ``key``/``value`` text pairs; ``schema_version`` is ``"3"``.
    ``theme_corrections`` (version 3)
        Themes a user set by hand (:mod:`._corrections`): ``correction_id``
        (text, primary key), ``client`` (text, indexed), ``created_at`` (UTC)
        and ``correction_json``, the correction as one JSON object.

Keeping the entry as one JSON document means the model can gain fields
without a migration; a migration is needed only when the tables change.

Migrations
    SQLAlchemy's own means, no Alembic (it is not a dependency, and a journal
    has two tables): :data:`MIGRATIONS` maps each version to the function that
    brings a journal from the version before up to it. :func:`open_schema`
    creates a new journal at :data:`SCHEMA_VERSION`, runs the missing
    migrations of an older one in order, each in the same transaction as the
    version it records, and refuses a journal written by a newer version
    rather than misread it. Every version this package ever wrote stays in
    the table, so a journal made by any version opens in every later one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from ..exceptions import RecoveryAnalyticsError

__all__ = [
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "corrections_table",
    "entries_table",
    "meta_table",
    "metadata",
    "open_schema",
]

metadata = sa.MetaData()

entries_table = sa.Table(
    "entries",
    metadata,
    sa.Column("entry_id", sa.String(255), primary_key=True),
    sa.Column("client", sa.String(255), nullable=False),
    sa.Column("company", sa.String(255), nullable=True),
    sa.Column("interview_date", sa.Date, nullable=False),
    sa.Column("created_at", sa.DateTime, nullable=False),
    sa.Column("updated_at", sa.DateTime, nullable=False),
    sa.Column("entry_json", sa.Text, nullable=False),
    sa.Column("written_by", sa.String(255), nullable=True),
    sa.Index("ix_entries_client_date", "client", "interview_date"),
    sa.Index("ix_entries_date", "interview_date"),
)

meta_table = sa.Table(
    "journal_meta",
    metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.String(255), nullable=False),
)


corrections_table = sa.Table(
    "theme_corrections",
    metadata,
    sa.Column("correction_id", sa.String(64), primary_key=True),
    sa.Column("client", sa.String(255), nullable=False),
    sa.Column("created_at", sa.DateTime, nullable=False),
    sa.Column("correction_json", sa.Text, nullable=False),
    sa.Index("ix_theme_corrections_client", "client"),
)


def _add_written_by(conn: Connection) -> None:
    """Version 2: who last saved each entry (a role on a server)."""
    conn.execute(sa.text("ALTER TABLE entries ADD COLUMN written_by VARCHAR(255)"))


def _add_corrections(conn: Connection) -> None:
    """Version 3: the themes users set by hand (self-contained: one new table)."""
    corrections_table.create(conn, checkfirst=True)


MIGRATIONS: Final[dict[int, Callable[[Connection], None]]] = {
    2: _add_written_by,
    3: _add_corrections,
}
SCHEMA_VERSION: Final = max(MIGRATIONS)
_VERSION_KEY: Final = "schema_version"


def _stored_version(conn: Connection) -> int | None:
    value = conn.scalar(sa.select(meta_table.c.value).where(meta_table.c.key == _VERSION_KEY))
    return None if value is None else int(value)


def open_schema(conn: Connection, *, where: str) -> int:
    """Create the tables, or migrate them to :data:`SCHEMA_VERSION`; return the old version.

    Runs inside the caller's transaction, which the backend has made
    exclusive (SQLite's ``BEGIN IMMEDIATE``, an advisory lock on
    PostgreSQL), so two processes opening a new journal at once create it
    once. A new journal returns :data:`SCHEMA_VERSION`.

    Raises
    ------
    RecoveryAnalyticsError
        If the journal was written by a newer version of the package.
    """
    if not sa.inspect(conn).has_table(entries_table.name):
        metadata.create_all(conn)
        conn.execute(meta_table.insert().values(key=_VERSION_KEY, value=str(SCHEMA_VERSION)))
        return SCHEMA_VERSION
    stored = _stored_version(conn) or 1  # version 1 always wrote its number
    if stored > SCHEMA_VERSION:
        raise RecoveryAnalyticsError(
            f"{where} was written by a newer recovery_analytics (journal schema {stored}, "
            f"this version reads up to {SCHEMA_VERSION}); upgrade the package to open it."
        )
    for version in range(stored + 1, SCHEMA_VERSION + 1):
        MIGRATIONS[version](conn)
        conn.execute(
            meta_table.update().where(meta_table.c.key == _VERSION_KEY).values(value=str(version))
        )
    return stored
