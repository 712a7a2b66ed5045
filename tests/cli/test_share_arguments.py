"""The commands that share take the same options, spelled as the Python functions spell them."""

from __future__ import annotations

from pathlib import Path

import pytest

from recovery_analytics.cli import build_parser, main

from ..charts._data import entry, make_log


@pytest.fixture
def logfile(tmp_path: Path) -> Path:
    log = make_log(
        [
            entry("2026-03-02", ["Calm with Zorblax"], ["Nervous"], company="Acme"),
            {**entry("2026-03-10", ["Clear"], ["Rambled"], company="Blue Ltd"), "client": "zed"},
        ]
    )
    return log.to_jsonl(tmp_path / "log.jsonl")


@pytest.mark.parametrize("command", ["report", "charts"])
def test_same_sharing_options_for_report_and_charts(command: str) -> None:
    args = build_parser().parse_args(
        [command, "x.md", "--out", "o.pdf", "--anonymize", "--anonymize-companies",
         "--anonymize-names", "Tom", "--name", "Sarah", "--start", "2026-01-01"]
    )  # fmt: skip
    assert args.anonymize and args.anonymize_companies
    assert args.anonymize_names == ["Tom", "Sarah"]  # --name is the short spelling
    assert (args.start, args.end) == ("2026-01-01", None)


def test_charts_hide_the_names_given(capsys, logfile: Path, tmp_path: Path) -> None:
    out = tmp_path / "charts"
    args = ["charts", str(logfile), "--out", str(out), "--format", "svg", "--client", "dana"]
    assert main([*args, "--anonymize", "--anonymize-names", "Zorblax"]) == 0
    text = "".join(p.read_text() for p in out.glob("*.svg"))
    assert "Client A" in text and "Zorblax" not in text
    assert "read it through before you share it" in capsys.readouterr().out


def test_demo_names_its_files_by_pseudonym(capsys, logfile: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["demo", str(logfile), "--out", str(out), "--anonymize"]) == 0
    names = sorted(p.name for p in (out / "packets").iterdir())
    assert names == sorted(
        f"{stem}.{ext}" for stem in ("Client A", "Client B", "coach") for ext in ("pdf", "html")
    )
    assert not any("dana" in str(p) or "zed" in str(p) for p in out.rglob("*"))
