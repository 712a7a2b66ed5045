"""The :class:`Taxonomy`: themes compiled once, and tagging items with them.

How an item gets its themes
---------------------------
1. Explicit tags win. If the item carries tags (``#nerves`` in its text, or in
   the ``tags`` list the loader extracted), its themes are exactly those tags,
   in their order; no pattern is consulted. A tag equal to a theme name or
   alias (case, ``-`` and ``_`` do not matter) gives that theme; any other tag
   becomes a user theme of that name, lower-cased.
2. Otherwise every theme is searched independently. A theme whose
   ``exclude_*`` phrases occur has those phrases blanked out first.
3. Main evidence (``words``, ``patterns``) outranks weak evidence
   (``weak_*``): weak evidence gives a theme only when no theme has main
   evidence in that item.
4. Themes are ranked best first: the theme mentioned first in the text, then
   taxonomy order.

Negation does not remove a theme: "didn't ramble this time" is still about
conciseness (a strength, under "went well"). Where a negation or a set phrase
changes the topic ("no problem", "follow-up questions"), the theme lists it
under ``exclude_*``.

Speed: each theme is one alternation searched by RE2 (pyarrow's regex engine)
over the whole column: one yes/no pass per theme, then passes over the rows
that matched (exclusions, main or weak) and, only in rows where two or more
themes remain, a pass to find where each starts. Each distinct text is tagged
once, themes run on several threads, and nothing loops over items in Python
except building the output lists (``benchmarks/bench_themes.py``). RE2
compiles the regexes on every call, so a few items (:data:`SMALL`, e.g. one
line typed in a form) are matched with the same regexes precompiled in
Python's :mod:`re` instead; the text is first mapped so that both engines
agree (RE2 folds the Kelvin sign and the long s into k and s, and does not
count vertical tab as white space). ``Series.str.contains`` is not used:
pandas runs any pattern with ``\\s`` through Python's ``re``.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from importlib import resources
from os import PathLike
from pathlib import Path
from typing import Final, TypeVar

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ..exceptions import TaxonomyError
from ..model import TAG_PATTERN, find_tags
from ._theme import Theme, trusted
from ._toml import parse_taxonomy, tag_key

__all__ = ["OTHER", "SMALL", "Taxonomy"]

OTHER: Final = "other"
_TAG_RE: Final = re.compile(TAG_PATTERN)  # the model's tag rule, keeping how it was written
_FLAGS: Final = re.IGNORECASE | re.ASCII
_WEAK: Final = np.int64(1) << 40  # rank offset of weak-only evidence
_NONE: Final = np.iinfo(np.int64).max
#: Up to this many items are matched with Python's re instead of RE2 (see the module docs).
SMALL: Final = 64
_THREADS: Final = min(4, os.cpu_count() or 1)
_T = TypeVar("_T")
_THREADED: Final = 20_000  # rows from which themes are searched on several threads
# what RE2 (?i) folds that Python's re.IGNORECASE | re.ASCII does not (both engines spell
# them in ASCII, see _fold_like_python), and \v, which Python's ASCII \s counts as white
# space and RE2's \s does not
_RE2_COMPAT: Final = {0x212A: "k", 0x017F: "s", 0x0B: "\x00"}


class _Compiled:
    """One theme's regexes: RE2 strings for tagging, Python patterns for explain."""

    def __init__(self, theme: Theme, every: str) -> None:
        main = theme.regex("main")
        weak = theme.regex("weak")
        exclude = theme.regex("exclude")
        self.name = theme.name
        self.all = "(?i)" + every  # main + weak evidence
        self.main = None if main is None or weak is None else "(?i)" + main
        self.weak_only = main is None
        self.exclude = None if exclude is None else "(?i)" + exclude
        self._py_all = every
        self._py_main = main
        self._py_exclude = exclude

    @functools.cached_property
    def py_all(self) -> re.Pattern[str]:
        return re.compile(self._py_all, _FLAGS)

    @functools.cached_property
    def py_main(self) -> re.Pattern[str] | None:
        return None if self._py_main is None else re.compile(self._py_main, _FLAGS)

    @functools.cached_property
    def py_exclude(self) -> re.Pattern[str] | None:
        return None if self._py_exclude is None else re.compile(self._py_exclude, _FLAGS)


def _compile(theme: Theme) -> _Compiled | None:
    every = theme.regex("all")
    return None if every is None else _Compiled(theme, every)


def _to_arrow(texts: pd.Series) -> pa.ChunkedArray:
    dtype = texts.dtype
    if not (isinstance(dtype, pd.StringDtype) and dtype.storage == "pyarrow"):
        texts = texts.astype(pd.StringDtype("pyarrow"))
    arrow = pa.array(texts.array)
    return arrow if isinstance(arrow, pa.ChunkedArray) else pa.chunked_array([arrow])


def _tag_list(value: object) -> list[str]:
    """The tags of one item: a list, tuple or array of strings, one string, or missing."""
    if isinstance(value, str):
        return [value]
    if value is None or isinstance(value, float | int):
        return []
    try:
        return [str(v) for v in value if isinstance(v, str)]  # type: ignore[attr-defined]
    except TypeError:
        return []


def _positions(arr: pa.ChunkedArray | pa.Array, regex: str) -> np.ndarray:
    found = pc.fill_null(pc.find_substring_regex(arr, regex), -1)
    return np.array(found.to_numpy(zero_copy_only=False), dtype=np.int64)  # writable


def _mask(arr: pa.ChunkedArray | pa.Array, regex: str) -> np.ndarray:
    found = pc.fill_null(pc.match_substring_regex(arr, regex), False)
    return np.asarray(found.to_numpy(zero_copy_only=False), dtype=bool)


@dataclass
class _Found:
    """Where one theme was found in a column: rows, their (blanked) text, main or weak."""

    rows: np.ndarray
    texts: pa.Array
    main: np.ndarray  # bool per row: main evidence (else only weak)


def _find(c: _Compiled, arr: pa.ChunkedArray) -> _Found:
    """Rows of ``arr`` where theme ``c`` is found, with yes/no passes only.

    A yes/no pass costs about an eighth of finding where the match starts, so
    positions are left for :func:`_order`, and only where they decide anything.
    """
    rows = np.flatnonzero(_mask(arr, c.all))
    texts = _combined(arr.take(pa.array(rows)))
    if c.exclude is not None and len(rows):
        hit = _mask(texts, c.exclude)
        if hit.any():  # blank the excluded phrases and look again, in those rows only
            blanked = pc.replace_substring_regex(texts.filter(pa.array(hit)), c.exclude, " ")
            texts = pc.replace_with_mask(texts, pa.array(hit), blanked)
            keep = ~hit
            keep[np.flatnonzero(hit)[_mask(blanked, c.all)]] = True
            rows, texts = rows[keep], texts.filter(pa.array(keep))
    if c.weak_only:
        main = np.zeros(len(rows), dtype=bool)
    elif c.main is None or not len(rows):
        main = np.ones(len(rows), dtype=bool)
    else:
        main = _mask(texts, c.main)
    return _Found(rows, texts, main)


def _fold_like_python(arr: pa.ChunkedArray) -> pa.ChunkedArray:
    """Spell the Kelvin sign and the long s as k and s, as the Python path does.

    RE2's (?i) matches them as k and s but counts them as non-word characters
    for \\b; once spelled as ASCII both engines see the same word.
    """
    if not pc.any(pc.match_substring_regex(arr, "[\u212a\u017f]")).as_py():
        return arr
    arr = pc.replace_substring(arr, "\u212a", "k")
    return pc.replace_substring(arr, "\u017f", "s")


def _chunks(values: pa.ChunkedArray | pa.Array) -> list[pa.Array]:
    return list(values.chunks) if isinstance(values, pa.ChunkedArray) else [values]


def _combined(values: pa.ChunkedArray | pa.Array) -> pa.Array:
    return values.combine_chunks() if isinstance(values, pa.ChunkedArray) else values


def _order(c: _Compiled, found: _Found, need: np.ndarray) -> np.ndarray:
    """Start of the theme's first main (else weak) match in the rows where ``need``."""
    pos = np.zeros(len(found.rows), dtype=np.int64)
    for main in (True, False):
        at = np.flatnonzero(need & (found.main == main))
        if len(at):
            regex = c.main if main and c.main is not None else c.all
            pos[at] = _positions(found.texts.take(pa.array(at)), regex)
    return pos


class Taxonomy:
    """A set of themes, compiled once, that tags free-text items.

    Build one with :meth:`default`, :meth:`from_file`, :meth:`from_toml`, or
    from :class:`Theme` objects. A taxonomy is immutable.

    Examples
    --------
    >>> tax = Taxonomy.default()
    >>> tax.tag(["rambled on about my thesis", "ran out of time on the SQL question",
    ...          "the office had a nice view", "blanked completely #nerves #visa"])
    [['conciseness'], ['time_management', 'technical'], [], ['nerves', 'visa']]
    >>> tax.explain("ran out of time on the SQL question")
    [('time_management', 'ran out of time'), ('technical', 'SQL')]
    """

    def __init__(self, themes: Iterable[Theme], *, source: str = "<themes>") -> None:
        self._themes: tuple[Theme, ...] = tuple(themes)
        self.source = source
        names = [t.name for t in self._themes]
        dup = sorted({n for n in names if names.count(n) > 1})
        if dup:
            raise TaxonomyError(f"{source}: theme names must be unique; repeated: {dup}")
        self._by_name = {t.name: t for t in self._themes}
        self._tag_to_theme: dict[str, str] = {}
        for t in self._themes:
            for key in (t.name, *t.aliases):
                owner = self._tag_to_theme.setdefault(tag_key(key), t.name)
                if owner != t.name:
                    raise TaxonomyError(
                        f"{source}: alias {key!r} of theme {t.name!r} is already used by "
                        f"theme {owner!r}; remove it from one of them"
                    )
        compiled = [_compile(t) for t in self._themes]
        self._compiled: tuple[_Compiled, ...] = tuple(c for c in compiled if c is not None)
        self._index = {c.name: i for i, c in enumerate(self._compiled)}

    # -- construction ------------------------------------------------------------------

    @classmethod
    def default(cls) -> Taxonomy:
        """The built-in taxonomy of 14 themes (read once from ``default.toml``).

        Examples
        --------
        >>> Taxonomy.default().themes[:3]
        ('preparation', 'nerves', 'conciseness')
        >>> Taxonomy.default() is Taxonomy.default()
        True
        """
        return _default_taxonomy()

    @classmethod
    def from_toml(cls, text: str, *, source: str = "<string>") -> Taxonomy:
        """Build a taxonomy from TOML text (see the module docs for the schema).

        Raises :class:`~recovery_analytics.exceptions.TaxonomyError` naming
        ``source``, the line and how to fix the problem.

        Examples
        --------
        >>> tax = Taxonomy.from_toml('''
        ... [themes.visa]
        ... description = "work permits and sponsorship"
        ... words = ["visa*", "sponsor*", "work permit*"]
        ... ''')
        >>> tax.themes[-1], tax.tag(["need a visa to start", "asked if they sponsor visas"])
        ('visa', [['visa'], ['questions_for_them', 'visa']])
        >>> Taxonomy.from_toml('[themes.visa]\\nwords = ["visa(*"]', source="mine.toml")
        Traceback (most recent call last):
        ...
        recovery_analytics.exceptions.TaxonomyError: mine.toml:2: themes.visa.words[0]: ...
        """
        themes, _ = parse_taxonomy(text, source, lambda: cls.default().theme_objects)
        return cls(themes, source=source)

    @classmethod
    def from_file(cls, path: str | PathLike[str]) -> Taxonomy:
        """Read a taxonomy TOML file (UTF-8); see :meth:`from_toml`."""
        p = Path(path)
        try:
            text = p.read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            raise TaxonomyError(
                f"{p}: the file is not UTF-8 text ({exc.reason} at byte {exc.start}); "
                "save it as UTF-8"
            ) from None
        return cls.from_toml(text, source=str(p))

    # -- looking at it -------------------------------------------------------------------

    @property
    def themes(self) -> tuple[str, ...]:
        """Theme names, in taxonomy order."""
        return tuple(t.name for t in self._themes)

    @property
    def theme_objects(self) -> tuple[Theme, ...]:
        """The :class:`Theme` objects, in taxonomy order."""
        return self._themes

    def __getitem__(self, name: str) -> Theme:
        try:
            return self._by_name[name]
        except KeyError:
            raise KeyError(
                f"{name!r} is not a theme of this taxonomy; themes: {', '.join(self.themes)}"
            ) from None

    def __contains__(self, name: object) -> bool:
        return name in self._by_name

    def __iter__(self) -> Iterator[Theme]:
        return iter(self._themes)

    def __len__(self) -> int:
        return len(self._themes)

    def __repr__(self) -> str:
        return f"Taxonomy({len(self)} themes from {self.source})"

    def describe(self) -> pd.DataFrame:
        """One row per theme: theme, description, n_patterns, aliases.

        Examples
        --------
        >>> d = Taxonomy.default().describe()
        >>> list(d.columns), len(d)
        (['theme', 'description', 'n_patterns', 'aliases'], 14)
        """
        return pd.DataFrame(
            {
                "theme": pd.Series(self.themes, dtype="str"),
                "description": pd.Series([t.description for t in self._themes], dtype="str"),
                "n_patterns": pd.Series([t.n_patterns for t in self._themes], dtype="int64"),
                "aliases": pd.Series([", ".join(t.aliases) for t in self._themes], dtype="str"),
            }
        )

    def regex(self, theme: str | None = None) -> str:
        """The regex (RE2 and Python) that finds one theme, or any theme when None.

        Useful to see what a theme matches, or as a single-pass pre-filter.
        """
        if theme is not None:
            return self._compiled[self._index[self[theme].name]].all
        return "(?i)" + "|".join(c.all.removeprefix("(?i)") for c in self._compiled)

    # -- tagging ---------------------------------------------------------------------------

    def resolve_tag(self, tag: str) -> str:
        """The theme a ``#tag`` stands for: a theme name, or the tag itself lower-cased.

        Examples
        --------
        >>> tax = Taxonomy.default()
        >>> tax.resolve_tag("#Follow-Up"), tax.resolve_tag("anxiety"), tax.resolve_tag("Visa")
        ('follow_up', 'nerves', 'visa')
        """
        bare = tag.strip().lstrip("#")
        return self._tag_to_theme.get(tag_key(bare), bare.lower())

    def tag(self, texts: Iterable[str]) -> list[list[str]]:
        """Themes per text, best first; ``[]`` when none. Inline ``#tags`` win.

        Examples
        --------
        >>> Taxonomy.default().tag(["didn't ramble this time", "got a free coffee"])
        [['conciseness'], []]
        """
        if isinstance(texts, str):
            raise TypeError("`texts` must be a list of texts; for one text write tag([text])")
        series = pd.Series(list(texts), dtype="str")
        return list(self.tag_items(series).tolist())

    def tag_items(self, texts: pd.Series, tags: pd.Series | None = None) -> pd.Series:
        """Vectorised :meth:`tag`: a Series of lists with the index of ``texts``.

        Parameters
        ----------
        texts : Series of str
            Item texts; missing values get ``[]`` (unless tagged).
        tags : Series of lists, optional
            Per item, tags already extracted (with or without ``#``). When
            given, inline tags in ``texts`` are not read again. A non-empty
            list decides the item's themes (explicit tags win).

        Examples
        --------
        >>> import pandas as pd
        >>> tax = Taxonomy.default()
        >>> out = tax.tag_items(pd.Series(["rambled", "late again"], index=[10, 11]),
        ...                     tags=pd.Series([[], ["anxiety"]], index=[10, 11]))
        >>> out.to_dict()
        {10: ['conciseness'], 11: ['nerves']}
        """
        if not isinstance(texts, pd.Series):
            raise TypeError(
                f"`texts` must be a pandas Series of strings, not {type(texts).__name__}; "
                "for a plain list use Taxonomy.tag(texts)"
            )
        if tags is not None and not tags.index.equals(texts.index):
            raise ValueError(
                "`tags` must have the same index as `texts` (one list of tags per item); "
                "align them with tags.reindex(texts.index)"
            )
        arr = _to_arrow(texts)
        lists = self._match(arr)
        explicit = self._explicit(arr, tags)
        for pos, themes in explicit.items():
            lists[pos] = themes
        return pd.Series(lists, index=texts.index, dtype=object, name="themes")

    def _explicit(self, arr: pa.ChunkedArray, tags: pd.Series | None) -> dict[int, list[str]]:
        """Positions of items with explicit tags -> their themes."""
        out: dict[int, list[str]] = {}
        if tags is None:
            has_hash = pc.fill_null(pc.match_substring(arr, "#"), False).to_numpy()
            rows = np.flatnonzero(np.asarray(has_hash, dtype=bool))
            if not len(rows):
                return out
            texts = arr.take(pa.array(rows)).to_pylist()
            for pos, text in zip(rows.tolist(), texts, strict=True):
                found = find_tags(text or "")
                if found:
                    out[pos] = list(dict.fromkeys(self.resolve_tag(t) for t in found))
            return out
        for pos, value in enumerate(tags.tolist()):
            values = _tag_list(value)
            themes = [self.resolve_tag(t) for t in values if t.strip().lstrip("#")]
            if themes:
                out[pos] = list(dict.fromkeys(themes))
        return out

    def _rank_keys(self, arr: pa.ChunkedArray, engine: str | None = None) -> np.ndarray:
        """(n, themes) int64: rank key of each theme per item, _NONE when absent.

        The key is the position of the theme's first main match, or _WEAK plus
        the position of its first weak match. Positions are RE2 byte offsets or
        Python character offsets; either orders themes within an item the same.
        """
        if engine is None:
            engine = "python" if len(arr) <= SMALL else "arrow"
        if engine == "python":
            keys = self._rank_keys_python(arr.to_pylist())
        else:
            keys = self._rank_keys_arrow(arr)
        # weak evidence counts only when no theme has main evidence
        has_main: np.ndarray = np.asarray((keys < _WEAK).any(axis=1))
        keys[has_main[:, None] & (keys >= _WEAK) & (keys != _NONE)] = _NONE
        return keys

    def _rank_keys_python(self, texts: Sequence[str | None]) -> np.ndarray:
        keys = np.full((len(texts), len(self._compiled)), _NONE, dtype=np.int64)
        for i, raw in enumerate(texts):
            if raw is None:
                continue
            text = raw.translate(_RE2_COMPAT)
            for j, c in enumerate(self._compiled):
                found = c.py_all.search(text)
                if found is None:
                    continue
                searched = text
                if c.py_exclude is not None:
                    searched = c.py_exclude.sub(" ", text)
                    found = c.py_all.search(searched)
                    if found is None:
                        continue
                if c.weak_only:
                    keys[i, j] = _WEAK + found.start()
                elif c.main is not None and c.py_main is not None:
                    main = c.py_main.search(searched)
                    keys[i, j] = main.start() if main else _WEAK + found.start()
                else:
                    keys[i, j] = found.start()
        return keys

    def _rank_keys_arrow(self, arr: pa.ChunkedArray) -> np.ndarray:
        arr = _fold_like_python(arr)
        themes = self._compiled
        workers = min(_THREADS, len(themes)) if len(arr) >= _THREADED else 1

        def each(fn: Callable[[int], _T]) -> list[_T]:
            if workers == 1:
                return [fn(j) for j in range(len(themes))]
            with ThreadPoolExecutor(workers) as pool:  # pyarrow releases the GIL
                return list(pool.map(fn, range(len(themes))))

        found = each(lambda j: _find(themes[j], arr))
        tier = np.full((len(arr), len(themes)), _NONE, dtype=np.int64)
        for j, f in enumerate(found):
            tier[f.rows, j] = np.where(f.main, 0, _WEAK)
        # weak evidence counts only when no theme has main evidence
        has_main: np.ndarray = np.asarray((tier == 0).any(axis=1))
        tier[has_main[:, None] & (tier == _WEAK)] = _NONE
        # positions matter only where two or more themes remain
        several = (tier != _NONE).sum(axis=1) >= 2
        kept = [tier[f.rows, j] != _NONE for j, f in enumerate(found)]
        pos = each(lambda j: _order(themes[j], found[j], several[found[j].rows] & kept[j]))
        for j, f in enumerate(found):
            rows = f.rows[kept[j]]
            tier[rows, j] += pos[j][kept[j]]
        return tier

    def _match(self, arr: pa.ChunkedArray, engine: str | None = None) -> list[list[str]]:
        n = len(arr)
        if not self._compiled or n == 0:
            return [[] for _ in range(n)]
        if engine is None:
            engine = "python" if n <= SMALL else "arrow"
        items: np.ndarray | None = None
        if engine == "arrow":  # tag each distinct text once
            codes, distinct = pd.factorize(pd.Series(pd.arrays.ArrowStringArray(arr)))
            if len(distinct) < 0.9 * n:
                items = np.asarray(codes, dtype=np.int64)  # -1: a missing text ...
                values = pa.array(distinct)
                arr = pa.chunked_array(  # ... is the null appended last
                    [*_chunks(values), pa.nulls(1, type=values.type)], type=values.type
                )
        combos, inverse = self._combos(self._rank_keys(arr, engine))
        if items is not None:
            inverse = inverse[items]
        return list(map(list, map(combos.__getitem__, inverse.tolist())))  # fresh lists

    def _combos(self, keys: np.ndarray) -> tuple[list[list[str]], np.ndarray]:
        """The distinct ranked theme lists, and which one each row has."""
        n = len(keys)
        count = (keys != _NONE).sum(axis=1)
        width = int(count.max()) if n else 0
        if width == 0:
            return [[]], np.zeros(n, dtype=np.int64)
        order = np.argsort(keys, axis=1, kind="stable")[:, :width]
        order = np.where(np.arange(width) < count[:, None], order + 1, 0)
        base = len(self._compiled) + 1
        if width * np.log2(base) < 62:
            codes = (order * base ** np.arange(width, dtype=np.int64)).sum(axis=1)
            uniques, inverse = np.unique(codes, return_inverse=True)
            digits = (uniques[:, None] // base ** np.arange(width, dtype=np.int64)) % base
        else:  # many themes: compare whole rows
            digits, inverse = np.unique(order, axis=0, return_inverse=True)
        names = [c.name for c in self._compiled]
        combos = [[names[d - 1] for d in row if d] for row in digits.tolist()]
        return combos, inverse.ravel()

    def explain(self, text: str) -> list[tuple[str, str]]:
        """Why ``text`` gets its themes: (theme, the words that matched), best first.

        Explicit tags are shown as ``#tag``. Uses the same rules as :meth:`tag`.

        Examples
        --------
        >>> Taxonomy.default().explain("Nervous, and rambled a bit #nerves #Nerves #anxiety")
        [('nerves', '#nerves, #anxiety')]
        >>> Taxonomy.default().explain("the role is hybrid")
        []
        """
        tags = find_tags(text)
        if tags:
            spelled = {t.lower(): t for t in reversed(_TAG_RE.findall(text))}  # as first written
            shown: dict[str, list[str]] = {}
            for t in tags:
                shown.setdefault(self.resolve_tag(t), []).append(f"#{spelled[t]}")
            return [(k, ", ".join(v)) for k, v in shown.items()]
        out = []
        for theme in self.tag([text])[0]:
            c = self._compiled[self._index[theme]]
            searched = text.translate(_RE2_COMPAT)
            if c.py_exclude is not None:
                searched = c.py_exclude.sub(" ", searched)
            matched = [m.group(0).strip() for m in c.py_all.finditer(searched) if m.group(0)]
            out.append((theme, ", ".join(dict.fromkeys(matched))))
        return out


@functools.cache
def _default_taxonomy() -> Taxonomy:
    text = (
        resources.files("recovery_analytics.themes")
        .joinpath("default.toml")
        .read_text(encoding="utf-8")
    )
    with trusted():  # tests/themes/test_taxonomy.py checks every built-in entry
        themes, _ = parse_taxonomy(
            text, "recovery_analytics/themes/default.toml", tuple, check_entries=False
        )
    return Taxonomy(themes, source="the built-in taxonomy")


def builtin_theme_names() -> Sequence[str]:
    """Names of the built-in themes, in order."""
    return Taxonomy.default().themes
