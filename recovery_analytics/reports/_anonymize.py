"""Pseudonyms for sharing: client (and company) names replaced before drawing.

Anonymising works on the log, not on the finished file: a new
:class:`~recovery_analytics.ReflectionLog` is built with every name replaced,
and charts, tables, text and metadata are all made from it, so a real name has
no way into the export.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import partial
from typing import Any, Final

import numpy as np
import pandas as pd

from .._log import ReflectionLog
from .._problems import problems_frame
from ..model import DEFAULT_CLIENT
from ._names import NOT_NAMES, PLACEHOLDERS, _as_list, hide_contacts, hide_people

__all__ = ["NOT_NAMES", "PLACEHOLDERS", "Pseudonyms", "anonymize", "pseudonyms"]

#: Client names that are words rather than names: replaced in the client
#: column, but not inside free text ("they asked me about..." stays as it is).
_NOT_NAMES: Final = frozenset({DEFAULT_CLIENT})


# ---------------------------------------------------------------------------
# Contact details and other people's names in free text: found in ._names
# ---------------------------------------------------------------------------

#: A pattern and what replaces each match (text, or a function of the match).
_Rule = tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]]


def _scrub(texts: pd.Series, rules: Iterable[_Rule]) -> pd.Series:
    """Every rule applied to a Series of strings, one pandas pass per rule."""
    for pattern, repl in rules:
        texts = texts.str.replace(pattern, repl, regex=True)
    return texts


_KEEP: Final = r"\[(?:email|phone|link|handle|name)\]"


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
        # "[name]" and the other placeholders are matched first and kept, so a
        # client called "Name" cannot turn them into "[Client A]"
        pattern = re.compile(rf"{_KEEP}|(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)
        return pattern, lookup

    def _replacer(self) -> tuple[re.Pattern[str], Callable[[re.Match[str]], str]] | None:
        pattern, lookup = self._pattern()
        if pattern is None:
            return None
        return pattern, lambda m: lookup.get(m.group(0).casefold(), m.group(0))

    def text(self, value: str) -> str:
        """Replace every whole-word, case-insensitive mention of a name.

        Examples
        --------
        >>> p = Pseudonyms({"Amara": "Client A"}, {"Orchard & Vine": "Company 1"})
        >>> p.text("AMARA's chat with orchard & vine; Amaranth stays")
        "Client A's chat with Company 1; Amaranth stays"
        """
        rule = self._replacer()
        return value if rule is None else rule[0].sub(rule[1], value)

    def client(self, name: str) -> str:
        """The pseudonym of one client (the name itself if it is not known)."""
        return self.clients.get(name, name)


def pseudonyms(
    log: ReflectionLog, *, anonymize: bool = True, anonymize_companies: bool = False
) -> Pseudonyms:
    """Stable pseudonyms for the clients and/or the companies of ``log``.

    ``anonymize`` and ``anonymize_companies`` choose which, as in
    :func:`anonymize`.

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> fake = SimpleNamespace(clients=["zoe", "amara"], companies=["B Ltd", "A Co"])
    >>> p = pseudonyms(fake, anonymize_companies=True)  # type: ignore[arg-type]
    >>> dict(p.clients), dict(p.companies)
    ({'amara': 'Client A', 'zoe': 'Client B'}, {'A Co': 'Company 1', 'B Ltd': 'Company 2'})
    """
    people = (
        {name: f"Client {_letters(i)}" for i, name in enumerate(sorted(log.clients))}
        if anonymize
        else {}
    )
    firms = (
        {name: f"Company {i + 1}" for i, name in enumerate(sorted(log.companies))}
        if anonymize_companies
        else {}
    )
    return Pseudonyms(people, firms)


def _clean_objects(series: pd.Series, clean: Callable[[pd.Series], pd.Series]) -> pd.Series:
    """``clean`` applied to the strings of an object column: plain strings, and
    strings inside lists or tuples (questions to ask, tags).

    All the strings go through ``clean`` together as one Series; only the
    lists are rebuilt afterwards, each with its own type.
    """
    flat = series.reset_index(drop=True).explode()  # index: the row each string came from
    values = flat.to_numpy(dtype=object, copy=True)
    is_text = flat.map(lambda v: isinstance(v, str)).to_numpy(dtype=bool)
    if is_text.any():
        cleaned = clean(pd.Series(values[is_text], dtype="str"))
        values[is_text] = cleaned.to_numpy(dtype=object)
    rows = flat.index.to_numpy()
    chunks = np.split(values, np.flatnonzero(np.diff(rows)) + 1) if len(rows) else []

    def rebuilt(cell: Any, chunk: Any) -> Any:
        if isinstance(cell, str):
            return chunk[0]
        if isinstance(cell, list | tuple) and len(cell):
            return type(cell)(chunk)
        return cell

    out = [rebuilt(cell, chunk) for cell, chunk in zip(series, chunks, strict=True)]
    return pd.Series(out, index=series.index, dtype=object, name=series.name)


def _frame(
    frame: pd.DataFrame,
    clean: Callable[[pd.Series], pd.Series],
    *,
    exact: Mapping[str, Mapping[str, str]],
    keep: Iterable[str] = (),
    blank: Iterable[str] = (),
    ids: Mapping[str, str],
    labels: Mapping[str, Callable[[pd.Series], pd.Series]],
) -> pd.DataFrame:
    """A copy of ``frame`` with names replaced in every text column.

    ``clean`` runs on free text; the columns named in ``labels`` (client and
    company), when not replaced exactly, get their own cleaner instead.
    """
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
            how = labels.get(col, clean)
            if series.dtype == object:
                out[col] = _clean_objects(series, how)
            else:
                out[col] = how(series).astype(series.dtype)
    return out


def anonymize(
    log: ReflectionLog,
    *,
    anonymize: bool = True,
    anonymize_companies: bool = False,
    anonymize_names: Iterable[str] = (),
    contacts: bool = True,
) -> ReflectionLog:
    """A new log with names and contact details replaced, ready to share.

    Client names become ``"Client A"``, ``"Client B"``, ... in sorted order of
    the real names (with ``anonymize=True``, the default), company names
    ``"Company 1"``, ... in sorted order (with ``anonymize_companies=True``).
    The options are spelled as in ``review_packet``, ``coach_packet`` and
    ``write_charts``, so the same options can be handed to each. Names are
    replaced in the client and company columns and, whole-word and ignoring
    case, inside every text: items, plan B actions, role, employer's view,
    notes, questions. Entry ids (derived from
    names) are replaced by neutral ones, the ``source`` file paths and the
    ``extra`` fields are dropped, and the list of loading problems is emptied,
    since all of them may name people or companies.

    With ``contacts=True`` (the default) the same texts also lose what could
    identify other people:

    * e-mail addresses become ``[email]``, also spelt out
      ("eleanor.rigby at gmail dot com", "j.smith at acme");
    * phone numbers become ``[phone]``: international (``+44 7700 900123``,
      ``0044 ...``), national with a leading 0 (``07700 900123``,
      ``(020) 7946 0958``) and North American (``555-123-4567``). Dates,
      years, times, durations and sums of money are not phone numbers;
    * web addresses (``https://...``, ``www...``) and domains with a path
      (``linkedin.com/in/jdoe``) become ``[link]``;
    * handles (``@jdoe``) become ``[handle]``;
    * other people's names become ``[name]``, in every text and in the role
      and company columns: found from word lists (first and family names of
      many languages, ordinary English words, places, and words that are
      never names) and from the words around them ("Sarah was late", "tom
      from hr", "AHMED's email", "Ping Gareth Jones", "Will said",
      "Sanne van der Berg"); see ``docs/anonymising.md`` for the rules and
      what they still miss.

    The log's own client and company names are never turned into
    ``[name]``: ``anonymize`` and ``anonymize_companies`` decide those. With
    ``anonymize_companies=True`` a company is replaced by its pseudonym wherever the
    text names it, also by its short form ("Northgate" for "Northgate
    Council"). It is a careful helper, not a guarantee: read the export
    before sharing it, and list the people you know about in ``anonymize_names``.

    Parameters
    ----------
    log : ReflectionLog
    anonymize : bool
        Replace client names (default True).
    anonymize_companies : bool
        Replace company names (default False).
    anonymize_names : iterable of str
        More names to replace by ``[name]`` wherever they are written,
        whole-word and ignoring case, in every column (client, company and
        role included): interviewers, referees, anyone you know is
        mentioned. Give each form you used ("Tom Baker" and "Tom").
        Applied whatever ``contacts`` is.
    contacts : bool
        Replace e-mail addresses, phone numbers, links, handles and people's
        names found from the words around them, as above (default True: an
        over-cautious ``[name]`` is easier to live with than a leak).

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

    Contact details and the names the text points to:

    >>> import pandas as pd
    >>> from recovery_analytics import ReflectionLog
    >>> items = log.items.head(1).assign(
    ...     text="Sarah from HR emailed jo.k@acme.com; call +44 7700 900123")
    >>> shared = anonymize(ReflectionLog(log.interviews, items, log.actions, log.problems))
    >>> shared.items["text"].iloc[0]
    '[name] from HR emailed [email]; call [phone]'

    Names you know, and what is left alone:

    >>> items = log.items.head(1).assign(text="Rambled on STAR with Tom on Monday at 14:00")
    >>> shared = anonymize(ReflectionLog(log.interviews, items, log.actions, log.problems),
    ...                    anonymize_names=["tom"])
    >>> shared.items["text"].iloc[0]
    'Rambled on STAR with [name] on Monday at 14:00'
    """
    names_of = pseudonyms(log, anonymize=anonymize, anonymize_companies=anonymize_companies)
    replacer = names_of._replacer()
    label_rules: list[_Rule] = [] if replacer is None else [replacer]
    given = _as_list(anonymize_names, "anonymize_names")
    people = partial(hide_people, names=given, find=contacts)
    firms = pd.Series(sorted(log.companies), dtype="str")
    in_firms = people(firms, known=log.clients, field="company")
    # a company with a person in its name ("Tom Baker Ltd") is not protected
    known = [*log.clients, *firms[in_firms == firms]]
    in_text = names_of.companies if anonymize_companies else {}

    def clean(texts: pd.Series) -> pd.Series:
        if contacts:
            texts = hide_contacts(texts)
        return _scrub(people(texts, known=known, companies=in_text), label_rules)

    labels = {
        "client": lambda texts: _scrub(people(texts, find=False), label_rules),
        "company": lambda texts: _scrub(
            people(texts, known=log.clients, field="company"), label_rules
        ),
    }

    ids = {eid: f"x-{i + 1:05d}" for i, eid in enumerate(log.interviews.index)}
    exact: dict[str, Mapping[str, str]] = {}
    if anonymize:
        exact["client"] = names_of.clients
    if anonymize_companies:
        exact["company"] = names_of.companies
    interviews = _frame(
        log.interviews.reset_index(),
        clean,
        exact=exact,
        blank=("source", "extra"),
        ids=ids,
        labels=labels,
    ).set_index("entry_id")
    keep = ("polarity", "themes", "theme")
    items = _frame(log.items, clean, exact=exact, keep=keep, ids=ids, labels=labels)
    actions = _frame(log.actions, clean, exact=exact, ids=ids, labels=labels)
    return ReflectionLog(interviews, items, actions, problems_frame([]))
