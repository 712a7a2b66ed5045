"""Themes: strengths against weaknesses, what keeps coming back, and when.

Counting rule for every function here: an item counts once for *each* theme
it carries (an item tagged ``technical`` and ``nerves`` counts for both), and
"interviews with a theme" counts each interview once however many of its
items carry the theme. Items without a theme are the theme ``"other"``,
left out unless ``include_other=True``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

import numpy as np
import numpy.typing as npt
import pandas as pd

from .._log import ReflectionLog
from ._common import (
    Base,
    By,
    ThemeLong,
    as_base,
    check_int,
    check_log,
    check_polarity,
    check_tolerance,
    sorted_groups,
    theme_long,
)
from ._periods import normalise_freq, period_code, period_start
from ._stats import balance_ratio, is_small_sample, share

__all__ = ["STATUSES", "recurring", "theme_balance", "timeline", "timeline_wide"]

IntArray = npt.NDArray[np.int64]

STATUSES: Final = ("new", "recurring", "improving", "worsening", "resolved")
"""The values of ``recurring(...)["status"]``; see :func:`recurring` for the rules."""

_EPS: Final = 1e-9


def theme_balance(
    log: ReflectionLog, *, by: By = None, include_other: bool = False
) -> pd.DataFrame:
    """Per theme: how often it came up under went well and under went wrong.

    The data for a diverging strengths-against-weaknesses chart.

    Parameters
    ----------
    log : ReflectionLog
    by : None, str or list of str
        Columns of ``log.interviews`` to group by; ``None`` (default) for the
        whole log.
    include_other : bool
        Keep items without a theme as the theme ``"other"``.

    Returns
    -------
    DataFrame
        One row per group and theme that appears at least once, sorted by
        group, then by ``n_items`` (most first), then theme, with columns:

        * the ``by`` columns, ``theme``;
        * ``n_well``, ``n_wrong``: went-well / went-wrong items with the theme;
        * ``interviews_well``, ``interviews_wrong``: distinct interviews with
          at least one such item;
        * ``ratio`` = ``n_well / n_wrong`` (+inf when the theme only came up
          as a strength);
        * ``n_items`` = ``n_well + n_wrong``;
        * ``interviews``: distinct interviews where the theme came up at all;
        * ``group_interviews``: all interviews of the group;
        * ``small_sample``: ``interviews`` below ``SMALL_SAMPLE`` (5).

    Examples
    --------
    >>> from recovery_analytics.analytics._examples import example_log
    >>> tb = theme_balance(example_log())
    >>> tb[["theme", "n_well", "n_wrong", "interviews_well", "interviews_wrong", "ratio"]].head(3)
             theme  n_well  n_wrong  interviews_well  interviews_wrong  ratio
    0  conciseness       0        2                0                 2    0.0
    1      rapport       2        0                2                 0    inf
    2    composure       1        0                1                 0    inf
    """
    log = check_log(log, "theme_balance")
    base = as_base(log, by)
    long = theme_long(log, base, None, include_other=include_other)
    t = max(long.n_themes, 1)
    cell_key = base.group[long.row] * t + long.theme
    _, cells, _, inverse = sorted_groups(cell_key)
    m = len(cells)
    n_well = np.bincount(inverse, weights=long.well, minlength=m).astype(np.int64)
    n_wrong = np.bincount(inverse, weights=~long.well, minlength=m).astype(np.int64)

    def interviews_in(mask: npt.NDArray[np.bool_] | None) -> IntArray:
        rows, themes = long.distinct(mask)
        where = np.searchsorted(cells, base.group[rows] * t + themes)
        return np.bincount(where, minlength=m).astype(np.int64)

    group = cells // t
    theme = cells % t
    interviews = interviews_in(None)
    out = pd.DataFrame(
        {
            **base.key_columns(group),
            "theme": pd.Series(long.names[theme], dtype="str"),
            "n_well": n_well,
            "n_wrong": n_wrong,
            "interviews_well": interviews_in(long.well),
            "interviews_wrong": interviews_in(~long.well),
            "ratio": balance_ratio(n_well, n_wrong),
            "n_items": n_well + n_wrong,
            "interviews": interviews,
            "group_interviews": base.size[group],
            "small_sample": is_small_sample(interviews),
        }
    )
    order = np.lexsort((out["theme"].to_numpy(dtype=object).astype(str), -out["n_items"], group))
    return out.iloc[order].reset_index(drop=True)


@dataclass(frozen=True)
class _Recurring:
    """Per (group, theme) arrays, before they become a frame."""

    group: IntArray
    theme: IntArray
    n: IntArray
    first_row: IntArray
    last_row: IntArray
    in_recent: IntArray
    rate_earlier: npt.NDArray[np.float64]
    rate_recent: npt.NDArray[np.float64]
    status: npt.NDArray[np.object_]
    pair_rows: IntArray  # distinct (row, theme) pairs sorted by (group, theme, row)
    bounds: IntArray  # pair_rows[bounds[i]:bounds[i + 1]] belong to result i


def recurring_options(
    min_interviews: object, recent: object, tolerance: object
) -> tuple[int, int, float]:
    """The checked options of the status rule of :func:`recurring`."""
    return (
        check_int(min_interviews, "min_interviews"),
        check_int(recent, "recent"),
        check_tolerance(tolerance),
    )


def recurring_core(
    base: Base,
    long: ThemeLong,
    *,
    polarity: str,
    min_interviews: int,
    recent: int,
    tolerance: float,
) -> _Recurring:
    """The arrays behind :func:`recurring` (also used by the cohort view)."""
    rows, themes = long.distinct()
    t = max(long.n_themes, 1)
    group = base.group[rows]
    key = group * t + themes
    order, cells, first_idx, _ = sorted_groups(key)  # stable: chronological within a cell
    rows = rows[order]
    m = len(cells)
    counts = np.diff(np.append(first_idx, len(rows)))
    cell_of = np.repeat(np.arange(m), counts)
    g = cells // t
    size = base.size[g]
    rank = base.rank[rows]
    size_row = base.size[base.group[rows]]
    in_recent = np.bincount(cell_of, weights=rank >= size_row - recent, minlength=m)
    half = size // 2  # the earlier half: the first floor(N/2) interviews
    in_late = np.bincount(cell_of, weights=rank >= size_row // 2, minlength=m)
    n = counts.astype(np.int64)
    rate_earlier = share(n - in_late, half)
    rate_recent = share(in_late, size - half)
    change = rate_recent - rate_earlier
    if polarity == "well":
        change = -change  # a strength coming up more often is the good direction
    only_recent = in_recent == n
    status = np.select(
        [
            (n < min_interviews) | only_recent,
            in_recent == 0,
            change < -tolerance - _EPS,
            change > tolerance + _EPS,
        ],
        ["new", "resolved", "improving", "worsening"],
        default="recurring",
    ).astype(object)
    bounds = np.append(first_idx, len(rows)).astype(np.int64)
    return _Recurring(
        group=g,
        theme=cells % t,
        n=n,
        first_row=rows[first_idx],
        last_row=rows[bounds[1:] - 1] if m else rows[:0],
        in_recent=in_recent.astype(np.int64),
        rate_earlier=rate_earlier,
        rate_recent=rate_recent,
        status=status,
        pair_rows=rows,
        bounds=bounds,
    )


def recurring(
    log: ReflectionLog,
    *,
    polarity: str = "wrong",
    by: By = "client",
    min_interviews: int = 2,
    recent: int = 3,
    tolerance: float = 0.1,
    include_other: bool = False,
) -> pd.DataFrame:
    """What keeps coming up, per group and theme, and where it is heading.

    Within each group the interviews are in chronological order (date, then
    ``entry_id``); ``N`` is the group's number of interviews. For each theme,
    ``n_interviews`` counts the distinct interviews with at least one
    ``polarity`` item carrying the theme (every theme of an item counts).

    **Status rule** - the first that applies:

    1. ``new`` - not an established pattern (yet): seen in fewer than
       ``min_interviews`` interviews, *or* only within the group's last
       ``recent`` interviews. (So a single mention long ago is also ``new``;
       ``first_seen`` tells which.)
    2. ``resolved`` - seen in at least ``min_interviews`` interviews but in
       none of the last ``recent``.
    3. Otherwise compare the theme's rate in the earlier half of the group's
       interviews (the first ``N // 2``) with its rate in the recent half
       (the other ``N - N // 2``); a rate is interviews with the theme /
       interviews in that half. For went-wrong themes ``improving`` when the
       recent rate is lower by more than ``tolerance``, ``worsening`` when it
       is higher by more than ``tolerance``; for went-well themes
       (``polarity="well"``) the directions swap, so ``improving`` always means
       "going the way you would want": a strength coming up more often.
    4. ``recurring`` - about the same rate in both halves.

    With ``polarity="well"`` this lists recurring strengths; ``resolved`` then
    simply means "not mentioned in the last ``recent`` interviews".

    These are descriptions of what was written down, not judgements: a theme
    listed less often may also mean it was written about less.

    Parameters
    ----------
    log : ReflectionLog
    polarity : {"wrong", "well"}
    by : None, str or list of str
        Columns of ``log.interviews`` to group by; default ``"client"``.
    min_interviews : int
        Interviews a theme must appear in to count as a pattern (default 2).
    recent : int
        How many of the group's latest interviews count as "recent" (default 3).
    tolerance : float
        Rate differences up to this (default 0.1, ten percentage points) count
        as "about the same".
    include_other : bool
        Keep items without a theme as the theme ``"other"`` (default False).

    Returns
    -------
    DataFrame
        One row per group and theme seen at least once, sorted by group, then
        ``n_interviews`` (most first), then theme:

        * the ``by`` columns, ``theme``;
        * ``n_interviews``; ``share`` = ``n_interviews / group_interviews``;
        * ``first_seen``, ``last_seen``: interview dates;
        * ``entry_ids``: the supporting entries, a list in chronological order;
        * ``status`` (see above);
        * ``group_interviews`` (``N``), ``in_recent`` (interviews with the theme
          among the last ``recent``), ``rate_earlier``, ``rate_recent`` (the
          half rates of rule 3; ``rate_earlier`` is NaN when ``N == 1``);
        * ``small_sample``: ``N`` below ``SMALL_SAMPLE`` (5).

    Examples
    --------
    >>> from recovery_analytics.analytics._examples import example_log
    >>> r = recurring(example_log(), recent=1)
    >>> r[["client", "theme", "n_interviews", "share", "status"]]
      client        theme  n_interviews     share    status
    0    ana  conciseness             2  0.666667  resolved
    1    ana    technical             1  0.333333       new
    2    ben    logistics             1  0.500000       new
    """
    log = check_log(log, "recurring")
    pol = str(check_polarity(polarity))
    min_n, k, tol = recurring_options(min_interviews, recent, tolerance)
    base = as_base(log, by)
    long = theme_long(log, base, pol, include_other=include_other)
    core = recurring_core(base, long, polarity=pol, min_interviews=min_n, recent=k, tolerance=tol)
    return _recurring_frame(base, long, core)


def _recurring_frame(base: Base, long: ThemeLong, core: _Recurring) -> pd.DataFrame:
    ids = base.frame["entry_id"].to_numpy(dtype=object)[core.pair_rows]
    entry_ids = pd.Series(
        [ids[a:b].tolist() for a, b in zip(core.bounds[:-1], core.bounds[1:], strict=True)],
        dtype=object,
    )
    size = base.size[core.group]
    out = pd.DataFrame(
        {
            **base.key_columns(core.group),
            "theme": pd.Series(long.names[core.theme], dtype="str"),
            "n_interviews": core.n,
            "share": share(core.n, size),
            "first_seen": base.dates[core.first_row],
            "last_seen": base.dates[core.last_row],
            "entry_ids": entry_ids,
            "status": pd.Series(core.status, dtype="str"),
            "group_interviews": size,
            "in_recent": core.in_recent,
            "rate_earlier": core.rate_earlier,
            "rate_recent": core.rate_recent,
            "small_sample": is_small_sample(size),
        }
    )
    order = np.lexsort((long.names[core.theme].astype(str), -core.n, core.group))
    return out.iloc[order].reset_index(drop=True)


def timeline(
    log: ReflectionLog,
    *,
    freq: str = "M",
    polarity: str | None = "wrong",
    include_other: bool = False,
) -> pd.DataFrame:
    """Theme by period counts, for heatmaps; empty periods included.

    Parameters
    ----------
    log : ReflectionLog
    freq : {"W", "M", "Q", "Y"}
        Calendar periods (pandas' ``"ME"``, ``"QE"``, ``"YE"`` work too;
        weeks start on Monday).
    polarity : {"wrong", "well"} or None
        Which items to count; ``None`` counts both.
    include_other : bool
        Keep items without a theme as the theme ``"other"``.

    Returns
    -------
    DataFrame
        One row for every theme seen (with that polarity) and every period
        from the log's first to its last interview, zeros included; sorted by
        theme, then period. Columns:

        * ``theme``; ``period`` (Timestamp of the period's first day);
        * ``n_items``: items with the theme in the period;
        * ``n_interviews``: distinct interviews with the theme in the period;
        * ``period_interviews``: all interviews in the period (the sample size);
        * ``share`` = ``n_interviews / period_interviews`` (NaN for an empty
          period);
        * ``small_sample``: ``period_interviews`` below ``SMALL_SAMPLE`` (5).

        :func:`timeline_wide` pivots it to a theme x period table.

    Examples
    --------
    >>> from recovery_analytics.analytics._examples import example_log
    >>> tl = timeline(example_log(), freq="M")
    >>> tl[tl["theme"] == "conciseness"][["period", "n_items", "n_interviews",
    ...                                   "period_interviews"]]
          period  n_items  n_interviews  period_interviews
    0 2026-01-01        1             1                  2
    1 2026-02-01        0             0                  0
    2 2026-03-01        1             1                  3
    """
    log = check_log(log, "timeline")
    f = normalise_freq(freq)
    pol = check_polarity(polarity, allow_none=True)
    base = as_base(log, None)
    long = theme_long(log, base, pol, include_other=include_other)
    codes = period_code(base.dates, f)
    lo = int(codes.min())
    n_periods = int(codes.max()) - lo + 1
    per = codes - lo
    period_interviews = np.bincount(per, minlength=n_periods)
    t = long.n_themes
    total = t * n_periods
    n_items = np.bincount(long.theme * n_periods + per[long.row], minlength=total)
    rows, themes = long.distinct()
    n_interviews = np.bincount(themes * n_periods + per[rows], minlength=total)
    cell_theme = np.repeat(np.arange(t), n_periods)
    cell_period = np.tile(np.arange(n_periods), t)
    p_interviews = period_interviews[cell_period]
    return pd.DataFrame(
        {
            "theme": pd.Series(long.names[cell_theme], dtype="str"),
            "period": period_start(cell_period + lo, f),
            "n_items": n_items.astype(np.int64),
            "n_interviews": n_interviews.astype(np.int64),
            "period_interviews": p_interviews.astype(np.int64),
            "share": share(n_interviews, p_interviews),
            "small_sample": is_small_sample(p_interviews),
        }
    )


def timeline_wide(frame: pd.DataFrame, values: str = "n_interviews") -> pd.DataFrame:
    """Pivot :func:`timeline` output to themes as rows and periods as columns.

    Rows are ordered by their total (most first), then theme.

    Examples
    --------
    >>> from recovery_analytics.analytics._examples import example_log
    >>> wide = timeline_wide(timeline(example_log()))
    >>> wide.columns = [f"{p:%b}" for p in wide.columns]
    >>> wide  # doctest: +NORMALIZE_WHITESPACE
                 Jan  Feb  Mar
    theme
    conciseness    1    0    1
    logistics      1    0    0
    technical      1    0    0
    """
    wide = frame.pivot(index="theme", columns="period", values=values)
    totals = wide.sum(axis=1)
    order = np.lexsort((wide.index.to_numpy(dtype=object).astype(str), -totals.to_numpy()))
    return wide.iloc[order]
