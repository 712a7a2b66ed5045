"""Behaviour every journal backend shares (each test runs on folder, SQLite and PostgreSQL).

Durability: a separate process (``journal_worker.py``) adds entries in a loop
and prints each id once ``add()`` has returned; killed with SIGKILL in the
middle of saving, every acknowledged entry must be there and the journal load
cleanly. Two such processes adding 200 entries each at once lose nothing.
"""

from __future__ import annotations

import datetime as dt
import json
import signal
import uuid
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recovery_analytics import (
    Entry,
    EntryValidationError,
    Item,
    UnknownClientError,
    derive_entry_id,
    entry_from_mapping,
    load,
)
from recovery_analytics.exceptions import RecoveryAnalyticsError
from recovery_analytics.journal import (
    DuplicateEntryError,
    EntryNotFoundError,
    ImportReport,
    Journal,
    JournalCallbackError,
)
from recovery_analytics.model import enum_values

from ._helpers import THEMES, canonical, check_loads_cleanly, entry_dict, snapshot, worker

# -- add and get -------------------------------------------------------------------


def test_add_then_get_gives_the_validated_entry(journal: Journal) -> None:
    values = entry_dict(1)
    eid = journal.add(values)
    # the id is derived from client, date, company, role and stage, as load() derives it
    assert eid == derive_entry_id(
        "ana", "2026-01-02", "Company 1", "Data analyst", values.get("stage")
    )
    assert journal.get(eid) == entry_from_mapping(values)
    assert len(journal) == 1
    assert eid in journal
    assert "e-000000000000" not in journal


def test_add_accepts_an_entry_object_and_keeps_its_tags(journal: Journal) -> None:
    entry = Entry(
        interview_date=dt.date(2026, 3, 4),
        company="Acme",
        went_wrong=[Item("Rambled on salary", tags=("compensation",))],
        plan_b=["[x] Ask for feedback"],
    )
    eid = journal.add(entry)
    assert eid == entry.entry_id
    got = journal.get(eid)
    assert got.went_wrong[0].tags == ("compensation",)
    # the Markdown file writes a tag that was not in the text inline, after it
    assert got.went_wrong[0].text.startswith("Rambled on salary")
    assert got.plan_b[0].done is True


def test_add_refuses_what_is_not_an_entry(journal: Journal) -> None:
    with pytest.raises(TypeError, match="must be an Entry or a dict"):
        journal.add(["2026-03-04"])  # type: ignore[arg-type]
    assert len(journal) == 0


def test_adding_a_known_id_is_refused_and_changes_nothing(journal: Journal, location: str) -> None:
    eid = journal.add(entry_dict(1))
    before = snapshot(location)
    changed = {**entry_dict(1), "notes": "a second copy"}
    with pytest.raises(DuplicateEntryError, match="update") as err:
        journal.add(changed)
    assert err.value.entry_id == eid
    assert snapshot(location) == before
    assert journal.get(eid).notes == "Notes for interview 1."


_INVALID = [
    ({"interview_date": "2026-03-04", "feeling": 9}, "feeling", "whole number from 1 to 5"),
    ({"company": "Acme"}, "interview_date", "is missing"),
    ({"interview_date": "soon"}, "interview_date", "not a date"),
    ({"interview_date": "2026-03-04", "stage": "lunch"}, "stage", "not a known"),
    ({"interview_date": "2026-03-04", "mood": "fine"}, "mood", "not a field"),
]


def test_an_invalid_entry_is_refused_and_nothing_is_written(
    journal: Journal, location: str
) -> None:
    journal.add(entry_dict(1))
    before = snapshot(location)
    for values, field, message in _INVALID:
        with pytest.raises(EntryValidationError) as err:
            journal.add(values)
        assert message in err.value.by_field[field], field
        assert snapshot(location) == before
    assert len(journal) == 1


def test_get_of_an_unknown_id_names_it(journal: Journal) -> None:
    with pytest.raises(EntryNotFoundError, match="'e-0123456789ab'") as err:
        journal.get("e-0123456789ab")
    assert isinstance(err.value, KeyError)
    assert isinstance(err.value, RecoveryAnalyticsError)
    assert err.value.entry_id == "e-0123456789ab"
    with pytest.raises(TypeError, match="entry id"):
        journal.get(None)  # type: ignore[arg-type]


# -- update and delete -------------------------------------------------------------


def test_update_changes_only_the_given_fields_and_keeps_the_id(journal: Journal) -> None:
    eid = journal.add(entry_dict(1))
    new = journal.update(eid, outcome="Next round", feeling="5", notes=None, company="Beta")
    assert new.entry_id == eid
    assert (new.outcome, new.feeling, new.notes, new.company) == ("next_round", 5, None, "Beta")
    expected = entry_from_mapping({**entry_dict(1), "entry_id": eid})
    # everything else is as it was
    for name in ("client", "interview_date", "role", "went_well", "went_wrong", "plan_b"):
        assert getattr(new, name) == getattr(expected, name)
    assert journal.get(eid) == new
    assert len(journal) == 1


def test_update_takes_lists_as_tuples_as_a_frozen_entry_holds_them(journal: Journal) -> None:
    eid = journal.add(entry_dict(1))
    new = journal.update(eid, went_well=("Calm start #nerves", "Good close"), plan_b=())
    assert [i.text for i in new.went_well] == ["Calm start #nerves", "Good close"]
    assert tuple(new.went_well[0].tags) == ("nerves",)
    assert len(new.plan_b) == 0
    # and an entry read back can be changed with its own values
    again = journal.update(eid, went_wrong=journal.get(eid).went_well)
    assert [i.text for i in again.went_wrong] == [i.text for i in new.went_well]


def test_update_can_change_client_and_date(journal: Journal) -> None:
    eid = journal.add(entry_dict(1))
    journal.update(eid, client="ben", interview_date="2026-05-06")
    got = journal.get(eid)
    assert (got.client, got.interview_date) == ("ben", dt.date(2026, 5, 6))
    assert journal.clients() == ["ben"]
    assert len(journal) == 1


def test_an_invalid_update_is_refused_and_nothing_is_written(
    journal: Journal, location: str
) -> None:
    eid = journal.add(entry_dict(1))
    before = snapshot(location)
    with pytest.raises(EntryValidationError) as err:
        journal.update(eid, connection=0, company="Beta")
    assert "from 1 to 5" in err.value.by_field["connection"]
    with pytest.raises(RecoveryAnalyticsError, match="keeps an entry's id"):
        journal.update(eid, entry_id="e-other")
    with pytest.raises(EntryNotFoundError):
        journal.update("e-0123456789ab", feeling=3)
    assert snapshot(location) == before


def test_delete(journal: Journal) -> None:
    keep = journal.add(entry_dict(1))
    gone = journal.add(entry_dict(2))
    journal.delete(gone)
    assert len(journal) == 1
    assert gone not in journal
    assert journal.get(keep).company == "Company 1"
    with pytest.raises(EntryNotFoundError):
        journal.delete(gone)


# -- listing -----------------------------------------------------------------------------


def test_clients_companies_and_entries(journal: Journal) -> None:
    for i, client in enumerate(["ben", "ana", "ben", "chloe"]):
        journal.add(entry_dict(i, client=client))
    journal.add({"interview_date": "2026-02-01", "client": "ana"})  # no company
    assert journal.clients() == ["ana", "ben", "chloe"]
    assert journal.companies() == ["Company 0", "Company 1", "Company 2", "Company 3"]
    assert len(journal) == 5
    ben = journal.entries("ben")
    assert [e.company for e in ben] == ["Company 0", "Company 2"]
    assert [e.company for e in journal.entries("BEN")] == ["Company 0", "Company 2"]
    everything = journal.entries()
    dates = [e.interview_date for e in everything]
    assert dates == sorted(dates)
    with pytest.raises(UnknownClientError, match="ana, ben, chloe"):
        journal.entries("dora")


def test_an_empty_journal(journal: Journal) -> None:
    assert len(journal) == 0
    assert journal.clients() == []
    assert journal.companies() == []
    assert journal.entries() == []
    log = journal.log()
    assert len(log) == 0 and log.problems.empty


# -- the log ---------------------------------------------------------------------------------


def test_log_gives_the_frames_load_gives(journal: Journal, tmp_path: Path) -> None:
    values = [entry_dict(i, client=c) for i, c in enumerate(["ana", "ben", "ana", "chloe"])]
    for v in values:
        journal.add(v)
    log = journal.log()
    assert log.problems.empty
    # the same entries as a JSON Lines file, read by load()
    jsonl = tmp_path / "same.jsonl"
    jsonl.write_text("".join(json.dumps(v) + "\n" for v in values))
    expected = load(jsonl, taxonomy=THEMES)
    for got, want in zip(canonical(log), canonical(expected), strict=True):
        pd.testing.assert_frame_equal(got, want)
    # the stand-in taxonomy's themes are the items' tags: it was passed on
    assert log.items["themes"].map(list).tolist() == log.items["tags"].map(list).tolist()


def test_log_takes_another_taxonomy(journal: Journal) -> None:
    class Everything:
        def tag_items(self, texts: pd.Series, tags: pd.Series) -> pd.Series:
            return pd.Series([["all"] for _ in range(len(texts))], index=texts.index)

    journal.add(entry_dict(1))
    assert set(journal.log(taxonomy=Everything()).items["theme"]) == {"all"}


def test_log_can_skip_tagging(journal: Journal) -> None:
    journal.add(entry_dict(1))
    items = journal.log(taxonomy=False).items
    # entry_dict gives two went-well items and one went-wrong item, each with text
    assert len(items) == 3
    assert items["themes"].map(len).tolist() == [0, 0, 0]
    # the journal's own taxonomy is still used when none is given
    assert journal.log().items["themes"].map(list).tolist() == [["examples"], [], ["conciseness"]]


def test_every_backend_gives_the_folder_s_log(journal: Journal, tmp_path: Path) -> None:
    folder = Journal.open(tmp_path / "folder", taxonomy=THEMES)
    database = journal
    for i in range(6):
        values = entry_dict(i, client=["ana", "ben"][i % 2])
        assert folder.add(values) == database.add(values)
    for got, want in zip(canonical(folder.log()), canonical(database.log()), strict=True):
        pd.testing.assert_frame_equal(got, want)
    assert folder.entries() == database.entries()


# -- change callbacks -------------------------------------------------------------------------


def test_on_change_is_called_after_each_successful_change(journal: Journal) -> None:
    seen: list[str] = []
    journal.on_change(seen.append)
    eid = journal.add(entry_dict(1))
    with pytest.raises(EntryValidationError):
        journal.add({"interview_date": "never"})
    with pytest.raises(DuplicateEntryError):
        journal.add(entry_dict(1))
    journal.update(eid, feeling=2)
    journal.delete(eid)
    assert seen == [eid, eid, eid]
    journal.on_change(seen.append, remove=True)
    journal.add(entry_dict(2))
    assert len(seen) == 3


def test_a_failing_callback_does_not_undo_the_save(journal: Journal) -> None:
    seen: list[str] = []

    def broken(entry_id: str) -> None:
        raise RuntimeError("dashboard fell over")

    journal.on_change(broken)
    journal.on_change(seen.append)
    with pytest.raises(JournalCallbackError, match="was saved") as err:
        journal.add(entry_dict(1))
    eid = err.value.entry_id
    assert journal.get(eid).company == "Company 1"
    assert seen == [eid]  # the other callbacks still ran
    assert isinstance(err.value.__cause__, RuntimeError)


# -- importing ---------------------------------------------------------------------------------


def _write_logs(folder: Path) -> None:
    folder.mkdir()
    (folder / "a.jsonl").write_text(
        "".join(json.dumps(entry_dict(i)) + "\n" for i in range(3))
        + json.dumps({**entry_dict(3), "feeling": 7})
        + "\n"
    )
    (folder / "b.csv").write_text(
        "client,interview_date,company,role,went_well\n"
        'ben,2026-04-01,Northwind,Engineer,"Good rapport\nClear answers"\n'
        "ben,someday,Contoso,Engineer,\n"
    )


def test_import_from_adds_new_entries_and_reports_problems(
    journal: Journal, tmp_path: Path
) -> None:
    _write_logs(tmp_path / "old")
    existing = journal.add(entry_dict(0))
    seen: list[str] = []
    journal.on_change(seen.append)
    report = journal.import_from(tmp_path / "old")
    assert isinstance(report, ImportReport)
    # a.jsonl: entries 0-3 (0 is already there, 3 has a bad feeling, kept without it);
    # b.csv: one good row and one without a readable date
    assert report.n_added == 4
    assert report.duplicates["entry_id"].tolist() == [existing]
    assert report.duplicates["source"].str.contains("a.jsonl").all()
    assert sorted(report.problems["field"]) == ["feeling", "interview_date"]
    assert seen == report.added
    assert len(journal) == 5
    assert journal.get(report.added[-1]).went_well[1].text == "Clear answers"
    text = str(report)
    assert text.startswith("Imported 4 new entries.")
    assert "Skipped 1 entry already in the journal" in text
    assert "2 problems while reading" in text
    assert repr(report) == "ImportReport(added=4, duplicates=1, problems=2)"

    again = journal.import_from(tmp_path / "old")
    assert again.n_added == 0 and again.n_duplicates == 5
    assert str(again).startswith("Nothing new to import.")
    assert len(journal) == 5


def test_a_failing_callback_during_import_still_imports_everything(
    journal: Journal, tmp_path: Path
) -> None:
    _write_logs(tmp_path / "old")
    calls: list[str] = []

    def broken(entry_id: str) -> None:
        calls.append(entry_id)
        raise RuntimeError("dashboard fell over")

    journal.on_change(broken)
    with pytest.raises(JournalCallbackError) as err:
        journal.import_from(tmp_path / "old")
    report = err.value.report
    assert report is not None and report.n_added == 5  # 4 from a.jsonl, 1 from b.csv
    assert calls == report.added  # called for every entry, not stopped by the first error
    assert len(err.value.errors) == 5
    assert len(journal) == 5


# -- closing ---------------------------------------------------------------------------------------


def test_a_journal_works_as_a_context_manager(location: str) -> None:
    with Journal.open(location) as j:
        eid = j.add(entry_dict(1))
    with Journal.open(location) as j:
        assert j.get(eid).company == "Company 1"


# -- durability: kill -9 in the middle of saving, two writers at once -------------------------


def test_kill_9_while_saving_keeps_every_acknowledged_entry(location: str) -> None:
    acknowledged: list[str] = []
    # kill at different points: after a few saves, and after more
    for round_, stop_after in enumerate((5, 17)):
        proc = worker(location, f"k{round_}", 100_000)
        assert proc.stdout is not None
        got: list[str] = []
        while len(got) < stop_after:
            line = proc.stdout.readline()
            if not line:
                proc.wait()
                pytest.fail(
                    f"the worker stopped early: {proc.stderr.read() if proc.stderr else ''}"
                )
            got.append(line.strip())
        proc.send_signal(signal.SIGKILL)  # while it is saving the next entry
        proc.wait()
        assert proc.returncode == -signal.SIGKILL
        acknowledged += got
        proc.stdout.close()
        if proc.stderr:
            proc.stderr.close()
        if proc.stdin:
            proc.stdin.close()

    ids = check_loads_cleanly(location)
    assert set(acknowledged) <= ids
    # at most one entry per round was saved but not yet acknowledged
    assert len(ids - set(acknowledged)) <= 2
    if "://" not in location:  # a folder: nothing but the entries' files
        root = Path(location)
        visible = [p for p in root.rglob("*") if p.is_file() and not p.name.startswith(".")]
        assert all(p.suffix == ".md" for p in visible)
        assert len(visible) == len(ids)


def test_two_processes_adding_at_once_lose_nothing(location: str) -> None:
    workers = {prefix: worker(location, prefix, 200, wait=True) for prefix in ("a", "b")}
    for proc in workers.values():
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    for proc in workers.values():  # both open the (new) journal and add at once
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()
    saved: dict[str, list[str]] = {}
    for prefix, proc in workers.items():
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
        saved[prefix] = out.split()
    assert [len(v) for v in saved.values()] == [200, 200]
    ids = check_loads_cleanly(location)
    assert ids == set(saved["a"]) | set(saved["b"])
    assert len(ids) == 400


# -- round trip, property based --------------------------------------------------------------------


def _one_line(t: str) -> bool:
    """Text a Markdown list item keeps as it is: single spaces, no bullet-like start.

    (The Markdown writer puts each item on one line, folding runs of white
    space; that is the format's rule, tested in tests/io.)
    """
    return " ".join(t.split()) == t and t[0] not in "-*+\u2022[#" and not t[0].isdigit()


_line = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=25
).filter(_one_line)
_dates = st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2030, 12, 31))


@st.composite
def _entries(draw: st.DrawFn) -> dict[str, Any]:
    optional = {
        "company": _line,
        "role": _line,
        "stage": st.sampled_from(enum_values("stage")),
        "format": st.sampled_from(enum_values("format")),
        "feeling": st.integers(1, 5),
        "connection": st.integers(1, 5),
        "went_well": st.lists(_line, max_size=3),
        "went_wrong": st.lists(_line, max_size=3),
        "plan_b": st.lists(st.builds(lambda t, d: {"text": t, "done": d}, _line, st.booleans())),
        "follow_up_requested": st.booleans(),
        "follow_up_response": st.sampled_from(enum_values("follow_up_response")),
        "questions_to_ask": st.lists(_line, max_size=2),
        "outcome": st.sampled_from(enum_values("outcome")),
        "notes": _line,
    }
    values: dict[str, Any] = {
        "entry_id": f"e-{uuid.uuid4().hex[:12]}",
        "interview_date": draw(_dates).isoformat(),
        "client": draw(st.sampled_from(["ana", "Ben", "chlo\u00e9"])),
    }
    for name, strategy in optional.items():
        if draw(st.booleans()):
            values[name] = draw(strategy)
    return values


@settings(
    max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(values=_entries())
def test_what_is_added_comes_back_the_same(journal: Journal, values: dict[str, Any]) -> None:
    eid = journal.add(values)
    assert journal.get(eid) == entry_from_mapping(values)
