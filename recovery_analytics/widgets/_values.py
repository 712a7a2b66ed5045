"""The form's values, without widgets: entry <-> widget values, checks, business rules.

Everything here loops over the field specification
(:data:`recovery_analytics.model.FIELDS`): a field with a ``widget`` is on the
form, and its ``kind`` says how its widget's value becomes a value of the
entry. :class:`~recovery_analytics.widgets.EntryForm` only reads its widgets,
calls these functions and shows what they return; they are tested without
widgets.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Final, cast

from .._validate import entry_from_mapping
from ..exceptions import EntryValidationError
from ..model import (
    DEFAULT_CLIENT,
    FIELDS,
    Entry,
    FieldSpec,
    Item,
    fields_where,
    format_action,
    normalise_enum,
)
from ..themes import OTHER, Taxonomy
from ._templates import NOTE_COLOUR, render

__all__ = [
    "DUPLICATE",
    "EDITING",
    "GONE",
    "GONE_WHILE_EDITING",
    "OUT_OF_DATE",
    "SAVED_NOT_FOLLOWED",
    "FUTURE_DATE",
    "NOTHING_YET",
    "NO_CLIENT",
    "NOT_YOURS",
    "ONLY_CLIENT",
    "LinePreview",
    "check_client_name",
    "check_values",
    "EntryIndex",
    "default_client",
    "edit_options",
    "entry_index",
    "entry_label",
    "entry_mapping",
    "entry_to_values",
    "form_fields",
    "is_typed_choice",
    "rating_options",
    "split_lines",
    "stamp_reflected_on",
    "theme_preview",
    "theme_preview_html",
]

NO_CLIENT: Final = "Who is this reflection for? Type a name, or \u201cme\u201d for yourself."
NOTHING_YET: Final = (
    "Nothing to save yet \u2014 a company name, or one line in any step, is enough."
)
FUTURE_DATE: Final = (
    "This date is in the future: fine if you are writing ahead, otherwise check the year."
)
#: What the form says after Save or when editing (``str.format`` fields in braces).
DUPLICATE: Final = (
    "You already have a reflection for this interview (same person, date, company and role: "
    "{entry_id}), so nothing new was saved. Choose it under \u201cEdit an earlier entry\u201d "
    "to change it, or add the role to keep both."
)
GONE: Final = (
    "That entry is no longer in the journal (it may have been removed elsewhere). "
    "The form was left as it was."
)
GONE_WHILE_EDITING: Final = (
    "The entry you were editing is no longer in the journal (removed elsewhere?). Nothing was "
    "saved and your text is still here: press Save again to keep it as a new reflection."
)
EDITING: Final = "Editing the reflection of {label}. Save keeps it under the same id."
SAVED_NOT_FOLLOWED: Final = (
    "Saved {entry_id}. (Something that follows the journal, such as a dashboard, could not "
    "update; reload it to see this entry.)"
)
OUT_OF_DATE: Final = (
    "The list of earlier entries may be out of date ({error} while reading a changed entry)."
)
#: What a form kept to one client says when the client was changed (never by the page itself).
ONLY_CLIENT: Final = (
    "This form is for {client} only: reflections are saved under that name, not another."
)
#: What a form kept to one client says when asked to open another client's entry.
NOT_YOURS: Final = "That entry does not belong to this form; the form was left as it was."
#: What the form says when a required field is empty (instead of the model's words).
_MISSING: Final = {"date": "Please pick the date of the interview."}


def form_fields() -> tuple[str, ...]:
    """The fields the form asks for, in the order it asks (those with a ``widget``).

    Examples
    --------
    >>> form_fields()[:3]
    ('client', 'interview_date', 'company')
    """
    return fields_where(in_form=True)


def is_typed_choice(spec: FieldSpec) -> bool:
    """Whether a choice is typed (a Combobox of plain words) rather than picked from a list.

    A choice with a placeholder is typed: a Dropdown has no placeholder.

    Examples
    --------
    >>> is_typed_choice(FIELDS["outcome"]), is_typed_choice(FIELDS["stage"])
    (True, False)
    """
    return spec.widget == "choice" and spec.placeholder is not None


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


def _choice_value(spec: FieldSpec, text: object) -> object:
    """A choice's plain words -> its value; anything else goes to the model as written."""
    if _blank(text):
        return None
    shown = " ".join(str(text).split())
    for choice in spec.choices:
        if shown.casefold() == choice.label.casefold():
            return choice.value
    return shown  # the model knows values and synonyms ("next round", "rejected"), or says no


def _lines(name: str, value: object, keep_items: Mapping[str, Iterable[Item]] | None) -> list[Any]:
    lines = split_lines(value)
    if keep_items and name in keep_items:
        known = {item.text: item for item in keep_items[name]}
        return [known.get(line, line) for line in lines]
    return lines


def entry_mapping(
    values: Mapping[str, Any],
    *,
    keep_items: Mapping[str, Iterable[Item]] | None = None,
) -> dict[str, Any]:
    """Form values (keyed by model field) -> a mapping for ``entry_from_mapping``.

    Text is trimmed and empty text becomes ``None``; Textareas (list fields)
    become lists with one element per non-empty line (never split on ``;``,
    unlike a CSV cell); a choice's plain words become its value; a yes/no is
    ``True`` or ``False``. Nothing is judged here:
    :func:`~recovery_analytics.entry_from_mapping` does that.

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
    for name in form_fields():
        if name not in values:
            continue
        spec, value = FIELDS[name], values[name]
        if spec.is_list:
            out[name] = _lines(name, value, keep_items)
        elif spec.kind == "text":
            out[name] = None if _blank(value) else str(value).strip()
        elif spec.kind == "enum":
            out[name] = _choice_value(spec, value)
        elif spec.kind == "bool":
            out[name] = None if value is None else bool(value)
        else:
            out[name] = None if _blank(value) else value
    return out


def _widget_value(spec: FieldSpec, value: Any) -> Any:
    if spec.kind == "actions":
        return "\n".join(format_action(a) if a.done else a.text for a in value)
    if spec.kind == "items":
        return "\n".join(i.text for i in value)
    if spec.is_list:
        return "\n".join(str(v) for v in value)
    if spec.kind == "text":
        return value or ""
    if is_typed_choice(spec):
        labels = {c.value: c.label for c in spec.choices}
        return labels.get(value, value or "")
    return value


def entry_to_values(entry: Entry) -> dict[str, Any]:
    """An entry as form values, keyed by field (the inverse of :func:`entry_mapping`).

    Examples
    --------
    >>> e = Entry(dt.date(2026, 3, 4), company="Acme", went_well=["Calm"],
    ...           plan_b=["[x] Email the recruiter", "Apply to two more"], outcome="rejected")
    >>> v = entry_to_values(e)
    >>> v["went_well"], v["plan_b"], v["outcome"]
    ('Calm', '[x] Email the recruiter\\nApply to two more', 'not this time')
    """
    return {name: _widget_value(FIELDS[name], getattr(entry, name)) for name in form_fields()}


def check_client_name(name: object) -> str | None:
    """The form's rule for the client: a name is needed, or ``None`` with what to do.

    The model quietly files an entry without a client under
    :data:`~recovery_analytics.model.DEFAULT_CLIENT`; the form asks instead,
    so a coach never files a reflection under the wrong person.

    Examples
    --------
    >>> check_client_name(" ana "), check_client_name("  ") == NO_CLIENT
    (None, True)
    """
    return NO_CLIENT if _blank(name) else None


def _has_content(mapping: Mapping[str, Any]) -> bool:
    for name, value in mapping.items():
        spec = FIELDS.get(name)
        if spec is None or spec.required or spec.widget == "name":
            continue  # who and when are not content
        if spec.kind == "bool":
            if value:
                return True
        elif isinstance(value, list | tuple):
            if value:
                return True
        elif value is not None:
            return True
    return False


def check_values(
    values: Mapping[str, Any],
    *,
    keep_items: Mapping[str, Iterable[Item]] | None = None,
    today: dt.date | None = None,
    only_client: str | None = None,
) -> tuple[Entry | None, dict[str, str], dict[str, str]]:
    """Validate form values: ``(entry or None, problems, notes)``, keyed by field.

    ``problems`` block saving: the model's own messages (from
    :class:`~recovery_analytics.EntryValidationError`'s ``by_field``) and two
    rules of the form - a client name is needed (:func:`check_client_name`),
    and something must be written (key ``""``). ``notes`` are gentle remarks
    that do not block saving (a date in the future).

    ``only_client`` keeps the values to one client (a form served to that
    client, see ``recovery-analytics form``): any other client name is a
    problem (:data:`ONLY_CLIENT`), whatever the page sent.

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
    for name in fields_where(in_form=True):
        if FIELDS[name].widget == "name" and name in values:
            message = check_client_name(mapping.get(name))
            if message is None and only_client is not None and mapping.get(name) != only_client:
                message = ONLY_CLIENT.format(client=only_client)
            if message is not None:
                problems[name] = message
    if not _has_content(mapping):
        problems[""] = NOTHING_YET
    for name in fields_where(kind="date", in_form=True):
        date = mapping.get(name)
        if FIELDS[name].required and isinstance(date, dt.date):
            if date > (today or dt.date.today()):
                notes[name] = FUTURE_DATE
    entry: Entry | None = None
    try:
        # TODO(redesign): entry_from_mapping returns model.Entry once helper A lands
        entry = cast("Entry", entry_from_mapping(mapping, file="the form"))
    except EntryValidationError as exc:
        for name, message in exc.by_field.items():
            problems.setdefault(name, _form_message(name, message, values.get(name)))
    if problems:
        return None, problems, notes
    return entry, problems, notes


def _form_message(name: str, message: str, value: object) -> str:
    spec = FIELDS.get(name)
    if spec is None:
        return message
    if is_typed_choice(spec) and normalise_enum(name, str(value or "")) is None:
        choices = ", ".join(f"\u201c{c.label}\u201d" for c in spec.choices)
        shown = " ".join(str(value).split())
        shown = shown if len(shown) <= 40 else shown[:39] + "\u2026"
        return f"\u201c{shown}\u201d is not one of the choices: pick {choices}, or leave it empty."
    if spec.required and "missing" in message:
        return _MISSING.get(spec.kind, message)
    return message


def stamp_reflected_on(
    mapping: Mapping[str, Any], *, today: dt.date | None = None
) -> dict[str, Any]:
    """A new entry's mapping with ``reflected_on`` (the day it was written) set to today.

    The rule applies to an entry written now, by a person (the form); an
    entry given a ``reflected_on`` keeps it. It belongs to the journal's
    "add a new entry" and lives here until the journal applies it.

    Examples
    --------
    >>> stamp_reflected_on({"company": "Acme"}, today=dt.date(2026, 3, 5))
    {'company': 'Acme', 'reflected_on': datetime.date(2026, 3, 5)}
    """
    out = dict(mapping)
    if out.get("reflected_on") is None:
        out["reflected_on"] = today or dt.date.today()
    return out


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


# -- the live theme preview ------------------------------------------------------------------

_BULLET: Final = re.compile(r"^(?:[-*+\u2022]|[0-9]+[.)])\s+")


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


def theme_preview_html(previews: list[LinePreview]) -> str:
    """The preview as a short HTML list; ``other`` is said as "no theme yet".

    Examples
    --------
    >>> theme_preview_html([LinePreview("ran out of time", ("time_management",),
    ...                                 ("ran out of time",))])  # doctest: +ELLIPSIS
    '<div ...>Themes each line would get:<ul ...><li>ran out of time → <b>time management</b>...'
    """
    rows = [
        {
            "line": p.text if len(p.text) <= 60 else p.text[:59] + "\u2026",
            "themes": [t.replace("_", " ") for t in p.themes if t != OTHER],
            "because": "; ".join(w for w in p.because if w),
        }
        for p in previews
    ]
    return render("form_preview.html.j2", rows=rows, colour=NOTE_COLOUR)


def rating_options(spec: FieldSpec) -> list[tuple[str, int]]:
    """A rating's buttons: ``"1 · rough"``, ``"2"``, ... ``"5 · good"`` (words at both ends).

    Examples
    --------
    >>> rating_options(FIELDS["connection"])[0], rating_options(FIELDS["connection"])[-1]
    (('1 · none', 1), ('5 · strong', 5))
    """
    ends = (spec.choices[0], spec.choices[-1]) if spec.choices else ()
    return [
        (f"{c.value} \u00b7 {c.label}" if c in ends else str(c.value), int(c.value))
        for c in spec.choices
    ]


#: Entry id -> (interview date, company, client): what "Edit an earlier entry" lists.
EntryIndex = dict[str, tuple[dt.date, str | None, str]]


def entry_index(interviews: Any, *, client: str | None = None) -> EntryIndex:
    """The index of a log's ``interviews`` frame (the form's list of earlier entries).

    With ``client``, only that client's entries (a form kept to one client).
    """
    return {
        str(eid): (d.date(), co if isinstance(co, str) else None, str(cl))
        for eid, d, co, cl in zip(
            interviews.index, interviews["interview_date"], interviews["company"],
            interviews["client"], strict=True,
        )
        if client is None or cl == client
    }  # fmt: skip


def edit_options(index: EntryIndex) -> list[tuple[str, str]]:
    """ "Edit an earlier entry"'s choices: a new reflection, then the newest first.

    Examples
    --------
    >>> edit_options({"e-1": (dt.date(2026, 3, 4), "Acme", "me"),
    ...               "e-2": (dt.date(2026, 3, 9), None, "ana")})  # doctest: +NORMALIZE_WHITESPACE
    [('New reflection', ''), ('2026-03-09 \u2014 (no company) \u2014 ana', 'e-2'),
     ('2026-03-04 \u2014 Acme \u2014 me', 'e-1')]
    """
    ordered = sorted(index.items(), key=lambda kv: (kv[1][0], kv[0]), reverse=True)
    return [("New reflection", "")] + [
        (entry_label(d, co, cl), eid) for eid, (d, co, cl) in ordered
    ]


def default_client(clients: Iterable[str]) -> str:
    """The form's first client: "me" for a person's own journal, else none (a coach picks).

    Examples
    --------
    >>> default_client([]), default_client(["me"]), default_client(["ana", "me"])
    ('me', 'me', '')
    """
    return DEFAULT_CLIENT if set(clients) <= {DEFAULT_CLIENT} else ""
