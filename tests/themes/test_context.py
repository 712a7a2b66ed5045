"""Context and word senses (issue 16): the coach-note cases, roles, general sentences."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from recovery_analytics.exceptions import TaxonomyError
from recovery_analytics.themes import Taxonomy, is_general
from recovery_analytics.themes._context import LONG, general_mask
from recovery_analytics.themes._senses import parse_senses, role_class

TAX = Taxonomy.default()
PM = "Product Manager"


# -- the coach-note cases -------------------------------------------------------------


def test_clearly_as_an_adverb_is_not_clarity():
    assert TAX.tag(["I had clearly done my research"]) == [["preparation"]]
    # speaking clearly still is
    assert TAX.tag(["explained my approach clearly"]) == [["clarity"]]


@pytest.mark.parametrize("text", ["the estimation question went badly", "metrics question was ok"])
def test_a_product_managers_estimation_and_metrics_questions_are_not_technical(text):
    assert "technical" in TAX.tag([text])[0]  # for an engineer they are
    assert "technical" not in TAX.tag([text], role=PM)[0]
    assert "technical" not in TAX.tag([text], role="Senior PM, growth")[0]
    # a technical product manager keeps the technical sense
    assert "technical" in TAX.tag([text], role="Technical Product Manager")[0]


def test_roles_in_a_column_tag_each_item_with_its_role():
    texts = pd.Series(["estimation question went badly"] * 3 + ["sql joins"], index=[5, 6, 7, 8])
    roles = pd.Series([PM, None, "Backend engineer", PM], index=[5, 6, 7, 8])
    out = TAX.tag_items(texts, roles=roles)
    assert out.index.tolist() == [5, 6, 7, 8]
    assert out.tolist() == [[], ["technical"], ["technical"], ["technical"]]
    # the same items without roles: every one is technical
    assert all("technical" in t for t in TAX.tag_items(texts))


def test_explain_uses_the_role():
    assert TAX.explain("estimation question went badly") == [("technical", "estimation")]
    assert TAX.explain("estimation question went badly", role=PM) == []


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        ("talked over the interviewer", "rapport"),
        ("couldn't name any of their competitors", "preparation"),
        ("bit long on 1 answer", "conciseness"),
    ],
)
def test_coach_notes_without_the_usual_words_get_a_theme(text, theme):
    assert TAX.tag([text])[0][:1] == [theme]


def test_tired_now_is_not_about_nerves():
    assert TAX.tag(["Tired now."]) == [[]]
    assert TAX.tag(["I was so tired I could barely focus."]) == [["nerves"]]


def test_for_role_is_cached_and_keeps_the_taxonomy_otherwise():
    assert TAX.for_role(PM) is TAX.for_role("product manager")
    assert TAX.for_role("Data engineer") is TAX
    assert TAX.for_role(PM).themes == TAX.themes


# -- role senses as data ---------------------------------------------------------------------


def test_role_classes():
    assert role_class("Product Manager").name == "product"
    assert role_class("APM") is not None
    assert role_class("Software engineer") is None
    assert role_class(float("nan")) is None


def test_a_malformed_sense_table_names_the_entry():
    bad = '[[role]]\nname = "x"\nroles = ["pm"]\n[role.exclude]\ntechnical = ["(oops"]\n'
    with pytest.raises(TaxonomyError, match=r"role 1\.exclude\.technical: '\(oops'"):
        parse_senses(bad)
    with pytest.raises(TaxonomyError, match="unknown keys"):
        parse_senses('[[role]]\nname = "x"\nwho = ["pm"]\n')


# -- general sentences ------------------------------------------------------------------------

GENERAL = [
    "If you're a local, it means taking a bus, metro, taxi, walking, whatever it takes.",
    "Cost of living is public information, easy to look up on sites that even have an API.",
    "See [my notes on system design](https://example.org/notes) for the whole list of topics.",
    "Interviewing for one specific programming language is silly in my opinion, I would say.",
    "Takeaway: do not rattle off random tools and frameworks in an interview, ever again.",
    "Unless the interviewee has done their research on the types of questions, it is luck.",
]
OWN = [
    "I rambled about my thesis for far too long and the interviewer looked bored.",
    "The interviewer asked how you would design a cache for a read-heavy service.",
    "couldnt remember the difference between a process and a thread in the end",
    "good situation-task-action-result structure on the teamwork question today",
    "Is short but general: salaries are high.",  # short: never judged
]


@pytest.mark.parametrize("text", GENERAL)
def test_general_sentences_get_no_theme(text):
    assert is_general(text)
    assert TAX.tag([text]) == [[]]
    # an explicit tag still wins
    assert TAX.tag([text + " #logistics"]) == [["logistics"]]


@pytest.mark.parametrize("text", OWN)
def test_sentences_about_the_interview_are_not_general(text):
    assert not is_general(text)


def test_the_column_check_agrees_with_the_one_text_check():
    texts = GENERAL + OWN
    mask = general_mask(pa.array(texts), np.ones(len(texts), dtype=bool))
    assert mask.tolist() == [is_general(t) for t in texts]
    assert all(len(t) >= LONG for t in GENERAL)


def test_loading_entries_tags_each_item_with_its_entrys_role():
    from recovery_analytics._load import log_from_records

    item = "the estimation question went badly"
    rows = [
        {"_file": "t.jsonl", "_line": i + 1, "client": "ana", "interview_date": f"2026-01-0{i + 1}",
         "company": "Acme", "role": role, "went_wrong": [item]}
        for i, role in enumerate([PM, "Backend engineer", None])
    ]  # fmt: skip
    log = log_from_records(rows)
    assert log.items["themes"].tolist() == [[], ["technical"], ["technical"]]


def test_underscore_emphasis_does_not_hide_a_word():
    assert TAX.tag(["the _right_ answer was a sql join"]) == TAX.tag(
        ["the right answer was a sql join"]
    )
    assert TAX.explain("_thirty hours_ of travel") == [("logistics", "thirty hours of travel")]
