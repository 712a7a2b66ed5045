"""plot_feeling, plot_follow_ups, plot_client_themes and dashboard, through their artists."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from recovery_analytics import RecoveryAnalyticsError
from recovery_analytics.analytics import follow_ups, recovery
from recovery_analytics.charts import (
    plot_feeling,
    plot_follow_ups,
)

from ._data import entry, make_log


def texts(ax):
    # long notes are broken into lines at their " \u00b7 " separators
    return [t.get_text().replace("\n", " \u00b7 ") for t in ax.texts]


def line(ax, gid):
    found = [x for x in ax.lines if x.get_gid() == gid]
    assert len(found) == 1, gid
    return found[0]


def test_feeling_points_are_the_written_feelings_by_outcome() -> None:
    log = make_log(
        [
            entry("2026-03-02", feeling=2, outcome="rejected"),
            entry("2026-03-09", feeling=3, outcome="next_round"),
            entry("2026-03-30", feeling=4, outcome="next_round"),
            entry("2026-04-06", feeling=5, outcome="offer"),
            entry("2026-04-13"),  # no feeling, no outcome: not drawn
        ]
    )
    ax = plot_feeling(log)
    assert line(ax, "outcome-rejected").get_ydata().tolist() == [2.0]
    assert line(ax, "outcome-next_round").get_ydata().tolist() == [3.0, 4.0]
    assert line(ax, "outcome-offer").get_marker() == "*"
    # monthly mean by hand: March (2 + 3 + 4) / 3 = 3, April 5 / 1 = 5; both fewer than 5
    np.testing.assert_allclose(line(ax, "feeling-mean").get_ydata(), [3.0, 5.0])
    assert line(ax, "feeling-mean-small").get_markerfacecolor() == "white"
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert {"not this time", "next round", "offer", "fewer than 5 interviews"} <= set(legend)
    assert ax.get_ylim() == (0.5, 5.5)
    assert ax.get_title(loc="left") == "How each interview felt afterwards, and what happened next"


def test_feeling_line_equals_recovery(sample) -> None:
    ben = sample.filter(client="ben")
    ax = plot_feeling(ben)
    expected = recovery(ben).feeling_over_time
    np.testing.assert_allclose(
        line(ax, "feeling-mean").get_ydata(), expected["mean_feeling"].to_numpy(float)
    )
    ax = plot_feeling(recovery(sample), client="ben")  # the Recovery result works too
    np.testing.assert_allclose(
        line(ax, "feeling-mean").get_ydata(), expected["mean_feeling"].to_numpy(float)
    )
    with pytest.raises(RecoveryAnalyticsError, match="amara, ben, chloe"):
        plot_feeling(recovery(sample))


def test_feeling_none_recorded() -> None:
    ax = plot_feeling(make_log([entry("2026-03-02"), entry("2026-03-05")]))
    assert "No feelings recorded yet" in texts(ax)


def test_follow_ups_bars_equal_follow_ups(sample) -> None:
    chloe = sample.filter(client="chloe")
    ax = plot_follow_ups(chloe)
    outcomes = follow_ups(chloe, by=None).outcomes
    for patch_group in ("next_round", "rejected", "ghosted"):
        drawn = sorted(p.get_width() for p in ax.patches if p.get_gid() == f"outcome-{patch_group}")
        expected = outcomes.loc[(outcomes["outcome"] == patch_group) & (outcomes["n"] > 0), "n"]
        # a stacked bar per follow-up group: zero-width segments are drawn too
        assert [w for w in drawn if w] == sorted(expected.astype(float))
    labels = [t.get_text() for t in ax.get_yticklabels()]
    sizes = outcomes.groupby("follow_up", observed=True)["n"].sum()
    # asked on top, then did not ask (labels are given top to bottom)
    assert labels == [
        f"asked for another conversation\n(n = {sizes['requested']})",
        f"did not ask\n(n = {sizes['not_requested']})",
    ]
    assert any("side by side, not cause and effect" in t for t in texts(ax))


def test_follow_ups_by_hand() -> None:
    frame = pd.DataFrame(
        {
            "follow_up": ["requested", "requested", "not_requested"],
            "outcome": ["next_round", "rejected", "ghosted"],
            "n": [3, 1, 2],
        }
    )
    ax = plot_follow_ups(frame)
    # asked: 3 next round then 1 not this time, stacked from 0; did not ask: 2 no reply
    segs = sorted((p.get_y(), p.get_x(), p.get_width()) for p in ax.patches if p.get_width())
    assert [(x, w) for _, x, w in segs] == [(0.0, 2.0), (0.0, 3.0), (3.0, 1.0)]
