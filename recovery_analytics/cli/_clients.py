"""``recovery-analytics clients JOURNAL [--rename OLD=NEW]``: list, rename, merge clients."""

from __future__ import annotations

import argparse

from ..journal import Journal


def rename_pair(text: str) -> tuple[str, str]:
    """``OLD=NEW`` from the command line."""
    old, sep, new = text.partition("=")
    if not sep or not old.strip() or not new.strip():
        raise argparse.ArgumentTypeError(
            f'{text!r} is not OLD=NEW; write it as, for example, jo.rivera82@gmail.com="Jo Rivera"'
        )
    return old.strip(), new.strip()


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("journal", metavar="JOURNAL", help="a journal folder or sqlite:///path.db")
    p.add_argument(
        "--rename",
        action="append",
        default=[],
        type=rename_pair,
        metavar="OLD=NEW",
        help="move every entry of client OLD to NEW (merged when NEW exists); repeat for several",
    )


def run(args: argparse.Namespace) -> int:
    with Journal.open(args.journal) as journal:
        for old, new in args.rename:
            moved = journal.rename_client(old, new)
            print(f"Renamed {old} to {new}: {len(moved)} entr{'y' if len(moved) == 1 else 'ies'}.")
        counts = {c: len(journal.entries(c)) for c in journal.clients()}
    for client, n in counts.items():
        print(f"{client}\t{n} entr{'y' if n == 1 else 'ies'}")
    return 0
