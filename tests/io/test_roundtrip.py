"""load -> write -> load gives the same frames, for Markdown, CSV and JSON Lines."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from tempfile import TemporaryDirectory

import pandas as pd
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from recovery_analytics import load
from recovery_analytics.model import enum_values

# Text people write: any printable unicode, with commas, quotes, semicolons, '#',
# brackets and line breaks mixed in on purpose.
_alphabet = st.one_of(
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")),
    st.sampled_from(list(",;\"'#[]-*:\n\t \\") + ["\u00e9", "\u2014", "\U0001f642"]),
)
text = st.text(alphabet=_alphabet, min_size=1, max_size=30).filter(lambda t: t.strip())
# an item never starts with something that reads as a bullet or a checkbox
item = text.filter(lambda t: t.lstrip()[:1] not in "-*+\u2022[" and not t.lstrip()[:1].isdigit())
name = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Z")),
    min_size=1,
    max_size=12,
).filter(lambda t: t.strip() not in ("", ".", ".."))
dates = st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2030, 12, 31))


@st.composite
def entries(draw: st.DrawFn) -> dict:
    entry: dict = {"interview_date": draw(dates).isoformat(), "client": draw(name)}
    optional = {
        "company": name,
        "role": text,
        "stage": st.sampled_from(enum_values("stage")),
        "format": st.sampled_from(enum_values("format")),
        "reflected_on": dates.map(dt.date.isoformat),
        "feeling": st.integers(1, 5),
        "self_score": st.integers(1, 10),
        "connection": st.integers(1, 5),
        "employer_view": text,
        "follow_up_requested": st.booleans(),
        "follow_up_date": dates.map(dt.date.isoformat),
        "follow_up_response": st.sampled_from(enum_values("follow_up_response")),
        "outcome": st.sampled_from(enum_values("outcome")),
        "notes": text,
        "went_well": st.lists(item, max_size=4),
        "went_wrong": st.lists(item, max_size=4),
        "questions_to_ask": st.lists(item, max_size=3),
        "plan_b": st.lists(
            st.fixed_dictionaries({"text": item, "done": st.booleans()}), max_size=3
        ),
    }
    for key, strategy in optional.items():
        if draw(st.booleans()):
            entry[key] = draw(strategy)
    return entry


def comparable(log) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    interviews = log.interviews.drop(columns=["source", "extra"]).sort_index()
    sort_items = ["entry_id", "polarity", "text"]
    items = log.items.sort_values(sort_items, kind="stable").reset_index(drop=True)
    actions = log.actions.sort_values(["entry_id", "text"], kind="stable").reset_index(drop=True)
    return interviews, items, actions


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(entries(), min_size=1, max_size=5))
@example(  # found by hypothesis: a CSV column of "" and "FALSE" came back as a bool
    [
        {"interview_date": "2020-01-01", "client": "0"},
        {"interview_date": "2020-01-01", "client": "0", "questions_to_ask": ["FALSE"]},
    ]
)
def test_load_write_load_is_stable(records: list[dict]) -> None:
    with TemporaryDirectory() as tmp:
        root = Path(tmp)
        source = root / "source.jsonl"
        source.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        first = load(source, taxonomy=False)
        expected = comparable(first)
        first.to_markdown(root / "md")
        first.to_csv(root / "log.csv")
        first.to_jsonl(root / "log.jsonl")
        for target in (root / "md", root / "log.csv", root / "log.jsonl"):
            again = comparable(load(target, taxonomy=False))
            for want, got in zip(expected, again, strict=True):
                pd.testing.assert_frame_equal(got, want, check_categorical=False)


def test_written_files_are_private(tmp_path: Path, private_umask: None) -> None:
    source = tmp_path / "s.jsonl"
    source.write_text('{"interview_date": "2026-03-04", "client": "ana", "company": "A"}\n')
    log = load(source, taxonomy=False)
    paths = [
        *log.to_markdown(tmp_path / "md"),
        log.to_csv(tmp_path / "a.csv"),
        log.to_jsonl(tmp_path / "a.jsonl"),
    ]
    for path in paths:
        assert path.stat().st_mode & 0o777 == 0o600
    assert (tmp_path / "md").stat().st_mode & 0o777 == 0o700
    assert (tmp_path / "md" / "ana").stat().st_mode & 0o777 == 0o700


@pytest.mark.parametrize("word", ["FALSE", "True", "NA", "None", "null", "nan", "1.5", "007"])
def test_csv_cells_that_look_like_other_types_stay_text(tmp_path: Path, word: str) -> None:
    path = tmp_path / "log.csv"
    path.write_text(
        "client,interview_date,company,went_well,questions_to_ask,notes\n"
        f"ana,2026-03-02,Acme,,{word},{word}\n"
        "ana,2026-03-09,Birch,Calm,,\n",
        encoding="utf-8",
    )
    log = load(path, taxonomy=False)
    first = log.interviews.sort_values("interview_date").iloc[0]
    assert first["questions_to_ask"] == [word]
    assert first["notes"] == word
