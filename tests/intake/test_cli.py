"""The intake through the command line: a manifest and journal URLs everywhere."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from recovery_analytics.cli import main

from ._build import TRUTH, Intake


def summary_counts(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, int]:
    capsys.readouterr()
    assert main(["summary", *args, "--json"]) == 0
    records = json.loads(capsys.readouterr().out)
    return {r["client"]: r["interviews"] for r in records}


def test_summary_of_a_manifest_counts_every_client(
    intake: Intake, capsys: pytest.CaptureFixture[str]
) -> None:
    assert summary_counts(capsys, str(intake.manifest)) == {
        client: len(ivs) for client, ivs in TRUTH.items()
    }


def test_client_option_on_a_lone_file(intake: Intake, capsys: pytest.CaptureFixture[str]) -> None:
    counts = summary_counts(capsys, str(intake.root / "notes.json"), "--client", "dan")
    assert counts == {"dan": len(TRUTH["me"])}


def test_validate_lists_the_warnings_of_the_intake(
    intake: Intake, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["validate", str(intake.manifest)])
    out = capsys.readouterr().out
    assert code == 1
    assert "Mood /5" in out and "no client is named" in out and "could be" in out


def test_import_rename_and_summary_of_an_sqlite_url(
    intake: Intake, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'practice.db'}"
    main(["import", str(intake.manifest), "--into", url])
    assert main(["clients", url, "--rename", "jo.rivera82@gmail.com=Jo Rivera"]) == 0
    out = capsys.readouterr().out
    jo = len(TRUTH["Jo Rivera"]) + len(TRUTH["jo.rivera82@gmail.com"])
    assert f"Jo Rivera\t{jo} entries" in out
    counts = summary_counts(capsys, url)
    assert counts["Jo Rivera"] == jo and "jo.rivera82@gmail.com" not in counts
    assert sum(counts.values()) == sum(len(ivs) for ivs in TRUTH.values())


def test_import_recognises_entries_under_another_client(
    intake: Intake, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    journal = str(tmp_path / "journal")
    main(["import", str(intake.root / "notes.json"), "--into", journal])
    main(["import", str(intake.root / "notes.json"), "--into", journal, "--client", "ivan"])
    out = capsys.readouterr().out
    assert "already in the journal" in out
    main(
        [
            "import",
            str(intake.root / "notes.json"),
            "--into",
            journal,
            "--client",
            "ivan",
            "--as-new",
        ]
    )
    assert summary_counts(capsys, journal) == {"ivan": len(TRUTH["me"]), "me": len(TRUTH["me"])}


def test_report_display_name_on_the_cover_file_named_by_id(
    intake: Intake, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "lena.html"
    code = main(
        [
            "report",
            str(intake.root / "lena"),
            "--client",
            "lena",
            "--display-name",
            "Lena Park",
            "--out",
            str(out),
            "--today",
            "2026-06-01",
        ]
    )
    assert code == 0 and out.exists()
    assert "Lena Park" in out.read_text(encoding="utf-8")


def test_clients_with_an_unknown_name_says_which_exist(
    intake: Intake, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    journal = str(tmp_path / "journal")
    main(["import", str(intake.root / "chloe.jsonl"), "--into", journal])
    assert main(["clients", journal, "--rename", "chloé=Chloe"]) == 1
    assert "Known clients: chloe" in capsys.readouterr().err
