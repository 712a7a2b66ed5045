"""The throwaway PostgreSQL database the database journal's tests will use."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

pytestmark = pytest.mark.postgresql


def test_the_database_is_fresh_and_takes_writes(postgresql_url: str) -> None:
    assert postgresql_url.startswith("postgresql+psycopg://postgres:")
    engine = sa.create_engine(postgresql_url)
    try:
        with engine.begin() as conn:
            before = conn.scalar(
                sa.text("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
            )
            conn.execute(sa.text("CREATE TABLE notes (id serial PRIMARY KEY, body text)"))
            conn.execute(
                sa.text("INSERT INTO notes (body) VALUES (:a), (:b)"), {"a": "one", "b": "two"}
            )
        with engine.connect() as conn:
            rows = conn.execute(sa.text("SELECT id, body FROM notes ORDER BY id")).all()
            server = conn.scalar(sa.text("SHOW server_version"))
        assert before == 0  # nothing there before this test
        assert [tuple(r) for r in rows] == [(1, "one"), (2, "two")]
        assert server.split(".")[0].isdigit()
    finally:
        with engine.begin() as conn:
            conn.execute(sa.text("DROP TABLE IF EXISTS notes"))
        engine.dispose()


def test_a_wrong_password_is_refused(postgresql_url: str) -> None:
    url = sa.make_url(postgresql_url).set(password="not-the-password")
    engine = sa.create_engine(url)
    try:
        with pytest.raises(sa.exc.OperationalError, match="password authentication failed"):
            engine.connect().close()
    finally:
        engine.dispose()
