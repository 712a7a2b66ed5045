"""What is saved is never lost, half-written or readable by others.

* permissions: new folders 0700, files 0600 (also SQLite's -wal/-shm), with a
  permissive umask (022) so the test sees what our code sets itself;
* kill -9: a separate process adds entries in a loop and prints each id once
  ``add()`` has returned; it is killed with SIGKILL in the middle of saving,
  and every acknowledged entry must be there and the journal load cleanly;
* concurrency: two processes add 200 entries each at the same time; all 400
  must be there.

The worker processes run ``journal_worker.py`` with this Python.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from recovery_analytics import load
from recovery_analytics._fs import atomic_write
from recovery_analytics.journal import Journal, SqliteJournal

from ._helpers import THEMES, WORKER, entry_dict, mode


def _worker(location: str, prefix: str, count: int, *, wait: bool = False) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(WORKER), location, prefix, str(count), *(["--wait"] if wait else [])],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _check_loads_cleanly(location: str) -> set[str]:
    """Every entry readable, no problems; returns the ids."""
    with Journal.open(location, taxonomy=THEMES) as journal:
        log = journal.log(errors="raise")
        assert log.problems.empty
        ids = set(log.interviews.index)
        assert {e.entry_id for e in journal.entries()} == ids
        assert len(journal) == len(ids)
    if location.startswith("sqlite:///"):
        with sqlite3.connect(location.removeprefix("sqlite:///")) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    else:
        # load() itself, strict: leftover temporary files are hidden and skipped
        assert set(load(location, taxonomy=THEMES).interviews.index) == ids
    return ids


# -- permissions --------------------------------------------------------------------


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


@pytest.mark.usefixtures("private_umask")
def test_a_new_database_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    db = tmp_path / "new" / "practice.db"
    journal = SqliteJournal(f"sqlite:///{db}")
    journal.add(entry_dict(1))
    # while the journal is open SQLite keeps its write-ahead log and shared memory
    for name in ("practice.db", "practice.db-wal", "practice.db-shm"):
        assert mode(db.parent / name) == 0o600, name
    assert mode(db.parent) == 0o700
    journal.close()


def test_an_existing_database_keeps_its_permissions(tmp_path: Path) -> None:
    db = tmp_path / "shared.db"
    sqlite3.connect(db).close()
    os.chmod(db, 0o640)
    SqliteJournal(f"sqlite:///{db}").close()
    assert mode(db) == 0o640


# -- atomic writes -------------------------------------------------------------------------


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


# -- kill -9 in the middle of saving ----------------------------------------------------------


def test_kill_9_while_saving_keeps_every_acknowledged_entry(location: str) -> None:
    acknowledged: list[str] = []
    # kill at different points: after a few saves, and after more
    for round_, stop_after in enumerate((5, 17)):
        proc = _worker(location, f"k{round_}", 100_000)
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

    ids = _check_loads_cleanly(location)
    assert set(acknowledged) <= ids
    # at most one entry per round was saved but not yet acknowledged
    assert len(ids - set(acknowledged)) <= 2
    if not location.startswith("sqlite:///"):
        root = Path(location)
        visible = [p for p in root.rglob("*") if p.is_file() and not p.name.startswith(".")]
        assert all(p.suffix == ".md" for p in visible)
        assert len(visible) == len(ids)


# -- two writers at once -----------------------------------------------------------------------


def test_two_processes_adding_at_once_lose_nothing(location: str) -> None:
    workers = {prefix: _worker(location, prefix, 200, wait=True) for prefix in ("a", "b")}
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
    ids = _check_loads_cleanly(location)
    assert ids == set(saved["a"]) | set(saved["b"])
    assert len(ids) == 400
