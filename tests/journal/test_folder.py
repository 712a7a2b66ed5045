"""The folder backend: Markdown files a person can read, edit and load().

Also what is saved is never half-written or readable by others: new folders
0700 and files 0600 with a permissive umask (022), so the test sees what our
code sets itself; atomic writes leave the old file or the new one.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from recovery_analytics import LogFormatError, entry_from_mapping, load
from recovery_analytics._fs import atomic_write
from recovery_analytics.exceptions import RecoveryAnalyticsError
from recovery_analytics.io import write_markdown
from recovery_analytics.journal import DuplicateEntryError, FolderJournal, Journal
from recovery_analytics.journal._folder import client_dir

from ._helpers import THEMES, entry_dict, mode


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "journal"


@pytest.fixture
def journal(folder: Path) -> FolderJournal:
    j = Journal.open(folder, taxonomy=THEMES)
    assert isinstance(j, FolderJournal)
    return j


def _md_files(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*.md"))


def test_one_markdown_file_per_entry_in_the_client_folder(
    journal: FolderJournal, folder: Path
) -> None:
    eid = journal.add(entry_dict(4, client="ana"))
    # <client>/<date>-<company slug>-<first six characters of the id>.md
    assert _md_files(folder) == [f"ana/2026-01-05-company-4-{eid[2:8]}.md"]
    text = (folder / _md_files(folder)[0]).read_text()
    assert text.startswith("---\nentry_id: " + eid)
    assert "## Went well\n- Clear STAR story number 4 #examples\n" in text
    # load() reads the journal's folder as it reads any folder
    log = load(folder, taxonomy=THEMES)
    assert log.interviews.index.tolist() == [eid]
    assert log.entries() == [journal.get(eid)]


def test_update_rewrites_in_place_or_renames(journal: FolderJournal, folder: Path) -> None:
    eid = journal.add(entry_dict(4))
    [before] = _md_files(folder)
    journal.update(eid, feeling=2)
    assert _md_files(folder) == [before]
    journal.update(eid, company="Northwind & Co", interview_date="2026-02-01")
    assert _md_files(folder) == [f"ana/2026-02-01-northwind-co-{eid[2:8]}.md"]
    journal.update(eid, client="ben")
    assert _md_files(folder) == [f"ben/2026-02-01-northwind-co-{eid[2:8]}.md"]
    assert journal.get(eid).company == "Northwind & Co"
    assert load(folder, taxonomy=THEMES).interviews.index.tolist() == [eid]


def test_an_interrupted_move_is_tidied_by_the_next_change(
    journal: FolderJournal, folder: Path
) -> None:
    eid = journal.add(entry_dict(4))
    [old] = folder.rglob("*.md")
    # what a crash leaves when an update to a new date has written the new file
    # but not yet removed the old one
    # (written after the new date: a reflection before its interview is a warning)
    moved = entry_from_mapping(
        {**entry_dict(4), "entry_id": eid, "interview_date": "2026-06-01"}
        | {"reflected_on": "2026-06-02"}
    )
    new = old.parent / f"2026-06-01-company-4-{eid[2:8]}.md"
    new.write_text(write_markdown(moved))
    os.utime(old, ns=(1, 1))  # written before the new one
    assert journal.get(eid).interview_date == dt.date(2026, 6, 1)  # the newer file
    # the two copies are one problem, named as a duplicate
    [message] = journal.log().problems["message"]
    assert "duplicate" in message
    journal.update(eid, feeling=5)
    assert list(folder.rglob("*.md")) == [new]
    assert journal.log().problems.empty
    assert journal.get(eid).feeling == 5


def test_a_file_never_replaces_another_entry(journal: FolderJournal, folder: Path) -> None:
    # two entries whose file names would be the same: same date, company and
    # first six characters of the id
    first = {**entry_dict(1), "entry_id": "e-abcdef111111"}
    second = {**entry_dict(1), "entry_id": "e-abcdef222222", "role": "Engineer"}
    journal.add(first)
    [path] = _md_files(folder)
    original = (folder / path).read_bytes()
    journal.add(second)
    assert (folder / path).read_bytes() == original
    assert _md_files(folder) == [
        "ana/2026-01-02-company-1-abcdef.md",
        "ana/2026-01-02-company-1-abcdef222222.md",
    ]
    assert journal.get("e-abcdef222222").role == "Engineer"
    journal.update("e-abcdef222222", feeling=1)  # the long name keeps its place
    assert len(_md_files(folder)) == 2
    assert {e.entry_id for e in journal.entries()} == {"e-abcdef111111", "e-abcdef222222"}


@pytest.mark.parametrize("client", ["../outside", "_private", ".hidden", "a/b\\c", "  "])
def test_client_names_cannot_escape_or_hide_the_files(
    journal: FolderJournal, folder: Path, client: str
) -> None:
    eid = journal.add({**entry_dict(1), "client": client})
    [path] = [p for p in folder.rglob("*.md")]
    assert path.parent.parent == folder
    assert not path.parent.name.startswith((".", "_"))
    # load() finds it, with the client's own name from the front matter
    assert load(folder, taxonomy=THEMES).interviews.index.tolist() == [eid]
    assert journal.get(eid).client == (client.strip() or "me")


def test_entries_whose_ids_start_alike(journal: FolderJournal, folder: Path) -> None:
    # ids given by a person often share their first characters, and so the
    # end of their file names; each must still be found, and only once
    ids = [journal.add({**entry_dict(i), "entry_id": f"my-{i:04d}"}) for i in range(12)]
    # the file name keeps the first six characters of the id: "my-000" or "my-001"
    assert {p.name[-10:] for p in folder.rglob("*.md")} == {"-my-000.md", "-my-001.md"}
    for eid in ids:
        assert journal.get(eid).entry_id == eid
    with pytest.raises(DuplicateEntryError):
        journal.add({**entry_dict(5), "entry_id": "my-0005"})
    assert len(journal) == 12


def test_client_dir() -> None:
    assert client_dir("Ana Lima") == "Ana Lima"
    assert client_dir("__x") == "x"
    assert client_dir("..") == "me"
    assert len(client_dir("\u00e9" * 300).encode()) <= 120


def test_an_unsafe_entry_id_stays_inside_the_folder(journal: FolderJournal, folder: Path) -> None:
    eid = journal.add({**entry_dict(1), "entry_id": "../../x y"})
    [path] = [p for p in folder.rglob("*.md")]
    assert path.parent.parent == folder
    assert journal.get(eid).entry_id == "../../x y"
    with pytest.raises(DuplicateEntryError):  # found again though its id is quoted in the file
        journal.add({**entry_dict(1), "entry_id": "../../x y"})
    journal.delete(eid)
    assert list(folder.rglob("*.md")) == []


def test_a_file_edited_by_hand_is_read_back(journal: FolderJournal, folder: Path) -> None:
    eid = journal.add(entry_dict(1))
    [path] = folder.rglob("*.md")
    path.write_text(path.read_text().replace("feeling: 2", "feeling: 4"))
    assert journal.get(eid).feeling == 4


def test_a_file_written_by_hand_can_be_changed_and_keeps_its_name(
    journal: FolderJournal, folder: Path
) -> None:
    (folder / "ana").mkdir(parents=True)
    mine = folder / "ana" / "my first interview.md"
    mine.write_text("---\ninterview_date: 2026-03-04\ncompany: Acme\n---\n## Wins\n- Rapport\n")
    [entry] = journal.entries()
    assert entry.client == "ana"  # from the folder, as load() does
    assert entry.entry_id in journal
    journal.update(entry.entry_id, feeling=3)
    assert _md_files(folder) == ["ana/my first interview.md"]
    assert journal.get(entry.entry_id).feeling == 3
    assert [i.text for i in journal.get(entry.entry_id).went_well] == ["Rapport"]
    journal.delete(entry.entry_id)
    assert _md_files(folder) == []


def test_a_broken_file_is_reported_and_not_overwritten(
    journal: FolderJournal, folder: Path
) -> None:
    eid = journal.add(entry_dict(1))
    [path] = folder.rglob("*.md")
    path.write_text(path.read_text().replace("feeling: 2", "feeling: quite good"))
    broken = path.read_bytes()
    log = journal.log()
    assert log.problems["field"].tolist() == ["feeling"]
    assert eid in log.interviews.index  # kept, without the bad value
    with pytest.raises(LogFormatError, match="fix the file first"):
        journal.update(eid, notes="more")
    assert path.read_bytes() == broken


def test_entries_in_other_files_are_read_but_not_rewritten(
    journal: FolderJournal, folder: Path
) -> None:
    folder.mkdir(exist_ok=True)
    (folder / "old.csv").write_text("client,interview_date,company\nben,2026-03-04,Acme\n")
    [entry] = journal.entries()
    assert journal.clients() == ["ben"]
    with pytest.raises(RecoveryAnalyticsError, match="old.csv"):
        journal.update(entry.entry_id, feeling=3)
    with pytest.raises(RecoveryAnalyticsError, match="old.csv"):
        journal.delete(entry.entry_id)


def test_log_is_load_of_the_folder(journal: FolderJournal, folder: Path) -> None:
    for i in range(5):
        journal.add(entry_dict(i, client=["ana", "ben"][i % 2]))
    log = journal.log()
    expected = load(folder, taxonomy=THEMES)
    for name in ("interviews", "items", "actions", "problems"):
        assert getattr(log, name).equals(getattr(expected, name)), name


def test_a_file_path_is_not_a_folder_journal(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("hello")
    with pytest.raises(RecoveryAnalyticsError, match="is a file"):
        FolderJournal(tmp_path / "notes.md")


def test_written_files_are_what_write_markdown_gives(journal: FolderJournal, folder: Path) -> None:
    eid = journal.add(entry_dict(7))
    [path] = folder.rglob("*.md")
    assert path.read_text() == write_markdown(entry_from_mapping(entry_dict(7)))
    assert journal.get(eid).interview_date == dt.date(2026, 1, 8)


# -- privacy and atomic writes ---------------------------------------------------------


@pytest.mark.usefixtures("private_umask")
def test_a_new_folder_journal_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    root = tmp_path / "new" / "journal"
    journal = Journal.open(root)
    eid = journal.add(entry_dict(1, client="ana"))
    journal.update(eid, client="ben", company="Elsewhere")  # a new file and folder
    journal.add(entry_dict(2, client="chloe"))
    assert mode(tmp_path / "new") == mode(root) == 0o700
    folders = [p for p in root.rglob("*") if p.is_dir()]
    files = [p for p in root.rglob("*") if p.is_file()]
    assert {p.name for p in folders} == {"ana", "ben", "chloe"}
    assert {mode(p) for p in folders} == {0o700}
    assert len([p for p in files if p.suffix == ".md"]) == 2
    assert {mode(p) for p in files} == {0o600}  # entries and the lock file
    # and a file made outside the journal with this umask would not be private
    (tmp_path / "control").write_text("x")
    assert mode(tmp_path / "control") == 0o644


def test_leftover_temporary_files_are_not_entries(tmp_path: Path) -> None:
    root = tmp_path / "journal"
    journal = Journal.open(root, taxonomy=THEMES)
    eid = journal.add(entry_dict(1))
    [path] = root.rglob("*.md")
    # what a crash between "write the temporary file" and "rename" leaves
    half = path.read_text()[:40]
    (path.parent / f".{path.name}.k2j3h4.tmp").write_text(half)
    (path.parent / f".{path.name}.x.md").write_text(half)
    assert set(load(root, taxonomy=THEMES).interviews.index) == {eid}
    assert len(journal) == 1
    assert journal.log().problems.empty


def test_a_failed_write_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "journal"
    journal = Journal.open(root, taxonomy=THEMES)
    eid = journal.add(entry_dict(1))
    [path] = root.rglob("*.md")
    before = path.read_bytes()

    def crash(*args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError, match="disk full"):
        journal.update(eid, notes="new notes")
    assert path.read_bytes() == before
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temporary file left


def test_exclusive_write_never_replaces_a_file(tmp_path: Path) -> None:
    target = tmp_path / "a.md"
    target.write_text("first")
    with pytest.raises(FileExistsError):
        atomic_write(target, "second", exclusive=True)
    assert target.read_text() == "first"
    assert list(tmp_path.iterdir()) == [target]
