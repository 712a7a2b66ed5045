"""Fixtures for the widget tests: a journal on each backend, and closed widgets."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from recovery_analytics.journal import Journal


@pytest.fixture
def folder_journal(tmp_path: Path) -> Iterator[Journal]:
    """One backend only, for tests that are about the widgets, not the storage."""
    j = Journal.open(tmp_path / "journal")
    yield j
    j.close()
