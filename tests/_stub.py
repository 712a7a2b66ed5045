"""A stand-in taxonomy for tests that are not about themes."""

from __future__ import annotations

import pandas as pd


class _NoThemes:
    """Tags nothing: keeps loader tests independent of the theme rules."""

    def tag_items(self, texts: pd.Series, tags: pd.Series | None = None) -> pd.Series:
        return pd.Series([[] for _ in range(len(texts))], index=texts.index, dtype=object)


STUB = _NoThemes()
