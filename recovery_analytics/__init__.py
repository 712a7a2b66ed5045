"""recovery_analytics: learn from job interviews that went badly - and well.

Load reflection logs into tidy pandas DataFrames, tag what went well and what
went wrong with recurring themes, follow trends over time, and export charts
and review packets.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._limits import Limits
from ._load import load
from ._log import ReflectionLog
from ._validate import entry_from_mapping
from .exceptions import (
    EntryValidationError,
    ImporterOptionError,
    LogFormatError,
    RecoveryAnalyticsError,
    TaxonomyError,
    UnknownClientError,
)
from .model import Action, Entry, Item, derive_entry_id

if TYPE_CHECKING:
    from .journal import Journal
    from .themes import Taxonomy

__version__ = "0.1.0"

# Imported on first use: the journal needs SQLAlchemy, the taxonomy its rules.
_LAZY = {"Journal": ".journal", "Taxonomy": ".themes"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name], __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "Action",
    "Entry",
    "EntryValidationError",
    "ImporterOptionError",
    "Item",
    "Journal",
    "Limits",
    "LogFormatError",
    "RecoveryAnalyticsError",
    "ReflectionLog",
    "Taxonomy",
    "TaxonomyError",
    "UnknownClientError",
    "derive_entry_id",
    "entry_from_mapping",
    "load",
]
