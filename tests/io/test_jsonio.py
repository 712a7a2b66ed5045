"""JSON arrays, objects with entries, and JSON Lines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from recovery_analytics import LogFormatError, load


def test_array_and_entries_object_with_item_objects(tmp_path: Path) -> None:
    entries = [
        {
            "interview_date": "2026-03-01",
            "company": "A",
            "went_well": ["Good rapport", {"text": "Clear SQL", "tags": ["#Technical"]}],
            "plan_b": [{"text": "Apply", "done": True}, "[ ] Practise"],
        },
        {"interview_date": "2026-03-02", "company": "B", "feeling": 2},
    ]
    (tmp_path / "a.json").write_text(json.dumps(entries, indent=2))
    (tmp_path / "b.json").write_text(json.dumps({"entries": [{"interview_date": "2026-04-01"}]}))
    log = load(tmp_path, taxonomy=False)
    assert len(log) == 3
    assert log.items["tags"].tolist() == [(), ("technical",)]
    assert log.actions[["text", "done"]].values.tolist() == [["Apply", True], ["Practise", False]]


def test_json_lines_of_array_elements(tmp_path: Path) -> None:
    text = '[\n  {"interview_date": "2026-03-01"},\n\n  {"interview_date": "soon"}\n]\n'
    (tmp_path / "a.json").write_text(text)
    log = load(tmp_path, errors="collect", taxonomy=False)
    (problem,) = log.problems.itertuples()
    assert (problem.line, problem.field) == (4, "interview_date")


def test_jsonl_fast_and_slow_paths_agree(tmp_path: Path) -> None:
    lines = [
        {"interview_date": "2026-03-01", "client": "c", "went_well": ["a", "b"], "feeling": 4},
        {
            "interview_date": "2026-03-02",
            "client": "c",
            "went_wrong": ["x"],
            "follow_up_requested": True,
        },
    ]
    clean = tmp_path / "clean.jsonl"
    clean.write_text("".join(json.dumps(x) + "\n" for x in lines))
    mixed = tmp_path / "mixed" / "m.jsonl"  # a blank line forces the line-by-line path
    mixed.parent.mkdir()
    mixed.write_text(json.dumps(lines[0]) + "\n\n" + json.dumps(lines[1]) + "\n")
    a = load(clean, taxonomy=False)
    b = load(mixed, taxonomy=False)
    cols = ["client", "interview_date", "feeling", "follow_up_requested", "n_well", "n_wrong"]
    assert a.interviews[cols].equals(b.interviews[cols])
    assert [s.rsplit(":", 1)[1] for s in b.interviews["source"]] == ["1", "3"]


def test_bad_json_line_is_reported_and_others_kept(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text(
        '{"interview_date": "2026-03-01"}\n{"interview_date": \n[1, 2]\n{"interview_date": "2026-03-04"}\n'
    )
    log = load(tmp_path, errors="collect", taxonomy=False)
    assert len(log) == 2
    assert log.problems["line"].tolist() == [2, 3]
    with pytest.raises(LogFormatError, match=r"a.jsonl:2: this line is not valid JSON"):
        load(tmp_path, taxonomy=False)


def test_malformed_json_document(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text('[\n{"interview_date": "2026-03-01",}\n]')
    with pytest.raises(LogFormatError, match=r"a.json:2: this is not valid JSON"):
        load(tmp_path, taxonomy=False)
