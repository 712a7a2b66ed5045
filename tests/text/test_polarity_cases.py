"""Polarity that decides (issue 16): coach-note cases, contrast, sarcasm, hedges, outcomes."""

from __future__ import annotations

import pytest

from recovery_analytics.text import classify_polarity, split_free_text


def _items(text: str) -> list[tuple[str, str]]:
    return [(i["polarity"], i["text"]) for i in split_free_text(text)]


def test_an_inability_turns_a_good_word_after_it():
    assert classify_polarity(["couldn't explain blue-green vs canary clearly."]) == ["wrong"]
    assert classify_polarity(["explained blue-green vs canary clearly."]) == ["well"]


def test_items_do_not_keep_a_leading_but_label():
    items = _items("Went well overall. But: couldn't explain blue-green vs canary clearly.")
    assert items == [
        ("well", "Went well overall."),
        ("wrong", "couldn't explain blue-green vs canary clearly."),
    ]


def test_tired_now_is_not_a_went_wrong_item():
    assert classify_polarity(["Tired now."]) == [None]
    assert _items("Good chat with the PM. Tired now.") == [("well", "Good chat with the PM.")]
    # tired during the interview still counts
    assert classify_polarity(["I was so tired I could barely focus."]) == ["wrong"]


def test_an_answer_that_ran_long_went_wrong():
    assert classify_polarity(["bit long on 1 answer"]) == ["wrong"]


def test_contrast_with_the_outcome_gives_two_items():
    assert _items("Went well, but got a rejection.") == [
        ("well", "Went well"),
        ("wrong", "but got a rejection."),
    ]


@pytest.mark.parametrize(
    "text",
    ["Yeah, great, another rejection.", "Oh great, they loved it /s", "Just great, ghosted again."],
)
def test_sarcasm_markers_are_never_good_news(text):
    assert classify_polarity([text]) == ["wrong"]


def test_a_hedge_keeps_its_side():
    assert classify_polarity(["I think it went OK?"]) == ["well"]


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("but round one was the end of the line for me.", "wrong"),
        ("I didn't make it to the onsite.", "wrong"),
        ("I was informed that my answer was _not_ correct.", "wrong"),
        ("They moved me forward to the final round.", "well"),
    ],
)
def test_outcome_sentences_get_a_side(text, side):
    assert classify_polarity([text]) == [side]


def test_general_sentences_are_neutral():
    assert classify_polarity(
        ["If you're a local, it means taking a bus, metro, taxi, walking, whatever it takes."]
    ) == [None]
