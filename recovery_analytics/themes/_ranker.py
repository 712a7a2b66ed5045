"""A small learned ranker over the rules' candidate themes.

The rules say which themes an item *mentions* (every theme whose words occur)
and where; they do not say which one the item is *about*. "asked about the
bonus structure" mentions asking (questions_for_them) first but is about pay;
"the coding part felt like a race against the clock" mentions the round
(technical) first but is about time. The ranker scores each candidate theme of
an item with a linear model and orders the candidates by score; an item whose
"no theme" score beats every candidate gets no theme (prose that mentions a
topic in passing). Features, all read from the rules' result:

- the theme itself (``bias``), and which other themes are present beside it
  (``with``: "compensation beside questions_for_them" pushes compensation up);
- whether it is the theme mentioned first, and whether its evidence is weak;
- how many candidates the item has, and whether the item is long (prose).

The weights are fitted ahead by ``benchmarks/fit_ranker.py`` on labelled
items (the themes evaluation set and the real-text development set, never the
held-out or untouched parts) and stored in ``ranker.toml`` beside this module:
a small, readable file. Nothing is learned at run time; scoring is a few
numpy operations over the whole column. A theme the file does not name (one of
a coach's own themes) gets zero theme weights and is ranked by the other
features.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from typing import Final

import numpy as np

from ..exceptions import TaxonomyError

__all__ = ["GENERIC", "Design", "Ranker", "default_ranker", "design"]

#: The features that do not depend on the theme, in the order of ``[generic]``.
GENERIC: Final = ("first", "weak", "others", "long", "long_first")
#: The features of the "no theme" option, in the order of ``[none]``.
NONE_FEATURES: Final = ("bias", "long", "others", "weak")


@dataclass(frozen=True)
class Design:
    """What the ranker reads of a batch of items: (n, themes) arrays and per-item values."""

    present: np.ndarray  # bool: the theme is a candidate
    first: np.ndarray  # float: the candidate mentioned first
    weak: np.ndarray  # float: the item's candidates are weak evidence only
    others: np.ndarray  # float (n,): number of candidates minus one
    long: np.ndarray  # float (n,): the item is long (prose)

    def take(self, rows: np.ndarray) -> Design:
        """The same inputs for the items at ``rows`` only."""
        p, f, w, o, n = self.present, self.first, self.weak, self.others, self.long
        return Design(p[rows], f[rows], w[rows], o[rows], n[rows])


def design(keys: np.ndarray, none: int, weak_from: int | np.integer, long: np.ndarray) -> Design:
    """The ranker's inputs from the rules' rank keys (``none``: absent, ``>= weak_from``: weak)."""
    present = keys != none
    n_cand = present.sum(axis=1)
    first = np.zeros(keys.shape, dtype=float)
    rows = np.flatnonzero(n_cand > 0)
    first[rows, np.argmin(keys[rows], axis=1)] = 1.0
    weak = (present & (keys >= weak_from)).astype(float)
    others = np.maximum(n_cand - 1, 0).astype(float)
    return Design(present, first, weak, others, long.astype(float))


@dataclass
class Ranker:
    """Weights of the linear ranker, by theme name.

    Examples
    --------
    >>> r = Ranker(themes=("a", "b"), bias=np.array([0.0, 1.0]))
    >>> keys = np.array([[0, 5], [3, 9_999]])
    >>> d = design(keys, 9_999, 1_000, np.array([False, False]))
    >>> r.order(d, ("a", "b")).tolist()
    [[1, 0], [0, 9999]]
    """

    themes: tuple[str, ...]
    bias: np.ndarray
    with_: np.ndarray = field(default_factory=lambda: np.zeros((0, 0)))
    generic: np.ndarray = field(default_factory=lambda: np.zeros(len(GENERIC)))
    none: np.ndarray = field(default_factory=lambda: np.array([-50.0, 0.0, 0.0, 0.0]))

    def __post_init__(self) -> None:
        k = len(self.themes)
        if self.with_.shape != (k, k):
            self.with_ = np.zeros((k, k))

    def _align(self, names: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """Theme bias and co-presence weights for a taxonomy's themes (unknown: 0)."""
        where = {t: i for i, t in enumerate(self.themes)}
        idx = np.array([where.get(n, -1) for n in names])
        known = idx >= 0
        bias = np.where(known, self.bias[np.maximum(idx, 0)], 0.0)
        sub = self.with_[np.ix_(np.maximum(idx, 0), np.maximum(idx, 0))]
        sub = np.where(known[:, None] & known[None, :], sub, 0.0)
        np.fill_diagonal(sub, 0.0)
        return bias, sub

    def scores(self, d: Design, names: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """Scores (n, themes) of the candidates (``-inf`` where absent) and of "no theme" (n,)."""
        bias, with_ = self._align(names)
        g = self.generic
        s = (
            bias[None, :]
            + g[0] * d.first
            + g[1] * d.weak
            + g[2] * d.others[:, None]
            + g[3] * d.long[:, None]
            + g[4] * d.long[:, None] * d.first
            + d.present.astype(float) @ with_.T
        )
        z = self.none
        weak_only = d.weak.max(axis=1) if d.weak.size else np.zeros(len(d.others))
        none = z[0] + z[1] * d.long + z[2] * d.others + z[3] * weak_only
        return np.where(d.present, s, -np.inf), none

    def order(self, d: Design, names: Sequence[str], absent: int = 9_999) -> np.ndarray:
        """New rank keys: 0, 1, ... by score for the candidates, ``absent`` elsewhere.

        An item whose "no theme" score beats every candidate gets no candidate.
        """
        keys = np.full(d.present.shape, absent, dtype=np.int64)
        n_cand = d.present.sum(axis=1)
        # one candidate (most items): only "no theme" can change anything
        single = np.flatnonzero(n_cand == 1)
        if len(single):
            one = self.take_single(d.take(single), names)
            keys[single[one >= 0], one[one >= 0]] = 0
        several = np.flatnonzero(n_cand >= 2)
        if not len(several):
            return keys
        sub = d.take(several)
        s, none = self.scores(sub, names)
        order = np.argsort(-s, axis=1, kind="stable")
        ranks = np.empty_like(order)
        np.put_along_axis(ranks, order, np.arange(s.shape[1])[None, :], axis=1)
        keep = sub.present & (s.max(axis=1) > none)[:, None]
        block = np.full(s.shape, absent, dtype=np.int64)
        block[keep] = ranks[keep]
        keys[several] = block
        return keys

    def take_single(self, d: Design, names: Sequence[str]) -> np.ndarray:
        """For items with one candidate: its column, or -1 where "no theme" wins."""
        col = np.argmax(d.present, axis=1)
        weak = d.weak[np.arange(len(col)), col]
        return np.where(self.keep_single(col, weak, d.long, names), col, -1)

    def keep_single(
        self, col: np.ndarray, weak: np.ndarray, long: np.ndarray, names: Sequence[str]
    ) -> np.ndarray:
        """Whether an item's one candidate (column ``col``) beats "no theme" (floats in)."""
        bias, _ = self._align(names)
        g, z = self.generic, self.none
        score = bias[col] + g[0] + g[1] * weak + g[3] * long + g[4] * long
        none = z[0] + z[1] * long + z[3] * weak
        return np.asarray(score > none)

    def rank(
        self,
        keys: np.ndarray,
        names: Sequence[str],
        none: int | np.integer,
        weak_from: int | np.integer,
        long: np.ndarray,
    ) -> np.ndarray:
        """:meth:`order` of the rules' rank ``keys``, written over ``keys`` (returned).

        The same result as ``order(design(keys, ...))``, without building the
        inputs for every item: an item with one candidate (most) needs only
        that candidate's column and whether its evidence is weak.
        """
        present = keys != none
        n_cand = present.sum(axis=1)
        single = np.flatnonzero(n_cand == 1)
        if len(single):
            col = np.argmax(present[single], axis=1)
            weak = (keys[single, col] >= weak_from).astype(float)
            keep = self.keep_single(col, weak, long[single].astype(float), names)
            keys[single, col] = np.where(keep, 0, none)
        several = np.flatnonzero(n_cand >= 2)
        if len(several):
            inputs = design(keys[several], int(none), weak_from, long[several])
            keys[several] = self.order(inputs, names, absent=int(none))
        return keys

    def to_toml(self, header: str = "") -> str:
        """The weights as TOML text (what ``ranker.toml`` holds)."""
        lines = [header.rstrip("\n"), ""] if header else []
        lines.append("[generic]")
        lines += [f"{k} = {v:.4f}" for k, v in zip(GENERIC, self.generic, strict=True)]
        lines += ["", "[none]"]
        lines += [f"{k} = {v:.4f}" for k, v in zip(NONE_FEATURES, self.none, strict=True)]
        lines += ["", "[bias]"]
        lines += [f"{t} = {v:.4f}" for t, v in zip(self.themes, self.bias, strict=True)]
        for i, t in enumerate(self.themes):
            row = {u: self.with_[i, j] for j, u in enumerate(self.themes) if i != j}
            row = {u: v for u, v in row.items() if abs(v) >= 0.005}
            if row:
                lines += ["", f"[with.{t}]"] + [f"{u} = {v:.4f}" for u, v in row.items()]
        return "\n".join(lines) + "\n"

    @classmethod
    def from_toml(cls, text: str, source: str = "<string>") -> Ranker:
        """Read weights written by :meth:`to_toml`."""
        try:
            data = tomllib.loads(text)
            themes = tuple(data["bias"])
            where = {t: i for i, t in enumerate(themes)}
            with_ = np.zeros((len(themes), len(themes)))
            for t, row in data.get("with", {}).items():
                for u, v in row.items():
                    with_[where[t], where[u]] = float(v)
            return cls(
                themes=themes,
                bias=np.array([float(data["bias"][t]) for t in themes]),
                with_=with_,
                generic=_vector(data["generic"], GENERIC),
                none=_vector(data["none"], NONE_FEATURES),
            )
        except (tomllib.TOMLDecodeError, KeyError, TypeError, ValueError) as exc:
            raise TaxonomyError(f"{source}: not a ranker weights file ({exc!r})") from None


def _vector(table: Mapping[str, object], keys: Sequence[str]) -> np.ndarray:
    return np.array([float(table[k]) for k in keys])  # type: ignore[arg-type]


@functools.cache
def default_ranker() -> Ranker:
    """The built-in ranker, read once from ``ranker.toml``."""
    text = resources.files(__package__).joinpath("ranker.toml").read_text(encoding="utf-8")
    return Ranker.from_toml(text, "recovery_analytics/themes/ranker.toml")
