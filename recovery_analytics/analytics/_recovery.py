"""Recovery after interviews: how people feel (step 1), how soon they reflect,
and the connection they felt (step 3) next to what happened next.

Descriptive only. A link between, say, felt connection and progressing is a
pattern in what was written down, not a cause: small samples are flagged and
nothing here draws a conclusion.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

import numpy as np
import pandas as pd

from .._log import ReflectionLog
from ..model import enum_values
from ._common import By, as_base, check_log
from ._periods import normalise_freq, period_code, period_grid, period_start
from ._stats import is_small_sample, share, wilson_interval

OUTCOMES = enum_values("outcome")

__all__ = ["DECIDED", "PROGRESSED", "Recovery", "recovery"]

PROGRESSED: Final = ("next_round", "offer")
"""Outcomes counted as progressing."""
DECIDED: Final = ("next_round", "offer", "rejected", "ghosted")
"""Outcomes where the employer's answer is known (not pending; ``withdrew`` was
the person's own choice, so it is left out of the comparison)."""
NOT_RECORDED: Final = "not_recorded"


@dataclass(frozen=True)
class Recovery:
    """The frames returned by :func:`recovery`.

    Attributes
    ----------
    feeling_over_time : DataFrame
        The ``by`` columns, ``period`` (first day), ``interviews``,
        ``n_feeling`` (interviews with a feeling recorded), ``mean_feeling``
        (1-5), ``small_sample`` (``n_feeling`` below 5). Empty periods between
        a group's first and last are included.
    feeling_by_outcome : DataFrame
        ``outcome`` (each outcome, then ``not_recorded``), ``interviews``,
        ``n_feeling``, ``mean_feeling``, ``median_feeling``, ``small_sample``.
    reflection_lag : DataFrame
        The ``by`` columns, ``interviews``, ``n_lag`` (interviews with a
        ``reflected_on`` date), ``mean_days``, ``median_days``, ``max_days``
        (days from the interview to writing the reflection), ``same_day``
        (reflections written on the interview day), ``small_sample``.
    connection_outcome : DataFrame
        One row per connection rating 1-5: ``connection``, ``interviews``,
        ``decided`` (outcome next_round, offer, rejected or ghosted),
        ``progressed`` (next_round or offer), ``share_progressed`` =
        progressed / decided with its 95% Wilson interval (``share_low``,
        ``share_high``), ``small_sample`` (``decided`` below 5).
    """

    feeling_over_time: pd.DataFrame
    feeling_by_outcome: pd.DataFrame
    reflection_lag: pd.DataFrame
    connection_outcome: pd.DataFrame


def recovery(log: ReflectionLog, *, by: By = "client", freq: str = "M") -> Recovery:
    """Feeling over time and by outcome, reflection lag, connection against outcome.

    Parameters
    ----------
    log : ReflectionLog
    by : None, str or list of str
        Groups for ``feeling_over_time`` and ``reflection_lag`` (default
        ``"client"``). ``feeling_by_outcome`` and ``connection_outcome`` pool
        the whole log - filter it first for one client.
    freq : {"W", "M", "Q", "Y"}
        Periods for ``feeling_over_time``.

    Returns
    -------
    Recovery
        A frozen dataclass of four tidy frames; see :class:`Recovery` for
        their columns. Interviews without the figure in question (no feeling,
        no reflection date, no connection rating) are counted in
        ``interviews`` but not in the figure.

    Examples
    --------
    >>> from recovery_analytics.analytics._examples import example_log
    >>> r = recovery(example_log())
    >>> r.connection_outcome[["connection", "interviews", "decided", "progressed"]]
       connection  interviews  decided  progressed
    0           1           0        0           0
    1           2           1        1           0
    2           3           0        0           0
    3           4           2        2           1
    4           5           1        1           1
    >>> r.reflection_lag[["client", "n_lag", "mean_days", "same_day"]]
      client  n_lag  mean_days  same_day
    0    ana      3   1.333333         1
    1    ben      0        NaN         0
    """
    log = check_log(log, "recovery")
    f = normalise_freq(freq)
    base = as_base(log, by, ("feeling", "connection", "outcome", "reflected_on"))
    frame = base.frame
    feeling = frame["feeling"].astype("Float64").to_numpy(dtype=np.float64, na_value=np.nan)
    has_feeling = ~np.isnan(feeling)
    outcome = frame["outcome"]

    # feeling over time
    codes = period_code(base.dates, f)
    cell, cell_group, cell_code = period_grid(codes, base.group, base.n_groups)
    total = len(cell_group)
    n_feeling = np.bincount(cell, weights=has_feeling, minlength=total).astype(np.int64)
    sum_feeling = np.bincount(cell, weights=np.where(has_feeling, feeling, 0.0), minlength=total)
    over_time = pd.DataFrame(
        {
            **base.key_columns(cell_group),
            "period": period_start(cell_code, f),
            "interviews": np.bincount(cell, minlength=total).astype(np.int64),
            "n_feeling": n_feeling,
            "mean_feeling": share(sum_feeling, n_feeling),
            "small_sample": is_small_sample(n_feeling),
        }
    )

    # feeling by outcome
    labels = [*OUTCOMES, NOT_RECORDED]
    out_label = pd.Categorical(
        outcome.astype("str").fillna(NOT_RECORDED).to_numpy(dtype=object), categories=labels
    )
    stats = (
        pd.DataFrame({"outcome": out_label, "feeling": feeling})
        .groupby("outcome", observed=False)["feeling"]
        .agg(["size", "count", "mean", "median"])
    )
    by_outcome = pd.DataFrame(
        {
            "outcome": pd.Categorical(labels, categories=labels),
            "interviews": stats["size"].to_numpy(dtype=np.int64),
            "n_feeling": stats["count"].to_numpy(dtype=np.int64),
            "mean_feeling": stats["mean"].to_numpy(dtype=np.float64),
            "median_feeling": stats["median"].to_numpy(dtype=np.float64),
            "small_sample": is_small_sample(stats["count"].to_numpy()),
        }
    )

    # reflection lag
    lag = (
        (frame["reflected_on"].to_numpy(dtype="datetime64[us]") - base.dates)
        / np.timedelta64(1, "D")
    ).astype(np.float64)
    lags = (
        pd.DataFrame({"g": base.group, "lag": lag})
        .groupby("g")["lag"]
        .agg(["size", "count", "mean", "median", "max"])
        .reindex(np.arange(base.n_groups))
    )
    n_lag = lags["count"].to_numpy(dtype=np.int64)
    reflection_lag = pd.DataFrame(
        {
            **base.key_columns(np.arange(base.n_groups)),
            "interviews": base.size,
            "n_lag": n_lag,
            "mean_days": lags["mean"].to_numpy(dtype=np.float64),
            "median_days": lags["median"].to_numpy(dtype=np.float64),
            "max_days": lags["max"].to_numpy(dtype=np.float64),
            "same_day": np.bincount(base.group, weights=lag == 0, minlength=base.n_groups).astype(
                np.int64
            ),
            "small_sample": is_small_sample(n_lag),
        }
    )

    # connection against outcome
    conn = frame["connection"].astype("Float64").to_numpy(dtype=np.float64, na_value=np.nan)
    rated = ~np.isnan(conn)
    level = np.where(rated, conn, 0).astype(np.int64)  # 0 = not rated, dropped below
    decided = outcome.isin(DECIDED).to_numpy(dtype=bool)
    progressed = outcome.isin(PROGRESSED).to_numpy(dtype=bool)
    n_int = np.bincount(level, minlength=6)[1:6]
    n_dec = np.bincount(level, weights=decided, minlength=6)[1:6].astype(np.int64)
    n_prog = np.bincount(level, weights=progressed, minlength=6)[1:6].astype(np.int64)
    low, high = wilson_interval(n_prog, n_dec)
    connection_outcome = pd.DataFrame(
        {
            "connection": pd.array(np.arange(1, 6), dtype="Int64"),
            "interviews": n_int.astype(np.int64),
            "decided": n_dec,
            "progressed": n_prog,
            "share_progressed": share(n_prog, n_dec),
            "share_low": low,
            "share_high": high,
            "small_sample": is_small_sample(n_dec),
        }
    )
    return Recovery(over_time, by_outcome, reflection_lag, connection_outcome)
