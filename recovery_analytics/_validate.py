"""Validation and typing of raw records, column by column.

Readers hand over a *raw frame*: one row per record, columns named after model
fields holding whatever the file held (strings, numbers, lists, dates), plus

* ``_file`` - the file name shown in messages,
* ``_line`` - the record's 1-based line (nullable),
* ``_lines`` - optional: a dict per row from field name to its own line
  (Markdown front matter and sections),

and any other column, which is an unknown field kept under ``extra``.

:func:`normalise` types every field of :data:`recovery_analytics.model.FIELDS`
by its kind, column by column with vectorised pandas operations (timings are in
``benchmarks/RESULTS.md``), and returns the tidy frames plus one
:class:`~recovery_analytics.exceptions.Problem` per bad value. A bad value
in an optional field is reported and left empty; a record without a usable
``interview_date`` is reported and left out. Nothing valid is dropped.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa

from ._checks import date_warnings, find_duplicates
from ._dates import DATE_COLUMN, SOURCE_COLUMN, date_orders, parse_date_column
from ._lists import (
    explode,
    fold_spaces,
    split_actions,
    split_item_arrays,
    take_str,
    to_lists,
)
from ._problems import Problem, ProblemKind
from .exceptions import EntryValidationError
from .model import (
    DEFAULT_CLIENT,
    FIELDS,
    Action,
    Entry,
    Item,
    derive_entry_id,
    enum_values,
    fields_where,
    normalise_enum,
)

__all__ = ["Normalised", "entry_from_frames", "entry_from_mapping", "normalise", "polarity"]

META_COLUMNS = ("_file", "_line", "_lines", DATE_COLUMN, SOURCE_COLUMN)
_TRUE = {"true", "yes", "y", "1", "x", "done", "requested", "t"}
_FALSE = {"false", "no", "n", "0", "", "not requested", "f"}

# text written as a section of its own keeps its line breaks
_LONG_TEXT = frozenset(fields_where(kind="text", place="section"))
_ITEM_FIELDS = fields_where(kind="items")
(_ACTION_FIELD,) = fields_where(kind="actions")  # the actions frame holds one field


def polarity(name: str) -> str:
    """The items frame's ``polarity`` for items field ``name``: ``went_well`` -> ``well``.

    Examples
    --------
    >>> [polarity(name) for name in fields_where(kind="items")]
    ['well', 'wrong']
    """
    return name.removeprefix("went_")


_HOW_TO_FIX = {
    "date": "write it as YYYY-MM-DD, for example 2026-03-04",
    "bool": "write yes or no",
}


@dataclass
class Normalised:
    """What :func:`normalise` returns: typed frames and the problems found."""

    interviews: pd.DataFrame
    items: pd.DataFrame
    actions: pd.DataFrame
    problems: list[Problem] = field(default_factory=list)


# -- locating problems -------------------------------------------------------


def _line_of(raw: pd.DataFrame, pos: int, name: str) -> int | None:
    if "_lines" in raw.columns:
        lines = raw["_lines"].iat[pos]
        if isinstance(lines, dict) and name in lines:
            return int(lines[name])
    line: Any = raw["_line"].iat[pos]
    return None if pd.isna(line) else int(line)


def _problem(
    raw: pd.DataFrame, pos: int, name: str, message: str, kind: ProblemKind = "value"
) -> Problem:
    return Problem(str(raw["_file"].iat[pos]), _line_of(raw, pos, name), name, message, kind)


def _shown(value: object, limit: int = 40) -> str:
    text = str(value)
    return repr(text if len(text) <= limit else text[: limit - 1] + "\u2026")


# -- scalar columns ---------------------------------------------------------------


def _as_text(col: pd.Series) -> pd.Series:
    """Strip and turn empty strings into missing values; keep pandas' str dtype."""
    out = col.astype("str").str.strip()
    return out.mask(out == "")


def _ratings(col: pd.Series, low: int, high: int) -> tuple[pd.Series, pd.Series]:
    num: pd.Series | None = None
    if _is_numbers(col):
        # numbers read as numbers (CSV, JSON): what their text would read back as
        try:
            num = pd.to_numeric(col).astype("float64")
            present = num.notna()
        except (OverflowError, ValueError):  # an integer beyond float (10**400): checked as text
            num = None
    if num is None or not pd.api.types.is_numeric_dtype(num.dtype):
        text = _as_text(col)
        num = pd.to_numeric(text, errors="coerce")
        present = text.notna()
    ok = num.notna() & (num == np.floor(num)) & (num >= low) & (num <= high)
    bad = present & ~ok
    return num.where(ok).astype("Int64"), bad


def _enum(col: pd.Series, name: str) -> tuple[pd.Series, pd.Series]:
    allowed = enum_values(name)
    text = _as_text(col)
    # each distinct value is looked up once; codes carry the rest
    codes, uniques = pd.factorize(text)
    category = {c: i for i, c in enumerate(allowed)}
    mapped = [normalise_enum(name, str(u)) for u in uniques]
    lookup = np.array([category.get(m, -1) if m else -1 for m in mapped] + [-1], dtype="int64")
    cat_codes = lookup[codes]  # code -1 (missing) takes the last entry, -1
    bad = pd.Series(text.notna().to_numpy() & (cat_codes < 0), index=col.index)
    values = pd.Categorical.from_codes(cat_codes, dtype=pd.CategoricalDtype(list(allowed)))
    return pd.Series(values, index=col.index), bad


def _bools(col: pd.Series) -> tuple[pd.Series, pd.Series]:
    def one(value: object) -> object:
        if isinstance(value, bool | np.bool_):
            return bool(value)
        key = " ".join(str(value).casefold().split())
        if key in _TRUE:
            return True
        if key in _FALSE:
            return False
        return pd.NA

    present = col.notna()
    out = pd.Series(pd.NA, index=col.index, dtype="boolean")
    if _is_text(col):
        # each distinct text is read once; codes carry the rest
        codes, texts = pd.factorize(col)
        lookup = pd.Series([*(one(t) for t in texts), pd.NA], dtype="boolean")
        taken = lookup.take(np.where(codes < 0, len(texts), codes))
        out = pd.Series(taken.array, index=col.index)
    elif pd.api.types.is_object_dtype(col.dtype) and _inferred(col) == "boolean":
        out = col.astype("boolean")  # True and False (JSON), nothing else
    elif present.any():
        uniques = {repr(v): v for v in col[present]}
        mapping = {k: one(v) for k, v in uniques.items()}
        out[present] = col[present].map(lambda v: mapping[repr(v)]).astype("boolean")
    bad = present & out.isna() & (_as_text(col).notna())
    return out, bad


def _inferred(col: pd.Series) -> str:
    return str(pd.api.types.infer_dtype(col, skipna=True))


def _is_text(col: pd.Series) -> bool:
    """Only strings (and missing values): a str column, or objects that are all str."""
    if pd.api.types.is_string_dtype(col.dtype) and not pd.api.types.is_object_dtype(col.dtype):
        return True
    return pd.api.types.is_object_dtype(col.dtype) and _inferred(col) in ("string", "empty")


def _is_numbers(col: pd.Series) -> bool:
    """Only ints and floats (not bools) and missing values."""
    if pd.api.types.is_bool_dtype(col.dtype):
        return False
    if pd.api.types.is_numeric_dtype(col.dtype):
        return True
    return pd.api.types.is_object_dtype(col.dtype) and _inferred(col) in (
        "integer",
        "floating",
        "mixed-integer-float",
    )


def _missing(kind: str, name: str, n: int) -> pd.Series:
    """A typed, all-missing column for a field no record has."""
    if kind == "date":
        return pd.Series(pd.NaT, index=range(n), dtype="datetime64[us]")
    if kind == "rating":
        return pd.Series(pd.NA, index=range(n), dtype="Int64")
    if kind == "bool":
        return pd.Series(pd.NA, index=range(n), dtype="boolean")
    if kind == "enum":
        cats = list(enum_values(name))
        return pd.Series(pd.Categorical([None] * n, categories=cats), index=range(n))
    return pd.Series(np.nan, index=range(n), dtype="str")


# -- the whole record ----------------------------------------------------------------


def normalise(
    raw: pd.DataFrame, *, dayfirst: bool | None = None, partial: bool = False
) -> Normalised:
    """Type a raw frame into the three tidy frames, collecting problems.

    With ``partial=True`` (``load(errors="collect")``) messages say that a bad
    optional field was left empty and the rest of the entry kept; otherwise the
    caller refuses the input as a whole.
    """
    raw = raw.reset_index(drop=True)
    n = len(raw)
    problems: list[Problem] = []
    cols: dict[str, pd.Series] = {}
    missing = pd.Series([None] * n, dtype=object)

    def column(name: str) -> pd.Series:
        return raw[name] if name in raw.columns else missing

    date_names = [n for n in fields_where(kind="date") if n in raw.columns]
    day_first, order_problems = date_orders(raw, date_names, dayfirst)
    problems.extend(order_problems)
    times = pd.Series([None] * n, dtype=object)

    for name, spec in FIELDS.items():
        if spec.is_list:
            continue
        if name not in raw.columns:
            cols[name] = _missing(spec.kind, name, n)
            continue
        col = column(name)
        if spec.kind in ("text", "id"):
            # one-line values (names, companies, roles, ids) fold all white space;
            # long text keeps its line breaks
            cols[name] = fold_spaces(col, keep_lines=name in _LONG_TEXT)
            continue
        if spec.kind == "date":
            cols[name], bad, clock = parse_date_column(_as_text(col), day_first)
            if name == "interview_date":
                times = clock
            msg = f"is not a date I can read; {_HOW_TO_FIX['date']}."
        elif spec.kind == "rating":
            assert spec.low is not None and spec.high is not None
            cols[name], bad = _ratings(col, spec.low, spec.high)
            msg = (
                f"must be a whole number from {spec.low} to {spec.high}; "
                "change it or leave it empty"
            )
        elif spec.kind == "enum":
            cols[name], bad = _enum(col, name)
            allowed = ", ".join(enum_values(name))
            msg = f"is not a known {spec.label}; use one of: {allowed}"
        else:  # bool
            cols[name], bad = _bools(col)
            msg = f"is not yes or no; {_HOW_TO_FIX['bool']}"
        for pos in np.flatnonzero(bad.to_numpy()).tolist():
            value = col.iat[pos]
            if spec.required:
                kept = " This entry was left out." if partial else ""
            else:
                kept = " (left empty, the rest of the entry is kept)" if partial else ""
            problems.append(_problem(raw, pos, name, f"{_shown(value)} {msg}{kept}"))

    # required date, and a readable record location
    no_date = cols["interview_date"].isna().to_numpy()
    bad_date = {p.line for p in problems if p.field == "interview_date"}
    for pos in np.flatnonzero(no_date).tolist():
        if _line_of(raw, pos, "interview_date") in bad_date:
            continue
        problems.append(
            _problem(
                raw,
                pos,
                "interview_date",
                "is missing; every entry needs the date of the interview "
                f"({_HOW_TO_FIX['date']})." + (" This entry was left out." if partial else ""),
            )
        )

    client = cols["client"].fillna(DEFAULT_CLIENT)
    cols["client"] = client

    # ids: keep given ids, derive the rest from client, date, company, role,
    # stage and (where the source has one) the time of day
    ids = cols["entry_id"]
    need = ids.isna() & ~pd.Series(no_date)
    if need.any():
        derived = [
            derive_entry_id(c, d, co, r, st, tm)
            for c, d, co, r, st, tm in zip(
                client[need].tolist(),
                cols["interview_date"][need].dt.strftime("%Y-%m-%d").tolist(),
                cols["company"][need].tolist(),
                cols["role"][need].tolist(),
                cols["stage"][need].astype(object).tolist(),
                times[need.to_numpy()].tolist(),
                strict=True,
            )
        ]
        ids = ids.copy()
        ids[need] = derived
    cols["entry_id"] = ids

    line = raw["_line"] if "_line" in raw.columns else pd.Series([pd.NA] * n)
    file = raw["_file"].astype("str")
    source = file.where(line.isna(), file + ":" + line.astype("Int64").astype("str"))

    frame = pd.DataFrame(cols)
    for name in fields_where(kind="list"):
        frame[name] = to_lists(explode(column(name)), n)
    frame["source"] = source.astype("str")

    unknown = [c for c in raw.columns if c not in FIELDS and c not in META_COLUMNS]
    if unknown:
        extras = raw[unknown]
        frame["extra"] = [  # type: ignore[assignment]
            {k: v for k, v in row.items() if v is not None and not _is_na(v)}
            for row in extras.to_dict("records")
        ]
    else:
        frame["extra"] = pd.Series([{} for _ in range(n)], dtype=object)

    # duplicates: the same content read twice keeps its first copy; the same
    # id with different content keeps both, the later under a distinct id
    keep = ~pd.Series(no_date)
    content = [column(name) for name in (*_ITEM_FIELDS, _ACTION_FIELD)]
    dup, new_ids, dup_problems = find_duplicates(frame, keep.to_numpy(), content, raw)
    problems.extend(dup_problems)
    frame["entry_id"] = new_ids.astype(frame["entry_id"].dtype)
    problems.extend(date_warnings(frame, keep.to_numpy() & ~dup.to_numpy(), raw))
    keep &= ~dup
    keep_np = keep.to_numpy()
    # interviews in date order (then client, then reading order); items follow
    order = (
        frame.loc[keep_np, ["interview_date", "client"]]
        .sort_values(["interview_date", "client"], kind="stable")
        .index.to_numpy()
    )
    rank = np.zeros(n, dtype="int64")
    rank[order] = np.arange(len(order))

    items, item_counts = _build_items(frame, keep_np, rank, column)
    actions, n_actions = _build_actions(frame, keep_np, rank, column(_ACTION_FIELD))

    interviews = frame.loc[order].copy()
    for name, counts in zip(_ITEM_FIELDS, item_counts, strict=True):
        interviews[f"n_{polarity(name)}"] = counts[order]
    interviews["n_actions"] = n_actions[order]
    interviews = interviews.set_index("entry_id")
    problems.sort(key=lambda p: (p.file, p.line or 0))
    return Normalised(interviews, items, actions, problems)


def _is_na(value: object) -> bool:
    try:
        return bool(pd.isna(value))  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return False


def _build_items(
    frame: pd.DataFrame, keep: np.ndarray, rank: np.ndarray, column: Any
) -> tuple[pd.DataFrame, list[np.ndarray]]:
    """The items frame, and how many items of each items field per record position."""
    n = len(frame)
    parents, texts, tags, inferred, polarities = [], [], [], [], []
    counts = []
    for code, name in enumerate(_ITEM_FIELDS):
        elements = explode(column(name))
        elements = elements.take(keep[elements.parent])
        parent, text, tag, inf = split_item_arrays(elements)
        parents.append(parent.astype("int64"))
        texts.append(text)
        tags.append(tag)
        inferred.append(inf)
        polarities.append(np.full(len(parent), code, dtype="int8"))
        counts.append(np.bincount(parents[-1], minlength=n))
    pos = np.concatenate(parents)
    codes = np.concatenate(polarities)
    # interviews in date order, well before wrong: one take per column
    order = np.lexsort((codes, rank[pos]))
    pos = pos[order]
    text = pa.concat_arrays([t.cast(pa.string()) for t in texts]).take(pa.array(order))
    out = pd.DataFrame(
        {
            "entry_id": take_str(frame["entry_id"], pos),
            "client": take_str(frame["client"], pos),
            "interview_date": pd.Series(
                frame["interview_date"].to_numpy()[pos], dtype="datetime64[us]"
            ),
            "polarity": pd.Categorical.from_codes(
                codes[order], dtype=pd.CategoricalDtype([polarity(f) for f in _ITEM_FIELDS])
            ),
            "text": pd.Series(text, dtype="str"),
            "tags": pd.Series(np.concatenate(tags)[order], dtype=object),
            "inferred": np.concatenate(inferred)[order].astype(bool),
        }
    )
    out.index.name = "item_id"
    return out, counts


def _build_actions(
    frame: pd.DataFrame, keep: np.ndarray, rank: np.ndarray, col: pd.Series
) -> tuple[pd.DataFrame, np.ndarray]:
    """The plan B actions frame, and how many per record position."""
    elements = explode(col)
    split = split_actions(elements.take(keep[elements.parent]))
    pos = split["_parent"].to_numpy(dtype="int64")
    order = np.argsort(rank[pos], kind="stable")
    pos = pos[order]
    actions = pd.DataFrame(
        {
            "entry_id": take_str(frame["entry_id"], pos),
            "client": take_str(frame["client"], pos),
            "interview_date": pd.Series(
                frame["interview_date"].to_numpy()[pos], dtype="datetime64[us]"
            ),
            "text": split["text"].iloc[order].reset_index(drop=True),
            "done": pd.Series(split["done"].to_numpy()[order], dtype=bool),
        }
    )
    actions.index.name = "action_id"
    return actions, np.bincount(split["_parent"].to_numpy(dtype="int64"), minlength=len(frame))


# -- one entry from Python ---------------------------------------------------------


def entry_from_mapping(values: Mapping[str, Any] | Entry, *, file: str = "<entry>") -> Entry:
    """Validate a mapping with model field names and return an :class:`Entry`.

    Raises :class:`EntryValidationError` naming every bad field; nothing is
    guessed or dropped silently. This is the same validation ``load()`` uses.

    Examples
    --------
    >>> e = entry_from_mapping({"interview_date": "2026-03-04", "feeling": "3",
    ...                         "went_well": "Good rapport; clear STAR story"})
    >>> e.feeling, [i.text for i in e.went_well]
    (3, ['Good rapport', 'clear STAR story'])
    >>> try:
    ...     entry_from_mapping({"interview_date": "2026-03-04", "feeling": 9})
    ... except EntryValidationError as exc:
    ...     print(exc.by_field["feeling"])
    '9' must be a whole number from 1 to 5; change it or leave it empty
    """
    if isinstance(values, Entry):
        values = values.to_dict()
    data = {k: v for k, v in values.items() if k != "extra"}
    unknown = [k for k in data if k not in FIELDS]
    extra = dict(values.get("extra") or {})
    problems = []
    for k in unknown:
        problems.append(
            Problem(file, None, k, f"is not a field of an entry; known fields: {', '.join(FIELDS)}")
        )
    if problems:
        raise EntryValidationError(problems)
    row = {k: [_plain(v)] for k, v in data.items()}
    raw = pd.DataFrame(row, dtype=object) if row else pd.DataFrame(index=[0])
    raw["_file"] = file
    raw["_line"] = pd.Series([pd.NA], dtype="Int64")
    result = normalise(raw)
    hard = [p for p in result.problems if p.stops_loading]  # warnings keep the entry
    if hard:
        raise EntryValidationError(hard)
    (entry,) = entry_from_frames(result.interviews, result.items, result.actions)
    return replace(entry, extra=extra)


def _plain(value: Any) -> Any:
    if isinstance(value, Item):
        return {"text": value.text, "tags": list(value.tags), "inferred": value.inferred}
    if isinstance(value, Action):
        return {"text": value.text, "done": value.done}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _date(value: Any) -> dt.date | None:
    return None if _is_na(value) else pd.Timestamp(value).date()


def _integer(value: Any) -> int | None:
    return None if _is_na(value) else int(value)


def _yes_no(value: Any) -> bool | None:
    return None if _is_na(value) else bool(value)


def _optional(value: Any) -> Any:
    return None if _is_na(value) else value


# how a scalar cell of ``interviews`` becomes an Entry attribute, by field kind
_SCALAR: dict[str, Any] = {
    "date": _date,
    "rating": _integer,
    "bool": _yes_no,
    "text": _optional,
    "enum": _optional,
}


def _by_entry(frame: pd.DataFrame, columns: Sequence[str]) -> dict[str, list[tuple[Any, ...]]]:
    """Rows of ``columns`` grouped by ``entry_id``, in frame order."""
    out: dict[str, list[tuple[Any, ...]]] = {}
    lists = [frame[c].tolist() for c in columns]
    for eid, *values in zip(frame["entry_id"].tolist(), *lists, strict=True):
        out.setdefault(str(eid), []).append(tuple(values))
    return out


def entry_from_frames(
    interviews: pd.DataFrame, items: pd.DataFrame, actions: pd.DataFrame
) -> list[Entry]:
    """Turn typed frames back into :class:`Entry` objects (for writers).

    Works column by column (no per-row indexing), so turning a whole log into
    entries costs about as much as reading it.
    """
    items_by = _by_entry(items, ("text", "tags", "polarity", "inferred"))
    actions_by = _by_entry(actions, ("text", "done"))
    field_of = {polarity(name): name for name in _ITEM_FIELDS}
    columns: dict[str, list[Any]] = {"entry_id": [str(e) for e in interviews.index]}
    for name, spec in FIELDS.items():
        if spec.kind in _SCALAR:
            convert = _SCALAR[spec.kind]
            columns[name] = [convert(v) for v in interviews[name].tolist()]
    for name in fields_where(kind="list"):
        columns[name] = [tuple(v) for v in interviews[name].tolist()]
    extras = interviews["extra"].tolist() if "extra" in interviews else [None] * len(interviews)
    out = []
    for values, extra in zip(zip(*columns.values(), strict=True), extras, strict=True):
        row = dict(zip(columns, values, strict=True))
        grouped: dict[str, list[Item]] = {name: [] for name in _ITEM_FIELDS}
        for text, tags, pol, inferred in items_by.get(row["entry_id"], ()):
            grouped[field_of[pol]].append(Item(str(text), tuple(tags), bool(inferred)))
        row.update({name: tuple(found) for name, found in grouped.items()})
        row[_ACTION_FIELD] = tuple(
            Action(str(t), bool(d)) for t, d in actions_by.get(row["entry_id"], ())
        )
        out.append(
            Entry(
                **row,
                extra=dict(extra) if isinstance(extra, dict) else {},
            )
        )
    return out
