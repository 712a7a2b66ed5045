"""Which reader takes which file: by name, by extension, then by content.

Each format lives in its own module with two functions:

* ``sniff(head: bytes) -> bool`` - does the start of the file look like this
  format? (only needed when several formats share an extension);
* ``read(path, shown, ctx) -> (raw frame or list of raw records or None, problems)``.

Formats that share an extension are tried in the order listed here: the
specific ones (an app's export) before the generic one.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import pandas as pd

from ..exceptions import Problem

__all__ = [
    "FORMAT_NAMES",
    "FormatSpec",
    "ReadContext",
    "detect",
    "detect_with_content",
    "get_format",
]


@dataclass(frozen=True)
class ReadContext:
    """What every reader may need besides the file itself."""

    mapping: Mapping[str, str] = field(default_factory=dict)
    encoding: str = "utf-8"
    client: str | None = None
    options: Mapping[str, Any] = field(default_factory=dict)
    content: bytes | None = None
    """The whole file, when detection already read it (readers may use it)."""

    def read_bytes(self, path: Path) -> bytes:
        return self.content if self.content is not None else path.read_bytes()


RawResult = tuple[pd.DataFrame | list[dict[str, Any]] | None, list[Problem]]


class FormatModule(Protocol):
    def read(self, path: Path, shown: str, ctx: ReadContext) -> RawResult: ...


@functools.cache
def _import(spec: str) -> Any:
    name, _, attr = spec.partition(":")
    module = importlib.import_module(name)
    return getattr(module, attr) if attr else module


@dataclass(frozen=True)
class FormatSpec:
    name: str
    suffixes: tuple[str, ...]
    module: str
    sniffs: bool = False
    description: str = ""

    def load_module(self) -> Any:
        """Import ``package.module:attribute`` (the attribute part is optional)."""
        return _import(self.module)

    def read(self, path: Path, shown: str, ctx: ReadContext) -> RawResult:
        reader: Callable[[Path, str, ReadContext], RawResult] = self.load_module().read
        return reader(path, shown, ctx)

    def sniff(self, head: bytes) -> bool:
        if not self.sniffs:
            return True
        return bool(self.load_module().sniff(head))


_R = "recovery_analytics.io._readers"
_I = "recovery_analytics.importers"

# Specific formats first within an extension; the generic reader last.
_FORMATS: tuple[FormatSpec, ...] = (
    FormatSpec("obsidian", (".md", ".markdown"), f"{_I}.obsidian", True, "Obsidian notes"),
    FormatSpec("markdown", (".md", ".markdown"), f"{_R}:markdown", description="our Markdown"),
    FormatSpec("daylio", (".csv",), f"{_I}.daylio", True, "Daylio CSV export"),
    FormatSpec("gforms", (".csv",), f"{_I}.gforms", True, "Google Forms responses CSV"),
    FormatSpec("notion", (".csv",), f"{_I}.notion", True, "Notion database CSV export"),
    FormatSpec("csv", (".csv",), f"{_R}:csv", description="one row per interview"),
    FormatSpec("tsv", (".tsv", ".tab"), f"{_R}:tsv", description="tab-separated"),
    FormatSpec("xlsx", (".xlsx", ".xlsm"), f"{_R}:xlsx", description="Excel workbook"),
    FormatSpec("dayone", (".json", ".zip"), f"{_I}.dayone", True, "Day One JSON export or zip"),
    FormatSpec("json", (".json",), f"{_R}:json", description="JSON array or entries"),
    FormatSpec("jsonl", (".jsonl", ".ndjson"), f"{_R}:jsonl", description="JSON Lines"),
)

FORMAT_NAMES: tuple[str, ...] = tuple(f.name for f in _FORMATS)
SUFFIXES: frozenset[str] = frozenset(s for f in _FORMATS for s in f.suffixes)


def get_format(name: str) -> FormatSpec:
    for fmt in _FORMATS:
        if fmt.name == name:
            return fmt
    raise ValueError(
        f"The value for `format` must be one of {', '.join(FORMAT_NAMES)}, but {name!r} was passed."
    )


_SNIFF_BYTES = 1 << 16


def detect(path: Path) -> FormatSpec | None:
    """The format for ``path`` by extension, asking content sniffers where needed."""
    return detect_with_content(path)[0]


def detect_with_content(path: Path) -> tuple[FormatSpec | None, bytes | None]:
    """Like :func:`detect`; also returns the file's bytes when sniffing read all of it.

    Small files (most reflections) are then read once, not twice.
    """
    suffix = path.suffix.lower()
    candidates = [f for f in _FORMATS if suffix in f.suffixes]
    if not candidates:
        return None, None
    if len(candidates) == 1:
        return candidates[0], None
    with path.open("rb") as handle:
        head = handle.read(_SNIFF_BYTES)
        whole = head if len(head) < _SNIFF_BYTES else None
    for fmt in candidates:
        if fmt.sniff(head):
            return fmt, whole
    return candidates[-1], whole
