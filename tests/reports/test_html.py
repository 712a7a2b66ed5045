"""The packet's HTML comes from autoescaped Jinja2 templates shipped with the package."""

from __future__ import annotations

from importlib import resources

from recovery_analytics.reports._content import Packet, Section, Table
from recovery_analytics.reports._html import CSP, environment, render_html

from ._html_parse import parse

NASTY = "<script>alert(1)</script> & \"quotes\" 'too'"


def _draw(fig) -> None:
    fig.add_subplot().set_title(NASTY)


def _packet() -> Packet:
    return Packet(
        NASTY,
        NASTY,
        [
            Section(NASTY, [NASTY], note=NASTY),
            Section(NASTY, [NASTY], chart=_draw, bullets=[NASTY, NASTY]),
            Section(NASTY, table=Table([NASTY, "b"], [[NASTY, "x"], ["y", NASTY]])),
        ],
    )


def test_templates_are_package_data() -> None:
    folder = resources.files("recovery_analytics.reports") / "templates"
    for name in ("packet.html", "section.html", "packet.css"):
        assert (folder / name).is_file(), name
    assert environment().autoescape is True


def test_every_user_text_is_escaped_everywhere() -> None:
    page = render_html(_packet())
    assert "<script" not in page
    parsed = parse(page)
    assert [t for t, _ in parsed.tags if t == "script"] == []
    text = [t for t in parsed.text if NASTY in t]
    # title, 3 headings, 2 paragraphs, note, 2 bullets, 2 table cells, 1 table heading,
    # and the chart's title inside the SVG: every one reaches the reader as written
    assert len(text) == 1 + 3 + 2 + 1 + 2 + 3 + 1
    attrs = {tag: a for tag, a in parsed.tags if tag in ("figure", "meta") and a}
    assert attrs["figure"]["aria-label"] == NASTY
    description = [a for t, a in parsed.tags if t == "meta" and a.get("name") == "description"]
    assert description[0]["content"] == NASTY
    csp = [a for t, a in parsed.tags if t == "meta" and a.get("http-equiv")]
    assert csp[0]["content"] == CSP


def test_sections_keep_their_order_and_the_first_is_the_header() -> None:
    packet = Packet("T", "S", [Section(f"part {i}", [f"text {i}"]) for i in range(4)])
    parsed = parse(render_html(packet))
    headings = [t for t, _ in parsed.tags if t in ("h1", "h2")]
    assert headings == ["h1", "h2", "h2", "h2"]
    words = [t for t in parsed.text if t.startswith(("part", "text"))]
    assert words == [w for i in range(4) for w in (f"part {i}", f"text {i}")]
    assert [t for t, _ in parsed.tags if t in ("header", "section")] == ["header"] + ["section"] * 3
