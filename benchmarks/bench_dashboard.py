"""Benchmark the dashboard's refresh after a save (issue 6).

Fills a journal (a folder, and SQLite) with ``--n`` entries (default 1,000)
from ``benchmarks/synth.make_records`` via ``journal.import_from`` (not
timed), opens a :class:`~recovery_analytics.widgets.Dashboard` on it (the
"Balance over time" tab on show, the heaviest chart), then times, as the
median of ``--repeat`` runs:

* baselines in the same run: ``journal.log()`` (reading everything again,
  what a dashboard without an incremental update would do) and rendering
  one chart (balance over time of the client on show) to PNG;
* ``journal.add(entry)`` with nothing attached (the save alone);
* the dashboard's refresh after a save, ``dash.refresh(changed=[entry_id])``
  - what the ``journal.on_change`` callback runs: read the saved entry back,
  fold it into the cached log, redraw the headline and the visible tab -
  and its first part alone (read back and fold in);
* the same inside an event loop, as in a kernel, where the callback returns
  after the headline and the chart is drawn right after it (so a form's
  "Saved" does not wait for the chart);
* a save with the dashboard attached (add + refresh, as a form's Save does);
* a full reload, ``dash.refresh()``.

``--clients`` gives the number of clients (comma-separated for several
runs): with 1 client the chart on show holds all ``--n`` interviews (the
worst case); with 20 it holds about ``n / 20``.

    .venv/bin/python benchmarks/bench_dashboard.py [--record]

prints the figures; ``--record`` also writes them to the "## Dashboard (issue 6)"
section of RESULTS.md (see ``_common.main``).
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from _common import Timing, load_average, machine, main, median_time, shared_cpus, table, timed
from synth import make_records

from recovery_analytics.journal import Journal
from recovery_analytics.widgets import Dashboard
from recovery_analytics.widgets._dashboard_content import chart_png
from recovery_analytics.widgets._selection import log_of_entries, merge_changes

matplotlib.use("Agg")

SECTION = "## Dashboard (issue 6)"


def new_entries(client: str) -> Iterator[dict[str, Any]]:
    """Fresh entries for the client on show, each a different interview."""
    for i in itertools.count():
        yield {
            "client": client,
            "interview_date": (pd.Timestamp("2026-09-01") + pd.Timedelta(days=i % 300)).date(),
            "company": f"Bench Co {i}",
            "role": "Analyst",
            "feeling": 1 + i % 5,
            "went_well": ["Good STAR story about the migration", "Stayed calm throughout"],
            "went_wrong": ["Rambled on tell me about yourself", "Froze on the SQL question"],
            "plan_b": ["Apply to two more roles"],
            "outcome": "pending",
        }


def fill(journal: Journal, n: int, clients: int, folder: Path) -> float:
    records = make_records(n, seed=6, clients=clients)
    path = folder / f"records-{clients}.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record) + "\n")
    t0 = time.perf_counter()
    report = journal.import_from(path)
    if len(report.added) != n:
        raise SystemExit(f"import added {len(report.added)} of {n}: {report}")
    return time.perf_counter() - t0


def one_backend(
    name: str, location: str, n: int, clients: int, repeat: int, folder: Path
) -> tuple[dict[str, tuple[float, float]], str]:
    journal = Journal.open(location)
    filled = fill(journal, n, clients, folder)
    dash = Dashboard(journal)
    client = dash.client.value
    shown = len(dash.selection())
    entries = new_entries(client)
    assert dash.visible_tab == "balance"

    def log() -> None:
        journal.log()

    one = dash.selection()

    def chart() -> None:
        chart_png("balance", one)

    # the save alone: nothing attached
    journal.on_change(dash._journal_changed, remove=True)

    def add() -> None:
        journal.add(next(entries))

    ids: list[str] = []

    def add_quietly() -> None:
        ids.append(journal.add(next(entries)))

    def refresh_after_save() -> None:
        dash.refresh(changed=[ids[-1]])

    def fold_in() -> None:
        fresh = log_of_entries([journal.get(ids[-1])], taxonomy=dash.taxonomy, where=journal.where)
        merge_changes(dash.log, fresh, [ids[-1]])

    def numbers_first_case() -> Timing:
        """In a kernel the chart is drawn just after the callback returns: time the callback."""

        async def in_a_kernel() -> Timing:
            timing = timed(
                lambda: dash.refresh(changed=[ids[-1]], chart_soon=True), 1, setup=add_quietly
            )
            await asyncio.sleep(0)  # the chart, not timed
            return timing

        runs = [asyncio.run(in_a_kernel()) for _ in range(repeat)]
        return Timing(
            statistics.median(r.wall for r in runs), statistics.median(r.cpu for r in runs)
        )

    for warm in (log, chart, add, add_quietly, refresh_after_save, fold_in):
        warm()
    timings: dict[str, tuple[float, float]] = {}
    timings["baseline: `journal.log()` (read everything again)"] = median_time(log, repeat)
    timings["baseline: one chart (balance over time) to PNG"] = median_time(chart, repeat)
    timings["`journal.add(entry)`, nothing attached"] = median_time(add, repeat)
    timings["**dashboard refresh after a save** `dash.refresh(changed=[id])`"] = timed(
        refresh_after_save, repeat, setup=add_quietly
    )[:2]
    timings["... of which: read the entry back and fold it into the log"] = median_time(
        fold_in, repeat
    )
    timings["... in a kernel, until the callback returns (the chart follows)"] = (
        numbers_first_case()[:2]
    )
    journal.on_change(dash._journal_changed)
    timings["save with the dashboard attached (add + refresh)"] = median_time(add, repeat)
    timings["full reload `dash.refresh()`"] = median_time(dash.refresh, repeat)
    if plt.get_fignums():
        raise SystemExit(f"figures left open: {plt.get_fignums()}")
    shown_after = len(dash.selection())
    dash.close()
    journal.close()
    note = (
        f"{name}: filled by `import_from` in {filled:.1f} s; the client on show had "
        f"{shown:,} interviews ({shown_after:,} after the timed saves)"
    )
    return timings, note


def run(n: int, clients: list[int], repeat: int) -> str:
    rows: list[tuple[str, str, float, float]] = []
    notes: list[str] = []
    load_before = load_average()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for k in clients:
            for name, location in (
                ("folder", str(folder / f"journal-{k}")),
                ("SQLite", f"sqlite:///{folder / f'journal-{k}.db'}"),
            ):
                timings, note = one_backend(name, location, n, k, repeat, folder)
                notes.append(f"{note}, {k} client{'s' if k != 1 else ''}")
                for call, (wall, cpu) in timings.items():
                    rows.append((f"{name}, {k} client{'s' if k != 1 else ''}", call, wall, cpu))
                print(f"done: {name}, {k} clients", file=sys.stderr)
    load_after = load_average()
    lines = [
        SECTION,
        "",
        f"`.venv/bin/python benchmarks/bench_dashboard.py --n {n} --clients "
        f"{','.join(map(str, clients))} --repeat {repeat}` ({time.strftime('%Y-%m-%d')}): "
        f"a journal of {n:,} entries from `benchmarks/synth.make_records`, a `Dashboard` on "
        "it with the \u201cBalance over time\u201d tab on show (the heaviest chart). Median "
        f"of {repeat} runs; each refresh follows a fresh save of a new entry (not timed).",
        "",
        f"Machine: {machine(matplotlib=matplotlib.__version__)}. "
        + shared_cpus(load_before, load_after),
        "",
        *table(
            ["journal", "call", "wall s", "CPU s"],
            ((journal, call, f"{wall:.3f}", f"{cpu:.3f}") for journal, call, wall, cpu in rows),
            text=2,
        ),
        "",
        "Set-up (not timed): " + "; ".join(notes) + ".",
        "",
        reading(rows),
        "",
    ]
    return "\n".join(lines)


def reading(rows: list[tuple[str, str, float, float]]) -> str:
    """A few sentences on the figures: ranges over the journals, CPU seconds."""

    def cpu(prefix: str) -> list[float]:
        return [c for _, call, _, c in rows if call.startswith(prefix)]

    def span(values: list[float]) -> str:
        return f"{min(values):.2f}-{max(values):.2f} s"

    refresh = cpu("**dashboard refresh")
    kernel = cpu("... in a kernel")
    chart = cpu("baseline: one chart")
    log = cpu("baseline: `journal.log()`")
    full = cpu("full reload")
    share = [c / r for c, r in zip(chart, refresh, strict=True)]
    return (
        f"Reading (CPU seconds): the refresh after a save took {span(refresh)}, against "
        f"{span(full)} for reading the whole journal again and redrawing (`journal.log()` "
        f"alone: {span(log)}). Drawing the one chart on show is most of it "
        f"({min(share):.0%}-{max(share):.0%}; {span(chart)} on its own); reading the "
        "saved entry back and folding it into the cached log is the rest, with the "
        f"headline. Inside a kernel the change callback returns after {span(kernel)} (the "
        "numbers are updated) and the chart is drawn right after it, so a form's "
        "\u201cSaved\u201d does not wait for the chart. Other tabs are drawn only when opened."
    )


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--n", type=int, default=1000, help="entries (default 1,000)")
    parser.add_argument("--clients", default="1,20", help="clients, comma-separated runs")
    parser.add_argument("--repeat", type=int, default=5, help="runs per figure (median)")


def _run(args: argparse.Namespace) -> str:
    np.random.seed(6)
    return run(args.n, [int(c) for c in args.clients.split(",") if c.strip()], args.repeat)


if __name__ == "__main__":
    main(__doc__, SECTION, _arguments, _run)
