"""Dashboard: charts and headline numbers of a journal or a log, kept current.

The widget is layout and callbacks only: the selection (:func:`select_log`),
the "what was written" list (:func:`written_html`) and folding a changed
entry into a cached log (:func:`merge_changes`) are plain functions in
:mod:`recovery_analytics.widgets._selection`; the headline sentences
(:func:`headline`) and the charts as PNG bytes (:func:`chart_png`) are in
:mod:`recovery_analytics.widgets._dashboard_content`.

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

import datetime as dt
import os
import time
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import ipywidgets as widgets

from .. import reports
from .._log import ReflectionLog
from ..exceptions import RecoveryAnalyticsError
from ..journal import Journal
from ..vocabulary import plural
from . import _dashboard_content as content
from ._common import (
    Panel,
    failure_message,
    html_output,
    note_output,
    png_output,
    resolve_taxonomy,
    set_choice,
)
from ._dashboard_content import DPI, NO_SELECTION, TAB_TITLES
from ._selection import (
    NO_ENTRIES,
    POLARITY_CHOICES,
    choose_client,
    export_link_html,
    export_name,
    packet_path,
    read_changes,
    select_log,
    theme_choices,
    theme_label,
    theme_note,
    written_html,
)
from ._settle import BrowserButton, Clock, Loop, from_browser, running_loop
from ._templates import ERROR_COLOUR, NOTE_COLOUR, render

__all__ = ["Dashboard"]


class Dashboard(Panel):
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
    clock, loop : optional
        As for :class:`EntryForm`; here they time the refreshes gathered
        from a burst of changes and the Export clicked in the browser.

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
        super().__init__(clock, loop)
        self._build(os.fspath(export_dir))
        self._tab_names: list[str] = []
        self._update_choices(initial=client)
        self._redraw_soon = self._soon(self._redraw_quietly, delay=0.2)
        self._refresh_soon = self._soon(self._apply_pending, delay=0.3)
        filters = (self.client, self.start, self.end, self.polarity, self.theme)
        for control in filters:
            control.observe(self._filter_changed, names="value")
        self.tabs.observe(self._tab_changed, names="selected_index")
        self.reload.on_click(self._reload_clicked)
        # an Export clicked in the browser waits for a filter or "hide names" changed
        # just before it, so the packet is the one on screen
        self._export_click = self._settled(
            self.export, self._export_clicked, "Writing the review packet\u2026"
        )
        for control in (*filters, self.export_dir, self.export_format, self.anonymize):
            control.observe(self._export_click.touched, names="value")
        self._redraw_quietly()
        if self.journal is not None:
            self.journal.on_change(self._journal_changed)

    # -- building ---------------------------------------------------------------------------

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
            widgets.Dropdown(options=[("HTML", "html"), ("PDF", "pdf")], value="html",
                             layout=widgets.Layout(width="7em")),
            "ra-dash-export-format",
        )  # fmt: skip
        self.anonymize = w(
            widgets.Checkbox(value=False, description="hide names", indent=False),
            "ra-dash-anonymize",
        )
        self.export = w(
            BrowserButton(description="Export review packet", icon="download",
                          layout=widgets.Layout(width="auto")),
            "ra-dash-export",
        )  # fmt: skip
        self.export_link = w(widgets.HTML(""), "ra-dash-export-link")
        rows = [
            w(widgets.HBox([self.client, self.start, self.end])),
            w(widgets.HBox([self.polarity, self.theme, self.reload])),
            self.headline,
            self.tabs,
            w(widgets.HBox([self.export_dir, self.export_format, self.anonymize, self.export])),
            self.export_link,
            self.status,
        ]
        self._box = w(widgets.VBox(rows), "ra-dashboard")

    # -- showing ------------------------------------------------------------------------------

    def close(self) -> None:
        """Close every widget and stop following the journal."""
        self._export_click.flush()  # an Export was clicked: write it
        self._redraw_soon.cancel()
        self._refresh_soon.cancel()
        if self.journal is not None:
            self.journal.on_change(self._journal_changed, remove=True)
        self._close_widgets()

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
            wanted = initial if initial is not None else self.client.value
            try:
                current = choose_client(self._log, wanted)
            except RecoveryAnalyticsError as exc:
                if initial is not None:
                    self._show(ERROR_COLOUR, str(exc))
                current = choose_client(self._log)
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
            options.append((f"{theme_label(theme)} ({plural(n, 'interview')})", theme))
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
            self._say_everywhere(NO_ENTRIES)
            return
        try:
            picked = self.selection()
        except RecoveryAnalyticsError as exc:
            self._say_everywhere(str(exc), error=True)
            return
        lines = content.headline(picked)
        if self.theme.value and len(picked):
            lines.append(theme_note(self.theme.value, self.polarity.value))
        self.headline.value = render(
            "dash_headline.html.j2", lines=lines, message="", error=False, colour=ERROR_COLOUR
        )
        loop = running_loop(self._loop) if chart_soon else None
        if loop is not None:
            loop.call_later(0, self._draw_visible_quietly)
            return
        self.draw_tab(self.visible_tab, picked)

    def _say_everywhere(self, text: str, *, error: bool = False) -> None:
        """One message instead of the headline and every chart."""
        self.headline.value = render(
            "dash_headline.html.j2", lines=(), message=text, error=error, colour=ERROR_COLOUR
        )
        for out in self.outputs.values():
            out.outputs = (note_output(text),)

    def _quietly(self, doing: str, action: Callable[[], object]) -> None:
        """Run ``action``; an error is shown, never lost in the server log."""
        try:
            action()
        except Exception as exc:
            self._show(ERROR_COLOUR, failure_message(exc, doing, "this dashboard"))

    def _draw_visible_quietly(self) -> None:
        self._quietly("draw this tab", lambda: self.draw_tab(self.visible_tab))

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
                    html_output(
                        written_html(
                            data, polarity=self.polarity.value, theme=self.theme.value or None
                        ),
                        "What was written",
                    ),
                )
            elif len(data) == 0:
                out.outputs = (note_output(NO_SELECTION),)
            else:
                png = content.chart_png(name, data, polarity=self.polarity.value, dpi=self.dpi)
                out.outputs = (png_output(png, f"{alt} (n = {plural(len(data), 'interview')})"),)
            self._drawn[name] = state
        except Exception as exc:  # shown in the tab, never lost in the server log
            text = f"This chart could not be drawn ({type(exc).__name__}: {exc})."
            out.outputs = (note_output(text),)
            self._show(ERROR_COLOUR, text)

    def _redraw_quietly(self) -> None:
        self._quietly("draw the dashboard", self.redraw)

    def _filter_changed(self, change: Mapping[str, Any]) -> None:
        if self._quiet:
            return
        if change.get("owner") is not self.theme:
            self._quiet = True
            try:
                self._quietly("list the themes", self._update_themes)
            finally:
                self._quiet = False
        self._redraw_soon(now=not from_browser(change))

    def _tab_changed(self, _change: Mapping[str, Any]) -> None:
        if not self._quiet:
            self._draw_visible_quietly()

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
                self._log = read_changes(self.journal, self._log, changed, taxonomy=self.taxonomy)
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
            self._show(
                ERROR_COLOUR,
                "The change is saved in the journal, but the dashboard could not update "
                f"({type(exc).__name__}: {exc}). Press Reload to read the journal again.",
            )

    def _reload_clicked(self, _button: Any = None) -> None:
        try:
            self.refresh()
            self._show(NOTE_COLOUR, "Read the journal again.")
        except Exception as exc:
            where = self.journal.where if self.journal is not None else "the log"
            self._show(ERROR_COLOUR, failure_message(exc, "read the journal", where))

    # -- exporting ------------------------------------------------------------------------

    def export_packet(self, folder: str | os.PathLike[str] | None = None) -> Path:
        """Write the current client's review packet (dates as chosen); return its path."""
        client = self.client.value
        if client is None:
            raise RecoveryAnalyticsError("There is nothing to export yet: no interviews.")
        if self.journal is not None:
            log = self.journal.log(taxonomy=self.taxonomy)  # what is on disk now
        else:
            log = self._log
        path = packet_path(
            folder if folder is not None else self.export_dir.value,
            export_name(
                client, self.export_format.value, today=dt.date.today(),
                anonymize=self.anonymize.value,
            ),
        )  # fmt: skip
        start, end = self.start.value, self.end.value
        period = (start, end) if start is not None or end is not None else None
        return reports.review_packet(
            log, client=client, path=path, period=period, anonymize=self.anonymize.value
        )

    def _export_clicked(self, _button: Any = None) -> None:
        self.export_link.value = ""
        try:
            path = self.export_packet()
        except RecoveryAnalyticsError as exc:
            self._show(ERROR_COLOUR, f"No packet was written: {exc}")
            return
        except Exception as exc:
            self._show(
                ERROR_COLOUR,
                failure_message(exc, "write the review packet", self.export_dir.value),
            )
            return
        self.export_link.value = export_link_html(path)
        self._show(NOTE_COLOUR, "The review packet is ready.")
