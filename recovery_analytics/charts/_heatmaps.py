"""Heatmaps: how often each theme came up per period, and per client.

The counts come from :func:`recovery_analytics.analytics.timeline` and
:func:`~recovery_analytics.analytics.cohort_themes`; this module only draws them.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.colors import Normalize
from matplotlib.image import AxesImage

from .._log import ReflectionLog
from ..analytics import SMALL_SAMPLE, DateLike, attention, cohort_themes, timeline
from ..exceptions import RecoveryAnalyticsError
from ..vocabulary import plural, pretty_theme
from ._base import (
    FREQ_WORDS,
    POLARITY_WORDS,
    artist_kwargs,
    as_float,
    check_freq,
    check_polarity,
    check_top,
    draw,
    empty_chart,
    join_note,
    period_label,
    resolve,
    set_titles,
    take_frame,
    top_rows,
)
from ._docs import shared_docs
from ._style import GREY, HEATMAP_CMAP, NO_ITEMS, SMALL_FONT, interviews_phrase

__all__ = ["plot_client_themes", "plot_theme_timeline"]


@shared_docs
def plot_theme_timeline(
    data: ReflectionLog | pd.DataFrame,
    *,
    ax: Axes | None = None,
    polarity: str = "wrong",
    freq: str = "M",
    value: str = "n_interviews",
    top: int | None = 12,
    client: str | None = None,
    title: str | None = None,
    **kwargs: Any,
) -> Axes:
    """A theme x period heatmap: how often each theme came up, with the counts.

    Parameters
    ----------
    data : ReflectionLog or DataFrame
        A log (``analytics.timeline`` is called on it; the column labels then
        also say how many interviews each period had) or that frame, with
        ``theme``, ``period`` and the ``value`` column.
    {ax}
    polarity : {"wrong", "well"}
        Themes of what went wrong (default) or of what went well.
    freq : {"M", "W", "Q"}
        The period of the columns.
    value : {"n_interviews", "n_items"}
        Count interviews the theme came up in (default), or items.
    top : int or None
        Show the ``top`` most frequent themes (``None``: all).
    client : str, optional
        Only this client's interviews (all clients together otherwise).
    {title}
    **kwargs
        Passed to ``Axes.imshow`` (the cells).

    {returns}

    Examples
    --------
    Two themes over two months, as ``analytics.timeline`` counts them:

    >>> import pandas as pd
    >>> frame = pd.DataFrame({
    ...     "theme": ["nerves", "nerves", "rambling", "rambling"],
    ...     "period": pd.to_datetime(["2026-03-01", "2026-04-01"] * 2),
    ...     "n_items": [3, 0, 1, 2], "n_interviews": [2, 0, 1, 2]})
    >>> ax = plot_theme_timeline(frame)
    >>> [t.get_text() for t in ax.get_yticklabels()]  # most frequent first
    ['rambling', 'nerves']
    >>> ax.images[0].get_array().tolist()
    [[1.0, 2.0], [2.0, 0.0]]
    """
    check_polarity(polarity)
    check_freq(freq)
    check_top(top)
    if value not in ("n_interviews", "n_items"):
        raise RecoveryAnalyticsError(
            f"The value for `value` must be 'n_interviews' or 'n_items', but {value!r} was passed."
        )
    counted = "interviews" if value == "n_interviews" else "items"
    heading = title or (
        f"How often each theme came up in what {POLARITY_WORDS[polarity]}, by {FREQ_WORDS[freq]}"
    )
    chart = "plot_theme_timeline"
    res = resolve(
        data, chart=chart, client=client, clients="together",
        compute=lambda log: timeline(log, freq=freq, polarity=polarity),
        take=take_frame(
            ["theme", "period", value], "analytics.timeline(log)", chart, by_client=False
        ),
    )  # fmt: skip

    def body(ax: Axes, counts: pd.DataFrame) -> Axes:
        note = join_note(
            res.who,
            interviews_phrase(res.n) if res.n is not None else None,
            f"numbers are {counted} per {FREQ_WORDS[freq]}",
        )
        frame = counts.assign(_v=as_float(counts[value]), _p=pd.to_datetime(counts["period"]))
        if not len(frame) or np.nansum(frame["_v"].to_numpy()) == 0:
            return empty_chart(ax, heading, NO_ITEMS, note)
        grid = frame.pivot_table(
            index="theme", columns="_p", values="_v", aggfunc="sum", fill_value=0,
            observed=True,
        )  # fmt: skip
        totals = grid.sum(axis=1)
        grid = grid.loc[totals > 0]
        order, hidden = top_rows(sorted(grid.index, key=lambda t: (-totals[t], str(t))), top)
        grid = grid.loc[order]
        per_period: pd.Series | None = None
        if "period_interviews" in frame.columns:
            sizes = frame.groupby("_p")["period_interviews"].first()
            per_period = pd.Series(pd.to_numeric(sizes).to_numpy(), index=sizes.index)
        cols = []
        for p in grid.columns:
            label = period_label(pd.Timestamp(p), freq)
            if per_period is not None and p in per_period.index:
                label += f"\n{plural(int(per_period[p]), 'interview')}"
            cols.append(label)
        values = grid.to_numpy(dtype=float)
        _heatmap(
            ax, values, rows=[pretty_theme(t) for t in grid.index], cols=cols,
            vmax=float(np.nanmax(values)), kwargs=kwargs,
        )  # fmt: skip
        return set_titles(ax, heading, join_note(note, hidden))

    return draw(res, ax, (9.0, 5.0), heading, body)


def _heatmap(
    ax: Axes,
    values: np.ndarray,
    *,
    rows: list[str],
    cols: list[str],
    vmax: float,
    kwargs: dict[str, Any],
) -> None:
    """The cells (``imshow``, with ``kwargs``) and each cell's number, dark on light."""
    norm = Normalize(vmin=0, vmax=vmax if vmax > 0 else 1)
    ax.imshow(
        values,
        **artist_kwargs(
            kwargs, AxesImage, cmap=HEATMAP_CMAP, norm=norm, aspect="auto",
            interpolation="nearest",
        ),
    )  # fmt: skip
    ax.set_xticks(np.arange(len(cols)), cols)
    ax.set_yticks(np.arange(len(rows)), rows)
    ax.tick_params(axis="both", length=0)
    ax.grid(False)
    for side in ("top", "right", "bottom", "left"):
        ax.spines[side].set_visible(False)
    image = ax.images[0]
    for (i, j), value in np.ndenumerate(values):
        if np.isnan(value):
            continue
        r, g, b, _ = image.cmap(image.norm(value))
        dark = (0.299 * r + 0.587 * g + 0.114 * b) < 0.5
        ax.text(j, i, f"{value:.0f}", ha="center", va="center", fontsize=SMALL_FONT,
                color="white" if dark else "#333333")  # fmt: skip


@shared_docs
def plot_client_themes(
    data: ReflectionLog | pd.DataFrame,
    *,
    ax: Axes | None = None,
    top: int | None = 10,
    max_clients: int | None = 30,
    today: DateLike = None,
    title: str | None = None,
    **kwargs: Any,
) -> Axes:
    """Coach view: a client x theme heatmap of what went wrong.

    Each cell is the share of that client's interviews in which the theme
    came up under went wrong (from ``analytics.cohort_themes``); each row is
    labelled with the client's number of interviews. With more than
    ``max_clients`` clients only that many rows are drawn, so the chart stays
    readable at any size of practice: from a log, the clients needing
    attention first (``analytics.attention``, in its order); from a frame,
    the first clients by name. The note says how many are shown and how many
    are left out.

    Parameters
    ----------
    data : ReflectionLog or DataFrame
        A log with any number of clients, or the frame of
        ``analytics.cohort_themes(log)`` (``client``, ``theme``, ``share``,
        ``n_interviews``, ``client_interviews``).
    {ax}
    top : int or None
        Show the ``top`` themes most clients share (``None``: all).
    max_clients : int or None
        Draw at most this many clients (``None``: all of them, however tall
        the chart gets).
    today : date-like, optional
        The date ``analytics.attention`` counts inactivity to, when the
        clients are ranked; today by default.
    {title}
    **kwargs
        Passed to ``Axes.imshow`` (the cells).

    {returns}

    Examples
    --------
    Two clients, as ``analytics.cohort_themes`` describes them:

    >>> import pandas as pd
    >>> frame = pd.DataFrame({
    ...     "client": ["ana", "ana", "bo"], "theme": ["nerves", "rambling", "nerves"],
    ...     "n_interviews": [2, 1, 3], "share": [0.5, 0.25, 1.0],
    ...     "client_interviews": [4, 4, 3]})
    >>> ax = plot_client_themes(frame)
    >>> ax.images[0].get_array().tolist()
    [[50.0, 25.0], [100.0, 0.0]]
    """
    check_top(top)
    check_top(max_clients, "max_clients")
    heading = title or "What went wrong for each client, by theme"
    chart = "plot_client_themes"
    res = resolve(
        data, chart=chart, client=None, compute=cohort_themes, clients="all",
        take=take_frame(["client", "theme", "share", "client_interviews"],
                        "analytics.cohort_themes(log)", chart, by_client=False),
    )  # fmt: skip
    if res.log is not None:
        n_clients = len(res.log.clients)
    else:
        n_clients = res.result["client"].nunique() if res.result is not None else 0
    limited = max_clients is not None and n_clients > max_clients
    shown = min(n_clients, max_clients) if max_clients is not None else n_clients

    def body(ax: Axes, shares: pd.DataFrame) -> Axes:
        note = f"{plural(n_clients, 'client')} \u00b7 numbers are % of each client's interviews"
        order: list[str] | None = None
        if limited:
            assert max_clients is not None  # limited says so
            if res.log is not None:
                ranked = attention(res.log, today=today)["client"].astype(str)
                order, how = ranked.head(max_clients).tolist(), "those needing attention first"
            else:
                names = sorted(shares["client"].dropna().astype(str).unique())
                order, how = names[:max_clients], "the first by name"
            note = (
                f"showing {max_clients:,} of {n_clients:,} clients, {how} "
                f"({n_clients - max_clients:,} not shown) \u00b7 numbers are % of each "
                "client's interviews"
            )
            shares = shares.loc[shares["client"].astype(str).isin(order)]
        frame = shares.assign(_s=as_float(shares["share"]) * 100)
        if not len(frame) or np.nansum(frame["_s"].to_numpy()) == 0:
            return empty_chart(ax, heading, "No went-wrong items written yet", note)
        grid = frame.pivot_table(
            index="client", columns="theme", values="_s", aggfunc="sum", fill_value=0,
            observed=True,
        )  # fmt: skip
        reach = (grid > 0).sum(axis=0)
        weight = grid.sum(axis=0)
        themes = sorted(grid.columns, key=lambda t: (-reach[t], -weight[t], str(t)))
        themes, hidden = top_rows(themes, top)
        grid = grid[themes]
        if order is not None:
            grid = grid.reindex([c for c in order if c in grid.index])
        sizes = frame.drop_duplicates("client").set_index("client")["client_interviews"].astype(int)
        rows = [f"{c} (n = {sizes.get(c, 0)})" for c in grid.index]
        small = [sizes.get(c, 0) < SMALL_SAMPLE for c in grid.index]
        _heatmap(
            ax, grid.to_numpy(dtype=float), rows=rows, cols=[pretty_theme(t) for t in themes],
            vmax=100.0, kwargs=kwargs,
        )  # fmt: skip
        for label, is_small in zip(ax.get_yticklabels(), small, strict=True):
            if is_small:
                label.set_fontstyle("italic")
                label.set_color(GREY)
        ax.tick_params(axis="x", labelrotation=30)
        for label in ax.get_xticklabels():
            label.set_horizontalalignment("right")
        if any(small):
            note += " \u00b7 grey rows: few interviews so far \u2014 read gently"
        return set_titles(ax, heading, join_note(note, hidden))

    return draw(res, ax, (9.0, 1.6 + 0.55 * max(shown, 2)), heading, body)
