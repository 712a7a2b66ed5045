"""What the dashboard shows, taken from the library: its headline and its charts.

The headline is worded by the packets' one sentence writer
(:func:`recovery_analytics.reports.headline` over
:func:`~recovery_analytics.reports.summarise`), the charts come from the one
registry :data:`recovery_analytics.charts.CHARTS`, and the PNG bytes from the
one renderer :func:`recovery_analytics.reports.render`. Only the tab names
and their titles belong to the dashboard.
"""

from __future__ import annotations

from typing import Final

from .._log import ReflectionLog
from ..charts import CHARTS
from ..exceptions import RecoveryAnalyticsError
from ..reports import coach_headline, render, summarise, summarise_clients
from ..reports import headline as client_lines

__all__ = ["DPI", "NO_SELECTION", "TAB_TITLES", "chart_png", "headline"]

#: Tab name -> its title, in the order the tabs appear.
TAB_TITLES: Final = {
    "balance": "Balance over time",
    "strengths": "By theme",
    "recurring": "Recurring",
    "feeling": "Feeling",
    "written": "What was written",
    "clients": "All clients",
}
#: Tab name -> the chart it shows (``recurring`` shows strengths when asked).
_TAB_CHARTS: Final = {
    "balance": "balance",
    "strengths": "strengths-weaknesses",
    "recurring": "recurring-weaknesses",
    "feeling": "feeling",
    "clients": "client-themes",
}
NO_SELECTION: Final = (
    "No interviews match this selection. Try a wider date range, or \u201call themes\u201d."
)
DPI: Final = 80


def headline(log: ReflectionLog) -> list[str]:
    """The headline sentences of the selection, worded as the packets word them.

    One client gets the review packet's cover lines, several clients the
    coach packet's; an empty selection says how to widen it.

    Examples
    --------
    >>> from recovery_analytics.analytics import example_log
    >>> headline(example_log().filter(client="ana"))[0]
    'Across 3 interviews from January to March 2026, 5 things went well and 3 went wrong.'
    """
    if len(log) == 0:
        return [NO_SELECTION]
    if len(log.clients) == 1:
        return client_lines(summarise(log))
    return coach_headline(summarise_clients(log))


def chart_png(name: str, log: ReflectionLog, *, polarity: str = "both", dpi: float = DPI) -> bytes:
    """One dashboard tab's chart as PNG bytes, drawn on its own Figure (never pyplot).

    ``name`` is a key of :data:`TAB_TITLES` other than ``"written"``;
    ``log`` holds one client (all clients for ``"clients"``).

    Examples
    --------
    >>> from recovery_analytics.analytics import example_log
    >>> chart_png("strengths", example_log().filter(client="ana"))[:8]
    b'\\x89PNG\\r\\n\\x1a\\n'
    """
    chart = _TAB_CHARTS.get(name)
    if chart is None:
        raise RecoveryAnalyticsError(
            f"The value for `name` must be one of {list(_TAB_CHARTS)}, but {name!r} was passed."
        )
    if chart == "recurring-weaknesses" and polarity == "well":
        chart = "recurring-strengths"
    ax = CHARTS[chart].draw(log)
    return render(ax, "png", dpi=dpi, quick=True)
