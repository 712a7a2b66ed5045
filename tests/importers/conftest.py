"""Fixtures for the importer tests: our own example exports and the shared ones.

``fixtures/`` holds example exports written for these tests. The public
sample exports (Daylio, Day One) live outside the repository, in
``<repo>/../shared/external``; the tests read them there and never copy them.

Every test that asks for the ``shared`` fixture is marked ``external``. Without
``../shared/external`` those tests are deselected (a fresh clone passes with
nothing beside it); ``pytest -m external`` runs them on purpose and fails
when the folder is missing, as the CI step for them should.
"""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = Path(__file__).resolve().parents[3] / "shared" / "external"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    external = [item for item in items if "shared" in getattr(item, "fixturenames", ())]
    for item in external:
        item.add_marker(pytest.mark.external)
    asked = "external" in (config.option.markexpr or "")
    if external and not asked and not SHARED.is_dir():
        config.hook.pytest_deselected(items=external)
        chosen = set(map(id, external))
        items[:] = [item for item in items if id(item) not in chosen]


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
