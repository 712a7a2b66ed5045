"""The session fixture that executes every notebook once (see _runner.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from ._jupyter import ROOT, SAMPLE, kernel_env, tree_digest
from ._runner import Run, plan, run_all


@pytest.fixture(scope="session")
def executed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Run]]:
    """Every notebook, executed; ``data/sample`` checked unchanged afterwards."""
    tmp = tmp_path_factory.mktemp("notebooks")
    runs = plan(tmp)
    watched = [SAMPLE, ROOT / "journal", ROOT / "exports"]
    before = [_state(folder) for folder in watched]
    with pytest.MonkeyPatch.context() as mp:
        for key, value in kernel_env(tmp / "jupyter").items():
            mp.setenv(key, value)
        mp.delenv("RA_JOURNAL", raising=False)
        mp.delenv("RA_EXPORTS", raising=False)
        mp.delenv("RA_CLIENT", raising=False)
        run_all(runs)
    timings = ", ".join(f"{r.name} {r.seconds:.0f}s" for r in runs.values())
    print(f"\nnotebooks executed concurrently: {timings}")
    yield runs
    for folder, state in zip(watched, before, strict=True):
        assert _state(folder) == state, f"a notebook wrote into {folder}, not the test's folder"


def _state(folder: Path) -> str | None:
    return tree_digest(folder) if folder.is_dir() else None
