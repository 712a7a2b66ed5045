"""client_summary() and client_summary_records()."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from recovery_analytics.analytics import TRENDS, client_summary, client_summary_records

from ._builders import make_log

START = pd.Timestamp("2026-01-05")


def interviews(
    name: str, counts: list[tuple[int, int]], wrong_themes=None, well_themes=None
) -> list[dict]:
    """(well, wrong) counts per interview; the themed items of interview i are listed
    in ``wrong_themes[i]`` / ``well_themes[i]`` (one element per item), the rest are untagged."""
    out = []
    for i, (w, x) in enumerate(counts):
        wt = (wrong_themes or {}).get(i, [])
        gt = (well_themes or {}).get(i, [])
        out.append(
            dict(
                client=name,
                id=f"{name}-{i + 1}",
                date=(START + pd.Timedelta(weeks=i)).strftime("%Y-%m-%d"),
                well=gt + [None] * (w - len(gt)),
                wrong=wt + [None] * (x - len(wt)),
            )
        )
    return out


ENTRIES = [
    # ana: first half (1-3) 2+2+2 well / 1+1+2 wrong -> 6/10 = 0.6; second half (4-6) 0+1+1 / 3+3+2 -> 2/10 = 0.2
    *interviews(
        "ana",
        [(2, 1), (2, 1), (2, 2), (0, 3), (1, 3), (1, 2)],
        # salary in 1, 2 (resolved); technical in 2, 4, 5, 6; nerves in 5, 6; rambling in 6 only
        # (one item each; an item with several themes counts for each)
        wrong_themes={
            0: ["salary"],
            1: [["salary", "technical"]],
            3: ["technical"],
            4: [["technical", "nerves"]],
            5: [["technical", "nerves", "rambling"]],
        },
        well_themes={0: [["rapport", "examples"]], 1: ["rapport"]},
    ),
    # ben: first half (1-2) 1/3 -> 0.25; second half (3-5) 3/1 -> 0.75: more positive
    *interviews("ben", [(0, 2), (1, 1), (1, 0), (1, 1), (1, 0)]),
    # cara: first half 1/1 -> 0.5; second half 3 well / 2 wrong -> 0.6: +0.1, not more than 0.1
    *interviews("cara", [(1, 0), (0, 1), (1, 1), (1, 1), (1, 0)]),
    # dan: two interviews
    *interviews("dan", [(1, 0), (0, 1)]),
]


@pytest.fixture
def summary() -> pd.DataFrame:
    return client_summary(make_log(ENTRIES)).set_index("client")


def test_columns(summary) -> None:
    assert summary.reset_index().columns.tolist() == [
        "client",
        "interviews",
        "first_date",
        "last_date",
        "n_well",
        "n_wrong",
        "balance_first_half",
        "balance_second_half",
        "trend",
        "top_weaknesses",
        "top_strengths",
        "small_sample",
    ]
    assert set(summary["trend"]) <= set(TRENDS)


def test_halves_and_trend(summary) -> None:
    a = summary.loc["ana"]
    assert (a["n_well"], a["n_wrong"]) == (8, 12)
    assert a["balance_first_half"] == pytest.approx(0.6)
    assert a["balance_second_half"] == pytest.approx(0.2)
    assert a["trend"] == "less positive"
    assert summary.loc["ben", "balance_first_half"] == 0.25
    assert summary.loc["ben", "trend"] == "more positive"
    assert summary.loc["cara", "balance_second_half"] == pytest.approx(0.6)
    assert summary.loc["cara", "trend"] == "about the same"
    assert summary.loc["dan", "trend"] == "too few interviews to say"
    assert summary["small_sample"].tolist() == [False, False, False, True]


def test_top_weaknesses_and_strengths(summary) -> None:
    # technical (4 interviews), nerves (2); salary is resolved, rambling only once
    assert summary.loc["ana", "top_weaknesses"] == "technical, nerves"
    assert summary.loc["ana", "top_strengths"] == "rapport"  # examples only once
    assert summary.loc["ben", "top_weaknesses"] == ""
    assert (
        client_summary(make_log(ENTRIES), top=1).set_index("client").loc["ana", "top_weaknesses"]
        == "technical"
    )


def test_records_are_json_ready() -> None:
    log = make_log([*ENTRIES, dict(client="eve", date="2026-02-01")])  # eve: no items -> NaN halves
    records = client_summary_records(log)
    text = json.dumps(records, allow_nan=False)
    assert json.loads(text) == records
    eve = records[-1]
    assert eve["client"] == "eve"
    assert eve["first_date"] == "2026-02-01"
    assert eve["balance_first_half"] is None and eve["balance_second_half"] is None
    assert type(records[0]["interviews"]) is int
    assert type(records[0]["small_sample"]) is bool
    assert type(records[0]["balance_first_half"]) is float
    assert not any(isinstance(v, np.generic) for r in records for v in r.values())
