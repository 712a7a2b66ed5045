"""Logs for chart and report tests: the sample data and tiny edge cases.

Themes come from a small keyword stand-in (``KEYWORDS``), so these tests do
not move when the real taxonomy is tuned; the expected numbers are always
taken from the analytics functions or worked out by hand in the test.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from recovery_analytics import ReflectionLog, load
from recovery_analytics._load import log_from_records

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "sample"

KEYWORDS: dict[str, tuple[str, ...]] = {
    "nerves": ("nerv", "blank", "anxious", "shaky", "froze"),
    "conciseness": ("rambl", "long answer", "too long", "concise", "directly", "waffl"),
    "technical": ("technical", "coding", "sql", "system design", "methods", "algorithm"),
    "rapport": ("got on", "rapport", "laughed", "connection", "warm"),
    "preparation": ("prepar", "research", "didn't know", "forgot"),
    "storytelling": ("story", "stories", "example"),
    "salary": ("salary", "compensation", "pay"),
}


class KeywordThemes:
    """Tags an item with every theme whose keyword it contains, or its #tags."""

    def tag_items(self, texts: pd.Series, tags: pd.Series | None = None) -> pd.Series:
        out = []
        tag_lists = list(tags) if tags is not None else [[] for _ in range(len(texts))]
        for text, own in zip(texts, tag_lists, strict=True):
            low = str(text).casefold()
            found = [t for t in own if t in KEYWORDS]
            found += [
                t
                for t, words in KEYWORDS.items()
                if t not in found and any(w in low for w in words)
            ]
            out.append(found)
        return pd.Series(out, index=texts.index, dtype=object)


THEMES = KeywordThemes()


def sample_log() -> ReflectionLog:
    """The committed sample data, themes tagged by the keyword stand-in."""
    return load(SAMPLE, taxonomy=THEMES)


def make_log(records: Iterable[Mapping[str, Any]]) -> ReflectionLog:
    """A log from plain entry dicts, as if read from a JSON Lines file."""
    rows = [{"_file": "test.jsonl", "_line": i + 1, **r} for i, r in enumerate(records)]
    return log_from_records(rows, taxonomy=THEMES)


def entry(
    date: str, well: Sequence[str] = (), wrong: Sequence[str] = (), **fields: Any
) -> dict[str, Any]:
    return {
        "client": "dana",
        "interview_date": date,
        "went_well": list(well),
        "went_wrong": list(wrong),
        **fields,
    }


def one_interview() -> ReflectionLog:
    return make_log(
        [
            entry(
                "2026-03-04",
                ["Good rapport with the panel"],
                ["Rambled on the salary question"],
                feeling=3,
                outcome="pending",
            )
        ]
    )


def only_positives() -> ReflectionLog:
    return make_log(
        [
            entry(
                "2026-03-04",
                ["Good rapport", "Strong technical answers"],
                feeling=4,
                outcome="next_round",
            ),
            entry("2026-03-20", ["Clear stories"], feeling=4, outcome="offer"),
        ]
    )


def no_items() -> ReflectionLog:
    return make_log([entry("2026-03-04", feeling=2), entry("2026-04-02", feeling=3)])


def edge_cases() -> dict[str, ReflectionLog]:
    """Every tiny case each chart must draw without a traceback."""
    empty = one_interview().filter(start="2030-01-01")
    return {
        "one interview": one_interview(),
        "only positives": only_positives(),
        "no items": no_items(),
        "empty date range": empty,
    }
