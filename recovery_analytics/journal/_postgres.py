"""A journal kept in a PostgreSQL database, through SQLAlchemy Core and psycopg 3.

The tables, their version and migrations are those of SQLite (``_schema.py``),
and so are the storage steps (``_database.py``); this module holds what is
PostgreSQL's own.

Connections
    ``postgresql://user:password@host:port/database`` (or
    ``postgresql+psycopg://...``; ``postgres://`` too) is opened with psycopg 3.
    The connection pool checks a connection before using it, so once a
    stopped server is back the next call simply works.

Durability and concurrency
    Every operation is one transaction, acknowledged once the server has
    committed it (with the server's default ``synchronous_commit=on``, after
    its write-ahead log is flushed). Two processes adding at once are
    serialised by the primary key; an update locks its row (``SELECT ... FOR
    UPDATE``) so two updates of one entry never interleave; the first
    creation of the tables, or a migration, holds an advisory lock so two
    processes opening a new journal create it once.

Errors
    A server that cannot be reached raises
    :class:`~recovery_analytics.exceptions.JournalUnavailableError`, a refusal
    by the server (wrong password, or row-level security in a practice
    database: see ``docs/practice.md``) raises
    :class:`~recovery_analytics.exceptions.JournalAccessError`; neither
    message shows a password.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable, Iterator
from typing import Any, ClassVar, Final

import psycopg
import sqlalchemy as sa
from sqlalchemy.engine import URL, Connection, make_url
from sqlalchemy.exc import ArgumentError

from ..exceptions import JournalAccessError, JournalUnavailableError, RecoveryAnalyticsError
from ._base import Themes
from ._database import DatabaseJournal
from ._open import POSTGRES_SCHEMES
from ._schema import entries_table

__all__ = ["PostgresJournal", "guard_errors", "postgres_url"]

_SCHEMA_LOCK: Final = 0x7261_6A6F  # any fixed number: the journal's advisory lock
# SQLSTATE classes: 28 = invalid authorisation; 42501 = insufficient privilege
# (which row-level security also raises)
_REFUSED: Final = ("28", "42501")
_COLUMNS: Final = tuple(c.name for c in entries_table.columns if c.name != "written_by")
_INSERT_BATCH: Final = (
    f"INSERT INTO entries ({', '.join(_COLUMNS)}, written_by) "
    f"VALUES ({', '.join(f'%({c})s' for c in _COLUMNS)}, current_user) "
    "ON CONFLICT (entry_id) DO NOTHING RETURNING entry_id"
)
# a refused login has no SQLSTATE on the client side, only the server's words
_LOGIN_REFUSED: Final = re.compile(
    r"authentication failed|no pg_hba\.conf entry|role \S+ does not exist|"
    r"permission denied for database"
)


def postgres_url(url: str | URL) -> URL:
    """``url`` as a SQLAlchemy URL for psycopg 3.

    Raises
    ------
    RecoveryAnalyticsError
        For a URL that is not PostgreSQL's, names another driver, or has no
        database (the message never shows the password).
    """
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise RecoveryAnalyticsError(
            "A PostgreSQL journal needs a URL such as "
            "'postgresql://coach:password@db.example.org:5432/practice'."
        ) from None
    backend, _, driver = parsed.drivername.partition("+")
    if backend not in POSTGRES_SCHEMES:
        raise RecoveryAnalyticsError(
            f"PostgresJournal needs a 'postgresql://' URL, not a {parsed.drivername!r} one."
        )
    if driver not in ("", "psycopg"):
        raise RecoveryAnalyticsError(
            f"The journal talks to PostgreSQL through psycopg 3, not {driver!r}: use "
            "'postgresql://...' or 'postgresql+psycopg://...'."
        )
    if not parsed.database:
        raise RecoveryAnalyticsError(
            f"{parsed.render_as_string(hide_password=True)} names no database: add it after "
            "the host, as in 'postgresql://coach@db.example.org/practice'."
        )
    return parsed.set(drivername="postgresql+psycopg")


def _reason(error: BaseException | None) -> str:
    """The driver's first line, without SQL or parameters (no entry text, no secret)."""
    text = str(error).strip().splitlines()
    return text[0] if text else type(error).__name__


@contextlib.contextmanager
def guard_errors(where: str) -> Iterator[None]:
    """Raise the package's errors for a server that is away or that refuses.

    Covers errors through SQLAlchemy and from psycopg itself; a duplicate key
    (an :class:`~sqlalchemy.exc.IntegrityError`) passes through for the
    journal to word.
    """
    try:
        yield
    except (sa.exc.IntegrityError, psycopg.IntegrityError):
        raise
    except (sa.exc.DBAPIError, psycopg.Error) as exc:
        error = exc.orig if isinstance(exc, sa.exc.DBAPIError) else exc
        code = str(getattr(error, "sqlstate", "") or "")
        if code.startswith(_REFUSED) or _LOGIN_REFUSED.search(str(error)):
            raise JournalAccessError(
                f"The database refused this for the journal's role ({_reason(error)}); "
                f"nothing was changed in {where}."
            ) from None
        away = (psycopg.OperationalError, psycopg.InterfaceError)
        if isinstance(error, away) or (
            isinstance(exc, sa.exc.DBAPIError) and exc.connection_invalidated
        ):
            raise JournalUnavailableError(
                f"The journal's database server at {where} cannot be reached "
                f"({_reason(error)}). Nothing was saved by this call; try again once the "
                "server is back."
            ) from None
        raise


class PostgresJournal(DatabaseJournal, backend="postgresql"):
    """A journal in a PostgreSQL database (see the module notes).

    Parameters
    ----------
    url : str
        ``"postgresql://user:password@host:5432/database"``; the database must
        exist (the tables are created in it when missing). In a practice
        database each coach and client connects with their own role
        (``recovery-analytics practice``, ``docs/practice.md``).
    taxonomy : Taxonomy or path to a TOML file, optional
        The themes :meth:`log` tags items with (``False``: none, every item's
        ``themes`` empty).
    connect_timeout : int
        Seconds to wait for the server when connecting.
    """

    _stamp: ClassVar[dict[str, Any]] = {"written_by": sa.func.current_user()}

    def __init__(
        self, url: str | URL, *, taxonomy: Themes = None, connect_timeout: int = 10
    ) -> None:
        self.url = postgres_url(url)
        engine = sa.create_engine(
            self.url,
            pool_pre_ping=True,
            connect_args={"connect_timeout": connect_timeout},
        )
        super().__init__(engine, name=str(self.url.database), taxonomy=taxonomy)

    @property
    def where(self) -> str:
        return self.url.set(drivername="postgresql").render_as_string(hide_password=True)

    def _insert_batch(self, conn: Connection, rows: list[dict[str, Any]]) -> Iterable[str]:
        """psycopg's own ``executemany`` (pipelined), several times SQLAlchemy's here."""
        cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
        cursor.executemany(_INSERT_BATCH, rows, returning=True)
        added: list[str] = []
        while True:
            added.extend(str(row[0]) for row in cursor.fetchall())
            if not cursor.nextset():
                return added

    def _begin_schema(self, conn: Connection) -> None:
        conn.execute(sa.select(sa.func.pg_advisory_xact_lock(_SCHEMA_LOCK)))

    def _guard(self) -> contextlib.AbstractContextManager[None]:
        return guard_errors(self.where)
