"""Review packets: one client's (``review_packet``) or every client's
(``coach_packet``), as a multi-page PDF or one self-contained HTML file.

The steps, in this order, so that nothing can leak: replace names in the
whole log (``anonymize``, so pseudonyms are the same in every packet), pick
the client and the period, build the content from analytics, render to bytes
in memory, write atomically and owner-only.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pandas as pd

from .._fs import atomic_write
from .._log import DateLike, ReflectionLog
from ..exceptions import RecoveryAnalyticsError
from ._anonymize import anonymize as anonymize_log
from ._anonymize import pseudonyms
from ._content import Packet, coach_content, review_content
from ._html import render_html
from ._pdf import render_pdf

__all__ = ["coach_packet", "review_packet"]

Period = tuple[DateLike, DateLike] | None


def _kind(path: str | os.PathLike[str]) -> str:
    suffix = Path(path).suffix.lower()
    if suffix in (".pdf", ".html", ".htm"):
        return "pdf" if suffix == ".pdf" else "html"
    raise RecoveryAnalyticsError(
        f"{os.fspath(path)}: a packet is written as .pdf or .html, chosen by the file name, "
        f"but it ends in {Path(path).suffix or 'nothing'!r}."
    )


def _in_period(log: ReflectionLog, period: Period, who: str) -> ReflectionLog:
    if period is None:
        picked = log
    else:
        if not isinstance(period, tuple) or len(period) != 2:
            raise RecoveryAnalyticsError(
                "The value for `period` must be None or a (start, end) pair of dates such as "
                f"('2026-03-01', '2026-06-30') (either may be None), but {period!r} was passed."
            )
        picked = log.filter(start=period[0], end=period[1])
    if len(picked) == 0:
        if len(log) == 0:
            raise RecoveryAnalyticsError(f"There are no interviews for {who} yet.")
        dates = log.interviews["interview_date"]
        raise RecoveryAnalyticsError(
            f"No interviews for {who} between {period[0] if period else '...'} and "
            f"{period[1] if period else '...'}; their interviews run from "
            f"{dates.min():%Y-%m-%d} to {dates.max():%Y-%m-%d}. An empty packet would "
            "help nobody: choose dates in that range."
        )
    return picked


def _today(today: Any) -> pd.Timestamp:
    if today is None:
        return pd.Timestamp.today().normalize()
    problem = RecoveryAnalyticsError(
        f"The value for `today` must be a date such as '2026-09-01', but {today!r} was passed."
    )
    try:
        ts = pd.Timestamp(today)
    except (TypeError, ValueError):
        raise problem from None
    if pd.isna(ts):
        raise problem
    return ts.normalize()


def _write(packet: Packet, path: str | os.PathLike[str]) -> Path:
    if _kind(path) == "pdf":
        return atomic_write(path, render_pdf(packet))
    return atomic_write(path, render_html(packet))


def review_packet(
    log: ReflectionLog,
    *,
    client: str,
    path: str | os.PathLike[str],
    period: Period = None,
    anonymize: bool = False,
    anonymize_companies: bool = False,
    anonymize_names: Iterable[str] = (),
    today: Any = None,
) -> Path:
    """Write one client's review-session packet as PDF or HTML.

    The packet holds a cover page with the headline numbers in words, balance
    over time, strengths vs weaknesses, recurring weaknesses with their
    status, feeling over time, the open plan B actions, follow-ups, and the
    list of interviews. All figures come from :mod:`recovery_analytics.analytics`;
    small samples are said plainly.

    Parameters
    ----------
    log : ReflectionLog
    client : str
        The client (case does not matter). A name not in the log raises
        :class:`~recovery_analytics.UnknownClientError` listing the known
        clients: a typo never gives an empty packet.
    path : str or Path
        Ends in ``.pdf`` (multi-page A4 landscape) or ``.html`` (one
        self-contained file: inline SVG charts, no scripts, no external
        resources). Written atomically, readable by its owner only.
    period : (start, end), optional
        Only interviews between these dates (inclusive; either may be None).
        A period without interviews raises an error naming the dates there are.
    anonymize : bool
        Replace client names by "Client A", "Client B", ... (in sorted order
        of the real names) everywhere: text, charts, tables and metadata.
        Any of the three ``anonymize`` options also hides e-mail addresses,
        phone numbers, links, handles and the names the text points to
        ("with Sarah", "Tom from HR"); see
        :func:`~recovery_analytics.reports.anonymize` for what it cannot find.
    anonymize_companies : bool
        Replace company names by "Company 1", ... (in sorted order); on its
        own it keeps client names, so pass both to hide both.
    anonymize_names : iterable of str
        Other people's names you know are in the text (interviewers,
        referees), replaced by "[name]" wherever the free text has them.
    today : date-like, optional
        The date plan B ages are counted to; today by default.

    Returns
    -------
    Path
        Where the packet is.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> from recovery_analytics.analytics._examples import example_log
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> review_packet(example_log(), client="ana", path=folder / "ana.html",
    ...               anonymize=True, today="2026-04-01").name
    'ana.html'
    >>> "Client A" in (folder / "ana.html").read_text()
    True
    """
    _kind(path)
    day = _today(today)
    real = log.check_client(client)
    shared, name = log, real
    extra = _names(anonymize_names)
    if anonymize or anonymize_companies or extra:
        names = pseudonyms(log, clients=anonymize, companies=anonymize_companies)
        shared = anonymize_log(log, clients=anonymize, companies=anonymize_companies, names=extra)
        name = names.client(real)
    one = shared.filter(client=name)
    one = _in_period(one, period, name)
    packet = review_content(one, name, today=day)
    return _write(packet, path)


def coach_packet(
    log: ReflectionLog,
    path: str | os.PathLike[str],
    *,
    period: Period = None,
    anonymize: bool = False,
    anonymize_companies: bool = False,
    anonymize_names: Iterable[str] = (),
    today: Any = None,
) -> Path:
    """Write a coach's packet across every client, as PDF or HTML.

    A cover with the number of clients and interviews and the clients
    flagged to look at (declining, inactive; few interviews said plainly), a
    table of every client with their flags from ``analytics.cohort``, the
    client x theme heatmap, the grid of every client's balance over time,
    and one short section per client in words.

    Parameters
    ----------
    log : ReflectionLog
        Every client in it is included.
    path, period, anonymize, anonymize_companies, anonymize_names, today
        As for :func:`review_packet`; ``today`` also decides who counts as
        inactive (no interview in 30 days).

    Returns
    -------
    Path
        Where the packet is.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> from pypdf import PdfReader
    >>> from recovery_analytics.analytics._examples import example_log
    >>> out = coach_packet(example_log(), pathlib.Path(tempfile.mkdtemp()) / "coach.pdf",
    ...                    today="2026-04-01")
    >>> PdfReader(out).metadata.title
    'Coach packet: all clients'
    """
    _kind(path)
    day = _today(today)
    shared = log
    extra = _names(anonymize_names)
    if anonymize or anonymize_companies or extra:
        shared = anonymize_log(log, clients=anonymize, companies=anonymize_companies, names=extra)
    shared = _in_period(shared, period, "these clients")
    packet = coach_content(shared, today=day)
    return _write(packet, path)


def _names(names: Iterable[str]) -> tuple[str, ...]:
    if isinstance(names, str):  # one name, not its letters
        names = (names,)
    return tuple(names)  # anonymize() checks them
