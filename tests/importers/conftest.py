"""Fixtures for the importer tests: our own example exports and the shared ones.

``fixtures/`` holds example exports written for these tests. The public
sample exports (Daylio, Day One) live outside the repository, in
``<repo>/../shared/external``; the tests read them there and never copy them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = Path(__file__).resolve().parents[3] / "shared" / "external"


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture
def shared() -> Path:
    """``<repo>/../shared/external``: CI puts a copy of ``shared/`` beside the clone."""
    assert SHARED.is_dir(), (
        f"the shared sample exports are expected in {SHARED} (a copy of shared/ beside the "
        "repository); the importer tests read the public Daylio and Day One samples there"
    )
    return SHARED
