"""Run every benchmark in benchmarks/ (``make bench``), at a small size by default.

Each ``bench_*.py`` runs in its own process, one after the other. The small
sizes (``SMALL``) make the whole run take a few minutes on a laptop: enough to
see that every benchmark still works and how the figures compare, not to
quote them. ``--full`` runs each benchmark at its own default size (the sizes
the sections of RESULTS.md quote; the theme benchmark alone then takes many
minutes).

    .venv/bin/python benchmarks/run_all.py                  # small sizes, print
    .venv/bin/python benchmarks/run_all.py --only journal   # one benchmark
    .venv/bin/python benchmarks/run_all.py --record         # and write RESULTS.md
    .venv/bin/python benchmarks/run_all.py --full --record  # full size, each its section

``--record`` at the small sizes writes one section, "## Small sizes (make
bench)", holding every benchmark's output one heading level down, and leaves
the full-size sections alone; with ``--full`` each benchmark replaces its own
section. A benchmark that fails is reported and the others still run; the exit
status is then 1.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

from _common import RESULTS, load_average, machine, record_section, table

HERE = Path(__file__).resolve().parent
SECTION = "## Small sizes (make bench)"

# The options of each benchmark for the small run: what makes it take seconds.
SMALL: dict[str, list[str]] = {
    "bench_analytics": ["--n", "10000", "--repeat", "3"],
    "bench_anonymize": ["--n", "2000", "--repeat", "3"],
    "bench_dashboard": ["--n", "200", "--clients", "1,20", "--repeat", "3"],
    "bench_journal": ["--n", "200", "--adds", "10", "--repeat", "3"],
    "bench_load": ["--n", "5000", "--markdown", "500", "--repeat", "3"],
    "bench_practice": ["--clients", "50", "--per-client", "20", "--analytics-n", "10000"],
    "bench_themes": ["--n", "50000", "--repeat", "3", "--naive-n", "5000", "--floor-n", "1000"],
}


def benchmarks() -> list[str]:
    """Every ``bench_*.py`` here, by name without the suffix."""
    return sorted(p.stem for p in HERE.glob("bench_*.py"))


def command(name: str, *, full: bool, record: bool) -> list[str]:
    """The command line that runs one benchmark.

    Raises
    ------
    SystemExit
        For a benchmark with no small size in ``SMALL`` (add one there).
    """
    if full:
        options = ["--record"] if record else []
    elif name in SMALL:
        options = SMALL[name]
    else:
        raise SystemExit(
            f"benchmarks/{name}.py has no small size: add its options to SMALL in "
            "benchmarks/run_all.py (or run with --full)."
        )
    return [sys.executable, str(HERE / f"{name}.py"), *options]


def demoted(section: str) -> str:
    """A benchmark's section one heading level down, to sit inside ours."""
    return "\n".join("#" + line if line.startswith("#") else line for line in section.splitlines())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--full", action="store_true", help="each benchmark's default size")
    parser.add_argument("--only", action="append", help="a benchmark, e.g. 'journal' (repeatable)")
    parser.add_argument("--record", action="store_true", help="write the results to RESULTS.md")
    args = parser.parse_args(argv)
    names = benchmarks()
    if args.only:
        wanted = {n if n.startswith("bench_") else f"bench_{n}" for n in args.only}
        unknown = sorted(wanted - set(names))
        if unknown:
            parser.error(f"no such benchmark: {', '.join(unknown)}; there are {', '.join(names)}")
        names = [n for n in names if n in wanted]
    commands = {n: command(n, full=args.full, record=args.record) for n in names}

    load_before = load_average()
    summary: list[tuple[str, str, str, str]] = []
    outputs: list[str] = []
    for name, cmd in commands.items():
        shown = " ".join(["python", f"benchmarks/{name}.py", *cmd[2:]])
        print(f"== {shown}", flush=True)
        start = time.perf_counter()
        done = subprocess.run(cmd, cwd=HERE.parent, capture_output=True, text=True, check=False)
        took = time.perf_counter() - start
        print(done.stdout, end="", flush=True)
        status = "ok" if done.returncode == 0 else f"failed ({done.returncode})"
        if done.returncode != 0:
            print(done.stderr, file=sys.stderr, end="", flush=True)
        summary.append((f"`{shown}`", status, f"{took:.0f}", f"{load_average():.1f}"))
        outputs.append(demoted(done.stdout.strip()) if done.returncode == 0 else "")
    lines = [
        SECTION,
        "",
        f"`make bench` ({time.strftime('%Y-%m-%d')}): every benchmark at a small size, one "
        "process each, one after the other. The sizes are too small to quote; they show "
        "that every benchmark runs and how its figures compare within one run. "
        f"Machine: {machine()}; load average (1 min) {load_before:.1f} at the start.",
        "",
        *table(["benchmark", "status", "seconds", "load after"], summary, text=2),
        "",
    ]
    text = "\n".join(lines)
    print(text)
    if args.record and not args.full:
        body = "\n\n".join([text.rstrip("\n"), *(o for o in outputs if o)])
        record_section(SECTION, body + "\n")
        print(f"written to {RESULTS}")
    return 0 if all(s == "ok" for _, s, _, _ in summary) else 1


if __name__ == "__main__":
    sys.exit(main())
