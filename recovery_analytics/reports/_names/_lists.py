"""The word lists beside this module, loaded once and folded for look-up."""

from __future__ import annotations

import unicodedata
from functools import cache, lru_cache
from importlib import resources

__all__ = ["fold", "marked", "words"]

#: The lists shipped as package data (see SOURCES.md for where each comes from).
LISTS = ("first_names", "surnames", "words", "places", "keep")


@lru_cache(maxsize=1 << 16)
def fold(word: str) -> str:
    """Lower case without accents, and one kind of apostrophe: the look-up key.

    Examples
    --------
    >>> fold("Nguyễn"), fold("O’Brien"), fold("ZOË")
    ('nguyen', "o'brien", 'zoe')
    """
    decomposed = unicodedata.normalize("NFKD", word.casefold().replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@cache
def marked(name: str) -> frozenset[str]:
    """The entries of one list written with a trailing ``?``: in the keep list,
    words that are also first names ("ruby?", "sydney?"), kept unless the
    words around them say "person"."""
    return frozenset(w[:-1] for w in _entries(name) if w.endswith("?"))


@cache
def words(name: str) -> frozenset[str]:
    """The folded entries of one list (``"first_names"``, ``"surnames"``,
    ``"words"``, ``"places"`` or ``"keep"``), with those of its hand-written
    supplement ``NAME_extra.txt`` when there is one. Entries are separated by
    white space; ``#`` starts a comment."""
    return frozenset(w.rstrip("?") for w in _entries(name))


def _entries(name: str) -> frozenset[str]:
    if name not in LISTS:
        raise ValueError(f"The value for `name` must be one of {LISTS}, but {name!r} was passed.")
    folder = resources.files(__package__)
    found: set[str] = set()
    for file in (f"{name}.txt", f"{name}_extra.txt"):
        if not folder.joinpath(file).is_file():
            continue
        for line in folder.joinpath(file).read_text(encoding="utf-8").splitlines():
            found.update(fold(w) for w in line.split("#", 1)[0].split())
    return frozenset(found)
