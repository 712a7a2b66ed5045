"""Benchmark the journal (issue 6): saving an entry, and the refresh after it.

For each backend (a folder of Markdown files, an SQLite database) a journal of
``--n`` entries (default 1,000, from :func:`benchmarks.synth.make_records`) is
filled with ``import_from`` (timed once, for information), then:

* ``add`` - one new entry into the full journal (median of ``--adds``), next to
  ``entry_from_mapping`` alone, the validation every add runs;
* ``log()`` - the refresh a dashboard does after a save (median of
  ``--repeat``), with the built-in theme taxonomy and with a stand-in that tags
  nothing (the journal's own cost), next to a baseline in the same run:
  for the folder, ``load()`` of the same entries written by
  ``write_markdown_folder`` (stand-in taxonomy); for SQLite, a plain
  ``pd.read_sql`` of the table.

    .venv/bin/python benchmarks/bench_journal.py [--record]

prints the figures; ``--record`` also writes them to the "## Journal (issue 6)"
section of RESULTS.md (see ``_common.main``).
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import sqlalchemy
from _common import load_average, machine, main, median_time, shared_cpus, table
from synth import make_records

from recovery_analytics import entry_from_mapping, load
from recovery_analytics.io import write_markdown_folder
from recovery_analytics.journal import Journal, SqliteJournal

SECTION = "## Journal (issue 6)"


def _clean(record: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in record.items() if v is not None}


Row = tuple[str, float, float]


def _row(rows: list[Row], name: str, func: Callable[[], object], times: int) -> None:
    wall, cpu = median_time(func, times)
    rows.append((name, wall, cpu))


def bench_backend(
    backend: str,
    location: str | Path,
    source: Path,
    extra: list[dict[str, Any]],
    repeat: int,
    rows: list[Row],
) -> str:
    """Fill one journal, time add and log() and the baseline; return a note."""
    no_themes = False
    n = sum(1 for _ in source.open())
    journal = Journal.open(location)
    w0 = time.perf_counter()
    report = journal.import_from(source)
    filled = time.perf_counter() - w0
    assert report.n_added == n and report.n_problems == 0, repr(report)
    queue = iter(extra)
    _row(
        rows,
        f"{backend}: `journal.add(record)` into {n:,} entries",
        lambda: journal.add(next(queue)),
        len(extra),
    )
    assert len(journal) == n + len(extra)
    journal.log(taxonomy=no_themes)  # warm up
    _row(
        rows,
        f"{backend}: `journal.log()`, stand-in taxonomy",
        lambda: journal.log(taxonomy=no_themes),
        repeat,
    )
    try:
        _row(rows, f"{backend}: `journal.log()`, built-in taxonomy", journal.log, repeat)
    except Exception as exc:  # the tagger is not the journal's; report, go on
        rows.append((f"{backend}: `journal.log()`, built-in taxonomy: failed ({exc!r:.60})", 0, 0))
    if isinstance(journal, SqliteJournal):
        engine = journal.engine
        _row(
            rows,
            'SQLite baseline: `pd.read_sql("SELECT * FROM entries")`',
            lambda: pd.read_sql("SELECT * FROM entries", engine),
            repeat,
        )
    else:
        plain = source.parent / "plain"
        written = write_markdown_folder(load(source, taxonomy=no_themes), plain)
        assert len(written) == n and len(load(plain, taxonomy=no_themes)) == n
        _row(
            rows,
            f"folder baseline: `load()` of the {n:,} files `write_markdown_folder` wrote, "
            "stand-in taxonomy",
            lambda: load(plain, taxonomy=no_themes),
            repeat,
        )
    journal.close()
    return f"{backend}: filled with `import_from` of {n:,} entries in {filled:.1f} s"


def run(n: int, adds: int, repeat: int) -> str:
    records = [_clean(r) for r in make_records(n + adds, seed=6, clients=20)]
    base, extra = records[:n], records[n:]
    tmp = tempfile.TemporaryDirectory(prefix="bench_journal_")
    root = Path(tmp.name)
    source = root / "entries.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in base))

    rows: list[Row] = []
    load_before = load_average()
    # validation alone: what every add() pays before touching storage
    pending = iter(extra)
    entry_from_mapping(extra[0])  # warm up
    _row(
        rows,
        "`entry_from_mapping(record)` (validation only)",
        lambda: entry_from_mapping(next(pending)),
        adds,
    )
    notes = [
        bench_backend("folder", root / "journal", source, extra, repeat, rows),
        bench_backend("SQLite", f"sqlite:///{root / 'journal.db'}", source, extra, repeat, rows),
    ]
    load_after = load_average()
    tmp.cleanup()

    lines = [
        SECTION,
        "",
        f"`.venv/bin/python benchmarks/bench_journal.py --n {n} --adds {adds} --repeat {repeat}` "
        f"({time.strftime('%Y-%m-%d')}): a journal of {n:,} entries from "
        "`benchmarks/synth.make_records` (20 clients, every field filled as people do), "
        f"on a local disk. `add`: median of {adds} adds into the full journal; `log()` and "
        f"baselines: median of {repeat} runs. {'; '.join(notes)} (not in the table).",
        "",
        f"Machine: {machine(SQLAlchemy=sqlalchemy.__version__, SQLite=sqlite3.sqlite_version)}. "
        + shared_cpus(
            load_before, load_after, also=" (an add also waits for two fsyncs: wall time, not CPU)"
        ),
        "",
        *table(
            ["call", "wall s", "CPU s"],
            ((name, f"{wall:.3f}", f"{cpu:.3f}") for name, wall, cpu in rows),
        ),
    ]

    def cpu(prefix: str) -> float:
        return next(c for name, _, c in rows if name.startswith(prefix))

    validation = cpu("`entry_from_mapping")
    tagged = [c for name, _, c in rows if "built-in taxonomy" in name and "failed" not in name]
    refresh = (
        "The refresh after a save, `log()` with the built-in taxonomy, took "
        f"{tagged[0]:.2f} s CPU for the folder and {tagged[1]:.2f} s for SQLite. "
        if len(tagged) == 2
        else "The built-in taxonomy could not be timed in this run (see the table). "
    )
    lines += [
        "",
        "Reading: an `add` costs about what validating the entry costs "
        f"({validation:.3f} s CPU; folder {cpu('folder: `journal.add') - validation:+.3f} s, "
        f"SQLite {cpu('SQLite: `journal.add') - validation:+.3f} s for storing it). "
        + refresh
        + "The folder's own part of a refresh is `load()` of the folder "
        f"({cpu('folder: `journal.log()`, stand-in'):.2f} s against "
        f"{cpu('folder baseline'):.2f} s for the plain `load()`); SQLite's is validating and "
        f"framing the stored JSON ({cpu('SQLite: `journal.log()`, stand-in'):.2f} s against "
        f"{cpu('SQLite baseline'):.3f} s to read the rows); the rest is theme tagging.",
        "",
    ]
    return "\n".join(lines)


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--n", type=int, default=1_000, help="entries in the journal (1,000)")
    parser.add_argument("--adds", type=int, default=20, help="adds timed per backend (20)")
    parser.add_argument("--repeat", type=int, default=5, help="runs per log() figure (median)")


if __name__ == "__main__":
    main(__doc__, SECTION, _arguments, lambda args: run(args.n, args.adds, args.repeat))
