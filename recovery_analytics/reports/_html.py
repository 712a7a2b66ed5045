"""A :class:`~._content.Packet` as one self-contained HTML file.

Charts are inline SVG (text kept as text, ids made unique per chart); every
piece of user text goes through :func:`html.escape`; there are no scripts and
no external resources, and a Content-Security-Policy says so to the browser.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from typing import Final

from matplotlib.figure import Figure

from ..charts._style import house_style
from ._content import Packet, Section, Table
from ._save import render

__all__ = ["render_html"]

CSS: Final = """
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; color: #222;
       max-width: 62rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; }
.note { color: #666; }
h1 { font-size: 1.8rem; margin-bottom: .2rem; }
h2 { font-size: 1.35rem; margin-top: 2.5rem; border-bottom: 1px solid #ddd; }
figure { margin: 1rem 0; }
figure svg { max-width: 100%; height: auto; }
table { border-collapse: collapse; font-size: .92rem; }
th, td { text-align: left; padding: .3rem .6rem; border-bottom: 1px solid #e3e3e3;
         vertical-align: top; }
th { background: #f3f3f3; }
@media print { section { break-before: page; } }
"""

CSP: Final = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

_METADATA = re.compile(r"<metadata>.*?</metadata>\s*", re.DOTALL)
_ID = re.compile(r'\bid="([^"]+)"')
_REF = re.compile(r'(href="#|url\(#)([^")]+)')


def _esc(text: str) -> str:
    return html.escape(str(text), quote=True)


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


def _table(table: Table) -> str:
    head = "".join(f"<th>{_esc(c)}</th>" for c in table.columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{_esc(c)}</td>" for c in row) + "</tr>" for row in table.rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _section(section: Section, number: int, *, first: bool) -> str:
    tag = "h1" if first else "h2"
    parts = [f"<{tag}>{_esc(section.title)}</{tag}>"]
    parts += [f"<p>{_esc(p)}</p>" for p in section.paragraphs]
    if section.note:
        parts.append(f'<p class="note">{_esc(section.note)}</p>')
    if section.chart is not None:
        with house_style():
            fig = Figure(figsize=section.chart_size, layout="constrained")
            section.chart(fig)
        label = _esc(section.title)
        parts.append(
            f'<figure role="img" aria-label="{label}">{inline_svg(fig, f"c{number}-")}</figure>'
        )
    if section.bullets:
        parts.append("<ul>" + "".join(f"<li>{_esc(b)}</li>" for b in section.bullets) + "</ul>")
    if section.table is not None:
        parts.append(_table(section.table))
    if first:
        return "<header>" + "".join(parts) + "</header>"
    return "<section>" + "".join(parts) + "</section>"


def render_html(packet: Packet) -> str:
    """The packet as one HTML document (a string)."""
    body = "\n".join(
        _section(section, i, first=i == 0) for i, section in enumerate(packet.sections)
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_esc(packet.title)}</title>\n"
        f'<meta name="description" content="{_esc(packet.subject)}">\n'
        f"<style>{CSS}</style>\n</head>\n<body>\n<main>\n{body}\n</main>\n"
        '<footer class="note"><p>Made with recovery_analytics. These pages describe what was '
        "written down; they are not a grade.</p></footer>\n</body>\n</html>\n"
    )
