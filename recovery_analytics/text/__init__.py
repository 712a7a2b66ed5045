"""Free text: reflection prose into "went well" / "went wrong" items.

People often write their post-interview reflection as prose rather than as
two lists. This package turns that prose into items with a polarity, one step
per module:

- :mod:`._segment`: lines, bullets and blank lines into blocks, blocks into
  sentences (abbreviations, emoji, ellipses);
- :mod:`._labels`: list labels ("What went well:", "To improve -") that give
  the polarity of the items under them;
- :mod:`._clauses`: a sentence that joins a good and a bad clause ("X went
  well but Y was a disaster") is cut into the two;
- :mod:`._cues` and ``cues.toml``: the cue phrases and their weights, as data;
- :mod:`._polarity`: the score of one clause from the cues, negation,
  counterfactuals and VADER;
- :mod:`._split`: all of it together.

>>> from recovery_analytics.text import split_free_text
>>> [(i["polarity"], i["text"]) for i in split_free_text(
...     "I nailed the SQL part but forgot to ask about next steps.")]
[('well', 'I nailed the SQL part'), ('wrong', 'but forgot to ask about next steps.')]
"""

from __future__ import annotations

from ._check import FreeTextTypeError, Polarity
from ._polarity import classify_polarity
from ._split import items_from_free_text, split_free_text, split_sentences

__all__ = [
    "FreeTextTypeError",
    "Polarity",
    "classify_polarity",
    "items_from_free_text",
    "split_free_text",
    "split_sentences",
]
