"""CSV, TSV and XLSX: one row per interview.

Cells are read as text and typed later, column by column, in
:mod:`recovery_analytics._validate`. Line numbers follow the spreadsheet: the
header is line 1 and the first interview line 2.
"""

from __future__ import annotations

import csv
import io
import re
import warnings
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from .._limits import DEFAULT_LIMITS, Limits, over_limit
from ..exceptions import Problem, RecoveryAnalyticsError
from ..model import fields_where
from ._decode import decode
from ._formulas import restore_formulas
from ._mapping import rename_columns

__all__ = ["read_delimited", "read_xlsx"]

_SKIPPED_LINE = re.compile(r"Skipping line (\d+): ([^\n]*)")
# pandas' warning when the first rows have one cell more than the header (it would
# otherwise take the first column as an index and shift every column by one)
_HEADER_SHORT = "Length of header or names does not match length of data"
# fields whose numbers may be read as numbers; every other column is kept as text
_NUMERIC_FIELDS = frozenset(fields_where(kind="rating"))


def _finish(
    frame: pd.DataFrame, shown: str, mapping: Mapping[str, str], problems: list[Problem]
) -> pd.DataFrame:
    frame = restore_formulas(frame)  # the quotes our CSV/XLSX writers put before formulas
    frame = frame.rename(columns=rename_columns(frame.columns, mapping))
    duplicated = frame.columns[frame.columns.duplicated()].unique()
    for name in duplicated:
        problems.append(
            Problem(
                shown,
                1,
                str(name),
                "more than one column holds this field; keep one of them or map the others "
                "to different fields",
            )
        )
    frame = frame.loc[:, ~frame.columns.duplicated()]
    frame["_file"] = shown
    frame["_line"] = pd.Series(range(2, len(frame) + 2), index=frame.index, dtype="Int64")
    return frame


def _is_blank(path: Path) -> bool:
    """True when the file holds nothing but white space (read until it doesn't)."""
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 16):
            if chunk.strip():
                return False
    return True


def _read_csv(source: Path, sep: str, encoding: str, **extra: Any) -> pd.DataFrame:
    return pd.read_csv(
        source,
        sep=sep,
        encoding=encoding,
        keep_default_na=False,  # "NA" or "None" written in a cell stay text
        na_values=[""],
        on_bad_lines="warn",
        skip_blank_lines=True,
        index_col=False,  # never the first column as an index: that shifts every column
        **extra,
    )


def read_delimited(
    path: Path,
    shown: str,
    mapping: Mapping[str, str],
    *,
    sep: str = ",",
    encoding: str = "utf-8",
    limits: Limits = DEFAULT_LIMITS,
) -> tuple[pd.DataFrame | None, list[Problem]]:
    """Read a CSV/TSV into a raw frame; rows that cannot be parsed are reported.

    pandas infers column types (much faster than asking for text everywhere);
    a column that should hold text but came back as numbers ("007") is read
    again as text, so nothing is changed from what was written.
    """
    problems: list[Problem] = []
    if _is_blank(path):
        problems.append(
            Problem(
                shown,
                None,
                None,
                "the file is empty; it needs a header line and one row "
                "per interview (see docs/formats.md)",
            )
        )
        return None, problems
    wide = _too_wide(path, shown, sep, encoding, limits)
    if wide is not None:
        return None, [wide]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            frame = _read_csv(path, sep, encoding)
            exact = [
                c
                for c in frame.columns
                # object dtype too: "FALSE" beside empty cells comes back as a bool
                if not isinstance(frame[c].dtype, pd.StringDtype)
                and rename_columns([str(c)], mapping).get(str(c)) not in _NUMERIC_FIELDS
            ]
            if exact:
                again = _read_csv(path, sep, encoding, usecols=exact, dtype=str)
                for c in exact:
                    frame[c] = again[c]
        except UnicodeDecodeError:
            decode(path.read_bytes(), shown, encoding, problems)
            return None, problems
        except (pd.errors.ParserError, csv.Error) as exc:
            problems.append(
                Problem(
                    shown,
                    None,
                    None,
                    f"the file could not be read as {_kind(sep)} ({exc}); "
                    'check its quotes: a quote inside a cell must be doubled ("")',
                )
            )
            return None, problems
        except LookupError:
            raise RecoveryAnalyticsError(
                f"The value for `encoding` must be a text encoding Python knows, such as "
                f"'utf-8' or 'cp1252', but {encoding!r} was passed."
            ) from None
    if any(_HEADER_SHORT in str(w.message) for w in caught):
        return _read_ragged(path, shown, mapping, sep, encoding, problems)
    for w in caught:
        for line, reason in _SKIPPED_LINE.findall(str(w.message)):
            problems.append(
                Problem(
                    shown,
                    int(line),
                    None,
                    f"this row could not be read ({reason.strip()}); "
                    "it probably has an unquoted separator in a cell: put that cell in "
                    "double quotes",
                )
            )
    frame = _finish(frame, shown, mapping, problems)
    skipped = sorted(p.line for p in problems if p.line is not None)
    if skipped:
        # rows after a skipped one sit one line further down the file
        rows = frame["_line"].to_numpy(dtype="int64")
        for line in skipped:
            rows = rows + (rows >= line)
        frame["_line"] = pd.Series(rows, index=frame.index, dtype="Int64")
    return frame, problems


def _too_wide(path: Path, shown: str, sep: str, encoding: str, limits: Limits) -> Problem | None:
    """A problem when the header has more columns than ``limits.max_columns``."""
    with path.open("rb") as handle:
        head = handle.read(min(limits.max_line_chars, 1 << 24))
    first = head.split(b"\n", 1)[0]
    if len(first) >= limits.max_line_chars:
        found = f"a header line of {len(first)} characters or more"
        return Problem(shown, 1, None, over_limit("max_line_chars", found, limits.max_line_chars))
    columns = first.count(sep.encode("ascii")) + 1
    if columns > limits.max_columns:
        found = f"a header of {columns} columns"
        return Problem(shown, 1, None, over_limit("max_columns", found, limits.max_columns))
    return None


def _read_ragged(
    path: Path,
    shown: str,
    mapping: Mapping[str, str],
    sep: str,
    encoding: str,
    problems: list[Problem],
) -> tuple[pd.DataFrame | None, list[Problem]]:
    """Read a file whose rows have more cells than its header, row by row.

    Each such row is reported at its line and left out; the others keep their
    columns (pandas would have shifted them all by one).
    """
    text = decode(path.read_bytes(), shown, encoding, problems)
    if text is None:
        return None, problems
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep)
    header = next(reader, [])
    rows: list[list[str | None]] = []
    lines: list[int] = []
    start = reader.line_num + 1
    for row in reader:
        if not any(cell.strip() for cell in row):
            start = reader.line_num + 1
            continue
        if len(row) > len(header):
            problems.append(
                Problem(
                    shown,
                    start,
                    None,
                    f"this row has {len(row)} cells but the header has {len(header)}; "
                    "it probably has an unquoted separator in a cell: put that cell in "
                    "double quotes",
                )
            )
        else:
            padded = [cell if cell != "" else None for cell in row]
            rows.append(padded + [None] * (len(header) - len(row)))
            lines.append(start)
        start = reader.line_num + 1
    frame = pd.DataFrame(rows, columns=header, dtype=object)
    frame = _finish(frame, shown, mapping, problems)
    frame["_line"] = pd.Series(lines, index=frame.index, dtype="Int64")
    return frame, problems


def _kind(sep: str) -> str:
    return "TSV" if sep == "\t" else "CSV"


def read_xlsx(
    path: Path, shown: str, mapping: Mapping[str, str]
) -> tuple[pd.DataFrame | None, list[Problem]]:
    """Read the first sheet of an XLSX workbook laid out like the CSV."""
    problems: list[Problem] = []
    try:
        frame = pd.read_excel(path, sheet_name=0, dtype=object, engine="openpyxl")
    except Exception as exc:  # openpyxl raises many types for broken workbooks
        problems.append(
            Problem(
                shown,
                None,
                None,
                f"the workbook could not be opened ({type(exc).__name__}: "
                f"{exc}); save it again from your spreadsheet program as .xlsx",
            )
        )
        return None, problems
    frame = frame.dropna(how="all")
    frame = _finish(frame, shown, mapping, problems)
    frame["_line"] = pd.Series(frame.index + 2, index=frame.index, dtype="Int64")
    return frame.reset_index(drop=True), problems
