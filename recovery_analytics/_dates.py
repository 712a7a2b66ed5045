"""Dates you can trust: the day/month order of each source decided from evidence.

A date such as ``03/04/2026`` is 3 April in the UK and 4 March in the US. Within
one source (one file), any value whose first number is above 12 shows the
source writes the day first, any whose second number is above 12 shows it
writes the month first. :func:`parse_dates` reads every date column with the
order so decided, and reports

* a source holding both kinds of evidence (a problem naming both lines),
* a source whose slashed dates are all ambiguous and whose order nobody set
  (one warning naming the file and an example).

``dayfirst`` given for a source (``_dayfirst`` column, from a manifest) or for
the whole load wins over evidence; a value that cannot be read in that order
is then a bad value like any other.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import numpy as np
import pandas as pd

from ._problems import Problem

__all__ = ["DATE_COLUMN", "SOURCE_COLUMN", "date_orders", "parse_date_column"]

#: The meta column holding a source's own ``dayfirst`` (True/False/None).
DATE_COLUMN = "_dayfirst"
#: The meta column naming the source a row came from (files of one client's
#: folder are one source); rows without it are grouped by file.
SOURCE_COLUMN = "_source"

_SLASHED = re.compile(r"^\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})(?:[ T]\S.{0,40})?\s*$")


def _line(raw: pd.DataFrame, pos: int) -> int | None:
    line: Any = raw["_line"].iat[pos] if "_line" in raw.columns else None
    return None if line is None or pd.isna(line) else int(line)


def _where(raw: pd.DataFrame, files: np.ndarray, pos: int) -> str:
    line = _line(raw, pos)
    return f"{files[pos]}:{line}" if line is not None else str(files[pos])


def _readings(first: int, second: int, year: int) -> tuple[str, str]:
    def show(day: int, month: int) -> str:
        try:
            return f"{day} {dt.date(year, month, day):%B}"
        except ValueError:
            return "no date"

    return show(first, second), show(second, first)


def date_orders(
    raw: pd.DataFrame, names: list[str], dayfirst: bool | None
) -> tuple[np.ndarray, list[Problem]]:
    """The day-first flag of every row, and the problems about the order.

    ``names`` are the date columns present in ``raw``; ``dayfirst`` is the
    load's own setting (``None``: decide from evidence, month first when
    there is none).
    """
    n = len(raw)
    flags = np.zeros(n, dtype=bool)
    problems: list[Problem] = []
    if n == 0:
        return flags, problems
    files = raw["_file"].astype("str").to_numpy()
    groups = files
    if SOURCE_COLUMN in raw.columns:
        given_source = raw[SOURCE_COLUMN].astype(object).to_numpy()
        groups = np.array(
            [g if isinstance(g, str) else f for g, f in zip(given_source, files, strict=True)],
            dtype=object,
        )
    own = raw[DATE_COLUMN].to_numpy() if DATE_COLUMN in raw.columns else np.full(n, None)
    by_source: dict[str, list[int]] = {}
    for pos, group in enumerate(groups):
        by_source.setdefault(group, []).append(pos)
    for source, positions in by_source.items():
        given = own[positions[0]]
        explicit = bool(given) if given is not None and not pd.isna(given) else dayfirst
        day_first: tuple[int, str, str] | None = None
        month_first: tuple[int, str, str] | None = None
        ambiguous: tuple[int, str, tuple[int, int, int]] | None = None
        for name in names:
            values = raw[name].to_numpy()
            for pos in positions:
                value = values[pos]
                if not isinstance(value, str):
                    continue
                m = _SLASHED.match(value)
                if not m:
                    continue
                a, b, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
                if a > 12 and day_first is None:
                    day_first = (pos, name, value.strip())
                elif b > 12 and month_first is None:
                    month_first = (pos, name, value.strip())
                elif a <= 12 and b <= 12 and a != b and ambiguous is None:
                    ambiguous = (pos, value.strip(), (a, b, year if year > 99 else 2000 + year))
        if day_first and month_first:
            (p1, f1, v1), (p2, _, v2) = day_first, month_first
            problems.append(
                Problem(
                    files[p1],
                    _line(raw, p1),
                    f1,
                    f"{v1} ({_where(raw, files, p1)}) puts the day first but {v2} "
                    f"({_where(raw, files, p2)}) puts the month first: the dates of {source} "
                    "contradict each other; correct one of them, or set dayfirst for this "
                    "source",
                )
            )
        if explicit is None:
            explicit = day_first is not None and month_first is None
            if day_first is None and month_first is None and ambiguous is not None:
                pos, value, (a, b, year) = ambiguous
                as_day, as_month = _readings(a, b, year)
                problems.append(
                    Problem(
                        files[pos],
                        _line(raw, pos),
                        None,
                        f"{value} could be {as_day} or {as_month}: set dayfirst for this "
                        f"source (every date of {source} is ambiguous; all are read month "
                        f"first, this one as {as_month})",
                        "warning",
                    )
                )
        flags[positions] = explicit
    return flags, problems


def parse_date_column(
    text: pd.Series, day_first: np.ndarray
) -> tuple[pd.Series, pd.Series, pd.Series]:
    """Parse stripped text dates: (timestamps, mask of bad values, time of day).

    ISO dates first; then slashed dates in each row's order; then anything
    else pandas reads. The time of day is ``"HH:MM"`` where the value has one.
    """
    parsed = pd.to_datetime(text, format="ISO8601", errors="coerce")
    if isinstance(parsed.dtype, pd.DatetimeTZDtype):
        parsed = parsed.dt.tz_localize(None)
    parsed = parsed.astype("datetime64[us]")
    failed = parsed.isna() & text.notna()
    if failed.any():
        parsed = parsed.copy()
        rest: list[int] = []
        for pos in np.flatnonzero(failed.to_numpy()).tolist():
            value = str(text.iat[pos])
            m = _SLASHED.match(value)
            if not m:
                rest.append(pos)
                continue
            a, b, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
            year = year if year > 99 else 2000 + year
            day, month = (a, b) if day_first[pos] else (b, a)
            try:
                parsed.iat[pos] = pd.Timestamp(year, month, day)
            except ValueError:
                continue
        if rest:
            sub = text.iloc[rest]
            retry = pd.to_datetime(sub, format="mixed", errors="coerce")
            if not pd.api.types.is_datetime64_dtype(retry.dtype) or isinstance(
                retry.dtype, pd.DatetimeTZDtype
            ):
                # a time zone read out of a malformed date ('2026-03-1 2026-03-12'): not a date
                retry = pd.Series(pd.NaT, index=retry.index, dtype="datetime64[us]")
            values = retry.astype("datetime64[us]").to_numpy()
            parsed.iloc[rest] = values  # type: ignore[call-overload]
        failed = parsed.isna() & text.notna()
    clock = parsed.dt.strftime("%H:%M")
    times = clock.where(parsed.notna() & (clock != "00:00"))
    return parsed.dt.normalize(), failed, times
