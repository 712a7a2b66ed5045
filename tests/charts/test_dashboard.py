"""The dashboard figure: four charts from the registry, for one client."""

from __future__ import annotations

import pytest
from matplotlib.figure import Figure

from recovery_analytics import RecoveryAnalyticsError
from recovery_analytics.charts import CHARTS, dashboard
from recovery_analytics.charts._dashboard import PANELS


def test_dashboard_composes_four_charts(sample) -> None:
    fig = dashboard(sample, "chloe")
    assert isinstance(fig, Figure)
    assert [ax.get_title(loc="left") for ax in fig.axes] == [
        "What went well vs what went wrong, by month",
        "What went well and what went wrong, by theme",
        "What keeps going wrong, by share of interviews",
        "How each interview felt afterwards, and what happened next",
    ]
    assert fig.get_suptitle() == "Interview reflections at a glance \u2014 chloe"
    with pytest.raises(RecoveryAnalyticsError, match="plot_balance_grid"):
        dashboard(sample)


def test_panels_are_registry_charts_with_their_titles(sample) -> None:
    fig = dashboard(sample, "ben", freq="Q")
    assert [ax.get_title(loc="left") for ax in fig.axes] == [
        CHARTS[name].title.replace("by month", "by quarter") for name in PANELS
    ]


def test_fills_the_figure_given(sample) -> None:
    fig = Figure()
    assert dashboard(sample, "ben", fig=fig) is fig
    assert len(fig.axes) == 4
