"""A practice database: one PostgreSQL journal, a role per coach and per client.

Access is the database's own business, not ours: every coach and client logs
in with their own PostgreSQL role, and row-level security (``ENABLE`` and
``FORCE ROW LEVEL SECURITY`` on ``entries``) decides which rows each role
sees and writes, whatever program connects. ``docs/practice.md`` explains
the setup; the ``recovery-analytics practice`` command runs it.

What :func:`init_practice` sets up, as the practice owner (the role of the
URL it is given, which needs ``CREATEROLE``):

* the journal's tables (as :class:`PostgresJournal` creates them) and
  ``practice_members``: each coach's and client's role, name, and for a
  client their ``client`` name in the journal and their coach's role;
* two group roles without login, ``<db>_coaches`` and ``<db>_clients``: read,
  add, change and delete on ``entries``, read on ``journal_meta``, nothing
  else (the database's ``CONNECT`` is taken from ``PUBLIC``);
* ``practice_allowed_clients()``: the client names of the session's role (a
  client: their own; a coach: their clients'), a ``SECURITY DEFINER``
  function, so no member reads ``practice_members`` itself;
* the policies: the owner sees everything; a member's rows are those whose
  ``client`` is among ``practice_allowed_clients()``, for reading (``USING``)
  and for what a write leaves (``WITH CHECK``), so nobody can move an entry
  to another coach's client either;
* a trigger that sets ``written_by`` to the role that saved the row.

Only the owner (and superusers) can change roles, grants, policies or the
tables. Passwords are made here (``secrets``), sent to the server only as a
SCRAM verifier (so a server logging statements never logs one), and handed
back once in :class:`Credentials` (their ``repr`` hides them).
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass, field
from typing import Any, Final, Literal

import psycopg
from psycopg import sql
from sqlalchemy.engine import URL

from ..exceptions import RecoveryAnalyticsError
from ._postgres import PostgresJournal, guard_errors, postgres_url

__all__ = ["Credentials", "add_client", "add_coach", "init_practice"]

_MAX_NAME: Final = 63  # PostgreSQL's identifier length
_SETUP: Final = """
CREATE TABLE IF NOT EXISTS practice_members (
    role_name  text PRIMARY KEY,
    kind       text NOT NULL CHECK (kind IN ('coach', 'client')),
    name       text NOT NULL,
    client     text UNIQUE,
    coach_role text REFERENCES practice_members (role_name),
    UNIQUE (kind, name),
    CHECK ((kind = 'client') = (client IS NOT NULL AND coach_role IS NOT NULL))
);
REVOKE ALL ON entries, journal_meta, practice_members FROM PUBLIC;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO {coaches}, {clients};
GRANT SELECT ON journal_meta TO {coaches}, {clients};
GRANT SELECT, INSERT, UPDATE, DELETE ON entries TO {coaches}, {clients};
REVOKE ALL ON theme_corrections FROM PUBLIC;
GRANT SELECT, INSERT ON theme_corrections TO {coaches}, {clients};

CREATE OR REPLACE FUNCTION practice_allowed_clients() RETURNS SETOF text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
    AS $$ SELECT client FROM practice_members
          WHERE kind = 'client' AND (role_name = session_user OR coach_role = session_user) $$;
REVOKE ALL ON FUNCTION practice_allowed_clients() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION practice_allowed_clients() TO {coaches}, {clients};

CREATE OR REPLACE FUNCTION practice_stamp_writer() RETURNS trigger
    LANGUAGE plpgsql SET search_path = public, pg_temp
    AS $$ BEGIN NEW.written_by := session_user; RETURN NEW; END $$;
DROP TRIGGER IF EXISTS practice_written_by ON entries;
CREATE TRIGGER practice_written_by BEFORE INSERT OR UPDATE ON entries
    FOR EACH ROW EXECUTE FUNCTION practice_stamp_writer();

ALTER TABLE entries ENABLE ROW LEVEL SECURITY;
ALTER TABLE entries FORCE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS practice_owner ON entries;
CREATE POLICY practice_owner ON entries TO {owner} USING (true) WITH CHECK (true);
DROP POLICY IF EXISTS practice_members ON entries;
CREATE POLICY practice_members ON entries TO {coaches}, {clients}
    USING (client IN (SELECT practice_allowed_clients()))
    WITH CHECK (client IN (SELECT practice_allowed_clients()));

ALTER TABLE theme_corrections ENABLE ROW LEVEL SECURITY;
ALTER TABLE theme_corrections FORCE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS practice_owner ON theme_corrections;
CREATE POLICY practice_owner ON theme_corrections TO {owner} USING (true) WITH CHECK (true);
DROP POLICY IF EXISTS practice_members ON theme_corrections;
CREATE POLICY practice_members ON theme_corrections TO {coaches}, {clients}
    USING (client IN (SELECT practice_allowed_clients()))
    WITH CHECK (client IN (SELECT practice_allowed_clients()));
"""


@dataclass(frozen=True)
class Credentials:
    """A new role's login: show it once to its person, then forget it.

    Attributes
    ----------
    kind : "coach" or "client"
    name : str
        The coach's name, or the client's name as the journal knows it.
    role : str
        The PostgreSQL role.
    password : str
        Made by :mod:`secrets`; not in the ``repr``.
    url : str
        ``postgresql://role:password@host:port/database``, for
        ``Journal.open`` (not in the ``repr``).
    """

    kind: Literal["coach", "client"]
    name: str
    role: str
    password: str = field(repr=False)
    url: str = field(repr=False)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.casefold()).strip("_")


def _role_name(database: str, kind: str, name: str) -> str:
    slug = _slug(name)
    if not slug:
        raise RecoveryAnalyticsError(
            f"A {kind}'s name needs at least one letter or digit (it names their database "
            f"role), but {name!r} was given."
        )
    role = f"{_slug(database)}_{kind}_{slug}"
    if len(role) > _MAX_NAME:
        raise RecoveryAnalyticsError(
            f"The {kind} name {name!r} is too long for a database role ({role!r} has "
            f"{len(role)} characters, PostgreSQL allows {_MAX_NAME}): use a shorter one."
        )
    return role


def _groups(database: str) -> tuple[str, str]:
    prefix = _slug(database)
    return f"{prefix}_coaches", f"{prefix}_clients"


class _Owner:
    """The practice owner's connection (one transaction, committed on success)."""

    def __init__(self, url: str | URL) -> None:
        self.url = postgres_url(url)
        self.where = self.url.set(drivername="postgresql").render_as_string(hide_password=True)
        self.database = str(self.url.database)

    def connect(self) -> psycopg.Connection[Any]:
        u = self.url
        return psycopg.connect(
            host=u.host or None,
            port=u.port or None,
            user=u.username or None,
            password=u.password or None,
            dbname=u.database,
            connect_timeout=10,
        )

    def login_url(self, role: str, password: str) -> str:
        login = self.url.set(drivername="postgresql", username=role, password=password)
        return login.render_as_string(hide_password=False)


def init_practice(url: str | URL) -> list[str]:
    """Make the database at ``url`` a practice journal; return the group roles.

    Safe to run again (it brings the grants and policies back to this
    version's). ``url``'s role becomes the practice owner: it must be able to
    create roles (``CREATEROLE``) and should own the database.
    """
    owner = _Owner(url)
    PostgresJournal(owner.url).close()  # the journal's tables, migrated if need be
    coaches, clients = _groups(owner.database)
    with guard_errors(owner.where), owner.connect() as conn:
        user = conn.execute("SELECT current_user").fetchone()
        assert user is not None
        for group in (coaches, clients):
            found = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (group,)).fetchone()
            if found is None:
                conn.execute(sql.SQL("CREATE ROLE {} NOLOGIN").format(sql.Identifier(group)))
        names = {
            "owner": sql.Identifier(user[0]),
            "coaches": sql.Identifier(coaches),
            "clients": sql.Identifier(clients),
        }
        conn.execute(sql.SQL(_SETUP).format(**names))
        # only members (and the owner) may connect at all
        db = sql.Identifier(owner.database)
        conn.execute(sql.SQL("REVOKE CONNECT ON DATABASE {} FROM PUBLIC").format(db))
        conn.execute(
            sql.SQL("GRANT CONNECT ON DATABASE {} TO {}, {}").format(
                db, names["coaches"], names["clients"]
            )
        )
    return [coaches, clients]


def _add_member(
    url: str | URL, kind: Literal["coach", "client"], name: str, coach: str | None = None
) -> Credentials:
    owner = _Owner(url)
    role = _role_name(owner.database, kind, name)
    group = _groups(owner.database)[0 if kind == "coach" else 1]
    password = secrets.token_urlsafe(24)
    with guard_errors(owner.where), owner.connect() as conn:
        if conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (group,)).fetchone() is None:
            raise RecoveryAnalyticsError(
                f"{owner.where} is not a practice database yet: run "
                "'recovery-analytics practice init URL' first."
            )
        coach_role = None
        if coach is not None:
            found = conn.execute(
                "SELECT role_name FROM practice_members WHERE kind = 'coach' AND name = %s",
                (coach,),
            ).fetchone()
            if found is None:
                known = [
                    r[0]
                    for r in conn.execute(
                        "SELECT name FROM practice_members WHERE kind = 'coach' ORDER BY name"
                    )
                ]
                raise RecoveryAnalyticsError(
                    f"There is no coach {coach!r} in this practice; coaches: "
                    f"{', '.join(known) if known else '(none yet: practice add-coach NAME)'}."
                )
            coach_role = found[0]
        taken = conn.execute(
            "SELECT 1 FROM pg_roles WHERE rolname = %s UNION ALL "
            "SELECT 1 FROM practice_members WHERE kind = %s AND name = %s",
            (role, kind, name),
        ).fetchone()
        if taken is not None:
            raise RecoveryAnalyticsError(
                f"There is already a {kind} {name!r} (database role {role!r}) in this practice."
            )
        # the server gets a SCRAM verifier, never the password itself
        verifier = conn.pgconn.encrypt_password(password.encode(), role.encode(), b"scram-sha-256")
        conn.execute(
            sql.SQL(
                "CREATE ROLE {} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION "
                "NOBYPASSRLS INHERIT PASSWORD {} IN ROLE {}"
            ).format(sql.Identifier(role), sql.Literal(verifier.decode()), sql.Identifier(group))
        )
        conn.execute(
            "INSERT INTO practice_members (role_name, kind, name, client, coach_role) "
            "VALUES (%s, %s, %s, %s, %s)",
            (role, kind, name, name if kind == "client" else None, coach_role),
        )
    return Credentials(kind, name, role, password, owner.login_url(role, password))


def add_coach(url: str | URL, name: str) -> Credentials:
    """Add a coach to the practice at ``url`` (the owner's URL); return their login.

    The coach reads and writes the entries of their clients only.
    """
    return _add_member(url, "coach", name)


def add_client(url: str | URL, name: str, *, coach: str) -> Credentials:
    """Add a client (``name``: their ``client`` in the journal) of ``coach``; return their login.

    The client reads, adds, changes and deletes their own entries only; their
    coach sees them too.
    """
    return _add_member(url, "client", name, coach)
