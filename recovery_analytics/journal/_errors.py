"""Errors the journal raises. Messages name ids and fields, never entry text."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..exceptions import RecoveryAnalyticsError

if TYPE_CHECKING:
    from ._report import ImportReport

__all__ = ["DuplicateEntryError", "EntryNotFoundError", "JournalCallbackError"]


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


class JournalCallbackError(RuntimeError):
    """An ``on_change`` callback failed *after* the change was saved.

    The change itself is safe in the journal; ``entry_id`` says which one.
    ``errors`` holds every exception the callbacks raised (the first one is
    also the ``__cause__``). After ``import_from``, ``report`` holds its
    :class:`ImportReport`.
    """

    def __init__(self, entry_id: str, errors: list[BaseException]) -> None:
        self.entry_id = entry_id
        self.errors = list(errors)
        self.report: ImportReport | None = None
        names = ", ".join(type(e).__name__ for e in self.errors)
        super().__init__(
            f"Entry {entry_id!r} was saved, but {len(self.errors)} on_change "
            f"callback{'s' if len(self.errors) != 1 else ''} failed ({names})."
        )
