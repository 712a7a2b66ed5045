"""The PDF layout measures text: nothing runs off the page, no table cell is cut."""

from __future__ import annotations

import io
import re

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.patches import Rectangle
from pypdf import PdfReader

from recovery_analytics.reports._content import Packet, Section, Table
from recovery_analytics.reports._layout import Measure, wrap
from recovery_analytics.reports._pdf import MARGIN, PAGE, draw_pages, render_pdf

DPI = 288  # the resolution the layout measures at
LONG_WORD = "Supercalifragilistic" * 15  # far wider than a page


def _words(text: str) -> list[str]:
    return re.findall(r"\S+", text)


def _long_packet() -> Packet:
    name = "Maximiliana " * 20
    return Packet(
        f"Review packet: {name}",
        "subject",
        [
            Section(f"Review packet: {name}", [LONG_WORD, "word " * 400], note="note " * 60),
            Section(
                "Chart " + LONG_WORD,
                ["a chart " * 80],
                chart=lambda fig: fig.add_subplot().plot([1, 2]),
                note="A note under the chart " * 20,
            ),
            Section("Bullets", bullets=[LONG_WORD, "bullet " * 200] * 3),
            Section("Table", table=Table(["a", LONG_WORD], [[LONG_WORD, "cell " * 90]] * 3)),
        ],
    )


def _page_figures(packet: Packet):
    for fig in draw_pages(packet):
        FigureCanvasAgg(fig)
        fig.set_dpi(DPI)
        yield fig


def test_no_text_or_cell_leaves_the_page() -> None:
    width, height = PAGE[0] * DPI, PAGE[1] * DPI
    left, right = MARGIN * DPI - 1, (PAGE[0] - MARGIN) * DPI + 1
    pages = 0
    for fig in _page_figures(_long_packet()):
        pages += 1
        renderer = fig.canvas.get_renderer()
        assert fig.texts
        for text in fig.texts:
            box = text.get_window_extent(renderer)
            assert left <= box.x0 and box.x1 <= right, (text.get_text()[:40], box)
            assert 0 <= box.y0 and box.y1 <= height, (text.get_text()[:40], box)
        for patch in fig.artists:
            assert isinstance(patch, Rectangle)
            box = patch.get_window_extent(renderer)
            assert left <= box.x0 and box.x1 <= right and 0 <= box.y0 and box.y1 <= height
            assert box.x1 <= width
    assert pages > 4  # the long text went on to further pages rather than off this one


def test_wrapped_lines_fit_and_keep_every_word() -> None:
    measure = Measure()
    text = f"short {LONG_WORD} words " * 5
    lines = wrap(text, 3.0, measure, size=11)
    assert all(measure.width(line, 11) <= 3.0 for line in lines)
    assert "".join("".join(lines).split()) == "".join(text.split())


def test_a_table_with_long_cells_is_complete() -> None:
    rows = [
        [f"r{r}c{c}w{w}" for w in range(1 + 12 * c)]  # up to 37 words a cell
        for r in range(40)
        for c in range(4)
    ]
    cells = [[" ".join(rows[r * 4 + c]) for c in range(4)] for r in range(40)]
    packet = Packet(
        "T", "S", [Section("Table", table=Table(["one", "two", "three", "four"], cells))]
    )
    reader = PdfReader(io.BytesIO(render_pdf(packet)))
    assert len(reader.pages) > 1
    found = set()
    for page in reader.pages:
        found.update(_words(page.extract_text()))
        assert "one" in _words(page.extract_text())  # the headings on every page
    expected = {word for row in rows for word in row}
    assert expected - found == set()


def test_a_cell_taller_than_a_page_goes_on_over_pages() -> None:
    words = [f"w{i}" for i in range(3000)]  # about 80 lines in a page-wide column
    packet = Packet("T", "S", [Section("Table", table=Table(["x", "y"], [["a", " ".join(words)]]))])
    reader = PdfReader(io.BytesIO(render_pdf(packet)))
    assert len(reader.pages) > 1
    found = set()
    for page in reader.pages:
        found.update(_words(page.extract_text()))
    assert set(words) - found == set()


@pytest.mark.parametrize("text", ["$10k vs $12k salary", "50% of it_was_"])
def test_dollars_and_underscores_are_printed_as_written(text: str) -> None:
    packet = Packet("T", "S", [Section("S", [text])])
    extracted = PdfReader(io.BytesIO(render_pdf(packet))).pages[0].extract_text()
    assert text in extracted
