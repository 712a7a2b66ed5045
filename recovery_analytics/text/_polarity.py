"""Polarity of one clause: did it go well, go wrong, or say neither?

The score of a clause is the sum of the weights of the cue phrases it
contains (the tables in ``cues.toml``, see :mod:`._cues`) plus the VADER
compound score (``vaderSentiment``, whose lexicon ships inside the package, so
nothing is downloaded). VADER is tuned for social media; where a domain cue is
present it dominates, and VADER alone decides only clauses without any cue.
On top of the cues:

- negation flips a cue ("didn't struggle", "not great", "instead of
  panicking", "less nervous"); a negation with no cue in reach counts as a
  small minus, unless VADER's lexicon rates the negated word negative
  ("wasn't intimidated");
- what follows a counterfactual ("should have", "next time", "wish I had")
  in its clause is hypothetical, so good-sounding words there do not count,
  and a clause that opens with an imperative ("practise estimation",
  "don't ramble") is advice to self, a thing to improve;
- scene-setting clauses ("even though ...", "when they asked ...") and what
  comes before a "but" weigh less; quoted questions and question topics
  ("they asked about my biggest weakness") do not count at all.

Accuracy and speed on the sets in ``tests/text`` are kept in
``benchmarks/RESULTS.md``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import Any, NamedTuple

from ..themes import is_general
from ._check import FreeTextTypeError, Polarity, check_text
from ._cues import cue_table

__all__ = ["classify_polarity", "polarity", "score"]

# ---------------------------------------------------------------------------
# VADER: built once, on first use
# ---------------------------------------------------------------------------


@functools.cache
def _analyser() -> Any:
    """The shared VADER analyser (its lexicon is loaded once)."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


_VADER_CHUNK = 50  # words; VADER's time grows with the square of a text's length


def _vader(text: str) -> float:
    """VADER compound score; very long run-on clauses are scored in chunks."""
    words = text.split()
    if not words:
        return 0.0
    if len(words) <= 2 * _VADER_CHUNK:
        return float(_analyser().polarity_scores(text)["compound"])
    chunks = [words[i : i + _VADER_CHUNK] for i in range(0, len(words), _VADER_CHUNK)]
    scores = [_analyser().polarity_scores(" ".join(c))["compound"] for c in chunks]
    return float(sum(s * len(c) for s, c in zip(scores, chunks, strict=True)) / len(words))


# ---------------------------------------------------------------------------
# Normalisation
# ---------------------------------------------------------------------------

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u201c": '"', "\u201d": '"'})

# Common spellings without apostrophes, and the contracted modals.
_NORMALISE: list[tuple[re.Pattern[str], str]] = [
    (re.compile(p), r)  # applied to lower-cased text
    for p, r in [
        (r"\b(should|could|would|must|might)(?:'ve|ve|a)\b", r"\1 have"),
        (r"\bdi(?:dn'?t|nt|n't)\b", "didn't"),
        (
            r"\b(was|were|is|are|could|would|should|does|do|has|have|had|ca|wo|need)nt\b",
            r"\1n't",
        ),
        (r"\bdont\b", "don't"),
        (r"\bcant\b", "can't"),
        (r"\bwont\b", "won't"),
        (r"\bim\b", "i'm"),
        (r"\bive\b", "i've"),
        (r"\bgonna\b", "going to"),
        (r"\bwanna\b", "want to"),
        (r"\bgotta\b", "got to"),
        (r"\babt\b", "about"),
        (r"\bi'd've\b", "i would have"),
        (r"\b(\d+(?:\.\d+)?)\s*(?:/|out of)\s*10\b", r"\1/10"),
    ]
]

# Quoted text (a question as the interviewer asked it) and topics of questions
# or stories are not the author's verdict: "they asked about my biggest
# weakness", "tell me about a time you failed".
_STOP_AFTER_TOPIC = (
    r"(?!\w+ly\b|(?:was|were|is|are|could|would|should|went|did|didn't|and|but|so|which|that|i|"
    r"had|has|have|got|felt|seemed|landed|because)\b)"
)
_MASKS = re.compile(
    r'"(?:[^"\s]++\s++){2,}+[^"]{0,200}+"'
    r"|\basked\s+(?:me\s+|us\s+)?(?:about|to|whether|if|what|why|how|me)\b[^,.;:!?]*?"
    r"(?=$|[,.;:!?]|\s(?:and|but|so|which)\s)"
    r"|\b(?:a|the)\s+time\s+(?:when\s+)?(?:you|i|they|we)\b[^,.;:!?]*?"
    r"(?=$|[,.;:!?]|\s(?:and|but|so|which|really|well)\s)"
    r"|\b(?:story|stories|example|anecdote|question|questions)\s+(?:about|on|of|around)\s+"
    r"(?:(?:the|a|an|my|our|their|that|this|his|her)\s+)?[\w-]+"
    rf"(?:\s+{_STOP_AFTER_TOPIC}[\w-]+)?"
)


# Markdown emphasis around a word ("_not_ correct", "**very**") is the word itself.
_EMPHASIS = re.compile(r"(?<![\w*_])([*_]{1,2})(?=\S)([^*_\n]{1,60}?)(?<=\S)\1(?![\w*_])")
# The state the writer is in now ("Tired now.") says nothing about how it went.
_AFTERMATH = re.compile(
    r"^(?:(?:i'm|i am|i feel|feeling|feel|so|very|really|pretty|quite|just)\s+)*"
    r"(?:tired|exhausted|knackered|drained|sleepy|shattered|hungry|wiped out|worn out)"
    r"\s+(?:now|tonight|today)\b[\s.!]*$"
)
# Sarcasm markers: a good word the writer marks as meant the other way.
_SARCASM = re.compile(
    r"(?:^|\W)/s\b|\byeah,? right\b|\boh,? (?:great|perfect|wonderful|fantastic|joy)\b"
    r"|\b(?:just|how) (?:great|perfect|wonderful|lovely)\b|\b(?:great|perfect|fantastic|"
    r"wonderful|awesome|lovely),? (?:another|more|yet another)\b|\bnot!"
)
# An inability ("couldn't explain X clearly") turns every good cue after it in its clause.
_UNABLE = re.compile(
    r"\b(?:couldn't|could not|can't|cannot|wasn't able to|was not able to|unable to|"
    r"failed to|didn't manage to|did not manage to)\b"
)


def _normalise(text: str) -> str:
    out = _EMPHASIS.sub(r"\2", text).translate(_APOSTROPHES).lower()
    for pattern, repl in _NORMALISE:
        out = pattern.sub(repl, out)
    return re.sub(r"\s+", " ", out).strip()


_MID_BUT = re.compile(r"(?<=\w)[ ,;]+but\b")
_CLAUSE_END = re.compile(r"[,.;:!?]|\s(?:but|however|although|though)\b|$")


def _cue_matches(norm: str) -> list[tuple[int, re.Match[str]]]:
    """Non-overlapping cue matches, as one alternation of the cues would find them.

    Leftmost first; at the same position the cue earlier in the table wins.
    """
    cues = cue_table().cues
    found = [(m.start(), i, m) for i, c in enumerate(cues) for m in c.regex.finditer(norm)]
    found.sort(key=lambda t: (t[0], t[1]))
    out: list[tuple[int, re.Match[str]]] = []
    end = -1
    for start, i, m in found:
        if start >= end:
            out.append((i, m))
            end = m.end()
    return out


class _WordRules(NamedTuple):
    """The rules built from the word lists of the cue table."""

    negator_before: re.Pattern[str]  # a negator within three words before a cue
    advice: re.Pattern[str]  # an imperative opening a clause: advice to self
    discourse: re.Pattern[str]  # markers VADER mistakes for sentiment


@functools.cache
def _word_rules() -> _WordRules:
    table = cue_table()
    return _WordRules(
        # with no clause punctuation between the negator and the cue
        re.compile(rf"\b(?:{table.negators})\b(?:\s+(?!but\b|and\b)[\w'\"-]+){{0,3}}\s*$"),
        re.compile(rf"^(?:{table.advice})\b"),
        re.compile(rf"\b(?:{table.discourse})\b"),
    )


# phrases with a negator that negate nothing ("not only", "can't complain")
_NOT_NEGATION = re.compile(
    r"\b(?:not only|not just|no doubt|never mind|not (?:going to|gonna) lie|no lie|no joke|"
    r"not to (?:brag|lie|mention)|can't lie|won't lie|can't complain)\b"
)
_BARE_NEGATION = re.compile(
    r"\b(?:not|never|\w+n't)\b"
    r"(?! only\b| just\b| to (?:mention|brag|lie)\b| (?:going to|gonna) lie\b"
    r"| lie\b| complain\b)"
)
# the words a bare negation governs: up to three, within the clause
_NEGATED_WORDS = re.compile(r"(?:\s+(?!but\b|and\b|so\b|which\b)([\w'-]+)){1,3}")
# subordinate clauses that set the scene rather than give the verdict
_CONCESSIVE = re.compile(
    r"(?<=\w)[ ,]+(?:even though|even if|although|though|despite|in spite of|considering|"
    r"given (?:how|that)|even when|when|whereas|after|"
    r"(?:which|that|it)(?:'s| is| was| has been) (?:\w+ )?"
    r"(?:usually|normally|typically|often|always|"
    r"generally))\b[^,;]*"
)
_EMOJI_POS = re.compile(
    "[\U0001f600-\U0001f60a\U0001f60d\U0001f60e\U0001f642\U0001f389"
    "\U0001f4aa\U0001f44d\u2705\U0001f973\U0001f64c\U0001f525]|:-?\\)|:D"
)
_EMOJI_NEG = re.compile(
    "[\U0001f62c\U0001f61e\U0001f614\U0001f622\U0001f62d\U0001f926"
    "\U0001f629\U0001f62b\U0001f643\U0001f611\U0001f44e\U0001f480\U0001f616"
    "\U0001f623\U0001f625\U0001f613\U0001f630\U0001f631]|:-?\\(|:/"
)

# conjunctions that open a clause without changing what it says
_LEADING_CONJ = re.compile(r"^(?:(?:but|and|so|also|then|however|plus|oh|ok|okay)\b[,\s]*)+")
_DONT = re.compile(r"^(?:don't|do not|never(?! once\b| did\b| have\b| had\b| felt\b))\s+")
_ADVICE_WEIGHT = -2.5

_CUE_THRESHOLD = 0.5  # |score| needed once any cue fired
_VADER_ONLY_THRESHOLD = 0.3  # |compound| needed when no cue fired


def _bare_negation_weight(norm: str, end: int) -> float:
    """A negation with no cue in its scope: ``-1``, unless it negates a word that
    VADER's lexicon rates negative ("wasn't intimidated", "didn't get stressed")."""
    lexicon = _analyser().lexicon
    governed = _NEGATED_WORDS.match(norm, end)
    if governed:
        for word in re.findall(r"[\w'-]+", governed.group(0)):
            valence = lexicon.get(word, 0.0)
            if valence <= -1.0:
                return 1.0
            if valence >= 1.0:
                return -1.0
    return -1.0


def _cue_score(norm: str, *, advice: bool = False) -> tuple[float, int]:
    """Sum of cue weights in ``norm`` (negation applied) and how many cues fired.

    Good-sounding cues in a hypothetical stretch -- after "should have",
    "next time" and the like up to the end of that clause, or anywhere in a
    piece of ``advice`` -- count zero.
    """
    table = cue_table()
    total = 0.0
    fired = 0
    covered: list[tuple[int, int]] = []
    hypothetical_until = len(norm) if advice else -1
    but = _MID_BUT.search(norm)
    but_at = but.start() if but else -1
    unable = _UNABLE.search(norm)
    unable_at, unable_until = -1, -1
    if unable:
        clause_end = _CLAUSE_END.search(norm, unable.end())
        unable_at, unable_until = unable.end(), clause_end.start() if clause_end else len(norm)
    for i, m in _cue_matches(norm):
        cue = table.cues[i]
        weight, negatable = cue.weight, cue.negatable
        if i == table.rating:
            value = float(m.group("rating"))
            weight = 2.0 if value >= 7 else -2.0 if value <= 5 else 0.0
        if weight > 0 and unable_at <= m.start() < unable_until:  # "couldn't ... clearly"
            weight = -weight
            covered.append((unable_at, m.end()))
        elif negatable:
            before = norm[max(0, m.start() - 40) : m.start()]
            neg = _word_rules().negator_before.search(before)
            if neg and not _NOT_NEGATION.search(before[neg.start() : neg.start() + 12]):
                weight = -weight
                covered.append((max(0, m.start() - 40) + neg.start(), m.end()))
        if cue.hypothetical and weight < 0:
            clause_end = _CLAUSE_END.search(norm, m.end())
            end = clause_end.start() if clause_end else len(norm)
            hypothetical_until = max(hypothetical_until, end)
        elif not cue.hypothetical and weight > 0 and m.start() < hypothetical_until:
            weight = 0.0
        covered.append((m.start(), m.end()))
        if m.start() < but_at:
            weight *= 0.5
        total += weight
        fired += 1
    # a negated verb with no cue in its scope: "didn't finish", "couldn't think"
    for m in _BARE_NEGATION.finditer(norm):
        if not any(a <= m.start() < b for a, b in covered):
            total += _bare_negation_weight(norm, m.end())
            fired += 1
    total += 1.0 * len(_EMOJI_POS.findall(norm)) - 1.0 * len(_EMOJI_NEG.findall(norm))
    return total, fired


@functools.lru_cache(maxsize=8192)
def score(text: str) -> float:
    """Signed polarity score of one clause: > 0 went well, < 0 went wrong, 0 neutral.

    Examples
    --------
    >>> score("I nailed the SQL part.") > 0, score("I rambled.") < 0, score("It was at 3pm.")
    (True, True, 0.0)
    """
    norm = _MASKS.sub(" ", _normalise(text)).strip()
    norm = _LEADING_CONJ.sub("", norm)
    if not norm or _AFTERMATH.match(norm):
        return 0.0
    if _SARCASM.search(norm):  # "oh great, another rejection": never good news
        return min(-1.0, -abs(_score_plain(norm)))
    return _score_plain(norm)


def _score_plain(norm: str) -> float:
    """:func:`score` of normalised, non-empty text, without the aftermath and sarcasm checks."""
    advice = 0.0
    dont = _DONT.match(norm)
    if dont:  # "don't ramble": advice, and "ramble" is not negated
        norm, advice = norm[dont.end() :], _ADVICE_WEIGHT
    elif _word_rules().advice.match(norm):
        advice = _ADVICE_WEIGHT
    # Weigh the main clause over concessive ones ("I kept calm even when ...").
    main = _CONCESSIVE.sub(" ", norm)
    sub = " ".join(m.group(0) for m in _CONCESSIVE.finditer(norm))
    main_cues, main_n = _cue_score(main, advice=bool(advice))
    if sub and main_n:
        sub_cues, _ = _cue_score(sub, advice=bool(advice))
        cues, n, vader_text = main_cues + 0.3 * sub_cues, main_n, main
    else:
        cues, n = _cue_score(norm, advice=bool(advice)) if sub else (main_cues, main_n)
        vader_text = norm
    compound = _vader(_word_rules().discourse.sub(" ", vader_text))
    if advice:  # "be more confident" is a thing to improve, however it sounds
        cues, n, compound = cues + advice, n + 1, min(compound, 0.0)
    if n:
        total = cues + 0.75 * compound
        return total if abs(total) >= _CUE_THRESHOLD else 0.0
    return compound if abs(compound) >= _VADER_ONLY_THRESHOLD else 0.0


def polarity(text: str) -> Polarity | None:
    """The polarity of one clause: the sign of :func:`score`, ``None`` when it is 0.

    Examples
    --------
    >>> polarity("Wasn't nervous at all."), polarity("I applied through a referral.")
    ('well', None)
    """
    if is_general(text):  # not about the writer's interview: opinion, advice to readers
        return None
    value = score(text)
    if value > 0:
        return "well"
    if value < 0:
        return "wrong"
    return None


def classify_polarity(sentences: Iterable[str]) -> list[str | None]:
    """Label each sentence or clause ``"well"``, ``"wrong"`` or ``None``.

    ``None`` means neutral, or not about how the interview went ("The
    interview was at 3pm with two engineers."). Cue phrases of reflection
    notes decide where present, with negation ("didn't struggle" is well,
    "not great" is wrong) and counterfactuals ("I should have asked about X",
    "next time I'll prepare more" are wrong: things to improve); the VADER
    compound score decides sentences without any cue.

    Parameters
    ----------
    sentences : iterable of str
        Sentences or clauses, e.g. from :func:`split_sentences`.

    Returns
    -------
    list of {"well", "wrong", None}
        One label per input, in order.

    Raises
    ------
    FreeTextTypeError
        If an element is not a string (``None`` and NaN count as empty text).

    Examples
    --------
    >>> classify_polarity([
    ...     "I nailed the SQL part.",
    ...     "I should have asked about the team structure.",
    ...     "Wasn't nervous at all.",
    ...     "The interview was at 3pm with two engineers.",
    ... ])
    ['well', 'wrong', 'well', None]
    """
    if isinstance(sentences, str):
        raise FreeTextTypeError(
            "`sentences` must be an iterable of strings, but a single str was passed; "
            "wrap it in a list or call split_sentences() first."
        )
    return [polarity(check_text(s, f"sentences[{i}]")) for i, s in enumerate(sentences)]
