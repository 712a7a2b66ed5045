"""EntryForm: an ipywidgets form that walks through the five recovery steps.

The form is thin: its callbacks read widget values, call the plain functions
below (:func:`entry_mapping`, :func:`check_values`, :func:`theme_preview`,
:func:`entry_to_values`), call the journal, and show the result. Those
functions hold the logic and are tested without widgets.

Validation happens in Python, never only in the browser: every value (the
combobox texts, the ratings, the dates) goes through
:func:`~recovery_analytics.entry_from_mapping`, the validation ``load()``
uses, on every change (debounced inside a kernel) and again when Save is
pressed. Messages appear next to their field; Save stays disabled while
anything is wrong.

CSS classes (for browser tests and styling)
-------------------------------------------
Every input carries a class, and so do the buttons and the status:

==========================  ==============================================
class                       widget (attribute of the form)
==========================  ==============================================
``ra-form``                 the whole form (``form.widget``)
``ra-edit``                 "Edit an earlier entry" Dropdown (``form.edit``)
``ra-client``               client Combobox (``form.client``)
``ra-date``                 interview date DatePicker (``form.date``)
``ra-company``              company Combobox (``form.company``)
``ra-role``                 role Text (``form.role``)
``ra-stage``                stage Dropdown (``form.stage``)
``ra-format``               format Dropdown (``form.format``)
``ra-feeling``              feeling ToggleButtons 1-5 (``form.feeling``)
``ra-went-well``            Textarea (``form.went_well``)
``ra-went-wrong``           Textarea (``form.went_wrong``)
``ra-connection``           connection ToggleButtons 1-5 (``form.connection``)
``ra-employer-view``        Textarea (``form.employer_view``)
``ra-plan-b``               Textarea (``form.plan_b``)
``ra-follow-up-requested``  Checkbox (``form.follow_up_requested``)
``ra-follow-up-date``       DatePicker (``form.follow_up_date``)
``ra-follow-up-response``   Dropdown (``form.follow_up_response``)
``ra-questions``            Textarea (``form.questions``)
``ra-outcome``              outcome Combobox (``form.outcome``)
``ra-notes``                Textarea (``form.notes``)
``ra-save``                 Save Button (``form.save``)
``ra-status``               status HTML: "Saved <entry id>" or what failed
``ra-hint``                 HTML next to Save: why Save is not ready yet
``ra-message``              every field's message HTML; also
                            ``ra-message-<field>`` (e.g. ``ra-message-feeling``)
``ra-preview``              live theme preview HTML; also ``ra-preview-went-well``
                            and ``ra-preview-went-wrong``
==========================  ==============================================

``form.messages`` maps each model field name (``"interview_date"``,
``"feeling"``, ...) to its message HTML.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Final

import ipywidgets as widgets

from .._model import Action, Entry, Item, format_action, normalise_enum
from .._validate import entry_from_mapping
from ..exceptions import EntryValidationError, LogFormatError
from ..journal import DuplicateEntryError, EntryNotFoundError, Journal, JournalCallbackError
from ..themes import OTHER, Taxonomy
from ._settle import BrowserButton, Clock, Debouncer, Loop, SettledClick, from_browser

__all__ = [
    "CSS_CLASSES",
    "EntryForm",
    "FORM_FIELDS",
    "LinePreview",
    "check_values",
    "entry_label",
    "entry_mapping",
    "entry_to_values",
    "split_lines",
    "theme_preview",
    "theme_preview_html",
]

#: The model fields the form edits, in the order it asks for them.
FORM_FIELDS: Final = (
    "client",
    "interview_date",
    "company",
    "role",
    "stage",
    "format",
    "feeling",
    "went_well",
    "went_wrong",
    "connection",
    "employer_view",
    "plan_b",
    "follow_up_requested",
    "follow_up_date",
    "follow_up_response",
    "questions_to_ask",
    "outcome",
    "notes",
)

#: Form attribute -> model field, for the attributes not named like their field.
_ATTRIBUTE: Final = {"interview_date": "date", "questions_to_ask": "questions"}

#: Model field -> CSS class of its input.
CSS_CLASSES: Final = {
    "client": "ra-client",
    "interview_date": "ra-date",
    "company": "ra-company",
    "role": "ra-role",
    "stage": "ra-stage",
    "format": "ra-format",
    "feeling": "ra-feeling",
    "went_well": "ra-went-well",
    "went_wrong": "ra-went-wrong",
    "connection": "ra-connection",
    "employer_view": "ra-employer-view",
    "plan_b": "ra-plan-b",
    "follow_up_requested": "ra-follow-up-requested",
    "follow_up_date": "ra-follow-up-date",
    "follow_up_response": "ra-follow-up-response",
    "questions_to_ask": "ra-questions",
    "outcome": "ra-outcome",
    "notes": "ra-notes",
}

_LIST_FIELDS: Final = ("went_well", "went_wrong", "plan_b", "questions_to_ask")
_TEXT_FIELDS: Final = ("client", "company", "role", "employer_view", "notes")

STAGE_CHOICES: Final = (
    ("\u2014", ""),
    ("screening call", "screen"),
    ("phone interview", "phone"),
    ("technical", "technical"),
    ("on-site", "onsite"),
    ("panel", "panel"),
    ("final round", "final"),
    ("other", "other"),
)
FORMAT_CHOICES: Final = (
    ("\u2014", ""),
    ("in person", "in_person"),
    ("video call", "video"),
    ("phone", "phone"),
)
RESPONSE_CHOICES: Final = (
    ("\u2014", ""),
    ("waiting to hear", "pending"),
    ("yes, they agreed", "granted"),
    ("no, they said no", "declined"),
    ("no reply", "no_response"),
)
#: What the outcome Combobox offers, in plain words -> the model's value.
OUTCOME_CHOICES: Final = {
    "waiting to hear": "pending",
    "next round": "next_round",
    "offer": "offer",
    "not this time": "rejected",
    "I withdrew": "withdrew",
    "no reply": "ghosted",
}
FEELING_CHOICES: Final = (("1 \u00b7 rough", 1), ("2", 2), ("3", 3), ("4", 4), ("5 \u00b7 good", 5))
CONNECTION_CHOICES: Final = (
    ("1 \u00b7 none", 1),
    ("2", 2),
    ("3", 3),
    ("4", 4),
    ("5 \u00b7 strong", 5),
)

NO_CLIENT: Final = "Who is this reflection for? Type a name, or \u201cme\u201d for yourself."
NOTHING_YET: Final = (
    "Nothing to save yet \u2014 a company name, or one line in any step, is enough."
)
FUTURE_DATE: Final = (
    "This date is in the future: fine if you are writing ahead, otherwise check the year."
)
ENCOURAGEMENT: Final = (
    "One interview is one conversation, not a verdict on you. However it went, you "
    "showed up \u2014 and writing this down is how the next one gets easier."
)

_BULLET: Final = re.compile(r"^(?:[-*+\u2022]|[0-9]+[.)])\s+")
_BLOCKING_COLOUR: Final = "#8a3b00"
_NOTE_COLOUR: Final = "#555555"


# -- plain functions: form values <-> entry mappings -----------------------------------


def split_lines(text: object) -> list[str]:
    """Non-empty lines of a Textarea, trimmed (one item per line).

    Examples
    --------
    >>> split_lines("  Good rapport \\n\\n- clear STAR story\\r\\n")
    ['Good rapport', '- clear STAR story']
    >>> split_lines(None)
    []
    """
    if not isinstance(text, str):
        return []
    return [line.strip() for line in text.splitlines() if line.strip()]


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _outcome_value(text: object) -> object:
    if _blank(text):
        return None
    assert isinstance(text, str)
    shown = " ".join(text.split())
    for label, value in OUTCOME_CHOICES.items():
        if shown.casefold() == label.casefold():
            return value
    return shown  # the model knows synonyms ("next round", "rejected"), or says no


def entry_mapping(
    values: Mapping[str, Any],
    *,
    keep_items: Mapping[str, Iterable[Item]] | None = None,
) -> dict[str, Any]:
    """Form values (keyed by model field) -> a mapping for ``entry_from_mapping``.

    Text is trimmed and empty text becomes ``None``; Textareas become lists
    with one element per non-empty line (never split on ``;``, unlike a CSV
    cell); ``follow_up_requested`` is ``True`` or ``False``. Nothing is
    judged here: :func:`~recovery_analytics.entry_from_mapping` does that.

    ``keep_items`` maps ``"went_well"``/``"went_wrong"`` to the items of the
    entry being edited: a line whose text did not change keeps its item
    (and so any tags it had that are not written in the text).

    Examples
    --------
    >>> m = entry_mapping({"client": " ana ", "interview_date": dt.date(2026, 3, 4),
    ...                    "went_well": "Good rapport\\n\\nClear story; calm",
    ...                    "outcome": "not this time", "follow_up_requested": False})
    >>> m["client"], m["went_well"], m["outcome"], m["follow_up_requested"]
    ('ana', ['Good rapport', 'Clear story; calm'], 'rejected', False)
    """
    out: dict[str, Any] = {}
    for name in FORM_FIELDS:
        if name not in values:
            continue
        value = values[name]
        if name in _LIST_FIELDS:
            lines = split_lines(value)
            if keep_items and name in keep_items:
                known = {item.text: item for item in keep_items[name]}
                out[name] = [known.get(line, line) for line in lines]
            else:
                out[name] = lines
        elif name in _TEXT_FIELDS:
            out[name] = None if _blank(value) else str(value).strip()
        elif name == "outcome":
            out[name] = _outcome_value(value)
        elif name == "follow_up_requested":
            out[name] = None if value is None else bool(value)
        else:
            out[name] = value if not _blank(value) else None
    return out


def _has_content(mapping: Mapping[str, Any]) -> bool:
    skip = {"client", "interview_date", "follow_up_requested"}
    for name, value in mapping.items():
        if name in skip:
            continue
        if isinstance(value, list) and value:
            return True
        if value is not None and not isinstance(value, list):
            return True
    return bool(mapping.get("follow_up_requested"))


def check_values(
    values: Mapping[str, Any],
    *,
    keep_items: Mapping[str, Iterable[Item]] | None = None,
    today: dt.date | None = None,
) -> tuple[Entry | None, dict[str, str], dict[str, str]]:
    """Validate form values: ``(entry or None, problems, notes)``, keyed by field.

    ``problems`` block saving: the model's own messages (from
    :class:`~recovery_analytics.EntryValidationError`'s ``by_field``) and two
    rules of the form - a client name is needed (the model would quietly use
    "me"), and something must be written (key ``""``). ``notes`` are gentle
    remarks that do not block saving (a date in the future).

    Examples
    --------
    >>> entry, problems, notes = check_values({"client": "me",
    ...     "interview_date": dt.date(2026, 3, 4), "company": "Acme", "feeling": 9})
    >>> entry is None, problems["feeling"]
    (True, "'9' must be a whole number from 1 to 5; change it or leave it empty")
    >>> entry, problems, notes = check_values({"client": "me",
    ...     "interview_date": dt.date(2026, 3, 4), "company": "Acme", "feeling": 2})
    >>> entry.company, entry.feeling, problems
    ('Acme', 2, {})
    """
    mapping = entry_mapping(values, keep_items=keep_items)
    problems: dict[str, str] = {}
    notes: dict[str, str] = {}
    if "client" in values and mapping.get("client") is None:
        problems["client"] = NO_CLIENT
    if not _has_content(mapping):
        problems[""] = NOTHING_YET
    date = mapping.get("interview_date")
    if isinstance(date, dt.date) and date > (today or dt.date.today()):
        notes["interview_date"] = FUTURE_DATE
    entry: Entry | None = None
    try:
        entry = entry_from_mapping(mapping, file="the form")
    except EntryValidationError as exc:
        for name, message in exc.by_field.items():
            problems.setdefault(name, _kind_message(name, message, values.get(name)))
    if problems:
        return None, problems, notes
    return entry, problems, notes


def _kind_message(name: str, message: str, value: object) -> str:
    if name == "outcome" and normalise_enum("outcome", str(value or "")) is None:
        choices = ", ".join(f"\u201c{c}\u201d" for c in OUTCOME_CHOICES)
        shown = " ".join(str(value).split())
        shown = shown if len(shown) <= 40 else shown[:39] + "\u2026"
        return f"\u201c{shown}\u201d is not one of the choices: pick {choices}, or leave it empty."
    if name == "interview_date" and "missing" in message:
        return "Please pick the date of the interview."
    return message


def entry_to_values(entry: Entry) -> dict[str, Any]:
    """An entry as form values (the inverse of :func:`entry_mapping`).

    Examples
    --------
    >>> e = Entry(dt.date(2026, 3, 4), company="Acme", went_well=["Calm"],
    ...           plan_b=["[x] Email the recruiter", "Apply to two more"], outcome="rejected")
    >>> v = entry_to_values(e)
    >>> v["went_well"], v["plan_b"], v["outcome"]
    ('Calm', '[x] Email the recruiter\\nApply to two more', 'not this time')
    """
    labels = {v: k for k, v in OUTCOME_CHOICES.items()}

    def action(a: Action) -> str:
        return format_action(a) if a.done else a.text

    return {
        "client": entry.client,
        "interview_date": entry.interview_date,
        "company": entry.company or "",
        "role": entry.role or "",
        "stage": entry.stage,
        "format": entry.format,
        "feeling": entry.feeling,
        "went_well": "\n".join(i.text for i in entry.went_well),
        "went_wrong": "\n".join(i.text for i in entry.went_wrong),
        "connection": entry.connection,
        "employer_view": entry.employer_view or "",
        "plan_b": "\n".join(action(a) for a in entry.plan_b),
        "follow_up_requested": entry.follow_up_requested,
        "follow_up_date": entry.follow_up_date,
        "follow_up_response": entry.follow_up_response,
        "questions_to_ask": "\n".join(entry.questions_to_ask),
        "outcome": labels.get(entry.outcome or "", entry.outcome or ""),
        "notes": entry.notes or "",
    }


def entry_label(date: object, company: object, client: object) -> str:
    """How an entry is named in "Edit an earlier entry": date — company — client.

    Examples
    --------
    >>> entry_label(dt.date(2026, 3, 4), "Acme", "me")
    '2026-03-04 \u2014 Acme \u2014 me'
    >>> entry_label(dt.date(2026, 3, 4), None, "ana")
    '2026-03-04 \u2014 (no company) \u2014 ana'
    """
    day = date.isoformat()[:10] if hasattr(date, "isoformat") else str(date)[:10]
    name = company if isinstance(company, str) and company.strip() else "(no company)"
    return f"{day} \u2014 {name} \u2014 {client}"


# -- plain functions: the live theme preview ----------------------------------------------


@dataclass(frozen=True)
class LinePreview:
    """The themes one Textarea line would get, and the words that decided them."""

    text: str
    themes: tuple[str, ...]
    because: tuple[str, ...]


def _clean_line(line: str) -> str:
    return _BULLET.sub("", " ".join(line.split()), count=1)


def theme_preview(
    text: object,
    taxonomy: Taxonomy,
    cache: dict[str, LinePreview] | None = None,
) -> list[LinePreview]:
    """For each line of ``text``, the themes it would get when saved.

    Uses :meth:`Taxonomy.explain`, which applies the same rules as the
    tagging of a journal's log (``#tags`` win). ``cache`` (a dict kept by
    the caller) makes retyping one line cost one lookup, not one per line.

    Examples
    --------
    >>> [(p.text, p.themes) for p in theme_preview(
    ...     "rambled about my thesis\\n- the office was nice", Taxonomy.default())]
    [('rambled about my thesis', ('conciseness',)), ('the office was nice', ())]
    """
    out = []
    for line in split_lines(text):
        shown = _clean_line(line)
        if not shown:
            continue
        found = cache.get(shown) if cache is not None else None
        if found is None:
            explained = taxonomy.explain(shown)
            found = LinePreview(
                shown, tuple(t for t, _ in explained), tuple(w for _, w in explained)
            )
            if cache is not None:
                if len(cache) > 1000:
                    cache.clear()
                cache[shown] = found
        out.append(found)
    return out


def _theme_name(theme: str) -> str:
    return theme.replace("_", " ")


def theme_preview_html(previews: list[LinePreview]) -> str:
    """The preview as a short HTML list; ``other`` is said as "no theme yet".

    Examples
    --------
    >>> theme_preview_html([LinePreview("ran out of time", ("time_management",),
    ...                                 ("ran out of time",))])  # doctest: +ELLIPSIS
    '<div ...>Themes each line would get:<ul ...><li>ran out of time → <b>time management</b>...'
    """
    if not previews:
        return ""
    rows = []
    for p in previews:
        line = html.escape(p.text if len(p.text) <= 60 else p.text[:59] + "\u2026")
        themes = [t for t in p.themes if t != OTHER]
        if themes:
            named = ", ".join(f"<b>{html.escape(_theme_name(t))}</b>" for t in themes)
            words = "; ".join(w for w in p.because if w)
            why = (
                f' <span style="color:{_NOTE_COLOUR}">'
                f"(from \u201c{html.escape(words)}\u201d)</span>"
                if words
                else ""
            )
            rows.append(f"<li>{line} \u2192 {named}{why}</li>")
        else:
            rows.append(f"<li>{line} \u2192 <i>no theme yet</i></li>")
    return (
        f'<div style="color:{_NOTE_COLOUR};font-size:90%">Themes each line would get:'
        f'<ul style="margin:2px 0 6px 0">{"".join(rows)}</ul></div>'
    )


# -- small widget helpers ------------------------------------------------------------------


def _span(text: str, colour: str) -> str:
    return f'<span style="color:{colour}">{html.escape(text)}</span>'


def resolve_taxonomy(taxonomy: object, journal: object = None) -> Taxonomy:
    """The taxonomy a widget should tag with: the one given, else the journal's, else built-in."""
    if taxonomy is None and journal is not None:
        # the journal keeps the taxonomy its log() tags with; previews must agree with it
        taxonomy = getattr(journal, "taxonomy", None)
    if taxonomy is None:
        return Taxonomy.default()
    if isinstance(taxonomy, Taxonomy):
        return taxonomy
    if hasattr(taxonomy, "explain") and hasattr(taxonomy, "tag"):
        return taxonomy  # type: ignore[return-value]
    return Taxonomy.from_file(taxonomy)  # type: ignore[arg-type]


def set_choice(dropdown: Any, value: object) -> None:
    """Select ``value``; ``None`` selects the blank first choice (whose value is ``""``).

    The blank choices carry ``""`` rather than ``None``: a Dropdown whose value
    is ``None`` selects nothing, and the browser shows an empty box instead of
    "\u2014" or "New reflection".
    """
    dropdown.value = "" if value is None else value


def close_widgets(items: Iterable[Any]) -> None:
    """Close widgets and their layout/style models (widgets are not collected otherwise)."""
    for w in items:
        for part in (getattr(w, "layout", None), getattr(w, "style", None)):
            if isinstance(part, widgets.Widget):
                part.close()
        w.close()


def failure_message(exc: BaseException, doing: str, where: str) -> str:
    """A kind, specific sentence for an error in a callback (no personal text from logs)."""
    if isinstance(exc, PermissionError):
        return (
            f"Could not {doing} in {where}: permission denied. Check that you may write "
            "there (the folder or database file may be read-only)."
        )
    if isinstance(exc, OSError):
        reason = exc.strerror or type(exc).__name__
        return (
            f"Could not {doing} in {where}: {reason}. Check the disk and the folder, "
            "then try again."
        )
    if isinstance(exc, LogFormatError):
        return f"Could not {doing}: a file in the journal needs fixing by hand first. {exc}"
    return (
        f"Something unexpected went wrong while trying to {doing} ({type(exc).__name__}: {exc}). "
        "Please try again."
    )


# -- the form --------------------------------------------------------------------------------


class EntryForm:
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
        clock: Clock = time.monotonic,
        loop: Loop | None = None,
    ) -> None:
        if not isinstance(journal, Journal):
            raise TypeError(
                "EntryForm needs a Journal (Journal.open('journal/') or "
                f"Journal.open('sqlite:///journal.db')), but a {type(journal).__name__} was passed."
            )
        self.journal = journal
        self.taxonomy = resolve_taxonomy(taxonomy, journal)
        self._created: list[Any] = []
        self._preview_cache: dict[str, LinePreview] = {}
        self._editing: str | None = None
        self._keep_items: dict[str, list[Item]] = {}
        self._follow_up_unknown = False
        self._loading = False
        self._own_write = False
        self._index: dict[str, tuple[dt.date, str | None, str]] = {}
        self.messages: dict[str, Any] = {}

        self._read_index()
        clients = sorted({c for _, _, c in self._index.values()})
        if client is None:
            client = "me" if set(clients) <= {"me"} else ""
        self._default_client = client

        self._build()
        self.validate()
        # a Save clicked in the browser waits for the values typed just before it
        self._save_click = SettledClick(
            self.save,
            self._save_now,
            waiting=lambda: self._show_note("Saving\u2026"),
            clock=clock,
            loop=loop,
        )
        self._validate_soon = Debouncer(self._validate_quietly, clock=clock, loop=loop)
        self._preview_soon = Debouncer(self._update_previews_quietly, clock=clock, loop=loop)
        for name in FORM_FIELDS:
            self._input(name).observe(self._changed, names="value")
        for name in ("went_well", "went_wrong"):
            self._input(name).observe(self._text_changed, names="value")
        self.edit.observe(self._edit_chosen, names="value")
        journal.on_change(self._journal_changed)

    # -- building --------------------------------------------------------------------

    def _w(self, widget: Any, css: str | None = None) -> Any:
        if css:
            widget.add_class(css)
        self._created.append(widget)
        return widget

    def _read_index(self) -> None:
        from ..journal._base import NO_THEMES

        log = self.journal.log(taxonomy=NO_THEMES)
        frame = log.interviews
        self._index = {
            str(eid): (d.date(), None if not isinstance(co, str) else co, str(cl))
            for eid, d, co, cl in zip(
                frame.index, frame["interview_date"], frame["company"], frame["client"], strict=True
            )
        }

    def _edit_options(self) -> list[tuple[str, str]]:
        ordered = sorted(self._index.items(), key=lambda kv: (kv[1][0], kv[0]), reverse=True)
        return [("New reflection", "")] + [
            (entry_label(d, co, cl), eid) for eid, (d, co, cl) in ordered
        ]

    def _clients(self) -> list[str]:
        return sorted({c for _, _, c in self._index.values()} | {"me"})

    def _companies(self) -> list[str]:
        return sorted({co for _, co, _ in self._index.values() if co})

    def _row(self, label: str, name: str, widget: Any) -> Any:
        message = self._w(
            widgets.HTML("", layout=widgets.Layout(flex="1 1 16em", max_width="32em")),
            "ra-message",
        )
        message.add_class(f"ra-message-{CSS_CLASSES[name].removeprefix('ra-')}")
        self.messages[name] = message
        caption = self._w(widgets.Label(label, layout=widgets.Layout(flex="0 0 15em")))
        widget.layout.flex = "0 0 auto"
        return self._w(widgets.HBox([caption, widget, message]))

    def _heading(self, title: str, prompt: str | None = None) -> Any:
        text = f"<h4 style='margin:14px 0 2px 0'>{html.escape(title)}</h4>"
        if prompt:
            text += (
                f"<div style='color:{_NOTE_COLOUR};margin-bottom:4px'>{html.escape(prompt)}</div>"
            )
        return self._w(widgets.HTML(text))

    def _build(self) -> None:
        wide = widgets.Layout(width="28em")
        label = widgets.Layout(flex="0 0 15em")
        area = widgets.Layout(width="28em", height="6.5em")
        w = self._w
        self.edit = w(
            widgets.Dropdown(options=self._edit_options(), index=0, layout=wide), "ra-edit"
        )
        self.client = w(
            widgets.Combobox(
                value=self._default_client,
                options=self._clients(),
                placeholder="type a name, or choose",
                ensure_option=False,
                layout=wide,
            ),
            "ra-client",
        )
        self.date = w(widgets.DatePicker(value=dt.date.today()), "ra-date")
        self.company = w(
            widgets.Combobox(
                options=self._companies(),
                placeholder="type a company, or choose",
                ensure_option=False,
                layout=wide,
            ),
            "ra-company",
        )
        self.role = w(widgets.Text(placeholder="e.g. Data Analyst", layout=wide), "ra-role")
        self.stage = w(widgets.Dropdown(options=STAGE_CHOICES, index=0), "ra-stage")
        self.format = w(widgets.Dropdown(options=FORMAT_CHOICES, index=0), "ra-format")
        self.feeling = w(
            widgets.ToggleButtons(
                options=FEELING_CHOICES,
                value=None,
                tooltips=["rough", "not great", "mixed", "alright", "good"],
                style={"button_width": "6.5em"},
            ),
            "ra-feeling",
        )
        self.went_well = w(
            widgets.Textarea(placeholder="one thing per line", layout=area), "ra-went-well"
        )
        self.went_wrong = w(
            widgets.Textarea(placeholder="one thing per line", layout=area), "ra-went-wrong"
        )
        self.connection = w(
            widgets.ToggleButtons(
                options=CONNECTION_CHOICES,
                value=None,
                tooltips=["none", "a little", "some", "good", "strong"],
                style={"button_width": "6.5em"},
            ),
            "ra-connection",
        )
        self.employer_view = w(
            widgets.Textarea(placeholder="the impression you think you made on them", layout=area),
            "ra-employer-view",
        )
        self.plan_b = w(
            widgets.Textarea(placeholder="one next step per line", layout=area), "ra-plan-b"
        )
        self.follow_up_requested = w(
            widgets.Checkbox(value=False, description="I asked", indent=False),
            "ra-follow-up-requested",
        )
        self.follow_up_date = w(widgets.DatePicker(value=None), "ra-follow-up-date")
        self.follow_up_response = w(
            widgets.Dropdown(options=RESPONSE_CHOICES, index=0), "ra-follow-up-response"
        )
        self.questions = w(
            widgets.Textarea(placeholder="one question per line", layout=area), "ra-questions"
        )
        self.outcome = w(
            widgets.Combobox(
                options=list(OUTCOME_CHOICES),
                placeholder="choose, or leave empty",
                ensure_option=True,
                layout=wide,
            ),
            "ra-outcome",
        )
        self.notes = w(widgets.Textarea(layout=area), "ra-notes")
        self.save = w(
            BrowserButton(description="Save", button_style="primary", icon="check", disabled=True),
            "ra-save",
        )
        self.status = w(widgets.HTML(""), "ra-status")
        self.hint = w(widgets.HTML(""), "ra-hint")
        self.previews = {
            "went_well": w(widgets.HTML(""), "ra-preview"),
            "went_wrong": w(widgets.HTML(""), "ra-preview"),
        }
        self.previews["went_well"].add_class("ra-preview-went-well")
        self.previews["went_wrong"].add_class("ra-preview-went-wrong")

        row = self._row
        parts = [
            self._heading(
                "Reflect on an interview",
                "Take your time. Everything here is for you, and any part can stay empty.",
            ),
            w(widgets.HBox([w(widgets.Label("Edit an earlier entry", layout=label)), self.edit])),
            self._heading("The interview"),
            row("Who is this for", "client", self.client),
            row("Interview date", "interview_date", self.date),
            row("Company", "company", self.company),
            row("Role", "role", self.role),
            row("Stage", "stage", self.stage),
            row("Format", "format", self.format),
            self._heading("Step 1 \u00b7 Don\u2019t beat yourself up", ENCOURAGEMENT),
            row("How do you feel now?", "feeling", self.feeling),
            self._heading(
                "Step 2 \u00b7 What went well / what went wrong",
                "Start with what went well \u2014 there is always something. "
                "Then what you would like to go differently. One thing per line.",
            ),
            row("What went well", "went_well", self.went_well),
            self.previews["went_well"],
            row("What went wrong", "went_wrong", self.went_wrong),
            self.previews["went_wrong"],
            self._heading(
                "Step 3 \u00b7 The employer\u2019s perspective",
                "They were also trying to make a good decision, and they often see more in "
                "you than you do right after an interview.",
            ),
            row("Connection you felt", "connection", self.connection),
            row("How you came across", "employer_view", self.employer_view),
            self._heading(
                "Step 4 \u00b7 Plan B",
                "Whatever happens with this one, what are your next steps? "
                "Start a line with [x] once it is done.",
            ),
            row("Next actions", "plan_b", self.plan_b),
            self._heading(
                "Step 5 \u00b7 Another interview?",
                "Asking for feedback or another conversation is always allowed.",
            ),
            row("Asked for a follow-up", "follow_up_requested", self.follow_up_requested),
            row("When you asked", "follow_up_date", self.follow_up_date),
            row("Their answer", "follow_up_response", self.follow_up_response),
            row("Questions to ask next time", "questions_to_ask", self.questions),
            self._heading("And finally"),
            row("What happened so far", "outcome", self.outcome),
            row("Anything else", "notes", self.notes),
            w(widgets.HBox([self.save, self.hint])),
            self.status,
        ]
        self._box = w(widgets.VBox(parts), "ra-form")

    # -- showing ---------------------------------------------------------------------------

    @property
    def widget(self) -> Any:
        """The top-level box, to place the form inside other widgets."""
        return self._box

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self._box)

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self._box._repr_mimebundle_(**kwargs)

    def close(self) -> None:
        """Close every widget of the form and stop listening to the journal."""
        self._validate_soon.cancel()
        self._preview_soon.cancel()
        self._save_click.flush()  # a Save was clicked: keep it
        self.journal.on_change(self._journal_changed, remove=True)
        close_widgets(self._created)
        self._created.clear()

    # -- values ----------------------------------------------------------------------------

    def _input(self, name: str) -> Any:
        return getattr(self, _ATTRIBUTE.get(name, name))

    def values(self) -> dict[str, Any]:
        """The form's values, keyed by model field (as the widgets hold them)."""
        out = {name: self._input(name).value for name in FORM_FIELDS}
        if self._follow_up_unknown and not out["follow_up_requested"]:
            out["follow_up_requested"] = None  # loaded as unknown and left alone
        return out

    def _set_values(self, values: Mapping[str, Any]) -> None:
        self._loading = True
        try:
            for name in FORM_FIELDS:
                value = values.get(name)
                widget = self._input(name)
                if name == "follow_up_requested":
                    widget.value = bool(value)
                elif isinstance(widget, widgets.Dropdown):
                    set_choice(widget, value)
                elif isinstance(widget, widgets.Text | widgets.Textarea | widgets.Combobox):
                    widget.value = "" if value is None else str(value)
                else:
                    widget.value = value
        finally:
            self._loading = False
        self._follow_up_unknown = values.get("follow_up_requested") is None
        self.validate()
        self.update_previews()

    def clear(self) -> None:
        """Empty every field (the client stays) and start a new reflection."""
        client = self.client.value
        self._editing = None
        self._keep_items = {}
        self._set_values({"client": client, "interview_date": dt.date.today()})
        self._follow_up_unknown = False

    # -- validation ------------------------------------------------------------------------

    def check(self) -> tuple[Entry | None, dict[str, str], dict[str, str]]:
        """:func:`check_values` on the current values."""
        return check_values(self.values(), keep_items=self._keep_items)

    def validate(self) -> Entry | None:
        """Check every field now, show the messages, and enable Save if all is well.

        Returns the valid entry, or ``None`` while something needs changing.
        """
        entry, problems, notes = self.check()
        for name, message in self.messages.items():
            if name in problems:
                message.value = _span(problems[name], _BLOCKING_COLOUR)
            elif name in notes:
                message.value = _span(notes[name], _NOTE_COLOUR)
            else:
                message.value = ""
        self.save.disabled = entry is None
        if entry is not None:
            self.hint.value = ""
        elif "" in problems and len(problems) == 1:
            self.hint.value = _span(problems[""], _NOTE_COLOUR)
        else:
            shown = [n for n in problems if n in self.messages]
            other = [problems[n] for n in problems if n not in self.messages and n]
            text = " ".join(other) or (
                "Please look at the note" + ("s" if len(shown) > 1 else "") + " above."
            )
            self.hint.value = _span(text, _BLOCKING_COLOUR)
        return entry

    def _validate_quietly(self) -> None:
        try:
            self.validate()
        except Exception as exc:  # never lost in the server log
            self.save.disabled = True
            self._show_error(failure_message(exc, "check the form", "the form"))

    def update_previews(self) -> None:
        """Show the themes each line of went well / went wrong would get."""
        for name, box in self.previews.items():
            box.value = theme_preview_html(
                theme_preview(self._input(name).value, self.taxonomy, self._preview_cache)
            )

    def _update_previews_quietly(self) -> None:
        try:
            self.update_previews()
        except Exception as exc:
            self._show_error(failure_message(exc, "show the themes", "the form"))

    def _changed(self, _change: Mapping[str, Any]) -> None:
        self._save_click.touched(_change)
        if self._loading:
            return
        if _change.get("owner") is self.follow_up_requested:
            self._follow_up_unknown = False
        self._validate_soon(now=not from_browser(_change))

    def _text_changed(self, _change: Mapping[str, Any]) -> None:
        if not self._loading:
            self._preview_soon(now=not from_browser(_change))

    # -- status ------------------------------------------------------------------------------

    def _show_ok(self, text: str) -> None:
        self.status.value = f'<span style="color:#1b6e3a">{html.escape(text)}</span>'

    def _show_error(self, text: str) -> None:
        self.status.value = _span(text, _BLOCKING_COLOUR)

    def _show_note(self, text: str) -> None:
        self.status.value = _span(text, _NOTE_COLOUR)

    # -- editing -------------------------------------------------------------------------------

    def _edit_chosen(self, change: Mapping[str, Any]) -> None:
        if self._loading:
            return
        try:
            entry_id = change["new"]
            if not entry_id:
                self.clear()
                self._show_note("Starting a new reflection.")
                return
            self.load(entry_id)
        except Exception as exc:
            self._show_error(failure_message(exc, "open that entry", self.journal.where))

    def load(self, entry_id: str) -> None:
        """Fill the form with an earlier entry; Save then updates it."""
        try:
            entry = self.journal.get(entry_id)
        except EntryNotFoundError:
            self._show_error(
                "That entry is no longer in the journal (it may have been removed "
                "elsewhere). The form was left as it was."
            )
            self._drop_from_index(entry_id)
            return
        self._editing = entry_id
        self._keep_items = {"went_well": entry.went_well, "went_wrong": entry.went_wrong}
        self._set_values(entry_to_values(entry))
        if self.edit.value != entry_id:
            self._loading = True
            try:
                self.edit.value = entry_id
            finally:
                self._loading = False
        self._show_note(
            "Editing the reflection of "
            f"{entry_label(entry.interview_date, entry.company, entry.client)}. "
            "Save keeps it under the same id."
        )

    @property
    def editing(self) -> str | None:
        """The id of the entry being edited, or ``None`` for a new reflection."""
        return self._editing

    # -- saving ------------------------------------------------------------------------------

    def _save_now(self) -> None:
        try:
            self._save()
        except Exception as exc:  # shown in the form, never lost in the server log
            self._show_error(
                failure_message(exc, "save", self.journal.where)
                + " Nothing is lost: your text is still in the form."
            )

    def _save(self) -> None:
        self._validate_soon.cancel()
        checked = self.validate()  # never trust the browser: check again now
        if checked is None:
            self._show_error("Not saved yet: please look at the notes next to the fields.")
            return
        mapping = entry_mapping(self.values(), keep_items=self._keep_items)
        self._own_write = True
        try:
            if self._editing is None:
                mapping["reflected_on"] = dt.date.today()
                saved = self.journal.add(mapping)
                self._remember(saved, checked)
            else:
                saved = self._editing
                self._remember(saved, self.journal.update(saved, **mapping))
        except DuplicateEntryError as exc:
            self._show_error(
                "You already have a reflection for this interview (same person, date, company "
                f"and role: {exc.entry_id}), so nothing new was saved. Choose it under "
                "\u201cEdit an earlier entry\u201d to change it, or add the role to keep both."
            )
            return
        except EntryNotFoundError:
            self._editing = None
            self._keep_items = {}
            self._loading = True
            try:
                set_choice(self.edit, None)
            finally:
                self._loading = False
            self._show_error(
                "The entry you were editing is no longer in the journal (removed elsewhere?). "
                "Nothing was saved and your text is still here: press Save again to keep it "
                "as a new reflection."
            )
            return
        except EntryValidationError as exc:
            for name, message in exc.by_field.items():
                if name in self.messages:
                    self.messages[name].value = _span(message, _BLOCKING_COLOUR)
            self.save.disabled = True
            self._show_error("Not saved: please look at the notes next to the fields.")
            return
        except JournalCallbackError as exc:
            saved = exc.entry_id
            self._remember(saved, checked)
            self._after_save()
            self._show_ok(
                f"Saved {saved}. (Something that follows the journal, such as a dashboard, "
                "could not update; reload it to see this entry.)"
            )
            return
        finally:
            self._own_write = False
        self._after_save()
        self._show_ok(f"Saved {saved}")

    def _remember(self, entry_id: str, saved: Entry) -> None:
        self._index[entry_id] = (saved.interview_date, saved.company, saved.client)

    def _after_save(self) -> None:
        self._refresh_choices()
        self._loading = True
        try:
            set_choice(self.edit, None)
        finally:
            self._loading = False
        self.clear()

    def _refresh_choices(self) -> None:
        self._loading = True
        try:
            current = self.edit.value
            options = self._edit_options()
            self.edit.options = options
            set_choice(self.edit, current if any(v == current for _, v in options) else None)
            self.client.options = self._clients()
            self.company.options = self._companies()
        finally:
            self._loading = False

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
            self._show_note(
                f"The list of earlier entries may be out of date ({type(exc).__name__} while "
                "reading a changed entry)."
            )
            return
        self._index[entry_id] = (entry.interview_date, entry.company, entry.client)
        self._refresh_choices()
