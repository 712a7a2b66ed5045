"""``recovery-analytics summary PATHS``: one row per client, as a table or JSON."""

from __future__ import annotations

import argparse
import json

import pandas as pd

from ._common import add_load_arguments, load_from_args, print_table


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "summary",
        help="one row per client: interviews, dates, items, balance trend, recurring themes",
        description="Per client: interviews, date range, items that went well and wrong, "
        "how the balance moved between the first and second half of the interviews, and "
        "the weaknesses that keep coming back.",
    )
    add_load_arguments(p)
    p.add_argument("--json", action="store_true", help="print JSON records instead of a table")
    p.set_defaults(run=run)


def summary_table(log: object) -> pd.DataFrame:
    """The summary as people read it: dates as text, shares as percentages."""
    from ..analytics import client_summary

    frame = client_summary(log)  # type: ignore[arg-type]
    out = pd.DataFrame(
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
    return out


def _percent(values: pd.Series) -> pd.Series:
    return values.map(lambda v: "-" if pd.isna(v) else f"{v:.0%}")


def run(args: argparse.Namespace) -> int:
    from ..analytics import client_summary_records

    log = load_from_args(args, errors="collect")
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
    if len(log.problems):
        n = len(log.problems)
        print(
            f"\nNote: {n} problem{'s' if n != 1 else ''} while reading; "
            "run 'recovery-analytics validate' on the same paths to see them.",
        )
    return 0
