"""One figure with the four charts a review session usually starts from."""

from __future__ import annotations

from matplotlib.figure import Figure

from .._log import ReflectionLog
from ._balance import plot_balance
from ._base import one_client, select_client
from ._recovery import plot_feeling
from ._style import house_style
from ._themes import plot_recurring, plot_strengths_weaknesses

__all__ = ["dashboard"]


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
    >>> from recovery_analytics.analytics._examples import example_log
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
        plot_balance(one, ax=axes[0], freq=freq)
        plot_strengths_weaknesses(one, ax=axes[1])
        plot_recurring(one, ax=axes[2])
        plot_feeling(one, ax=axes[3], freq=freq)
        heading = "Interview reflections at a glance"
        fig.suptitle(f"{heading} \u2014 {who}" if who else heading, x=0.01, ha="left",
                     fontsize=15, fontweight="bold")  # fmt: skip
        return fig
