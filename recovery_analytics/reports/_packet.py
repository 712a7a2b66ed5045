"""Review packets: one client's (``review_packet``) or every client's
(``coach_packet``), as a multi-page PDF or one self-contained HTML file.

The steps, in this order, so that nothing can leak and only what is shown is
read: pick the client and the period, replace names in those rows (pseudonyms
from the key when there is one, so they are the same in every packet), build
the content from analytics, render to bytes in memory, write atomically and
owner-only.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Unpack

from .._fs import atomic_write
from .._log import ReflectionLog
from ..exceptions import RecoveryAnalyticsError
from ._content import Packet, coach_content, review_content
from ._html import render_html
from ._options import PacketOptions, Sharing, sharing
from ._pdf import render_pdf
from ._summary import as_today

__all__ = ["coach_packet", "review_packet"]


def _kind(path: str | os.PathLike[str]) -> str:
    suffix = Path(path).suffix.lower()
    if suffix in (".pdf", ".html", ".htm"):
        return "pdf" if suffix == ".pdf" else "html"
    raise RecoveryAnalyticsError(
        f"{os.fspath(path)}: a packet is written as .pdf or .html, chosen by the file name, "
        f"but it ends in {Path(path).suffix or 'nothing'!r}."
    )


def _in_period(log: ReflectionLog, how: Sharing, who: str) -> ReflectionLog:
    picked = how.pick(log)
    if len(picked) == 0:
        if len(log) == 0:
            raise RecoveryAnalyticsError(f"There are no interviews for {who} yet.")
        period = how.period
        dates = log.interviews["interview_date"]
        raise RecoveryAnalyticsError(
            f"No interviews for {who} between {period[0] if period else '...'} and "
            f"{period[1] if period else '...'}; their interviews run from "
            f"{dates.min():%Y-%m-%d} to {dates.max():%Y-%m-%d}. An empty packet would "
            "help nobody: choose dates in that range."
        )
    return picked


def _write(
    log: ReflectionLog, client: str | None, path: str | os.PathLike[str], how: Sharing
) -> Path:
    """Pick, hide, word, render and write: the one path every packet takes."""
    kind = _kind(path)
    today = as_today(how.today)
    how.key_outside(path)
    real = log.check_client(client) if client is not None else None
    if real is None:
        picked = _in_period(log, how, "these clients")
    else:
        picked = _in_period(log.filter(client=real), how, real)
    shared, name = how.shared(picked, context=log, client=real)
    if name is None:
        packet: Packet = coach_content(shared, today=today)
    else:
        packet = review_content(shared, name, today=today)
    return atomic_write(path, render_pdf(packet) if kind == "pdf" else render_html(packet))


def review_packet(
    log: ReflectionLog,
    *,
    client: str,
    path: str | os.PathLike[str],
    display_name: str | None = None,
    **options: Unpack[PacketOptions],
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
    anonymize : bool, default False
        Replace client names by "Client A", "Client B", ... everywhere:
        text, charts, tables and metadata. Without ``pseudonym_key`` the
        letters follow the sorted order of the log's clients.
        Any of the three ``anonymize`` options also hides e-mail addresses,
        phone numbers, links, handles and the names the text points to
        ("with Sarah", "Tom from HR"); see
        :func:`~recovery_analytics.reports.anonymize` for what it cannot find.
    anonymize_companies : bool, default False
        Replace company names by "Company 1", ...; on its own it keeps
        client names, so pass both to hide both. Without ``pseudonym_key``
        only the packet's companies are numbered, in sorted order.
    anonymize_names : iterable of str, optional
        Other people's names you know are in the text (interviewers,
        referees), replaced by "[name]" wherever the free text has them.
    pseudonym_key : str or Path, optional
        A key file (JSON, created owner-only on first use) that keeps each
        client's and company's pseudonym the same in every export: names it
        has keep theirs, the packet's new names take the next free ones. It
        holds real names: keep it beside the journal, never with the packet.
        Only the names the packet shows are added.
    today : date-like, optional
        The date plan B ages are counted to; today by default.
    display_name : str, optional
        The name the packet shows for the client ("Ana Souza"), while the
        client's id and the file names stay as they are (``ana``).

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
    if display_name is not None and display_name.strip():
        real = log.check_client(client)
        log, client = log.rename_clients({real: display_name.strip()}), display_name.strip()
    return _write(log, client, path, sharing("review_packet", options, PacketOptions))


def coach_packet(
    log: ReflectionLog,
    *,
    path: str | os.PathLike[str],
    **options: Unpack[PacketOptions],
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
    path, period, anonymize, anonymize_companies, anonymize_names, pseudonym_key, today
        As for :func:`review_packet`; ``today`` also decides who counts as
        inactive (no interview in 30 days).

    Returns
    -------
    Path
        Where the coach packet is.

    Examples
    --------
    >>> from pathlib import Path
    >>> from tempfile import mkdtemp
    >>> from pypdf import PdfReader
    >>> from recovery_analytics.analytics._examples import example_log
    >>> out = coach_packet(example_log(), path=Path(mkdtemp()) / "coach.pdf", today="2026-04-01")
    >>> PdfReader(out).metadata.title
    'Coach packet: all clients'
    """
    return _write(log, None, path, sharing("coach_packet", options, PacketOptions))
