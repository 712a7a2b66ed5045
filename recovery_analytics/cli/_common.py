"""Helpers shared by subcommands: loading paths and printing tables."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, TextIO

import pandas as pd

from .._load import load
from .._log import ReflectionLog

__all__ = [
    "add_load_arguments",
    "add_option_argument",
    "load_from_args",
    "options_from_args",
    "print_table",
]

_OPTION_HELP = (
    "an importer option, e.g. dayone_tag=job, obsidian_tag=null or "
    '\'daylio_keywords=["interview", "call"]\' (VALUE is read as JSON when it can be, '
    "else as text); repeat for several; docs/importers.md lists them"
)


def importer_option(text: str) -> tuple[str, Any]:
    """``KEY=VALUE`` from the command line; VALUE as JSON when it parses, else as text."""
    from ..importers import check_option_names

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


def add_option_argument(parser: argparse.ArgumentParser) -> None:
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


def add_load_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files, folders or globs")
    parser.add_argument("--format", help="read every file as this format")
    parser.add_argument("--mapping", help="a TOML file mapping your column headers to fields")
    parser.add_argument("--encoding", default="utf-8", help="text encoding (default utf-8)")
    parser.add_argument("--dayfirst", action="store_true", help="read 04/03/2026 as 4 March")
    parser.add_argument("--taxonomy", help="a TOML theme taxonomy of your own")
    add_option_argument(parser)


def load_from_args(args: argparse.Namespace, *, errors: str = "collect") -> ReflectionLog:
    return load(
        args.paths,
        errors=errors,
        format=args.format,
        mapping=args.mapping,
        encoding=args.encoding,
        dayfirst=args.dayfirst,
        taxonomy=args.taxonomy,
        progress=None,
        options=options_from_args(args),
    )


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
