"""Writers: entries and whole logs back to Markdown, CSV and JSON Lines.

Every file is written atomically and readable by its owner only. Reading what
was written gives the same frames (see ``tests/io/test_roundtrip.py``).
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Protocol

from .._fs import atomic_write, private_dir
from ..model import FIELDS, Entry, find_tags, format_action
from ._formulas import FormulaMode, check_formulas, escape_formula
from ._markdown import item_line, write_markdown

__all__ = [
    "HasEntries",
    "client_folder",
    "entry_filename",
    "entry_table",
    "entry_to_json",
    "write_csv",
    "write_jsonl",
    "write_markdown",
    "write_markdown_folder",
]

PathLike = str | os.PathLike[str]
_SLUG = re.compile(r"[^a-z0-9]+")


class HasEntries(Protocol):
    """What the writers need of a log: its entries (a :class:`ReflectionLog` has them)."""

    def entries(self) -> list[Entry]: ...


def _entries(log: HasEntries | Iterable[Entry]) -> list[Entry]:
    return log.entries() if hasattr(log, "entries") else list(log)


def _slug(text: str | None, default: str) -> str:
    slug = _SLUG.sub("-", (text or "").casefold()).strip("-")[:40].strip("-")
    return slug or default


def entry_filename(entry: Entry) -> str:
    """``<date>-<company>-<short id>.md``, the journal's file name for an entry.

    Examples
    --------
    >>> import datetime as dt
    >>> e = Entry(interview_date=dt.date(2026, 3, 4), company="Northwind & Co",
    ...           entry_id="e-1a2b3c4d5e6f")
    >>> entry_filename(e)
    '2026-03-04-northwind-co-1a2b3c.md'
    """
    short = file_id(entry.entry_id or "")
    return f"{entry.interview_date.isoformat()}-{_slug(entry.company, 'interview')}-{short}.md"


def file_id(entry_id: str) -> str:
    """The part of an entry's file name that comes from its id (the name ends ``-<it>.md``).

    Examples
    --------
    >>> file_id("e-1a2b3c4d5e6f"), file_id("e-1a2b3c4d5e6f-2")
    ('1a2b3c', '1a2b3c-2')
    """
    short = _short_id(entry_id)
    second = re.fullmatch(r"[0-9a-f]{12}-(\d{1,6})", entry_id.removeprefix("e-"))
    if second:  # a second interview with one derived id ("-2") keeps a file of its own
        short = f"{short}-{second.group(1)}"
    return short


_PLAIN_ID = re.compile(r"[A-Za-z0-9_-]{1,200}")
_RESERVED = frozenset(
    ["con", "prn", "aux", "nul"] + [f"{d}{i}" for d in ("com", "lpt") for i in range(10)]
)
_MAX_NAME = 80


def _digest(text: str, n: int = 10) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:n]


def _short_id(entry_id: str) -> str:
    """Six characters of a plain id; a hash of any other id (``../../``, spaces, length).

    Examples
    --------
    >>> _short_id("e-1a2b3c4d5e6f"), _short_id("../../") == _short_id("../..")
    ('1a2b3c', False)
    """
    bare = entry_id.removeprefix("e-")
    if not bare:
        return "entry"
    if _PLAIN_ID.fullmatch(bare):
        return bare[:6]
    return _digest(entry_id, 6)


def client_folder(client: str) -> str:
    """A safe folder name for a client, on every system.

    No path separators or control characters, nothing ``load()`` skips (a
    leading ``.`` or ``_``), no name Windows reserves (``CON``, ``aux``...), no
    trailing dot or space, and at most 80 characters: a longer name keeps its
    start and a hash of the whole, so two long names stay two folders.

    Examples
    --------
    >>> client_folder("../../etc"), client_folder("CON"), client_folder("aux.txt")
    ('etc', 'CON_', 'aux_.txt')
    >>> len(client_folder("a" * 300)) <= 80
    True
    """
    name = re.sub(r"[\\/\x00-\x1f\x7f:*?\"<>|]+", "-", client).strip()
    name = name.lstrip("._- ").rstrip(". ")
    if not name:
        return "me"
    stem, dot, ext = name.partition(".")
    if stem.casefold() in _RESERVED:
        name = f"{stem}_{dot}{ext}"
    if len(name) > _MAX_NAME:
        name = f"{name[: _MAX_NAME - 11].rstrip('. ')}-{_digest(client)}"
    return name


def write_markdown_folder(log: HasEntries | Iterable[Entry], folder: PathLike) -> list[Path]:
    """One Markdown file per entry in ``folder/<client>/``; returns the paths.

    ``log`` is a :class:`~recovery_analytics.ReflectionLog` or any entries.
    """
    root = private_dir(folder)
    written = []
    for entry in _entries(log):
        target = root / client_folder(entry.client) / entry_filename(entry)
        written.append(atomic_write(target, write_markdown(entry)))
    return written


def _cell(entry: Entry, name: str) -> Any:
    value = getattr(entry, name)
    kind = FIELDS[name].kind
    if kind == "items":
        return _list_cell([item_line(i) for i in value])
    if kind == "actions":
        return _list_cell([format_action(a) for a in value])
    if kind == "list":
        return _list_cell([str(v) for v in value])
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _list_cell(values: list[str]) -> str:
    values = [" ".join(v.split()) for v in values]
    if not values:
        return ""
    # one item per line; a trailing newline keeps a lone item containing ';' whole
    cell = "\n".join(values)
    if len(values) == 1 and ";" in cell:
        cell += "\n"
    return cell


def entry_table(entries: Iterable[Entry]) -> tuple[list[str], list[list[Any]]]:
    """The header and rows of the one-row-per-interview table (CSV and XLSX share it).

    Cells are as written before any formula quoting: text, numbers, ``""``.
    """
    entries = list(entries)
    extra_keys = sorted({str(k) for e in entries for k in e.extra})
    rows = [
        [_cell(entry, name) for name in FIELDS] + [_scalar(entry.extra.get(k)) for k in extra_keys]
        for entry in entries
    ]
    return [*FIELDS, *extra_keys], rows


def _safe(value: Any) -> Any:
    """A cell as the CSV holds it, quoted when a spreadsheet would run it."""
    text = value if isinstance(value, str) else str(value)  # a number -3 is quoted too
    quoted = escape_formula(text)
    return value if quoted == text else quoted


def write_csv(
    log: HasEntries | Iterable[Entry], path: PathLike, *, formulas: FormulaMode = "escape"
) -> Path:
    """All entries as CSV, one row per interview; list cells hold one item per line.

    With ``formulas="escape"`` (the default) a cell a spreadsheet would run as
    a formula (it starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
    return, after any white space) gets a single quote in front, so it opens
    as text; :func:`~recovery_analytics.load` takes the quote off again.
    ``formulas="keep"`` writes every cell as it is. See ``docs/formats.md``.
    """
    keep = check_formulas(formulas) == "keep"
    header, rows = entry_table(_entries(log))
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    # the csv module quotes a cell holding "\n" but not one holding only "\r",
    # which readers then take for a line break: such rows get every cell quoted
    quote_all = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_ALL)
    for row in [header, *rows]:
        cells = row if keep else [_safe(v) for v in row]
        has_cr = any(isinstance(v, str) and "\r" in v for v in cells)
        (quote_all if has_cr else writer).writerow(cells)
    return atomic_write(path, buffer.getvalue())


def _scalar(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def _json_value(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def entry_to_json(entry: Entry) -> dict[str, Any]:
    """A JSON-ready dict for one entry (items with tags as objects when needed)."""
    out: dict[str, Any] = {}
    for name, spec in FIELDS.items():
        value = getattr(entry, name)
        if spec.kind == "items":
            value = [_item_json(i) for i in value]
        elif spec.kind == "actions":
            value = [{"text": a.text, "done": a.done} for a in value]
        elif spec.kind == "list":
            value = list(value)
        if value is None:
            continue
        out[name] = _json_value(value)
    for key, value in entry.extra.items():
        out.setdefault(str(key), _json_value(value))
    return out


def _item_json(item: Any) -> Any:
    if not item.inferred and set(item.tags) <= set(find_tags(item.text)):
        return item.text
    out: dict[str, Any] = {"text": item.text, "tags": list(item.tags)}
    if item.inferred:
        out["inferred"] = True
    return out


def write_jsonl(log: HasEntries | Iterable[Entry], path: PathLike) -> Path:
    """All entries as JSON Lines, one object per interview."""
    lines = [json.dumps(entry_to_json(e), ensure_ascii=False) for e in _entries(log)]
    return atomic_write(path, "".join(line + "\n" for line in lines))
