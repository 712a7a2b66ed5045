"""The balance of what went well to what went wrong: per interview, per period
and over a moving window of interviews."""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from .._log import ReflectionLog
from ..exceptions import RecoveryAnalyticsError
from ._common import Base, By, as_base, check_int, check_log
from ._periods import normalise_freq, period_code, period_grid, period_start
from ._stats import balance_ratio, is_small_sample, share, wilson_interval

__all__ = ["balance", "pooled_columns"]

IntArray = npt.NDArray[np.int64]


def pooled_columns(interviews: IntArray, n_well: IntArray, n_wrong: IntArray) -> dict[str, Any]:
    """The pooled balance columns for groups with these counts.

    ``ratio`` = sum of well / sum of wrong (not a mean of per-interview
    ratios); ``share_positive`` = well / (well + wrong) with its 95% Wilson
    interval (``share_low``, ``share_high``), treating items as independent;
    ``small_sample`` = fewer than ``SMALL_SAMPLE`` interviews.
    """
    n_items = n_well + n_wrong
    low, high = wilson_interval(n_well, n_items)
    return {
        "interviews": interviews.astype(np.int64),
        "n_well": n_well.astype(np.int64),
        "n_wrong": n_wrong.astype(np.int64),
        "ratio": balance_ratio(n_well, n_wrong),
        "share_positive": share(n_well, n_items),
        "share_low": low,
        "share_high": high,
        "small_sample": is_small_sample(interviews),
    }


def balance(
    log: ReflectionLog | pd.DataFrame,
    *,
    by: By = "client",
    freq: str | None = None,
    window: int | None = None,
) -> pd.DataFrame:
    """The balance of what went well to what went wrong.

    For one interview, ``ratio = n_well / n_wrong``: the number of went-well
    items over the number of went-wrong items. It is **+inf** when only
    positives were written and **NaN** when the interview has no items at all
    (there is nothing to balance). ``share_positive = n_well / (n_well +
    n_wrong)`` says the same on a 0-1 scale (1.0 for only positives, NaN for
    no items) and is easier to average and plot.

    The ratio is shown descriptively. There is no "ideal" ratio here and no
    line at 3:1: the positivity-ratio threshold literature behind that number
    was retracted, and a count of listed items says more about what someone
    chose to write down than about how an interview went.

    Parameters
    ----------
    log : ReflectionLog, or its ``interviews`` frame
        Uses ``interviews.n_well`` and ``interviews.n_wrong``.
    by : None, str or list of str
        Columns of ``log.interviews`` to group by (``None``: the whole log as
        one group). Default ``"client"``.
    freq : {"W", "M", "Q", "Y"}, optional
        Pool per calendar period instead (pandas' ``"ME"``, ``"QE"``, ``"YE"``
        are accepted too; weeks start on Monday).
    window : int, optional
        Pool over each interview's last ``window`` interviews in its group,
        itself included (fewer at the start of a group).

    Returns
    -------
    DataFrame
        Without ``freq`` and ``window``: one row per interview, in group then
        chronological order, with ``entry_id``, the ``by`` columns,
        ``interview_date``, ``n_well``, ``n_wrong``, ``ratio``,
        ``share_positive``.

        With ``freq``: one row per group and ``period`` (Timestamp of the
        period's first day), from the group's first to its last period *with
        empty periods included* (``interviews == 0``, figures NaN), with the
        pooled figures ``interviews``, ``n_well``, ``n_wrong``, ``ratio``
        (sum of well / sum of wrong - not a mean of ratios),
        ``share_positive``, its 95% Wilson interval ``share_low`` /
        ``share_high`` (items treated as independent, so read it as a rough
        guide), and ``small_sample`` (fewer than ``SMALL_SAMPLE`` = 5
        interviews).

        With ``window``: one row per interview (``entry_id``, the ``by``
        columns, ``interview_date``) with the same pooled columns computed over
        its window; ``interviews`` is the window's length.

    Examples
    --------
    >>> from recovery_analytics.analytics._examples import example_log
    >>> log = example_log()
    >>> balance(log)[["client", "n_well", "n_wrong", "ratio"]]
      client  n_well  n_wrong  ratio
    0    ana       1        2    0.5
    1    ana       2        1    2.0
    2    ana       2        0    inf
    3    ben       1        1    1.0
    4    ben       0        0    NaN
    >>> monthly = balance(log, by=None, freq="M")
    >>> monthly[["period", "interviews", "n_well", "n_wrong", "ratio"]].round({"ratio": 3})
          period  interviews  n_well  n_wrong  ratio
    0 2026-01-01           2       2        3  0.667
    1 2026-02-01           0       0        0    NaN
    2 2026-03-01           3       4        1  4.000
    """
    if isinstance(log, pd.DataFrame):
        log = _log_of_interviews(log)
    log = check_log(log, "balance")
    if freq is not None and window is not None:
        raise RecoveryAnalyticsError(
            "Pass either `freq` (pool by calendar period) or `window` (pool over the last "
            f"interviews), not both; got freq={freq!r} and window={window!r}."
        )
    base = as_base(log, by, ("n_well", "n_wrong"))
    well = base.frame["n_well"].to_numpy(dtype=np.int64)
    wrong = base.frame["n_wrong"].to_numpy(dtype=np.int64)
    if freq is not None:
        return _by_period(base, well, wrong, normalise_freq(freq))
    if window is not None:
        return _rolling(base, well, wrong, check_int(window, "window"))
    return pd.DataFrame(
        {
            "entry_id": base.frame["entry_id"],
            **{c: base.frame[c] for c in base.by},
            "interview_date": base.frame["interview_date"],
            "n_well": well,
            "n_wrong": wrong,
            "ratio": balance_ratio(well, wrong),
            "share_positive": share(well, well + wrong),
        }
    )


def _log_of_interviews(interviews: pd.DataFrame) -> ReflectionLog:
    empty = pd.DataFrame({"entry_id": pd.Series([], dtype="str")})
    return ReflectionLog(interviews, empty, empty)


def _by_period(base: Base, well: IntArray, wrong: IntArray, freq: str) -> pd.DataFrame:
    codes = period_code(base.dates, freq)
    cell, cell_group, cell_code = period_grid(codes, base.group, base.n_groups)
    total = len(cell_group)
    interviews = np.bincount(cell, minlength=total)
    n_well = np.bincount(cell, weights=well, minlength=total).astype(np.int64)
    n_wrong = np.bincount(cell, weights=wrong, minlength=total).astype(np.int64)
    return pd.DataFrame(
        {
            **base.key_columns(cell_group),
            "period": period_start(cell_code, freq),
            **pooled_columns(interviews, n_well, n_wrong),
        }
    )


def _rolling(base: Base, well: IntArray, wrong: IntArray, k: int) -> pd.DataFrame:
    n = len(well)
    length = np.minimum(base.rank + 1, k)
    end = np.arange(1, n + 1)
    cum_well = np.concatenate([[0], np.cumsum(well)])
    cum_wrong = np.concatenate([[0], np.cumsum(wrong)])
    n_well = cum_well[end] - cum_well[end - length]
    n_wrong = cum_wrong[end] - cum_wrong[end - length]
    return pd.DataFrame(
        {
            "entry_id": base.frame["entry_id"],
            **{c: base.frame[c] for c in base.by},
            "interview_date": base.frame["interview_date"],
            **pooled_columns(length, n_well, n_wrong),
        }
    )
