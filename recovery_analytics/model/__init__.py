"""The entry model: the one place the schema of a reflection is written down.

:data:`FIELDS` holds one :class:`FieldSpec` per field; readers, writers, the
validator, the form, the importers and the generators all loop over it.
:func:`find_tags` is the one rule for inline ``#tags``.
"""

from __future__ import annotations

from ._entry import Action, Entry, Item, derive_entry_id, format_action, parse_action
from ._spec import (
    DEFAULT_CLIENT,
    FIELDS,
    STEPS,
    Choice,
    FieldSpec,
    Kind,
    Place,
    Step,
    Widget,
    choice_label,
    enum_values,
    fields_where,
    normalise_enum,
)
from ._tags import TAG_PATTERN, find_tags

__all__ = [
    "DEFAULT_CLIENT",
    "FIELDS",
    "STEPS",
    "TAG_PATTERN",
    "Action",
    "Choice",
    "Entry",
    "FieldSpec",
    "Item",
    "Kind",
    "Place",
    "Step",
    "Widget",
    "choice_label",
    "derive_entry_id",
    "enum_values",
    "fields_where",
    "find_tags",
    "format_action",
    "normalise_enum",
    "parse_action",
]
