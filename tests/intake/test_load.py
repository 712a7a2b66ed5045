"""The intake through ``load()`` with a manifest, and each silent case of issue 12."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pandas as pd
import pytest

from recovery_analytics import load
from recovery_analytics.exceptions import RecoveryAnalyticsError, UnknownClientError
from recovery_analytics.model import DEFAULT_CLIENT

from ._build import TRUTH, Intake
from ._expect import check_log


def messages(log, needle: str) -> list[str]:
    return [m for m in log.problems["message"].astype(str) if needle in m]


def test_manifest_reads_every_client_exactly(intake: Intake) -> None:
    log = load(intake.manifest, errors="collect")
    check_log(log)
    assert len(log) == sum(len(ivs) for ivs in TRUTH.values())


def test_manifest_with_raise_lists_only_real_problems(intake: Intake) -> None:
    # the mapping typo is a real problem: errors="raise" refuses the intake
    with pytest.raises(RecoveryAnalyticsError, match="Mood /5"):
        load(intake.manifest)


# -- 1. client identity ----------------------------------------------------------------


def test_lone_file_without_client_is_kept_under_me_with_a_warning(intake: Intake) -> None:
    log = load(intake.root / "notes.json", errors="collect")
    assert log.clients == [DEFAULT_CLIENT]
    warned = messages(log, "no client is named")
    assert len(warned) == 1 and f"{len(TRUTH['me'])} entry" in warned[0]


def test_client_option_names_a_lone_file(intake: Intake) -> None:
    log = load(intake.root / "notes.json", client="dan")
    assert log.clients == ["dan"]
    assert not messages(log, "no client is named")


def test_client_folder_given_directly_names_its_entries(intake: Intake) -> None:
    log = load(intake.root / "lena", errors="collect")
    assert log.clients == ["lena"]
    assert len(log) == len(TRUTH["lena"])


def test_the_files_own_client_wins_over_client_option(intake: Intake) -> None:
    log = load(intake.root / "chloe.jsonl", client="someone", errors="collect")
    assert log.clients == ["chloe"]


def test_spreadsheet_and_day_one_are_not_merged_into_me(intake: Intake) -> None:
    log = load(
        [intake.root / "ivan-sheet.csv", intake.root / "nora" / "Journal.json"],
        mapping=intake.root / "ivan-mapping.toml",
        errors="collect",
    )
    # without client=, each is kept under "me" but never silently
    assert len(messages(log, "no client is named")) == 2


# -- 2./4. dates -----------------------------------------------------------------------


def test_uk_folder_decides_day_first_from_its_own_evidence(intake: Intake) -> None:
    log = load(intake.root / "lena")
    assert sorted(log.interviews["interview_date"].dt.date) == sorted(
        iv.day for iv in TRUTH["lena"]
    )
    assert not messages(log, "could be")


def test_us_form_decides_month_first_from_its_own_evidence(intake: Intake) -> None:
    log = load(intake.root / "forms" / "responses.csv", errors="collect")
    want = sorted(
        iv.day for c in ("Jo Rivera", "jo.rivera82@gmail.com", "Sam Lee") for iv in TRUTH[c]
    )
    assert sorted(log.interviews["interview_date"].dt.date) == want


def test_all_ambiguous_source_gets_one_warning_naming_file_and_example(intake: Intake) -> None:
    log = load(intake.root / "eve.tsv", errors="collect")
    warned = messages(log, "could be")
    assert len(warned) == 1
    assert "03/04/2026 could be 3 April or 4 March: set dayfirst for this source" in warned[0]
    assert (
        log.problems.loc[log.problems["message"] == warned[0], "file"].str.endswith("eve.tsv").all()
    )
    # dayfirst given settles it: no warning, day first
    settled = load(intake.root / "eve.tsv", dayfirst=True)
    assert not messages(settled, "could be")
    assert dt.date(2026, 4, 3) in set(settled.interviews["interview_date"].dt.date)


def test_contradicting_dates_are_a_problem_naming_both_lines(tmp_path: Path) -> None:
    path = tmp_path / "mixed.csv"
    path.write_text(
        "client,interview_date,company\nx,13/04/2026,A\nx,04/13/2026,B\n", encoding="utf-8"
    )
    log = load(path, errors="collect")
    found = messages(log, "contradict")
    assert len(found) == 1 and "mixed.csv:2" in found[0] and "mixed.csv:3" in found[0]


@pytest.mark.parametrize(
    ("extra", "field"),
    [
        ({"interview_date": "2099-01-01"}, "interview_date"),
        ({"follow_up_date": "2026-03-01"}, "follow_up_date"),
        ({"reflected_on": "2026-03-01"}, "reflected_on"),
    ],
)
def test_unlikely_dates_are_warnings_and_the_entry_is_kept(
    tmp_path: Path, extra: dict, field: str
) -> None:
    record = {"client": "x", "interview_date": "2026-03-10", "company": "A", **extra}
    path = tmp_path / "one.json"
    path.write_text(json.dumps([record]), encoding="utf-8")
    log = load(path)  # warnings never raise
    assert len(log) == 1
    rows = log.problems[log.problems["field"] == field]
    assert len(rows) == 1


# -- 3. rename ---------------------------------------------------------------------------


def test_rename_clients_merges_an_email_into_the_name(intake: Intake) -> None:
    log = load(intake.manifest, errors="collect")
    merged = log.rename_clients({"jo.rivera82@gmail.com": "Jo Rivera"})
    assert "jo.rivera82@gmail.com" not in merged.clients
    counts = merged.interviews["client"].value_counts()
    assert counts["Jo Rivera"] == len(TRUTH["Jo Rivera"]) + len(TRUTH["jo.rivera82@gmail.com"])
    assert set(merged.items["client"]) <= set(merged.clients)
    assert "jo.rivera82@gmail.com" in log.clients  # the old log is unchanged
    with pytest.raises(UnknownClientError):
        log.rename_clients({"jo.rivera@gmail.com": "Jo"})


# -- 4./5. duplicates -------------------------------------------------------------------


def test_screen_and_final_on_one_day_are_two_interviews(intake: Intake) -> None:
    log = load(intake.root / "lena")
    acme = log.interviews[log.interviews["company"] == "Acme"]
    assert sorted(acme["stage"].astype(str)) == sorted(
        str(iv.stage) for iv in TRUTH["lena"] if iv.company == "Acme"
    )
    assert acme.index.is_unique


def test_same_id_same_content_is_one_interview_reported(intake: Intake) -> None:
    log = load(intake.root / "chloe.jsonl", errors="collect")
    assert len(log) == len(TRUTH["chloe"])
    assert len(log.problems[log.problems["message"].str.startswith("duplicate of entry")]) == 1


def test_same_id_different_content_keeps_both_with_a_warning(tmp_path: Path) -> None:
    base = {"client": "x", "interview_date": "2026-03-10", "company": "A", "stage": "screen"}
    path = tmp_path / "two.jsonl"
    path.write_text(
        json.dumps({**base, "went_well": ["one"]}) + "\n" + json.dumps({**base, "feeling": 2}),
        encoding="utf-8",
    )
    log = load(path)
    assert len(log) == 2 and log.interviews.index.is_unique
    assert len(messages(log, "possible duplicate")) == 1
    again = load(path)
    assert list(again.interviews.index) == list(log.interviews.index)  # deterministic


# -- 6. journal URLs --------------------------------------------------------------------


def test_load_reads_an_sqlite_journal_url(intake: Intake, tmp_path: Path) -> None:
    from recovery_analytics.journal import Journal

    url = f"sqlite:///{tmp_path / 'practice.db'}"
    with Journal.open(url) as journal:
        journal.import_from(intake.root / "chloe.jsonl")
    log = load(url)
    assert log.clients == ["chloe"] and len(log) == len(TRUTH["chloe"])


# -- 7. mappings -------------------------------------------------------------------------


def test_mapping_typo_names_the_closest_header(intake: Intake) -> None:
    log = load(
        intake.root / "ivan-sheet.csv",
        mapping=intake.root / "ivan-mapping.toml",
        client="ivan",
        errors="collect",
    )
    found = messages(log, "'Mood/5'")
    assert len(found) == 1 and "'Mood /5'" in found[0]
    assert log.interviews["feeling"].isna().all()


def test_table_without_known_headers_gets_one_problem(tmp_path: Path) -> None:
    path = tmp_path / "theirs.csv"
    path.write_text("When,Where,How\n2026-03-01,A,ok\n2026-03-02,B,bad\n", encoding="utf-8")
    log = load(path, errors="collect")
    assert len(log) == 0
    assert len(log.problems) == 1
    message = log.problems["message"].iat[0]
    assert "When, Where, How" in message and "mapping" in message


# -- 9. prose -----------------------------------------------------------------------------


def test_day_one_prose_facts_fill_their_fields(intake: Intake) -> None:
    log = load(intake.root / "nora" / "Journal.json", client="nora")
    frame = log.interviews.sort_values("interview_date")
    assert frame["company"].tolist() == [iv.company for iv in TRUTH["nora"]]
    assert frame["stage"].astype(str).tolist() == [str(iv.stage) for iv in TRUTH["nora"]]
    assert frame["feeling"].tolist() == [iv.feeling for iv in TRUTH["nora"]]
    assert set(frame["format"].astype(str)) == {"video"}
    assert set(frame["outcome"].astype(str)) == {"rejected"}
    assert frame["follow_up_requested"].tolist() == [True] * len(TRUTH["nora"])
    notes = frame["notes"].dropna().astype(str)
    assert not notes.str.contains("Feeling").any()


def test_obsidian_prose_title_and_ratings(tmp_path: Path) -> None:
    folder = tmp_path / "ana"
    folder.mkdir()
    (folder / "2026-03-05 note.md").write_text(
        "# Globex — technical (teams)\n\nConnection: 4/5\nFeeling 6/5\n\n"
        "The interview was long. I liked the team.\n",
        encoding="utf-8",
    )
    log = load(folder, errors="collect")
    row = log.interviews.iloc[0]
    assert (row["company"], str(row["stage"]), str(row["format"])) == (
        "Globex",
        "technical",
        "video",
    )
    assert row["connection"] == 4
    # a feeling of 6 is not dropped silently: it is a problem on the feeling
    assert len(log.problems[log.problems["field"] == "feeling"]) == 1
    assert isinstance(pd.NA, type(row["feeling"])) or pd.isna(row["feeling"])


def test_rename_clients_keeps_an_interview_told_under_both_names_once(intake: Intake) -> None:
    both = load(
        [intake.root / "chloe.jsonl", intake.root / "notes.json"], errors="collect"
    ).rename_clients({"me": "chloe"})
    assert len(both) == len(TRUTH["chloe"]) + len(TRUTH["me"])
    twice = load(intake.root / "notes.json", client="a").interviews
    again = load(intake.root / "notes.json", client="b")
    merged = type(again).concat([load(intake.root / "notes.json", client="a"), again])
    assert len(merged) == 2 * len(twice)
    assert len(merged.rename_clients({"b": "a"})) == len(twice)
