"""Themes: turn free-text "went well / went wrong" items into recurring themes.

The built-in taxonomy has 14 themes (:data:`THEMES`); an item that fits none
is :data:`OTHER`. Each theme is valid for both polarities: under "went well"
it is a strength, under "went wrong" a weakness.

>>> from recovery_analytics.themes import Taxonomy
>>> Taxonomy.default().tag(["rambled on about my thesis",
...                         "had no questions for them at the end"])
[['conciseness'], ['questions_for_them']]

How themes are given (details in :mod:`recovery_analytics.themes._taxonomy`):
explicit ``#tags`` win outright; otherwise every theme's words and patterns
are searched; weak evidence counts only when no theme has main evidence; a
long sentence that is not about the writer's own interview gets no theme
(:func:`is_general`); a role's word senses apply when the role is given
(``Taxonomy.tag(texts, role=...)``); and themes are ranked best first, by a
small learned ranker over the rules' candidates (the one mentioned first
breaks ties). :meth:`Taxonomy.explain` shows the words behind each theme.
A taxonomy can also learn from themes set by hand (:class:`Correction`,
:meth:`Taxonomy.with_corrections`): a client's item like one they filed
under a theme themselves gets that theme (:mod:`._corrections`).

Taxonomy files
--------------
A coach's own taxonomy is a TOML file read with :meth:`Taxonomy.from_file`
(``docs/taxonomy.md`` has a complete example). Top-level keys:

``extends``
    ``"default"`` (the default): start from the 14 built-in themes and change
    them; ``"none"``: the file's themes are the whole taxonomy.
``remove_themes``
    List of built-in themes to drop, e.g. ``["compensation"]``.
``[themes.<name>]``
    One table per theme. For a built-in theme the lists are *added* to the
    built-in ones; for a new name it is a new theme (appended, in file order).
    Keys, all optional:

    - ``description`` (string): what the theme covers;
    - ``aliases`` (list): other names accepted as ``#tags``;
    - ``words`` / ``patterns`` (lists): main evidence, in the word syntax
      (``nerv*``, ``long-winded``, ``(ran|run) out of time``, ``spent ... too
      long``; see :mod:`recovery_analytics.themes._theme`) or as regular
      expressions (no lookarounds or backreferences);
    - ``weak_words`` / ``weak_patterns``: weaker evidence, which gives the
      theme only when no theme has main evidence;
    - ``exclude_words`` / ``exclude_patterns``: phrases blanked out before the
      theme is searched (``follow-up questions`` is not *follow_up*);
    - ``replace = true``: drop the built-in definition of this theme and use
      only what this table says (the description is kept unless given);
    - ``[themes.<name>.remove]``: a table with any of the list keys above,
      whose entries are removed from the built-in theme.

Every mistake raises :class:`~recovery_analytics.exceptions.TaxonomyError`
naming the file, the line and how to fix it.

>>> tax = Taxonomy.from_toml('''
... remove_themes = ["compensation"]
... [themes.visa]
... description = "work permits and sponsorship"
... words = ["visa*", "sponsor*", "work permit*"]
... [themes.technical.remove]
... words = ["debug*"]
... ''')
>>> "compensation" in tax, tax.themes[-1]
(False, 'visa')
>>> tax.tag(["need a visa to start", "debugging went fine", "salary talk was awkward"])
[['visa'], [], ['rapport']]
"""

from __future__ import annotations

from typing import Final

from ._context import is_general
from ._corrections import THRESHOLD, Correction, corrections_toml, strip_tags
from ._suggest import suggest_themes
from ._taxonomy import OTHER, Taxonomy
from ._theme import Theme

__all__ = [
    "OTHER",
    "THEMES",
    "THRESHOLD",
    "Correction",
    "Taxonomy",
    "Theme",
    "corrections_toml",
    "is_general",
    "strip_tags",
    "suggest_themes",
]

#: The 14 built-in themes, in taxonomy order.
THEMES: Final = (
    "preparation",
    "nerves",
    "conciseness",
    "examples",
    "technical",
    "clarity",
    "rapport",
    "logistics",
    "questions_for_them",
    "motivation",
    "self_presentation",
    "compensation",
    "follow_up",
    "time_management",
)
