"""Validation: entries from mappings and back from frames, driven by the field specification."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from recovery_analytics import Entry, EntryValidationError, entry_from_mapping
from recovery_analytics._validate import entry_from_frames, normalise, polarity
from recovery_analytics.model import Action, Item, enum_values, fields_where


def test_unknown_fields_are_named_with_the_known_ones() -> None:
    with pytest.raises(EntryValidationError) as info:
        entry_from_mapping({"interview_date": "2026-03-04", "mood": "ok"})
    assert "mood" in info.value.by_field
    assert "known fields: entry_id, client" in info.value.by_field["mood"]


def test_extra_is_kept_and_the_entry_is_frozen() -> None:
    entry = entry_from_mapping({"interview_date": "2026-03-04", "extra": {"source_app": "x"}})
    assert entry.extra == {"source_app": "x"}
    with pytest.raises(AttributeError):
        entry.notes = "changed"  # type: ignore[misc]


def test_list_fields_come_back_as_tuples() -> None:
    entry = entry_from_mapping(
        {
            "interview_date": "2026-03-04",
            "went_well": ["calm #nerves #Nerves"],
            "plan_b": ["[x] sent the note"],
            "questions_to_ask": ["who decides?"],
        }
    )
    assert entry.went_well == (Item("calm #nerves #Nerves", ("nerves",)),)
    assert entry.plan_b == (Action("sent the note", True),)
    assert entry.questions_to_ask == ("who decides?",)


def test_enum_message_lists_the_model_values() -> None:
    with pytest.raises(EntryValidationError) as info:
        entry_from_mapping({"interview_date": "2026-03-04", "outcome": "maybe"})
    assert info.value.by_field["outcome"].endswith(", ".join(enum_values("outcome")))


def test_frames_and_entries_agree() -> None:
    raw = pd.DataFrame(
        {
            "interview_date": ["2026-03-05", "2026-03-04"],
            "company": ["B", "A"],
            "went_wrong": [["late"], []],
            "plan_b": [[], ["[ ] practise"]],
            "_file": ["x.jsonl", "x.jsonl"],
            "_line": pd.Series([1, 2], dtype="Int64"),
        }
    )
    result = normalise(raw)
    assert result.problems == []
    entries = entry_from_frames(result.interviews, result.items, result.actions)
    # interviews come in date order: A (4 March) first
    assert [e.company for e in entries] == ["A", "B"]
    assert [e.interview_date for e in entries] == [dt.date(2026, 3, 4), dt.date(2026, 3, 5)]
    assert entries[1].went_wrong == (Item("late"),)
    assert entries[0].plan_b == (Action("practise", False),)
    assert result.interviews["n_wrong"].tolist() == [0, 1]
    assert result.interviews["n_actions"].tolist() == [1, 0]


def test_polarity_names_the_items_fields() -> None:
    assert [polarity(n) for n in fields_where(kind="items")] == ["well", "wrong"]
    assert isinstance(Entry(interview_date=dt.date(2026, 3, 4)).went_well, tuple)
