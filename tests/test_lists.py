"""Arrow-side cleaning and tag extraction agree with the plain Python rules."""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from recovery_analytics import Entry, entry_from_mapping
from recovery_analytics._lists import explode, split_items
from recovery_analytics.model import TAG_PATTERN, find_tags

words = st.lists(
    st.one_of(
        st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")),
        st.sampled_from(list("#&/-_ \t;.)1") + ["\u00a0", "\u2028", "\u00e9", "- ", "2. "]),
    ),
    max_size=25,
).map("".join)

# text made to hit the tag rule's edges: '#' after letters, '&', '/', digits,
# non-ASCII letters before, inside and after a tag, and tags written twice
tag_text = st.lists(
    st.one_of(
        st.sampled_from(
            ["#", "#a", "#Nerves", "#nerves", "#x-y_z", "C#", "&#a", "/#a", "é#a", "#é", "#aé"]
        ),
        st.sampled_from(list(" aZ9_-&/.,\u00a0\u00e9\u0434")),
        st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")),
    ),
    max_size=12,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.lists(words, min_size=1, max_size=8))
def test_items_match_python_rules(cells: list[str]) -> None:
    items = split_items(explode(pd.Series(cells, dtype=object)))
    expected_text, expected_tags = [], []
    for cell in cells:
        parts = cell.split("\n") if "\n" in cell else cell.split(";")
        for part in parts:
            text = " ".join(part.split())
            text = re.sub(r"^(?:[-*+\u2022]|[0-9]+[.)]) ", "", text, count=1)
            if text:
                expected_text.append(text)
                expected_tags.append(find_tags(text))
    assert items["text"].tolist() == expected_text
    assert items["tags"].tolist() == expected_tags


@settings(max_examples=300, deadline=None)
@given(st.lists(tag_text, min_size=1, max_size=6))
def test_column_tags_are_exactly_find_tags(texts: list[str]) -> None:
    """The numpy/Arrow tag path gives model.find_tags for any text, item by item."""
    # "x " first: no cell starts with a bullet the splitter would remove
    cells = ["x " + t.replace("\n", " ").replace(";", " ") for t in texts]
    items = split_items(explode(pd.Series(cells, dtype=object)))
    expected = [find_tags(" ".join(c.split())) for c in cells]
    assert items["tags"].tolist() == expected


def test_find_tags_follows_the_pattern_once_each() -> None:
    text = "calm #Nerves then #nerves, C# and R&D#x, #star"
    found = [t.lower() for t in re.findall(TAG_PATTERN, text)]
    assert found == ["nerves", "nerves", "star"]
    assert find_tags(text) == ("nerves", "star")


def test_entry_and_validation_give_the_same_deduplicated_tags() -> None:
    built = Entry(interview_date=dt.date(2026, 3, 4), went_well=["calm #nerves #nerves"])  # type: ignore[list-item]
    validated = entry_from_mapping(
        {"interview_date": "2026-03-04", "went_well": ["calm #nerves #nerves"]}
    )
    assert built.went_well[0].tags == ("nerves",)
    assert validated.went_well[0].tags == built.went_well[0].tags
