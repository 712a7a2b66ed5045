"""Exports: charts to PNG/SVG/PDF files, review packets, anonymised sharing."""

from __future__ import annotations

from ._anonymize import anonymize, pseudonyms
from ._save import save_chart

__all__ = ["anonymize", "pseudonyms", "save_chart"]
