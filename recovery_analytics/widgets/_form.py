"""EntryForm: an ipywidgets form that walks through the five recovery steps.

The form is layout and callbacks only. Its inputs are made from the field
specification: one row for each field of
:data:`recovery_analytics.model.FIELDS` with a ``widget``, under the heading
of its step (:data:`~recovery_analytics.model.STEPS`), with the field's
``question`` as caption, its ``placeholder``, its ``css_class`` and its
``choices``. Its values logic lives in :mod:`recovery_analytics.widgets._values`
(:func:`entry_mapping`, :func:`check_values`, :func:`theme_preview`,
:func:`entry_to_values`), tested without widgets.

Validation happens in Python, never only in the browser: every value (the
combobox texts, the ratings, the dates) goes through
:func:`~recovery_analytics.entry_from_mapping`, the validation ``load()``
uses, on every change (debounced inside a kernel) and again when Save is
pressed. Messages appear next to their field; Save stays disabled while
anything is wrong.

Widgets and CSS classes (for browser tests and styling)
-------------------------------------------------------
``form.inputs`` maps each field name to its input, which carries the field's
``css_class`` (``ra-client``, ``ra-date``, ``ra-company``, ``ra-role``,
``ra-stage``, ``ra-format``, ``ra-feeling``, ``ra-went-well``,
``ra-went-wrong``, ``ra-connection``, ``ra-employer-view``, ``ra-plan-b``,
``ra-follow-up-requested``, ``ra-follow-up-date``, ``ra-follow-up-response``,
``ra-questions``, ``ra-outcome``, ``ra-notes``). Each input is also an
attribute named after its field (``form.company``, ``form.went_well``), and
``form.date`` and ``form.questions`` name the interview date and the
questions to ask. The other widgets:

======================  ==============================================
class                   widget (attribute of the form)
======================  ==============================================
``ra-form``             the whole form (``form.widget``)
``ra-edit``             "Edit an earlier entry" Dropdown (``form.edit``)
``ra-save``             Save Button (``form.save``)
``ra-status``           status HTML: "Saved <entry id>" or what failed
``ra-hint``             HTML next to Save: why Save is not ready yet
``ra-message``          every field's message HTML; also
                        ``ra-message-<field>`` (e.g. ``ra-message-feeling``)
``ra-preview``          live theme preview HTML; also ``ra-preview-went-well``
                        and ``ra-preview-went-wrong``
======================  ==============================================

``form.messages`` maps each field name (``"interview_date"``,
``"feeling"``, ...) to its message HTML.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import time
from collections.abc import Iterator, Mapping
from typing import Any, Final, cast

import ipywidgets as widgets

from ..exceptions import EntryValidationError
from ..journal import DuplicateEntryError, EntryNotFoundError, Journal, JournalCallbackError
from ..model import DEFAULT_CLIENT, FIELDS, STEPS, Entry, FieldSpec, Item, fields_where
from ._common import Panel, failure_message, resolve_taxonomy, set_choice
from ._inputs import make_input
from ._settle import BrowserButton, Clock, Loop, from_browser
from ._templates import ERROR_COLOUR, NOTE_COLOUR, OK_COLOUR, render, status_html
from ._values import (
    DUPLICATE,
    EDITING,
    GONE,
    GONE_WHILE_EDITING,
    NOT_YOURS,
    OUT_OF_DATE,
    SAVED_NOT_FOLLOWED,
    EntryIndex,
    LinePreview,
    check_values,
    default_client,
    edit_options,
    entry_index,
    entry_label,
    entry_mapping,
    entry_to_values,
    form_fields,
    stamp_reflected_on,
    theme_preview,
    theme_preview_html,
)

__all__ = ["EntryForm"]

#: Attribute names of inputs not named like their field.
ALIASES: Final = {"date": "interview_date", "questions": "questions_to_ask"}

_WIDE: Final = {"width": "28em"}
_CAPTION: Final = {"flex": "0 0 15em"}


class EntryForm(Panel):
    """A guided form for one reflection, saved into a journal.

    Parameters
    ----------
    journal : Journal
        Where entries are saved (``Journal.open("journal/")`` or an SQLite URL).
    client : str, optional
        The client to start with. By default "me" (a job seeker writing
        for themselves) when the journal has no other clients; a coach
        types or picks the client.
    taxonomy : Taxonomy or path, optional
        The themes of the live preview; by default the journal's.
    only_client : str, optional
        Keep the form to this one client (the page a client is handed, see
        ``recovery-analytics form``): the client field is fixed to this
        name, "Edit an earlier entry" and the company suggestions list only
        this client's entries, and the server refuses to save, or to open,
        an entry of anyone else, whatever values the page sends.
    clock, loop : optional
        The time source and event loop of the debounced checks and the
        settled Save (see :mod:`recovery_analytics.widgets._settle`); by
        default :func:`time.monotonic` and the kernel's running loop.

    Notes
    -----
    Put ``form`` last in a cell to show it (or ``display(form)``). Widgets
    are named after the fields: ``form.client``, ``form.date``,
    ``form.company``, ``form.went_well``, ``form.feeling``, ``form.save``,
    ``form.status``, ``form.edit`` ... (the module docstring lists them
    with their CSS classes). ``form.close()`` closes every widget and stops
    listening to the journal.

    Examples
    --------
    >>> import tempfile
    >>> from recovery_analytics.journal import Journal
    >>> tmp = tempfile.TemporaryDirectory()
    >>> journal = Journal.open(tmp.name)
    >>> form = EntryForm(journal)
    >>> form.company.value = "Acme"
    >>> form.went_wrong.value = "Rambled on the first question"
    >>> form.save.disabled
    False
    >>> form.save.click()
    >>> [e.company for e in journal.entries()], form.company.value
    (['Acme'], '')
    >>> form.close(); tmp.cleanup()
    """

    def __init__(
        self,
        journal: Journal,
        *,
        client: str | None = None,
        taxonomy: object = None,
        only_client: str | None = None,
        clock: Clock = time.monotonic,
        loop: Loop | None = None,
    ) -> None:
        if not isinstance(journal, Journal):
            raise TypeError(
                "EntryForm needs a Journal (Journal.open('journal/') or "
                f"Journal.open('sqlite:///journal.db')), but a {type(journal).__name__} was passed."
            )
        if only_client is not None:
            if not isinstance(only_client, str) or not only_client.strip():
                raise ValueError(
                    "only_client must be a client's name such as 'ana', but "
                    f"{only_client!r} was passed."
                )
            only_client = only_client.strip()
            if client is not None and client.strip() != only_client:
                raise ValueError(
                    f"client={client!r} and only_client={only_client!r} disagree: a form kept "
                    "to one client starts with that client; leave client out."
                )
            client = only_client
        self.only_client = only_client
        super().__init__(clock, loop)
        self.journal = journal
        self.taxonomy = resolve_taxonomy(taxonomy, journal)
        self._preview_cache: dict[str, LinePreview] = {}
        self._editing: str | None = None
        self._keep_items: dict[str, tuple[Item, ...]] = {}
        self._unknown: set[str] = set()  # yes/no fields loaded as unknown, left alone
        self._loading = False
        self._own_write = False
        self._index: EntryIndex = {}
        self.inputs: dict[str, Any] = {}
        self.messages: dict[str, Any] = {}

        self._read_index()
        clients = sorted({c for _, _, c in self._index.values()})
        self._default_client = default_client(clients) if client is None else client

        self._build()
        self.validate()
        # a Save clicked in the browser waits for the values typed just before it
        self._save_click = self._settled(self.save, self._save_now, "Saving\u2026")
        self._validate_soon = self._soon(self._validate_quietly)
        self._preview_soon = self._soon(self._update_previews_quietly)
        for widget in self.inputs.values():
            widget.observe(self._changed, names="value")
        for name in self.previews:
            self.inputs[name].observe(self._text_changed, names="value")
        self.edit.observe(self._edit_chosen, names="value")
        journal.on_change(self._journal_changed)

    def __getattr__(self, name: str) -> Any:
        """``form.<field>`` (and ``form.date``, ``form.questions``): that field's input."""
        inputs = self.__dict__.get("inputs", {})
        field = ALIASES.get(name, name)
        if field in inputs:
            return inputs[field]
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    # -- building --------------------------------------------------------------------

    @contextlib.contextmanager
    def _quietly_setting(self) -> Iterator[None]:
        """Set widget values without the observers taking them for a person's change."""
        self._loading = True
        try:
            yield
        finally:
            self._loading = False

    def _read_index(self) -> None:
        interviews = self.journal.log(taxonomy=False).interviews
        self._index = entry_index(interviews, client=self.only_client)

    def _clients(self) -> list[str]:
        if self.only_client is not None:
            return [self.only_client]
        return sorted({c for _, _, c in self._index.values()} | {DEFAULT_CLIENT})

    def _is_theirs(self, client: object) -> bool:
        """Whether an entry of ``client`` may be shown or changed by this form."""
        return self.only_client is None or client == self.only_client

    def _companies(self) -> list[str]:
        return sorted({co for _, co, _ in self._index.values() if co})

    def _row(self, spec: FieldSpec) -> list[Any]:
        widget = self._w(
            make_input(
                spec, client=self._default_client, clients=self._clients(),
                companies=self._companies(),
            ),
            spec.css_class,
        )  # fmt: skip
        self.inputs[spec.name] = widget
        if spec.widget == "name" and self.only_client is not None:
            widget.disabled = True  # the page cannot change it; the server checks it anyway
        message = self._w(
            widgets.HTML("", layout=widgets.Layout(flex="1 1 16em", max_width="32em")),
            "ra-message",
        )
        message.add_class(f"ra-message-{(spec.css_class or '').removeprefix('ra-')}")
        self.messages[spec.name] = message
        caption = self._w(
            widgets.Label(spec.question or spec.label, layout=widgets.Layout(**_CAPTION))
        )
        widget.layout.flex = "0 0 auto"
        row = [self._w(widgets.HBox([caption, widget, message]))]
        if spec.kind == "items":  # the themes each line would get, under its box
            preview = self._w(widgets.HTML(""), "ra-preview")
            preview.add_class(f"ra-preview-{(spec.css_class or '').removeprefix('ra-')}")
            self.previews[spec.name] = preview
            row.append(preview)
        return row

    def _heading(self, title: str, prompt: str | None = None) -> Any:
        text = render("form_heading.html.j2", title=title, prompt=prompt, colour=NOTE_COLOUR)
        return self._w(widgets.HTML(text))

    def _build(self) -> None:
        w = self._w
        self.edit = w(
            widgets.Dropdown(
                options=edit_options(self._index), index=0, layout=widgets.Layout(**_WIDE)
            ),
            "ra-edit",
        )
        self.previews: dict[str, Any] = {}
        edit_label = w(widgets.Label("Edit an earlier entry", layout=widgets.Layout(**_CAPTION)))
        parts = [
            self._heading(
                "Reflect on an interview",
                "Take your time. Everything here is for you, and any part can stay empty.",
            ),
            w(widgets.HBox([edit_label, self.edit])),
        ]
        for step in STEPS:
            names = [n for n in form_fields() if FIELDS[n].step == step.number]
            if names:
                parts.append(self._heading(step.title, step.prompt))
                for name in names:
                    parts.extend(self._row(FIELDS[name]))
        self.save = w(
            BrowserButton(description="Save", button_style="primary", icon="check", disabled=True),
            "ra-save",
        )
        self.status = w(widgets.HTML(""), "ra-status")
        self.hint = w(widgets.HTML(""), "ra-hint")
        parts += [w(widgets.HBox([self.save, self.hint])), self.status]
        self._box = w(widgets.VBox(parts), "ra-form")

    def close(self) -> None:
        """Close every widget of the form and stop listening to the journal."""
        self._validate_soon.cancel()
        self._preview_soon.cancel()
        self._save_click.flush()  # a Save was clicked: keep it
        self.journal.on_change(self._journal_changed, remove=True)
        self._close_widgets()

    # -- values ----------------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        """The form's values, keyed by model field (as the widgets hold them)."""
        out = {name: widget.value for name, widget in self.inputs.items()}
        for name in self._unknown:
            if not out[name]:
                out[name] = None  # loaded as unknown and left alone
        return out

    def _set_values(self, values: Mapping[str, Any]) -> None:
        with self._quietly_setting():
            for name, widget in self.inputs.items():
                value = values.get(name)
                if isinstance(widget, widgets.Checkbox):
                    widget.value = bool(value)
                elif isinstance(widget, widgets.Dropdown):
                    set_choice(widget, value)
                elif isinstance(widget, widgets.Text | widgets.Textarea | widgets.Combobox):
                    widget.value = "" if value is None else str(value)
                else:
                    widget.value = value
        self._unknown = {
            n for n in fields_where(kind="bool", in_form=True) if values.get(n) is None
        }
        self.validate()
        self.update_previews()

    def clear(self) -> None:
        """Empty every field (the client stays) and start a new reflection."""
        kept = {
            n: w.value if self.only_client is None else self.only_client
            for n, w in self.inputs.items()
            if FIELDS[n].widget == "name"
        }
        today = {n: dt.date.today() for n in fields_where(kind="date") if FIELDS[n].required}
        self._editing = None
        self._keep_items = {}
        self._set_values(kept | today)
        self._unknown = set()

    # -- validation ------------------------------------------------------------------------

    def check(self) -> tuple[Entry | None, dict[str, str], dict[str, str]]:
        """:func:`check_values` on the current values."""
        return check_values(
            self.values(), keep_items=self._keep_items, only_client=self.only_client
        )

    def validate(self) -> Entry | None:
        """Check every field now, show the messages, and enable Save if all is well.

        Returns the valid entry, or ``None`` while something needs changing.
        """
        entry, problems, notes = self.check()
        for name, message in self.messages.items():
            if name in problems:
                message.value = status_html(problems[name], ERROR_COLOUR)
            elif name in notes:
                message.value = status_html(notes[name], NOTE_COLOUR)
            else:
                message.value = ""
        self.save.disabled = entry is None
        if entry is not None:
            self.hint.value = ""
        elif "" in problems and len(problems) == 1:
            self.hint.value = status_html(problems[""], NOTE_COLOUR)
        else:
            shown = [n for n in problems if n in self.messages]
            other = [problems[n] for n in problems if n not in self.messages and n]
            text = " ".join(other) or (
                "Please look at the note" + ("s" if len(shown) > 1 else "") + " above."
            )
            self.hint.value = status_html(text, ERROR_COLOUR)
        return entry

    def _validate_quietly(self) -> None:
        try:
            self.validate()
        except Exception as exc:  # never lost in the server log
            self.save.disabled = True
            self._show(ERROR_COLOUR, failure_message(exc, "check the form", "the form"))

    def update_previews(self) -> None:
        """Show the themes each line of went well / went wrong would get."""
        for name, box in self.previews.items():
            box.value = theme_preview_html(
                theme_preview(self.inputs[name].value, self.taxonomy, self._preview_cache)
            )

    def _update_previews_quietly(self) -> None:
        try:
            self.update_previews()
        except Exception as exc:
            self._show(ERROR_COLOUR, failure_message(exc, "show the themes", "the form"))

    def _changed(self, change: Mapping[str, Any]) -> None:
        self._save_click.touched(change)
        if self._loading:
            return
        self._unknown = {n for n in self._unknown if self.inputs[n] is not change.get("owner")}
        self._validate_soon(now=not from_browser(change))

    def _text_changed(self, change: Mapping[str, Any]) -> None:
        if not self._loading:
            self._preview_soon(now=not from_browser(change))

    # -- editing ---------------------------------------------------------------------------

    def _edit_chosen(self, change: Mapping[str, Any]) -> None:
        if self._loading:
            return
        try:
            entry_id = change["new"]
            if not entry_id:
                self.clear()
                self._show(NOTE_COLOUR, "Starting a new reflection.")
                return
            self.load(entry_id)
        except Exception as exc:
            self._show(ERROR_COLOUR, failure_message(exc, "open that entry", self.journal.where))

    def load(self, entry_id: str) -> None:
        """Fill the form with an earlier entry; Save then updates it."""
        try:
            # TODO(redesign): the journal returns model.Entry once helper A lands
            entry = cast("Entry", self.journal.get(entry_id))
        except EntryNotFoundError:
            self._show(ERROR_COLOUR, GONE)
            self._drop_from_index(entry_id)
            return
        if not self._is_theirs(entry.client):
            self._show(ERROR_COLOUR, NOT_YOURS)
            self._drop_from_index(entry_id)
            return
        self._editing = entry_id
        self._keep_items = {n: tuple(getattr(entry, n)) for n in fields_where(kind="items")}
        self._set_values(entry_to_values(entry))
        if self.edit.value != entry_id:
            with self._quietly_setting():
                self.edit.value = entry_id
        label = entry_label(entry.interview_date, entry.company, entry.client)
        self._show(NOTE_COLOUR, EDITING.format(label=label))

    @property
    def editing(self) -> str | None:
        """The id of the entry being edited, or ``None`` for a new reflection."""
        return self._editing

    # -- saving ----------------------------------------------------------------------------

    def _save_now(self) -> None:
        try:
            self._save()
        except Exception as exc:  # shown in the form, never lost in the server log
            self._show(
                ERROR_COLOUR,
                failure_message(exc, "save", self.journal.where)
                + " Nothing is lost: your text is still in the form.",
            )

    def _save(self) -> None:
        self._validate_soon.cancel()
        checked = self.validate()  # never trust the browser: check again now
        if checked is None:
            self._show(ERROR_COLOUR, "Not saved yet: please look at the notes next to the fields.")
            return
        mapping = entry_mapping(self.values(), keep_items=self._keep_items)
        self._own_write = True
        try:
            if self._editing is None:
                saved = self.journal.add(stamp_reflected_on(mapping))
                self._remember(saved, checked)
            else:
                saved = self._editing
                if not self._is_theirs(self.journal.get(saved).client):
                    # moved to another client meanwhile: as good as gone for this form
                    raise EntryNotFoundError(saved, self.journal.where)
                self._remember(saved, cast("Entry", self.journal.update(saved, **mapping)))
        except DuplicateEntryError as exc:
            self._show(ERROR_COLOUR, DUPLICATE.format(entry_id=exc.entry_id))
            return
        except EntryNotFoundError:
            gone, self._editing = self._editing, None
            self._keep_items = {}
            if gone is not None:
                self._drop_from_index(gone)
            with self._quietly_setting():
                set_choice(self.edit, None)
            self._show(ERROR_COLOUR, GONE_WHILE_EDITING)
            return
        except EntryValidationError as exc:
            for name, message in exc.by_field.items():
                if name in self.messages:
                    self.messages[name].value = status_html(message, ERROR_COLOUR)
            self.save.disabled = True
            self._show(ERROR_COLOUR, "Not saved: please look at the notes next to the fields.")
            return
        except JournalCallbackError as exc:
            saved = exc.entry_id
            self._remember(saved, checked)
            self._after_save()
            self._show(OK_COLOUR, SAVED_NOT_FOLLOWED.format(entry_id=saved))
            return
        finally:
            self._own_write = False
        self._after_save()
        self._show(OK_COLOUR, f"Saved {saved}")

    def _remember(self, entry_id: str, saved: Any) -> None:
        if self._is_theirs(saved.client):
            self._index[entry_id] = (saved.interview_date, saved.company, saved.client)
        else:
            self._index.pop(entry_id, None)

    def _after_save(self) -> None:
        self._refresh_choices()
        with self._quietly_setting():
            set_choice(self.edit, None)
        self.clear()

    def _refresh_choices(self) -> None:
        with self._quietly_setting():
            current = self.edit.value
            options = edit_options(self._index)
            self.edit.options = options
            set_choice(self.edit, current if any(v == current for _, v in options) else None)
            self.client.options = self._clients()
            self.company.options = self._companies()

    def _drop_from_index(self, entry_id: str) -> None:
        self._index.pop(entry_id, None)
        self._refresh_choices()

    def _journal_changed(self, entry_id: str) -> None:
        """Keep the lists of entries, clients and companies current (other writers)."""
        if self._own_write:
            return
        try:
            entry = self.journal.get(entry_id)
        except EntryNotFoundError:
            self._drop_from_index(entry_id)
            return
        except Exception as exc:  # shown, not lost; the form itself still works
            self._show(NOTE_COLOUR, OUT_OF_DATE.format(error=type(exc).__name__))
            return
        self._remember(entry_id, entry)
        self._refresh_choices()
