"""Every chart draws from the sample data and from each tiny or empty case,
never raises from inside matplotlib, and leaves rcParams as they were."""

from __future__ import annotations

import io

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.axes import Axes

from recovery_analytics import UnknownClientError
from recovery_analytics.charts import (
    dashboard,
    plot_balance,
    plot_balance_grid,
    plot_client_themes,
    plot_feeling,
    plot_follow_ups,
    plot_recurring,
    plot_strengths_weaknesses,
    plot_theme_timeline,
)

from ._data import edge_cases

# each chart as drawn for one client
ONE_CLIENT = {
    "balance": lambda log, **kw: plot_balance(log, **kw),
    "strengths_weaknesses": lambda log, **kw: plot_strengths_weaknesses(log, **kw),
    "recurring": lambda log, **kw: plot_recurring(log, **kw),
    "recurring strengths": lambda log, **kw: plot_recurring(log, polarity="well", **kw),
    "theme_timeline": lambda log, **kw: plot_theme_timeline(log, **kw),
    "feeling": lambda log, **kw: plot_feeling(log, **kw),
    "follow_ups": lambda log, **kw: plot_follow_ups(log, **kw),
    "dashboard": lambda log, **kw: dashboard(log, **kw),
}
# coach views: every client at once
ALL_CLIENTS = {
    "client_themes": lambda log: plot_client_themes(log),
    "balance_grid": lambda log: plot_balance_grid(log),
}
CASES = edge_cases()


def _rc() -> dict[str, object]:
    return {k: v for k, v in mpl.rcParams.items() if k != "backend"}


def _render(result: object) -> None:
    """Draw for real: errors inside matplotlib only show up at draw time."""
    if isinstance(result, np.ndarray):
        result = result.flat[0]
    fig = result.figure if isinstance(result, Axes) else result
    fig.savefig(io.BytesIO(), format="png", dpi=40)


@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.parametrize("chart", sorted(ONE_CLIENT) + sorted(ALL_CLIENTS))
def test_edge_cases_draw_and_leave_rcparams(chart: str, case: str) -> None:
    before = _rc()
    draw = ONE_CLIENT.get(chart) or ALL_CLIENTS[chart]
    result = draw(CASES[case])
    assert _rc() == before
    _render(result)
    assert plt.get_fignums() == []  # nothing went through pyplot


@pytest.mark.parametrize("chart", sorted(ONE_CLIENT))
def test_sample_one_client(sample, chart: str) -> None:
    before = _rc()
    clients = sample.clients if chart != "dashboard" else sample.clients[-1:]  # the slow one once
    for client in clients:
        _render(ONE_CLIENT[chart](sample, client=client))
    assert _rc() == before


@pytest.mark.parametrize("chart", sorted(ALL_CLIENTS))
def test_sample_all_clients(sample, chart: str) -> None:
    before = _rc()
    _render(ALL_CLIENTS[chart](sample))
    assert _rc() == before


@pytest.mark.parametrize("chart", sorted(ONE_CLIENT))
def test_unknown_client_is_a_clear_error(sample, chart: str) -> None:
    with pytest.raises(UnknownClientError) as info:
        ONE_CLIENT[chart](sample, client="Amarra")
    assert (
        str(info.value)
        == "There is no client 'Amarra' in this log. Known clients: amara, ben, chloe."
    )


def test_client_names_ignore_case(sample) -> None:
    ax = plot_balance(sample, client="AMARA")
    assert any(t.get_text().startswith("amara") for t in ax.texts)


def test_empty_messages() -> None:
    def said(result: object) -> list[str]:
        ax = result.flat[0] if isinstance(result, np.ndarray) else result
        return [t.get_text() for t in ax.texts]

    empty = CASES["empty date range"]
    for draw in [*ONE_CLIENT.values(), *ALL_CLIENTS.values()]:
        result = draw(empty)
        if not isinstance(result, Axes | np.ndarray):
            continue  # the dashboard: its panels are the charts above
        assert "No interviews in this period yet" in said(result)
    no_items = CASES["no items"]
    assert "No went-well or went-wrong items written yet" in said(
        plot_strengths_weaknesses(no_items)
    )
    assert "No went-well or went-wrong items written yet" in said(plot_theme_timeline(no_items))
    assert "No went-well or went-wrong items written yet" in said(plot_balance(no_items))
