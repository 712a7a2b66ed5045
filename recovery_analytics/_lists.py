"""List fields (items, plan B actions, questions) split and cleaned column-wise.

A list field arrives as one of:

* text cells (CSV, XLSX): items one per line inside the cell, or separated by
  ``;`` when the cell has no line break;
* Python lists (JSON, Markdown) of strings or ``{"text": ...}`` objects;
* Arrow ``list<string>`` columns (the fast JSON Lines reader).

Everything text-heavy runs in Arrow compute kernels over all elements at once,
so 600,000 items cost about as much as reading them. Only the few elements
that need it (objects, inline ``#tags``) are handled in Python.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

__all__ = [
    "Elements",
    "explode",
    "fold_spaces",
    "split_actions",
    "split_items",
    "take_str",
    "to_lists",
]

TAG_RE = re.compile(r"(?<![\w&/])#([A-Za-z][\w-]*)")
# the same for RE2, which has no look-behind: the '#' starts the text or
# follows a character that is not a word character, '&' or '/'
_TAG_RE2 = r"(?:^|[^\pL\pN_&/])#(?P<tag>[A-Za-z][\pL\pN_-]*)"
# White space exactly as Python's str.split() sees it, written for RE2 (Arrow)
_OTHER_WS = (
    r"\t\n\x0b\x0c\r\x1c-\x1f\x{85}\x{a0}\x{1680}\x{2000}-\x{200a}"
    r"\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}"
)
_WS = f"[ {_OTHER_WS}]"
# a bullet or number at the start, then white space
_BULLET_RE2 = rf"^(?:[-*+\x{{2022}}]|[0-9]+[.)]){_WS}+"
# anything str.split()/" ".join would change: edges, runs, or other white space
_NEEDS_SPACING_RE2 = rf"^{_WS}|{_WS}$|{_WS}{_WS}|[{_OTHER_WS}]"
_BOX_RE2 = r"^\[(?P<box>[ xX])\]\s*(?P<rest>.*)$"


@dataclass
class Elements:
    """Elements of one list field: ``parent`` record position and raw ``text``.

    ``objects`` is aligned with ``text`` and holds the original dict where an
    element was a ``{"text": ...}`` object (else ``None``); it is ``None`` when
    no element was an object.
    """

    parent: np.ndarray
    text: pa.Array
    objects: list[dict[str, Any] | None] | None = None

    def __len__(self) -> int:
        return len(self.parent)

    def take(self, mask: np.ndarray) -> Elements:
        objects = None
        if self.objects is not None:
            objects = [o for o, keep in zip(self.objects, mask, strict=True) if keep]
        return Elements(self.parent[mask], self.text.filter(pa.array(mask)), objects)


def _flat(values: Any) -> pa.Array:
    """A plain Arrow array (pandas may hand over a chunked one)."""
    arr = pa.array(values)
    return arr.combine_chunks() if isinstance(arr, pa.ChunkedArray) else arr


def _empty() -> Elements:
    return Elements(np.zeros(0, dtype="int64"), pa.array([], type=pa.string()))


def _split_cells(cells: pa.Array, positions: np.ndarray) -> Elements:
    """Text cells -> elements: on line breaks where a cell has any, else on ';'."""
    cells = (cells.combine_chunks() if isinstance(cells, pa.ChunkedArray) else cells).cast(
        pa.string()
    )
    has_nl = pc.fill_null(pc.match_substring(cells, "\n"), False)
    unified = pc.if_else(has_nl, cells, pc.replace_substring(cells, ";", "\n"))
    lists = pc.split_pattern(unified, "\n")
    parent = positions[pc.list_parent_indices(lists).to_numpy()]
    return Elements(parent.astype("int64"), pc.list_flatten(lists))


def _python_lists(values: list[Any], positions: np.ndarray) -> Elements:
    parents: list[int] = []
    texts: list[str] = []
    objects: list[dict[str, Any] | None] = []
    any_object = False
    for pos, cell in zip(positions.tolist(), values, strict=True):
        for element in cell:
            if element is None:
                continue
            if isinstance(element, dict):
                any_object = True
                texts.append(str(element.get("text") or ""))
                objects.append(element)
            else:
                texts.append(str(element))
                objects.append(None)
            parents.append(pos)
    return Elements(
        np.asarray(parents, dtype="int64"),
        pa.array(texts, type=pa.string()),
        objects if any_object else None,
    )


def explode(col: pd.Series) -> Elements:
    """One element per list entry, in record order then written order."""
    n = len(col)
    if n == 0:
        return _empty()
    dtype = col.dtype
    if isinstance(dtype, pd.ArrowDtype) and pa.types.is_list(dtype.pyarrow_dtype):
        arr = _flat(col)
        if pa.types.is_string(dtype.pyarrow_dtype.value_type):
            parent = pc.list_parent_indices(arr).to_numpy().astype("int64")
            return Elements(parent, pc.list_flatten(arr))
        col = pd.Series(arr.to_pylist(), dtype=object)
    if pd.api.types.is_string_dtype(dtype) and not pd.api.types.is_object_dtype(dtype):
        cells = _flat(col)
        return _split_cells(cells, np.arange(n, dtype="int64"))
    values = col.to_numpy(dtype=object)
    kinds = np.fromiter(
        (
            1 if isinstance(v, str) else 2 if isinstance(v, list | tuple | np.ndarray) else 0
            for v in values
        ),
        dtype="int8",
        count=n,
    )
    parts: list[Elements] = []
    str_pos = np.flatnonzero(kinds == 1)
    if len(str_pos):
        parts.append(_split_cells(pa.array(values[str_pos].tolist(), pa.string()), str_pos))
    list_pos = np.flatnonzero(kinds == 2)
    if len(list_pos):
        parts.append(_python_lists([list(values[i]) for i in list_pos], list_pos))
    if not parts:
        return _empty()
    if len(parts) == 1:
        return parts[0]
    parent = np.concatenate([p.parent for p in parts])
    text = pa.concat_arrays([p.text for p in parts])
    objects: list[dict[str, Any] | None] | None = None
    if any(p.objects is not None for p in parts):
        objects = []
        for p in parts:
            objects.extend(p.objects if p.objects is not None else [None] * len(p))
    order = np.argsort(parent, kind="stable")
    return Elements(
        parent[order],
        text.take(pa.array(order)),
        [objects[i] for i in order] if objects is not None else None,
    )


def _fix(text: pa.Array, mask: pa.Array, fix: Any) -> pa.Array:
    """Apply a Python function to the few elements selected by ``mask``."""
    if not pc.any(mask).as_py():
        return text
    fixed = pa.array([fix(t) for t in pc.filter(text, mask).to_pylist()], type=text.type)
    return pc.replace_with_mask(text, mask, fixed)


def _spaced(text: str) -> str:
    return " ".join(text.split())


def _clean(text: pa.Array) -> pa.Array:
    """Fold white space to single spaces and drop a leading bullet.

    Arrow finds the few elements that need it; Python fixes them, so the
    result is exactly ``" ".join(text.split())`` without the bullet.
    """
    # plain spaces at the ends go in Arrow ("a; b" leaves " b"); the rarer
    # cases (runs, tabs, other white space) are found here and fixed in Python
    text = pc.utf8_trim(pc.fill_null(text, ""), characters=" ")
    text = _fix(text, pc.match_substring_regex(text, _NEEDS_SPACING_RE2), _spaced)
    return _fix(text, pc.match_substring_regex(text, _BULLET_RE2), _unbullet)


_BULLET_PY = re.compile(r"^(?:[-*+\u2022]|[0-9]+[.)])\s+")


def _unbullet(text: str) -> str:
    return _BULLET_PY.sub("", text, count=1)


def _non_empty(elements: Elements, text: pa.Array) -> tuple[Elements, pa.Array]:
    keep = pc.not_equal(text, "").to_numpy(zero_copy_only=False)
    if keep.all():
        return elements, text
    return elements.take(keep), text.filter(pa.array(keep))


def split_items(elements: Elements) -> pd.DataFrame:
    """Elements -> frame with ``_parent``, ``text``, ``tags`` (tuple), ``inferred``."""
    text = _clean(elements.text)
    elements, text = _non_empty(elements, text)
    n = len(elements)
    # tags are tuples: one shared empty tuple for the many items without any
    tags = np.empty(n, dtype=object)
    tags.fill(())
    inferred = np.zeros(n, dtype=bool)
    # most tagged items carry one tag: Arrow extracts it; Python reads the rest
    hashes = pc.count_substring(text, "#").to_numpy(zero_copy_only=False)
    one = hashes == 1
    if one.any():
        first = pc.extract_regex(text.filter(pa.array(one)), _TAG_RE2).field("tag")
        found = pc.utf8_lower(first).to_pylist()
        for i, tag in zip(np.flatnonzero(one).tolist(), found, strict=True):
            if tag:  # no match gives an empty string
                tags[i] = (tag,)
    many = np.flatnonzero(hashes > 1)
    if len(many):
        values = text.take(pa.array(many)).to_pylist()
        for j, value in zip(many.tolist(), values, strict=True):
            tags[j] = tuple(dict.fromkeys(t.lower() for t in TAG_RE.findall(value)))
    if elements.objects is not None:
        for i, obj in enumerate(elements.objects):
            if obj is None:
                continue
            given = [str(t).lstrip("#").lower() for t in (obj.get("tags") or [])]
            tags[i] = tuple(dict.fromkeys([*tags[i], *given]))
            inferred[i] = bool(obj.get("inferred", False))
    return pd.DataFrame(
        {
            "_parent": elements.parent,
            "text": pd.Series(text, dtype="str"),
            "tags": pd.Series(tags, dtype=object),
            "inferred": inferred,
        }
    )


def split_actions(elements: Elements) -> pd.DataFrame:
    """Elements -> frame with ``_parent``, ``text``, ``done`` (``[x]`` boxes)."""
    text = _clean(elements.text)
    n = len(elements)
    done = np.zeros(n, dtype=bool)
    has_box = pc.match_substring_regex(text, r"^\[[ xX]\]")
    if pc.any(has_box).as_py():
        parts = pc.extract_regex(pc.filter(text, has_box), _BOX_RE2)
        box = parts.field("box").to_numpy(zero_copy_only=False)
        rest = _clean(parts.field("rest"))
        idx = np.flatnonzero(has_box.to_numpy(zero_copy_only=False))
        done[idx] = np.isin(box, ["x", "X"])
        text = pc.replace_with_mask(text, has_box, rest)
    if elements.objects is not None:
        for i, obj in enumerate(elements.objects):
            if obj is not None:
                done[i] = bool(obj.get("done", False))
    keep = pc.not_equal(text, "").to_numpy(zero_copy_only=False)
    return pd.DataFrame(
        {
            "_parent": elements.parent[keep],
            "text": pd.Series(text.filter(pa.array(keep)), dtype="str"),
            "done": done[keep],
        }
    )


def to_lists(elements: Elements, n: int) -> pd.Series:
    """Cleaned elements gathered back into one Python list per record."""
    text = _clean(elements.text)
    elements, text = _non_empty(elements, text)
    counts = np.bincount(elements.parent, minlength=n)
    offsets = np.concatenate([[0], np.cumsum(counts)]).astype("int32")
    lists = pa.ListArray.from_arrays(pa.array(offsets), text)
    return pd.Series(lists.to_pylist(), dtype=object)


def fold_spaces(col: pd.Series, *, keep_lines: bool = False) -> pd.Series:
    """``" ".join(text.split())`` for a str column, touching only values that need it.

    With ``keep_lines=True`` line breaks are kept (and normalised to ``\\n``);
    only the value's ends are trimmed.
    """
    arr = _flat(col.astype("str"))
    if keep_lines:
        mask = pc.match_substring_regex(
            arr, rf"^{_WS}|{_WS}$|\r|[\x0b\x0c\x1c-\x1e\x{{85}}\x{{2028}}\x{{2029}}]"
        )
        fixed = _fix(pc.fill_null(arr, ""), pc.fill_null(mask, False), _lines)
    else:
        mask = pc.match_substring_regex(arr, _NEEDS_SPACING_RE2)
        fixed = _fix(pc.fill_null(arr, ""), pc.fill_null(mask, False), _spaced)
    fixed = pc.if_else(
        pc.or_(pc.is_null(arr), pc.equal(fixed, "")), pa.scalar(None, arr.type), fixed
    )
    return pd.Series(fixed, index=col.index, dtype="str")


_LINE_BREAKS = re.compile(r"\r\n|[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


def _lines(text: str) -> str:
    return _LINE_BREAKS.sub("\n", text).strip()


def take_str(col: pd.Series, positions: np.ndarray) -> pd.Series:
    """``col`` (a str column) at ``positions``, without a round trip through Python."""
    arr = _flat(col.astype("str"))
    return pd.Series(arr.take(pa.array(positions, type=pa.int64())), dtype="str")
