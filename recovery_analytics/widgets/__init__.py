"""Jupyter widgets: a guided entry form and a live dashboard.

* :class:`EntryForm` - capture a reflection in the five recovery steps,
  validated in Python and saved into a :class:`~recovery_analytics.journal.Journal`;
* :class:`Dashboard` - charts and headline numbers of a journal or a log,
  with filters, refreshed when the journal changes, and a review-packet export.

Both are thin: the logic they use lives in plain functions
(:func:`entry_mapping`, :func:`check_values`, :func:`theme_preview`,
:func:`select_log`, :func:`headline`, :func:`chart_png`) that are tested
without widgets. Every widget carries a CSS class (``ra-...``) listed in the
docstrings of :mod:`recovery_analytics.widgets._form` and
:mod:`recovery_analytics.widgets._dashboard`.
"""

from __future__ import annotations

from ._dashboard import Dashboard, chart_png, headline, select_log
from ._form import (
    EntryForm,
    check_values,
    entry_mapping,
    entry_to_values,
    theme_preview,
)

__all__ = [
    "Dashboard",
    "EntryForm",
    "chart_png",
    "headline",
    "select_log",
    "check_values",
    "entry_mapping",
    "entry_to_values",
    "theme_preview",
]
