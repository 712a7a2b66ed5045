"""The plain facts of free text: what a journal entry says in so many words.

Day One and Obsidian entries are often prose. Two shapes are read from it:

* a first line (or heading) ``Company — stage (format)``, e.g.
  ``# Hexaport — screen (zoom)``: the company, the stage and the format,
  each only when it is a value the model knows (the format through its
  synonyms: ``zoom`` is video);
  A stage it does not know, in a title whose format it knows, is kept as
  written so that validation reports it;
* lines ``Name 3/5``, ``Name: 4/5``, ``Name: value`` naming a field by its
  name or plain label (``Feeling 3/5.``, ``Connection: 4/5``,
  ``Outcome: rejected``, ``Asked for follow-up: yes``).

Such lines leave the free text; the rest stays as it was. A fact never
replaces a value the entry already has, and a line whose value the model
would refuse stays in the text (nothing is guessed).
"""

from __future__ import annotations

import re
from typing import Any

from ..model import FIELDS, normalise_enum

__all__ = ["read_plain_facts"]

_TITLE = re.compile(
    r"^#{0,6}[ \t]*(?P<company>[^\n—–]{1,80}?)[ \t]+(?:—|–|-{1,2})[ \t]+"
    r"(?P<stage>[^\n(]{1,40}?)[ \t]*(?:\((?P<format>[^\n)]{1,40})\))?[ \t]*\.?[ \t]*$"
)
_FACT = re.compile(
    r"^[ \t]*[-*]?[ \t]*(?P<key>[A-Za-z][A-Za-z \t\-']{0,40}?)[ \t]*:?[ \t]+"
    r"(?P<value>\d{1,2}[ \t]*/[ \t]*\d{1,2}|[^\n:]{1,40}?)[ \t]*\.?[ \t]*$"
)
_FORMAT_WORDS = {
    "zoom": "video",
    "teams": "video",
    "google meet": "video",
    "meet": "video",
    "video call": "video",
    "onsite": "in_person",
    "on-site": "in_person",
    "office": "in_person",
    "call": "phone",
}
_YES = {"yes", "y", "true", "done", "asked"}
_NO = {"no", "n", "false", "not asked"}
_KEYS: dict[str, str] = {}
for _name, _spec in FIELDS.items():
    if _spec.kind in ("rating", "enum", "bool"):
        _KEYS[_name.replace("_", " ")] = _name
        _KEYS[_spec.label.casefold()] = _name
_KEYS.update(
    {
        "asked for follow-up": "follow_up_requested",
        "asked for follow up": "follow_up_requested",
        "asked for feedback": "follow_up_requested",
        "feeling": "feeling",
        "mood": "feeling",
        "connection": "connection",
        "self score": "self_score",
    }
)


def _enum(name: str, text: str) -> str | None:
    value = normalise_enum(name, text.strip())
    return value if isinstance(value, str) and value else None


def _fact(key: str, value: str) -> tuple[str, Any] | None:
    name = _KEYS.get(" ".join(key.casefold().split()))
    if name is None:
        return None
    spec = FIELDS[name]
    if spec.kind == "rating":
        m = re.fullmatch(r"(\d{1,2})\s*/\s*(\d{1,2})", value.strip())
        # out of range ("Feeling 6/5") is kept, for validation to report
        return (name, int(m.group(1))) if m and int(m.group(2)) == spec.high else None
    if spec.kind == "bool":
        word = value.strip().casefold()
        if word in _YES:
            return name, True
        return (name, False) if word in _NO else None
    found = _enum(name, value)
    return (name, found) if found else None


def _title(line: str) -> dict[str, Any]:
    m = _TITLE.match(line.strip())
    if not m:
        return {}
    fmt = m.group("format")
    word = fmt.strip().casefold() if fmt else ""
    found = _enum("format", _FORMAT_WORDS.get(word, word)) if word else None
    stage = _enum("stage", m.group("stage"))
    if stage is None and found is None:
        return {}  # not the shape of a title after all
    # a stage we do not know ("final rnd") in a clear title is kept, for
    # validation to report, rather than left in the text unnoticed
    out: dict[str, Any] = {
        "company": m.group("company").strip(),
        "stage": stage or m.group("stage").strip(),
    }
    if found:
        out["format"] = found
    return out


def read_plain_facts(record: dict[str, Any], key: str = "notes") -> dict[str, Any]:
    """Fill ``record``'s empty fields from the plain facts of ``record[key]``.

    Returns the record (changed in place); the lines read leave the text.

    Examples
    --------
    >>> r = read_plain_facts({"notes": "Hexaport — screen (zoom)\\nFeeling 3/5.\\nGood chat."})
    >>> r["company"], r["stage"], r["format"], r["feeling"], r["notes"]
    ('Hexaport', 'screen', 'video', 3, 'Good chat.')
    """
    text = record.get(key)
    if not isinstance(text, str) or not text.strip():
        return record
    lines = text.splitlines()
    kept: list[str] = []
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    for i, line in enumerate(lines):
        facts: dict[str, Any] = _title(line) if i == first else {}
        if not facts and len(line) <= 80:
            m = _FACT.match(line)
            fact = _fact(m.group("key"), m.group("value")) if m else None
            if fact:
                facts = dict([fact])
        if not facts:
            kept.append(line)
            continue
        for name, value in facts.items():
            if record.get(name) in (None, "", []):
                record[name] = value
    record[key] = "\n".join(kept).strip() or None
    return record
