"""What a correct read of the intake holds, per client, derived from ``TRUTH``."""

from __future__ import annotations

import pandas as pd

from recovery_analytics import ReflectionLog

from ._build import TRUTH, Interview

__all__ = ["check_log", "expected_rows", "observed_rows"]


def _row(iv: Interview) -> tuple:
    return (
        pd.Timestamp(iv.day),
        iv.company or None,
        iv.stage,
        tuple(sorted(iv.well)) if iv.items_known else None,
        tuple(sorted(iv.wrong)) if iv.items_known else None,
    )


def expected_rows(truth: dict[str, list[Interview]] = TRUTH) -> dict[str, list[tuple]]:
    return {client: sorted(map(_row, ivs), key=str) for client, ivs in truth.items()}


def observed_rows(log: ReflectionLog, truth: dict[str, list[Interview]] = TRUTH) -> dict:
    items = log.items
    out: dict[str, list[tuple]] = {}
    for eid, row in log.interviews.iterrows():
        client = str(row["client"])
        known = all(iv.items_known for iv in truth.get(client, []))
        mine = items[items["entry_id"] == eid]

        def texts(polarity: str, mine: pd.DataFrame = mine) -> tuple[str, ...]:
            return tuple(sorted(mine.loc[mine["polarity"] == polarity, "text"].astype(str)))

        company = row["company"]
        stage = row["stage"]
        out.setdefault(client, []).append(
            (
                row["interview_date"],
                None if pd.isna(company) else str(company),
                None if pd.isna(stage) else str(stage),
                texts("well") if known else None,
                texts("wrong") if known else None,
            )
        )
    return {client: sorted(rows, key=str) for client, rows in out.items()}


def check_log(log: ReflectionLog, truth: dict[str, list[Interview]] = TRUTH) -> None:
    """Every client with exactly its interviews: dates, companies, stages, items."""
    assert sorted(log.clients) == sorted(truth)
    observed, expected = observed_rows(log, truth), expected_rows(truth)
    for client in truth:
        assert observed[client] == expected[client], client
    feelings = {
        (client, pd.Timestamp(iv.day), iv.stage): iv.feeling
        for client, ivs in truth.items()
        for iv in ivs
        if iv.feeling is not None
    }
    frame = log.interviews
    for (client, day, stage), feeling in feelings.items():
        match = frame[(frame["client"] == client) & (frame["interview_date"] == day)]
        if stage is not None:
            match = match[match["stage"] == stage]
        assert match["feeling"].tolist() == [feeling], (client, day)
