"""The cue tables are data: the shipped ``cues.toml`` and its loader."""

from __future__ import annotations

import re
import tomllib
from importlib import resources

import pytest

from recovery_analytics.exceptions import RecoveryAnalyticsError
from recovery_analytics.text._cues import Cue, CueTableError, cue_table, parse_cues

LABELS = '[labels]\nwell = ["pros"]\nwrong = ["cons"]\n'


def _shipped() -> dict[str, object]:
    text = resources.files("recovery_analytics.text").joinpath("cues.toml").read_text("utf-8")
    return tomllib.loads(text)


def test_shipped_table_is_read_once_and_matches_the_file() -> None:
    table = cue_table()
    assert cue_table() is table
    raw = _shipped()["cue"]
    assert isinstance(raw, list)
    assert len(table.cues) == len(raw)
    # every alternative of the file is in its cue, in order, placeholders filled in
    for cue, entry in zip(table.cues, raw, strict=True):
        assert cue.weight == entry["weight"]
        assert cue.negatable is entry.get("negatable", False)
        assert cue.hypothetical is entry.get("hypothetical", False)
        assert "{word}" not in cue.pattern
        assert cue.pattern.count("|") >= len(entry["any"]) - 1


def test_shipped_cues_compile_and_have_a_sign() -> None:
    table = cue_table()
    for i, cue in enumerate(table.cues):
        assert isinstance(cue.regex, re.Pattern)
        if i != table.rating:
            assert cue.weight != 0, cue.pattern
    # hypothetical cues are things to improve: they all count against
    assert all(c.weight < 0 for c in table.cues if c.hypothetical)
    rating = table.cues[table.rating].regex.search("7/10")
    assert rating is not None and rating.group("rating") == "7"


def test_placeholder_stands_for_one_word() -> None:
    table = parse_cues(
        LABELS + "[placeholders]\nword = 'x+'\n[[cue]]\nany = ['a {word} b']\nweight = 1\n"
    )
    assert table.cues[0].pattern == "a x+ b"
    assert table.rating == -1


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[[cue]]\nany = ['x']\nweight = 1\nweigth = 2\n", "unknown keys \\['weigth'\\]"),
        ("[[cue]]\nany = ['(x']\nweight = 1\n", "cue 1.any: not a valid regular expression"),
        ("[[cue]]\nany = ['x']\nweight = 'big'\n", "cue 1.weight must be a number"),
        ("[[cue]]\nany = ['x']\nweight = true\n", "cue 1.weight must be a number"),
        ("[[cue]]\nany = []\nweight = 1\n", "cue 1.any must be a non-empty list"),
        (
            "[[cue]]\nany = ['x']\nweight = 1\nnegatable = 'yes'\n",
            "negatable must be true or false",
        ),
        ("[[cue]\n", "not valid TOML"),
    ],
)
def test_mistakes_name_the_cue(text: str, message: str) -> None:
    with pytest.raises(CueTableError, match=message):
        parse_cues(LABELS + text, "mine.toml")


def test_word_lists() -> None:
    table = parse_cues(LABELS + "[negators]\nany = ['not', 'never']\n")
    assert table.negators == "not|never"
    # a list left out never matches
    assert re.search(table.advice, "practise more") is None
    with pytest.raises(CueTableError, match="mine.toml: unknown tables \\['negator'\\]"):
        parse_cues(LABELS + "[negator]\nany = ['not']\n", "mine.toml")
    with pytest.raises(CueTableError, match="mine.toml: advice.any must be a non-empty list"):
        parse_cues("advice = ['stop']\n" + LABELS, "mine.toml")


def test_shipped_word_lists_are_used() -> None:
    table = cue_table()
    assert re.fullmatch(table.negators, "instead of")
    assert re.fullmatch(table.advice, "practise")
    assert re.fullmatch(table.discourse, "honestly")


def test_labels_are_required() -> None:
    with pytest.raises(CueTableError, match="mine.toml: labels.well"):
        parse_cues("[[cue]]\nany = ['x']\nweight = 1\n", "mine.toml")
    assert issubclass(CueTableError, RecoveryAnalyticsError)


def test_cue_is_a_value() -> None:
    assert Cue("x", 1.0) == Cue("x", 1.0, negatable=False, hypothetical=False)
