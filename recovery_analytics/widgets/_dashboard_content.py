"""The dashboard's headline sentences, its chart registry and its PNG renderer.

Moved here unchanged from the dashboard widget so they can be rewired in one
place: the headline is a second writer beside ``reports`` (one summary and
one sentence writer are coming), :func:`chart_png` a third renderer beside
``reports``' and ``notebook``'s, and :data:`TAB_TITLES` with the
``if``/``elif`` in :func:`chart_png` a third chart registry beside
``charts``. TODO(redesign): rewire to the shared summary, ``charts.CHARTS``
and the one ``render``.
"""

from __future__ import annotations

import io
from typing import Final

import pandas as pd
import PIL.Image
from matplotlib.backends.backend_agg import FigureCanvasAgg

from .._log import ReflectionLog
from ..analytics import SMALL_SAMPLE, client_summary
from ..charts import (
    house_style,
    plot_balance,
    plot_client_themes,
    plot_feeling,
    plot_recurring,
    plot_strengths_weaknesses,
)
from ..exceptions import RecoveryAnalyticsError

__all__ = ["DPI", "NO_SELECTION", "TAB_TITLES", "chart_png", "headline"]

#: Tab name -> its title, in the order the tabs appear.
TAB_TITLES: Final = {
    "balance": "Balance over time",
    "strengths": "By theme",
    "recurring": "Recurring",
    "feeling": "Feeling",
    "written": "What was written",
    "clients": "All clients",
}
_OUTCOME_WORDS: Final = {
    "offer": "offer",
    "next_round": "next round",
    "pending": "waiting to hear",
    "rejected": "not this time",
    "withdrew": "withdrew",
    "ghosted": "no reply",
}
NO_SELECTION: Final = (
    "No interviews match this selection. Try a wider date range, or \u201call themes\u201d."
)
DPI: Final = 80


def _plural(n: int, word: str) -> str:
    return f"{n} {word if n == 1 else word + 's'}"


def _when(first: pd.Timestamp, last: pd.Timestamp) -> str:
    if first.normalize() == last.normalize():
        return f"on {first.day} {first:%B %Y}"
    if (first.year, first.month) == (last.year, last.month):
        return f"in {first:%B %Y}"
    if first.year == last.year:
        return f"from {first:%B} to {last:%B %Y}"
    return f"from {first:%B %Y} to {last:%B %Y}"


def _names(themes: str) -> str:
    return themes.replace("_", " ")


def headline(log: ReflectionLog) -> list[str]:
    """The headline numbers of one person's interviews, in plain and kind words.

    Every figure says how many interviews it rests on; below
    ``SMALL_SAMPLE`` (5) interviews no trend is claimed. Nothing is graded.

    Examples
    --------
    >>> from recovery_analytics.analytics._examples import example_log
    >>> for line in headline(example_log().filter(client="ana")):
    ...     print(line)  # doctest: +NORMALIZE_WHITESPACE
    3 interviews from January to March 2026: 5 things went well and 3 went wrong.
    With 3 interviews so far these figures are a first glimpse \u2014 read them gently.
    Feeling afterwards: 3.0 out of 5 on average (noted for 3 of 3 interviews).
    Came up more than once under went wrong: conciseness.
    Strengths that keep showing up: rapport.
    Plan B: 1 next step open, 1 done.
    What happened next so far: 1 next round, 1 offer, 1 not this time.
    """
    n = len(log)
    if n == 0:
        return [NO_SELECTION]
    frame = log.interviews
    dates = frame["interview_date"]
    when = _when(dates.min(), dates.max())
    well, wrong = int(frame["n_well"].sum()), int(frame["n_wrong"].sum())
    if well + wrong == 0:
        lines = [
            f"{_plural(n, 'interview')} {when}, with nothing written yet under went well "
            "or went wrong."
        ]
    else:
        lines = [
            f"{_plural(n, 'interview')} {when}: {_plural(well, 'thing')} went well and "
            f"{wrong} went wrong."
        ]
    summary = None
    if len(log.clients) == 1:
        summary = client_summary(log).iloc[0]
    if n < SMALL_SAMPLE:
        lines.append(
            f"With {_plural(n, 'interview')} so far these figures are a first glimpse "
            "\u2014 read them gently."
        )
    elif summary is not None:
        first, second = summary["balance_first_half"], summary["balance_second_half"]
        if not (pd.isna(first) or pd.isna(second)):
            trend = str(summary["trend"])
            shares = f"({float(first):.0%} in the first half, {float(second):.0%} in the second)"
            if trend == "more positive":
                lines.append(
                    f"In the more recent half of these interviews, more of what was written "
                    f"down went well {shares}."
                )
            elif trend == "less positive":
                lines.append(
                    f"In the more recent half, less of what was written down went well "
                    f"{shares}. Dips like this are common in a long search."
                )
            else:
                lines.append(f"The share of things that went well stayed about the same {shares}.")
    feeling = pd.to_numeric(frame["feeling"], errors="coerce").dropna()
    if len(feeling):
        lines.append(
            f"Feeling afterwards: {feeling.mean():.1f} out of 5 on average "
            f"(noted for {len(feeling)} of {_plural(n, 'interview')})."
        )
    if summary is not None:
        weak, strong = str(summary["top_weaknesses"] or ""), str(summary["top_strengths"] or "")
        if weak and weak != "nan":
            lines.append(f"Came up more than once under went wrong: {_names(weak)}.")
        if strong and strong != "nan":
            lines.append(f"Strengths that keep showing up: {_names(strong)}.")
    done = int(log.actions["done"].sum()) if len(log.actions) else 0
    open_ = len(log.actions) - done
    if len(log.actions):
        lines.append(f"Plan B: {_plural(open_, 'next step')} open, {done} done.")
    outcomes = frame["outcome"].dropna().astype(str).value_counts()
    if len(outcomes):
        parts = sorted(outcomes.items(), key=lambda kv: (-kv[1], kv[0]))
        said = ", ".join(f"{int(k)} {_OUTCOME_WORDS.get(str(o), str(o))}" for o, k in parts)
        lines.append(f"What happened next so far: {said}.")
    return lines


def chart_png(name: str, log: ReflectionLog, *, polarity: str = "both", dpi: float = DPI) -> bytes:
    """One dashboard chart as PNG bytes, drawn on its own Figure (never pyplot).

    ``name`` is a key of :data:`TAB_TITLES` other than ``"written"``;
    ``log`` holds one client (all clients for ``"clients"``).

    Examples
    --------
    >>> from recovery_analytics.analytics._examples import example_log
    >>> chart_png("strengths", example_log().filter(client="ana"))[:8]
    b'\\x89PNG\\r\\n\\x1a\\n'
    """
    if name == "balance":
        ax = plot_balance(log)
    elif name == "strengths":
        ax = plot_strengths_weaknesses(log)
    elif name == "recurring":
        ax = plot_recurring(log, polarity="well" if polarity == "well" else "wrong")
    elif name == "feeling":
        ax = plot_feeling(log)
    elif name == "clients":
        ax = plot_client_themes(log)
    else:
        raise RecoveryAnalyticsError(
            f"The value for `name` must be one of {[k for k in TAB_TITLES if k != 'written']}, "
            f"but {name!r} was passed."
        )
    figure = ax.get_figure(root=True)
    assert figure is not None  # the chart functions draw on a Figure they made
    # One Agg draw at the final resolution, encoded quickly: savefig would lay the
    # figure out again, and a dashboard image needs no archival compression.
    figure.set_dpi(dpi)
    canvas = FigureCanvasAgg(figure)
    with house_style():
        canvas.draw()
    width, height = canvas.get_width_height(physical=True)
    image = PIL.Image.frombuffer("RGBA", (width, height), canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, format="png", compress_level=1)
    figure.clear()
    return buffer.getvalue()
