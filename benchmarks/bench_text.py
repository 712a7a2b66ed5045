"""Benchmark the free-text splitter and polarity on the polarity sets in ``tests/text``.

Times, as the median of five runs over every sentence of the six sets:
``classify_polarity`` one sentence at a time with an empty cache, the
sentence splitter of ``recovery_analytics.text`` against pysbd on paragraphs
of four sentences, and ``split_free_text`` on the same paragraphs.

    .venv/bin/python benchmarks/bench_text.py             # print the figures
    .venv/bin/python benchmarks/bench_text.py --record    # and write them to RESULTS.md
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
import pysbd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks._common import median_time, record_section  # noqa: E402
from recovery_analytics.text import classify_polarity, split_free_text  # noqa: E402
from recovery_analytics.text._polarity import score  # noqa: E402
from recovery_analytics.text._segment import sentences  # noqa: E402

HEADING = "## Free text"
REPEAT = 5


def _cold_classify(texts: list[str]) -> None:
    score.cache_clear()
    for text in texts:
        classify_polarity([text])


def measure() -> str:
    """The section for RESULTS.md: one row per call, milliseconds per sentence."""
    texts: list[str] = []
    for path in sorted((ROOT / "tests" / "text").glob("polarity_*.csv")):
        texts += pd.read_csv(path, dtype="str", keep_default_na=False)["text"].tolist()
    paragraphs = [" ".join(texts[i : i + 4]) for i in range(0, len(texts), 4)]
    segmenter = pysbd.Segmenter(language="en", clean=False)
    calls = {
        "`classify_polarity`, one sentence at a time, empty cache": lambda: _cold_classify(texts),
        "sentence splitting, the package's rules": lambda: [sentences(p) for p in paragraphs],
        "sentence splitting, pysbd 0.3 (`clean=False`)": lambda: [
            segmenter.segment(p) for p in paragraphs
        ],
        "`split_free_text` (blocks, sentences, clauses, polarity), warm cache": lambda: [
            split_free_text(p) for p in paragraphs
        ],
    }
    rows = [
        f"| {name} | {1000 * median_time(call, REPEAT)[1] / len(texts):.3f} |"
        for name, call in calls.items()
    ]
    return "\n".join(
        [
            HEADING,
            "",
            f"`.venv/bin/python benchmarks/bench_text.py`: the {len(texts)} sentences of the "
            f"six sets in `tests/text`, in {len(paragraphs)} paragraphs of four; median of "
            f"{REPEAT} runs, CPU milliseconds per sentence.",
            "",
            "| call | CPU ms per sentence |",
            "|---|---:|",
            *rows,
        ]
    )


if __name__ == "__main__":
    section = measure()
    print(section)
    if "--record" in sys.argv[1:]:
        record_section(HEADING, section)
