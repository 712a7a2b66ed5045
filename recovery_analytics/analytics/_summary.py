"""A plain one-row-per-client summary, for the ``summary`` command and reports."""

from __future__ import annotations

from typing import Any, Final

import numpy as np
import numpy.typing as npt
import pandas as pd

from .._log import ReflectionLog
from ._common import Base, ThemeLong, as_base, check_int, check_log, theme_long
from ._stats import SMALL_SAMPLE, share
from ._themes import recurring_core, recurring_options

__all__ = ["TRENDS", "client_summary", "client_summary_records"]

TRENDS: Final = ("more positive", "about the same", "less positive", "too few interviews to say")
"""The values of ``client_summary(...)["trend"]``."""

IntArray = npt.NDArray[np.int64]


def client_summary(
    log: ReflectionLog,
    *,
    top: int = 3,
    min_interviews: int = 2,
    recent: int = 3,
    tolerance: float = 0.1,
) -> pd.DataFrame:
    """One row per client: how many interviews, the balance trend, what recurs.

    Definitions (a client's interviews in chronological order, ``N`` of them):

    * ``interviews``, ``first_date``, ``last_date``; ``n_well``, ``n_wrong``:
      all went-well / went-wrong items.
    * ``balance_first_half`` / ``balance_second_half``: the share of items
      that went well (well / all items), pooled over the first ``N // 2``
      interviews and over the other ``N - N // 2``. NaN for a half without
      items.
    * ``trend``: ``"too few interviews to say"`` when ``N`` is below
      ``SMALL_SAMPLE`` (5) or a half has no items; otherwise
      ``"more positive"`` / ``"less positive"`` when the second half's share
      is higher / lower by more than ``tolerance`` (default 0.1, ten
      percentage points), else ``"about the same"``. It describes what was
      written down; it is not a grade.
    * ``top_weaknesses``: up to ``top`` went-wrong themes seen in at least
      ``min_interviews`` interviews and not ``resolved`` (see
      :func:`recurring`), most interviews first (ties: most recently seen,
      then by name), joined with ``", "``; ``""`` when there are none.
    * ``top_strengths``: the same for went-well themes, all statuses (a
      strength shown repeatedly stays a strength).
    * ``small_sample``: ``N`` below ``SMALL_SAMPLE``.

    Examples
    --------
    >>> from recovery_analytics.analytics._examples import example_log
    >>> s = client_summary(example_log())
    >>> s[["client", "interviews", "trend", "top_weaknesses"]]  # doctest: +NORMALIZE_WHITESPACE
      client  interviews                      trend top_weaknesses
    0    ana           3  too few interviews to say    conciseness
    1    ben           2  too few interviews to say
    """
    log = check_log(log, "client_summary")
    n_top = check_int(top, "top")
    min_n, k, tol = recurring_options(min_interviews, recent, tolerance)
    base = as_base(log, "client", ("n_well", "n_wrong"))
    g, n_groups, size = base.group, base.n_groups, base.size
    well = base.frame["n_well"].to_numpy(dtype=np.float64)
    wrong = base.frame["n_wrong"].to_numpy(dtype=np.float64)
    second = base.rank >= size[g] // 2

    def pooled(mask: npt.NDArray[np.bool_]) -> npt.NDArray[np.float64]:
        w = np.bincount(g, weights=well * mask, minlength=n_groups)
        x = np.bincount(g, weights=wrong * mask, minlength=n_groups)
        return share(w, w + x)

    first_half, second_half = pooled(~second), pooled(second)
    change = second_half - first_half
    trend = np.select(
        [
            (size < SMALL_SAMPLE) | np.isnan(change),
            change > tol + 1e-9,
            change < -tol - 1e-9,
        ],
        [TRENDS[3], TRENDS[0], TRENDS[2]],
        default=TRENDS[1],
    )
    themes = {}
    for polarity, column in (("wrong", "top_weaknesses"), ("well", "top_strengths")):
        long = theme_long(log, base, polarity)
        themes[column] = _top_themes(
            base, long, polarity=polarity, top=n_top, min_n=min_n, recent=k, tol=tol
        )
    return pd.DataFrame(
        {
            **base.key_columns(np.arange(n_groups)),
            "interviews": size,
            "first_date": base.dates[base.start],
            "last_date": base.dates[base.start + size - 1],
            "n_well": np.bincount(g, weights=well, minlength=n_groups).astype(np.int64),
            "n_wrong": np.bincount(g, weights=wrong, minlength=n_groups).astype(np.int64),
            "balance_first_half": first_half,
            "balance_second_half": second_half,
            "trend": pd.Series(trend, dtype="str"),
            **themes,
            "small_sample": size < SMALL_SAMPLE,
        }
    )


def _top_themes(
    base: Base,
    long: ThemeLong,
    *,
    polarity: str,
    top: int,
    min_n: int,
    recent: int,
    tol: float,
) -> pd.Series:
    core = recurring_core(
        base, long, polarity=polarity, min_interviews=min_n, recent=recent, tolerance=tol
    )
    keep = core.n >= min_n
    if polarity == "wrong":
        keep &= core.status != "resolved"
    idx = np.flatnonzero(keep)
    names = long.names[core.theme[idx]].astype(str)
    idx = idx[np.lexsort((names, -core.last_row[idx], -core.n[idx], core.group[idx]))]
    picked = pd.DataFrame({"g": core.group[idx], "theme": long.names[core.theme[idx]]})
    picked = picked[picked.groupby("g").cumcount() < top]
    joined = picked.groupby("g")["theme"].agg(", ".join)
    return pd.Series(
        joined.reindex(np.arange(base.n_groups), fill_value="").to_numpy(dtype=object),
        dtype="str",
    )


def client_summary_records(log: ReflectionLog, **kwargs: Any) -> list[dict[str, Any]]:
    """:func:`client_summary` as JSON-ready dicts.

    Dates become ISO strings (``"2026-03-04"``), missing values ``None``, and
    numbers plain Python ints and floats, so ``json.dumps(records,
    allow_nan=False)`` works. Keyword arguments go to :func:`client_summary`.

    Examples
    --------
    >>> import json
    >>> from recovery_analytics.analytics._examples import example_log
    >>> records = client_summary_records(example_log())
    >>> records[1]["last_date"], records[1]["balance_second_half"], records[1]["top_weaknesses"]
    ('2026-03-10', None, '')
    >>> len(json.dumps(records, allow_nan=False)) > 0
    True
    """
    frame = client_summary(log, **kwargs)
    for col in ("first_date", "last_date"):
        frame[col] = frame[col].dt.strftime("%Y-%m-%d")
    plain = frame.astype(object)
    plain = plain.where(frame.notna(), None)
    return [{str(k): v for k, v in row.items()} for row in plain.to_dict("records")]
