"""Importers for other apps' exports: Daylio, Day One, Google Forms, Notion, Obsidian.

Each module reads one app's export into the same raw records as our own
formats, so validation, themes and analytics treat them alike. ``load()``
picks an importer by content (see ``docs/importers.md``), or by name with
``load(path, format="daylio")``; options go in ``load(..., options={...})``.
"""

from __future__ import annotations

from . import daylio, dayone, gforms, notion, obsidian
from ._common import check_option_names
from .daylio import DEFAULT_MOODS, mood_level
from .gforms import SUGGESTED_QUESTIONS

__all__ = [
    "DEFAULT_MOODS",
    "IMPORTER_NAMES",
    "SUGGESTED_QUESTIONS",
    "check_option_names",
    "daylio",
    "dayone",
    "gforms",
    "mood_level",
    "notion",
    "obsidian",
]

IMPORTER_NAMES: tuple[str, ...] = ("daylio", "dayone", "gforms", "notion", "obsidian")
