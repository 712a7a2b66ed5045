"""ReflectionLog: selecting clients and dates, putting logs together, writing them."""

from __future__ import annotations

from pathlib import Path

import pytest

from recovery_analytics import ReflectionLog, UnknownClientError, load
from recovery_analytics._log import match_client

from .analytics._builders import make_log


@pytest.fixture
def log() -> ReflectionLog:
    return make_log(
        [
            {"date": "2026-03-02", "client": "amara", "well": ["examples"]},
            {"date": "2026-03-09", "client": "ben", "wrong": ["nerves", None]},
            {"date": "2026-03-16", "client": "ben", "plan_b": [("practise", True)]},
        ]
    )


def test_clients_match_case_aside(log: ReflectionLog) -> None:
    assert log.check_client("BEN") == "ben"
    with pytest.raises(UnknownClientError, match="Known clients: amara, ben"):
        log.check_client("zoe")
    with pytest.raises(UnknownClientError, match=r"in this journal\. Known clients: \(none yet\)"):
        match_client("x", [], "this journal")


def test_filter_by_client_and_dates(log: ReflectionLog) -> None:
    ben = log.filter(client="ben")
    assert ben.interviews.index.tolist() == ["ben-2", "ben-3"]
    assert len(ben.items) == 2 and len(ben.actions) == 1
    march_9 = log.filter(start="2026-03-09", end="2026-03-09")
    assert march_9.interviews.index.tolist() == ["ben-2"]


def test_concat_keeps_the_first_copy(log: ReflectionLog) -> None:
    both = ReflectionLog.concat([log, log.filter(client="ben")])
    assert both.interviews.index.tolist() == log.interviews.index.tolist()
    assert len(both.items) == len(log.items)
    assert len(both.actions) == len(log.actions)


def test_written_logs_read_back(log: ReflectionLog, tmp_path: Path) -> None:
    for path in (log.to_csv(tmp_path / "a.csv"), log.to_jsonl(tmp_path / "a.jsonl")):
        back = load(path, taxonomy=False)
        assert back.entries() == log.entries()
    files = log.to_markdown(tmp_path / "md")
    assert len(files) == 3
    assert load(tmp_path / "md", taxonomy=False).entries() == log.entries()
