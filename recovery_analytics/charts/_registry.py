"""The one list of charts: what the packets, the dashboard and the tests draw.

:data:`CHARTS` maps a chart's name (also the file name the packets write) to a
:class:`ChartSpec`: its title, its ``plot_*`` function with fixed options, who
it is for (one client, or the coach's view of every client) and the analytics
function(s) whose numbers it draws. Packets and the dashboard loop over it
instead of keeping their own lists, and the tests check every entry.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Final, Literal

from matplotlib.axes import Axes
from matplotlib.figure import Figure, SubFigure

from ..analytics import balance, cohort_themes, follow_ups, recovery, recurring, theme_balance
from ..analytics import timeline as theme_timeline
from ..exceptions import RecoveryAnalyticsError
from ._balance import plot_balance, plot_balance_grid
from ._heatmaps import plot_client_themes, plot_theme_timeline
from ._recovery import plot_feeling, plot_follow_ups
from ._themes import plot_recurring, plot_strengths_weaknesses

__all__ = ["CHARTS", "ChartSpec", "Scope"]

Scope = Literal["client", "coach"]


@dataclass(frozen=True)
class ChartSpec:
    """One chart: how to draw it and what it draws.

    Attributes
    ----------
    name : str
        The key in :data:`CHARTS`; packets use it as the file name.
    title : str
        The title the chart draws (with its default options).
    plot : callable
        The ``plot_*`` function.
    scope : {"client", "coach"}
        ``"client"``: drawn from one client's log; ``"coach"``: from a log of
        every client.
    analytics : tuple of callables
        The analytics function(s) whose numbers the chart draws.
    options : mapping
        Keyword arguments always passed to ``plot`` (``polarity="well"``).
    figure_level : bool
        The chart fills a whole Figure (small multiples) instead of one Axes.
    """

    name: str
    title: str
    plot: Callable[..., Any]
    scope: Scope
    analytics: tuple[Callable[..., Any], ...]
    options: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    figure_level: bool = False

    def draw(
        self,
        data: Any,
        *,
        ax: Axes | None = None,
        fig: Figure | SubFigure | None = None,
        **kwargs: Any,
    ) -> Any:
        """Draw the chart of ``data`` on ``ax``, into ``fig``, or on a new Figure.

        Keyword arguments go to :attr:`plot` after :attr:`options`. Returns
        what :attr:`plot` returns: an Axes, or an array of Axes when
        :attr:`figure_level`.

        Examples
        --------
        >>> from recovery_analytics.analytics import example_log
        >>> ax = CHARTS["recurring-strengths"].draw(example_log(), client="ana")
        >>> ax.get_title(loc="left") == CHARTS["recurring-strengths"].title
        True
        """
        options = {**self.options, **kwargs}
        if self.figure_level:
            if ax is not None:
                raise RecoveryAnalyticsError(
                    f"The chart {self.name!r} fills a whole figure: pass `fig` (or nothing), "
                    "not `ax`."
                )
            return self.plot(data, fig=fig, **options)
        if ax is None and fig is not None:
            ax = fig.add_subplot()
        return self.plot(data, ax=ax, **options)


def _spec(
    name: str,
    title: str,
    plot: Callable[..., Any],
    analytics: Callable[..., Any],
    scope: Scope = "client",
    figure_level: bool = False,
    **options: Any,
) -> tuple[str, ChartSpec]:
    spec = ChartSpec(
        name, title, plot, scope, (analytics,), MappingProxyType(options), figure_level
    )
    return name, spec


#: Every chart, in the order a packet shows them: one client's, then the coach's.
CHARTS: Final[Mapping[str, ChartSpec]] = MappingProxyType(
    dict(
        [
            _spec("balance", "What went well vs what went wrong, by month", plot_balance, balance),
            _spec(
                "strengths-weaknesses",
                "What went well and what went wrong, by theme",
                plot_strengths_weaknesses,
                theme_balance,
            ),
            _spec(
                "recurring-weaknesses",
                "What keeps going wrong, by share of interviews",
                plot_recurring,
                recurring,
            ),
            _spec(
                "recurring-strengths",
                "What keeps going well, by share of interviews",
                plot_recurring,
                recurring,
                polarity="well",
            ),
            _spec(
                "theme-timeline",
                "How often each theme came up in what went wrong, by month",
                plot_theme_timeline,
                theme_timeline,
            ),
            _spec(
                "feeling",
                "How each interview felt afterwards, and what happened next",
                plot_feeling,
                recovery,
            ),
            _spec(
                "follow-ups",
                "What happened after asking for another conversation",
                plot_follow_ups,
                follow_ups,
            ),
            _spec(
                "client-themes",
                "What went wrong for each client, by theme",
                plot_client_themes,
                cohort_themes,
                scope="coach",
            ),
            _spec(
                "balance-grid",
                "Each client's balance of what went well vs what went wrong, by month",
                plot_balance_grid,
                balance,
                scope="coach",
                figure_level=True,
            ),
        ]
    )
)
