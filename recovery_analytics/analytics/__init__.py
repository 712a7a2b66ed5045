"""Analytics: balance, recurring themes, cohorts, recovery and follow-ups."""

from __future__ import annotations

from ._balance import balance
from ._stats import SMALL_SAMPLE, wilson_interval
from ._themes import STATUSES, recurring, theme_balance, timeline, timeline_wide

__all__ = [
    "SMALL_SAMPLE",
    "STATUSES",
    "balance",
    "recurring",
    "theme_balance",
    "timeline",
    "timeline_wide",
    "wilson_interval",
]
