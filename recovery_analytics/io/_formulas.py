"""Spreadsheet-safe cells: the one rule for quoting formula-like text.

A spreadsheet program runs a cell that starts with ``=``, ``+``, ``-`` or
``@`` as a formula, and some programs strip a leading tab or carriage return
first. Anyone who can type into a field (the entry form, an imported app
export) could otherwise plant a formula in the coach's spreadsheet. OWASP's
rule: put a single quote in front of such cells, so they open as text.

The rule here (see ``docs/formats.md``, "Spreadsheet-safe exports"):

- a cell *needs a quote* when, after any leading white space, it starts with
  ``=``, ``+``, ``-`` or ``@``, or when its leading white space holds a tab or
  a carriage return (``" =1+1"``, ``"\\t=cmd"`` and ``"\\rabc"`` all do);
- the writer quotes a cell when its text, with any single quotes it already
  starts with set aside, needs a quote: ``"=x"`` is written ``"'=x"`` and
  ``"'=x"`` is written ``"''=x"``;
- the reader takes one quote off a cell that starts with a quote and whose
  text after its leading quotes needs a quote: exactly the cells the writer
  quoted, so every exported text reads back as it was.

The one ambiguity: a file this package did not write (typed by hand, written
with ``formulas="keep"`` or by another program) may hold a cell such as
``'-) thanks`` that was meant with its quote; it reads back without the first
quote, as if the writer had added it.
"""

from __future__ import annotations

from typing import Any, Literal

import pandas as pd

from ..exceptions import RecoveryAnalyticsError

__all__ = [
    "FORMULA_MODES",
    "FORMULA_STARTS",
    "FormulaMode",
    "check_formulas",
    "escape_formula",
    "needs_quote",
    "restore_formulas",
    "unescape_formula",
]

FormulaMode = Literal["escape", "keep"]
FORMULA_MODES: tuple[str, ...] = ("escape", "keep")
# what a cell may start with (after white space) to be read as a formula
FORMULA_STARTS = "=+-@\t\r"
_QUOTE = "'"


def check_formulas(value: object) -> FormulaMode:
    """Return ``value`` if it is a known ``formulas`` option, else raise a clear error.

    Examples
    --------
    >>> check_formulas("keep")
    'keep'
    >>> try:
    ...     check_formulas("strip")
    ... except RecoveryAnalyticsError as exc:
    ...     print(exc)  # doctest: +ELLIPSIS
    The value for `formulas` must be one of 'escape', 'keep', but 'strip' was passed. ...
    """
    if isinstance(value, str) and value in FORMULA_MODES:
        return value  # type: ignore[return-value]
    raise RecoveryAnalyticsError(
        f"The value for `formulas` must be one of 'escape', 'keep', but {value!r} was "
        "passed. Use 'escape' (the default) so cells open as text, or 'keep' to write "
        "formula-like text as it is."
    )


def needs_quote(text: str) -> bool:
    """True when a spreadsheet could read ``text`` as a formula (OWASP's rule).

    Examples
    --------
    >>> [needs_quote(t) for t in ["=1+1", " =1+1", "\\t=cmd", "\\rx", "-1", "a=b", "", "  "]]
    [True, True, True, True, True, False, False, False]
    """
    body = text.lstrip()
    lead = text[: len(text) - len(body)]
    return "\t" in lead or "\r" in lead or (body[:1] != "" and body[0] in FORMULA_STARTS)


def escape_formula(text: str) -> str:
    """``text`` with a single quote in front when it needs one.

    Examples
    --------
    >>> escape_formula("=HYPERLINK(A1)"), escape_formula("'=x"), escape_formula("'ok")
    ("'=HYPERLINK(A1)", "''=x", "'ok")
    """
    return _QUOTE + text if needs_quote(text.lstrip(_QUOTE)) else text


def unescape_formula(text: str) -> str:
    """Undo :func:`escape_formula`: drop the quote it added, and only that one.

    Examples
    --------
    >>> unescape_formula("'=x"), unescape_formula("''=x"), unescape_formula("'ok")
    ('=x', "'=x", "'ok")
    """
    if text.startswith(_QUOTE) and needs_quote(text.lstrip(_QUOTE)):
        return text[1:]
    return text


def _escaped(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(_QUOTE) and needs_quote(value.lstrip(_QUOTE))


def restore_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """A raw frame read from a CSV or XLSX with the writer's quotes taken off.

    Column names are restored too (a written header is quoted by the same rule).
    Only text cells are looked at; numbers, dates and empty cells stay as they are.
    """
    frame = frame.copy()  # copy-on-write: nothing is copied until a column changes
    columns = [unescape_formula(c) if isinstance(c, str) else c for c in frame.columns]
    if columns != list(frame.columns):
        frame = frame.set_axis(columns, axis=1)
    for position in range(frame.shape[1]):
        column = frame.iloc[:, position]
        if column.dtype != object and not isinstance(column.dtype, pd.StringDtype):
            continue
        if isinstance(column.dtype, pd.StringDtype):  # most text: a fast first look
            mask = column.str.startswith(_QUOTE).fillna(False).to_numpy(dtype=bool, copy=True)
            if not mask.any():
                continue
            mask[mask] = column.loc[mask].map(_escaped).to_numpy(dtype=bool)
        else:
            mask = column.map(_escaped).to_numpy(dtype=bool)
        if mask.any():
            column = column.copy()
            column.loc[mask] = column.loc[mask].map(lambda s: s[1:])
            frame.isetitem(position, column.array)
    return frame
