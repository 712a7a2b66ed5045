"""The chart registry: every chart draws from the sample data and from each tiny
or empty case, never through pyplot, leaving rcParams as they were, with the
title it announces and the caller's keyword arguments on its main artist."""

from __future__ import annotations

import io
from typing import Any

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from recovery_analytics import RecoveryAnalyticsError, UnknownClientError, analytics
from recovery_analytics.charts import CHARTS, ChartSpec, dashboard

from ._data import edge_cases

CASES = edge_cases()
CLIENT = sorted(n for n, s in CHARTS.items() if s.scope == "client")
COACH = sorted(n for n, s in CHARTS.items() if s.scope == "coach")


def _rc() -> dict[str, object]:
    return {k: v for k, v in mpl.rcParams.items() if k != "backend"}


def _first_axes(result: object) -> Axes:
    if isinstance(result, np.ndarray):
        return result.flat[0]
    assert isinstance(result, Axes)
    return result


def _title(spec: ChartSpec, result: object) -> str:
    ax = _first_axes(result)
    if spec.figure_level:
        return ax.figure.get_suptitle()
    return ax.get_title(loc="left")


def _render(result: object) -> None:
    """Draw for real: errors inside matplotlib only show up at draw time."""
    fig = _first_axes(result).figure if not isinstance(result, Figure) else result
    fig.savefig(io.BytesIO(), format="png", dpi=40)


def test_the_charts_packets_and_the_dashboard_name() -> None:
    # the file names of a packet's chart folder, one client's charts then the coach's
    assert list(CHARTS) == [
        "balance",
        "strengths-weaknesses",
        "recurring-weaknesses",
        "recurring-strengths",
        "theme-timeline",
        "feeling",
        "follow-ups",
        "client-themes",
        "balance-grid",
    ]
    for name, spec in CHARTS.items():
        assert spec.name == name
        assert spec.plot.__name__.startswith("plot_")
        assert spec.analytics and all(
            getattr(analytics, f.__name__) is f for f in spec.analytics
        )  # public analytics functions, passed in, not names
    with pytest.raises(TypeError):
        CHARTS["balance"] = CHARTS["feeling"]  # type: ignore[index]


@pytest.fixture
def no_pyplot(monkeypatch) -> None:
    """Any use of pyplot's global state fails the test (not only a figure left open)."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a chart used pyplot")

    for name in ("figure", "subplots", "gcf", "gca", "show", "sca", "axes", "subplot"):
        monkeypatch.setattr(plt, name, refuse)


@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.parametrize("name", list(CHARTS))
def test_tiny_and_empty_cases_draw_and_leave_rcparams(no_pyplot, name: str, case: str) -> None:
    before = _rc()
    result = CHARTS[name].draw(CASES[case])
    assert _rc() == before
    _render(result)
    assert plt.get_fignums() == []  # no figure registered with pyplot either
    assert _title(CHARTS[name], result) == CHARTS[name].title


@pytest.mark.parametrize("name", CLIENT)
def test_every_client_of_the_sample(no_pyplot, sample, name: str) -> None:
    before = _rc()
    for client in sample.clients:
        ax = CHARTS[name].draw(sample, client=client)
        _render(ax)
        assert ax.get_title(loc="left") == CHARTS[name].title
        assert any(t.get_text().startswith(client) for t in ax.texts)  # the note says whose
    assert _rc() == before


@pytest.mark.parametrize("name", COACH)
def test_coach_views_of_the_sample(no_pyplot, sample, name: str) -> None:
    before = _rc()
    result = CHARTS[name].draw(sample)
    _render(result)
    assert _title(CHARTS[name], result) == CHARTS[name].title
    assert _rc() == before


@pytest.mark.parametrize("name", list(CHARTS))
def test_draws_into_the_figure_given(sample, name: str) -> None:
    fig = Figure()
    one = sample.filter(client="ben") if CHARTS[name].scope == "client" else sample
    result = CHARTS[name].draw(one, fig=fig)
    assert _first_axes(result).figure is fig
    if not CHARTS[name].figure_level:
        ax = Figure().add_subplot()
        assert CHARTS[name].draw(one, ax=ax) is ax


def test_a_figure_level_chart_refuses_an_axes(sample) -> None:
    with pytest.raises(RecoveryAnalyticsError, match="`fig`"):
        CHARTS["balance-grid"].draw(sample, ax=Figure().add_subplot())


@pytest.mark.parametrize("name", [*CLIENT, "dashboard"])
def test_unknown_client_is_a_clear_error(sample, name: str) -> None:
    draw = dashboard if name == "dashboard" else CHARTS[name].draw
    with pytest.raises(UnknownClientError) as info:
        draw(sample, client="Amarra")
    assert (
        str(info.value)
        == "There is no client 'Amarra' in this log. Known clients: amara, ben, chloe."
    )


def test_client_names_ignore_case(sample) -> None:
    ax = CHARTS["balance"].draw(sample, client="AMARA")
    assert any(t.get_text().startswith("amara") for t in ax.texts)


def _said(result: object) -> list[str]:
    return [t.get_text() for t in _first_axes(result).texts]


@pytest.mark.parametrize("name", list(CHARTS))
def test_an_empty_period_says_so(name: str) -> None:
    result = CHARTS[name].draw(CASES["empty date range"])
    assert "No interviews in this period yet" in _said(result)


@pytest.mark.parametrize("name", ["strengths-weaknesses", "theme-timeline", "balance"])
def test_no_items_says_so(name: str) -> None:
    result = CHARTS[name].draw(CASES["no items"])
    assert "No went-well or went-wrong items written yet" in _said(result)


# where each chart puts the caller's keyword arguments: its main artist
MAIN_ARTISTS: dict[str, Any] = {
    "balance": lambda ax: [x for x in ax.lines if x.get_gid() == "periods"],
    "strengths-weaknesses": lambda ax: ax.patches,
    "recurring-weaknesses": lambda ax: ax.patches,
    "recurring-strengths": lambda ax: ax.patches,
    "theme-timeline": lambda ax: ax.images,
    "feeling": lambda ax: [x for x in ax.lines if x.get_gid() == "feeling-mean"],
    "follow-ups": lambda ax: ax.patches,
    "client-themes": lambda ax: ax.images,
    "balance-grid": lambda ax: [x for x in ax.lines if x.get_gid() == "periods"],
}


@pytest.mark.parametrize("name", list(CHARTS))
def test_keyword_arguments_reach_the_main_artist(sample, name: str) -> None:
    assert set(MAIN_ARTISTS) == set(CHARTS)
    one = sample.filter(client="chloe") if CHARTS[name].scope == "client" else sample
    plain = MAIN_ARTISTS[name](_first_axes(CHARTS[name].draw(one)))
    styled = MAIN_ARTISTS[name](_first_axes(CHARTS[name].draw(one, alpha=0.25)))
    assert plain and len(styled) == len(plain)
    assert {a.get_alpha() for a in plain} == {None}
    assert {a.get_alpha() for a in styled} == {0.25}
