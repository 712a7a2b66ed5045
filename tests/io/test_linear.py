"""Every reader path grows linearly: the former super-linear inputs of issue 13.

Each test times the same input at 8k and at 32k characters in one run and
compares the two (CPU time, best of three): a linear reader takes about 4x, a
quadratic one 16x. The bound is a ratio, never a duration.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

import recovery_analytics as ra

OBSIDIAN = "---\ntags: [interview]\n---\nCompany:: Acme\nDate:: 2026-03-04\n"


def _cpu(folder: Path) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        ra.load(folder, errors="collect", taxonomy=False)
        best = min(best, time.process_time() - start)
    return best


CASES: dict[str, tuple[str, Callable[[int], str]]] = {
    "obsidian field then spaces": ("note.md", lambda n: OBSIDIAN + "Stage:: t" + " " * n + "\n"),
    "front matter list with spaces": (
        "n.md",
        lambda n: (
            "---\ntags: [a" + " " * n + "b]\ninterview_date: 2026-03-04\n---\n"
            "# What went well\n- x\n"
        ),
    ),
    "many [ in a note": ("note.md", lambda n: OBSIDIAN + "[" * n + "\n"),
    "many [key:: in a note": ("note.md", lambda n: OBSIDIAN + "[a:: " * (n // 5) + "\n"),
    "bracketed field then spaces": ("note.md", lambda n: OBSIDIAN + "[a::" + " " * n + "\n"),
    "heading then spaces": (
        "h.md",
        lambda n: "---\ninterview_date: 2026-03-04\n---\n# What" + " " * n + "x\n- y\n",
    ),
    "CSV line of separators": ("t.csv", lambda n: "interview_date,company\n2026-03-04," + "," * n),
    "CSV header of separators": (
        "h.csv",
        lambda n: "interview_date" + "," * min(n, 1900) + "\n2026-03-04\n" * (n // 100),
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_time_grows_about_linearly(tmp_path: Path, case: str) -> None:
    name, make = CASES[case]
    times = []
    for n in (8000, 32000):
        folder = tmp_path / str(n)
        folder.mkdir()
        (folder / name).write_text(make(n), encoding="utf-8")
        ra.load(folder, errors="collect", taxonomy=False)  # warm up: imports, caches
        times.append(_cpu(folder))
    small, large = times
    assert large / max(small, 1e-3) < 6, (case, small, large)


def test_the_obsidian_note_is_read(tmp_path: Path) -> None:
    """The inputs above reach the parsers: the field before the spaces is read."""
    (tmp_path / "note.md").write_text(OBSIDIAN + "Stage:: screen" + " " * 100 + "\n")
    log = ra.load(tmp_path, errors="collect", taxonomy=False)
    assert list(log.interviews["stage"]) == ["screen"]
    assert list(log.interviews["company"]) == ["Acme"]
