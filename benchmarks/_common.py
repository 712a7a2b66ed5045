"""Helpers every benchmark script shares: timing, the machine, RESULTS.md."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"


def median_time(func: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Median wall-clock and median CPU seconds (this process) over ``repeat`` runs."""
    wall, cpu = [], []
    for _ in range(repeat):
        w0, c0 = time.perf_counter(), time.process_time()
        func()
        cpu.append(time.process_time() - c0)
        wall.append(time.perf_counter() - w0)
    return statistics.median(wall), statistics.median(cpu)


def cpu_model(default: str = "unknown") -> str:
    """The CPU's model name from /proc/cpuinfo, or ``default``."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return default


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
