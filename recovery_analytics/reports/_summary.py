"""The numbers a packet or the dashboard shows, computed once as plain data.

:func:`summarise` reads the analytics frames of a log and keeps, per client,
only plain values (ints, floats, strings, dates, tuples): no pandas object
leaves this module. :mod:`._text` words a summary and :mod:`._content` lays it
out; neither computes a number of its own. This is the first step of
summarise -> word -> render, as in skrub's ``_reporting`` package.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Final

import pandas as pd

from .._log import DateLike, ReflectionLog
from ..analytics import client_summary, cohort, follow_ups, plan_b, recurring
from ..exceptions import RecoveryAnalyticsError
from ..model import enum_values
from ..vocabulary import NOT_RECORDED

__all__ = ["ClientSummary", "CoachSummary", "as_today", "summarise", "summarise_clients"]

#: Every outcome counted in a summary, in the order of the field specification.
OUTCOMES = (*enum_values("outcome"), NOT_RECORDED)
#: Columns of ``follow_ups(...).rates`` and ``plan_b`` a summary keeps (with a prefix).
_FOLLOW_UPS = ("recorded", "requested", "granted", "pending")
_PLAN_B = ("actions", "done", "open")


@dataclass(frozen=True)
class ClientSummary:
    """One client's headline numbers, as plain Python values.

    Attributes
    ----------
    client : str
    interviews : int
    first_date, last_date : datetime.date
        The first and latest interview.
    went_well, went_wrong : int
        Items written down under each heading.
    trend : str
        ``analytics.client_summary``'s trend: ``"more positive"``, ``"about
        the same"``, ``"less positive"`` or why there is none.
    share_first_half, share_second_half : float or None
        The share of items that went well in each half of the interviews.
    top_weaknesses, top_strengths : tuple of str
        Themes that came up in more than one interview (most often first).
    resolved : tuple of (str, int)
        Weaknesses not seen lately, with the interviews they came up in.
    outcomes : dict of str to int
        Interviews per outcome (``"not_recorded"`` for none written down).
    follow_ups_recorded, follow_ups_requested, follow_ups_granted, follow_ups_pending : int
        Interviews with a follow-up written down, and what came of asking.
    plan_b_actions, plan_b_done, plan_b_open : int
    feeling_mean : float or None
        The average feeling afterwards (1 to 5) where it was noted.
    feeling_noted : int
        Interviews with a feeling noted.
    days_since_last : int
        Days from the latest interview to ``today``.
    declining, inactive, small_sample : bool
        The flags of ``analytics.cohort``.
    """

    client: str
    interviews: int
    first_date: dt.date
    last_date: dt.date
    went_well: int
    went_wrong: int
    trend: str
    share_first_half: float | None = None
    share_second_half: float | None = None
    top_weaknesses: tuple[str, ...] = ()
    top_strengths: tuple[str, ...] = ()
    resolved: tuple[tuple[str, int], ...] = ()
    outcomes: Mapping[str, int] = field(default_factory=dict)
    follow_ups_recorded: int = 0
    follow_ups_requested: int = 0
    follow_ups_granted: int = 0
    follow_ups_pending: int = 0
    plan_b_actions: int = 0
    plan_b_done: int = 0
    plan_b_open: int = 0
    feeling_mean: float | None = None
    feeling_noted: int = 0
    days_since_last: int = 0
    declining: bool = False
    inactive: bool = False
    small_sample: bool = False


@dataclass(frozen=True)
class CoachSummary:
    """Every client's summary and the totals a coach's cover page shows."""

    interviews: int
    first_date: dt.date
    last_date: dt.date
    clients: Mapping[str, ClientSummary]


def _float(value: Any) -> float | None:
    return None if pd.isna(value) else float(value)


def _themes(value: Any) -> tuple[str, ...]:
    text = "" if not isinstance(value, str) else value
    return tuple(t for t in text.split(", ") if t)


def _rows(frame: pd.DataFrame) -> dict[str, dict[str, Any]]:
    return {str(r["client"]): {str(k): v for k, v in r.items()} for r in frame.to_dict("records")}


def _counts(prefix: str, row: Mapping[str, Any], columns: tuple[str, ...]) -> dict[str, Any]:
    """``{prefix + column: count}`` from one analytics row (0 where there is none)."""
    return {f"{prefix}{k}": int(row.get(k, 0)) for k in columns}


def _day(value: Any) -> dt.date:
    return pd.Timestamp(value).date()


#: ClientSummary field -> (its column in ``analytics.client_summary``, how to read it).
_FROM_SUMMARY: Final[dict[str, tuple[str, Callable[[Any], Any]]]] = {
    "interviews": ("interviews", int),
    "first_date": ("first_date", _day),
    "last_date": ("last_date", _day),
    "went_well": ("n_well", int),
    "went_wrong": ("n_wrong", int),
    "trend": ("trend", str),
    "share_first_half": ("balance_first_half", _float),
    "share_second_half": ("balance_second_half", _float),
    "top_weaknesses": ("top_weaknesses", _themes),
    "top_strengths": ("top_strengths", _themes),
}
#: ClientSummary field (the same column in ``analytics.cohort``) -> how to read it.
_FROM_COHORT: Final[dict[str, Callable[[Any], Any]]] = {
    "days_since_last": int,
    "declining": bool,
    "inactive": bool,
}


def _summaries(log: ReflectionLog, today: pd.Timestamp) -> dict[str, ClientSummary]:
    """Every client's summary, from analytics frames computed once for all of them."""
    flags = _rows(cohort(log, today=today))
    plans = _rows(plan_b(log, today=today))
    follow = _rows(follow_ups(log).rates)
    rec = recurring(log)
    done = rec.loc[rec["status"] == "resolved"]
    resolved: dict[str, list[tuple[str, int]]] = {}
    for who, theme, n in zip(done["client"], done["theme"], done["n_interviews"], strict=True):
        resolved.setdefault(str(who), []).append((str(theme), int(n)))
    frame = log.interviews
    feeling = pd.to_numeric(frame["feeling"], errors="coerce").groupby(frame["client"].astype(str))
    means, noted = feeling.mean(), feeling.count()
    out: dict[str, ClientSummary] = {}
    for row in client_summary(log).to_dict("records"):
        who = str(row["client"])
        coh, plan, fol = flags.get(who, {}), plans.get(who, {}), follow.get(who, {})
        out[who] = ClientSummary(
            client=who,
            **{name: read(row[column]) for name, (column, read) in _FROM_SUMMARY.items()},
            resolved=tuple(resolved.get(who, ())),
            outcomes={k: int(coh.get(f"outcome_{k}", 0)) for k in OUTCOMES},
            feeling_mean=_float(means.get(who, float("nan"))),
            feeling_noted=int(noted.get(who, 0)),
            **_counts("follow_ups_", fol, _FOLLOW_UPS),
            **_counts("plan_b_", plan, _PLAN_B),
            **{name: read(coh.get(name, 0)) for name, read in _FROM_COHORT.items()},
            small_sample=bool(coh.get("small_sample", row["small_sample"])),
        )
    return out


def as_today(today: DateLike) -> pd.Timestamp:
    """``today`` as a day (midnight); today's date when ``None``."""
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


def summarise(
    log: ReflectionLog, *, client: str | None = None, today: DateLike = None
) -> ClientSummary:
    """One client's headline numbers as plain data.

    Parameters
    ----------
    log : ReflectionLog
    client : str, optional
        The client (case does not matter); may be left out when the log holds
        one client only.
    today : date-like, optional
        The date plan B ages and inactivity are counted to; today by default.

    Returns
    -------
    ClientSummary

    Examples
    --------
    >>> from recovery_analytics.analytics._examples import example_log
    >>> s = summarise(example_log(), client="ana", today="2026-04-01")
    >>> s.interviews, s.went_well, s.went_wrong, s.top_weaknesses
    (3, 5, 3, ('conciseness',))
    """
    day = as_today(today)
    if client is None:
        known = log.clients
        if len(known) != 1:
            raise RecoveryAnalyticsError(
                f"This log holds {len(known)} clients ({', '.join(known) or 'none'}): "
                "choose one with client=NAME."
            )
        client = known[0]
    real = log.check_client(client)
    return _summaries(log.filter(client=real), day)[real]


def summarise_clients(log: ReflectionLog, *, today: DateLike = None) -> CoachSummary:
    """Every client's headline numbers, and the totals, computed once.

    Examples
    --------
    >>> from recovery_analytics.analytics._examples import example_log
    >>> coach = summarise_clients(example_log(), today="2026-04-01")
    >>> coach.interviews, list(coach.clients)
    (5, ['ana', 'ben'])
    """
    if len(log) == 0:
        raise RecoveryAnalyticsError("There are no interviews to summarise yet.")
    dates = log.interviews["interview_date"]
    return CoachSummary(
        interviews=len(log),
        first_date=_day(dates.min()),
        last_date=_day(dates.max()),
        clients=_summaries(log, as_today(today)),
    )
