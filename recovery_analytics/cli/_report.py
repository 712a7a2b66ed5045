"""``recovery-analytics report PATHS --client NAME --out FILE``: a review packet.

``--client NAME`` writes that client's review packet; ``--client all`` a
coach packet across every client. Without ``--client`` the data must hold one
client only: with several, the command stops and lists them rather than guess.
A name that is not in the data stops the command too (exit 1, the known
clients listed), so a typo never produces an empty packet.
"""

from __future__ import annotations

import argparse
import sys

from .._log import ReflectionLog
from ..exceptions import RecoveryAnalyticsError
from ..reports import coach_packet, review_packet
from ._common import (
    READ_BEFORE_SHARING,
    add_read_arguments,
    add_share_arguments,
    hides,
    load_from_args,
    problems_note,
    share_options,
)

ALL = "all"


def add_arguments(p: argparse.ArgumentParser) -> None:
    add_read_arguments(p, client=False)
    p.add_argument(
        "--client",
        help=f"the client, or {ALL!r} for a coach packet of everyone (also the client of "
        "entries that name none)",
    )
    p.add_argument(
        "--display-name",
        help='the name the packet shows for the client, e.g. "Ana Souza" (files keep the id)',
    )
    p.add_argument("--out", required=True, help="the packet to write: FILE.pdf or FILE.html")
    add_share_arguments(p)
    p.add_argument("--today", help="count plan B ages and inactivity up to this date")


def choose_client(log: ReflectionLog, client: str | None) -> str | None:
    """The client to report on (``None``: all of them), or a helpful error."""
    if client is not None and client.casefold() == ALL:
        return None
    if client is not None:
        return log.check_client(client)
    known = log.clients
    if len(known) == 1:
        return known[0]
    if not known:
        raise RecoveryAnalyticsError("There are no interviews to report on in these files.")
    raise RecoveryAnalyticsError(
        f"These files hold {len(known)} clients ({', '.join(known)}). Choose one with "
        f"--client NAME, or write a coach packet of everyone with --client {ALL}."
    )


def run(args: argparse.Namespace) -> int:
    log = load_from_args(args)
    note = problems_note(
        log,
        "the packet uses the interviews that could be read. "
        "`recovery-analytics validate` lists them.",
    )
    if note:
        print(note, file=sys.stderr)
    client = choose_client(log, args.client)
    options = share_options(args)
    if client is None:
        path = coach_packet(log, path=args.out, today=args.today, **options)
        print(f"Coach packet for {len(log.clients)} clients written to {path}")
    else:
        path = review_packet(
            log,
            client=client,
            path=args.out,
            today=args.today,
            display_name=args.display_name,
            **options,
        )
        shared = " (names replaced by pseudonyms)" if args.anonymize else ""
        print(f"Review packet for {client}{shared} written to {path}")
    if hides(options):
        print(READ_BEFORE_SHARING)
    return 0
