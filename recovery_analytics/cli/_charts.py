"""``recovery-analytics charts PATHS --out DIR --format png|svg|pdf``: every chart as a file.

With one client (or ``--client NAME``) the charts go straight into DIR:
``balance.png``, ``strengths-weaknesses.png``, ... With several clients, the
coach views (``client-themes``, ``balance-grid``) go into DIR and each
client's charts into ``DIR/<client>/``. Every path written is printed.
"""

from __future__ import annotations

import argparse

from ..reports._bundle import CHART_FORMATS as FORMATS
from ._common import add_load_arguments, load_from_args


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


def run(args: argparse.Namespace) -> int:
    from ..reports import write_charts

    log = load_from_args(args, errors="collect")
    written = write_charts(
        log,
        args.out,
        fmt=args.image_format,
        client=args.client,
        anonymize=args.anonymize,
        anonymize_companies=args.anonymize_companies,
        start=args.start,
        end=args.end,
    )
    print(f"{len(written)} charts written to {args.out}:")
    for path in written:
        print(f"  {path}")
    return 0
