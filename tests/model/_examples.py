"""An entry with a non-default value in any one field, made from the field specification.

Nothing here names a field: a field added to ``model.FIELDS`` gets an example
value from its kind, so every test that loops over the fields covers it too.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from recovery_analytics.model import FIELDS, Action, Entry, FieldSpec, Item

__all__ = ["BASE_DATE", "example_entry", "example_value", "same_value"]

BASE_DATE = dt.date(2026, 3, 4)


def example_value(spec: FieldSpec) -> Any:
    """A value of ``spec``'s kind that no entry has by default."""
    if spec.kind == "id":
        return "e-0123456789ab"
    if spec.kind == "text":
        return f"some {spec.label}"
    if spec.kind == "date":
        return BASE_DATE + dt.timedelta(days=3)
    if spec.kind == "rating":
        assert spec.high is not None
        return spec.high
    if spec.kind == "enum":
        return spec.values[-1]
    if spec.kind == "bool":
        return True
    if spec.kind == "items":
        return (Item.parse(f"a {spec.label} item #{spec.name.replace('_', '-')}"),)
    if spec.kind == "actions":
        return (Action(f"a {spec.label} step", True), Action("another step", False))
    if spec.kind == "list":
        return (f"a {spec.label} line?",)
    raise AssertionError(f"no example for kind {spec.kind!r}: add one here")


def example_entry(name: str) -> Entry:
    """An entry whose field ``name`` holds :func:`example_value`, the rest defaults."""
    entry = Entry(interview_date=BASE_DATE, entry_id="e-00000000000a")
    return replace(entry, **{name: example_value(FIELDS[name])})


def same_value(name: str, got: Any, want: Any) -> bool:
    """Equal for the field: items by text, tags and inferred; the rest with ``==``."""
    if FIELDS[name].kind == "items":
        return [(i.text, i.tags, i.inferred) for i in got] == [
            (i.text, i.tags, i.inferred) for i in want
        ]
    return bool(got == want)
