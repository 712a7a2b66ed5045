"""What the SQLite and PostgreSQL journals share: SQLAlchemy Core on one schema.

:class:`DatabaseJournal` implements the storage steps of
:class:`~recovery_analytics.journal.Journal` on the tables of
:mod:`._schema`; a backend gives it an engine and overrides a few hooks:

* ``_begin_schema(conn)`` - make the schema transaction exclusive;
* ``_guard()`` - turn the driver's errors into the package's own;
* ``_stamp`` - extra column values every write sets (who wrote it).

Every operation is one transaction. Adding refuses a known id (the primary
key enforces it even between processes); ``import_from`` inserts in batches
of :data:`BATCH` rows, one transaction each, skipping ids already there
(``ON CONFLICT DO NOTHING``), so an interrupted import keeps whole batches
and running it again adds the rest.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, ClassVar, Final

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from .._load import log_from_records
from .._log import ReflectionLog
from .._validate import entry_from_frames, normalise
from ..exceptions import DuplicateEntryError, EntryNotFoundError
from ..io import entry_to_json
from ..model import Entry
from ._base import Journal, Themes, sort_entries
from ._schema import entries_table, open_schema

__all__ = ["BATCH", "READ_ONLY", "DatabaseJournal"]

READ_ONLY: Final = "recovery_analytics_read"
BATCH: Final = 2_000

_INSERTS: Final[dict[str, Callable[[sa.Table], Any]]] = {
    "postgresql": postgresql.insert,
    "sqlite": sqlite.insert,
}


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _json_default(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return str(value)


def entry_json(entry: Entry) -> str:
    """The ``entry_json`` column of an entry."""
    return json.dumps(entry_to_json(entry), ensure_ascii=False, default=_json_default)


class DatabaseJournal(Journal):
    """A journal in an SQL database (see :class:`SqliteJournal` and :class:`PostgresJournal`).

    Parameters
    ----------
    engine : sqlalchemy.Engine
        Connected to the journal's database; the journal disposes of it on
        :meth:`close`.
    name : str
        The database's short name, for ``log()``'s ``source`` column
        (``<name>#<entry id>``).
    taxonomy : Taxonomy or path to a TOML file, optional
        The themes :meth:`log` tags items with.
    """

    #: extra column values every insert and update sets (SQL expressions)
    _stamp: ClassVar[dict[str, Any]] = {}

    def __init__(self, engine: sa.Engine, *, name: str, taxonomy: Themes = None) -> None:
        super().__init__(taxonomy=taxonomy)
        self._engine = engine
        self._reader = engine.execution_options(**{READ_ONLY: True})
        self._name = name
        try:
            with self._guard(), self._engine.begin() as conn:
                self._begin_schema(conn)
                open_schema(conn, where=self.where)
        except BaseException:
            self._engine.dispose()
            raise

    @property
    def engine(self) -> sa.Engine:
        """The SQLAlchemy engine (for reading the tables with your own queries)."""
        return self._engine

    def close(self) -> None:
        """Close the database connections (the journal can be opened again later)."""
        super().close()
        self._engine.dispose()

    # -- backend hooks -----------------------------------------------------------------

    def _begin_schema(self, conn: Connection) -> None:
        """Make the schema transaction exclusive between processes (if needed)."""

    def _guard(self) -> contextlib.AbstractContextManager[None]:
        """Turn the driver's errors into the package's own (none by default)."""
        return contextlib.nullcontext()

    @contextlib.contextmanager
    def _write(self) -> Iterator[Connection]:
        with self._guard(), self._engine.begin() as conn:
            yield conn

    @contextlib.contextmanager
    def _read_only(self) -> Iterator[Connection]:
        with self._guard(), self._reader.begin() as conn:
            yield conn

    # -- rows <-> entries --------------------------------------------------------------

    def _row(self, entry: Entry, now: dt.datetime) -> dict[str, Any]:
        return {
            "entry_id": entry.entry_id,
            "client": entry.client,
            "company": entry.company,
            "interview_date": entry.interview_date,
            "updated_at": now,
            "entry_json": entry_json(entry),
        }

    def _records(self, rows: Sequence[Any]) -> list[dict[str, Any]]:
        """Raw records as ``load()`` reads a JSON entry, located by database and id."""
        records = []
        for entry_id, text in rows:
            record = json.loads(text)
            record["_file"] = f"{self._name}#{entry_id}"
            record["_line"] = None
            records.append(record)
        return records

    def _entries(self, rows: Sequence[Any]) -> list[Entry]:
        if not rows:
            return []
        result = normalise(pd.DataFrame.from_records(self._records(rows)), partial=True)
        return entry_from_frames(result.interviews, result.items, result.actions)

    def _select(self, entry_id: str) -> sa.Select[Any]:
        t = entries_table
        return sa.select(t.c.entry_id, t.c.entry_json).where(t.c.entry_id == entry_id)

    # -- storage steps ---------------------------------------------------------------

    def _insert(self, entry: Entry) -> None:
        assert entry.entry_id is not None
        now = _now()
        statement = entries_table.insert().values(
            **self._row(entry, now), created_at=now, **self._stamp
        )
        try:
            with self._write() as conn:
                conn.execute(statement)
        except sa.exc.IntegrityError:  # the primary key: the id is taken
            raise DuplicateEntryError(entry.entry_id, self.where) from None

    def _insert_batch(self, conn: Connection, rows: list[dict[str, Any]]) -> Iterable[str]:
        """Insert ``rows``, skipping known ids; return the ids inserted."""
        t = entries_table
        statement = _INSERTS[self._engine.dialect.name](t)
        if self._stamp:
            statement = statement.values(**self._stamp)
        statement = statement.on_conflict_do_nothing(index_elements=[t.c.entry_id]).returning(
            t.c.entry_id
        )
        return conn.scalars(statement, rows)

    def _insert_many(self, entries: list[Entry]) -> tuple[list[str], list[str]]:
        added: set[str] = set()
        for start in range(0, len(entries), BATCH):
            now = _now()
            rows = [
                {**self._row(e, now), "created_at": now} for e in entries[start : start + BATCH]
            ]
            with self._write() as conn:
                added.update(self._insert_batch(conn, rows))
        ids = [e.entry_id for e in entries if e.entry_id]
        return [i for i in ids if i in added], [i for i in ids if i not in added]

    def _read(self, entry_id: str) -> Entry | None:
        with self._read_only() as conn:
            rows = conn.execute(self._select(entry_id)).all()
        entries = self._entries(rows)
        return entries[0] if entries else None

    def _read_all(self, client: str | None) -> list[Entry]:
        t = entries_table
        query = sa.select(t.c.entry_id, t.c.entry_json)
        if client is not None:
            query = query.where(t.c.client == client)
        with self._read_only() as conn:
            rows = conn.execute(query).all()
        return sort_entries(self._entries(rows))

    def _modify(self, entry_id: str, apply: Callable[[Entry], Entry]) -> Entry:
        t = entries_table
        with self._write() as conn:
            rows = conn.execute(self._select(entry_id).with_for_update()).all()
            if not rows:
                raise EntryNotFoundError(entry_id, self.where)
            new = apply(self._entries(rows)[0])
            conn.execute(
                t.update()
                .where(t.c.entry_id == entry_id)
                .values(**self._row(new, _now()), **self._stamp)
            )
        return new

    def _remove(self, entry_id: str) -> None:
        t = entries_table
        with self._write() as conn:
            result = conn.execute(t.delete().where(t.c.entry_id == entry_id))
            if result.rowcount == 0:
                raise EntryNotFoundError(entry_id, self.where)

    # -- whole-journal views -----------------------------------------------------------

    def clients(self) -> list[str]:
        with self._read_only() as conn:
            return sorted(conn.scalars(sa.select(entries_table.c.client).distinct()))

    def companies(self) -> list[str]:
        t = entries_table
        with self._read_only() as conn:
            names = conn.scalars(sa.select(t.c.company).where(t.c.company.is_not(None)).distinct())
            return sorted(names)

    def __len__(self) -> int:
        with self._read_only() as conn:
            return int(conn.scalar(sa.select(sa.func.count()).select_from(entries_table)) or 0)

    def log(self, *, errors: str = "collect", taxonomy: Themes = None) -> ReflectionLog:
        """The stored entries through ``load()``'s own validation and tagging.

        See :meth:`Journal.log`. Entries come in the order interview date,
        client, id; ``source`` reads ``<database>#<entry id>``.
        """
        t = entries_table
        query = sa.select(t.c.entry_id, t.c.entry_json).order_by(
            t.c.interview_date, t.c.client, t.c.entry_id
        )
        with self._read_only() as conn:
            rows = conn.execute(query).all()
        return log_from_records(self._records(rows), errors=errors, taxonomy=self._themes(taxonomy))
