"""The matching engine of :class:`~recovery_analytics.themes.Taxonomy`: RE2 passes over a column.

Each theme's regexes are compiled once (:class:`_Compiled`); :func:`_find` finds
the rows where a theme occurs with yes/no passes, :func:`_order` where in those
rows it first occurs. See :mod:`recovery_analytics.themes._taxonomy` for how
the passes are combined.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final, TypeVar

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ._theme import Theme

__all__ = ["SMALL"]

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


# Markdown emphasis with underscores ("_not_ correct", "_thirty hours_") hides the
# word from \b; underscores at the edge of a word are dropped, inner ones kept
# ("snake_case"). Written for both engines (ASCII classes only).
_EMPHASIS_OPEN: Final = r"(^|[^A-Za-z0-9_])_+([A-Za-z0-9])"
_EMPHASIS_CLOSE: Final = r"([A-Za-z0-9])_+([^A-Za-z0-9_]|$)"
_PY_EMPHASIS: Final = (re.compile(_EMPHASIS_OPEN), re.compile(_EMPHASIS_CLOSE))


def _plain(arr: pa.ChunkedArray) -> pa.ChunkedArray:
    """``arr`` without underscore emphasis, changing only the rows that have an underscore."""
    if not pc.any(pc.match_substring(arr, "_")).as_py():
        return arr
    for regex in (_EMPHASIS_OPEN, _EMPHASIS_CLOSE):
        arr = pc.replace_substring_regex(arr, regex, r"\1\2")
    return arr


def _plain_text(text: str) -> str:
    """:func:`_plain` for one text, with Python's ``re``."""
    for regex in _PY_EMPHASIS:
        text = regex.sub(r"\1\2", text)
    return text


def _rank_keys_python(compiled: Sequence[_Compiled], texts: Sequence[str | None]) -> np.ndarray:
    """(n, themes) rank keys of a few texts with Python's ``re`` (see ``Taxonomy._rank_keys``)."""
    keys = np.full((len(texts), len(compiled)), _NONE, dtype=np.int64)
    for i, raw in enumerate(texts):
        if raw is None:
            continue
        text = raw.translate(_RE2_COMPAT)
        for j, c in enumerate(compiled):
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
