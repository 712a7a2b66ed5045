"""Other people's names and contact details in free text, found and hidden.

Method
------
Word lists and the words around a name, with privacy winning ties. A text is
cut into words by one regular expression; each word is looked up in five
lists shipped as package data (``SOURCES.md`` says where each comes from):
first names and family names of many languages (taken from Faker's person
providers), ordinary English words (the lower-case words of SCOWL, the
spelling dictionary's list, so proper nouns are not in it), place names
(Mimesis), and a hand-written list of words that are never names
(technologies, products, methods, acronyms, company words, big employers,
places, languages, days and months).

* A capitalised word inside a sentence is hidden when it is a first name or
  when it is not an ordinary English word, not a place and not in the keep
  list: this conservative rule catches names no list holds (most non-English
  names), at the price of hiding the odd product or brand.
* The first word of a sentence, a heading written in Title Case, and words
  in capitals or in lower case are hidden when they are a first or family
  name that is not also an ordinary word ("Priya", "AHMED", "zoe").
* Names that are also words ("Will", "Grace", "tom", "May") are hidden only
  where the words around say "person": a verb after them ("Will said"), a
  cue before them ("with", "w/", "ping", "asked", a role, a title), "from HR",
  "and I", brackets, a possessive, an initial, or another name beside them.
* A hidden word takes its neighbours along: the family name after a first
  name (also an ordinary word such as "Price"), particles ("van der", "de
  la", "bin"), initials, hyphenated parts, and the other names of a list.

Why this and not a statistical model: it runs offline with nothing to
download, in time linear in the text, it can be read and corrected, and the
lists are data files that can be extended. The alternative of a single name
list misses most names it does not hold; hiding every capitalised unknown
word (the conservative mode) is what catches them, and the ordinary-word
list keeps that from hiding ordinary sentences.

Company and file names (``field="company"``, ``"file_name"``) are read with
one difference: a word in no list is taken for a brand, not a person.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Final

import pandas as pd

from ._contacts import PLACEHOLDERS, hide_contacts
from ._lists import fold, words
from ._people import WORD, Phrases, _Word, find_people, tokens_of

__all__ = [
    "COMPANY_WORDS",
    "FIELD_MODES",
    "NOT_NAMES",
    "PLACEHOLDERS",
    "hide_contacts",
    "hide_people",
]

#: Words never taken for a person's name (the hand-written keep list):
#: technologies, products, methods, acronyms, company words, places, days,
#: months, the theme words and function words.
NOT_NAMES: Final = words("keep")

#: How each kind of field is read: free text, a company name, a file name.
FIELD_MODES: Final = {
    "company": "company",
    "file_name": "file_name",
    "source": "file_name",
}

#: Words dropped from the end of a company name to find its short form
#: ("Northgate" for "Northgate Council").
COMPANY_WORDS: Final = frozenset(
    """ltd limited plc llc llp inc corp corporation co company gmbh ag sa bv nv
    pty srl group holdings partners associates solutions consulting
    consultancy council trust bank foundation university college institute
    agency studio studios labs ventures capital services systems technologies
    technology digital global international uk the and""".split()
)


def _as_list(value: Iterable[str] | str, what: str) -> list[str]:
    items = [value] if isinstance(value, str) else list(value)
    for item in items:
        if not isinstance(item, str):
            raise TypeError(
                f"The value for `{what}` must be a list of names such as ['Tom Baker', 'Tom'], "
                f"but it holds {item!r}."
            )
    return [" ".join(item.split()) for item in items if item.strip()]


def _short_forms(company: str) -> list[str]:
    """The company name and its short form without the trailing company words.

    Examples
    --------
    >>> _short_forms("Northgate Council")
    ['Northgate Council', 'Northgate']
    >>> _short_forms("Acme Ltd")
    ['Acme Ltd', 'Acme']
    """
    parts = [m.group(0) for m in WORD.finditer(company)]
    while parts and fold(parts[-1]) in COMPANY_WORDS:
        parts.pop()
    while parts and fold(parts[0]) == "the":
        parts.pop(0)
    short = " ".join(parts)
    return [company] if not short or fold(short) == fold(company) else [company, short]


def _company_spans(
    words_: list[_Word], phrases: Phrases, labels: Mapping[str, str]
) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    i = 0
    while i < len(words_):
        n = phrases.match(words_, i)
        if n:
            key = " ".join(w.key for w in words_[i : i + n])
            label = labels.get(key) or labels.get(words_[i].key)
            one_ordinary = n == 1 and (
                words_[i].key in words("words") or words_[i].key in words("keep")
            )
            if label is not None and not (one_ordinary and words_[i].shape == "lower"):
                out.append((words_[i].start, words_[i + n - 1].end, label))
            i += n
        else:
            i += 1
    return out


def hide_people(
    texts: pd.Series,
    *,
    names: Iterable[str] | str = (),
    known: Iterable[str] = (),
    companies: Mapping[str, str] | Iterable[str] = (),
    field: str = "notes",
    find: bool = True,
) -> pd.Series:
    """Other people's names replaced by ``[name]`` in every text of a Series.

    Parameters
    ----------
    texts : pandas.Series of str
        Missing values stay missing.
    names : iterable of str
        Names to hide wherever they are written, whole word and in any case,
        also glued into a file name ("tom_baker", "TomBaker"): the people you
        know are mentioned. Applied in every field.
    known : iterable of str
        Names that are not to be touched (the log's own clients and
        companies, which get pseudonyms elsewhere).
    companies : mapping or iterable of str
        Company names to replace wherever they appear, with their short
        forms ("Northgate" for "Northgate Council"): a mapping gives each its
        replacement (a pseudonym), an iterable replaces them with
        ``[company]``. A short form that is an ordinary word is replaced
        only when capitalised.
    field : str
        The field the texts come from: ``"company"`` and ``"file_name"``
        take words in no list for brand names; anything else is free text.
    find : bool
        Find names from the word lists and the words around them (default);
        with ``find=False`` only ``names`` and ``companies`` are replaced.

    Returns
    -------
    pandas.Series
        A new Series with the same index and dtype.

    Examples
    --------
    >>> import pandas as pd
    >>> notes = pd.Series(["Sarah was late", "tom from hr said no", "Use SQL on Monday"])
    >>> hide_people(notes).tolist()
    ['[name] was late', '[name] from hr said no', 'Use SQL on Monday']
    >>> hide_people(pd.Series(["Tom Baker Ltd"]), names=["Tom"], field="company").tolist()
    ['[name] Ltd']
    >>> hide_people(pd.Series(["Message the recruiter at Northgate"]),
    ...             companies={"Northgate Council": "Company 3"}).tolist()
    ['Message the recruiter at Company 3']
    """
    mode = FIELD_MODES.get(field, "text")
    given = Phrases.of(_as_list(names, "names"))
    if isinstance(companies, Mapping):
        firms = {str(k): str(v) for k, v in companies.items()}
    else:
        firms = {c: "[company]" for c in _as_list(companies, "companies")}
    labels: dict[str, str] = {}
    for company, label in firms.items():
        for form in _short_forms(company):
            labels.setdefault(" ".join(fold(w) for w in form.split()), label)
    company_phrases = Phrases.of(labels) if labels else None
    not_people = Phrases.of([*_as_list(known, "known"), *firms])

    def one(text: object) -> object:
        if not isinstance(text, str) or not text:
            return text
        tokens = tokens_of(text)
        pieces: list[tuple[int, int, str]] = []
        if company_phrases is not None:
            pieces = _company_spans(tokens, company_phrases, labels)
        people = find_people(
            text, mode=mode, names=given, known=not_people, find=find, tokens=tokens
        )
        taken = [(s, e) for s, e, _ in pieces]
        pieces += [
            (s, e, PLACEHOLDERS["name"])
            for s, e in people
            if not any(s < te and ts < e for ts, te in taken)
        ]
        if not pieces:
            return text
        out, at = [], 0
        for s, e, label in sorted(pieces):
            if s < at:
                continue
            out += [text[at:s], label]
            at = e
        out.append(text[at:])
        return "".join(out)

    done: dict[str, object] = {}  # the same note in many rows is read once
    values = [
        (done[v] if v in done else done.setdefault(v, one(v))) if isinstance(v, str) else v
        for v in texts.tolist()
    ]
    return pd.Series(values, index=texts.index, name=texts.name, dtype=texts.dtype)
