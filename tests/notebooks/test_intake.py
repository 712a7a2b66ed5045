"""The notebooks on a coach's intake (tests/intake), read through its manifest.

Notebooks 02, 03 and 04 run with ``data_path`` set to the intake's
``practice.toml``; each shows, right after loading, the number of problems
``load()`` finds in it (warnings included) with the table one click away.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from recovery_analytics import load

from ._jupyter import ROOT, kernel_env
from ._runner import Run, run_all

pytestmark = pytest.mark.slow


def _builder() -> ModuleType:
    path = ROOT / "tests" / "intake" / "_build.py"
    spec = importlib.util.spec_from_file_location("intake_build", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def on_intake(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[dict[str, Run], Path]]:
    tmp = tmp_path_factory.mktemp("nb-intake")
    intake = _builder().build(tmp / "coach")
    manifest = str(intake.manifest)
    runs = {
        "02_my_trends.ipynb": Run(
            "02_my_trends.ipynb",
            ROOT,
            {
                "data_path": manifest,
                "journal_location": str(tmp / "journal-02"),
                "client": "nora",
                "exports_folder": str(tmp / "exports-02"),
            },
        ),
        "03_coach_overview.ipynb": Run(
            "03_coach_overview.ipynb", ROOT, {"data_path": manifest, "today": "2026-09-01"}
        ),
        "04_review_session.ipynb": Run(
            "04_review_session.ipynb",
            ROOT,
            {"data_path": manifest, "client": "lena", "exports_folder": str(tmp / "exports")},
        ),
    }
    with pytest.MonkeyPatch.context() as mp:
        for key, value in kernel_env(tmp / "jupyter").items():
            mp.setenv(key, value)
        for key in ("RA_JOURNAL", "RA_EXPORTS", "RA_CLIENT"):
            mp.delenv(key, raising=False)
        run_all(runs)
    yield runs, intake.manifest


def shown_count(run: Run) -> int:
    if run.error is not None:
        pytest.fail(f"{run.name} failed:\n{run.error}", pytrace=False)
    cell = run.cell("problems")
    html = "".join(o.get("data", {}).get("text/html", "") for o in cell.get("outputs", []))
    assert "<details" in html and "<table" in html, f"{run.name}: no problems table"
    m = re.search(r"(\d+) problems? while reading", html)
    assert m, f"{run.name}: no count of problems"
    return int(m.group(1))


@pytest.mark.parametrize("name", ["03_coach_overview.ipynb", "04_review_session.ipynb"])
def test_notebook_shows_the_problems_of_the_manifest(
    on_intake: tuple[dict[str, Run], Path], name: str
) -> None:
    runs, manifest = on_intake
    expected = len(load(manifest, errors="collect", taxonomy=False).problems)
    assert expected > 0
    assert shown_count(runs[name]) == expected


def test_trends_notebook_seeds_from_the_manifest_and_shows_problems(
    on_intake: tuple[dict[str, Run], Path],
) -> None:
    runs, _ = on_intake
    run = runs["02_my_trends.ipynb"]
    if run.error is not None:
        pytest.fail(f"{run.name} failed:\n{run.error}", pytrace=False)
    html = "".join(
        o.get("data", {}).get("text/html", "") for o in run.cell("problems").get("outputs", [])
    )
    assert "while reading" in html
