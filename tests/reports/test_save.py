"""save_chart: format by extension, the same bytes every time, owner-only files."""

from __future__ import annotations

import io
import os
import stat
from pathlib import Path

import matplotlib as mpl
import pytest
from matplotlib.figure import Figure
from PIL import Image
from pypdf import PdfReader

from recovery_analytics import RecoveryAnalyticsError
from recovery_analytics.charts import plot_balance, plot_balance_grid
from recovery_analytics.reports import render, save_chart

from ..charts._data import only_positives


def _chart():
    return plot_balance(only_positives())


@pytest.mark.parametrize("ext", ["png", "svg", "pdf"])
def test_two_saves_give_identical_bytes(tmp_path: Path, ext: str) -> None:
    first = save_chart(_chart(), tmp_path / f"a.{ext}").read_bytes()
    second = save_chart(_chart(), tmp_path / f"b.{ext}").read_bytes()  # a new figure, drawn again
    assert first == second
    again = save_chart(_chart(), tmp_path / f"a.{ext}").read_bytes()  # overwriting too
    assert again == first


def test_format_follows_the_extension(tmp_path: Path) -> None:
    assert save_chart(_chart(), tmp_path / "c.png").read_bytes().startswith(b"\x89PNG")
    assert b"<svg" in save_chart(_chart(), tmp_path / "c.SVG").read_bytes()[:600]
    assert save_chart(_chart(), tmp_path / "c.pdf").read_bytes().startswith(b"%PDF")
    with pytest.raises(RecoveryAnalyticsError, match=r"\.png, \.svg or \.pdf.*'\.jpg'"):
        save_chart(_chart(), tmp_path / "c.jpg")
    with pytest.raises(RecoveryAnalyticsError, match="nothing"):
        save_chart(_chart(), tmp_path / "c")
    assert not (tmp_path / "c.jpg").exists()


def test_no_timestamps_or_software_stamps(tmp_path: Path) -> None:
    png = Image.open(io.BytesIO(save_chart(_chart(), tmp_path / "m.png").read_bytes()))
    assert "Software" not in png.info
    svg = save_chart(_chart(), tmp_path / "m.svg").read_text()
    assert "<dc:date>" not in svg
    pdf = PdfReader(save_chart(_chart(), tmp_path / "m.pdf"))
    assert "/CreationDate" not in (pdf.metadata or {})


def test_svg_text_stays_searchable_text(tmp_path: Path) -> None:
    svg = save_chart(_chart(), tmp_path / "t.svg").read_text()
    assert "What went well vs what went wrong, by month" in svg


def test_dpi_and_metadata(tmp_path: Path) -> None:
    ax = _chart()
    small = Image.open(save_chart(ax, tmp_path / "s.png", dpi=50))
    large = Image.open(save_chart(ax, tmp_path / "l.png", dpi=100))
    assert large.size[0] == 2 * small.size[0]
    pdf = PdfReader(save_chart(ax, tmp_path / "t.pdf", metadata={"Title": "Balance"}))
    assert pdf.metadata.title == "Balance"


def test_takes_axes_figure_or_array_of_axes(tmp_path: Path, sample) -> None:
    ax = _chart()
    assert save_chart(ax.figure, tmp_path / "f.png").exists()
    axes = plot_balance_grid(sample)
    assert save_chart(axes, tmp_path / "g.png").exists()
    with pytest.raises(TypeError, match="Figure, an Axes"):
        save_chart("not a chart", tmp_path / "x.png")  # type: ignore[arg-type]


def test_files_are_owner_only_and_atomic(tmp_path: Path, private_umask: None) -> None:
    target = tmp_path / "new" / "folder" / "chart.png"
    save_chart(_chart(), target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "new").stat().st_mode) == 0o700
    assert stat.S_IMODE(target.parent.stat().st_mode) == 0o700
    assert os.listdir(target.parent) == ["chart.png"]  # no temporary file left behind


def test_rcparams_unchanged(tmp_path: Path) -> None:
    before = {k: v for k, v in mpl.rcParams.items() if k != "backend"}
    save_chart(_chart(), tmp_path / "r.svg")
    assert {k: v for k, v in mpl.rcParams.items() if k != "backend"} == before


def test_an_empty_figure_saves_too(tmp_path: Path) -> None:
    assert save_chart(Figure(), tmp_path / "empty.pdf").exists()


@pytest.mark.parametrize("ext", ["png", "svg", "pdf"])
def test_render_gives_the_bytes_save_chart_writes(tmp_path: Path, ext: str) -> None:
    written = save_chart(_chart(), tmp_path / f"a.{ext}", dpi=80).read_bytes()
    assert render(_chart(), ext, dpi=80) == written


def test_render_is_png_by_default_at_the_dpi_asked() -> None:
    fig = Figure(figsize=(2, 1))
    fig.add_subplot()
    image = Image.open(io.BytesIO(render(fig, dpi=50)))
    assert image.format == "PNG"
    assert image.size == (2 * 50, 1 * 50)


def test_render_refuses_an_unknown_format() -> None:
    with pytest.raises(RecoveryAnalyticsError, match="`fmt`"):
        render(_chart(), "jpg")
