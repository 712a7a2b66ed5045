"""Reading and writing reflection logs: our formats, app exports and writers."""

from __future__ import annotations

from ._files import atomic_write, private_dir
from ._markdown import parse_markdown, write_markdown
from ._registry import FORMAT_NAMES
from ._writers import (
    client_folder,
    entry_filename,
    entry_to_json,
    write_csv,
    write_jsonl,
    write_markdown_folder,
)

__all__ = [
    "FORMAT_NAMES",
    "atomic_write",
    "client_folder",
    "entry_filename",
    "entry_to_json",
    "parse_markdown",
    "private_dir",
    "write_csv",
    "write_jsonl",
    "write_markdown",
    "write_markdown_folder",
]
