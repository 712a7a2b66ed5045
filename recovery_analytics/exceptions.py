"""Errors and warnings raised by recovery_analytics.

Every error a user can cause derives from :class:`RecoveryAnalyticsError`, which
is also a :class:`ValueError`, so ``except ValueError`` keeps working for code
that does not know this package.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import TypeVar

import pandas as pd

from ._problems import Problem, problems_frame

__all__ = [
    "EntryValidationError",
    "ImporterOptionError",
    "LogFormatError",
    "Problem",
    "RecoveryAnalyticsError",
    "TaxonomyError",
    "UnknownClientError",
    "one_of",
]


T = TypeVar("T")


class RecoveryAnalyticsError(ValueError):
    """Base class of every error this package raises for bad input."""


def one_of(param: str, value: T, allowed: Collection[object], *, words: str | None = None) -> T:
    """``value`` if it is in ``allowed``, else an error naming the parameter and the choices.

    Examples
    --------
    >>> one_of("fmt", "png", ("png", "svg"))
    'png'
    >>> try:
    ...     one_of("polarity", "up", ("well", "wrong"), words="'well' or 'wrong'")
    ... except RecoveryAnalyticsError as exc:
    ...     print(exc)
    The value for `polarity` must be 'well' or 'wrong', but 'up' was passed.
    """
    if value not in allowed:
        choices = words or f"one of {list(allowed)}"
        raise RecoveryAnalyticsError(
            f"The value for `{param}` must be {choices}, but {value!r} was passed."
        )
    return value


class LogFormatError(RecoveryAnalyticsError):
    """A reflection log could not be read as it is.

    Attributes
    ----------
    problems : list of Problem
        Every problem found, not only the first one.
    file, line, field : the location of the first problem.
    """

    def __init__(self, problems: list[Problem]) -> None:
        if not problems:
            raise ValueError("LogFormatError needs at least one problem")
        self.problems = list(problems)
        first = self.problems[0]
        self.file = first.file
        self.line = first.line
        self.field = first.field
        more = len(self.problems) - 1
        text = str(first)
        if more:
            text += f"\n(and {more} more problem{'s' if more > 1 else ''}; "
            text += "load(..., errors='collect') returns every valid record with the full list)"
        super().__init__(text)

    @property
    def failure_cases(self) -> pd.DataFrame:
        """The problems as a DataFrame with columns file, line, field, message."""
        return problems_frame(self.problems)


class EntryValidationError(RecoveryAnalyticsError):
    """An entry given in Python (a dict or an Entry) is not valid.

    ``problems`` lists each field that is wrong; ``file`` is ``"<entry>"``.
    """

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("; ".join(f"{p.field}: {p.message}" for p in self.problems))

    @property
    def by_field(self) -> dict[str, str]:
        """Messages keyed by field name, for showing next to form fields."""
        out: dict[str, str] = {}
        for p in self.problems:
            key = p.field or ""
            out[key] = f"{out[key]} {p.message}" if key in out else p.message
        return out


class TaxonomyError(RecoveryAnalyticsError):
    """A theme taxonomy file is not valid; the message names the file and line."""


class ImporterOptionError(RecoveryAnalyticsError):
    """An importer option with an unknown name or a value it cannot use."""


class UnknownClientError(RecoveryAnalyticsError, KeyError):
    """A client name that is not in the data; the message lists the known ones."""

    def __str__(self) -> str:  # KeyError would otherwise quote the message
        return str(self.args[0]) if self.args else ""


# -- the journal (recovery_analytics.journal); messages name ids, never entry text --

__all__ += ["DuplicateEntryError", "EntryNotFoundError", "JournalCallbackError"]


class EntryNotFoundError(RecoveryAnalyticsError, KeyError):
    """There is no entry with this id in the journal.

    A :class:`KeyError` too, so ``except KeyError`` works as for a dict.
    """

    def __init__(self, entry_id: str, where: str) -> None:
        self.entry_id = entry_id
        super().__init__(
            f"There is no entry {entry_id!r} in {where}; journal.entries() lists the "
            "entries there, each with its entry_id."
        )

    def __str__(self) -> str:  # KeyError would otherwise quote the message
        return str(self.args[0]) if self.args else ""


class DuplicateEntryError(RecoveryAnalyticsError):
    """An entry with this id is already in the journal: nothing was written."""

    def __init__(self, entry_id: str, where: str) -> None:
        self.entry_id = entry_id
        super().__init__(
            f"An entry with id {entry_id!r} is already in {where} (ids come from the client, "
            "date, company and role). Nothing was written. To change it, use "
            f"journal.update({entry_id!r}, ...); if this is a different interview, give it "
            "another entry_id, company or role."
        )


class JournalCallbackError(RecoveryAnalyticsError, RuntimeError):
    """An ``on_change`` callback failed *after* the change was saved.

    The change itself is safe in the journal; ``entry_id`` says which one.
    ``errors`` holds every exception the callbacks raised (the first one is
    also the ``__cause__``). After ``import_from``, ``report`` holds its
    :class:`~recovery_analytics.journal.ImportReport` (``None`` otherwise).
    A :class:`RuntimeError` too, as before it joined the package's errors.
    """

    def __init__(self, entry_id: str, errors: list[BaseException]) -> None:
        self.entry_id = entry_id
        self.errors = list(errors)
        self.report: object = None  # the ImportReport, after import_from
        names = ", ".join(type(e).__name__ for e in self.errors)
        super().__init__(
            f"Entry {entry_id!r} was saved, but {len(self.errors)} on_change "
            f"callback{'s' if len(self.errors) != 1 else ''} failed ({names})."
        )


__all__ += ["JournalAccessError", "JournalUnavailableError"]


class JournalUnavailableError(RecoveryAnalyticsError):
    """The journal's database server cannot be reached (stopped, restarting, no network).

    Nothing was saved by the call that raised it; the journal stays open, and
    the same call works again once the server is back.
    """


class JournalAccessError(RecoveryAnalyticsError):
    """The database refused the journal's role this read or write (nothing was changed).

    In a practice database (``recovery-analytics practice``) each coach's and
    client's role may touch only its own clients' entries.
    """
