"""Daylio CSV export: mood entries into one reflection per interview day.

Layout accepted (Daylio: *More -> Export entries -> CSV*)::

    full_date,date,weekday,time,mood,activities,note_title,note
    2026-03-04,March 4,Wednesday,6:12 PM,meh,interview | coding,"Acme onsite","..."

also the older 7-column form without ``note_title`` and the newer one with a
``scales`` column and 24-hour times. Activities are joined by ``" | "``;
notes may hold ``<br>`` line breaks and other HTML, which are turned into text.

What becomes what
-----------------
* Only **interview days** are kept: a day with an entry whose activities,
  title or note mention one of the keywords (``"interview"`` by default, so
  "interviews", "interviewer" count too). Other days are not problems; they
  are counted (see ``stats`` below).
* All interview entries of one day make **one** reflection dated that day:
  ``feeling`` is the mood of the day's latest entry (how you feel now), the
  titles and notes are kept in ``notes``, and the notes are split into
  went-well / went-wrong items marked ``inferred=True``. The moods and
  activities are kept under ``extra`` (``daylio_mood``,
  ``daylio_activities``). An activity naming a stage ("technical
  interview", "phone screen", "final round") sets ``stage``.
* Moods are mapped to ``feeling`` 1-5: first your own mapping, then rad 5,
  good 4, meh / neutral 3, bad 2, awful 1, then custom labels by their words
  ("excited" 5, "grateful" 4, "bored" 3, "stressed" 2, "overwhelmed" 1;
  "vaguely X" is X, "very X" one step further from 3, "a bit X" one step
  closer to 3, "not X" the mirror of X). A mood none of these knows is
  reported as a problem and its feeling left empty; the day is kept.

Options (``load(..., options={...})``)
--------------------------------------
``daylio_keywords`` : list of str, default ``["interview"]``
    Words that make a day an interview day (case-insensitive, matched inside
    activities, titles and notes). ``[]`` keeps every day.
``moods`` : dict
    Your mood labels and their feeling, ``{"over the moon": 5, "drained": 2}``
    (a level may also be written ``"rad"``, ``"good"``, ``"meh"``,
    ``"bad"``, ``"awful"``), or groups of labels,
    ``{"good": ["proud", "hopeful"], "bad": ["tired"]}``.
``stats`` : dict
    Receives ``{file: {"format": "daylio", "unit": "days", "seen", "kept",
    "entries_seen", "entries_kept", "moods_by_keyword"}}``.

Every interview entry that cannot be used as it is (a date that is not a
date, a row with missing or extra cells, an unknown mood) is reported with its
line. Rows with extra cells keep the extra text in the note.

Examples
--------
>>> mood_level("vaguely good"), mood_level("very stressed"), mood_level("a bit tired")
(4, 1, 3)
>>> mood_level("zorgled") is None
True
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from ..exceptions import ImporterOptionError, Problem
from ..io import RawResult, ReadContext, decode
from ..model import normalise_enum
from ._common import date_problem, items_from_text, record_stats, strings_option

__all__ = ["DEFAULT_MOODS", "mood_level", "read", "sniff"]

_FIRST: Final = ("full_date", "date", "weekday", "time", "mood", "activities")
_OPTIONAL: Final = frozenset({"scales", "note_title", "note"})

DEFAULT_MOODS: Final[dict[str, int]] = {
    "rad": 5,
    "good": 4,
    "meh": 3,
    "neutral": 3,
    "ok": 3,
    "okay": 3,
    "bad": 2,
    "awful": 1,
}
_LEVEL_NAMES: Final = {"rad": 5, "good": 4, "meh": 3, "neutral": 3, "bad": 2, "awful": 1}

# words of custom mood labels, by the feeling they usually stand for
_MOOD_WORDS: Final[dict[int, str]] = {
    5: "rad ecstatic euphoric elated blissful bliss overjoyed thrilled excited amazing awesome "
    "fantastic wonderful superb jubilant relieved triumphant exhilarated pleasure great",
    4: "good happy glad content grateful thankful proud hopeful optimistic cheerful pleased "
    "peaceful loved loving appreciated confident motivated energetic energised energized "
    "rested cozy cosy social productive inspired satisfied captivated joyful kind awe "
    "laughing authoritative independent competitive familiar valued accomplished",
    3: "meh neutral ok okay fine alright average indifferent bored reflective focused pensive "
    "surprised curious intrigued amused hungry groggy sleepy relaxed calm conflicted "
    "refreshed cold hot underwhelming uneasy scared hurry",
    2: "bad sad down low blue tired stressed anxious nervous worried frustrated annoyed "
    "irritated disappointed lonely angry upset helpless rejected uncomfortable guilty "
    "impatient distracted jealous envious envy grumpy moody sick aching hurt misunderstood "
    "incompetent terrified disgusted insecure unmotivated drained exhausted",
    1: "awful terrible horrible miserable depressed devastated hopeless worthless furious "
    "crying heartbroken overwhelmed panicked panicking lifeless hollow trapped nauseous "
    "mortified desperate dreadful",
}
_WORD_LEVEL: Final = {w: lvl for lvl, words in _MOOD_WORDS.items() for w in words.split()}
_INTENSIFIERS: Final = frozenset({"very", "extremely", "super", "really", "so", "totally"})
_SOFTENERS: Final = frozenset({"bit", "somewhat", "slightly", "little", "kinda", "mildly"})
_NEUTRAL_WORDS: Final = frozenset({"vaguely", "a", "feeling", "quite"})
_LEAN: Final = {"bored": 2, "relaxed": 4, "calm": 4, "uneasy": 2, "scared": 2}

_TAG_RE: Final = re.compile(r"<br\s*/?>|</p>|</div>", re.IGNORECASE)
_ANY_TAG: Final = re.compile(r"<[^>]{1,200}>")
# matched on stripped text: one optional run of spaces, so linear
_TIME_RE: Final = re.compile(r"^(\d{1,2}):(\d{2})(?::\d{2})?[ \t]*([AaPp]\.?[Mm]\.?)?$")
_ISO_DATE: Final = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")


def sniff(head: bytes) -> bool:
    """A Daylio export: its header starts ``full_date,date,weekday,time,mood,activities``."""
    first = head.decode("utf-8", "ignore").lstrip("\ufeff").split("\n", 1)[0]
    cells = [c.strip().strip('"').casefold() for c in first.split(",")]
    return tuple(cells[: len(_FIRST)]) == _FIRST


def _user_moods(ctx: ReadContext) -> dict[str, int]:
    given = ctx.options.get("moods")
    if given is None:
        return {}
    if not isinstance(given, Mapping):
        raise ImporterOptionError(
            "The value for `options['moods']` must be a dict of mood label to feeling 1-5 "
            f"(or of level name to a list of labels), but {type(given).__name__} was passed."
        )
    out: dict[str, int] = {}
    for key, value in given.items():
        if isinstance(value, list | tuple):
            level = _level_of(key, f"options['moods'] key {key!r}")
            for label in value:
                out[" ".join(str(label).casefold().split())] = level
        else:
            out[" ".join(str(key).casefold().split())] = _level_of(
                value, f"options['moods'][{key!r}]"
            )
    return out


def _level_of(value: object, where: str) -> int:
    if isinstance(value, bool):
        value = None
    if isinstance(value, int) and 1 <= value <= 5:
        return value
    if isinstance(value, str):
        text = value.strip().casefold()
        if text in _LEVEL_NAMES:
            return _LEVEL_NAMES[text]
        if text.isdigit() and 1 <= int(text) <= 5:
            return int(text)
    raise ImporterOptionError(
        f"The value for `{where}` must be a whole number from 1 to 5 or one of "
        f"rad, good, meh, bad, awful, but {value!r} was passed."
    )


def mood_level(label: str, moods: Mapping[str, int] | None = None) -> int | None:
    """The feeling 1-5 a Daylio mood label stands for, or ``None`` if unknown.

    ``moods`` (label -> level, lower case) is looked up first, then
    :data:`DEFAULT_MOODS`, then the words of the label.
    """
    level, _ = _mood(label, moods or {})
    return level


def _mood(label: str, moods: Mapping[str, int]) -> tuple[int | None, str]:
    key = " ".join(label.casefold().split())
    if key in moods:
        return moods[key], "yours"
    if key in DEFAULT_MOODS:
        return DEFAULT_MOODS[key], "default"
    words = re.findall(r"[a-z]+", key.replace("-", " "))
    step = 0
    negate = False
    for word in words:
        if word in _INTENSIFIERS:
            step = 1
        elif word in _SOFTENERS:
            step = -1
        elif word in ("not", "never"):
            negate = True
        elif word in _NEUTRAL_WORDS:
            continue
        elif word in _WORD_LEVEL:
            level = _WORD_LEVEL[word]
            if step == 1 and level == 3 and word in _LEAN:
                level = _LEAN[word]
            elif step == 1 and level != 3:
                level = min(5, level + 1) if level > 3 else max(1, level - 1)
            elif step == -1 and level != 3:
                level = level - 1 if level > 3 else level + 1
            if negate:
                level = 6 - level
            return level, "keyword"
    return None, "unknown"


def _clean_note(text: str) -> str:
    text = _TAG_RE.sub("\n", text)
    text = _ANY_TAG.sub("", text)
    return html.unescape(text).strip()


def _minutes(text: str) -> int | None:
    m = _TIME_RE.match(text.strip())
    if not m:
        return None
    hour, minute = int(m.group(1)), int(m.group(2))
    ampm = (m.group(3) or "").replace(".", "").casefold()
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    return hour * 60 + minute if hour < 24 and minute < 60 else None


@dataclass
class _Row:
    line: int
    day: dt.date
    minutes: int | None
    time: str
    mood: str
    level: int | None
    activities: list[str]
    text: str  # title and note
    scales: str = ""
    order: int = 0
    stage: str | None = field(default=None)


def read(path: Path, shown: str, ctx: ReadContext) -> RawResult:
    """Read a Daylio CSV export into one raw record per interview day."""
    problems: list[Problem] = []
    text = decode(path.read_bytes(), shown, ctx.encoding, problems)
    if text is None:
        return None, problems
    keywords = strings_option(ctx, "daylio_keywords", ["interview"])
    needles = [k.casefold() for k in keywords] if keywords else None
    moods = _user_moods(ctx)

    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        problems.append(
            Problem(shown, None, None, "the file is empty; export your entries from Daylio again")
        )
        return None, problems
    names = [h.strip().lstrip("\ufeff").casefold() for h in header]
    if tuple(names[: len(_FIRST)]) != _FIRST or not set(names[len(_FIRST) :]) <= _OPTIONAL:
        problems.append(
            Problem(
                shown,
                1,
                None,
                "this is not a Daylio CSV export: its header should be "
                "full_date,date,weekday,time,mood,activities[,scales][,note_title],note; "
                "export it again from Daylio (More > Export entries > CSV), or choose another "
                "format",
            )
        )
        return None, problems
    col = {name: i for i, name in enumerate(names)}
    width = len(names)

    rows: list[_Row] = []
    seen_days: set[object] = set()
    entries_seen = 0
    moods_by_keyword: dict[str, int] = {}
    line_end = reader.line_num
    for order, cells in enumerate(reader):
        line = line_end + 1
        line_end = reader.line_num
        if not cells or not any(c.strip() for c in cells):
            continue
        entries_seen += 1
        fixed = list(cells)
        note_cell = col.get("note")
        cell_problem: str | None = None
        if len(fixed) > width:
            extra_cells = [c for c in fixed[width:] if c.strip()]
            fixed = fixed[:width]
            if extra_cells and note_cell is not None:
                joined = "\n".join(c for c in (fixed[note_cell], *extra_cells) if c.strip())
                fixed[note_cell] = joined
            cell_problem = (
                f"this row has {len(cells)} cells but the header has {width}; the extra text "
                f"({_short(' '.join(extra_cells))}) was added to the note. Check the row: a "
                "cell may have been split by an unquoted comma"
            )
        elif len(fixed) < width:
            fixed += [""] * (width - len(fixed))
            cell_problem = (
                f"this row has {len(cells)} cells but the header has {width}; the missing "
                "cells were read as empty. Check the row: the note may be cut short"
            )
        get = {name: fixed[i] for name, i in col.items()}
        activities = [a.strip() for a in get["activities"].split("|") if a.strip()]
        title = _clean_note(get.get("note_title", ""))
        note = _clean_note(get.get("note", ""))
        full_text = "\n".join(t for t in (title, note) if t)
        day_text = get["full_date"].strip()
        seen_days.add(day_text)
        haystack = " ".join([*activities, full_text]).casefold()
        if needles is not None and not any(n in haystack for n in needles):
            continue
        if cell_problem is not None:
            problems.append(Problem(shown, line, None, cell_problem))
        day = _parse_day(day_text)
        if day is None:
            problems.append(
                date_problem(
                    shown,
                    line,
                    f"{day_text!r} in full_date is not a date; Daylio writes it as YYYY-MM-DD "
                    "(e.g. 2026-03-04). This interview entry was left out: fix the date, or "
                    "export again if a spreadsheet program changed it",
                )
            )
            continue
        mood = get["mood"].strip()
        level, how = _mood(mood, moods) if mood else (None, "empty")
        if how == "keyword" and level is not None:
            moods_by_keyword[mood] = level
        if how == "unknown":
            problems.append(
                Problem(
                    shown,
                    line,
                    "feeling",
                    f"the Daylio mood {mood!r} is one of your own and I cannot tell how good "
                    "it is; its feeling was left empty (the entry is kept). Say how it feels "
                    f"with options={{'moods': {{{mood!r}: 1..5}}}}",
                )
            )
        stages = {s for s in (normalise_enum("stage", a) for a in activities) if s}
        rows.append(
            _Row(
                line=line,
                day=day,
                minutes=_minutes(get["time"]),
                time=get["time"].strip(),
                mood=mood,
                level=level,
                activities=activities,
                text=full_text,
                scales=" ".join(get.get("scales", "").split()),  # Daylio writes no-break spaces
                order=order,
                stage=stages.pop() if len(stages) == 1 else None,
            )
        )

    by_day: dict[dt.date, list[_Row]] = {}
    for row in rows:
        by_day.setdefault(row.day, []).append(row)
    records = [_record(day, group, shown, ctx) for day, group in sorted(by_day.items())]
    record_stats(
        ctx,
        shown,
        "daylio",
        unit="days",
        seen=len(seen_days),
        kept=len(records),
        entries_seen=entries_seen,
        entries_kept=len(rows),
        moods_by_keyword=moods_by_keyword,
    )
    return records, problems


def _parse_day(text: str) -> dt.date | None:
    m = _ISO_DATE.match(text)
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _short(text: str, limit: int = 40) -> str:
    return repr(text if len(text) <= limit else text[: limit - 1] + "\u2026")


def _record(day: dt.date, group: list[_Row], shown: str, ctx: ReadContext) -> dict[str, Any]:
    # Daylio lists the newest entry first; read the day in the order it happened
    group = sorted(group, key=lambda r: (r.minutes is None, r.minutes or 0, -r.order))
    latest_known = [r for r in group if r.level is not None]
    feeling_row = latest_known[-1] if latest_known else None
    well: list[dict[str, Any]] = []
    wrong: list[dict[str, Any]] = []
    notes: list[str] = []
    for row in group:
        w, g = items_from_text(row.text)
        well += w
        wrong += g
        if row.text:
            prefix = f"[{row.time}, {row.mood}] " if len(group) > 1 else ""
            notes.append(prefix + row.text)
    activities = list(dict.fromkeys(a for r in group for a in r.activities))
    stages = {r.stage for r in group if r.stage}
    first_line = min(r.line for r in group)
    record: dict[str, Any] = {
        "interview_date": day.isoformat(),
        "feeling": feeling_row.level if feeling_row else None,
        "went_well": well,
        "went_wrong": wrong,
        "notes": "\n\n".join(notes) or None,
        "daylio_mood": ", ".join(r.mood for r in group if r.mood) or None,
        "daylio_activities": ", ".join(activities) or None,
        "_file": shown,
        "_line": first_line,
        "_lines": {
            "interview_date": first_line,
            "feeling": feeling_row.line if feeling_row else group[-1].line,
        },
    }
    scales = [r.scales for r in group if r.scales]
    if scales:
        record["daylio_scales"] = " | ".join(scales)
    if len(stages) == 1:
        record["stage"] = stages.pop()
    if ctx.client is not None:
        record["client"] = ctx.client
    return record
