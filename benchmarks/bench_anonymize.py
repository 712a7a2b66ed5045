"""Benchmark a one-client anonymised review packet against the same packet plain (issue 14).

Makes ``--n`` interviews (default 50,000) for ``--clients`` clients (default
200) with ``benchmarks/synth.make_records``, writes them as JSON Lines and
loads them with ``load()`` (not timed). Then times, as the median of
``--repeat`` runs, the review packet of the client with the most interviews,
as HTML (and as PDF with ``--pdf``):

* plain (the baseline, in the same run);
* ``anonymize=True, anonymize_companies=True`` without a key;
* the same with a pseudonym key (``pseudonym_key=``, created before the
  timed runs, so each run reads it and finds every name in it);
* plain and anonymised again on a copy of the log where every item, plan B
  action and note of that client is made distinct (a number appended):
  synthetic texts repeat, and anonymising reads each distinct text once,
  so this is the case where nothing repeats.

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

from recovery_analytics import ReflectionLog, load
from recovery_analytics.reports import anonymize, review_packet

SECTION = "## Anonymised packets (issue 14)"


def distinct(log: ReflectionLog) -> ReflectionLog:
    """The log with every text made distinct: a number appended to each."""

    def numbered(frame, column):  # type: ignore[no-untyped-def]
        texts = frame[column]
        suffix = [f" (#{i})" for i in range(len(frame))]
        return frame.assign(**{column: texts.str.cat(suffix, na_rep="").where(texts.notna())})

    return ReflectionLog(
        numbered(log.interviews, "notes"),
        numbered(log.items, "text"),
        numbered(log.actions, "text"),
        log.problems,
    )


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
        unique = distinct(log)
        review_packet(log, client=client, path=folder / "warm.html", pseudonym_key=key, **hide)
        before = load_average()
        rows = []
        for ext in ("html", "pdf") if args.pdf else ("html",):
            target = folder / f"packet.{ext}"
            cases = {
                "plain": (log, {}),
                "anonymised, no key": (log, hide),
                "anonymised, with a key": (log, {**hide, "pseudonym_key": key}),
                "plain, texts distinct": (unique, {}),
                "anonymised, texts distinct": (unique, hide),
            }
            base: dict[int, float] = {}
            for name, (data, options) in cases.items():
                timing = timed(
                    lambda d=data, o=options, t=target: review_packet(
                        d, client=client, path=t, **o
                    ),
                    args.repeat,
                )
                base.setdefault(id(data), timing.cpu)
                rows.append(
                    (
                        f"{ext.upper()}, {name}",
                        f"{timing.wall:.2f}",
                        f"{timing.cpu:.2f}",
                        f"{timing.cpu / base[id(data)]:.2f}x",
                    )
                )
        whole = []
        if args.whole:
            timing = timed(lambda: anonymize(log, anonymize_companies=True), 1)
            whole = [
                "",
                "Anonymising the whole log, `anonymize(log, anonymize_companies=True)`: "
                f"{timing.wall:.1f} s wall, {timing.cpu:.1f} s CPU.",
            ]
        after = load_average()
    lines = [
        SECTION,
        "",
        f"{args.n:,} interviews of {args.clients} clients (`synth.make_records`, seed 14), "
        f"loaded with `load()`; the packet of the client with the most interviews ({shown}). "
        f"Median of {args.repeat} runs; the ratio is CPU seconds against the plain packet "
        "of the same format and the same log.",
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
