"""The form's inputs, one for each kind of ``widget`` a field specification names.

=========  ===============================================================
widget     input
=========  ===============================================================
name       Combobox of the known clients, any name allowed
company    Combobox of the known companies, any name allowed
date       DatePicker (today for a required date, else empty)
line       Text
choice     Dropdown of the choices' words; a Combobox of them (checked in
           Python) when the field has a placeholder
rating     ToggleButtons, the words of both ends on the buttons
yesno      Checkbox, the placeholder as its words
lines      Textarea, one value a line
text       Textarea
=========  ===============================================================
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, Final

import ipywidgets as widgets

from ..model import FieldSpec
from ._values import is_typed_choice, rating_options

__all__ = ["make_input"]

_WIDE: Final = {"width": "28em"}
_AREA: Final = {"width": "28em", "height": "6.5em"}


def make_input(
    spec: FieldSpec,
    *,
    client: str = "",
    clients: Sequence[str] = (),
    companies: Sequence[str] = (),
) -> Any:
    """The input a field's ``widget`` kind asks for, made from its specification.

    ``client`` is the name a "name" input starts with; ``clients`` and
    ``companies`` are offered by the "name" and "company" inputs.

    Examples
    --------
    >>> from recovery_analytics.model import FIELDS
    >>> box = make_input(FIELDS["stage"])
    >>> box.options[:2], box.value
    ((('\u2014', ''), ('screening call', 'screen')), '')
    >>> box.close()
    """
    hint = {} if spec.placeholder is None else {"placeholder": spec.placeholder}
    kind = spec.widget
    if kind == "name":
        return widgets.Combobox(
            value=client, options=list(clients), ensure_option=False,
            layout=widgets.Layout(**_WIDE), **hint,
        )  # fmt: skip
    if kind == "company":
        return widgets.Combobox(
            options=list(companies), ensure_option=False, layout=widgets.Layout(**_WIDE),
            **hint,
        )  # fmt: skip
    if kind == "date":
        return widgets.DatePicker(value=dt.date.today() if spec.required else None)
    if kind == "line":
        return widgets.Text(layout=widgets.Layout(**_WIDE), **hint)
    if kind == "choice" and is_typed_choice(spec):
        return widgets.Combobox(
            options=[c.label for c in spec.choices], ensure_option=True,
            layout=widgets.Layout(**_WIDE), **hint,
        )  # fmt: skip
    if kind == "choice":
        options = [("\u2014", ""), *((c.label, c.value) for c in spec.choices)]
        return widgets.Dropdown(options=options, index=0)
    if kind == "rating":
        return widgets.ToggleButtons(
            options=rating_options(spec), value=None,
            tooltips=[c.label for c in spec.choices], style={"button_width": "6.5em"},
        )  # fmt: skip
    if kind == "yesno":
        return widgets.Checkbox(value=False, description=spec.placeholder or "", indent=False)
    return widgets.Textarea(layout=widgets.Layout(**_AREA), **hint)  # "lines", "text"
