"""Register the ``external`` marker for this folder's tests (they read ../shared)."""

from __future__ import annotations

import pytest


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "external: needs data outside the repository (../shared/external), not shipped with it",
    )
