"""Resource bombs are refused by a limit, naming it, without growing memory.

Memory is measured with :mod:`tracemalloc` (the peak of Python allocations
while loading), as a bound; time is never asserted.
"""

from __future__ import annotations

import json
import tracemalloc
import zipfile
from pathlib import Path

import recovery_analytics as ra
from recovery_analytics import Limits

GOOD = "client,interview_date,company\nana,2026-03-04,Acme\n"
_MB = 1 << 20


def _load_peak(folder: Path, **kwargs: object) -> tuple[ra.ReflectionLog, int]:
    ra.load(folder, errors="collect", taxonomy=False)  # imports and caches first
    tracemalloc.start()
    try:
        log = ra.load(folder, errors="collect", taxonomy=False, **kwargs)  # type: ignore[arg-type]
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return log, peak


def _messages(log: ra.ReflectionLog) -> str:
    return "\n".join(log.problems["message"])


def test_a_sparse_2_gb_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "good.csv").write_text(GOOD)
    big = tmp_path / "huge.jsonl"
    with big.open("wb") as handle:
        handle.truncate(2 * 1024 * _MB)  # sparse: no disk used
    log, peak = _load_peak(tmp_path)
    assert "max_file_bytes" in _messages(log)
    assert list(log.interviews["company"]) == ["Acme"]
    assert peak < 20 * _MB


def test_a_zip_bomb_is_refused(tmp_path: Path) -> None:
    (tmp_path / "good.csv").write_text(GOOD)
    head = json.dumps({"metadata": {"version": "1.0"}, "entries": [{"uuid": "A", "text": ""}]})
    with zipfile.ZipFile(tmp_path / "export.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("Journal.json", "w", force_zip64=True) as member:
            member.write(head.encode()[:-2])
            chunk = b" " * _MB
            for _ in range(64):
                member.write(chunk)
            member.write(b"]}")
    assert (tmp_path / "export.zip").stat().st_size < _MB  # 64 MB inside
    log, peak = _load_peak(tmp_path)
    assert "max_archive_ratio" in _messages(log)
    assert list(log.interviews["company"]) == ["Acme"]
    assert peak < 20 * _MB
    total, _ = _load_peak(tmp_path, limits=Limits(max_archive_bytes=10 * _MB))
    assert "max_archive_bytes" in _messages(total)


def test_a_zip_of_other_files_is_not_read(tmp_path: Path) -> None:
    with zipfile.ZipFile(tmp_path / "photos.zip", "w") as archive:
        archive.writestr("notes.json", json.dumps([{"interview_date": "2026-03-04"}]))
    log = ra.load(tmp_path, errors="collect", taxonomy=False)
    assert len(log.interviews) == 0
    assert "no Day One journal" in _messages(log)


def test_a_yaml_alias_bomb_is_refused(tmp_path: Path) -> None:
    lines = ["---", "a: &a [x, x, x, x, x, x, x, x, x]"]
    for level in "bcdefgh":
        before = chr(ord(level) - 1)
        lines.append(f"{level}: &{level} [*{before}, *{before}, *{before}, *{before}, *{before}]")
    lines += ["interview_date: 2026-03-04", "---", "# What went well", "- x", ""]
    (tmp_path / "bomb.md").write_text("\n".join(lines))
    (tmp_path / "good.csv").write_text(GOOD)
    log, peak = _load_peak(tmp_path)
    assert "yaml_aliases" in _messages(log)
    assert list(log.interviews["company"]) == ["Acme"]
    assert peak < 20 * _MB


def test_yaml_aliases_can_be_allowed(tmp_path: Path) -> None:
    text = (
        "---\ncompany: &c Acme\nrole: *c\ninterview_date: 2026-03-04\n---\n# What went well\n- x\n"
    )
    (tmp_path / "n.md").write_text(text)
    log = ra.load(tmp_path, errors="collect", limits=Limits(yaml_aliases=True), taxonomy=False)
    assert list(log.interviews["role"]) == ["Acme"]
