"""A :class:`~._content.Packet` as a multi-page PDF (A4 landscape).

Pages are matplotlib Figures (not pyplot) written with ``PdfPages`` into
memory; the caller writes the bytes atomically. Text is embedded as TrueType
(``pdf.fonttype`` 42), so it can be searched and copied, and the file carries
no creation date.

The layout measures text (see :mod:`._layout`): lines are wrapped to the
page's width, a page ends when the next line or table row would not fit
above the footer, and table cells wrap inside columns sized to their
contents, so nothing is cut. Positions are in inches from the top-left
corner of the page.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Final

import numpy as np
from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from ..charts import house_style
from ._content import Draw, Packet, Section, Table
from ._layout import Measure, column_widths, fit, wrap
from ._save import export_rc

__all__ = ["draw_pages", "render_pdf"]

PAGE: Final = (11.69, 8.27)  # A4 landscape, inches
MARGIN: Final = 0.6
WIDTH: Final = PAGE[0] - 2 * MARGIN  # of the text
FOOTER: Final = 0.5  # the page number and the note live below this
BOTTOM: Final = PAGE[1] - FOOTER  # nothing of the body goes lower
HEAD_Y: Final = 0.35  # baseline of the running head
TITLE_Y: Final = 0.8  # baseline of the page title's first line
TITLE_LINE: Final = 0.32
TITLE_SPACE: Final = 0.95  # where the body starts under a one-line title
BODY: Final = 11  # points
LINE: Final = 0.24  # inches per line of body text
ASCENT: Final = 0.2  # from the top of a line to its baseline
INDENT: Final = 0.25  # of a bullet's text
CHART_MIN: Final = 4.5  # inches a chart keeps at least, below the text on its page
CELL: Final = 9  # points
CELL_LINE: Final = 0.17
CELL_PAD: Final = 0.07
CELL_ASCENT: Final = 0.13
GREY: Final = "#6E6E6E"  # the charts' grey, for the running head and the folio


@dataclass
class _Text:
    x: float
    y: float  # baseline
    text: str
    size: float = BODY
    weight: str = "normal"


@dataclass
class _Cell:
    x: float
    y: float  # top
    width: float
    height: float
    lines: list[str]
    header: bool


@dataclass
class _Page:
    texts: list[_Text] = field(default_factory=list)
    cells: list[_Cell] = field(default_factory=list)
    chart: Draw | None = None
    chart_top: float = 0.0
    note: str | None = None


@dataclass
class _Line:
    text: str
    x: float = 0.0  # indent from the margin
    bullet: bool = False


class _Flow:
    """Pages of one section, filled from the top; a new page when a block does not fit."""

    def __init__(self, title: str, measure: Measure) -> None:
        self.title, self.measure = title, measure
        self.pages: list[_Page] = []
        self.cursor = 0.0
        self.fresh = True  # nothing below the page's title yet
        self.new_page()

    def new_page(self) -> None:
        title = self.title if not self.pages else f"{self.title} (continued)"
        page = _Page()
        lines = wrap(title, WIDTH, self.measure, size=18, weight="bold")
        for i, line in enumerate(lines):
            page.texts.append(_Text(MARGIN, TITLE_Y + TITLE_LINE * i, line, 18, "bold"))
        self.pages.append(page)
        self.cursor = TITLE_SPACE + TITLE_LINE * (len(lines) - 1)
        self.fresh = True

    @property
    def page(self) -> _Page:
        return self.pages[-1]

    def room(self) -> float:
        return BOTTOM - self.cursor

    def line(self, line: _Line) -> None:
        if LINE > self.room() and not self.fresh:
            self.new_page()
        baseline = self.cursor + ASCENT
        if line.bullet:
            self.page.texts.append(_Text(MARGIN + line.x - INDENT, baseline, "\u2022"))
        self.page.texts.append(_Text(MARGIN + line.x, baseline, line.text))
        self.cursor += LINE
        self.fresh = False

    def gap(self) -> None:
        if not self.fresh:
            self.cursor += LINE

    def table(self, table: Table) -> None:
        widths = _widths(table, self.measure)
        header = _row_lines(table.columns, widths, self.measure, bold=True)
        rows = [_row_lines(cells, widths, self.measure) for cells in table.rows]
        self.cursor += 0.1
        if _height(header) + (_height(rows[0]) if rows else 0) > self.room() and not self.fresh:
            self.new_page()
        self._row(header, widths, header=True)
        for row in rows:
            lines: list[list[str]] | None = row
            while lines is not None:
                if _height(lines) > self.room() and not self._only_header():
                    self.new_page()
                    self._row(header, widths, header=True)
                lines = self._row(lines, widths, header=False)

    def _only_header(self) -> bool:
        return all(c.header for c in self.page.cells) and bool(self.page.cells)

    def _row(
        self, lines: list[list[str]], widths: list[float], *, header: bool
    ) -> list[list[str]] | None:
        """Place a row; a row taller than the page is split, and the rest returned."""
        fits = max(1, int((self.room() - 2 * CELL_PAD) / CELL_LINE))
        now, rest = [c[:fits] for c in lines], [c[fits:] for c in lines]
        height = _height(now)
        x = MARGIN
        for width, cell in zip(widths, now, strict=True):
            self.page.cells.append(_Cell(x, self.cursor, width, height, cell, header))
            x += width
        self.cursor += height
        self.fresh = False
        return rest if any(rest) else None


def _height(lines: list[list[str]]) -> float:
    return 2 * CELL_PAD + CELL_LINE * max([1, *(len(c) for c in lines)])


def _widths(table: Table, measure: Measure) -> list[float]:
    """Column widths: as wide as the contents, shared out when the page is too narrow."""
    natural, minimum = [], []
    for i, heading in enumerate(table.columns):
        cells = [row[i] for row in table.rows if i < len(row)]
        texts = [(heading, "bold")] + [(c, "normal") for c in cells]
        widest = max(measure.width(t, CELL, w) for t, w in texts)
        natural.append(widest + 2 * CELL_PAD + 0.01)  # a little room for rounding
        words = [(word, w) for t, w in texts for word in t.split()] or [("", "normal")]
        longest = max(measure.width(word, CELL, w) for word, w in words)
        minimum.append(min(longest, 1.5) + 2 * CELL_PAD)
    return column_widths(natural, minimum, WIDTH)


def _row_lines(
    cells: list[str], widths: list[float], measure: Measure, *, bold: bool = False
) -> list[list[str]]:
    weight = "bold" if bold else "normal"
    padded = list(cells) + [""] * (len(widths) - len(cells))
    return [
        wrap(text, width - 2 * CELL_PAD, measure, size=CELL, weight=weight)
        for text, width in zip(padded, widths, strict=True)
    ]


def _paragraph_lines(paragraphs: list[str], measure: Measure) -> list[_Line]:
    lines: list[_Line] = []
    for p in paragraphs:
        if lines:
            lines.append(_Line(""))
        lines.extend(_Line(t) for t in wrap(p, WIDTH, measure, size=BODY))
    return lines


def _bullet_lines(bullets: list[str], measure: Measure) -> list[_Line]:
    lines = []
    for b in bullets:
        for i, text in enumerate(wrap(b, WIDTH - INDENT, measure, size=BODY)):
            lines.append(_Line(text, INDENT, bullet=i == 0))
    return lines


def _flow_lines(flow: _Flow, lines: list[_Line]) -> None:
    for line in lines:
        if line.text or line.bullet:
            flow.line(line)
        else:
            flow.gap()


def _pages(section: Section, measure: Measure) -> list[_Page]:
    """One section as pages: the chart with what text fits above it, then the rest."""
    flow = _Flow(section.title, measure)
    body = _paragraph_lines(section.paragraphs, measure)
    if section.chart is not None:
        fits = max(0, int((BOTTOM - CHART_MIN - flow.cursor) / LINE))
        _flow_lines(flow, body[:fits])
        flow.page.chart, flow.page.note = section.chart, section.note
        flow.page.chart_top = min(flow.cursor + 0.15, BOTTOM - 1.0)  # a title of a page
        body = body[fits:]
        if body or section.bullets or section.table is not None:
            flow.new_page()
    _flow_lines(flow, body)
    bullets = _bullet_lines(section.bullets, measure)
    if bullets:
        flow.gap()
        _flow_lines(flow, bullets)
    if section.note and section.chart is None:
        flow.gap()
        _flow_lines(flow, [_Line(t) for t in wrap(section.note, WIDTH, measure, size=BODY)])
    if section.table is not None:
        table = section.table
        if not table.rows:
            table = Table(table.columns, [["(nothing to list)"] + [""] * (len(table.columns) - 1)])
        flow.table(table)
    return flow.pages


def _draw(page: _Page, header: str, number: int, total: int, measure: Measure) -> Figure:
    width, height = PAGE
    fig = Figure(figsize=PAGE, layout="constrained" if page.chart else None)

    def text(x: float, y: float, s: str, **kwargs: Any) -> None:
        fig.text(x / width, 1 - y / height, s, va="baseline", parse_math=False, **kwargs)

    if page.chart is not None:
        parts = fig.subfigures(
            3,
            1,
            height_ratios=[page.chart_top, BOTTOM - page.chart_top, FOOTER],
            facecolor="none",  # the page's own text shows through
        )
        page.chart(np.asarray(parts).ravel()[1])
    text(MARGIN, HEAD_Y, fit(header, WIDTH, measure, size=9), fontsize=9, color=GREY)
    for t in page.texts:
        text(t.x, t.y, t.text, fontsize=t.size, fontweight=t.weight)
    for cell in page.cells:
        fig.add_artist(
            Rectangle(
                (cell.x / width, 1 - (cell.y + cell.height) / height),
                cell.width / width,
                cell.height / height,
                transform=fig.transFigure,
                facecolor="#F2F2F2" if cell.header else "none",
                edgecolor="#DDDDDD",
                linewidth=0.8,
            )
        )
        for i, line in enumerate(cell.lines):
            y = cell.y + CELL_PAD + CELL_ASCENT + CELL_LINE * i
            weight = "bold" if cell.header else "normal"
            text(cell.x + CELL_PAD, y, line, fontsize=CELL, fontweight=weight)
    folio = f"page {number} of {total}"
    text(width - MARGIN, height - 0.2, folio, fontsize=9, color=GREY, ha="right")
    if page.note and page.chart is not None:
        room = WIDTH - measure.width(folio, 9) - 0.3
        text(MARGIN, height - 0.2, fit(page.note, room, measure, size=9), fontsize=9, color=GREY)
    return fig


def draw_pages(packet: Packet) -> Iterator[Figure]:
    """Each page of the packet as a Figure, in order (drawn in the house style)."""
    with house_style():
        measure = Measure()
        pages = [page for section in packet.sections for page in _pages(section, measure)]
        for number, page in enumerate(pages, start=1):
            yield _draw(page, packet.title, number, len(pages), measure)


def render_pdf(packet: Packet) -> bytes:
    """The packet as the bytes of a PDF file, with Title and Subject metadata."""
    buffer = io.BytesIO()
    metadata = {
        "Title": packet.title,
        "Subject": packet.subject,
        "Creator": "recovery_analytics",
        "CreationDate": None,
    }
    with house_style(), export_rc(), PdfPages(buffer, metadata=metadata) as pdf:
        for fig in draw_pages(packet):
            pdf.savefig(fig)
    return buffer.getvalue()
