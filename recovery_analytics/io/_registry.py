"""What a format reader is: the context it reads in, what it returns, how it is described.

A format is a :class:`FormatSpec`: a name, the file extensions it claims, a
``read(path, shown, ctx)`` function and, when several formats share an
extension, a ``sniff(head: bytes)`` function saying whether the start of a file
looks like this format. Our own formats are listed in :data:`READERS`
(:mod:`recovery_analytics.io._readers`); the app importers list theirs in
``recovery_analytics.importers.IMPORTERS``; :mod:`recovery_analytics._formats`
puts the two together.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from .._limits import DEFAULT_LIMITS, Limits
from ..exceptions import Problem

__all__ = ["FormatSpec", "RawResult", "ReadContext", "Reader", "Sniffer"]


@dataclass(frozen=True)
class ReadContext:
    """What every reader may need besides the file itself."""

    mapping: Mapping[str, str] = field(default_factory=dict)
    encoding: str = "utf-8"
    client: str | None = None
    options: Mapping[str, Any] = field(default_factory=dict)
    content: bytes | None = None
    """The whole file, when detection already read it (readers may use it)."""
    limits: Limits = DEFAULT_LIMITS
    """The limits of :mod:`recovery_analytics._limits` this read keeps to."""

    def read_bytes(self, path: Path) -> bytes:
        return self.content if self.content is not None else path.read_bytes()


#: A raw frame (or raw records, or nothing) and the problems found.
RawResult = tuple[pd.DataFrame | list[dict[str, Any]] | None, list[Problem]]
Reader = Callable[[Path, str, ReadContext], RawResult]
Sniffer = Callable[[bytes], bool]


@dataclass(frozen=True)
class FormatSpec:
    """One format ``load()`` can read: its name, extensions, reader and sniffer."""

    name: str
    suffixes: tuple[str, ...]
    reader: Reader
    sniffer: Sniffer | None = None
    description: str = ""

    def read(self, path: Path, shown: str, ctx: ReadContext) -> RawResult:
        return self.reader(path, shown, ctx)

    def sniff(self, head: bytes) -> bool:
        """Does a file starting with ``head`` look like this format? (always, without a sniffer)"""
        return True if self.sniffer is None else bool(self.sniffer(head))
