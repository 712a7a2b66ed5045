"""``recovery-analytics validate PATHS``: check files and list every problem."""

from __future__ import annotations

import argparse

from .._problems import problem_lines
from ..vocabulary import plural
from ._common import add_read_arguments, load_from_args


def add_arguments(p: argparse.ArgumentParser) -> None:
    add_read_arguments(p)


def run(args: argparse.Namespace) -> int:
    log = load_from_args(args)
    problems = log.problems
    n = len(log)
    if len(problems):
        for line in problem_lines(problems):
            print(line)
        kept = problems["kind"].isin(["warning", "duplicate"]) if "kind" in problems else None
        if kept is not None and bool(kept.all()):
            print(
                f"\n{plural(len(problems), 'warning')}, worth a look; every entry was kept. "
                f"{plural(n, 'interview')} read."
            )
            return 0
        print(
            f"\n{plural(len(problems), 'problem')} found. "
            f"{plural(n, 'interview')} could be read as they are."
        )
        return 1
    print(
        f"All good: {plural(n, 'interview')} from {plural(len(log.clients), 'client')}, "
        f"{len(log.items)} items "
        f"({int(log.interviews['n_well'].sum())} went well, "
        f"{int(log.interviews['n_wrong'].sum())} went wrong), "
        f"{len(log.actions)} plan B actions."
    )
    return 0
