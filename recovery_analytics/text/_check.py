"""What every free-text function accepts: text, or a missing value counted as empty."""

from __future__ import annotations

import math
from typing import Literal

from ..exceptions import RecoveryAnalyticsError

__all__ = ["FreeTextTypeError", "Polarity", "check_text"]

#: How a clause went: ``"well"`` or ``"wrong"`` (``None`` where it says neither).
Polarity = Literal["well", "wrong"]


class FreeTextTypeError(RecoveryAnalyticsError, TypeError):
    """A free-text function was given something that is not a string."""


def check_text(value: object, name: str) -> str:
    """Return ``value`` as text; ``None``/NaN/``pd.NA`` count as empty text.

    Examples
    --------
    >>> check_text(None, "text"), check_text(float("nan"), "text"), check_text("ok", "text")
    ('', '', 'ok')
    """
    if isinstance(value, str):
        return value
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if type(value).__name__ == "NAType":
        return ""
    raise FreeTextTypeError(
        f"`{name}` must be a string of reflection prose, but {type(value).__name__} "
        f"{value!r:.60} was passed. Convert it with str() or pass '' for no text."
    )
