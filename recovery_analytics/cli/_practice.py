"""``recovery-analytics practice init|add-coach|add-client``: a practice database.

Sets up a PostgreSQL journal shared by a coaching practice, where each coach
and each client logs in with their own database role and row-level security
decides what each role sees (``docs/practice.md``)::

    recovery-analytics practice init postgresql://owner@db.example.org/practice
    export RECOVERY_ANALYTICS_PRACTICE_URL=postgresql://owner@db.example.org/practice
    recovery-analytics practice add-coach Cora
    recovery-analytics practice add-client ana --coach Cora

The owner's URL comes from ``--url`` or the ``RECOVERY_ANALYTICS_PRACTICE_URL``
environment variable (better: a URL on the command line is visible to other
users in the process list; leave the password out of it and let libpq read
``~/.pgpass`` or ``PGPASSWORD``). A new role's password is made here and
printed once, on standard output only; store it in a password manager.
"""

from __future__ import annotations

import argparse
import os

from ..exceptions import RecoveryAnalyticsError
from ..journal import Credentials, add_client, add_coach, init_practice

__all__ = ["ENV_URL", "add_arguments", "run"]

ENV_URL = "RECOVERY_ANALYTICS_PRACTICE_URL"


def add_arguments(p: argparse.ArgumentParser) -> None:
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    init = actions.add_parser(
        "init",
        help="make a database a practice journal (tables, group roles, policies)",
        description="Create the journal's tables, the coaches' and clients' group roles and "
        "the row-level-security policies in the database at URL. URL's role becomes the "
        "practice owner (it needs CREATEROLE). Safe to run again.",
    )
    init.add_argument("url", metavar="URL", help="postgresql://owner@host:port/database")
    for name, what in (("add-coach", "a coach"), ("add-client", "a client")):
        q = actions.add_parser(
            name,
            help=f"add {what}: a new database role; prints its password once",
            description=f"Add {what} to the practice: a new database role with a generated "
            "password, printed once on standard output.",
        )
        q.add_argument(
            "name",
            metavar="NAME",
            help="the client's name as entries give it" if name == "add-client" else "a name",
        )
        if name == "add-client":
            q.add_argument("--coach", required=True, help="the name of the client's coach")
        q.add_argument("--url", help=f"the owner's URL (default: ${ENV_URL})")


def _owner_url(args: argparse.Namespace) -> str:
    url = args.url or os.environ.get(ENV_URL)
    if not url:
        raise RecoveryAnalyticsError(
            f"Which practice database? Give the owner's URL with --url or in ${ENV_URL}, "
            "such as postgresql://owner@db.example.org/practice."
        )
    return str(url)


def _show(login: Credentials) -> None:
    print(f"Added {login.kind} {login.name!r}: database role {login.role}")
    print(f"  password (shown this once; store it now): {login.password}")
    print(f"  connect with: {login.url}")


def run(args: argparse.Namespace) -> int:
    if args.action == "init":
        groups = init_practice(args.url)
        print(
            f"The practice database is ready: group roles {', '.join(groups)}, row-level "
            "security on entries. Add people with 'practice add-coach' and 'practice add-client'."
        )
    elif args.action == "add-coach":
        _show(add_coach(_owner_url(args), args.name))
    else:
        _show(add_client(_owner_url(args), args.name, coach=args.coach))
    return 0
