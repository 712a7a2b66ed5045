"""Dashboard: charts and headline numbers of a journal or a log, kept current.

The widget is thin: the selection (:func:`select_log`), the headline
sentences (:func:`headline`), the charts as PNG bytes (:func:`chart_png`),
the "what was written" list (:func:`written_html`) and folding a changed
entry into a cached log (:func:`merge_changes`) are plain functions.

Speed
    The log is read once. When the journal reports a change
    (``journal.on_change``), only the changed entries are read back and
    folded into the cached log; then the headline and the *visible* tab are
    redrawn (other tabs are drawn when they are opened). Charts are drawn on
    :class:`matplotlib.figure.Figure` objects (never pyplot) and shown as PNG
    in the tab's Output, whose ``outputs`` are replaced in one step: the
    old image stays until the new one arrives, so nothing flickers, and no
    figure is left open.

CSS classes
-----------
=============================  ===========================================
class                          widget (attribute of the dashboard)
=============================  ===========================================
``ra-dashboard``               the whole dashboard (``dash.widget``)
``ra-dash-client``             client Dropdown (``dash.client``; hidden with
                               one client)
``ra-dash-start``              "from" DatePicker (``dash.start``)
``ra-dash-end``                "to" DatePicker (``dash.end``)
``ra-dash-polarity``           ToggleButtons both / went well / went wrong
                               (``dash.polarity``)
``ra-dash-theme``              theme Dropdown (``dash.theme``)
``ra-dash-headline``           HTML with the headline numbers in words
``ra-dash-tabs``               the Tab (``dash.tabs``)
``ra-dash-<tab>``              each tab's Output (``dash.outputs[<tab>]``):
                               ``balance``, ``strengths``, ``recurring``,
                               ``feeling``, ``written``, ``clients``
``ra-dash-status``             status HTML: errors and notes
``ra-dash-reload``             Reload Button (journals only)
``ra-dash-export-dir``         Text: the folder for exports
``ra-dash-export-format``      Dropdown HTML / PDF
``ra-dash-anonymize``          Checkbox: hide names in the packet
``ra-dash-export``             Export Button (``dash.export``)
``ra-dash-export-link``        HTML with the link to the written packet
=============================  ===========================================
"""

from __future__ import annotations

import base64
import datetime as dt
import html
import io
import os
import re
import time
import urllib.parse
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Final

import ipywidgets as widgets
import numpy as np
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
from ..journal import EntryNotFoundError, Journal
from ..themes import OTHER
from ._form import (
    close_widgets,
    failure_message,
    resolve_taxonomy,
    set_choice,
)
from ._settle import BrowserButton, Clock, Debouncer, Loop, SettledClick, from_browser, running_loop

__all__ = [
    "Dashboard",
    "TAB_TITLES",
    "chart_png",
    "export_link_html",
    "export_name",
    "headline",
    "log_of_entries",
    "merge_changes",
    "select_log",
    "theme_choices",
    "written_html",
]

#: Tab name -> its title, in the order the tabs appear.
TAB_TITLES: Final = {
    "balance": "Balance over time",
    "strengths": "By theme",
    "recurring": "Recurring",
    "feeling": "Feeling",
    "written": "What was written",
    "clients": "All clients",
}
POLARITY_CHOICES: Final = (("both", "both"), ("went well", "well"), ("went wrong", "wrong"))
_POLARITY_WORDS: Final = {"well": "went well", "wrong": "went wrong"}
_OUTCOME_WORDS: Final = {
    "offer": "offer",
    "next_round": "next round",
    "pending": "waiting to hear",
    "rejected": "not this time",
    "withdrew": "withdrew",
    "ghosted": "no reply",
}
NO_ENTRIES: Final = "No reflections yet. Once one is saved, the charts appear here."
NO_SELECTION: Final = (
    "No interviews match this selection. Try a wider date range, or \u201call themes\u201d."
)
_ERROR_COLOUR: Final = "#8a3b00"
_NOTE_COLOUR: Final = "#555555"
DPI: Final = 80


# -- plain functions ----------------------------------------------------------------------


def _plural(n: int, word: str) -> str:
    return f"{n} {word if n == 1 else word + 's'}"


def _date(value: object) -> pd.Timestamp | None:
    if value is None:
        return None
    ts = pd.Timestamp(value)  # type: ignore[arg-type]
    return None if pd.isna(ts) else ts


def select_log(
    log: ReflectionLog,
    *,
    client: str | None = None,
    start: object = None,
    end: object = None,
    polarity: str = "both",
    theme: str | None = None,
) -> ReflectionLog:
    """The interviews the dashboard shows: one client, a date range, a theme.

    ``theme`` keeps the interviews where that theme came up (under went well,
    went wrong, or either, as ``polarity`` says; ``"other"`` is an item
    without a theme). Dates are inclusive; either may be ``None``.

    Examples
    --------
    >>> from recovery_analytics.analytics._examples import example_log
    >>> log = example_log()
    >>> len(select_log(log, client="ana")), len(select_log(log, client="ana", theme="conciseness"))
    (3, 2)
    >>> select_log(log, start="2026-03-10", end="2026-03-01")
    Traceback (most recent call last):
    ...
    recovery_analytics.exceptions.RecoveryAnalyticsError: The \u201cfrom\u201d date \
(2026-03-10) is after the \u201cto\u201d date (2026-03-01): swap them to see interviews.
    """
    if polarity not in ("both", "well", "wrong"):
        raise RecoveryAnalyticsError(
            f"The value for `polarity` must be one of 'both', 'well', 'wrong', but "
            f"{polarity!r} was passed."
        )
    first, last = _date(start), _date(end)
    if first is not None and last is not None and first > last:
        raise RecoveryAnalyticsError(
            f"The \u201cfrom\u201d date ({first:%Y-%m-%d}) is after the \u201cto\u201d date "
            f"({last:%Y-%m-%d}): swap them to see interviews."
        )
    if client is not None and log.clients == [log.check_client(client)]:
        client = None  # the only client: nothing to filter
    if client is None and first is None and last is None:
        picked = log
    else:
        picked = log.filter(client=client, start=first, end=last)
    if theme is None:
        return picked
    long = picked.item_themes
    mask = long["theme"] == theme
    if polarity != "both":
        mask &= (long["polarity"] == polarity).to_numpy()
    ids = long.loc[mask.to_numpy(), "entry_id"].unique()
    return picked.filter(entry_ids=ids)


def theme_choices(log: ReflectionLog, polarity: str = "both") -> list[tuple[str, int]]:
    """Themes that came up, with their number of interviews, most first.

    Examples
    --------
    >>> from recovery_analytics.analytics._examples import example_log
    >>> theme_choices(example_log().filter(client="ana"), "wrong")[:2]
    [('conciseness', 2), ('technical', 1)]
    """
    items = log.items
    seen: dict[str, set[str]] = {}
    for entry_id, pol, themes in zip(
        items["entry_id"].tolist(), items["polarity"].tolist(), items["themes"].tolist(),
        strict=True,
    ):  # fmt: skip
        if polarity != "both" and pol != polarity:
            continue
        for theme in themes if len(themes) else (OTHER,):
            seen.setdefault(str(theme), set()).add(entry_id)
    order = sorted(seen.items(), key=lambda kv: (kv[0] == OTHER, -len(kv[1]), kv[0]))
    return [(theme, len(ids)) for theme, ids in order]


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


def written_html(
    log: ReflectionLog, *, polarity: str = "both", theme: str | None = None, limit: int = 60
) -> str:
    """What was written under went well / went wrong, newest first, as HTML.

    Examples
    --------
    >>> from recovery_analytics.analytics._examples import example_log
    >>> ana = example_log().filter(client="ana")
    >>> text = written_html(ana, polarity="wrong", theme="conciseness")
    >>> text.count("<li>"), text.index("2026-03-02") < text.index("2026-01-05")  # newest first
    (2, True)
    """
    long = log.item_themes
    if polarity != "both":
        long = long.loc[(long["polarity"] == polarity).to_numpy()]
    if theme is not None:
        long = long.loc[(long["theme"] == theme).to_numpy()]
    items = long.drop_duplicates("item_id").sort_values(
        ["interview_date", "item_id"], ascending=[False, True], kind="stable"
    )
    if not len(items):
        return f"<p>{html.escape(NO_SELECTION)}</p>"
    themes = log.items["themes"]
    companies = log.interviews["company"]
    rows = []
    for item_id, eid, date, pol, text in zip(
        items["item_id"].head(limit),
        items["entry_id"].head(limit),
        items["interview_date"].head(limit),
        items["polarity"].head(limit),
        items["text"].head(limit),
        strict=True,
    ):
        company = companies.get(eid)
        where = f" \u00b7 {html.escape(str(company))}" if isinstance(company, str) else ""
        named = ", ".join(_names(t) for t in themes.get(item_id, [])) or "no theme yet"
        rows.append(
            f"<li><b>{pd.Timestamp(date):%Y-%m-%d}</b>{where} \u00b7 "
            f"{_POLARITY_WORDS.get(str(pol), str(pol))}: {html.escape(str(text))} "
            f'<span style="color:{_NOTE_COLOUR}">({html.escape(named)})</span></li>'
        )
    more = len(items) - len(rows)
    tail = f"<p>\u2026 and {_plural(more, 'more item')}.</p>" if more > 0 else ""
    return f"<ul>{''.join(rows)}</ul>{tail}"


def log_of_entries(entries: Iterable[Any], *, taxonomy: Any, where: str) -> ReflectionLog:
    """A log of a few entries, built and tagged exactly as ``load()`` would."""
    from .._load import log_from_records
    from ..io import entry_to_json

    records = []
    for entry in entries:
        record = entry_to_json(entry)
        record["_file"] = f"{where}#{entry.entry_id}"
        record["_line"] = None
        records.append(record)
    return log_from_records(records, errors="collect", taxonomy=taxonomy)


def merge_changes(
    log: ReflectionLog, fresh: ReflectionLog | None, changed: Iterable[str]
) -> ReflectionLog:
    """``log`` with the ``changed`` entries replaced by those in ``fresh``.

    An id in ``changed`` but not in ``fresh`` was deleted. The result is in
    ``load()``'s order: interviews by date then client, items and actions
    following their interview.
    """
    changed = set(changed)
    ids = log.interviews.index
    gone = ids.isin(list(changed))
    kept = log.filter(entry_ids=ids[~gone]) if gone.any() else log
    if fresh is None or len(fresh) == 0:
        return _in_order(kept)
    if len(kept) == 0:
        return _in_order(ReflectionLog(fresh.interviews, fresh.items, fresh.actions, kept.problems))
    return _in_order(ReflectionLog.concat([kept, fresh]))


def _in_order(log: ReflectionLog) -> ReflectionLog:
    """Interviews by date then client; items and actions following them, numbered from 0."""
    interviews = log.interviews.sort_values(["interview_date", "client"], kind="stable")
    rank = pd.Series(np.arange(len(interviews)), index=interviews.index)
    items = log.items
    order = np.lexsort(
        (items["polarity"].cat.codes.to_numpy(), items["entry_id"].map(rank).to_numpy())
    )
    items = items.iloc[order].reset_index(drop=True)
    items.index.name = "item_id"
    actions = log.actions
    order = np.argsort(actions["entry_id"].map(rank).to_numpy(), kind="stable")
    actions = actions.iloc[order].reset_index(drop=True)
    actions.index.name = "action_id"
    return ReflectionLog(interviews, items, actions, log.problems)


_UNSAFE: Final = re.compile(r"[^\w.-]+")


def export_name(client: str, fmt: str, *, today: dt.date, anonymize: bool = False) -> str:
    """The packet's file name: ``review-<client>-<date>.<fmt>`` (no name when anonymised).

    Examples
    --------
    >>> export_name("Ana Lima", "html", today=dt.date(2026, 3, 4))
    'review-Ana-Lima-2026-03-04.html'
    >>> export_name("Ana Lima", "pdf", today=dt.date(2026, 3, 4), anonymize=True)
    'review-2026-03-04.pdf'
    """
    who = "" if anonymize else _UNSAFE.sub("-", client).strip("-.")
    stem = f"review-{who}-{today.isoformat()}" if who else f"review-{today.isoformat()}"
    return f"{stem}.{fmt}"


def export_link_html(path: Path, *, cwd: Path | None = None) -> str:
    """A link to a written file: relative to the notebook's folder when inside it.

    Examples
    --------
    >>> export_link_html(Path("/home/me/nb/exports/review-me.html"), cwd=Path("/home/me/nb"))
    '<a href="exports/review-me.html" target="_blank" rel="noopener">Open the review packet</a> \
\u2014 saved as <code>exports/review-me.html</code>'
    """
    here = Path(cwd) if cwd is not None else Path.cwd()
    target = Path(os.path.abspath(path))
    try:
        shown = target.relative_to(Path(os.path.abspath(here))).as_posix()
        href = urllib.parse.quote(shown)
    except ValueError:
        shown = str(target)
        href = target.as_uri()
    return (
        f'<a href="{html.escape(href)}" target="_blank" rel="noopener">Open the review packet</a>'
        f" \u2014 saved as <code>{html.escape(shown)}</code>"
    )


def _png_output(png: bytes, alt: str) -> dict[str, Any]:
    return {
        "output_type": "display_data",
        "data": {"image/png": base64.b64encode(png).decode("ascii"), "text/plain": alt},
        "metadata": {},
    }


def _html_output(text: str, plain: str) -> dict[str, Any]:
    return {
        "output_type": "display_data",
        "data": {"text/html": text, "text/plain": plain},
        "metadata": {},
    }


def _message(text: str) -> dict[str, Any]:
    return _html_output(
        f'<p style="color:{_NOTE_COLOUR};padding:1em 0">{html.escape(text)}</p>', text
    )


# -- the widget ---------------------------------------------------------------------------


class Dashboard:
    """Charts and headline numbers of a journal (kept current) or of a log.

    Parameters
    ----------
    source : Journal or ReflectionLog
        A journal is followed: every add, update or delete (from an
        :class:`EntryForm` on the same journal, say) refreshes the dashboard.
        A log is shown as it is.
    client : str, optional
        The client to show first (coaches); the first one by default. The
        client selector is hidden when there is only one client.
    taxonomy : Taxonomy or path, optional
        The themes to tag with (journals only); by default the journal's.
    export_dir : str or Path
        Where Export writes review packets (``"exports"`` by default,
        relative to the notebook's folder).
    dpi : float
        Resolution of the chart images.

    Notes
    -----
    Put ``dash`` last in a cell to show it. ``dash.close()`` closes every
    widget and stops following the journal.

    A change to the journal is applied at once (only the changed entries
    are read back); inside a kernel the numbers are updated at once and the
    chart right after the change's callback returns, and a burst of changes
    (an import) is gathered into one refresh about 0.3 s after the last one.
    ``dash.refresh()`` reads the whole journal again (the Reload button), for
    changes made outside this process, such as files edited by hand.
    """

    def __init__(
        self,
        source: Journal | ReflectionLog,
        *,
        client: str | None = None,
        taxonomy: object = None,
        export_dir: str | os.PathLike[str] = "exports",
        dpi: float = DPI,
        clock: Clock = time.monotonic,
        loop: Loop | None = None,
    ) -> None:
        if isinstance(source, Journal):
            self.journal: Journal | None = source
            self.taxonomy: Any = resolve_taxonomy(taxonomy, source)
            self._log = source.log(taxonomy=self.taxonomy)
        elif isinstance(source, ReflectionLog):
            self.journal = None
            self.taxonomy = None
            self._log = source
        else:
            raise TypeError(
                "Dashboard shows a Journal (Journal.open(...)) or a ReflectionLog (load(...)), "
                f"but a {type(source).__name__} was passed."
            )
        self.dpi = dpi
        self._version = 0
        self._drawn: dict[str, tuple[Any, ...]] = {}
        self._pending: set[str] = set()
        self._quiet = False
        self._created: list[Any] = []
        self._build(os.fspath(export_dir))
        self._tab_names: list[str] = []
        self._update_choices(initial=client)
        self._loop = loop
        self._redraw_soon = Debouncer(self._redraw_quietly, delay=0.2, clock=clock, loop=loop)
        self._refresh_soon = Debouncer(self._apply_pending, delay=0.3, clock=clock, loop=loop)
        for control in (self.client, self.start, self.end, self.polarity, self.theme):
            control.observe(self._filter_changed, names="value")
        self.tabs.observe(self._tab_changed, names="selected_index")
        self.reload.on_click(self._reload_clicked)
        # an Export clicked in the browser waits for a filter or "hide names" changed
        # just before it, so the packet is the one on screen
        self._export_click = SettledClick(
            self.export,
            self._export_clicked,
            waiting=lambda: self._show_note("Writing the review packet\u2026"),
            clock=clock,
            loop=loop,
        )
        for control in (
            self.client,
            self.start,
            self.end,
            self.polarity,
            self.theme,
            self.export_dir,
            self.export_format,
            self.anonymize,
        ):
            control.observe(self._export_click.touched, names="value")
        self._redraw_quietly()
        if self.journal is not None:
            self.journal.on_change(self._journal_changed)

    # -- building ---------------------------------------------------------------------------

    def _w(self, widget: Any, css: str | None = None) -> Any:
        if css:
            widget.add_class(css)
        self._created.append(widget)
        return widget

    def _build(self, export_dir: str) -> None:
        w = self._w
        self.client = w(widgets.Dropdown(description="Client", options=[]), "ra-dash-client")
        self.start = w(widgets.DatePicker(description="From", value=None), "ra-dash-start")
        self.end = w(widgets.DatePicker(description="To", value=None), "ra-dash-end")
        self.polarity = w(
            widgets.ToggleButtons(
                options=POLARITY_CHOICES, value="both", style={"button_width": "7em"}
            ),
            "ra-dash-polarity",
        )
        self.theme = w(
            widgets.Dropdown(description="Theme", options=[("all themes", "")], value=""),
            "ra-dash-theme",
        )
        self.headline = w(widgets.HTML(""), "ra-dash-headline")
        self.outputs = {name: w(widgets.Output(), f"ra-dash-{name}") for name in TAB_TITLES}
        self.tabs = w(widgets.Tab(), "ra-dash-tabs")
        self.status = w(widgets.HTML(""), "ra-dash-status")
        self.reload = w(
            widgets.Button(description="Reload", icon="refresh", tooltip="Read the journal again"),
            "ra-dash-reload",
        )
        if self.journal is None:
            self.reload.layout.display = "none"
        self.export_dir = w(
            widgets.Text(value=export_dir, description="Folder", placeholder="exports"),
            "ra-dash-export-dir",
        )
        self.export_format = w(
            widgets.Dropdown(
                options=[("HTML", "html"), ("PDF", "pdf")],
                value="html",
                layout=widgets.Layout(width="7em"),
            ),  # fmt: skip
            "ra-dash-export-format",
        )
        self.anonymize = w(
            widgets.Checkbox(value=False, description="hide names", indent=False),
            "ra-dash-anonymize",
        )
        self.export = w(
            BrowserButton(
                description="Export review packet",
                icon="download",
                layout=widgets.Layout(width="auto"),
            ),
            "ra-dash-export",
        )
        self.export_link = w(widgets.HTML(""), "ra-dash-export-link")
        filters = w(widgets.HBox([self.client, self.start, self.end]))
        filters2 = w(widgets.HBox([self.polarity, self.theme, self.reload]))
        exports = w(
            widgets.HBox([self.export_dir, self.export_format, self.anonymize, self.export])
        )
        self._box = w(
            widgets.VBox(
                [
                    filters,
                    filters2,
                    self.headline,
                    self.tabs,
                    exports,
                    self.export_link,
                    self.status,
                ]
            ),  # fmt: skip
            "ra-dashboard",
        )

    # -- showing ------------------------------------------------------------------------------

    @property
    def widget(self) -> Any:
        """The top-level box."""
        return self._box

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self._box)

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self._box._repr_mimebundle_(**kwargs)

    def close(self) -> None:
        """Close every widget and stop following the journal."""
        self._export_click.flush()  # an Export was clicked: write it
        self._redraw_soon.cancel()
        self._refresh_soon.cancel()
        if self.journal is not None:
            self.journal.on_change(self._journal_changed, remove=True)
        close_widgets(self._created)
        self._created.clear()

    @property
    def log(self) -> ReflectionLog:
        """Everything the dashboard knows (all clients, all dates)."""
        return self._log

    @property
    def output(self) -> Any:
        """The Output of the tab on show."""
        return self.outputs[self.visible_tab]

    @property
    def visible_tab(self) -> str:
        index = self.tabs.selected_index or 0
        return self._tab_names[index] if index < len(self._tab_names) else "balance"

    # -- choices --------------------------------------------------------------------------------

    def _update_choices(self, initial: str | None = None) -> None:
        """Clients, tabs and themes for the current data (observers quiet meanwhile)."""
        self._quiet = True
        try:
            clients = self._log.clients
            current = initial if initial is not None else self.client.value
            if current is not None and current not in clients:
                try:
                    current = self._log.check_client(current)
                except RecoveryAnalyticsError as exc:
                    if initial is not None:
                        self._show_error(str(exc))
                    current = None
            if current is None and clients:
                current = "me" if "me" in clients else clients[0]
            self.client.options = clients
            self.client.value = current
            self.client.layout.display = None if len(clients) > 1 else "none"
            names = [n for n in TAB_TITLES if n != "clients" or len(clients) > 1]
            if names != self._tab_names:
                shown = self.visible_tab if self._tab_names else "balance"
                self._tab_names = names
                self.tabs.children = [self.outputs[n] for n in names]
                self.tabs.titles = [TAB_TITLES[n] for n in names]
                self.tabs.selected_index = names.index(shown) if shown in names else 0
            self._update_themes()
            self.export.disabled = not clients
        finally:
            self._quiet = False

    def _range_log(self) -> ReflectionLog:
        return select_log(self._log, start=self.start.value, end=self.end.value)

    def _update_themes(self) -> None:
        client = self.client.value
        try:
            log = select_log(self._log, client=client, start=self.start.value, end=self.end.value)
            counts = theme_choices(log, self.polarity.value)
        except RecoveryAnalyticsError:
            counts = []
        options: list[tuple[str, str]] = [("all themes", "")]
        for theme, n in counts:
            label = "no theme yet" if theme == OTHER else _names(theme)
            options.append((f"{label} ({_plural(n, 'interview')})", theme))
        current = self.theme.value
        self.theme.options = options
        set_choice(self.theme, current if any(v == current for _, v in options) else None)

    # -- drawing ------------------------------------------------------------------------------

    def _state(self) -> tuple[Any, ...]:
        return (
            self._version,
            self.client.value,
            self.start.value,
            self.end.value,
            self.polarity.value,
            self.theme.value,
        )

    def selection(self) -> ReflectionLog:
        """The interviews on show: the chosen client, dates and theme."""
        if self.client.value is None:
            return self._log
        return select_log(
            self._log,
            client=self.client.value,
            start=self.start.value,
            end=self.end.value,
            polarity=self.polarity.value,
            theme=self.theme.value or None,
        )

    def redraw(self, *, chart_soon: bool = False) -> None:
        """Redraw the headline and the visible tab from the cached data.

        With ``chart_soon=True`` (inside a kernel) the chart is drawn right
        after the current callback returns, so that a form's "Saved" shows
        without waiting for it.
        """
        self._drawn.clear()
        if not len(self._log):
            self.headline.value = f"<p>{html.escape(NO_ENTRIES)}</p>"
            for out in self.outputs.values():
                out.outputs = (_message(NO_ENTRIES),)
            return
        try:
            picked = self.selection()
        except RecoveryAnalyticsError as exc:
            self.headline.value = f'<p style="color:{_ERROR_COLOUR}">{html.escape(str(exc))}</p>'
            for out in self.outputs.values():
                out.outputs = (_message(str(exc)),)
            return
        lines = headline(picked)
        if self.theme.value and len(picked):
            where = _POLARITY_WORDS.get(self.polarity.value, "went well or went wrong")
            theme = "no theme yet" if self.theme.value == OTHER else _names(self.theme.value)
            lines.append(
                f"Only interviews where \u201c{theme}\u201d came up under {where} are counted here."
            )
        self.headline.value = (
            "<ul>" + "".join(f"<li>{html.escape(s)}</li>" for s in lines) + "</ul>"
        )
        loop = running_loop(self._loop) if chart_soon else None
        if loop is not None:
            loop.call_later(0, self._draw_visible_quietly)
            return
        self.draw_tab(self.visible_tab, picked)

    def _draw_visible_quietly(self) -> None:
        try:
            self.draw_tab(self.visible_tab)
        except Exception as exc:  # shown, never lost in the server log
            self._show_error(failure_message(exc, "draw this tab", "this dashboard"))

    def draw_tab(self, name: str, picked: ReflectionLog | None = None) -> None:
        """Draw one tab now (normally only the visible one is drawn)."""
        state = self._state()
        if self._drawn.get(name) == state:
            return
        out = self.outputs[name]
        try:
            if picked is None:
                picked = self.selection()
            if name == "clients":
                data = self._range_log()
                alt = "What went wrong for each client, by theme"
            else:
                data = picked
                alt = TAB_TITLES[name]
            if name == "written":
                out.outputs = (
                    _html_output(
                        written_html(
                            data, polarity=self.polarity.value, theme=self.theme.value or None
                        ),
                        "What was written",
                    ),
                )
            elif len(data) == 0:
                out.outputs = (_message(NO_SELECTION),)
            else:
                png = chart_png(name, data, polarity=self.polarity.value, dpi=self.dpi)
                out.outputs = (_png_output(png, f"{alt} (n = {_plural(len(data), 'interview')})"),)
            self._drawn[name] = state
        except Exception as exc:  # shown in the tab, never lost in the server log
            text = f"This chart could not be drawn ({type(exc).__name__}: {exc})."
            out.outputs = (_message(text),)
            self._show_error(text)

    def _redraw_quietly(self) -> None:
        try:
            self.redraw()
        except Exception as exc:
            self._show_error(failure_message(exc, "draw the dashboard", "this dashboard"))

    def _filter_changed(self, change: Mapping[str, Any]) -> None:
        if self._quiet:
            return
        if change.get("owner") is not self.theme:
            self._quiet = True
            try:
                self._update_themes()
            except Exception as exc:
                self._show_error(failure_message(exc, "list the themes", "this dashboard"))
            finally:
                self._quiet = False
        self._redraw_soon(now=not from_browser(change))

    def _tab_changed(self, _change: Mapping[str, Any]) -> None:
        if self._quiet:
            return
        try:
            self.draw_tab(self.visible_tab)
        except Exception as exc:
            self._show_error(failure_message(exc, "draw this tab", "this dashboard"))

    # -- following the journal -------------------------------------------------------------

    def refresh(self, changed: Iterable[str] | None = None, *, chart_soon: bool = False) -> None:
        """Read the data again and redraw.

        ``changed`` (entry ids) reads only those entries back from the
        journal and folds them into the cached log; without it the whole
        journal is read again. ``chart_soon``: see :meth:`redraw`.
        """
        if self.journal is not None:
            if changed is None:
                self._log = self.journal.log(taxonomy=self.taxonomy)
            else:
                ids = set(changed)
                entries = []
                for entry_id in sorted(ids):
                    try:
                        entries.append(self.journal.get(entry_id))
                    except EntryNotFoundError:
                        pass  # deleted
                fresh = (
                    log_of_entries(entries, taxonomy=self.taxonomy, where=self.journal.where)
                    if entries
                    else None
                )
                self._log = merge_changes(self._log, fresh, ids)
        self._version += 1
        self._update_choices()
        self.redraw(chart_soon=chart_soon)

    def _journal_changed(self, entry_id: str) -> None:
        self._pending.add(entry_id)
        self._refresh_soon()

    def _apply_pending(self) -> None:
        ids, self._pending = self._pending, set()
        try:
            self.refresh(changed=ids, chart_soon=True)
        except Exception as exc:  # shown here; the saved entry itself is safe
            self._show_error(
                "The change is saved in the journal, but the dashboard could not update "
                f"({type(exc).__name__}: {exc}). Press Reload to read the journal again."
            )

    def _reload_clicked(self, _button: Any = None) -> None:
        try:
            self.refresh()
            self._show_note("Read the journal again.")
        except Exception as exc:
            where = self.journal.where if self.journal is not None else "the log"
            self._show_error(failure_message(exc, "read the journal", where))

    # -- exporting ------------------------------------------------------------------------

    def export_packet(self, folder: str | os.PathLike[str] | None = None) -> Path:
        """Write the current client's review packet (dates as chosen); return its path."""
        from ..reports import review_packet

        client = self.client.value
        if client is None:
            raise RecoveryAnalyticsError("There is nothing to export yet: no interviews.")
        if self.journal is not None:
            log = self.journal.log(taxonomy=self.taxonomy)  # what is on disk now
        else:
            log = self._log
        where = Path(
            os.fspath(folder if folder is not None else self.export_dir.value.strip() or "exports")
        )
        fmt = self.export_format.value
        name = export_name(client, fmt, today=dt.date.today(), anonymize=self.anonymize.value)
        start, end = self.start.value, self.end.value
        period = (start, end) if start is not None or end is not None else None
        return review_packet(
            log,
            client=client,
            path=where.expanduser() / name,
            period=period,
            anonymize=self.anonymize.value,
        )

    def _export_clicked(self, _button: Any = None) -> None:
        self.export_link.value = ""
        try:
            path = self.export_packet()
        except RecoveryAnalyticsError as exc:
            self._show_error(f"No packet was written: {exc}")
            return
        except Exception as exc:
            self._show_error(failure_message(exc, "write the review packet", self.export_dir.value))
            return
        self.export_link.value = export_link_html(path)
        self._show_note("The review packet is ready.")

    # -- status ---------------------------------------------------------------------------

    def _show_error(self, text: str) -> None:
        self.status.value = f'<span style="color:{_ERROR_COLOUR}">{html.escape(text)}</span>'

    def _show_note(self, text: str) -> None:
        self.status.value = f'<span style="color:{_NOTE_COLOUR}">{html.escape(text)}</span>'
