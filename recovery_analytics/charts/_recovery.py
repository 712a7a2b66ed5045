"""Feeling after interviews (step 1) and follow-ups (step 5), with outcomes.

The averages come from :func:`recovery_analytics.analytics.recovery` and
:func:`~recovery_analytics.analytics.follow_ups`; the single interviews are
drawn as they were written down.
"""

from __future__ import annotations

from typing import Final

import numpy as np
import pandas as pd
from matplotlib.axes import Axes

from .._log import ReflectionLog
from ..model import enum_values
from ._base import (
    FREQ_WORDS,
    analytics_function,
    as_float,
    check_frame,
    check_freq,
    date_axis,
    empty_chart,
    frame_client,
    new_axes,
    one_client,
    select_client,
    set_titles,
)
from ._style import (
    MAIN,
    NO_INTERVIEWS,
    OKABE_ITO,
    SMALL_FONT,
    SMALL_SAMPLE_LABEL,
    house_style,
    interviews_phrase,
    plural,
)

OUTCOMES = enum_values("outcome")

__all__ = ["OUTCOME_STYLE", "plot_feeling", "plot_follow_ups"]

NOT_RECORDED: Final = "not_recorded"

#: Colour, marker and plain label for each outcome (and for none recorded).
OUTCOME_STYLE: Final[dict[str, dict[str, str]]] = {
    "offer": {"color": OKABE_ITO["bluish_green"], "marker": "*", "label": "offer"},
    "next_round": {"color": OKABE_ITO["sky_blue"], "marker": "^", "label": "next round"},
    "pending": {"color": "#BBBBBB", "marker": "o", "label": "waiting to hear"},
    "rejected": {"color": OKABE_ITO["orange"], "marker": "v", "label": "not this time"},
    "withdrew": {"color": OKABE_ITO["reddish_purple"], "marker": "s", "label": "withdrew"},
    "ghosted": {"color": "#7F7F7F", "marker": "D", "label": "no reply"},
    NOT_RECORDED: {"color": "white", "marker": ".", "label": "not recorded"},
}
_FOLLOW_UP_LABELS: Final = {
    "requested": "asked for another conversation",
    "not_requested": "did not ask",
    NOT_RECORDED: "not recorded",
}


def _over_time(data: object) -> pd.DataFrame:
    """``feeling_over_time`` from a Recovery result, or the frame itself."""
    frame = getattr(data, "feeling_over_time", data)
    return check_frame(
        frame,
        ["period", "mean_feeling", "small_sample"],
        "analytics.recovery(log).feeling_over_time",
        "plot_feeling",
    )


def plot_feeling(
    data: ReflectionLog | pd.DataFrame | object,
    *,
    ax: Axes | None = None,
    client: str | None = None,
    freq: str = "M",
    title: str | None = None,
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
    ax : matplotlib Axes, optional
        Where to draw; a new Figure (not pyplot) when omitted.
    client : str, optional
        The client to show; needed when the data holds several.
    freq : {"M", "W", "Q"}
        The period of the average line.
    title : str, optional
        Replaces the default title.

    Returns
    -------
    matplotlib.axes.Axes

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
    with house_style():
        ax = new_axes(ax, (8.0, 4.5))
        interviews: pd.DataFrame | None = None
        if isinstance(data, ReflectionLog):
            log = select_client(data, client)
            who = one_client(log.clients, "plot_feeling")
            if len(log) == 0:
                return empty_chart(ax, heading, NO_INTERVIEWS, who)
            interviews = log.interviews
            over_time: pd.DataFrame | None = analytics_function("recovery")(
                log, by="client", freq=freq
            ).feeling_over_time
            n: int | None = len(log)
        else:
            over_time = frame_client(_over_time(data), client)
            who = one_client(over_time["client"], "plot_feeling") if "client" in over_time else None
            n = (
                int(pd.to_numeric(over_time["interviews"]).sum())
                if "interviews" in over_time
                else None
            )
        note = " \u00b7 ".join(
            p for p in (who, interviews_phrase(n) if n is not None else None) if p
        )
        feeling = as_float(interviews["feeling"]) if interviews is not None else np.array([])
        mean = as_float(over_time["mean_feeling"]) if over_time is not None else np.array([])
        if np.isnan(feeling).all() and np.isnan(mean).all():
            return empty_chart(ax, heading, "No feelings recorded yet", note or None)
        set_titles(ax, heading, note or None)
        dates = []
        if over_time is not None and len(over_time):
            per = over_time.sort_values("period")
            centres = pd.Series(
                [
                    (p.start_time + (p.end_time - p.start_time) / 2).floor("D")
                    for p in (pd.Period(ts, freq) for ts in pd.to_datetime(per["period"]))
                ]
            )
            values = as_float(per["mean_feeling"])
            small = per["small_sample"].fillna(False).astype(bool).to_numpy()
            ok = ~np.isnan(values)
            ax.plot(centres, values, color=MAIN, linewidth=2.2, zorder=2, gid="feeling-mean",
                    label=f"average per {FREQ_WORDS[freq]}")  # fmt: skip
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
            for name in [*OUTCOMES, NOT_RECORDED]:
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


def plot_follow_ups(
    data: ReflectionLog | pd.DataFrame | object,
    *,
    ax: Axes | None = None,
    client: str | None = None,
    title: str | None = None,
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
    ax : matplotlib Axes, optional
        Where to draw; a new Figure (not pyplot) when omitted.
    client : str, optional
        Only this client (all clients together otherwise).
    title : str, optional
        Replaces the default title.

    Returns
    -------
    matplotlib.axes.Axes

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
    with house_style():
        ax = new_axes(ax, (8.0, 3.8))
        rates: pd.DataFrame | None = None
        who: str | None = None
        if isinstance(data, ReflectionLog):
            log = select_client(data, client)
            who = log.clients[0] if len(log.clients) == 1 else None
            if len(log) == 0:
                return empty_chart(ax, heading, NO_INTERVIEWS, who)
            result = analytics_function("follow_ups")(log, by=None)
            outcomes, rates = result.outcomes, result.rates
        else:
            outcomes = getattr(data, "outcomes", data)
            rates = getattr(data, "rates", None)
            outcomes = check_frame(
                outcomes,
                ["follow_up", "outcome", "n"],
                "analytics.follow_ups(log).outcomes",
                "plot_follow_ups",
            )
            outcomes = frame_client(outcomes, client)
            if rates is not None:
                rates = frame_client(rates, client)
            if "client" in outcomes.columns:
                who = one_client(outcomes["client"], "plot_follow_ups")
        counts = outcomes.assign(_n=as_float(outcomes["n"])).pivot_table(
            index="follow_up", columns="outcome", values="_n", aggfunc="sum", fill_value=0,
            observed=False,
        )  # fmt: skip
        groups = [g for g in _FOLLOW_UP_LABELS if g in counts.index and counts.loc[g].sum() > 0]
        total = int(counts.to_numpy().sum()) if len(counts) else 0
        note = " \u00b7 ".join(p for p in (who, interviews_phrase(total)) if p)
        if not groups:
            return empty_chart(ax, heading, NO_INTERVIEWS, note)
        note += " \u00b7 side by side, not cause and effect"
        set_titles(ax, heading, note)
        y = np.arange(len(groups))[::-1]
        left = np.zeros(len(groups))
        order = [*OUTCOMES, NOT_RECORDED]
        for name in order:
            if name not in counts.columns:
                continue
            widths = np.array([counts.loc[g, name] for g in groups], dtype=float)
            if not widths.any():
                continue
            style = OUTCOME_STYLE[name]
            ax.barh(
                y, widths, left=left, height=0.6, color=style["color"], label=style["label"],
                edgecolor="#555555" if name == NOT_RECORDED else "white",
                hatch="//" if name == NOT_RECORDED else None, gid=f"outcome-{name}",
            )  # fmt: skip
            left += widths
        labels = []
        for g in groups:
            size = int(counts.loc[g].sum())
            labels.append(f"{_FOLLOW_UP_LABELS[g]}\n(n = {size})")
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
