"""A journal location that cannot be a journal is a RecoveryAnalyticsError saying what was found."""

from __future__ import annotations

from pathlib import Path

import pytest

import recovery_analytics as ra
from recovery_analytics.exceptions import RecoveryAnalyticsError


def test_a_text_file_given_as_sqlite(tmp_path: Path) -> None:
    (tmp_path / "notes.db").write_text("hello\n")
    for location in (tmp_path / "notes.db", f"sqlite:///{tmp_path / 'notes.db'}"):
        with pytest.raises(RecoveryAnalyticsError, match="not an SQLite database .it holds text"):
            ra.Journal.open(location)


def test_a_folder_named_like_a_database_in_a_url(tmp_path: Path) -> None:
    (tmp_path / "x.db").mkdir()
    with pytest.raises(
        RecoveryAnalyticsError, match="is a folder, but an SQLite journal is a file"
    ):
        ra.Journal.open(f"sqlite:///{tmp_path / 'x.db'}")


def test_a_url_in_a_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(RecoveryAnalyticsError, match="does not exist"):
        ra.Journal.open(f"sqlite:///{tmp_path / 'nope' / 'a.db'}")


def test_a_real_database_still_opens(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'j.db'}"
    ra.Journal.open(url).add({"client": "ana", "interview_date": "2026-03-04", "company": "A"})
    assert len(ra.Journal.open(url).log().interviews) == 1
