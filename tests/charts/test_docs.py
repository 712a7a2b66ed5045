"""The shared docstring parts reach every plot function, and nothing is left unfilled."""

from __future__ import annotations

import re

import pytest

from recovery_analytics import charts
from recovery_analytics.charts._docs import DOCS, shared_docs

PLOTS = sorted(n for n in charts.__all__ if n.startswith("plot_"))


@pytest.mark.parametrize("name", PLOTS)
def test_every_plot_function_documents_ax_title_and_kwargs(name: str) -> None:
    doc = getattr(charts, name).__doc__
    unfilled = [m for m in re.findall(r"\{(\w+)\}", doc) if m in DOCS]
    assert unfilled == []
    assert "**kwargs" in doc
    if name != "plot_balance_grid":  # a figure-level chart: fig instead of ax
        assert "title : str, optional" in doc
        assert "ax : matplotlib Axes, optional" in doc
        assert "matplotlib.axes.Axes" in doc


def test_only_known_parts_are_replaced() -> None:
    @shared_docs
    def plot(data: object) -> None:
        """Draw {"a": 1}.

        {returns}
        {unknown}
        """

    assert plot.__doc__ is not None
    assert '{"a": 1}' in plot.__doc__ and "{unknown}" in plot.__doc__
    assert "{returns}" not in plot.__doc__
