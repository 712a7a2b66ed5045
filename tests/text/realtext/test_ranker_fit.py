"""The stored ranker weights are what benchmarks/fit_ranker.py fits (needs ../shared)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from recovery_analytics.themes._ranker import Ranker

pytestmark = pytest.mark.external

ROOT = Path(__file__).resolve().parents[3]
WEIGHTS = ROOT / "recovery_analytics" / "themes" / "ranker.toml"


def _fit_ranker():
    sys.path.insert(0, str(ROOT / "benchmarks"))  # fit_ranker imports eval_text beside it
    try:
        spec = importlib.util.spec_from_file_location(
            "fit_ranker", ROOT / "benchmarks" / "fit_ranker.py"
        )
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))


def test_refitting_gives_the_stored_weights(tmp_path, monkeypatch):
    fit_ranker = _fit_ranker()
    out = tmp_path / "ranker.toml"
    monkeypatch.setattr(fit_ranker, "OUT", out)
    monkeypatch.setattr(fit_ranker, "ROOT", tmp_path)
    fit_ranker.main([])
    assert out.read_text(encoding="utf-8") == WEIGHTS.read_text(encoding="utf-8")
    assert Ranker.from_toml(out.read_text(encoding="utf-8")).themes
