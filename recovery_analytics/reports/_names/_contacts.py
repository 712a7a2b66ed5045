"""Contact details in free text: e-mail addresses (also spelt out), links,
handles and phone numbers.

Every pattern is linear in the length of the text: no two unbounded
quantifiers that can match the same characters are nested or adjacent, and
the repeated parts of a spelt-out address are bounded.
"""

from __future__ import annotations

import re
from typing import Final

import pandas as pd

__all__ = ["PLACEHOLDERS", "hide_contacts"]

#: What each kind of identifier becomes in free text.
PLACEHOLDERS: Final = {
    "email": "[email]",
    "phone": "[phone]",
    "link": "[link]",
    "handle": "[handle]",
    "name": "[name]",
}

_TLDS: Final = (
    r"com|org|net|edu|gov|io|co|uk|us|ca|au|nz|ie|de|fr|nl|be|es|it|pt|se|no|dk|fi|"
    r"pl|ch|at|in|sg|hk|jp|cn|br|mx|za|eu|dev|app|ai|me|info|biz|tech|jobs|careers|"
    r"xyz|ly|gl|gg|to|cc|tv|page|site|online"
)
_URL_END: Final = r"(?=[.,;:!?]*(?:[\s<>\"'()\[\]]|$))"

EMAIL: Final = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}(?![\w-])")

# "eleanor.rigby at gmail dot com", "j.smith at acme", "sam_holt at outlook",
# "marco.rossi(at)talentbridge.it", "lucy at brightpath dot io": a local part
# and a domain joined by a written "at". Either the local part has a dot or an
# underscore, or the domain does, or the domain is a well-known mail service.
_PART: Final = r"[^\W_][\w-]{0,63}"
_LETTERS: Final = r"[^\W\d_][\w-]{0,63}"  # a domain part starts with a letter
_DOT: Final = r"(?:\.|[ \t]+dot[ \t]+|[ \t]*\(dot\)[ \t]*|[ \t]*\[dot\][ \t]*)"
_AT: Final = r"(?:[ \t]*\(at\)[ \t]*|[ \t]*\[at\][ \t]*|[ \t]+at[ \t]+)"
_MAIL: Final = r"gmail|googlemail|outlook|hotmail|live|yahoo|icloud|me|aol|proton(?:mail)?|gmx"
#: Words a dotted "local part" ends with when it is a technology or a file,
#: not a person ("Node.js at scale", "notes.md at the top").
_NOT_LOCAL: Final = re.compile(
    r"[._](?:js|ts|py|net|io|ai|com|co|uk|org|txt|md|pdf|csv|json|docx?|xlsx?|\d+)$",
    re.IGNORECASE,
)
SPELT_EMAIL: Final = re.compile(
    rf"""
    (?<![\w.@])
    (?:
        (?P<local>{_LETTERS}(?:[._]{_PART}|[ \t]+dot[ \t]+{_PART}){{1,5}})
        {_AT}{_LETTERS}(?:{_DOT}{_LETTERS}){{0,5}}
      | {_LETTERS}{_AT}
        (?:(?:{_MAIL})(?:{_DOT}{_LETTERS}){{0,5}}|{_LETTERS}(?:{_DOT}{_LETTERS}){{1,5}})
    )
    (?![\w@])
    """,
    re.IGNORECASE | re.VERBOSE,
)
URL: Final = re.compile(
    rf"(?<![\w@])(?:https?://|www\.)[^\s<>\"'()\[\]]+?{_URL_END}", re.IGNORECASE
)
DOMAIN_PATH: Final = re.compile(
    rf"(?<![\w@./-])(?:[A-Za-z0-9-]+\.)+(?:{_TLDS})/[^\s<>\"'()\[\]]*?{_URL_END}",
    re.IGNORECASE,
)
HANDLE: Final = re.compile(
    r"(?<![\w@./])@(?=[\w.]*[A-Za-z])(?!\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)\b)"
    r"\w(?:[\w.]{0,28}\w)?(?!\w)"
)
PHONE: Final = re.compile(
    r"""
    (?<![\w+/.,:-])                     # not inside a word, number, date or path
    (?:
        (?:\+|\b00)\d{1,3}              # international: +44 ..., 0044 ...
        (?=(?:[\s().-]*\d){7})          # ... with at least 7 more digits
        (?:[\s.-]?\(?\d{1,5}\)?){2,6}
      | \(?0\d{1,4}\)?[\s.-]?\d{3,4}[\s.-]?\d{3,4}   # national: 07700 900123
      | \(?[2-9]\d{2}\)?[\s.-]\d{3}[\s.-]\d{4}       # North American: 555-123-4567
    )
    (?![\w/-]|[.,:]\d)
    """,
    re.VERBOSE,
)

#: The contact patterns in the order they run: e-mail addresses before
#: handles (jo@acme.com is not @acme), spelt-out addresses before links.


def _spelt_email(match: re.Match[str]) -> str:
    local = match.group("local")
    return match.group(0) if local and _NOT_LOCAL.search(local) else PLACEHOLDERS["email"]


RULES: Final = (
    (EMAIL, PLACEHOLDERS["email"]),
    (SPELT_EMAIL, _spelt_email),
    (URL, PLACEHOLDERS["link"]),
    (DOMAIN_PATH, PLACEHOLDERS["link"]),
    (HANDLE, PLACEHOLDERS["handle"]),
    (PHONE, PLACEHOLDERS["phone"]),
)


def hide_contacts(texts: pd.Series) -> pd.Series:
    """E-mail addresses, links, handles and phone numbers replaced by placeholders.

    Parameters
    ----------
    texts : pandas.Series of str

    Returns
    -------
    pandas.Series
        A new Series, same index; missing values stay missing.

    Examples
    --------
    >>> import pandas as pd
    >>> texts = pd.Series(["mail jo.k@acme.com or eleanor.rigby at gmail dot com",
    ...                    "emailed j.smith at acme; call +44 7700 900123 or @jdoe"])
    >>> hide_contacts(texts).tolist()
    ['mail [email] or [email]', 'emailed [email]; call [phone] or [handle]']
    """
    for pattern, placeholder in RULES:
        texts = texts.str.replace(pattern, placeholder, regex=True)
    return texts
