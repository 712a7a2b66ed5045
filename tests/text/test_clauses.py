"""Clause cutting on its own: where a sentence is cut, and where it is not."""

from __future__ import annotations

import pytest

from recovery_analytics.text._clauses import clauses
from recovery_analytics.text._polarity import polarity


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a strong cut ("but") between opposite clauses; the joining word stays right
        (
            "Coding went well but I froze on the design",
            ["Coding went well", "but I froze on the design"],
        ),
        # a leading subordinate clause is cut off at its comma
        ("Although I was nervous, I nailed it.", ["Although I was nervous", "I nailed it."]),
        # a weak cut ("and") splits off only a clearly polarised clause
        (
            "I nailed the intro and blanked on the design",
            ["I nailed the intro", "and blanked on the design"],
        ),
    ],
)
def test_opposite_clauses_are_cut(sentence: str, expected: list[str]) -> None:
    pieces = clauses(sentence)
    assert pieces == expected
    # the pieces are cut where the polarity changes
    assert len({polarity(p) for p in pieces}) == len(pieces)


@pytest.mark.parametrize(
    "sentence",
    [
        "I was nervous and I rambled.",  # the same side twice
        "The interview was at 3pm, but I was late.",  # a neutral side is context
        "I nailed it but",  # nothing after the cut
        "",
    ],
)
def test_other_sentences_stay_whole(sentence: str) -> None:
    assert clauses(sentence) == [sentence]
