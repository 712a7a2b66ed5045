"""The balance ratio, shares, the Wilson interval and the small-sample rule."""

from __future__ import annotations

import math

import numpy as np
import pytest

from recovery_analytics.analytics import (
    SMALL_SAMPLE,
    balance_ratio,
    is_small_sample,
    wilson_interval,
)
from recovery_analytics.analytics._stats import share


def wilson_by_hand(s: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """The textbook formula, written out again with math (not numpy)."""
    p = s / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z / denom * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return max(0.0, centre - half), min(1.0, centre + half)


def test_ratio_inf_when_only_positives_and_nan_when_nothing() -> None:
    # 3 well / 2 wrong -> 1.5; 2 / 0 -> +inf (only positives); 0 / 0 -> NaN (no items)
    r = balance_ratio([3, 2, 0, 0], [2, 0, 0, 4])
    assert r[0] == 1.5
    assert np.isposinf(r[1])
    assert np.isnan(r[2])
    assert r[3] == 0.0


def test_share_is_nan_for_an_empty_whole() -> None:
    s = share([3, 0], [5, 0])
    assert s[0] == pytest.approx(0.6)
    assert np.isnan(s[1])


def test_wilson_for_three_out_of_five() -> None:
    # p = 0.6, z^2/n = 3.8416/5 = 0.76832, denominator 1.76832
    # centre = (0.6 + 0.38416) / 1.76832 = 0.55655
    # half = 1.96 / 1.76832 * sqrt(0.24/5 + 3.8416/100) = 1.10840 * 0.29397 = 0.32583
    # -> (0.2307, 0.8824)
    low, high = wilson_interval([3], [5])
    assert low[0] == pytest.approx(0.2307, abs=1e-4)
    assert high[0] == pytest.approx(0.8824, abs=1e-4)


@pytest.mark.parametrize(("s", "n"), [(0, 5), (5, 5), (1, 1), (1, 2), (4, 6), (7, 20), (0, 1)])
def test_wilson_matches_the_formula_and_stays_in_0_1(s: int, n: int) -> None:
    low, high = wilson_interval([s], [n])
    want_low, want_high = wilson_by_hand(s, n)
    assert low[0] == pytest.approx(want_low, abs=1e-3)  # z = 1.96 vs 1.959964
    assert high[0] == pytest.approx(want_high, abs=1e-3)
    assert 0.0 <= low[0] <= s / n <= high[0] <= 1.0


def test_wilson_for_zero_out_of_five() -> None:
    # p = 0: centre = (3.8416/10) / 1.76832 = 0.21725 and half = 1.10840 * sqrt(0.038416) = 0.21725
    low, high = wilson_interval([0], [5])
    assert low[0] == pytest.approx(0.0, abs=1e-9)
    assert high[0] == pytest.approx(0.4345, abs=1e-4)


def test_wilson_is_nan_without_a_sample() -> None:
    low, high = wilson_interval([0, 2], [0, 4])
    assert np.isnan(low[0]) and np.isnan(high[0])
    assert not np.isnan(low[1])


def test_one_small_sample_rule() -> None:
    assert SMALL_SAMPLE == 5
    assert is_small_sample([0, 1, 4, 5, 9]).tolist() == [True, True, True, False, False]
