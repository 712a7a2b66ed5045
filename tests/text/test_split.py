"""Sentence/clause splitting of free-text reflections, and the item shapes."""

from __future__ import annotations

import re
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recovery_analytics.text import (
    FreeTextTypeError,
    items_from_free_text,
    split_free_text,
    split_sentences,
)

# -- clauses --------------------------------------------------------------------


def test_but_joins_a_good_and_a_bad_clause() -> None:
    text = "The recruiter call went fine but I totally blanked on the weakness question."
    assert split_sentences(text) == [
        "The recruiter call went fine",
        "but I totally blanked on the weakness question.",
    ]
    assert [i["polarity"] for i in split_free_text(text)] == ["well", "wrong"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Although the intro was shaky, the rest went fine.",
            ["Although the intro was shaky", "the rest went fine."],
        ),
        (
            "Coding went well; however the behavioural part was a mess.",
            ["Coding went well", "however the behavioural part was a mess."],
        ),
        (
            "I was nervous at first but I warmed up and it went really well.",
            ["I was nervous at first", "but I warmed up and it went really well."],
        ),
        (
            "i nailed the coding and completely blanked on the behavioural questions",
            ["i nailed the coding", "and completely blanked on the behavioural questions"],
        ),
    ],
)
def test_mixed_sentences_are_cut_into_clauses(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # both sides went wrong: one item
        "I was nervous and I rambled on the first question.",
        "I forgot my notes but I also forgot to ask questions.",
        # a neutral side is context for the other, not an item of its own
        "The interview was at 3pm, but I was late and flustered.",
        "They asked about Kafka and I froze.",
    ],
)
def test_sentences_without_opposite_clauses_stay_whole(text: str) -> None:
    assert split_sentences(text) == [text]


# -- sentences, lists, abbreviations ------------------------------------------------


def test_bullets_and_numbered_lists() -> None:
    text = (
        "- Good rapport with the HM\n"
        "* rambled on salary\n"
        "\u2022 forgot to ask about next steps\n"
        "1. Nailed the case maths\n"
        "2) Need to work on my closing\n"
        "  - and on my opening"
    )
    assert split_sentences(text) == [
        "Good rapport with the HM",
        "rambled on salary",
        "forgot to ask about next steps",
        "Nailed the case maths",
        "Need to work on my closing",
        "and on my opening",
    ]


def test_bullet_continuation_lines_stay_with_their_bullet() -> None:
    text = (
        "- I struggled to explain the trade-offs between\n  SQL and NoSQL stores\n- aced the rest"
    )
    assert split_sentences(text) == [
        "I struggled to explain the trade-offs between SQL and NoSQL stores",
        "aced the rest",
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "I used approx. 20 minutes on the first question.",
        "I gave examples, e.g. the migration and the outage.",
        "The second part, i.e. the system design, went well.",
        "Mr. Patel and Dr. Okafor were on the panel.",
        "It was the no. 2 question on their list vs. the usual warm-up.",
    ],
)
def test_abbreviations_do_not_end_sentences(sentence: str) -> None:
    assert split_sentences(sentence) == [sentence]


def test_sentence_ends_after_etc_before_a_capital() -> None:
    assert split_sentences("I covered caching, sharding etc. Then I ran out of time.") == [
        "I covered caching, sharding etc.",
        "Then I ran out of time.",
    ]


def test_emoji_and_ellipses() -> None:
    assert split_sentences("Felt great \U0001f60a then totally bombed the design \U0001f62c") == [
        "Felt great \U0001f60a",
        "then totally bombed the design \U0001f62c",
    ]
    assert split_sentences("It went well... Then the second round happened.") == [
        "It went well...",
        "Then the second round happened.",
    ]
    # a short trailing-off pause is not a sentence end
    assert split_sentences("It was... fine I guess.") == ["It was... fine I guess."]


def test_lower_case_lines_without_punctuation() -> None:
    text = "nailed the sql part\nrambled on the intro\nshould have asked about the team"
    assert split_sentences(text) == [
        "nailed the sql part",
        "rambled on the intro",
        "should have asked about the team",
    ]


def test_wrapped_prose_lines_are_joined() -> None:
    text = (
        "The first session was with two engineers and it went really well, we\n"
        "clicked straight away and I explained my approach clearly.\n"
    )
    assert split_sentences(text) == [
        "The first session was with two engineers and it went really well, we "
        "clicked straight away and I explained my approach clearly."
    ]


@pytest.mark.parametrize("text", ["", "   \n\t ", "Anyway.", "So yeah", "lol. ugh!", "...", None])
def test_empty_and_filler_text_gives_nothing(text: str | None) -> None:
    assert split_sentences(text) == []  # type: ignore[arg-type]
    assert split_free_text(text) == []  # type: ignore[arg-type]
    assert items_from_free_text(text) == ([], [])  # type: ignore[arg-type]


def test_filler_between_sentences_is_dropped() -> None:
    assert split_sentences("I aced the SQL. Anyway. So yeah, I forgot to ask questions.") == [
        "I aced the SQL.",
        "So yeah, I forgot to ask questions.",
    ]


def test_rejects_non_text() -> None:
    with pytest.raises(FreeTextTypeError, match="`text` must be a string"):
        split_sentences(["a list"])  # type: ignore[arg-type]
    with pytest.raises(FreeTextTypeError):
        split_free_text(b"bytes")  # type: ignore[arg-type]


# -- labelled lists ---------------------------------------------------------------


def test_list_labels_give_the_polarity_of_their_items() -> None:
    text = (
        "What went well:\n"
        "- the take-home walkthrough\n"
        "- asked about their roadmap\n"
        "\n"
        "To improve:\n"
        "- practise estimation\n"
        "- be more confident about salary\n"
        "- don't ramble\n"
    )
    items = split_free_text(text)
    assert [(i["text"], i["polarity"]) for i in items] == [
        ("the take-home walkthrough", "well"),
        ("asked about their roadmap", "well"),
        ("practise estimation", "wrong"),
        ("be more confident about salary", "wrong"),
        ("don't ramble", "wrong"),
    ]
    # the labels themselves are not items
    assert "What went well:" not in split_sentences(text)


def test_inline_labels() -> None:
    text = "Went well: the SQL round. Went wrong: the behavioural round."
    assert [(i["text"], i["polarity"]) for i in split_free_text(text)] == [
        ("the SQL round.", "well"),
        ("the behavioural round.", "wrong"),
    ]
    text = "**Positives:** the SQL round. **Negatives:** the take-home.\nPros - good rapport"
    assert [(i["text"], i["polarity"]) for i in split_free_text(text)] == [
        ("the SQL round.", "well"),
        ("the take-home.", "wrong"),
        ("good rapport", "well"),
    ]


def test_markdown_headings_and_windows_newlines() -> None:
    text = (
        "## What went well\r\n- STAR stories\r\n\r\n## What went wrong\r\n- the salary question\r\n"
    )
    assert [(i["text"], i["polarity"]) for i in split_free_text(text)] == [
        ("STAR stories", "well"),
        ("the salary question", "wrong"),
    ]


def test_a_new_paragraph_ends_a_labelled_list() -> None:
    text = "To improve:\n- prep more\n\nThe interview was at 3pm. The recruiter was lovely."
    assert [(i["text"], i["polarity"]) for i in split_free_text(text)] == [
        ("prep more", "wrong"),
        ("The recruiter was lovely.", "well"),
    ]


# -- a whole reflection ---------------------------------------------------------------

REFLECTION = """\
Final round at a logistics scale-up yesterday, four sessions back to back on Zoom.

The first session was a technical deep dive with two engineers. I walked them through the
event pipeline I built at my last job and honestly I think it went really well, they kept
asking follow-up questions and I had answers for all of them. Then the live coding: I got
a working solution for the interval-merging problem but I ran out of time before I could
write any tests.

The behavioural round with the hiring manager was rough. I blanked when she asked about a
time I disagreed with my manager, and I rambled for ages on the "why are you leaving"
question. I should have prepared a tighter story for that. On the plus side, we clicked
when we got talking about cycling.

The last session was with the VP, mostly about the roadmap. I asked good questions and he
seemed impressed that I'd read their engineering blog.

Next time I'll do a couple of mock behavioural interviews before a final round. Anyway,
waiting to hear back by Friday.
"""


def test_long_reflection_gives_the_expected_items() -> None:
    items = split_free_text(REFLECTION)
    assert [(i["polarity"], i["text"]) for i in items] == [
        (
            "well",
            "I walked them through the event pipeline I built at my last job and honestly I "
            "think it went really well, they kept asking follow-up questions and I had answers "
            "for all of them.",
        ),
        ("well", "Then the live coding: I got a working solution for the interval-merging problem"),
        ("wrong", "but I ran out of time before I could write any tests."),
        ("wrong", "The behavioural round with the hiring manager was rough."),
        (
            "wrong",
            "I blanked when she asked about a time I disagreed with my manager, and I rambled "
            'for ages on the "why are you leaving" question.',
        ),
        ("wrong", "I should have prepared a tighter story for that."),
        ("well", "On the plus side, we clicked when we got talking about cycling."),
        (
            "well",
            "I asked good questions and he seemed impressed that I'd read their engineering blog.",
        ),
        (
            "wrong",
            "Next time I'll do a couple of mock behavioural interviews before a final round.",
        ),
    ]
    assert all(i["inferred"] is True for i in items)
    assert all(set(i) == {"text", "polarity", "inferred"} for i in items)


LOWER_CASE_POST = (
    "ok so quick brain dump after the consulting final round. case 1 was market sizing for "
    "e-scooters in berlin, my structure was good and the partner nodded along but i messed up "
    "a unit conversion and got a number 10x too big, caught it myself when sanity checking "
    "though so maybe thats fine? case 2 was a profitability thing and i was much more relaxed. "
    "fit interview was short, they asked why consulting and i gave my usual answer which felt "
    "a bit rehearsed. didnt ask great questions at the end. would give it 6/10"
)


def test_lower_case_run_on_post() -> None:
    # the opener and the middling 6/10 say nothing about how it went; the
    # sentence-final "though" is not a clause cut
    assert [(i["polarity"], i["text"]) for i in split_free_text(LOWER_CASE_POST)] == [
        (
            "well",
            "case 1 was market sizing for e-scooters in berlin, my structure was good and the "
            "partner nodded along",
        ),
        (
            "wrong",
            "but i messed up a unit conversion and got a number 10x too big, caught it myself "
            "when sanity checking though so maybe thats fine?",
        ),
        ("well", "case 2 was a profitability thing and i was much more relaxed."),
        (
            "wrong",
            "fit interview was short, they asked why consulting and i gave my usual answer "
            "which felt a bit rehearsed.",
        ),
        ("wrong", "didnt ask great questions at the end."),
    ]


def test_items_from_free_text_has_the_loader_shape() -> None:
    well, wrong = items_from_free_text(REFLECTION)
    by_polarity = {"well": [], "wrong": []}  # type: dict[str, list[str]]
    for item in split_free_text(REFLECTION):
        by_polarity[item["polarity"]].append(item["text"])
    assert [i["text"] for i in well] == by_polarity["well"]
    assert [i["text"] for i in wrong] == by_polarity["wrong"]
    assert all(i == {"text": i["text"], "inferred": True} for i in well + wrong)


def test_the_loader_accepts_the_items() -> None:
    from recovery_analytics._validate import entry_from_mapping

    well, wrong = items_from_free_text(
        "Good rapport with the panel. I forgot to ask about next steps."
    )
    entry = entry_from_mapping(
        {"interview_date": "2026-03-04", "went_well": well, "went_wrong": wrong}
    )
    assert [(i.text, i.inferred) for i in entry.went_well] == [
        ("Good rapport with the panel.", True)
    ]
    assert [(i.text, i.inferred) for i in entry.went_wrong] == [
        ("I forgot to ask about next steps.", True)
    ]


# -- properties ---------------------------------------------------------------------

WORD = re.compile(r"\w+")

_PHRASES = [
    "I nailed the SQL part",
    "but I totally blanked",
    "although the intro was shaky",
    "; however the case went well",
    "e.g. the outage",
    "Mr. Smith",
    "approx. 20 mins",
    "and I rambled",
    "Anyway.",
    "So yeah",
    "- ",
    "1. ",
    "\n",
    "\n\n",
    "...",
    "\u2026",
    "!",
    "?",
    ". ",
    ", ",
    " \U0001f60a ",
    " :) ",
    "What went well:\n",
    "To improve:\n",
    "next time I should prep more",
    "wasn't nervous",
    '"why us"',
]
reflection_like = st.lists(
    st.one_of(st.sampled_from(_PHRASES), st.text(max_size=12)), max_size=25
).map("".join)
any_text = st.one_of(st.text(max_size=300), reflection_like)


def _is_subsequence(needle: list[str], haystack: list[str]) -> bool:
    it = iter(haystack)
    return all(word in it for word in needle)


@settings(max_examples=300, deadline=None)
@given(any_text)
def test_split_sentences_never_raises_and_keeps_the_words_in_order(text: str) -> None:
    pieces = split_sentences(text)
    assert all(isinstance(p, str) and p and p == p.strip() for p in pieces)
    input_words = WORD.findall(text)
    for piece in pieces:
        assert _is_subsequence(WORD.findall(piece), input_words), piece
    # across pieces too: nothing is reordered
    assert _is_subsequence([w for p in pieces for w in WORD.findall(p)], input_words)


@settings(max_examples=150, deadline=None)
@given(any_text)
def test_split_free_text_items_are_pieces_with_a_polarity(text: str) -> None:
    pieces = split_sentences(text)
    items = split_free_text(text)
    # items are some of the pieces, in order (the same text may occur twice)
    assert _is_subsequence([i["text"] for i in items], pieces)
    assert all(i["polarity"] in {"well", "wrong"} and i["inferred"] is True for i in items)


@pytest.mark.parametrize(
    "unit",
    [
        ". ",  # many one-character sentences (was quadratic: 18 s at 10,000)
        ".",  # one run of dots (was quadratic: 31 s at 20,000)
        "a",  # one long "word" (the heading check never finished)
        "went ok i guess ",  # a run-on clause (VADER alone is quadratic)
        "word ",  # an unclosed quote, with 'he asked "' in front
    ],
    ids=["short-sentences", "dots", "long-word", "run-on", "unclosed-quote"],
)
def test_pathological_input_grows_about_linearly(unit: str) -> None:
    """Four times the input costs about four times the CPU (a quadratic path costs 16x)."""

    def text(n: int) -> str:
        head = 'he asked "' if unit == "word " else ""
        tail = ":" if unit == "a" else ""
        return head + unit * n + tail

    def cpu(n: int) -> float:
        best = float("inf")
        for _ in range(3):
            start = time.process_time()
            split_free_text(text(n))
            best = min(best, time.process_time() - start)
        return max(best, 1e-3)

    small = 8_000 // len(unit)
    ratio = cpu(4 * small) / cpu(small)
    assert ratio < 8, f"4x the input took {ratio:.1f}x the CPU"
