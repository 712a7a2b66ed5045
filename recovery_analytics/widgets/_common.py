"""What the form and the dashboard share: showing, closing, errors in words, outputs."""

from __future__ import annotations

import base64
from collections.abc import Callable, Iterable
from typing import Any

import ipywidgets as widgets

from ..exceptions import LogFormatError
from ..themes import Taxonomy
from ._settle import Clock, Debouncer, Loop, SettledClick
from ._templates import NOTE_COLOUR, render, status_html

__all__ = [
    "Panel",
    "close_widgets",
    "failure_message",
    "html_output",
    "note_output",
    "png_output",
    "resolve_taxonomy",
    "set_choice",
]


def resolve_taxonomy(taxonomy: object, journal: object = None) -> Taxonomy:
    """The taxonomy a widget should tag with: the one given, else the journal's, else built-in."""
    if taxonomy is None and journal is not None:
        # the journal keeps the taxonomy its log() tags with; previews must agree with it
        taxonomy = getattr(journal, "taxonomy", None)
    if taxonomy is None:
        return Taxonomy.default()
    if isinstance(taxonomy, Taxonomy):
        return taxonomy
    if hasattr(taxonomy, "explain") and hasattr(taxonomy, "tag"):
        return taxonomy  # type: ignore[return-value]
    return Taxonomy.from_file(taxonomy)  # type: ignore[arg-type]


def set_choice(dropdown: Any, value: object) -> None:
    """Select ``value``; ``None`` selects the blank first choice (whose value is ``""``).

    The blank choices carry ``""`` rather than ``None``: a Dropdown whose value
    is ``None`` selects nothing, and the browser shows an empty box instead of
    "\u2014" or "New reflection".
    """
    dropdown.value = "" if value is None else value


def close_widgets(items: Iterable[Any]) -> None:
    """Close widgets and their layout/style models (widgets are not collected otherwise)."""
    for w in items:
        for part in (getattr(w, "layout", None), getattr(w, "style", None)):
            if isinstance(part, widgets.Widget):
                part.close()
        w.close()


def failure_message(exc: BaseException, doing: str, where: str) -> str:
    """A kind, specific sentence for an error in a callback (no personal text from logs).

    Examples
    --------
    >>> failure_message(PermissionError(13, "denied"), "save", "journal/")  # doctest: +ELLIPSIS
    'Could not save in journal/: permission denied. Check that you may write there ...'
    """
    if isinstance(exc, PermissionError):
        return (
            f"Could not {doing} in {where}: permission denied. Check that you may write "
            "there (the folder or database file may be read-only)."
        )
    if isinstance(exc, OSError):
        reason = exc.strerror or type(exc).__name__
        return (
            f"Could not {doing} in {where}: {reason}. Check the disk and the folder, "
            "then try again."
        )
    if isinstance(exc, LogFormatError):
        return f"Could not {doing}: a file in the journal needs fixing by hand first. {exc}"
    return (
        f"Something unexpected went wrong while trying to {doing} ({type(exc).__name__}: {exc}). "
        "Please try again."
    )


def png_output(png: bytes, alt: str) -> dict[str, Any]:
    """An Output's display data for a PNG image, with ``alt`` as its plain text."""
    return {
        "output_type": "display_data",
        "data": {"image/png": base64.b64encode(png).decode("ascii"), "text/plain": alt},
        "metadata": {},
    }


def html_output(text: str, plain: str) -> dict[str, Any]:
    """An Output's display data for HTML, with ``plain`` as its plain text."""
    return {
        "output_type": "display_data",
        "data": {"text/html": text, "text/plain": plain},
        "metadata": {},
    }


def note_output(text: str) -> dict[str, Any]:
    """An Output's display data for a short note in words (no chart to show)."""
    return html_output(render("dash_note.html.j2", text=text, colour=NOTE_COLOUR), text)


class Panel:
    """A group of widgets shown as one box: made through :meth:`_w`, closed together."""

    _box: Any  # the top-level box, made by the panel's _build
    status: Any  # its status HTML, made there too

    def __init__(self, clock: Clock, loop: Loop | None) -> None:
        self._created: list[Any] = []
        self._clock = clock
        self._loop = loop

    def _soon(self, action: Callable[[], object], delay: float = 0.25) -> Debouncer:
        """``action`` debounced on the panel's clock and loop."""
        return Debouncer(action, delay, clock=self._clock, loop=self._loop)

    def _settled(self, button: Any, action: Callable[[], object], note: str) -> SettledClick:
        """``action`` for each click of ``button``, once the browser has settled.

        ``note`` is shown in the panel's status while the click waits.
        """
        return SettledClick(
            button, action, waiting=lambda: self._show(NOTE_COLOUR, note),
            clock=self._clock, loop=self._loop,
        )  # fmt: skip

    def _show(self, colour: str, text: str) -> None:
        """Words in the panel's status line."""
        self.status.value = status_html(text, colour)

    def _w(self, widget: Any, css: str | None = None) -> Any:
        """Keep ``widget`` (to close it later), with CSS class ``css``."""
        if css:
            widget.add_class(css)
        self._created.append(widget)
        return widget

    @property
    def widget(self) -> Any:
        """The top-level box, to place it inside other widgets."""
        return self._box

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self._box)

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self._box._repr_mimebundle_(**kwargs)

    def _close_widgets(self) -> None:
        close_widgets(self._created)
        self._created.clear()
