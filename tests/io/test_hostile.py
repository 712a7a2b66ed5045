"""Hostile and broken inputs: each minimal input of issue 13, read without a crash.

Every test loads its input in both modes: ``errors="collect"`` lists a problem
(and keeps the other files), ``errors="raise"`` raises only a
:class:`RecoveryAnalyticsError`.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import recovery_analytics as ra
from recovery_analytics import Limits
from recovery_analytics.exceptions import RecoveryAnalyticsError

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "sample"
GOOD = "client,interview_date,company,feeling\nana,2026-03-04,Acme,3\n"


def _both(folder: Path) -> tuple[ra.ReflectionLog, RecoveryAnalyticsError | None]:
    collected = ra.load(folder, errors="collect")
    try:
        ra.load(folder, errors="raise")
    except RecoveryAnalyticsError as exc:
        return collected, exc
    return collected, None


def _folder(tmp_path: Path, name: str, data: str | bytes) -> Path:
    (tmp_path / "good.csv").write_text(GOOD, encoding="utf-8")
    target = tmp_path / name
    target.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes):
        target.write_bytes(data)
    else:
        target.write_text(data, encoding="utf-8", newline="")
    return tmp_path


def _messages(log: ra.ReflectionLog, file: str) -> list[str]:
    rows = log.problems[log.problems["file"].str.endswith(file)]
    return list(rows["message"])


DEEP = "[" * 1200 + "]" * 1200


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("deep.json", DEEP, "max_json_depth"),
        ("deep.jsonl", DEEP + "\n", "max_json_depth"),
        ("deep2.jsonl", '{"a": 1}\n\n' + DEEP + "\n", "max_json_depth"),
        ("empty.json", "[{}]", "is missing"),
        (
            "tenfourhundred.json",
            '[{"interview_date": "2026-03-04", "company": "X", "feeling": 1' + "0" * 400 + "}]",
            "whole number",
        ),
        (
            "digits.json",
            '[{"interview_date": "2026-03-04", "company": "X", "feeling": ' + "1" * 4301 + "}]",
            "whole number",
        ),
        (
            "digits.jsonl",
            '{"interview_date": "2026-03-04", "company": "X", "feeling": ' + "1" * 4301 + "}\n",
            "whole number",
        ),
        (
            "big.csv",
            "interview_date,company,feeling\n2026-03-04,X,1" + "0" * 400 + "\n",
            "whole number",
        ),
        ("ragged.csv", "interview_date,company\nx,2026-03-04,1\n", "3 cells but the header has 2"),
        (
            "date.md",
            "---\nclient: ana\n---\nDate:: 2026-03-1 2026-03-12\nCompany:: X\n",
            "not a date",
        ),
    ],
)
def test_minimal_input_is_a_problem_and_the_good_file_stays(
    tmp_path: Path, name: str, data: str, expected: str
) -> None:
    folder = _folder(tmp_path, name, data)
    log, raised = _both(folder)
    assert any(expected in m for m in _messages(log, name)), log.problems
    assert "Acme" in set(log.interviews["company"])  # the good file still loads
    assert raised is not None


def test_ragged_rows_are_reported_by_line_never_shifted(tmp_path: Path) -> None:
    text = "interview_date,company\n2026-03-04,Acme\n2026-03-05,Birch,extra\n2026-03-06,Cove\n"
    (tmp_path / "r.csv").write_text(text, encoding="utf-8")
    log = ra.load(tmp_path, errors="collect")
    assert sorted(log.interviews["company"]) == ["Acme", "Cove"]
    lines = list(log.problems["line"])
    assert lines == [text.splitlines().index("2026-03-05,Birch,extra") + 1]


def test_every_row_one_cell_longer_is_never_shifted(tmp_path: Path) -> None:
    (tmp_path / "s.csv").write_text("interview_date,company\nx,2026-03-04,1\n")
    log = ra.load(tmp_path, errors="collect")
    assert len(log.interviews) == 0
    assert list(log.problems["line"]) == [2]


def test_google_forms_with_cr_line_endings(tmp_path: Path) -> None:
    text = "Timestamp,Company,Interview date\r3/4/2026 10:00:00,Acme,2026-03-04\r"
    (tmp_path / "responses.csv").write_bytes(text.encode())
    log = ra.load(tmp_path, errors="collect")
    assert list(log.interviews["company"]) == ["Acme"]


@pytest.mark.parametrize(
    ("field", "value"),
    [("tags", 5), ("timeZone", ["Europe/Paris"]), ("timeZone", 5), ("timeZone", "../../x")],
)
def test_dayone_odd_fields(tmp_path: Path, field: str, value: object) -> None:
    import json

    entry = {
        "uuid": "A1",
        "creationDate": "2026-03-04T10:00:00Z",
        "text": "interview_date: 2026-03-04\ncompany: Acme\n",
        "tags": ["interview"],
        field: value,
    }
    data = {"metadata": {"version": "1.0"}, "entries": [entry]}
    (tmp_path / "Journal.json").write_text(json.dumps(data), encoding="utf-8")
    log = ra.load(tmp_path, errors="collect", options={"dayone_tag": None})
    assert len(log.interviews) + len(log.problems) >= 1
    assert not any("please report" in m for m in log.problems["message"])


def test_the_four_byte_file_leaves_the_sample_whole(tmp_path: Path) -> None:
    folder = tmp_path / "sample"
    shutil.copytree(SAMPLE, folder)
    before = ra.load(folder, errors="collect")
    (folder / "amara").mkdir(exist_ok=True)
    (folder / "amara" / "export.json").write_text("[{}]")
    after = ra.load(folder, errors="collect")
    assert len(after.interviews) == len(before.interviews)
    assert any(after.problems["file"].str.endswith("export.json"))
    journal_log = ra.Journal.open(folder).log()
    assert len(journal_log.interviews) == len(before.interviews)


def test_a_reader_crash_is_one_problem_for_that_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from recovery_analytics.io import _tabular

    def boom(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("secret text")

    (tmp_path / "a.csv").write_text(GOOD)
    (tmp_path / "b.md").write_text("---\nclient: bo\ninterview_date: 2026-03-05\ncompany: B\n---\n")
    monkeypatch.setattr(_tabular, "_read_csv", boom)
    log = ra.load(tmp_path, errors="collect")
    assert list(log.interviews["company"]) == ["B"]
    (message,) = _messages(log, "a.csv")
    assert "could not be read: ZeroDivisionError" in message and "please report it" in message
    assert "secret" not in message
    with pytest.raises(RecoveryAnalyticsError):
        ra.load(tmp_path, errors="raise")


def test_journal_add_with_hostile_values(tmp_path: Path) -> None:
    journal = ra.Journal.open(tmp_path / "j")
    for values in (
        {"feeling": 10**400},
        {"feeling": int("1" * 4300)},
        {"interview_date": "2026-03-1 2026-03-12"},
    ):
        entry = {"client": "ana", "interview_date": "2026-03-04", "company": "X", **values}
        with pytest.raises(RecoveryAnalyticsError):
            journal.add(entry)


def test_file_over_the_size_limit(tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text(GOOD)
    (tmp_path / "b.jsonl").write_text('{"x": 1}\n' * 20)
    log = ra.load(tmp_path, errors="collect", limits=Limits(max_file_bytes=100))
    (message,) = _messages(log, "b.jsonl")
    assert "max_file_bytes=100" in message and "Limits(max_file_bytes=" in message
    assert len(log.interviews) == 1


def test_json_depth_limit_can_be_raised(tmp_path: Path) -> None:
    nested = (
        '[{"interview_date": "2026-03-04", "company": "X", "x": ' + "[" * 150 + "]" * 150 + "}]"
    )
    (tmp_path / "n.json").write_text(nested)
    refused = ra.load(tmp_path, errors="collect")
    assert any("max_json_depth" in m for m in refused.problems["message"])
    allowed = ra.load(tmp_path, errors="collect", limits=Limits(max_json_depth=200))
    assert len(allowed.interviews) == 1


def test_too_many_columns(tmp_path: Path) -> None:
    (tmp_path / "w.csv").write_text(",".join(f"c{i}" for i in range(50)) + "\n" + "1," * 49 + "1\n")
    log = ra.load(tmp_path, errors="collect", limits=Limits(max_columns=10))
    assert any("max_columns=10" in m for m in log.problems["message"])


def test_limits_refuse_nonsense() -> None:
    with pytest.raises(RecoveryAnalyticsError, match="max_json_depth"):
        Limits(max_json_depth=0)


def test_symlink_out_of_the_folder_is_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "other"
    outside.mkdir()
    (outside / "secret.csv").write_text(GOOD.replace("Acme", "Hidden"))
    folder = tmp_path / "coach"
    folder.mkdir()
    (folder / "mine.csv").write_text(GOOD)
    (folder / "link.csv").symlink_to(outside / "secret.csv")
    (folder / "inner.csv").symlink_to(folder / "mine.csv")
    log = ra.load(folder, errors="collect")
    assert "Hidden" not in set(log.interviews["company"])
    warned = log.problems[log.problems["file"].str.endswith("link.csv")]
    assert len(warned) == 1 and "outside the folder" in warned["message"].iat[0]


@pytest.mark.parametrize("entry_id", ["../../", "x" * 300, "a/b\\c", ".hidden", "CON"])
def test_odd_entry_ids_round_trip_through_markdown(tmp_path: Path, entry_id: str) -> None:
    import datetime as dt

    from recovery_analytics.io import write_markdown_folder
    from recovery_analytics.model import Entry

    entry = Entry(
        client="aux", interview_date=dt.date(2026, 3, 4), company="Acme", entry_id=entry_id
    )
    paths = write_markdown_folder([entry], tmp_path)
    assert all(tmp_path in p.parents and not p.name.startswith(".") for p in paths)
    log = ra.load(tmp_path, errors="collect", taxonomy=False)
    assert list(log.interviews.index) == [entry_id]
