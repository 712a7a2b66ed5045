"""Helpers shared by the importers: options, counts, column names and free text.

Nothing here knows a particular app. Each importer module (``daylio.py``,
``dayone.py``, ...) uses these to turn an app's export into the ordinary raw
records or raw frames that :mod:`recovery_analytics._validate` types.
"""

from __future__ import annotations

import csv
import difflib
import io
import logging
import re
from collections import Counter
from collections.abc import Iterable, Mapping, MutableMapping
from pathlib import Path
from typing import Any, Final

import pandas as pd

from ..exceptions import ImporterOptionError, Problem
from ..io import ReadContext, rename_columns
from ..model import FIELDS, fields_where

__all__ = [
    "COMMON_HEADERS",
    "LIST_FIELDS",
    "OPTION_NAMES",
    "check_option_names",
    "csv_header",
    "date_problem",
    "header_key",
    "items_from_text",
    "map_columns",
    "record_stats",
    "split_choices",
    "split_list_columns",
    "strings_option",
]

logger = logging.getLogger("recovery_analytics.importers")

LIST_FIELDS: Final = frozenset(fields_where(is_list=True))

# bounded, so that a header of many "(" stays linear
_PARENS: Final = re.compile(r"\([^)]{0,200}\)|\[[^\]]{0,200}\]")
_PUNCT: Final = re.compile(r"[?!.,:;*_/\-\u2013\u2014\"]+")


def date_problem(shown: str, line: int | None, message: str) -> Problem:
    """A record left out for want of a readable ``interview_date``."""
    return Problem(shown, line, "interview_date", message)


def header_key(text: object) -> str:
    """A column or property name reduced to words, for matching known names.

    Case, punctuation, a parenthesised hint such as ``(1-5)`` and extra spaces
    do not matter; apostrophes are kept.

    Examples
    --------
    >>> header_key("How do you feel now? (1-5)")
    'how do you feel now'
    >>> header_key("Plan B: next actions")
    'plan b next actions'
    >>> header_key("Employer\u2019s perspective")
    "employer's perspective"
    """
    value = str(text).replace("\u2019", "'").replace("\ufeff", "").casefold()
    value = _PARENS.sub(" ", value)
    value = _PUNCT.sub(" ", value)
    return " ".join(value.split())


def _common_headers() -> dict[str, str]:
    out: dict[str, str] = {}
    for name in FIELDS:
        out[header_key(name.replace("_", " "))] = name
    for name, spec in FIELDS.items():
        for heading in (*spec.headings, spec.label):
            out.setdefault(header_key(heading), name)
    # what apps and forms call the fields besides their names, labels and headings
    extra = {
        "date": "interview_date",
        "date of interview": "interview_date",
        "date of the interview": "interview_date",
        "interview day": "interview_date",
        "employer": "company",
        "organisation": "company",
        "organization": "company",
        "position": "role",
        "job title": "role",
        "job": "role",
        "round": "stage",
        "how i feel": "feeling",
        "how i feel now": "feeling",
        "how do you feel now": "feeling",
        "self rating": "self_score",
        "impression i made": "employer_view",
        "follow up": "follow_up_requested",
        "asked for another interview": "follow_up_requested",
        "result": "outcome",
        "outcome so far": "outcome",
        "reflected on": "reflected_on",
        "written on": "reflected_on",
    }
    out.update(extra)
    return out


COMMON_HEADERS: Final[dict[str, str]] = _common_headers()


def csv_header(path: Path, encoding: str, sep: str = ",") -> list[str]:
    """The header cells of a CSV file (read from its start only)."""
    with path.open("rb") as handle:
        head = handle.read(65536)
    text = head.decode(encoding, errors="replace").lstrip("\ufeff")
    # newline="": CR, LF and CRLF line endings all end a row (old Mac exports use CR)
    try:
        return [
            h.strip() for h in next(csv.reader(io.StringIO(text, newline=""), delimiter=sep), [])
        ]
    except csv.Error:  # a NUL byte or the like: no header this reader can recognise
        return []


def map_columns(
    headers: Iterable[object],
    user_mapping: Mapping[str, str],
    known: Mapping[str, str],
    *,
    skip: Iterable[object] = (),
) -> dict[str, str]:
    """Which header becomes which field: yours first, then field names, then ``known``.

    ``known`` maps :func:`header_key` forms to field names; headers in ``skip``
    are only renamed by your mapping. A field is never taken twice: the first
    column wins, later ones stay under their own name (and end up in
    ``extra``).

    Examples
    --------
    >>> map_columns(["Timestamp", "What went well?", "Positives", "Company"], {},
    ...             {"what went well": "went_well", "positives": "went_well"})
    {'Company': 'company', 'What went well?': 'went_well'}
    """
    cols = [str(h) for h in headers]
    skipped = {str(s) for s in skip if s is not None}
    out = rename_columns(cols, user_mapping)
    taken = set(out.values())
    for col in cols:
        if col in out or col in skipped:
            continue
        target = known.get(header_key(col))
        if target is not None and target not in taken:
            out[col] = target
            taken.add(target)
    return out


def split_choices(col: pd.Series, *, declared: bool = False) -> pd.Series:
    """Split checkbox / multi-select answers joined by ``", "`` into lists.

    Cells with a line break or a ``;`` are left as text: the loader already
    splits those into one item per line or per ``;``. A cell joined by
    ``", "`` is split when the column is ``declared`` a checkbox column, or
    when one of its parts is also a part of another answer in the same
    column (checkbox options repeat; the commas of prose do not).

    Examples
    --------
    >>> s = pd.Series(["Good rapport, Clear STAR story", "Clear STAR story",
    ...                "I was calm, clear and concise", None], dtype=object)
    >>> out = split_choices(s).tolist()
    >>> out[0], out[2]
    (['Good rapport', 'Clear STAR story'], 'I was calm, clear and concise')
    """

    def parts(value: object) -> list[str] | None:
        if not isinstance(value, str) or "\n" in value or ";" in value or ", " not in value:
            return None
        return [p.strip() for p in value.split(", ") if p.strip()]

    split = [parts(v) for v in col.tolist()]
    counts: Counter[str] = Counter()
    for value, p in zip(col.tolist(), split, strict=True):
        for part in set(p or ([value.strip()] if isinstance(value, str) else [])):
            counts[part.casefold()] += 1
    out = []
    for value, p in zip(col.tolist(), split, strict=True):
        if p is not None and len(p) > 1 and (declared or any(counts[x.casefold()] > 1 for x in p)):
            out.append(p)
        else:
            out.append(value)
    return pd.Series(out, index=col.index, dtype=object)


def items_from_text(text: str | None) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Free prose into ``(went_well, went_wrong)`` items marked ``inferred=True``."""
    if not text or not text.strip():
        return [], []
    from ..text import items_from_free_text  # on first use: its cue tables are large

    return items_from_free_text(text)


def record_stats(
    ctx: ReadContext, shown: str, fmt: str, *, unit: str, seen: int, kept: int, **more: Any
) -> None:
    """Say how much of a file was looked at and kept.

    Skipping what is not about interviews (a Daylio day without an interview,
    a Day One entry without the tag) is not a problem, so it is counted here
    rather than reported. When ``options={"stats": {}}`` is passed to
    ``load()`` the dict receives, per file shown, ``{"format", "unit",
    "seen", "kept", ...}``; the counts are also logged at INFO level on the
    ``recovery_analytics.importers`` logger.
    """
    stats = ctx.options.get("stats")
    entry = {"format": fmt, "unit": unit, "seen": seen, "kept": kept, **more}
    if isinstance(stats, MutableMapping):
        stats[shown] = entry
    logger.info("%s: %s export, looked at %d %s, kept %d", shown, fmt, seen, unit, kept)


#: Every option an importer reads, with the importer that reads it.
OPTION_NAMES: Final = {
    "daylio_keywords": "daylio",
    "moods": "daylio",
    "dayone_tag": "dayone",
    "gforms_client": "gforms",
    "gforms_checkbox": "gforms",
    "notion_multi_select": "notion",
    "obsidian_tag": "obsidian",
    "stats": "every importer",
}


def check_option_names(options: Mapping[str, Any]) -> None:
    """Refuse an option no importer reads, so that a misspelt one is not ignored.

    >>> check_option_names({"dayone_tag": "job"})
    >>> try:
    ...     check_option_names({"dayone_tags": "job"})
    ... except ValueError as exc:
    ...     print(str(exc)[:71])
    There is no importer option 'dayone_tags' (did you mean 'dayone_tag'?).
    """
    for name in options:
        if name in OPTION_NAMES:
            continue
        close = difflib.get_close_matches(str(name), OPTION_NAMES, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        raise ImporterOptionError(
            f"There is no importer option {name!r}{hint}. The options are: "
            f"{', '.join(sorted(OPTION_NAMES))}; docs/importers.md says what each does."
        )


def split_list_columns(
    frame: pd.DataFrame, mapping: Mapping[str, str], ctx: ReadContext, option: str
) -> set[str]:
    """Split the list fields' checkbox answers (see :func:`split_choices`) in place.

    ``option`` names the importer option listing the checkbox questions; the
    :func:`header_key` forms of those questions are returned.
    """
    declared = {header_key(q) for q in strings_option(ctx, option, None) or []}
    titles = {field: header for header, field in mapping.items()}
    for name in sorted(LIST_FIELDS & set(frame.columns)):
        title = titles.get(name, name)
        frame[name] = split_choices(frame[name], declared=header_key(title) in declared)
    return declared


def strings_option(ctx: ReadContext, name: str, default: list[str] | None) -> list[str] | None:
    """An option holding a string or a list of strings; ``None``/``[]``/``""`` keep all."""
    if name not in ctx.options:
        return default
    value = ctx.options[name]
    if value is None or value == "" or value == "*":
        return None
    if isinstance(value, str):
        return [value]
    if isinstance(value, list | tuple | set | frozenset) and all(isinstance(v, str) for v in value):
        return [v for v in value if v] or None
    raise ImporterOptionError(
        f"The value for `options[{name!r}]` must be a string or a list of strings, "
        f"but {value!r} was passed."
    )
