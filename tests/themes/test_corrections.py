"""Learning from hand-set themes: the index, the taxonomy's use of it, the coach's export."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recovery_analytics.model import find_tags
from recovery_analytics.themes import THRESHOLD, Correction, Taxonomy, corrections_toml
from recovery_analytics.themes._corrections import CorrectionIndex, words_of

TAX = Taxonomy.default()
# the rules file this under logistics (a tie is clothing); the client means how they came across
TIE = "my tie was crooked all through the panel"
TIE_FIX = Correction("ana", TIE, ("self_presentation",), ("logistics",), "wrong")


def test_the_rules_alone_file_the_example_elsewhere():
    # the premise of the tests below: without the correction the theme differs
    assert TAX.tag([TIE])[0] != ["self_presentation"]


def test_the_same_text_gets_the_corrected_theme_for_that_client_only():
    tax = TAX.with_corrections([TIE_FIX])
    assert tax.tag([TIE], client="ana") == [["self_presentation"]]
    assert tax.tag([TIE], client="ben") == TAX.tag([TIE])
    assert tax.tag([TIE]) == TAX.tag([TIE])  # no client: the default client's, who has none


def test_near_identical_texts_get_it_and_different_ones_do_not():
    tax = TAX.with_corrections([TIE_FIX])
    near = "My tie was crooked through all of the panel!"
    # words compared: {tie, crooked, through, panel, all?}: derived below, not assumed
    a, b = words_of(TIE), words_of(near)
    assert len(a & b) / len(a | b) >= THRESHOLD
    assert tax.tag([near], client="ana") == [["self_presentation"]]
    far = "the panel was late and the room was cold"
    a, c = words_of(TIE), words_of(far)
    assert len(a & c) / len(a | c) < THRESHOLD
    assert tax.tag([far], client="ana") == TAX.tag([far])


def test_explain_says_the_item_was_filed_by_hand():
    tax = TAX.with_corrections([TIE_FIX])
    assert tax.explain(TIE, client="ana") == [
        ("self_presentation", "you filed this item under self presentation")
    ]
    assert tax.explain("my tie was crooked through the panel", client="ana") == [
        ("self_presentation", "you filed a similar item under self presentation")
    ]
    assert tax.explain(TIE, client="ben") == TAX.explain(TIE)


def test_explicit_tags_still_win_over_a_correction():
    tax = TAX.with_corrections([TIE_FIX])
    assert tax.tag([TIE + " #nerves"], client="ana") == [["nerves"]]


def test_tag_items_takes_each_items_client():
    tax = TAX.with_corrections([TIE_FIX])
    texts = pd.Series([TIE, TIE, "rambled about my thesis"] * 30, dtype="str")  # arrow path
    clients = pd.Series(["ana", "ben", "ana"] * 30)
    out = tax.tag_items(texts, clients=clients).tolist()
    rules = TAX.tag([TIE])[0]
    assert out[:3] == [["self_presentation"], rules, ["conciseness"]]
    assert out == out[:3] * 30


def test_the_latest_correction_of_a_text_wins():
    later = Correction("ana", TIE, ("nerves",), ("logistics",))
    tax = TAX.with_corrections([TIE_FIX, later])
    assert tax.tag([TIE], client="ana") == [["nerves"]]


def test_roles_keep_the_corrections():
    tax = TAX.with_corrections([TIE_FIX])
    assert tax.tag([TIE], role="Product Manager", client="ana") == [["self_presentation"]]


def test_threshold_is_checked():
    with pytest.raises(ValueError, match="threshold"):
        TAX.with_corrections([TIE_FIX], threshold=0)


def test_lookups_check_only_candidates_sharing_a_rare_word():
    # 2,000 corrections of texts with no word in common with the item: none is compared
    many = [Correction("ana", f"word{i} other{i} thing{i}", ("nerves",)) for i in range(2000)]
    index = CorrectionIndex([*many, TIE_FIX])
    calls = 0
    real = frozenset.__and__

    class Counting(frozenset):
        def __and__(self, other):  # type: ignore[override]
            nonlocal calls
            calls += 1
            return real(self, other)

    client = index._clients["ana"]
    client.sets = [Counting(s) for s in client.sets]
    found = index.lookup("ana", "my tie was crooked through the whole panel")
    assert found is not None and found.themes == ("self_presentation",)
    assert calls <= 1  # only the tie correction shares a word with the item


def test_corrections_round_trip_as_dicts():
    assert Correction.from_dict(TIE_FIX.to_dict()) == TIE_FIX
    with pytest.raises(ValueError, match="client"):
        Correction.from_dict({"text": "x"})


def test_export_loads_back_and_files_the_texts_as_corrected():
    fixes = [
        TIE_FIX,
        Correction("ana", "bit long on 1 answer (the first one)", ("conciseness",), ()),
        Correction("ben", "forgot their product name halfway", ("visa-issues",), ()),
    ]
    text = corrections_toml(fixes, TAX.themes)
    tax = Taxonomy.from_toml(text)
    assert "visa_issues" in tax  # a new theme, named as a theme must be
    assert tax.tag([f.text for f in fixes]) == [
        ["self_presentation"],
        ["conciseness"],
        ["visa_issues"],
    ]
    # numbers are any number, as a coach would mean it
    assert tax.tag(["bit long on 3 answer (the first one)"]) == [["conciseness"]]


@settings(max_examples=150, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40))
def test_any_corrected_text_exports_to_a_file_that_loads(text):
    fix = Correction("ana", text, ("nerves",), ("technical",))
    tax = Taxonomy.from_toml(corrections_toml([fix], TAX.themes))  # never a TaxonomyError
    if any(ch.isascii() and ch.isalnum() for ch in text) and len(text) < 40:
        # short texts are never judged general prose, so the exported word files them
        assert "nerves" in tax.tag([text])[0] or any(TAX.resolve_tag(t) for t in find_tags(text))
