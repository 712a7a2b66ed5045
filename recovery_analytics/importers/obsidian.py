"""Obsidian notes: front matter, Dataview inline fields, our headings or free text.

Layout accepted: one Markdown note per interview (or a daily note), with any of

* YAML front matter (Obsidian "properties"): ``interview_date``, ``company``,
  ... as in our Markdown, and also ``date`` for the interview date;
* Dataview inline fields, a line ``Company:: Acme`` or ``[stage:: technical]``
  inside a sentence;
* our section headings ("## Went well", "## What went wrong", ... see
  ``docs/formats.md``);
* or only free text, which is split into went-well / went-wrong items marked
  ``inferred=True`` (the text itself is kept in ``notes``).

Plain facts in free text fill their fields: a first line or heading
``Hexaport — screen (zoom)`` (company, stage, format) and lines such as
``Feeling 3/5``, ``Connection: 4/5``, ``Outcome: rejected``, ``Asked for
follow-up: yes``; those lines leave ``notes``, the rest stays free text.

Field names are matched loosely (``Interview date``, ``Company``, ``Role``,
``Position``, ...) and through a column mapping (``mapping=``), which applies
to front matter keys and inline field names alike. Wiki links keep their text
(``[[Acme Corp|Acme]]`` is "Acme"); embeds (``![[...]]``) are dropped. The
client comes from the folder as usual (``<root>/<client>/note.md``) unless a
field names it. A daily note named ``2026-03-04.md`` (or ``2026-03-04
Acme.md``) is dated by its name when no field gives the interview date.

Detection: by content. A note whose front matter gives ``interview_date``
is our own Markdown and is read as such, whatever else it holds (text such as
"Lesson:: be brief" in it stays text). Every other ``.md`` note is read here:
this importer reads our front matter and headings exactly as the Markdown
reader does, and adds what a note without ``interview_date`` needs (``date``,
inline fields, the daily-note file name, free text). ``format="obsidian"``
reads every note here, inline fields included; ``format="markdown"`` none.

Which notes are read: every note with at least one field or one of our
sections; a note of free text only (a daily note) when it mentions an
interview ("interview", "#interview", "interviewed", ...). Other daily notes
are skipped without a problem and counted in ``stats``. To pick notes from a
whole vault by tag, pass ``options={"obsidian_tag": "interview"}``: then only
notes tagged ``#interview`` (in the text, nested as ``#interview/acme``, or
in the front matter ``tags``) are read, fields or not.
``options={"obsidian_tag": None}`` reads every note, prose or not. Notes read
as our own Markdown (with ``interview_date``) are always read.

Options (``load(..., options={...})``)
--------------------------------------
``obsidian_tag`` : str, list of str or None, optional
    Read only notes with this tag; ``None`` reads every note (see above).
``stats`` : dict
    Receives ``{file: {"format": "obsidian", "unit": "notes", "seen", "kept"}}``.

Examples
--------
>>> sniff(b"Company:: Acme\\nIt went fine.")
True
>>> sniff(b"---\\ninterview_date: 2026-03-04\\n---\\nLesson:: be brief\\n")
False
>>> sniff(b"---\\ninterview_date: 2026-03-04\\n---\\n## Went well\\n- STAR\\n")
False
>>> sniff(b"---\\ndate: 2026-03-04\\n---\\n## Went well\\n- STAR\\n")
True
>>> sniff(b"Nailed the intro, rambled on salary.")
True
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Final

from ..exceptions import Problem
from ..io import RawResult, ReadContext, decode, parse_markdown
from ..model import FIELDS
from ._common import (
    COMMON_HEADERS,
    items_from_text,
    map_columns,
    record_stats,
    strings_option,
)
from ._facts import read_plain_facts

__all__ = ["read", "sniff"]

# "Key:: value" on its own line (a list bullet allowed), or "[key:: value]" /
# "(key:: value)" inside a sentence; "::" must be followed by a space or the end
# of the line, so that "std::vector" is not a field
# Linear patterns only (issue 13): values are taken whole and stripped in Python,
# a bracketed value is bounded, and a tag line starts at its own line
_INLINE_LINE: Final = re.compile(
    r"^[ \t]*(?:[-*+][ \t]+)?(?P<key>[A-Za-z][\w '\-]{0,60}?)::(?P<value>[ \t].*)?$"
)
_INLINE_BRACKET: Final = re.compile(
    r"[\[(](?P<key>[A-Za-z][\w '\-]{0,60}?)::(?P<value>[^\])\n]{0,1000})[\])]"
)
_TAG_LINE: Final = re.compile(r"^[ \t]*(?:#[A-Za-z][\w/-]*[ \t,]*)+$", re.MULTILINE)
_FM_DATE: Final = re.compile(rb"^interview_date[ \t]*:", re.MULTILINE)
_FM_END: Final = re.compile(rb"^(?:---|\.\.\.)[ \t]*\r?$", re.MULTILINE)
_TAG: Final = re.compile(r"(?<![\w&/#])#([A-Za-z][\w/-]*)")
_DAILY: Final = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?!\d)")
_KNOWN: Final = {**COMMON_HEADERS, "day": "interview_date"}
# "obsidian_tag" not given: read notes with fields, and prose that mentions an interview
_DEFAULT: Final[list[str]] = ["interview"]


def sniff(head: bytes) -> bool:
    """An Obsidian note rather than our Markdown: no ``interview_date`` front matter.

    Checked on bytes, since it runs for every ``.md`` file of a folder.
    """
    if not head.lstrip(b"\xef\xbb\xbf").startswith(b"---"):
        return True
    m = _FM_DATE.search(head)
    if m is None:
        return True
    closing = _FM_END.search(head, 3)
    return closing is not None and closing.start() < m.start()


def _clean_links(text: str) -> str:
    """Embeds ``![[...]]`` removed, links ``[[target|shown]]`` replaced by what they show.

    A scan with ``str.find``, linear however many ``[`` the note holds.
    """
    return _links(_links(text, "![[", embed=True), "[[", embed=False)


def _links(text: str, opening: str, *, embed: bool) -> str:
    out: list[str] = []
    pos = 0
    while True:
        start = text.find(opening, pos)
        if start < 0:
            break
        close = text.find("]", start + len(opening))
        if close < 0:
            break
        if not text.startswith("]]", close):
            out.append(text[pos : close + 1])
            pos = close + 1
            continue
        inner = text[start + len(opening) : close]
        shown = "" if embed else inner.split("|", 1)[1] if "|" in inner else inner
        out.append(text[pos:start] + shown)
        pos = close + 2
    out.append(text[pos:])
    return "".join(out)


def _inline_fields(text: str, offset: int) -> tuple[str, list[tuple[str, str, int]]]:
    """Take Dataview fields out of the body; return the rest and ``(key, value, line)``."""
    fields: list[tuple[str, str, int]] = []
    kept: list[str] = []
    in_code = False
    for number, line in enumerate(text.splitlines(), start=offset):
        if line.lstrip().startswith("```"):
            in_code = not in_code
        if in_code:
            kept.append(line)
            continue
        m = _INLINE_LINE.match(line)
        if m and not line.lstrip().startswith("#"):
            fields.append((m.group("key").strip(), (m.group("value") or "").strip(), number))
            kept.append("")  # keep the line count, so later lines keep their numbers
            continue

        def bracket(match: re.Match[str], line_no: int = number) -> str:
            raw = match.group("value") or ""
            if raw and raw[0] not in " \t" and raw.strip():
                return match.group(0)  # "[key::value]" with no space: not a field
            value = raw.strip()
            fields.append((match.group("key").strip(), value, line_no))
            return value

        kept.append(_INLINE_BRACKET.sub(bracket, line))
    return "\n".join(kept), fields


def _only_prose(record: dict[str, Any]) -> bool:
    """True when a note gives no field but its text (a free-text daily note)."""
    return not any(
        key in FIELDS and key not in ("notes", "client") and value not in (None, "", [])
        for key, value in record.items()
    )


def _note_tags(record: dict[str, Any], text: str) -> set[str]:
    tags = {t.casefold() for t in _TAG.findall(text)}
    value = record.get("tags")
    values = value if isinstance(value, list) else str(value or "").replace(",", " ").split()
    tags |= {str(t).lstrip("#").casefold() for t in values if str(t).strip()}
    # a nested tag counts for its parents: #interview/acme is also #interview
    return tags | {t.split("/", 1)[0] for t in tags}


def read(path: Path, shown: str, ctx: ReadContext) -> RawResult:
    """Read one Obsidian note into a raw record (or skip it by tag)."""
    problems: list[Problem] = []
    text = decode(path.read_bytes(), shown, ctx.encoding, problems)
    if text is None:
        return None, problems
    text = _clean_links(text)
    lines = text.splitlines()
    body_start = 0
    if lines and lines[0].strip() == "---":
        end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
        if end is not None:
            body_start = end + 1
    head = "\n".join(lines[:body_start])
    body, inline = _inline_fields("\n".join(lines[body_start:]), body_start + 1)
    source = f"{head}\n{body}" if head else body
    record: dict[str, Any] | None
    if not source.strip() and inline:
        record = {"_file": shown, "_line": 1, "_lines": {}}
    else:  # an empty note gets the Markdown reader's own message
        record, found = parse_markdown(source, shown, client=None)
        problems.extend(found)
        if record is None:
            return None, problems

    wanted = strings_option(ctx, "obsidian_tag", _DEFAULT)
    if wanted is not None and wanted is not _DEFAULT:
        have = _note_tags(record, text)
        if not {w.lstrip("#").casefold() for w in wanted} & have:
            record_stats(ctx, shown, "obsidian", unit="notes", seen=1, kept=0)
            return None, problems

    field_lines: dict[str, int] = dict(record.pop("_lines", {}) or {})
    # front matter and inline keys, renamed through the mapping and known names
    for key, value, line in inline:
        if key in record and record[key] not in (None, "", []):
            record[key] = f"{record[key]}; {value}" if value else record[key]
        else:
            record[key] = value or None
        field_lines.setdefault(key, line)
    keys = [k for k in record if not k.startswith("_")]
    renames = map_columns(keys, ctx.mapping, _KNOWN)
    for old, new in renames.items():
        if old == new:
            continue
        if record.get(new) in (None, "", []):
            record[new] = record.pop(old)
        if old in field_lines:
            field_lines.setdefault(new, field_lines.pop(old))

    if wanted is _DEFAULT and _only_prose(record) and "interview" not in text.casefold():
        # a daily note about something else: not a problem, but counted
        record_stats(ctx, shown, "obsidian", unit="notes", seen=1, kept=0)
        return None, problems

    if record.get("interview_date") in (None, ""):
        m = _DAILY.match(path.stem)
        if m:
            record["interview_date"] = f"{m.group(1)}-{m.group(2)}-{m.group(3)}"
    read_plain_facts(record)  # "Hexaport — screen (zoom)", "Feeling 3/5"
    if "went_well" not in record and "went_wrong" not in record:
        notes = record.get("notes")
        prose = _TAG_LINE.sub("", notes) if isinstance(notes, str) else None
        well, wrong = items_from_text(prose)
        record["went_well"], record["went_wrong"] = well, wrong
    if record.get("client") in (None, "") and ctx.client is not None:
        record["client"] = ctx.client
    record["_lines"] = field_lines
    record_stats(ctx, shown, "obsidian", unit="notes", seen=1, kept=1)
    return [record], problems
