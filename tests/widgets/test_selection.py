"""The dashboard's data without widgets: selection, themes, the written list, merging."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from recovery_analytics.analytics._examples import example_log
from recovery_analytics.exceptions import RecoveryAnalyticsError, UnknownClientError
from recovery_analytics.widgets._dashboard_content import NO_SELECTION
from recovery_analytics.widgets._selection import (
    choose_client,
    export_link_html,
    export_name,
    in_load_order,
    merge_changes,
    select_log,
    theme_choices,
    theme_label,
    theme_note,
    written_html,
)


def test_merge_changes_removes_and_orders() -> None:
    log = example_log()
    fresh = log.filter(entry_ids=["ana-2"])
    without = merge_changes(log, None, ["ana-2", "ben-5"])
    assert list(without.interviews.index) == ["ana-1", "ben-4", "ana-3"]
    back = merge_changes(without, fresh, ["ana-2"])
    assert list(back.interviews.index) == ["ana-1", "ben-4", "ana-2", "ana-3"]
    assert list(back.items["entry_id"]) == [e for e in log.items["entry_id"] if e != "ben-5"]


def test_export_link_outside_the_notebook_folder() -> None:
    text = export_link_html(Path("/srv/out/r.html"), cwd=Path("/home/me"))
    assert 'href="file:///srv/out/r.html"' in text and "/srv/out/r.html" in text


def test_in_load_order_puts_interviews_by_date_and_items_after_them() -> None:
    log = example_log()
    shuffled = log.filter(entry_ids=list(reversed(log.interviews.index)))
    ordered = in_load_order(shuffled)
    dates = list(ordered.interviews["interview_date"])
    assert dates == sorted(dates)
    rank = {eid: i for i, eid in enumerate(ordered.interviews.index)}
    ranks = [rank[e] for e in ordered.items["entry_id"]]
    assert ranks == sorted(ranks)
    assert list(ordered.items.index) == list(range(len(ordered.items)))


def test_choose_client() -> None:
    log = example_log()
    assert choose_client(log, "ANA") == "ana"  # case does not matter
    assert choose_client(log) == "ana"  # no "me": the first
    assert choose_client(log.filter(client="ben")) == "ben"
    with pytest.raises(UnknownClientError, match="Known clients: ana, ben"):
        choose_client(log, "zoe")


def test_select_log_checks_its_arguments() -> None:
    log = example_log()
    with pytest.raises(RecoveryAnalyticsError, match="`polarity` must be one of"):
        select_log(log, polarity="sideways")
    with pytest.raises(RecoveryAnalyticsError, match="swap them"):
        select_log(log, start="2026-03-10", end="2026-03-01")
    assert len(select_log(log, client="ana")) == 3


def test_theme_choices_count_interviews_with_other_last() -> None:
    choices = theme_choices(example_log(), "both")
    counts = [n for _, n in choices if _ != "other"]
    assert counts == sorted(counts, reverse=True)
    if any(t == "other" for t, _ in choices):
        assert choices[-1][0] == "other"


def test_theme_words() -> None:
    assert theme_label("time_management") == "time management"
    assert theme_label("other") == "no theme yet"
    assert "under went well or went wrong" in theme_note("nerves", "both")


def test_written_html_escapes_and_says_when_empty() -> None:
    log = example_log()
    assert written_html(log, theme="no-such-theme") == "<p>" + NO_SELECTION + "</p>"
    text = written_html(log, limit=2)
    assert text.count("<li>") == 2 and "\u2026 and" in text


def test_export_name_has_no_name_when_anonymised() -> None:
    today = dt.date(2026, 3, 4)
    assert export_name("Ana Lima/x", "html", today=today) == "review-Ana-Lima-x-2026-03-04.html"
    assert export_name("Ana", "pdf", today=today, anonymize=True) == "review-2026-03-04.pdf"


def test_export_link_escapes_the_path(tmp_path: Path) -> None:
    text = export_link_html(tmp_path / "a&b" / "r.html", cwd=tmp_path)
    assert 'href="a%26b/r.html"' in text and "<code>a&amp;b/r.html</code>" in text
