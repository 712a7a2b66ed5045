"""The journal interface: where captured entries live, whatever the storage.

:class:`Journal` holds everything both backends share - validation, the
update rules, change callbacks, importing - and leaves six small storage
steps to the backends (:class:`~recovery_analytics.journal.FolderJournal`,
:class:`~recovery_analytics.journal.SqliteJournal`):

* ``_insert(entry)`` - store a new, validated entry, refusing a known id;
* ``_insert_many(entries)`` - the same for many, skipping known ids;
* ``_read(entry_id)`` / ``_read_all(client)`` - entries back;
* ``_modify(entry_id, apply)`` - read, ``apply`` (which validates), write back,
  as one step no other journal process can interleave with;
* ``_remove(entry_id)``.

Every entry goes through :func:`~recovery_analytics.entry_from_mapping`, the
validation ``load()`` uses, before anything is written: an invalid entry
raises :class:`~recovery_analytics.EntryValidationError` and leaves the
journal as it was.
"""

from __future__ import annotations

import abc
from collections.abc import Callable, Iterable, Mapping
from dataclasses import fields, replace
from types import TracebackType
from typing import Any, ClassVar, Literal, Protocol

import pandas as pd

from .._load import load, register_url_reader
from .._log import ReflectionLog, match_client
from .._problems import Problem, problems_frame
from .._validate import entry_from_frames, entry_from_mapping
from ..exceptions import (
    EntryNotFoundError,
    JournalCallbackError,
    RecoveryAnalyticsError,
)
from ..model import Entry, derive_entry_id
from ._corrections import Learning
from ._open import PathLike, resolve_location
from ._report import ImportReport

__all__ = ["ChangeCallback", "Journal", "PathLike", "Themes"]


class TaxonomyLike(Protocol):
    """What ``load()`` needs of a taxonomy: ``tag_items(texts, tags) -> Series``."""

    def tag_items(self, texts: pd.Series, tags: pd.Series) -> pd.Series: ...


Themes = TaxonomyLike | PathLike | Literal[False] | None
ChangeCallback = Callable[[str], object]


def entry_values(entry: Entry) -> dict[str, Any]:
    """An entry's fields as given (items keep their tags, unlike ``Entry.to_dict``)."""
    return {f.name: getattr(entry, f.name) for f in fields(entry)}


def validated(entry: Entry | Mapping[str, Any]) -> Entry:
    """Validate an :class:`Entry` or a mapping of field names, as ``load()`` would."""
    if isinstance(entry, Entry):
        return entry_from_mapping(entry_values(entry))
    if isinstance(entry, Mapping):
        return entry_from_mapping(entry)
    raise TypeError(
        "A journal entry must be an Entry or a dict with the entry's field names "
        f"(such as 'interview_date', 'company', 'went_well'), but a {type(entry).__name__} "
        "was passed."
    )


def sort_entries(entries: Iterable[Entry]) -> list[Entry]:
    """Interview date, then client, then id: the order ``entries()`` returns."""
    return sorted(entries, key=lambda e: (e.interview_date, e.client, e.entry_id or ""))


def entries_of_log(log: ReflectionLog) -> list[Entry]:
    """The entries of a log, with their ids and items (interviews indexed by id)."""
    return entry_from_frames(log.interviews, log.items, log.actions)


def content_key(entry: Entry) -> str:
    """What an entry says, whoever it is filed under: every field but client and id."""
    values = entry.to_dict()
    for name in ("client", "entry_id", "extra"):
        values.pop(name, None)
    return repr(sorted((k, str(v)) for k, v in values.items()))


def renamed(entry: Entry, client: str) -> Entry:
    """``entry`` under ``client``; an id derived from the old name is derived anew."""
    derived = derive_entry_id(
        entry.client, entry.interview_date, entry.company, entry.role, entry.stage
    )
    new_id = (
        derive_entry_id(client, entry.interview_date, entry.company, entry.role, entry.stage)
        if entry.entry_id == derived
        else entry.entry_id
    )
    return validated(replace(entry, client=client, entry_id=new_id))


def check_entry_id(entry_id: object) -> str:
    if not isinstance(entry_id, str) or not entry_id.strip():
        raise TypeError(
            "An entry id is a non-empty string such as 'e-2d3b3395bce6' (journal.add() "
            f"returns it), but {type(entry_id).__name__} {entry_id!r} was passed."
        )
    return entry_id


class Journal(Learning, abc.ABC):
    """Where captured reflections live: a folder of Markdown files or a database.

    Open one with :meth:`Journal.open`; both kinds behave the same. Every
    entry is validated before it is written (an invalid one raises
    :class:`~recovery_analytics.EntryValidationError` and nothing is written),
    every write is atomic, and several processes may write at once.

    Parameters
    ----------
    taxonomy : Taxonomy or path to a TOML file, optional
        The themes :meth:`log` tags items with (the built-in ones by default;
        ``False``: none, every item's ``themes`` empty).

    Examples
    --------
    >>> import tempfile
    >>> tmp = tempfile.TemporaryDirectory()
    >>> journal = Journal.open(tmp.name)
    >>> eid = journal.add({"interview_date": "2026-03-04", "company": "Acme",
    ...                    "feeling": 3, "went_well": ["Clear STAR story"]})
    >>> journal.get(eid).company
    'Acme'
    >>> journal.update(eid, outcome="next round").outcome
    'next_round'
    >>> len(journal), journal.clients()
    (1, ['me'])
    >>> tmp.cleanup()
    """

    def __init__(self, *, taxonomy: Themes = None) -> None:
        self._taxonomy = taxonomy
        self._callbacks: list[ChangeCallback] = []

    @property
    def taxonomy(self) -> Themes:
        """The themes :meth:`log` tags with (``None``: the built-in taxonomy)."""
        return self._taxonomy

    # -- opening -----------------------------------------------------------------

    _backends: ClassVar[dict[str, Callable[..., Journal]]] = {}

    def __init_subclass__(cls, *, backend: str | None = None, **kwargs: Any) -> None:
        """``class FolderJournal(Journal, backend="folder")`` is what :meth:`open` builds
        for a location :func:`~recovery_analytics.journal._open.resolve_location`
        reads as ``"folder"``."""
        super().__init_subclass__(**kwargs)
        if backend is not None:
            Journal._backends[backend] = cls

    @staticmethod
    def open(location: PathLike, *, taxonomy: Themes = None) -> Journal:
        """Open (or start) a journal.

        Parameters
        ----------
        location : path or URL
            A folder (``"journal/"``, created if missing): one Markdown file per
            entry in ``<folder>/<client>/``, readable by ``load()`` and easy to
            edit by hand - the default for a job seeker. Or a database URL,
            ``"sqlite:///path/to/journal.db"`` (a path ending in ``.db``,
            ``.sqlite`` or ``.sqlite3`` is taken as one too) - for a coach; or
            ``"postgresql://user:password@host/database"`` - for a practice,
            each coach and client with their own role (``docs/practice.md``).
        taxonomy : Taxonomy or path to a TOML file, optional
            The themes :meth:`log` tags items with (``False``: none, every
            item's ``themes`` empty).
        """
        backend, target = resolve_location(location)
        return Journal._backends[backend](target, taxonomy=taxonomy)

    def close(self) -> None:
        """Release what the journal holds open; change callbacks are dropped."""
        self._callbacks.clear()

    def __enter__(self) -> Journal:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @property
    @abc.abstractmethod
    def where(self) -> str:
        """A short description of the journal's location, for messages."""

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.where!r})"

    # -- writing -----------------------------------------------------------------

    def add(self, entry: Entry | Mapping[str, Any]) -> str:
        """Validate and save a new entry; return its id.

        Parameters
        ----------
        entry : Entry or dict
            An :class:`~recovery_analytics.Entry`, or a dict with the entry's
            field names (``interview_date`` is required; lists may be given as
            lists or as text with one item per line).

        Raises
        ------
        EntryValidationError
            If a field is not valid; ``by_field`` gives each field's message.
            Nothing is written.
        DuplicateEntryError
            If the journal already holds an entry with this id (the same
            client, date, company and role): use :meth:`update` instead.
        """
        new = validated(entry)
        self._insert(new)
        self._learn([new])  # themes set by hand with #tags (journal/_corrections.py)
        assert new.entry_id is not None  # set by validation
        self._notify(new.entry_id)
        return new.entry_id

    def update(self, entry_id: str, /, **changes: Any) -> Entry:
        """Change some fields of an entry; the entry keeps its id.

        ``journal.update(eid, outcome="offer", notes=None)`` sets the outcome
        and clears the notes. The changed entry is validated as a whole
        before anything is written; the updated entry is returned.
        """
        entry_id = check_entry_id(entry_id)
        if "entry_id" in changes and changes["entry_id"] != entry_id:
            raise RecoveryAnalyticsError(
                "update() keeps an entry's id, so `entry_id` cannot be changed; to store the "
                "entry under another id, add() a copy with the new id and delete() this one."
            )

        def apply(current: Entry) -> Entry:
            values = entry_values(current)
            values.update(changes)
            values["entry_id"] = entry_id
            return entry_from_mapping(values)

        new = self._modify(entry_id, apply)
        self._learn([new])
        self._notify(entry_id)
        return new

    def delete(self, entry_id: str) -> None:
        """Remove an entry; raises :class:`EntryNotFoundError` if there is none."""
        entry_id = check_entry_id(entry_id)
        self._remove(entry_id)
        self._notify(entry_id)

    def import_from(
        self,
        paths: PathLike | Iterable[PathLike],
        *,
        format: str | None = None,
        mapping: Mapping[str, str] | PathLike | None = None,
        encoding: str = "utf-8",
        dayfirst: bool | None = None,
        options: Mapping[str, Any] | None = None,
        client: str | None = None,
        as_new: bool = False,
    ) -> ImportReport:
        """Add the entries of existing logs (any format ``load()`` reads).

        ``format``, ``mapping``, ``encoding``, ``dayfirst`` and ``options``
        (an importer's options, such as ``{"dayone_tag": "job"}``) are passed
        to :func:`~recovery_analytics.load`.

        Files are read with ``load(paths, errors="collect")``: every readable
        entry whose id is not in the journal yet is added, entries already
        there are skipped and listed in ``report.duplicates``, and what could
        not be read is listed in ``report.problems``. ``print(report)`` gives
        a short summary. Change callbacks are called once per added entry;
        if any of them fails, the :class:`JournalCallbackError` raised at the end
        carries the report as ``error.report``.

        ``client`` names the client of every entry that names none (see
        ``load()``); ``paths`` may be a practice manifest or a journal URL.
        An entry already in the journal under another client name (the same
        date, company, role, stage and content) is not stored again: it is
        listed in ``report.duplicates`` and a warning in ``report.problems``
        names the entry it matches. ``as_new=True`` stores it all the same.
        """
        log = load(
            paths,
            errors="collect",
            format=format,
            mapping=mapping,
            encoding=encoding,
            dayfirst=dayfirst,
            taxonomy=False,
            options=options,
            client=client,
        )
        entries = entries_of_log(log)
        known: list[Problem] = []
        known_ids: list[str] = []
        if not as_new:
            entries, known_ids, known = self._known_elsewhere(entries, log.interviews["source"])
        added, skipped = self._insert_many(entries)
        skipped = [*skipped, *known_ids]
        source = log.interviews["source"]
        duplicates = pd.DataFrame(
            {
                "entry_id": pd.Series(skipped, dtype="str"),
                "source": pd.Series([source.get(eid) for eid in skipped], dtype="str"),
            }
        )
        problems = log.problems
        if known:
            problems = pd.concat([problems, problems_frame(known)], ignore_index=True)
        report = ImportReport(added=added, duplicates=duplicates, problems=problems)
        failed: list[str] = []
        errors: list[BaseException] = []
        for eid in added:
            try:
                self._notify(eid)
            except JournalCallbackError as exc:
                failed.append(eid)
                errors.extend(exc.errors)
        if errors:
            error = JournalCallbackError(failed[0], errors)
            error.report = report  # every entry was imported all the same
            raise error from errors[0]
        return report

    def _known_elsewhere(
        self, entries: list[Entry], sources: pd.Series
    ) -> tuple[list[Entry], list[str], list[Problem]]:
        """Entries not yet stored under another client; the ids and a warning of those that are."""
        stored: dict[str, Entry] = {}
        for entry in self._read_all(None):
            stored.setdefault(content_key(entry), entry)
        fresh: list[Entry] = []
        ids: list[str] = []
        warnings: list[Problem] = []
        for entry in entries:
            twin = stored.get(content_key(entry))
            if twin is None or twin.client == entry.client:
                fresh.append(entry)
                continue
            ids.append(entry.entry_id or "")
            source = str(sources.get(entry.entry_id, "<import>"))
            warnings.append(
                Problem(
                    source,
                    None,
                    "client",
                    f"entry {entry.entry_id} (client {entry.client!r}) is already in the "
                    f"journal as {twin.entry_id} under client {twin.client!r}; not stored "
                    "again. Rename the client, or import with as_new=True (--as-new) to "
                    "store it as well.",
                    "warning",
                )
            )
        return fresh, ids, warnings

    def rename_client(self, old: str, new: str) -> list[str]:
        """Move every entry of client ``old`` to ``new``, merging when ``new`` exists.

        Entries whose id was derived from the client name get the id derived
        from ``new``; an entry already stored under ``new`` with the same
        content is kept once. All or nothing: if a step fails, the entries
        already moved are put back before the error is raised. Returns the
        ids of the entries now under ``new``. Change callbacks are called once
        per moved entry.
        """
        old = self._check_client(old)
        new = new.strip()
        if not new:
            raise RecoveryAnalyticsError("The new client name must not be empty.")
        if new == old:
            return [e.entry_id or "" for e in self._read_all(old)]
        moving = self._read_all(old)
        targets = {content_key(e): e for e in self._read_all(new)} if new in self.clients() else {}
        added: list[Entry] = []
        removed: list[Entry] = []
        result: list[str] = []
        try:
            for entry in moving:
                eid = check_entry_id(entry.entry_id)
                twin = targets.get(content_key(entry))
                if twin is not None:  # the same interview already under the new name
                    result.append(twin.entry_id or "")
                    self._remove(eid)
                    removed.append(entry)
                    continue
                moved = renamed(entry, new)
                if moved.entry_id == eid:  # a given id keeps its value: free it first
                    self._remove(eid)
                    removed.append(entry)
                    self._insert(moved)
                    added.append(moved)
                else:
                    self._insert(moved)
                    added.append(moved)
                    self._remove(eid)
                    removed.append(entry)
                result.append(moved.entry_id or "")
        except BaseException:
            for entry in added:
                if self._read(check_entry_id(entry.entry_id)) is not None:
                    self._remove(check_entry_id(entry.entry_id))
            for entry in removed:
                if self._read(check_entry_id(entry.entry_id)) is None:
                    self._insert(entry)
            raise
        for entry in added:
            self._notify(entry.entry_id or "")
        return result

    # -- reading -----------------------------------------------------------------

    def get(self, entry_id: str) -> Entry:
        """The entry with this id; raises :class:`EntryNotFoundError` (a KeyError)."""
        entry_id = check_entry_id(entry_id)
        entry = self._read(entry_id)
        if entry is None:
            raise EntryNotFoundError(entry_id, self.where)
        return entry

    def __contains__(self, entry_id: object) -> bool:
        return isinstance(entry_id, str) and self._read(entry_id) is not None

    def entries(self, client: str | None = None) -> list[Entry]:
        """All entries, or one client's, ordered by interview date, client and id.

        A client name is matched ignoring case; an unknown one raises
        :class:`~recovery_analytics.UnknownClientError` listing the known ones.
        """
        if client is not None:
            client = self._check_client(client)
        return self._read_all(client)

    def _check_client(self, client: str) -> str:
        return match_client(client, self.clients(), "this journal")

    @abc.abstractmethod
    def clients(self) -> list[str]:
        """Client names, sorted."""

    @abc.abstractmethod
    def companies(self) -> list[str]:
        """Company names, sorted (entries without a company are left out)."""

    @abc.abstractmethod
    def __len__(self) -> int:
        """The number of entries."""

    @abc.abstractmethod
    def log(self, *, errors: str = "collect", taxonomy: Themes = None) -> ReflectionLog:
        """The journal as a :class:`~recovery_analytics.ReflectionLog`.

        The same frames ``load()`` gives for the same entries, themes tagged
        with ``taxonomy`` (default: the journal's; ``False`` skips tagging).
        With ``errors="collect"`` (the default) anything unreadable - say a
        hand-edited file with a typo - is listed in ``log.problems`` instead
        of raising.
        """

    # -- change callbacks ----------------------------------------------------------

    def on_change(self, callback: ChangeCallback, *, remove: bool = False) -> None:
        """Call ``callback(entry_id)`` after every successful add, update or delete.

        Pass ``remove=True`` to stop calling it. A callback that raises does
        not undo the change: once every callback has run, a
        :class:`JournalCallbackError` says which entry was saved and carries
        the callbacks' errors.
        """
        if not callable(callback):
            raise TypeError(
                f"on_change() needs a function taking an entry id, not {type(callback).__name__}"
            )
        if remove:
            if callback in self._callbacks:
                self._callbacks.remove(callback)
        elif callback not in self._callbacks:
            self._callbacks.append(callback)

    def _notify(self, entry_id: str) -> None:
        failures: list[BaseException] = []
        for callback in list(self._callbacks):
            try:
                callback(entry_id)
            except Exception as exc:  # the change is saved; report after all ran
                failures.append(exc)
        if failures:
            raise JournalCallbackError(entry_id, failures) from failures[0]

    # -- storage steps, per backend --------------------------------------------------

    @abc.abstractmethod
    def _insert(self, entry: Entry) -> None: ...

    @abc.abstractmethod
    def _insert_many(self, entries: list[Entry]) -> tuple[list[str], list[str]]:
        """Add the entries whose ids are new; return (added ids, skipped ids)."""

    @abc.abstractmethod
    def _read(self, entry_id: str) -> Entry | None: ...

    @abc.abstractmethod
    def _read_all(self, client: str | None) -> list[Entry]: ...

    @abc.abstractmethod
    def _modify(self, entry_id: str, apply: Callable[[Entry], Entry]) -> Entry: ...

    @abc.abstractmethod
    def _remove(self, entry_id: str) -> None: ...

    def _themes(self, taxonomy: Themes) -> Any:
        """The taxonomy to pass to ``load()`` (typed loosely: any ``tag_items`` object).

        ``None`` is the journal's own; ``False`` skips tagging (every item's
        ``themes`` empty), for a caller that needs entries, not themes.
        """
        if taxonomy is None:
            taxonomy = self._taxonomy
        return self._learning(taxonomy)  # with the themes set by hand, if any


def _url_records(url: str) -> list[dict[str, Any]]:
    """A journal's entries as raw records, for ``load("sqlite:///practice.db")``."""
    with Journal.open(url) as journal:
        entries = journal.entries()
    records = []
    for entry in entries:
        record: dict[str, Any] = entry.to_dict()
        record["_file"] = f"{url}#{entry.entry_id}"
        record["_line"] = None
        records.append(record)
    return records


register_url_reader(_url_records)
