"""The PostgreSQL backend: URLs, what is stored, many writers, and a server that goes away.

The behaviour every backend shares is in test_base.py (which runs on
PostgreSQL too, including the SIGKILL test); here is what is PostgreSQL's own.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import uuid
from collections.abc import Iterator

import pytest
import sqlalchemy as sa

from recovery_analytics.exceptions import JournalUnavailableError, RecoveryAnalyticsError
from recovery_analytics.journal import Journal, PostgresJournal

from .._pg import Cluster
from ._helpers import THEMES, check_loads_cleanly, entry_dict, worker

pytestmark = pytest.mark.postgresql


@pytest.fixture
def url(postgresql_cluster: Cluster) -> Iterator[str]:
    name = f"ra_pg_{uuid.uuid4().hex[:8]}"
    yield postgresql_cluster.create_database(name)
    postgresql_cluster.drop_database(name)


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ("postgresql+psycopg2://u:s3cret@h/d", "psycopg 3, not 'psycopg2'"),
        ("postgresql://u:s3cret@h", "names no database"),
        ("sqlite:///j.db", "needs a 'postgresql://' URL"),
    ],
)
def test_urls_it_cannot_use(bad: str, message: str) -> None:
    with pytest.raises(RecoveryAnalyticsError, match=message) as err:
        PostgresJournal(bad)
    assert "s3cret" not in str(err.value)


def test_plain_postgresql_urls_use_psycopg(url: str) -> None:
    plain = url.replace("postgresql+psycopg://", "postgresql://", 1)
    with Journal.open(plain) as journal:
        assert isinstance(journal, PostgresJournal)
        assert journal.engine.dialect.driver == "psycopg"
        password = sa.make_url(url).password
        assert password and password not in journal.where and password not in repr(journal)


def test_rows_say_who_wrote_them_and_log_names_the_database(url: str) -> None:
    with Journal.open(url, taxonomy=THEMES) as journal:
        eid = journal.add(entry_dict(1))
        assert journal.log().interviews.at[eid, "source"] == f"{sa.make_url(url).database}#{eid}"
        with journal.engine.connect() as conn:
            row = conn.execute(sa.text("SELECT written_by, current_user FROM entries")).one()
    assert row[0] == row[1] == sa.make_url(url).username


def test_four_processes_adding_at_once_lose_nothing(url: str) -> None:
    prefixes = ("a", "b", "c", "d")
    workers = {prefix: worker(url, prefix, 250, wait=True) for prefix in prefixes}
    for proc in workers.values():
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    for proc in workers.values():  # all open the (new) journal and add at once
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()
    saved: set[str] = set()
    for proc in workers.values():
        out, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, err
        assert len(out.split()) == 250
        saved.update(out.split())
    assert len(saved) == 4 * 250
    assert check_loads_cleanly(url) == saved


def test_a_stopped_server_gives_a_clear_error_and_saving_works_once_it_is_back(
    postgresql_cluster: Cluster, url: str
) -> None:
    journal = Journal.open(url, taxonomy=THEMES)
    first = journal.add(entry_dict(1))
    postgresql_cluster.stop()
    try:
        with pytest.raises(JournalUnavailableError, match="cannot be reached") as err:
            journal.add(entry_dict(2))
        password = sa.make_url(url).password
        assert password and password not in str(err.value)
        assert err.value.__cause__ is None  # no driver error chained into the message
        with pytest.raises(JournalUnavailableError):
            journal.entries()
        with pytest.raises(JournalUnavailableError):
            Journal.open(url)
    finally:
        postgresql_cluster.start()
    second = journal.add(entry_dict(2))  # the same entry, once the server is back
    assert [e.entry_id for e in journal.entries()] == [first, second]
    journal.close()


_HOLDER = """
import sys
import sqlalchemy as sa
from recovery_analytics.journal import Journal

journal = Journal.open(sys.argv[1])
ids = [journal.add({"interview_date": f"2026-01-{d:02d}", "company": "Acme"}) for d in (1, 2)]
print(*ids, flush=True)
conn = journal.engine.connect()
conn.begin()
conn.execute(sa.text("UPDATE entries SET company = 'half-done' WHERE entry_id = :i"), {"i": ids[0]})
conn.execute(sa.text("DELETE FROM entries WHERE entry_id = :i"), {"i": ids[1]})
print("in transaction", flush=True)
sys.stdin.readline()
"""


def test_a_writer_killed_inside_its_transaction_leaves_every_acknowledged_entry(
    url: str,
) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, url],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    ids = proc.stdout.readline().split()
    assert proc.stdout.readline().strip() == "in transaction", proc.stderr
    proc.send_signal(signal.SIGKILL)  # between its changes and its commit
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    for stream in (proc.stdin, proc.stdout, proc.stderr):
        if stream:
            stream.close()
    with Journal.open(url, taxonomy=THEMES) as journal:
        # both acknowledged entries, as acknowledged; the row lock is gone, so
        # an update of the row the dead writer had changed goes through
        assert [e.company for e in journal.entries()] == ["Acme", "Acme"]
        assert journal.update(ids[0], company="Beta").company == "Beta"
    assert check_loads_cleanly(url) == set(ids)
