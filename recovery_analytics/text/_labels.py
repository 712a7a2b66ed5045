"""List labels: the headings people put over their lists ("What went well:").

A label line ("What went well:", "## To improve", "**Cons:**") gives the
polarity of the items under it; an inline label ("Went well: the SQL round.",
"Pros - good rapport") gives the polarity of the rest of its sentence. The
label phrases are data (``[labels]`` in ``cues.toml``).
"""

from __future__ import annotations

import functools
import re

from ._check import Polarity
from ._cues import cue_table

__all__ = ["heading_label", "inline_label", "is_other_heading"]


@functools.cache
def _label_regexes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The heading and inline-label regexes, built once from the cue table."""
    well, wrong = cue_table().well_labels, cue_table().wrong_labels
    heading = re.compile(
        rf"^[#*_\s]*(?:(?P<well>{well})|(?P<wrong>{wrong}))[*_\s]*"
        r"(?:[:\-\u2013\u2014?]+[*_\s]*)?$",
        re.IGNORECASE,
    )
    inline = re.compile(
        rf"^[*_]*(?:(?P<well>{well})|(?P<wrong>{wrong}))[*_]*\s*[:\u2013\u2014][*_]*\s*"
        rf"|^[*_]*(?:(?P<well2>{well})|(?P<wrong2>{wrong}))[*_]*\s+-\s+",
        re.IGNORECASE,
    )
    return heading, inline


# a heading of something else ("Round 2:", "Overall thoughts:") ends a labelled list
_OTHER_HEADING = re.compile(r"^[#*_\s]*+(?:[^\W_]++[\s'-]*+){1,6}+[*_\s]*+:[*_\s]*$")


def _label_polarity(m: re.Match[str]) -> Polarity:
    return "well" if (m.group("well") or m.groupdict().get("well2")) else "wrong"


def heading_label(line: str) -> Polarity | None:
    """The polarity a whole line gives as a list label, or ``None`` if it is none.

    Examples
    --------
    >>> heading_label("What went well:"), heading_label("## To improve"), heading_label("ok")
    ('well', 'wrong', None)
    """
    found = _label_regexes()[0].match(line)
    return None if found is None else _label_polarity(found)


def is_other_heading(line: str) -> bool:
    """Whether a line is a heading of something else ("Round 2:", "Overall thoughts:").

    Examples
    --------
    >>> is_other_heading("Round 2:"), is_other_heading("I was late: the train.")
    (True, False)
    """
    return _OTHER_HEADING.match(line) is not None


def inline_label(sentence: str) -> tuple[Polarity | None, str]:
    """The polarity of a label opening ``sentence`` and the rest, or ``(None, sentence)``.

    Examples
    --------
    >>> inline_label("Went well: the SQL round.")
    ('well', 'the SQL round.')
    >>> inline_label("Pros - good rapport"), inline_label("the SQL round.")
    (('well', 'good rapport'), (None, 'the SQL round.'))
    """
    found = _label_regexes()[1].match(sentence)
    if found is None:
        return None, sentence
    return _label_polarity(found), sentence[found.end() :]
