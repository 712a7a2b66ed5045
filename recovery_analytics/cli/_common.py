"""Helpers shared by subcommands: loading paths and printing tables."""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

import pandas as pd

from .._load import load
from .._log import ReflectionLog

__all__ = ["add_load_arguments", "load_from_args", "print_table"]


def add_load_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files, folders or globs")
    parser.add_argument("--format", help="read every file as this format")
    parser.add_argument("--mapping", help="a TOML file mapping your column headers to fields")
    parser.add_argument("--encoding", default="utf-8", help="text encoding (default utf-8)")
    parser.add_argument("--dayfirst", action="store_true", help="read 04/03/2026 as 4 March")
    parser.add_argument("--taxonomy", help="a TOML theme taxonomy of your own")


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
