"""Loading benchmark (issue 2): load() next to a plain reader of the same files.

For 100,000 interviews in CSV and in JSON Lines and 10,000 Markdown files
(made by ``benchmarks/synth.py``), in one process on the same files:

* CSV: ``load()`` vs plain ``pandas.read_csv``;
* JSON Lines: ``load()`` vs ``pyarrow.json.read_json``;
* Markdown: ``load()`` vs reading the raw bytes of every file.

``load()`` is timed twice: as users call it (validation, list splitting and
theme tagging) and with theme tagging switched off, so the cost of each part
is visible. Each figure is the best of ``--repeat`` runs.

    python benchmarks/bench_load.py [--n 100000] [--markdown 10000] [--record]
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pyarrow.json as pj

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import synth  # noqa: E402

from benchmarks._common import cpu_model, record_section  # noqa: E402
from recovery_analytics import load  # noqa: E402


class NoThemes:
    """Tags nothing, to time loading without the theme tagger."""

    def tag_items(self, texts: pd.Series, tags: pd.Series | None = None) -> pd.Series:
        empty: list[str] = []
        return pd.Series([empty] * len(texts), index=texts.index, dtype=object)


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--markdown", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--data", type=Path, default=HERE / "_data")
    parser.add_argument("--record", action="store_true", help="write into RESULTS.md")
    args = parser.parse_args()
    csv, jsonl, md = ensure_data(args.data, args.n, args.markdown)
    quiet = {"progress": False}
    none = NoThemes()

    rows = []
    base = best(lambda: pd.read_csv(csv), args.repeat)
    full = best(lambda: load(csv, **quiet), args.repeat)
    bare = best(lambda: load(csv, taxonomy=none, **quiet), args.repeat)
    rows.append((f"CSV, {args.n:,} interviews", "pandas.read_csv", base, bare, full))
    base = best(lambda: pj.read_json(jsonl), args.repeat)
    full = best(lambda: load(jsonl, **quiet), args.repeat)
    bare = best(lambda: load(jsonl, taxonomy=none, **quiet), args.repeat)
    rows.append((f"JSON Lines, {args.n:,} interviews", "pyarrow.json.read_json", base, bare, full))
    base = best(lambda: read_bytes(md), args.repeat)
    full = best(lambda: load(md, **quiet), args.repeat)
    bare = best(lambda: load(md, taxonomy=none, **quiet), args.repeat)
    rows.append((f"Markdown, {args.markdown:,} files", "read raw bytes", base, bare, full))

    log = load(csv, **quiet)
    lines = [
        "## Loading (issue 2)",
        "",
        f"`python benchmarks/bench_load.py --n {args.n} --markdown {args.markdown}` "
        f"({time.strftime('%Y-%m-%d')}): {len(log):,} interviews, {len(log.items):,} items. "
        f"Best of {args.repeat} runs, wall seconds, everything in one process on the same "
        "files. 'no themes' is load() with theme tagging switched off.",
        "",
        f"Machine: {os.cpu_count()} CPUs, {cpu_model()}; Python {platform.python_version()}, "
        f"pandas {pd.__version__}; load average {os.getloadavg()[0]:.1f} at the end.",
        "",
        "| data | baseline | baseline s | load() no themes s | load() s | load() x baseline |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for name, what, b, bare, full in rows:
        lines.append(f"| {name} | {what} | {b:.2f} | {bare:.2f} | {full:.2f} | {full / b:.1f} |")
    md_files = args.markdown
    lines.append("")
    lines.append(
        f"Markdown: {md_files / rows[2][4]:,.0f} files/s with themes, "
        f"{md_files / rows[2][3]:,.0f} files/s without; raw reading "
        f"{md_files / rows[2][2]:,.0f} files/s."
    )
    text = "\n".join(lines)
    print(text)
    if args.record:
        record_section("## Loading (issue 2)", text)


if __name__ == "__main__":
    main()
