"""Free prose into items: blocks, sentences, clauses, labels and polarity together.

:func:`split_sentences` gives the pieces, :func:`split_free_text` the pieces
with a polarity, and :func:`items_from_free_text` the ``went_well`` /
``went_wrong`` item lists the loader accepts, marked ``inferred=True``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, Final, TypeVar

from ._check import Polarity, check_text
from ._clauses import clauses
from ._labels import heading_label, inline_label, is_other_heading
from ._polarity import polarity
from ._segment import blocks, is_filler, sentences

__all__ = ["items_from_free_text", "split_free_text", "split_sentences"]

# docstring sections the three functions share (filled in by _shared_docs)
_DOCS: Final = {
    "parameters": """Parameters
    ----------
    text : str
        The free-text reflection. ``None`` and NaN count as empty text.""",
    "raises": """Raises
    ------
    FreeTextTypeError
        If ``text`` is not a string.""",
}
_F = TypeVar("_F", bound=Callable[..., Any])
_JOINER_LABEL: Final = re.compile(
    r"^[*_]*(?:but|and|also|plus|however|though|although|so|then)[*_]*\s*[:\u2013\u2014]+[*_]*\s*",
    re.IGNORECASE,
)


def _shared_docs(func: _F) -> _F:
    """Fill the ``%(name)s`` sections of ``func``'s docstring from ``_DOCS``."""
    func.__doc__ = (func.__doc__ or "") % _DOCS
    return func


def _walk(text: str) -> list[tuple[str, Polarity | None, bool]]:
    """Clauses of ``text`` with the polarity of the list label they sit under.

    Returns ``(clause, label, split)`` triples; ``label`` is ``None`` outside a
    labelled list, ``split`` tells whether the clause was cut out of a longer
    sentence. Label lines themselves are not returned.
    """
    out: list[tuple[str, Polarity | None, bool]] = []
    label: Polarity | None = None
    items_under_label = 0
    for block in blocks(check_text(text, "text")):
        body = re.sub(r"\s+", " ", block.text).strip()
        heading = heading_label(body)
        if heading is not None:
            label, items_under_label = heading, 0
            continue
        if is_other_heading(body):  # "Round 2:", "Overall thoughts:"
            label, items_under_label = None, 0
        elif block.after_blank and not block.bullet and items_under_label:
            label = None  # a new paragraph after the labelled list
        block_label = label
        for sentence in sentences(body):
            inline, sentence = inline_label(sentence)
            if inline is not None:
                block_label = inline
            sentence = _JOINER_LABEL.sub("", sentence)  # "But: ..." is "...", not a label
            parts = clauses(sentence)
            for part in parts:
                part = part.strip()
                if part and not is_filler(part):
                    out.append((part, block_label, len(parts) > 1))
                    items_under_label += 1
    return out


@_shared_docs
def split_sentences(text: str) -> list[str]:
    """Split reflection prose into sentences, and mixed sentences into clauses.

    Bullets and numbered lists, newlines, abbreviations ("e.g.", "Mr.",
    "approx."), emoji and ellipses are handled, as is lower-case text without
    punctuation as far as cue words allow. A sentence that joins a clause that
    went well and one that went wrong ("X went well but Y was a disaster",
    "although ..., ...", "; however ...") is cut into those clauses; the
    joining word stays with the clause it introduces. Empty fragments and
    pure filler ("Anyway.", "So yeah") are dropped.

    Every returned piece is the author's wording: a run of the input with
    whitespace collapsed, bullet markers removed, and the comma or semicolon
    at a clause cut trimmed.

    %(parameters)s

    Returns
    -------
    list of str
        Sentences and clauses in reading order; ``[]`` for empty text.

    %(raises)s

    Examples
    --------
    >>> for s in split_sentences("The recruiter call went fine but I blanked on the "
    ...                          "weakness question, e.g. my mind went empty. Anyway."):
    ...     print(s)
    The recruiter call went fine
    but I blanked on the weakness question, e.g. my mind went empty.
    >>> split_sentences("- nailed the SQL part\\n- rambled on the intro")
    ['nailed the SQL part', 'rambled on the intro']
    """
    return [clause for clause, _, _ in _walk(text)]


@_shared_docs
def split_free_text(text: str) -> list[dict[str, Any]]:
    """Split prose into items with a polarity, dropping neutral clauses.

    %(parameters)s

    Returns
    -------
    list of dict
        ``{"text": clause, "polarity": "well" | "wrong", "inferred": True}``
        per clause that says how something went, in reading order.

    %(raises)s

    Examples
    --------
    >>> for item in split_free_text(
    ...     "The interview was at 3pm. I nailed the SQL part but forgot to ask "
    ...     "about next steps."
    ... ):
    ...     print(item["polarity"], "|", item["text"])
    well | I nailed the SQL part
    wrong | but forgot to ask about next steps.
    """
    items: list[dict[str, Any]] = []
    for clause, label, was_split in _walk(text):
        own = polarity(clause)
        # the author's list label decides, unless the item mixed both sides
        pol = label if label is not None and (own is None or not was_split) else own
        if pol is not None:
            items.append({"text": clause, "polarity": pol, "inferred": True})
    return items


@_shared_docs
def items_from_free_text(text: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Split prose into ``(went_well, went_wrong)`` item lists for the loader.

    %(parameters)s

    Returns
    -------
    tuple of (list of dict, list of dict)
        ``{"text": ..., "inferred": True}`` dicts, the shape the loader accepts
        for the ``went_well`` and ``went_wrong`` list fields.

    %(raises)s

    Examples
    --------
    >>> well, wrong = items_from_free_text(
    ...     "Good rapport with the panel. Next time I should prepare STAR stories."
    ... )
    >>> well
    [{'text': 'Good rapport with the panel.', 'inferred': True}]
    >>> wrong
    [{'text': 'Next time I should prepare STAR stories.', 'inferred': True}]
    """
    well: list[dict[str, Any]] = []
    wrong: list[dict[str, Any]] = []
    for item in split_free_text(text):
        target = well if item["polarity"] == "well" else wrong
        target.append({"text": item["text"], "inferred": True})
    return well, wrong
