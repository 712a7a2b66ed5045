"""The widgets' HTML, from Jinja2 templates with autoescape.

The templates are package data files under ``widgets/templates/``; every
value put into them is escaped, so text a person wrote can never become
markup.
"""

from __future__ import annotations

from typing import Any, Final

from jinja2 import Environment, PackageLoader, StrictUndefined

__all__ = ["ERROR_COLOUR", "NOTE_COLOUR", "OK_COLOUR", "render", "status_html"]

#: Colours of the widgets' words: something to fix, a gentle note, done.
ERROR_COLOUR: Final = "#8a3b00"
NOTE_COLOUR: Final = "#555555"
OK_COLOUR: Final = "#1b6e3a"

_ENV: Final = Environment(
    loader=PackageLoader("recovery_analytics.widgets", "templates"),
    autoescape=True,
    undefined=StrictUndefined,
    keep_trailing_newline=False,
)


def render(name: str, **context: Any) -> str:
    """Render template ``name`` (a file in ``widgets/templates/``), escaping every value.

    Examples
    --------
    >>> render("status.html.j2", text="<b>x</b>", colour="#555555")
    '<span style="color:#555555">&lt;b&gt;x&lt;/b&gt;</span>'
    """
    return _ENV.get_template(name).render(**context)


def status_html(text: str, colour: str = NOTE_COLOUR) -> str:
    """One line of words in a colour (a field's message, a status).

    Examples
    --------
    >>> status_html("Saved e-1", OK_COLOUR)
    '<span style="color:#1b6e3a">Saved e-1</span>'
    """
    return render("status.html.j2", text=text, colour=colour)
