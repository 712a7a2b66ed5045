"""Themes: strengths vs weaknesses, recurring weaknesses, theme x month and
client x theme heatmaps.

The counts come from :mod:`recovery_analytics.analytics` (``theme_balance``,
``recurring``, ``timeline``, ``cohort_themes``); this module only draws them.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.colors import Normalize
from matplotlib.patches import Patch

from .._log import ReflectionLog
from ..exceptions import RecoveryAnalyticsError
from ..vocabulary import plural
from ._base import (
    FREQ_WORDS,
    analytics_function,
    as_float,
    check_frame,
    check_freq,
    empty_chart,
    frame_client,
    new_axes,
    one_client,
    period_label,
    pretty_theme,
    select_client,
    set_titles,
)
from ._style import (
    GREY,
    HEATMAP_CMAP,
    NO_INTERVIEWS,
    SMALL_FONT,
    SMALL_SAMPLE,
    STATUS_STYLE,
    WELL,
    WRONG,
    house_style,
    interviews_phrase,
)

__all__ = [
    "plot_client_themes",
    "plot_recurring",
    "plot_strengths_weaknesses",
    "plot_theme_timeline",
]

NO_ITEMS = "No went-well or went-wrong items written yet"
POLARITY_WORDS = {"wrong": "went wrong", "well": "went well"}


def _check_polarity(polarity: str) -> str:
    if polarity not in POLARITY_WORDS:
        raise RecoveryAnalyticsError(
            f"The value for `polarity` must be 'well' or 'wrong', but {polarity!r} was passed."
        )
    return polarity


def _check_top(top: int | None) -> int | None:
    if top is not None and (isinstance(top, bool) or not isinstance(top, int) or top < 1):
        raise RecoveryAnalyticsError(
            f"The value for `top` must be a whole number (1 or more) or None, but {top!r} "
            "was passed."
        )
    return top


def _join(note: str | None, extra: str) -> str:
    return f"{note} \u00b7 {extra}" if note else extra


def _who_note(who: str | None, n: int | None, extra: str | None = None) -> str | None:
    parts = [p for p in (who, interviews_phrase(n) if n is not None else None, extra) if p]
    return " \u00b7 ".join(parts) if parts else None


# -- strengths vs weaknesses ----------------------------------------------------------


def plot_strengths_weaknesses(
    data: ReflectionLog | pd.DataFrame,
    *,
    ax: Axes | None = None,
    client: str | None = None,
    top: int | None = 12,
    title: str | None = None,
) -> Axes:
    """Diverging bars per theme: went well to the right, went wrong to the left.

    Each bar is the number of items tagged with that theme (an item with two
    themes counts for both); themes are sorted by how often they came up at
    all, the most frequent on top.

    Parameters
    ----------
    data : ReflectionLog or DataFrame
        A log (``analytics.theme_balance`` is called on it) or that frame,
        with ``theme``, ``n_well`` and ``n_wrong``.
    ax : matplotlib Axes, optional
        Where to draw; a new Figure (not pyplot) when omitted.
    client : str, optional
        Only this client's items (all clients together otherwise).
    top : int or None
        Show the ``top`` most frequent themes (``None``: all).
    title : str, optional
        Replaces the default title.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import pandas as pd
    >>> frame = pd.DataFrame({"theme": ["nerves", "technical"], "n_well": [1, 6],
    ...                       "n_wrong": [5, 2]})
    >>> ax = plot_strengths_weaknesses(frame)
    >>> [t.get_text() for t in ax.get_yticklabels()]  # bottom to top: most frequent on top
    ['nerves', 'technical']
    >>> [float(p.get_width()) for p in ax.patches]  # went well, then went wrong
    [1.0, 6.0, -5.0, -2.0]
    """
    _check_top(top)
    heading = title or "What went well and what went wrong, by theme"
    with house_style():
        ax = new_axes(ax, (8.0, 5.0))
        n: int | None = None
        who: str | None = None
        if isinstance(data, ReflectionLog):
            log = select_client(data, client)
            who = log.clients[0] if len(log.clients) == 1 else None
            n = len(log)
            if n == 0:
                return empty_chart(ax, heading, NO_INTERVIEWS, who)
            frame = analytics_function("theme_balance")(log)
        else:
            frame = check_frame(
                data,
                ["theme", "n_well", "n_wrong"],
                "analytics.theme_balance(log)",
                "plot_strengths_weaknesses",
            )
            frame = frame_client(frame, client)
            if "client" in frame.columns:
                who = one_client(frame["client"], "plot_strengths_weaknesses")
        if n is None and "group_interviews" in frame.columns and len(frame):
            n = int(pd.to_numeric(frame["group_interviews"]).max())
        note = _who_note(who, n, "an item with two themes counts twice")
        well = as_float(frame["n_well"])
        wrong = as_float(frame["n_wrong"])
        total = np.nan_to_num(well) + np.nan_to_num(wrong)
        if not len(frame) or total.sum() == 0:
            return empty_chart(ax, heading, NO_ITEMS, note)
        order = pd.DataFrame(
            {
                "theme": frame["theme"].astype(str).to_numpy(),
                "well": well,
                "wrong": wrong,
                "total": total,
            }  # fmt: skip
        )
        order = order.loc[order["total"] > 0]
        order = order.sort_values(["total", "theme"], ascending=[False, True], kind="stable")
        hidden = 0
        if top is not None and len(order) > top:
            hidden = len(order) - top
            order = order.head(top)
        order = order.iloc[::-1]  # barh draws bottom-up: most frequent on top
        y = np.arange(len(order))
        labels = [pretty_theme(t) for t in order["theme"]]
        well_bars = ax.barh(y, order["well"], color=WELL, label="went well", height=0.7)
        wrong_bars = ax.barh(y, -order["wrong"], color=WRONG, label="went wrong", height=0.7)
        for bars, values, side in ((well_bars, order["well"], 1), (wrong_bars, order["wrong"], -1)):
            for bar, value in zip(bars, values, strict=True):
                if value > 0:
                    ax.annotate(
                        f"{int(value)}",
                        (bar.get_width(), bar.get_y() + bar.get_height() / 2),
                        xytext=(4 * side, 0), textcoords="offset points",
                        ha="left" if side > 0 else "right", va="center",
                        fontsize=SMALL_FONT, color="#333333",
                    )  # fmt: skip
        ax.set_yticks(y, labels)
        reach = float(max(order["well"].max(), order["wrong"].max(), 1)) * 1.2
        ax.set_xlim(-reach, reach)
        ax.axvline(0, color="#333333", linewidth=1)
        ax.xaxis.set_major_formatter(lambda v, _pos: f"{abs(v):g}")
        ax.set_xlabel("number of items")
        ax.grid(axis="y", visible=False)
        ax.set_ylim(-0.6, len(order) + 0.2)  # a free row on top for the two directions
        ax.text(0.02, 0.99, "\u2190 went wrong", transform=ax.transAxes, ha="left",
                va="top", color=WRONG, fontweight="bold", fontsize=SMALL_FONT + 1)  # fmt: skip
        ax.text(0.98, 0.99, "went well \u2192", transform=ax.transAxes, ha="right",
                va="top", color=WELL, fontweight="bold", fontsize=SMALL_FONT + 1)  # fmt: skip
        if hidden:
            note = _join(note, f"{plural(hidden, 'more theme')} not shown")
        set_titles(ax, heading, note)
        return ax


# -- recurring ----------------------------------------------------------------------------


def plot_recurring(
    data: ReflectionLog | pd.DataFrame,
    *,
    ax: Axes | None = None,
    client: str | None = None,
    polarity: str = "wrong",
    min_interviews: int = 2,
    recent: int = 3,
    top: int | None = 10,
    title: str | None = None,
) -> Axes:
    """Bars by share of interviews for themes that came up more than once.

    Themes seen in fewer than ``min_interviews`` interviews are left out. The
    colour and hatch of each bar show its status from ``analytics.recurring``:
    new lately, keeps coming up, coming up more often, coming up less often,
    or not seen lately (resolved); the legend says which is which, and each
    bar is labelled with its number of interviews.

    Parameters
    ----------
    data : ReflectionLog or DataFrame
        A log (``analytics.recurring`` is called on it) or that frame, with
        ``theme``, ``n_interviews``, ``share`` and ``status``.
    ax : matplotlib Axes, optional
        Where to draw; a new Figure (not pyplot) when omitted.
    client : str, optional
        The client to show; needed when the data holds several.
    polarity : {"wrong", "well"}
        Recurring weaknesses (default) or recurring strengths.
    min_interviews : int
        Show themes seen in at least this many interviews (default 2); also
        passed to ``analytics.recurring`` when ``data`` is a log.
    recent : int
        Passed to ``analytics.recurring`` when ``data`` is a log.
    top : int or None
        Show the ``top`` themes with the largest share (``None``: all).
    title : str, optional
        Replaces the default title.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import pandas as pd
    >>> frame = pd.DataFrame({"theme": ["nerves", "rambling"], "n_interviews": [6, 3],
    ...                       "share": [0.5, 0.25], "status": ["resolved", "recurring"]})
    >>> ax = plot_recurring(frame)
    >>> [t.get_text() for t in ax.get_yticklabels()]  # bottom to top: largest share on top
    ['rambling', 'nerves']
    >>> [float(p.get_width()) for p in ax.patches]
    [25.0, 50.0]
    """
    _check_polarity(polarity)
    _check_top(top)
    if title:
        heading = title
    elif polarity == "wrong":
        heading = "What keeps going wrong, by share of interviews"
    else:
        heading = "What keeps going well, by share of interviews"
    with house_style():
        ax = new_axes(ax, (8.0, 4.8))
        n: int | None = None
        if isinstance(data, ReflectionLog):
            log = select_client(data, client)
            who = one_client(log.clients, "plot_recurring")
            n = len(log)
            if n == 0:
                return empty_chart(ax, heading, NO_INTERVIEWS, who)
            frame = analytics_function("recurring")(
                log, polarity=polarity, by="client", min_interviews=min_interviews,
                recent=recent,
            )  # fmt: skip
        else:
            frame = check_frame(
                data,
                ["theme", "n_interviews", "share", "status"],
                "analytics.recurring(log)",
                "plot_recurring",
            )
            frame = frame_client(frame, client)
            who = one_client(frame["client"], "plot_recurring") if "client" in frame else None
        if n is None and "group_interviews" in frame.columns and len(frame):
            n = int(pd.to_numeric(frame["group_interviews"]).max())
        note = _who_note(who, n)
        frame = frame.loc[pd.to_numeric(frame["n_interviews"]) >= min_interviews]
        if not len(frame):
            message = (
                "Nothing has come up in more than one interview yet"
                if n is None or n > 1
                else "One interview so far: nothing can recur yet"
            )
            return empty_chart(ax, heading, message, note)
        shown = frame.assign(_share=as_float(frame["share"]) * 100)
        shown = shown.sort_values(["_share", "theme"], ascending=[False, True], kind="stable")
        hidden = 0
        if top is not None and len(shown) > top:
            hidden = len(shown) - top
            shown = shown.head(top)
        shown = shown.iloc[::-1]
        y = np.arange(len(shown))
        statuses = shown["status"].astype(str).tolist()
        unknown = sorted(set(statuses) - set(STATUS_STYLE))
        if unknown:
            raise RecoveryAnalyticsError(
                f"plot_recurring does not know the status {unknown[0]!r}; expected one of "
                f"{', '.join(STATUS_STYLE)}."
            )
        bars = ax.barh(
            y,
            shown["_share"],
            color=[STATUS_STYLE[s]["color"] for s in statuses],
            hatch=[STATUS_STYLE[s]["hatch"] for s in statuses],
            edgecolor="white",
            height=0.7,
        )
        of = (
            pd.to_numeric(shown["group_interviews"]).tolist()
            if "group_interviews" in shown.columns
            else [None] * len(shown)
        )
        for bar, count, total in zip(bars, shown["n_interviews"], of, strict=True):
            ax.annotate(
                f"in {int(count)} of {int(total)}" if total else f"in {int(count)}",
                (bar.get_width(), bar.get_y() + bar.get_height() / 2),
                xytext=(4, 0), textcoords="offset points", ha="left", va="center",
                fontsize=SMALL_FONT, color="#333333",
            )  # fmt: skip
        ax.set_yticks(y, [pretty_theme(t) for t in shown["theme"]])
        ax.set_xlim(0, 115)
        ax.set_xticks([0, 25, 50, 75, 100])
        ax.xaxis.set_major_formatter(lambda v, _pos: f"{v:g}%")
        ax.set_xlabel("share of interviews")
        ax.grid(axis="y", visible=False)
        present = [s for s in STATUS_STYLE if s in statuses]
        handles = [
            Patch(
                facecolor=STATUS_STYLE[s]["color"],
                hatch=STATUS_STYLE[s]["hatch"],
                edgecolor="white",
                label=STATUS_STYLE[s]["label"],
            )
            for s in present
        ]
        ax.legend(handles=handles, loc="lower right", title="lately", fontsize=SMALL_FONT)
        if hidden:
            note = _join(note, f"{plural(hidden, 'more theme')} not shown")
        set_titles(ax, heading, note)
        return ax


# -- heatmaps --------------------------------------------------------------------------------


def _heatmap(
    ax: Axes,
    values: np.ndarray,
    *,
    rows: list[str],
    cols: list[str],
    fmt: str,
    vmax: float,
) -> None:
    norm = Normalize(vmin=0, vmax=vmax if vmax > 0 else 1)
    ax.imshow(values, cmap=HEATMAP_CMAP, norm=norm, aspect="auto", interpolation="nearest")
    ax.set_xticks(np.arange(len(cols)), cols)
    ax.set_yticks(np.arange(len(rows)), rows)
    ax.tick_params(axis="both", length=0)
    ax.grid(False)
    for side in ("top", "right", "bottom", "left"):
        ax.spines[side].set_visible(False)
    cmap = ax.images[0].cmap
    for (i, j), value in np.ndenumerate(values):
        if np.isnan(value):
            continue
        r, g, b, _ = cmap(norm(value))
        dark = (0.299 * r + 0.587 * g + 0.114 * b) < 0.5
        ax.text(j, i, fmt.format(value), ha="center", va="center", fontsize=SMALL_FONT,
                color="white" if dark else "#333333")  # fmt: skip


def plot_theme_timeline(
    data: ReflectionLog | pd.DataFrame,
    *,
    ax: Axes | None = None,
    client: str | None = None,
    polarity: str = "wrong",
    freq: str = "M",
    value: str = "n_interviews",
    top: int | None = 12,
    title: str | None = None,
) -> Axes:
    """A theme x period heatmap: how often each theme came up, with the counts.

    Parameters
    ----------
    data : ReflectionLog or DataFrame
        A log (``analytics.timeline`` is called on it; the column labels then
        also say how many interviews each period had) or that frame, with
        ``theme``, ``period`` and the ``value`` column.
    ax : matplotlib Axes, optional
        Where to draw; a new Figure (not pyplot) when omitted.
    client : str, optional
        Only this client's interviews (all clients together otherwise).
    polarity : {"wrong", "well"}
        Themes of what went wrong (default) or of what went well.
    freq : {"M", "W", "Q"}
        The period of the columns.
    value : {"n_interviews", "n_items"}
        Count interviews the theme came up in (default), or items.
    top : int or None
        Show the ``top`` most frequent themes (``None``: all).
    title : str, optional
        Replaces the default title.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
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
    _check_polarity(polarity)
    check_freq(freq)
    _check_top(top)
    if value not in ("n_interviews", "n_items"):
        raise RecoveryAnalyticsError(
            f"The value for `value` must be 'n_interviews' or 'n_items', but {value!r} was passed."
        )
    counted = "interviews" if value == "n_interviews" else "items"
    heading = title or (
        f"How often each theme came up in what {POLARITY_WORDS[polarity]}, by {FREQ_WORDS[freq]}"
    )
    with house_style():
        ax = new_axes(ax, (9.0, 5.0))
        per_period: pd.Series | None = None
        n: int | None = None
        who: str | None = None
        if isinstance(data, ReflectionLog):
            log = select_client(data, client)
            who = log.clients[0] if len(log.clients) == 1 else None
            n = len(log)
            if n == 0:
                return empty_chart(ax, heading, NO_INTERVIEWS, who)
            frame = analytics_function("timeline")(log, freq=freq, polarity=polarity)
        else:
            frame = check_frame(
                data,
                ["theme", "period", value],
                "analytics.timeline(log)",
                "plot_theme_timeline",
            )
        note = _who_note(who, n, f"numbers are {counted} per {FREQ_WORDS[freq]}")
        frame = frame.assign(_v=as_float(frame[value]), _p=pd.to_datetime(frame["period"]))
        if not len(frame) or np.nansum(frame["_v"].to_numpy()) == 0:
            return empty_chart(ax, heading, NO_ITEMS, note)
        grid = frame.pivot_table(
            index="theme", columns="_p", values="_v", aggfunc="sum", fill_value=0,
            observed=True,
        )  # fmt: skip
        totals = grid.sum(axis=1)
        grid = grid.loc[totals > 0]
        order = sorted(grid.index, key=lambda t: (-totals[t], str(t)))
        hidden = 0
        if top is not None and len(order) > top:
            hidden = len(order) - top
            order = order[:top]
        grid = grid.loc[order]
        if "period_interviews" in frame.columns:
            sizes = frame.groupby("_p")["period_interviews"].first()
            per_period = pd.Series(pd.to_numeric(sizes).to_numpy(), index=sizes.index)
        cols = []
        for p in grid.columns:
            label = period_label(p, freq)
            if per_period is not None and p in per_period.index:
                label += f"\n{plural(int(per_period[p]), 'interview')}"
            cols.append(label)
        values = grid.to_numpy(dtype=float)
        _heatmap(
            ax, values, rows=[pretty_theme(t) for t in grid.index], cols=cols, fmt="{:.0f}",
            vmax=float(np.nanmax(values)),
        )  # fmt: skip
        if hidden:
            note = _join(note, f"{plural(hidden, 'more theme')} not shown")
        set_titles(ax, heading, note)
        return ax


def plot_client_themes(
    data: ReflectionLog | pd.DataFrame,
    *,
    ax: Axes | None = None,
    top: int | None = 10,
    title: str | None = None,
) -> Axes:
    """Coach view: a client x theme heatmap of what went wrong.

    Each cell is the share of that client's interviews in which the theme
    came up under went wrong (from ``analytics.cohort_themes``); each row is
    labelled with the client's number of interviews.

    Parameters
    ----------
    data : ReflectionLog or DataFrame
        A log with any number of clients, or the frame of
        ``analytics.cohort_themes(log)`` (``client``, ``theme``, ``share``,
        ``n_interviews``, ``client_interviews``).
    ax : matplotlib Axes, optional
        Where to draw; a new Figure (not pyplot) when omitted.
    top : int or None
        Show the ``top`` themes most clients share (``None``: all).
    title : str, optional
        Replaces the default title.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import pandas as pd
    >>> frame = pd.DataFrame({
    ...     "client": ["ana", "ana", "bo"], "theme": ["nerves", "rambling", "nerves"],
    ...     "n_interviews": [2, 1, 3], "share": [0.5, 0.25, 1.0],
    ...     "client_interviews": [4, 4, 3]})
    >>> ax = plot_client_themes(frame)
    >>> ax.images[0].get_array().tolist()
    [[50.0, 25.0], [100.0, 0.0]]
    """
    _check_top(top)
    heading = title or "What went wrong for each client, by theme"
    with house_style():
        n_clients = 0
        if isinstance(data, ReflectionLog):
            n_clients = len(data.clients)
            ax = new_axes(ax, (9.0, 1.6 + 0.55 * max(n_clients, 2)))
            if len(data) == 0:
                return empty_chart(ax, heading, NO_INTERVIEWS)
            frame = analytics_function("cohort_themes")(data)
        else:
            frame = check_frame(
                data,
                ["client", "theme", "share", "client_interviews"],
                "analytics.cohort_themes(log)",
                "plot_client_themes",
            )
            n_clients = frame["client"].nunique()
            ax = new_axes(ax, (9.0, 1.6 + 0.55 * max(n_clients, 2)))
        note = f"{plural(n_clients, 'client')} \u00b7 numbers are % of each client's interviews"
        frame = frame.assign(_s=as_float(frame["share"]) * 100)
        if not len(frame) or np.nansum(frame["_s"].to_numpy()) == 0:
            return empty_chart(ax, heading, "No went-wrong items written yet", note)
        grid = frame.pivot_table(
            index="client", columns="theme", values="_s", aggfunc="sum", fill_value=0,
            observed=True,
        )  # fmt: skip
        reach = (grid > 0).sum(axis=0)
        weight = grid.sum(axis=0)
        themes = sorted(grid.columns, key=lambda t: (-reach[t], -weight[t], str(t)))
        hidden = 0
        if top is not None and len(themes) > top:
            hidden = len(themes) - top
            themes = themes[:top]
        grid = grid[themes]
        sizes = frame.drop_duplicates("client").set_index("client")["client_interviews"].astype(int)
        rows = [f"{c} (n = {sizes.get(c, 0)})" for c in grid.index]
        small = [sizes.get(c, 0) < SMALL_SAMPLE for c in grid.index]
        _heatmap(
            ax, grid.to_numpy(dtype=float), rows=rows, cols=[pretty_theme(t) for t in themes],
            fmt="{:.0f}", vmax=100.0,
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
        if hidden:
            note = _join(note, f"{plural(hidden, 'more theme')} not shown")
        set_titles(ax, heading, note)
        return ax
