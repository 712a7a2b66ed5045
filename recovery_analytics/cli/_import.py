"""``recovery-analytics import SRC... --into JOURNAL``: bring an existing journal in."""

from __future__ import annotations

import argparse


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from .._formats import FORMAT_NAMES
    from ._common import add_option_argument

    p = sub.add_parser(
        "import",
        help="add entries from other files or apps (Daylio, Day One, ...) to a journal",
        description="Read files in any format load() knows (our Markdown, CSV, JSON; Daylio, "
        "Day One, Google Forms, Notion, Obsidian exports) and add their entries to a journal. "
        "Entries already in the journal are skipped; anything that could not be read is "
        "listed. Nothing already in the journal is changed.",
    )
    p.add_argument("paths", nargs="+", metavar="SRC", help="files, folders or globs to import")
    p.add_argument(
        "--into",
        required=True,
        metavar="JOURNAL",
        help="a journal folder, or sqlite:///path.db (created if missing)",
    )
    p.add_argument("--format", choices=FORMAT_NAMES, help="read every file as this format")
    p.add_argument("--mapping", help="a TOML file mapping your column headers to fields")
    p.add_argument("--encoding", default="utf-8", help="text encoding (default utf-8)")
    p.add_argument("--dayfirst", action="store_true", help="read 04/03/2026 as 4 March")
    add_option_argument(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..journal import Journal
    from ._common import options_from_args

    with Journal.open(args.into) as journal:
        report = journal.import_from(
            args.paths,
            format=args.format,
            mapping=args.mapping,
            encoding=args.encoding,
            dayfirst=args.dayfirst,
            options=options_from_args(args),
        )
        total = len(journal)
    print(report)
    print(f"The journal at {args.into} now holds {total} entr{'y' if total == 1 else 'ies'}.")
    return 1 if report.n_problems else 0
