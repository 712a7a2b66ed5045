"""What every chart function shares: getting its data, its Axes and its titles.

Chart functions accept a :class:`~recovery_analytics.ReflectionLog` (they call
one analytics function on it) or the frame that analytics function returns.
They draw on the Axes given, or on a new :class:`matplotlib.figure.Figure`
(never pyplot), inside :func:`~recovery_analytics.charts.house_style`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import matplotlib.dates as mdates
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from .._log import ReflectionLog
from ..exceptions import RecoveryAnalyticsError, UnknownClientError
from ..vocabulary import pretty_theme
from ._style import GREY, SMALL_FONT

__all__ = [
    "analytics_function",
    "check_frame",
    "empty_chart",
    "new_axes",
    "one_client",
    "pretty_theme",
    "set_titles",
]

FREQ_WORDS = {"W": "week", "M": "month", "Q": "quarter"}


def check_freq(freq: str) -> str:
    if freq not in FREQ_WORDS:
        raise RecoveryAnalyticsError(
            f"The value for `freq` must be one of {sorted(FREQ_WORDS)}, but {freq!r} was passed."
        )
    return freq


def new_axes(ax: Axes | None, figsize: tuple[float, float]) -> Axes:
    """The Axes to draw on: the one given, or one on a new Figure (not pyplot)."""
    if ax is None:
        fig = Figure(figsize=figsize, layout="constrained")
        return fig.add_subplot()
    if not isinstance(ax, Axes):
        raise TypeError(
            f"The value for `ax` must be a matplotlib Axes or None, but a "
            f"{type(ax).__name__} was passed."
        )
    return ax


def analytics_function(name: str) -> Callable[..., Any]:
    """The function ``recovery_analytics.analytics.<name>``, imported when needed."""
    try:
        from .. import analytics
    except ImportError as exc:  # pragma: no cover - only while the package is incomplete
        raise RecoveryAnalyticsError(
            f"Drawing from a ReflectionLog needs recovery_analytics.analytics.{name}, "
            f"which could not be imported ({exc})."
        ) from None
    fn = getattr(analytics, name, None)
    if fn is None:  # pragma: no cover - only while the package is incomplete
        raise RecoveryAnalyticsError(
            f"recovery_analytics.analytics has no function {name!r}; pass its frame instead."
        )
    return fn


def select_client(log: ReflectionLog, client: str | None) -> ReflectionLog:
    """The log of one client (``UnknownClientError`` listing the known ones), or all."""
    if client is None:
        return log
    return log.filter(client=client)


def one_client(
    clients: Iterable[object], what: str, *, alternative: str | None = None
) -> str | None:
    """The single client in the data, ``None`` when there is none; else a helpful error."""
    names = sorted({str(c) for c in pd.Series(list(clients), dtype=object).dropna()})
    if len(names) <= 1:
        return names[0] if names else None
    hint = f", or draw every client with {alternative}" if alternative else ""
    raise RecoveryAnalyticsError(
        f"{what} shows one person at a time, but the data holds {len(names)} clients "
        f"({', '.join(names)}). Pass client={names[0]!r} (for example){hint}."
    )


def frame_client(frame: pd.DataFrame, client: str | None) -> pd.DataFrame:
    """Rows of ``client`` in an analytics frame with a ``client`` column."""
    if client is None or "client" not in frame.columns:
        return frame
    known = sorted(frame["client"].dropna().astype(str).unique().tolist())
    folded = {k.casefold(): k for k in known}
    if client.casefold() not in folded:
        raise UnknownClientError(
            f"There is no client {client!r} in this data. Known clients: "
            f"{', '.join(known) if known else '(none yet)'}."
        )
    return frame.loc[frame["client"].astype(str) == folded[client.casefold()]]


def check_frame(frame: object, required: Iterable[str], producer: str, chart: str) -> pd.DataFrame:
    """``frame`` if it is a DataFrame with the ``required`` columns, else a helpful error."""
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(
            f"{chart} takes a ReflectionLog or the DataFrame from {producer}, but a "
            f"{type(frame).__name__} was passed."
        )
    missing = [c for c in required if c not in frame.columns]
    if missing:
        raise RecoveryAnalyticsError(
            f"{chart} takes a ReflectionLog or the DataFrame from {producer}; the frame "
            f"passed has no column{'s' if len(missing) > 1 else ''} {', '.join(missing)} "
            f"(it has {', '.join(map(str, frame.columns)) or 'no columns'})."
        )
    return frame


def _note_lines(note: str, width: int = 80) -> str:
    """Break a long ``a · b · c`` note at its separators, ``width`` characters a line."""
    lines: list[str] = []
    for part in note.split(" \u00b7 "):
        if lines and len(lines[-1]) + 3 + len(part) <= width:
            lines[-1] += f" \u00b7 {part}"
        else:
            lines.append(part)
    return "\n".join(lines)


def set_titles(ax: Axes, title: str, note: str | None = None) -> None:
    """A title that says what the chart shows, and a small grey note under it."""
    text = _note_lines(note) if note else None
    rows = text.count("\n") + 1 if text else 0
    ax.set_title(title, loc="left", pad=8 + 12 * rows if text else 8)
    if text:
        ax.text(
            0,
            1.0,
            text,
            transform=ax.transAxes,
            ha="left",
            va="bottom",
            fontsize=SMALL_FONT,
            color=GREY,
            gid="note",
            linespacing=1.1,
        )


def empty_chart(ax: Axes, title: str, message: str, note: str | None = None) -> Axes:
    """An annotated empty chart: the title, and a kind message where the data would be."""
    ax.set_xticks([])
    ax.set_yticks([])
    ax.grid(False)
    for side in ("top", "right", "bottom", "left"):
        ax.spines[side].set_visible(False)
    set_titles(ax, title, note)
    ax.text(
        0.5,
        0.5,
        message,
        transform=ax.transAxes,
        ha="center",
        va="center",
        fontsize=12,
        color=GREY,
        wrap=True,
        gid="empty-message",
    )
    return ax


def period_label(period: pd.Timestamp, freq: str | None) -> str:
    """``"Mar 2026"`` for a month, ``"Q1 2026"``, or ``"2 Mar"`` for a week.

    Examples
    --------
    >>> period_label(pd.Timestamp("2026-03-01"), "M"), period_label(pd.Timestamp("2026-03-01"), "Q")
    ('Mar 2026', 'Q1 2026')
    """
    ts = pd.Timestamp(period)
    if freq == "Q":
        return f"Q{ts.quarter} {ts.year}"
    if freq == "W":
        return f"{ts.day} {ts:%b %Y}"
    return f"{ts:%b %Y}"


def date_axis(ax: Axes, dates: pd.Series | pd.DatetimeIndex) -> None:
    """Readable dates on x, with a little room on both sides (also for one date)."""
    values = pd.to_datetime(pd.Series(dates)).dropna()
    if len(values):
        lo, hi = values.min(), values.max()
        pad = max(pd.Timedelta(days=10), (hi - lo) * 0.04)
        ax.set_xlim(lo - pad, hi + pad)  # type: ignore[arg-type]
    locator = mdates.AutoDateLocator(minticks=3, maxticks=8)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))


def as_float(series: pd.Series) -> np.ndarray:
    """Numbers as a float array, missing values as NaN."""
    return pd.to_numeric(series, errors="coerce").astype("float64").to_numpy()
