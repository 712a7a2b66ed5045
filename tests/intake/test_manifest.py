"""The practice manifest: its keys, its errors, and a journal URL as a source."""

from __future__ import annotations

from pathlib import Path

import pytest

from recovery_analytics import load
from recovery_analytics.exceptions import RecoveryAnalyticsError
from recovery_analytics.journal import Journal

from ._build import TRUTH, Intake


def test_unknown_key_is_an_error_naming_the_source(tmp_path: Path) -> None:
    manifest = tmp_path / "practice.toml"
    manifest.write_text('[[source]]\npath = "a.csv"\n\n[[source]]\npath = "b"\nclinet = "x"\n')
    with pytest.raises(RecoveryAnalyticsError, match="source 2: unknown key 'clinet'"):
        load(manifest)


def test_dayfirst_must_be_a_boolean(tmp_path: Path) -> None:
    manifest = tmp_path / "practice.toml"
    manifest.write_text('[[source]]\npath = "a.csv"\ndayfirst = "yes"\n')
    with pytest.raises(RecoveryAnalyticsError, match="dayfirst must be true or false"):
        load(manifest)


def test_relative_sqlite_url_is_read_from_the_manifest_folder(
    intake: Intake, tmp_path: Path
) -> None:
    with Journal.open(f"sqlite:///{tmp_path / 'practice.db'}") as journal:
        journal.import_from(intake.root / "chloe.jsonl")
    manifest = tmp_path / "practice.toml"
    manifest.write_text(
        '[[source]]\npath = "sqlite:///practice.db"\n\n'
        f'[[source]]\npath = "{(intake.root / "notes.json").as_posix()}"\nclient = "dan"\n'
    )
    log = load(manifest)
    assert log.clients == ["chloe", "dan"]
    assert len(log) == len(TRUTH["chloe"]) + len(TRUTH["me"])


def test_dayfirst_in_the_manifest_settles_an_ambiguous_source(
    intake: Intake, tmp_path: Path
) -> None:
    manifest = tmp_path / "practice.toml"
    manifest.write_text(
        f'[[source]]\npath = "{(intake.root / "eve.tsv").as_posix()}"\ndayfirst = true\n'
    )
    log = load(manifest)
    assert log.problems.empty
    want = sorted(iv.day.replace(month=iv.day.day, day=iv.day.month) for iv in TRUTH["eve"])
    assert sorted(log.interviews["interview_date"].dt.date) == want
