"""One theme and its patterns: the word syntax and how it becomes a regex.

A theme is matched by *words* (a small, forgiving syntax meant for coaches)
and *patterns* (regular expressions). Both are compiled into regular
expressions that mean the same thing to Python's :mod:`re` (with
``re.IGNORECASE | re.ASCII``) and to RE2, the engine pyarrow uses for
``Series.str.contains`` on text columns; that is why lookarounds and
backreferences are not allowed in patterns.

Word syntax (case never matters)::

    nerv*              *   any word ending: nerve, nervous, nerves, nervy
    long-winded        -   an optional hyphen or space: long-winded, long winded, longwinded
    didn't             '   an optional apostrophe (straight or curly): didn't, didnt
    (ran|run) out      (|) one of the alternatives; an empty one makes the group optional
    colou?r            ?   the character or group before it is optional
    spent ... too long ... up to three words in between
    small talk         a space matches spaces and hyphens between words; ' ?' an optional one
    \\d  \\w             a number (15, 2026); any one word

Every other character is literal (``c++``, ``q&a``); ``\\`` makes the next one
literal. A word is matched as a whole word: ``cod*`` does not fire inside
``barcode``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Final

from ..exceptions import TaxonomyError

__all__ = ["LIST_FIELDS", "PatternError", "Theme", "check_regex", "trusted", "word_to_regex"]

#: Fields of a theme that hold lists of strings, in the order they are documented.
LIST_FIELDS: Final = (
    "aliases",
    "words",
    "patterns",
    "weak_words",
    "weak_patterns",
    "exclude_words",
    "exclude_patterns",
)
NAME_PATTERN: Final = re.compile(r"[a-z][a-z0-9_]*")
_GAP: Final = r"(?:[\s-]+\S+){0,3}[\s-]+"
_SEP: Final = r"[\s-]+"
# texts on which a regex that can match an empty span does so somewhere
_PROBES: Final = ("", "x", "ab cd-ef, 12.\n", " the end ")
_FORBIDDEN: Final = (
    ("(?<", "lookbehind"),
    ("(?=", "lookahead"),
    ("(?!", "negative lookahead"),
    ("(?P=", "a named backreference"),
)


_TRUSTED: ContextVar[bool] = ContextVar("_TRUSTED", default=False)


@contextmanager
def trusted() -> Iterator[None]:
    """Skip checking each word and pattern of the themes made inside this block.

    For entries that were already checked (the built-in file, which a test
    checks, and entries a loader checked itself to report file and line).
    """
    token = _TRUSTED.set(True)
    try:
        yield
    finally:
        _TRUSTED.reset(token)


class PatternError(ValueError):
    """A word or pattern that cannot be compiled; the caller adds where it is."""


@functools.lru_cache(maxsize=4096)
def _check_engines(regex: str) -> None:
    """Compile with Python and with RE2 (pyarrow); raise PatternError if either fails."""
    for marker, what in _FORBIDDEN:
        if marker in regex:
            raise PatternError(
                f"uses {what} ({marker}...), which the fast matcher (RE2) does not support; "
                "rewrite it without lookarounds, or use exclude_words/exclude_patterns to "
                "rule a phrase out"
            )
    if re.search(r"\\[1-9]", regex):
        raise PatternError(
            "uses a backreference (\\1...), which the fast matcher (RE2) does not support"
        )
    try:
        compiled = re.compile(regex, re.IGNORECASE | re.ASCII)
    except re.error as exc:
        raise PatternError(f"is not a valid regular expression ({exc})") from None
    if any(m.end() == m.start() for probe in _PROBES for m in compiled.finditer(probe)):
        raise PatternError(
            "can match the empty string, so it would give almost every item this theme; "
            "make at least one part of it required"
        )
    try:
        import pyarrow as pa
        import pyarrow.compute as pc

        pc.find_substring_regex(pa.array([""], type=pa.string()), "(?i)" + regex)
    except ImportError:  # pragma: no cover - pyarrow is a dependency
        return
    except Exception as exc:  # pyarrow.ArrowInvalid
        raise PatternError(f"is not supported by the fast matcher RE2 ({exc})") from None


def check_regex(regex: str) -> str:
    """Validate a user regular expression and return it unchanged.

    Examples
    --------
    >>> check_regex(r"\\bran out of (?:time|minutes)\\b")
    '\\\\bran out of (?:time|minutes)\\\\b'
    >>> check_regex("(?<!not )nervous")
    Traceback (most recent call last):
    ...
    recovery_analytics.themes._theme.PatternError: uses lookbehind ((?<...), which ...
    """
    if not isinstance(regex, str) or not regex.strip():
        raise PatternError("is empty; write a regular expression or remove the entry")
    _check_engines(regex)
    return regex


def word_to_regex(word: str) -> str:
    """Translate one entry of the word syntax into a regular expression.

    Examples
    --------
    >>> word_to_regex("nerv*")
    '\\\\bnerv\\\\w*\\\\b'
    >>> import re
    >>> rx = re.compile(word_to_regex("long-winded"), re.I)
    >>> [bool(rx.search(t)) for t in ["long winded", "Long-winded", "longwinded", "long"]]
    [True, True, True, False]
    >>> bool(re.search(word_to_regex("spent ... too long"), "spent way too long"))
    True
    """
    if not isinstance(word, str):
        raise PatternError(f"must be a string, not {type(word).__name__}")
    regex = _translate_word(word)
    _check_engines(regex)
    return regex


@functools.lru_cache(maxsize=8192)
def _translate_word(word: str) -> str:
    """The regex of one word, checking its syntax but not running any engine."""
    text = " ".join(word.lower().split())
    if not text:
        raise PatternError("is empty; write a word or phrase or remove the entry")
    if not re.search(r"[a-z0-9]", text):
        raise PatternError("has no letter or digit; write at least one real word")
    segments = re.split(r"(?:^|\s)\.\.\.(?:\s|$)", text)
    if any(not s.strip() for s in segments):
        raise PatternError("'...' must stand between two words, as in 'spent ... too long'")
    body = _GAP.join(_translate(s.strip()) for s in segments)
    first, last = text[0], text[-1]
    start = r"\b" if (first.isalnum() or first in "(*_") else ""
    end = r"\b" if (last.isalnum() or last in ")*?_") else ""
    return f"{start}{body}{end}"


def _translate(text: str) -> str:
    out: list[str] = []
    depth = 0
    prev = ""  # kind of the last unit: "atom" (may take '?'), "optional", "sep" or ""
    escaped = False
    for i, ch in enumerate(text):
        if escaped:
            escaped = False
            if ch == "d":
                out.append(r"\d+")
            elif ch == "w":
                out.append(r"\w+")
            else:
                out.append(re.escape(ch))
            prev = "atom"
        elif ch == "\\":
            escaped = True
        elif ch == "*":
            out.append(r"\w*")
            prev = "optional"
        elif ch == "-":
            out.append(r"[\s-]?")
            prev = "optional"
        elif ch == "'":
            out.append("['\u2019]?")
            prev = "optional"
        elif ch == " ":
            out.append(_SEP)
            prev = "sep"
        elif ch == "(":
            out.append("(?:")
            depth += 1
            prev = ""
        elif ch == "|":
            if depth == 0:
                raise PatternError(
                    "uses '|' outside a group; write alternatives in parentheses, "
                    "as in '(ran|run) out of time', or make them separate entries"
                )
            out.append("|")
            prev = ""
        elif ch == ")":
            if depth == 0:
                raise PatternError(f"has a ')' at position {i + 1} without a matching '('")
            out.append(")")
            depth -= 1
            prev = "atom"
        elif ch == "?":
            if prev == "sep":  # ' ?': the space is optional
                out[-1] = r"[\s-]*"
            elif prev != "optional":
                if prev != "atom":
                    raise PatternError(
                        f"has a '?' at position {i + 1} that does not follow a letter, "
                        "digit or ')'; '?' makes the character or group just before it "
                        "optional"
                    )
                out.append("?")
            prev = "optional"
        else:
            out.append(re.escape(ch))
            prev = "atom"
    if escaped:
        raise PatternError("ends with a lone '\\'; remove it or escape a character")
    if depth:
        raise PatternError("has an unbalanced '('; close the group with ')' or remove the '('")
    return "".join(out)


def _as_tuple(name: str, field: str, value: object) -> tuple[str, ...]:
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise TaxonomyError(
            f"theme {name!r}: {field} must be a list of strings, got {value!r}; "
            f'write it as {field} = ["...", "..."]'
        )
    return tuple(dict.fromkeys(value))


@dataclass(frozen=True)
class Theme:
    """A named theme: what it covers and the words and patterns that point to it.

    Parameters
    ----------
    name : str
        Lower-case identifier (letters, digits, ``_``), e.g. ``"nerves"``.
    description : str
        What the theme covers, in plain words.
    aliases : tuple of str
        Other names accepted as an explicit ``#tag`` (``#anxiety`` -> nerves).
    words, patterns : tuple of str
        Main evidence, in the word syntax and as regular expressions.
    weak_words, weak_patterns : tuple of str
        Weaker evidence (a topic mentioned in passing, such as "design"):
        it gives the theme only when no theme has main evidence.
    exclude_words, exclude_patterns : tuple of str
        Phrases that look like this theme but are not (``follow-up questions``
        for *follow_up*): they are blanked out before this theme is searched.

    Examples
    --------
    >>> t = Theme("visa", "work permits and sponsorship", words=("visa*", "sponsor*"))
    >>> t.name, t.n_patterns
    ('visa', 2)
    >>> Theme("Visa Issues")
    Traceback (most recent call last):
    ...
    recovery_analytics.exceptions.TaxonomyError: theme name 'Visa Issues' is not valid; ...
    """

    name: str
    description: str = ""
    aliases: tuple[str, ...] = ()
    words: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    weak_words: tuple[str, ...] = ()
    weak_patterns: tuple[str, ...] = ()
    exclude_words: tuple[str, ...] = ()
    exclude_patterns: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not NAME_PATTERN.fullmatch(self.name):
            raise TaxonomyError(
                f"theme name {self.name!r} is not valid; use lower-case letters, digits and "
                "'_', starting with a letter, e.g. 'visa_issues'"
            )
        if self.name == "other":
            raise TaxonomyError(
                "'other' is reserved for items without a theme; choose another theme name"
            )
        if not isinstance(self.description, str):
            raise TaxonomyError(f"theme {self.name!r}: description must be a string")
        for f in LIST_FIELDS:
            object.__setattr__(self, f, _as_tuple(self.name, f, getattr(self, f)))
        if _TRUSTED.get():
            return
        checks: dict[str, Callable[[str], object]] = {
            **dict.fromkeys(("words", "weak_words", "exclude_words"), word_to_regex),
            **dict.fromkeys(("patterns", "weak_patterns", "exclude_patterns"), check_regex),
        }
        for f, check in checks.items():
            for i, w in enumerate(getattr(self, f)):
                try:
                    check(w)
                except PatternError as exc:
                    raise TaxonomyError(f"theme {self.name!r}: {f}[{i}] {w!r} {exc}") from None

    @property
    def n_patterns(self) -> int:
        """Number of words and patterns (main and weak) that point to this theme."""
        return len(self.words) + len(self.patterns) + len(self.weak_words) + len(self.weak_patterns)

    def regex(self, kind: str = "all") -> str | None:
        """The theme's evidence as one alternation, or None when it has none.

        ``kind`` is ``"main"``, ``"weak"``, ``"all"`` (main and weak) or
        ``"exclude"``. The regex is written for ``re.IGNORECASE | re.ASCII``
        (Python) and ``(?i)`` (RE2).
        """
        if kind not in ("main", "weak", "all", "exclude"):
            raise ValueError(
                "The value for `kind` must be one of 'main', 'weak', 'all', 'exclude', "
                f"but {kind!r} was passed."
            )
        parts: list[str] = []
        if kind in ("main", "all"):
            parts += [_translate_word(w) for w in self.words] + list(self.patterns)
        if kind in ("weak", "all"):
            parts += [_translate_word(w) for w in self.weak_words] + list(self.weak_patterns)
        if kind == "exclude":
            parts += [_translate_word(w) for w in self.exclude_words]
            parts += list(self.exclude_patterns)
        if not parts:
            return None
        return "|".join(f"(?:{p})" for p in parts)
