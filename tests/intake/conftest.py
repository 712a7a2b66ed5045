"""The coach's intake of ``_build.py``, written once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from ._build import Intake, build


@pytest.fixture(scope="session")
def intake(tmp_path_factory: pytest.TempPathFactory) -> Intake:
    return build(Path(tmp_path_factory.mktemp("intake")) / "coach")
