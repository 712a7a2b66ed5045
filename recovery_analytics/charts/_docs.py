"""Docstring parts every plot function shares, written once (seaborn's
``_docstrings`` model): a ``{name}`` in a plot function's docstring is replaced
by :func:`shared_docs`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Final, TypeVar

__all__ = ["DOCS", "shared_docs"]

F = TypeVar("F", bound=Callable[..., object])

#: The shared parts, indented for a function's docstring.
DOCS: Final = {
    "ax": (
        "ax : matplotlib Axes, optional\n"
        "        Where to draw; a new Figure (not pyplot) when omitted."
    ),
    "client": (
        "client : str, optional\n"
        "        The client to show; needed when the data holds several (an unknown\n"
        "        name raises :class:`~recovery_analytics.UnknownClientError` listing\n"
        "        the known ones)."
    ),
    "title": "title : str, optional\n        Replaces the default title.",
    "returns": "Returns\n    -------\n    matplotlib.axes.Axes",
}


def shared_docs(func: F) -> F:
    """Fill the ``{name}`` parts of ``func``'s docstring from :data:`DOCS`.

    Examples
    --------
    >>> @shared_docs
    ... def plot(data, *, ax=None):
    ...     '''Draw.
    ...
    ...     {returns}
    ...     '''
    >>> "matplotlib.axes.Axes" in plot.__doc__
    True
    """
    doc = func.__doc__ or ""
    for name, text in DOCS.items():
        doc = doc.replace("{" + name + "}", text)
    func.__doc__ = doc
    return func
