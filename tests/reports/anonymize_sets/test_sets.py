"""The labelled sets of anonymize_sets/ are well formed: unique ids, known
categories and fields, every name written in its sentence, enough rows.

No threshold on the anonymiser is asserted here; this only guards the data
that such a threshold will be measured on."""

from __future__ import annotations

from collections import Counter

import pytest

from .measure import (
    FIELDS,
    NAMES_CSV,
    NEUTRAL_CSV,
    load_names,
    load_neutral,
    measure,
    names_of,
    still_there,
)

NAMES = load_names()
NEUTRAL = load_neutral()


def test_columns_are_as_documented() -> None:
    with NAMES_CSV.open(encoding="utf-8") as fh:
        assert fh.readline().strip() == "id,category,field,text,names"
    with NEUTRAL_CSV.open(encoding="utf-8") as fh:
        assert fh.readline().strip() == "id,category,field,text"


@pytest.mark.parametrize("rows", [NAMES, NEUTRAL], ids=["names", "neutral"])
def test_ids_unique_and_texts_unique(rows: list[dict[str, str]]) -> None:
    ids = Counter(r["id"] for r in rows)
    texts = Counter(r["text"] for r in rows)
    assert [i for i, n in ids.items() if n > 1] == []
    assert [t for t, n in texts.items() if n > 1] == []


def test_no_sentence_is_in_both_sets() -> None:
    assert {r["text"] for r in NAMES} & {r["text"] for r in NEUTRAL} == set()


@pytest.mark.parametrize("rows", [NAMES, NEUTRAL], ids=["names", "neutral"])
def test_fields_are_known_and_texts_not_blank(rows: list[dict[str, str]]) -> None:
    assert {r["field"] for r in rows} <= set(FIELDS)
    assert [r["id"] for r in rows if not r["text"].strip() or not r["category"].strip()] == []


@pytest.mark.parametrize(
    ("rows", "at_least_rows", "per_category"),
    [(NAMES, 330, 12), (NEUTRAL, 330, 20)],
    ids=["names", "neutral"],
)
def test_enough_rows_in_all_and_in_each_category(
    rows: list[dict[str, str]], at_least_rows: int, per_category: int
) -> None:
    assert len(rows) >= at_least_rows
    small = {c: n for c, n in Counter(r["category"] for r in rows).items() if n < per_category}
    assert small == {}


def test_every_name_is_written_in_its_sentence_as_a_whole_word() -> None:
    missing = [
        (r["id"], n)
        for r in NAMES
        for n in names_of(r)
        if n not in r["text"] or not still_there(n, r["text"])
    ]
    assert all(names_of(r) for r in NAMES)
    assert missing == []


def test_the_issue_examples_are_covered() -> None:
    # the ways of naming people that issue 14 lists, each with one sentence
    texts = " || ".join(r["text"] for r in NAMES)
    for example in [
        "Sarah was late",
        "Tom and I clicked",
        "tom from hr said",
        "Reply to AHMED's email",
        "Interviewer was Li Wei",
        "Zhang San seemed bored",
        "Ask recruiter (Fatima)",
        "Lunch w/ Dave from the London office",
        "Beatriz, who ran the panel, was lovely",
        "Ping Gareth Jones on Teams",
        "eleanor.marsh at gmail dot com",
        "emailed j.smith at acme",
        "van der Berg",
        "PA to Gemma Collins",
        "Tom Baker Ltd",
        "Note to Siobhan",
    ]:
        assert example in texts, example


def test_measure_counts_hidden_names_and_changed_sentences() -> None:
    # an anonymiser that hides everything: every name hidden, every sentence changed
    everything = measure(lambda text: "[hidden]")
    assert everything["names"]["total"]["share_hidden"] == 1.0
    assert everything["neutral"]["total"]["share_changed"] == 1.0
    # one that does nothing: no name hidden, no sentence changed, a leak for each name
    nothing = measure(lambda text: text)
    assert nothing["names"]["total"]["hidden"] == 0
    assert nothing["neutral"]["total"]["changed"] == 0
    assert len(nothing["leaks"]) == sum(len(names_of(r)) for r in NAMES)
    assert nothing["names"]["total"]["rows"] == len(NAMES)


def test_measure_passes_the_field_to_an_anonymiser_that_takes_it() -> None:
    seen: list[str] = []

    def by_field(text: str, field: str) -> str:
        seen.append(field)
        return text

    measure(by_field)
    assert Counter(seen) == Counter(r["field"] for r in [*NAMES, *NEUTRAL])
