"""The heatmaps (theme x period, client x theme), checked against analytics and by hand."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from recovery_analytics import RecoveryAnalyticsError
from recovery_analytics.analytics import cohort_themes, timeline, timeline_wide
from recovery_analytics.charts import plot_client_themes, plot_theme_timeline

from ._data import entry, make_log


def texts(ax):
    # long notes are broken into lines at their " \u00b7 " separators
    return [t.get_text().replace("\n", " \u00b7 ") for t in ax.texts]


def ticklabels(ax, axis="y"):
    labels = ax.get_yticklabels() if axis == "y" else ax.get_xticklabels()
    return [t.get_text() for t in labels]


def test_timeline_cells_equal_timeline(sample) -> None:
    amara = sample.filter(client="amara")
    ax = plot_theme_timeline(amara, top=None)
    wide = timeline_wide(timeline(amara))
    np.testing.assert_array_equal(ax.images[0].get_array(), wide.to_numpy(float))
    assert ticklabels(ax) == [t.replace("_", " ") for t in wide.index]
    sizes = timeline(amara).groupby("period")["period_interviews"].first()
    assert ticklabels(ax, "x") == [
        f"{p:%b %Y}\n{n} interview{'s' if n != 1 else ''}" for p, n in sizes.items()
    ]
    # every cell shows its count
    cells = [t for t in texts(ax) if t.isdigit()]
    assert len(cells) == wide.size
    assert ax.get_title(loc="left") == "How often each theme came up in what went wrong, by month"


def test_timeline_by_items_and_well(sample) -> None:
    ax = plot_theme_timeline(sample, polarity="well", value="n_items", top=4)
    wide = timeline_wide(timeline(sample, polarity="well"), values="n_items")
    np.testing.assert_array_equal(ax.images[0].get_array(), wide.head(4).to_numpy(float))
    assert any("numbers are items per month" in t for t in texts(ax))


def test_timeline_from_a_frame_by_hand() -> None:
    frame = pd.DataFrame(
        {
            "theme": ["nerves", "nerves", "rambling", "rambling"],
            "period": pd.to_datetime(["2026-03-01", "2026-04-01"] * 2),
            "n_items": [3, 0, 1, 2],
            "n_interviews": [2, 0, 1, 2],
        }
    )
    ax = plot_theme_timeline(frame)
    # totals: nerves 2, rambling 3 -> rambling first
    assert ticklabels(ax) == ["rambling", "nerves"]
    assert ax.images[0].get_array().tolist() == [[1.0, 2.0], [2.0, 0.0]]
    assert ticklabels(ax, "x") == ["Mar 2026", "Apr 2026"]


def test_client_themes_cells_equal_cohort_themes(sample) -> None:
    ax = plot_client_themes(sample, top=None)
    expected = cohort_themes(sample).pivot(index="client", columns="theme", values="share") * 100
    themes = [t.get_text() for t in ax.get_xticklabels()]
    grid = ax.images[0].get_array()
    for j, theme in enumerate(themes):
        np.testing.assert_allclose(grid[:, j], expected[theme.replace(" ", "_")].to_numpy())
    rows = [t.get_text() for t in ax.get_yticklabels()]
    assert rows == ["amara (n = 18)", "ben (n = 23)", "chloe (n = 19)"]


def test_client_themes_marks_small_clients() -> None:
    log = make_log(
        [
            entry("2026-03-02", wrong=["Nervous"]),
            {**entry("2026-03-03", wrong=["Rambled"]), "client": "eli"},
        ]
    )
    ax = plot_client_themes(log)
    assert any("read gently" in t for t in texts(ax))
    assert all(t.get_fontstyle() == "italic" for t in ax.get_yticklabels())


def test_bad_options(sample) -> None:
    with pytest.raises(RecoveryAnalyticsError, match="`value`"):
        plot_theme_timeline(sample, value="share")
    with pytest.raises(RecoveryAnalyticsError, match="`top`"):
        plot_client_themes(sample, top=0)
    with pytest.raises(RecoveryAnalyticsError, match="analytics.cohort_themes"):
        plot_client_themes(pd.DataFrame({"client": ["x"]}))
