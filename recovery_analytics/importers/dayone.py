"""Day One JSON export: tagged journal entries into reflections.

Layout accepted: the ``Journal.json`` of a Day One export (*File -> Export
-> JSON*), or the export ``.zip`` itself, which holds one ``<journal>.json``
per journal (plus photos, which are ignored)::

    {"metadata": {"version": "1.0"},
     "entries": [{"uuid": "5BA8...", "creationDate": "2026-03-04T17:12:45Z",
                  "timeZone": "Europe/Paris", "tags": ["interview"],
                  "text": "## Went well\\n- Clear STAR story\\n..."}]}

What becomes what
-----------------
* Entries are chosen by **tag** (``interview`` by default, any case). Day One
  writes ``tags`` only when an entry has some; when no entry of a journal
  carries the tag, a problem says so and which tags were found.
* ``interview_date`` and ``reflected_on`` are the entry's creation date in
  its own time zone (``creationDate`` is UTC; ``timeZone`` converts it), so
  an entry written at 00:30 in Paris is dated that day, not the day before.
* The text is Markdown, read with the same rules as our own Markdown files
  (front matter, "Went well" / "Went wrong" / ... headings; see
  ``docs/formats.md``), after undoing Day One's backslash escapes (``\\-``,
  ``\\.``, ``\\#``). Text outside known sections is kept in ``notes``; when
  the entry has neither a went-well nor a went-wrong section, its prose is
  split into items marked ``inferred=True``.
* Plain facts in the prose fill their fields (see ``importers/_facts.py``):
  a first line ``# Hexaport — screen (zoom)`` gives company, stage and
  format; lines ``Feeling 3/5``, ``Connection: 4/5``, ``Outcome: rejected``,
  ``Asked for follow-up: yes`` their values. The rest stays free text.
* ``entry_id`` is ``dayone-<uuid>``, so importing the same export twice is
  recognised as duplicates. The entry's tags are kept under ``extra["tags"]``.

Options (``load(..., options={...})``)
--------------------------------------
``dayone_tag`` : str or list of str, default ``"interview"``
    The tag(s) that mark interview entries; ``None`` or ``""`` keeps every
    entry.
``stats`` : dict
    Receives ``{file: {"format": "dayone", "unit": "entries", "seen", "kept"}}``.

Examples
--------
>>> unescape_dayone(r"1\\. Clear answer \\- mostly\\! \\#tags")
'1. Clear answer - mostly! #tags'
"""

from __future__ import annotations

import datetime as dt
import json
import re
import zipfile
from pathlib import Path
from typing import Any, Final
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .._limits import over_limit
from ..exceptions import Problem
from ..io import (
    JsonTooDeep,
    RawResult,
    ReadContext,
    decode,
    file_problem,
    invalid_json,
    load_json,
    parse_markdown,
)
from ._common import date_problem, items_from_text, record_stats, strings_option
from ._facts import read_plain_facts

__all__ = ["read", "sniff", "unescape_dayone"]

_ENTRIES: Final = re.compile(rb'"entries"\s*:\s*\[')
_METADATA: Final = re.compile(rb'"metadata"\s*:\s*\{')
_OURS: Final = re.compile(rb'"interview_date"\s*:')
_ESCAPED: Final = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>~|<=])")
_HEADING_ESCAPE: Final = re.compile(r"^\\(#+\s)", re.MULTILINE)


def sniff(head: bytes) -> bool:
    """A Day One export: an ``entries`` array with Day One's own keys, not ours."""
    if not _ENTRIES.search(head) or _OURS.search(head):
        return False
    return bool(_METADATA.search(head)) or b'"creationDate"' in head or b'"uuid"' in head


def unescape_dayone(text: str) -> str:
    """Undo the backslash escapes Day One puts before Markdown characters.

    A ``\\#`` followed by a space at the start of a line stays escaped: it was
    a literal ``#``, not a heading, and the Markdown reader keeps it as text.
    """
    protected = _HEADING_ESCAPE.sub(lambda m: "\x00" + m.group(1), text)
    return _ESCAPED.sub(r"\1", protected).replace("\x00", "\\")


def read(path: Path, shown: str, ctx: ReadContext) -> RawResult:
    """Read a Day One ``Journal.json`` or export ``.zip`` into raw records."""
    problems: list[Problem] = []
    journals: list[tuple[str, bytes]] = []
    if path.suffix.lower() == ".zip":
        total = 0
        try:
            with zipfile.ZipFile(path) as archive:
                for info in archive.infolist():
                    name = info.filename
                    base = name.rsplit("/", 1)[-1]
                    if (
                        info.is_dir()
                        or not base.lower().endswith(".json")
                        or base.startswith((".", "._"))
                        or name.startswith("__MACOSX/")
                    ):
                        continue
                    refused = _refused_member(info, total, ctx)
                    if refused:
                        problems.append(file_problem(f"{shown}/{name}", refused))
                        continue
                    with archive.open(info) as member:
                        head = member.read(1 << 16)
                    if not sniff(head):  # only Day One journals are read in full
                        continue
                    total += info.file_size
                    journals.append((f"{shown}/{name}", archive.read(info)))
        except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError) as exc:
            problems.append(
                Problem(
                    shown,
                    None,
                    None,
                    f"the zip file could not be opened ({exc}); download the Day One export "
                    "again, or unzip it and load the Journal.json inside",
                )
            )
            return None, problems
        if not journals:
            problems.append(
                Problem(
                    shown,
                    None,
                    None,
                    "this zip holds no Day One journal (no .json file); only Day One export "
                    "zips are read. Move other zip files out of the folder you load",
                )
            )
            return None, problems
    else:
        journals.append((shown, path.read_bytes()))

    tags = strings_option(ctx, "dayone_tag", ["interview"])
    records: list[dict[str, Any]] = []
    for name, data in journals:
        records += _read_journal(data, name, ctx, tags, problems)
    return records, problems


def _read_journal(
    data: bytes,
    shown: str,
    ctx: ReadContext,
    tags: list[str] | None,
    problems: list[Problem],
) -> list[dict[str, Any]]:
    text = decode(data, shown, ctx.encoding, problems)
    if text is None:
        return []
    try:
        journal = load_json(text, ctx.limits)
    except json.JSONDecodeError as exc:
        problems.append(invalid_json(shown, exc, "export the journal from Day One again"))
        return []
    except JsonTooDeep as exc:
        problems.append(file_problem(shown, exc.message()))
        return []
    entries = journal.get("entries") if isinstance(journal, dict) else None
    if not isinstance(entries, list):
        problems.append(
            Problem(
                shown,
                1,
                None,
                'this is not a Day One export: it needs an "entries" array; export the '
                "journal from Day One as JSON",
            )
        )
        return []
    wanted = {t.casefold() for t in tags} if tags else None
    found_tags: dict[str, str] = {}
    records: list[dict[str, Any]] = []
    for position, entry in enumerate(entries):
        if not isinstance(entry, dict):
            problems.append(
                Problem(
                    shown,
                    None,
                    None,
                    f"entry number {position + 1} is not a JSON object; it was left out",
                )
            )
            continue
        entry_tags = _tags(entry.get("tags"))
        for t in entry_tags:
            found_tags.setdefault(t.casefold(), t)
        if wanted is not None and not wanted & {t.casefold() for t in entry_tags}:
            continue
        record = _record(entry, entry_tags, text, shown, ctx, problems)
        if record is not None:
            records.append(record)
    if wanted is not None and not records and entries:
        asked = ", ".join(repr(t) for t in tags or [])
        if found_tags:
            listed = ", ".join(sorted(found_tags.values(), key=str.casefold)[:12])
            why = f"none of its {len(entries)} entries is tagged {asked} (tags found: {listed})"
        else:
            why = f"no entry is tagged {asked} (none of its {len(entries)} entries has tags)"
        problems.append(
            Problem(
                shown,
                None,
                "tags",
                f"{why}; tag your interview entries in Day One, or pass "
                f"options={{'dayone_tag': ...}} (None keeps every entry)",
            )
        )
    record_stats(ctx, shown, "dayone", unit="entries", seen=len(entries), kept=len(records))
    return records


def _line_of(text: str, uuid: str) -> int | None:
    if not uuid:
        return None
    m = re.search(r'"uuid"\s*:\s*"' + re.escape(uuid) + '"', text)
    return text.count("\n", 0, m.start()) + 1 if m else None


def _tags(value: object) -> list[str]:
    """An entry's tags: a list of texts (anything else in ``tags`` is not a tag)."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        return []
    return [str(t) for t in value if isinstance(t, str | int | float) and str(t).strip()]


def _refused_member(info: zipfile.ZipInfo, total: int, ctx: ReadContext) -> str | None:
    """Why a zip member is not read (its size or compression ratio), or ``None``."""
    limits = ctx.limits
    if total + info.file_size > limits.max_archive_bytes:
        found = f"{total + info.file_size} bytes uncompressed"
        return over_limit("max_archive_bytes", found, limits.max_archive_bytes)
    ratio = info.file_size / max(info.compress_size, 1)
    if info.file_size > 1 << 20 and ratio > limits.max_archive_ratio:
        found = f"a compression ratio of {ratio:.0f}"
        return over_limit("max_archive_ratio", found, limits.max_archive_ratio)
    return None


def _local_date(created: str, zone: object) -> tuple[dt.date | None, str | None]:
    """The entry's date in its own time zone, and a warning if the zone is unknown."""
    try:
        moment = dt.datetime.fromisoformat(created.strip().replace("Z", "+00:00"))
    except ValueError:
        return None, None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    if not zone:
        return moment.date(), None
    try:
        if not isinstance(zone, str):  # a list or a number where a zone name belongs
            raise TypeError(zone)
        return moment.astimezone(ZoneInfo(zone)).date(), None
    except (ZoneInfoNotFoundError, ValueError, TypeError, OSError):
        return moment.date(), (
            f"the time zone {zone!r} is not one I know; the date was taken in UTC "
            f"({moment.date().isoformat()}), check it"
        )


def _record(
    entry: dict[str, Any],
    entry_tags: list[str],
    journal_text: str,
    shown: str,
    ctx: ReadContext,
    problems: list[Problem],
) -> dict[str, Any] | None:
    uuid = str(entry.get("uuid") or "").strip()
    line = _line_of(journal_text, uuid)
    created = entry.get("creationDate")
    day, zone_problem = (
        _local_date(str(created), entry.get("timeZone")) if created else (None, None)
    )
    if zone_problem:
        problems.append(Problem(shown, line, "interview_date", zone_problem))
    body = unescape_dayone(str(entry.get("text") or ""))
    record: dict[str, Any] = {}
    if body.strip():
        parsed, found = parse_markdown(body, shown, client=None)
        for p in found:
            problems.append(Problem(shown, line, p.field, f"in the entry's text: {p.message}"))
        if parsed is not None:
            record = {k: v for k, v in parsed.items() if not k.startswith("_")}
    read_plain_facts(record)  # "Hexaport — screen (zoom)", "Feeling 3/5"
    if "went_well" not in record and "went_wrong" not in record:
        well, wrong = items_from_text(record.get("notes"))
        record["went_well"], record["went_wrong"] = well, wrong
    if record.get("interview_date") in (None, ""):
        if day is None:
            problems.append(
                date_problem(
                    shown,
                    line,
                    f"the entry {uuid or '(without uuid)'} has no readable creationDate "
                    f"({created!r}) and its text gives no interview_date; it was left out. "
                    "Add 'interview_date: YYYY-MM-DD' at the top of the entry, between '---' "
                    "lines",
                )
            )
            return None
        record["interview_date"] = day.isoformat()
    if day is not None:
        record.setdefault("reflected_on", day.isoformat())
    if uuid:
        record.setdefault("entry_id", f"dayone-{uuid}")
    if record.get("client") in (None, "") and ctx.client is not None:
        record["client"] = ctx.client
    if entry_tags:
        record.setdefault("tags", entry_tags)
    record["_file"] = shown
    record["_line"] = line
    return record
