"""A tiny log for the documentation examples (two clients, five interviews).

It goes through the real validation (:func:`recovery_analytics._validate.normalise`)
and sets item themes by hand, so the examples do not depend on the tagger.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from .._log import ReflectionLog
from .._validate import normalise

__all__ = ["example_log"]

# (client, date, went well [(text, themes)], went wrong [(text, themes)], extra fields)
_ENTRIES: list[
    tuple[str, str, list[tuple[str, list[str]]], list[tuple[str, list[str]]], dict[str, Any]]
] = [
    (
        "ana",
        "2026-01-05",
        [("Good rapport with the manager", ["rapport"])],
        [("Rambled on the salary question", ["conciseness"]), ("Froze on SQL", ["technical"])],
        {
            "feeling": 2,
            "connection": 4,
            "outcome": "rejected",
            "follow_up_requested": "yes",
            "follow_up_response": "declined",
            "reflected_on": "2026-01-06",
            "plan_b": ["[x] Apply to two similar roles", "[ ] Practise SQL joins"],
        },
    ),
    (
        "ana",
        "2026-03-02",
        [("Clear STAR story", ["examples"]), ("Good rapport again", ["rapport"])],
        [("Rambled on the weakness question", ["conciseness"])],
        {
            "feeling": 3,
            "connection": 4,
            "outcome": "next_round",
            "follow_up_requested": "no",
            "reflected_on": "2026-03-02",
        },
    ),
    (
        "ana",
        "2026-03-20",
        [("Calm and clear", ["composure"]), ("Asked good questions", ["questions"])],
        [],
        {"feeling": 4, "connection": 5, "outcome": "offer", "reflected_on": "2026-03-23"},
    ),
    (
        "ben",
        "2026-01-12",
        [("Prepared the company research", ["preparation"])],
        [("Arrived late", ["logistics"])],
        {
            "feeling": 2,
            "connection": 2,
            "outcome": "ghosted",
            "follow_up_requested": "yes",
            "follow_up_response": "no_response",
        },
    ),
    ("ben", "2026-03-10", [], [], {"outcome": "pending"}),
]


def example_log() -> ReflectionLog:
    """Five interviews of two clients, with themes set by hand.

    Examples
    --------
    >>> example_log()  # doctest: +ELLIPSIS
    ReflectionLog(5 interviews, 2 clients, 2026-01-05 to 2026-03-20, 10 items, ...)
    """
    records = []
    themes: dict[tuple[str, str, str], list[str]] = {}
    for i, (client, date, well, wrong, extra) in enumerate(_ENTRIES):
        records.append(
            {
                "entry_id": f"{client}-{i + 1}",
                "client": client,
                "interview_date": date,
                "company": f"Company {i + 1}",
                "went_well": [{"text": t} for t, _ in well],
                "went_wrong": [{"text": t} for t, _ in wrong],
                **extra,
                "_file": "example",
                "_line": i + 1,
            }
        )
        for polarity, pairs in (("well", well), ("wrong", wrong)):
            for text, names in pairs:
                themes[(f"{client}-{i + 1}", polarity, text)] = names
    result = normalise(pd.DataFrame(records))
    items = result.items.copy()
    keys = zip(items["entry_id"], items["polarity"], items["text"], strict=True)
    tagged = [themes[(str(e), str(p), str(t))] for e, p, t in keys]
    items["themes"] = pd.Series(tagged, index=items.index, dtype=object)
    items["theme"] = pd.Series(
        [t[0] if t else "other" for t in tagged], index=items.index, dtype="str"
    )
    return ReflectionLog(result.interviews, items, result.actions)
