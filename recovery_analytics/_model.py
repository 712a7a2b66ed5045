"""The reflection-log entry model: one place that defines every field.

A reflection follows the five recovery steps after an interview:

1. don't beat yourself up -> ``feeling`` (1-5), optional ``self_score`` (1-10);
2. what went well and what went wrong -> ``went_well``, ``went_wrong``;
3. the employer's perspective -> ``connection`` (1-5), ``employer_view``;
4. a contingency plan -> ``plan_b`` (actions, done or not);
5. ask for another interview -> ``follow_up_*``, ``questions_to_ask``.

Readers produce raw values; :mod:`recovery_analytics._validate` turns them into
these types. Nothing here does I/O.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field, fields
from typing import Any, Final, Literal

__all__ = [
    "Action",
    "Entry",
    "FIELDS",
    "FOLLOW_UP_RESPONSES",
    "FORMATS",
    "Item",
    "OUTCOMES",
    "STAGES",
    "derive_entry_id",
]

DEFAULT_CLIENT: Final = "me"

# -- enumerations, each with the synonyms people actually write -------------

STAGES: Final = ("screen", "phone", "technical", "onsite", "panel", "final", "other")
FORMATS: Final = ("in_person", "video", "phone")
FOLLOW_UP_RESPONSES: Final = ("granted", "declined", "no_response", "pending")
OUTCOMES: Final = ("pending", "next_round", "offer", "rejected", "withdrew", "ghosted")

_STAGE_SYNONYMS: Final = {
    "screening": "screen",
    "recruiter": "screen",
    "recruiter screen": "screen",
    "recruiter call": "screen",
    "hr": "screen",
    "hr screen": "screen",
    "initial": "screen",
    "first round": "screen",
    "phone screen": "phone",
    "phone interview": "phone",
    "call": "phone",
    "tech": "technical",
    "technical interview": "technical",
    "tech screen": "technical",
    "coding": "technical",
    "take home": "technical",
    "take-home": "technical",
    "case study": "technical",
    "on-site": "onsite",
    "on site": "onsite",
    "onsite interview": "onsite",
    "in person": "onsite",
    "superday": "onsite",
    "loop": "onsite",
    "panel interview": "panel",
    "final round": "final",
    "final interview": "final",
    "last round": "final",
}
_FORMAT_SYNONYMS: Final = {
    "in person": "in_person",
    "in-person": "in_person",
    "inperson": "in_person",
    "onsite": "in_person",
    "on-site": "in_person",
    "face to face": "in_person",
    "face-to-face": "in_person",
    "office": "in_person",
    "video call": "video",
    "zoom": "video",
    "teams": "video",
    "google meet": "video",
    "meet": "video",
    "remote": "video",
    "online": "video",
    "virtual": "video",
    "telephone": "phone",
    "phone call": "phone",
    "call": "phone",
}
_RESPONSE_SYNONYMS: Final = {
    "yes": "granted",
    "accepted": "granted",
    "agreed": "granted",
    "no": "declined",
    "refused": "declined",
    "rejected": "declined",
    "none": "no_response",
    "no response": "no_response",
    "no reply": "no_response",
    "no answer": "no_response",
    "silence": "no_response",
    "waiting": "pending",
    "awaiting": "pending",
}
_OUTCOME_SYNONYMS: Final = {
    "waiting": "pending",
    "awaiting": "pending",
    "unknown": "pending",
    "next round": "next_round",
    "next-round": "next_round",
    "progressed": "next_round",
    "advanced": "next_round",
    "passed": "next_round",
    "moved forward": "next_round",
    "offered": "offer",
    "job offer": "offer",
    "hired": "offer",
    "reject": "rejected",
    "rejection": "rejected",
    "declined": "rejected",
    "no": "rejected",
    "withdrawn": "withdrew",
    "withdraw": "withdrew",
    "pulled out": "withdrew",
    "ghost": "ghosted",
    "no response": "ghosted",
    "no reply": "ghosted",
}

ENUMS: Final[dict[str, tuple[tuple[str, ...], dict[str, str]]]] = {
    "stage": (STAGES, _STAGE_SYNONYMS),
    "format": (FORMATS, _FORMAT_SYNONYMS),
    "follow_up_response": (FOLLOW_UP_RESPONSES, _RESPONSE_SYNONYMS),
    "outcome": (OUTCOMES, _OUTCOME_SYNONYMS),
}

# -- field specification ------------------------------------------------------

Kind = Literal["id", "text", "date", "rating", "enum", "bool", "items", "actions", "list"]


@dataclass(frozen=True)
class FieldSpec:
    """How one field is typed, validated and explained to a person."""

    name: str
    kind: Kind
    label: str
    low: int | None = None
    high: int | None = None
    required: bool = False


FIELDS: Final[dict[str, FieldSpec]] = {
    spec.name: spec
    for spec in (
        FieldSpec("entry_id", "id", "entry id"),
        FieldSpec("client", "text", "client"),
        FieldSpec("interview_date", "date", "interview date", required=True),
        FieldSpec("company", "text", "company"),
        FieldSpec("role", "text", "role"),
        FieldSpec("stage", "enum", "interview stage"),
        FieldSpec("format", "enum", "interview format"),
        FieldSpec("reflected_on", "date", "date written"),
        FieldSpec("feeling", "rating", "how you feel now", 1, 5),
        FieldSpec("self_score", "rating", "self score", 1, 10),
        FieldSpec("went_well", "items", "went well"),
        FieldSpec("went_wrong", "items", "went wrong"),
        FieldSpec("connection", "rating", "connection felt", 1, 5),
        FieldSpec("employer_view", "text", "employer's perspective"),
        FieldSpec("plan_b", "actions", "plan B"),
        FieldSpec("follow_up_requested", "bool", "follow-up requested"),
        FieldSpec("follow_up_date", "date", "follow-up date"),
        FieldSpec("follow_up_response", "enum", "follow-up response"),
        FieldSpec("questions_to_ask", "list", "questions to ask"),
        FieldSpec("outcome", "enum", "outcome"),
        FieldSpec("notes", "text", "notes"),
    )
}

SCALAR_FIELDS: Final = tuple(
    n for n, s in FIELDS.items() if s.kind not in ("items", "actions", "list")
)
LIST_FIELDS: Final = tuple(n for n, s in FIELDS.items() if s.kind in ("items", "actions", "list"))


# -- value objects --------------------------------------------------------------

_TAG_RE: Final = re.compile(r"(?<![\w&/])#([A-Za-z][\w-]*)")


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
        item back gives the same line.

        Examples
        --------
        >>> item = Item.parse("Rambled on salary #Compensation #nerves")
        >>> item.text, item.tags
        ('Rambled on salary #Compensation #nerves', ('compensation', 'nerves'))
        """
        text = raw.strip()
        return cls(text, tuple(t.lower() for t in _TAG_RE.findall(text)))


@dataclass(frozen=True)
class Action:
    """One plan B action: ``- [ ] text`` (open) or ``- [x] text`` (done)."""

    text: str
    done: bool = False


@dataclass
class Entry:
    """One reflection on one interview. Only ``interview_date`` is required.

    Build one in Python with keyword arguments; lists may hold plain strings.
    ``Entry.from_dict`` validates a mapping (used by the journal and form).
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
    went_well: list[Item] = field(default_factory=list)
    went_wrong: list[Item] = field(default_factory=list)
    connection: int | None = None
    employer_view: str | None = None
    plan_b: list[Action] = field(default_factory=list)
    follow_up_requested: bool | None = None
    follow_up_date: dt.date | None = None
    follow_up_response: str | None = None
    questions_to_ask: list[str] = field(default_factory=list)
    outcome: str | None = None
    notes: str | None = None
    entry_id: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.went_well = [i if isinstance(i, Item) else Item.parse(str(i)) for i in self.went_well]
        self.went_wrong = [
            i if isinstance(i, Item) else Item.parse(str(i)) for i in self.went_wrong
        ]
        self.plan_b = [a if isinstance(a, Action) else parse_action(str(a)) for a in self.plan_b]
        if self.entry_id is None:
            self.entry_id = derive_entry_id(
                self.client, self.interview_date, self.company, self.role
            )

    def to_dict(self) -> dict[str, Any]:
        """Plain values: lists of strings/dicts, ISO dates kept as dates."""
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name in ("went_well", "went_wrong"):
                value = [i.text for i in value]
            elif f.name == "plan_b":
                value = [{"text": a.text, "done": a.done} for a in value]
            elif f.name == "questions_to_ask":
                value = list(value)
            elif f.name == "extra":
                value = dict(value)
            out[f.name] = value
        return out


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


def derive_entry_id(client: object, interview_date: object, company: object, role: object) -> str:
    """A stable id from client, date, company and role.

    The same interview loaded twice (from two files, or twice from one) gets the
    same id, so it is recognised as a duplicate. Case and spacing do not matter.

    Examples
    --------
    >>> derive_entry_id("Ana", dt.date(2026, 3, 4), "Acme", "Analyst")
    'e-2d3b3395bce6'
    >>> derive_entry_id(" ana ", "2026-03-04", "ACME", "analyst")
    'e-2d3b3395bce6'
    """
    date = interview_date.isoformat() if hasattr(interview_date, "isoformat") else interview_date
    date_key = str(date)[:10]
    key = "|".join(
        (_norm_key(client) or DEFAULT_CLIENT, date_key, _norm_key(company), _norm_key(role))
    )
    return "e-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def normalise_enum(field_name: str, value: str) -> str | None:
    """Map a free-written enum value to its canonical name, or ``None`` if unknown.

    Examples
    --------
    >>> normalise_enum("stage", "On-Site")
    'onsite'
    >>> normalise_enum("outcome", "Next round")
    'next_round'
    >>> normalise_enum("stage", "lunch") is None
    True
    """
    allowed, synonyms = ENUMS[field_name]
    key = " ".join(value.casefold().replace("_", " ").split())
    if key.replace(" ", "_") in allowed:
        return key.replace(" ", "_")
    return synonyms.get(key)
