"""``recovery-analytics demo PATHS --out DIR``: the main job, end to end.

Reads the logs, prints the per-client summary, writes every client's review
packet (PDF and HTML), a coach packet and the charts, and says how to open the
notebooks. ``make demo`` runs it on ``data/sample``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ._common import add_load_arguments, load_from_args, print_table
from ._names import add_name_argument, hide_names


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "demo",
        help="summary, review packets and charts for every client, in one go",
        description="Read reflection logs, print a summary per client, and write review "
        "packets (PDF and HTML) and charts into --out.",
    )
    add_load_arguments(p)
    p.add_argument("--out", default="out", help="folder for packets and charts (default: out)")
    p.add_argument("--anonymize", action="store_true", help="use 'Client A' etc. in the exports")
    add_name_argument(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from .._fs import private_dir
    from ..io import client_folder
    from ..reports import coach_packet, review_packet, write_charts
    from ._summary import summary_table

    log = load_from_args(args, errors="collect")
    n = len(log)
    print(f"Read {n} interview{'s' if n != 1 else ''} from {', '.join(args.paths)}.")
    if len(log.problems):
        p = len(log.problems)
        print(
            f"{p} problem{'s' if p != 1 else ''} while reading (every valid entry was kept); "
            "'recovery-analytics validate' lists them."
        )
    if n == 0:
        print("Nothing to show yet: add a reflection first (see notebooks/01_capture.ipynb).")
        return 0
    print()
    print_table(summary_table(log))
    print()

    log = hide_names(log, args.name)  # once, for every packet below
    out = private_dir(args.out)
    packets = private_dir(out / "packets")
    written = []
    for client in log.clients:
        shown = client_folder(client)
        for ext in ("pdf", "html"):
            written.append(
                review_packet(
                    log, client=client, path=packets / f"{shown}.{ext}", anonymize=args.anonymize
                )
            )
    if len(log.clients) > 1:
        for ext in ("pdf", "html"):
            written.append(coach_packet(log, packets / f"coach.{ext}", anonymize=args.anonymize))
    charts = write_charts(log, out / "charts", fmt="png", anonymize=args.anonymize)

    print(f"Review packets ({len(written)}):")
    for path in written:
        print(f"  {path}")
    print(f"Charts ({len(charts)}): {out / 'charts'}")
    root = Path(__file__).resolve().parents[2]
    notebooks = root / "notebooks"
    print()
    print("To explore in JupyterLab, with the entry form and the dashboard:")
    print("  make lab            (or: .venv/bin/recovery-analytics lab)")
    if notebooks.is_dir():
        print(f"  notebooks are in {notebooks}")
    return 0
