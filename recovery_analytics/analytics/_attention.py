"""Which clients a coach should look at first, and why, in plain words."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from .._log import ReflectionLog
from ..vocabulary import plural
from ._cohort import cohort
from ._common import DateLike, check_log

__all__ = ["ATTENTION_COLUMNS", "attention"]

#: The columns of :func:`attention`, in order.
ATTENTION_COLUMNS = (
    "rank",
    "client",
    "needs_attention",
    "reasons",
    "declining",
    "inactive",
    "small_sample",
    "interviews",
    "last_date",
    "days_since_last",
    "share_change",
    "current_interviews",
    "previous_interviews",
)


def _reasons(frame: pd.DataFrame, window: int) -> list[str]:
    """Each client's flags as one sentence part each, joined by ``"; "``."""
    out = []
    row: Any
    for row in frame.itertuples(index=False):
        words = []
        if row.declining:
            words.append(
                f"a smaller share went well lately: {abs(row.share_change) * 100:.0f} points "
                f"down over the last {plural(int(row.current_interviews), 'interview')} "
                f"against the {int(row.previous_interviews)} before"
            )
        if row.inactive:
            words.append(f"no interview in {plural(int(row.days_since_last), 'day')}")
        if row.small_sample:
            words.append(f"only {plural(int(row.interviews), 'interview')} so far")
        out.append("; ".join(words))
    return out


def attention(
    log: ReflectionLog,
    *,
    today: DateLike = None,
    inactive_after: int = 30,
    window: int = 5,
    tolerance: float = 0.1,
) -> pd.DataFrame:
    """Every client, those needing attention first, with the reasons in plain words.

    Built on :func:`cohort` and its three flags: ``declining`` (the share of
    went-well items over the last ``window`` interviews fell by more than
    ``tolerance`` against the ``window`` before), ``inactive`` (no interview
    in more than ``inactive_after`` days before ``today``) and
    ``small_sample`` (fewer than ``SMALL_SAMPLE`` interviews in all).

    The order: declining clients first, then inactive ones, then those with
    few interviews (a client with several flags comes before one with fewer
    of the same kind: the flags are compared in that order); within the same
    flags, the larger drop in the went-well share first, then the longer
    pause, then by name. Clients with no flag come last, by name.

    A flag is a prompt to look, not a verdict.

    Parameters
    ----------
    log : ReflectionLog
    today : str, date, Timestamp or None
        The reference date for ``inactive``; today's date when ``None``.
    inactive_after, window, tolerance
        As for :func:`cohort`.

    Returns
    -------
    DataFrame
        One row per client in that order (index 0, 1, ...), with ``rank``
        (1 first), ``client``, ``needs_attention`` (any flag), ``reasons``
        (``""`` when there is none), the three flags and the figures behind
        them: ``interviews``, ``last_date``, ``days_since_last``,
        ``share_change``, ``current_interviews``, ``previous_interviews``.

    Examples
    --------
    >>> from recovery_analytics.analytics._examples import example_log
    >>> a = attention(example_log(), today="2026-04-30", window=2)
    >>> a[["rank", "client", "needs_attention"]]
       rank client  needs_attention
    0     1    ben             True
    1     2    ana             True
    >>> a.loc[0, "reasons"]
    'no interview in 51 days; only 2 interviews so far'
    """
    log = check_log(log, "attention")
    c = cohort(log, today=today, inactive_after=inactive_after, window=window, tolerance=tolerance)
    change = c["share_change"].to_numpy(dtype=float)
    order = np.lexsort(
        (
            c["client"].astype(str).to_numpy(),
            -c["days_since_last"].to_numpy(dtype=np.int64),
            np.nan_to_num(change, nan=0.0),
            ~c["small_sample"].to_numpy(dtype=bool),
            ~c["inactive"].to_numpy(dtype=bool),
            ~c["declining"].to_numpy(dtype=bool),
        )
    )
    ranked = c.iloc[order].reset_index(drop=True)
    flagged = ranked[["declining", "inactive", "small_sample"]].any(axis=1).to_numpy()
    # clients with no flag: by name only (their pause or change says nothing to act on)
    calm = ranked.loc[~flagged].sort_values("client", kind="stable")
    ranked = pd.concat([ranked.loc[flagged], calm], ignore_index=True)
    ranked["needs_attention"] = ranked[["declining", "inactive", "small_sample"]].any(axis=1)
    ranked["reasons"] = pd.Series(_reasons(ranked, window), index=ranked.index, dtype="str")
    ranked["rank"] = np.arange(1, len(ranked) + 1, dtype=np.int64)
    return ranked[list(ATTENTION_COLUMNS)]
