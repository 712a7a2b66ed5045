"""The house style: colours, markers, font sizes and the sample-size wording.

Colours live here; the words a reader sees for an outcome or a status come
from :mod:`recovery_analytics.vocabulary`, so a legend, a packet and the
dashboard say the same thing.

Nothing here changes matplotlib's global state. :func:`house_style` applies the
style inside a ``with`` block (``matplotlib.rc_context``) and restores the
previous rcParams when the block ends, even after an error.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any, Final, cast

import matplotlib as mpl
from cycler import cycler

from ..analytics import SMALL_SAMPLE
from ..model import enum_values
from ..vocabulary import NOT_RECORDED, outcome_label, plural, status_label

# in the order they are defined: the palette, what each colour means, the style
__all__ = [
    "OKABE_ITO",
    "WELL",
    "WRONG",
    "MAIN",
    "GREY",
    "LIGHT_GREY",
    "STATUS_COLOURS",
    "STATUS_STYLE",
    "OUTCOME_COLOURS",
    "OUTCOME_STYLE",
    "HOUSE_RC",
    "house_style",
    "interviews_phrase",
]

#: The Okabe-Ito palette: eight colours told apart by most colour-blind readers.
OKABE_ITO: Final[dict[str, str]] = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "black": "#000000",
}

#: What went well / went wrong, and the plain reference colour.
WELL: Final = OKABE_ITO["bluish_green"]
WRONG: Final = OKABE_ITO["vermillion"]
MAIN: Final = OKABE_ITO["blue"]
GREY: Final = "#6E6E6E"
LIGHT_GREY: Final = "#D9D9D9"

#: Sequential colour map for heatmaps: light for few, dark for many; reads in grey too.
HEATMAP_CMAP: Final = "Blues"

#: Colour and hatch of each status of ``analytics.recurring``.
STATUS_COLOURS: Final[dict[str, str]] = {
    "new": OKABE_ITO["reddish_purple"],
    "recurring": OKABE_ITO["orange"],
    "worsening": WRONG,
    "improving": OKABE_ITO["sky_blue"],
    "resolved": WELL,
}
_STATUS_HATCHES: Final = {
    "new": "..",
    "recurring": "",
    "worsening": "xx",
    "improving": "//",
    "resolved": "\\\\",
}

#: Colour, hatch and plain label (from the vocabulary) for each status.
STATUS_STYLE: Final[dict[str, dict[str, str]]] = {
    status: {"color": colour, "hatch": _STATUS_HATCHES[status], "label": status_label(status)}
    for status, colour in STATUS_COLOURS.items()
}

#: Colour of each outcome, and of none recorded.
OUTCOME_COLOURS: Final[dict[str, str]] = {
    "offer": OKABE_ITO["bluish_green"],
    "next_round": OKABE_ITO["sky_blue"],
    "pending": "#BBBBBB",
    "rejected": OKABE_ITO["orange"],
    "withdrew": OKABE_ITO["reddish_purple"],
    "ghosted": "#7F7F7F",
    NOT_RECORDED: "white",
}
_OUTCOME_MARKERS: Final = {
    "offer": "*",
    "next_round": "^",
    "pending": "o",
    "rejected": "v",
    "withdrew": "s",
    "ghosted": "D",
    NOT_RECORDED: ".",
}

#: Colour, marker and plain label (from the vocabulary) for each outcome, in
#: the order of the field specification, then none recorded.
OUTCOME_STYLE: Final[dict[str, dict[str, str]]] = {
    outcome: {
        "color": OUTCOME_COLOURS[outcome],
        "marker": _OUTCOME_MARKERS[outcome],
        "label": outcome_label(outcome),
    }
    for outcome in (*enum_values("outcome"), NOT_RECORDED)
}

SMALL_SAMPLE_LABEL: Final = f"fewer than {SMALL_SAMPLE} interviews"
READ_GENTLY: Final = "few interviews so far \u2014 read gently"
NO_INTERVIEWS: Final = "No interviews in this period yet"
NO_ITEMS: Final = "No went-well or went-wrong items written yet"

SMALL_FONT: Final = 9

HOUSE_RC: Final[dict[str, Any]] = {
    "font.size": 11,
    "axes.titlesize": 13,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.labelsize": 11,
    "axes.labelcolor": "#333333",
    "axes.edgecolor": "#888888",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "axes.axisbelow": True,
    "axes.prop_cycle": cycler(color=list(OKABE_ITO.values())),
    "grid.color": "#E6E6E6",
    "grid.linewidth": 0.8,
    "xtick.labelsize": 10,
    "ytick.labelsize": 10,
    "xtick.color": "#333333",
    "ytick.color": "#333333",
    "legend.fontsize": 9,
    "legend.frameon": False,
    "figure.facecolor": "white",
    "axes.facecolor": "white",
    "savefig.facecolor": "white",
    "image.cmap": HEATMAP_CMAP,
    "lines.linewidth": 2.0,
    "lines.markersize": 7,
    "hatch.linewidth": 0.8,
}


@contextmanager
def house_style(rc: Mapping[str, Any] | None = None) -> Iterator[None]:
    """Apply the house style inside a ``with`` block, then restore rcParams.

    Parameters
    ----------
    rc : dict, optional
        rcParams to set on top of the house style.

    Examples
    --------
    >>> import matplotlib as mpl
    >>> before = dict(mpl.rcParams)
    >>> with house_style():
    ...     mpl.rcParams["axes.spines.top"]
    False
    >>> dict(mpl.rcParams) == before
    True
    """
    settings = dict(HOUSE_RC)
    if rc:
        settings.update(rc)
    with mpl.rc_context(rc=cast(Any, settings)):
        yield


def interviews_phrase(n: int) -> str:
    """The sample-size note shown under chart titles.

    Examples
    --------
    >>> interviews_phrase(12)
    'n = 12 interviews'
    >>> interviews_phrase(3)
    'n = 3 interviews (few interviews so far \u2014 read gently)'
    """
    text = f"n = {plural(n, 'interview')}"
    if n < SMALL_SAMPLE:
        text += f" ({READ_GENTLY})"
    return text
