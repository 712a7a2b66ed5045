"""Role-dependent word senses: which words are not evidence of a theme for a role.

The table is data (``senses.toml`` beside this module, read once by
:func:`sense_table`): each role class names the roles it covers and, per
theme, the words that do not point to that theme for those roles (a product
manager's "estimation question" is not a technical weakness). A taxonomy
applies a class by adding those words to the themes' ``exclude_words``
(:meth:`Taxonomy.for_role <recovery_analytics.themes.Taxonomy.for_role>`).
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, replace
from importlib import resources

from ..exceptions import TaxonomyError
from ._theme import PatternError, Theme, word_to_regex

__all__ = ["RoleSense", "parse_senses", "role_class", "sense_table", "themes_for"]


@dataclass(frozen=True)
class RoleSense:
    """One role class: which roles it covers and the words it rules out per theme.

    Examples
    --------
    >>> sense = RoleSense("product", (r"\\bproduct\\b",), (r"\\btechnical\\b",),
    ...                   {"technical": ("estimation*",)})
    >>> sense.covers("Senior Product Manager"), sense.covers("Technical product manager")
    (True, False)
    """

    name: str
    roles: tuple[str, ...]
    unless: tuple[str, ...]
    exclude: Mapping[str, tuple[str, ...]]

    @functools.cached_property
    def _roles(self) -> re.Pattern[str]:
        return re.compile("|".join(self.roles) or "(?!)", re.IGNORECASE)

    @functools.cached_property
    def _unless(self) -> re.Pattern[str]:
        return re.compile("|".join(self.unless) or "(?!)", re.IGNORECASE)

    def covers(self, role: str) -> bool:
        """Whether ``role`` (free text, e.g. "Senior PM") belongs to this class."""
        return bool(self._roles.search(role)) and not self._unless.search(role)


def _strings(value: object, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise TaxonomyError(f"{where} must be a list of strings, not {value!r:.60}")
    return tuple(value)


def parse_senses(text: str, source: str = "<string>") -> tuple[RoleSense, ...]:
    """Read role classes from TOML text (``[[role]]`` tables, see ``senses.toml``).

    Examples
    --------
    >>> [s.name for s in parse_senses('''
    ... [[role]]
    ... name = "sales"
    ... roles = ['sales']
    ... [role.exclude]
    ... compensation = ["commission*"]
    ... ''')]
    ['sales']
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise TaxonomyError(f"{source}: not valid TOML ({exc})") from None
    out = []
    for i, raw in enumerate(data.get("role", [])):
        where = f"{source}: role {i + 1}"
        unknown = set(raw) - {"name", "roles", "unless", "exclude"}
        if unknown:
            raise TaxonomyError(f"{where}: unknown keys {sorted(unknown)}")
        exclude = raw.get("exclude", {})
        if not isinstance(exclude, dict):
            raise TaxonomyError(f"{where}.exclude must be a table of theme = [words]")
        words = {k: _strings(v, f"{where}.exclude.{k}") for k, v in exclude.items()}
        for theme, entries in words.items():
            for w in entries:
                try:
                    word_to_regex(w)
                except PatternError as exc:
                    raise TaxonomyError(f"{where}.exclude.{theme}: {w!r} {exc}") from None
        roles = _strings(raw.get("roles", []), f"{where}.roles")
        unless = _strings(raw.get("unless", []), f"{where}.unless")
        for rx in (*roles, *unless):
            try:
                re.compile(rx)
            except re.error as exc:
                msg = f"{where}: {rx!r} is not a regular expression ({exc})"
                raise TaxonomyError(msg) from None
        out.append(RoleSense(str(raw.get("name", f"role{i + 1}")), roles, unless, words))
    return tuple(out)


@functools.cache
def sense_table() -> tuple[RoleSense, ...]:
    """The built-in role classes, read once from ``senses.toml``.

    Examples
    --------
    >>> [s.name for s in sense_table()]
    ['product']
    """
    text = resources.files(__package__).joinpath("senses.toml").read_text(encoding="utf-8")
    return parse_senses(text, "recovery_analytics/themes/senses.toml")


def role_class(role: object) -> RoleSense | None:
    """The first role class covering ``role``, or ``None`` (also for a missing role).

    Examples
    --------
    >>> role_class("Product Manager").name, role_class("Backend engineer"), role_class(None)
    ('product', None, None)
    """
    if not isinstance(role, str) or not role.strip():
        return None
    return next((s for s in sense_table() if s.covers(role)), None)


def themes_for(themes: tuple[Theme, ...], sense: RoleSense) -> tuple[Theme, ...]:
    """``themes`` with the words ``sense`` rules out added to their ``exclude_words``.

    Examples
    --------
    >>> t = Theme("technical", words=("estimation*", "sql"))
    >>> sense = RoleSense("product", ("pm",), (), {"technical": ("estimation*",)})
    >>> themes_for((t,), sense)[0].exclude_words
    ('estimation*',)
    """
    out = []
    for t in themes:
        extra = sense.exclude.get(t.name, ())
        out.append(replace(t, exclude_words=t.exclude_words + extra) if extra else t)
    return tuple(out)
