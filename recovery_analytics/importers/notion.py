"""Notion database CSV export: one reflection per database row (page).

Layout accepted (a database's *... -> Export -> Markdown & CSV*, the ``.csv``
in the zip; Notion writes a ``<Name> <id>.csv`` and, in newer versions, a
``<Name> <id>_all.csv`` with every row: load one of them, not both)::

    Name,Date,Company,Stage,Tags,What went well,What went wrong,Feeling
    Acme onsite,"March 4, 2026",Acme,Onsite,"nerves, sql","Clear STAR story",...

Properties are columns, the title property first. Property names are matched
loosely to our fields (``Date``, ``Interview date``, ``Company``, ``Role`` /
``Position``, ``Stage``, ``Format``, ``Feeling``, ``What went well``,
``Went wrong``, ``Plan B``, ``Outcome``, ``Created`` for ``reflected_on``,
...; see ``docs/importers.md``); a column mapping (``mapping=``) renames any
other. The title keeps its own name under ``extra["title"]`` unless it is
itself a field (a database titled by ``Company``); other properties are kept
under ``extra`` too.

Values: Notion dates ``March 4, 2026``, ``March 4, 2026 2:00 PM`` and ranges
``March 4, 2026 → March 5, 2026`` (the start is taken) are turned into ISO
dates; other date styles are left to the usual date reading. Relations and
links written ``Acme (https://www.notion.so/...)`` keep their text. List
fields take one item per line, per ``;``, or per multi-select option (Notion
joins options with ``", "``; see ``notion_multi_select``).

Detection: by content, when the first column is ``Name`` or ``Title``
(Notion's default title property), no column is called ``interview_date``
(our own CSV), and the start of the file holds a
Notion-style date (``March 4, 2026``) or a ``notion.so`` link. A database
whose title property has another name is read with ``format="notion"``.

Options (``load(..., options={...})``)
--------------------------------------
``notion_multi_select`` : list of str
    Properties that are multi-selects, so ``", "`` always splits them.
    Without it a ``", "`` value is split when one of its parts is also
    another row's value (options repeat; prose does not).
``stats`` : dict
    Receives ``{file: {"format": "notion", "unit": "rows", "seen", "kept"}}``.

Examples
--------
>>> notion_date("March 4, 2026 \u2192 March 5, 2026")
'2026-03-04'
>>> notion_date("Sep 30, 2025 2:00 PM (GMT+2)")
'2025-09-30'
>>> notion_date("04/03/2026")
'04/03/2026'
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from pathlib import Path
from typing import Final

import pandas as pd

from ..io import RawResult, ReadContext, read_delimited, rename_columns
from ..model import FIELDS, fields_where
from ._common import (
    COMMON_HEADERS,
    csv_header,
    header_key,
    map_columns,
    record_stats,
    split_choices,
    split_list_columns,
)

__all__ = ["notion_date", "read", "sniff"]

_MONTHS: Final = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_NOTION_DATE: Final = re.compile(r"^\s*@?([A-Za-z]{3,9})\.? (\d{1,2}), (\d{4})\b")
_DATE_IN_TEXT: Final = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec) \d{1,2}, \d{4}\b"
)
# bounded runs, so that many spaces or "(" with no link after them stay linear
_LINK: Final = re.compile(r"\s{0,20}\((?:https?://)?(?:www\.)?notion\.(?:so|site)/[^)]{0,2000}\)")
_TITLE_NAMES: Final = frozenset({"name", "title", "page", "aa name"})
_DATE_FIELDS: Final = fields_where(kind="date")
_KNOWN: Final = {
    **COMMON_HEADERS,
    "created": "reflected_on",
    "created time": "reflected_on",
    "created at": "reflected_on",
    "date created": "reflected_on",
    "interviewed on": "interview_date",
    "went well": "went_well",
    "went wrong": "went_wrong",
    "plan b": "plan_b",
}


def sniff(head: bytes) -> bool:
    """A Notion database export: a ``Name``/``Title`` first column and Notion's values."""
    text = head.decode("utf-8", "ignore").lstrip("\ufeff")
    try:
        header = next(csv.reader(io.StringIO(text)), [])
    except csv.Error:
        return False
    if not header or header[0].strip().casefold() not in _TITLE_NAMES:
        return False
    if any(h.strip() == "interview_date" for h in header):
        return False
    return bool(_DATE_IN_TEXT.search(text)) or "notion.so/" in text or "notion.site/" in text


def notion_date(value: object) -> object:
    """A Notion date (or the start of a range) as ISO text; anything else as it is."""
    if not isinstance(value, str):
        return value
    start = value.split("\u2192", 1)[0].split(" -> ", 1)[0]
    m = _NOTION_DATE.match(start)
    if not m or m.group(1).casefold() not in _MONTHS:
        return value
    try:
        day = dt.date(int(m.group(3)), _MONTHS[m.group(1).casefold()], int(m.group(2)))
    except ValueError:
        return value
    return day.isoformat()


def _strip_links(value: object) -> object:
    if isinstance(value, str) and "notion." in value:
        return _LINK.sub("", value).strip()
    return value


def read(path: Path, shown: str, ctx: ReadContext) -> RawResult:
    """Read a Notion database CSV into a raw frame, one row per page."""
    headers = csv_header(path, ctx.encoding)
    user = rename_columns(headers, ctx.mapping)
    title = headers[0] if headers and headers[0] not in user else None
    title_is_field = (
        title is not None
        and header_key(title) in _KNOWN
        and (header_key(title) not in _TITLE_NAMES)
    )
    skip = [] if title_is_field else [title]
    mapping = map_columns(headers, ctx.mapping, _KNOWN, skip=skip)
    frame, problems = read_delimited(path, shown, mapping, sep=",", encoding=ctx.encoding)
    if frame is None:
        return None, problems
    if title is not None and title in frame.columns and title not in mapping:
        frame = frame.rename(columns={title: "title"} if "title" not in frame.columns else {})
    for col in [c for c in frame.columns if not str(c).startswith("_")]:
        frame[col] = frame[col].map(_strip_links)
    for name in _DATE_FIELDS:
        if name in frame.columns:
            frame[name] = frame[name].map(notion_date)
    declared = split_list_columns(frame, mapping, ctx, "notion_multi_select")
    for col in [c for c in frame.columns if c not in FIELDS and not str(c).startswith("_")]:
        if header_key(col) in declared:
            frame[col] = split_choices(frame[col], declared=True)
    record_stats(ctx, shown, "notion", unit="rows", seen=len(frame), kept=len(frame))
    return _as_objects(frame), problems


def _as_objects(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.astype(object).where(frame.notna(), None)
