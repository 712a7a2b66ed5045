"""``recovery-analytics report`` and ``recovery-analytics charts``."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from recovery_analytics.cli import main

from ..charts._data import SAMPLE, entry, make_log

TODAY = ["--today", "2026-09-01"]


@pytest.fixture
def two_clients(tmp_path: Path) -> Path:
    log = make_log(
        [
            entry(
                "2026-03-02",
                ["Good rapport with Zed"],
                ["Nervous"],
                company="Acme",
                feeling=2,
                plan_b=["[ ] Call Acme"],
            ),
            entry("2026-04-02", ["Clear answers"], ["Rambled"], company="Acme", feeling=3),
            {
                **entry("2026-03-10", ["Calm"], ["Salary question"], company="Blue Ltd"),
                "client": "zed",
            },
        ]
    )
    return log.to_jsonl(tmp_path / "log.jsonl")


def test_report_writes_a_review_packet(capsys, tmp_path: Path) -> None:
    out = tmp_path / "amara.pdf"
    assert main(["report", str(SAMPLE), "--client", "amara", "--out", str(out), *TODAY]) == 0
    assert f"Review packet for amara written to {out}" in capsys.readouterr().out
    assert PdfReader(out).metadata.title == "Review packet: amara"


def test_unknown_client_exits_1_listing_the_known_ones(
    capsys, two_clients: Path, tmp_path: Path
) -> None:
    out = tmp_path / "x.pdf"
    assert main(["report", str(two_clients), "--client", "dan", "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "There is no client 'dan' in this log. Known clients: dana, zed." in err
    assert not out.exists()


def test_several_clients_need_a_choice(capsys, two_clients: Path, tmp_path: Path) -> None:
    assert main(["report", str(two_clients), "--out", str(tmp_path / "x.pdf")]) == 1
    err = capsys.readouterr().err
    assert "2 clients (dana, zed)" in err and "--client all" in err
    assert list(tmp_path.iterdir()) == [two_clients]


def test_client_all_writes_an_anonymised_coach_packet(
    capsys, two_clients: Path, tmp_path: Path
) -> None:
    out = tmp_path / "coach.html"
    code = main(
        [
            "report",
            str(two_clients),
            "--client",
            "all",
            "--out",
            str(out),
            "--anonymize",
            "--anonymize-companies",
            *TODAY,
        ]
    )
    assert code == 0
    assert "Coach packet for 2 clients written to" in capsys.readouterr().out
    page = out.read_text()
    for name in ("dana", "zed", "Acme", "Blue Ltd"):  # whole words: the SVG font list has "verdana"
        assert not re.search(rf"\b{name}\b", page, re.IGNORECASE), name
    assert "Client A" in page and "Client B" in page


def test_one_client_needs_no_choice_and_dates_filter(capsys, tmp_path: Path) -> None:
    log = make_log([entry("2026-03-02", ["a"], ["b"]), entry("2026-05-02", ["c"], ["d"])])
    path = log.to_jsonl(tmp_path / "dana.jsonl")
    out = tmp_path / "dana.html"
    assert main(["report", str(path), "--out", str(out), "--start", "2026-04-01", *TODAY]) == 0
    assert "From one interview on 2 May 2026" in out.read_text()
    assert main(["report", str(path), "--out", str(out), "--start", "2027-01-01"]) == 1
    assert "run from 2026-03-02 to 2026-05-02" in capsys.readouterr().err


def test_charts_for_one_client(capsys, two_clients: Path, tmp_path: Path) -> None:
    out = tmp_path / "charts"
    assert (
        main(["charts", str(two_clients), "--out", str(out), "--format", "svg", "--client", "zed"])
        == 0
    )
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(
        f"{n}.svg"
        for n in (
            "balance",
            "strengths-weaknesses",
            "recurring-weaknesses",
            "recurring-strengths",
            "theme-timeline",
            "feeling",
            "follow-ups",
        )
    )
    printed = capsys.readouterr().out
    assert f"7 charts written to {out}:" in printed
    for name in names:
        assert str(out / name) in printed


def test_charts_for_every_client(capsys, two_clients: Path, tmp_path: Path) -> None:
    out = tmp_path / "charts"
    assert main(["charts", str(two_clients), "--out", str(out), "--format", "png"]) == 0
    assert (out / "client-themes.png").exists() and (out / "balance-grid.png").exists()
    assert (out / "dana" / "balance.png").exists() and (out / "zed" / "feeling.png").exists()
    assert "16 charts written" in capsys.readouterr().out


def test_charts_errors(capsys, two_clients: Path, tmp_path: Path) -> None:
    assert (
        main(["charts", str(two_clients), "--out", str(tmp_path / "c"), "--client", "nobody"]) == 1
    )
    assert "Known clients: dana, zed." in capsys.readouterr().err
    with pytest.raises(SystemExit) as info:
        main(["charts", str(two_clients), "--out", str(tmp_path / "c"), "--format", "jpg"])
    assert info.value.code == 2
