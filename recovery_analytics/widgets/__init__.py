"""Jupyter widgets: a guided entry form and a live dashboard.

* :class:`EntryForm` - capture a reflection in the five recovery steps,
  validated in Python and saved into a :class:`~recovery_analytics.journal.Journal`;
* :class:`Dashboard` - charts and headline numbers of a journal or a log,
  with filters, refreshed when the journal changes, and a review-packet export.

Both are layout and callbacks only. The logic they use lives in plain
modules tested without widgets: the form's values in ``_values``
(:func:`entry_mapping`, :func:`check_values`, :func:`entry_to_values`,
:func:`theme_preview`), the dashboard's data in ``_selection``
(:func:`select_log`), its headline and charts in ``_dashboard_content``
(:func:`headline`, :func:`chart_png`), time (debouncing, clicks that wait for
the browser) in ``_settle`` and the HTML in Jinja2 templates. Every widget
carries a CSS class (``ra-...``) listed in the docstrings of
:mod:`recovery_analytics.widgets._form` and
:mod:`recovery_analytics.widgets._dashboard`.
"""

from __future__ import annotations

from ._dashboard import Dashboard
from ._dashboard_content import chart_png, headline
from ._form import EntryForm
from ._selection import select_log
from ._values import check_values, entry_mapping, entry_to_values, theme_preview

__all__ = [
    "Dashboard",
    "EntryForm",
    "chart_png",
    "check_values",
    "entry_mapping",
    "entry_to_values",
    "headline",
    "select_log",
    "theme_preview",
]
