"""Feeling after interviews (step 1) and follow-ups (step 5), with outcomes.

The averages come from :func:`recovery_analytics.analytics.recovery` and
:func:`~recovery_analytics.analytics.follow_ups`; the single interviews are
drawn as they were written down.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle

from .._log import ReflectionLog
from ..analytics import follow_ups, recovery
from ..model import enum_values
from ..vocabulary import FOLLOW_UP_GROUPS, NOT_RECORDED, follow_up_label, plural
from ._base import (
    FREQ_WORDS,
    artist_kwargs,
    as_float,
    check_freq,
    date_axis,
    draw,
    empty_chart,
    join_note,
    period_centres,
    resolve,
    set_titles,
    take_frame,
)
from ._docs import shared_docs
from ._style import (
    MAIN,
    NO_INTERVIEWS,
    OUTCOME_STYLE,
    SMALL_FONT,
    SMALL_SAMPLE_LABEL,
    interviews_phrase,
)

__all__ = ["plot_feeling", "plot_follow_ups"]

#: Every outcome in the order of the field specification, then none recorded.
_OUTCOMES = (*enum_values("outcome"), NOT_RECORDED)


_take_over_time = take_frame(
    ["period", "mean_feeling", "small_sample"],
    "analytics.recovery(log).feeling_over_time",
    "plot_feeling",
    attr="feeling_over_time",
)
_take_outcomes_frame = take_frame(
    ["follow_up", "outcome", "n"],
    "analytics.follow_ups(log).outcomes",
    "plot_follow_ups",
    attr="outcomes",
)

_take_rates = take_frame(
    ["requested", "granted", "declined", "no_response", "pending", "answered"],
    "analytics.follow_ups(log).rates",
    "plot_follow_ups",
    attr="rates",
)


def _interviews_in(frame: pd.DataFrame) -> int | None:
    if "interviews" in frame.columns:
        return int(pd.to_numeric(frame["interviews"]).sum())
    return None


Outcomes = tuple[pd.DataFrame, pd.DataFrame | None]


def _take_outcomes(data: object, client: str | None) -> tuple[Outcomes, pd.DataFrame]:
    """``outcomes`` (and ``rates``) from a FollowUps result, or the frame itself."""
    outcomes, _ = _take_outcomes_frame(data, client)
    rates = _take_rates(data, client)[0] if hasattr(data, "rates") else None
    return (outcomes, rates), outcomes


def _all_follow_ups(log: ReflectionLog) -> Outcomes:
    result = follow_ups(log, by=None)
    return result.outcomes, result.rates


@shared_docs
def plot_feeling(
    data: ReflectionLog | pd.DataFrame | object,
    *,
    ax: Axes | None = None,
    freq: str = "M",
    client: str | None = None,
    title: str | None = None,
    **kwargs: Any,
) -> Axes:
    """Feeling after each interview (1-5) over time, with what happened next.

    Each interview is a marker at its feeling score, shaped and coloured by
    its outcome (offer, next round, waiting to hear, not this time, withdrew,
    no reply). The line is the average feeling per period from
    ``analytics.recovery``; periods where fewer than 5 feelings were recorded
    have hollow markers.

    Parameters
    ----------
    data : ReflectionLog, Recovery or DataFrame
        A log (interviews and ``analytics.recovery(log)``), the ``Recovery``
        result or its ``feeling_over_time`` frame (the line only).
    {ax}
    freq : {"M", "W", "Q"}
        The period of the average line.
    {client}
    {title}
    **kwargs
        Passed to ``Axes.plot`` for the average line.

    {returns}

    Examples
    --------
    >>> import pandas as pd
    >>> frame = pd.DataFrame({"period": pd.to_datetime(["2026-03-01", "2026-04-01"]),
    ...                       "n_feeling": [2, 5], "mean_feeling": [2.5, 3.4],
    ...                       "small_sample": [True, False]})
    >>> ax = plot_feeling(frame)
    >>> [float(y) for y in ax.get_ylim()]
    [0.5, 5.5]
    """
    check_freq(freq)
    heading = title or "How each interview felt afterwards, and what happened next"
    res = resolve(
        data, chart="plot_feeling", client=client, take=_take_over_time, count=_interviews_in,
        compute=lambda log: recovery(log, by="client", freq=freq).feeling_over_time,
    )  # fmt: skip

    def body(ax: Axes, over_time: pd.DataFrame) -> Axes:
        interviews = res.log.interviews if res.log is not None else None
        note = join_note(res.who, interviews_phrase(res.n) if res.n is not None else None)
        feeling = as_float(interviews["feeling"]) if interviews is not None else np.array([])
        mean = as_float(over_time["mean_feeling"])
        if np.isnan(feeling).all() and np.isnan(mean).all():
            return empty_chart(ax, heading, "No feelings recorded yet", note)
        set_titles(ax, heading, note)
        dates = []
        if len(over_time):
            per = over_time.sort_values("period")
            centres = period_centres(per["period"], freq).reset_index(drop=True)
            values = as_float(per["mean_feeling"])
            small = per["small_sample"].fillna(False).astype(bool).to_numpy()
            ok = ~np.isnan(values)
            ax.plot(
                centres, values, **artist_kwargs(
                    kwargs, Line2D, color=MAIN, linewidth=2.2, zorder=2, gid="feeling-mean",
                    label=f"average per {FREQ_WORDS[freq]}",
                ),
            )  # fmt: skip
            ax.plot(centres[ok & ~small], values[ok & ~small], linestyle="none", marker="o",
                    color=MAIN, markersize=7, zorder=3, gid="feeling-mean-full")  # fmt: skip
            if (ok & small).any():
                ax.plot(
                    centres[ok & small], values[ok & small], linestyle="none", marker="o",
                    markersize=7, markerfacecolor="white", markeredgecolor=MAIN,
                    markeredgewidth=1.6, zorder=3, gid="feeling-mean-small",
                    label=SMALL_SAMPLE_LABEL,
                )  # fmt: skip
            dates.append(centres)
        if interviews is not None:
            when = pd.to_datetime(interviews["interview_date"])
            outcome = interviews["outcome"].astype("str").fillna(NOT_RECORDED).to_numpy()
            for name in _OUTCOMES:
                mask = (outcome == name) & ~np.isnan(feeling)
                if not mask.any():
                    continue
                style = OUTCOME_STYLE[name]
                ax.plot(
                    when[mask], feeling[mask], linestyle="none", marker=style["marker"],
                    markersize=11 if style["marker"] == "*" else 8, color=style["color"],
                    markeredgecolor="#333333", markeredgewidth=0.6, alpha=0.9, zorder=4,
                    label=style["label"], gid=f"outcome-{name}",
                )  # fmt: skip
            dates.append(when)
        ax.set_ylim(0.5, 5.5)
        ax.set_yticks([1, 2, 3, 4, 5])
        ax.set_ylabel("feeling afterwards (1\u20135)")
        if dates:
            date_axis(ax, pd.concat(dates, ignore_index=True))
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=SMALL_FONT - 1)
        return ax

    return draw(res, ax, (8.0, 4.5), heading, body)


@shared_docs
def plot_follow_ups(
    data: ReflectionLog | pd.DataFrame | object,
    *,
    ax: Axes | None = None,
    client: str | None = None,
    title: str | None = None,
    **kwargs: Any,
) -> Axes:
    """What happened after asking for another conversation, and after not asking.

    One stacked bar per group (asked, did not ask, not recorded), split by
    outcome, each labelled with its number of interviews. The bars sit side
    by side to describe what happened; they do not show that asking changed
    the outcome.

    Parameters
    ----------
    data : ReflectionLog, FollowUps or DataFrame
        A log (``analytics.follow_ups(log, by=None)`` is called on it), the
        ``FollowUps`` result or its ``outcomes`` frame (``follow_up``,
        ``outcome``, ``n``).
    {ax}
    client : str, optional
        Only this client (all clients together otherwise).
    {title}
    **kwargs
        Passed to ``Axes.barh`` (the stacked bars).

    {returns}

    Examples
    --------
    >>> import pandas as pd
    >>> frame = pd.DataFrame({"follow_up": ["requested", "requested", "not_requested"],
    ...                       "outcome": ["next_round", "rejected", "ghosted"],
    ...                       "n": [3, 1, 2]})
    >>> ax = plot_follow_ups(frame)
    >>> sorted(float(p.get_width()) for p in ax.patches if p.get_width())
    [1.0, 2.0, 3.0]
    """
    heading = title or "What happened after asking for another conversation"
    res = resolve(
        data, chart="plot_follow_ups", client=client, compute=_all_follow_ups,
        take=_take_outcomes, clients="together",
    )  # fmt: skip

    def body(ax: Axes, found: Outcomes) -> Axes:
        outcomes, rates = found
        counts = outcomes.assign(_n=as_float(outcomes["n"])).pivot_table(
            index="follow_up", columns="outcome", values="_n", aggfunc="sum", fill_value=0,
            observed=False,
        )  # fmt: skip
        groups = [g for g in FOLLOW_UP_GROUPS if g in counts.index and counts.loc[g].sum() > 0]
        total = int(counts.to_numpy().sum()) if len(counts) else 0
        note = join_note(res.who, interviews_phrase(total))
        if not groups:
            return empty_chart(ax, heading, NO_INTERVIEWS, note)
        set_titles(ax, heading, join_note(note, "side by side, not cause and effect"))
        y = np.arange(len(groups))[::-1]
        left = np.zeros(len(groups))
        for name in _OUTCOMES:
            if name not in counts.columns:
                continue
            widths = np.array([counts.loc[g, name] for g in groups], dtype=float)
            if not widths.any():
                continue
            style = OUTCOME_STYLE[name]
            ax.barh(
                y, widths, left=left, **artist_kwargs(
                    kwargs, Rectangle, height=0.6, color=style["color"], label=style["label"],
                    edgecolor="#555555" if name == NOT_RECORDED else "white",
                    hatch="//" if name == NOT_RECORDED else None, gid=f"outcome-{name}",
                ),
            )  # fmt: skip
            left += widths
        labels = []
        for g in groups:
            size = int(counts.loc[g].to_numpy().sum())
            labels.append(f"{follow_up_label(g)}\n(n = {size})")
        ax.set_yticks(y, labels)
        ax.set_xlabel("interviews")
        ax.set_xlim(0, max(float(left.max()), 1.0) * 1.05)
        ax.grid(axis="y", visible=False)
        if rates is not None and len(rates) == 1:
            row = rates.iloc[0]
            answered = int(row["answered"])
            if int(row["requested"]) > 0:
                ax.set_xlabel(
                    f"interviews \u00b7 of {plural(int(row['requested']), 'request')}, "
                    f"{int(row['granted'])} granted, {int(row['declined'])} declined, "
                    f"{int(row['no_response'])} no reply, {int(row['pending'])} waiting"
                    + ("" if answered else " (no answers yet)")
                )
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=SMALL_FONT - 1,
                  title="what happened next")  # fmt: skip
        return ax

    return draw(res, ax, (8.0, 3.8), heading, body)
