"""Shared helpers for the journal tests (fixtures live in conftest.py)."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pandas as pd
import sqlalchemy as sa

from recovery_analytics import ReflectionLog, load
from recovery_analytics.journal import Journal

WORKER = Path(__file__).with_name("journal_worker.py")


class TagsAsThemes:
    """A stand-in taxonomy: an item's themes are its own #tags.

    Tests that are not about themes stay independent of the theme rules, and
    a log tagged with it shows that the journal passed the taxonomy on.
    """

    def tag_items(self, texts: pd.Series, tags: pd.Series) -> pd.Series:
        return pd.Series([list(t) for t in tags], index=texts.index, dtype=object)


THEMES = TagsAsThemes()


def entry_dict(i: int, *, client: str = "ana") -> dict[str, Any]:
    """A complete, valid entry; ``i`` varies the date, company and ratings."""
    date = dt.date(2026, 1, 1) + dt.timedelta(days=i % 300)
    return {
        "client": client,
        "interview_date": date.isoformat(),
        "company": f"Company {i}",
        "role": "Data analyst",
        "stage": "technical",
        "format": "video",
        "reflected_on": date.isoformat(),
        "feeling": 1 + i % 5,
        "self_score": 1 + i % 10,
        "went_well": [f"Clear STAR story number {i} #examples", "Good rapport"],
        "went_wrong": [f"Rambled on question {i} #conciseness"],
        "connection": 1 + (i + 2) % 5,
        "employer_view": "They liked the story.\nI came across as nervous.",
        "plan_b": ["[x] Ask for feedback", "[ ] Practise a 60-second answer"],
        "follow_up_requested": i % 2 == 0,
        "follow_up_response": "pending",
        "questions_to_ask": ["What does success look like in 90 days?"],
        "outcome": "pending",
        "notes": f"Notes for interview {i}.",
    }


def snapshot(location: str) -> dict[str, Any]:
    """Everything a journal holds on disk, to show that nothing was written."""
    if location.startswith("postgresql"):
        engine = sa.create_engine(location)
        try:
            with engine.connect() as conn:
                tables = sa.inspect(conn).get_table_names()
                return {
                    table: conn.exec_driver_sql(f"SELECT * FROM {table} ORDER BY 1").all()
                    for table in sorted(tables)
                }
        finally:
            engine.dispose()
    if location.startswith("sqlite:///"):
        path = Path(location.removeprefix("sqlite:///"))
        out: dict[str, Any] = {}
        for suffix in ("", "-wal"):  # -shm is only an index SQLite rebuilds
            p = Path(f"{path}{suffix}")
            out[p.name] = p.read_bytes() if p.exists() else None
        with sqlite3.connect(path) as conn:
            out["rows"] = conn.execute("SELECT * FROM entries ORDER BY entry_id").fetchall()
        return out
    root = Path(location)
    return {
        str(p.relative_to(root)): (p.read_bytes() if p.is_file() else "dir")
        for p in sorted(root.rglob("*"))
    }


def canonical(log: ReflectionLog) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """A log's frames in entry-id order, without ``source`` (which says where)."""
    interviews = log.interviews.drop(columns="source").sort_index()
    items = log.items.sort_values("entry_id", kind="stable").reset_index(drop=True)
    actions = log.actions.sort_values("entry_id", kind="stable").reset_index(drop=True)
    return interviews, items, actions


def mode(path: Path | str) -> int:
    return os.stat(path).st_mode & 0o777


def worker(location: str, prefix: str, count: int, *, wait: bool = False) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(WORKER), location, prefix, str(count), *(["--wait"] if wait else [])],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def check_loads_cleanly(location: str) -> set[str]:
    """Every entry readable, no problems; returns the ids."""
    with Journal.open(location, taxonomy=THEMES) as journal:
        log = journal.log(errors="raise")
        assert log.problems.empty
        ids = set(log.interviews.index)
        assert {e.entry_id for e in journal.entries()} == ids
        assert len(journal) == len(ids)
    if location.startswith("sqlite:///"):
        with sqlite3.connect(location.removeprefix("sqlite:///")) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    elif not location.startswith("postgresql"):
        # load() itself, strict: leftover temporary files are hidden and skipped
        assert set(load(location, taxonomy=THEMES).interviews.index) == ids
    return ids
