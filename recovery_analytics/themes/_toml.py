"""Reading a taxonomy file: the TOML schema, its checks, and merging with a base.

The schema is documented in :mod:`recovery_analytics.themes` and in
``docs/taxonomy.md``. Every problem raises
:class:`~recovery_analytics.exceptions.TaxonomyError` with a message of the form
``<file>:<line>: <key>: <what is wrong>; <how to fix it>``. The line of a
syntax error comes from :mod:`tomllib`; the line of any other problem is found
by looking for the offending key (or list entry) in the text.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Callable, Sequence
from typing import Any, Final

from ..exceptions import TaxonomyError
from ._theme import (
    LIST_FIELDS,
    NAME_PATTERN,
    PatternError,
    Theme,
    check_regex,
    trusted,
    word_to_regex,
)

__all__ = ["EXTENDS", "parse_taxonomy"]

EXTENDS: Final = ("default", "none")
TOP_KEYS: Final = ("extends", "remove_themes", "themes")
THEME_KEYS: Final = ("description", "replace", "remove", *LIST_FIELDS)
_WORD_FIELDS: Final = ("words", "weak_words", "exclude_words")
_REGEX_FIELDS: Final = ("patterns", "weak_patterns", "exclude_patterns")
_DOCS: Final = "see docs/taxonomy.md for a complete example"

_BARE_OR_QUOTED = r"""(?:[A-Za-z0-9_-]+|"[^"\n]*"|'[^'\n]*')"""
_DOTTED = rf"{_BARE_OR_QUOTED}(?:\s*\.\s*{_BARE_OR_QUOTED})*"
_HEADER_RE: Final = re.compile(rf"^\s*\[\[?\s*({_DOTTED})\s*\]\]?")
_KEY_RE: Final = re.compile(rf"^\s*({_DOTTED})\s*=")
_PART_RE: Final = re.compile(_BARE_OR_QUOTED)
_TOML_LINE_RE: Final = re.compile(r"at line (\d+)")


# -- locating keys in the text --------------------------------------------------------


def _key_parts(dotted: str) -> tuple[str, ...]:
    return tuple(p.strip("\"'") for p in _PART_RE.findall(dotted))


class _Locator:
    """Finds the line of a key path (and of a list entry) in TOML text."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self.first: dict[tuple[str, ...], int] = {}
        table: tuple[str, ...] = ()
        for no, line in enumerate(self.lines, 1):
            header = _HEADER_RE.match(line)
            if header:
                table = _key_parts(header.group(1))
                self.first.setdefault(table, no)
                continue
            key = _KEY_RE.match(line)
            if key:
                self.first.setdefault(table + _key_parts(key.group(1)), no)

    def line(self, path: Sequence[str]) -> int | None:
        """Line of the key, else of its closest parent that is written in the text."""
        for k in range(len(path), 0, -1):
            found = self.first.get(tuple(path[:k]))
            if found is not None:
                return found
        return None

    def item_line(self, path: Sequence[str], value: str) -> int | None:
        """Line of one string entry of the list at ``path`` (for multi-line lists)."""
        start = self.line(path)
        if start is None:
            return None
        for no in range(start, min(len(self.lines), start + 500) + 1):
            text = self.lines[no - 1]
            if no > start and _KEY_RE.match(text) or no > start and _HEADER_RE.match(text):
                break
            if f"'{value}'" in text or f'"{value}"' in text or f"'''{value}'''" in text:
                return no
        return start


class _Context:
    def __init__(self, text: str, source: str) -> None:
        self.source = source
        self.locator = _Locator(text)

    def error(
        self, path: Sequence[str], message: str, *, item: str | None = None, index: int = -1
    ) -> TaxonomyError:
        line = self.locator.item_line(path, item) if item is not None else self.locator.line(path)
        where = self.source if line is None else f"{self.source}:{line}"
        key = ".".join(path) + (f"[{index}]" if index >= 0 else "")
        return TaxonomyError(f"{where}: {key}: {message}")


def _suggest(name: str, choices: Sequence[str]) -> str:
    close = difflib.get_close_matches(name, list(choices), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _type_name(value: object) -> str:
    return {bool: "true/false", int: "a number", float: "a number", str: "a string"}.get(
        type(value), "a list" if isinstance(value, list) else "a table"
    )


# -- checking values -------------------------------------------------------------------


def _string_list(ctx: _Context, path: list[str], value: object) -> list[str]:
    if not isinstance(value, list):
        raise ctx.error(
            path,
            f"must be a list of strings, but it is {_type_name(value)}; "
            f'write it as {path[-1]} = ["...", "..."]',
        )
    for i, v in enumerate(value):
        if not isinstance(v, str):
            raise ctx.error(
                path,
                f"entry {i + 1} is {_type_name(v)} ({v!r}), but every entry must be a "
                "string; put it in quotes",
                index=i,
            )
    return list(value)


def _check_key(ctx: _Context, path: list[str], allowed: Sequence[str], accepts: str) -> None:
    """Raise unless the last key of ``path`` is one of ``allowed``; ``accepts`` says which."""
    key = path[-1]
    if key not in allowed:
        raise ctx.error(path, f"unknown key {key!r}{_suggest(key, allowed)}; {accepts}")


def _check_entries(ctx: _Context, path: list[str], field: str, values: list[str]) -> None:
    for i, v in enumerate(values):
        try:
            if field in _WORD_FIELDS:
                word_to_regex(v)
            elif field in _REGEX_FIELDS:
                check_regex(v)
            elif not v.strip():
                raise PatternError("is empty; remove it")
        except PatternError as exc:
            kind = "regular expression" if field in _REGEX_FIELDS else "entry"
            raise ctx.error(path, f"{kind} {v!r} {exc}", item=v, index=i) from None


def _check_theme_table(
    ctx: _Context, name: str, table: object, check_entries: bool = True
) -> dict[str, Any]:
    path = ["themes", name]
    if not isinstance(table, dict):
        raise ctx.error(
            path,
            f"must be a table, but it is {_type_name(table)}; write it as "
            f'[themes.{name}] followed by lines such as words = ["..."]',
        )
    if not NAME_PATTERN.fullmatch(name):
        raise ctx.error(
            path,
            f"theme name {name!r} is not valid; use lower-case letters, digits and '_', "
            "starting with a letter (e.g. visa_issues)",
        )
    if name == "other":
        raise ctx.error(path, "'other' is reserved for items without a theme; choose another name")
    for key, value in table.items():
        kpath = [*path, key]
        _check_key(ctx, kpath, THEME_KEYS, f"a theme accepts {', '.join(THEME_KEYS)} ({_DOCS})")
        if key == "description" and not isinstance(value, str):
            raise ctx.error(
                kpath, f"must be a string, but it is {_type_name(value)}; put it in quotes"
            )
        elif key == "replace" and not isinstance(value, bool):
            raise ctx.error(
                kpath, f"must be true or false, but it is {_type_name(value)} ({value!r})"
            )
        elif key == "remove":
            if not isinstance(value, dict):
                raise ctx.error(
                    kpath,
                    f"must be a table, but it is {_type_name(value)}; write it as "
                    f'[themes.{name}.remove] followed by lines such as words = ["..."]',
                )
            for rkey, rvalue in value.items():
                rpath = [*kpath, rkey]
                _check_key(ctx, rpath, LIST_FIELDS, f"remove accepts {', '.join(LIST_FIELDS)}")
                _string_list(ctx, rpath, rvalue)
        elif key in LIST_FIELDS:
            values = _string_list(ctx, kpath, value)
            if check_entries:
                _check_entries(ctx, kpath, key, values)
    return table


# -- the whole file ----------------------------------------------------------------------


def _syntax_error(source: str, text: str, exc: tomllib.TOMLDecodeError) -> TaxonomyError:
    found = _TOML_LINE_RE.search(str(exc))
    hint = "fix the syntax on that line"
    if found:
        where = f"{source}:{found.group(1)}"
    elif "end of document" in str(exc):  # e.g. a list that is never closed
        lines = [no for no, line in enumerate(text.splitlines(), 1) if line.strip()]
        where = f"{source}:{lines[-1] if lines else 1}"
        hint = "the file ends inside a list, table or string; close it"
    else:  # pragma: no cover - tomllib names a line for every other error
        where = source
    return TaxonomyError(
        f"{where}: this is not valid TOML ({exc}); {hint} - strings need quotes, lists "
        "need [ ], and regular expressions are easiest in single quotes, e.g. "
        f"patterns = ['\\bran out of time\\b'] ({_DOCS})"
    )


def parse_taxonomy(
    text: str,
    source: str,
    default: Callable[[], Sequence[Theme]],
    *,
    check_entries: bool = True,
) -> tuple[tuple[Theme, ...], str]:
    """Parse taxonomy TOML text into themes, merged with the default when it extends it.

    Returns the themes and the value of ``extends``. ``default`` is called only
    when the file extends the built-in taxonomy. With ``check_entries=False``
    words and patterns are not compiled one by one (for the built-in file).
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _syntax_error(source, text, exc) from None
    ctx = _Context(text, source)

    for key in data:
        if key not in TOP_KEYS:
            hint = (
                f"; did you mean [themes.{key}]?"
                if isinstance(data[key], dict)
                else _suggest(key, TOP_KEYS)
            )
            raise ctx.error(
                [key],
                f"unknown top-level key {key!r}{hint}; the top level accepts "
                f"{', '.join(TOP_KEYS)} ({_DOCS})",
            )
    extends = data.get("extends", "default")
    if extends not in EXTENDS:
        raise ctx.error(
            ["extends"],
            f"must be 'default' (add to and change the built-in themes) or 'none' (only "
            f"the themes in this file), but it is {extends!r}",
        )
    removed = _string_list(ctx, ["remove_themes"], data.get("remove_themes", []))
    themes_table = data.get("themes", {})
    if not isinstance(themes_table, dict):
        raise ctx.error(
            ["themes"],
            f"must be a table of themes, but it is {_type_name(themes_table)}; write each "
            "theme as its own [themes.<name>] table",
        )

    base: dict[str, Theme] = {t.name: t for t in default()} if extends == "default" else {}
    for i, name in enumerate(removed):
        if name not in base:
            what = (
                "the file has extends = 'none', so there is nothing to remove"
                if extends == "none"
                else f"there is no built-in theme {name!r}{_suggest(name, list(base))}"
            )
            raise ctx.error(
                ["remove_themes"],
                f"{what}; remove {name!r} from the list",
                item=name,
                index=i,
            )
        if name in themes_table:
            raise ctx.error(
                ["themes", name],
                f"theme {name!r} is both in remove_themes and defined here; to redefine a "
                "built-in theme keep it out of remove_themes and write replace = true",
            )
        del base[name]

    specs: dict[str, dict[str, Any]] = {name: _spec(t) for name, t in base.items()}
    for name, table in themes_table.items():
        table = _check_theme_table(ctx, name, table, check_entries)
        path = ["themes", name]
        replace = table.get("replace", False)
        removals: dict[str, list[str]] = table.get("remove", {})
        if name not in base:
            if replace or removals:
                key = "replace" if replace else "remove"
                raise ctx.error(
                    [*path, key],
                    f"{name!r} is not a theme of the taxonomy this file extends "
                    f"({'none' if extends == 'none' else 'the built-in one'}), so there is "
                    f"nothing to {'replace' if replace else 'remove from'}; delete the "
                    f"{key!r} key{_suggest(name, list(base))}",
                )
            specs[name] = {f: [] for f in LIST_FIELDS} | {"description": ""}
        elif replace:
            if removals:
                raise ctx.error(
                    [*path, "remove"],
                    "replace = true starts the theme afresh, so there is nothing to remove; "
                    "delete the remove table or the replace key",
                )
            specs[name] = {f: [] for f in LIST_FIELDS} | {"description": base[name].description}
        spec = specs[name]
        for field, values in removals.items():
            for i, value in enumerate(values):
                if value not in spec[field]:
                    raise ctx.error(
                        [*path, "remove", field],
                        f"{value!r} is not among the {field} of {name!r}"
                        f"{_suggest(value, spec[field])}, so it cannot be removed; the "
                        f"current entries are listed by Taxonomy.default()[{name!r}].{field}",
                        item=value,
                        index=i,
                    )
                spec[field].remove(value)
        if "description" in table:
            spec["description"] = table["description"]
        for field in LIST_FIELDS:
            spec[field] = list(dict.fromkeys(spec[field] + table.get(field, [])))

    themes = []
    with trusted():  # every entry was checked above (or comes from the built-in file)
        for name, spec in specs.items():
            themes.append(
                Theme(name, spec["description"], **{f: tuple(spec[f]) for f in LIST_FIELDS})
            )
    _check_aliases(ctx, themes)
    return tuple(themes), extends


def tag_key(tag: str) -> str:
    """How tags, names and aliases are compared: lower case, '-' and ' ' as '_'."""
    return re.sub(r"[\s-]+", "_", tag.strip().lstrip("#").lower())


def _check_aliases(ctx: _Context, themes: Sequence[Theme]) -> None:
    owner: dict[str, str] = {tag_key(t.name): t.name for t in themes}
    for t in themes:
        for i, alias in enumerate(t.aliases):
            key = tag_key(alias)
            if not key or not re.fullmatch(r"[a-z0-9_]+", key):
                raise ctx.error(
                    ["themes", t.name, "aliases"],
                    f"alias {alias!r} cannot be written as a #tag; use letters, digits, "
                    "'-' or '_' only",
                    item=alias,
                    index=i,
                )
            if owner.get(key, t.name) != t.name:
                raise ctx.error(
                    ["themes", t.name, "aliases"],
                    f"alias {alias!r} is already the name or an alias of theme "
                    f"{owner[key]!r}, so #{key} would be ambiguous; remove it from one of them",
                    item=alias,
                    index=i,
                )
            owner[key] = t.name


def _spec(theme: Theme) -> dict[str, Any]:
    return {"description": theme.description} | {f: list(getattr(theme, f)) for f in LIST_FIELDS}
