"""Fixtures for the journal tests.

The shared tests run on every backend through ``journal``/``location``/
``backend`` (tests/conftest.py): here ``backend`` is "folder", "sqlite" and
"postgresql" (marked ``postgresql``: a fresh database in the session's
throwaway cluster for each test), with the stand-in taxonomy of ``_helpers``.
``postgresql_url`` is one fresh database for the session.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest

from .._pg import Cluster
from ._helpers import THEMES, TagsAsThemes


@pytest.fixture(
    params=["folder", "sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)]
)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def journal_taxonomy() -> TagsAsThemes:
    """The journal tests tag with the items' own #tags (see ``_helpers.THEMES``)."""
    return THEMES


@pytest.fixture(scope="session")
def postgresql_url(postgresql_cluster: Cluster) -> Iterator[str]:
    """``postgresql+psycopg://...`` of a new, empty database, dropped afterwards."""
    name = f"ra_test_{uuid.uuid4().hex[:8]}"
    url = postgresql_cluster.create_database(name)
    yield url
    postgresql_cluster.drop_database(name)
