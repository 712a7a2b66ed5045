"""load(): one broken file of each kind (every problem named, every good record kept),
duplicates listed but never raised, and taxonomy=False."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from recovery_analytics import LogFormatError, RecoveryAnalyticsError, load
from recovery_analytics.cli import main

GOOD_MD = "---\ninterview_date: 2026-03-0{day}\ncompany: Good{day}\n---\n## Went well\n- fine\n"


def broken_folder(root: Path) -> dict[str, tuple[str, int | None, str | None]]:
    """Write good files and one broken file of each kind; return what must be reported.

    Keys are the file names; values are (file, line, field) of the expected problem.
    """
    for day in (1, 2):
        (root / f"good{day}.md").write_text(GOOD_MD.format(day=day))
    (root / "bad_date.csv").write_text(
        "interview_date,company\n2026-03-03,Kept\n31/31/2026,Broken\n,NoDate\n"
    )
    (root / "rating.md").write_text("---\ninterview_date: 2026-03-04\nconnection: 6\n---\n")
    (root / "enums.jsonl").write_text(
        json.dumps({"interview_date": "2026-03-05", "stage": "lunch"})
        + "\n"
        + json.dumps({"interview_date": "2026-03-06", "outcome": "maybe"})
        + "\n"
    )
    (root / "yaml.md").write_text("---\ninterview_date: 2026-03-07\ncompany: {Acme\n---\n")
    (root / "empty.md").write_text("")
    (root / "latin.md").write_bytes(
        "---\ninterview_date: 2026-03-08\nrole: Caf\xe9\n---\n".encode("cp1252")
    )
    (root / "good1_copy.md").write_text(GOOD_MD.format(day=1))
    (root / "unknown.csv").write_text("interview_date,mood_colour\n2026-03-09,teal\n")
    return {
        "bad_date.csv:3": ("bad_date.csv", 3, "interview_date"),
        "bad_date.csv:4": ("bad_date.csv", 4, "interview_date"),
        "rating.md": ("rating.md", 3, "connection"),
        "enums.jsonl:1": ("enums.jsonl", 1, "stage"),
        "enums.jsonl:2": ("enums.jsonl", 2, "outcome"),
        "yaml.md": ("yaml.md", 3, None),
        "empty.md": ("empty.md", None, None),
        "latin.md": ("latin.md", 3, None),
        "good1_copy.md": ("good1_copy.md", 1, "entry_id"),
    }


def test_collect_returns_every_good_record_and_every_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = broken_folder(tmp_path)
    monkeypatch.chdir(tmp_path)
    log = load(".", errors="collect", taxonomy=False)
    found = {
        (p.file, None if pd.isna(p.line) else p.line, p.field if isinstance(p.field, str) else None)
        for p in log.problems.itertuples()
    }
    assert found == {tuple(v) for v in expected.values()}
    # good records: good1, good2, the first CSV row, rating.md, both JSONL lines,
    # unknown.csv -> 7 (a bad optional value empties that field only)
    assert sorted(log.interviews["interview_date"].dt.day.tolist()) == [1, 2, 3, 4, 5, 6, 9]
    assert log.interviews.set_index("company", drop=False).loc["Kept", "company"] == "Kept"
    unknown = log.interviews.loc[log.interviews["source"].str.startswith("unknown.csv")]
    assert unknown["extra"].iloc[0] == {"mood_colour": "teal"}
    for message in log.problems["message"]:
        assert message and message[0].islower() or message[0] in "'\""


def test_raise_names_file_line_and_field(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    broken_folder(tmp_path)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(LogFormatError) as info:
        load(".", taxonomy=False)
    err = info.value
    assert (err.file, err.line, err.field) == ("bad_date.csv", 3, "interview_date")
    assert str(err).startswith("bad_date.csv:3: interview_date: '31/31/2026' is not a date")
    assert "YYYY-MM-DD" in str(err)
    assert len(err.problems) == 8  # the duplicate is reported, not raised
    assert list(err.failure_cases.columns) == ["file", "line", "field", "message", "kind"]


def test_validate_cli_lists_every_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    expected = broken_folder(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert main(["validate", "."]) == 1
    out = capsys.readouterr().out
    for file, line, field in expected.values():
        where = file if line is None else f"{file}:{line}"
        assert f"{where}:{' ' + field + ':' if field else ''}" in out
    assert "9 problems found. 7 interviews could be read as they are." in out


def test_error_mode_is_checked() -> None:
    with pytest.raises(RecoveryAnalyticsError, match="`errors` must be one of 'raise', 'collect'"):
        load([], errors="ignore")


def test_missing_path_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="no such file or folder"):
        load(tmp_path / "nope")


def test_duplicates_are_listed_by_kind_and_never_raised(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(GOOD_MD.format(day=1))
    (tmp_path / "b.md").write_text(GOOD_MD.format(day=1))
    log = load(tmp_path, taxonomy=False)  # errors="raise": a duplicate alone raises nothing
    assert len(log) == 1
    assert [Path(f).name for f in log.problems["file"]] == ["b.md"]
    assert log.problems["field"].tolist() == ["entry_id"]


def test_taxonomy_false_tags_nothing(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(
        "---\ninterview_date: 2026-03-01\n---\n## Went wrong\n- rambled #nerves\n- was late\n"
    )
    log = load(tmp_path, taxonomy=False)
    assert log.items["tags"].tolist() == [("nerves",), ()]
    assert [list(t) for t in log.items["themes"]] == [[], []]
    assert log.items["theme"].tolist() == ["other", "other"]
    tagged = load(tmp_path)  # the built-in taxonomy: explicit #nerves decides
    assert tagged.items["theme"].iloc[0] == "nerves"
