"""Step 5 (asking for another interview) and step 4 (the plan B)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

import numpy as np
import pandas as pd

from .._log import ReflectionLog
from ..model import enum_values
from ._common import By, as_base, check_log, today_us
from ._stats import is_small_sample, share, wilson_interval

OUTCOMES = enum_values("outcome")

__all__ = ["FOLLOW_UP_GROUPS", "FollowUps", "follow_ups", "plan_b", "plan_b_actions"]

NOT_RECORDED: Final = "not_recorded"
FOLLOW_UP_GROUPS: Final = ("requested", "not_requested", NOT_RECORDED)
"""The values of ``follow_ups(...).outcomes["follow_up"]``."""
_RESPONSES: Final = ("granted", "declined", "no_response", "pending")


@dataclass(frozen=True)
class FollowUps:
    """The frames returned by :func:`follow_ups`.

    Attributes
    ----------
    rates : DataFrame
        One row per group: the ``by`` columns, ``interviews``, ``recorded``
        (``follow_up_requested`` filled in), ``requested``, ``request_rate`` =
        requested / recorded with its 95% Wilson interval (``request_low``,
        ``request_high``); the recorded responses ``granted``, ``declined``,
        ``no_response``, ``pending``; ``answered`` = granted + declined +
        no_response; ``grant_rate`` = granted / answered with ``grant_low``,
        ``grant_high``; ``small_sample`` (``recorded`` below 5).
    outcomes : DataFrame
        One row per group, ``follow_up`` (``requested``, ``not_requested``,
        ``not_recorded``) and ``outcome`` (each outcome, then
        ``not_recorded``), zeros included: ``n`` interviews,
        ``follow_up_interviews`` (all interviews of that group and follow-up
        value) and ``share`` = ``n / follow_up_interviews``, ``small_sample``
        (``follow_up_interviews`` below 5).
    """

    rates: pd.DataFrame
    outcomes: pd.DataFrame


def follow_ups(log: ReflectionLog, *, by: By = "client") -> FollowUps:
    """How often another interview was asked for, granted, and what followed.

    Responses are counted as recorded (a ``granted`` response counts even if
    ``follow_up_requested`` was left empty). Outcomes with and without a
    request sit side by side in ``outcomes``; they describe what happened,
    they do not show that asking changed it.

    Parameters
    ----------
    log : ReflectionLog
    by : None, str or list of str
        Columns of ``log.interviews`` to group by; default ``"client"``.

    Returns
    -------
    FollowUps
        A frozen dataclass with the frames ``rates`` and ``outcomes``; see
        :class:`FollowUps` for their columns.

    Examples
    --------
    >>> from recovery_analytics.analytics._examples import example_log
    >>> f = follow_ups(example_log(), by=None)
    >>> f.rates[["interviews", "recorded", "requested", "request_rate", "granted", "answered"]]
       interviews  recorded  requested  request_rate  granted  answered
    0           5         3          2      0.666667        0         2
    >>> o = f.outcomes
    >>> o[o["n"] > 0][["follow_up", "outcome", "n", "follow_up_interviews", "share"]]
            follow_up     outcome  n  follow_up_interviews  share
    3       requested    rejected  1                     2    0.5
    5       requested     ghosted  1                     2    0.5
    8   not_requested  next_round  1                     1    1.0
    14   not_recorded     pending  1                     2    0.5
    16   not_recorded       offer  1                     2    0.5
    """
    log = check_log(log, "follow_ups")
    base = as_base(log, by, ("follow_up_requested", "follow_up_response", "outcome"))
    frame, g, n_groups = base.frame, base.group, base.n_groups
    req = frame["follow_up_requested"]
    recorded = req.notna().to_numpy()
    requested = req.fillna(False).to_numpy(dtype=bool)

    def count(mask: Any) -> Any:
        return np.bincount(g, weights=mask, minlength=n_groups).astype(np.int64)

    n_rec, n_req = count(recorded), count(requested)
    response = frame["follow_up_response"]
    resp = {name: count((response == name).to_numpy(dtype=bool)) for name in _RESPONSES}
    answered = resp["granted"] + resp["declined"] + resp["no_response"]
    req_low, req_high = wilson_interval(n_req, n_rec)
    grant_low, grant_high = wilson_interval(resp["granted"], answered)
    rates = pd.DataFrame(
        {
            **base.key_columns(np.arange(n_groups)),
            "interviews": base.size,
            "recorded": n_rec,
            "requested": n_req,
            "request_rate": share(n_req, n_rec),
            "request_low": req_low,
            "request_high": req_high,
            **resp,
            "answered": answered,
            "grant_rate": share(resp["granted"], answered),
            "grant_low": grant_low,
            "grant_high": grant_high,
            "small_sample": is_small_sample(n_rec),
        }
    )

    # outcomes with and without a request: a full group x follow-up x outcome grid
    fu = np.where(recorded, np.where(requested, 0, 1), 2)
    labels = [*OUTCOMES, NOT_RECORDED]
    oc = pd.Categorical(frame["outcome"], categories=list(OUTCOMES)).codes.astype(np.int64)
    oc = np.where(oc < 0, len(OUTCOMES), oc)
    n_o, n_f = len(labels), len(FOLLOW_UP_GROUPS)
    total = n_groups * n_f * n_o
    n = np.bincount((g * n_f + fu) * n_o + oc, minlength=total).astype(np.int64)
    bucket = np.bincount(g * n_f + fu, minlength=n_groups * n_f).astype(np.int64)
    cell = np.arange(total)
    cell_group = cell // (n_f * n_o)
    cell_fu = (cell // n_o) % n_f
    cell_oc = cell % n_o
    size = bucket[cell_group * n_f + cell_fu]
    outcomes = pd.DataFrame(
        {
            **base.key_columns(cell_group),
            "follow_up": pd.Categorical.from_codes(cell_fu, categories=pd.Index(FOLLOW_UP_GROUPS)),
            "outcome": pd.Categorical.from_codes(cell_oc, categories=pd.Index(labels)),
            "n": n,
            "follow_up_interviews": size,
            "share": share(n, size),
            "small_sample": is_small_sample(size),
        }
    )
    return FollowUps(rates, outcomes)


def plan_b_actions(log: ReflectionLog, *, today: Any = None) -> pd.DataFrame:
    """Every plan B action with its age.

    Returns
    -------
    DataFrame
        ``entry_id``, ``client``, ``interview_date``, ``text``, ``done`` and
        ``age_days`` (days from the interview to ``today``, default today's
        date), sorted by client, interview date and entry.

    Examples
    --------
    >>> from recovery_analytics.analytics._examples import example_log
    >>> plan_b_actions(example_log(), today="2026-01-20")[["text", "done", "age_days"]]
                             text   done  age_days
    0  Apply to two similar roles   True        15
    1          Practise SQL joins  False        15
    """
    log = check_log(log, "plan_b_actions")
    ref = today_us(today)
    base = as_base(log, "client")
    actions = log.actions
    rows = base.rows_of(actions["entry_id"]) if len(actions) else np.zeros(0, np.int64)
    keep = rows >= 0
    rows = rows[keep]
    order = np.argsort(rows, kind="stable")
    rows = rows[order]
    picked = actions.iloc[np.flatnonzero(keep)[order]] if len(actions) else actions
    dates = base.dates[rows]
    return pd.DataFrame(
        {
            "entry_id": base.frame["entry_id"].to_numpy()[rows],
            "client": base.frame["client"].to_numpy()[rows],
            "interview_date": dates,
            "text": pd.array(picked["text"].to_numpy(), dtype="str")
            if len(picked)
            else pd.array([], dtype="str"),
            "done": picked["done"].to_numpy(dtype=bool) if len(picked) else np.zeros(0, bool),
            "age_days": ((ref - dates) // np.timedelta64(1, "D")).astype(np.int64),
        }
    )


def plan_b(log: ReflectionLog, *, today: Any = None, by: By = "client") -> pd.DataFrame:
    """Open and completed plan B actions per group, and how old the open ones are.

    An action's age is the number of days from its interview to ``today``
    (default today's date).

    Returns
    -------
    DataFrame
        One row per group: the ``by`` columns, ``interviews``,
        ``interviews_with_plan`` (with at least one action), ``actions``,
        ``done``, ``open``, ``done_share`` = done / actions,
        ``oldest_open_days`` and ``median_open_days`` (NaN when nothing is
        open), ``small_sample`` (``interviews`` below 5).

    Examples
    --------
    >>> from recovery_analytics.analytics._examples import example_log
    >>> p = plan_b(example_log(), today="2026-01-20")
    >>> p[["client", "actions", "done", "open", "done_share", "oldest_open_days"]]
      client  actions  done  open  done_share  oldest_open_days
    0    ana        2     1     1         0.5              15.0
    1    ben        0     0     0         NaN               NaN
    """
    log = check_log(log, "plan_b")
    ref = today_us(today)
    base = as_base(log, by)
    n_groups = base.n_groups
    actions = log.actions
    rows = base.rows_of(actions["entry_id"]) if len(actions) else np.zeros(0, np.int64)
    keep = rows >= 0
    rows = rows[keep]
    done = actions["done"].to_numpy(dtype=bool)[keep] if len(actions) else np.zeros(0, bool)
    g = base.group[rows]
    n_actions = np.bincount(g, minlength=n_groups).astype(np.int64)
    n_done = np.bincount(g, weights=done, minlength=n_groups).astype(np.int64)
    with_plan = np.bincount(base.group[np.unique(rows)], minlength=n_groups).astype(np.int64)
    age = ((ref - base.dates[rows]) // np.timedelta64(1, "D")).astype(np.float64)
    open_age = (
        pd.DataFrame({"g": g[~done], "age": age[~done]})
        .groupby("g")["age"]
        .agg(["max", "median"])
        .reindex(np.arange(n_groups))
    )
    return pd.DataFrame(
        {
            **base.key_columns(np.arange(n_groups)),
            "interviews": base.size,
            "interviews_with_plan": with_plan,
            "actions": n_actions,
            "done": n_done,
            "open": n_actions - n_done,
            "done_share": share(n_done, n_actions),
            "oldest_open_days": open_age["max"].to_numpy(dtype=np.float64),
            "median_open_days": open_age["median"].to_numpy(dtype=np.float64),
            "small_sample": is_small_sample(base.size),
        }
    )
