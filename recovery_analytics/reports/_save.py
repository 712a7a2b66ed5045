"""Charts to files: PNG, SVG or PDF, reproducible to the byte, owner-only.

:func:`render` is the one renderer of the package: ``save_chart``, the
packets, the notebooks and the dashboard all turn a chart into bytes with it.
Every file is rendered into memory first and then written with
:func:`recovery_analytics._fs.atomic_write`, so a crash never leaves half
a chart behind and nobody else on the machine can read it (0600).
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Final, cast

import matplotlib as mpl
import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure, SubFigure

from .._fs import atomic_write
from ..exceptions import RecoveryAnalyticsError, one_of

__all__ = ["FORMATS", "check_format", "export_rc", "figure_of", "render", "save_chart"]

FORMATS: Final = ("png", "svg", "pdf")

#: rcParams for files that must be the same bytes every time and searchable text:
#: a fixed SVG id salt, SVG text kept as text, PDF fonts embedded as TrueType.
EXPORT_RC: Final[dict[str, Any]] = {
    "svg.hashsalt": "recovery-analytics",
    "svg.fonttype": "none",
    "pdf.fonttype": 42,
}

#: The metadata keys that would otherwise carry a timestamp or a version string.
_NO_STAMP: Final[dict[str, dict[str, Any]]] = {
    "png": {"Software": None},
    "svg": {"Date": None},
    "pdf": {"CreationDate": None},
}


@contextmanager
def export_rc() -> Iterator[None]:
    """The rcParams for reproducible exports, restored afterwards."""
    with mpl.rc_context(rc=cast(Any, EXPORT_RC)):
        yield


def figure_of(chart: object) -> Figure:
    """The top-level Figure of a Figure, SubFigure, Axes or array of Axes."""
    if isinstance(chart, np.ndarray) and chart.size:
        chart = chart.flat[0]
    if isinstance(chart, Axes):
        chart = chart.figure
    if isinstance(chart, SubFigure):
        chart = chart.figure
    if isinstance(chart, Figure):
        return chart
    raise TypeError(
        "save_chart takes a matplotlib Figure, an Axes (as returned by the plot_* "
        f"functions) or an array of Axes, but a {type(chart).__name__} was passed."
    )


def format_of(path: str | os.PathLike[str]) -> str:
    """``"png"``, ``"svg"`` or ``"pdf"`` from the file name, else a helpful error."""
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise RecoveryAnalyticsError(
            f"{os.fspath(path)}: the file name must end in .png, .svg or .pdf to choose the "
            f"format, but it ends in {Path(path).suffix or 'nothing'!r}."
        )
    return suffix


def check_format(fmt: str) -> str:
    """``fmt`` if it is one of :data:`FORMATS`, else a helpful error."""
    return one_of("fmt", fmt, FORMATS)


def render(
    chart: object,
    fmt: str = "png",
    *,
    dpi: float = 150,
    metadata: Mapping[str, Any] | None = None,
    quick: bool = False,
) -> bytes:
    """The chart as the bytes of a PNG, SVG or PDF file, without timestamps.

    The same chart gives the same bytes every time: no creation date, no
    software stamp, fixed SVG ids, SVG text kept as text and PDF fonts
    embedded as TrueType.

    Parameters
    ----------
    chart : Figure, SubFigure, Axes or array of Axes
        What a ``plot_*`` function returned, or a Figure.
    fmt : {"png", "svg", "pdf"}
    dpi : float
        Resolution of PNG files (and of images inside SVG/PDF).
    metadata : dict, optional
        Extra file metadata, e.g. ``{"Title": "Balance over time"}``; a key
        set to ``None`` is left out.
    quick : bool
        For a PNG shown on screen at once (the dashboard): light compression,
        so the bytes come sooner and are a little larger.

    Returns
    -------
    bytes

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> ax = Figure(figsize=(2, 2)).add_subplot()
    >>> render(ax)[:8] == b"\\x89PNG\\r\\n\\x1a\\n"
    True
    >>> render(ax, "svg") == render(ax, "svg")
    True
    """
    check_format(fmt)
    fig = figure_of(chart)
    meta = dict(_NO_STAMP[fmt])
    if metadata:
        meta.update(metadata)
    buffer = io.BytesIO()
    with export_rc():
        if quick and fmt == "png":
            light = {"compress_level": 1}
            fig.savefig(buffer, format=fmt, dpi=dpi, metadata=meta, pil_kwargs=light)
        else:
            fig.savefig(buffer, format=fmt, dpi=dpi, metadata=meta)
    return buffer.getvalue()


def save_chart(
    chart: Figure | Axes | np.ndarray,
    path: str | os.PathLike[str],
    *,
    dpi: float = 150,
    metadata: Mapping[str, Any] | None = None,
) -> Path:
    """Save a chart as PNG, SVG or PDF, chosen by the file extension.

    The same chart always gives the same bytes: no creation date, no software
    stamp, fixed SVG ids. The file is written atomically and readable by its
    owner only (0600); missing folders are created owner-only (0700).

    Parameters
    ----------
    chart : Figure, Axes or array of Axes
        What a ``plot_*`` function returned, or a Figure.
    path : str or Path
        Ends in ``.png``, ``.svg`` or ``.pdf``.
    dpi : float
        Resolution of PNG files (and of images inside SVG/PDF).
    metadata : dict, optional
        Extra file metadata, e.g. ``{"Title": "Balance over time"}``.

    Returns
    -------
    Path
        Where the file is.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from matplotlib.figure import Figure
    >>> ax = Figure().add_subplot()
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> save_chart(ax, folder / "chart.svg").name
    'chart.svg'
    """
    fmt = format_of(path)
    data = render(chart, fmt, dpi=dpi, metadata=metadata)
    return atomic_write(path, data)
