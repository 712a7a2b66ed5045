"""Plain words shared by the analytics, the charts, the packets and the widgets.

Everything a person reads about a value (an outcome, a follow-up group, a
recurring-theme status, a theme name, a count) is worded here once, so the
chart legend, the packet sentence and the dashboard say the same thing. Enum
values take their words from the field specification in
:mod:`recovery_analytics.model`.
"""

from __future__ import annotations

from typing import Final

from .model import choice_label

__all__ = [
    "FOLLOW_UP_GROUPS",
    "NOT_RECORDED",
    "STATUS_LABELS",
    "follow_up_label",
    "outcome_label",
    "plural",
    "pretty_theme",
    "status_label",
]

#: The group of values nobody wrote down (an outcome, a follow-up).
NOT_RECORDED: Final = "not_recorded"

#: The follow-up groups of ``analytics.follow_ups`` and their plain words.
FOLLOW_UP_GROUPS: Final = {
    "requested": "asked for another conversation",
    "not_requested": "did not ask",
    NOT_RECORDED: "not recorded",
}

#: Plain words for each status of ``analytics.recurring``.
STATUS_LABELS: Final = {
    "new": "new lately",
    "recurring": "keeps coming up",
    "worsening": "coming up more often",
    "improving": "coming up less often",
    "resolved": "not seen lately",
}


def plural(n: int, word: str, many: str | None = None) -> str:
    """``"1 interview"``, ``"4 interviews"``.

    Examples
    --------
    >>> plural(1, "interview"), plural(4, "interview"), plural(2, "company", "companies")
    ('1 interview', '4 interviews', '2 companies')
    """
    return f"{n} {word if n == 1 else (many or word + 's')}"


def pretty_theme(theme: object) -> str:
    """``"time_management"`` -> ``"time management"``; ``"other"`` says what it is.

    Examples
    --------
    >>> pretty_theme("time_management"), pretty_theme("other")
    ('time management', 'other (no theme)')
    """
    text = str(theme).replace("_", " ")
    return "other (no theme)" if text == "other" else text


def outcome_label(outcome: object) -> str:
    """Plain words for an outcome, or for none recorded.

    Examples
    --------
    >>> outcome_label("rejected"), outcome_label(NOT_RECORDED)
    ('not this time', 'not recorded')
    """
    if outcome == NOT_RECORDED:
        return "not recorded"
    return choice_label("outcome", outcome)


def follow_up_label(group: str) -> str:
    """Plain words for a follow-up group of ``analytics.follow_ups``."""
    return FOLLOW_UP_GROUPS.get(group, group.replace("_", " "))


def status_label(status: str) -> str:
    """Plain words for a status of ``analytics.recurring``."""
    return STATUS_LABELS.get(status, status)
