"""Importers for other apps' exports: Daylio, Day One, Google Forms, Notion, Obsidian.

Each module reads one app's export into the same raw records as our own
formats, so validation, themes and analytics treat them alike. ``load()``
picks an importer by content (see ``docs/importers.md``), or by name with
``load(path, format="daylio")``; options go in ``load(..., options={...})``.
"""

from __future__ import annotations

from ..io import FormatSpec
from . import daylio, dayone, gforms, notion, obsidian
from ._common import OPTION_NAMES, check_option_names
from .daylio import DEFAULT_MOODS, mood_level
from .gforms import SUGGESTED_QUESTIONS

__all__ = [
    "DEFAULT_MOODS",
    "IMPORTERS",
    "IMPORTER_NAMES",
    "OPTION_NAMES",
    "SUGGESTED_QUESTIONS",
    "check_option_names",
    "daylio",
    "dayone",
    "gforms",
    "mood_level",
    "notion",
    "obsidian",
]

#: Every importer as a format ``load()`` reads; each one recognises its files by content.
IMPORTERS: tuple[FormatSpec, ...] = (
    FormatSpec("daylio", (".csv",), daylio.read, daylio.sniff, "Daylio CSV export"),
    FormatSpec(
        "dayone", (".json", ".zip"), dayone.read, dayone.sniff, "Day One JSON export or zip"
    ),
    FormatSpec("gforms", (".csv",), gforms.read, gforms.sniff, "Google Forms responses CSV"),
    FormatSpec("notion", (".csv",), notion.read, notion.sniff, "Notion database CSV export"),
    FormatSpec("obsidian", (".md", ".markdown"), obsidian.read, obsidian.sniff, "Obsidian notes"),
)

IMPORTER_NAMES: tuple[str, ...] = tuple(spec.name for spec in IMPORTERS)
