"""Loading benchmark (issue 2): load() next to a plain reader of the same files.

For 100,000 interviews in CSV and in JSON Lines and 10,000 Markdown files
(made by ``benchmarks/synth.py``), in one process on the same files:

* CSV: ``load()`` vs plain ``pandas.read_csv``;
* JSON Lines: ``load()`` vs ``pyarrow.json.read_json``;
* Markdown: ``load()`` vs reading the raw bytes of every file.

``load()`` is timed twice: as users call it (validation, list splitting and
theme tagging) and with theme tagging switched off, so the cost of each part
is visible. Each figure is the best of ``--repeat`` runs.

    .venv/bin/python benchmarks/bench_load.py [--n 100000] [--markdown 10000] [--record]
"""

from __future__ import annotations

import argparse
import gc
import os
import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pyarrow.json as pj
import synth
from _common import load_average, machine, main, table

from recovery_analytics import load

HERE = Path(__file__).resolve().parent
SECTION = "## Loading (issue 2)"


def best(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def ensure_data(folder: Path, n: int, n_md: int) -> tuple[Path, Path, Path]:
    csv, jsonl, md = folder / "load.csv", folder / "load.jsonl", folder / "load-md"
    marker = folder / f".load-{n}-{n_md}"
    if not marker.exists():
        records = synth.make_records(n, seed=2)
        synth.write_csv(records, csv)
        synth.write_jsonl(records, jsonl, mixed=False)
        synth.write_markdown_folder(records[:n_md], md)
        marker.touch()
    return csv, jsonl, md


def read_bytes(folder: Path) -> int:
    total = 0
    for root, _, files in os.walk(folder):
        for name in files:
            with open(os.path.join(root, name), "rb") as handle:
                total += len(handle.read())
    return total


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--markdown", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--data", type=Path, default=HERE / "_data")


def run(args: argparse.Namespace) -> str:
    csv, jsonl, md = ensure_data(args.data, args.n, args.markdown)
    rows = []
    for name, what, path, baseline in (
        (f"CSV, {args.n:,} interviews", "pandas.read_csv", csv, pd.read_csv),
        (f"JSON Lines, {args.n:,} interviews", "pyarrow.json.read_json", jsonl, pj.read_json),
        (f"Markdown, {args.markdown:,} files", "read raw bytes", md, read_bytes),
    ):
        rows.append(
            (
                name,
                what,
                best(lambda b=baseline, p=path: b(p), args.repeat),
                best(lambda p=path: load(p, taxonomy=False, progress=False), args.repeat),
                best(lambda p=path: load(p, progress=False), args.repeat),
            )
        )

    log = load(csv, progress=False)
    md_files = args.markdown
    lines = [
        SECTION,
        "",
        f"`.venv/bin/python benchmarks/bench_load.py --n {args.n} --markdown {args.markdown}` "
        f"({time.strftime('%Y-%m-%d')}): {len(log):,} interviews, {len(log.items):,} items. "
        f"Best of {args.repeat} runs, wall seconds, everything in one process on the same "
        "files. 'no themes' is load() with theme tagging switched off.",
        "",
        f"Machine: {machine()}; load average {load_average():.1f} at the end.",
        "",
        *table(
            [
                "data",
                "baseline",
                "baseline s",
                "load() no themes s",
                "load() s",
                "load() x baseline",
            ],
            (
                (name, what, f"{b:.2f}", f"{bare:.2f}", f"{full:.2f}", f"{full / b:.1f}")
                for name, what, b, bare, full in rows
            ),
            text=2,
        ),
        "",
        f"Markdown: {md_files / rows[2][4]:,.0f} files/s with themes, "
        f"{md_files / rows[2][3]:,.0f} files/s without; raw reading "
        f"{md_files / rows[2][2]:,.0f} files/s.",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    main(__doc__, SECTION, _arguments, run)
