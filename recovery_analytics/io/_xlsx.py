"""XLSX export: one sheet per frame, every text written as text.

The first sheet, ``interviews``, is the CSV's table (one row per interview,
list cells one item per line), so :func:`~recovery_analytics.load` reads the
workbook back; ``items``, ``actions`` and ``problems`` follow, one row per
frame row, for filtering and pivot tables.

No cell is ever a formula: text cells are typed as strings, whatever they
start with (openpyxl would otherwise turn ``"=..."`` into a formula and
``"#N/A"`` into an error), and by default formula-like text also gets the
quote of :mod:`._formulas`, so a sheet saved again as CSV stays safe.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from .._fs import atomic_write
from ..exceptions import RecoveryAnalyticsError
from ..model import Entry, fields_where
from ._formulas import FormulaMode, check_formulas, escape_formula, needs_quote
from ._writers import entry_table

__all__ = ["EXCEL_CELL_LIMIT", "HasFrames", "write_xlsx"]

PathLike = str | os.PathLike[str]
EXCEL_CELL_LIMIT = 32_767  # characters a spreadsheet cell holds
# characters XML 1.0 cannot hold (tab, line feed and carriage return can)
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_DATE_FIELDS = frozenset(fields_where(kind="date"))
_DATE_FORMAT = "yyyy-mm-dd"


class HasFrames(Protocol):
    """What the XLSX writer needs of a log (a :class:`ReflectionLog` has it)."""

    @property
    def items(self) -> pd.DataFrame: ...

    @property
    def actions(self) -> pd.DataFrame: ...

    @property
    def problems(self) -> pd.DataFrame: ...

    def entries(self) -> list[Entry]: ...


class _Sheet:
    """Turns values into cells of one write-only sheet."""

    def __init__(self, ws: WriteOnlyWorksheet, name: str, keep: bool) -> None:
        self.ws, self.name, self.keep = ws, name, keep
        self.row = 0

    def append(self, values: Iterable[Any], header: list[str]) -> None:
        self.row += 1
        self.ws.append([self._cell(v, header, i) for i, v in enumerate(values)])

    def _cell(self, value: Any, header: list[str], column: int) -> Any:
        if isinstance(value, list | tuple | np.ndarray):
            value = ", ".join(str(v) for v in value)
        if isinstance(value, str):
            return self._text(value, header[column] if column < len(header) else "")
        if value is None or pd.isna(value):
            return None
        if isinstance(value, bool | np.bool_):
            return bool(value)
        if isinstance(value, int | float | np.number):
            return value.item() if isinstance(value, np.generic) else value
        if isinstance(value, dt.date):
            cell = WriteOnlyCell(self.ws, value=_as_datetime(value))
            cell.number_format = _DATE_FORMAT
            return cell
        return self._text(str(value), header[column] if column < len(header) else "")

    def _text(self, text: str, column: str) -> Cell | None:
        if not text:
            return None
        text = _ILLEGAL.sub("\ufffd", text).replace("\r\n", "\n").replace("\r", "\n")
        written = text if self.keep else escape_formula(text)
        if len(written) > EXCEL_CELL_LIMIT:
            raise RecoveryAnalyticsError(
                f"Sheet {self.name!r}, row {self.row}, column {column!r} holds "
                f"{len(written)} characters; a spreadsheet cell holds at most "
                f"{EXCEL_CELL_LIMIT}. Export this log with to_csv or to_jsonl instead, "
                "or shorten that text."
            )
        cell = WriteOnlyCell(self.ws)
        cell.value = written
        cell.data_type = "s"  # text, never a formula or an error code
        if needs_quote(written):  # "keep": Excel keeps it text when the cell is edited
            cell.quotePrefix = True
        return cell


def _as_datetime(value: dt.date) -> dt.datetime:
    """A naive datetime for a cell (a spreadsheet has no time zones); a date at midnight."""
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None)
    return dt.datetime.combine(value, dt.time())


def _write_frame(sheet: _Sheet, frame: pd.DataFrame) -> None:
    if frame.index.name is not None:
        frame = frame.reset_index()
    header = [str(c) for c in frame.columns]
    sheet.append(header, header)
    for row in frame.itertuples(index=False, name=None):
        sheet.append(row, header)


def _interview_rows(entries: list[Entry]) -> tuple[list[str], list[list[Any]]]:
    header, rows = entry_table(entries)
    dates = [i for i, name in enumerate(header) if name in _DATE_FIELDS]
    for row in rows:
        for i in dates:
            if row[i]:
                row[i] = dt.date.fromisoformat(row[i])
    return header, rows


def write_xlsx(log: HasFrames, path: PathLike, *, formulas: FormulaMode = "escape") -> Path:
    """Write a log as an XLSX workbook: interviews, items, actions, problems.

    Parameters
    ----------
    log : ReflectionLog
        The log to write.
    path : path
        The workbook to write (atomically, readable by its owner only).
    formulas : {"escape", "keep"}
        ``"escape"`` (the default) puts a single quote in front of text a
        spreadsheet would run as a formula, as :func:`write_csv` does;
        ``"keep"`` writes such text as it is. Either way every text cell is a
        text cell, never a formula.

    Returns
    -------
    Path
        The written file.

    Notes
    -----
    XLSX keeps line breaks as line feeds, so a carriage return is written as
    one; other control characters cannot be stored in XLSX and are written as
    U+FFFD. A text longer than a cell holds raises
    :class:`~recovery_analytics.RecoveryAnalyticsError` rather than being cut.
    openpyxl streams each sheet through an owner-only temporary file in the
    system's temporary folder, removed once the workbook is written (or fails).
    """
    keep = check_formulas(formulas) == "keep"
    workbook = Workbook(write_only=True)
    try:
        _fill(workbook, log, keep)
    except BaseException:
        # saving closes the sheets' streams and removes their temporary files
        with contextlib.suppress(Exception):
            workbook.save(io.BytesIO())
        raise
    buffer = io.BytesIO()
    workbook.save(buffer)
    return atomic_write(path, buffer.getvalue())


def _fill(workbook: Workbook, log: HasFrames, keep: bool) -> None:
    header, rows = _interview_rows(log.entries())
    first = _Sheet(workbook.create_sheet("interviews"), "interviews", keep)
    first.ws.freeze_panes = "A2"
    first.append(header, header)
    for row in rows:
        first.append(row, header)
    frames = {"items": log.items, "actions": log.actions, "problems": log.problems}
    for name, frame in frames.items():
        sheet = _Sheet(workbook.create_sheet(name), name, keep)
        sheet.ws.freeze_panes = "A2"
        _write_frame(sheet, frame)
