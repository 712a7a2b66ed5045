"""The entry schema, written down once.

Every reader, writer, validator, form, importer and generator loops over
:data:`FIELDS`. Adding a field to an entry is a change here (and in
:class:`~recovery_analytics.model.Entry`, which is checked against this table
when the module is imported) plus its tests, and nowhere else.

A reflection follows the five recovery steps after an interview:

1. don't beat yourself up -> ``feeling`` (1-5), optional ``self_score`` (1-10);
2. what went well and what went wrong -> ``went_well``, ``went_wrong``;
3. the employer's perspective -> ``connection`` (1-5), ``employer_view``;
4. a contingency plan -> ``plan_b`` (actions, done or not);
5. ask for another interview -> ``follow_up_*``, ``questions_to_ask``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Final, Literal

__all__ = [
    "DEFAULT_CLIENT",
    "FIELDS",
    "STEPS",
    "Choice",
    "FieldSpec",
    "Kind",
    "Place",
    "Step",
    "Widget",
    "choice_label",
    "enum_values",
    "fields_where",
    "normalise_enum",
]

#: The client of an entry that names none (a person's own journal).
DEFAULT_CLIENT: Final = "me"

#: How a field's value is typed.
Kind = Literal["id", "text", "date", "rating", "enum", "bool", "items", "actions", "list"]
#: Where a Markdown file keeps the field: front matter, or a section of its own.
Place = Literal["front", "section"]
#: The input the entry form shows for the field (``None``: the form does not ask).
Widget = Literal["name", "date", "company", "line", "choice", "rating", "yesno", "lines", "text"]

LIST_KINDS: Final = frozenset({"items", "actions", "list"})


@dataclass(frozen=True)
class Choice:
    """One allowed value of an enum field (or one point of a rating) and its plain words."""

    value: str | int
    label: str


@dataclass(frozen=True)
class Step:
    """One heading of the entry form: the five recovery steps, and before and after them."""

    number: int
    title: str
    prompt: str | None = None


@dataclass(frozen=True)
class FieldSpec:
    """Everything about one field: its type, its words, and where it lives in each format.

    Attributes
    ----------
    name : the field's name in every format (column, front-matter key, JSON key).
    kind : how its value is typed (see :data:`Kind`).
    label : plain words for messages and tables ("interview date").
    low, high : the range of a rating.
    required : a record without it cannot be kept.
    choices : an enum's allowed values (or a rating's points) with their plain words.
    synonyms : what people write for an enum value ("on-site" -> "onsite").
    place : front matter or a Markdown section of its own.
    title : the Markdown section heading written for the field.
    headings : the other headings read as this field's section (lower case).
    widget : the form's input, or ``None`` when the form does not ask for it.
    step : the form heading it sits under (see :data:`STEPS`).
    question : the form's caption for it.
    placeholder : the grey hint inside an empty form input.
    css_class : the CSS class of its form input (browser tests find it by that).
    """

    name: str
    kind: Kind
    label: str
    low: int | None = None
    high: int | None = None
    required: bool = False
    choices: tuple[Choice, ...] = ()
    synonyms: Mapping[str, str] = field(default_factory=dict)
    place: Place = "front"
    title: str | None = None
    headings: tuple[str, ...] = ()
    widget: Widget | None = None
    step: int | None = None
    question: str | None = None
    placeholder: str | None = None
    css_class: str | None = None

    @property
    def is_list(self) -> bool:
        """Items, actions and plain lists: several values a record."""
        return self.kind in LIST_KINDS

    @property
    def values(self) -> tuple[str | int, ...]:
        """The allowed values of an enum, in order."""
        return tuple(c.value for c in self.choices)


STEPS: Final = (
    Step(0, "The interview"),
    Step(
        1,
        "Step 1 \u00b7 Don\u2019t beat yourself up",
        "One interview is one conversation, not a verdict on you. However it went, you "
        "showed up \u2014 and writing this down is how the next one gets easier.",
    ),
    Step(
        2,
        "Step 2 \u00b7 What went well / what went wrong",
        "Start with what went well \u2014 there is always something. "
        "Then what you would like to go differently. One thing per line.",
    ),
    Step(
        3,
        "Step 3 \u00b7 The employer\u2019s perspective",
        "They were also trying to make a good decision, and they often see more in "
        "you than you do right after an interview.",
    ),
    Step(
        4,
        "Step 4 \u00b7 Plan B",
        "Whatever happens with this one, what are your next steps? "
        "Start a line with [x] once it is done.",
    ),
    Step(
        5,
        "Step 5 \u00b7 Another interview?",
        "Asking for feedback or another conversation is always allowed.",
    ),
    Step(6, "And finally"),
)


def _rating(words: tuple[str, ...]) -> tuple[Choice, ...]:
    return tuple(Choice(n, w) for n, w in enumerate(words, start=1))


_SPECS: Final = (
    FieldSpec("entry_id", "id", "entry id"),
    FieldSpec(
        "client", "text", "client",
        widget="name", step=0, question="Who is this for",
        placeholder="type a name, or choose", css_class="ra-client",
    ),
    FieldSpec(
        "interview_date", "date", "interview date", required=True,
        widget="date", step=0, question="Interview date", css_class="ra-date",
    ),
    FieldSpec(
        "company", "text", "company",
        widget="company", step=0, question="Company", placeholder="type a company, or choose",
    ),
    FieldSpec(
        "role", "text", "role",
        widget="line", step=0, question="Role", placeholder="e.g. Data Analyst",
    ),
    FieldSpec(
        "stage", "enum", "interview stage",
        choices=(
            Choice("screen", "screening call"),
            Choice("phone", "phone interview"),
            Choice("technical", "technical"),
            Choice("onsite", "on-site"),
            Choice("panel", "panel"),
            Choice("final", "final round"),
            Choice("other", "other"),
        ),
        synonyms={
            "screening": "screen", "recruiter": "screen", "recruiter screen": "screen",
            "recruiter call": "screen", "hr": "screen", "hr screen": "screen",
            "initial": "screen", "first round": "screen",
            "phone screen": "phone", "phone interview": "phone", "call": "phone",
            "tech": "technical", "technical interview": "technical", "tech screen": "technical",
            "coding": "technical", "take home": "technical", "take-home": "technical",
            "case study": "technical",
            "on-site": "onsite", "on site": "onsite", "onsite interview": "onsite",
            "in person": "onsite", "superday": "onsite", "loop": "onsite",
            "panel interview": "panel",
            "final round": "final", "final interview": "final", "last round": "final",
        },
        widget="choice", step=0, question="Stage",
    ),
    FieldSpec(
        "format", "enum", "interview format",
        choices=(
            Choice("in_person", "in person"),
            Choice("video", "video call"),
            Choice("phone", "phone"),
        ),
        synonyms={
            "in person": "in_person", "in-person": "in_person", "inperson": "in_person",
            "onsite": "in_person", "on-site": "in_person", "face to face": "in_person",
            "face-to-face": "in_person", "office": "in_person",
            "video call": "video", "zoom": "video", "teams": "video", "google meet": "video",
            "meet": "video", "remote": "video", "online": "video", "virtual": "video",
            "telephone": "phone", "phone call": "phone", "call": "phone",
        },
        widget="choice", step=0, question="Format",
    ),
    FieldSpec("reflected_on", "date", "date written"),
    FieldSpec(
        "feeling", "rating", "how you feel now", 1, 5,
        choices=_rating(("rough", "not great", "mixed", "alright", "good")),
        widget="rating", step=1, question="How do you feel now?",
    ),
    FieldSpec("self_score", "rating", "self score", 1, 10),
    FieldSpec(
        "went_well", "items", "went well",
        place="section", title="Went well",
        headings=(
            "went well", "what went well", "positives", "positive", "wins", "strengths",
            "good", "the good", "what i did well", "highlights",
        ),
        widget="lines", step=2, question="What went well", placeholder="one thing per line",
    ),
    FieldSpec(
        "went_wrong", "items", "went wrong",
        place="section", title="Went wrong",
        headings=(
            "went wrong", "what went wrong", "negatives", "negative", "to improve",
            "improvements", "areas to improve", "weaknesses", "bad", "the bad",
            "could have gone better", "what could have gone better", "what didn't go well",
            "what did not go well", "lowlights",
        ),
        widget="lines", step=2, question="What went wrong", placeholder="one thing per line",
    ),
    FieldSpec(
        "connection", "rating", "connection felt", 1, 5,
        choices=_rating(("none", "a little", "some", "good", "strong")),
        widget="rating", step=3, question="Connection you felt",
    ),
    FieldSpec(
        "employer_view", "text", "employer's perspective",
        place="section", title="Employer's perspective",
        headings=(
            "employer's perspective", "employers perspective", "employer perspective",
            "the employer's perspective", "employer's view", "employer view",
            "their perspective", "impression", "impression i made",
        ),
        widget="text", step=3, question="How you came across",
        placeholder="the impression you think you made on them",
    ),
    FieldSpec(
        "plan_b", "actions", "plan B",
        place="section", title="Plan B",
        headings=(
            "plan b", "contingency plan", "contingency", "next steps", "actions",
            "next actions",
        ),
        widget="lines", step=4, question="Next actions", placeholder="one next step per line",
    ),
    FieldSpec(
        "follow_up_requested", "bool", "follow-up requested",
        widget="yesno", step=5, question="Asked for a follow-up", placeholder="I asked",
    ),
    FieldSpec(
        "follow_up_date", "date", "follow-up date",
        widget="date", step=5, question="When you asked",
    ),
    FieldSpec(
        "follow_up_response", "enum", "follow-up response",
        choices=(
            Choice("pending", "waiting to hear"),
            Choice("granted", "yes, they agreed"),
            Choice("declined", "no, they said no"),
            Choice("no_response", "no reply"),
        ),
        synonyms={
            "yes": "granted", "accepted": "granted", "agreed": "granted",
            "no": "declined", "refused": "declined", "rejected": "declined",
            "none": "no_response", "no response": "no_response", "no reply": "no_response",
            "no answer": "no_response", "silence": "no_response",
            "waiting": "pending", "awaiting": "pending",
        },
        widget="choice", step=5, question="Their answer",
    ),
    FieldSpec(
        "questions_to_ask", "list", "questions to ask",
        place="section", title="Questions to ask",
        headings=(
            "questions to ask", "questions for next time", "smart questions", "questions",
            "questions to ask next time",
        ),
        widget="lines", step=5, question="Questions to ask next time",
        placeholder="one question per line", css_class="ra-questions",
    ),
    FieldSpec(
        "outcome", "enum", "outcome",
        choices=(
            Choice("pending", "waiting to hear"),
            Choice("next_round", "next round"),
            Choice("offer", "offer"),
            Choice("rejected", "not this time"),
            Choice("withdrew", "withdrew"),
            Choice("ghosted", "no reply"),
        ),
        synonyms={
            "waiting": "pending", "awaiting": "pending", "unknown": "pending",
            "next round": "next_round", "next-round": "next_round",
            "progressed": "next_round", "advanced": "next_round", "passed": "next_round",
            "moved forward": "next_round",
            "offered": "offer", "job offer": "offer", "hired": "offer",
            "reject": "rejected", "rejection": "rejected", "declined": "rejected",
            "no": "rejected",
            "withdrawn": "withdrew", "withdraw": "withdrew", "pulled out": "withdrew",
            "ghost": "ghosted", "no response": "ghosted", "no reply": "ghosted",
        },
        widget="choice", step=6, question="What happened so far",
        placeholder="choose, or leave empty",
    ),
    FieldSpec(
        "notes", "text", "notes",
        place="section", title="Notes",
        headings=("notes", "other notes", "anything else", "note"),
        widget="text", step=6, question="Anything else",
    ),
)  # fmt: skip


def _with_defaults(spec: FieldSpec) -> FieldSpec:
    css = spec.css_class
    if css is None and spec.widget is not None:
        css = "ra-" + spec.name.replace("_", "-")
    headings = spec.headings
    if spec.title is not None and spec.title.casefold() not in headings:
        headings = (spec.title.casefold(), *headings)
    return replace(
        spec, css_class=css, headings=headings, synonyms=MappingProxyType(dict(spec.synonyms))
    )


#: Field name -> specification, in the order entries show their fields.
FIELDS: Final[Mapping[str, FieldSpec]] = MappingProxyType(
    {spec.name: _with_defaults(spec) for spec in _SPECS}
)


def fields_where(
    *,
    kind: Kind | tuple[Kind, ...] | None = None,
    place: Place | None = None,
    in_form: bool | None = None,
    is_list: bool | None = None,
) -> tuple[str, ...]:
    """Names of the fields matching every condition given, in :data:`FIELDS` order.

    Examples
    --------
    >>> fields_where(kind="rating")
    ('feeling', 'self_score', 'connection')
    >>> fields_where(place="section", is_list=False)
    ('employer_view', 'notes')
    """
    kinds = (kind,) if isinstance(kind, str) else kind
    return tuple(
        name
        for name, spec in FIELDS.items()
        if (kinds is None or spec.kind in kinds)
        and (place is None or spec.place == place)
        and (in_form is None or (spec.widget is not None) == in_form)
        and (is_list is None or spec.is_list == is_list)
    )  # fmt: skip


def enum_values(name: str) -> tuple[str, ...]:
    """The allowed values of enum field ``name``, in order.

    Examples
    --------
    >>> enum_values("format")
    ('in_person', 'video', 'phone')
    """
    return tuple(str(v) for v in FIELDS[name].values)


def choice_label(name: str, value: object) -> str:
    """The plain words for ``value`` of field ``name`` (the value itself when unknown).

    Examples
    --------
    >>> choice_label("outcome", "rejected")
    'not this time'
    >>> choice_label("stage", "lunch")
    'lunch'
    """
    for choice in FIELDS[name].choices:
        if choice.value == value:
            return choice.label
    return str(value)


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
    spec = FIELDS[field_name]
    key = " ".join(value.casefold().replace("_", " ").split())
    if key.replace(" ", "_") in spec.values:
        return key.replace(" ", "_")
    return spec.synonyms.get(key)
