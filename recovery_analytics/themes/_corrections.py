"""Learning from the user: themes a person (or their coach) set by hand, used again.

When someone files an item under a theme the rules did not give it (a
``#tag`` in the item, set in the form or in the file), that is a
:class:`Correction`: the item's text, the themes chosen, the themes the rules
gave, and whose item it was. The journal keeps them
(:mod:`recovery_analytics.journal`); a :class:`Taxonomy` given them
(:meth:`~recovery_analytics.themes.Taxonomy.with_corrections`) tags that
client's later items with the same text, or a near-identical one, the way
they were corrected, and :meth:`~recovery_analytics.themes.Taxonomy.explain`
says so ("you filed a similar item under nerves").

Near-identical means the same words, give or take a few: both texts are cut
into lower-case words (numbers count as one word, ``#tags`` and the most
common words are left out) and compared as sets (Jaccard similarity, the
words both share over the words either has) against :data:`THRESHOLD`. The
index finds candidates by their rarest words (prefix filtering), so looking
up an item costs about the same however many corrections a client has.

Corrections hold personal text: nothing here logs or prints it.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

from ..model import DEFAULT_CLIENT, TAG_PATTERN
from ..vocabulary import pretty_theme
from ._engine import _RE2_COMPAT, _plain_text

__all__ = [
    "THRESHOLD",
    "Correction",
    "CorrectionIndex",
    "Learned",
    "corrections_toml",
    "relearn",
    "strip_tags",
    "words_of",
]

#: Share of shared words (Jaccard similarity) from which two items count as near-identical.
THRESHOLD: Final = 0.6

_TAG_RE: Final = re.compile(TAG_PATTERN)
_WORD_RE: Final = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_COMMON: Final = frozenset(
    "a an the and or but so of to in on at for with my me i it is was be been this that "
    "again really just very bit quite".split()
)


def strip_tags(text: str) -> str:
    """The item's text without its ``#tags`` and extra spaces.

    Examples
    --------
    >>> strip_tags("Rambled about my thesis #conciseness  again")
    'Rambled about my thesis again'
    """
    return " ".join(_TAG_RE.sub(" ", text).split())


def words_of(text: str) -> frozenset[str]:
    """The words an item is compared by: lower case, tags and common words left out.

    Examples
    --------
    >>> sorted(words_of("Arrived 10 minutes LATE, again! #logistics"))
    ['#', 'arrived', 'late', 'minutes']
    """
    lowered = strip_tags(text).lower().replace("\u2019", "'")
    out = set()
    for w in _WORD_RE.findall(lowered):
        if w in _COMMON:
            continue
        out.add("#" if w.isdigit() else w)
    return frozenset(out)


@dataclass(frozen=True)
class Correction:
    """One item filed under other themes than the rules gave it.

    Attributes
    ----------
    client : str
        Whose item it is; a correction is used for that client's items only.
    text : str
        The item's text without its ``#tags``.
    themes : tuple of str
        The themes chosen, best first.
    was : tuple of str
        The themes the rules gave the text.
    polarity : str
        ``"well"`` or ``"wrong"`` (empty when unknown).
    """

    client: str
    text: str
    themes: tuple[str, ...]
    was: tuple[str, ...] = ()
    polarity: str = ""

    def to_dict(self) -> dict[str, Any]:
        """A plain mapping (the journal stores it as one JSON object)."""
        return {
            "client": self.client,
            "text": self.text,
            "themes": list(self.themes),
            "was": list(self.was),
            "polarity": self.polarity,
        }

    @classmethod
    def from_dict(cls, values: Mapping[str, Any]) -> Correction:
        """The inverse of :meth:`to_dict`; raises ValueError naming a missing or bad key."""
        try:
            client, text = str(values["client"]), str(values["text"])
            themes = tuple(str(t) for t in values["themes"])
        except (KeyError, TypeError) as exc:
            raise ValueError(
                f"a correction needs 'client', 'text' and a list 'themes' ({exc!r})"
            ) from None
        was = tuple(str(t) for t in values.get("was") or ())
        return cls(client, text, themes, was, str(values.get("polarity") or ""))


@dataclass(frozen=True)
class Learned:
    """What a correction says about one item: its themes, and why."""

    themes: tuple[str, ...]
    text: str  # the corrected item's text
    same: bool  # the same words, not only similar ones

    def reason(self, theme: str) -> str:
        """The words :meth:`Taxonomy.explain` shows for ``theme``."""
        what = "this item" if self.same else "a similar item"
        return f"you filed {what} under {pretty_theme(theme)}"


@dataclass
class _Client:
    """One client's corrections: exact keys and a prefix-filter index for similar ones."""

    exact: dict[frozenset[str], int] = field(default_factory=dict)
    sets: list[frozenset[str]] = field(default_factory=list)
    rows: list[int] = field(default_factory=list)  # position in CorrectionIndex.corrections
    by_word: dict[str, list[int]] = field(default_factory=dict)


class CorrectionIndex:
    """Corrections indexed for lookups by client and text.

    The latest correction of a text wins. Linear in the corrections to build;
    a lookup checks only the corrections that share one of the item's rarest
    words (prefix filtering for the Jaccard threshold).

    Examples
    --------
    >>> index = CorrectionIndex([Correction("me", "I had clearly done my research",
    ...                                     ("preparation",), ("clarity",))])
    >>> index.lookup("me", "had clearly done my research!").themes
    ('preparation',)
    >>> index.lookup("someone else", "I had clearly done my research") is None
    True
    """

    def __init__(self, corrections: Iterable[Correction], *, threshold: float = THRESHOLD):
        if not 0 < threshold <= 1:
            raise ValueError(
                f"The value for `threshold` must be in (0, 1], but {threshold!r} was passed."
            )
        self.threshold = threshold
        self.corrections: tuple[Correction, ...] = tuple(corrections)
        sets = [words_of(c.text) for c in self.corrections]
        self._df = Counter(w for s in sets for w in s)
        self._clients: dict[str, _Client] = {}
        for i, (c, words) in enumerate(zip(self.corrections, sets, strict=True)):
            if not words or not c.themes:
                continue
            entry = self._clients.setdefault(c.client, _Client())
            if words in entry.exact:  # a later correction of the same words wins
                entry.rows[entry.exact[words]] = i
                continue
            entry.exact[words] = len(entry.sets)
            entry.sets.append(words)
            entry.rows.append(i)
            for w in self._prefix(words):
                entry.by_word.setdefault(w, []).append(len(entry.sets) - 1)

    def __len__(self) -> int:
        return len(self.corrections)

    @property
    def clients(self) -> frozenset[str]:
        """The clients with at least one usable correction."""
        return frozenset(self._clients)

    def _prefix(self, words: frozenset[str]) -> list[str]:
        """The rarest words of a set: two sets similar enough share one of each's prefix."""
        ordered = sorted(words, key=lambda w: (self._df.get(w, 0), w))
        keep = len(ordered) - math.ceil(self.threshold * len(ordered)) + 1
        return ordered[:keep]

    def lookup(self, client: str | None, text: str) -> Learned | None:
        """The corrected themes for ``text`` of ``client``, or None when no correction fits.

        ``client=None`` is the default client (a journal kept by one person).
        """
        entry = self._clients.get(DEFAULT_CLIENT if client is None else client)
        if entry is None:
            return None
        words = words_of(text)
        if not words:
            return None
        at = entry.exact.get(words)
        if at is not None:
            c = self.corrections[entry.rows[at]]
            return Learned(c.themes, c.text, True)
        best: tuple[float, int] | None = None  # (similarity, the later the better)
        for k in dict.fromkeys(k for w in self._prefix(words) for k in entry.by_word.get(w, ())):
            other = entry.sets[k]
            score = (len(words & other) / len(words | other), entry.rows[k])
            if score[0] >= self.threshold and (best is None or score > best):
                best = score
        if best is None:
            return None
        c = self.corrections[best[1]]
        return Learned(c.themes, c.text, False)


# -- the coach's export --------------------------------------------------------------

_WORD_SPECIAL: Final = re.compile(r"([*\-()|?\\])")


def _as_word(text: str) -> str:
    """An item's text in the word syntax, literally (numbers as ``\\d``)."""
    escaped = _WORD_SPECIAL.sub(r"\\\1", text)
    escaped = escaped.replace("...", "\\.\\.\\.")
    return re.sub(r"\d+", r"\\d", escaped)


_SPACE: Final = re.compile(r"[ \t\n\r\f]+")  # what both engines' ASCII \s matches, but \v


def _as_pattern(text: str) -> str:
    """An item's text as a regular expression (numbers as any number), for non-ASCII text."""
    parts = []
    for token in re.split(r"([0-9]+|[ \t\n\r\f]+)", text):
        if not token:
            continue
        if _SPACE.fullmatch(token):
            parts.append(r"[\s-]+")
        elif re.fullmatch(r"[0-9]+", token):
            parts.append(r"\d+")
        else:
            parts.append(re.escape(token))
    start = r"\b" if re.match(r"[A-Za-z0-9_]", text) else ""
    end = r"\b" if re.search(r"[A-Za-z0-9_]$", text) else ""
    return start + "".join(parts) + end


def _entry(text: str) -> tuple[str, str]:
    """("words", the text in the word syntax), or ("patterns", a regex) when it is not ASCII."""
    text = _SPACE.sub(" ", _plain_text(text).translate(_RE2_COMPAT)).strip()  # as tagged
    return ("words", _as_word(text)) if text.isascii() else ("patterns", _as_pattern(text))


def _toml_string(value: str) -> str:
    """``value`` as a TOML string: literal ('...') when it can be, else basic, escaped."""
    if "'" not in value and not any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in value):
        return f"'{value}'"
    out = []
    for ch in value:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _theme_name(tag: str) -> str:
    """A tag as a valid theme name: lower case, letters, digits and '_'."""
    name = re.sub(r"[^a-z0-9_]+", "_", tag.lower()).strip("_")
    return name if re.match(r"[a-z]", name) else f"theme_{name}"


def corrections_toml(
    corrections: Sequence[Correction], known: Iterable[str] = (), *, header: str = ""
) -> str:
    """A taxonomy addition (TOML, ``extends = "default"``) that files every corrected text.

    Each text becomes a word of each theme it was filed under, and an excluded
    phrase of each theme the rules had given it instead, so the file loads back
    with :meth:`~recovery_analytics.themes.Taxonomy.from_toml` and tags those
    texts as corrected for anyone. A theme not in ``known`` (the taxonomy's
    themes) becomes a new theme.

    Examples
    --------
    >>> print(corrections_toml([Correction("me", "bit long on 1 answer", ("conciseness",))],
    ...                        known=["conciseness"]))
    extends = "default"
    <BLANKLINE>
    [themes.conciseness]
    words = ['bit long on \\d answer']
    <BLANKLINE>
    """
    known = set(known)
    tables: dict[str, dict[str, list[str]]] = {
        k: {} for k in ("words", "patterns", "exclude_words", "exclude_patterns")
    }
    for c in corrections:
        text = c.text
        if not re.search(r"[A-Za-z0-9]", text):
            continue
        for theme in c.themes:
            key, value = _entry(text)
            tables[key].setdefault(theme, []).append(value)
        for theme in c.was:
            if theme not in c.themes:
                key, value = _entry(text)
                tables[f"exclude_{key}"].setdefault(theme, []).append(value)
    lines = [f"# {line}".rstrip() for line in header.splitlines()]
    lines += ['extends = "default"', ""]
    for theme in dict.fromkeys(t for table in tables.values() for t in table):
        name = _theme_name(theme)
        lines.append(f"[themes.{name}]")
        if name not in known:
            lines.append('description = "filed by hand (a coach\'s corrections)"')
        for key, table in tables.items():
            values = list(dict.fromkeys(table.get(theme, ())))
            if values:
                lines.append(f"{key} = [{', '.join(_toml_string(v) for v in values)}]")
        lines.append("")
    return "\n".join(lines)


def relearn(
    index: CorrectionIndex, texts: Sequence[object], clients: Sequence[object] | None, lists: list
) -> None:
    """Give each item a correction fits the corrected themes, in place in ``lists``.

    ``clients`` (one per item; None: every item is the default client's).
    Each distinct (client, text) is looked up once.
    """
    wanted = index.clients
    if not wanted:
        return
    seen: dict[tuple[object, object], Learned | None] = {}
    owners = clients if clients is not None else [DEFAULT_CLIENT] * len(texts)
    for pos, (client, text) in enumerate(zip(owners, texts, strict=True)):
        if client not in wanted or not isinstance(text, str):
            continue
        key = (client, text)
        if key not in seen:
            seen[key] = index.lookup(str(client), text)
        found = seen[key]
        if found is not None:
            lists[pos] = list(found.themes)
