"""Column mappings: load a spreadsheet with its own headers without editing it.

A mapping is a dict ``{"their header": "field name"}`` or a TOML file::

    [columns]
    "Date of interview" = "interview_date"
    "What went well?" = "went_well"

Headers that already name a field ("Interview date", "interview-date",
"INTERVIEW_DATE") are recognised without a mapping.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Iterable, Mapping
from pathlib import Path

from ..exceptions import RecoveryAnalyticsError
from ..model import FIELDS

__all__ = ["ColumnMapping", "read_mapping", "rename_columns"]

ColumnMapping = Mapping[str, str]


def _key(header: str) -> str:
    return re.sub(r"[\s\-]+", "_", header.strip().casefold()).strip("_")


def read_mapping(mapping: ColumnMapping | str | os.PathLike[str] | None) -> dict[str, str]:
    """Return a checked ``{header: field}`` dict from a dict, a TOML path or None."""
    if mapping is None:
        return {}
    if isinstance(mapping, str | os.PathLike):
        path = Path(mapping)
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise RecoveryAnalyticsError(
                f"{path}: the column mapping file does not exist; check the path"
            ) from None
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise RecoveryAnalyticsError(f"{path}: {exc}; fix the TOML syntax there") from None
        columns = data.get("columns")
        if not isinstance(columns, dict):
            raise RecoveryAnalyticsError(
                f'{path}: a mapping file needs a [columns] table of "their header" = '
                '"field name" lines'
            )
        return _check(columns, path, text)
    return _check(dict(mapping), None, None)


def _check(columns: dict[str, object], path: Path | None, text: str | None) -> dict[str, str]:
    out: dict[str, str] = {}
    for header, target in columns.items():
        if not isinstance(target, str) or target not in FIELDS:
            where = f"{path}:{_line_of(text, header)}: " if path and text else ""
            raise RecoveryAnalyticsError(
                f"{where}the column {header!r} is mapped to {target!r}, which is not a field; "
                f"map it to one of: {', '.join(FIELDS)}"
            )
        out[str(header)] = target
    return out


def _line_of(text: str, header: str) -> int:
    for number, line in enumerate(text.splitlines(), start=1):
        if header in line:
            return number
    return 1


def rename_columns(headers: Iterable[str], mapping: Mapping[str, str]) -> dict[str, str]:
    """Which headers become which field: the mapping first, then name matching."""
    out: dict[str, str] = {}
    folded = {_key(k): v for k, v in mapping.items()}
    for header in headers:
        h = str(header)
        if h in mapping:
            out[h] = mapping[h]
        elif _key(h) in folded:
            out[h] = folded[_key(h)]
        elif _key(h) in FIELDS:
            out[h] = _key(h)
    return out
