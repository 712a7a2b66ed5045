"""What the subcommands share: reading arguments, sharing arguments, loading, tables.

:func:`add_read_arguments` and :func:`load_from_args` are the one way a
command reads files; :func:`add_share_arguments` and :func:`share_options`
the one way it takes the period and the anonymising options, spelled as the
Python functions spell them (``--anonymize``, ``--anonymize-companies``,
``--anonymize-names``), so ``report``, ``charts`` and ``demo`` agree.
"""

from __future__ import annotations

import argparse
import glob
import json
import sys
from pathlib import Path
from typing import Any, TextIO

import pandas as pd

from .._load import load
from .._log import ReflectionLog
from ..importers import check_option_names
from ..reports import KEY_SUFFIX

__all__ = [
    "READ_BEFORE_SHARING",
    "add_read_arguments",
    "add_share_arguments",
    "default_pseudonym_key",
    "client_from_args",
    "load_from_args",
    "options_from_args",
    "print_table",
    "problems_note",
    "share_options",
]

_OPTION_HELP = (
    "an importer option, e.g. dayone_tag=job, obsidian_tag=null or "
    '\'daylio_keywords=["interview", "call"]\' (VALUE is read as JSON when it can be, '
    "else as text); repeat for several; docs/importers.md lists them"
)

_CLIENT_HELP = (
    "the client of every entry that names none (else a folder's name, or 'me' with a warning)"
)
_PATHS_NOTE = " (a practice manifest .toml or a journal URL such as sqlite:///practice.db too)"

READ_BEFORE_SHARING = (
    "Names and contact details were hidden as well as the text allows; no automatic "
    "check finds every one, so please read it through before you share it."
)


def importer_option(text: str) -> tuple[str, Any]:
    """``KEY=VALUE`` from the command line; VALUE as JSON when it parses, else as text."""
    key, sep, raw = text.partition("=")
    key = key.strip()
    if not sep or not key:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not KEY=VALUE; write it as, for example, dayone_tag=job"
        )
    try:
        check_option_names({key: None})
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    try:
        value = json.loads(raw)
    except ValueError:
        value = raw
    return key, value


def add_read_arguments(
    parser: argparse.ArgumentParser,
    *,
    metavar: str = "PATH",
    paths_help: str = "files, folders or globs",
    format_option: str = "--format",
    format_choices: tuple[str, ...] | None = None,
    taxonomy: bool = True,
    client: bool = True,
) -> None:
    """The arguments every command that reads files takes (paths, format, options...).

    ``client=False`` for a command that has a ``--client`` of its own (which
    then also names the client of entries that name none).
    """
    parser.add_argument("paths", nargs="+", metavar=metavar, help=paths_help + _PATHS_NOTE)
    if client:
        parser.add_argument("--client", help=_CLIENT_HELP)
    parser.add_argument(
        format_option, dest="format", choices=format_choices, help="read every file as this format"
    )
    parser.add_argument("--mapping", help="a TOML file mapping your column headers to fields")
    parser.add_argument("--encoding", default="utf-8", help="text encoding (default utf-8)")
    parser.add_argument(
        "--dayfirst",
        action="store_const",
        const=True,
        default=None,
        help="read 04/03/2026 as 4 March (by default each file decides from its own dates)",
    )
    parser.add_argument(
        "--monthfirst",
        dest="dayfirst",
        action="store_const",
        const=False,
        help="read 04/03/2026 as 3 April",
    )
    if taxonomy:
        parser.add_argument("--taxonomy", help="a TOML theme taxonomy of your own")
    parser.add_argument(
        "--option",
        action="append",
        default=[],
        type=importer_option,
        metavar="KEY=VALUE",
        help=_OPTION_HELP,
    )


def options_from_args(args: argparse.Namespace) -> dict[str, Any]:
    return dict(getattr(args, "option", []) or [])


def load_from_args(args: argparse.Namespace) -> ReflectionLog:
    """The log the command's paths hold; problems are collected, never raised."""
    return load(
        args.paths,
        errors="collect",
        format=args.format,
        mapping=args.mapping,
        encoding=args.encoding,
        dayfirst=args.dayfirst,
        taxonomy=args.taxonomy,
        progress=None,
        options=options_from_args(args),
        client=client_from_args(args),
    )


def client_from_args(args: argparse.Namespace) -> str | None:
    """The ``--client`` given, unless it is ``all`` (a coach packet of everyone)."""
    client: str | None = getattr(args, "client", None)
    return None if client is None or client.casefold() == "all" else client


def add_share_arguments(
    parser: argparse.ArgumentParser, *, companies: bool = True, period: bool = True
) -> None:
    """``--anonymize``, ``--anonymize-companies``, ``--anonymize-names`` and the period."""
    parser.add_argument(
        "--anonymize", action="store_true", help='replace client names by "Client A", ...'
    )
    if companies:
        parser.add_argument(
            "--anonymize-companies",
            action="store_true",
            help='replace company names by "Company 1", ...',
        )
    parser.add_argument(
        "--anonymize-names",
        "--name",
        dest="anonymize_names",
        action="append",
        default=[],
        metavar="NAME",
        help="also hide this person's name (an interviewer, a referee) wherever the text "
        'mentions it, as "[name]"; repeat for each name and each way you wrote it',
    )
    parser.add_argument(
        "--pseudonym-key",
        metavar="PATH",
        help="the file that keeps each client's and company's pseudonym the same in every "
        "export (JSON, created owner-only; it holds real names, keep it private). Default: "
        f"beside the data, FOLDER/{KEY_SUFFIX} for a folder, FILE{KEY_SUFFIX} for a file",
    )
    if period:
        parser.add_argument("--start", help="only interviews on or after this date (YYYY-MM-DD)")
        parser.add_argument("--end", help="only interviews on or before this date (YYYY-MM-DD)")


def share_options(args: argparse.Namespace) -> dict[str, Any]:
    """The keyword options of ``review_packet``/``coach_packet``/``write_charts``."""
    options: dict[str, Any] = {
        "anonymize": args.anonymize,
        "anonymize_companies": getattr(args, "anonymize_companies", False),
        "anonymize_names": args.anonymize_names,
    }
    if options["anonymize"] or options["anonymize_companies"]:
        key = getattr(args, "pseudonym_key", None)
        options["pseudonym_key"] = key or default_pseudonym_key(getattr(args, "paths", []))
    start, end = getattr(args, "start", None), getattr(args, "end", None)
    if start is not None or end is not None:
        options["period"] = (start, end)
    return options


def default_pseudonym_key(paths: list[str]) -> Path | None:
    """Where the pseudonym key is kept when ``--pseudonym-key`` is not given.

    Beside the data the command reads, so it stays with the journal: for a
    folder, ``FOLDER/.pseudonyms.json``; for a file (a journal database, a
    CSV), ``FILE.pseudonyms.json``; for a glob, in the folder it starts
    from. Several paths take the first one's place. ``None`` (no key) for
    no path or a database server's address.

    Examples
    --------
    >>> str(default_pseudonym_key(["notes/*.md"]))
    'notes/.pseudonyms.json'
    >>> str(default_pseudonym_key(["journal.db"]))
    'journal.db.pseudonyms.json'
    """
    first = paths[0].removeprefix("sqlite:///") if paths else ""
    if not first or "://" in first:  # a database server: give --pseudonym-key
        return None
    if glob.has_magic(first):
        parts = Path(first).parts
        plain = next(i for i, part in enumerate(parts) if glob.has_magic(part))
        return Path(*parts[:plain]) / KEY_SUFFIX
    path = Path(first).expanduser()
    if path.is_dir():
        return path / KEY_SUFFIX
    return path.with_name(path.name + KEY_SUFFIX)


def hides(options: dict[str, Any]) -> bool:
    """Whether the options hide anything (then the reader is asked to check)."""
    return bool(
        options.get("anonymize")
        or options.get("anonymize_companies")
        or options.get("anonymize_names")
    )


def problems_note(log: ReflectionLog, then: str) -> str | None:
    """``"Note: 2 problems while reading; <then>"``, or ``None`` when there were none."""
    n = len(log.problems)
    if not n:
        return None
    return f"Note: {n} problem{'s' if n != 1 else ''} while reading; {then}"


def print_table(frame: pd.DataFrame, *, file: TextIO | None = None) -> None:
    out = file or sys.stdout
    if frame.empty:
        print("(nothing to show)", file=out)
        return
    with pd.option_context(
        "display.max_rows",
        500,
        "display.max_columns",
        50,
        "display.width",
        200,
        "display.max_colwidth",
        80,
    ):
        print(frame.to_string(index=False), file=out)
