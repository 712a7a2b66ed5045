"""The cue tables: phrases of reflection notes and their weights, read from ``cues.toml``.

The tables are data, shipped beside this module as ``cues.toml`` and read
once (:func:`cue_table`). Each ``[[cue]]`` is a list of regular expressions
(``any``), a ``weight`` (> 0 went well, < 0 went wrong), whether a negator
before it flips its sign (``negatable``) and whether it opens a hypothetical
stretch (``hypothetical``: "should have", "next time"). ``[labels]`` holds the
phrases people put over their lists ("What went well:", "To improve -");
``[negators]``, ``[advice]`` and ``[discourse]`` the words that negate a cue,
open advice to self ("practise ...") and only sound like sentiment ("honestly").
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Final

from ..exceptions import RecoveryAnalyticsError

__all__ = ["Cue", "CueTable", "CueTableError", "cue_table", "parse_cues"]

_CUE_KEYS: Final = {"any", "weight", "negatable", "hypothetical"}
_WORD_LISTS: Final = ("negators", "advice", "discourse")
_TOP_KEYS: Final = {"placeholders", "labels", "cue", *_WORD_LISTS}
_RATING_GROUP: Final = "rating"


class CueTableError(RecoveryAnalyticsError):
    """A cue table file is not in the expected shape."""


@dataclass(frozen=True)
class Cue:
    """One cue: a regular expression over normalised text, and what it means.

    Examples
    --------
    >>> cue = Cue(r"\\bnailed\\b", 2.5, negatable=True)
    >>> bool(cue.regex.search("i nailed it")), cue.hypothetical
    (True, False)
    """

    pattern: str
    weight: float
    negatable: bool = False
    hypothetical: bool = False

    @functools.cached_property
    def regex(self) -> re.Pattern[str]:
        """The compiled pattern (each cue on its own: ``re`` then skips by its prefix)."""
        return re.compile(self.pattern)


@dataclass(frozen=True)
class CueTable:
    """The cues in table order, and the list-label phrases.

    Attributes
    ----------
    cues : tuple of Cue
        At one position the cue earlier in the table wins.
    well_labels, wrong_labels : str
        Alternations of the labels over lists of things that went well / wrong.
    negators, advice, discourse : str
        Alternations of the words that negate a cue, that open advice to self,
        and that VADER mistakes for sentiment.
    """

    cues: tuple[Cue, ...]
    well_labels: str
    wrong_labels: str
    negators: str = "(?!)"
    advice: str = "(?!)"
    discourse: str = "(?!)"

    @functools.cached_property
    def rating(self) -> int:
        """Index of the self-rating cue (``8/10``), scored by its number; -1 if none."""
        marker = f"(?P<{_RATING_GROUP}>"
        return next((i for i, c in enumerate(self.cues) if marker in c.pattern), -1)


def _strings(value: object, where: str) -> list[str]:
    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
        raise CueTableError(f"{where} must be a non-empty list of strings, not {value!r:.60}")
    return value


def _cue(raw: Mapping[str, object], where: str, placeholders: Mapping[str, str]) -> Cue:
    unknown = set(raw) - _CUE_KEYS
    if unknown:
        raise CueTableError(
            f"{where}: unknown keys {sorted(unknown)}; allowed: {sorted(_CUE_KEYS)}"
        )
    pattern = "|".join(_strings(raw.get("any"), f"{where}.any"))
    for name, value in placeholders.items():
        pattern = pattern.replace("{" + name + "}", value)
    weight = raw.get("weight")
    if not isinstance(weight, int | float) or isinstance(weight, bool):
        raise CueTableError(f"{where}.weight must be a number, not {weight!r}")
    flags: dict[str, bool] = {}
    for key in ("negatable", "hypothetical"):
        flag = raw.get(key, False)
        if not isinstance(flag, bool):
            raise CueTableError(f"{where}.{key} must be true or false, not {flag!r}")
        flags[key] = flag
    try:
        re.compile(pattern)
    except re.error as exc:
        raise CueTableError(f"{where}.any: not a valid regular expression ({exc})") from None
    return Cue(pattern, float(weight), flags["negatable"], flags["hypothetical"])


def parse_cues(text: str, source: str = "<string>") -> CueTable:
    """Read a cue table from TOML text.

    Raises
    ------
    CueTableError
        Naming ``source`` and the cue, when a key or value is not as described
        in the module docs.

    Examples
    --------
    >>> table = parse_cues('''
    ... [labels]
    ... well = ["pros"]
    ... wrong = ["cons"]
    ... [[cue]]
    ... any = ['\\\\bnail(?:ed|ing)?\\\\b', '\\\\baced\\\\b']
    ... weight = 2.5
    ... negatable = true
    ... ''')
    >>> table.cues[0].pattern, table.cues[0].weight, table.well_labels
    ('\\\\bnail(?:ed|ing)?\\\\b|\\\\baced\\\\b', 2.5, 'pros')
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CueTableError(f"{source}: not valid TOML ({exc})") from None
    unknown = set(data) - _TOP_KEYS
    if unknown:
        raise CueTableError(
            f"{source}: unknown tables {sorted(unknown)}; allowed: {sorted(_TOP_KEYS)}"
        )
    placeholders = data.get("placeholders", {})
    labels = data.get("labels", {})
    raw_cues = data.get("cue", [])
    if not isinstance(raw_cues, list) or not isinstance(labels, dict):
        raise CueTableError(f"{source}: expected [[cue]] tables and a [labels] table")
    cues = tuple(_cue(c, f"{source}: cue {i + 1}", placeholders) for i, c in enumerate(raw_cues))
    lists = {}  # a word list left out never matches (the field's default)
    for name in _WORD_LISTS:
        if name in data:
            words = data[name].get("any") if isinstance(data[name], dict) else None
            lists[name] = "|".join(_strings(words, f"{source}: {name}.any"))
    return CueTable(
        cues,
        "|".join(_strings(labels.get("well"), f"{source}: labels.well")),
        "|".join(_strings(labels.get("wrong"), f"{source}: labels.wrong")),
        **lists,
    )


@functools.cache
def cue_table() -> CueTable:
    """The built-in cue table, read once from ``cues.toml``.

    Examples
    --------
    >>> table = cue_table()
    >>> table is cue_table(), table.cues[table.rating].weight
    (True, 0.0)
    """
    text = resources.files(__package__).joinpath("cues.toml").read_text(encoding="utf-8")
    return parse_cues(text, "recovery_analytics/text/cues.toml")
