"""Small statistics shared by every analysis: the balance ratio, shares, the
95% Wilson interval and the one small-sample rule.

Everything here works on whole numpy arrays at once (one value per group or
period), so callers never loop over interviews.
"""

from __future__ import annotations

from typing import Final

import numpy as np
import numpy.typing as npt

__all__ = [
    "SMALL_SAMPLE",
    "Z_95",
    "balance_ratio",
    "is_small_sample",
    "share",
    "wilson_interval",
]

SMALL_SAMPLE: Final = 5
"""A figure resting on fewer than this many interviews is flagged ``small_sample``.

It is still shown: small samples are flagged, never hidden.
"""

Z_95: Final = 1.959963984540054
"""The normal quantile for a two-sided 95% interval (written 1.96 below)."""

FloatArray = npt.NDArray[np.float64]
ArrayLike = npt.ArrayLike


def balance_ratio(n_well: ArrayLike, n_wrong: ArrayLike) -> FloatArray:
    """``n_well / n_wrong`` as floats.

    +inf when only positives were written (``n_wrong == 0 < n_well``) and NaN
    when nothing was written (both zero): there is no balance to describe.

    The ratio is descriptive. There is no "ideal" value (the 3:1 positivity
    ratio literature was retracted), so nothing here compares it to one.

    Examples
    --------
    >>> balance_ratio([3, 2, 0], [2, 0, 0])
    array([1.5, inf, nan])
    """
    well = np.asarray(n_well, dtype=np.float64)
    wrong = np.asarray(n_wrong, dtype=np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.asarray(well / wrong, dtype=np.float64)


def share(part: ArrayLike, whole: ArrayLike) -> FloatArray:
    """``part / whole`` as floats, NaN where ``whole`` is 0.

    Examples
    --------
    >>> share([3, 0], [5, 0])
    array([0.6, nan])
    """
    p = np.asarray(part, dtype=np.float64)
    w = np.asarray(whole, dtype=np.float64)
    out = np.full(np.broadcast(p, w).shape, np.nan)
    np.divide(p, w, out=out, where=w > 0)
    return out


def wilson_interval(
    successes: ArrayLike, n: ArrayLike, z: float = Z_95
) -> tuple[FloatArray, FloatArray]:
    """The Wilson score interval for a proportion ``successes / n``.

    With ``p = successes / n``::

        centre = (p + z**2 / (2 n)) / (1 + z**2 / n)
        half   = z / (1 + z**2 / n) * sqrt(p (1 - p) / n + z**2 / (4 n**2))

    and the interval is ``(centre - half, centre + half)``, always inside
    [0, 1]. It behaves well for small ``n`` and for proportions of 0 or 1,
    unlike the plain ``p +- z * sqrt(p (1 - p) / n)``. NaN where ``n == 0``.

    Parameters
    ----------
    successes, n : array-like of counts
    z : float
        The normal quantile; 1.96 gives a 95% interval.

    Returns
    -------
    (low, high) : two float arrays

    Examples
    --------
    >>> low, high = wilson_interval([3, 0], [5, 0])
    >>> float(low[0].round(4)), float(high[0].round(4))
    (0.2307, 0.8824)
    >>> bool(np.isnan(low[1]))
    True
    """
    s = np.asarray(successes, dtype=np.float64)
    nn = np.asarray(n, dtype=np.float64)
    shape = np.broadcast(s, nn).shape
    low = np.full(shape, np.nan)
    high = np.full(shape, np.nan)
    ok = np.broadcast_to(nn > 0, shape)
    if not ok.any():
        return low, high
    s_ok = np.broadcast_to(s, shape)[ok]
    n_ok = np.broadcast_to(nn, shape)[ok]
    p = s_ok / n_ok
    z2 = z * z
    denom = 1.0 + z2 / n_ok
    centre = (p + z2 / (2.0 * n_ok)) / denom
    half = z / denom * np.sqrt(np.clip(p * (1.0 - p), 0.0, None) / n_ok + z2 / (4.0 * n_ok**2))
    low[ok] = np.clip(centre - half, 0.0, 1.0)
    high[ok] = np.clip(centre + half, 0.0, 1.0)
    return low, high


def is_small_sample(n_interviews: ArrayLike) -> npt.NDArray[np.bool_]:
    """True where a figure rests on fewer than :data:`SMALL_SAMPLE` interviews.

    Examples
    --------
    >>> is_small_sample([0, 4, 5])
    array([ True,  True, False])
    """
    return np.asarray(n_interviews) < SMALL_SAMPLE
