"""Review and coach packets: pages, metadata, words on the cover, HTML safety."""

from __future__ import annotations

import re
import stat
from collections import Counter
from pathlib import Path

import matplotlib as mpl
import pytest
from pypdf import PdfReader

from recovery_analytics import RecoveryAnalyticsError, UnknownClientError
from recovery_analytics.analytics import client_summary, cohort, plan_b
from recovery_analytics.reports import coach_packet, review_packet

from ..charts._data import edge_cases, entry, make_log, one_interview
from ._html_parse import parse

TODAY = "2026-09-01"
REVIEW_SECTIONS = [
    "Review packet: amara",
    "What went well vs what went wrong, month by month",
    "Strengths and weaknesses by theme",
    "What keeps coming up under went wrong",
    "How each interview felt afterwards",
    "Plan B: open actions",
    "Asking for another conversation",
    "The interviews behind these pages",
]
NASTY = '<script>alert(1)</script> & "quotes"'


@pytest.fixture(scope="module")
def amara_pdf(sample, tmp_path_factory) -> Path:
    return review_packet(
        sample, client="Amara", path=tmp_path_factory.mktemp("p") / "amara.pdf", today=TODAY
    )


@pytest.fixture(scope="module")
def amara_html(sample, tmp_path_factory) -> str:
    return review_packet(
        sample, client="amara", path=tmp_path_factory.mktemp("p") / "amara.html", today=TODAY
    ).read_text()


def _pages(path: Path) -> list[str]:
    return [p.extract_text() for p in PdfReader(path).pages]


def test_pdf_pages_number_themselves_and_follow_the_sections(amara_pdf: Path) -> None:
    pages = _pages(amara_pdf)
    n = len(pages)
    assert n >= len(REVIEW_SECTIONS)  # every section starts a page; long ones continue
    for i, text in enumerate(pages, start=1):
        assert f"page {i} of {n}" in text
    firsts = [next(i for i, t in enumerate(pages) if title in t) for title in REVIEW_SECTIONS]
    assert firsts == sorted(firsts)


def test_pdf_metadata(amara_pdf: Path) -> None:
    meta = PdfReader(amara_pdf).metadata
    assert meta.title == "Review packet: amara"
    assert meta.subject == "Interview reflections of amara, from March to August 2026"
    assert "/CreationDate" not in meta


def test_cover_says_the_headline_numbers_in_words(sample, amara_pdf: Path) -> None:
    cover = " ".join(_pages(amara_pdf)[0].split())
    row = client_summary(sample.filter(client="amara")).iloc[0]
    # the item counts are the plain sums of the interviews' counts
    well = int(sample.filter(client="amara").interviews["n_well"].sum())
    wrong = int(sample.filter(client="amara").interviews["n_wrong"].sum())
    assert (well, wrong) == (row["n_well"], row["n_wrong"])
    assert (
        f"Across 18 interviews from March to August 2026, {well} things went well and {wrong} went wrong."
        in cover
    )
    plan = plan_b(sample.filter(client="amara"), today=TODAY).iloc[0]
    assert (
        f"Plan B: {plan['done']} of {plan['actions']} actions done, {plan['open']} still open."
        in cover
    )
    for verdict in ("good ratio", "bad ratio", "ideal", "3:1", "3 : 1", "failure"):
        assert verdict not in cover.casefold()


def test_small_samples_are_said_plainly(tmp_path: Path) -> None:
    cover = " ".join(
        _pages(
            review_packet(one_interview(), client="dana", path=tmp_path / "one.pdf", today=TODAY)
        )[0].split()
    )
    assert "From one interview on 4 March 2026, 1 thing went well and 1 went wrong." in cover
    assert "too early to see a trend \u2014 read these pages gently" in cover
    assert PdfReader(tmp_path / "one.pdf").metadata.subject.endswith("(few interviews so far)")


def test_period_selects_interviews(sample, tmp_path: Path) -> None:
    path = review_packet(
        sample, client="ben", path=tmp_path / "ben.pdf", period=("2026-06-01", None), today=TODAY
    )
    later = sample.filter(client="ben", start="2026-06-01")
    cover = " ".join(_pages(path)[0].split())
    assert f"Across {len(later)} interviews from June to August 2026" in cover


def test_empty_period_and_unknown_client_write_nothing(sample, tmp_path: Path) -> None:
    target = tmp_path / "x.pdf"
    with pytest.raises(RecoveryAnalyticsError, match="run from 2026-03-06 to 2026-08-24"):
        review_packet(sample, client="ben", path=target, period=("2030-01-01", "2030-12-31"))
    with pytest.raises(UnknownClientError, match="Known clients: amara, ben, chloe"):
        review_packet(sample, client="bne", path=target)
    with pytest.raises(RecoveryAnalyticsError, match=r"\.pdf or \.html"):
        review_packet(sample, client="ben", path=tmp_path / "x.docx")
    with pytest.raises(RecoveryAnalyticsError, match="`period`"):
        review_packet(sample, client="ben", path=target, period="2026")  # type: ignore[arg-type]
    with pytest.raises(RecoveryAnalyticsError, match="`today`"):
        review_packet(sample, client="ben", path=target, today="someday")
    assert list(tmp_path.iterdir()) == []


def test_html_is_one_self_contained_document(amara_html: str) -> None:
    parsed = parse(amara_html)
    tags = Counter(tag for tag, _ in parsed.tags)
    assert tags["svg"] == 5  # balance, strengths, recurring, feeling, follow-ups
    assert tags["script"] == tags["link"] == tags["img"] == tags["iframe"] == 0
    for _tag, attrs in parsed.tags:
        assert "src" not in attrs
        for name, value in attrs.items():
            if name in ("href", "xlink:href"):
                assert value.startswith("#"), value  # only references inside the page
    # every URL left is an XML namespace name, never something to fetch
    urls = set(re.findall(r"https?://[^\s\"')]+", amara_html))
    assert urls <= {"http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink"}
    ids = [attrs["id"] for _, attrs in parsed.tags if "id" in attrs]
    assert len(ids) == len(set(ids))  # several inline SVGs, no clashing ids
    text = " ".join(" ".join(parsed.text).split())
    for title in REVIEW_SECTIONS:
        assert title in text
    assert "Across 18 interviews from March to August 2026" in text


def test_html_escapes_user_text(tmp_path: Path) -> None:
    log = make_log(
        [
            {
                **entry(
                    "2026-03-02",
                    [NASTY],
                    [NASTY, "Nervous " + NASTY],
                    plan_b=["[ ] " + NASTY],
                    company=NASTY,
                    role=NASTY,
                ),
                "client": NASTY,
            },
            {
                **entry("2026-03-09", ["ok"], ["Nervous again " + NASTY]),
                "client": NASTY,
                "company": "B",
            },
        ]
    )
    page = review_packet(log, client=NASTY, path=tmp_path / "x.html", today=TODAY).read_text()
    assert "<script" not in page
    # markupsafe writes a double quote as &#34; (html.escape wrote &quot;): the same character
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#34;quotes&#34;" in page
    parsed = parse(page)
    assert not [t for t, _ in parsed.tags if t == "script"]
    text = " ".join(parsed.text)
    assert NASTY in text  # shown to the reader as written
    assert f"Review packet: {NASTY}" in text


def test_packets_are_owner_only(sample, tmp_path: Path, private_umask: None) -> None:
    path = review_packet(
        one_interview(), client="dana", path=tmp_path / "sub" / "p.html", today=TODAY
    )
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_rcparams_unchanged_by_packets(tmp_path: Path) -> None:
    before = {k: v for k, v in mpl.rcParams.items() if k != "backend"}
    review_packet(one_interview(), client="dana", path=tmp_path / "p.pdf", today=TODAY)
    review_packet(one_interview(), client="dana", path=tmp_path / "p.html", today=TODAY)
    assert {k: v for k, v in mpl.rcParams.items() if k != "backend"} == before


def test_coach_packet_pdf(sample, tmp_path: Path) -> None:
    path = coach_packet(sample, path=tmp_path / "coach.pdf", today=TODAY)
    reader = PdfReader(path)
    assert reader.metadata.title == "Coach packet: all clients"
    assert (
        reader.metadata.subject == "Interview reflections of 3 clients, from March to August 2026"
    )
    pages = [" ".join(p.extract_text().split()) for p in reader.pages]
    assert "3 clients, 60 interviews from March to August 2026." in pages[0]
    table = next(p for p in pages if "Clients at a glance" in p)
    rows = cohort(sample, today=TODAY)
    for row in rows.itertuples():
        assert f"{row.client} {row.interviews} {row.last_date:%d %b %Y}" in table
    for client in sample.clients:  # one short section each
        assert any(p.startswith(f"Coach packet: all clients {client} Across") for p in pages)


def test_coach_packet_flags_in_words(tmp_path: Path) -> None:
    # eli: last interview on 2 March, 183 days before "today" -> inactive (over 30 days)
    log = make_log(
        [entry("2026-03-02", ["a"], ["b"]), {**entry("2026-03-02", ["c"], []), "client": "eli"}]
    )
    page = coach_packet(log, path=tmp_path / "c.html", today=TODAY).read_text()
    text = " ".join(" ".join(parse(page).text).split())
    assert "no interview in 183 days; few interviews so far" in text
    assert "Worth a look: dana (no interview in 183 days; few interviews so far); eli" in text
    assert "Few interviews so far for dana, eli \u2014 read their figures gently." in text
    assert Counter(t for t, _ in parse(page).tags)["svg"] == 2


@pytest.mark.parametrize("case", ["one interview", "only positives", "no items"])
def test_tiny_logs_make_whole_packets(case: str, tmp_path: Path) -> None:
    log = edge_cases()[case]
    page = review_packet(log, client="dana", path=tmp_path / "r.html", today=TODAY).read_text()
    text = " ".join(" ".join(parse(page).text).split())
    assert "read these pages gently" in text
    assert Counter(t for t, _ in parse(page).tags)["svg"] == 5
    coach = coach_packet(log, path=tmp_path / "c.html", today=TODAY).read_text()
    assert "Few interviews so far for dana" in coach


@pytest.mark.parametrize("ext", ["pdf", "html"])
def test_same_log_same_day_same_bytes(ext: str, tmp_path: Path) -> None:
    first = review_packet(one_interview(), client="dana", path=tmp_path / f"a.{ext}", today=TODAY)
    second = review_packet(one_interview(), client="dana", path=tmp_path / f"b.{ext}", today=TODAY)
    assert first.read_bytes() == second.read_bytes()


def test_coach_packet_empty_period(sample, tmp_path: Path) -> None:
    with pytest.raises(RecoveryAnalyticsError, match="No interviews for these clients"):
        coach_packet(sample, path=tmp_path / "c.pdf", period=(None, "2020-01-01"))
    assert list(tmp_path.iterdir()) == []
