"""Headline numbers in words: honest, kind, no verdicts, small samples said plainly.

Every number here comes from :mod:`recovery_analytics.analytics`; this module
only chooses the words.
"""

from __future__ import annotations

import math
from typing import Any, Final

import pandas as pd

from ..analytics import SMALL_SAMPLE
from ..charts._recovery import OUTCOME_STYLE
from ..charts._style import STATUS_STYLE, plural

__all__ = [
    "date_range",
    "day",
    "headline",
    "outcome_words",
    "ratio_words",
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
    >>> date_range("2026-03-02", "2026-08-18")
    'from March to August 2026'
    >>> date_range("2026-03-02", "2026-03-20")
    'in March 2026'
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
    return ", ".join(f"{n} {OUTCOME_STYLE[k]['label']}" for n, k in parts)


def status_words(status: str) -> str:
    """The plain label of a recurring status (``"not seen lately"``)."""
    return STATUS_STYLE.get(status, {"label": status})["label"]


def headline(
    summary: pd.Series,
    *,
    cohort: pd.Series | None = None,
    plan: pd.Series | None = None,
    follow: pd.Series | None = None,
    resolved: list[tuple[str, int]] | None = None,
) -> list[str]:
    """The cover page's sentences for one client, from analytics rows.

    Parameters
    ----------
    summary : Series
        The client's row of ``analytics.client_summary``.
    cohort : Series, optional
        The client's row of ``analytics.cohort`` (outcomes).
    plan : Series, optional
        The client's row of ``analytics.plan_b``.
    follow : Series, optional
        The client's row of ``analytics.follow_ups(...).rates``.
    resolved : list of (theme, interviews), optional
        Weaknesses with status ``resolved`` in ``analytics.recurring``; the
        three seen most often are named, the others counted.

    Examples
    --------
    >>> row = pd.Series({"interviews": 3, "first_date": pd.Timestamp("2026-03-02"),
    ...     "last_date": pd.Timestamp("2026-03-30"), "n_well": 4, "n_wrong": 5,
    ...     "trend": "too few interviews to say", "balance_first_half": 0.5,
    ...     "balance_second_half": 0.4, "top_weaknesses": "nerves", "top_strengths": ""})
    >>> for line in headline(row):
    ...     print(line)
    Across 3 interviews in March 2026, 4 things went well and 5 went wrong.
    With 3 interviews so far it is too early to see a trend — read these pages gently.
    What came up more than once under went wrong: nerves.
    """
    n = int(summary["interviews"])
    when = date_range(summary["first_date"], summary["last_date"])
    if n == 1:
        when = f"on {day(summary['first_date'])}"
    well, wrong = int(summary["n_well"]), int(summary["n_wrong"])
    lines = [
        f"Across {plural(n, 'interview')} {when}, {plural(well, 'thing')} went well "
        f"and {wrong} went wrong."
        if n > 1
        else f"From one interview {when}, {plural(well, 'thing')} went well and {wrong} went wrong."
    ]
    if well + wrong == 0:
        counted = "One interview" if n == 1 else plural(n, "interview")
        lines[0] = f"{counted} {when}, with nothing written yet under went well or went wrong."
    trend = str(summary["trend"])
    if trend in _TREND and n >= SMALL_SAMPLE:
        lines.append(
            _TREND[trend].format(
                first=float(summary["balance_first_half"]),
                second=float(summary["balance_second_half"]),
            )
        )
    elif n < SMALL_SAMPLE:
        lines.append(
            f"With {plural(n, 'interview')} so far it is too early to see a trend "
            "\u2014 read these pages gently."
        )
    else:
        lines.append("One half of these interviews has no items written, so there is no trend.")
    weak = str(summary.get("top_weaknesses") or "")
    strong = str(summary.get("top_strengths") or "")
    if weak and weak != "nan":
        lines.append(f"What came up more than once under went wrong: {weak.replace('_', ' ')}.")
    if resolved:
        shown = sorted(resolved, key=lambda r: (-r[1], r[0]))[:3]
        parts = [f"{t.replace('_', ' ')} (in {plural(k, 'earlier interview')})" for t, k in shown]
        more = len(resolved) - len(shown)
        tail = f", and {plural(more, 'more theme')}" if more else ""
        lines.append(f"Not seen in the latest interviews any more: {', '.join(parts)}{tail}.")
    if strong and strong != "nan":
        lines.append(f"Strengths that keep showing up: {strong.replace('_', ' ')}.")
    if cohort is not None:
        counts = {k: int(cohort.get(f"outcome_{k}", 0)) for k in OUTCOME_STYLE}
        said = outcome_words(counts)
        if said:
            lines.append(f"What happened next so far: {said}.")
    if follow is not None and int(follow["recorded"]) > 0:
        req = int(follow["requested"])
        text = (
            f"Another conversation was asked for after {req} of "
            f"{plural(int(follow['recorded']), 'interview')}"
        )
        if req:
            text += f"; {int(follow['granted'])} granted"
            if int(follow["pending"]):
                text += f", {int(follow['pending'])} still waiting"
        lines.append(text + ".")
    if plan is not None and int(plan["actions"]) > 0:
        lines.append(
            f"Plan B: {int(plan['done'])} of {plural(int(plan['actions']), 'action')} done, "
            f"{int(plan['open'])} still open."
        )
    return lines
