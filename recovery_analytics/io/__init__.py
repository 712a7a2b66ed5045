"""Reading and writing reflection logs in our own formats.

The app importers (:mod:`recovery_analytics.importers`) and the journal build
on what is exported here; nothing outside this package imports its private
modules.
"""

from __future__ import annotations

from ._decode import JsonTooDeep, decode, file_problem, invalid_json, json_depth, load_json
from ._formulas import FORMULA_MODES, FormulaMode, escape_formula, needs_quote, unescape_formula
from ._mapping import ColumnMapping, read_mapping, rename_columns
from ._markdown import SECTION_HEADINGS, item_line, parse_markdown, write_markdown
from ._readers import READERS
from ._registry import FormatSpec, RawResult, ReadContext, Reader, Sniffer
from ._tabular import read_delimited, read_xlsx
from ._writers import (
    HasEntries,
    client_folder,
    entry_filename,
    entry_to_json,
    file_id,
    write_csv,
    write_jsonl,
    write_markdown_folder,
)
from ._xlsx import HasFrames, write_xlsx

__all__ = [
    "FORMULA_MODES",
    "READERS",
    "SECTION_HEADINGS",
    "ColumnMapping",
    "FormatSpec",
    "FormulaMode",
    "HasFrames",
    "HasEntries",
    "JsonTooDeep",
    "RawResult",
    "ReadContext",
    "Reader",
    "Sniffer",
    "client_folder",
    "decode",
    "escape_formula",
    "entry_filename",
    "file_id",
    "entry_to_json",
    "file_problem",
    "invalid_json",
    "item_line",
    "needs_quote",
    "json_depth",
    "load_json",
    "parse_markdown",
    "read_delimited",
    "read_mapping",
    "read_xlsx",
    "rename_columns",
    "unescape_formula",
    "write_csv",
    "write_jsonl",
    "write_markdown",
    "write_markdown_folder",
    "write_xlsx",
]
