"""Markdown reflection files: YAML front matter, then sections by heading.

Reading is built for many small files: front matter made only of plain
``key: value`` lines is read without the YAML machinery, and anything else
(quotes, lists, nesting, comments) goes through ``yaml.safe_load``. Both give
the same values for the plain case, because every scalar is typed later by
:mod:`recovery_analytics._validate` from its text.
"""

from __future__ import annotations

import re
from typing import Any, Final

import yaml

from .._limits import over_limit
from ..exceptions import Problem
from ..model import FIELDS, Action, Entry, Item, fields_where, find_tags, format_action

__all__ = ["SECTION_HEADINGS", "parse_markdown", "write_markdown"]

#: Field name -> the headings read as its section (lower case), from the model.
SECTION_HEADINGS: Final = {name: FIELDS[name].headings for name in fields_where(place="section")}
_HEADING_TO_FIELD: Final = {h: name for name, hs in SECTION_HEADINGS.items() for h in hs}
_LIST_SECTIONS: Final = frozenset(fields_where(place="section", is_list=True))
_TEXT_SECTIONS: Final = frozenset(fields_where(place="section", is_list=False))
# text under headings we do not know (or before the first heading) goes here
_LEFTOVER: Final = "notes"
# text sections written only when they hold something (the others always, as a prompt)
_OPTIONAL_SECTIONS: Final = frozenset({_LEFTOVER})

_SIMPLE_BULLETS: Final = frozenset({"- ", "* ", "+ "})
# Every pattern here is linear: no two adjacent or nested unbounded quantifiers
# can take the same characters; trailing spaces and closing #s are stripped in Python
_HEADING_RE: Final = re.compile(r"^#{1,6}\s+(.*)$")
_BULLET_RE: Final = re.compile(r"^\s*(?:[-*+\u2022]|[0-9]+[.)])\s+(.*)$")
_PLAIN_KV_RE: Final = re.compile(r"^([A-Za-z_][\w \t-]*):(?:[ \t]+(.*))?$")
# a value the fast path may take as it is: starts with a letter or digit, and
# holds nothing YAML would read differently (comments, nested mappings)
_SAFE_VALUE: Final = re.compile(r"^\w(?:(?![ \t]#|:(?:[ \t]|$)).)*$")


def _heading_key(title: str) -> str:
    key = title.casefold().strip().rstrip(":").strip()
    key = key.replace("\u2019", "'")
    return " ".join(key.split())


class _TextLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """A safe loader that keeps every scalar as the text written.

    Types come later from the field model, so ``company: 007`` stays "007" and
    ``role: yes`` stays "yes" instead of becoming 7 and True.
    """


_TextLoader.yaml_implicit_resolvers = {}


def _quoted(value: str) -> str | None:
    """The text of a simple quoted scalar (``'it''s'``, ``"next_round"``), else None."""
    if len(value) >= 2 and value[0] == value[-1] == "'":
        inner = value[1:-1]
        if "'" not in inner.replace("''", ""):
            return inner.replace("''", "'")
    elif len(value) >= 2 and value[0] == value[-1] == '"':
        inner = value[1:-1]
        if '"' not in inner and "\\" not in inner:
            return inner
    return None


_KEY_FIRST: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_")


def _plain_kv(line: str) -> tuple[str, str | None] | None:
    """``_PLAIN_KV_RE`` on one line (no line breaks, not starting with white space):
    ``(key, value or None)``, or ``None`` when it does not match.

    Plain ASCII keys are checked with string methods; other keys go to the regex.
    """
    colon = line.find(":")
    if colon <= 0 or line[0] not in _KEY_FIRST:
        return None
    head = line[:colon].rstrip(" \t")
    inner = head[1:]
    if not inner.isascii():
        return _plain_kv_any(line)
    letters = inner.replace(" ", "").replace("-", "").replace("_", "")
    if letters and not letters.isalnum():
        return None
    rest = line[colon + 1 :]
    if not rest:
        return head, None
    if rest[0] not in " \t":
        return None
    return head, rest.strip(" \t")


def _plain_kv_any(line: str) -> tuple[str, str | None] | None:
    """``key: value`` with any letters in the key (the regex, then stripped in Python)."""
    m = _PLAIN_KV_RE.match(line)
    if m is None:
        return None
    key = m.group(1).rstrip(" \t")
    if "\t" in key:
        return None
    value = m.group(2)
    return key, None if value is None else value.rstrip(" \t")


def _heading_title(m: re.Match[str]) -> str:
    """The title of a heading matched by ``_HEADING_RE``: without closing ``#`` marks."""
    return m.group(1).rstrip().rstrip("#").rstrip()


def _has_alias(text: str) -> bool:
    """Whether YAML ``text`` uses an alias; read as events, so nothing is expanded."""
    if "*" not in text:
        return False
    try:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        return any(isinstance(event, yaml.AliasEvent) for event in yaml.parse(text, Loader=loader))
    except yaml.YAMLError:
        return False  # the loader reports the syntax error itself


def _safe_value(value: str) -> bool:
    """``_SAFE_VALUE.match(value)`` for a value without line breaks."""
    if not value or not (value[0].isalnum() or value[0] == "_"):
        return False
    return not (
        " #" in value or "\t#" in value or ": " in value or ":\t" in value or value.endswith(":")
    )


def _fast_front_matter(lines: list[str]) -> tuple[dict[str, Any], dict[str, int]] | None:
    """Plain ``key: value`` lines only, with each key's line; ``None`` means use YAML."""
    out: dict[str, Any] = {}
    where: dict[str, int] = {}
    for offset, line in enumerate(lines):
        if not line.strip():
            continue
        if line[0].isspace():
            return None
        kv = _plain_kv(line)
        if kv is None:
            return None
        key, value = kv
        if value is not None and not _safe_value(value):
            value = _quoted(value)
            if value is None:
                return None
        out[key] = value
        where.setdefault(key, offset + 2)  # the front matter starts on line 2
    return out, where


def parse_markdown(
    text: str, file: str, *, client: str | None = None, yaml_aliases: bool = False
) -> tuple[dict[str, Any] | None, list[Problem]]:
    """Parse one Markdown reflection into a raw record (or ``None``) and problems.

    The record maps field names to raw values, with ``_file``, ``_line`` and a
    ``_lines`` dict giving each field's own line for messages.

    Examples
    --------
    >>> rec, problems = parse_markdown(
    ...     "---\\ninterview_date: 2026-03-04\\n---\\n## Wins\\n- Good STAR story\\n", "x.md")
    >>> rec["interview_date"], rec["went_well"], problems
    ('2026-03-04', ['Good STAR story'], [])
    """
    lines = text.splitlines()
    problems: list[Problem] = []
    record: dict[str, Any] = {}
    field_lines: dict[str, int] = {}
    body_start = 0
    if not text.strip():
        problems.append(
            Problem(
                file,
                None,
                None,
                "the file is empty; write a reflection in it (see docs/formats.md) or delete it",
            )
        )
        return None, problems
    if lines and lines[0].strip() == "---":
        end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
        if end is None:
            problems.append(
                Problem(
                    file,
                    1,
                    None,
                    "the front matter starting here is never closed; add a line '---' after "
                    "the last 'key: value' line",
                )
            )
            return None, problems
        fm_lines = lines[1:end]
        fast = _fast_front_matter(fm_lines)
        if fast is not None:
            front, field_lines = fast
        else:
            fm_text = "\n".join(fm_lines)
            if not yaml_aliases and _has_alias(fm_text):
                found = "a YAML alias (*name) in the front matter"
                problems.append(Problem(file, 1, None, over_limit("yaml_aliases", found, False)))
                return None, problems
            try:
                loaded = yaml.load(fm_text, Loader=_TextLoader)  # noqa: S506
            except yaml.YAMLError as exc:
                # where the broken construct starts, else where it was noticed,
                # never past the last front-matter line
                mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
                line = min(mark.line + 2, end) if mark is not None else 1
                reason = getattr(exc, "problem", None) or "it is not valid YAML"
                problems.append(
                    Problem(
                        file,
                        line,
                        None,
                        f"the front matter could not be read ({reason}); write one "
                        "'key: value' per line and put values that contain ': ' or '#' in quotes",
                    )
                )
                return None, problems
            if loaded is None:
                loaded = {}
            if not isinstance(loaded, dict):
                problems.append(
                    Problem(
                        file,
                        2,
                        None,
                        "the front matter must be 'key: value' lines, not a list or a single value",
                    )
                )
                return None, problems
            front = {str(k): v for k, v in loaded.items()}
            for offset, line in enumerate(fm_lines):
                kv = _plain_kv_any(line) if line and not line[0].isspace() else None
                if kv:
                    field_lines.setdefault(kv[0].strip(), offset + 2)
        record.update(front)
        body_start = end + 1

    current: str | None = None
    buffers: dict[str, list[str]] = {}
    # text under headings we do not know (or before the first heading) is kept
    # in notes, headed by its title, so nothing written is lost
    others: list[tuple[str | None, int, list[str]]] = [(None, body_start + 1, [])]
    for number in range(body_start, len(lines)):
        line = lines[number]
        if line.startswith("#"):
            m = _HEADING_RE.match(line)
            if m:
                key = _HEADING_TO_FIELD.get(_heading_key(_heading_title(m)))
                current = key
                if key is not None:
                    buffers.setdefault(key, [])
                    field_lines.setdefault(key, number + 1)
                else:
                    others.append((_heading_title(m), number + 1, []))
                continue
        if current is None:
            others[-1][2].append(line)
            continue
        if current in _LIST_SECTIONS:
            if line[:2] in _SIMPLE_BULLETS:  # the common case, without a regex
                buffers[current].append(line[2:].strip())
                continue
            b = _BULLET_RE.match(line)
            if b:
                buffers[current].append(b.group(1).strip())
            elif line.strip() and buffers[current] and line[:1].isspace():
                buffers[current][-1] += " " + line.strip()  # wrapped bullet
            elif line.strip():
                buffers[current].append(line.strip())
        else:
            buffers[current].append(_unescape_line(line))

    kept = [
        "\n".join(([title] if title else []) + body).strip()
        for title, _, body in others
        if any(b.strip() for b in body)
    ]
    if kept:
        buffers.setdefault(_LEFTOVER, [])
        field_lines.setdefault(
            _LEFTOVER, next(ln for _, ln, b in others if any(x.strip() for x in b))
        )
        buffers[_LEFTOVER] = ["\n\n".join(kept), *buffers[_LEFTOVER]]

    for key, buf in buffers.items():
        if key in _TEXT_SECTIONS:
            value = "\n".join(buf).strip()
            if key in record and record[key] not in (None, ""):
                if value:
                    record[key] = f"{record[key]}\n\n{value}"
            else:
                record[key] = value or None
        else:
            record[key] = buf
    if client is not None and record.get("client") in (None, ""):
        record["client"] = client
    record["_file"] = file
    record["_line"] = 1
    record["_lines"] = field_lines
    return record, problems


# -- writing ---------------------------------------------------------------------


def _yaml_scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    text = str(value)
    if _SAFE_VALUE.match(text) and text == text.strip():
        return text
    return yaml.safe_dump(text, default_style='"', allow_unicode=True, width=10**9).strip()


_FRONT_FIELDS: Final = fields_where(place="front")


def _one_line(text: str) -> str:
    return " ".join(text.split())


def write_markdown(entry: Entry) -> str:
    """Render an entry as Markdown that :func:`parse_markdown` reads back the same.

    Items keep their inline ``#tags``; multi-line items are joined onto one line;
    explicit tags not written inline are appended as ``#tag``.
    """
    lines = ["---"]
    for name in _FRONT_FIELDS:
        value = getattr(entry, name)
        if value is None or value == "":
            continue
        lines.append(f"{name}: {_yaml_scalar(value)}")
    for key, value in sorted(entry.extra.items(), key=lambda kv: str(kv[0])):
        if value is None:
            continue
        dumped = yaml.safe_dump({str(key): value}, allow_unicode=True, default_flow_style=True)
        lines.append(dumped.strip()[1:-1].strip())
    lines.append("---")
    lines.append("")

    for name in fields_where(place="section"):
        spec = FIELDS[name]
        value = getattr(entry, name)
        if not value and name in _OPTIONAL_SECTIONS:
            continue
        lines.append(f"## {spec.title}")
        if spec.kind == "items":
            lines.extend(f"- {item_line(item)}" for item in value)
        elif spec.kind == "actions":
            lines.extend(f"- {format_action(Action(_one_line(a.text), a.done))}" for a in value)
        elif spec.is_list:
            lines.extend(f"- {_one_line(str(v))}" for v in value)
        elif value is not None and value != "":
            lines.append(_escape_block(str(value)))
        lines.append("")
    return "\n".join(lines)


def item_line(item: Item) -> str:
    """An item on one line, its tags written inline: what readers read back as the same item.

    Tags the text does not already carry are appended as ``#tag``.

    Examples
    --------
    >>> item_line(Item("kept  calm #Nerves", ("nerves", "star")))
    'kept calm #Nerves #star'
    """
    text = _one_line(item.text)
    written = find_tags(text)
    return " ".join([text, *(f"#{t}" for t in item.tags if t not in written)])


def _escape_block(text: str) -> str:
    """Keep free text from being read as a heading: ``#`` and ``\\`` lines get a ``\\``."""
    return "\n".join(
        ("\\" + ln if ln.startswith(("#", "\\")) else ln) for ln in text.strip().split("\n")
    )


def _unescape_line(line: str) -> str:
    if line.startswith("\\") and line[1:2] in ("#", "\\"):
        return line[1:]
    return line
