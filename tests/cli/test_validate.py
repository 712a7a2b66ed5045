"""``recovery-analytics validate``: problems fail, warnings alone do not."""

from __future__ import annotations

from pathlib import Path

import pytest

from recovery_analytics import load
from recovery_analytics.cli import main


def test_warnings_alone_are_listed_and_exit_0(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # a lone file naming no client: kept under "me", with a warning
    path = tmp_path / "notes.csv"
    path.write_text("interview_date,company\n2026-03-04,Acme\n", encoding="utf-8")
    assert list(load(path, errors="collect").problems["kind"]) == ["warning"]
    assert main(["validate", str(path)]) == 0
    out = capsys.readouterr().out
    assert "kept under 'me'" in out and "1 warning, worth a look" in out


def test_a_problem_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "notes.csv"
    path.write_text("interview_date,company,feeling\n2026-03-04,Acme,9\n", encoding="utf-8")
    assert main(["validate", str(path), "--client", "ana"]) == 1
    out = capsys.readouterr().out
    assert "feeling" in out and "1 problem found" in out
