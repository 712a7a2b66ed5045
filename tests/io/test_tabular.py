"""CSV, TSV and XLSX: list cells, mappings, unknown columns, broken rows."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from recovery_analytics import LogFormatError, RecoveryAnalyticsError, load

HEADER = "interview_date,client,company,went_well,went_wrong,plan_b,feeling,questions_to_ask\n"


def test_list_cells_split_on_newlines_or_semicolons(tmp_path: Path) -> None:
    (tmp_path / "log.csv").write_text(
        HEADER
        + '2026-03-05,ben,Acme,"Good SQL; fast\nClear story","Rambled;Late",[x] Email them;[ ] Apply,4,Why now?\n',
        encoding="utf-8",
    )
    log = load(tmp_path / "log.csv", taxonomy=False)
    well = log.items.loc[log.items["polarity"] == "well", "text"].tolist()
    wrong = log.items.loc[log.items["polarity"] == "wrong", "text"].tolist()
    # a cell with a newline splits on newlines only, so "Good SQL; fast" stays whole
    assert well == ["Good SQL; fast", "Clear story"]
    assert wrong == ["Rambled", "Late"]
    assert log.actions[["text", "done"]].values.tolist() == [["Email them", True], ["Apply", False]]
    assert log.interviews["questions_to_ask"].iloc[0] == ["Why now?"]


def test_tsv(tmp_path: Path) -> None:
    (tmp_path / "log.tsv").write_text(
        "interview_date\tcompany\twent_well\n2026-03-05\tAcme\tA; B\n", encoding="utf-8"
    )
    log = load(tmp_path, taxonomy=False)
    assert log.interviews["company"].tolist() == ["Acme"] and len(log.items) == 2


def test_xlsx_with_real_date_cells(tmp_path: Path) -> None:
    import datetime as dt

    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Interview date", "Company", "Went well", "Feeling"])
    ws.append([dt.datetime(2026, 3, 5), "Acme", "Good rapport\nClear answers", 4])
    ws.append([dt.datetime(2026, 4, 1), "Birch", None, 11])
    wb.save(tmp_path / "log.xlsx")
    log = load(tmp_path / "log.xlsx", errors="collect", taxonomy=False, client="ana")
    assert log.interviews["interview_date"].dt.strftime("%Y-%m-%d").tolist() == [
        "2026-03-05",
        "2026-04-01",
    ]
    assert log.interviews["n_well"].tolist() == [2, 0]
    (problem,) = log.problems.itertuples()
    assert (problem.line, problem.field) == (3, "feeling")


def test_mapping_dict_and_toml(tmp_path: Path) -> None:
    (tmp_path / "answers.csv").write_text(
        "Date of interview,Employer,What went well?,Mood\n2026-03-05,Acme,Good rapport,4\n",
        encoding="utf-8",
    )
    mapping = {
        "Date of interview": "interview_date",
        "Employer": "company",
        "What went well?": "went_well",
    }
    log = load(tmp_path / "answers.csv", mapping=mapping, taxonomy=False)
    assert log.interviews["company"].tolist() == ["Acme"]
    assert log.interviews["extra"].iloc[0] == {"Mood": "4"}  # unknown column kept
    toml = tmp_path / "mapping.toml"
    toml.write_text('[columns]\n"Date of interview" = "interview_date"\n"Employer" = "company"\n')
    assert load(tmp_path / "answers.csv", mapping=toml, taxonomy=False).interviews[
        "company"
    ].tolist() == ["Acme"]


def test_mapping_to_an_unknown_field_names_the_line(tmp_path: Path) -> None:
    toml = tmp_path / "mapping.toml"
    toml.write_text('[columns]\n"Date" = "interview_date"\n"Mood" = "mood"\n')
    (tmp_path / "a.csv").write_text("Date\n2026-01-01\n")
    with pytest.raises(RecoveryAnalyticsError, match=r"mapping.toml:3: .*'mood'.*interview_date"):
        load(tmp_path / "a.csv", mapping=toml, taxonomy=False)


def test_headers_are_matched_forgivingly(tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text("Interview Date,COMPANY,went-well\n2026-03-05,Acme,x\n")
    log = load(tmp_path, taxonomy=False)
    assert log.interviews["company"].tolist() == ["Acme"] and len(log.items) == 1


def test_broken_rows_are_reported_and_the_rest_kept(tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text(
        'interview_date,company\n2026-03-01,A\n2026-03-02,B,extra cell\n"2026-03-03","C\nD"\n2026-03-04,E\n'
    )
    log = load(tmp_path, errors="collect", taxonomy=False)
    # a company name is one line: the line break inside the quoted cell becomes a space
    assert log.interviews["company"].tolist() == ["A", "C D", "E"]
    (problem,) = log.problems.itertuples()
    assert problem.line == 3 and "double quotes" in problem.message
    # later rows keep their spreadsheet row numbers: the header is 1, A is 2, C/D is 4, E is 5
    assert log.interviews["source"].str.rsplit(":", n=1).str[1].tolist() == ["2", "4", "5"]


def test_empty_csv(tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text("")
    with pytest.raises(LogFormatError, match="a.csv: the file is empty"):
        load(tmp_path, taxonomy=False)
