"""Tests of the theme taxonomy: tagging rules, TOML files, errors, suggestions."""

from __future__ import annotations

import re
import tomllib
from importlib import resources
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recovery_analytics.exceptions import TaxonomyError
from recovery_analytics.themes import OTHER, THEMES, Taxonomy, Theme, is_general, suggest_themes
from recovery_analytics.themes._taxonomy import SMALL
from recovery_analytics.themes._theme import LIST_FIELDS, check_regex, word_to_regex

TAX = Taxonomy.default()


# -- the built-in taxonomy ---------------------------------------------------------------


def test_brief_examples():
    assert TAX.tag(["rambled on about my thesis", "had no questions for them at the end"]) == [
        ["conciseness"],
        ["questions_for_them"],
    ]


def test_public_names():
    import recovery_analytics.themes as themes

    assert themes.__all__ == [
        "OTHER",
        "THEMES",
        "THRESHOLD",
        "Correction",
        "Taxonomy",
        "Theme",
        "corrections_toml",
        "is_general",
        "strip_tags",
        "suggest_themes",
    ]
    assert OTHER == "other"
    assert len(THEMES) == 14
    assert TAX.themes == THEMES
    assert Taxonomy.default() is TAX  # cached


def test_describe_has_a_row_per_theme_with_counts():
    d = TAX.describe()
    assert d["theme"].tolist() == list(THEMES)
    assert list(d.columns) == ["theme", "description", "n_patterns", "aliases"]
    nerves = TAX["nerves"]
    expected = (
        len(nerves.words)
        + len(nerves.patterns)
        + len(nerves.weak_words)
        + len(nerves.weak_patterns)
    )
    assert d.set_index("theme").loc["nerves", "n_patterns"] == expected
    assert (d["description"].str.len() > 20).all()


def test_every_builtin_entry_compiles_in_both_engines():
    """The built-in file is loaded without checking entries one by one; check them here."""
    data = tomllib.loads(
        resources.files("recovery_analytics.themes").joinpath("default.toml").read_text("utf-8")
    )
    assert list(data["themes"]) == list(THEMES)
    for name, table in data["themes"].items():
        for field in ("words", "weak_words", "exclude_words"):
            for word in table.get(field, []):
                word_to_regex(word)  # raises PatternError naming the problem
        for field in ("patterns", "weak_patterns", "exclude_patterns"):
            for pattern in table.get(field, []):
                check_regex(pattern)
        assert set(table) <= {"description", *LIST_FIELDS}, name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # several themes: the strongest / first-mentioned first
        ("ran out of time on the SQL question", ["time_management", "technical"]),
        ("nervous during the coding round", ["nerves", "technical"]),
        ("rambled on tmay", ["conciseness", "self_presentation"]),
        ("video froze during system design", ["logistics", "technical"]),
        ("Too nervous to ask any questions at the end", ["nerves", "questions_for_them"]),
        # negations keep the theme (the polarity says strength or weakness)
        ("didn't ramble this time", ["conciseness"]),
        ("wasn't nervous at all", ["nerves"]),
        ("not late for once", ["logistics"]),
        ("prepared well", ["preparation"]),
        ("completely unprepared", ["preparation"]),
        # ambiguous words: 'questions' and 'time' alone are not enough
        ("struggled with the SQL questions", ["technical"]),
        ("second time applying here", []),
        ("the interviewer seemed bored", ["rapport"]),
        ("couldn't answer their follow-up questions on the database", ["technical"]),
        # abbreviations and misspellings
        ("HM seemed impressed", ["rapport"]),
        ("sys design was weak", ["technical"]),
        ("solved the LC medium", ["technical"]),
        ("nervus", ["nerves"]),
        ("preperation paid off", ["preparation"]),
        ("tell me abt urself went ok", ["self_presentation"]),
        # nothing to do with the interview itself
        ("the office had a nice view", []),
        ("commute is long", []),
    ],
)
def test_tagging_examples(text, expected):
    assert TAX.tag([text]) == [expected]


def test_weak_evidence_only_counts_without_main_evidence():
    # 'design' alone is weak evidence for technical: kept when it is all there is ...
    assert TAX.tag(["the design part"]) == [["technical"]]
    # ... and dropped when another theme has main evidence
    assert TAX.tag(["felt nervous in the design part"]) == [["nerves"]]


def test_exclusions_blank_phrases_before_matching():
    assert TAX.tag(["they asked good follow-up questions"]) == [[]]
    assert "follow_up" in TAX.tag(["sent a follow-up email"])[0]


# -- explicit tags ---------------------------------------------------------------------------


def test_explicit_tags_win_over_patterns():
    assert TAX.tag(["rambled for ages #nerves"]) == [["nerves"]]
    assert TAX.tag(["blank #anxiety"]) == [["nerves"]]  # an alias
    assert TAX.tag(["sent a note #Follow-Up"]) == [["follow_up"]]  # case and - vs _
    assert TAX.tag(["x #time_management #tech"]) == [["time_management", "technical"]]


def test_unknown_tag_becomes_a_user_theme():
    assert TAX.tag(["asked about relocation #Visa #nerves #visa"]) == [["visa", "nerves"]]
    assert TAX.resolve_tag("#Relocation-Help") == "relocation-help"


def test_hash_inside_words_is_not_a_tag():
    # the loader's rule: a tag starts after a non-word character; c# and q&a#x are not tags
    assert TAX.tag(["wrote it in c# quickly"]) == [["technical"]]


def test_tag_items_uses_given_tags_and_keeps_the_index():
    texts = pd.Series(["rambled", "late again", None, "x #nerves"], index=[5, 7, 9, 11])
    tags = pd.Series([[], ["anxiety"], np.array(["logistics"]), []], index=texts.index)
    out = TAX.tag_items(texts, tags)
    assert out.index.tolist() == [5, 7, 9, 11]
    # given tags win; a missing text with a tag gets the tag; inline tags are not
    # read again when tags are given (the loader has extracted them already)
    assert out.tolist() == [["conciseness"], ["nerves"], ["logistics"], ["nerves"]]
    assert TAX.tag_items(texts).tolist() == [["conciseness"], ["logistics"], [], ["nerves"]]


def test_tag_items_returns_fresh_lists():
    out = TAX.tag_items(pd.Series(["rambled", "rambled"]))
    out.iat[0].append("x")
    assert out.iat[1] == ["conciseness"]


def test_tag_items_checks_its_input():
    with pytest.raises(TypeError, match="pandas Series"):
        TAX.tag_items(["rambled"])  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="same index"):
        TAX.tag_items(pd.Series(["a", "b"]), pd.Series([[], []], index=[3, 4]))


def test_empty_input():
    assert TAX.tag([]) == []
    assert TAX.tag_items(pd.Series([], dtype="str")).tolist() == []
    assert TAX.tag([""]) == [[]]


def test_explain_shows_the_matched_words_in_tag_order():
    assert TAX.explain("ran out of time on the SQL question") == [
        ("time_management", "ran out of time"),
        ("technical", "SQL"),
    ]
    assert TAX.explain("rambled #Nerves #visa") == [("nerves", "#Nerves"), ("visa", "#visa")]
    # each tag once, as first written; an alias is shown under its theme
    assert TAX.explain("#Nerves rambled #nerves #anxiety #NERVES") == [
        ("nerves", "#Nerves, #anxiety")
    ]
    assert TAX.explain("got a free coffee") == []
    text = "froze, then my mind went blank and I rambled"
    assert [theme for theme, _ in TAX.explain(text)] == TAX.tag([text])[0]


# -- vectorised tagging equals item-by-item tagging ---------------------------------------------

VOCAB = [
    "nervous", "rambled", "ran out of time", "SQL", "questions", "at the end", "salary",
    "thank you email", "late", "zoom", "tmay", "STAR", "the interviewer seemed bored",
    "didn't", "not", "follow-up questions", "time", "design", "#nerves", "#visa", "c#",
    "research", "why this company", "asked about", "é", "’", "-", ",", "they asked me",
]  # fmt: skip
piece = st.one_of(
    st.sampled_from(VOCAB),
    st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), max_size=8),
    st.text(max_size=6),
    st.sampled_from(["\u212a", "\u017f", "\x0b", "\u0130", "\u0131", "\n", "\t", "$"]),
)
texts_strategy = st.lists(st.lists(piece, max_size=6).map(" ".join), min_size=1, max_size=12)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts_strategy)
def test_both_engines_agree(texts):
    """RE2 over a column (many items) and Python's re (a few items) give the same tags."""
    arr = pa.chunked_array([pa.array(texts, type=pa.large_string())])
    assert TAX._match(arr, engine="arrow") == TAX._match(arr, engine="python")


@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts_strategy)
def test_tag_items_on_a_column_equals_tag_item_by_item(texts):
    many = (texts * (SMALL // len(texts) + 1))[: SMALL + 7]  # a column: the RE2 path
    batch = TAX.tag_items(pd.Series(many, dtype="str")).tolist()
    assert batch == TAX.tag(many)
    assert batch == [TAX.tag([t])[0] for t in many]


def _reference(tax: Taxonomy, text: str) -> list[str]:
    """Tagging written the slow, obvious way with Python's re (ASCII text only)."""
    tags = re.findall(r"(?<![\w&/])#([A-Za-z][\w-]*)", text)
    if tags:
        return list(dict.fromkeys(tax.resolve_tag(t) for t in tags))
    # underscore emphasis at the edge of a word is dropped ("_not_" is "not")
    text = re.sub(r"(^|[^A-Za-z0-9_])_+([A-Za-z0-9])", r"\1\2", text)
    text = re.sub(r"([A-Za-z0-9])_+([^A-Za-z0-9_]|$)", r"\1\2", text)
    if is_general(text):  # a long sentence not about the writer's interview: no theme
        return []
    flags = re.IGNORECASE | re.ASCII
    found = []
    for order, theme in enumerate(tax):
        every, main, exclude = theme.regex("all"), theme.regex("main"), theme.regex("exclude")
        if every is None:
            continue
        searched = re.sub(exclude, " ", text, flags=flags) if exclude else text
        m_all = re.search(every, searched, flags)
        if not m_all:
            continue
        m_main = re.search(main, searched, flags) if main else None
        strong = m_main is not None
        found.append(
            (0 if strong else 1, m_main.start() if m_main else m_all.start(), order, theme)
        )
    if any(f[0] == 0 for f in found):
        found = [f for f in found if f[0] == 0]
    return [f[3].name for f in sorted(found, key=lambda f: f[:3])]


ascii_piece = st.one_of(
    st.sampled_from([v for v in VOCAB if v.isascii()]),
    st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), max_size=8),
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(ascii_piece, max_size=8).map(" ".join), min_size=1, max_size=15))
def test_tag_items_equals_a_plain_python_reference(texts):
    """The rules alone (no ranker) against the reference; the ranker only reorders or drops."""
    rules = Taxonomy(TAX.theme_objects, source="rules only")
    expected = [_reference(rules, t) for t in texts]
    assert rules.tag(texts) == expected
    for ranked, found in zip(TAX.tag(texts), expected, strict=True):
        assert ranked == [] or sorted(ranked) == sorted(found)


# -- custom taxonomies ------------------------------------------------------------------------


def test_toml_adds_a_theme_and_keeps_the_builtins():
    tax = Taxonomy.from_toml(
        """
        [themes.visa]
        description = "work permits and sponsorship"
        aliases = ["immigration"]
        words = ["visa*", "sponsor*", "work permit*"]
        """
    )
    assert tax.themes == (*THEMES, "visa")
    assert tax.tag(["need a visa to start", "nervous", "x #immigration"]) == [
        ["visa"],
        ["nerves"],
        ["visa"],
    ]


def test_toml_adds_and_removes_entries_of_a_builtin_theme():
    texts = ["talked about lanyards", "debugging went fine", "x #vibes"]
    assert TAX.tag(texts) == [[], ["technical"], ["vibes"]]
    tax = Taxonomy.from_toml(
        """
        [themes.rapport]
        words = ["lanyard*"]
        aliases = ["vibes"]
        [themes.technical.remove]
        words = ["debug*"]
        """
    )
    # the added word and alias give rapport; without debug* the second item has no theme
    assert tax.tag(texts) == [["rapport"], [], ["rapport"]]
    assert "debug*" not in tax["technical"].words
    assert tax["rapport"].words[: len(TAX["rapport"].words)] == TAX["rapport"].words


def test_toml_replace_and_remove_themes():
    tax = Taxonomy.from_toml(
        """
        remove_themes = ["compensation", "follow_up"]
        [themes.nerves]
        replace = true
        words = ["jitters"]
        """
    )
    assert "compensation" not in tax and "follow_up" not in tax
    assert tax["nerves"].words == ("jitters",)
    assert tax["nerves"].description == TAX["nerves"].description  # kept when not given
    assert tax.tag(["felt nervous", "had the jitters", "salary talk"]) == [[], ["nerves"], []]


def test_toml_extends_none_is_the_whole_taxonomy():
    tax = Taxonomy.from_toml(
        """
        extends = "none"
        [themes.energy]
        words = ["tired", "exhausted"]
        [themes.setting]
        words = ["office", "view"]
        """
    )
    assert tax.themes == ("energy", "setting")
    assert tax.tag(["tired, the office view was nice", "rambled"]) == [["energy", "setting"], []]


def test_from_file_reads_a_file(tmp_path):
    path = tmp_path / "coach.toml"
    path.write_text('[themes.visa]\nwords = ["visa*"]\n', encoding="utf-8")
    tax = Taxonomy.from_file(path)
    assert tax.tag(["visa"]) == [["visa"]]
    assert str(path) in repr(tax)


def test_theme_objects_can_be_built_in_python():
    tax = Taxonomy([Theme("visa", words=("visa*",)), TAX["nerves"]])
    assert tax.tag(["visa worries, nervous"]) == [["visa", "nerves"]]
    with pytest.raises(TaxonomyError, match="unique"):
        Taxonomy([Theme("visa"), Theme("visa")])
    with pytest.raises(TaxonomyError, match="words\\[0\\]"):
        Theme("visa", words=("visa(",))
    with pytest.raises(TaxonomyError, match="reserved"):
        Theme("other")


# -- broken files ------------------------------------------------------------------------------

BROKEN = [
    # (name, text, line of the problem, words the message must contain)
    ("syntax", '[themes.visa]\nwords = "visa*"]\n', 2, ["not valid TOML", "fix the syntax"]),
    ("unclosed list", '[themes.visa]\nwords = ["visa*"\n\n', 2, ["not valid TOML", "close it"]),
    ("unknown top key", 'extend = "none"\n', 1, ["unknown top-level key 'extend'", "extends"]),
    ("table at top", '[visa]\nwords = ["x"]\n', 1, ["[themes.visa]"]),
    (
        "unknown theme key",
        '\n[themes.visa]\nwords = ["visa*"]\nword = ["x"]\n',
        4,
        ["'word'", "words"],
    ),
    (
        "bad regex",
        "[themes.visa]\npatterns = [\n  'visa',\n  'sponsor(',\n]\n",
        4,
        ["patterns[1]", "not a valid regular expression"],
    ),
    ("lookbehind", "[themes.visa]\npatterns = ['(?<!no )visa']\n", 2, ["lookbehind", "exclude"]),
    ("empty match", '[themes.visa]\nwords = ["(visa|)"]\n', 2, ["empty string"]),
    ("bad word", '[themes.visa]\n\nwords = ["visa)"]\n', 3, ["without a matching '('"]),
    ("wrong type", '[themes.visa]\nwords = "visa*"\n', 2, ["list of strings", "a string"]),
    ("wrong item type", "[themes.visa]\nwords = ['visa', 3]\n", 2, ["entry 2 is a number"]),
    ("wrong replace type", '[themes.nerves]\nreplace = "yes"\n', 2, ["true or false"]),
    ("bad extends", 'extends = "defaults"\n', 1, ["'default'", "'none'"]),
    (
        "unknown removed theme",
        'remove_themes = ["nerve"]\n',
        1,
        ["'nerve'", "did you mean 'nerves'"],
    ),
    (
        "removing a missing entry",
        '[themes.nerves.remove]\nwords = [\n  "nerv*",\n  "nervouss",\n]\n',
        4,
        ["'nervouss' is not among the words of 'nerves'"],
    ),
    ("replace a new theme", "[themes.visa]\nreplace = true\n", 2, ["nothing to replace"]),
    ("bad theme name", '[themes.Visa-Issues]\nwords = ["visa"]\n', 1, ["not valid", "lower-case"]),
    ("other is reserved", '[themes.other]\nwords = ["visa"]\n', 1, ["reserved"]),
    (
        "alias clash",
        '[themes.visa]\naliases = ["anxiety"]\n',
        2,
        ["'anxiety'", "'nerves'", "ambiguous"],
    ),
    ("unknown remove key", '[themes.nerves.remove]\nwordz = ["nerv*"]\n', 2, ["'wordz'", "words"]),
]


@pytest.mark.parametrize(("name", "text", "line", "needles"), BROKEN, ids=[b[0] for b in BROKEN])
def test_broken_files_name_file_line_and_fix(tmp_path, name, text, line, needles):
    path = tmp_path / "coach.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(TaxonomyError) as info:
        Taxonomy.from_file(path)
    message = str(info.value)
    assert message.startswith(f"{path}:{line}: "), message
    for needle in needles:
        assert needle in message, message
    assert isinstance(info.value, ValueError)


def test_from_toml_names_its_source_and_non_utf8_files(tmp_path):
    with pytest.raises(TaxonomyError, match=r"^mine\.toml:1: "):
        Taxonomy.from_toml("extends = 3", source="mine.toml")
    path = tmp_path / "latin1.toml"
    path.write_bytes("[themes.caf\xe9]\n".encode("latin-1"))
    with pytest.raises(TaxonomyError, match="not UTF-8"):
        Taxonomy.from_file(path)


# -- the word syntax -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "matches", "misses"),
    [
        ("nerv*", ["nervous", "Nerves", "nervy"], ["unnerved"]),
        ("long-winded", ["long-winded", "long winded", "longwinded"], ["long"]),
        ("didn't ask", ["didn't ask", "didnt ask", "didn\u2019t ask"], ["did ask"]),
        ("(ran|run) out of time", ["ran out of time", "run  out of time"], ["out of time"]),
        ("colou?r", ["color", "colour"], ["colr"]),
        (
            "spent ... too long",
            ["spent too long", "spent way far too long"],
            ["spent a b c d too long"],
        ),
        ("q ?& ?a", ["q&a", "q & a"], ["qa"]),
        ("\\d min*", ["10 mins", "5 minutes"], ["ten mins"]),
        ("c++", ["c++ templates"], ["c"]),
        ("cod*", ["coding"], ["barcode"]),
    ],
)
def test_word_syntax(word, matches, misses):
    rx = re.compile(word_to_regex(word), re.IGNORECASE | re.ASCII)
    for text in matches:
        assert rx.search(text), (word, text)
    for text in misses:
        assert not rx.search(text), (word, text)


# -- suggest_themes -------------------------------------------------------------------------------


def _items():
    rows = [
        ("long commute to the office", [], "ana", "wrong"),
        ("the commute is really long", [], "ben", "wrong"),
        ("commuting would take 2 hours", [], "ana", "wrong"),
        ("the office has a lovely view", [], "cat", "well"),
        ("their offices are brand new", [], "ana", "well"),
        ("office dog was cute", [], "ben", "well"),
        ("free coffee", [], "ana", "well"),
        ("rambled about my commute", ["conciseness"], "ana", "wrong"),
        ("nervous about the office", ["nerves"], "ben", "wrong"),
    ]
    frame = pd.DataFrame(rows, columns=["text", "themes", "client", "polarity"])
    frame["theme"] = [t[0] if t else OTHER for t in frame["themes"]]
    frame["entry_id"] = [f"e{i}" for i in range(len(frame))]
    return frame


def test_suggest_themes_groups_untagged_items_by_shared_terms():
    # untagged key terms: office/offices in items 0, 3, 4, 5 (4 items); commute/commuting
    # in 0, 1, 2; long in 0, 1. The office group (4) goes first and takes item 0, which
    # leaves commute in 2 items (1, 2): a group only when min_items <= 2.
    out = suggest_themes(_items(), min_items=2)
    assert list(out.columns) == ["key_terms", "n_items", "n_clients", "examples"]
    assert out["key_terms"].tolist() == [["office"], ["commute"]]
    assert out["n_items"].tolist() == [4, 2]
    assert out["n_clients"].tolist() == [3, 2]  # ana, cat, ben; then ben, ana
    assert out["examples"].iat[0] == [
        "long commute to the office",
        "the office has a lovely view",
        "their offices are brand new",
    ]


def test_suggest_themes_min_items_log_objects_and_determinism():
    items = _items()
    out = suggest_themes(SimpleNamespace(items=items))  # min_items=3: the commute pair drops
    assert out["key_terms"].tolist() == [["office"]]
    assert out["n_items"].tolist() == [4]
    shuffled = items.sample(frac=1, random_state=1)
    assert suggest_themes(shuffled, 2)["key_terms"].tolist() == [["office"], ["commute"]]
    # only the 'theme' column: "other" marks the untagged items
    same = suggest_themes(items.drop(columns="themes"), min_items=2)
    pd.testing.assert_frame_equal(same, suggest_themes(items, min_items=2))
    none = suggest_themes(items, min_items=10)
    assert none.empty and list(none.columns) == ["key_terms", "n_items", "n_clients", "examples"]


def test_suggest_themes_tags_frames_without_themes_and_checks_input():
    frame = pd.DataFrame(
        {"text": ["rambled a lot", "free coffee", "coffee was lukewarm", "coffee"]}
    )
    out = suggest_themes(frame, min_items=3)
    assert out["key_terms"].str[0].tolist() == ["coffee"]
    assert out["n_items"].tolist() == [3]
    with pytest.raises(TypeError, match="items"):
        suggest_themes([1, 2])
    with pytest.raises(ValueError, match="`text` column"):
        suggest_themes(pd.DataFrame({"x": [1]}))
    with pytest.raises(ValueError, match="min_items"):
        suggest_themes(frame, min_items=0)


def test_taxonomy_file_example_in_docs_loads():
    doc = Path(__file__).parents[2] / "docs" / "taxonomy.md"
    text = doc.read_text(encoding="utf-8")
    blocks = re.findall(r"```toml\n(.*?)```", text, flags=re.DOTALL)
    assert blocks, "docs/taxonomy.md should hold a complete ```toml example"
    tax = Taxonomy.from_toml(blocks[0], source="docs/taxonomy.md")
    assert len(tax) > 0
