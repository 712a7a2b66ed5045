"""A coach's corrections: the share of a client's later items tagged as the coach would.

A simulated client keeps writing items like ones they wrote before: ``--n``
items (default 300) drawn, seeded, from the texts of a labelled set, each
varied with an opener and a tail of ``bench_themes`` ("again ", " at round
3"...). The labelled themes are what the coach would give. The coach reads
the items in the order written and fixes the first ``--fixes`` (default 20)
whose first theme the rules got wrong, with a ``#tag`` saved through a folder
journal (``journal.update``), exactly as the form would. Measured on the items
written after the last fix: the share whose first theme (``other`` when none)
is the coach's, from the rules alone (before) and from ``journal.log()`` with
the corrections (after).

Sets: ``themes-holdout`` (our held-out list items) and ``realtext-dev`` (real
write-ups, when ``../shared/external/realtext`` is there); never the untouched
part. The similarity threshold (``themes.THRESHOLD``) was set before this was
first run and is not tuned on it.

    .venv/bin/python benchmarks/bench_corrections.py [--n 300] [--fixes 20] [--seed 7]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
for p in (ROOT, ROOT / "benchmarks"):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))

from bench_themes import OPENERS  # noqa: E402
from eval_text import load_set  # noqa: E402

from recovery_analytics.journal import Journal  # noqa: E402
from recovery_analytics.themes import OTHER, Taxonomy  # noqa: E402

TAILS = ["", "", " again", " at round {n}", ", not great", " - work on this", " (round {n})"]


def client_items(name: str, n: int, seed: int) -> list[tuple[str, str]]:
    """``n`` (text, coach's first theme) of one client, in the order written."""
    frame = load_set(name)
    rng = np.random.default_rng(seed)
    picks = rng.integers(0, len(frame), n)
    openers = rng.integers(0, len(OPENERS), n)
    tails = rng.integers(0, len(TAILS), n)
    rounds = rng.integers(1, 5, n)
    out = []
    for i, k in enumerate(picks.tolist()):
        text = " ".join(str(frame["text"].iloc[k]).split())
        themes = frame["themes"].iloc[k]
        tail = TAILS[tails[i]].format(n=rounds[i])
        out.append((OPENERS[openers[i]] + text + tail, themes[0] if themes else OTHER))
    return out


def _first(themes: list[str]) -> str:
    return themes[0] if themes else OTHER


def run(name: str, n: int, fixes: int, seed: int) -> dict[str, float]:
    """Before and after shares for one set (see the module docs)."""
    tax = Taxonomy.default()
    items = client_items(name, n, seed)
    rules = [_first(t) for t in tax.tag([t for t, _ in items])]
    with tempfile.TemporaryDirectory() as tmp, Journal.open(tmp) as journal:
        ids = [
            journal.add(
                {
                    "interview_date": f"2026-{1 + i // 28 % 12:02d}-{1 + i % 28:02d}",
                    "company": f"C{i}",
                    "went_wrong": [text],
                }
            )
            for i, (text, _) in enumerate(items)
        ]
        fixed, last = 0, -1
        for i, (text, theme) in enumerate(items):
            if fixed == fixes:
                break
            if rules[i] != theme and theme != OTHER:  # an `other` item cannot carry a #tag
                journal.update(ids[i], went_wrong=[f"{text} #{theme}"])
                fixed, last = fixed + 1, i
        log = journal.log().items.set_index("entry_id")
        later = range(last + 1, n)
        after = [_first(list(log.loc[ids[i], "themes"])) for i in later]
    expected = [items[i][1] for i in later]
    before = [rules[i] for i in later]
    k = len(expected)
    return {
        "later": k,
        "fixed": fixed,
        "before": sum(b == e for b, e in zip(before, expected, strict=True)) / max(k, 1),
        "after": sum(a == e for a, e in zip(after, expected, strict=True)) / max(k, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=300, help="items the client writes")
    parser.add_argument("--fixes", type=int, default=20, help="corrections the coach makes")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    print("| set | items after the last fix | fixes | before | after |")
    print("|---|---:|---:|---:|---:|")
    for name in ("themes-holdout", "realtext-dev"):
        try:
            r = run(name, args.n, args.fixes, args.seed)
        except Exception as exc:  # noqa: BLE001  (a missing ../shared folder: say so, go on)
            print(f"| {name} | not run: {type(exc).__name__} | | | |")
            continue
        print(f"| {name} | {r['later']} | {r['fixed']} | {r['before']:.1%} | {r['after']:.1%} |")


if __name__ == "__main__":
    main()
