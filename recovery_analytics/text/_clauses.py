"""Clause cutting: a sentence that joins what went well and what went wrong.

"X went well but Y was a disaster", "although ..., ...", "; however ..." are
cut into their clauses; the joining word stays with the clause it
introduces. A sentence is cut only where the parts have opposite polarity.
"""

from __future__ import annotations

import re

from ._polarity import polarity, score
from ._segment import WORD

__all__ = ["clauses"]

# clause cut points: the right-hand clause starts with the matched word
_STRONG_CUT = re.compile(
    r"(?:[,;]\s*|\s+)(?<!\ball )(?<!\banything )(?<!\bnothing )(?<!\blast )(?<!\beven )"
    r"(?=(?:but|however|although|even though|whereas|except|that said|on the other hand|"
    r"on the plus side|on the bright side|on the flip side|the only (?:thing|problem|issue))\b)"
    r"|[,;]\s*(?=(?:yet|still|then again|though)\b)"
    r"|;\s*",
    re.IGNORECASE,
)
_WEAK_CUT = re.compile(
    r",?\s+(?=and\b(?! then\b)(?! so\b))|,\s*(?=(?:then|plus|and then)\b)|\s+[-\u2013\u2014]+\s+",
    re.IGNORECASE,
)
_LEADING_SUBORDINATE = re.compile(
    r"^(?:although|though|even though|while|whilst|despite|in spite of|even if)\b[^,;]{3,}?,\s*",
    re.IGNORECASE,
)
_CUT_EDGE = " \t,;:-\u2013\u2014"


def _cuts(sentence: str) -> list[tuple[int, int, bool]]:
    """Candidate cut points as (end of left part, start of right part, strong)."""
    found: dict[int, tuple[int, int, bool]] = {}
    lead = _LEADING_SUBORDINATE.match(sentence)
    if lead:
        found[lead.end()] = (lead.end(), lead.end(), True)
    for m in _STRONG_CUT.finditer(sentence):
        if m.start() > 0 and m.end() < len(sentence):
            found.setdefault(m.end(), (m.start(), m.end(), True))
    for m in _WEAK_CUT.finditer(sentence):
        if m.start() > 0 and m.end() < len(sentence):
            found.setdefault(m.end(), (m.start(), m.end(), False))
    return [found[k] for k in sorted(found)]


def clauses(sentence: str) -> list[str]:
    """Cut a sentence where it joins clauses of opposite polarity."""
    spans: list[tuple[int, int]] = []  # (start, end) of each segment
    strong: list[bool] = []  # strong[i]: the cut between segment i and i + 1
    pos = 0
    for left_end, right_start, is_strong in _cuts(sentence):
        if left_end <= pos:
            continue
        spans.append((pos, left_end))
        strong.append(is_strong)
        pos = right_start
    spans.append((pos, len(sentence)))
    if len(spans) == 1:
        return [sentence]
    segments = [sentence[a:b] for a, b in spans]
    if not all(WORD.search(s) for s in segments):
        return [sentence]  # a cut next to a fragment without words: do not cut
    pols = [polarity(s) for s in segments]
    if len({p for p in pols if p is not None}) < 2:
        return [sentence]
    n = len(segments)
    # neutral segments take the polarity of the neighbour across the weaker cut
    resolved = list(pols)
    for i, pol in enumerate(pols):
        if pol is not None:
            continue
        go_right = i == 0 or (i < n - 1 and strong[i - 1] and not strong[i])
        for step in (1, -1) if go_right else (-1, 1):
            j = i
            while 0 <= j < n and pols[j] is None:
                j += step
            if 0 <= j < n:
                resolved[i] = pols[j]
                break
    groups: list[list[int]] = [[0]]
    for i in range(1, n):
        same = resolved[groups[-1][-1]] == resolved[i]
        # a weak cut ("and", a dash) only splits off a clearly polarised clause
        weak_and_mild = not strong[i - 1] and abs(score(segments[i])) < 1.5
        if same or weak_and_mild:
            groups[-1].append(i)
        else:
            groups.append([i])
    pieces = (sentence[spans[g[0]][0] : spans[g[-1]][1]].strip(_CUT_EDGE) for g in groups)
    return [p for p in pieces if p]
