"""Google Forms responses CSV: one reflection per form response.

Layout accepted (Forms: *Responses -> Download responses (.csv)*, or the
linked sheet saved as CSV): a first column ``Timestamp``, an optional
``Email Address``, then one column per question, titled with the question.

The suggested form
------------------
A form with these questions (``docs/importers.md`` lists their types) loads
with no mapping at all; :data:`SUGGESTED_QUESTIONS` holds them::

    Your name / Date of the interview / Company / Role / Interview stage /
    Interview format / How do you feel now? (1-5) / What went well? /
    What went wrong? / What impression do you think you made? /
    How connected did you feel to the interviewer? (1-5) / Plan B: next actions /
    Did you ask for another interview? / Questions to ask next time /
    Outcome so far / Anything else?

Questions are matched loosely (case, punctuation and a ``(1-5)`` hint do not
matter), and so are questions named like our fields or Markdown headings
("Went well", "Positives", "Next steps"). Any other form loads through a
column mapping: ``load("responses.csv", mapping="form.toml")``; questions no
mapping names are kept under ``extra``.

What becomes what
-----------------
* ``client`` is the answer to "Your name", or the email address when that is
  empty (or always, with ``gforms_client="email"``); without either, the
  folder name or the default client.
* ``reflected_on`` is the timestamp's date. ``interview_date`` is the answer to
  the date question; when the form has no date question, or it was left
  empty, the timestamp's date is used instead (the form is usually filled in
  on the day). This is not reported as a problem, since it would stop
  ``load()``; it is counted as ``date_from_timestamp`` in ``stats``.
  Timestamps are read in Google's forms ``2026/03/04 6:12:45 PM GMT+1``,
  ``2026-03-04 18:12:45`` and the spreadsheet's ``3/4/2026 18:12:45`` (month
  or day first follows ``load(dayfirst=...)``).
* Paragraph answers to list questions give one item per line (or per ``;``);
  checkbox answers, joined by ``", "`` in the export, give one item per ticked
  box (see ``gforms_checkbox``).

Options (``load(..., options={...})``)
--------------------------------------
``gforms_client`` : {"name", "email"}, default ``"name"``
    Where the client comes from.
``gforms_checkbox`` : list of str
    Question titles that are checkboxes, so ``", "`` always splits their
    answers. Without it a ``", "`` answer is split when one of its parts is
    also another response's answer (checkbox options repeat; prose does not).
``stats`` : dict
    Receives ``{file: {"format": "gforms", "unit": "responses", "seen",
    "kept", "date_from_timestamp"}}``.

Examples
--------
>>> timestamp_date("2026/03/04 6:12:45 PM GMT+1")
'2026-03-04'
>>> timestamp_date("3/4/2026 18:12:45")
'3/4/2026'
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Final

from ..exceptions import ImporterOptionError
from ..io import RawResult, ReadContext, read_delimited, rename_columns
from ._common import (
    COMMON_HEADERS,
    csv_header,
    header_key,
    map_columns,
    record_stats,
    split_list_columns,
)

__all__ = ["SUGGESTED_QUESTIONS", "read", "sniff", "timestamp_date"]

SUGGESTED_QUESTIONS: Final[dict[str, str]] = {
    "Your name": "client",
    "Date of the interview": "interview_date",
    "Company": "company",
    "Role": "role",
    "Interview stage": "stage",
    "Interview format": "format",
    "How do you feel now? (1-5)": "feeling",
    "What went well?": "went_well",
    "What went wrong?": "went_wrong",
    "What impression do you think you made?": "employer_view",
    "How connected did you feel to the interviewer? (1-5)": "connection",
    "Plan B: next actions": "plan_b",
    "Did you ask for another interview?": "follow_up_requested",
    "Questions to ask next time": "questions_to_ask",
    "Outcome so far": "outcome",
    "Anything else?": "notes",
}

# "Timestamp" as Google writes it in the languages people use most
_TIMESTAMP_NAMES: Final = frozenset(
    {
        "timestamp",
        "marca temporal",
        "horodateur",
        "zeitstempel",
        "carimbo de data/hora",
        "informazioni cronologiche",
        "tijdstempel",
        "sygnatura czasowa",
        "tidsstämpel",
        "tidsstempel",
    }
)
_EMAIL_KEYS: Final = frozenset({"email address", "email", "e mail", "e mail address"})
_NAME_KEYS: Final = {"your name": "client", "name": "client", "full name": "client"}
_KNOWN: Final = {
    **COMMON_HEADERS,
    **{header_key(q): f for q, f in SUGGESTED_QUESTIONS.items()},
    **_NAME_KEYS,
    "date of the interview": "interview_date",
    "when was the interview": "interview_date",
    "what impression did you make": "employer_view",
    "did you ask for a follow up": "follow_up_requested",
}

_YMD: Final = re.compile(r"^\s*(\d{4})[/-](\d{1,2})[/-](\d{1,2})\b")
_DMY_DOTS: Final = re.compile(r"^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\b")
_SLASHED: Final = re.compile(r"^\s*(\d{1,2}/\d{1,2}/\d{2,4})\b")


def sniff(head: bytes) -> bool:
    """A Forms export: the first column is ``Timestamp`` (or its translation)."""
    first = head.decode("utf-8", "ignore").lstrip("\ufeff").split("\n", 1)[0]
    cell = first.split(",", 1)[0].strip().strip('"').strip()
    return cell.casefold() in _TIMESTAMP_NAMES


def timestamp_date(value: object) -> str | None:
    """The date part of a Forms timestamp: ISO when unambiguous, else as written.

    ``"3/4/2026 18:12:45"`` gives ``"3/4/2026"``, read later as March or April
    by ``load(dayfirst=...)``; text that is not a timestamp gives ``None``.
    """
    if not isinstance(value, str) or not value.strip():
        return None
    m = _YMD.match(value)
    if m:
        return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
    m = _DMY_DOTS.match(value)
    if m:
        return f"{int(m.group(3)):04d}-{int(m.group(2)):02d}-{int(m.group(1)):02d}"
    m = _SLASHED.match(value)
    return m.group(1) if m else None


def read(path: Path, shown: str, ctx: ReadContext) -> RawResult:
    """Read a Google Forms responses CSV into a raw frame, one row per response."""
    how = ctx.options.get("gforms_client", "name")
    if how not in ("name", "email"):
        raise ImporterOptionError(
            "The value for `options['gforms_client']` must be one of 'name', 'email', "
            f"but {how!r} was passed."
        )
    headers = csv_header(path, ctx.encoding)
    user = rename_columns(headers, ctx.mapping)
    stamp = headers[0] if headers and headers[0] not in user else None
    email = next((h for h in headers if h not in user and header_key(h) in _EMAIL_KEYS), None)
    mapping = map_columns(headers, ctx.mapping, _KNOWN, skip=[stamp, email])
    frame, problems = read_delimited(path, shown, mapping, sep=",", encoding=ctx.encoding)
    if frame is None:
        return None, problems
    stamp = stamp if stamp in frame.columns else None
    email = email if email in frame.columns else None

    if email is not None:
        emails = frame[email]
        if how == "email" or "client" not in frame.columns:
            frame["client"] = emails
            frame = frame.drop(columns=email)
        else:
            names = frame["client"].map(lambda v: v.strip() if isinstance(v, str) else v)
            empty = names.isna() | (names == "")
            frame["client"] = names.where(~empty, emails)
            frame = frame.rename(columns={email: "email"})

    stamped = 0
    if stamp is not None:
        dates = frame[stamp].map(timestamp_date)
        if "reflected_on" not in frame.columns:
            frame["reflected_on"] = dates.where(dates.notna(), frame[stamp])
        if "interview_date" not in frame.columns:
            frame["interview_date"] = dates
            stamped = int(dates.notna().sum())
        else:
            given = frame["interview_date"]
            empty = given.isna() | given.map(lambda v: isinstance(v, str) and not v.strip())
            frame["interview_date"] = given.where(~empty, dates)
            stamped = int((empty & dates.notna()).sum())
        frame = frame.drop(columns=stamp)

    split_list_columns(frame, mapping, ctx, "gforms_checkbox")
    n = len(frame)
    record_stats(
        ctx, shown, "gforms", unit="responses", seen=n, kept=n, date_from_timestamp=stamped
    )
    return frame, problems
