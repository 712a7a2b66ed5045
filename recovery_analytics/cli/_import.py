"""``recovery-analytics import SRC... --into JOURNAL``: bring an existing journal in."""

from __future__ import annotations

import argparse

from .._formats import FORMAT_NAMES
from ..journal import Journal
from ._common import add_read_arguments, options_from_args


def add_arguments(p: argparse.ArgumentParser) -> None:
    add_read_arguments(
        p,
        metavar="SRC",
        paths_help="files, folders or globs to import",
        format_choices=FORMAT_NAMES,
        taxonomy=False,
    )
    p.add_argument(
        "--into",
        required=True,
        metavar="JOURNAL",
        help="a journal folder, or sqlite:///path.db (created if missing)",
    )
    p.add_argument(
        "--as-new",
        action="store_true",
        help="store entries even when the journal has them under another client name",
    )


def run(args: argparse.Namespace) -> int:
    with Journal.open(args.into) as journal:
        report = journal.import_from(
            args.paths,
            format=args.format,
            mapping=args.mapping,
            encoding=args.encoding,
            dayfirst=args.dayfirst,
            options=options_from_args(args),
            client=args.client,
            as_new=args.as_new,
        )
        total = len(journal)
    print(report)
    print(f"The journal at {args.into} now holds {total} entr{'y' if total == 1 else 'ies'}.")
    return 1 if report.n_problems else 0
