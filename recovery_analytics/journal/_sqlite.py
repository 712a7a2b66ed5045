"""A journal kept in an SQLite database, through SQLAlchemy Core.

Schema (version 1)
    ``entries``
        ``entry_id`` (text, primary key), ``client`` (text), ``company`` (text,
        nullable), ``interview_date`` (date), ``created_at`` and ``updated_at``
        (UTC timestamps), and ``entry_json``: the whole entry as the JSON object
        :func:`~recovery_analytics.io.entry_to_json` writes (the format of a
        ``.jsonl`` line in ``docs/formats.md``). The other columns copy fields
        of the JSON so they can be indexed and queried: indexes on
        ``(client, interview_date)`` and on ``interview_date``.
    ``journal_meta``
        ``key``/``value`` text pairs; ``schema_version`` is ``"1"``. A journal
        written by a newer version is refused rather than misread.

    Keeping the entry as one JSON document means the model can gain fields
    without a migration, and :meth:`SqliteJournal.log` reads it exactly as
    ``load()`` reads a JSON Lines file.

Durability and concurrency
    The database runs in WAL mode with ``synchronous=FULL``: every commit
    fsyncs the write-ahead log, so an acknowledged entry survives a crash of
    the process *and* of the machine. (``NORMAL`` would also survive a killed
    process, but a power cut could lose the last commits; a journal writes
    one entry per interview, and what a save costs is measured in the
    "Journal" section of ``benchmarks/RESULTS.md``.) Every operation is one
    transaction; writes start with ``BEGIN IMMEDIATE`` so two writers queue
    for the lock (up to ``busy_timeout`` seconds) instead of one failing.

Privacy
    The database file is created by us with mode 0600 (and its folder 0700)
    before SQLite opens it; SQLite gives its ``-wal`` and ``-shm`` files the
    mode of the database file.

Only ``sqlite:///`` URLs are accepted for now; the SQL is plain SQLAlchemy
Core, so a database server can be added later by URL (the pragmas and the
file creation are the SQLite-specific parts).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Final

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import URL, Connection, make_url
from sqlalchemy.exc import ArgumentError

from .._fs import PRIVATE_FILE, private_dir
from .._load import log_from_records
from .._log import ReflectionLog
from .._validate import entry_from_frames, normalise
from ..exceptions import DuplicateEntryError, EntryNotFoundError, RecoveryAnalyticsError
from ..io import entry_to_json
from ..model import Entry
from ._base import Journal, Themes, sort_entries

__all__ = ["SCHEMA_VERSION", "SqliteJournal", "entries_table", "metadata"]

SCHEMA_VERSION: Final = 1
_READ: Final = "recovery_analytics_read"
_ID_CHUNK: Final = 500

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
    sa.Index("ix_entries_client_date", "client", "interview_date"),
    sa.Index("ix_entries_date", "interview_date"),
)

meta_table = sa.Table(
    "journal_meta",
    metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.String(255), nullable=False),
)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _json_default(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return str(value)


def _entry_json(entry: Entry) -> str:
    return json.dumps(entry_to_json(entry), ensure_ascii=False, default=_json_default)


def _create_private_file(path: Path) -> None:
    """Create an empty database file readable by its owner only (if missing)."""
    private_dir(path.parent)
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    except FileExistsError:
        return
    try:
        os.fchmod(fd, PRIVATE_FILE)  # whatever the umask
    finally:
        os.close(fd)


def _sqlite_url(url: str | URL) -> tuple[URL, Path]:
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise RecoveryAnalyticsError(
            "A database journal needs a URL such as 'sqlite:///journal.db' (three slashes, "
            "then the path to the file)."
        ) from None
    if parsed.get_backend_name() != "sqlite":
        raise RecoveryAnalyticsError(
            f"SqliteJournal needs an 'sqlite:///path.db' URL, not a {parsed.drivername!r} one."
        )
    database = parsed.database or ""
    if database in ("", ":memory:") or parsed.query.get("mode") == "memory":
        raise RecoveryAnalyticsError(
            "A journal in memory would be lost when Python stops; give a file, such as "
            "'sqlite:///journal.db'."
        )
    path = Path(database).expanduser().absolute()
    return parsed.set(database=str(path)), path


class SqliteJournal(Journal, backend="sqlite"):
    """A journal in an SQLite database (see the module notes for the schema).

    Parameters
    ----------
    url : str
        ``"sqlite:///journal.db"`` (relative to the current folder) or
        ``"sqlite:////home/me/journal.db"``. The file and its folder are
        created, owner-only, if missing.
    taxonomy : Taxonomy or path to a TOML file, optional
        The themes :meth:`log` tags items with (``False``: none, every item's
        ``themes`` empty).
    busy_timeout : float
        Seconds a write waits for another process's write to finish.
    """

    def __init__(
        self,
        url: str | URL,
        *,
        taxonomy: Themes = None,
        busy_timeout: float = 30.0,
    ) -> None:
        super().__init__(taxonomy=taxonomy)
        self.url, self.path = _sqlite_url(url)
        _create_private_file(self.path)
        self._engine = sa.create_engine(self.url, connect_args={"timeout": busy_timeout})
        sa.event.listen(self._engine, "connect", _on_connect)
        sa.event.listen(self._engine, "begin", _on_begin)
        self._reader = self._engine.execution_options(**{_READ: True})
        self._create_schema()

    @property
    def where(self) -> str:
        return self.url.render_as_string(hide_password=True)

    @property
    def engine(self) -> sa.Engine:
        """The SQLAlchemy engine (for reading the tables with your own queries)."""
        return self._engine

    def close(self) -> None:
        """Close the database connections (the journal can be opened again later)."""
        super().close()
        self._engine.dispose()

    def _create_schema(self) -> None:
        with self._engine.begin() as conn:
            metadata.create_all(conn)
            stored = conn.scalar(
                sa.select(meta_table.c.value).where(meta_table.c.key == "schema_version")
            )
            if stored is None:
                conn.execute(
                    meta_table.insert().values(key="schema_version", value=str(SCHEMA_VERSION))
                )
            elif int(stored) > SCHEMA_VERSION:
                raise RecoveryAnalyticsError(
                    f"{self.path.name} was written by a newer recovery_analytics (journal schema "
                    f"{stored}, this version reads up to {SCHEMA_VERSION}); upgrade the package "
                    "to open it."
                )

    # -- rows <-> entries --------------------------------------------------------------

    @staticmethod
    def _row(entry: Entry, now: dt.datetime) -> dict[str, Any]:
        return {
            "entry_id": entry.entry_id,
            "client": entry.client,
            "company": entry.company,
            "interview_date": entry.interview_date,
            "updated_at": now,
            "entry_json": _entry_json(entry),
        }

    def _records(self, rows: Sequence[Any]) -> list[dict[str, Any]]:
        """Raw records as ``load()`` reads a JSON entry, located by database and id."""
        name = self.path.name
        records = []
        for entry_id, text in rows:
            record = json.loads(text)
            record["_file"] = f"{name}#{entry_id}"
            record["_line"] = None
            records.append(record)
        return records

    def _entries(self, rows: Sequence[Any]) -> list[Entry]:
        if not rows:
            return []
        result = normalise(pd.DataFrame.from_records(self._records(rows)), partial=True)
        return entry_from_frames(result.interviews, result.items, result.actions)

    # -- storage steps ---------------------------------------------------------------

    def _insert(self, entry: Entry) -> None:
        assert entry.entry_id is not None
        t = entries_table
        with self._engine.begin() as conn:
            if conn.scalar(sa.select(t.c.entry_id).where(t.c.entry_id == entry.entry_id)):
                raise DuplicateEntryError(entry.entry_id, self.where)
            now = _now()
            conn.execute(t.insert().values(**self._row(entry, now), created_at=now))

    def _insert_many(self, entries: list[Entry]) -> tuple[list[str], list[str]]:
        t = entries_table
        ids = [e.entry_id for e in entries]
        with self._engine.begin() as conn:
            known: set[str] = set()
            for start in range(0, len(ids), _ID_CHUNK):
                chunk = ids[start : start + _ID_CHUNK]
                known.update(conn.scalars(sa.select(t.c.entry_id).where(t.c.entry_id.in_(chunk))))
            new = [e for e in entries if e.entry_id not in known]
            if new:
                now = _now()
                conn.execute(t.insert(), [{**self._row(e, now), "created_at": now} for e in new])
        skipped = [e.entry_id for e in entries if e.entry_id in known]
        return [e.entry_id for e in new if e.entry_id], [s for s in skipped if s]

    def _read(self, entry_id: str) -> Entry | None:
        t = entries_table
        with self._reader.begin() as conn:
            rows = conn.execute(
                sa.select(t.c.entry_id, t.c.entry_json).where(t.c.entry_id == entry_id)
            ).all()
        entries = self._entries(rows)
        return entries[0] if entries else None

    def _read_all(self, client: str | None) -> list[Entry]:
        t = entries_table
        query = sa.select(t.c.entry_id, t.c.entry_json)
        if client is not None:
            query = query.where(t.c.client == client)
        with self._reader.begin() as conn:
            rows = conn.execute(query).all()
        return sort_entries(self._entries(rows))

    def _modify(self, entry_id: str, apply: Callable[[Entry], Entry]) -> Entry:
        t = entries_table
        with self._engine.begin() as conn:
            rows = conn.execute(
                sa.select(t.c.entry_id, t.c.entry_json).where(t.c.entry_id == entry_id)
            ).all()
            if not rows:
                raise EntryNotFoundError(entry_id, self.where)
            new = apply(self._entries(rows)[0])
            conn.execute(t.update().where(t.c.entry_id == entry_id).values(self._row(new, _now())))
        return new

    def _remove(self, entry_id: str) -> None:
        t = entries_table
        with self._engine.begin() as conn:
            result = conn.execute(t.delete().where(t.c.entry_id == entry_id))
            if result.rowcount == 0:
                raise EntryNotFoundError(entry_id, self.where)

    # -- whole-journal views -----------------------------------------------------------

    def clients(self) -> list[str]:
        with self._reader.begin() as conn:
            return sorted(conn.scalars(sa.select(entries_table.c.client).distinct()))

    def companies(self) -> list[str]:
        t = entries_table
        with self._reader.begin() as conn:
            names = conn.scalars(sa.select(t.c.company).where(t.c.company.is_not(None)).distinct())
            return sorted(names)

    def __len__(self) -> int:
        with self._reader.begin() as conn:
            return int(conn.scalar(sa.select(sa.func.count()).select_from(entries_table)) or 0)

    def log(self, *, errors: str = "collect", taxonomy: Themes = None) -> ReflectionLog:
        """The stored entries through ``load()``'s own validation and tagging.

        See :meth:`Journal.log`. Entries come in the order interview date,
        client, id; ``source`` reads ``<database file>#<entry id>``.
        """
        t = entries_table
        query = sa.select(t.c.entry_id, t.c.entry_json).order_by(
            t.c.interview_date, t.c.client, t.c.entry_id
        )
        with self._reader.begin() as conn:
            rows = conn.execute(query).all()
        return log_from_records(self._records(rows), errors=errors, taxonomy=self._themes(taxonomy))


# -- connection setup ------------------------------------------------------------------


def _on_connect(dbapi_connection: Any, _record: Any) -> None:
    # SQLAlchemy emits BEGIN itself (see _on_begin); the driver must not
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        mode = cursor.execute("PRAGMA journal_mode=WAL").fetchone()[0]
        cursor.execute("PRAGMA synchronous=FULL")
    finally:
        cursor.close()
    if str(mode).lower() != "wal":  # pragma: no cover - e.g. some network file systems
        warnings.warn(
            f"SQLite could not use WAL mode here (it uses {mode!r}); the journal is still "
            "safe, but readers and writers will wait for each other more.",
            RuntimeWarning,
            stacklevel=2,
        )


def _on_begin(conn: Connection) -> None:
    # writers take the write lock at once, so a writer never fails on a stale
    # read snapshot and concurrent writers queue on the busy timeout instead
    read_only = conn.get_execution_options().get(_READ, False)
    conn.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")
