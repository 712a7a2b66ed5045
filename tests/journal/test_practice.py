"""A practice database: roles made by the CLI, access decided by row-level security.

The practice is set up with ``recovery-analytics practice`` as a practice owner
who is not a superuser (superusers bypass row-level security). Coach Cora has
clients ana and ben, coach Dan has client cy. Each test connects as one of
them with raw SQL (psycopg), then through ``Journal.open``.
"""

from __future__ import annotations

import re
import secrets
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import psycopg
import pytest

from recovery_analytics.cli import main
from recovery_analytics.exceptions import JournalAccessError, RecoveryAnalyticsError
from recovery_analytics.journal import Journal

from .._pg import Cluster
from ._helpers import THEMES, entry_dict

pytestmark = pytest.mark.postgresql

CLIENTS = {"ana": "Cora", "ben": "Cora", "cy": "Dan"}


@dataclass
class Practice:
    owner: str
    owner_url: str
    logins: dict[str, str]  # coach or client name -> URL with password
    roles: dict[str, str]  # name -> database role
    ids: dict[str, list[str]]  # client -> entry ids the owner added


def _added(out: str) -> tuple[str, str, str]:
    role = re.search(r"database role (\S+)", out)
    password = re.search(r"password \(shown this once; store it now\): (\S+)", out)
    url = re.search(r"connect with: (\S+)", out)
    assert role and password and url, out
    return role[1], password[1], url[1]


@pytest.fixture
def practice(
    postgresql_cluster: Cluster,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[Practice]:
    suffix = uuid.uuid4().hex[:8]
    owner, database, password = f"owner_{suffix}", f"practice_{suffix}", secrets.token_hex(12)
    postgresql_cluster.psql(f"CREATE ROLE {owner} LOGIN CREATEROLE PASSWORD '{password}'")
    postgresql_cluster.psql(f"CREATE DATABASE {database} OWNER {owner}")
    owner_url = f"postgresql://{owner}:{password}@127.0.0.1:{postgresql_cluster.port}/{database}"

    assert main(["practice", "init", owner_url]) == 0
    monkeypatch.setenv("RECOVERY_ANALYTICS_PRACTICE_URL", owner_url)
    logins: dict[str, str] = {}
    roles: dict[str, str] = {}
    passwords: list[str] = []
    capsys.readouterr()
    for coach in ("Cora", "Dan"):
        assert main(["practice", "add-coach", coach]) == 0
        roles[coach], pw, logins[coach] = _added(capsys.readouterr().out)
        passwords.append(pw)
    for client, coach in CLIENTS.items():
        assert main(["practice", "add-client", client, "--coach", coach]) == 0
        roles[client], pw, logins[client] = _added(capsys.readouterr().out)
        passwords.append(pw)
    assert len(set(passwords)) == len(passwords)  # every role its own password

    ids: dict[str, list[str]] = {}
    with Journal.open(owner_url, taxonomy=THEMES) as journal:
        for i, client in enumerate([*CLIENTS, *CLIENTS]):
            ids.setdefault(client, []).append(journal.add(entry_dict(i, client=client)))
    yield Practice(owner, owner_url, logins, roles, ids)
    postgresql_cluster.drop_database(database)


def _connect(url: str) -> psycopg.Connection[tuple[object, ...]]:
    return psycopg.connect(url, autocommit=True)


def _count(conn: psycopg.Connection[tuple[object, ...]], where: str = "true") -> int:
    row = conn.execute(f"SELECT count(*) FROM entries WHERE {where}").fetchone()
    assert row is not None
    return int(str(row[0]))


# -- raw SQL as each role ----------------------------------------------------------------


def test_the_owner_sees_everything(practice: Practice) -> None:
    with _connect(practice.owner_url) as conn:
        assert _count(conn) == 2 * len(CLIENTS)


@pytest.mark.parametrize(
    ("who", "visible"), [("Cora", {"ana", "ben"}), ("Dan", {"cy"}), ("ana", {"ana"})]
)
def test_each_role_reads_only_its_own_clients_rows(
    practice: Practice, who: str, visible: set[str]
) -> None:
    with _connect(practice.logins[who]) as conn:
        rows = conn.execute("SELECT client, entry_id FROM entries").fetchall()
    assert {r[0] for r in rows} == visible
    assert {r[1] for r in rows} == {i for c in visible for i in practice.ids[c]}


@pytest.mark.parametrize(("who", "other"), [("Cora", "cy"), ("Dan", "ana"), ("ana", "ben")])
def test_updating_or_deleting_another_s_rows_touches_nothing(
    practice: Practice, who: str, other: str
) -> None:
    with _connect(practice.logins[who]) as conn:
        assert (
            conn.execute(
                "UPDATE entries SET company = 'changed' WHERE client = %s", (other,)
            ).rowcount
            == 0
        )
        assert conn.execute("DELETE FROM entries WHERE client = %s", (other,)).rowcount == 0
        # by id too, and for every row at once
        victim = practice.ids[other][0]
        assert conn.execute("DELETE FROM entries WHERE entry_id = %s", (victim,)).rowcount == 0
        conn.execute("UPDATE entries SET company = company")
    with _connect(practice.owner_url) as conn:
        assert _count(conn, "company = 'changed'") == 0
        assert _count(conn, f"client = '{other}'") == 2


@pytest.mark.parametrize(("who", "other"), [("Cora", "cy"), ("ana", "ben")])
def test_writing_a_row_for_another_client_is_refused(
    practice: Practice, who: str, other: str
) -> None:
    mine = "ana"
    with _connect(practice.logins[who]) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            conn.execute(
                "INSERT INTO entries (entry_id, client, interview_date, created_at, updated_at, "
                "entry_json) VALUES ('x-1', %s, '2026-01-01', now(), now(), '{}')",
                (other,),
            )
        # nor can one's own row be handed to another client
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            conn.execute("UPDATE entries SET client = %s WHERE client = %s", (other, mine))
    with _connect(practice.owner_url) as conn:
        assert _count(conn, f"client = '{other}'") == 2
        assert _count(conn, f"client = '{mine}'") == 2


def test_a_client_writes_its_own_rows_and_the_server_names_the_writer(
    practice: Practice,
) -> None:
    with _connect(practice.logins["ana"]) as conn:
        conn.execute(
            "INSERT INTO entries (entry_id, client, interview_date, created_at, updated_at, "
            "entry_json, written_by) VALUES ('a-9', 'ana', '2026-01-01', now(), now(), '{}', "
            "'someone else')"
        )
        assert (
            conn.execute("UPDATE entries SET company = 'Mine' WHERE client = 'ana'").rowcount == 3
        )
        assert conn.execute("DELETE FROM entries WHERE entry_id = 'a-9'").rowcount == 1
    with _connect(practice.logins["Cora"]) as conn:
        writers = conn.execute("SELECT DISTINCT written_by FROM entries WHERE client = 'ana'")
        assert [r[0] for r in writers] == [practice.roles["ana"]]


STATEMENTS = [
    "ALTER POLICY practice_members ON entries USING (true)",
    "DROP POLICY practice_members ON entries",
    "CREATE POLICY mine ON entries USING (true)",
    "ALTER TABLE entries DISABLE ROW LEVEL SECURITY",
    "ALTER TABLE entries NO FORCE ROW LEVEL SECURITY",
    "CREATE ROLE intruder LOGIN PASSWORD 'x'",
    "SELECT * FROM practice_members",
    "UPDATE journal_meta SET value = '1'",
    "CREATE TABLE mine (x int)",
    "DROP TABLE entries",
]


@pytest.mark.parametrize("who", ["Cora", "ana"])
@pytest.mark.parametrize("statement", STATEMENTS)
def test_members_cannot_change_roles_policies_or_tables(
    practice: Practice, who: str, statement: str
) -> None:
    with (
        _connect(practice.logins[who]) as conn,
        pytest.raises(psycopg.errors.InsufficientPrivilege),
    ):
        conn.execute(statement)


@pytest.mark.parametrize(("who", "target"), [("Cora", "Dan"), ("ana", "ben"), ("ana", "Cora")])
def test_members_cannot_become_another_role(practice: Practice, who: str, target: str) -> None:
    with _connect(practice.logins[who]) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(f'SET ROLE "{practice.roles[target]}"')
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(f'GRANT "{practice.roles[target]}" TO "{practice.roles[who]}"')
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(f"ALTER ROLE \"{practice.roles[target]}\" PASSWORD 'taken'")


def test_a_wrong_password_is_refused(practice: Practice) -> None:
    url = re.sub(r":[^:@/]+@", ":wrong@", practice.logins["ana"])
    with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
        _connect(url)
    with pytest.raises(JournalAccessError, match="password authentication failed") as err:
        Journal.open(url)
    assert "wrong" not in str(err.value)


# -- the same through the Python API -----------------------------------------------------


def test_journal_open_with_a_role_sees_only_its_rows(practice: Practice) -> None:
    with Journal.open(practice.logins["Cora"], taxonomy=THEMES) as cora:
        assert cora.clients() == ["ana", "ben"]
        assert len(cora) == 4
        assert set(cora.log().interviews.index) == set(practice.ids["ana"] + practice.ids["ben"])
        assert practice.ids["cy"][0] not in cora
        eid = cora.add(entry_dict(50, client="ben"))
        assert cora.update(eid, outcome="offer").outcome == "offer"
        with pytest.raises(JournalAccessError, match="refused"):
            cora.add(entry_dict(51, client="cy"))
        with pytest.raises(JournalAccessError, match="refused"):
            cora.update(eid, client="cy")
    with Journal.open(practice.logins["ana"], taxonomy=THEMES) as ana:
        assert ana.clients() == ["ana"]
        assert {e.entry_id for e in ana.entries()} == set(practice.ids["ana"])
        with pytest.raises(RecoveryAnalyticsError, match="no client 'ben'"):
            ana.entries("ben")
        with pytest.raises(KeyError):
            ana.delete(eid)  # ben's: not there for ana
        ana.delete(practice.ids["ana"][0])
    with Journal.open(practice.owner_url) as owner:
        assert len(owner) == 2 * len(CLIENTS) + 1 - 1
        assert owner.get(eid).outcome == "offer"


def test_a_password_never_reaches_the_server_s_log(
    practice: Practice, postgresql_cluster: Cluster, capsys: pytest.CaptureFixture[str]
) -> None:
    # the server logs every statement of the owner's sessions from here on
    postgresql_cluster.psql(f"ALTER ROLE {practice.owner} SET log_statement = 'all'")
    capsys.readouterr()
    assert main(["practice", "add-coach", "Eve"]) == 0
    role, password, url = _added(capsys.readouterr().out)
    log = (postgresql_cluster.folder / "server.log").read_text(errors="replace")
    assert f'CREATE ROLE "{role}"' in log  # the statement was logged ...
    assert "SCRAM-SHA-256$" in log  # ... with a verifier in it ...
    assert password not in log  # ... and never the password
    with _connect(url) as conn:  # which works
        assert _count(conn) == 0  # Eve has no clients yet


# -- the command's own refusals ------------------------------------------------------------


def test_add_client_needs_a_known_coach_and_a_new_name(
    practice: Practice, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["practice", "add-client", "dee", "--coach", "Nobody"]) == 1
    assert "no coach 'Nobody'" in capsys.readouterr().err
    assert main(["practice", "add-client", "ana", "--coach", "Dan"]) == 1
    err = capsys.readouterr().err
    assert "already a client 'ana'" in err
