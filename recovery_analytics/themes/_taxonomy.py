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
4. A long, prose-like item that is not about the writer's own interview
   (opinion, advice to readers, facts about the world) gets no theme
   (:mod:`._context`).
5. Word senses that depend on the interviewee's role are applied when a role
   is given (``senses.toml``, :meth:`Taxonomy.for_role`): a product manager's
   "estimation question" is not *technical*.
6. Themes are ranked best first. With the rules alone: the theme mentioned
   first in the text, then taxonomy order. The built-in taxonomy (and any
   file that extends it) also has a small learned ranker (:mod:`._ranker`,
   weights in ``ranker.toml``) that reorders those candidates by which one the
   item is *about* ("asked about the bonus" is about compensation first) and
   may give none to prose that only mentions a topic in passing.

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
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from importlib import resources
from os import PathLike
from pathlib import Path
from typing import Final

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ..exceptions import TaxonomyError
from ..model import TAG_PATTERN, find_tags
from ._context import LONG, general_mask
from ._corrections import THRESHOLD, Correction, CorrectionIndex, relearn
from ._engine import (
    _NONE,
    _RE2_COMPAT,
    _T,
    _THREADED,
    _THREADS,
    _WEAK,
    SMALL,
    _chunks,
    _compile,
    _Compiled,
    _find,
    _fold_like_python,
    _order,
    _plain,
    _plain_text,
    _rank_keys_python,
    _tag_list,
    _to_arrow,
)
from ._ranker import Ranker, default_ranker
from ._senses import role_class, themes_for
from ._theme import Theme, trusted
from ._toml import parse_taxonomy, tag_key

__all__ = ["OTHER", "SMALL", "Taxonomy"]

OTHER: Final = "other"
_TAG_RE: Final = re.compile(TAG_PATTERN)  # the model's tag rule, keeping how it was written


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

    def __init__(
        self,
        themes: Iterable[Theme],
        *,
        source: str = "<themes>",
        ranker: Ranker | None = None,
        learned: CorrectionIndex | None = None,
    ) -> None:
        self._themes: tuple[Theme, ...] = tuple(themes)
        self.source = source
        self._ranker = ranker
        self._learned = learned
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
        self._by_role: dict[str, Taxonomy] = {}

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
        themes, extends = parse_taxonomy(text, source, lambda: cls.default().theme_objects)
        ranker = default_ranker() if extends == "default" else None
        return cls(themes, source=source, ranker=ranker)

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

    def with_corrections(
        self, corrections: Iterable[Correction], *, threshold: float = THRESHOLD
    ) -> Taxonomy:
        """This taxonomy, learning from hand-set themes (:mod:`._corrections`).

        A client's item whose text is the same as, or near-identical to
        (``threshold``: share of shared words), an item they filed by hand gets
        the themes it was filed under; :meth:`explain` says so. Pass the
        client of each item to :meth:`tag_items` (``clients=``) or
        :meth:`tag`/:meth:`explain` (``client=``); without one, items are the
        default client's.

        Examples
        --------
        >>> from recovery_analytics.themes import Correction
        >>> fixed = Correction("me", "I had clearly done my research", ("preparation",))
        >>> tax = Taxonomy.default().with_corrections([fixed])
        >>> tax.tag(["I had clearly done my research on them"])
        [['preparation']]
        >>> tax.explain("I had clearly done my research on them")
        [('preparation', 'you filed a similar item under preparation')]
        """
        index = CorrectionIndex(corrections, threshold=threshold)
        return Taxonomy(self._themes, source=self.source, ranker=self._ranker, learned=index)

    @property
    def corrections(self) -> tuple[Correction, ...]:
        """The hand-set themes this taxonomy learns from (:meth:`with_corrections`)."""
        return () if self._learned is None else self._learned.corrections

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

    def for_role(self, role: object) -> Taxonomy:
        """This taxonomy with the word senses of ``role`` applied; itself when none apply.

        Some words mean another theme, or none, for some roles (``senses.toml``):
        for a product manager an "estimation question" or a "metrics question"
        is not evidence of *technical*. Those words are added to the themes'
        ``exclude_words``.

        Examples
        --------
        >>> tax = Taxonomy.default()
        >>> tax.for_role("Backend engineer") is tax, tax.for_role(None) is tax
        (True, True)
        >>> tax.tag(["the estimation question went badly"], role="Product Manager")
        [[]]
        """
        sense = role_class(role)
        if sense is None:
            return self
        if sense.name not in self._by_role:
            self._by_role[sense.name] = Taxonomy(
                themes_for(self._themes, sense),
                source=f"{self.source} ({sense.name} roles)",
                ranker=self._ranker,
                learned=self._learned,
            )
        return self._by_role[sense.name]

    def tag(
        self, texts: Iterable[str], *, role: str | None = None, client: str | None = None
    ) -> list[list[str]]:
        """Themes per text, best first; ``[]`` when none. Inline ``#tags`` win.

        ``role`` (the interviewee's role, e.g. "Product Manager") applies its
        word senses (:meth:`for_role`); ``client`` whose hand-set themes apply
        (:meth:`with_corrections`).

        Examples
        --------
        >>> Taxonomy.default().tag(["didn't ramble this time", "got a free coffee"])
        [['conciseness'], []]
        """
        if isinstance(texts, str):
            raise TypeError("`texts` must be a list of texts; for one text write tag([text])")
        series = pd.Series(list(texts), dtype="str")
        clients = None if client is None else pd.Series(client, index=series.index, dtype=object)
        return list(self.for_role(role).tag_items(series, clients=clients).tolist())

    def tag_items(
        self,
        texts: pd.Series,
        tags: pd.Series | None = None,
        *,
        roles: pd.Series | None = None,
        clients: pd.Series | None = None,
    ) -> pd.Series:
        """Vectorised :meth:`tag`: a Series of lists with the index of ``texts``.

        Parameters
        ----------
        texts : Series of str
            Item texts; missing values get ``[]`` (unless tagged).
        tags : Series of lists, optional
            Per item, tags already extracted (with or without ``#``). When
            given, inline tags in ``texts`` are not read again. A non-empty
            list decides the item's themes (explicit tags win).
        roles : Series of str, optional
            Per item, the interviewee's role; where a role has its own word
            senses (:meth:`for_role`) the item is tagged with them.
        clients : Series of str, optional
            Per item, whose it is: a client's hand-set themes
            (:meth:`with_corrections`) apply to their own items only. Without
            it, every item is the default client's.

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
        if roles is not None:
            self._retag_roles(arr, roles.reindex(texts.index), lists)
        if self._learned is not None:  # hand-set themes, before explicit tags (which win)
            owners = None if clients is None else clients.reindex(texts.index).tolist()
            relearn(self._learned, texts.tolist(), owners, lists)
        explicit = self._explicit(arr, tags)
        for pos, themes in explicit.items():
            lists[pos] = themes
        return pd.Series(lists, index=texts.index, dtype=object, name="themes")

    def _retag_roles(self, arr: pa.ChunkedArray, roles: pd.Series, lists: list) -> None:
        """Tag again, with their role's senses, the items whose role has any."""
        codes, distinct = pd.factorize(roles.astype(object).where(roles.notna(), None))
        by_tax: dict[int, list[int]] = {}
        taxes: dict[int, Taxonomy] = {}
        for code, role in enumerate(distinct):
            tax = self.for_role(role)
            if tax is not self:
                taxes.setdefault(id(tax), tax)
                by_tax.setdefault(id(tax), []).append(code)
        for key, role_codes in by_tax.items():
            rows = np.flatnonzero(np.isin(codes, role_codes))
            for pos, themes in zip(rows, taxes[key]._match(arr.take(pa.array(rows))), strict=True):
                lists[pos] = themes

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
        if engine != "python":
            return self._rank_keys_arrow(arr)  # which applies the weak rule itself
        keys = _rank_keys_python(self._compiled, arr.to_pylist())
        # weak evidence counts only when no theme has main evidence
        has_main: np.ndarray = np.asarray((keys < _WEAK).any(axis=1))
        keys[has_main[:, None] & (keys >= _WEAK) & (keys != _NONE)] = _NONE
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
        n = len(arr)
        # weak evidence counts only when no theme has main evidence (rows, not a matrix)
        has_main = np.zeros(n, dtype=bool)
        for f in found:
            has_main[f.rows[f.main]] = True
        kept = [f.main | ~has_main[f.rows] for f in found]
        # positions matter only where two or more themes remain
        count = np.zeros(n, dtype=np.int64)
        for f, k in zip(found, kept, strict=True):
            count[f.rows[k]] += 1  # a theme's rows are distinct
        several = count >= 2
        pos = each(lambda j: _order(themes[j], found[j], several[found[j].rows] & kept[j]))
        tier = np.full((n, len(themes)), _NONE, dtype=np.int64)
        for j, f in enumerate(found):
            k = kept[j]
            tier[f.rows[k], j] = np.where(f.main[k], 0, _WEAK) + pos[j][k]
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
        arr = _plain(arr)
        keys = self._rank_keys(arr, engine)
        keys[general_mask(arr, (keys != _NONE).any(axis=1))] = _NONE  # not about an interview
        if self._ranker is not None:  # which candidate the item is about
            lengths = pc.fill_null(pc.utf8_length(arr), 0).to_numpy(zero_copy_only=False)
            long = np.asarray(lengths) >= LONG
            keys = self._ranker.rank(keys, [c.name for c in self._compiled], _NONE, _WEAK, long)
        combos, inverse = self._combos(keys)
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
        order = np.zeros((n, width), dtype=np.int64)  # 1 + column of each ranked theme
        one = np.flatnonzero(count == 1)  # most rows: the one theme is the smallest key
        order[one, 0] = np.argmin(keys[one], axis=1) + 1
        many = np.flatnonzero(count >= 2)
        if len(many):
            ranked = np.argsort(keys[many], axis=1, kind="stable")[:, :width] + 1
            order[many] = np.where(np.arange(width) < count[many, None], ranked, 0)
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

    def explain(
        self, text: str, *, role: str | None = None, client: str | None = None
    ) -> list[tuple[str, str]]:
        """Why ``text`` gets its themes: (theme, the words that matched), best first.

        Explicit tags are shown as ``#tag``; themes learnt from ``client``'s
        hand-set ones say "you filed a similar item under <theme>". Uses the
        same rules as :meth:`tag`, with the word senses of ``role`` when given.

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
        learned = None if self._learned is None else self._learned.lookup(client, text)
        if learned is not None:
            return [(t, learned.reason(t)) for t in learned.themes]
        tax = self.for_role(role)
        out = []
        for theme in tax.tag([text], client=client)[0]:
            c = tax._compiled[tax._index[theme]]
            searched = _plain_text(text).translate(_RE2_COMPAT)
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
    return Taxonomy(themes, source="the built-in taxonomy", ranker=default_ranker())


def builtin_theme_names() -> Sequence[str]:
    """Names of the built-in themes, in order."""
    return Taxonomy.default().themes
