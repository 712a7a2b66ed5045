"""Shared fixtures: headless matplotlib, closed figures, seeded randomness, journals.

``journal`` is a journal on each backend in turn (``backend`` is "folder",
then "sqlite"); a test folder changes the taxonomy it tags with by
overriding ``journal_taxonomy`` (``None``: the built-in one).
"""

from __future__ import annotations

import os
import random
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import matplotlib
import numpy as np
import pytest

from ._pg import Cluster, find_bindir, throwaway_cluster

if TYPE_CHECKING:
    from recovery_analytics.journal import Journal

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


@pytest.fixture(params=["folder", "sqlite"])
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def location(tmp_path: Path, backend: str, request: pytest.FixtureRequest) -> Iterator[str]:
    """Where a journal of ``backend`` lives: a folder, an SQLite file, or a fresh
    database in the session's throwaway PostgreSQL cluster (dropped afterwards)."""
    if backend == "folder":
        yield str(tmp_path / "journal")
    elif backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'journal.db'}"
    else:
        cluster: Cluster = request.getfixturevalue("postgresql_cluster")
        name = f"ra_test_{uuid.uuid4().hex[:8]}"
        yield cluster.create_database(name)
        cluster.drop_database(name)


@pytest.fixture
def journal_taxonomy() -> Any:
    """The taxonomy ``journal`` tags with; ``None`` is the built-in one."""
    return None


@pytest.fixture
def journal(location: str, journal_taxonomy: Any) -> Iterator[Journal]:
    # imported here, not at the top: loading this file must not import the package,
    # so that tests/test_architecture.py imports each module in a fresh order
    from recovery_analytics.journal import Journal

    j = Journal.open(location, taxonomy=journal_taxonomy)
    yield j
    j.close()


@pytest.fixture(scope="session")
def postgresql_cluster() -> Iterator[Cluster]:
    """A throwaway PostgreSQL cluster for the session (see tests/_pg.py).

    Skipped when no PostgreSQL server is installed (``make postgresql``
    installs it); under CI (``CI=true``) that is a failure instead.
    """
    if find_bindir() is None:
        message = "no PostgreSQL server installed: run 'make postgresql' as root"
        if os.environ.get("CI", "").lower() not in ("", "0", "false"):
            pytest.fail(message)
        pytest.skip(message)
    with throwaway_cluster() as cluster:
        yield cluster
