"""Arrow-side cleaning and tag extraction agree with the plain Python rules."""

from __future__ import annotations

import re

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from recovery_analytics._lists import TAG_RE, explode, split_items

words = st.lists(
    st.one_of(
        st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")),
        st.sampled_from(list("#&/-_ \t;.)1") + ["\u00a0", "\u2028", "\u00e9", "- ", "2. "]),
    ),
    max_size=25,
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
                expected_tags.append(tuple(dict.fromkeys(t.lower() for t in TAG_RE.findall(text))))
    assert items["text"].tolist() == expected_text
    assert items["tags"].tolist() == expected_tags
