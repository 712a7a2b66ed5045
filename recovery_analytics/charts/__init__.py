"""Charts of reflection logs: balance over time, themes, recovery, follow-ups.

:data:`CHARTS` lists every chart (name, title, plot function, scope and the
analytics it draws) for the packets, the dashboard and the tests. Colours and
styles are public here (``WELL``, ``WRONG``, ``OUTCOME_STYLE``, ...); the words
come from :mod:`recovery_analytics.vocabulary`.

Every ``plot_*`` function has one shape: ``plot_x(data, *, ax=None, ...,
**kwargs) -> Axes``. ``data`` is a :class:`~recovery_analytics.ReflectionLog`
(the chart calls its analytics function on it) or what that analytics function
returns; ``**kwargs`` go to the chart's main artist (the bars, the main line,
the heatmap cells), as in seaborn. It draws on ``ax`` or on a new
:class:`matplotlib.figure.Figure` (never pyplot, never ``plt.show()``), inside
:func:`house_style`, which leaves matplotlib's global settings as they were.
:func:`plot_balance_grid` fills a whole figure (``fig=``) and returns an array
of Axes; :func:`dashboard` returns a Figure.

Coach views stay the same size whatever the number of clients: the balance
grid comes in pages (``page=``, ``per_page=12``), and the client x theme
heatmap draws at most ``max_clients=30`` rows, those needing attention first
(:func:`~recovery_analytics.analytics.attention`), saying how many are left out.
"""

from __future__ import annotations

from ._balance import plot_balance, plot_balance_grid
from ._dashboard import dashboard
from ._heatmaps import plot_client_themes, plot_theme_timeline
from ._recovery import plot_feeling, plot_follow_ups
from ._registry import CHARTS, ChartSpec
from ._style import (
    GREY,
    LIGHT_GREY,
    MAIN,
    OKABE_ITO,
    OUTCOME_COLOURS,
    OUTCOME_STYLE,
    STATUS_COLOURS,
    STATUS_STYLE,
    WELL,
    WRONG,
    house_style,
    interviews_phrase,
)
from ._themes import plot_recurring, plot_strengths_weaknesses

__all__ = [
    "CHARTS",
    "ChartSpec",
    "GREY",
    "LIGHT_GREY",
    "MAIN",
    "OKABE_ITO",
    "OUTCOME_COLOURS",
    "OUTCOME_STYLE",
    "STATUS_COLOURS",
    "STATUS_STYLE",
    "WELL",
    "WRONG",
    "dashboard",
    "house_style",
    "interviews_phrase",
    "plot_balance",
    "plot_balance_grid",
    "plot_client_themes",
    "plot_feeling",
    "plot_follow_ups",
    "plot_recurring",
    "plot_strengths_weaknesses",
    "plot_theme_timeline",
]
