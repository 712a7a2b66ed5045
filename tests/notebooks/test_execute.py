"""Every notebook runs top to bottom on the sample data, without errors.

The notebooks are executed by the session fixture ``executed`` (see
conftest.py), concurrently; here each one's outputs are checked: no error, no
warning on stderr, charts as PNG images, widgets as widget views, files where
the parameters said.
"""

from __future__ import annotations

import base64
import re
import struct
import sys
from pathlib import Path

import pytest

from recovery_analytics.journal import Journal

from ._jupyter import NAMES
from ._runner import Run

pytestmark = pytest.mark.slow

WIDGET = "application/vnd.jupyter.widget-view+json"


def png_size(data: str | bytes) -> tuple[int, int]:
    """Width and height of a PNG (base64 text as stored in notebooks, or bytes)."""
    raw = base64.b64decode(data) if isinstance(data, str) else data
    assert raw[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    width, height = struct.unpack(">II", raw[16:24])
    return width, height


def outputs(cell: dict) -> list[dict]:
    return list(cell.get("outputs", []))


def check_ran(run: Run) -> None:
    """No error, every code cell executed, no stderr, and the kernel was this venv's."""
    if run.error is not None:
        pytest.fail(f"{run.name} failed after {run.seconds:.0f}s:\n{run.error}", pytrace=False)
    for cell in run.code_cells():
        assert cell.execution_count is not None, f"cell {cell.id} of {run.name} did not run"
        for out in outputs(cell):
            assert out["output_type"] != "error", f"{run.name} cell {cell.id}: {out}"
            if out["output_type"] == "stream":
                assert out["name"] == "stdout", (
                    f"{run.name} cell {cell.id} wrote to stderr:\n{out['text']}"
                )
    check = run.cell("test-kernel-check")
    printed = "".join(o.get("text", "") for o in outputs(check)).strip()
    assert printed == sys.prefix, f"{run.name} ran in the kernel of {printed}, not {sys.prefix}"


def chart_cells(run: Run) -> list[dict]:
    return [c for c in run.code_cells() if c.source.startswith("show(")]


def check_charts(run: Run, expected: int) -> None:
    cells = chart_cells(run)
    assert len(cells) == expected, f"{run.name}: {len(cells)} chart cells, not {expected}"
    for cell in cells:
        images = [o["data"]["image/png"] for o in outputs(cell) if "image/png" in o.get("data", {})]
        assert len(images) == 1, f"{run.name} cell {cell.id} shows {len(images)} images"
        width, height = png_size(images[0])
        assert width >= 300 and height >= 200, f"{run.name} cell {cell.id}: {width}x{height}"


def widget_views(cell: dict) -> list[dict]:
    return [o["data"][WIDGET] for o in outputs(cell) if WIDGET in o.get("data", {})]


@pytest.mark.parametrize("name", NAMES)
def test_runs_top_to_bottom(executed: dict[str, Run], name: str) -> None:
    check_ran(executed[name])


def test_capture_seeds_the_journal_and_shows_the_form(executed: dict[str, Run]) -> None:
    run = executed["01_capture.ipynb"]
    check_ran(run)
    location = run.extra["journal_location"]
    journal = Journal.open(location)
    # the sample README lists 18 + 23 + 19 interviews of amara, ben and chloe
    assert journal.clients() == ["amara", "ben", "chloe"]
    assert len(journal) == 18 + 23 + 19
    seeded = "".join(o.get("text", "") for o in outputs(run.cell("journal")))
    assert f"Started a new journal at {location}" in seeded
    assert len(widget_views(run.cell("form"))) == 1


def test_my_trends_shows_every_chart_and_the_dashboard(executed: dict[str, Run]) -> None:
    run = executed["02_my_trends.ipynb"]
    check_ran(run)
    # balance, strengths vs weaknesses, recurring, feeling, follow-ups
    check_charts(run, expected=5)
    tables = [c for c in run.code_cells() if c.source.startswith("analytics.")]
    for cell in tables:
        html = [o["data"]["text/html"] for o in outputs(cell) if "text/html" in o.get("data", {})]
        assert html and "<table" in html[0], f"cell {cell.id} shows no table"
    # the client parameter was set to chloe: the log shown is hers only (data/sample/README.md:
    # chloe has 19 interviews)
    shown = outputs(run.cell("load"))[-1]["data"]["text/plain"]
    assert "19 interviews, 1 client" in shown
    assert len(widget_views(run.cell("dashboard"))) == 1


def test_coach_overview_shows_the_cohort_and_charts(executed: dict[str, Run]) -> None:
    run = executed["03_coach_overview.ipynb"]
    check_ran(run)
    check_charts(run, expected=2)  # heatmap, balance grid
    cohort = outputs(run.cell("cohort"))[0]["data"]["text/html"]
    for client in ("amara", "ben", "chloe"):
        assert client in cohort
    for flag in ("declining", "inactive", "top_weakness"):
        assert flag in cohort
    common = outputs(run.cell("common"))[0]["data"]["text/html"]
    assert "<table" in common and "clients" in common


def test_review_session_previews_and_exports(executed: dict[str, Run]) -> None:
    run = executed["04_review_session.ipynb"]
    check_ran(run)
    preview = outputs(run.cell("preview"))[0]["data"]["text/html"]
    assert preview.startswith("<iframe srcdoc=") and "ben" in preview
    folder: Path = run.extra["exports_folder"]
    files = sorted(p.name for p in folder.iterdir())
    assert files == ["ben-dashboard.png", "ben-review.html", "ben-review.pdf"]
    assert (folder / "ben-review.pdf").read_bytes()[:5] == b"%PDF-"
    assert re.search(r"<html", (folder / "ben-review.html").read_text(encoding="utf-8"))
    width, height = png_size((folder / "ben-dashboard.png").read_bytes())
    assert width > 1000 and height > 500
    listed = outputs(run.cell("export"))[0]["data"]["text/plain"]
    assert "ben-review.pdf" in listed
