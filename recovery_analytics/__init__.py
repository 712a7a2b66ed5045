"""recovery_analytics: learn from job interviews that went badly - and well.

Load reflection logs into tidy pandas DataFrames, tag what went well and what
went wrong with recurring themes, follow trends over time, and export charts
and review packets.
"""

from __future__ import annotations

from ._load import load
from ._log import ReflectionLog
from ._model import Action, Entry, Item, derive_entry_id
from ._validate import entry_from_mapping
from .exceptions import (
    EntryValidationError,
    LogFormatError,
    RecoveryAnalyticsError,
    SmallSampleWarning,
    TaxonomyError,
    UnknownClientError,
)

__version__ = "0.1.0"

__all__ = [
    "Action",
    "Entry",
    "EntryValidationError",
    "Item",
    "LogFormatError",
    "RecoveryAnalyticsError",
    "ReflectionLog",
    "SmallSampleWarning",
    "TaxonomyError",
    "UnknownClientError",
    "derive_entry_id",
    "entry_from_mapping",
    "load",
]
