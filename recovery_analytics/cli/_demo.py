"""``recovery-analytics demo PATHS --out DIR``: the main job, end to end.

Reads the logs, prints the per-client summary, writes every client's review
packet (PDF and HTML), a coach packet and the charts, and says how to open the
notebooks. ``make demo`` runs it on ``data/sample``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from .._fs import private_dir
from ..exceptions import RecoveryAnalyticsError
from ..io import client_folder
from ..reports import anonymize, coach_packet, review_packet, write_charts
from ..vocabulary import plural
from ._common import (
    add_read_arguments,
    add_share_arguments,
    hides,
    load_from_args,
    print_table,
    share_options,
)
from ._summary import summary_table


def add_arguments(p: argparse.ArgumentParser) -> None:
    add_read_arguments(p)
    p.add_argument("--out", default="out", help="folder for packets and charts (default: out)")
    p.add_argument(
        "--display-name",
        action="append",
        default=[],
        metavar="ID=NAME",
        help='the name a packet shows for a client, e.g. ana="Ana Souza"; repeat per client',
    )
    add_share_arguments(p, companies=False, period=False)


def display_names(pairs: list[str]) -> dict[str, str]:
    """``["ana=Ana Souza"]`` as ``{"ana": "Ana Souza"}``."""
    out = {}
    for pair in pairs:
        key, sep, name = pair.partition("=")
        if not sep or not key.strip() or not name.strip():
            raise RecoveryAnalyticsError(
                f'--display-name {pair!r} is not ID=NAME; write it as ana="Ana Souza"'
            )
        out[key.strip()] = name.strip()
    return out


def run(args: argparse.Namespace) -> int:
    log = load_from_args(args)
    n = len(log)
    print(f"Read {plural(n, 'interview')} from {', '.join(args.paths)}.")
    if len(log.problems):
        print(
            f"{plural(len(log.problems), 'problem')} while reading (every valid entry was "
            "kept); 'recovery-analytics validate' lists them."
        )
    if n == 0:
        print("Nothing to show yet: add a reflection first (see notebooks/01_capture.ipynb).")
        return 0
    print()
    print_table(summary_table(log))
    print()

    options = share_options(args)
    if hides(options):  # once, for every export below: file names use the pseudonyms too
        log = anonymize(log, **options)
    out = private_dir(args.out)
    packets = private_dir(out / "packets")
    written = []
    shown = display_names(args.display_name)
    for client in log.clients:
        for ext in ("pdf", "html"):
            path = packets / f"{client_folder(client)}.{ext}"
            written.append(
                review_packet(log, client=client, path=path, display_name=shown.get(client))
            )
    if len(log.clients) > 1:
        for ext in ("pdf", "html"):
            written.append(coach_packet(log, path=packets / f"coach.{ext}"))
    charts = write_charts(log, folder=out / "charts", fmt="png")

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
