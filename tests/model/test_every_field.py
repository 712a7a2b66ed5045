"""Every field of the specification reaches every format and the validator.

For each field in ``model.FIELDS`` an entry with a non-default value in that
field alone is written and read back through Markdown, CSV and JSON Lines, and
validated with ``entry_from_mapping``. A format that drops or changes a field
fails here, including a field added to the model later.

:data:`ROUND_TRIPS` is the list of ways an entry can travel; a new way in
(the entry form, for example) is one more function added to it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from recovery_analytics import entry_from_mapping, load
from recovery_analytics.io import write_csv, write_jsonl, write_markdown
from recovery_analytics.model import FIELDS, Entry

from ._examples import example_entry, same_value


def _read_back(path: Path) -> Entry:
    (entry,) = load(path, taxonomy=False).entries()
    return entry


def via_markdown(entry: Entry, folder: Path) -> Entry:
    path = folder / "entry.md"
    path.write_text(write_markdown(entry), encoding="utf-8")
    return _read_back(path)


def via_csv(entry: Entry, folder: Path) -> Entry:
    return _read_back(write_csv([entry], folder / "entries.csv"))


def via_jsonl(entry: Entry, folder: Path) -> Entry:
    return _read_back(write_jsonl([entry], folder / "entries.jsonl"))


def via_validation(entry: Entry, folder: Path) -> Entry:
    return entry_from_mapping(entry)


#: Every way an entry travels and comes back: name -> (entry, scratch folder) -> entry.
ROUND_TRIPS: dict[str, Callable[[Entry, Path], Entry]] = {
    "markdown": via_markdown,
    "csv": via_csv,
    "jsonl": via_jsonl,
    "entry_from_mapping": via_validation,
}


@pytest.mark.parametrize("way", sorted(ROUND_TRIPS))
@pytest.mark.parametrize("name", list(FIELDS))
def test_every_field_comes_back(name: str, way: str, tmp_path: Path) -> None:
    entry = example_entry(name)
    back = ROUND_TRIPS[way](entry, tmp_path)
    assert same_value(name, getattr(back, name), getattr(entry, name)), (
        f"{way} changed {name}: wrote {getattr(entry, name)!r}, read {getattr(back, name)!r}"
    )
    assert back == entry  # and nothing else changed on the way


def test_the_examples_differ_from_the_defaults() -> None:
    """Each example value is not what an entry holds anyway (else the test proves nothing)."""
    plain = Entry(interview_date=example_entry("notes").interview_date, entry_id="e-00000000000a")
    for name in FIELDS:
        assert getattr(example_entry(name), name) != getattr(plain, name), name
