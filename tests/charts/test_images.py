"""A few image comparisons, to catch what artist checks miss (overlaps, clipping).

The baselines in ``tests/charts/baseline/`` were drawn with matplotlib 3.11
under Agg, starting from ``matplotlib.rcdefaults()`` plus the house style.
Text rendering changes between matplotlib minor versions, so the comparison
is skipped on any other minor version (pyproject pins >=3.11,<3.12, so it
always runs in CI).

To redraw the baselines after an intended change of a chart::

    RECOVERY_ANALYTICS_REGEN_BASELINES=1 .venv/bin/pytest tests/charts/test_images.py -p no:cacheprovider

then look at every changed PNG before committing it.

The data are small hand-made analytics frames, so the images do not move
when the theme rules or the sample data change.
"""

from __future__ import annotations

import os
from pathlib import Path

import matplotlib as mpl
import numpy as np
import pandas as pd
import pytest
from matplotlib.testing.compare import compare_images

from recovery_analytics.charts import (
    plot_balance,
    plot_recurring,
    plot_strengths_weaknesses,
)
from recovery_analytics.reports import save_chart

BASELINE = Path(__file__).parent / "baseline"
PINNED = (3, 11)
REGEN = os.environ.get("RECOVERY_ANALYTICS_REGEN_BASELINES") == "1"
TOLERANCE = 5

pytestmark = pytest.mark.skipif(
    tuple(int(p) for p in mpl.__version__.split(".")[:2]) != PINNED,
    reason=f"image baselines are for matplotlib {PINNED[0]}.{PINNED[1]}; text rendering differs on {mpl.__version__}",
)


def _balance():
    periods = pd.DataFrame(
        {
            "client": "dana",
            "period": pd.to_datetime(["2026-03-01", "2026-04-01", "2026-05-01", "2026-06-01"]),
            "interviews": [3, 6, 5, 1],
            "n_well": [3, 12, 10, 3],
            "n_wrong": [4, 6, 3, 0],
            "ratio": [0.75, 2.0, 10 / 3, np.inf],
            "small_sample": [True, False, False, True],
        }
    )
    return plot_balance(periods)


def _strengths():
    frame = pd.DataFrame(
        {
            "theme": ["nerves", "technical", "rapport", "time_management"],
            "n_well": [1, 6, 4, 0],
            "n_wrong": [5, 2, 0, 3],
        }
    )
    return plot_strengths_weaknesses(frame)


def _recurring():
    frame = pd.DataFrame(
        {
            "theme": ["nerves", "rambling", "salary", "technical", "preparation"],
            "n_interviews": [8, 6, 3, 2, 4],
            "share": [8 / 12, 6 / 12, 3 / 12, 2 / 12, 4 / 12],
            "status": ["resolved", "worsening", "improving", "new", "recurring"],
            "group_interviews": [12] * 5,
        }
    )
    return plot_recurring(frame)


CHARTS = {"balance": _balance, "strengths_weaknesses": _strengths, "recurring": _recurring}


@pytest.mark.parametrize("name", sorted(CHARTS))
def test_chart_looks_like_its_baseline(name: str, tmp_path: Path) -> None:
    with mpl.rc_context():
        mpl.rcdefaults()
        ax = CHARTS[name]()
        ax.figure.set_size_inches(6.4, 3.6)
        expected = BASELINE / f"{name}.png"
        if REGEN:
            save_chart(ax, expected, dpi=72)
            pytest.skip(f"baseline written: {expected}")
        actual = save_chart(ax, tmp_path / f"{name}.png", dpi=72)
    assert expected.exists(), f"missing baseline {expected}; see this module's docstring"
    diff = compare_images(str(expected), str(actual), tol=TOLERANCE)
    assert diff is None, diff
