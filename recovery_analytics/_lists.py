"""List fields (items, plan B actions, questions) split and cleaned column-wise.

A list field arrives as one of:

* text cells (CSV, XLSX): items one per line inside the cell, or separated by
  ``;`` when the cell has no line break;
* Python lists (JSON, Markdown) of strings or ``{"text": ...}`` objects;
* Arrow ``list<string>`` columns (the fast JSON Lines reader).

Everything text-heavy runs in Arrow compute kernels over all elements at once
(timings are in ``benchmarks/RESULTS.md``). Only the few elements that need it
(objects, inline ``#tags`` the bytes cannot settle) are handled in Python, with
:func:`recovery_analytics.model.find_tags`, the one tag rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from .model import find_tags

__all__ = [
    "Elements",
    "explode",
    "fold_spaces",
    "split_actions",
    "split_item_arrays",
    "split_items",
    "take_str",
    "to_lists",
]

# Tags: numpy reads plain-ASCII single tags from the bytes; everything else
# goes through model.find_tags. A property test (tests/test_lists.py) holds
# this column path to model.find_tags.
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
    no element was an object. ``structs`` holds the same objects as an Arrow
    struct array instead (the fast JSON Lines reader), until :meth:`dicts`
    is asked for them.
    """

    parent: np.ndarray
    text: pa.Array
    objects: list[dict[str, Any] | None] | None = None
    structs: pa.StructArray | None = None

    def __len__(self) -> int:
        return len(self.parent)

    def take(self, mask: np.ndarray) -> Elements:
        objects = None
        if self.objects is not None:
            objects = [o for o, keep in zip(self.objects, mask, strict=True) if keep]
        structs = self.structs.filter(pa.array(mask)) if self.structs is not None else None
        return Elements(self.parent[mask], self.text.filter(pa.array(mask)), objects, structs)

    def dicts(self) -> list[dict[str, Any] | None] | None:
        """``objects``, made from ``structs`` when the elements came as Arrow structs."""
        if self.structs is not None:
            return self.structs.to_pylist()
        return self.objects

    def flag(self, name: str) -> np.ndarray | None:
        """``bool(obj.get(name, False))`` for every element, straight from Arrow
        structs where the field is missing or boolean; ``None`` when Python must read it.
        """
        if self.structs is None:
            return None
        index = self.structs.type.get_field_index(name)
        if index < 0:
            return np.zeros(len(self), dtype=bool)
        values = self.structs.field(index)
        if not pa.types.is_boolean(values.type):
            return None
        return pc.fill_null(values, False).to_numpy(zero_copy_only=False).astype(bool)


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
    offsets, data = _bytes(cells)
    has_nl = _flag_owners(offsets, np.flatnonzero(data == 0x0A))
    if not has_nl.any():  # the common case: one separator for every cell
        lists = pc.split_pattern(cells, ";")
    else:
        unified = pc.if_else(pa.array(has_nl), cells, pc.replace_substring(cells, ";", "\n"))
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


def _struct_elements(arr: pa.Array) -> Elements | None:
    """Lists of ``{"text": ...}`` objects kept in Arrow: the text as
    ``str(obj.get("text") or "")`` would give it, the objects as structs."""
    value_type = arr.type.value_type
    if not pa.types.is_struct(value_type):
        return None
    index = value_type.get_field_index("text")
    if index < 0 or not pa.types.is_string(value_type.field(index).type):
        return None
    flat = pc.list_flatten(arr)
    parent = pc.list_parent_indices(arr).to_numpy().astype("int64")
    present = flat.is_valid()  # null elements are skipped, as None is in a list
    if not pc.all(present).as_py():
        flat = flat.filter(present)
        parent = parent[present.to_numpy(zero_copy_only=False)]
    if len(flat) == 0:
        return Elements(parent, pa.array([], type=pa.string()))
    text = pc.fill_null(flat.field(index), "")
    return Elements(parent, text, structs=flat)


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
        structs = _struct_elements(arr)
        if structs is not None:
            return structs
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
    text = _fix(text, _match(text, _NEEDS_SPACING_RE2, _spacing_candidates(text)), _spaced)
    return _fix(text, _match(text, _BULLET_RE2, _bullet_candidates(text)), _unbullet)


# -- byte-level screening --------------------------------------------------------
# Running a regex over every element costs far more than looking at the bytes of
# all elements at once with numpy. The screens below find a superset of the
# elements a regex can match (cheaply, from the Arrow buffers); the regex itself
# then runs on those few only, so the result is exactly the regex's.


def _bytes(text: pa.Array) -> tuple[np.ndarray, np.ndarray]:
    """``(offsets, data)`` of a string array: element i is ``data[offsets[i]:offsets[i+1]]``."""
    if isinstance(text, pa.ChunkedArray):
        text = text.combine_chunks()
    n = len(text)
    if n == 0:
        return np.zeros(1, dtype="int64"), np.zeros(0, dtype="uint8")
    buffers = text.buffers()
    wide = pa.types.is_large_string(text.type) or pa.types.is_large_binary(text.type)
    offsets = np.frombuffer(buffers[1], dtype="int64" if wide else "int32")
    offsets = offsets[text.offset : text.offset + n + 1].astype("int64")
    data = buffers[2]
    if data is None:
        return offsets - offsets[0], np.zeros(0, dtype="uint8")
    start, end = int(offsets[0]), int(offsets[-1])
    return offsets - start, np.frombuffer(data, dtype="uint8")[start:end]


def _owners(offsets: np.ndarray, positions: np.ndarray) -> np.ndarray:
    """The element holding each byte position."""
    return np.searchsorted(offsets, positions, side="right") - 1


def _flag_owners(offsets: np.ndarray, positions: np.ndarray) -> np.ndarray:
    out = np.zeros(len(offsets) - 1, dtype=bool)
    if len(positions):
        out[_owners(offsets, positions)] = True
    return out


def _edge_bytes(offsets: np.ndarray, data: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """First and last byte of each element (0 for empty ones)."""
    starts, ends = offsets[:-1], offsets[1:]
    nonempty = ends > starts
    first = np.zeros(len(starts), dtype="uint8")
    last = np.zeros(len(starts), dtype="uint8")
    first[nonempty] = data[starts[nonempty]]
    last[nonempty] = data[ends[nonempty] - 1]
    return first, last


def _unusual(data: np.ndarray) -> np.ndarray:
    """Positions of control bytes and of bytes of non-ASCII characters."""
    return np.flatnonzero((data < 0x20) | (data >= 0x80))


def _spacing_candidates(text: pa.Array) -> np.ndarray:
    """Elements ``_NEEDS_SPACING_RE2`` may match: every white space other than a
    single inner space is a control byte, a non-ASCII character, a space at
    an end or two spaces in a row."""
    offsets, data = _bytes(text)
    first, last = _edge_bytes(offsets, data)
    doubles = np.flatnonzero((data[:-1] == 0x20) & (data[1:] == 0x20))
    return (
        _flag_owners(offsets, _unusual(data))
        | _flag_owners(offsets, doubles)
        | (first == 0x20)
        | (last == 0x20)
    )


def _lines_candidates(text: pa.Array) -> np.ndarray:
    """Elements the keep-lines pattern of :func:`fold_spaces` may match."""
    offsets, data = _bytes(text)
    first, last = _edge_bytes(offsets, data)
    inner = np.flatnonzero(((data < 0x20) & (data != 0x0A)) | (data >= 0x80))
    nonempty = offsets[1:] > offsets[:-1]

    def spacy(b: np.ndarray) -> np.ndarray:
        return nonempty & ((b <= 0x20) | (b >= 0x80))

    return _flag_owners(offsets, inner) | spacy(first) | spacy(last)


_BULLET_FIRST = np.zeros(256, dtype=bool)
_BULLET_FIRST[list(b"-*+0123456789")] = True
_BULLET_FIRST[0xE2] = True  # the first byte of U+2022 (bullet)


def _bullet_candidates(text: pa.Array) -> np.ndarray:
    """Elements ``_BULLET_RE2`` may match: those starting with a bullet's first byte."""
    offsets, data = _bytes(text)
    first, _ = _edge_bytes(offsets, data)
    return (offsets[1:] > offsets[:-1]) & _BULLET_FIRST[first]


def _match(text: pa.Array, pattern: str, candidates: np.ndarray) -> pa.Array:
    """``match_substring_regex`` (nulls as False), run on the candidates only."""
    out = np.zeros(len(text), dtype=bool)
    idx = np.flatnonzero(candidates)
    if len(idx):
        hit = pc.match_substring_regex(text.take(pa.array(idx)), pattern)
        out[idx] = pc.fill_null(hit, False).to_numpy(zero_copy_only=False)
    return pa.array(out)


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
    parent, text, tags, inferred = split_item_arrays(elements)
    return pd.DataFrame(
        {
            "_parent": parent,
            "text": pd.Series(text, dtype="str"),
            "tags": pd.Series(tags, dtype=object),
            "inferred": inferred,
        }
    )


def split_item_arrays(
    elements: Elements,
) -> tuple[np.ndarray, pa.Array, np.ndarray, np.ndarray]:
    """:func:`split_items` as arrays: parent, text (Arrow), tags, inferred."""
    text = _clean(elements.text)
    elements, text = _non_empty(elements, text)
    n = len(elements)
    # tags are tuples: one shared empty tuple for the many items without any
    tags = np.empty(n, dtype=object)
    tags.fill(())
    inferred = np.zeros(n, dtype=bool)
    # most tagged items carry one tag: numpy reads it from the bytes when it is
    # plain ASCII, Arrow extracts the rest; Python reads items with several
    offsets, data = _bytes(text)
    hash_at = np.flatnonzero(data == 0x23)
    hash_owner = _owners(offsets, hash_at)
    hashes = np.bincount(hash_owner, minlength=n)
    one = hashes == 1
    if one.any():
        single = one[hash_owner]
        slow = _ascii_tags(tags, offsets, data, hash_owner[single], hash_at[single])
        if len(slow):  # not plain ASCII around the tag: the model's rule, in Python
            values = text.take(pa.array(slow)).to_pylist()
            for i, value in zip(slow.tolist(), values, strict=True):
                tags[i] = find_tags(value)
    many = np.flatnonzero(hashes > 1)
    if len(many):
        values = text.take(pa.array(many)).to_pylist()
        for j, value in zip(many.tolist(), values, strict=True):
            tags[j] = find_tags(value)
    quick = elements.flag("inferred")
    structs = elements.structs
    if quick is not None and structs is not None and structs.type.get_field_index("tags") < 0:
        # Arrow objects without tags: only "inferred" to read, column-wise
        inferred = quick
    else:
        objects = elements.dicts()
        for i, obj in enumerate(objects or ()):
            if obj is None:
                continue
            given = [str(t).lstrip("#").lower() for t in (obj.get("tags") or [])]
            tags[i] = tuple(dict.fromkeys([*tags[i], *given]))
            inferred[i] = bool(obj.get("inferred", False))
    return elements.parent, text, tags, inferred


# bytes that may stand right before a tag's '#' ([\w&/] rules that out) and
# inside a tag ([\w-]); any byte of a non-ASCII character sends the element
# to the exact (regex) path
_WORD = np.zeros(256, dtype=bool)
_WORD[list(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")] = True
_BEFORE_TAG_STOPS = _WORD.copy()
_BEFORE_TAG_STOPS[list(b"&/")] = True
_IN_TAG = _WORD.copy()
_IN_TAG[ord("-")] = True
_LETTER = np.zeros(256, dtype=bool)
_LETTER[list(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")] = True


def _ascii_tags(
    tags: np.ndarray, offsets: np.ndarray, data: np.ndarray, owner: np.ndarray, at: np.ndarray
) -> np.ndarray:
    """Fill ``tags`` for elements with one ``#`` at byte ``at``, where ASCII decides.

    Gives what :func:`~recovery_analytics.model.find_tags` gives when the bytes
    around the tag are ASCII, and returns the elements where they are not, for
    the exact path.
    """
    starts, ends = offsets[owner], offsets[owner + 1]
    has_before = at > starts
    before = np.where(has_before, data[np.where(has_before, at - 1, 0)], 0)
    slow = has_before & (before >= 0x80)
    tag_start = at + 1
    has_after = tag_start < ends
    after = np.where(has_after, data[np.where(has_after, tag_start, 0)], 0)
    tagged = ~slow & ~(has_before & _BEFORE_TAG_STOPS[before]) & has_after & _LETTER[after]
    # extend each tag over [\w-] bytes, a step at a time for all tags at once
    idx = np.flatnonzero(tagged)
    stop = tag_start[idx] + 1
    active = np.arange(len(idx))
    while len(active):
        pos = stop[active]
        inside = pos < ends[idx[active]]
        byte = np.where(inside, data[np.where(inside, pos, 0)], 0)
        to_exact = inside & (byte >= 0x80)
        slow[idx[active[to_exact]]] = True
        going = inside & _IN_TAG[byte]
        stop[active[going]] += 1
        active = active[going]
    keep = ~slow[idx]
    idx, stop = idx[keep], stop[keep]
    if len(idx):
        begin = tag_start[idx]
        lengths = stop - begin
        ends_out = np.cumsum(lengths)
        gather = np.arange(ends_out[-1]) - np.repeat(ends_out - lengths - begin, lengths)
        raw = data[gather].copy()
        raw[(raw >= 0x41) & (raw <= 0x5A)] += 0x20  # ASCII lower case
        found = pa.StringArray.from_buffers(
            len(idx),
            pa.py_buffer(np.concatenate([[0], ends_out]).astype("int32")),
            pa.py_buffer(raw),
        ).dictionary_encode()
        shared = np.empty(len(found.dictionary), dtype=object)
        shared[:] = [(t,) for t in found.dictionary.to_pylist()]
        tags[owner[idx]] = shared[found.indices.to_numpy()]
    return owner[slow]


def split_actions(elements: Elements) -> pd.DataFrame:
    """Elements -> frame with ``_parent``, ``text``, ``done`` (``[x]`` boxes)."""
    text = _clean(elements.text)
    n = len(elements)
    done = np.zeros(n, dtype=bool)
    offsets, data = _bytes(text)
    first, _ = _edge_bytes(offsets, data)
    has_box = _match(text, r"^\[[ xX]\]", first == 0x5B)  # only those starting with '['
    if pc.any(has_box).as_py():
        parts = pc.extract_regex(pc.filter(text, has_box), _BOX_RE2)
        box = parts.field("box").to_numpy(zero_copy_only=False)
        rest = _clean(parts.field("rest"))
        idx = np.flatnonzero(has_box.to_numpy(zero_copy_only=False))
        done[idx] = np.isin(box, ["x", "X"])
        text = pc.replace_with_mask(text, has_box, rest)
    quick = elements.flag("done")
    if quick is not None:  # Arrow objects: the flag read column-wise
        done = quick
    else:
        for i, obj in enumerate(elements.dicts() or ()):
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
        pattern = rf"^{_WS}|{_WS}$|\r|[\x0b\x0c\x1c-\x1e\x{{85}}\x{{2028}}\x{{2029}}]"
        mask = _match(arr, pattern, _lines_candidates(arr))
        fixed = _fix(pc.fill_null(arr, ""), mask, _lines)
    else:
        mask = _match(arr, _NEEDS_SPACING_RE2, _spacing_candidates(arr))
        fixed = _fix(pc.fill_null(arr, ""), mask, _spaced)
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
