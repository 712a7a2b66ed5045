"""List labels: the headings over lists, and inline labels."""

from __future__ import annotations

import pytest

from recovery_analytics.text._labels import heading_label, inline_label, is_other_heading


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("What went well:", "well"),
        ("**Pros**", "well"),
        ("## Things to work on", "wrong"),
        ("Even better if -", "wrong"),
        ("Cons?", "wrong"),
        ("What went well was the intro", None),
        ("Round 2:", None),
    ],
)
def test_heading_label(line: str, expected: str | None) -> None:
    assert heading_label(line) == expected


def test_other_headings_are_not_labels() -> None:
    assert is_other_heading("Overall thoughts:")
    assert heading_label("Overall thoughts:") is None
    assert not is_other_heading("I was late: the train broke down.")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Went well: the SQL round.", ("well", "the SQL round.")),
        ("**Negatives:** the take-home.", ("wrong", "the take-home.")),
        ("Pros - good rapport", ("well", "good rapport")),
        ("Pros-and-cons lists help.", (None, "Pros-and-cons lists help.")),
    ],
)
def test_inline_label(sentence: str, expected: tuple[str | None, str]) -> None:
    assert inline_label(sentence) == expected
