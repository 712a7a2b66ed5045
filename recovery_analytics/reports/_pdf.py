"""A :class:`~._content.Packet` as a multi-page PDF (A4 landscape).

Pages are matplotlib Figures (not pyplot) written with ``PdfPages`` into
memory; the caller writes the bytes atomically. Text is embedded as TrueType
(``pdf.fonttype`` 42), so it can be searched and copied, and the file carries
no creation date.
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Final

import numpy as np
from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.figure import Figure

from ..charts._style import GREY, house_style
from ._content import Draw, Packet, Section, Table
from ._save import export_rc

__all__ = ["render_pdf"]

PAGE: Final = (11.69, 8.27)  # A4 landscape, inches
MARGIN: Final = 0.6
WRAP: Final = 115  # characters per line of body text
LINE: Final = 0.24  # inches per line of body text
TITLE_SPACE: Final = 0.95  # inches from the top of the page to the first line
FOOTER: Final = 0.5
TABLE_ROWS: Final = 18
CELL_CHARS: Final = 30


@dataclass
class _Page:
    title: str
    lines: list[str] = field(default_factory=list)  # already wrapped; "" for a gap
    chart: Draw | None = None
    table: Table | None = None
    note: str | None = None


def _wrap(text: str, *, bullet: bool = False) -> list[str]:
    if bullet:
        return textwrap.wrap(text, WRAP, initial_indent="\u2022  ", subsequent_indent="    ") or [
            "\u2022"
        ]
    return textwrap.wrap(text, WRAP) or [""]


def _body_lines(paragraphs: list[str]) -> list[str]:
    lines: list[str] = []
    for p in paragraphs:
        if lines:
            lines.append("")
        lines.extend(_wrap(p))
    return lines


def _lines_per_page() -> int:
    return int((PAGE[1] - TITLE_SPACE - FOOTER - 0.2) / LINE)


def _pages(section: Section) -> Iterator[_Page]:
    """One section as pages: the chart page, text (continued as needed), the table."""
    body = _body_lines(section.paragraphs)
    bullets: list[str] = []
    for b in section.bullets:
        bullets.extend(_wrap(b, bullet=True))
    title = section.title
    more = f"{section.title} (continued)"
    emitted = False
    rest = body
    if section.chart is not None:
        yield _Page(title, body[:8], chart=section.chart, note=section.note)
        title, rest, emitted = more, body[8:], True
    intro: list[str] = []
    if section.table is not None and not bullets and len(rest) <= 6:
        intro, rest = rest, []
    text = rest + ([""] if rest and bullets else []) + bullets
    if section.note and section.chart is None:
        text += ["", section.note] if text else [section.note]
    per_page = _lines_per_page()
    while text:
        yield _Page(title, text[:per_page])
        title, text, emitted = more, text[per_page:], True
    if section.table is not None:
        columns = section.table.columns
        rows = section.table.rows or [["(nothing to list)"] + [""] * (len(columns) - 1)]
        for start in range(0, len(rows), TABLE_ROWS):
            chunk = Table(columns, rows[start : start + TABLE_ROWS])
            yield _Page(title, intro if start == 0 else [], table=chunk)
            title, emitted = more, True
    if not emitted:
        yield _Page(title)


def _short(cell: str) -> str:
    return cell if len(cell) <= CELL_CHARS else cell[: CELL_CHARS - 1].rstrip() + "\u2026"


def _draw_page(page: _Page, header: str, number: int, total: int) -> Figure:
    fig = Figure(figsize=PAGE, layout="constrained" if page.chart else None)
    width, height = PAGE
    text_height = TITLE_SPACE + LINE * len(page.lines) + 0.15
    if page.chart is not None:
        parts = fig.subfigures(
            3, 1, height_ratios=[text_height, height - text_height - FOOTER, FOOTER]
        )
        top, bottom = np.asarray(parts).ravel()[:2]
        top_height = text_height
        canvas = top
    else:
        canvas = fig
        top_height = height

    def y(inches_from_top: float) -> float:
        return 1 - inches_from_top / top_height

    canvas.text(MARGIN / width, y(0.35), header, fontsize=9, color=GREY, va="baseline")
    canvas.text(MARGIN / width, y(0.8), page.title, fontsize=18, fontweight="bold",
                va="baseline")  # fmt: skip
    for i, line in enumerate(page.lines):
        canvas.text(MARGIN / width, y(TITLE_SPACE + 0.2 + LINE * i), line, fontsize=11,
                    va="baseline")  # fmt: skip
    if page.chart is not None:
        page.chart(bottom)
    if page.table is not None:
        top_of_table = TITLE_SPACE + 0.3 + LINE * len(page.lines)
        ax = fig.add_axes(
            (MARGIN / width, FOOTER / height, 1 - 2 * MARGIN / width,
             1 - (top_of_table + FOOTER) / height)
        )  # fmt: skip
        ax.set_axis_off()
        cells = [[_short(c) for c in row] for row in page.table.rows]
        table = ax.table(cellText=cells, colLabels=page.table.columns, loc="upper left",
                         cellLoc="left", colLoc="left")  # fmt: skip
        table.auto_set_font_size(False)
        table.set_fontsize(9)
        table.auto_set_column_width(list(range(len(page.table.columns))))
        table.scale(1, 1.5)
        for (r, _c), cell in table.get_celld().items():
            cell.set_edgecolor("#DDDDDD")
            if r == 0:
                cell.set_text_props(fontweight="bold")
                cell.set_facecolor("#F2F2F2")
    if page.note and page.chart is not None:
        fig.text(MARGIN / width, 0.2 / height, page.note, fontsize=9, color=GREY)
    fig.text(1 - MARGIN / width, 0.2 / height, f"page {number} of {total}", fontsize=9,
             color=GREY, ha="right")  # fmt: skip
    return fig


def render_pdf(packet: Packet) -> bytes:
    """The packet as the bytes of a PDF file, with Title and Subject metadata."""
    pages = [page for section in packet.sections for page in _pages(section)]
    buffer = io.BytesIO()
    metadata = {
        "Title": packet.title,
        "Subject": packet.subject,
        "Creator": "recovery_analytics",
        "CreationDate": None,
    }
    with house_style(), export_rc(), PdfPages(buffer, metadata=metadata) as pdf:
        for number, page in enumerate(pages, start=1):
            pdf.savefig(_draw_page(page, packet.title, number, len(pages)))
    return buffer.getvalue()
