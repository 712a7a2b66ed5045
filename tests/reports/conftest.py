"""Fixtures for export tests: the sample log, and logs whose names must not leak."""

from __future__ import annotations

import pytest

from recovery_analytics import ReflectionLog

from ..charts._data import SAMPLE, sample_log


@pytest.fixture(scope="session")
def sample() -> ReflectionLog:
    if not SAMPLE.exists():  # pragma: no cover - the sample data is committed
        pytest.skip("data/sample is not there")
    return sample_log()
