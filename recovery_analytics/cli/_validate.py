"""``recovery-analytics validate PATHS``: check files and list every problem."""

from __future__ import annotations

import argparse

from .._problems import problem_lines
from ._common import add_load_arguments, load_from_args


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "validate",
        help="check reflection files and list every problem",
        description="Check reflection files. Exits 1 and lists file:line field message "
        "for every problem; exits 0 with counts when all is well.",
    )
    add_load_arguments(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    log = load_from_args(args, errors="collect")
    problems = log.problems
    n = len(log)
    clients = len(log.clients)
    if len(problems):
        for line in problem_lines(problems):
            print(line)
        print(
            f"\n{len(problems)} problem{'s' if len(problems) != 1 else ''} found. "
            f"{n} interview{'s' if n != 1 else ''} could be read as they are."
        )
        return 1
    print(
        f"All good: {n} interview{'s' if n != 1 else ''} from {clients} "
        f"client{'s' if clients != 1 else ''}, {len(log.items)} items "
        f"({int(log.interviews['n_well'].sum())} went well, "
        f"{int(log.interviews['n_wrong'].sum())} went wrong), "
        f"{len(log.actions)} plan B actions."
    )
    return 0
