"""Fixtures for the journal tests: each shared test runs on both backends."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from recovery_analytics.journal import Journal

from ._helpers import THEMES


@pytest.fixture(params=["folder", "sqlite"])
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def location(tmp_path: Path, backend: str) -> str:
    if backend == "folder":
        return str(tmp_path / "journal")
    return f"sqlite:///{tmp_path / 'journal.db'}"


@pytest.fixture
def journal(location: str) -> Iterator[Journal]:
    j = Journal.open(location, taxonomy=THEMES)
    yield j
    j.close()
