"""``recovery-analytics charts PATHS --out DIR --format png|svg|pdf``: every chart as a file.

With one client (or ``--client NAME``) the charts go straight into DIR:
``balance.png``, ``strengths-weaknesses.png``, ... With several clients, the
coach views (``client-themes``, ``balance-grid``) go into DIR and each
client's charts into ``DIR/<client>/``. Every path written is printed.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .._log import ReflectionLog
from ._common import add_load_arguments, load_from_args

FORMATS = ("png", "svg", "pdf")


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "charts",
        help="write every chart as PNG, SVG or PDF files",
        description="Write each chart to its own file with a plain name (balance.png, "
        "recurring-weaknesses.png, ...) and print where they are.",
        conflict_handler="resolve",  # --format below means the image format here
    )
    add_load_arguments(p)
    p.add_argument("--input-format", dest="format", help="read every input file as this format")
    p.add_argument(
        "--format",
        dest="image_format",
        choices=FORMATS,
        default="png",
        help="the image format (default png)",
    )
    p.add_argument("--out", required=True, help="the folder to write the charts into")
    p.add_argument("--client", help="only this client's charts")
    p.add_argument("--start", help="only interviews on or after this date (YYYY-MM-DD)")
    p.add_argument("--end", help="only interviews on or before this date (YYYY-MM-DD)")
    p.add_argument(
        "--anonymize", action="store_true", help='replace client names by "Client A", ...'
    )
    p.add_argument(
        "--anonymize-companies",
        action="store_true",
        help='replace company names by "Company 1", ...',
    )
    p.set_defaults(run=run)


def client_charts() -> dict[str, Callable[[ReflectionLog], Any]]:
    """File name -> chart, for one client's log."""
    from .. import charts

    return {
        "balance": lambda log: charts.plot_balance(log),
        "strengths-weaknesses": lambda log: charts.plot_strengths_weaknesses(log),
        "recurring-weaknesses": lambda log: charts.plot_recurring(log),
        "recurring-strengths": lambda log: charts.plot_recurring(log, polarity="well"),
        "theme-timeline": lambda log: charts.plot_theme_timeline(log),
        "feeling": lambda log: charts.plot_feeling(log),
        "follow-ups": lambda log: charts.plot_follow_ups(log),
    }


def coach_charts() -> dict[str, Callable[[ReflectionLog], Any]]:
    """File name -> chart, across every client."""
    from .. import charts

    return {
        "client-themes": lambda log: charts.plot_client_themes(log),
        "balance-grid": lambda log: charts.plot_balance_grid(log),
    }


def run(args: argparse.Namespace) -> int:
    from ..io._writers import client_folder
    from ..reports import anonymize, pseudonyms, save_chart

    log = load_from_args(args, errors="collect")
    name = log.check_client(args.client) if args.client else None
    if args.anonymize or args.anonymize_companies:
        hide = {"clients": args.anonymize, "companies": args.anonymize_companies}
        if name is not None:
            name = pseudonyms(log, **hide).client(name)
        log = anonymize(log, **hide)
    if args.start or args.end:
        log = log.filter(start=args.start, end=args.end)
    out = Path(args.out)
    ext = args.image_format
    written: list[Path] = []

    def write(chart: Any, path: Path) -> None:
        written.append(save_chart(chart, path))

    clients: list[str | None] = [name] if name is not None else list(log.clients)
    if len(clients) > 1:
        for stem, draw in coach_charts().items():
            write(draw(log), out / f"{stem}.{ext}")
    for client in clients or [None]:
        one = log.filter(client=client) if client is not None else log
        folder = out / client_folder(client) if len(clients) > 1 and client else out
        for stem, draw in client_charts().items():
            write(draw(one), folder / f"{stem}.{ext}")
    print(f"{len(written)} charts written to {out}:")
    for path in written:
        print(f"  {path}")
    return 0
