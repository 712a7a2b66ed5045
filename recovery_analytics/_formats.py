"""Which reader takes which file: by name, by extension, then by content.

The table puts our own readers (:data:`recovery_analytics.io.READERS`) and the
app importers (:data:`recovery_analytics.importers.IMPORTERS`) together. It
lives here, above both, so that ``io`` never needs to know the importers.
Within an extension the specific formats (an app's export, recognised by its
content) are tried before the generic reader.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .exceptions import RecoveryAnalyticsError
from .importers import IMPORTERS
from .io import READERS, FormatSpec

__all__ = ["FORMATS", "FORMAT_NAMES", "SUFFIXES", "detect", "detect_with_content", "get_format"]


def _table(
    readers: Iterable[FormatSpec], importers: Iterable[FormatSpec]
) -> tuple[FormatSpec, ...]:
    """Each reader, preceded by the importers sharing one of its extensions.

    Examples
    --------
    >>> [f.name for f in FORMATS]  # doctest: +NORMALIZE_WHITESPACE
    ['obsidian', 'markdown', 'daylio', 'gforms', 'notion', 'csv', 'tsv', 'xlsx',
     'dayone', 'json', 'jsonl']
    """
    waiting = list(importers)
    out: list[FormatSpec] = []
    for reader in readers:
        before = [f for f in waiting if set(f.suffixes) & set(reader.suffixes)]
        out.extend([*before, reader])
        waiting = [f for f in waiting if f not in before]
    return (*out, *waiting)


FORMATS: tuple[FormatSpec, ...] = _table(READERS, IMPORTERS)
FORMAT_NAMES: tuple[str, ...] = tuple(f.name for f in FORMATS)
SUFFIXES: frozenset[str] = frozenset(s for f in FORMATS for s in f.suffixes)

_SNIFF_BYTES = 1 << 16


def get_format(name: str) -> FormatSpec:
    """The format called ``name`` (``load(..., format=name)``)."""
    for fmt in FORMATS:
        if fmt.name == name:
            return fmt
    raise RecoveryAnalyticsError(
        f"The value for `format` must be one of {', '.join(FORMAT_NAMES)}, but {name!r} was passed."
    )


def detect(path: Path) -> FormatSpec | None:
    """The format for ``path`` by extension, asking content sniffers where needed."""
    return detect_with_content(path)[0]


def detect_with_content(path: Path) -> tuple[FormatSpec | None, bytes | None]:
    """Like :func:`detect`; also returns the file's bytes when sniffing read all of it.

    Small files (most reflections) are then read once, not twice.
    """
    suffix = path.suffix.lower()
    candidates = [f for f in FORMATS if suffix in f.suffixes]
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
