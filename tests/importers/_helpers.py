"""What the importer tests share: loading with every problem collected, and looking rows up."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

import recovery_analytics as ra


def load_collected(path: Path, **kwargs: Any) -> ra.ReflectionLog:
    """``load(path, errors="collect", taxonomy=False)``, keywords passed on.

    The fixtures are one person's exports: they are read as ``client="ana"``
    (a file naming no client is otherwise kept under "me" with a warning).
    """
    kwargs.setdefault("errors", "collect")
    kwargs.setdefault("client", "ana")
    return ra.load(path, taxonomy=False, **kwargs)


def by_day(log: ra.ReflectionLog) -> pd.DataFrame:
    """The interviews indexed by their date as ``YYYY-MM-DD``."""
    frame = log.interviews.reset_index()
    frame["day"] = frame["interview_date"].dt.strftime("%Y-%m-%d")
    return frame.set_index("day")


def items_of(log: ra.ReflectionLog, eid: str, polarity: str) -> pd.DataFrame:
    """The items of one entry and polarity (``"well"`` or ``"wrong"``)."""
    items = log.items
    return items[(items["entry_id"] == eid) & (items["polarity"] == polarity)]


def item_texts(log: ra.ReflectionLog, eid: str, polarity: str) -> list[str]:
    """The texts of :func:`items_of`."""
    return items_of(log, eid, polarity)["text"].tolist()
