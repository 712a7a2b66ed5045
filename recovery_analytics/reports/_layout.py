"""Text measured as it will be printed: line wrapping and table columns for the PDF.

The PDF packet is laid out by measuring text with matplotlib's own text
renderer (``RendererAgg.get_text_width_height_descent``), not by counting
characters: a line holds as many words as fit the page width in the font the
page is printed in, and a table column is as wide as its contents need, its
cells wrapped rather than cut.

Why matplotlib rather than a layout library (reportlab, fpdf2, WeasyPrint):
the pages are matplotlib figures already, because the charts are, so the
measurements come from the very fonts, sizes and kerning the PDF is written
with (the house style's), and nothing is added to the dependencies. A layout
library would bring a second font system whose metrics differ from the
charts' (reportlab, fpdf2), or system libraries (WeasyPrint needs Pango).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from matplotlib.backends.backend_agg import RendererAgg
from matplotlib.font_manager import FontProperties

__all__ = ["Measure", "column_widths", "fit", "wrap"]

#: Resolution the widths are measured at (dots per inch); fine enough that
#: rounding to whole dots is far below a letter's width.
_DPI: Final = 288


class Measure:
    """Widths of text in inches, in the fonts current when it was made.

    Make it inside the style the page is drawn in (``house_style()``), so
    the font family is the one the page uses.
    """

    def __init__(self) -> None:
        self._renderer = RendererAgg(1, 1, _DPI)
        self._fonts: dict[tuple[float, str], FontProperties] = {}
        self._widths: dict[tuple[str, float, str], float] = {}

    def font(self, size: float, weight: str = "normal") -> FontProperties:
        """The font of ``size`` points and ``weight``, as the page draws it."""
        key = (size, weight)
        if key not in self._fonts:
            self._fonts[key] = FontProperties(size=size, weight=weight)
        return self._fonts[key]

    def width(self, text: str, size: float, weight: str = "normal") -> float:
        """How wide ``text`` prints, in inches."""
        key = (text, size, weight)
        if key not in self._widths:
            w, _h, _d = self._renderer.get_text_width_height_descent(
                text, self.font(size, weight), ismath=False
            )
            self._widths[key] = float(w) / _DPI if text else 0.0
        return self._widths[key]


def _split_word(word: str, width: float, measure: Measure, size: float, weight: str) -> list[str]:
    """A word wider than ``width`` cut into pieces that fit (at least one letter each)."""
    pieces = []
    while word:
        lo, hi = 1, len(word)  # the longest prefix that fits, by bisection
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if measure.width(word[:mid], size, weight) <= width:
                lo = mid
            else:
                hi = mid - 1
        pieces.append(word[:lo])
        word = word[lo:]
    return pieces


def wrap(
    text: str, width: float, measure: Measure, *, size: float, weight: str = "normal"
) -> list[str]:
    """``text`` as lines no wider than ``width`` inches (at least one line).

    Words go on a line while the line fits; a word wider than a whole line is
    cut where it must, so no line is ever wider than ``width``. Runs of
    white space count as one space.

    Examples
    --------
    >>> m = Measure()
    >>> lines = wrap("one two three four five six", 1.0, m, size=11)
    >>> len(lines) > 1, " ".join(lines)
    (True, 'one two three four five six')
    >>> all(m.width(line, 11) <= 1.0 for line in wrap("x" * 200, 1.0, m, size=11))
    True
    """
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if measure.width(candidate, size, weight) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        pieces = _split_word(word, width, measure, size, weight)
        lines.extend(pieces[:-1])
        line = pieces[-1]
    lines.append(line)
    return lines


def fit(text: str, width: float, measure: Measure, *, size: float, weight: str = "normal") -> str:
    """``text`` on one line of ``width`` inches: as it is, or cut with an ellipsis.

    For running heads and footers only; body text and table cells wrap.
    """
    if measure.width(text, size, weight) <= width:
        return text
    lo, hi = 0, len(text)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if measure.width(text[:mid].rstrip() + "\u2026", size, weight) <= width:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo].rstrip() + "\u2026"


def column_widths(
    natural: Sequence[float], minimum: Sequence[float], available: float
) -> list[float]:
    """Widths of table columns that together fit ``available`` inches.

    Columns whose natural width (their widest cell) fits an equal share of
    what is left keep it; the others share the rest equally, and their cells
    wrap. A column is never narrower than its ``minimum`` unless the minimums
    alone do not fit, in which case every column shrinks in proportion.

    Examples
    --------
    >>> column_widths([1.0, 6.0, 8.0], [0.5, 1.0, 1.0], 9.0)
    [1.0, 4.0, 4.0]
    >>> column_widths([1.0, 2.0], [0.5, 0.5], 9.0)
    [1.0, 2.0]
    """
    widths = [0.0] * len(natural)
    left = list(range(len(natural)))
    room = available
    while left:
        share = room / len(left)
        fixed = [i for i in left if natural[i] <= share]
        if not fixed:
            for i in left:
                widths[i] = share
            break
        for i in fixed:
            widths[i] = natural[i]
            room -= natural[i]
        left = [i for i in left if i not in fixed]
    short = [i for i, w in enumerate(widths) if w < minimum[i]]
    if short:
        need = sum(minimum[i] - widths[i] for i in short)
        spare = sum(widths[i] - minimum[i] for i in range(len(widths)) if i not in short)
        if spare >= need:  # take it from the columns above their minimum, in proportion
            for i in range(len(widths)):
                if i in short:
                    widths[i] = minimum[i]
                else:
                    widths[i] -= need * (widths[i] - minimum[i]) / spare
        else:
            total = sum(minimum)
            widths = [available * m / total for m in minimum]
    return widths
