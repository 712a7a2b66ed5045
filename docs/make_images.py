"""Draw the chart images shown in the README from the committed sample data.

From the repository root::

    .venv/bin/python docs/make_images.py

It rewrites ``docs/images/*.png`` (each well under 80 KB); the output is the
same bytes on every run with the same matplotlib minor version, sample data
and theme rules, so ``git diff`` shows only real changes.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")

from recovery_analytics import load  # noqa: E402
from recovery_analytics.charts import (  # noqa: E402
    plot_balance,
    plot_recurring,
    plot_strengths_weaknesses,
)
from recovery_analytics.reports import save_chart  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "sample"
IMAGES = ROOT / "docs" / "images"
DPI = 90


def main() -> list[Path]:
    log = load(SAMPLE, progress=False)
    charts = {
        # chloe: the balance improves from about 1 : 4 to 4 : 1
        "balance-over-time.png": plot_balance(log, client="chloe"),
        "strengths-vs-weaknesses.png": plot_strengths_weaknesses(log, client="amara", top=8),
        # amara: nerves came up in most early interviews, less often lately
        "recurring-weaknesses.png": plot_recurring(log, client="amara", top=8),
    }
    written = []
    for name, ax in charts.items():
        ax.figure.set_size_inches(8, 4.5)
        written.append(save_chart(ax, IMAGES / name, dpi=DPI))
    return written


if __name__ == "__main__":
    for path in main():
        print(f"{path.relative_to(ROOT)}  {path.stat().st_size // 1024} KB")
