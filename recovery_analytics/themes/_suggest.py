"""Suggesting new themes from the items that got none.

Items without a theme are reduced to their key terms (lower case, stop-words
removed, a light stemming so that *commute*, *commutes* and *commuting* are one
term). Then, greedily, the term shared by the most remaining items becomes a
group, its items are set aside, and so on, until no term is shared by
``min_items`` items. Ties are broken alphabetically, so the result is
deterministic.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Final

import pandas as pd

from ._taxonomy import Taxonomy

__all__ = ["STOP_WORDS", "stem", "suggest_themes"]

STOP_WORDS: Final = frozenset(
    """
    a about above after again against all almost also am an and any are around as at back be
    became because been before being below between both but by can cannot could did didnt do
    does doesnt doing dont down during each even ever every few for from further get gets getting
    got had hadnt has hasnt have havent having he her here hers herself him himself his how i id
    if im in into is isnt it its itself ive just least less let like lot lots made make many me
    might more most much must my myself no nor not now of off on once one only or other our ours
    ourselves out over own per pretty quite rather really same shall she should shouldnt so some
    still such than that thats the their theirs them themselves then there these they theyre this
    those though through to too under until up upon us very was wasnt way we well went were werent
    what when where which while who whom why will with would wouldnt yet you your yours yourself
    interview interviews interviewer interviewers thing things bit good great bad nice ok okay fine
    maybe kind sort today yesterday tomorrow think thought felt feel feeling seemed seem went going
    go gone come came say said tell told etc lol tbh
    """.split()
)
_WORD: Final = re.compile(r"[a-z][a-z'\u2019]*[a-z]|[a-z]")
_DOUBLE: Final = re.compile(r"([b-df-hj-np-tv-z])\1$")


def stem(word: str) -> str:
    """A light English stemmer: enough to merge plurals and -ing/-ed forms.

    Examples
    --------
    >>> [stem(w) for w in ["commute", "commutes", "commuting", "parking", "parked", "offices"]]
    ['commut', 'commut', 'commut', 'park', 'park', 'offic']
    """
    w = word.lower().replace("'", "").replace("\u2019", "")
    if len(w) > 4 and w.endswith("ies"):
        w = w[:-3] + "y"
    elif len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if len(w) > 5 and w.endswith("ing"):
        w = w[:-3]
    elif len(w) > 4 and w.endswith("ed"):
        w = w[:-2]
    elif len(w) > 5 and w.endswith("ly"):
        w = w[:-2]
    if _DOUBLE.search(w) and not w.endswith(("ll", "ss", "zz")):
        w = w[:-1]
    if len(w) > 4 and w.endswith("e"):
        w = w[:-1]
    return w


def _terms(text: str) -> list[tuple[str, str]]:
    """(stem, surface word) pairs of the key terms of one text, first occurrence only."""
    out: dict[str, str] = {}
    for word in _WORD.findall(text.lower()):
        plain = word.replace("'", "").replace("\u2019", "")
        if len(plain) < 3 or plain in STOP_WORDS:
            continue
        out.setdefault(stem(plain), plain)
    return list(out.items())


def _items_frame(log_or_items: object) -> pd.DataFrame:
    if isinstance(log_or_items, pd.DataFrame):
        return log_or_items
    items = getattr(log_or_items, "items", None)
    if isinstance(items, pd.DataFrame):
        return items
    raise TypeError(
        "suggest_themes() takes a log (an object with an `items` DataFrame) or the items "
        f"DataFrame itself, not {type(log_or_items).__name__}"
    )


def _untagged(items: pd.DataFrame) -> pd.DataFrame:
    if "text" not in items.columns:
        raise ValueError(
            "The items frame needs a `text` column; it has "
            f"{', '.join(map(str, items.columns)) or 'no columns'}"
        )
    if "themes" in items.columns:
        none = items["themes"].map(lambda v: not isinstance(v, list | tuple) or len(v) == 0)
    elif "theme" in items.columns:
        none = items["theme"].isna() | (items["theme"].astype("str") == "other")
    else:
        tagged = Taxonomy.default().tag_items(items["text"].astype("str"))
        none = tagged.map(len) == 0
    return items.loc[none.astype(bool).to_numpy()]


def suggest_themes(
    log_or_items: object, min_items: int = 3, *, n_examples: int = 3
) -> pd.DataFrame:
    """Candidate new themes: groups of untagged items that share a key term.

    Parameters
    ----------
    log_or_items : log or DataFrame
        A loaded log (anything with an ``items`` DataFrame) or the items frame
        (columns ``text`` and ``themes`` or ``theme``; ``client`` is counted
        when present; without ``themes``/``theme`` the items are tagged with
        the built-in taxonomy first).
    min_items : int
        Smallest group worth suggesting.
    n_examples : int
        How many item texts to show per group.

    Returns
    -------
    DataFrame
        Columns ``key_terms`` (list of words, the shared one first),
        ``n_items``, ``n_clients`` and ``examples`` (list of texts), largest
        group first. Empty (with these columns) when nothing recurs.

    Examples
    --------
    >>> import pandas as pd
    >>> items = pd.DataFrame({
    ...     "text": ["long commute to the office", "the commute is long",
    ...              "commuting would take 2 hours", "free coffee", "rambled"],
    ...     "themes": [[], [], [], [], ["conciseness"]],
    ...     "client": ["ana", "ben", "ana", "ana", "ben"]})
    >>> out = suggest_themes(items)
    >>> out[["key_terms", "n_items", "n_clients"]].to_dict("records")
    [{'key_terms': ['commute', 'long'], 'n_items': 3, 'n_clients': 2}]
    """
    if not isinstance(min_items, int) or isinstance(min_items, bool) or min_items < 1:
        raise ValueError(
            f"The value for `min_items` must be a whole number of at least 1, but {min_items!r} "
            "was passed."
        )
    items = _untagged(_items_frame(log_or_items))
    columns = ["key_terms", "n_items", "n_clients", "examples"]
    texts = items["text"].astype("str").fillna("").tolist()
    clients = (
        items["client"].astype("str").tolist() if "client" in items.columns else [""] * len(texts)
    )
    terms = [_terms(t) for t in texts]
    stems = [{s for s, _ in pairs} for pairs in terms]
    surfaces: dict[str, Counter[str]] = {}
    for pairs in terms:
        for s, w in pairs:
            surfaces.setdefault(s, Counter())[w] += 1

    def shown(s: str) -> str:
        counts = surfaces[s]
        return min(counts, key=lambda w: (-counts[w], len(w), w))

    remaining = list(range(len(texts)))
    rows = []
    while remaining:
        df = Counter(s for i in remaining for s in stems[i])
        best = min(
            (s for s, n in df.items() if n >= min_items), key=lambda s: (-df[s], s), default=None
        )
        if best is None:
            break
        members = [i for i in remaining if best in stems[i]]
        co = Counter(s for i in members for s in stems[i] if s != best)
        extra = sorted(
            (s for s, n in co.items() if n * 2 >= len(members) and n >= 2),
            key=lambda s: (-co[s], s),
        )[:2]
        examples = list(dict.fromkeys(texts[i] for i in members))[:n_examples]
        rows.append(
            {
                "key_terms": [shown(best)] + [shown(s) for s in extra],
                "n_items": len(members),
                "n_clients": len({clients[i] for i in members}),
                "examples": examples,
            }
        )
        taken = set(members)
        remaining = [i for i in remaining if i not in taken]
    out = pd.DataFrame(rows, columns=columns)
    out["n_items"] = out["n_items"].astype("int64")
    out["n_clients"] = out["n_clients"].astype("int64")
    return out.reset_index(drop=True)
