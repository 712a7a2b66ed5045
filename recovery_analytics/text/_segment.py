"""Segmentation: reflection prose into blocks (lines, bullets) and sentences.

:func:`blocks` groups lines: bullets and numbered items start a block, blank
lines end one, wrapped prose lines are joined. :func:`sentences` cuts one
block into sentences, handling abbreviations ("e.g.", "Mr.", "approx."),
emoji and emoticons, ellipses and runs of punctuation. :func:`is_filler`
tells a fragment with nothing to say ("Anyway.", "So yeah").
"""

from __future__ import annotations

import re
from typing import NamedTuple

__all__ = ["WORD", "Block", "blocks", "is_filler", "sentences"]

_EMOJI = (
    "\U0001f300-\U0001faff\u2600-\u27bf\u2b50\u2b55\u231a-\u231b\u23e9-\u23fa"
    "\ufe0f\u200d\U0001f1e6-\U0001f1ff"
)
_BULLET = re.compile(
    r"^\s*(?:[-*+\u2022\u00b7\u2023\u25aa\u25e6\u2013\u2014>]+|\(?\d{1,3}[.)]|\(?[a-zA-Z]\))\s+"
)
_TERMINAL_END = re.compile(rf"(?:[.!?:;\u2026]|[{_EMOJI}]|:-?[()DP/])[\"')\]]*\s*$")
_CONTINUES = re.compile(
    r"(?:,|\b(?:a|an|the|and|but|or|so|to|of|with|for|in|on|at|about|my|their|our|i|was|were|"
    r"is|that|which|because|when|how|what|really|very|too|as|than|into|from|by))\s*$",
    re.IGNORECASE,
)
# candidate sentence ends: ., !, ?, ellipsis, emoji runs or emoticons, then whitespace
# Runs are matched from their first character only, and possessively, so a
# long run of dots or emoji stays linear.
_SENT_END = re.compile(
    rf"(?P<p>(?<![.!?])[.!?]++|(?<!\u2026)\u2026++|(?<![{_EMOJI}])[{_EMOJI}]++"
    rf"|(?<!\w):-?[()DP/](?!\w))(?P<q>[\"'\u201d\u2019)\]]*+)\s+"
)
_ABBREV = frozenset(
    "e.g eg i.e ie etc vs v mr mrs ms dr prof sr jr st mt no approx appx ca cf al fig min "
    "max mins hr hrs sec secs dept est inc ltd co corp jan feb mar apr jun jul aug sep sept "
    "oct nov dec mon tue tues wed thu thur thurs fri sat sun p.s ps a.m p.m am pm u.s u.k "
    "ph.d phd b.sc m.sc msc bsc govt asst assoc".split()
)
_ABBREV_MAY_END = frozenset("etc al am pm a.m p.m inc ltd co".split())
_FILLER = frozenset(
    "anyway anyways anyhow so yeah yea yep yup well ok okay um uh umm uhh lol lmao haha hah "
    "hmm hm idk basically whatever oh and but right like meh tbh tl dr tldr alright then "
    "that's it all thats also overall update edit thanks thank you for reading ps ugh meh "
    "sigh oof yikes phew welp wow omg ah argh".split()
)
#: A word: letters and digits, with inner apostrophes ("didn't").
WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")


class Block(NamedTuple):
    text: str
    bullet: bool  # started with a bullet or number
    after_blank: bool  # a blank line came before it


def blocks(text: str) -> list[Block]:
    """Group lines into blocks: bullets start a block, blank lines end one.

    A line that does not end a sentence is joined to the next when it ends
    with a comma or a function word, or is long and the next starts in lower
    case (prose wrapped by an editor); an indented line under a bullet
    continues that bullet. Otherwise every line is its own block, so short
    lists without bullets or punctuation stay apart.
    """
    blocks: list[Block] = []
    current: list[str] = []
    prev_raw = ""
    in_bullet = False  # an indented line under a bullet continues it
    is_bullet = False
    blank = False

    def flush() -> None:
        nonlocal blank
        if current:
            blocks.append(Block(" ".join(current), is_bullet, blank))
            current.clear()
            blank = False

    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            flush()
            prev_raw = ""
            in_bullet = False
            blank = True
            continue
        bullet = _BULLET.match(raw)
        if bullet:
            flush()
            current.append(raw[bullet.end() :].strip())
            in_bullet = is_bullet = True
        elif (
            current
            and not _TERMINAL_END.search(prev_raw)
            and (
                _CONTINUES.search(prev_raw)
                or (len(prev_raw.strip()) >= 55 and line[:1].islower())
                or (in_bullet and len(raw) - len(raw.lstrip()) >= 2)
            )
        ):
            current.append(line)
        else:
            flush()
            current.append(line)
            in_bullet = is_bullet = False
        prev_raw = raw
    flush()
    return [b for b in blocks if b.text]


_WINDOW = 60  # characters either side of a candidate sentence end


def _is_boundary(block: str, m: re.Match[str]) -> bool:
    punct = m.group("p")
    if m.end() == len(block):
        return True
    # look at bounded windows only, so that many short sentences stay linear
    before = block[max(0, m.start() - _WINDOW) : m.start()]
    after = block[m.end() : m.end() + _WINDOW]
    nxt = after[0]
    if punct == ".":
        word = re.search(r"([\w.]+)$", before)
        written = word.group(1) if word else ""
        token = written.lower()
        if token in _ABBREV or (len(token) == 1 and token.isalpha() and token != "i"):
            # "etc." may end a sentence; so may an acronym in capitals ("HR. We ...")
            acronym = len(written) > 1 and written.isupper() and "." not in written
            return (token in _ABBREV_MAY_END or acronym) and nxt.isupper()
        if token == "no" and nxt.isdigit():
            return False
        return True
    if punct[0] == "\u2026" or punct.startswith(".."):
        if nxt.isupper() or re.match(r"i\b", after):
            return True
        before_words = len(WORD.findall(before))
        after_words = len(WORD.findall(after))
        return before_words >= 3 and after_words >= 3
    if punct[0] in "!?":
        return True
    # emoji or emoticon: a boundary when text goes on with a word
    return bool(re.match(r"[\"'(]?\w", after))


def sentences(block: str) -> list[str]:
    out: list[str] = []
    start = 0
    for m in _SENT_END.finditer(block):
        if _is_boundary(block, m):
            out.append(block[start : m.end()].strip())
            start = m.end()
    out.append(block[start:].strip())
    return [s for s in out if s]


def is_filler(fragment: str) -> bool:
    words = [w.lower().replace("\u2019", "'") for w in WORD.findall(fragment)]
    return all(w in _FILLER for w in words)
