"""Theme charts, checked through their artists against analytics and by hand."""

from __future__ import annotations

import pandas as pd
import pytest
from matplotlib.colors import to_hex

from recovery_analytics import RecoveryAnalyticsError, UnknownClientError
from recovery_analytics.analytics import recurring, theme_balance
from recovery_analytics.charts import (
    plot_recurring,
    plot_strengths_weaknesses,
)
from recovery_analytics.charts._style import STATUS_STYLE

from ._data import entry, make_log


def texts(ax):
    # long notes are broken into lines at their " \u00b7 " separators
    return [t.get_text().replace("\n", " \u00b7 ") for t in ax.texts]


def ticklabels(ax, axis="y"):
    labels = ax.get_yticklabels() if axis == "y" else ax.get_xticklabels()
    return [t.get_text() for t in labels]


@pytest.fixture
def two_interviews():
    # themes by the keyword stand-in (tests/charts/_data.py):
    # went well: rapport (twice), technical (once)
    # went wrong: nerves (twice), conciseness + salary (one item with both themes)
    return make_log(
        [
            entry(
                "2026-03-04",
                ["Good rapport with the panel"],
                ["Nervous at the start", "Rambled on the salary question"],
            ),
            entry(
                "2026-03-18",
                ["Strong technical answers", "Warm rapport"],
                ["Blanked on a question"],
            ),
        ]
    )


def test_strengths_weaknesses_bars_by_hand(two_interviews) -> None:
    ax = plot_strengths_weaknesses(two_interviews)
    labels = ticklabels(ax)
    # most frequent on top; barh draws bottom-up, ties by name
    assert labels == ["technical", "salary", "conciseness", "rapport", "nerves"]
    widths = [p.get_width() for p in ax.patches]
    well, wrong = widths[:5], widths[5:]
    assert dict(zip(labels, well, strict=True)) == {
        "technical": 1,
        "salary": 0,
        "conciseness": 0,
        "rapport": 2,
        "nerves": 0,
    }
    assert dict(zip(labels, wrong, strict=True)) == {
        "technical": 0,
        "salary": -1,
        "conciseness": -1,
        "rapport": 0,
        "nerves": -2,
    }
    assert ax.get_title(loc="left") == "What went well and what went wrong, by theme"
    assert "\u2190 went wrong" in texts(ax) and "went well \u2192" in texts(ax)


def test_strengths_weaknesses_equal_theme_balance(sample) -> None:
    chloe = sample.filter(client="chloe")
    expected = theme_balance(chloe).set_index("theme")
    ax = plot_strengths_weaknesses(chloe, top=None)
    labels = ticklabels(ax)
    n = len(labels)
    assert sorted(labels) == sorted(t.replace("_", " ") for t in expected.index)
    widths = [p.get_width() for p in ax.patches]
    for label, w_well, w_wrong in zip(labels, widths[:n], widths[n:], strict=True):
        row = expected.loc[label.replace(" ", "_")]
        assert w_well == row["n_well"]
        assert w_wrong == -row["n_wrong"]
    assert "chloe \u00b7 n = 19 interviews \u00b7 an item with two themes counts twice" in texts(ax)


def test_strengths_weaknesses_top_hides_the_rest(sample) -> None:
    ax = plot_strengths_weaknesses(sample, top=3)
    assert len(ticklabels(ax)) == 3
    n_themes = len(theme_balance(sample))
    assert any(t.endswith(f"\u00b7 {n_themes - 3} more themes not shown") for t in texts(ax))


def test_recurring_bars_equal_recurring_shares(sample) -> None:
    amara = sample.filter(client="amara")
    expected = recurring(amara)
    expected = expected.loc[expected["n_interviews"] >= 2].set_index("theme")
    ax = plot_recurring(amara)
    labels = ticklabels(ax)
    assert sorted(labels) == sorted(expected.index)
    for label, patch in zip(labels, ax.patches, strict=True):
        row = expected.loc[label]
        assert patch.get_width() == pytest.approx(row["share"] * 100)
        assert to_hex(patch.get_facecolor()) == STATUS_STYLE[row["status"]]["color"].lower()
        assert patch.get_hatch() == (STATUS_STYLE[row["status"]]["hatch"] or None)
        assert f"in {row['n_interviews']} of 18" in texts(ax)
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == [
        STATUS_STYLE[s]["label"] for s in STATUS_STYLE if s in set(expected["status"])
    ]
    assert ax.get_title(loc="left") == "What keeps going wrong, by share of interviews"


def test_recurring_strengths(sample) -> None:
    ax = plot_recurring(sample, client="ben", polarity="well")
    expected = recurring(sample.filter(client="ben"), polarity="well")
    assert len(ax.patches) == int((expected["n_interviews"] >= 2).sum())
    assert ax.get_title(loc="left") == "What keeps going well, by share of interviews"


def test_recurring_from_a_frame_with_several_clients(sample) -> None:
    frame = recurring(sample)
    with pytest.raises(RecoveryAnalyticsError, match="amara, ben, chloe"):
        plot_recurring(frame)
    ax = plot_recurring(frame, client="ben")
    ben = frame.loc[(frame["client"] == "ben") & (frame["n_interviews"] >= 2)]
    assert sorted(p.get_width() for p in ax.patches) == pytest.approx(sorted(ben["share"] * 100))
    with pytest.raises(UnknownClientError, match="Known clients: amara, ben, chloe"):
        plot_recurring(frame, client="benn")


def test_recurring_nothing_recurs_yet(two_interviews) -> None:
    one = two_interviews.filter(end="2026-03-10")
    ax = plot_recurring(one)
    assert "One interview so far: nothing can recur yet" in texts(ax)


def test_bad_options(sample) -> None:
    with pytest.raises(RecoveryAnalyticsError, match="`polarity`"):
        plot_recurring(sample, client="ben", polarity="bad")
    with pytest.raises(RecoveryAnalyticsError, match="`top`"):
        plot_strengths_weaknesses(sample, top=0)
    with pytest.raises(RecoveryAnalyticsError, match="analytics.theme_balance"):
        plot_strengths_weaknesses(pd.DataFrame({"theme": ["x"]}))
