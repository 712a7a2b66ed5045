"""Pseudonyms for sharing: client (and company) names replaced before drawing.

Anonymising works on the log, not on the finished file: a new
:class:`~recovery_analytics.ReflectionLog` is built with every name replaced,
and charts, tables, text and metadata are all made from it, so a real name has
no way into the export.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Final

import pandas as pd

from .._log import ReflectionLog
from .._model import DEFAULT_CLIENT
from .._problems import problems_frame

__all__ = ["Pseudonyms", "anonymize", "pseudonyms"]

#: Client names that are words rather than names: replaced in the client
#: column, but not inside free text ("they asked me about..." stays as it is).
_NOT_NAMES: Final = frozenset({DEFAULT_CLIENT})


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


@dataclass(frozen=True)
class Pseudonyms:
    """Real names and the stable pseudonyms that replace them.

    ``clients`` maps each real client name to ``"Client A"``, ``"Client B"``,
    ... in sorted order of the real names; ``companies`` maps company names to
    ``"Company 1"``, ... (empty unless companies are anonymised too).
    """

    clients: Mapping[str, str]
    companies: Mapping[str, str] = field(default_factory=dict)

    def _pattern(self) -> tuple[re.Pattern[str] | None, dict[str, str]]:
        lookup: dict[str, str] = {}
        for real, alias in [*self.companies.items(), *self.clients.items()]:
            if real.strip() and real.casefold() not in _NOT_NAMES:
                lookup.setdefault(real.strip().casefold(), alias)
        if not lookup:
            return None, lookup
        names = sorted(lookup, key=len, reverse=True)  # "Pebble Bank" before "Pebble"
        alternatives = "|".join(re.escape(n) for n in names)
        pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)
        return pattern, lookup

    def text(self, value: str) -> str:
        """Replace every whole-word, case-insensitive mention of a name.

        Examples
        --------
        >>> p = Pseudonyms({"Amara": "Client A"}, {"Orchard & Vine": "Company 1"})
        >>> p.text("AMARA's chat with orchard & vine; Amaranth stays")
        "Client A's chat with Company 1; Amaranth stays"
        """
        pattern, lookup = self._pattern()
        if pattern is None:
            return value
        return pattern.sub(lambda m: lookup[m.group(0).casefold()], value)

    def client(self, name: str) -> str:
        """The pseudonym of one client (the name itself if it is not known)."""
        return self.clients.get(name, name)


def pseudonyms(log: ReflectionLog, *, clients: bool = True, companies: bool = False) -> Pseudonyms:
    """Stable pseudonyms for the clients and/or the companies of ``log``.

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> fake = SimpleNamespace(clients=["zoe", "amara"], companies=["B Ltd", "A Co"])
    >>> p = pseudonyms(fake, companies=True)  # type: ignore[arg-type]
    >>> dict(p.clients), dict(p.companies)
    ({'amara': 'Client A', 'zoe': 'Client B'}, {'A Co': 'Company 1', 'B Ltd': 'Company 2'})
    """
    people = (
        {name: f"Client {_letters(i)}" for i, name in enumerate(sorted(log.clients))}
        if clients
        else {}
    )
    firms = (
        {name: f"Company {i + 1}" for i, name in enumerate(sorted(log.companies))}
        if companies
        else {}
    )
    return Pseudonyms(people, firms)


def _replace_cell(value: Any, names: Pseudonyms) -> Any:
    if isinstance(value, str):
        return names.text(value)
    if isinstance(value, list | tuple):
        return type(value)(_replace_cell(v, names) for v in value)
    return value


def _frame(
    frame: pd.DataFrame,
    names: Pseudonyms,
    *,
    exact: Mapping[str, Mapping[str, str]],
    keep: Iterable[str] = (),
    blank: Iterable[str] = (),
    ids: Mapping[str, str],
) -> pd.DataFrame:
    """A copy of ``frame`` with names replaced in every text column."""
    out = frame.copy()
    skip = set(keep)
    for col in out.columns:
        series = out[col]
        if col in skip:
            continue
        if col == "entry_id":
            out[col] = series.map(lambda e: ids.get(e, e)).astype(series.dtype)
        elif col in exact:
            mapping = exact[col]
            out[col] = series.map(lambda v, m=mapping: m.get(v, v) if isinstance(v, str) else v)
            out[col] = out[col].astype(series.dtype)
        elif col in blank:
            out[col] = series.map(lambda v: {} if isinstance(v, dict) else pd.NA).astype(
                series.dtype
            )
        elif pd.api.types.is_string_dtype(series) or series.dtype == object:
            replaced = series.map(lambda v: _replace_cell(v, names))
            out[col] = replaced.astype(series.dtype) if series.dtype != object else replaced
    return out


def anonymize(
    log: ReflectionLog, *, clients: bool = True, companies: bool = False
) -> ReflectionLog:
    """A new log with client and/or company names replaced by stable pseudonyms.

    Client names become ``"Client A"``, ``"Client B"``, ... in sorted order of
    the real names (with ``clients=True``, the default), company names
    ``"Company 1"``, ... in sorted order (with ``companies=True``). Names are
    replaced in the client and company columns and, whole-word and ignoring
    case, inside every text: items, plan B actions, role, employer's view,
    notes, questions. Entry ids (derived from
    names) are replaced by neutral ones, the ``source`` file paths and the
    ``extra`` fields are dropped, and the list of loading problems is emptied,
    since all of them may name people or companies.

    What it cannot know: other people's names in free text, or a company
    written differently from its ``company`` field ("Pebbleshore" for
    "Pebbleshore Bank"). Read the export before sharing it.

    Parameters
    ----------
    log : ReflectionLog
    clients : bool
        Replace client names (default True).
    companies : bool
        Replace company names (default False).

    Returns
    -------
    ReflectionLog
        The input log is not changed.

    Examples
    --------
    >>> from recovery_analytics.analytics._examples import example_log
    >>> log = example_log()
    >>> log.clients, anonymize(log).clients
    (['ana', 'ben'], ['Client A', 'Client B'])
    """
    names = pseudonyms(log, clients=clients, companies=companies)
    ids = {eid: f"x-{i + 1:05d}" for i, eid in enumerate(log.interviews.index)}
    exact: dict[str, Mapping[str, str]] = {}
    if clients:
        exact["client"] = names.clients
    if companies:
        exact["company"] = names.companies
    interviews = _frame(
        log.interviews.reset_index(),
        names,
        exact=exact,
        blank=("source", "extra"),
        ids=ids,
    ).set_index("entry_id")
    keep = ("polarity", "themes", "theme")
    items = _frame(log.items, names, exact=exact, keep=keep, ids=ids)
    actions = _frame(log.actions, names, exact=exact, ids=ids)
    return ReflectionLog(interviews, items, actions, problems_frame([]))
