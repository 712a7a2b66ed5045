"""Themes set by hand, kept with the journal and learnt from (issue 16, point 4).

When an entry is saved (:meth:`Journal.add`, :meth:`Journal.update`: the
form saves through them) with an item whose ``#tags`` file it under other
themes than the rules give its text, the journal keeps a
:class:`~recovery_analytics.themes.Correction`. :meth:`Journal.log` then tags
with :meth:`Taxonomy.with_corrections <recovery_analytics.themes.Taxonomy.with_corrections>`:
that client's later items with the same or near-identical text get the
corrected themes. A coach exports them as a taxonomy file
(:meth:`Learning.corrections_toml`).

Where they are kept
    A folder journal: ``<folder>/.theme-corrections.jsonl``, one JSON
    object per line, owner-only (0600, in the journal's 0700 folder), appended
    under the journal's lock; ``load()`` skips hidden files, so it is never
    read as entries. A database: the ``theme_corrections`` table (schema version 3,
    :mod:`._schema`); on a PostgreSQL practice its rows are visible to the
    same roles as the client's entries.

Corrections hold personal text: they are never logged or printed.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import uuid
import warnings
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Final

import sqlalchemy as sa

from .._fs import PRIVATE_FILE
from ..exceptions import RecoveryAnalyticsError
from ..model import Entry
from ..themes import Correction, Taxonomy, corrections_toml, strip_tags
from ._schema import corrections_table

__all__ = ["CORRECTIONS_FILE", "Learning"]

#: Where a folder journal keeps its corrections, relative to the folder.
CORRECTIONS_FILE: Final = Path(".theme-corrections.jsonl")
_POLARITIES: Final = (("went_well", "well"), ("went_wrong", "wrong"))


def _taxonomy_of(taxonomy: object) -> Taxonomy | None:
    """The journal's taxonomy as a :class:`Taxonomy`, or None when it is not one."""
    if taxonomy is None:
        return Taxonomy.default()
    if isinstance(taxonomy, Taxonomy):
        return taxonomy
    if isinstance(taxonomy, str | os.PathLike):
        return Taxonomy.from_file(taxonomy)
    return None  # False, or an object of one's own with tag_items: nothing to learn


def corrections_of(entry: Entry, taxonomy: Taxonomy) -> list[Correction]:
    """The items of ``entry`` whose ``#tags`` differ from the themes ``taxonomy`` gives.

    ``taxonomy`` already knows the earlier corrections, so filing a text again
    the way the rules (or an earlier correction) file it adds nothing, and
    filing it another way again is kept as the latest choice.
    """
    out: list[Correction] = []
    for name, polarity in _POLARITIES:
        for item in getattr(entry, name):
            if not item.tags:
                continue
            text = strip_tags(item.text)
            if not text:
                continue
            chosen = tuple(dict.fromkeys(taxonomy.resolve_tag(t) for t in item.tags))
            rules = tuple(taxonomy.tag([text], role=entry.role, client=entry.client)[0])
            if chosen != rules:
                out.append(Correction(entry.client, text, chosen, rules, polarity))
    return out


def _not_learnt(exc: RecoveryAnalyticsError) -> None:
    warnings.warn(
        "Your entries are saved and read as usual, but the themes you set by hand "
        f"could not be used to learn from: {exc}",
        UserWarning,
        stacklevel=4,
    )


class Learning:
    """What a :class:`Journal` does with themes set by hand (a mixin; see the module docs)."""

    _taxonomy: Any  # set by Journal

    # -- reading and writing, by backend ----------------------------------------------

    def _corrections_file(self) -> Path | None:
        """The folder journal's file; None for a database (its own table)."""
        if getattr(self, "_engine", None) is not None:
            return None
        return Path(self.path) / CORRECTIONS_FILE  # type: ignore[attr-defined]

    def _read_corrections(self) -> list[Correction]:
        path = self._corrections_file()
        if path is None:
            return self._read_correction_rows()
        if not path.exists():
            return []
        out = []
        with open(path, encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    out.append(Correction.from_dict(json.loads(line)))
                except (ValueError, AttributeError) as exc:
                    raise RecoveryAnalyticsError(
                        f"{path}:{number}: not a theme correction ({type(exc).__name__}); "
                        "the file is written by the journal: remove the line, or the file "
                        "to forget every hand-set theme"
                    ) from None
        return out

    def _read_correction_rows(self) -> list[Correction]:
        query = sa.select(corrections_table.c.correction_json).order_by(
            corrections_table.c.created_at, corrections_table.c.correction_id
        )
        with self._read_only() as conn:  # type: ignore[attr-defined]
            rows = conn.execute(query).scalars().all()
        return [Correction.from_dict(json.loads(r)) for r in rows]

    def _write_corrections(self, new: list[Correction]) -> None:
        path = self._corrections_file()
        lines = [json.dumps(c.to_dict(), ensure_ascii=False) for c in new]
        if path is None:
            now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
            rows = [
                {
                    "correction_id": uuid.uuid4().hex,
                    "client": c.client,
                    "created_at": now,
                    "correction_json": line,
                }
                for c, line in zip(new, lines, strict=True)
            ]
            with self._write() as conn:  # type: ignore[attr-defined]
                conn.execute(corrections_table.insert(), rows)
            return
        with self._locked():  # type: ignore[attr-defined]
            fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, PRIVATE_FILE)
            with os.fdopen(fd, "a", encoding="utf-8") as handle:
                os.fchmod(handle.fileno(), PRIVATE_FILE)
                handle.write("".join(f"{line}\n" for line in lines))
                handle.flush()
                os.fsync(handle.fileno())

    # -- what the journal does ----------------------------------------------------------

    def _learn(self, entries: Iterable[Entry]) -> None:
        """Keep the hand-set themes of saved entries that the rules would not give."""
        taxonomy = _taxonomy_of(self._taxonomy)
        if taxonomy is None:
            return
        kept = self._kept_or_none()
        if kept is None:
            return
        if kept:
            taxonomy = taxonomy.with_corrections(kept)
        found = [c for e in entries for c in corrections_of(e, taxonomy)]
        if not found:
            return
        known = {(c.client, c.text, c.themes) for c in kept}
        new = []
        for c in found:
            if (c.client, c.text, c.themes) not in known:
                known.add((c.client, c.text, c.themes))
                new.append(c)
        if new:
            try:
                self._write_corrections(new)
            except RecoveryAnalyticsError as exc:
                _not_learnt(exc)

    def _kept_or_none(self) -> list[Correction] | None:
        """The kept corrections; None, with a warning, when they cannot be read
        (the entry itself is saved and read all the same)."""
        try:
            return self._read_corrections()
        except RecoveryAnalyticsError as exc:
            _not_learnt(exc)
            return None

    def _learning(self, taxonomy: Any) -> Any:
        """``taxonomy`` (a :class:`Taxonomy` or path) learning from the kept corrections."""
        tax = _taxonomy_of(taxonomy)
        if tax is None:
            return taxonomy
        corrections = self._kept_or_none()
        return tax.with_corrections(corrections) if corrections else taxonomy

    def corrections(self, client: str | None = None) -> list[Correction]:
        """The themes set by hand that the journal learns from, oldest first.

        ``client`` keeps one client's (``None``: all the journal shows you).
        """
        found = self._read_corrections()
        return found if client is None else [c for c in found if c.client == client]

    def corrections_toml(self, client: str | None = None) -> str:
        """The corrections as a taxonomy file to add to the built-in themes.

        Each corrected text becomes a word of the theme it was filed under (and
        is excluded from the theme the rules gave it), so
        ``Taxonomy.from_toml(journal.corrections_toml())`` tags those texts the
        same way for every client. The file holds the clients' own words: keep
        it as private as the journal.
        """
        found = self.corrections(client)
        tax = _taxonomy_of(self._taxonomy) or Taxonomy.default()
        header = (
            "Themes filed by hand in a recovery_analytics journal "
            f"({len(found)} correction{'s' if len(found) != 1 else ''}).\n"
            "Load with Taxonomy.from_file(...); holds clients' own words: keep it private."
        )
        return corrections_toml(found, tax.themes, header=header)
