"""The ``recovery-analytics`` command line.

Each subcommand lives in its own module with ``add_arguments(parser)`` and
``run(args) -> int``; this module names them, says what they do in
``--help``, and wires them together.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from ..exceptions import RecoveryAnalyticsError

__all__ = ["build_parser", "main"]

#: command -> (module, --help line, description), in the order --help shows them
_COMMANDS: dict[str, tuple[str, str, str]] = {
    "validate": (
        "._validate",
        "check reflection files and list every problem",
        "Check reflection files. Exits 1 and lists file:line field message for every problem; "
        "exits 0 with counts when all is well.",
    ),
    "summary": (
        "._summary",
        "one row per client: interviews, dates, items, balance trend, recurring themes",
        "Per client: interviews, date range, items that went well and wrong, how the balance "
        "moved between the first and second half of the interviews, and the weaknesses that "
        "keep coming back.",
    ),
    "report": (
        "._report",
        "write a review packet (PDF or HTML) for one client, or for all",
        "Write a review-session packet: a multi-page PDF, or one self-contained HTML file, "
        "chosen by the --out extension. --client all writes a coach packet across every "
        "client. Exits 1 with the known clients when --client is not in the data.",
    ),
    "charts": (
        "._charts",
        "write every chart as PNG, SVG or PDF files",
        "Write each chart to its own file with a plain name (balance.png, "
        "recurring-weaknesses.png, ...) and print where they are.",
    ),
    "import": (
        "._import",
        "add entries from other files or apps (Daylio, Day One, ...) to a journal",
        "Read files in any format load() knows (our Markdown, CSV, JSON; Daylio, Day One, "
        "Google Forms, Notion, Obsidian exports) and add their entries to a journal. Entries "
        "already in the journal are skipped; anything that could not be read is listed. "
        "Nothing already in the journal is changed.",
    ),
    "clients": (
        "._clients",
        "list a journal's clients; rename or merge them",
        "List the clients of a journal with their number of entries. --rename OLD=NEW moves "
        "every entry of OLD to NEW, merging them when NEW exists (the same interview is kept "
        "once).",
    ),
    "demo": (
        "._demo",
        "summary, review packets and charts for every client, in one go",
        "Read reflection logs, print a summary per client, and write review packets (PDF and "
        "HTML) and charts into --out.",
    ),
    "practice": (
        "._practice",
        "set up a practice database on PostgreSQL: coaches, clients and their access",
        "Set up a PostgreSQL journal for a coaching practice: a database role per coach and "
        "per client, and row-level security so that each sees only their own clients' "
        "entries (docs/practice.md).",
    ),
    "form": (
        "._form",
        "serve the entry form as a web page for one client (Voila, with a token)",
        "Serve the entry form (01_capture.ipynb) as a web page for one client with Voila: on "
        "this computer only (127.0.0.1) unless --ip, with a new secret token in the printed "
        "address, no file served, and the form kept to that client's entries. Refuses a "
        "journal holding other clients' entries unless --shared-journal (docs/voila.md). "
        "Stop it with Ctrl-C.",
    ),
    "lab": (
        "._lab",
        "start JupyterLab on the notebooks (capture, trends, coach overview, review)",
        "Start JupyterLab on the notebooks folder, on this computer only (127.0.0.1), and "
        "print the address to open. Stop it with Ctrl-C.",
    ),
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="recovery-analytics",
        description="Learn from job interviews that went badly - and well.",
    )
    from .. import __version__

    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for command, (name, help_line, description) in _COMMANDS.items():
        try:
            module = importlib.import_module(name, __name__)
        except ModuleNotFoundError as exc:  # a subcommand not built yet
            if exc.name and exc.name.startswith(__name__):
                continue
            raise
        parser_of = sub.add_parser(command, help=help_line, description=description)
        module.add_arguments(parser_of)
        parser_of.set_defaults(run=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (0 ok, 1 problems, 2 usage)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.run(args)
    except RecoveryAnalyticsError as exc:
        print(f"recovery-analytics: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:  # pragma: no cover - interactive
        print("recovery-analytics: stopped.", file=sys.stderr)
        return 130
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
