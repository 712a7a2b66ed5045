"""The coach's view: one row per client, and what clients share."""

from __future__ import annotations

from typing import Any, Final

import numpy as np
import numpy.typing as npt
import pandas as pd

from .._log import ReflectionLog
from ..model import enum_values
from ._common import (
    Base,
    ThemeLong,
    as_base,
    check_int,
    check_log,
    check_polarity,
    theme_long,
    today_us,
)
from ._stats import balance_ratio, is_small_sample, share
from ._themes import _check_tolerance, recurring_core

OUTCOMES = enum_values("outcome")

__all__ = ["cohort", "cohort_themes"]

IntArray = npt.NDArray[np.int64]
NOT_RECORDED: Final = "not_recorded"


def _sum_by(group: IntArray, n_groups: int, weights: Any) -> IntArray:
    return np.bincount(
        group, weights=np.asarray(weights, dtype=np.float64), minlength=n_groups
    ).astype(np.int64)


def cohort(
    log: ReflectionLog,
    *,
    inactive_after: int = 30,
    today: Any = None,
    window: int = 5,
    min_interviews: int = 2,
    recent: int = 3,
    tolerance: float = 0.1,
) -> pd.DataFrame:
    """One row per client, with the figures and flags a coach acts on.

    Definitions (interviews of a client in chronological order):

    * ``interviews``, ``first_date``, ``last_date`` (interview dates),
      ``days_since_last`` = days from ``last_date`` to ``today``;
      ``n_well``, ``n_wrong``: all the client's items.
    * **Current balance**: pooled over the client's last ``window`` interviews
      (default 5; fewer if the client has fewer): ``current_interviews``,
      ``current_ratio`` (sum of well / sum of wrong), ``current_share_positive``
      (well / all items). **Previous**: the same over the ``window`` interviews
      before those (``previous_*``; 0 interviews and NaN when there are none).
      ``share_change`` = current minus previous ``share_positive``. Windows of
      interviews rather than calendar periods, so a pause does not leave an
      empty "current period".
    * ``top_weakness``: among went-wrong themes seen in at least
      ``min_interviews`` interviews and not ``resolved`` (see
      :func:`recurring`), the one in the most interviews (ties: the most
      recently seen, then by name); NaN when there is none.
      ``top_weakness_interviews`` its number of interviews.
      ``weaknesses_resolved``: went-wrong themes with status ``resolved``.
    * ``follow_ups_recorded``: interviews where ``follow_up_requested`` is
      filled in; ``follow_ups_requested``: of those, asked for another
      interview; ``follow_up_rate`` = requested / recorded;
      ``follow_ups_granted``: responses ``granted``.
    * ``outcome_<name>`` for each outcome (pending, next_round, offer,
      rejected, withdrew, ghosted) and ``outcome_not_recorded``: counts.
    * Flags: ``declining`` - ``share_change`` below ``-tolerance`` (default a
      drop of more than 10 percentage points in the share of went-well items);
      ``inactive`` - ``days_since_last`` greater than ``inactive_after``;
      ``small_sample`` - fewer than ``SMALL_SAMPLE`` (5) interviews in all.

    A flag is a prompt to look, not a verdict: fewer items written down lately
    can also mean shorter notes.

    Parameters
    ----------
    log : ReflectionLog
    inactive_after : int
        Days without an interview after which a client is flagged inactive.
    today : date-like, optional
        The reference date; today's date by default.
    window : int
        Interviews in the current (and the previous) balance window.
    min_interviews, recent, tolerance
        As in :func:`recurring`, for the weakness columns; ``tolerance`` also
        sets the ``declining`` threshold.

    Returns
    -------
    DataFrame
        One row per client, sorted by client.

    Examples
    --------
    >>> from recovery_analytics.analytics._examples import example_log
    >>> c = cohort(example_log(), today="2026-04-30", window=2)
    >>> c[["client", "interviews", "days_since_last", "current_ratio",
    ...    "previous_ratio", "inactive"]]
      client  interviews  days_since_last  current_ratio  previous_ratio  inactive
    0    ana           3               41            4.0             0.5      True
    1    ben           2               51            1.0             NaN      True
    """
    log = check_log(log, "cohort")
    days = check_int(inactive_after, "inactive_after", low=0)
    ref = today_us(today)
    w = check_int(window, "window")
    min_n = check_int(min_interviews, "min_interviews")
    k = check_int(recent, "recent")
    tol = _check_tolerance(tolerance)
    base = as_base(
        log,
        "client",
        ("n_well", "n_wrong", "follow_up_requested", "follow_up_response", "outcome"),
    )
    g, n_groups, size = base.group, base.n_groups, base.size
    frame = base.frame
    well = frame["n_well"].to_numpy(dtype=np.int64)
    wrong = frame["n_wrong"].to_numpy(dtype=np.int64)
    last = base.start + size - 1
    last_date = base.dates[last]
    since = (ref - last_date) // np.timedelta64(1, "D")

    out: dict[str, Any] = {
        **base.key_columns(np.arange(n_groups)),
        "interviews": size,
        "first_date": base.dates[base.start],
        "last_date": last_date,
        "days_since_last": since.astype(np.int64),
        "n_well": _sum_by(g, n_groups, well),
        "n_wrong": _sum_by(g, n_groups, wrong),
    }
    from_end = size[g] - base.rank  # 1 for the latest interview
    for name, mask in (
        ("current", from_end <= w),
        ("previous", (from_end > w) & (from_end <= 2 * w)),
    ):
        n_w = _sum_by(g, n_groups, well * mask)
        n_x = _sum_by(g, n_groups, wrong * mask)
        out[f"{name}_interviews"] = _sum_by(g, n_groups, mask)
        out[f"{name}_ratio"] = balance_ratio(n_w, n_x)
        out[f"{name}_share_positive"] = share(n_w, n_w + n_x)
    out["share_change"] = out["current_share_positive"] - out["previous_share_positive"]

    long = theme_long(log, base, "wrong")
    out.update(_weaknesses(base, long, min_n, k, tol))

    requested = frame["follow_up_requested"]
    out["follow_ups_recorded"] = _sum_by(g, n_groups, requested.notna().to_numpy())
    out["follow_ups_requested"] = _sum_by(g, n_groups, requested.fillna(False).to_numpy(dtype=bool))
    out["follow_up_rate"] = share(out["follow_ups_requested"], out["follow_ups_recorded"])
    out["follow_ups_granted"] = _sum_by(
        g, n_groups, (frame["follow_up_response"] == "granted").to_numpy(dtype=bool)
    )
    outcome = frame["outcome"]
    for name in OUTCOMES:
        out[f"outcome_{name}"] = _sum_by(g, n_groups, (outcome == name).to_numpy(dtype=bool))
    out[f"outcome_{NOT_RECORDED}"] = _sum_by(g, n_groups, outcome.isna().to_numpy())

    out["declining"] = np.nan_to_num(out["share_change"], nan=0.0) < -tol - 1e-9
    out["inactive"] = out["days_since_last"] > days
    out["small_sample"] = is_small_sample(size)
    return pd.DataFrame(out)


def _weaknesses(base: Base, long: ThemeLong, min_n: int, recent: int, tol: float) -> dict[str, Any]:
    core = recurring_core(
        base, long, polarity="wrong", min_interviews=min_n, recent=recent, tolerance=tol
    )
    n_groups = base.n_groups
    resolved = core.status == "resolved"
    candidate = np.flatnonzero((core.n >= min_n) & ~resolved)
    names = long.names[core.theme[candidate]].astype(str)
    order = np.lexsort(
        (names, -core.last_row[candidate], -core.n[candidate], core.group[candidate])
    )
    picked = candidate[order]
    groups = core.group[picked]
    first = np.flatnonzero(np.r_[True, groups[1:] != groups[:-1]]) if len(groups) else groups
    top = np.full(n_groups, np.nan, dtype=object)
    top_n = np.zeros(n_groups, dtype=np.int64)
    top[groups[first]] = long.names[core.theme[picked[first]]]
    top_n[groups[first]] = core.n[picked[first]]
    return {
        "top_weakness": pd.Series(top, dtype="str"),
        "top_weakness_interviews": top_n,
        "weaknesses_resolved": np.bincount(core.group[resolved], minlength=n_groups).astype(
            np.int64
        ),
    }


def cohort_themes(
    log: ReflectionLog, *, polarity: str = "wrong", include_other: bool = False
) -> pd.DataFrame:
    """Client by theme: the share of each client's interviews with the theme.

    For "what do my clients struggle with in common" (or, with
    ``polarity="well"``, what they do well in common).

    Returns
    -------
    DataFrame
        One row for every client and every theme seen in the log with that
        polarity (zeros included), sorted by client then theme:

        * ``client``, ``theme``;
        * ``n_interviews``: the client's interviews with at least one such item
          carrying the theme (every theme of an item counts);
        * ``share`` = ``n_interviews / client_interviews``;
        * ``client_interviews``: all of the client's interviews;
        * ``small_sample``: ``client_interviews`` below ``SMALL_SAMPLE`` (5).

    Examples
    --------
    >>> from recovery_analytics.analytics._examples import example_log
    >>> ct = cohort_themes(example_log())
    >>> ct[ct["n_interviews"] > 0]
      client        theme  n_interviews     share  client_interviews  small_sample
    0    ana  conciseness             2  0.666667                  3          True
    2    ana    technical             1  0.333333                  3          True
    4    ben    logistics             1  0.500000                  2          True
    """
    log = check_log(log, "cohort_themes")
    pol = check_polarity(polarity)
    base = as_base(log, "client")
    long = theme_long(log, base, pol, include_other=include_other)
    t = long.n_themes
    rows, themes = long.distinct()
    total = base.n_groups * t
    n = np.bincount(base.group[rows] * t + themes, minlength=total).astype(np.int64)
    cell_group = np.repeat(np.arange(base.n_groups), t)
    cell_theme = np.tile(np.arange(t), base.n_groups)
    size = base.size[cell_group]
    return pd.DataFrame(
        {
            **base.key_columns(cell_group),
            "theme": pd.Series(long.names[cell_theme], dtype="str"),
            "n_interviews": n,
            "share": share(n, size),
            "client_interviews": size,
            "small_sample": is_small_sample(size),
        }
    )
