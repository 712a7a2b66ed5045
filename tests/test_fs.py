"""Private files written atomically."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from recovery_analytics._fs import PRIVATE_DIR, PRIVATE_FILE, atomic_write, private_dir


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_new_folders_and_files_are_owner_only(tmp_path: Path, private_umask: None) -> None:
    target = tmp_path / "a" / "b" / "entry.md"
    atomic_write(target, "text")
    assert target.read_text() == "text"
    assert _mode(target) == PRIVATE_FILE
    assert _mode(tmp_path / "a") == PRIVATE_DIR
    assert _mode(tmp_path / "a" / "b") == PRIVATE_DIR


def test_replacing_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "entry.md"
    atomic_write(target, "old")
    atomic_write(target, b"new")
    assert target.read_bytes() == b"new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["entry.md"]


def test_exclusive_never_replaces(tmp_path: Path) -> None:
    target = tmp_path / "entry.md"
    atomic_write(target, "first", exclusive=True)
    with pytest.raises(FileExistsError):
        atomic_write(target, "second", exclusive=True)
    assert target.read_text() == "first"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["entry.md"]


def test_private_dir_keeps_an_existing_folder(tmp_path: Path) -> None:
    assert private_dir(tmp_path) == tmp_path
    assert tmp_path.is_dir()
