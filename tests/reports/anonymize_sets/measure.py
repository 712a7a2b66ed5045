"""Measure a text-anonymising function on the labelled sets beside this file.

``names.csv`` holds sentences that name people, with the exact substrings that
must be hidden; ``neutral.csv`` holds sentences that must come out unchanged.
:func:`measure` runs a callable over both and counts, per category, the share
of names hidden and the share of neutral sentences changed (see README.md for
how each is judged).

Run it as a script to measure the library as it is::

    .venv/bin/python tests/reports/anonymize_sets/measure.py
    .venv/bin/python tests/reports/anonymize_sets/measure.py --failures

The sentences are made up for this purpose, so printing them is fine; this
script is a test helper, not library code.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import inspect
import re
import sys
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

__all__ = [
    "FIELDS",
    "NAMES_CSV",
    "NEUTRAL_CSV",
    "PARTS",
    "library_anonymize_text",
    "load_names",
    "load_neutral",
    "measure",
    "part_of",
    "report",
    "split",
    "still_there",
]

HERE = Path(__file__).resolve().parent
NAMES_CSV = HERE / "names.csv"
NEUTRAL_CSV = HERE / "neutral.csv"

#: The fields a sentence can come from, as named in the ``field`` column.
FIELDS = (
    "went_well",
    "went_wrong",
    "plan_b",
    "employer_view",
    "notes",
    "company",
    "role",
    "file_name",
)

Row = dict[str, str]

#: The two parts of each set: rules are tuned on "tuning" only, and
#: "held-out" is measured once the rules are written.
PARTS = ("tuning", "held-out")
AnonymizeText = Callable[..., str]


def _read(path: Path) -> list[Row]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def load_names(path: Path = NAMES_CSV) -> list[Row]:
    """The rows of ``names.csv``: id, category, field, text, names (``|``-separated)."""
    return _read(path)


def load_neutral(path: Path = NEUTRAL_CSV) -> list[Row]:
    """The rows of ``neutral.csv``: id, category, field, text."""
    return _read(path)


def part_of(row_id: str) -> str:
    """The part a row belongs to, from a hash of its id alone.

    A row is held out when the SHA-256 of its id (UTF-8), read as a
    big-endian integer, leaves 0 when divided by 3; every other row is for
    tuning. The rule needs nothing but the id, so adding rows never moves an
    old row from one part to the other.

    Examples
    --------
    >>> part_of("name-001"), part_of("name-002")
    ('held-out', 'tuning')
    """
    digest = hashlib.sha256(row_id.encode("utf-8")).digest()
    return "held-out" if int.from_bytes(digest, "big") % 3 == 0 else "tuning"


def split(rows: Iterable[Row], part: str) -> list[Row]:
    """The rows of one part (``"tuning"`` or ``"held-out"``, see :func:`part_of`);
    ``"all"`` keeps every row."""
    if part not in (*PARTS, "all"):
        raise ValueError(f"The value for `part` must be one of {PARTS + ('all',)}, not {part!r}.")
    return [r for r in rows if part == "all" or part_of(r["id"]) == part]


def names_of(row: Row) -> list[str]:
    """The names a row of ``names.csv`` must hide, in the order written."""
    return [n for n in row["names"].split("|") if n]


@lru_cache(maxsize=4096)
def _whole_word(name: str) -> re.Pattern[str]:
    # a "word" is letters and digits: "_DEEPAK." and "-sharma_" hold whole words
    return re.compile(rf"(?<![^\W_]){re.escape(name)}(?![^\W_])", re.IGNORECASE)


def still_there(name: str, output: str) -> bool:
    """Whether ``name`` still appears in ``output``, ignoring case, as a whole word.

    A word boundary is anything that is not a letter or a digit, so an
    underscore or a hyphen separates words ("notes_sarah_final.md" holds
    "sarah").

    Examples
    --------
    >>> still_there("Tom", "tom from hr said")
    True
    >>> still_there("Tom", "Tomasz said")
    False
    >>> still_there("sarah", "notes_SARAH_final.md")
    True
    >>> still_there("Sarah", "[name] was late")
    False
    """
    return _whole_word(name).search(output) is not None


def _caller(anonymize_text: AnonymizeText) -> Callable[[str, str], str]:
    """Call ``anonymize_text(text)``, or ``anonymize_text(text, field=...)`` when
    the callable takes a ``field`` argument (so a field-aware anonymiser can
    treat a company or a file name differently from free text)."""
    try:
        params = list(inspect.signature(anonymize_text).parameters.values())
    except (TypeError, ValueError):  # some builtins have no signature
        params = []
    takes_field = any(p.name == "field" or p.kind is inspect.Parameter.VAR_KEYWORD for p in params)

    def call(text: str, field: str) -> str:
        out = anonymize_text(text, field=field) if takes_field else anonymize_text(text)
        if not isinstance(out, str):
            raise TypeError(
                f"The anonymiser must return a str, but it returned {type(out).__name__} "
                f"for {text!r}."
            )
        return out

    return call


def _share(part: int, whole: int) -> float:
    return part / whole if whole else float("nan")


def measure(
    anonymize_text: AnonymizeText,
    *,
    names: Iterable[Row] | None = None,
    neutral: Iterable[Row] | None = None,
) -> dict[str, Any]:
    """Run ``anonymize_text`` over both sets and count what it hid and changed.

    Parameters
    ----------
    anonymize_text : callable
        ``anonymize_text(text) -> str``; if it takes a ``field`` keyword it is
        called as ``anonymize_text(text, field=...)`` with one of
        :data:`FIELDS`.
    names, neutral : iterable of dict, optional
        The rows to use (default: ``names.csv`` and ``neutral.csv``).

    Returns
    -------
    dict
        ``"names"``: per category (and ``"total"``) ``rows``, ``names``,
        ``hidden``, ``share_hidden`` and ``rows_fully_hidden``;
        ``"neutral"``: per category (and ``"total"``) ``rows``, ``changed``,
        ``share_changed``; ``"names_by_field"`` and ``"neutral_by_field"``: the
        same per field; ``"leaks"``: one dict per name left readable (id,
        category, field, name, text, output); ``"changes"``: one dict per
        neutral sentence changed (id, category, field, text, output).

    Examples
    --------
    >>> rows = [{"id": "n1", "category": "c", "field": "notes",
    ...          "text": "Tom and Sarah", "names": "Tom|Sarah"}]
    >>> calm = [{"id": "u1", "category": "d", "field": "notes", "text": "Used SQL"}]
    >>> r = measure(lambda t: t.replace("Tom", "[name]"), names=rows, neutral=calm)
    >>> r["names"]["total"]["share_hidden"], r["neutral"]["total"]["share_changed"]
    (0.5, 0.0)
    >>> r["leaks"][0]["name"]
    'Sarah'
    """
    call = _caller(anonymize_text)
    name_rows = load_names() if names is None else list(names)
    neutral_rows = load_neutral() if neutral is None else list(neutral)

    def tally(groups: dict[str, dict[str, float]], keys: Iterable[str], **add: int) -> None:
        for key in keys:
            slot = groups.setdefault(key, {})
            for k, v in add.items():
                slot[k] = slot.get(k, 0) + v

    hidden_by: dict[str, dict[str, float]] = {}
    hidden_by_field: dict[str, dict[str, float]] = {}
    leaks: list[dict[str, str]] = []
    for row in name_rows:
        out = call(row["text"], row["field"])
        wanted = names_of(row)
        left = [n for n in wanted if still_there(n, out)]
        leaks += [
            {**{k: row[k] for k in ("id", "category", "field", "text")}, "name": n, "output": out}
            for n in left
        ]
        counts = {
            "rows": 1,
            "names": len(wanted),
            "hidden": len(wanted) - len(left),
            "rows_fully_hidden": int(not left),
        }
        tally(hidden_by, (row["category"], "total"), **counts)
        tally(hidden_by_field, (row["field"], "total"), **counts)
    for groups in (hidden_by, hidden_by_field):
        for slot in groups.values():
            slot["share_hidden"] = _share(int(slot["hidden"]), int(slot["names"]))

    changed_by: dict[str, dict[str, float]] = {}
    changed_by_field: dict[str, dict[str, float]] = {}
    changes: list[dict[str, str]] = []
    for row in neutral_rows:
        out = call(row["text"], row["field"])
        changed = out != row["text"]
        if changed:
            changes.append(
                {**{k: row[k] for k in ("id", "category", "field", "text")}, "output": out}
            )
        counts = {"rows": 1, "changed": int(changed)}
        tally(changed_by, (row["category"], "total"), **counts)
        tally(changed_by_field, (row["field"], "total"), **counts)
    for groups in (changed_by, changed_by_field):
        for slot in groups.values():
            slot["share_changed"] = _share(int(slot["changed"]), int(slot["rows"]))

    return {
        "names": hidden_by,
        "neutral": changed_by,
        "names_by_field": hidden_by_field,
        "neutral_by_field": changed_by_field,
        "leaks": leaks,
        "changes": changes,
    }


def _table(groups: dict[str, dict[str, float]], columns: list[tuple[str, str]]) -> list[str]:
    keys = [k for k in groups if k != "total"] + ["total"]
    width = max(len(k) for k in keys)
    head = f"{'':<{width}}  " + "  ".join(f"{title:>9}" for _, title in columns)
    lines = [head]
    for key in keys:
        slot = groups.get(key, {})
        cells = []
        for col, _ in columns:
            value = slot.get(col, 0)
            cells.append(f"{value:>8.1%} " if col.startswith("share") else f"{int(value):>9}")
        lines.append(f"{key:<{width}}  " + "  ".join(cells))
    return lines


def report(result: dict[str, Any], *, failures: bool = False) -> str:
    """The figures of :func:`measure` as plain-text tables (and, with
    ``failures``, every leak and every changed neutral sentence)."""
    name_cols = [
        ("rows", "rows"),
        ("names", "names"),
        ("hidden", "hidden"),
        ("share_hidden", "hidden %"),
        ("rows_fully_hidden", "rows ok"),
    ]
    neutral_cols = [("rows", "rows"), ("changed", "changed"), ("share_changed", "changed %")]
    lines = ["Names hidden, by category", *_table(result["names"], name_cols), ""]
    lines += ["Names hidden, by field", *_table(result["names_by_field"], name_cols), ""]
    lines += [
        "Neutral sentences changed, by category",
        *_table(result["neutral"], neutral_cols),
        "",
    ]
    lines += [
        "Neutral sentences changed, by field",
        *_table(result["neutral_by_field"], neutral_cols),
    ]
    if failures:
        lines += ["", "Names left readable:"]
        lines += [
            f"  {x['id']} [{x['category']}] {x['name']!r}: {x['output']}" for x in result["leaks"]
        ]
        lines += ["", "Neutral sentences changed:"]
        lines += [
            f"  {x['id']} [{x['category']}] {x['text']!r} -> {x['output']!r}"
            for x in result["changes"]
        ]
    return "\n".join(lines)


def library_anonymize_text(text: str, field: str = "notes") -> str:
    """Anonymise one text as ``anonymize(log, contacts=True)`` does, with no
    names given: contact details, then people's names read as the ``field``
    they come from (a company or a file name is read differently).

    A public ``recovery_analytics.reports.anonymize_text`` is used when there
    is one; otherwise the functions of ``recovery_analytics.reports._names``.
    """
    from recovery_analytics import reports

    public = getattr(reports, "anonymize_text", None)
    if callable(public):
        return str(public(text, field=field))
    import pandas as pd

    from recovery_analytics.reports._names import hide_contacts, hide_people

    texts = hide_contacts(pd.Series([text], dtype="str"))
    return str(hide_people(texts, field=field).iloc[0])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--failures", action="store_true", help="list every leak and every change")
    parser.add_argument(
        "--part",
        choices=(*PARTS, "all"),
        default="tuning",
        help="which part of the sets to measure (default: tuning; see README.md)",
    )
    args = parser.parse_args(argv)
    result = measure(
        library_anonymize_text,
        names=split(load_names(), args.part),
        neutral=split(load_neutral(), args.part),
    )
    print(report(result, failures=args.failures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
