"""Where a journal lives: a location (folder, file or URL) read as a backend.

:meth:`Journal.open <recovery_analytics.journal.Journal.open>` asks
:func:`resolve_location` which backend a location names and what to hand it,
then builds the backend registered under that name. This module knows the
location rules and their messages, and nothing of the backends themselves, so
the journal modules import one way: backends -> the base class -> this module.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal, NamedTuple

from ..exceptions import RecoveryAnalyticsError

__all__ = ["POSTGRES_SCHEMES", "SQLITE_SUFFIXES", "Location", "PathLike", "resolve_location"]

PathLike = str | os.PathLike[str]
SQLITE_SUFFIXES = (".db", ".sqlite", ".sqlite3")
POSTGRES_SCHEMES = ("postgresql", "postgres")


class Location(NamedTuple):
    """A resolved location: the backend's name and what its constructor takes."""

    backend: Literal["folder", "sqlite", "postgresql"]
    target: str | Path


def resolve_location(location: PathLike) -> Location:
    """Read a journal location as ``(backend, target)``.

    Parameters
    ----------
    location : path or URL
        A folder (``"journal/"``), a database URL (``"sqlite:///journal.db"``,
        ``"postgresql://user:password@host/database"``) or a path ending in
        ``.db``, ``.sqlite`` or ``.sqlite3``.

    Raises
    ------
    RecoveryAnalyticsError
        For a database other than SQLite or PostgreSQL (only the scheme is
        shown: a server URL may hold a password), or for a file that is not a
        database.

    Examples
    --------
    >>> resolve_location("sqlite:///journal.db")
    Location(backend='sqlite', target='sqlite:///journal.db')
    >>> resolve_location("journal").backend
    'folder'
    """
    text = str(location)
    if (isinstance(location, str) and "://" in location) or text.startswith("sqlite:"):
        scheme = text.split(":", 1)[0].lower()
        if scheme.split("+", 1)[0] == "sqlite":
            database = _sqlite_path(text)
            if database is not None:
                _check_sqlite_file(database, text)
            return Location("sqlite", text)
        if scheme.split("+", 1)[0] in POSTGRES_SCHEMES:
            return Location("postgresql", text)
        raise RecoveryAnalyticsError(
            f"A journal in a {scheme!r} database is not supported; use a folder such as "
            "'journal/', an SQLite URL such as 'sqlite:///journal.db' or a PostgreSQL one "
            "such as 'postgresql://coach@db.example.org/practice'."
        )
    path = Path(location).expanduser()
    if path.suffix.lower() in SQLITE_SUFFIXES and not path.is_dir():
        _check_sqlite_file(path, str(location))
        return Location("sqlite", f"sqlite:///{path.absolute()}")
    if path.exists() and not path.is_dir():
        raise RecoveryAnalyticsError(
            f"{path} is a file, but a journal is a folder or a database: pass a folder "
            "such as 'journal/' or a URL such as 'sqlite:///journal.db'. To add the "
            f"entries of {path.name} to a journal, use journal.import_from({str(path)!r})."
        )
    return Location("folder", path)


_SQLITE_HEADER = b"SQLite format 3\x00"


def _sqlite_path(url: str) -> Path | None:
    """The file an ``sqlite:///`` URL names (``None`` for an in-memory database)."""
    rest = url.split(":", 1)[1].removeprefix("//")
    database = rest.removeprefix("/").split("?", 1)[0] if rest.startswith("/") else ""
    if database in ("", ":memory:") or database.startswith("file:"):
        return None
    return Path(database).expanduser()


def _check_sqlite_file(path: Path, given: str) -> None:
    """Refuse, with what was found and what to pass, a path SQLite cannot use as a journal."""
    shown = str(path)
    if path.is_dir():
        raise RecoveryAnalyticsError(
            f"{given}: {shown} is a folder, but an SQLite journal is a file. Pass the folder "
            f"itself as a folder journal ({shown!r} without 'sqlite:///'), or a file path "
            "such as 'sqlite:///journal.db'."
        )
    if not path.parent.is_dir():
        raise RecoveryAnalyticsError(
            f"{given}: the folder {str(path.parent)!r} does not exist, so the database cannot "
            "be created there; create the folder first or pass a path in an existing folder."
        )
    if path.is_file() and path.stat().st_size > 0:
        with path.open("rb") as handle:
            head = handle.read(len(_SQLITE_HEADER))
        if head != _SQLITE_HEADER:
            kind = "text" if _looks_like_text(head) else "data of another kind"
            raise RecoveryAnalyticsError(
                f"{given}: {shown} exists but is not an SQLite database (it holds {kind}). "
                "Pass an SQLite journal file, a new file name to create one, or a folder; "
                f"to add entries from a file, use journal.import_from({shown!r})."
            )


def _looks_like_text(head: bytes) -> bool:
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return b"\x00" not in head
