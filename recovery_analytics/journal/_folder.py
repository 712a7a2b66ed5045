"""A journal kept as a folder of Markdown files, one per entry.

Layout: ``<folder>/<client>/<date>-<company>-<short id>.md`` in the format of
``docs/formats.md``, so ``load(folder)`` reads the journal and a person can
open, edit, add or remove files by hand.

Durability
    Every file is written by :func:`~recovery_analytics.io.atomic_write`:
    a hidden temporary file in the same folder, flushed and fsynced, then
    linked (new entries: never replaces another file) or renamed (updates)
    into place, and the folder fsynced. A crash leaves the old file or the new
    one, never half of one; a leftover temporary file is hidden, and ``load()``
    skips hidden files. An update that changes the file name (new date,
    company or client) writes the new file first, then removes the old one;
    a crash in between leaves both, and the journal then reads the newer one
    (``log().problems`` lists the pair) and removes the older at the next
    change of that entry.

Concurrency
    Writers take an exclusive ``flock`` on ``<folder>/.journal.lock`` around
    "check the id, then write", so two processes adding at once lose nothing
    and cannot both add the same id; readers take a shared lock so they never
    see the moment an update has written its new file but not yet removed the
    old one. (Without ``fcntl``, as on Windows, there is no lock: writes are
    still atomic.)

Privacy
    New folders are created 0700 and files 0600, whatever the umask.

Limits
    ``add()`` recognises an existing id from the journal's own file names;
    an entry written by hand under another file name with the same id is not
    seen there, and ``log().problems`` reports the two as duplicates.
    Entries in other files of the folder (say a CSV a person put there) are
    read, but the journal only rewrites or deletes its Markdown files.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

import pandas as pd

from .._fs import PRIVATE_FILE, atomic_write, fsync_dir, private_dir
from .._load import load
from .._log import ReflectionLog
from .._validate import entry_from_frames, normalise
from ..exceptions import (
    DuplicateEntryError,
    EntryNotFoundError,
    LogFormatError,
    Problem,
    RecoveryAnalyticsError,
)
from ..io import client_folder, decode, entry_filename, file_id, parse_markdown, write_markdown
from ..model import Entry
from ._base import Journal, Themes, entries_of_log, sort_entries
from ._open import PathLike

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

__all__ = ["FolderJournal"]

LOCK_NAME = ".journal.lock"
_UNSAFE_NAME = re.compile(r"[^\w.-]")
_LINE_SUFFIX = re.compile(r":\d+$")
_MAX_FOLDER_BYTES = 120


def client_dir(client: str) -> str:
    """The folder of a client's files: safe, not hidden, and read by ``load()``.

    ``load()`` skips folders starting with ``.`` or ``_``, so those are
    stripped; the client's name itself is kept in each file's front matter.
    """
    name = client_folder(client).lstrip("._").strip()
    name = name.encode("utf-8")[:_MAX_FOLDER_BYTES].decode("utf-8", "ignore").strip()
    return name or "me"


def file_name(entry: Entry) -> str:
    """``<date>-<company>-<short id>.md``, with any unsafe character of the id replaced."""
    return _UNSAFE_NAME.sub("-", entry_filename(entry))


def long_file_name(entry: Entry) -> str:
    """The file name with the whole id, for two entries sharing a short name."""
    stem = file_name(entry).rsplit("-", 1)[0]
    return f"{stem}-{_UNSAFE_NAME.sub('-', (entry.entry_id or '').removeprefix('e-'))}.md"


def _name_suffixes(entry_id: str) -> tuple[str, ...]:
    """The endings of the file names this id may have: the one the journal gives
    now (``io.file_id``), and those earlier versions gave."""
    earlier = _UNSAFE_NAME.sub("-", entry_id.removeprefix("e-")[:6] or "entry")
    full = _UNSAFE_NAME.sub("-", entry_id.removeprefix("e-"))
    return f"-{file_id(entry_id)}.md", f"-{earlier}.md", f"-{full}.md"


_ID_LINE = re.compile(rb"^entry_id:[ \t]*(.*?)[ \t]*\r?$", re.M)
_PEEK_BYTES = 4096


def _written_id_differs(path: Path, entry_id: str) -> bool:
    """True when the file's front matter plainly names another id.

    Reads only the start of the file. Anything unclear (no front matter, a
    quoted or commented value) is ``False``: the caller then reads the file.
    """
    try:
        with open(path, "rb") as handle:
            head = handle.read(_PEEK_BYTES)
    except OSError:
        return False
    if not head.startswith(b"---"):
        return False
    end = head.find(b"\n---", 3)
    match = _ID_LINE.search(head, 0, end if end != -1 else len(head))
    if match is None:
        return False
    written = match.group(1)
    if not written or written[:1] in (b"'", b'"') or b"#" in written:
        return False
    return written.decode("utf-8", "replace") != entry_id


def _mtime(path: Path | None) -> int:
    try:
        return path.stat().st_mtime_ns if path is not None else 0
    except OSError:
        return 0


def _unlink(path: Path) -> None:
    """Remove a file for good: the removal is on disk when this returns."""
    path.unlink(missing_ok=True)
    fsync_dir(path.parent)


class _Found(NamedTuple):
    """An entry located in the folder: its file (``None`` if not ours to edit)."""

    entry: Entry
    path: Path | None
    source: str
    problems: list[Problem]
    stale: tuple[Path, ...] = ()  # older copies left by an interrupted move


class FolderJournal(Journal, backend="folder"):
    """A journal kept as Markdown files in ``folder/<client>/`` (see the module notes).

    Parameters
    ----------
    folder : path
        Created (owner-only) if it does not exist.
    taxonomy : Taxonomy or path to a TOML file, optional
        The themes :meth:`log` tags items with (``False``: none, every item's
        ``themes`` empty).
    """

    def __init__(self, folder: PathLike, *, taxonomy: Themes = None) -> None:
        super().__init__(taxonomy=taxonomy)
        path = Path(folder).expanduser()
        if path.exists() and not path.is_dir():
            raise RecoveryAnalyticsError(
                f"{path} is a file; a folder journal needs a folder (it is created if missing)."
            )
        self.path = Path(os.path.abspath(private_dir(path)))

    @property
    def where(self) -> str:
        return str(self.path)

    # -- locking -----------------------------------------------------------------

    @contextlib.contextmanager
    def _locked(self, *, shared: bool = False) -> Iterator[None]:
        if fcntl is None:  # pragma: no cover - Windows
            yield
            return
        lock = self.path / LOCK_NAME
        try:
            fd = os.open(lock, os.O_RDWR | os.O_CREAT, PRIVATE_FILE)
        except PermissionError:
            if not shared:
                raise
            yield  # a read-only folder: nobody writes through us, read without a lock
            return
        try:
            with contextlib.suppress(OSError):
                os.fchmod(fd, PRIVATE_FILE)
            fcntl.flock(fd, fcntl.LOCK_SH if shared else fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)  # releases the lock

    # -- reading files -------------------------------------------------------------

    def _scan(self, taxonomy: Any = False, errors: str = "collect") -> ReflectionLog:
        return load(self.path, errors=errors, taxonomy=taxonomy)

    def _parse_file(self, path: Path) -> tuple[dict[str, Any] | None, list[Problem]]:
        """One Markdown file as a raw record, as ``load()`` reads it (client from its folder)."""
        problems: list[Problem] = []
        shown = str(path)
        try:
            data = path.read_bytes()
        except FileNotFoundError:  # removed by hand meanwhile
            return None, []
        text = decode(data, shown, "utf-8", problems)
        if text is None:
            return None, problems
        client = path.parent.name if path.parent != self.path else None
        record, found = parse_markdown(text, shown, client=client)
        return record, problems + found

    @staticmethod
    def _entries(record: dict[str, Any]) -> tuple[list[Entry], list[Problem]]:
        result = normalise(pd.DataFrame.from_records([record]), partial=True)
        entries = entry_from_frames(result.interviews, result.items, result.actions)
        return entries, result.problems

    def _read_file(self, path: Path) -> tuple[list[Entry], list[Problem]]:
        """One Markdown file's entry (none if unreadable) and its problems."""
        record, problems = self._parse_file(path)
        if record is None:
            return [], problems
        entries, found = self._entries(record)
        return entries, problems + found

    def _named_files(self, entry_id: str) -> list[Path]:
        """Files whose name the journal would give this id, in any client folder."""
        suffixes = _name_suffixes(entry_id)
        out = []
        with os.scandir(self.path) as folders:
            for folder in folders:
                if folder.name.startswith((".", "_")) or not folder.is_dir():
                    continue
                with os.scandir(folder.path) as files:
                    for f in files:
                        if f.name.endswith(suffixes) and not f.name.startswith("."):
                            out.append(Path(f.path))
        return sorted(out)

    def _find_named(self, entry_id: str) -> _Found | None:
        matches: list[_Found] = []
        for path in self._named_files(entry_id):
            if _written_id_differs(path, entry_id):
                continue  # another entry whose id starts alike: not worth reading
            record, problems = self._parse_file(path)
            if record is None:
                continue
            entries, found = self._entries(record)
            matches += [
                _Found(e, path, str(path), problems + found)
                for e in entries
                if e.entry_id == entry_id
            ]
        if not matches:
            return None
        # Two files with one id: an update that moved the entry to a new file
        # name was stopped after writing the new file. The newer file is the
        # entry; the next change or delete removes the older one.
        matches.sort(key=lambda m: _mtime(m.path), reverse=True)
        return matches[0]._replace(stale=tuple(m.path for m in matches[1:] if m.path))

    def _locate(self, entry_id: str) -> _Found | None:
        """Find an entry: by the journal's file names first, else by reading the folder."""
        found = self._find_named(entry_id)
        if found is not None:
            return found
        log = self._scan()
        if entry_id not in log.interviews.index:
            return None
        entry = entries_of_log(log.filter(entry_ids=[entry_id]))[0]
        source = str(log.interviews.at[entry_id, "source"])
        path = Path(_LINE_SUFFIX.sub("", source))
        if not path.is_absolute():
            path = Path.cwd() / path
        if path.suffix.lower() not in (".md", ".markdown"):
            return _Found(entry, None, source, [])
        _, problems = self._read_file(path)
        return _Found(entry, path, source, problems)

    def _editable(self, entry_id: str, action: str) -> _Found:
        found = self._locate(entry_id)
        if found is None:
            raise EntryNotFoundError(entry_id, self.where)
        if found.path is None:
            raise RecoveryAnalyticsError(
                f"Entry {entry_id!r} is kept in {found.source}, which is not one of the "
                f"journal's Markdown files; {action} it there, or import that file into a "
                "journal with journal.import_from()."
            )
        return found

    # -- writing files -------------------------------------------------------------

    def _write_new(self, entry: Entry) -> Path:
        folder = self.path / client_dir(entry.client)
        text = write_markdown(entry)
        try:
            return atomic_write(folder / file_name(entry), text, exclusive=True)
        except FileExistsError:
            # another entry has the same date, company and first characters of id
            return atomic_write(folder / long_file_name(entry), text, exclusive=True)

    # -- storage steps ---------------------------------------------------------------

    def _insert(self, entry: Entry) -> None:
        assert entry.entry_id is not None
        with self._locked():
            if self._find_named(entry.entry_id) is not None:
                raise DuplicateEntryError(entry.entry_id, self.where)
            self._write_new(entry)

    def _insert_many(self, entries: list[Entry]) -> tuple[list[str], list[str]]:
        added: list[str] = []
        skipped: list[str] = []
        with self._locked():
            known = set(self._scan().interviews.index)
            for entry in entries:
                assert entry.entry_id is not None
                if entry.entry_id in known:
                    skipped.append(entry.entry_id)
                    continue
                self._write_new(entry)
                known.add(entry.entry_id)
                added.append(entry.entry_id)
        return added, skipped

    def _read(self, entry_id: str) -> Entry | None:
        with self._locked(shared=True):
            found = self._locate(entry_id)
        return None if found is None else found.entry

    def _read_all(self, client: str | None) -> list[Entry]:
        with self._locked(shared=True):
            entries = entries_of_log(self._scan())
        if client is not None:
            entries = [e for e in entries if e.client == client]
        return sort_entries(entries)

    def _modify(self, entry_id: str, apply: Callable[[Entry], Entry]) -> Entry:
        with self._locked():
            found = self._editable(entry_id, "change")
            assert found.path is not None
            hard = [p for p in found.problems if p.stops_loading]  # warnings lose nothing
            if hard:
                # rewriting would silently drop the values that could not be read
                raise LogFormatError(
                    [
                        Problem(p.file, p.line, p.field, p.message + "; fix the file first")
                        for p in hard
                    ]
                )
            new = apply(found.entry)
            old = found.path
            ours = old.parent == self.path / client_dir(found.entry.client) and old.name in (
                file_name(found.entry),
                long_file_name(found.entry),
            )
            same_name = old.parent.name == client_dir(new.client) and old.name in (
                file_name(new),
                long_file_name(new),
            )
            text = write_markdown(new)
            if same_name or not ours:  # a file a person named keeps its name
                atomic_write(old, text)
            else:
                self._write_new(new)
                _unlink(old)
            for stale in found.stale:
                _unlink(stale)
        return new

    def _remove(self, entry_id: str) -> None:
        with self._locked():
            found = self._editable(entry_id, "delete")
            assert found.path is not None
            for path in (found.path, *found.stale):
                _unlink(path)

    # -- whole-journal views -----------------------------------------------------------

    def clients(self) -> list[str]:
        with self._locked(shared=True):
            return self._scan().clients

    def companies(self) -> list[str]:
        with self._locked(shared=True):
            return self._scan().companies

    def __len__(self) -> int:
        with self._locked(shared=True):
            return len(self._scan())

    def log(self, *, errors: str = "collect", taxonomy: Themes = None) -> ReflectionLog:
        """``load(folder)`` of the journal's folder (see :meth:`Journal.log`)."""
        with self._locked(shared=True):
            return self._scan(self._themes(taxonomy), errors)
