"""Adds entries to a journal in a loop, printing each id once it is saved.

Used by test_base.py as a separate process::

    python journal_worker.py LOCATION PREFIX COUNT [--wait]

With ``--wait`` it prints ``ready`` and waits for a line on stdin before
opening the journal, so that two workers start together. Each acknowledged
id is printed (and flushed) only after ``add()`` has returned.
"""

from __future__ import annotations

import datetime as dt
import sys


def main(argv: list[str]) -> int:
    location, prefix, count = argv[0], argv[1], int(argv[2])
    from recovery_analytics.journal import Journal

    if "--wait" in argv:
        print("ready", flush=True)
        sys.stdin.readline()
    journal = Journal.open(location)
    filler = " ".join(["A long paragraph written after the interview."] * 400)  # ~18 kB
    for i in range(count):
        entry = {
            "entry_id": f"{prefix}-{i:06d}",
            "client": prefix,
            "interview_date": (dt.date(2026, 1, 1) + dt.timedelta(days=i % 365)).isoformat(),
            "company": f"{prefix} company {i}",
            "went_well": [f"Item {i} went well #examples"],
            "notes": filler,
        }
        print(journal.add(entry), flush=True)
    journal.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
