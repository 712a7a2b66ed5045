"""Themes as bars: strengths vs weaknesses, and what keeps coming up.

The counts come from :func:`recovery_analytics.analytics.theme_balance` and
:func:`~recovery_analytics.analytics.recurring`; this module only draws them.
The heatmaps (theme x period, client x theme) are in :mod:`._heatmaps`.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.patches import Patch, Rectangle

from .._log import ReflectionLog
from ..analytics import recurring, theme_balance
from ..exceptions import RecoveryAnalyticsError
from ..vocabulary import pretty_theme
from ._base import (
    artist_kwargs,
    as_float,
    check_polarity,
    check_top,
    draw,
    empty_chart,
    group_interviews,
    join_note,
    resolve,
    set_titles,
    take_frame,
    top_rows,
)
from ._docs import shared_docs
from ._style import (
    NO_ITEMS,
    SMALL_FONT,
    STATUS_STYLE,
    WELL,
    WRONG,
    interviews_phrase,
)

__all__ = ["plot_recurring", "plot_strengths_weaknesses"]


def _bar_counts(ax: Axes, bars: Any, texts: list[str], side: int = 1) -> None:
    """Write each bar's count just past its end."""
    for bar, text in zip(bars, texts, strict=True):
        if text:
            ax.annotate(
                text, (bar.get_width(), bar.get_y() + bar.get_height() / 2),
                xytext=(4 * side, 0), textcoords="offset points",
                ha="left" if side > 0 else "right", va="center", fontsize=SMALL_FONT,
                color="#333333",
            )  # fmt: skip


@shared_docs
def plot_strengths_weaknesses(
    data: ReflectionLog | pd.DataFrame,
    *,
    ax: Axes | None = None,
    client: str | None = None,
    top: int | None = 12,
    title: str | None = None,
    **kwargs: Any,
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
    {ax}
    client : str, optional
        Only this client's items (all clients together otherwise).
    top : int or None
        Show the ``top`` most frequent themes (``None``: all).
    {title}
    **kwargs
        Passed to both ``Axes.barh`` calls (the bars).

    {returns}

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
    check_top(top)
    heading = title or "What went well and what went wrong, by theme"
    chart = "plot_strengths_weaknesses"
    res = resolve(
        data, chart=chart, client=client, compute=theme_balance, clients="together",
        take=take_frame(["theme", "n_well", "n_wrong"], "analytics.theme_balance(log)", chart),
        count=group_interviews,
    )  # fmt: skip

    def body(ax: Axes, frame: pd.DataFrame) -> Axes:
        note = join_note(
            res.who,
            interviews_phrase(res.n) if res.n is not None else None,
            "an item with two themes counts twice",
        )
        well = as_float(frame["n_well"])
        wrong = as_float(frame["n_wrong"])
        total = np.nan_to_num(well) + np.nan_to_num(wrong)
        if not len(frame) or total.sum() == 0:
            return empty_chart(ax, heading, NO_ITEMS, note)
        theme = frame["theme"].astype(str).to_numpy()
        order = pd.DataFrame({"theme": theme, "well": well, "wrong": wrong, "total": total})
        order = order.loc[order["total"] > 0]
        order = order.sort_values(["total", "theme"], ascending=[False, True], kind="stable")
        order, hidden = top_rows(order, top)
        order = order.iloc[::-1]  # barh draws bottom-up: most frequent on top
        y = np.arange(len(order))
        for values, colour, label, side in (
            (order["well"], WELL, "went well", 1),
            (order["wrong"], WRONG, "went wrong", -1),
        ):
            bars = ax.barh(
                y, side * values, **artist_kwargs(kwargs, Rectangle, color=colour, label=label,
                                                   height=0.7)
            )  # fmt: skip
            _bar_counts(ax, bars, [f"{int(v)}" if v > 0 else "" for v in values], side)
        ax.set_yticks(y, [pretty_theme(t) for t in order["theme"]])
        reach = float(max(order["well"].max(), order["wrong"].max(), 1)) * 1.2
        ax.set_xlim(-reach, reach)
        ax.axvline(0, color="#333333", linewidth=1)
        ax.xaxis.set_major_formatter(lambda v, _pos: f"{abs(v):g}")
        ax.set_xlabel("number of items")
        ax.grid(axis="y", visible=False)
        ax.set_ylim(-0.6, len(order) + 0.2)  # a free row on top for the two directions
        for x, text, colour, align in ((0.02, "\u2190 went wrong", WRONG, "left"),
                                       (0.98, "went well \u2192", WELL, "right")):  # fmt: skip
            ax.text(x, 0.99, text, transform=ax.transAxes, ha=align, va="top", color=colour,
                    fontweight="bold", fontsize=SMALL_FONT + 1)  # fmt: skip
        return set_titles(ax, heading, join_note(note, hidden))

    return draw(res, ax, (8.0, 5.0), heading, body)


def _status_legend(ax: Axes, statuses: list[str]) -> None:
    """A legend of the statuses shown, in the order of :data:`STATUS_STYLE`."""
    handles = [
        Patch(
            facecolor=style["color"], hatch=style["hatch"], edgecolor="white", label=style["label"]
        )  # fmt: skip
        for status, style in STATUS_STYLE.items()
        if status in statuses
    ]
    ax.legend(handles=handles, loc="lower right", title="lately", fontsize=SMALL_FONT)


@shared_docs
def plot_recurring(
    data: ReflectionLog | pd.DataFrame,
    *,
    ax: Axes | None = None,
    polarity: str = "wrong",
    min_interviews: int = 2,
    recent: int = 3,
    top: int | None = 10,
    client: str | None = None,
    title: str | None = None,
    **kwargs: Any,
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
    {ax}
    polarity : {"wrong", "well"}
        Recurring weaknesses (default) or recurring strengths.
    min_interviews : int
        Show themes seen in at least this many interviews (default 2); also
        passed to ``analytics.recurring`` when ``data`` is a log.
    recent : int
        Passed to ``analytics.recurring`` when ``data`` is a log.
    top : int or None
        Show the ``top`` themes with the largest share (``None``: all).
    {client}
    {title}
    **kwargs
        Passed to ``Axes.barh`` (the bars).

    {returns}

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
    check_polarity(polarity)
    check_top(top)
    keeps = "wrong" if polarity == "wrong" else "well"
    heading = title or f"What keeps going {keeps}, by share of interviews"
    chart = "plot_recurring"
    res = resolve(
        data, chart=chart, client=client,
        compute=lambda log: recurring(
            log, polarity=polarity, by="client", min_interviews=min_interviews, recent=recent
        ),
        take=take_frame(
            ["theme", "n_interviews", "share", "status"], "analytics.recurring(log)", chart
        ),
        count=group_interviews,
    )  # fmt: skip

    def body(ax: Axes, found: pd.DataFrame) -> Axes:
        n = res.n
        note = join_note(res.who, interviews_phrase(n) if n is not None else None)
        frame = found.loc[pd.to_numeric(found["n_interviews"]) >= min_interviews]
        if not len(frame):
            message = (
                "Nothing has come up in more than one interview yet"
                if n is None or n > 1
                else "One interview so far: nothing can recur yet"
            )
            return empty_chart(ax, heading, message, note)
        shown = frame.assign(_share=as_float(frame["share"]) * 100)
        shown = shown.sort_values(["_share", "theme"], ascending=[False, True], kind="stable")
        shown, hidden = top_rows(shown, top)
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
            y, shown["_share"], **artist_kwargs(
                kwargs, Rectangle, color=[STATUS_STYLE[s]["color"] for s in statuses],
                hatch=[STATUS_STYLE[s]["hatch"] for s in statuses], edgecolor="white",
                height=0.7,
            ),
        )  # fmt: skip
        of = shown["group_interviews"] if "group_interviews" in shown.columns else None
        _bar_counts(
            ax, bars, [
                f"in {int(count)} of {int(total)}" if total else f"in {int(count)}"
                for count, total in zip(
                    shown["n_interviews"],
                    [None] * len(shown) if of is None else pd.to_numeric(of).tolist(),
                    strict=True,
                )
            ],
        )  # fmt: skip
        ax.set_yticks(y, [pretty_theme(t) for t in shown["theme"]])
        ax.set_xlim(0, 115)
        ax.set_xticks([0, 25, 50, 75, 100])
        ax.xaxis.set_major_formatter(lambda v, _pos: f"{v:g}%")
        ax.set_xlabel("share of interviews")
        ax.grid(axis="y", visible=False)
        _status_legend(ax, statuses)
        return set_titles(ax, heading, join_note(note, hidden))

    return draw(res, ax, (8.0, 4.8), heading, body)
