"""Benchmark a one-client anonymised review packet against the same packet plain (issue 14).

Makes ``--n`` interviews (default 50,000) for ``--clients`` clients (default
200) with ``benchmarks/synth.make_records``, writes them as JSON Lines and
loads them with ``load()`` (not timed). Then times, as the median of
``--repeat`` runs, the review packet of the client with the most interviews,
as HTML (and as PDF with ``--pdf``):

* plain (the baseline, in the same run);
* ``anonymize=True, anonymize_companies=True`` without a key;
* the same with a pseudonym key (``pseudonym_key=``, created before the
  timed runs, so each run reads it and finds every name in it).

The ratio anonymised / plain is the figure issue 14 asks to keep within 2x.
With ``--whole`` it also times ``anonymize(log)`` of the whole log, what a
packet did before it picked its rows first (minutes at 50,000 interviews).

    .venv/bin/python benchmarks/bench_anonymize.py [--n 50000] [--record]
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from _common import load_average, machine, main, shared_cpus, table, timed
from synth import make_records, write_jsonl

from recovery_analytics import load
from recovery_analytics.reports import anonymize, review_packet

SECTION = "## Anonymised packets (issue 14)"


def run(args: argparse.Namespace) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        records = make_records(args.n, seed=14, clients=args.clients)
        path = write_jsonl(records, folder / "log.jsonl")
        log = load(path)
        counts = log.interviews["client"].value_counts()
        client = str(counts.index[0])
        shown = int(counts.iloc[0])
        key = folder / "log.jsonl.pseudonyms.json"
        hide = {"anonymize": True, "anonymize_companies": True}
        review_packet(log, client=client, path=folder / "warm.html", pseudonym_key=key, **hide)
        before = load_average()
        rows = []
        for ext in ("html", "pdf") if args.pdf else ("html",):
            target = folder / f"packet.{ext}"
            cases = {
                "plain": {},
                "anonymised, no key": hide,
                "anonymised, with a key": {**hide, "pseudonym_key": key},
            }
            base = None
            for name, options in cases.items():
                timing = timed(
                    lambda o=options, t=target: review_packet(log, client=client, path=t, **o),
                    args.repeat,
                )
                base = base or timing
                rows.append(
                    (
                        f"{ext.upper()}, {name}",
                        f"{timing.wall:.2f}",
                        f"{timing.cpu:.2f}",
                        f"{timing.cpu / base.cpu:.2f}x",
                    )
                )
        whole = []
        if args.whole:
            timing = timed(lambda: anonymize(log, anonymize_companies=True), 1)
            whole = [
                "",
                f"Anonymising the whole log first (what a packet did before): "
                f"{timing.wall:.1f} s wall, {timing.cpu:.1f} s CPU.",
            ]
        after = load_average()
    lines = [
        SECTION,
        "",
        f"{args.n:,} interviews of {args.clients} clients (`synth.make_records`, seed 14), "
        f"loaded with `load()`; the packet of the client with the most interviews ({shown}). "
        f"Median of {args.repeat} runs; the ratio is CPU seconds against the plain packet "
        "of the same format.",
        "",
        f"Machine: {machine()}.",
        "",
        *table(("Review packet", "wall s", "CPU s", "vs plain"), rows),
        *whole,
        "",
        shared_cpus(before, after),
        "",
    ]
    return "\n".join(lines)


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--n", type=int, default=50_000, help="interviews (default 50,000)")
    parser.add_argument("--clients", type=int, default=200, help="clients (default 200)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure (median)")
    parser.add_argument("--pdf", action="store_true", help="also time the PDF packet (slow)")
    parser.add_argument(
        "--whole", action="store_true", help="also time anonymising the whole log (slow)"
    )


if __name__ == "__main__":
    main(__doc__, SECTION, _arguments, run)
