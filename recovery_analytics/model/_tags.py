"""The one rule for inline ``#tags`` in an item's text.

A tag is ``#`` followed by a letter and then letters, digits, ``_`` or ``-``,
not glued to a word, ``&`` or ``/`` before it (so ``C#``, ``R&D#x`` and URLs
with ``/#frag`` are not tags). Tags are compared in lower case and each is
kept once, in the order first written.

The fast column path in :mod:`recovery_analytics._lists` must give the same
tags as :func:`find_tags`; a property test holds it to that.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["TAG_PATTERN", "find_tags"]

#: The tag rule as a regular expression; group 1 is the tag without ``#``.
TAG_PATTERN: Final = r"(?<![\w&/])#([A-Za-z][\w-]*)"
_TAG_RE: Final = re.compile(TAG_PATTERN)


def find_tags(text: str) -> tuple[str, ...]:
    """The inline tags of ``text``: lower case, each once, in written order.

    Examples
    --------
    >>> find_tags("calm #Nerves, then #nerves again #STAR")
    ('nerves', 'star')
    >>> find_tags("wrote C# and R&D#x, see https://x.org/#frag")
    ()
    """
    return tuple(dict.fromkeys(t.lower() for t in _TAG_RE.findall(text)))
