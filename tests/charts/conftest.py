"""Fixtures for chart tests: the sample log (loaded once) and artist helpers."""

from __future__ import annotations

import pytest

from recovery_analytics import ReflectionLog

from ._data import SAMPLE, sample_log


@pytest.fixture(scope="session")
def sample() -> ReflectionLog:
    if not SAMPLE.exists():  # pragma: no cover - the sample data is committed
        pytest.skip("data/sample is not there")
    return sample_log()
