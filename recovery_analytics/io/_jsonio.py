"""JSON (an array, or an object with an ``entries`` array) and JSON Lines."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.json as pj

from .._limits import DEFAULT_LIMITS, Limits
from ..exceptions import Problem
from ..model import fields_where
from ._decode import JsonTooDeep, decode, file_problem, invalid_json, json_depth, load_json
from ._mapping import rename_columns

__all__ = ["read_json", "read_jsonl"]

LIMITS = DEFAULT_LIMITS
Names = Mapping[str, str]
Raw = tuple[pd.DataFrame | None, list[Problem]]

LIST_FIELDS = frozenset(fields_where(is_list=True))
_ENTRIES_KEY = re.compile(r'"entries"\s*:\s*\[')


def _records_frame(
    records: list[dict[str, Any]], lines: list[int], shown: str, mapping: Mapping[str, str]
) -> pd.DataFrame:
    frame = pd.DataFrame.from_records(records) if records else pd.DataFrame()
    if len(frame) != len(records):  # entries with no field at all ([{}]) are still rows
        frame = frame.reindex(pd.RangeIndex(len(records)))
    frame = frame.rename(columns=rename_columns(frame.columns, mapping))
    frame = frame.loc[:, ~frame.columns.duplicated()]
    frame = frame.astype(object).where(frame.notna(), None)
    frame["_file"] = shown
    frame["_line"] = pd.Series(lines, index=frame.index, dtype="Int64")
    return frame


def _not_an_object(shown: str, line: int, value: object) -> Problem:
    return Problem(
        shown,
        line,
        None,
        f"expected an entry as a JSON object {{...}}, found {type(value).__name__}; "
        "write each entry as an object with field names as keys",
    )


def read_json(
    path: Path, shown: str, mapping: Names, *, encoding: str = "utf-8", limits: Limits = LIMITS
) -> Raw:
    """A JSON array of entries, or an object with an ``entries`` array."""
    problems: list[Problem] = []
    text = decode(path.read_bytes(), shown, encoding, problems)
    if text is None:
        return None, problems
    if not text.strip():
        problems.append(
            file_problem(
                shown,
                "the file is empty; it needs a JSON array "
                'of entries or an object with an "entries" array',
            )
        )
        return None, problems
    try:
        data = load_json(text, limits)
    except json.JSONDecodeError as exc:
        problems.append(invalid_json(shown, exc, "fix the syntax there"))
        return None, problems
    except JsonTooDeep as exc:
        problems.append(file_problem(shown, exc.message()))
        return None, problems
    if isinstance(data, dict) and isinstance(data.get("entries"), list):
        elements = data["entries"]
        m = _ENTRIES_KEY.search(text)
        start = m.end() if m else text.index("[") + 1
    elif isinstance(data, list):
        elements = data
        start = text.index("[") + 1
    else:
        problems.append(
            Problem(
                shown,
                1,
                None,
                'expected a JSON array of entries or an object with an "entries" array',
            )
        )
        return None, problems
    lines = _element_lines(text, start, len(elements))
    records, kept_lines = [], []
    for element, line in zip(elements, lines, strict=True):
        if isinstance(element, dict):
            records.append(element)
            kept_lines.append(line)
        else:
            problems.append(_not_an_object(shown, line, element))
    return _records_frame(records, kept_lines, shown, mapping), problems


def _element_lines(text: str, start: int, n: int) -> list[int]:
    """Line of each array element, found by decoding the elements in turn."""
    decoder = json.JSONDecoder(parse_int=len)  # positions only; no long integer converted
    lines: list[int] = []
    pos, line = start, text.count("\n", 0, start) + 1
    ws = re.compile(r"[\s,]*")
    for _ in range(n):
        skip = ws.match(text, pos)
        new_pos = skip.end() if skip else pos
        line += text.count("\n", pos, new_pos)
        pos = new_pos
        lines.append(line)
        _, end = decoder.raw_decode(text, pos)  # depth already checked by load_json
        line += text.count("\n", pos, end)
        pos = end
    return lines


def read_jsonl(
    path: Path, shown: str, mapping: Names, *, limits: Limits = LIMITS, encoding: str = "utf-8"
) -> Raw:
    """JSON Lines; uses pyarrow's reader when the file is clean, else line by line."""
    problems: list[Problem] = []
    data = path.read_bytes()
    depth = json_depth(data)  # before pyarrow or json, which recurse (and may crash) on depth
    if depth > limits.max_json_depth:
        message = JsonTooDeep(depth, limits.max_json_depth).message()
        return None, [file_problem(shown, message)]
    if encoding.replace("-", "").lower() == "utf8" and b"\n\n" not in data.strip():
        frame = _read_jsonl_arrow(data, mapping)
        if frame is not None:
            lines = list(range(1, len(frame) + 1))
            frame = frame.rename(columns=rename_columns(frame.columns, mapping))
            frame = frame.loc[:, ~frame.columns.duplicated()]
            frame["_file"] = shown
            frame["_line"] = pd.Series(lines, index=frame.index, dtype="Int64")
            return frame, problems
    text = decode(data, shown, encoding, problems)
    if text is None:
        return None, problems
    if not text.strip():
        problems.append(
            file_problem(
                shown, "the file is empty; write one JSON object per line, one line per interview"
            )
        )
        return None, problems
    records, lines = [], []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            value = load_json(line, limits)
        except json.JSONDecodeError as exc:
            problems.append(
                Problem(
                    shown,
                    number,
                    None,
                    f"this line is not valid JSON ({exc.msg}, "
                    f"column {exc.colno}); each line must be one complete "
                    "JSON object",
                )
            )
            continue
        if not isinstance(value, dict):
            problems.append(_not_an_object(shown, number, value))
            continue
        records.append(value)
        lines.append(number)
    return _records_frame(records, lines, shown, mapping), problems


def _read_jsonl_arrow(data: bytes, mapping: Mapping[str, str]) -> pd.DataFrame | None:
    """Fast path: pyarrow's JSON reader. ``None`` when it cannot take the file."""
    try:
        table = pj.read_json(
            io.BytesIO(data),
            parse_options=pj.ParseOptions(newlines_in_values=False),
        )
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError, pa.ArrowTypeError):
        return None
    columns: dict[str, Any] = {}
    fields = rename_columns(table.column_names, mapping)
    for name, col in zip(table.column_names, table.columns, strict=True):
        if pa.types.is_list(col.type) and pa.types.is_string(col.type.value_type):
            # lists of strings stay in Arrow: the list splitter reads them there
            columns[name] = pd.Series(col.combine_chunks(), dtype=pd.ArrowDtype(col.type))
        elif fields.get(name) in LIST_FIELDS and _flat_objects(col.type):
            # so do lists of flat {"text": ..., "done": ...} objects in a list field
            columns[name] = pd.Series(col.combine_chunks(), dtype=pd.ArrowDtype(col.type))
        elif pa.types.is_list(col.type) or pa.types.is_large_list(col.type):
            # other lists (of {"text": ...} objects) become Python lists of dicts
            columns[name] = pd.Series(col.to_pylist(), dtype=object)
        elif pa.types.is_struct(col.type):
            columns[name] = pd.Series(col.to_pylist(), dtype=object)
        else:
            series = col.to_pandas()
            if pd.api.types.is_float_dtype(series.dtype) or pd.api.types.is_bool_dtype(
                series.dtype
            ):
                series = series.astype(object).where(series.notna(), None)
            columns[name] = series
    return pd.DataFrame(columns)


def _flat_objects(kind: Any) -> bool:
    """A list of objects whose values are all plain text, numbers or yes/no.

    Only these stay in Arrow: with nested values (lists of tags) the Python
    values seen when files are combined would not be the same.
    """
    if not (pa.types.is_list(kind) and pa.types.is_struct(kind.value_type)):
        return False
    plain = (pa.types.is_string, pa.types.is_boolean, pa.types.is_integer, pa.types.is_floating)
    return all(
        any(test(field.type) for test in plain) or pa.types.is_null(field.type)
        for field in kind.value_type
    )
