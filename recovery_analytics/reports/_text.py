"""Headline numbers in words: honest, kind, no verdicts, small samples said plainly.

The one sentence writer of the packets and the dashboard. Every number here
comes from a :class:`~._summary.ClientSummary` (plain data computed once by
:func:`~._summary.summarise`); this module only chooses the words.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any, Final

import pandas as pd

from .._log import DateLike, ReflectionLog
from ..analytics import SMALL_SAMPLE
from ..vocabulary import outcome_label, plural, status_label
from ._summary import ClientSummary, CoachSummary, summarise

__all__ = [
    "OPENING",
    "client_headline",
    "coach_headline",
    "date_range",
    "day",
    "flag_words",
    "headline",
    "outcome_words",
    "ratio_words",
    "status_words",
]

OPENING: Final = (
    "These pages describe what was written down after each interview. They are a "
    "starting point for a conversation, not a grade: a long list of what went wrong "
    "often just means careful notes."
)

_TREND: Final = {
    "more positive": (
        "In the second half of these interviews a larger share of what was written "
        "down went well ({first:.0%} in the first half, {second:.0%} in the second)."
    ),
    "about the same": (
        "The share of things that went well was about the same in the first and the "
        "second half of these interviews ({first:.0%} and {second:.0%})."
    ),
    "less positive": (
        "In the second half of these interviews a smaller share of what was written "
        "down went well ({first:.0%} in the first half, {second:.0%} in the second). "
        "Dips like this are common in a long search and worth talking through."
    ),
}


def day(value: Any) -> str:
    """``"4 March 2026"``.

    Examples
    --------
    >>> day(pd.Timestamp("2026-03-04"))
    '4 March 2026'
    """
    ts = pd.Timestamp(value)
    return f"{ts.day} {ts:%B %Y}"


def date_range(first: Any, last: Any) -> str:
    """A period in words: ``"in March 2026"``, ``"from March to August 2026"``.

    Examples
    --------
    >>> date_range("2026-03-02", "2026-08-18"), date_range("2026-03-02", "2026-03-20")
    ('from March to August 2026', 'in March 2026')
    >>> date_range("2025-11-02", "2026-02-20")
    'from November 2025 to February 2026'
    """
    a, b = pd.Timestamp(first), pd.Timestamp(last)
    if (a.year, a.month) == (b.year, b.month):
        return f"in {a:%B %Y}"
    if a.year == b.year:
        return f"from {a:%B} to {b:%B %Y}"
    return f"from {a:%B %Y} to {b:%B %Y}"


def ratio_words(ratio: float) -> str:
    """A ratio as on the charts' axis: ``"2.5 : 1"``, ``"1 : 1.6"``.

    Examples
    --------
    >>> ratio_words(2.5), ratio_words(0.625), ratio_words(float("inf")), ratio_words(float("nan"))
    ('2.5 : 1', '1 : 1.6', 'only went well', '\u2014')
    """
    if ratio is None or (isinstance(ratio, float) and math.isnan(ratio)):
        return "\u2014"
    if math.isinf(ratio):
        return "only went well"
    if ratio == 0:
        return "only went wrong"
    if ratio >= 1:
        return f"{ratio:.1f} : 1"
    return f"1 : {1 / ratio:.1f}"


def outcome_words(counts: dict[str, int]) -> str:
    """``"7 next round, 5 not this time, 1 offer"`` (largest first, zeros left out).

    Examples
    --------
    >>> outcome_words({"next_round": 2, "rejected": 3, "offer": 0})
    '3 not this time, 2 next round'
    """
    parts = sorted(((n, k) for k, n in counts.items() if n), key=lambda p: (-p[0], p[1]))
    return ", ".join(f"{n} {outcome_label(k)}" for n, k in parts)


def status_words(status: str) -> str:
    """The plain label of a recurring status (``"not seen lately"``)."""
    return status_label(status)


def _themes(themes: tuple[str, ...]) -> str:
    return ", ".join(themes).replace("_", " ")


def _counts(s: ClientSummary) -> str:
    n, well, wrong = s.interviews, s.went_well, s.went_wrong
    when = date_range(s.first_date, s.last_date) if n > 1 else f"on {day(s.first_date)}"
    if well + wrong == 0:
        counted = "One interview" if n == 1 else plural(n, "interview")
        return f"{counted} {when}, with nothing written yet under went well or went wrong."
    if n == 1:
        return (
            f"From one interview {when}, {plural(well, 'thing')} went well and {wrong} went wrong."
        )
    return (
        f"Across {plural(n, 'interview')} {when}, {plural(well, 'thing')} went well "
        f"and {wrong} went wrong."
    )


def _trend(s: ClientSummary) -> str:
    n = s.interviews
    if s.trend in _TREND and n >= SMALL_SAMPLE:
        return _TREND[s.trend].format(
            first=s.share_first_half if s.share_first_half is not None else math.nan,
            second=s.share_second_half if s.share_second_half is not None else math.nan,
        )
    if n < SMALL_SAMPLE:
        return (
            f"With {plural(n, 'interview')} so far it is too early to see a trend "
            "\u2014 read these pages gently."
        )
    return "One half of these interviews has no items written, so there is no trend."


def _resolved(resolved: tuple[tuple[str, int], ...]) -> str:
    shown = sorted(resolved, key=lambda r: (-r[1], r[0]))[:3]
    parts = [f"{t.replace('_', ' ')} (in {plural(k, 'earlier interview')})" for t, k in shown]
    more = len(resolved) - len(shown)
    tail = f", and {plural(more, 'more theme')}" if more else ""
    return f"Not seen in the latest interviews any more: {', '.join(parts)}{tail}."


def _follow_ups(s: ClientSummary) -> str:
    req = s.follow_ups_requested
    text = (
        f"Another conversation was asked for after {req} of "
        f"{plural(s.follow_ups_recorded, 'interview')}"
    )
    if req:
        text += f"; {s.follow_ups_granted} granted"
        if s.follow_ups_pending:
            text += f", {s.follow_ups_pending} still waiting"
    return text + "."


def headline(summary: ClientSummary) -> list[str]:
    """The headline sentences for one client: the cover page, the dashboard.

    Parameters
    ----------
    summary : ClientSummary
        From :func:`~recovery_analytics.reports.summarise`.

    Returns
    -------
    list of str
        One sentence (or two) per line: the counts, the trend or why there
        is none, the feeling afterwards, what keeps coming up and what stopped, strengths, outcomes,
        follow-ups and plan B; a line is left out when it has nothing to say.

    Examples
    --------
    >>> import datetime as dt
    >>> s = ClientSummary(client="ana", interviews=3, first_date=dt.date(2026, 3, 2),
    ...     last_date=dt.date(2026, 3, 30), went_well=4, went_wrong=5,
    ...     trend="too few interviews to say", top_weaknesses=("nerves",))
    >>> for line in headline(s):
    ...     print(line)
    Across 3 interviews in March 2026, 4 things went well and 5 went wrong.
    With 3 interviews so far it is too early to see a trend \u2014 read these pages gently.
    What came up more than once under went wrong: nerves.
    """
    s = summary
    lines = [_counts(s), _trend(s)]
    if s.feeling_mean is not None and s.feeling_noted > 0:
        lines.append(
            f"Feeling afterwards: {s.feeling_mean:.1f} out of 5 on average "
            f"(noted for {s.feeling_noted} of {plural(s.interviews, 'interview')})."
        )
    if s.top_weaknesses:
        lines.append(f"What came up more than once under went wrong: {_themes(s.top_weaknesses)}.")
    if s.resolved:
        lines.append(_resolved(s.resolved))
    if s.top_strengths:
        lines.append(f"Strengths that keep showing up: {_themes(s.top_strengths)}.")
    said = outcome_words(dict(s.outcomes))
    if said:
        lines.append(f"What happened next so far: {said}.")
    if s.follow_ups_recorded > 0:
        lines.append(_follow_ups(s))
    if s.plan_b_actions > 0:
        lines.append(
            f"Plan B: {s.plan_b_done} of {plural(s.plan_b_actions, 'action')} done, "
            f"{s.plan_b_open} still open."
        )
    return lines


def client_headline(
    log: ReflectionLog, *, client: str | None = None, today: DateLike = None
) -> list[str]:
    """``headline(summarise(log, client=client, today=today))`` in one call.

    Examples
    --------
    >>> from recovery_analytics.analytics._examples import example_log
    >>> client_headline(example_log(), client="ana", today="2026-04-01")[0]
    'Across 3 interviews from January to March 2026, 5 things went well and 3 went wrong.'
    """
    return headline(summarise(log, client=client, today=today))


def flag_words(summary: ClientSummary) -> str:
    """Why a coach might look at this client, or ``""``.

    Examples
    --------
    >>> import datetime as dt
    >>> s = ClientSummary(client="ben", interviews=2, first_date=dt.date(2026, 1, 12),
    ...     last_date=dt.date(2026, 2, 2), went_well=1, went_wrong=2, trend="",
    ...     inactive=True, days_since_last=58, small_sample=True)
    >>> flag_words(s)
    'no interview in 58 days; few interviews so far'
    """
    words = []
    if summary.declining:
        words.append("lately a smaller share went well")
    if summary.inactive:
        words.append(f"no interview in {summary.days_since_last} days")
    if summary.small_sample:
        words.append("few interviews so far")
    return "; ".join(words)


#: At most this many clients are named in a sentence of the coach's cover.
NAMED: Final = 12


def _named(names: list[str], joiner: str) -> str:
    """``names`` joined, or the first :data:`NAMED` of them and how many more there are."""
    if len(names) <= NAMED:
        return joiner.join(names)
    more = f"{len(names) - NAMED:,} more (see the table of every client)"
    return f"{joiner.join(names[:NAMED])} and {more}"


def coach_headline(coach: CoachSummary, *, order: Sequence[str] | None = None) -> list[str]:
    """The coach packet's cover sentences: totals, who to look at, small samples.

    ``order`` lists the clients in the order to name them (those needing
    attention first); the order of ``coach.clients`` otherwise. Each sentence
    names at most :data:`NAMED` clients and says how many more there are.
    """
    every = coach.clients
    clients = [every[c] for c in order if c in every] if order is not None else list(every.values())
    when = date_range(coach.first_date, coach.last_date)
    flagged = [f"{s.client} ({flag_words(s)})" for s in clients if s.declining or s.inactive]
    lines = [
        f"{plural(len(clients), 'client')}, {plural(coach.interviews, 'interview')} {when}. "
        "Flags are prompts to look, not verdicts: fewer items written down lately can also "
        "mean shorter notes.",
        ("Worth a look: " + _named(flagged, "; ") + ".")
        if flagged
        else "No client is flagged as declining or inactive.",
    ]
    small = [s.client for s in clients if s.small_sample]
    if small:
        lines.append(
            f"Few interviews so far for {_named(small, ', ')} \u2014 read their figures gently."
        )
    return lines
