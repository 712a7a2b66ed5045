"""Calendar periods (weeks, months, quarters, years) as integer codes.

A period is identified by an integer code so that counting per period is a
``numpy.bincount``; :func:`period_start` turns codes back into the
period's first day. Weeks start on Monday.
"""

from __future__ import annotations

from typing import Final

import numpy as np
import numpy.typing as npt

from ..exceptions import RecoveryAnalyticsError

__all__ = ["FREQ_ALIASES", "normalise_freq", "period_code", "period_grid", "period_start"]

IntArray = npt.NDArray[np.int64]

FREQ_ALIASES: Final = {
    "W": "W",
    "W-SUN": "W",
    "W-MON": "W",
    "M": "M",
    "ME": "M",
    "MS": "M",
    "Q": "Q",
    "QE": "Q",
    "QS": "Q",
    "Y": "Y",
    "YE": "Y",
    "YS": "Y",
}


def normalise_freq(freq: object, name: str = "freq") -> str:
    """``"W"``, ``"M"``, ``"Q"`` or ``"Y"`` from what a person (or pandas) writes.

    Examples
    --------
    >>> normalise_freq("ME"), normalise_freq("q"), normalise_freq("W")
    ('M', 'Q', 'W')
    """
    key = freq.strip().upper() if isinstance(freq, str) else None
    if key not in FREQ_ALIASES:
        raise RecoveryAnalyticsError(
            f"The value for `{name}` must be one of 'W' (weeks from Monday), 'M' (months), "
            f"'Q' (quarters) or 'Y' (years) - pandas' 'ME', 'QE', 'YE' work too - "
            f"but {freq!r} was passed."
        )
    return FREQ_ALIASES[key]


def period_code(dates: npt.ArrayLike, freq: str) -> IntArray:
    """An integer per date; consecutive periods have consecutive codes.

    Examples
    --------
    >>> d = np.array(["2026-01-31", "2026-02-01", "2026-04-01"], dtype="datetime64[us]")
    >>> period_code(d, "M") - period_code(d, "M")[0]
    array([0, 1, 3])
    """
    values = np.asarray(dates).astype("datetime64[D]")
    if freq == "W":
        # 1970-01-01 was a Thursday: shift by 3 days so that codes change on Mondays
        return np.floor_divide(values.astype(np.int64) + 3, 7)
    if freq == "M":
        return values.astype("datetime64[M]").astype(np.int64)
    if freq == "Q":
        return np.floor_divide(values.astype("datetime64[M]").astype(np.int64), 3)
    if freq == "Y":
        return values.astype("datetime64[Y]").astype(np.int64)
    raise ValueError(f"unknown period {freq!r}")  # pragma: no cover - normalise_freq first


def period_start(codes: npt.ArrayLike, freq: str) -> npt.NDArray[np.datetime64]:
    """The first day (midnight, ``datetime64[us]``) of each period code.

    Examples
    --------
    >>> d = np.array(["2026-03-04"], dtype="datetime64[us]")
    >>> [str(period_start(period_code(d, f), f)[0])[:10] for f in "WMQY"]
    ['2026-03-02', '2026-03-01', '2026-01-01', '2026-01-01']
    """
    c = np.asarray(codes, dtype=np.int64)
    if freq == "W":
        days = c * 7 - 3
        return days.astype("datetime64[D]").astype("datetime64[us]")
    if freq == "M":
        return c.astype("datetime64[M]").astype("datetime64[us]")
    if freq == "Q":
        return (c * 3).astype("datetime64[M]").astype("datetime64[us]")
    if freq == "Y":
        return c.astype("datetime64[Y]").astype("datetime64[us]")
    raise ValueError(f"unknown period {freq!r}")  # pragma: no cover


def period_grid(
    codes: IntArray, group: IntArray, n_groups: int
) -> tuple[IntArray, IntArray, IntArray]:
    """Every period from each group's first to its last, empty ones included.

    Parameters
    ----------
    codes : int array
        The period code of each row.
    group : int array
        The group (0 .. n_groups - 1) of each row; every group has a row.
    n_groups : int

    Returns
    -------
    cell : int array
        For each row, its position in the grid.
    cell_group, cell_code : int arrays
        For each grid position, its group and period code. The grid is ordered
        by group, then period.

    Examples
    --------
    >>> cell, g, p = period_grid(np.array([5, 7, 2]), np.array([0, 0, 1]), 2)
    >>> cell.tolist(), g.tolist(), p.tolist()
    ([0, 2, 3], [0, 0, 0, 1], [5, 6, 7, 2])
    """
    big = np.iinfo(np.int64).max
    lo = np.full(n_groups, big, dtype=np.int64)
    hi = np.full(n_groups, -big, dtype=np.int64)
    np.minimum.at(lo, group, codes)
    np.maximum.at(hi, group, codes)
    lengths = hi - lo + 1
    offsets = np.concatenate([[0], np.cumsum(lengths)[:-1]]).astype(np.int64)
    total = int(lengths.sum())
    cell_group = np.repeat(np.arange(n_groups, dtype=np.int64), lengths)
    cell_code = lo[cell_group] + (np.arange(total, dtype=np.int64) - offsets[cell_group])
    cell = offsets[group] + (codes - lo[group])
    return cell.astype(np.int64), cell_group, cell_code
