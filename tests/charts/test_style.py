"""The house style is scoped: nothing global changes at import or in a plot call."""

from __future__ import annotations

import importlib

import matplotlib as mpl
import pytest

from recovery_analytics import charts
from recovery_analytics.charts import OKABE_ITO, _style, house_style, interviews_phrase


def _rc() -> dict[str, object]:
    return {k: v for k, v in mpl.rcParams.items() if k != "backend"}


def test_house_style_applies_inside_and_restores_after() -> None:
    before = _rc()
    with house_style():
        assert mpl.rcParams["axes.spines.top"] is False
        assert mpl.rcParams["font.size"] == 11
        assert mpl.rcParams["axes.prop_cycle"].by_key()["color"] == list(OKABE_ITO.values())
    assert _rc() == before


def test_house_style_restores_after_an_error() -> None:
    before = _rc()
    with pytest.raises(RuntimeError), house_style():
        raise RuntimeError("boom")
    assert _rc() == before


def test_house_style_takes_extra_settings() -> None:
    with house_style({"font.size": 20}):
        assert mpl.rcParams["font.size"] == 20


def test_importing_the_style_changes_nothing() -> None:
    before = _rc()
    importlib.reload(_style)
    assert _rc() == before


def test_palette_is_okabe_ito() -> None:
    # Okabe & Ito (2008), "Color Universal Design": the eight colours in their order
    assert list(OKABE_ITO.values()) == [
        "#E69F00",
        "#56B4E9",
        "#009E73",
        "#F0E442",
        "#0072B2",
        "#D55E00",
        "#CC79A7",
        "#000000",
    ]


def test_sample_size_wording() -> None:
    # SMALL_SAMPLE is 5: four interviews are read gently, five are not
    assert interviews_phrase(1) == "n = 1 interview (few interviews so far \u2014 read gently)"
    assert interviews_phrase(4).endswith("(few interviews so far \u2014 read gently)")
    assert interviews_phrase(5) == "n = 5 interviews"


def test_colours_are_public_and_from_the_palette() -> None:
    palette = set(OKABE_ITO.values())
    assert {charts.WELL, charts.WRONG, charts.MAIN} <= palette
    assert charts.WELL != charts.WRONG
    assert set(charts.STATUS_COLOURS.values()) <= palette
    # every outcome has its own colour and marker, so a legend can tell them apart
    markers = [style["marker"] for style in charts.OUTCOME_STYLE.values()]
    assert len(set(markers)) == len(markers) == len(charts.OUTCOME_COLOURS)
    for name, style in charts.OUTCOME_STYLE.items():
        assert style["color"] == charts.OUTCOME_COLOURS[name]
