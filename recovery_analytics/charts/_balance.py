"""Balance over time: what went well against what went wrong, per period.

The numbers come from :func:`recovery_analytics.analytics.balance`; this module
only draws them.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure, SubFigure
from matplotlib.lines import Line2D
from matplotlib.ticker import FixedLocator, FuncFormatter, NullLocator

from .._log import ReflectionLog
from ..analytics import balance
from ..exceptions import RecoveryAnalyticsError, UnknownClientError
from ..vocabulary import plural
from ._base import (
    FREQ_WORDS,
    artist_kwargs,
    as_float,
    check_frame,
    check_freq,
    date_axis,
    draw,
    empty_chart,
    frame_client,
    join_note,
    period_centres,
    resolve,
    set_titles,
)
from ._docs import shared_docs
from ._style import (
    GREY,
    LIGHT_GREY,
    MAIN,
    NO_INTERVIEWS,
    NO_ITEMS,
    SMALL_FONT,
    SMALL_SAMPLE_LABEL,
    house_style,
    interviews_phrase,
)

__all__ = ["plot_balance", "plot_balance_grid"]

REFERENCE_LABEL = "1 : 1 \u2014 as many went well as went wrong"
TOP_NOTE = "only things that went well (drawn at the top edge)"
BOTTOM_NOTE = "only things that went wrong (drawn at the bottom edge)"


@dataclass
class _BalanceData:
    """The frames of one chart: any of them may be missing."""

    periods: pd.DataFrame | None
    points: pd.DataFrame | None
    rolling: pd.DataFrame | None
    n_interviews: int | None


def _title(freq: str) -> str:
    return f"What went well vs what went wrong, by {FREQ_WORDS[freq]}"


def _from_log(log: ReflectionLog, freq: str, window: int | None) -> _BalanceData:
    periods = balance(log, by="client", freq=freq)
    points = balance(log, by="client")
    rolling = balance(log, by="client", window=window) if window else None
    return _BalanceData(periods, points, rolling, len(log))


def _from_frame(frame: object) -> _BalanceData:
    frame = check_frame(frame, [], "analytics.balance(log, ...)", "plot_balance")
    if "period" in frame.columns:
        frame = check_frame(
            frame,
            ["period", "interviews", "ratio", "small_sample"],
            "analytics.balance(log, freq=...)",
            "plot_balance",
        )
        n = int(pd.to_numeric(frame["interviews"]).sum())
        return _BalanceData(frame, None, None, n)
    frame = check_frame(
        frame, ["interview_date", "ratio"], "analytics.balance(log)", "plot_balance"
    )
    return _BalanceData(None, frame, None, len(frame))


def _subset(data: _BalanceData, client: str | None) -> _BalanceData:
    def pick(frame: pd.DataFrame | None) -> pd.DataFrame | None:
        return None if frame is None else frame_client(frame, client)

    periods, points, rolling = pick(data.periods), pick(data.points), pick(data.rolling)
    if points is not None:
        n: int | None = len(points)
    elif periods is not None:
        n = int(pd.to_numeric(periods["interviews"]).sum())
    else:  # pragma: no cover - one of the two is always there
        n = None
    return _BalanceData(periods, points, rolling, n)


def _take(data: object, client: str | None) -> tuple[_BalanceData, pd.DataFrame]:
    """``take`` for :func:`._base.resolve`: the frame passed, ``client``'s rows."""
    chart = _subset(_from_frame(data), client)
    frame = chart.periods if chart.periods is not None else chart.points
    assert frame is not None  # _from_frame sets one of them
    return chart, frame


def _limit(data: _BalanceData) -> float:
    """Symmetric log-scale limit: a power of two that holds every finite ratio."""
    values: list[np.ndarray] = []
    for frame in (data.periods, data.points, data.rolling):
        if frame is not None and len(frame):
            values.append(as_float(frame["ratio"]))
    if not values:
        return 4.0
    ratios = np.concatenate(values)
    ratios = ratios[np.isfinite(ratios) & (ratios > 0)]
    if not len(ratios):
        return 4.0
    spread = float(np.max(np.abs(np.log2(ratios))))
    return float(2.0 ** max(2, math.ceil(spread + 0.25)))


def _ratio_label(value: float, _pos: object = None) -> str:
    if value >= 1:
        return f"{value:g} : 1"
    return f"1 : {1 / value:g}"


def _clip(ratio: np.ndarray, limit: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Finite ratios as they are; +inf to the top edge, 0 to the bottom edge."""
    top = np.isposinf(ratio)
    bottom = ratio == 0
    shown = ratio.copy()
    shown[top] = limit
    shown[bottom] = 1 / limit
    return shown, top, bottom


def _draw(
    ax: Axes,
    data: _BalanceData,
    *,
    freq: str,
    window: int | None,
    limit: float,
    legend: bool = True,
    kwargs: Mapping[str, Any] | None = None,
) -> dict[str, bool]:
    """Draw the layers that are present; returns which edge markers were used.

    ``kwargs`` go to the main line: the per-period line, or the interview dots
    when there are no periods.
    """
    has_periods = data.periods is not None and len(data.periods) > 0
    period_kws = kwargs if has_periods and kwargs else {}
    point_kws = kwargs if not has_periods and kwargs else {}
    edges = {"top": False, "bottom": False}
    ax.set_yscale("log", base=2)
    ax.set_ylim(1 / limit, limit)
    ax.axhline(1.0, color=GREY, linestyle="--", linewidth=1.2, label=REFERENCE_LABEL, zorder=1)

    def edge_markers(
        x: pd.Series, top: np.ndarray, bottom: np.ndarray, size: float, hollow: np.ndarray
    ) -> None:
        for mask, y, marker, gid, label in (
            (top, limit, "^", "clipped-top", TOP_NOTE),
            (bottom, 1 / limit, "v", "clipped-bottom", BOTTOM_NOTE),
        ):
            if not mask.any():
                continue
            edges["top" if marker == "^" else "bottom"] = True
            for part, face in ((mask & ~hollow, GREY), (mask & hollow, "white")):
                if part.any():
                    ax.plot(
                        x[part], np.full(part.sum(), y), linestyle="none", marker=marker,
                        markersize=size, color=GREY, markerfacecolor=face, clip_on=False,
                        zorder=4, gid=gid, label=label,
                    )  # fmt: skip

    if data.points is not None and len(data.points):
        pts = data.points.sort_values("interview_date")
        x = pd.to_datetime(pts["interview_date"]).reset_index(drop=True)
        shown, top, bottom = _clip(as_float(pts["ratio"]), limit)
        keep = np.isfinite(shown) & ~top & ~bottom
        ax.plot(
            x[keep], shown[keep], **artist_kwargs(
                point_kws, Line2D, linestyle="none", marker="o", markersize=5,
                color=LIGHT_GREY, markeredgecolor=GREY, markeredgewidth=0.6,
                label="one interview", zorder=2, gid="interviews",
            ),
        )  # fmt: skip
        edge_markers(x, top, bottom, 6, np.zeros(len(x), dtype=bool))

    if data.rolling is not None and len(data.rolling):
        rol = data.rolling.sort_values("interview_date")
        x = pd.to_datetime(rol["interview_date"]).reset_index(drop=True)
        shown, top, bottom = _clip(as_float(rol["ratio"]), limit)
        ax.plot(
            x, shown, color=MAIN, linewidth=1.2, alpha=0.6, linestyle="-",
            label=f"last {window} interviews together", zorder=2, gid="rolling",
        )  # fmt: skip

    if data.periods is not None and has_periods:
        per = data.periods.sort_values("period")
        x = period_centres(per["period"], freq).reset_index(drop=True)
        shown, top, bottom = _clip(as_float(per["ratio"]), limit)
        small = per["small_sample"].fillna(False).astype(bool).to_numpy()
        ok = np.isfinite(shown)
        ax.plot(  # NaN (a period without interviews) breaks the line: no invented trend
            x, shown, **artist_kwargs(
                period_kws, Line2D, color=MAIN, linewidth=2.2, zorder=3,
                label=f"each {FREQ_WORDS[freq]}, all its interviews together", gid="periods",
            ),
        )  # fmt: skip
        full = ok & ~small & ~top & ~bottom
        hollow = ok & small & ~top & ~bottom
        ax.plot(
            x[full], shown[full], linestyle="none", marker="o", markersize=8, color=MAIN,
            zorder=4, gid="periods-full",
        )  # fmt: skip
        ax.plot(
            x[hollow], shown[hollow], linestyle="none", marker="o", markersize=8,
            markerfacecolor="white", markeredgecolor=MAIN, markeredgewidth=1.8,
            label=SMALL_SAMPLE_LABEL if hollow.any() else "_nolegend_", zorder=4,
            gid="periods-small",
        )  # fmt: skip
        edge_markers(x, top, bottom, 9, small)
        counts = pd.to_numeric(per["interviews"]).to_numpy()
        for xi, yi, ni, oki in zip(x, shown, counts, ok, strict=True):
            if oki:
                ax.annotate(
                    f"n={int(ni)}", (xi, yi), xytext=(0, 7), textcoords="offset points",
                    ha="center", va="bottom", fontsize=SMALL_FONT - 1, color=GREY,
                    annotation_clip=False,
                )  # fmt: skip

    ticks = [2.0**k for k in range(-int(math.log2(limit)), int(math.log2(limit)) + 1)]
    if len(ticks) > 9:
        ticks = [t for t in ticks if round(math.log2(t)) % 2 == 0]
    ax.yaxis.set_major_locator(FixedLocator(ticks))
    ax.yaxis.set_minor_locator(NullLocator())
    ax.yaxis.set_major_formatter(FuncFormatter(_ratio_label))
    ax.set_ylabel("went well : went wrong")
    dates = []
    for frame, col in ((data.points, "interview_date"), (data.periods, "period")):
        if frame is not None and len(frame):
            dates.append(pd.to_datetime(frame[col]))
    if data.periods is not None and len(data.periods):
        dates.append(period_centres(data.periods["period"], freq))
    if dates:
        date_axis(ax, pd.concat(dates, ignore_index=True))

    if legend:
        _legend(ax)
    return edges


def _legend(ax: Axes) -> None:
    handles, labels = ax.get_legend_handles_labels()
    unique = dict(zip(labels, handles, strict=True))  # edge markers may repeat
    ax.legend(list(unique.values()), list(unique.keys()), loc="best", fontsize=SMALL_FONT - 1)


def _has_ratio(data: _BalanceData) -> bool:
    for frame in (data.periods, data.points):
        if frame is not None and len(frame) and as_float(frame["ratio"]).size:
            if not np.isnan(as_float(frame["ratio"])).all():
                return True
    return False


@shared_docs
def plot_balance(
    data: ReflectionLog | pd.DataFrame,
    *,
    ax: Axes | None = None,
    freq: str = "M",
    window: int | None = 3,
    client: str | None = None,
    title: str | None = None,
    **kwargs: Any,
) -> Axes:
    """Draw the balance of what went well to what went wrong over time.

    The thick line is the pooled ratio of each period (all its went-well items
    over all its went-wrong items), on a log scale so that 2 : 1 and 1 : 2 sit
    equally far from the dashed 1 : 1 line ("as many went well as went
    wrong"). Grey dots are single interviews, the thin line pools each
    interview with the ones before it (``window``). Periods with fewer than 5
    interviews have hollow markers, and each period is labelled with its
    number of interviews. A ratio that cannot be drawn on a log scale is
    clipped to the edge with a triangle and a note: only things that went
    well (+inf) at the top, only things that went wrong (0) at the bottom.
    Interviews without any items have no ratio and are left out.

    Parameters
    ----------
    data : ReflectionLog or DataFrame
        A log (``analytics.balance`` is called on it three times: per period,
        per interview and rolling), or one frame from ``analytics.balance``:
        the per-period frame (``freq=...``) draws the period line only, the
        per-interview frame the dots only.
    {ax}
    freq : {"M", "W", "Q"}
        The period of the thick line.
    window : int or None
        How many interviews the thin rolling line pools; ``None`` hides it.
    client : str, optional
        The client to show; needed when the data holds several clients
        (:func:`plot_balance_grid` draws them all). An unknown name raises
        :class:`~recovery_analytics.UnknownClientError` listing the known ones.
    {title}
    **kwargs
        Passed to ``Axes.plot`` for the main line: the per-period line, or the
        interview dots when the data has single interviews only.

    {returns}

    Examples
    --------
    >>> import pandas as pd
    >>> periods = pd.DataFrame({
    ...     "period": pd.to_datetime(["2026-03-01", "2026-04-01"]),
    ...     "interviews": [2, 6], "n_well": [2, 12], "n_wrong": [4, 6],
    ...     "ratio": [0.5, 2.0], "small_sample": [True, False]})
    >>> ax = plot_balance(periods)
    >>> ax.get_title(loc="left")
    'What went well vs what went wrong, by month'
    """
    check_freq(freq)
    if window is not None and (not isinstance(window, int) or window < 1):
        raise RecoveryAnalyticsError(
            f"The value for `window` must be a whole number of interviews (1 or more) or "
            f"None, but {window!r} was passed."
        )
    res = resolve(
        data, chart="plot_balance", client=client, take=_take,
        compute=lambda log: _from_log(log, freq, window),
        count=lambda chart: chart.n_interviews, alternative="plot_balance_grid",
    )  # fmt: skip
    heading = title or _title(freq)

    def body(ax: Axes, chart: _BalanceData) -> Axes:
        if not any(len(f) for f in (chart.periods, chart.points) if f is not None):
            return empty_chart(ax, heading, NO_INTERVIEWS, res.who)
        note = join_note(res.who, interviews_phrase(chart.n_interviews or 0))
        if not _has_ratio(chart):
            return empty_chart(ax, heading, NO_ITEMS, note)
        set_titles(ax, heading, note)
        _draw(ax, chart, freq=freq, window=window, limit=_limit(chart), kwargs=kwargs)
        return ax

    return draw(res, ax, (8.0, 4.5), heading, body)


@shared_docs
def plot_balance_grid(
    data: ReflectionLog | pd.DataFrame,
    *,
    fig: Figure | SubFigure | None = None,
    freq: str = "M",
    window: int | None = 3,
    ncols: int = 3,
    page: int = 1,
    per_page: int | None = 12,
    clients: Sequence[str] | None = None,
    title: str | None = None,
    **kwargs: Any,
) -> np.ndarray:
    """Small multiples: every client's balance over time, on the same scale.

    Each panel is :func:`plot_balance` for one client without its legend (one
    legend is drawn under the grid); all panels share the y axis, so clients
    can be compared at a glance. The panels come in pages of ``per_page``, so
    a figure stays the same size whatever the number of clients; every page
    uses the same scale (that of every client drawn on any page), and a page
    that is not the whole grid says which clients it holds ("clients 13-24 of
    1,000, page 2 of 84").

    Parameters
    ----------
    data : ReflectionLog or DataFrame
        A log with any number of clients, or the per-period frame of
        ``analytics.balance(log, by="client", freq=...)``.
    fig : matplotlib Figure or SubFigure, optional
        The figure to fill (it should be empty); a new Figure when omitted.
    freq, window, title
        As for :func:`plot_balance`.
    ncols : int
        Panels per row.
    page : int
        Which page to draw (1 is the first).
    per_page : int or None
        Panels per page (``None``: every client on one page).
    clients : sequence of str, optional
        The clients to draw, in this order (for example the ``client`` column
        of ``analytics.attention(log)``, to see those needing attention
        first); every client by name otherwise. A name not in the data raises
        :class:`~recovery_analytics.UnknownClientError`.
    **kwargs
        Passed to ``Axes.plot`` for each panel's main line, as in
        :func:`plot_balance`.

    Returns
    -------
    numpy.ndarray of Axes
        One Axes per client of the page, in sorted client order or the order
        of ``clients`` (a 1-D array; unused grid cells are removed). The Figure
        is ``axes[0].figure``. With no client at all the array holds a single
        Axes with an annotated empty chart.

    Examples
    --------
    >>> import pandas as pd
    >>> periods = pd.DataFrame({
    ...     "client": ["ana", "ana", "bo"],
    ...     "period": pd.to_datetime(["2026-03-01", "2026-04-01", "2026-03-01"]),
    ...     "interviews": [2, 6, 1], "n_well": [2, 12, 1], "n_wrong": [4, 6, 0],
    ...     "ratio": [0.5, 2.0, float("inf")], "small_sample": [True, False, True]})
    >>> axes = plot_balance_grid(periods)
    >>> [ax.get_title(loc="left") for ax in axes]
    ['ana', 'bo']
    """
    check_freq(freq)
    heading = (
        title
        or f"Each client's balance of what went well vs what went wrong, by {FREQ_WORDS[freq]}"
    )
    res = resolve(
        data, chart="plot_balance_grid", client=None, take=_take, clients="all",
        compute=lambda log: _from_log(log, freq, window),
    )  # fmt: skip
    chart = res.result
    if res.log is not None:
        known = list(res.log.clients)
    else:
        assert chart is not None  # a frame was passed
        frame = chart.periods if chart.periods is not None else chart.points
        assert frame is not None
        if "client" not in frame.columns and len(frame):
            raise RecoveryAnalyticsError(
                "plot_balance_grid needs a `client` column: pass the frame of "
                "analytics.balance(log, by='client', freq=...) or a ReflectionLog."
            )
        has_client = "client" in frame.columns
        known = sorted(frame["client"].dropna().astype(str).unique()) if has_client else []
    names = _chosen(known, clients)
    names, where = _page(names, page, per_page)
    if chart is not None and where:
        chart = _only(chart, names)
    with house_style():
        n = max(len(names), 1)
        cols = max(1, min(ncols, n))
        rows = math.ceil(n / cols)
        if fig is None:
            fig = Figure(figsize=(4.4 * cols, 3.3 * rows + 0.9), layout="constrained")
        grid = fig.subplots(rows, cols, sharey=True, squeeze=False).ravel()
        for extra in grid[n:]:
            extra.remove()
        axes = grid[:n]
        fig.suptitle(heading + (f"\n{where}" if where else ""), x=0.01, ha="left",
                     fontsize=13, fontweight="bold")  # fmt: skip
        if chart is None or not names:
            empty_chart(axes[0], "", NO_INTERVIEWS)
            return np.asarray(axes, dtype=object)
        limit = _limit(res.result if res.result is not None else chart)
        edges = {"top": False, "bottom": False}
        for ax, name in zip(axes, names, strict=True):
            part = _subset(chart, name)
            note = interviews_phrase(part.n_interviews or 0)
            if not _has_ratio(part):
                empty_chart(ax, name, NO_ITEMS, note)
                continue
            set_titles(ax, name, note)
            used = _draw(ax, part, freq=freq, window=window, limit=limit, legend=False,
                         kwargs=kwargs)  # fmt: skip
            edges = {k: edges[k] or used[k] for k in edges}
            ax.set_ylabel("")
        axes[0].set_ylabel("went well : went wrong")
        handles = [Line2D([], [], color=GREY, linestyle="--", label=REFERENCE_LABEL)]
        handles.append(Line2D([], [], linestyle="none", marker="o", markersize=5, color=LIGHT_GREY,
                              markeredgecolor=GREY, label="one interview"))  # fmt: skip
        each = f"each {FREQ_WORDS[freq]}, all its interviews together"
        handles.append(Line2D([], [], color=MAIN, linewidth=2.2, marker="o", label=each))
        handles.append(Line2D([], [], linestyle="none", marker="o", markersize=8,
                              markerfacecolor="white", markeredgecolor=MAIN,
                              label=SMALL_SAMPLE_LABEL))  # fmt: skip
        if window:
            handles.insert(2, Line2D([], [], color=MAIN, linewidth=1.2, alpha=0.6,
                                     label=f"last {window} interviews together"))  # fmt: skip
        if edges["top"]:
            handles.append(Line2D([], [], linestyle="none", marker="^", color=GREY,
                                  label=TOP_NOTE))  # fmt: skip
        if edges["bottom"]:
            handles.append(Line2D([], [], linestyle="none", marker="v", color=GREY,
                                  label=BOTTOM_NOTE))  # fmt: skip
        fig.legend(handles=handles, loc="outside lower center", ncols=2, fontsize=SMALL_FONT)
        return np.asarray(axes, dtype=object)


def _chosen(known: list[str], clients: Sequence[str] | None) -> list[str]:
    """The clients to draw: ``clients`` (checked, in its order) or every known one."""
    if clients is None:
        return known
    if isinstance(clients, str):
        raise TypeError(
            "The value for `clients` must be a list of client names, but a single string "
            f"({clients!r}) was passed: use clients=[{clients!r}]."
        )
    folded = {k.casefold(): k for k in known}
    unknown = [c for c in clients if str(c).casefold() not in folded]
    if unknown:
        raise UnknownClientError(
            f"There is no client {unknown[0]!r} in this data. Known clients: "
            f"{', '.join(known) if known else '(none yet)'}."
        )
    return list(dict.fromkeys(folded[str(c).casefold()] for c in clients))


def _page(names: list[str], page: int, per_page: int | None) -> tuple[list[str], str | None]:
    """The clients of ``page``, and the words saying which they are (``None`` when the
    page holds every client)."""
    if per_page is not None and (
        isinstance(per_page, bool) or not isinstance(per_page, int) or per_page < 1
    ):
        raise RecoveryAnalyticsError(
            f"The value for `per_page` must be a whole number (1 or more) or None, but "
            f"{per_page!r} was passed."
        )
    size = per_page or max(len(names), 1)
    pages = max(1, math.ceil(len(names) / size))
    if isinstance(page, bool) or not isinstance(page, int) or not 1 <= page <= pages:
        raise RecoveryAnalyticsError(
            f"The value for `page` must be a whole number from 1 to {pages} (there "
            f"{'is' if pages == 1 else 'are'} {plural(pages, 'page')} of {size} clients), "
            f"but {page!r} was passed."
        )
    kept = names[(page - 1) * size : page * size]
    if pages == 1:
        return kept, None
    first = (page - 1) * size + 1
    where = f"clients {first:,}-{first + len(kept) - 1:,} of {len(names):,}, page {page} of {pages}"
    return kept, where


def _only(data: _BalanceData, names: list[str]) -> _BalanceData:
    """The rows of ``names`` only, so each panel picks its rows from a small frame."""
    periods, points, rolling = (
        f.loc[f["client"].astype(str).isin(names)] if f is not None and "client" in f.columns else f
        for f in (data.periods, data.points, data.rolling)
    )
    return _BalanceData(periods, points, rolling, data.n_interviews)
