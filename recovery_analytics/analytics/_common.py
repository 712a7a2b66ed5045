"""What every analysis needs first: checked input, groups, chronological order
and the long view of item themes - all as numpy arrays, computed once per call.

Conventions used throughout the subpackage:

* Interviews are put in *chronological order* within their group: by
  ``interview_date``, then ``entry_id`` (so two interviews on the same day have
  a fixed order). "The last k interviews" always means this order.
* A group is one combination of the ``by`` columns (``by=None``: the whole log).
* Items whose ``entry_id`` is not in ``interviews`` are ignored.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain
from typing import Any, Final

import numpy as np
import numpy.typing as npt
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from .._log import ReflectionLog
from ..exceptions import RecoveryAnalyticsError
from ..model import enum_values

__all__ = [
    "OTHER",
    "DateLike",
    "resolve_today",
    "OUTCOMES",
    "Base",
    "ThemeLong",
    "as_base",
    "check_int",
    "check_log",
    "check_polarity",
    "check_tolerance",
    "sorted_groups",
    "theme_long",
    "today_us",
]

OTHER: Final = "other"
#: The outcomes of the field specification, in its order.
OUTCOMES: Final = enum_values("outcome")
POLARITIES: Final = ("well", "wrong")
_RESERVED: Final = frozenset(
    {"entry_id", "interview_date", "n_well", "n_wrong", "period", "theme", "interviews"}
)
_LIST_COLUMNS: Final = frozenset({"questions_to_ask", "extra"})

IntArray = npt.NDArray[np.int64]
By = str | Sequence[str] | None
#: What a ``today`` parameter takes: a date, a date string, a Timestamp, or None
#: for today's date (see :func:`resolve_today`).
DateLike = str | dt.date | pd.Timestamp | None


def check_log(log: object, func: str) -> ReflectionLog:
    """The log itself, or a clear error when it is not a log or has no interviews."""
    if not isinstance(log, ReflectionLog):
        raise TypeError(
            f"`{func}` needs a ReflectionLog (as returned by recovery_analytics.load), "
            f"but a {type(log).__name__} was passed."
        )
    if len(log.interviews) == 0:
        raise RecoveryAnalyticsError(
            f"No interviews match this selection; `{func}` has nothing to describe yet. "
            "If you filtered the log, check the client name and the start and end dates; "
            "otherwise add a reflection first."
        )
    dates = log.interviews["interview_date"]
    if dates.isna().any():
        missing = log.interviews.index[dates.isna().to_numpy()][:5].tolist()
        raise RecoveryAnalyticsError(
            f"Every interview needs an interview_date, but these have none: {missing}. "
            "Give them a date (YYYY-MM-DD) or leave them out."
        )
    return log


def check_int(value: object, name: str, low: int = 1) -> int:
    """An integer parameter, at least ``low``."""
    if isinstance(value, bool) or not isinstance(value, int | np.integer) or value < low:
        raise RecoveryAnalyticsError(
            f"The value for `{name}` must be a whole number of at least {low}, "
            f"but {value!r} was passed."
        )
    return int(value)


def check_tolerance(tolerance: object) -> float:
    """A difference in rates, from 0 (inclusive) to 1."""
    if (
        isinstance(tolerance, bool)
        or not isinstance(tolerance, int | float)
        or not (0 <= tolerance < 1)
    ):
        raise RecoveryAnalyticsError(
            f"The value for `tolerance` must be a number from 0 to 1 (a difference in rates), "
            f"but {tolerance!r} was passed."
        )
    return float(tolerance)


def check_polarity(polarity: object, *, allow_none: bool = False) -> str | None:
    """``"well"`` or ``"wrong"`` (or ``None`` when both are allowed)."""
    if polarity is None and allow_none:
        return None
    if polarity not in POLARITIES:
        extra = ", or None for both" if allow_none else ""
        raise RecoveryAnalyticsError(
            f"The value for `polarity` must be 'well' or 'wrong'{extra}, "
            f"but {polarity!r} was passed."
        )
    return str(polarity)


def resolve_today(today: DateLike) -> pd.Timestamp:
    """``today`` as a midnight Timestamp (timezone dropped); today's date when ``None``.

    The one reading of a ``today`` parameter, for every function that takes one.

    Examples
    --------
    >>> resolve_today("2026-03-04 17:30")
    Timestamp('2026-03-04 00:00:00')
    >>> import datetime as dt
    >>> resolve_today(dt.date(2026, 3, 4)) == resolve_today(pd.Timestamp("2026-03-04"))
    True
    """
    if today is None:
        return pd.Timestamp(dt.date.today())
    try:
        ts = pd.Timestamp(today)
        ok = not pd.isna(ts)
    except (TypeError, ValueError):
        ok = False
    if not ok:
        raise RecoveryAnalyticsError(
            f"The value for `today` must be a date such as '2026-03-04', but {today!r} was passed."
        )
    if ts.tzinfo is not None:
        ts = ts.tz_localize(None)
    return ts.normalize()


def today_us(today: DateLike) -> np.datetime64:
    """:func:`resolve_today` as a ``numpy.datetime64`` in microseconds."""
    return np.datetime64(resolve_today(today).to_pydatetime(), "us")


def _by_columns(by: By, interviews: pd.DataFrame) -> list[str]:
    if by is None:
        return []
    cols = [by] if isinstance(by, str) else list(by)
    usable = [c for c in interviews.columns if c not in _RESERVED and c not in _LIST_COLUMNS]
    for c in cols:
        if not isinstance(c, str) or c not in usable:
            raise RecoveryAnalyticsError(
                f"The value for `by` must be None, a column of log.interviews or a list of them, "
                f"but {c!r} was passed. Columns you can group by: {', '.join(usable)}."
            )
    if len(set(cols)) != len(cols):
        raise RecoveryAnalyticsError(f"The value for `by` names a column twice: {cols!r}.")
    return cols


@dataclass(frozen=True)
class Base:
    """Interviews in group-then-chronological order, with numpy views.

    ``frame`` has a RangeIndex and an ``entry_id`` column; row ``i`` of every
    array describes row ``i`` of ``frame``. Groups are numbered 0..n-1 in the
    sorted order of their ``by`` values and are contiguous in ``frame``.
    """

    frame: pd.DataFrame
    by: list[str]
    group: IntArray
    keys: pd.DataFrame
    size: IntArray
    start: IntArray
    rank: IntArray
    dates: npt.NDArray[np.datetime64]

    @property
    def n_groups(self) -> int:
        return len(self.size)

    def key_columns(self, groups: IntArray) -> dict[str, Any]:
        """The ``by`` columns for rows that belong to ``groups`` (dtypes kept)."""
        picked = self.keys.iloc[groups].reset_index(drop=True)
        return {c: picked[c] for c in self.by}

    def rows_of(self, entry_ids: pd.Series) -> IntArray:
        """The row of ``frame`` for each entry id (-1 when unknown).

        A hash lookup in pyarrow (``pyarrow.compute.index_in``), with
        ``Index.get_indexer`` as the fallback for id types pyarrow cannot hash.
        """
        try:
            needles = pa.array(entry_ids.astype("str"))
            haystack = pa.array(self.frame["entry_id"])
            if haystack.type != needles.type:
                haystack = haystack.cast(needles.type)
            found = pc.fill_null(pc.index_in(needles, value_set=haystack), -1)
            return np.asarray(found.to_numpy(zero_copy_only=False), dtype=np.int64)
        except (pa.ArrowException, TypeError):  # pragma: no cover - unusual id types
            index = pd.Index(self.frame["entry_id"])
            return np.asarray(index.get_indexer(entry_ids), dtype=np.int64)


def as_base(log: ReflectionLog, by: By, columns: Sequence[str] = ()) -> Base:
    """Group and order ``log.interviews``; keep only ``columns`` besides the essentials."""
    interviews = log.interviews
    cols = _by_columns(by, interviews)
    keep = list(dict.fromkeys([*cols, "interview_date", *columns]))
    frame = interviews[keep].rename_axis("entry_id").reset_index()
    frame["entry_id"] = frame["entry_id"].astype("str")
    n = len(frame)
    if cols:
        codes = frame.groupby(cols, sort=True, observed=True, dropna=False).ngroup()
        group_raw: IntArray = np.asarray(codes.to_numpy(), dtype=np.int64)
    else:
        group_raw = np.zeros(n, dtype=np.int64)
    # order: group, date, then entry id (a fixed order for interviews on the same day)
    id_order = pc.sort_indices(pa.array(frame["entry_id"])).to_numpy()
    id_rank = np.empty(n, dtype=np.int64)
    id_rank[id_order] = np.arange(n)
    day = frame["interview_date"].to_numpy(dtype="datetime64[us]").astype(np.int64)
    pos = np.lexsort((id_rank, day, group_raw)).astype(np.int64)
    frame = frame.iloc[pos].reset_index(drop=True)
    group = group_raw[pos]
    size = np.bincount(group).astype(np.int64)
    start = np.concatenate([[0], np.cumsum(size)[:-1]]).astype(np.int64)
    rank = np.arange(n, dtype=np.int64) - start[group]
    keys = frame.loc[start, cols].reset_index(drop=True) if cols else pd.DataFrame(index=[0])
    dates = frame["interview_date"].to_numpy(dtype="datetime64[us]")
    return Base(frame, cols, group, keys, size, start, rank, dates)


@dataclass(frozen=True)
class ThemeLong:
    """One row per (item, theme) pair, as arrays.

    ``row`` is the interview's row in :attr:`Base.frame`; ``theme`` a code
    into ``names`` (sorted alphabetically); ``well`` True for went-well items;
    ``item`` the item's position in ``log.items``.
    """

    row: IntArray
    theme: IntArray
    names: npt.NDArray[np.object_]
    well: npt.NDArray[np.bool_]
    item: IntArray

    @property
    def n_themes(self) -> int:
        return len(self.names)

    def distinct(self, mask: npt.NDArray[np.bool_] | None = None) -> tuple[IntArray, IntArray]:
        """Distinct (interview row, theme) pairs, sorted by row then theme."""
        row, theme = (self.row, self.theme) if mask is None else (self.row[mask], self.theme[mask])
        t = max(self.n_themes, 1)
        key = np.sort(row * t + theme)
        key = key[np.r_[True, key[1:] != key[:-1]]] if len(key) else key
        return key // t, key % t


def sorted_groups(key: IntArray) -> tuple[IntArray, IntArray, IntArray, IntArray]:
    """Group equal integer keys (a sort-based ``np.unique`` that also returns the order).

    Returns ``(order, cells, starts, inverse)``: ``key[order]`` is sorted and
    stable, ``cells`` the distinct keys, ``starts`` where each begins in
    ``key[order]`` and ``inverse`` the cell of each element of ``key``.
    """
    order = np.argsort(key, kind="stable")
    ordered = key[order]
    new = np.r_[True, ordered[1:] != ordered[:-1]] if len(key) else np.zeros(0, dtype=bool)
    starts = np.flatnonzero(new).astype(np.int64)
    inverse = np.empty(len(key), dtype=np.int64)
    inverse[order] = np.cumsum(new) - 1
    return order, ordered[starts], starts, inverse


def theme_long(
    log: ReflectionLog,
    base: Base,
    polarity: str | None,
    *,
    include_other: bool = False,
) -> ThemeLong:
    """Explode ``items.themes``: an item with two themes counts for both.

    Items without a theme count once as ``"other"``; ``"other"`` is dropped
    unless ``include_other``.
    """
    items = log.items
    if "themes" not in items.columns:
        raise RecoveryAnalyticsError(
            "log.items has no `themes` column; load() adds it when it tags the items "
            "(or build the log with a themes column: a list of theme names per item)."
        )
    n = len(items)
    if n == 0:
        empty = np.zeros(0, dtype=np.int64)
        return ThemeLong(empty, empty, np.array([], dtype=object), np.zeros(0, bool), empty)
    rows = base.rows_of(items["entry_id"])
    well_all = (items["polarity"] == "well").to_numpy(dtype=bool)
    keep = rows >= 0
    if polarity == "well":
        keep &= well_all
    elif polarity == "wrong":
        keep &= (items["polarity"] == "wrong").to_numpy(dtype=bool)
    item_pos = np.flatnonzero(keep).astype(np.int64)
    themes = items["themes"].to_numpy(dtype=object)[item_pos]
    lengths = np.fromiter(map(len, themes), dtype=np.int64, count=len(themes))
    flat = np.fromiter(chain.from_iterable(themes), dtype=object, count=int(lengths.sum()))
    item = np.repeat(item_pos, lengths)
    if include_other:
        untagged = item_pos[lengths == 0]
        item = np.concatenate([item, untagged])
        flat = np.concatenate([flat, np.full(len(untagged), OTHER, dtype=object)])
    else:
        tagged = flat != OTHER
        item, flat = item[tagged], flat[tagged]
    codes, names = pd.factorize(flat, sort=True)
    return ThemeLong(
        row=rows[item],
        theme=np.asarray(codes, dtype=np.int64),
        names=np.asarray(names, dtype=object),
        well=well_all[item],
        item=item,
    )
