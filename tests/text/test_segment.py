"""Sentence segmentation: the rule-based splitter against pysbd on the polarity sets.

The rows of each polarity set are sentences as people write them. Joined four
at a time into one paragraph, a splitter should give the rows back. The
package keeps its own rules because, on every set, they give back at least as
many rows as pysbd (a maintained splitter) does; this test holds that.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pysbd
import pytest

from recovery_analytics.text._segment import blocks, is_filler, sentences

HERE = Path(__file__).parent
SETS = sorted(p.name for p in HERE.glob("polarity_*.csv"))
GROUP = 4  # rows per paragraph

Splitter = Callable[[str], list[str]]


def _rows(name: str) -> list[str]:
    frame = pd.read_csv(HERE / name, dtype="str", keep_default_na=False)
    return [re.sub(r"\s+", " ", t).strip() for t in frame["text"]]


def recovered(rows: list[str], split: Splitter) -> int:
    """How many rows come back as a piece when paragraphs of GROUP rows are split."""
    found = 0
    for start in range(0, len(rows), GROUP):
        group = rows[start : start + GROUP]
        pieces = split(" ".join(group))
        found += sum(row in pieces for row in group)
    return found


def _pysbd(text: str) -> list[str]:
    segmenter = pysbd.Segmenter(language="en", clean=False)
    return [s.strip() for s in segmenter.segment(text) if s.strip()]


def test_sets_are_found() -> None:
    assert len(SETS) == 6


@pytest.mark.parametrize("name", SETS)
def test_rules_give_back_at_least_as_many_sentences_as_pysbd(name: str) -> None:
    rows = _rows(name)
    rules, other = recovered(rows, sentences), recovered(rows, _pysbd)
    assert rules >= other, f"{name}: rules {rules}/{len(rows)}, pysbd {other}/{len(rows)}"


def test_recovered_counts_misses() -> None:
    rows = ["I aced it.", "Then I froze.", "no full stop here", "So it goes."]
    # the row without a full stop runs into the next: two of four come back
    assert recovered(rows, sentences) == 2
    assert recovered(rows, lambda text: [text]) == 0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an acronym in capitals may end a sentence; the same letters in lower case do not
        (
            "The panel had someone from HR. We did a case.",
            ["The panel had someone from HR.", "We did a case."],
        ),
        ("It took 1 hr. and then some.", ["It took 1 hr. and then some."]),
        ("I covered caching etc. Then I froze.", ["I covered caching etc.", "Then I froze."]),
        ("It was the no. 2 question.", ["It was the no. 2 question."]),
    ],
)
def test_abbreviations_and_acronyms(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_blocks_keep_bullets_and_blank_lines_apart() -> None:
    found = blocks("intro line\n\n- first\n  continued\n- second")
    assert [(b.text, b.bullet, b.after_blank) for b in found] == [
        ("intro line", False, False),
        ("first continued", True, True),
        ("second", True, False),
    ]


@pytest.mark.parametrize(("text", "expected"), [("So yeah", True), ("so I froze", False)])
def test_is_filler(text: str, expected: bool) -> None:
    assert is_filler(text) is expected
