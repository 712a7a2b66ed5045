"""Google Forms responses: the suggested form without a mapping, any form with one."""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recovery_analytics._formats import detect
from recovery_analytics.importers import SUGGESTED_QUESTIONS, gforms
from recovery_analytics.importers._common import split_choices
from recovery_analytics.importers.gforms import timestamp_date

from ._helpers import by_day, item_texts, load_collected

DOCS = Path(__file__).resolve().parents[2] / "docs" / "importers.md"


def test_suggested_form_loads_without_mapping(fixtures: Path) -> None:
    stats: dict[str, Any] = {}
    log = load_collected(
        fixtures / "gforms" / "suggested_form_responses.csv", options={"stats": stats}
    )
    assert log.problems.empty
    rows = by_day(log)
    assert list(rows.index) == ["2026-03-04", "2026-03-12", "2026-03-19"]
    acme = rows.loc["2026-03-04"]
    assert acme["client"] == "Ana López"
    assert (acme["company"], acme["role"], acme["stage"], acme["format"]) == (
        "Acme",
        "Data analyst",
        "phone",
        "phone",
    )
    assert (acme["feeling"], acme["connection"]) == (4, 4)
    assert acme["employer_view"].startswith("Probably keen")
    assert bool(acme["follow_up_requested"])
    assert acme["outcome"] == "next_round"
    assert acme["questions_to_ask"] == ["What does success look like after 90 days?"]
    assert acme["extra"] == {"email": "ana.lopez@example.com"}
    # paragraph answers: one item per line
    assert item_texts(log, acme["entry_id"], "well") == [
        "Explained the churn dashboard project clearly",
        "Good rapport with the recruiter",
    ]
    actions = log.actions[log.actions["entry_id"] == acme["entry_id"]]
    assert actions["done"].tolist() == [True, False]
    initech = rows.loc["2026-03-12"]
    # "a; b" is two items; Google's "Video call" is a known format
    assert item_texts(log, initech["entry_id"], "wrong") == [
        "Froze on the recursion question",
        "Ran out of time",
    ]
    assert initech["format"] == "video"
    assert initech["notes"] == "The interviewer was patient, which helped."
    assert next(iter(stats.values()))["date_from_timestamp"] == 1


def test_empty_name_and_date_fall_back(fixtures: Path) -> None:
    log = load_collected(fixtures / "gforms" / "suggested_form_responses.csv")
    ben = by_day(log).loc["2026-03-19"]
    # no name: the email is the client; no date: the timestamp's 2026/03/19
    assert ben["client"] == "ben.okafor@example.com"
    assert ben["reflected_on"] == pd.Timestamp("2026-03-19")
    # prose with a comma is one item, not two checkbox answers
    assert item_texts(log, ben["entry_id"], "well") == [
        "Strong answer on stakeholder management, even though I was nervous"
    ]
    assert ben["questions_to_ask"] == [
        "Ask about the roadmap",
        "Ask how the team measures impact",
    ]


def test_client_from_email(fixtures: Path) -> None:
    log = load_collected(
        fixtures / "gforms" / "suggested_form_responses.csv",
        options={"gforms_client": "email"},
    )
    assert log.clients == ["ana.lopez@example.com", "ben.okafor@example.com"]
    with pytest.raises(ValueError, match="gforms_client"):
        load_collected(
            fixtures / "gforms" / "suggested_form_responses.csv", options={"gforms_client": 1}
        )


def test_other_form_through_a_mapping(fixtures: Path) -> None:
    folder = fixtures / "gforms"
    log = load_collected(
        folder / "coach_form_responses.csv",
        mapping=folder / "coach_form_mapping.toml",
        dayfirst=True,
    )
    assert log.problems.empty
    rows = by_day(log)
    # UK dates, day first; the third response has no date: its timestamp 19/03/2026
    assert list(rows.index) == ["2026-03-04", "2026-03-12", "2026-03-19"]
    assert rows["client"].tolist() == ["C-017", "C-017", "C-022"]
    assert rows["feeling"].tolist() == [4, 2, 3]
    first = rows.loc["2026-03-04"]
    assert first["extra"] == {"email": "ana.lopez@example.com", "Favourite snack": "crisps"}
    # checkbox answers: "Clear STAR stories" is also another response, so this
    # answer is the two ticked boxes
    assert item_texts(log, first["entry_id"], "well") == ["Clear STAR stories", "Good rapport"]
    # no part of this answer is another response's: kept whole unless declared
    third = rows.loc["2026-03-19", "entry_id"]
    assert item_texts(log, third, "well") == ["Asked smart questions, Kept answers short"]
    log = load_collected(
        folder / "coach_form_responses.csv",
        mapping=folder / "coach_form_mapping.toml",
        dayfirst=True,
        options={"gforms_checkbox": ["Which of these went well?"]},
    )
    assert item_texts(log, third, "well") == ["Asked smart questions", "Kept answers short"]


def test_bad_answers_are_reported_with_their_line(tmp_path: Path) -> None:
    path = tmp_path / "responses.csv"
    path.write_text(
        "Timestamp,Your name,Date of the interview,How do you feel now? (1-5)\n"
        "2026/03/04 6:12:45 PM GMT+1,Ana,2026-03-04,4\n"
        "2026/03/05 9:00:00 AM GMT+1,Ana,next Tuesday,9\n",
        encoding="utf-8",
    )
    log = load_collected(path)
    problems = log.problems.set_index("field")
    assert problems.loc["interview_date", "line"] == 3
    assert "'next Tuesday'" in problems.loc["interview_date", "message"]
    assert problems.loc["feeling", "line"] == 3
    assert len(log) == 1


@pytest.mark.parametrize(
    ("stamp", "expected"),
    [
        ("2026/03/04 6:12:45 PM GMT+1", "2026-03-04"),
        ("2026/3/4 18:12:45", "2026-03-04"),
        ("2026-03-04 18:12:45", "2026-03-04"),
        ("3/4/2026 18:12:45", "3/4/2026"),  # month or day first: load(dayfirst=...)
        ("04.03.2026 18:12:45", "2026-03-04"),  # dots: always day first
        ("yesterday", None),
        ("", None),
    ],
)
def test_timestamps(stamp: str, expected: str | None) -> None:
    assert timestamp_date(stamp) == expected


def test_detection(fixtures: Path, tmp_path: Path) -> None:
    for name in ("suggested_form_responses.csv", "coach_form_responses.csv"):
        spec = detect(fixtures / "gforms" / name)
        assert spec is not None and spec.name == "gforms"
    assert gforms.sniff('\ufeff"Marca temporal","Nombre"\n'.encode())
    assert not gforms.sniff(b"interview_date,Timestamp\n")
    # format= overrides: the responses read as a plain CSV know only "Company"/"Role"
    log = load_collected(fixtures / "gforms" / "suggested_form_responses.csv", format="csv")
    assert len(log) == 0
    assert set(log.problems["field"]) == {"interview_date"}


def test_docs_list_the_suggested_form(fixtures: Path) -> None:
    docs = DOCS.read_text(encoding="utf-8")
    listed = re.findall(r"^\| \d+ \| (.+?) \|", docs, flags=re.MULTILINE)
    assert listed == list(SUGGESTED_QUESTIONS)
    # the example export is that form's: Timestamp, Email Address, then the questions
    with (fixtures / "gforms" / "suggested_form_responses.csv").open(encoding="utf-8") as handle:
        header = next(csv.reader(handle))
    assert header[:2] == ["Timestamp", "Email Address"]
    assert header[2:] == list(SUGGESTED_QUESTIONS)


_OPTION = st.text(alphabet=st.sampled_from(list("abcXYZ é?()-")), min_size=1, max_size=15).filter(
    lambda s: s.strip() == s and s != ""
)


@settings(max_examples=60, deadline=None)
@given(answers=st.lists(st.lists(_OPTION, min_size=1, max_size=4), min_size=1, max_size=6))
def test_checkbox_answers_split_back_into_their_options(answers: list[list[str]]) -> None:
    column = pd.Series([", ".join(a) for a in answers], dtype=object)
    # declared checkbox: every answer is its ticked options again
    split = split_choices(column, declared=True).tolist()
    assert [s if isinstance(s, list) else [s] for s in split] == answers
    # a line break means one item per line: never split on ", "
    prose = pd.Series([a + ",\nmore" for a in column], dtype=object)
    assert split_choices(prose, declared=True).tolist() == prose.tolist()
