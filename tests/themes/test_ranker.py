"""The learned ranker over the rules' candidates (issue 16)."""

from __future__ import annotations

import numpy as np
import pytest

from recovery_analytics.exceptions import TaxonomyError
from recovery_analytics.themes import Taxonomy
from recovery_analytics.themes._ranker import Ranker, default_ranker, design

TAX = Taxonomy.default()
ABSENT = 99


def _design(keys, long=None):
    keys = np.array(keys)
    long = np.zeros(len(keys), dtype=bool) if long is None else np.array(long)
    return design(keys, ABSENT, 50, long)


def test_design_reads_first_weak_and_counts():
    d = _design([[3, 1, ABSENT], [ABSENT, ABSENT, 60], [ABSENT] * 3])
    assert d.first.tolist() == [[0, 1, 0], [0, 0, 1], [0, 0, 0]]
    assert d.weak.tolist() == [[0, 0, 0], [0, 0, 1], [0, 0, 0]]
    assert d.others.tolist() == [1, 0, 0]


def test_theme_weights_and_co_presence_decide_the_order():
    r = Ranker(themes=("asking", "pay"), bias=np.zeros(2), generic=np.array([1.0, 0, 0, 0, 0]))
    d = _design([[0, 7]])  # "asking" is mentioned first: first = +1 for it
    assert r.order(d, ("asking", "pay"), absent=ABSENT).tolist() == [[0, 1]]
    r.with_ = np.array([[0.0, 0.0], [2.0, 0.0]])  # pay beside asking: +2 for pay
    assert r.order(d, ("asking", "pay"), absent=ABSENT).tolist() == [[1, 0]]
    # a theme the weights do not know gets no theme weights
    assert r.order(d, ("asking", "visa"), absent=ABSENT).tolist() == [[0, 1]]


def test_no_theme_wins_when_its_score_beats_every_candidate():
    r = Ranker(themes=("a",), bias=np.array([0.0]), none=np.array([-1.0, 2.0, 0.0, 0.0]))
    d = _design([[0], [0]], long=[False, True])  # long: none scores -1 + 2 = 1 > 0
    assert r.order(d, ("a",), absent=ABSENT).tolist() == [[0], [ABSENT]]


def test_weights_round_trip_through_toml():
    r = default_ranker()
    back = Ranker.from_toml(r.to_toml())
    assert back.themes == r.themes
    np.testing.assert_allclose(back.bias, r.bias, atol=1e-4)
    np.testing.assert_allclose(back.with_, r.with_, atol=5e-3)  # entries under 0.005 are left out
    with pytest.raises(TaxonomyError, match="not a ranker weights file"):
        Ranker.from_toml("[generic]\nfirst = 1\n", "bad.toml")


def test_the_built_in_weights_name_every_built_in_theme():
    assert set(default_ranker().themes) == set(TAX.themes)


def test_the_topic_beats_the_frame_it_was_asked_in():
    # the rules alone rank by first mention: asking first
    rules = Taxonomy(TAX.theme_objects)
    assert rules.tag(["asked about the bonus structure"]) == [
        ["questions_for_them", "compensation"]
    ]
    assert TAX.tag(["asked about the bonus structure"])[0][0] == "compensation"


def test_own_taxonomies_get_the_ranker_only_when_they_extend_the_default():
    extended = Taxonomy.from_toml('[themes.visa]\nwords = ["visa*"]\n')
    alone = Taxonomy.from_toml('extends = "none"\n[themes.visa]\nwords = ["visa*"]\n')
    assert extended._ranker is default_ranker()
    assert alone._ranker is None
    assert extended.tag(["need a visa to start"]) == [["visa"]]
