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

Bulk import (issue 15): ``--bulk N`` entries (default 5,000; 0 skips) are
imported with ``import_from`` from a JSON Lines file into SQLite and
PostgreSQL (a throwaway cluster of ``tests/_pg.py`` with the server's durable
defaults, or ``--postgresql URL`` of an empty database), timed as a whole and
in its steps (``load()``; the frames turned into entries; the storage step
``_insert_many``, in batches), beside a baseline in the same run: a raw
DB-API ``executemany`` of the same rows into a bare table of the same
columns, in one transaction.

    .venv/bin/python benchmarks/bench_journal.py [--bulk N] [--postgresql URL] [--record]

prints the figures; ``--record`` also writes them to the "## Journal (issue 6)"
section of RESULTS.md (see ``_common.main``).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import sqlalchemy
from _common import load_average, machine, main, median_time, shared_cpus, table
from synth import make_records

from recovery_analytics import entry_from_mapping, load
from recovery_analytics._validate import entry_from_frames
from recovery_analytics.io import write_markdown_folder
from recovery_analytics.journal import DatabaseJournal, Journal, SqliteJournal

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


# -- bulk import (issue 15) ---------------------------------------------------------------

_BARE = (
    "CREATE TABLE bare (entry_id VARCHAR(255) PRIMARY KEY, client VARCHAR(255) NOT NULL, "
    "company VARCHAR(255), interview_date DATE NOT NULL, created_at TIMESTAMP NOT NULL, "
    "updated_at TIMESTAMP NOT NULL, entry_json TEXT NOT NULL)"
)
_COLUMNS = ("entry_id", "client", "company", "interview_date", "created_at", "updated_at")


@contextlib.contextmanager
def _postgresql(url: str | None) -> Iterator[str | None]:
    """``url``, or a durable throwaway cluster's fresh database, or None (no server)."""
    if url:
        yield url
        return
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    import _pg

    if _pg.find_bindir() is None:
        yield None
        return
    with _pg.throwaway_cluster(durable=True) as cluster:
        yield cluster.create_database("bench_bulk")


def _baseline(journal: DatabaseJournal, rows: list[tuple[Any, ...]]) -> None:
    """Raw DB-API ``executemany`` of ``rows`` into a new bare table, one transaction."""
    marks = ", ".join(["?" if journal.engine.dialect.name == "sqlite" else "%s"] * 7)
    raw = journal.engine.raw_connection()
    sqlite = journal.engine.dialect.name == "sqlite"
    try:
        cursor = raw.cursor()
        cursor.execute("DROP TABLE IF EXISTS bare")
        cursor.execute(_BARE)
        raw.commit()
        if sqlite:  # the journal's connections leave BEGIN to the caller
            cursor.execute("BEGIN")
        cursor.executemany(f"INSERT INTO bare VALUES ({marks})", rows)
        raw.commit()
        cursor.execute("DROP TABLE bare")
        raw.commit()
    finally:
        raw.close()


def bench_bulk(
    name: str, location: str, source: Path, n: int, rows: list[Row]
) -> dict[str, tuple[float, float]]:
    """Import ``source`` into an empty journal, and time its steps; entries/s by step."""
    rates: dict[str, tuple[float, float]] = {}

    def timed(label: str, func: Callable[[], Any]) -> Any:
        w0, c0 = time.perf_counter(), time.process_time()
        out = func()
        wall, cpu = time.perf_counter() - w0, time.process_time() - c0
        rows.append((f"{name}: {label}", wall, cpu))
        rates[label] = (n / wall, n / cpu)
        return out

    with Journal.open(location) as journal:
        assert isinstance(journal, DatabaseJournal)
        report = timed("`import_from` (whole)", lambda: journal.import_from(source))
        assert report.n_added == n and report.n_problems == 0, repr(report)
    # the steps, into a second empty journal
    second = location.replace(".db", "-steps.db") if name == "SQLite" else location
    with Journal.open(second) as journal:
        assert isinstance(journal, DatabaseJournal)
        if name != "SQLite":  # the same database: empty it
            with journal.engine.begin() as conn:
                conn.exec_driver_sql("DELETE FROM entries")
        log = timed("`load()` (step 1)", lambda: load(source, errors="collect", taxonomy=False))
        entries = timed(
            "frames -> entries (step 2)",
            lambda: entry_from_frames(log.interviews, log.items, log.actions),
        )
        added, _ = timed("storage, `_insert_many` (step 3)", lambda: journal._insert_many(entries))
        assert len(added) == n
        with journal.engine.connect() as conn:
            stored = conn.exec_driver_sql(
                f"SELECT {', '.join(_COLUMNS)}, entry_json FROM entries"
            ).all()
        timed("baseline: raw `executemany` of the same rows", lambda: _baseline(journal, stored))
    return rates


def run_bulk(n: int, postgresql_url: str | None, root: Path) -> list[str]:
    records = [_clean(r) for r in make_records(n, seed=15, clients=200)]
    source = root / "bulk.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in records))
    rows: list[Row] = []
    load_before = load_average()
    rates = {"SQLite": bench_bulk("SQLite", f"sqlite:///{root / 'bulk.db'}", source, n, rows)}
    with _postgresql(postgresql_url) as url:
        if url is not None:
            rates["PostgreSQL"] = bench_bulk("PostgreSQL", url, source, n, rows)
    load_after = load_average()
    lines = [
        "",
        "### Bulk import (issue 15)",
        "",
        f"`import_from` of {n:,} entries (`make_records`, 200 clients) from one JSON Lines file "
        "into an empty journal; then the same in steps into another empty one, beside the "
        "baseline: a raw DB-API `executemany` of the rows the journal stored, into a bare table "
        "of the same columns. PostgreSQL: a local throwaway cluster with the server's durable "
        "defaults (fsync, `synchronous_commit=on`). " + shared_cpus(load_before, load_after),
        "",
        *table(
            ["step", "wall s", "CPU s", "entries/s (wall)", "entries per CPU s"],
            (
                (name, f"{w:.3f}", f"{c:.3f}", f"{n / w:,.0f}", f"{n / c:,.0f}")
                for name, w, c in rows
            ),
        ),
        "",
    ]
    for backend, rate in rates.items():
        whole, store = rate["`import_from` (whole)"], rate["storage, `_insert_many` (step 3)"]
        raw = rate["baseline: raw `executemany` of the same rows"]
        lines.append(
            f"{backend} (aim: 10,000 entries/s): `import_from` {whole[0]:,.0f} entries/s wall "
            f"({whole[1]:,.0f} per CPU second); its storage step {store[0]:,.0f} wall "
            f"({store[1]:,.0f} per CPU s) against {raw[0]:,.0f} wall ({raw[1]:,.0f} per CPU s) "
            "for the raw baseline."
        )
    return lines


def run(n: int, adds: int, repeat: int, bulk: int = 0, postgresql_url: str | None = None) -> str:
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
    bulk_lines = run_bulk(bulk, postgresql_url, root) if bulk else []
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
        *bulk_lines,
    ]
    return "\n".join(lines)


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--n", type=int, default=1_000, help="entries in the journal (1,000)")
    parser.add_argument("--adds", type=int, default=20, help="adds timed per backend (20)")
    parser.add_argument("--repeat", type=int, default=5, help="runs per log() figure (median)")
    parser.add_argument(
        "--bulk", type=int, default=5_000, help="entries for the bulk import (5,000; 0 skips)"
    )
    parser.add_argument(
        "--postgresql",
        metavar="URL",
        help="an empty PostgreSQL database for the bulk import (default: a throwaway cluster)",
    )


if __name__ == "__main__":
    main(
        __doc__,
        SECTION,
        _arguments,
        lambda args: run(args.n, args.adds, args.repeat, args.bulk, args.postgresql),
    )
