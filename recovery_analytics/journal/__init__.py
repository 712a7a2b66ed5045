"""The journal: where captured entries live, safely.

``Journal.open("journal/")`` keeps one Markdown file per entry in a folder (the
default for a job seeker: readable by ``load()`` and editable by hand);
``Journal.open("sqlite:///practice.db")`` keeps them in an SQLite database (for
a coach), ``Journal.open("postgresql://coach:pw@host/practice")`` in a
PostgreSQL database (for a practice: every coach and client with their own
role, see ``docs/practice.md``). All validate every entry before writing,
write atomically, and let several processes write at once; files are created
readable by their owner only.

Examples
--------
>>> import tempfile
>>> tmp = tempfile.TemporaryDirectory()
>>> journal = Journal.open(f"sqlite:///{tmp.name}/journal.db")
>>> eid = journal.add({"interview_date": "2026-03-04", "company": "Acme"})
>>> [e.company for e in journal.entries()]
['Acme']
>>> journal.close(); tmp.cleanup()
"""

from __future__ import annotations

from ..exceptions import DuplicateEntryError, EntryNotFoundError, JournalCallbackError
from ._base import Journal
from ._database import DatabaseJournal
from ._folder import FolderJournal
from ._postgres import PostgresJournal
from ._practice import Credentials, add_client, add_coach, init_practice
from ._report import ImportReport
from ._sqlite import SqliteJournal

__all__ = [
    "Credentials",
    "DatabaseJournal",
    "DuplicateEntryError",
    "EntryNotFoundError",
    "FolderJournal",
    "ImportReport",
    "Journal",
    "JournalCallbackError",
    "PostgresJournal",
    "SqliteJournal",
    "add_client",
    "add_coach",
    "init_practice",
]
