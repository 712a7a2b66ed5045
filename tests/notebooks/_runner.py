"""Run the notebooks with nbclient, all four at the same time.

Each notebook is read from ``notebooks/``, its parameters cell gets lines
appended that point the journal and the exports at a temporary folder, a last
cell reports the kernel's ``sys.prefix``, and it runs top to bottom in a
``python3`` kernel of this venv. The four run concurrently (a kernel start
alone takes 10-20 s on a busy machine); each test then looks at its own
result, so one failing notebook does not hide the others.
"""

from __future__ import annotations

import asyncio
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import nbformat
from nbclient import NotebookClient

from ._jupyter import NAMES, NOTEBOOKS, ROOT

CELL_TIMEOUT = 300  # seconds for one cell; the review packet's PDF is the slowest
STARTUP_TIMEOUT = 180  # seconds for a kernel to start
TOTAL_TIMEOUT = 900  # seconds for all four notebooks
KERNEL_CHECK = "import sys\n\nprint(sys.prefix)"


@dataclass
class Run:
    """One notebook's execution."""

    name: str
    cwd: Path
    parameters: dict[str, Any]
    nb: nbformat.NotebookNode | None = None
    error: BaseException | None = None
    seconds: float = 0.0
    extra: dict[str, Path] = field(default_factory=dict)

    def code_cells(self) -> list[nbformat.NotebookNode]:
        assert self.nb is not None
        return [c for c in self.nb.cells if c.cell_type == "code"]

    def cell(self, cell_id: str) -> nbformat.NotebookNode:
        assert self.nb is not None
        for c in self.nb.cells:
            if c.get("id") == cell_id:
                return c
        raise KeyError(f"{self.name} has no cell {cell_id!r}")


def plan(tmp: Path) -> dict[str, Run]:
    """What each notebook gets: its working folder and the parameters to override.

    Two run from the project folder (as nbclient and scripts do) and two from
    ``notebooks/`` (as JupyterLab does): ``data/sample`` must be found from both.
    """
    runs = {
        "01_capture.ipynb": Run(
            "01_capture.ipynb", ROOT, {"journal_location": str(tmp / "journal-01")}
        ),
        "02_my_trends.ipynb": Run(
            "02_my_trends.ipynb",
            NOTEBOOKS,
            {
                "journal_location": str(tmp / "journal-02"),
                "client": "chloe",
                "exports_folder": str(tmp / "exports-02"),
            },
        ),
        "03_coach_overview.ipynb": Run("03_coach_overview.ipynb", ROOT, {"today": "2026-09-01"}),
        "04_review_session.ipynb": Run(
            "04_review_session.ipynb", NOTEBOOKS, {"exports_folder": str(tmp / "exports")}
        ),
    }
    assert set(runs) == set(NAMES)
    for run in runs.values():
        for key, value in run.parameters.items():
            if key.endswith(("_location", "_folder")):
                run.extra[key] = Path(value)
    return runs


def inject(nb: nbformat.NotebookNode, parameters: dict[str, Any]) -> None:
    """Append assignments to the parameters cell, as papermill's injected cell would."""
    cells = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(cells) == 1, "each notebook has exactly one cell tagged 'parameters'"
    lines = [f"{key} = {value!r}" for key, value in parameters.items()]
    cells[0].source = cells[0].source + "\n\n# set by tests/notebooks\n" + "\n".join(lines)
    nb.cells.append(nbformat.v4.new_code_cell(KERNEL_CHECK, id="test-kernel-check"))


async def _execute(run: Run) -> None:
    nb = nbformat.read(NOTEBOOKS / run.name, as_version=4)
    inject(nb, run.parameters)
    run.nb = nb
    client = NotebookClient(
        nb,
        kernel_name="python3",
        timeout=CELL_TIMEOUT,
        startup_timeout=STARTUP_TIMEOUT,
        resources={"metadata": {"path": str(run.cwd)}},
    )
    start = time.perf_counter()
    try:
        await client.async_execute()
    except BaseException as exc:  # kept for the notebook's own test to report
        run.error = exc
    finally:
        run.seconds = time.perf_counter() - start


async def _execute_all(runs: dict[str, Run]) -> None:
    await asyncio.wait_for(
        asyncio.gather(*(_execute(run) for run in runs.values())), timeout=TOTAL_TIMEOUT
    )


def run_all(runs: dict[str, Run]) -> None:
    """Execute every planned notebook; errors are kept on each Run."""
    # On a fresh machine matplotlib builds its font cache on first use and says
    # so on stderr, which would read as a notebook's warning: build it here first.
    import matplotlib.font_manager  # noqa: F401

    try:
        # in a thread of its own: a test before this one in the same worker (the
        # browser tests' Playwright) may hold an event loop running in this thread
        with ThreadPoolExecutor(1) as pool:
            pool.submit(asyncio.run, _execute_all(runs)).result()
    except TimeoutError as exc:
        for run in runs.values():
            if run.error is None and run.seconds == 0.0:
                run.error = exc
