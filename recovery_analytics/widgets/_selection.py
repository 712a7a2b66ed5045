"""The dashboard's data, without widgets: what is selected, listed, merged and exported.

:func:`select_log` picks the interviews on show, :func:`theme_choices` the
themes to filter by, :func:`written_html` lists what was written,
:func:`merge_changes` folds changed entries into a cached log, and
:func:`export_name`/:func:`export_link_html` name and link a packet. The
dashboard widget calls these and shows what they return.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import urllib.parse
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Final

import numpy as np
import pandas as pd

from .._load import log_from_records
from .._log import ReflectionLog
from ..exceptions import RecoveryAnalyticsError
from ..io import entry_to_json
from ..journal import EntryNotFoundError, Journal
from ..model import DEFAULT_CLIENT
from ..themes import OTHER
from ..vocabulary import plural
from ._dashboard_content import NO_SELECTION
from ._templates import NOTE_COLOUR, render

__all__ = [
    "NO_ENTRIES",
    "POLARITY_CHOICES",
    "choose_client",
    "export_link_html",
    "export_name",
    "in_load_order",
    "log_of_entries",
    "merge_changes",
    "packet_path",
    "read_changes",
    "select_log",
    "theme_choices",
    "theme_label",
    "theme_note",
    "written_html",
]

POLARITY_CHOICES: Final = (("both", "both"), ("went well", "well"), ("went wrong", "wrong"))
_POLARITY_WORDS: Final = {"well": "went well", "wrong": "went wrong"}
NO_ENTRIES: Final = "No reflections yet. Once one is saved, the charts appear here."


def _date(value: object) -> pd.Timestamp | None:
    if value is None:
        return None
    ts = pd.Timestamp(value)  # type: ignore[arg-type]
    return None if pd.isna(ts) else ts


def select_log(
    log: ReflectionLog,
    *,
    client: str | None = None,
    start: object = None,
    end: object = None,
    polarity: str = "both",
    theme: str | None = None,
) -> ReflectionLog:
    """The interviews the dashboard shows: one client, a date range, a theme.

    ``theme`` keeps the interviews where that theme came up (under went well,
    went wrong, or either, as ``polarity`` says; ``"other"`` is an item
    without a theme). Dates are inclusive; either may be ``None``.

    Examples
    --------
    >>> from recovery_analytics.analytics._examples import example_log
    >>> log = example_log()
    >>> len(select_log(log, client="ana")), len(select_log(log, client="ana", theme="conciseness"))
    (3, 2)
    >>> select_log(log, start="2026-03-10", end="2026-03-01")
    Traceback (most recent call last):
    ...
    recovery_analytics.exceptions.RecoveryAnalyticsError: The \u201cfrom\u201d date \
(2026-03-10) is after the \u201cto\u201d date (2026-03-01): swap them to see interviews.
    """
    if polarity not in ("both", "well", "wrong"):
        raise RecoveryAnalyticsError(
            f"The value for `polarity` must be one of 'both', 'well', 'wrong', but "
            f"{polarity!r} was passed."
        )
    first, last = _date(start), _date(end)
    if first is not None and last is not None and first > last:
        raise RecoveryAnalyticsError(
            f"The \u201cfrom\u201d date ({first:%Y-%m-%d}) is after the \u201cto\u201d date "
            f"({last:%Y-%m-%d}): swap them to see interviews."
        )
    if client is not None and log.clients == [log.check_client(client)]:
        client = None  # the only client: nothing to filter
    if client is None and first is None and last is None:
        picked = log
    else:
        picked = log.filter(client=client, start=first, end=last)
    if theme is None:
        return picked
    long = picked.item_themes
    mask = long["theme"] == theme
    if polarity != "both":
        mask &= (long["polarity"] == polarity).to_numpy()
    ids = long.loc[mask.to_numpy(), "entry_id"].unique()
    return picked.filter(entry_ids=ids)


def theme_choices(log: ReflectionLog, polarity: str = "both") -> list[tuple[str, int]]:
    """Themes that came up, with their number of interviews, most first.

    Examples
    --------
    >>> from recovery_analytics.analytics._examples import example_log
    >>> theme_choices(example_log().filter(client="ana"), "wrong")[:2]
    [('conciseness', 2), ('technical', 1)]
    """
    items = log.items
    seen: dict[str, set[str]] = {}
    for entry_id, pol, themes in zip(
        items["entry_id"].tolist(), items["polarity"].tolist(), items["themes"].tolist(),
        strict=True,
    ):  # fmt: skip
        if polarity != "both" and pol != polarity:
            continue
        for theme in themes if len(themes) else (OTHER,):
            seen.setdefault(str(theme), set()).add(entry_id)
    order = sorted(seen.items(), key=lambda kv: (kv[0] == OTHER, -len(kv[1]), kv[0]))
    return [(theme, len(ids)) for theme, ids in order]


def written_html(
    log: ReflectionLog, *, polarity: str = "both", theme: str | None = None, limit: int = 60
) -> str:
    """What was written under went well / went wrong, newest first, as HTML.

    Examples
    --------
    >>> from recovery_analytics.analytics._examples import example_log
    >>> ana = example_log().filter(client="ana")
    >>> text = written_html(ana, polarity="wrong", theme="conciseness")
    >>> text.count("<li>"), text.index("2026-03-02") < text.index("2026-01-05")  # newest first
    (2, True)
    """
    long = log.item_themes
    if polarity != "both":
        long = long.loc[(long["polarity"] == polarity).to_numpy()]
    if theme is not None:
        long = long.loc[(long["theme"] == theme).to_numpy()]
    items = long.drop_duplicates("item_id").sort_values(
        ["interview_date", "item_id"], ascending=[False, True], kind="stable"
    )
    themes = log.items["themes"]
    companies = log.interviews["company"]
    rows = []
    for item_id, eid, date, pol, text in zip(
        items["item_id"].head(limit),
        items["entry_id"].head(limit),
        items["interview_date"].head(limit),
        items["polarity"].head(limit),
        items["text"].head(limit),
        strict=True,
    ):
        company = companies.get(eid)
        rows.append(
            {
                "date": f"{pd.Timestamp(date):%Y-%m-%d}",
                "company": str(company) if isinstance(company, str) else "",
                "polarity": _POLARITY_WORDS.get(str(pol), str(pol)),
                "text": str(text),
                "themes": ", ".join(theme_label(t) for t in themes.get(item_id, []))
                or theme_label(OTHER),
            }
        )
    more = len(items) - len(rows)
    return render(
        "dash_written.html.j2",
        rows=rows,
        empty=NO_SELECTION,
        more=more,
        more_words=plural(more, "more item"),
        colour=NOTE_COLOUR,
    )


def log_of_entries(entries: Iterable[Any], *, taxonomy: Any, where: str) -> ReflectionLog:
    """A log of a few entries, built and tagged exactly as ``load()`` would."""
    records = []
    for entry in entries:
        record = entry_to_json(entry)
        record["_file"] = f"{where}#{entry.entry_id}"
        record["_line"] = None
        records.append(record)
    return log_from_records(records, errors="collect", taxonomy=taxonomy)


def read_changes(
    journal: Journal, log: ReflectionLog, changed: Iterable[str], *, taxonomy: Any
) -> ReflectionLog:
    """``log`` with the ``changed`` entries read back from ``journal`` (deleted ones dropped)."""
    ids = set(changed)
    entries = []
    for entry_id in sorted(ids):
        try:
            entries.append(journal.get(entry_id))
        except EntryNotFoundError:
            pass  # deleted
    fresh = log_of_entries(entries, taxonomy=taxonomy, where=journal.where) if entries else None
    return merge_changes(log, fresh, ids)


def merge_changes(
    log: ReflectionLog, fresh: ReflectionLog | None, changed: Iterable[str]
) -> ReflectionLog:
    """``log`` with the ``changed`` entries replaced by those in ``fresh``.

    An id in ``changed`` but not in ``fresh`` was deleted. The result is in
    ``load()``'s order: interviews by date then client, items and actions
    following their interview.
    """
    changed = set(changed)
    ids = log.interviews.index
    gone = ids.isin(list(changed))
    kept = log.filter(entry_ids=ids[~gone]) if gone.any() else log
    if fresh is None or len(fresh) == 0:
        return in_load_order(kept)
    if len(kept) == 0:
        fresh = ReflectionLog(fresh.interviews, fresh.items, fresh.actions, kept.problems)
        return in_load_order(fresh)
    return in_load_order(ReflectionLog.concat([kept, fresh]))


def in_load_order(log: ReflectionLog) -> ReflectionLog:
    """``log`` in ``load()``'s order: interviews by date then client, items following them.

    Items (went well before went wrong) and actions follow their interview,
    numbered from 0. TODO(redesign): ``load()`` orders its frames the same
    way inside ``_validate.normalise``; this should be one public function
    there (a log-level "put in load order") that both call.
    """
    interviews = log.interviews.sort_values(["interview_date", "client"], kind="stable")
    rank = pd.Series(np.arange(len(interviews)), index=interviews.index)
    items = log.items
    order = np.lexsort(
        (items["polarity"].cat.codes.to_numpy(), items["entry_id"].map(rank).to_numpy())
    )
    items = items.iloc[order].reset_index(drop=True)
    items.index.name = "item_id"
    actions = log.actions
    order = np.argsort(actions["entry_id"].map(rank).to_numpy(), kind="stable")
    actions = actions.iloc[order].reset_index(drop=True)
    actions.index.name = "action_id"
    return ReflectionLog(interviews, items, actions, log.problems)


def theme_label(theme: str) -> str:
    """A theme as the dashboard says it: ``other`` is "no theme yet".

    Examples
    --------
    >>> theme_label("time_management"), theme_label("other")
    ('time management', 'no theme yet')
    """
    return "no theme yet" if theme == OTHER else theme.replace("_", " ")


def theme_note(theme: str, polarity: str) -> str:
    """The headline's last line when one theme is chosen.

    Examples
    --------
    >>> theme_note("conciseness", "wrong")
    'Only interviews where “conciseness” came up under went wrong are counted here.'
    """
    where = _POLARITY_WORDS.get(polarity, "went well or went wrong")
    return f"Only interviews where “{theme_label(theme)}” came up under {where} are counted here."


def choose_client(log: ReflectionLog, wanted: str | None = None) -> str | None:
    """The client to show: ``wanted`` as the log spells it, else "me", else the first.

    ``None`` when the log has no clients yet. A name not in the log raises
    :class:`~recovery_analytics.exceptions.UnknownClientError`
    (:meth:`ReflectionLog.check_client`, the one check of a client name).

    Examples
    --------
    >>> from recovery_analytics.analytics._examples import example_log
    >>> choose_client(example_log(), "ANA"), choose_client(example_log())
    ('ana', 'ana')
    """
    if wanted is not None:
        return log.check_client(wanted)
    clients = log.clients
    if not clients:
        return None
    return DEFAULT_CLIENT if DEFAULT_CLIENT in clients else clients[0]


_UNSAFE: Final = re.compile(r"[^\w.-]+")


def export_name(client: str, fmt: str, *, today: dt.date, anonymize: bool = False) -> str:
    """The packet's file name: ``review-<client>-<date>.<fmt>`` (no name when anonymised).

    Examples
    --------
    >>> export_name("Ana Lima", "html", today=dt.date(2026, 3, 4))
    'review-Ana-Lima-2026-03-04.html'
    >>> export_name("Ana Lima", "pdf", today=dt.date(2026, 3, 4), anonymize=True)
    'review-2026-03-04.pdf'
    """
    who = "" if anonymize else _UNSAFE.sub("-", client).strip("-.")
    stem = f"review-{who}-{today.isoformat()}" if who else f"review-{today.isoformat()}"
    return f"{stem}.{fmt}"


def packet_path(folder: str | os.PathLike[str], name: str) -> Path:
    """Where Export writes packet ``name``: in ``folder`` (``"exports"`` when blank).

    Examples
    --------
    >>> packet_path("  ", "r.html").as_posix(), packet_path("~/out", "r.html").name
    ('exports/r.html', 'r.html')
    """
    text = os.fspath(folder).strip() or "exports"
    return Path(text).expanduser() / name


def export_link_html(path: Path, *, cwd: Path | None = None) -> str:
    """A link to a written file: relative to the notebook's folder when inside it.

    Examples
    --------
    >>> export_link_html(Path("/home/me/nb/exports/review-me.html"), cwd=Path("/home/me/nb"))
    '<a href="exports/review-me.html" target="_blank" rel="noopener">Open the review packet</a> \
\u2014 saved as <code>exports/review-me.html</code>'
    """
    here = Path(cwd) if cwd is not None else Path.cwd()
    target = Path(os.path.abspath(path))
    try:
        shown = target.relative_to(Path(os.path.abspath(here))).as_posix()
        href = urllib.parse.quote(shown)
    except ValueError:
        shown = str(target)
        href = target.as_uri()
    return render("dash_export_link.html.j2", href=href, shown=shown)
