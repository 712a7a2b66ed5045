"""One spelling for the options every export takes, checked once."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest

from recovery_analytics import RecoveryAnalyticsError
from recovery_analytics.analytics._examples import example_log
from recovery_analytics.reports import (
    ChartOptions,
    PacketOptions,
    ShareOptions,
    anonymize,
    coach_packet,
    pseudonyms,
    review_packet,
    write_charts,
)

SHARE = {"anonymize", "anonymize_companies", "anonymize_names", "pseudonym_key"}


def test_the_anonymising_options_are_spelled_the_same_everywhere() -> None:
    assert set(ShareOptions.__optional_keys__) == SHARE
    assert set(ChartOptions.__optional_keys__) == SHARE | {"period"}
    assert set(PacketOptions.__optional_keys__) == SHARE | {"period", "today"}
    assert SHARE <= set(inspect.signature(anonymize).parameters)
    assert {"anonymize", "anonymize_companies", "pseudonym_key"} <= set(
        inspect.signature(pseudonyms).parameters
    )


def test_output_locations_are_keyword_path_or_folder() -> None:
    for function, name in (
        (review_packet, "path"),
        (coach_packet, "path"),
        (write_charts, "folder"),
    ):
        parameter = inspect.signature(function).parameters[name]
        assert parameter.kind is inspect.Parameter.KEYWORD_ONLY, function.__name__
    with pytest.raises(TypeError):
        coach_packet(example_log(), "coach.pdf")  # type: ignore[misc]


@pytest.mark.parametrize(
    ("call", "wrong", "right"),
    [
        (
            lambda log, p, **o: review_packet(log, client="ana", path=p / "a.html", **o),
            "anonymise",
            "anonymize",
        ),
        (
            lambda log, p, **o: coach_packet(log, path=p / "c.html", **o),
            "anonymize_company",
            "anonymize_companies",
        ),
        (lambda log, p, **o: write_charts(log, folder=p, **o), "periods", "period"),
    ],
)
def test_a_misspelt_option_is_refused_with_the_right_name(
    call, wrong, right, tmp_path: Path
) -> None:
    with pytest.raises(
        TypeError, match=f"unexpected keyword argument '{wrong}' \\(did you mean '{right}'\\?\\)"
    ):
        call(example_log(), tmp_path, **{wrong: True})
    assert list(tmp_path.iterdir()) == []


def test_write_charts_takes_today_nowhere(tmp_path: Path) -> None:
    with pytest.raises(TypeError, match="'today'"):
        write_charts(example_log(), folder=tmp_path, today="2026-04-01")  # type: ignore[call-arg]


def test_write_charts_takes_a_period_and_hides_names(tmp_path: Path) -> None:
    log = example_log()
    written = write_charts(
        log,
        folder=tmp_path,
        fmt="svg",
        client="ana",
        period=("2026-02-01", None),
        anonymize=True,
        anonymize_names=["Zorblax"],
    )
    assert {p.parent for p in written} == {tmp_path}
    text = "".join(p.read_text() for p in written)
    assert "Client A" in text and re.search(r"\bana\b", text) is None
    # the period keeps the interviews from February on: the subtitle counts them
    kept = log.filter(client="ana", start="2026-02-01")
    assert f"n = {len(kept)} interviews" in (tmp_path / "balance.svg").read_text()


def test_a_period_that_is_not_a_pair_is_refused(tmp_path: Path) -> None:
    with pytest.raises(RecoveryAnalyticsError, match="`period`"):
        write_charts(example_log(), folder=tmp_path, period="2026")  # type: ignore[typeddict-item]
