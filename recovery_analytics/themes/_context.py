"""Context: is an item about the writer's own interview at all?

Items written as lists are; prose cut into items is often not: opinions on
hiring, advice to readers, facts about the world ("Programmer jobs are pretty
much everywhere", "If you're a local, it means taking a bus"). Such sentences
mention a theme's words without being a strength or a weakness, and a coach
would not chart them. An item counts as *general* (and gets no theme from the
rules; explicit ``#tags`` still win) when it is a long, prose-like sentence
(:data:`LONG` characters or more) and

- it carries a web link, or gives an opinion or advice to readers ("in my
  opinion", "Takeaway:", "Unless you ...", "If we could ..."), or
- it speaks to a generic "you" with no first person and no question put to
  the writer ("how would you design ..."), or
- it states how things are (a present-tense verb) with no first person, no
  past tense, no interviewer and no question: a statement about the world.

The regexes are RE2-compatible so a whole column is checked with a few
yes/no passes, only over the long items that got a theme.
"""

from __future__ import annotations

import functools
import re
from typing import Final

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

__all__ = ["LONG", "general_mask", "is_general"]

#: Items shorter than this (characters) are never judged general: list items are short.
LONG: Final = 60

_LINK: Final = r"(?i)\]\(https?:|https?://"
_FIRST: Final = r"(?i)\b(?:i|me|my|myself|mine|we|us|our|i'm|i've|i'd|i'll|im|ive)\b"
_YOU: Final = r"(?i)\b(?:you|your|you're|you'll|you'd|yourself|one's)\b"
_QUESTION: Final = (
    r"(?i)\b(?:would|could|can|do|did|have|are|were|will|should) you\b|\btell me\b"
    r"|\bask(?:ed|s|ing)?\b"
    r"|^\W*\w+(?: \w+){0,3}:"
)
_PRESENT: Final = (
    r"(?i)\b(?:is|are|isn't|aren't|it's|its|there's|that's|can|will|would|might|may|means|"
    r"makes|comes|gets|seems|needs|has|have|remains|works|goes|takes)\b"
)
_OPINION: Final = (
    r"(?i)\bin my (?:humble )?opinion\b|\bimo\b|\bimho\b|\byou could argue\b|\bi'd argue\b"
    r"|^\W*(?:takeaway|tip|pro tip|tl;?dr|moral of the story)\W|^\W*(?:of course )?unless\b"
    r"|^\W*this is because\b|^\W*(?:in fact )?if (?:this|we|you|they|one)\b"
)
_PAST: Final = (
    r"(?i)\b(?:\w+ed|was|were|had|did|didn't|got|went|came|said|told|gave|asked|made|took|"
    r"felt|thought|knew|saw|met|ran|left|sat|began|found|spent|wrote|could|couldn't|wasn't|"
    r"weren't|been|hung|hangs|asks|says|\w+n'?t)\b"
)
_PERSON: Final = (
    r"(?i)\b(?:interviewers?|recruiters?|him|her|he|she|they|them|panel|hm|hiring manager)\b"
)


def _either(*regexes: str) -> str:
    """One alternation of ``(?i)`` regexes."""
    return "(?i)" + "|".join(f"(?:{r.removeprefix('(?i)')})" for r in regexes)


def _has(arr: pa.Array, regex: str) -> np.ndarray:
    found = pc.fill_null(pc.match_substring_regex(arr, regex), False)
    return np.asarray(found.to_numpy(zero_copy_only=False), dtype=bool)


def general_mask(arr: pa.Array | pa.ChunkedArray, candidates: np.ndarray) -> np.ndarray:
    """Per item, whether it is general (see the module docs); only ``candidates`` are checked.

    Examples
    --------
    >>> import numpy as np, pyarrow as pa
    >>> texts = pa.array([
    ...     "Programmer jobs are pretty much everywhere, in every city and every country.",
    ...     "I rambled about my thesis for far too long and the interviewer looked bored.",
    ...     "prep paid off",
    ... ])
    >>> general_mask(texts, np.ones(3, dtype=bool)).tolist()
    [True, False, False]
    """
    out = np.zeros(len(arr), dtype=bool)
    lengths = np.asarray(pc.fill_null(pc.utf8_length(arr), 0).to_numpy(zero_copy_only=False))
    rows = np.flatnonzero(candidates & (lengths >= LONG))
    if not len(rows):
        return out
    texts = arr.take(pa.array(rows))
    general = _has(texts, _either(_LINK, _OPINION))
    # the rest only where nothing ties the sentence to the writer or a question put to them
    open_ = np.flatnonzero(~general & ~_has(texts, _either(_FIRST, _QUESTION)))
    if len(open_):
        rest = texts.take(pa.array(open_))
        told = _has(rest, _either(_PAST, _PERSON))
        general[open_] = _has(rest, _YOU) | (_has(rest, _PRESENT) & ~told)
    out[rows] = general
    return out


@functools.cache
def _python(regex: str) -> re.Pattern[str]:
    return re.compile(regex.removeprefix("(?i)"), re.IGNORECASE | re.ASCII)


def is_general(text: str) -> bool:
    """Whether one sentence is general, not about the writer's interview (module docs).

    The same rule as :func:`general_mask`, with Python's ``re`` for one text.

    Examples
    --------
    >>> is_general("If you're a local, it means taking a bus, metro, taxi, walking, whatever.")
    True
    >>> is_general("I could barely understand the interviewer over the cellphone line.")
    False
    """
    if len(text) < LONG:
        return False

    def has(regex: str) -> bool:
        return _python(regex).search(text) is not None

    if has(_LINK) or has(_OPINION):
        return True
    if has(_FIRST) or has(_QUESTION):
        return False
    return has(_YOU) or (has(_PRESENT) and not has(_PAST) and not has(_PERSON))
