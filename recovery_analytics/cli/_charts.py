"""``recovery-analytics charts PATHS --out DIR --format png|svg|pdf``: every chart as a file.

With one client (or ``--client NAME``) the charts go straight into DIR:
``balance.png``, ``strengths-weaknesses.png``, ... With several clients, the
coach views (``client-themes``, ``balance-grid``) go into DIR and each
client's charts into ``DIR/<client>/``. Every path written is printed.
"""

from __future__ import annotations

import argparse

from ..reports import CHART_FORMATS, write_charts
from ._common import (
    READ_BEFORE_SHARING,
    add_read_arguments,
    add_share_arguments,
    hides,
    load_from_args,
    share_options,
)


def add_arguments(p: argparse.ArgumentParser) -> None:
    # --format is the image format; --client (below) is the charts' client
    add_read_arguments(p, format_option="--input-format", client=False)
    p.add_argument(
        "--format",
        dest="image_format",
        choices=CHART_FORMATS,
        default="png",
        help="the image format (default png)",
    )
    p.add_argument("--out", required=True, help="the folder to write the charts into")
    p.add_argument(
        "--client", help="only this client's charts (also the client of entries naming none)"
    )
    add_share_arguments(p)


def run(args: argparse.Namespace) -> int:
    log = load_from_args(args)
    options = share_options(args)
    written = write_charts(
        log, folder=args.out, fmt=args.image_format, client=args.client, **options
    )
    print(f"{len(written)} charts written to {args.out}:")
    for path in written:
        print(f"  {path}")
    if hides(options):
        print(READ_BEFORE_SHARING)
    return 0
