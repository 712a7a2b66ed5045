"""attention(): every client, those needing attention first, with the reasons in words."""

from __future__ import annotations

import pandas as pd
import pytest

from recovery_analytics.analytics import ATTENTION_COLUMNS, attention, cohort

from ._builders import assert_unchanged, make_log, snapshot

TODAY = "2026-06-30"


def run(client: str, dates: list[str], wells: list[int], wrongs: list[int]) -> list[dict]:
    """Interviews of one client: ``wells[i]`` went-well and ``wrongs[i]`` went-wrong items."""
    return [
        dict(client=client, date=d, well=[None] * w, wrong=[None] * x)
        for d, w, x in zip(dates, wells, wrongs, strict=True)
    ]


SIX = [f"2026-06-{d:02d}" for d in (1, 5, 10, 15, 20, 25)]


@pytest.fixture(scope="module")
def log():
    return make_log(
        # dora: 6 recent interviews; window 3: previous 3 went-well of 4 items each
        # (share 0.75), current 1 of 4 (0.25): 50 points down -> declining
        run("dora", SIX, [3, 3, 3, 1, 1, 1], [1, 1, 1, 3, 3, 3])
        # eve: declining by less, 0.75 -> 0.5 = 25 points, and inactive (last 1 May, 60 days)
        + run(
            "eve",
            [d.replace("-06-", "-04-") for d in SIX[:5]] + ["2026-05-01"],
            [3, 3, 3, 2, 2, 2],
            [1, 1, 1, 2, 2, 2],
        )  # fmt: skip
        # finn: 6 steady interviews, last 25 June: no flag
        + run("finn", SIX, [2] * 6, [2] * 6)
        # gus: 2 interviews, the last 2 days ago: few interviews only
        + run("gus", ["2026-06-20", "2026-06-28"], [1, 1], [1, 1])
        # abe: steady and recent too, no flag
        + run("abe", SIX, [1] * 6, [1] * 6)
        # hal: inactive (last 1 March, 121 days) with 6 steady interviews
        + run(
            "hal", [d.replace("-06-", "-02-") for d in SIX[:5]] + ["2026-03-01"], [1] * 6, [1] * 6
        )  # fmt: skip
    )


def test_needing_attention_first_in_order(log) -> None:
    a = attention(log, today=TODAY, window=3)
    assert tuple(a.columns) == ATTENTION_COLUMNS
    # declining first - eve, declining and inactive, before dora, declining only (else
    # the larger drop would come first) - then inactive (hal), then few interviews (gus);
    # no flag last, by name (abe, finn)
    assert a["client"].tolist() == ["eve", "dora", "hal", "gus", "abe", "finn"]
    assert a["rank"].tolist() == [1, 2, 3, 4, 5, 6]
    assert a["needs_attention"].tolist() == [True, True, True, True, False, False]


def test_reasons_in_plain_words(log) -> None:
    a = attention(log, today=TODAY, window=3).set_index("client")
    assert a.loc["dora", "reasons"] == (
        "a smaller share went well lately: 50 points down over the last 3 interviews "
        "against the 3 before"
    )
    # eve's last interview, 1 May, is 60 days before 30 June
    assert a.loc["eve", "reasons"] == (
        "a smaller share went well lately: 25 points down over the last 3 interviews "
        "against the 3 before; no interview in 60 days"
    )
    assert a.loc["hal", "reasons"] == "no interview in 121 days"
    assert a.loc["gus", "reasons"] == "only 2 interviews so far"
    assert a.loc["finn", "reasons"] == ""


def test_flags_are_cohorts(log) -> None:
    a = attention(log, today=TODAY, window=3).set_index("client").sort_index()
    c = cohort(log, today=TODAY, window=3).set_index("client").sort_index()
    for flag in ("declining", "inactive", "small_sample", "days_since_last", "interviews"):
        pd.testing.assert_series_equal(a[flag], c[flag], check_names=False)
    assert (a["needs_attention"] == c[["declining", "inactive", "small_sample"]].any(axis=1)).all()


def test_options_reach_cohort(log) -> None:
    # with inactive_after=120 hal (121 days) is still inactive; with 121 he is not
    assert (
        attention(log, today=TODAY, window=3, inactive_after=120)
        .set_index("client")
        .loc["hal", "inactive"]
    )
    calm = attention(log, today=TODAY, window=3, inactive_after=121).set_index("client")
    assert not calm.loc["hal", "needs_attention"]
    # a tolerance of 0.5 (50 points) leaves nobody declining: dora's drop is exactly 50
    lenient = attention(log, today=TODAY, window=3, tolerance=0.5)
    assert not lenient["declining"].any()


def test_does_not_change_the_log(log) -> None:
    before = snapshot(log)
    attention(log, today=TODAY)
    assert_unchanged(log, before)


def test_larger_drop_first_among_the_same_flags() -> None:
    # both declining only: ivy 0.75 -> 0.25 (50 points), jo 0.75 -> 0.5 (25 points)
    log = make_log(
        run("jo", SIX, [3, 3, 3, 2, 2, 2], [1, 1, 1, 2, 2, 2])
        + run("ivy", SIX, [3, 3, 3, 1, 1, 1], [1, 1, 1, 3, 3, 3])
    )
    assert attention(log, today=TODAY, window=3)["client"].tolist() == ["ivy", "jo"]
