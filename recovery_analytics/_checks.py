"""Checks across a whole load: real duplicates, and dates that look wrong.

* Two records with the same entry id and the same content are one interview
  read twice: the first is kept, the second reported (kind ``"duplicate"``).
* The same id with different content is two interviews: both are kept, the
  later one under a deterministic distinct id (``<id>-2``, ``<id>-3``...), with
  a ``"possible duplicate"`` warning. No valid record is dropped because of how
  its id was made.
* Warnings (the entry is kept): an interview dated in the future, a follow-up
  before its interview, a ``reflected_on`` before its interview.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from ._problems import Problem, ProblemKind
from .model import FIELDS

__all__ = ["date_warnings", "find_duplicates"]

_SCALARS = tuple(
    name for name, spec in FIELDS.items() if name != "entry_id" and not spec.kind == "items"
)


def _line(raw: pd.DataFrame, pos: int, name: str) -> int | None:
    if "_lines" in raw.columns:
        lines = raw["_lines"].iat[pos]
        if isinstance(lines, dict) and name in lines:
            return int(lines[name])
    line: Any = raw["_line"].iat[pos] if "_line" in raw.columns else None
    return None if line is None or pd.isna(line) else int(line)


def _problem(raw: pd.DataFrame, pos: int, name: str, message: str, kind: ProblemKind) -> Problem:
    return Problem(str(raw["_file"].iat[pos]), _line(raw, pos, name), name, message, kind)


def _plain(value: object) -> str:
    """A value as comparable text: lists and line-per-item text alike."""
    if isinstance(value, list | tuple | np.ndarray):
        parts = [str(getattr(v, "text", v)).strip() for v in value]
    elif value is None or (not isinstance(value, str) and pd.isna(value)):  # type: ignore[call-overload]
        return ""
    else:
        parts = [line.strip(" -*\u2022\t") for line in str(value).splitlines()]
    return "\n".join(p.casefold() for p in parts if p)


def _signature(frame: pd.DataFrame, content: Sequence[pd.Series], pos: int) -> tuple[str, ...]:
    scalars = tuple(_plain(frame[name].iat[pos]) for name in _SCALARS if name in frame.columns)
    return scalars + tuple(_plain(col.iat[pos]) for col in content)


def find_duplicates(
    frame: pd.DataFrame, keep: np.ndarray, content: Sequence[pd.Series], raw: pd.DataFrame
) -> tuple[pd.Series, pd.Series, list[Problem]]:
    """``(mask of copies to drop, entry ids made distinct, problems)``."""
    ids = frame["entry_id"].astype(object).copy()
    drop = np.zeros(len(frame), dtype=bool)
    problems: list[Problem] = []
    seen: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
    taken = set(ids[keep].dropna().tolist())
    for pos in np.flatnonzero(keep).tolist():
        eid = str(ids.iat[pos])
        sig = _signature(frame, content, pos)
        earlier = seen.get(eid)
        if earlier is None:
            seen[eid] = [(pos, sig)]
            continue
        same = next((p for p, s in earlier if s == sig), None)
        first_source = frame["source"].iat[earlier[0][0]]
        if same is not None:
            drop[pos] = True
            problems.append(
                _problem(
                    raw,
                    pos,
                    "entry_id",
                    f"duplicate of entry {eid} already read from {frame['source'].iat[same]}; "
                    "the same interview with the same content, so only the first copy is kept",
                    "duplicate",
                )
            )
            continue
        number = len(earlier) + 1
        new = f"{eid}-{number}"
        while new in taken:
            number += 1
            new = f"{eid}-{number}"
        taken.add(new)
        ids.iat[pos] = new
        earlier.append((pos, sig))
        problems.append(
            _problem(
                raw,
                pos,
                "entry_id",
                f"possible duplicate: entry {eid} from {first_source} has the same client, "
                "date, company, role and stage but different content; both are kept, this "
                f"one as {new}. Remove one if they are the same interview.",
                "warning",
            )
        )
    return pd.Series(drop, index=frame.index), ids, problems


def date_warnings(frame: pd.DataFrame, keep: np.ndarray, raw: pd.DataFrame) -> list[Problem]:
    """Warnings for dates that are readable but unlikely; the entries are kept."""
    problems: list[Problem] = []
    date = frame["interview_date"]
    today = pd.Timestamp(dt.date.today())
    future = (date > today).to_numpy() & keep
    for pos in np.flatnonzero(future).tolist():
        problems.append(
            _problem(
                raw,
                pos,
                "interview_date",
                f"{date.iat[pos]:%Y-%m-%d} is in the future; check the date (day and month "
                "swapped?). The entry is kept.",
                "warning",
            )
        )
    for name, what in (("follow_up_date", "the follow-up"), ("reflected_on", "the reflection")):
        if name not in frame.columns:
            continue
        other = frame[name]
        before = (other < date).fillna(False).to_numpy(dtype=bool) & keep
        for pos in np.flatnonzero(before).tolist():
            problems.append(
                _problem(
                    raw,
                    pos,
                    name,
                    f"{other.iat[pos]:%Y-%m-%d}: {what} is dated before its interview "
                    f"({date.iat[pos]:%Y-%m-%d}); check both dates. The entry is kept.",
                    "warning",
                )
            )
    return problems
