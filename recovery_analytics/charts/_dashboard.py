"""One figure with the four charts a review session usually starts from."""

from __future__ import annotations

from typing import Any

from matplotlib.figure import Figure

from .._log import ReflectionLog
from ._base import one_client, select_client
from ._registry import CHARTS
from ._style import house_style

__all__ = ["PANELS", "dashboard"]

#: The charts of the dashboard (names in :data:`~recovery_analytics.charts.CHARTS`),
#: left to right, top to bottom.
PANELS = ("balance", "strengths-weaknesses", "recurring-weaknesses", "feeling")


def dashboard(
    log: ReflectionLog,
    client: str | None = None,
    *,
    fig: Figure | None = None,
    freq: str = "M",
) -> Figure:
    """Balance over time, strengths vs weaknesses, recurring weaknesses and feeling.

    Parameters
    ----------
    log : ReflectionLog
    client : str, optional
        The client to show; needed when the log holds several (an unknown
        name raises :class:`~recovery_analytics.UnknownClientError` listing
        the known ones).
    fig : matplotlib Figure, optional
        An empty figure to fill; a new Figure (not pyplot) when omitted.
    freq : {"M", "W", "Q"}
        The period of the balance chart.

    Returns
    -------
    matplotlib.figure.Figure
        Four Axes: balance, strengths vs weaknesses, recurring, feeling.
        Each panel handles empty or tiny data the way its ``plot_*`` function
        does.

    Examples
    --------
    >>> from recovery_analytics.analytics import example_log
    >>> fig = dashboard(example_log(), client="ana")
    >>> fig.get_suptitle()
    'Interview reflections at a glance \u2014 ana'
    >>> len(fig.axes)
    4
    """
    one = select_client(log, client)
    who = one_client(one.clients, "dashboard", alternative="plot_balance_grid")
    with house_style():
        if fig is None:
            fig = Figure(figsize=(16, 10), layout="constrained")
        axes = fig.subplots(2, 2).ravel()
        for name, ax in zip(PANELS, axes, strict=True):
            by_period: dict[str, Any] = {"freq": freq} if name in ("balance", "feeling") else {}
            CHARTS[name].draw(one, ax=ax, **by_period)
        heading = "Interview reflections at a glance"
        fig.suptitle(f"{heading} \u2014 {who}" if who else heading, x=0.01, ha="left",
                     fontsize=15, fontweight="bold")  # fmt: skip
        return fig
