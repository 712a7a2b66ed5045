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
from ._common import add_load_arguments, load_from_args
from ._names import READ_BEFORE_SHARING, add_name_argument

ALL = "all"


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "report",
        help="write a review packet (PDF or HTML) for one client, or for all",
        description="Write a review-session packet: a multi-page PDF, or one self-contained "
        "HTML file, chosen by the --out extension. --client all writes a coach packet "
        "across every client. Exits 1 with the known clients when --client is not in the data.",
    )
    add_load_arguments(p)
    p.add_argument("--client", help=f"the client, or {ALL!r} for a coach packet of everyone")
    p.add_argument("--out", required=True, help="the packet to write: FILE.pdf or FILE.html")
    p.add_argument(
        "--anonymize", action="store_true", help='replace client names by "Client A", ...'
    )
    p.add_argument(
        "--anonymize-companies",
        action="store_true",
        help='replace company names by "Company 1", ...',
    )
    add_name_argument(p)
    p.add_argument("--start", help="only interviews on or after this date (YYYY-MM-DD)")
    p.add_argument("--end", help="only interviews on or before this date (YYYY-MM-DD)")
    p.add_argument("--today", help="count plan B ages and inactivity up to this date")
    p.set_defaults(run=run)


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
    from ..reports import coach_packet, review_packet

    log = load_from_args(args, errors="collect")
    if len(log.problems):
        n = len(log.problems)
        print(
            f"Note: {n} problem{'s' if n != 1 else ''} while reading; the packet uses the "
            "interviews that could be read. `recovery-analytics validate` lists them.",
            file=sys.stderr,
        )
    client = choose_client(log, args.client)
    period = None if args.start is None and args.end is None else (args.start, args.end)
    options = {
        "period": period,
        "anonymize": args.anonymize,
        "anonymize_companies": args.anonymize_companies,
        "anonymize_names": args.name,
        "today": args.today,
    }
    if client is None:
        path = coach_packet(log, args.out, **options)
        print(f"Coach packet for {len(log.clients)} clients written to {path}")
    else:
        path = review_packet(log, client=client, path=args.out, **options)
        shared = " (names replaced by pseudonyms)" if args.anonymize else ""
        print(f"Review packet for {client}{shared} written to {path}")
    if args.anonymize or args.anonymize_companies or args.name:
        print(READ_BEFORE_SHARING)
    return 0
