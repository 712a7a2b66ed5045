"""Benchmark the analytics on a large synthetic log (issue 4).

Builds the ReflectionLog frames directly with numpy (no files, no tagger):
``--n`` interviews (default 100,000) of 200 clients over two years, about six
went-well/went-wrong items each (so about 600,000 items), 0-2 themes per item.
Times ``balance(freq="M", by="client")``, ``recurring``, ``cohort`` and
``timeline`` - each, and the four together - as the median of ``--repeat``
runs, next to a baseline on the same data: ``items.groupby(["client",
"polarity"]).size()``, the floor for any per-client counting.

    .venv/bin/python benchmarks/bench_analytics.py [--record]

prints the figures; ``--record`` also writes them to the "## Analytics (issue 4)"
section of RESULTS.md (see ``_common.main``).
"""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
from _common import machine, main, median_time, shared_cpus, table

from recovery_analytics import ReflectionLog
from recovery_analytics.analytics import balance, cohort, recurring, timeline
from recovery_analytics.model import enum_values

SECTION = "## Analytics (issue 4)"
THEMES = [
    "communication", "conciseness", "nerves", "technical", "preparation", "examples",
    "rapport", "questions", "salary", "logistics", "culture_fit", "leadership",
    "problem_solving", "time_management", "motivation",
]  # fmt: skip


def synthetic_log(n: int, n_clients: int = 200, seed: int = 4) -> ReflectionLog:
    """A log of ``n`` interviews with the dtypes ``load()`` gives."""
    rng = np.random.default_rng(seed)
    ids = np.char.add("e-", np.char.zfill(np.arange(n).astype(str), 7)).astype(object)
    clients = np.char.add("client-", np.char.zfill(np.arange(n_clients).astype(str), 3))
    client = clients[rng.integers(0, n_clients, n)].astype(object)
    start = np.datetime64("2024-01-01", "us")
    dates = start + rng.integers(0, 730, n).astype("timedelta64[D]")
    n_well = rng.poisson(3.0, n)
    n_wrong = rng.poisson(3.0, n)

    def cat(values: tuple[str, ...], missing: float) -> pd.Categorical:
        codes = rng.integers(0, len(values), n)
        codes[rng.random(n) < missing] = -1
        return pd.Categorical.from_codes(codes, categories=list(values))

    def rating(high: int, missing: float) -> pd.arrays.IntegerArray:
        values = rng.integers(1, high + 1, n)
        return pd.array(np.where(rng.random(n) < missing, None, values), dtype="Int64")

    date_index = pd.Index(pd.array(ids, dtype="str"), name="entry_id")
    requested = np.where(rng.random(n) < 0.3, None, rng.random(n) < 0.5)
    interviews = pd.DataFrame(
        {
            "client": pd.array(client, dtype="str"),
            "interview_date": dates,
            "company": pd.array((rng.integers(0, 5000, n)).astype(str).astype(object), dtype="str"),
            "role": pd.array(np.full(n, "Analyst", dtype=object), dtype="str"),
            "stage": cat(enum_values("stage"), 0.1),
            "format": cat(enum_values("format"), 0.1),
            "reflected_on": dates + rng.integers(0, 5, n).astype("timedelta64[D]"),
            "feeling": rating(5, 0.1),
            "self_score": rating(10, 0.5),
            "connection": rating(5, 0.2),
            "employer_view": pd.array(np.full(n, None, dtype=object), dtype="str"),
            "follow_up_requested": pd.array(requested, dtype="boolean"),
            "follow_up_date": np.full(n, np.datetime64("NaT"), dtype="datetime64[us]"),
            "follow_up_response": cat(enum_values("follow_up_response"), 0.6),
            "outcome": cat(enum_values("outcome"), 0.1),
            "notes": pd.array(np.full(n, None, dtype=object), dtype="str"),
            "questions_to_ask": _objects([[]] * n),
            "source": pd.array(np.full(n, "synthetic", dtype=object), dtype="str"),
            "extra": _objects([{}] * n),
            "n_well": n_well.astype(np.int64),
            "n_wrong": n_wrong.astype(np.int64),
            "n_actions": np.zeros(n, dtype=np.int64),
        },
        index=date_index,
    )

    # items: n_well went-well then n_wrong went-wrong per interview
    per = n_well + n_wrong
    pos = np.repeat(np.arange(n), per)
    offset = np.arange(len(pos)) - np.repeat(np.cumsum(per) - per, per)
    well = offset < n_well[pos]
    # theme lists: 15% none, 65% one theme, 20% two (shared list objects; nothing mutates them)
    pool: list[list[str]] = [[]] + [[t] for t in THEMES]
    pool += [[a, b] for i, a in enumerate(THEMES) for b in THEMES[i + 1 :]]
    kind = rng.random(len(pos))
    pick = np.where(
        kind < 0.15,
        0,
        np.where(
            kind < 0.8,
            1 + rng.integers(0, len(THEMES), len(pos)),
            1 + len(THEMES) + rng.integers(0, len(pool) - 1 - len(THEMES), len(pos)),
        ),
    )
    pool_arr = _objects(pool).to_numpy()
    themes = pool_arr[pick]
    first = np.array([t[0] if t else "other" for t in pool], dtype=object)[pick]
    items = pd.DataFrame(
        {
            "entry_id": pd.array(ids[pos], dtype="str"),
            "client": pd.array(client[pos], dtype="str"),
            "interview_date": dates[pos],
            "polarity": pd.Categorical.from_codes(
                np.where(well, 0, 1), categories=["well", "wrong"]
            ),
            "text": pd.array(np.full(len(pos), "an item", dtype=object), dtype="str"),
            "tags": _objects([[]] * len(pos)),
            "inferred": np.zeros(len(pos), dtype=bool),
            "themes": pd.Series(themes, dtype=object),
            "theme": pd.array(first, dtype="str"),
        }
    )
    items.index.name = "item_id"

    # about one plan B action per interview
    act_pos = rng.integers(0, n, n)
    actions = pd.DataFrame(
        {
            "entry_id": pd.array(ids[act_pos], dtype="str"),
            "client": pd.array(client[act_pos], dtype="str"),
            "interview_date": dates[act_pos],
            "text": pd.array(np.full(n, "apply elsewhere", dtype=object), dtype="str"),
            "done": rng.random(n) < 0.5,
        }
    )
    actions.index.name = "action_id"
    counts = np.bincount(act_pos, minlength=n)
    interviews["n_actions"] = counts.astype(np.int64)
    return ReflectionLog(interviews, items, actions)


def _objects(values: list[Any]) -> pd.Series:
    arr = np.empty(len(values), dtype=object)
    arr[:] = values
    return pd.Series(arr, dtype=object)


def run(n: int, repeat: int) -> tuple[str, ReflectionLog]:
    t0 = time.perf_counter()
    log = synthetic_log(n)
    built = time.perf_counter() - t0
    today = "2026-01-01"
    cases: dict[str, Callable[[], object]] = {
        'baseline: items.groupby(["client", "polarity"]).size()': lambda: log.items.groupby(
            ["client", "polarity"], observed=True
        ).size(),
        'balance(log, freq="M", by="client")': lambda: balance(log, freq="M", by="client"),
        "recurring(log)": lambda: recurring(log),
        f'cohort(log, today="{today}")': lambda: cohort(log, today=today),
        'timeline(log, freq="M")': lambda: timeline(log, freq="M"),
    }

    def together() -> None:
        balance(log, freq="M", by="client")
        recurring(log)
        cohort(log, today=today)
        timeline(log, freq="M")

    for func in cases.values():  # warm up imports and caches once
        func()
    load_before = os.getloadavg()[0]
    timings = {name: median_time(func, repeat) for name, func in cases.items()}
    timings["the four together"] = median_time(together, repeat)
    load_after = os.getloadavg()[0]
    base_cpu = timings[next(iter(cases))][1]
    lines = [
        SECTION,
        "",
        f"`.venv/bin/python benchmarks/bench_analytics.py --n {n} --repeat {repeat}` "
        f"({time.strftime('%Y-%m-%d')}): {len(log.interviews):,} interviews, "
        f"{len(log.items):,} items, {log.interviews['client'].nunique()} clients, two years, "
        "0-2 themes per item; frames built directly with numpy "
        f"({built:.1f} s, not timed). Median of {repeat} runs.",
        "",
        f"Machine: {machine(numpy=np.__version__)}. {shared_cpus(load_before, load_after)}",
        "",
        *table(
            ["call", "wall s", "CPU s", "CPU x baseline"],
            (
                (f"`{name}`", f"{wall:.3f}", f"{cpu:.3f}", f"{cpu / base_cpu:.1f}")
                for name, (wall, cpu) in timings.items()
            ),
        ),
        "",
    ]
    return "\n".join(lines), log


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--n", type=int, default=100_000, help="interviews (default 100,000)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure (median)")


if __name__ == "__main__":
    main(__doc__, SECTION, _arguments, lambda args: run(args.n, args.repeat)[0])
