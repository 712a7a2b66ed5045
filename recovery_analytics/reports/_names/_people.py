"""Find other people's names in one text, word by word, in one pass.

The text is cut into words by one regular expression (letters, with inner
apostrophes); each word gets a class from the word lists, then a few passes
over the list of words look at its neighbours. Every step looks at a fixed
number of neighbours, so the work grows linearly with the length of the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from ._lists import fold, marked, words

__all__ = ["Phrases", "find_people", "tokens_of"]

#: A word: letters, with apostrophes inside ("O'Brien", "Tom's").
WORD: Final = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_POSSESSIVE: Final = re.compile(r"['’][sS]$")
_CAMEL: Final = re.compile(r"(?<=[a-z])(?=[A-Z])")

# What a word is, before its neighbours are looked at.
HIDE, MAYBE, KEEP = 2, 1, 0

#: Words before a name that say "person": "with Sarah", "ping Gareth".
BEFORE: Final = frozenset(
    """with w met meet meeting ask asked asking tell told thank thanked thanks
    email emailed emailing message messaged text texted call called ring rang
    phone phoned ping pinged cc bcc dm dear hi hey hello chase chased remind
    reminded contact contacted invite invited introduced via named and""".split()
)
#: Words after a name that say "person": "Will said", "Grace was late".
AFTER: Final = frozenset(
    """said says asked asks told tells mentioned explained interrupted laughed
    smiled nodded replied promised emailed wrote rang called messaged texted
    introduced thanked grilled seemed seems looked looks was is has had thinks
    thought liked loved wants wanted agreed suggested offered joined left gave
    sent ran runs led leads took kept cut did does didn't doesn't wasn't isn't
    pushed probed challenged interviewed sat walked showed warned
    reckons felt feels knows knew are were""".split()
)
#: Roles written before a name: "the recruiter, Noemi", "Panel: JP".
ROLES: Final = frozenset(
    """interviewer interviewers recruiter recruiters manager managers panel
    panellist panelist director founder lead head boss colleague engineer
    referee mentor coach friend partner ceo cto cfo coo cio cpo vp hr md ta pa
    receptionist assistant chair contact""".split()
)
#: Teams after "from": "Sarah from HR".
TEAMS: Final = frozenset(
    """hr it pr ta recruitment recruiting talent people engineering finance
    sales marketing legal product design data operations ops support agency
    team""".split()
)
#: Titles before a name, in any case, with or without a full stop.
TITLES: Final = frozenset(
    "mr mrs ms miss mx dr prof professor sir dame rev lady lord madam".split()
)
#: Parts of a family name written in lower case: "van der Berg", "bin Rashid".
PARTICLES: Final = frozenset(
    """van von der den de la le da di du del della dos das ten ter bin binti
    bint ibn al el abu st""".split()
)
#: Particles that are rarely anything else: "van Dijk", "bin Rashid".
_STRONG_PARTICLES: Final = frozenset(
    "van von der den bin binti bint ibn abu della dos das ter".split()
)
#: First names that are also months, spelt out in dates: a name only with a cue.
MONTHS: Final = frozenset({"april", "may", "june", "august"})
_DETERMINERS: Final = frozenset("the a an our my their his her your".split())
_JOINS: Final = frozenset({",", "and", "&", "+", "/", "or", "und"})
_SENTENCE_END: Final = frozenset(".!?:;•")


@dataclass
class _Word:
    start: int
    end: int  # the end of the name, before a possessive "'s"
    text: str
    key: str  # folded
    shape: str  # "title", "upper", "lower"
    first: bool = False  # the first word of a sentence
    heading: bool = False  # in a heading or a shouted sentence
    level: int = KEEP
    forced: bool = False  # the user named it, or a title or cue says so


@dataclass(frozen=True)
class Phrases:
    """Word sequences to find, keyed by their first folded word.

    Examples
    --------
    >>> p = Phrases.of(["Tom Baker", "Tom"])
    >>> p.starts["tom"], p.starts["tombaker"]
    ((('tom', 'baker'), ('tom',)), (('tombaker',),))
    """

    starts: Mapping[str, tuple[tuple[str, ...], ...]]

    @classmethod
    def of(cls, phrases: Iterable[str]) -> Phrases:
        found: dict[str, set[tuple[str, ...]]] = {}
        for phrase in phrases:
            parts = tuple(fold(m.group(0)) for m in WORD.finditer(phrase))
            if not parts:
                continue
            for seq in {parts, ("".join(parts),)}:
                found.setdefault(seq[0], set()).add(seq)
        starts = {k: tuple(sorted(v, key=len, reverse=True)) for k, v in found.items()}
        return cls(starts)

    def match(self, tokens: list[_Word], i: int) -> int:
        """How many words from ``tokens[i]`` on form one of the phrases (0: none)."""
        for seq in self.starts.get(tokens[i].key, ()):
            n = len(seq)
            if i + n <= len(tokens) and all(tokens[i + k].key == seq[k] for k in range(n)):
                return n
        return 0


def _shape(word: str) -> str:
    letters = word.replace("'", "").replace("’", "")
    if len(letters) > 1 and letters.isupper():
        return "upper"
    if len(letters) > 2 and letters[-1] == "s" and letters[:-1].isupper():
        return "upper"  # "RFCs", "KPIs"
    return "title" if letters[0].isupper() else "lower"


@lru_cache(maxsize=1 << 16)
def _word_facts(word: str) -> tuple[int, str, str, str]:
    """What a word found by ``WORD`` gives its token: the characters cut from
    its end (a possessive "'s"), the word without them, its key and its shape."""
    cut = 2 if _POSSESSIVE.search(word) and len(word) > 3 else 0
    bare = word[:-cut] if cut else word
    return cut, bare, fold(bare), _shape(bare)


def tokens_of(text: str) -> list[_Word]:
    """The words of ``text``, each with its place, key and shape."""
    out: list[_Word] = []
    for m in WORD.finditer(text):
        cut, word, key, shape = _word_facts(m.group(0))
        out.append(_Word(m.start(), m.end() - cut, word, key, shape))
    return out


def _gap(text: str, tokens: list[_Word], i: int) -> str:
    """The characters between word ``i`` (before any possessive) and word ``i + 1``."""
    return text[tokens[i].end : tokens[i + 1].start]


def _possessive(text: str, w: _Word) -> bool:
    return text[w.end : w.end + 2] in ("'s", "’s", "'S", "’S")


def _mark_sentences(text: str, tokens: list[_Word], file_name: bool) -> None:
    """Set ``first`` on the first word of each sentence, and on every word of a
    heading or a shouted sentence (where capitals say nothing about names)."""
    begin = 0
    for i, w in enumerate(tokens):
        if i == 0:
            w.first = True
            continue
        gap = _gap(text, tokens, i - 1).strip()
        prev = tokens[i - 1]
        initial = len(prev.text) == 1 or prev.key in TITLES
        if "\n" in text[prev.end : w.start] or (
            gap and gap[-1] in _SENTENCE_END and not (gap == "." and initial)
        ):
            w.first = True
            _headings(tokens, begin, i)
            begin = i
    _headings(tokens, begin, len(tokens))
    if file_name:
        for w in tokens:
            w.first = w.heading = False


def _headings(tokens: list[_Word], begin: int, end: int) -> None:
    long = [w for w in tokens[begin:end] if len(w.text) > 3]
    if len(long) >= 2 and all(w.shape != "lower" for w in long):
        for w in tokens[begin:end]:
            w.heading = True


_CONTRACTIONS: Final = ("n't", "'ll", "'re", "'ve", "'d", "'m")


def _ordinary(key: str) -> bool:
    """An ordinary English word, contractions included ("couldn't", "I'll")."""
    if key in words("words"):
        return True
    if key.endswith("s") and key[:-1] in words("words"):
        return True  # "analytics"
    for end in _CONTRACTIONS:
        if key.endswith(end):
            base = key[: -len(end)]
            return base in ("i", "ca", "wo", "sha") or base in words("words")
    return False


def _classify(w: _Word, mode: str, text: str) -> int:
    """HIDE, MAYBE or KEEP for one word from the lists alone."""
    key = w.key
    if key in marked("keep") and w.shape == "title":
        return MAYBE  # "Ruby", "Sydney": a name only where the words around say so
    if len(key) < 2 or key in words("keep") or key in TITLES or _glued_to_digit(text, w):
        return KEEP
    for end in _CONTRACTIONS:  # "DM'd", "HR'll": the word before the ending
        if key.endswith(end) and key[: -len(end)] in words("keep"):
            return KEEP
    first = key in words("first_names")
    family = key in words("surnames")
    ordinary = _ordinary(key)
    place = key in words("places")
    if key in MONTHS:
        return MAYBE
    camel = _CAMEL.search(w.text) is not None and w.shape == "title"
    if camel and not (first or family) and not key.startswith(_NAME_PREFIXES):
        return HIDE if _camel_name(w.text) else KEEP  # "TomBaker", "HireVue"
    if mode == "file_name":
        if (first or family) and not ordinary:
            return HIDE
        if len(key) > 4 and key[1:] in words("surnames") and key not in words("words"):
            return HIDE  # "jsmith"
        return MAYBE if first else KEEP
    if w.shape == "lower":
        if first and not ordinary:
            return HIDE
        return MAYBE if first and len(key) > 2 else KEEP
    if w.shape == "upper":
        if len(key) <= 3:  # "JP", "TB", "LPA", "RM": initials or an acronym
            return MAYBE
        if (first or family) and not ordinary:
            return HIDE
        return MAYBE if first else KEEP
    known = first or family or ordinary or place
    if mode == "company":  # unknown words are brand names
        if (first or family) and not ordinary:
            return HIDE
        return MAYBE if first or family else KEEP
    if w.first or w.heading:  # the first word of a sentence, or a heading
        if (first or family) and not ordinary and not place:
            return HIDE
        if not known and not _compound(key):
            return HIDE if w.shape == "title" else KEEP
        return MAYBE if first or family or place else KEEP
    if first or (family and not ordinary and not place):
        return HIDE
    if not known:
        return KEEP if _compound(key) else HIDE
    return MAYBE if family or place else KEEP


#: How names glued to a capital start: McKenzie, MacDonald, DeShawn, LaToya.
_NAME_PREFIXES: Final = ("mc", "mac", "de", "di", "la", "le", "van", "o'")


def _glued_to_digit(text: str, w: _Word) -> bool:
    """'IR35', 'Q3', 'B2B': a code, not a name."""
    before = text[w.start - 1 : w.start]
    after = text[w.end : w.end + 1]
    return before.isdigit() or after.isdigit()


def _compound(key: str) -> bool:
    """Two ordinary words glued together ("cloudberry", "northgate",
    "brightwave"): a brand name more often than a person's."""
    for cut in range(3, len(key) - 2):
        head, tail = key[:cut], key[cut:]
        if head in words("words") and tail in words("words") and len(tail) >= 3:
            return key not in words("surnames")
    return False


def _camel_name(text: str) -> bool:
    """'TomBaker', 'PriyaSharma': a first name glued to another word."""
    parts = [fold(p) for p in _CAMEL.split(text)]
    if len(parts) < 2 or parts[0] not in words("first_names"):
        return False
    rest = parts[1:]
    return parts[0] not in words("words") or all(
        p in words("surnames") or p in words("first_names") for p in rest
    )


def find_people(
    text: str,
    *,
    mode: str = "text",
    names: Phrases | None = None,
    known: Phrases | None = None,
    find: bool = True,
    tokens: list[_Word] | None = None,
) -> list[tuple[int, int]]:
    """The spans of ``text`` that name a person, merged, in order.

    ``mode`` is ``"text"`` (free text), ``"company"`` or ``"file_name"``
    (where words not in the lists are taken for brand names, not people).
    ``names`` are always hidden; ``known`` (the log's own clients and
    companies, replaced elsewhere) never are. With ``find=False`` only
    ``names`` are looked for. ``tokens`` are ``tokens_of(text)`` when the
    caller has them already (they are marked up in place).
    """
    if tokens is None:
        tokens = tokens_of(text)
    if not tokens:
        return []
    _mark_sentences(text, tokens, mode == "file_name")
    keep_known = [False] * len(tokens)
    i = 0
    while i < len(tokens):
        n = names.match(tokens, i) if names else 0
        if n:
            for w in tokens[i : i + n]:
                w.level, w.forced = HIDE, True
            i += n
            continue
        n = known.match(tokens, i) if known else 0
        for k in range(i, i + n):
            keep_known[k] = True
        i += max(n, 1)
    if not find:
        return _spans(tokens, [_gap(text, tokens, k) for k in range(len(tokens) - 1)])
    for k, w in enumerate(tokens):
        if not w.forced and not keep_known[k]:
            w.level = _classify(w, mode, text)
    gaps = [_gap(text, tokens, k) for k in range(len(tokens) - 1)]
    _particle_runs(tokens)
    _initials(text, tokens)
    _cues(text, tokens, gaps, keep_known)
    _chains(tokens, gaps, keep_known, mode)
    return _spans(tokens, gaps)


def _cues(text: str, tokens: list[_Word], gaps: list[str], keep: list[bool]) -> None:
    """MAYBE becomes HIDE where the words around say "person"."""
    n = len(tokens)
    for i, w in enumerate(tokens):
        prev = tokens[i - 1] if i else None
        gap_before = gaps[i - 1].strip() if i else ""
        # after a title: Dr Patel, Prof. Lindqvist, Mr T. Adeyinka, Ms O'Sullivan
        if prev is not None and prev.key in TITLES and gap_before in ("", "."):
            target = i + 1 if len(w.text) == 1 and i + 1 < n else i
            while target < n - 1 and tokens[target].key in PARTICLES:
                target += 1
            if not keep[target] and tokens[target].key not in words("keep"):
                for t in tokens[i : target + 1]:
                    t.level, t.forced = HIDE, True
            continue
        if w.level != MAYBE or keep[i]:
            continue
        nxt = tokens[i + 1] if i + 1 < n else None
        gap_after = gaps[i].strip() if nxt is not None else ""
        before = (
            prev is not None
            and gap_before in ("", "/")
            and prev.key in BEFORE
            and (prev.shape == "lower" or prev.first)  # "Google Meet link" is no cue
        )
        if before and prev is not None and prev.key == "and":
            before = False  # "X and Y" is left to the lists
        role = (
            prev is not None
            and gap_before in ("", ",", ":")
            and prev.key in ROLES
            and w.shape != "lower"
        )
        after = nxt is not None and gap_after in ("", ",") and nxt.key in AFTER
        from_team = (
            nxt is not None
            and nxt.key == "from"
            and gap_after == ""
            and any(t.key in TEAMS for t in tokens[i + 2 : i + 5])
        )
        and_i = (
            nxt is not None and nxt.key == "and" and i + 2 < n and tokens[i + 2].key in ("i", "me")
        )
        initial = (
            nxt is not None
            and w.shape == "title"
            and len(nxt.text) == 1
            and nxt.text.isupper()
            and text[nxt.end : nxt.end + 1] == "."
        )
        own = _possessive(text, w) and w.shape != "lower"
        # "Tom, the recruiter, said", "Tom (the CTO)"
        role_after = (
            nxt is not None
            and gap_after in (",", "(")
            and nxt.key in _DETERMINERS
            and any(t.key in ROLES for t in tokens[i + 2 : i + 5])
        )
        bracket = text[w.start - 1 : w.start] == "(" and text[w.end : w.end + 1] == ")"
        if any((before, role, after, from_team, and_i, initial, own, bracket, role_after)):
            w.level = HIDE
            if initial and nxt is not None:
                nxt.level = HIDE


def _name_like(w: _Word) -> bool:
    return w.key in words("first_names") or w.key in words("surnames")


def _chains(tokens: list[_Word], gaps: list[str], keep: list[bool], mode: str) -> None:
    """A hidden word takes its neighbours along: the family name after a first
    name, particles, initials, and the other names of a list."""
    n = len(tokens)
    joins = {"", "-"} | ({"_", "."} if mode == "file_name" else set())
    _pairs(tokens, gaps, keep)
    for _ in range(2):  # forward, then backward, twice
        for i in range(n - 1):
            _pull(tokens, gaps, keep, i, i + 1, joins)
            _list(tokens, gaps, keep, i, +1)
        for i in range(n - 1, 0, -1):
            _pull(tokens, gaps, keep, i, i - 1, joins)
            _list(tokens, gaps, keep, i, -1)


def _pairs(tokens: list[_Word], gaps: list[str], keep: list[bool]) -> None:
    """'Tom Baker': a first name and a family name side by side are a person,
    even when both are also words."""
    for i in range(len(tokens) - 1):
        a, b = tokens[i], tokens[i + 1]
        if keep[i] or keep[i + 1] or gaps[i].strip() or a.shape == "lower":
            continue
        if a.shape != b.shape or a.level == KEEP:
            continue
        if a.key in words("first_names") and b.key in words("surnames") and a.shape == b.shape:
            a.level = b.level = HIDE
    # "Heather and Holly", "Faith & June": two first names joined as a list
    for i in range(len(tokens) - 2):
        a, mid, b = tokens[i], tokens[i + 1], tokens[i + 2]
        joined = mid.key in ("and", "or") and not gaps[i].strip() and not gaps[i + 1].strip()
        if not joined or keep[i] or keep[i + 2] or a.shape != "title" or b.shape != "title":
            continue
        if a.level == MAYBE and b.level == MAYBE and _first_names(a, b):
            a.level = b.level = HIDE
    for i in range(len(tokens) - 1):
        a, b = tokens[i], tokens[i + 1]
        if gaps[i].strip() in ("&", "+") and a.shape == b.shape == "title" and _first_names(a, b):
            if not (keep[i] or keep[i + 1]) and KEEP not in (a.level, b.level):
                a.level = b.level = HIDE


def _first_names(*ws: _Word) -> bool:
    return all(w.key in words("first_names") and w.key not in MONTHS for w in ws)


def _pull(
    tokens: list[_Word], gaps: list[str], keep: list[bool], i: int, j: int, joins: set[str]
) -> None:
    """Word ``j``, beside hidden word ``i`` with no punctuation between, joins it."""
    src, dst = tokens[i], tokens[j]
    if src.level != HIDE or dst.level == HIDE or keep[j] or dst.key in TITLES:
        return
    if (j < i and dst.key in BEFORE) or (dst.shape == "lower" and dst.key in AFTER):
        return  # "Ping Gareth", "mark said": the verb stays
    gap = gaps[min(i, j)].strip()
    if len(dst.text) == 1 and dst.text.isupper() and gap == "." and j < i:
        dst.level = HIDE  # the initial of "J. Smith"
        return
    if gap not in joins:
        return
    if dst.key in PARTICLES and j > i:
        k = j
        while k < len(tokens) - 1 and tokens[k].key in PARTICLES and not gaps[k].strip():
            k += 1
        if tokens[k].shape != "lower" and tokens[k].key not in words("keep"):
            for t in tokens[j : k + 1]:
                t.level = HIDE
        return
    if dst.key in words("keep"):
        # "Sarah Jenkins", "Zhang San": a name that is also a tool or a place
        # word, right after another name
        after_name = j > i and _name_like(src) and src.shape == dst.shape and gap == ""
        if after_name and _name_like(dst):
            dst.level = HIDE
        return
    if dst.shape == "lower" and src.shape != "lower" and gap != "-":
        return
    if dst.level == MAYBE or gap == "-" or len(dst.text) == 1 or dst.shape == src.shape:
        if dst.level == MAYBE or not _ordinary(dst.key) or _name_like(dst):
            dst.level = HIDE


def _list(tokens: list[_Word], gaps: list[str], keep: list[bool], i: int, step: int) -> None:
    """'Faith and June', 'Oscar / Ruby / Kenji', 'Tom, Priya and Wei': a name in
    a list with a hidden name is hidden too."""
    src = tokens[i]
    j = i + step
    if src.level != HIDE or not 0 <= j < len(tokens):
        return
    gap = gaps[min(i, j)].strip()
    if gap in ("", "-") and tokens[j].key in ("and", "or", "und", "y", "et"):
        k = j + step
        if not 0 <= k < len(tokens) or gaps[min(j, k)].strip():
            return
    elif gap in (",", "&", "+", "/", ";", ", and", ",and", "&amp;"):
        k = j
    else:
        return
    dst = tokens[k]
    if dst.level == HIDE or keep[k] or not _name_like(dst):
        return
    if dst.shape == "lower" and src.shape != "lower":
        return
    dst.level = HIDE


def _initials(text: str, tokens: list[_Word]) -> None:
    """'E.L.', 'D.W.': two or more capital initials, each with a full stop."""
    i = 0
    while i < len(tokens):
        k = i
        while (
            k < len(tokens)
            and len(tokens[k].text) == 1
            and tokens[k].text.isupper()
            and text[tokens[k].end : tokens[k].end + 1] == "."
            and (k == i or tokens[k].start == tokens[k - 1].end + 1)
        ):
            k += 1
        if k - i >= 2 and "".join(t.key for t in tokens[i:k]) not in words("keep"):
            for t in tokens[i:k]:
                t.level = HIDE
        i = max(k, i + 1)


def _spans(tokens: list[_Word], gaps: list[str]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for i, w in enumerate(tokens):
        if w.level != HIDE:
            continue
        if spans and i and tokens[i - 1].level == HIDE and gaps[i - 1].strip(" .-") == "":
            spans[-1] = (spans[-1][0], w.end)
        else:
            spans.append((w.start, w.end))
    return spans


def _particle_runs(tokens: list[_Word]) -> None:
    """'van der Berg' with no first name: a particle run before a capitalised
    word that is not in the keep list is a family name."""
    for i, w in enumerate(tokens):
        if w.key not in PARTICLES or w.shape != "lower":
            continue
        k = i
        while k < len(tokens) and tokens[k].key in PARTICLES:
            k += 1
        if k == len(tokens) or tokens[k].shape != "title":
            continue
        strong = k - i > 1 or w.key in _STRONG_PARTICLES
        if tokens[k].level == HIDE or (strong and tokens[k].level == MAYBE):
            for t in tokens[i : k + 1]:
                t.level = HIDE
