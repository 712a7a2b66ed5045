"""The short fuzz run: mutated examples of every format and importer never crash load().

Seeded and derandomised, so the same examples run every time; the long run is
``make fuzz`` (``benchmarks/fuzz.py``).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent))
from mutate import check_one, good_ids, seeds_cache  # noqa: E402

KINDS = sorted(seeds_cache())


@pytest.fixture(scope="module")
def expected() -> set[str]:
    ids = good_ids()
    assert ids  # the good file has entries to lose
    return ids


@pytest.mark.parametrize("kind", KINDS)
def test_mutated_examples_load_or_raise_our_error(kind: str, expected: set[str]) -> None:
    @settings(
        max_examples=40,
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    @given(seed=st.integers(0, 2**32 - 1))
    def run(seed: int) -> None:
        assert check_one(kind, seed, expected) is None

    run()
