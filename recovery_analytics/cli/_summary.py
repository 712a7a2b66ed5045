"""``recovery-analytics summary PATHS``: one row per client, as a table or JSON."""

from __future__ import annotations

import argparse
import json
import sys

import pandas as pd

from .._log import ReflectionLog
from ..analytics import client_summary, client_summary_records
from ._common import add_read_arguments, load_from_args, print_table, problems_note


def add_arguments(p: argparse.ArgumentParser) -> None:
    add_read_arguments(p)
    p.add_argument("--json", action="store_true", help="print JSON records instead of a table")


def summary_table(log: ReflectionLog) -> pd.DataFrame:
    """The summary as people read it: dates as text, shares as percentages."""
    frame = client_summary(log)
    return pd.DataFrame(
        {
            "client": frame["client"],
            "interviews": frame["interviews"],
            "from": frame["first_date"].dt.strftime("%Y-%m-%d"),
            "to": frame["last_date"].dt.strftime("%Y-%m-%d"),
            "went well": frame["n_well"],
            "went wrong": frame["n_wrong"],
            "well, first half": _percent(frame["balance_first_half"]),
            "well, second half": _percent(frame["balance_second_half"]),
            "trend": frame["trend"],
            "keeps coming back": frame["top_weaknesses"].replace("", "-"),
        }
    )


def _percent(values: pd.Series) -> pd.Series:
    return values.map(lambda v: "-" if pd.isna(v) else f"{v:.0%}")


def run(args: argparse.Namespace) -> int:
    log = load_from_args(args)
    if args.json:
        print(json.dumps(client_summary_records(log), indent=2, ensure_ascii=False))
    elif len(log) == 0:
        print("No interviews to summarise yet.")
    else:
        print_table(summary_table(log))
        print(
            "\n'well' is the share of written-down items that went well. It describes "
            "what was noted; it is not a grade."
        )
    note = problems_note(log, "run 'recovery-analytics validate' on the same paths to see them.")
    if note:  # with --json, on stderr: standard output stays one JSON document
        print(f"\n{note}", file=sys.stderr if args.json else sys.stdout)
    return 0
