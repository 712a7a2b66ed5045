"""A journal kept in an SQLite database, through SQLAlchemy Core.

The tables, their version and migrations are in ``_schema.py`` (shared with
PostgreSQL); the storage steps in ``_database.py``.

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

This module holds what is SQLite's own: the file and its mode, the pragmas,
and ``BEGIN IMMEDIATE``.
"""

from __future__ import annotations

import os
import warnings
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import URL, Connection, make_url
from sqlalchemy.exc import ArgumentError

from .._fs import PRIVATE_FILE, private_dir
from ..exceptions import RecoveryAnalyticsError
from ._base import Themes
from ._database import READ_ONLY, DatabaseJournal
from ._schema import SCHEMA_VERSION, entries_table, metadata

__all__ = ["SCHEMA_VERSION", "SqliteJournal", "entries_table", "metadata"]


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


class SqliteJournal(DatabaseJournal, backend="sqlite"):
    """A journal in an SQLite database (see the module notes).

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
        self.url, self.path = _sqlite_url(url)
        _create_private_file(self.path)
        engine = sa.create_engine(self.url, connect_args={"timeout": busy_timeout})
        sa.event.listen(engine, "connect", _on_connect)
        sa.event.listen(engine, "begin", _on_begin)
        super().__init__(engine, name=self.path.name, taxonomy=taxonomy)

    @property
    def where(self) -> str:
        return self.url.render_as_string(hide_password=True)


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
    read_only = conn.get_execution_options().get(READ_ONLY, False)
    conn.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")
