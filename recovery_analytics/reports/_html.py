"""A :class:`~._content.Packet` as one self-contained HTML file.

The markup lives in Jinja2 templates (``templates/packet.html`` and
``templates/section.html``, package data) with autoescape on, so every piece
of user text is escaped by the template engine; only the charts' SVG, made
here by matplotlib, is passed as markup. Charts are inline SVG (text kept as
text, ids made unique per chart); there are no scripts and no external
resources, and a Content-Security-Policy says so to the browser.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from typing import Any, Final

import jinja2
from markupsafe import Markup
from matplotlib.figure import Figure

from ..charts import house_style
from ._content import Packet, Section
from ._save import render

__all__ = ["CSP", "inline_svg", "render_html"]

CSP: Final = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

_METADATA = re.compile(r"<metadata>.*?</metadata>\s*", re.DOTALL)
_ID = re.compile(r'\bid="([^"]+)"')
_REF = re.compile(r'(href="#|url\(#)([^")]+)')


@cache
def environment() -> jinja2.Environment:
    """The template environment: the package's templates, autoescaped."""
    return jinja2.Environment(
        loader=jinja2.PackageLoader("recovery_analytics.reports", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )


def inline_svg(fig: Figure, prefix: str) -> str:
    """The figure as an ``<svg>`` element whose ids start with ``prefix``.

    matplotlib gives every SVG the same ids (``figure_1``, ``patch_1``, ...);
    several charts in one page need their own.
    """
    text = render(fig, "svg", metadata={"Creator": None}).decode("utf-8")
    text = text[text.index("<svg") :]
    text = _METADATA.sub("", text)  # the RDF block: namespaces and no content we need
    seen: Counter[str] = Counter()

    def unique(match: re.Match[str]) -> str:
        # a gid given to several artists (e.g. every bar of one kind) repeats in
        # the SVG; those are never referenced, so the repeats get a suffix
        name = match.group(1)
        seen[name] += 1
        suffix = f"-{seen[name]}" if seen[name] > 1 else ""
        return f'id="{prefix}{name}{suffix}"'

    text = _ID.sub(unique, text)
    return _REF.sub(lambda m: f"{m.group(1)}{prefix}{m.group(2)}", text)


def _view(section: Section, number: int) -> dict[str, Any]:
    """What the section template reads: the section's text and its chart as SVG."""
    svg = None
    if section.chart is not None:
        with house_style():
            fig = Figure(figsize=section.chart_size, layout="constrained")
            section.chart(fig)
        svg = Markup(inline_svg(fig, f"c{number}-"))  # matplotlib escapes the text in it
    return {
        "title": section.title,
        "paragraphs": section.paragraphs,
        "note": section.note,
        "svg": svg,
        "bullets": section.bullets,
        "table": section.table,
    }


def render_html(packet: Packet) -> str:
    """The packet as one HTML document (a string)."""
    sections = [_view(section, i) for i, section in enumerate(packet.sections)]
    template = environment().get_template("packet.html")
    return template.render(packet=packet, sections=sections, csp=CSP)
