"""Pseudonyms: which real client and company names become "Client A", "Company 1", ...

Without a key, pseudonyms are numbered over the names an export shows: client
letters follow the sorted order of the log's clients, company numbers the
sorted order of the companies in the export. With a key (a small JSON file
kept beside the journal or the data, see :class:`PseudonymKey`), every name
keeps the pseudonym it was first given, across exports and across logs, and
a new name takes the next label that was never used.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import string
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Final

from .._fs import atomic_write, private_dir
from .._log import ReflectionLog
from ..exceptions import RecoveryAnalyticsError
from ..model import DEFAULT_CLIENT

try:  # POSIX: two exports at once never hand out the same label
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

__all__ = ["KEY_SUFFIX", "PseudonymKey", "Pseudonyms", "pseudonyms"]

#: The key's file name beside a data file (``journal.db.pseudonyms.json``),
#: or inside a data folder (``.pseudonyms.json``).
KEY_SUFFIX: Final = ".pseudonyms.json"

#: Client names that are words rather than names: replaced in the client
#: column, but not inside free text ("they asked me about..." stays as it is).
_NOT_NAMES: Final = frozenset({DEFAULT_CLIENT})

#: The placeholders of the name finder: never taken for a client or a company.
_KEEP: Final = r"\[(?:email|phone|link|handle|name|company)\]"

#: A placeholder or a word: where a name may start (placeholders are skipped whole).
_SCAN: Final = re.compile(rf"{_KEEP}|\w+")
_WORD: Final = re.compile(r"\w+")

_VERSION: Final = 1
_ABOUT: Final = (
    "Pseudonym key of recovery-analytics: the real client and company names behind "
    '"Client A", "Company 1", ... in anonymised exports. It holds real names: keep it '
    "private and never share it or put it in an export folder. Do not renumber it: "
    "earlier exports would then name the wrong people."
)


def _letters(i: int) -> str:
    """0 -> "A", 25 -> "Z", 26 -> "AA", like spreadsheet columns.

    Examples
    --------
    >>> [_letters(i) for i in (0, 1, 25, 26, 27)]
    ['A', 'B', 'Z', 'AA', 'AB']
    """
    out = ""
    i += 1
    while i:
        i, rem = divmod(i - 1, 26)
        out = string.ascii_uppercase[rem] + out
    return out


def _letter_index(letters: str) -> int:
    """The inverse of :func:`_letters`: "A" -> 0, "AA" -> 26."""
    n = 0
    for ch in letters:
        n = n * 26 + string.ascii_uppercase.index(ch) + 1
    return n - 1


def _client_label(i: int) -> str:
    return f"Client {_letters(i)}"


def _company_label(i: int) -> str:
    return f"Company {i + 1}"


#: kind -> (label of index i, pattern of a label, index of a label's match)
_KINDS: Final[dict[str, tuple[Callable[[int], str], re.Pattern[str], Callable[[str], int]]]] = {
    "clients": (_client_label, re.compile(r"Client ([A-Z]+)"), _letter_index),
    "companies": (_company_label, re.compile(r"Company ([1-9][0-9]*)"), lambda s: int(s) - 1),
}


def _forms(text: str) -> tuple[str, ...]:
    """A text in lower case and case-folded ("Straße": "straße", "strasse")."""
    low, folded = text.lower(), text.casefold()
    return (low,) if low == folded else (low, folded)


def _alias(lookup: Mapping[str, str], found: str) -> str:
    return next((lookup[f] for f in _forms(found) if f in lookup), found)


def _folded(name: str) -> str:
    """How a name is looked up in the key: spaces and case do not matter."""
    return " ".join(name.split()).casefold()


@dataclass(frozen=True)
class Pseudonyms:
    """Real names and the pseudonyms that replace them.

    ``clients`` maps real client names to ``"Client A"``, ``"Client B"``,
    ...; ``companies`` maps company names to ``"Company 1"``, ... (empty
    unless companies are anonymised too).
    """

    clients: Mapping[str, str]
    companies: Mapping[str, str] = field(default_factory=dict)

    @cached_property
    def _index(self) -> tuple[dict[str, str], dict[str, re.Pattern[str]], re.Pattern[str] | None]:
        """Folded name -> pseudonym; the names by their first word, each group
        as one pattern tried only where a text has that word; and one pattern
        for the rare names that do not start with a letter or digit."""
        lookup: dict[str, str] = {}
        for real, alias in [*self.companies.items(), *self.clients.items()]:
            if real.strip() and real.casefold() not in _NOT_NAMES:
                for form in _forms(real.strip()):  # "Straße" and "STRASSE"
                    lookup.setdefault(form, alias)
        groups: dict[str, list[str]] = {}
        odd: list[str] = []
        for name in lookup:
            first = _WORD.match(name)
            if first is None:
                odd.append(name)
            else:
                groups.setdefault(first.group(0), []).append(name)

        def either(names: list[str]) -> str:  # "Pebble Bank" before "Pebble"
            return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))

        starts = {
            w: re.compile(rf"(?:{either(g)})(?!\w)", re.IGNORECASE) for w, g in groups.items()
        }
        rest = (
            re.compile(rf"{_KEEP}|(?<!\w)(?:{either(odd)})(?!\w)", re.IGNORECASE) if odd else None
        )
        return lookup, starts, rest

    def text(self, value: str) -> str:
        """Replace every whole-word, case-insensitive mention of a name.

        Each word of the text is looked up once, so the time is linear in the
        text however many names there are. The placeholders (``[name]``,
        ``[email]``, ...) are kept as they are, so a client called "Name"
        cannot turn them into "[Client A]".

        Examples
        --------
        >>> p = Pseudonyms({"Amara": "Client A"}, {"Orchard & Vine": "Company 1"})
        >>> p.text("AMARA's chat with orchard & vine; Amaranth stays")
        "Client A's chat with Company 1; Amaranth stays"
        >>> Pseudonyms({"Name": "Client A"}).text("[name] met Name")
        '[name] met Client A'
        >>> Pseudonyms({}, {"Straße AG": "Company 1"}).text("straße ag, STRASSE AG")
        'Company 1, Company 1'
        """
        lookup, starts, rest = self._index
        if not lookup:
            return value
        out, at, pos = [], 0, 0
        while (word := _SCAN.search(value, pos)) is not None:
            pos = word.end()
            for form in _forms(word.group(0)):
                names = starts.get(form)
                hit = names.match(value, word.start()) if names is not None else None
                if hit is not None:
                    out += [value[at : hit.start()], _alias(lookup, hit.group(0))]
                    at = pos = hit.end()
                    break
        value = "".join([*out, value[at:]])
        if rest is not None:
            value = rest.sub(lambda m: _alias(lookup, m.group(0)), value)
        return value

    def client(self, name: str) -> str:
        """The pseudonym of one client (the name itself if it is not known)."""
        return self.clients.get(name, name)


class PseudonymKey:
    """The pseudonyms given so far, kept in a JSON file so they never change.

    The file maps each real client and company name (spaces and case
    ignored) to its pseudonym, and remembers the next label of each kind:
    a name seen for the first time takes the next label, and a label is
    never given twice, even when a name is removed by hand. The file is
    created on first use, owner-only (0600) and atomically; an existing
    file readable by others is made owner-only. Two exports at once wait
    for each other (a ``.lock`` file beside the key).

    The key holds real names: it is personal data. Keep it with the journal
    or the data, never in a folder you share.

    Parameters
    ----------
    path : str or Path
        The key file (``.json``).

    Examples
    --------
    >>> import pathlib, tempfile
    >>> key = PseudonymKey(pathlib.Path(tempfile.mkdtemp()) / "key.json")
    >>> key.assign(clients=["zoe", "amara"])
    Pseudonyms(clients={'amara': 'Client A', 'zoe': 'Client B'}, companies={})
    >>> key.assign(clients=["Zoe", "ben"]).clients  # ben is new: next letter
    {'Zoe': 'Client B', 'ben': 'Client C'}
    >>> oct(key.path.stat().st_mode & 0o777)
    '0o600'
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)

    def __repr__(self) -> str:
        return f"PseudonymKey({os.fspath(self.path)!r})"

    def _damaged(self, what: str) -> RecoveryAnalyticsError:
        return RecoveryAnalyticsError(
            f"{self.path}: this pseudonym key cannot be used ({what}). It is never "
            "renumbered silently, since earlier exports would then name the wrong people. "
            "Restore it from a backup, or correct it by hand (it is JSON with 'clients' and "
            "'companies' mapping names to pseudonyms, and 'next' counting the labels given); "
            "only if no earlier export matters any more, delete it to start numbering afresh."
        )

    def _read(self) -> dict[str, Any]:
        """The key's content, checked; an empty key when the file does not exist."""
        counts = {"clients": 0, "companies": 0}
        empty: dict[str, Any] = {"clients": {}, "companies": {}, "next": counts}
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return empty
        except OSError as exc:
            raise RecoveryAnalyticsError(
                f"{self.path}: the pseudonym key cannot be read ({exc.strerror}); check that "
                "the path is a file you may read."
            ) from None
        if self.path.stat().st_mode & 0o077:
            os.chmod(self.path, 0o600)  # personal data: owner-only, whatever it was
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise self._damaged(f"not valid JSON: {exc}") from None
        if not isinstance(data, dict) or data.get("version") != _VERSION:
            raise self._damaged(f"not a version {_VERSION} key")
        counters = data.get("next")
        if not isinstance(counters, dict):
            raise self._damaged("'next' is missing")
        for kind, (_, pattern, index) in _KINDS.items():
            given = data.get(kind)
            if not isinstance(given, dict):
                raise self._damaged(f"{kind!r} is not a mapping of names to pseudonyms")
            seen: set[str] = set()
            top = -1
            for label in given.values():
                match = pattern.fullmatch(label) if isinstance(label, str) else None
                if match is None:
                    raise self._damaged(f"{label!r} is not a pseudonym of {kind}")
                if label in seen:
                    raise self._damaged(f"{label!r} is given to two {kind}")
                seen.add(label)
                top = max(top, index(match.group(1)))
            nxt = counters.get(kind)
            if not isinstance(nxt, int) or isinstance(nxt, bool) or nxt <= top:
                raise self._damaged(f"'next' of {kind} is not above every label given")
            empty[kind] = {_folded(k): v for k, v in given.items()}
            empty["next"][kind] = nxt
        return empty

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        if fcntl is None:  # pragma: no cover - Windows
            yield
            return
        lock = private_dir(self.path.parent) / (self.path.name + ".lock")
        fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)

    def assign(self, *, clients: Iterable[str] = (), companies: Iterable[str] = ()) -> Pseudonyms:
        """The pseudonyms of these names, giving new names the next free labels.

        New names are given labels in their sorted order; the key is written
        (created on first use) only when a new name was added.
        """
        asked = {"clients": sorted(set(clients)), "companies": sorted(set(companies))}
        with self._locked():
            data = self._read()
            changed = False
            for kind, names in asked.items():
                label = _KINDS[kind][0]
                given = data[kind]
                for name in names:
                    if _folded(name) not in given:
                        given[_folded(name)] = label(data["next"][kind])
                        data["next"][kind] += 1
                        changed = True
            if changed:
                document = {"about": _ABOUT, "version": _VERSION, **data}
                atomic_write(self.path, json.dumps(document, indent=1, ensure_ascii=False) + "\n")
        return Pseudonyms(
            {n: data["clients"][_folded(n)] for n in asked["clients"]},
            {n: data["companies"][_folded(n)] for n in asked["companies"]},
        )


def numbered(
    *, clients: Iterable[str] = (), companies: Iterable[str] = (), all_clients: Iterable[str] = ()
) -> Pseudonyms:
    """Pseudonyms without a key: client letters in the sorted order of
    ``all_clients`` (the whole log's), company numbers in the sorted order of
    ``companies`` (only those the export shows)."""
    every = sorted({*all_clients, *clients})
    letter = {name: _client_label(i) for i, name in enumerate(every)}
    return Pseudonyms(
        {name: letter[name] for name in sorted(set(clients))},
        {name: _company_label(i) for i, name in enumerate(sorted(set(companies)))},
    )


def key_of(pseudonym_key: str | os.PathLike[str] | PseudonymKey | None) -> PseudonymKey | None:
    """A :class:`PseudonymKey` from a path (``None`` stays ``None``)."""
    if pseudonym_key is None or isinstance(pseudonym_key, PseudonymKey):
        return pseudonym_key
    if isinstance(pseudonym_key, str | os.PathLike):
        return PseudonymKey(pseudonym_key)
    raise TypeError(
        "The value for `pseudonym_key` must be a path to the key file (str or Path) or None, "
        f"but {pseudonym_key!r} was passed."
    )


def pseudonyms(
    log: ReflectionLog,
    *,
    anonymize: bool = True,
    anonymize_companies: bool = False,
    pseudonym_key: str | os.PathLike[str] | PseudonymKey | None = None,
) -> Pseudonyms:
    """The pseudonyms of the clients and/or the companies of ``log``.

    ``anonymize`` and ``anonymize_companies`` choose which, as in
    :func:`~recovery_analytics.reports.anonymize`. Without
    ``pseudonym_key`` they are numbered in sorted order of the real names;
    with it, they are read from the key and new names are added to it (see
    :class:`PseudonymKey`).

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> fake = SimpleNamespace(clients=["zoe", "amara"], companies=["B Ltd", "A Co"])
    >>> p = pseudonyms(fake, anonymize_companies=True)  # type: ignore[arg-type]
    >>> dict(p.clients), dict(p.companies)
    ({'amara': 'Client A', 'zoe': 'Client B'}, {'A Co': 'Company 1', 'B Ltd': 'Company 2'})
    """
    people = list(log.clients) if anonymize else []
    firms = list(log.companies) if anonymize_companies else []
    key = key_of(pseudonym_key)
    if key is not None:
        return key.assign(clients=people, companies=firms)
    return numbered(clients=people, companies=firms)
