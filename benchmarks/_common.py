"""What every benchmark script shares: timing, the machine, the command line, RESULTS.md.

A benchmark script defines ``SECTION`` (its heading in RESULTS.md), a function
adding its options to an :class:`argparse.ArgumentParser`, and a ``run(args)``
returning its section as Markdown; :func:`main` parses the command line
(adding ``--record``), prints the section and, with ``--record``, replaces
that section of ``benchmarks/RESULTS.md`` and keeps the others.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

import pandas as pd

__all__ = [
    "RESULTS",
    "Timing",
    "cpu_model",
    "load_average",
    "machine",
    "main",
    "median_time",
    "record_section",
    "shared_cpus",
    "table",
    "timed",
]

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"


class Timing(NamedTuple):
    """Median wall-clock and CPU seconds over some runs, and the last run's result."""

    wall: float
    cpu: float
    result: Any = None


def timed(
    func: Callable[[], object], repeat: int, *, setup: Callable[[], object] | None = None
) -> Timing:
    """Run ``func`` ``repeat`` times: median wall and CPU seconds (this process).

    ``setup``, if given, runs before each run and is not timed.
    """
    wall, cpu = [], []
    result: object = None
    for _ in range(repeat):
        if setup is not None:
            setup()
        w0, c0 = time.perf_counter(), time.process_time()
        result = func()
        cpu.append(time.process_time() - c0)
        wall.append(time.perf_counter() - w0)
    return Timing(statistics.median(wall), statistics.median(cpu), result)


def median_time(func: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Median wall-clock and median CPU seconds (this process) over ``repeat`` runs."""
    timing = timed(func, repeat)
    return timing.wall, timing.cpu


def cpu_model(default: str = "unknown") -> str:
    """The CPU's model name from /proc/cpuinfo, or ``default``."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return default


def load_average() -> float:
    """The 1-minute load average (NaN where the system does not say)."""
    return os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")


def machine(**versions: str) -> str:
    """``2 CPUs (nproc 2), <model>; Python 3.11.7, pandas 3.1.1, <name> <version>...``."""
    nproc = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    named = [f"Python {platform.python_version()}", f"pandas {pd.__version__}"]
    named += [f"{name} {version}" for name, version in versions.items()]
    return f"{os.cpu_count()} CPUs (nproc {nproc}), {cpu_model()}; {', '.join(named)}"


def shared_cpus(before: float, after: float, *, also: str = "") -> str:
    """The sentence every section gives on the load of the machine while timing."""
    return (
        f"Load average (1 min) {before:.1f} before and {after:.1f} after the timed runs: "
        "other work shared the CPUs, so the CPU seconds of this process are the steadier "
        f"figure{also}."
    )


def table(columns: Sequence[str], rows: Iterable[Sequence[object]], *, text: int = 1) -> list[str]:
    """A Markdown table; the first ``text`` columns left-aligned, the rest right-aligned."""
    lines = [
        "| " + " | ".join(columns) + " |",
        "|" + "|".join("---" if i < text else "---:" for i in range(len(columns))) + "|",
    ]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return lines


def record_section(heading: str, section: str, results: Path = RESULTS) -> None:
    """Replace (or add) the section starting with ``heading``, keeping the others."""
    text = results.read_text(encoding="utf-8") if results.exists() else "# Benchmark results\n"
    lines = text.splitlines()
    start = next((i for i, line in enumerate(lines) if line.strip() == heading), None)
    if start is None:
        new = text.rstrip("\n") + "\n\n" + section
    else:
        end = next(
            (i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines)
        )
        rest = "\n".join(lines[end:])
        new = "\n".join(lines[:start]) + "\n" + section + ("\n" + rest if rest else "")
    results.write_text(new.rstrip("\n") + "\n", encoding="utf-8")


def main(
    doc: str | None,
    heading: str,
    arguments: Callable[[argparse.ArgumentParser], None],
    run: Callable[[argparse.Namespace], str],
    argv: list[str] | None = None,
) -> None:
    """A benchmark's command line: its options and ``--record``; print (and record) the section."""
    parser = argparse.ArgumentParser(description=(doc or "").strip().splitlines()[0])
    arguments(parser)
    parser.add_argument("--record", action="store_true", help="write the section to RESULTS.md")
    args = parser.parse_args(argv)
    section = run(args)
    print(section)
    if args.record:
        record_section(heading, section)
        print(f"written to {RESULTS}")
