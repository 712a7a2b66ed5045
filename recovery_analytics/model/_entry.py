"""The value objects of one reflection: :class:`Entry`, :class:`Item`, :class:`Action`.

Readers produce raw values; :mod:`recovery_analytics._validate` turns them
into these types. Nothing here does I/O.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field, fields
from typing import Any, Final

from ._spec import DEFAULT_CLIENT, FIELDS
from ._tags import find_tags

__all__ = ["Action", "Entry", "Item", "derive_entry_id", "format_action", "parse_action"]


@dataclass(frozen=True)
class Item:
    """One thing that went well or wrong. ``tags`` come from inline ``#tags``.

    ``inferred`` marks items split out of free prose by an importer rather than
    written as a list by the person.
    """

    text: str
    tags: tuple[str, ...] = ()
    inferred: bool = False

    @classmethod
    def parse(cls, raw: str) -> Item:
        """Read ``"rambled on the first question #conciseness"`` into text and tags.

        The text keeps what was written, tags included, so that writing the
        item back gives the same line. Each tag is kept once.

        Examples
        --------
        >>> item = Item.parse("Rambled on salary #Compensation #nerves #Nerves")
        >>> item.text, item.tags
        ('Rambled on salary #Compensation #nerves #Nerves', ('compensation', 'nerves'))
        """
        text = raw.strip()
        return cls(text, find_tags(text))


@dataclass(frozen=True)
class Action:
    """One plan B action: ``- [ ] text`` (open) or ``- [x] text`` (done)."""

    text: str
    done: bool = False


def _items(values: Any) -> tuple[Item, ...]:
    return tuple(i if isinstance(i, Item) else Item.parse(str(i)) for i in values)


def _action(value: Any) -> Action:
    return value if isinstance(value, Action) else parse_action(str(value))


@dataclass(frozen=True)
class Entry:
    """One reflection on one interview. Only ``interview_date`` is required.

    Build one in Python with keyword arguments; lists may hold plain strings
    and are kept as tuples. :func:`recovery_analytics.entry_from_mapping`
    validates a mapping (the journal and the form use it). An entry does not
    change: :func:`dataclasses.replace` makes a changed copy.
    """

    interview_date: dt.date
    client: str = DEFAULT_CLIENT
    company: str | None = None
    role: str | None = None
    stage: str | None = None
    format: str | None = None
    reflected_on: dt.date | None = None
    feeling: int | None = None
    self_score: int | None = None
    went_well: tuple[Item, ...] = ()
    went_wrong: tuple[Item, ...] = ()
    connection: int | None = None
    employer_view: str | None = None
    plan_b: tuple[Action, ...] = ()
    follow_up_requested: bool | None = None
    follow_up_date: dt.date | None = None
    follow_up_response: str | None = None
    questions_to_ask: tuple[str, ...] = ()
    outcome: str | None = None
    notes: str | None = None
    entry_id: str | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        put = object.__setattr__
        for name, spec in FIELDS.items():  # list fields become tuples, by kind
            value = getattr(self, name)
            if spec.kind == "items":
                put(self, name, _items(value))
            elif spec.kind == "actions":
                put(self, name, tuple(_action(a) for a in value))
            elif spec.kind == "list":
                put(self, name, tuple(str(q) for q in value))
        put(self, "extra", dict(self.extra))
        if self.entry_id is None:
            put(
                self,
                "entry_id",
                derive_entry_id(
                    self.client, self.interview_date, self.company, self.role, self.stage
                ),
            )

    def to_dict(self) -> dict[str, Any]:
        """Plain values: lists of strings/dicts, ISO dates kept as dates."""
        out: dict[str, Any] = {}
        for name, spec in FIELDS.items():
            value = getattr(self, name)
            if spec.kind == "items":
                value = [i.text for i in value]
            elif spec.kind == "actions":
                value = [{"text": a.text, "done": a.done} for a in value]
            elif spec.kind == "list":
                value = list(value)
            out[name] = value
        out["extra"] = dict(self.extra)
        return out


# Entry's attributes and the field table must agree: a field added to one only
# fails here, at import, instead of somewhere in a reader.
_ATTRIBUTES = tuple(f.name for f in fields(Entry) if f.name != "extra")
if set(_ATTRIBUTES) != set(FIELDS):  # pragma: no cover - a developer's mistake
    raise RuntimeError(
        "Entry and model.FIELDS disagree: "
        f"{sorted(set(_ATTRIBUTES) ^ set(FIELDS))}; add the field to both."
    )

_ACTION_RE: Final = re.compile(r"^\s*\[( |x|X)\]\s*(.*)$", re.S)


def parse_action(raw: str) -> Action:
    """Read ``"[x] Email the recruiter"`` as a done action; no box means open.

    Examples
    --------
    >>> parse_action("[x] Email the recruiter")
    Action(text='Email the recruiter', done=True)
    >>> parse_action("Apply to two more roles")
    Action(text='Apply to two more roles', done=False)
    """
    m = _ACTION_RE.match(raw)
    if m:
        return Action(m.group(2).strip(), m.group(1) in "xX")
    return Action(raw.strip(), False)


def format_action(action: Action) -> str:
    """The inverse of :func:`parse_action`."""
    return f"[{'x' if action.done else ' '}] {action.text}"


def _norm_key(value: object) -> str:
    if value is None:
        return ""
    text = str(value)
    if text in ("nan", "NaT", "<NA>", "None"):
        return ""
    return " ".join(text.casefold().split())


def derive_entry_id(
    client: object,
    interview_date: object,
    company: object,
    role: object,
    stage: object = None,
    time: object = None,
) -> str:
    """A stable id from client, date, company, role, stage and time of day.

    The same interview loaded twice (from two files, or twice from one) gets the
    same id, so it is recognised as a duplicate. Case and spacing do not matter.
    Two interviews at one company on one day differ by their stage (a screen
    and a final) or, where the source has one, by their time of day
    (``"14:30"``), so neither is taken for a copy of the other.

    Examples
    --------
    >>> derive_entry_id("Ana", dt.date(2026, 3, 4), "Acme", "Analyst")
    'e-2d3b3395bce6'
    >>> derive_entry_id(" ana ", "2026-03-04", "ACME", "analyst")
    'e-2d3b3395bce6'
    >>> derive_entry_id("ana", "2026-03-04", "Acme", "Analyst", stage="final") != (
    ...     derive_entry_id("ana", "2026-03-04", "Acme", "Analyst", stage="screen"))
    True
    """
    date = interview_date.isoformat() if hasattr(interview_date, "isoformat") else interview_date
    date_key = str(date)[:10]
    parts = [_norm_key(client) or DEFAULT_CLIENT, date_key, _norm_key(company), _norm_key(role)]
    # the stage and time join the key only when known, so an entry without
    # them keeps the id it always had
    stage_key, time_key = _norm_key(stage), _norm_key(time)
    if stage_key or time_key:
        parts += [stage_key, time_key]
    key = "|".join(parts)
    return "e-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]
