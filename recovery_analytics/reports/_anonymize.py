"""Pseudonyms for sharing: client (and company) names replaced before drawing.

Anonymising works on the log, not on the finished file: a new
:class:`~recovery_analytics.ReflectionLog` is built with every name replaced,
and charts, tables, text and metadata are all made from it, so a real name has
no way into the export.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping
from functools import partial
from typing import Any

import numpy as np
import pandas as pd

from .._log import ReflectionLog
from .._problems import problems_frame
from ._names import NOT_NAMES, PLACEHOLDERS, _as_list, hide_contacts, hide_people
from ._pseudonyms import _NOT_NAMES, PseudonymKey, Pseudonyms, pseudonyms

__all__ = ["NOT_NAMES", "PLACEHOLDERS", "Pseudonyms", "anonymize", "anonymized", "pseudonyms"]


def _read_once(clean: Callable[[pd.Series], pd.Series]) -> Callable[[pd.Series], pd.Series]:
    """``clean`` that reads each distinct text once, however many rows and
    columns repeat it (the result of a text does not depend on the others).

    Examples
    --------
    >>> calls = []
    >>> upper = _read_once(lambda s: calls.append(len(s)) or s.str.upper())
    >>> upper(pd.Series(["a", "b", "a", None], dtype="str")).tolist()
    ['A', 'B', 'A', nan]
    >>> upper(pd.Series(["b", "c"], dtype="str")).tolist(), calls
    (['B', 'C'], [2, 1])
    """
    seen: dict[str, Any] = {}

    def run(texts: pd.Series) -> pd.Series:
        values = texts.to_numpy(dtype=object)
        new = list(dict.fromkeys(v for v in values if isinstance(v, str) and v not in seen))
        if new:
            seen.update(zip(new, clean(pd.Series(new, dtype="str")).tolist(), strict=True))
        out = [seen[v] if isinstance(v, str) else v for v in values]
        return pd.Series(out, index=texts.index, name=texts.name, dtype=texts.dtype)

    return run


def _as_is(texts: pd.Series) -> pd.Series:
    return texts


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
    pseudonym_key: str | os.PathLike[str] | PseudonymKey | None = None,
) -> ReflectionLog:
    """A new log with names and contact details replaced, ready to share.

    Client names become ``"Client A"``, ``"Client B"``, ... (with
    ``anonymize=True``, the default), company names ``"Company 1"``, ...
    (with ``anonymize_companies=True``): in sorted order of the real names,
    or, with ``pseudonym_key``, as the key has them, so they are the same in
    every export.
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
    pseudonym_key : str or Path, optional
        A key file of pseudonyms (JSON, created owner-only on first use):
        names it holds keep their pseudonyms, new names take the next free
        ones and are added to it. It holds real names: keep it beside the
        journal, never in a folder you share. See ``docs/anonymising.md``.

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
    names_of = pseudonyms(
        log,
        anonymize=anonymize,
        anonymize_companies=anonymize_companies,
        pseudonym_key=pseudonym_key,
    )
    return anonymized(
        log,
        names_of,
        context=log,
        anonymize=anonymize,
        anonymize_companies=anonymize_companies,
        anonymize_names=anonymize_names,
        contacts=contacts,
    )


def anonymized(
    picked: ReflectionLog,
    names_of: Pseudonyms,
    *,
    context: ReflectionLog,
    anonymize: bool,
    anonymize_companies: bool,
    anonymize_names: Iterable[str] = (),
    contacts: bool = True,
) -> ReflectionLog:
    """The rows of ``picked`` (taken from ``context``) with names replaced.

    Only ``picked``'s texts are read, each distinct text once, so the time
    is that of the rows being exported. ``names_of`` holds the pseudonyms
    of ``picked``'s clients and companies; the other clients of ``context``
    that its texts mention become ``[name]`` (and, with
    ``anonymize_companies``, its other companies ``[company]``), so a
    one-client export names no one else.
    """
    given = _as_list(anonymize_names, "anonymize_names")
    shown = set(picked.clients)
    others = [c for c in context.clients if c not in shown]
    if anonymize:  # another client named in this client's notes: a person like any other
        given += [c for c in others if c.strip() and c.casefold() not in _NOT_NAMES]

    def relabel(texts: pd.Series) -> pd.Series:
        return texts.map(names_of.text, na_action="ignore").astype(texts.dtype)

    people = partial(hide_people, names=given, find=contacts)
    firms = pd.Series(picked.companies, dtype="str")
    in_firms = people(firms, known=picked.clients, field="company")
    # a company with a person in its name ("Tom Baker Ltd") is not protected
    known = [*picked.clients, *firms[in_firms == firms]]
    if not anonymize:
        known += others
    in_text: dict[str, str] = {}
    if anonymize_companies:
        shown_firms = set(picked.companies)
        in_text = {c: "[company]" for c in context.companies if c not in shown_firms}
        in_text.update(names_of.companies)

    @_read_once
    def clean(texts: pd.Series) -> pd.Series:
        if contacts:
            texts = hide_contacts(texts)
        return relabel(people(texts, known=known, companies=in_text))

    labels = {
        "client": _read_once(lambda texts: relabel(people(texts, find=False))),
        "company": _read_once(
            lambda texts: relabel(people(texts, known=picked.clients, field="company"))
        ),
    }

    ids = {eid: f"x-{i + 1:05d}" for i, eid in enumerate(picked.interviews.index)}
    exact: dict[str, Mapping[str, str]] = {}
    if anonymize:
        exact["client"] = names_of.clients
    if anonymize_companies:
        exact["company"] = names_of.companies
    keep = ("polarity", "themes", "theme")

    def frames(
        clean: Callable[[pd.Series], pd.Series],
        labels: Mapping[str, Callable[[pd.Series], pd.Series]],
    ) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
        interviews = _frame(
            picked.interviews.reset_index(),
            clean,
            exact=exact,
            blank=("source", "extra"),
            ids=ids,
            labels=labels,
        ).set_index("entry_id")
        items = _frame(picked.items, clean, exact=exact, keep=keep, ids=ids, labels=labels)
        actions = _frame(picked.actions, clean, exact=exact, ids=ids, labels=labels)
        return interviews, items, actions

    # every free text of the export gathered first and read in one go, so
    # the name finder prepares its word lists once, not once per column
    gathered: list[pd.Series] = []

    def gather(texts: pd.Series) -> pd.Series:
        gathered.append(texts)
        return texts

    frames(gather, dict.fromkeys(labels, _as_is))
    if gathered:
        clean(pd.concat(gathered, ignore_index=True).astype("str"))
    interviews, items, actions = frames(clean, labels)
    return ReflectionLog(interviews, items, actions, problems_frame([]))
