"""Anonymised sharing: pseudonyms replace names in the log before anything is drawn,
and no real name can be found in the PDF, HTML or SVG that comes out."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
from pypdf import PdfReader

from recovery_analytics.charts import plot_balance, plot_client_themes, plot_feeling
from recovery_analytics.reports import (
    anonymize,
    coach_packet,
    pseudonyms,
    review_packet,
    save_chart,
)

from ..charts._data import entry, make_log

CLIENTS = ["Priya", "Tomasz"]
COMPANIES = ["Globex Corporation", "Initech", "Orchard & Vine"]


@pytest.fixture(scope="module")
def named():
    """Names everywhere: items, plan B, employer's view, notes, questions, role."""
    priya = dict(client="Priya", company="Globex Corporation", role="Analyst at Globex Corporation")
    tomasz = dict(client="Tomasz", company="Initech", role="Engineer")
    return make_log(
        [
            entry(
                "2026-03-02",
                ["PRIYA kept calm", "Good rapport"],
                ["Nervous when they asked about Initech"],
                **priya,
                plan_b=[
                    "[ ] Email the Globex Corporation recruiter",
                    "[ ] Ask Tomasz for a mock interview before Initech",
                ],
                employer_view="They may have thought priya was nervous",
                notes="Priya's second try",
                questions_to_ask=["Why did Priya's team grow?"],
                feeling=2,
                outcome="rejected",
                follow_up_requested="yes",
                follow_up_response="granted",
            ),
            entry(
                "2026-03-20",
                ["Strong technical answers"],
                ["Rambled about Orchard & Vine"],
                **priya,
                feeling=3,
                outcome="next_round",
            ),
            entry(
                "2026-04-08",
                ["Clear stories"],
                ["Nervous again"],
                **{**priya, "company": "Orchard & Vine"},
                plan_b=["[ ] Practise with Priya's friend"],
                feeling=4,
                outcome="pending",
            ),
            entry(
                "2026-03-05",
                ["Tomasz explained the design well"],
                ["Rambled"],
                **tomasz,
                notes="Initech again; tomasz felt fine",
                feeling=3,
                outcome="ghosted",
            ),
            entry("2026-04-15", ["Good rapport"], ["Salary talk went badly"], **tomasz, feeling=2),
        ]
    )


def _leaks(text: str, names: list[str]) -> list[str]:
    return [n for n in names if re.search(re.escape(n), text, re.IGNORECASE)]


def _pdf_text(path: Path) -> str:
    reader = PdfReader(path)
    meta = " ".join(str(v) for v in (reader.metadata or {}).values())
    return meta + "\n" + "\n".join(page.extract_text() for page in reader.pages)


def test_pseudonyms_are_stable_and_sorted(named) -> None:
    names = pseudonyms(named, anonymize_companies=True)
    assert dict(names.clients) == {"Priya": "Client A", "Tomasz": "Client B"}
    assert dict(names.companies) == {
        "Globex Corporation": "Company 1",
        "Initech": "Company 2",
        "Orchard & Vine": "Company 3",
    }
    shuffled = named.filter(entry_ids=list(named.interviews.index[::-1]))
    assert pseudonyms(shuffled, anonymize_companies=True) == names
    assert dict(pseudonyms(named).companies) == {}  # companies only when asked
    assert dict(pseudonyms(named, anonymize=False, anonymize_companies=True).clients) == {}


def test_anonymize_replaces_every_text_and_keeps_the_input(named) -> None:
    before = [f.copy() for f in (named.interviews, named.items, named.actions)]
    shared = anonymize(named, anonymize_companies=True)
    for old, frame in zip(before, (named.interviews, named.items, named.actions), strict=True):
        pd.testing.assert_frame_equal(old, frame)  # the input is not changed
    blob = " ".join(
        f.astype(str).to_string() for f in (shared.interviews, shared.items, shared.actions)
    )
    assert _leaks(blob, CLIENTS + COMPANIES) == []
    assert shared.clients == ["Client A", "Client B"]
    assert shared.companies == ["Company 1", "Company 2", "Company 3"]
    texts = shared.items["text"].tolist()
    assert "Client A kept calm" in texts  # whole word, any case
    assert "Nervous when they asked about Company 2" in texts
    assert shared.actions["text"].tolist()[0] == "Email the Company 1 recruiter"
    assert shared.interviews["employer_view"].dropna().tolist() == [
        "They may have thought Client A was nervous"
    ]
    assert "Client A's second try" in shared.interviews["notes"].tolist()
    # the same figures as before: counts and dates are untouched
    pd.testing.assert_series_equal(
        shared.interviews["n_well"], named.interviews["n_well"].set_axis(shared.interviews.index)
    )
    # entry ids (derived from names) are replaced, consistently across the frames
    assert set(shared.items["entry_id"]) <= set(shared.interviews.index)
    assert not set(shared.interviews.index) & set(named.interviews.index)


def test_whole_words_only_and_me_is_not_a_name() -> None:
    log = make_log(
        [
            {
                **entry("2026-03-02", ["They asked me about Amaranth"], ["Amara's notes"]),
                "client": "Amara",
            },
            {**entry("2026-03-03", ["They asked me twice"], []), "client": "me"},
        ]
    )
    shared = anonymize(log)
    assert shared.items["text"].tolist() == [
        "They asked me about Amaranth",
        "Client A's notes",
        "They asked me twice",
    ]
    assert shared.clients == ["Client A", "Client B"]


def test_companies_only_keeps_client_names(named) -> None:
    shared = anonymize(named, anonymize=False, anonymize_companies=True)
    assert shared.clients == ["Priya", "Tomasz"]
    assert _leaks(" ".join(shared.items["text"]), COMPANIES) == []


def test_review_packet_pdf_has_no_real_name(named, tmp_path: Path) -> None:
    # sanity check first: without anonymising, the names are there to be found
    plain = _pdf_text(
        review_packet(named, client="Priya", path=tmp_path / "plain.pdf", today="2026-05-01")
    )
    assert set(_leaks(plain, CLIENTS + COMPANIES)) == set(CLIENTS + COMPANIES)
    text = _pdf_text(
        review_packet(
            named,
            client="priya",
            path=tmp_path / "a.pdf",
            anonymize=True,
            anonymize_companies=True,
            today="2026-05-01",
        )
    )
    assert _leaks(text, CLIENTS + COMPANIES) == []
    assert "Client A" in text and "Company 1" in text
    meta = PdfReader(tmp_path / "a.pdf").metadata
    assert meta.title == "Review packet: Client A"
    assert "Client A" in meta.subject


def test_review_packet_html_has_no_real_name(named, tmp_path: Path) -> None:
    page = review_packet(
        named,
        client="Tomasz",
        path=tmp_path / "a.html",
        anonymize=True,
        anonymize_companies=True,
        today="2026-05-01",
    ).read_text()
    assert _leaks(page, CLIENTS + COMPANIES) == []
    assert "Review packet: Client B" in page
    # escaped forms of names would hide from a plain search: check them too
    assert _leaks(page.replace("&amp;", "&"), COMPANIES) == []


def test_only_client_names_hidden_keeps_companies(named, tmp_path: Path) -> None:
    page = review_packet(
        named, client="Priya", path=tmp_path / "c.html", anonymize=True, today="2026-05-01"
    ).read_text()
    assert _leaks(page, CLIENTS) == []
    assert "Globex Corporation" in page


def test_coach_packet_has_no_real_name(named, tmp_path: Path) -> None:
    text = _pdf_text(
        coach_packet(
            named,
            path=tmp_path / "coach.pdf",
            anonymize=True,
            anonymize_companies=True,
            today="2026-05-01",
        )
    )
    assert _leaks(text, CLIENTS + COMPANIES) == []
    assert "Client A" in text and "Client B" in text
    page = coach_packet(
        named,
        path=tmp_path / "coach.html",
        anonymize=True,
        anonymize_companies=True,
        today="2026-05-01",
    ).read_text()
    assert _leaks(page.replace("&amp;", "&"), CLIENTS + COMPANIES) == []


@pytest.mark.parametrize("draw", [plot_balance, plot_feeling])
def test_svg_of_an_anonymised_chart_has_no_real_name(named, tmp_path: Path, draw) -> None:
    shared = anonymize(named, anonymize_companies=True)
    svg = save_chart(draw(shared, client="Client A"), tmp_path / "c.svg").read_text()
    assert _leaks(svg, CLIENTS + COMPANIES) == []
    assert "Client A" in svg
    grid = save_chart(plot_client_themes(shared), tmp_path / "g.svg").read_text()
    assert _leaks(grid, CLIENTS) == []
    assert "Client B" in grid
