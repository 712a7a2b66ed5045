"""What every chart function shares: resolving its data, its Axes and its titles.

Chart functions accept a :class:`~recovery_analytics.ReflectionLog` (they call
their analytics function on it) or what that analytics function returns.
:func:`resolve` decides that once for every chart - is it a log, which client,
is it empty - and hands the chart a :class:`Resolved` (seaborn's
``VectorPlotter`` does the same for its plots). Charts draw on the Axes given,
or on a new :class:`matplotlib.figure.Figure` (never pyplot), inside
:func:`~recovery_analytics.charts.house_style`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Generic, Literal, TypeVar

import matplotlib.dates as mdates
import numpy as np
import pandas as pd
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.cbook import normalize_kwargs
from matplotlib.figure import Figure

from .._log import ReflectionLog
from ..exceptions import RecoveryAnalyticsError, UnknownClientError, one_of

# pretty_theme: reports/_content imports it from here until it moves to the vocabulary
from ..vocabulary import plural, pretty_theme  # noqa: F401
from ._style import GREY, NO_INTERVIEWS, SMALL_FONT, house_style

__all__ = [
    "FREQ_WORDS",
    "POLARITY_WORDS",
    "Resolved",
    "artist_kwargs",
    "as_float",
    "check_frame",
    "check_freq",
    "check_polarity",
    "check_top",
    "draw",
    "date_axis",
    "empty_chart",
    "frame_client",
    "group_interviews",
    "join_note",
    "new_axes",
    "one_client",
    "period_centres",
    "period_label",
    "resolve",
    "select_client",
    "set_titles",
    "take_frame",
    "top_rows",
]

FREQ_WORDS = {"W": "week", "M": "month", "Q": "quarter"}
POLARITY_WORDS = {"wrong": "went wrong", "well": "went well"}

R = TypeVar("R")
Rows = TypeVar("Rows", pd.DataFrame, list[Any])


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


def check_polarity(polarity: str) -> str:
    return one_of("polarity", polarity, POLARITY_WORDS, words="'well' or 'wrong'")


def check_top(top: int | None, name: str = "top") -> int | None:
    """``top`` (a count of rows to keep: 1 or more, or None), else a helpful error."""
    if top is not None and (isinstance(top, bool) or not isinstance(top, int) or top < 1):
        raise RecoveryAnalyticsError(
            f"The value for `{name}` must be a whole number (1 or more) or None, but {top!r} "
            "was passed."
        )
    return top


def artist_kwargs(
    kwargs: Mapping[str, Any], artist: type[Artist], **defaults: Any
) -> dict[str, Any]:
    """The chart's settings for its main artist, overridden by the caller's ``kwargs``.

    Aliases are understood (``c`` for ``color``, ``lw`` for ``linewidth``), as
    in seaborn, so a caller's ``c="red"`` replaces the default colour instead
    of clashing with it.

    Examples
    --------
    >>> from matplotlib.lines import Line2D
    >>> artist_kwargs({"c": "red"}, Line2D, color="blue", linewidth=2)
    {'color': 'red', 'linewidth': 2}
    """
    return {**normalize_kwargs(defaults, artist), **normalize_kwargs(dict(kwargs), artist)}


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


@dataclass(frozen=True)
class Resolved(Generic[R]):
    """A chart's data, resolved once: what to draw, whose it is, how many interviews.

    Attributes
    ----------
    result
        What the analytics function returned (or the frame passed in);
        ``None`` when the log has no interviews.
    who : str or None
        The one client shown, when the data holds exactly one.
    n : int or None
        The interviews behind the chart, when known.
    log : ReflectionLog or None
        The (one client's) log, when a log was passed.
    """

    result: R | None
    who: str | None
    n: int | None
    log: ReflectionLog | None = None

    @property
    def empty(self) -> bool:
        """True when a log was passed and it has no interviews."""
        return self.result is None


def _no_count(_result: object) -> int | None:
    return None


def resolve(
    data: object,
    *,
    chart: str,
    client: str | None,
    compute: Callable[[ReflectionLog], R],
    take: Callable[[object, str | None], tuple[R, pd.DataFrame]],
    count: Callable[[R], int | None] = _no_count,
    clients: Literal["one", "together", "all"] = "one",
    alternative: str | None = None,
) -> Resolved[R]:
    """Is it a log, which client, is it empty: decided here once for every chart.

    Parameters
    ----------
    data : ReflectionLog or an analytics result
    chart : str
        The chart's function name, for error messages.
    client : str, optional
        The client asked for (an unknown name raises
        :class:`~recovery_analytics.UnknownClientError` listing the known ones).
    compute : callable
        The chart's analytics, called on the (one client's) log when it has
        interviews.
    take : callable
        ``take(data, client) -> (result, frame)``: checks what was passed
        instead of a log and keeps ``client``'s rows; ``frame`` is the one
        whose ``client`` column says whose data it is.
    count : callable
        The number of interviews behind a ``result`` that was passed in.
    clients : {"one", "together", "all"}
        ``"one"``: the chart shows one person, so several clients are an
        error (naming ``alternative``); ``"together"``: several clients are
        drawn together; ``"all"``: a coach view of every client. Frames with
        a ``client`` column must hold one client unless ``"all"``.
    alternative : str, optional
        The chart that draws every client, named in the error.
    """
    if isinstance(data, ReflectionLog):
        log = select_client(data, client)
        who = None
        if clients == "one":
            who = one_client(log.clients, chart, alternative=alternative)
        elif clients == "together" and len(log.clients) == 1:
            who = log.clients[0]
        if len(log) == 0:
            return Resolved(None, who, 0, log)
        return Resolved(compute(log), who, len(log), log)
    result, frame = take(data, client)
    who = None
    if clients != "all" and "client" in frame.columns:
        who = one_client(frame["client"], chart, alternative=alternative)
    return Resolved(result, who, count(result))


def draw(
    res: Resolved[R],
    ax: Axes | None,
    figsize: tuple[float, float],
    heading: str,
    body: Callable[[Axes, R], Axes],
) -> Axes:
    """Every chart's frame: its Axes in the house style, then ``body`` - or, when
    the log has no interviews, an empty chart that says so."""
    with house_style():
        target = new_axes(ax, figsize)
        if res.result is None:
            return empty_chart(target, heading, NO_INTERVIEWS, res.who)
        return body(target, res.result)


def join_note(*parts: str | None) -> str | None:
    """The parts of a note that are there, joined by `` · ``; ``None`` if none is.

    Examples
    --------
    >>> join_note("ana", None, "n = 3 interviews")
    'ana \u00b7 n = 3 interviews'
    """
    return " \u00b7 ".join(p for p in parts if p) or None


def top_rows(rows: Rows, top: int | None) -> tuple[Rows, str | None]:
    """The first ``top`` rows, and a note saying how many themes were left out.

    Examples
    --------
    >>> top_rows(["a", "b", "c"], 2)
    (['a', 'b'], '1 more theme not shown')
    """
    if top is None or len(rows) <= top:
        return rows, None
    hidden = len(rows) - top
    kept = rows.head(top) if isinstance(rows, pd.DataFrame) else rows[:top]
    return kept, f"{plural(hidden, 'more theme')} not shown"


def group_interviews(frame: pd.DataFrame) -> int | None:
    """The group's interviews, from a ``group_interviews`` column when there is one."""
    if "group_interviews" in frame.columns and len(frame):
        return int(pd.to_numeric(frame["group_interviews"]).max())
    return None


def take_frame(
    columns: list[str],
    producer: str,
    chart: str,
    *,
    attr: str | None = None,
    by_client: bool = True,
) -> Callable[[object, str | None], tuple[pd.DataFrame, pd.DataFrame]]:
    """``take`` for :func:`resolve`: the frame passed (or its attribute ``attr``, for
    a result such as ``Recovery``), checked, with only ``client``'s rows."""

    def take(data: object, client: str | None) -> tuple[pd.DataFrame, pd.DataFrame]:
        frame = check_frame(getattr(data, attr, data) if attr else data, columns, producer, chart)
        if by_client:
            frame = frame_client(frame, client)
        return frame, frame

    return take


def _note_lines(note: str, width: int = 80) -> str:
    """Break a long ``a · b · c`` note at its separators, ``width`` characters a line."""
    lines: list[str] = []
    for part in note.split(" \u00b7 "):
        if lines and len(lines[-1]) + 3 + len(part) <= width:
            lines[-1] += f" \u00b7 {part}"
        else:
            lines.append(part)
    return "\n".join(lines)


def set_titles(ax: Axes, title: str, note: str | None = None) -> Axes:
    """A title that says what the chart shows, and a small grey note under it; returns ``ax``."""
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
    return ax


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


def period_centres(periods: pd.Series, freq: str) -> pd.Series:
    """The middle day of each period, so a period sits among its own interviews.

    Examples
    --------
    >>> period_centres(pd.Series(pd.to_datetime(["2026-03-01"])), "M").dt.day.tolist()
    [16]
    """
    centres = [
        p.start_time + (p.end_time - p.start_time) / 2
        for p in (pd.Period(ts, freq) for ts in pd.to_datetime(periods))
    ]
    return pd.Series(pd.to_datetime(centres).floor("D"), index=periods.index)


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
