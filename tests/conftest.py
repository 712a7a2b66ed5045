"""Shared fixtures: headless matplotlib, closed figures, seeded randomness."""

from __future__ import annotations

import os
import random
from collections.abc import Iterator
from pathlib import Path

import matplotlib
import numpy as np
import pytest

matplotlib.use("Agg")

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "sample"


@pytest.fixture(autouse=True)
def _close_figures() -> Iterator[None]:
    import matplotlib.pyplot as plt

    yield
    plt.close("all")


@pytest.fixture(autouse=True)
def _seeded() -> None:
    random.seed(20261125)
    np.random.seed(20261125)


@pytest.fixture
def sample_dir() -> Path:
    """The committed sample data (read-only for tests)."""
    return SAMPLE


@pytest.fixture
def private_umask() -> Iterator[None]:
    """A permissive umask, so permission tests see what our code sets itself."""
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)
