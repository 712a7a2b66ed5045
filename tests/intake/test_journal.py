"""The intake through ``Journal.import_from`` into folder, SQLite and PostgreSQL journals."""

from __future__ import annotations

import pytest

from recovery_analytics.journal import Journal

from ._build import TRUTH, Intake
from ._expect import check_log

# ``location`` (tests/conftest.py) gives each backend's journal
BACKENDS = ["folder", "sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)]


@pytest.mark.parametrize("backend", BACKENDS)
def test_import_from_manifest_keeps_every_client(intake: Intake, location: str) -> None:
    with Journal.open(location) as journal:
        report = journal.import_from(intake.manifest)
        assert report.n_added == sum(len(ivs) for ivs in TRUTH.values())
        check_log(journal.log(taxonomy=False))


@pytest.mark.parametrize("backend", BACKENDS)
def test_import_with_client_names_a_lone_file(intake: Intake, location: str) -> None:
    with Journal.open(location) as journal:
        journal.import_from(intake.root / "notes.json", client="dan")
        assert journal.clients() == ["dan"]


@pytest.mark.parametrize("backend", BACKENDS)
def test_the_same_interviews_under_another_client_are_recognised(
    intake: Intake, location: str
) -> None:
    with Journal.open(location) as journal:
        first = journal.import_from(intake.root / "notes.json")
        again = journal.import_from(intake.root / "notes.json", client="ivan")
        assert first.n_added == len(TRUTH["me"])
        assert again.n_added == 0 and again.n_duplicates == len(TRUTH["me"])
        assert any("already in the journal" in m for m in again.problems["message"])
        assert journal.clients() == ["me"]
        forced = journal.import_from(intake.root / "notes.json", client="ivan", as_new=True)
        assert forced.n_added == len(TRUTH["me"])
        assert journal.clients() == ["ivan", "me"]


@pytest.mark.parametrize("backend", BACKENDS)
def test_rename_client_merges_and_keeps_one_copy(intake: Intake, location: str) -> None:
    with Journal.open(location) as journal:
        journal.import_from(intake.root / "forms" / "responses.csv")
        jo = len(TRUTH["Jo Rivera"]) + len(TRUTH["jo.rivera82@gmail.com"])
        moved = journal.rename_client("jo.rivera82@gmail.com", "Jo Rivera")
        assert len(moved) == len(TRUTH["jo.rivera82@gmail.com"])
        assert "jo.rivera82@gmail.com" not in journal.clients()
        assert len(journal.entries("Jo Rivera")) == jo
        # the same interviews under a second name, merged back: kept once
        journal.import_from(intake.root / "notes.json", client="me")
        journal.import_from(intake.root / "notes.json", client="dan", as_new=True)
        journal.rename_client("dan", "me")
        assert len(journal.entries("me")) == len(TRUTH["me"])
        assert "dan" not in journal.clients()


@pytest.mark.parametrize("backend", BACKENDS)
def test_rename_to_a_new_name_keeps_everything(intake: Intake, location: str) -> None:
    with Journal.open(location) as journal:
        journal.import_from(intake.root / "lena")
        before = {(e.interview_date, e.company, e.stage) for e in journal.entries()}
        journal.rename_client("lena", "Lena Park")
        assert journal.clients() == ["Lena Park"]
        after = {(e.interview_date, e.company, e.stage) for e in journal.entries()}
        assert after == before
