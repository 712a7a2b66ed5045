"""The long fuzz run: fresh mutated inputs of every format and importer through load().

Usage: ``python benchmarks/fuzz.py --count 20000 --start 1000000`` (or ``make fuzz``).
Prints examples per second as it goes and every failure (a crash that is not a
:class:`~recovery_analytics.exceptions.RecoveryAnalyticsError`, or a good file
lost in ``errors="collect"``) with the kind and seed that reproduce it:
``check_one(kind, seed, good_ids())`` in ``tests/fuzz/mutate.py``.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "fuzz"))
from mutate import check_one, good_ids, seeds_cache  # noqa: E402


def run(count: int, start: int, every: int = 200) -> int:
    """Check ``count`` inputs (seeds from ``start``, kinds in turn); return the failures."""
    kinds = sorted(seeds_cache())
    expected = good_ids()
    failures = 0
    began = time.perf_counter()
    for n in range(count):
        kind = kinds[n % len(kinds)]
        failure = check_one(kind, start + n, expected)
        if failure is not None:
            failures += 1
            print("FAIL", failure, flush=True)
        if (n + 1) % every == 0 or n + 1 == count:
            rate = (n + 1) / (time.perf_counter() - began)
            print(f"{n + 1} inputs, {failures} failures, {rate:.1f} inputs/s", flush=True)
    return failures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=20000)
    parser.add_argument("--start", type=int, default=1_000_000, help="the first seed")
    args = parser.parse_args()
    sys.exit(1 if run(args.count, args.start) else 0)


if __name__ == "__main__":
    main()
