"""Load the labelled spans of the real-text development set.

The labels (``labels.csv`` beside this module) hold only character offsets, a
hash of each span and our own labels; the text itself stays in
``<repo>/../shared/external/realtext`` and is read from there. See README.md in
this folder for how the spans were chosen and labelled.
"""

from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "COLUMNS",
    "LABELS",
    "PARTS",
    "POLARITIES",
    "SOURCE_DIR",
    "LabelError",
    "Span",
    "load_spans",
    "part_of",
    "span_hash",
]

#: The labels file of the set (offsets, hashes, labels; no text).
LABELS = Path(__file__).resolve().with_name("labels.csv")
#: Where the third-party text lives: ``<repo>/../shared/external/realtext``.
SOURCE_DIR = Path(__file__).resolve().parents[3].parent / "shared" / "external" / "realtext"
#: The columns of ``labels.csv``, in order.
COLUMNS = ("file", "start", "end", "sha256", "polarity", "themes", "part")
#: Polarity labels.
POLARITIES = ("well", "wrong", "neutral")
#: The two parts of the set.
PARTS = ("dev", "untouched")


class LabelError(ValueError):
    """A row of the labels file that cannot be used (names the file and the row)."""


@dataclass(frozen=True)
class Span:
    """One labelled span of a real write-up.

    Attributes
    ----------
    file : str
        File name inside the source folder.
    start, end : int
        Character offsets into the file as read with ``encoding="utf-8"``.
    text : str
        ``file_text[start:end]``.
    polarity : str
        ``"well"``, ``"wrong"`` or ``"neutral"``.
    themes : tuple of str
        Theme names, most relevant first, or ``("other",)``.
    part : str
        ``"dev"`` or ``"untouched"``.
    """

    file: str
    start: int
    end: int
    text: str
    polarity: str
    themes: tuple[str, ...]
    part: str


def span_hash(text: str) -> str:
    """The first 16 hex digits of the SHA-256 of ``text`` encoded as UTF-8.

    Examples
    --------
    >>> span_hash("abc")
    'ba7816bf8f01cfea'
    """
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def part_of(file: str, start: int) -> str:
    """The part a span belongs to, from its file and start offset only.

    A span is ``"untouched"`` when the first 8 hex digits of the SHA-256 of
    ``"<file>:<start>"``, read as an integer, are divisible by 3; otherwise it is
    ``"dev"``. The rule never looks at the labels.

    Examples
    --------
    >>> part_of("notes.md", 0) in PARTS
    True
    """
    digest = hashlib.sha256(f"{file}:{start}".encode()).hexdigest()
    return "untouched" if int(digest[:8], 16) % 3 == 0 else "dev"


def load_spans(
    part: str | None = None,
    *,
    labels: Path | str = LABELS,
    source_dir: Path | str = SOURCE_DIR,
) -> list[Span]:
    """Read the labelled spans, checking each span's hash against the text.

    Parameters
    ----------
    part : {None, "dev", "untouched"}
        Only the spans of this part; ``None`` (default) for all.
    labels : path
        The labels file (default: ``labels.csv`` beside this module).
    source_dir : path
        The folder holding the write-ups (default: ``<repo>/../shared/external/realtext``).

    Returns
    -------
    list of Span
        In the order of the labels file.

    Raises
    ------
    ValueError
        If ``part`` is not one of the parts.
    FileNotFoundError
        If the source folder or a file named in the labels is missing.
    LabelError
        If a row's offsets fall outside its file or its hash does not match the
        text at those offsets; the message names the labels file's line.
    """
    if part is not None and part not in PARTS:
        raise ValueError(f"part must be one of {PARTS} or None, but {part!r} was passed")
    labels, source_dir = Path(labels), Path(source_dir)
    if not source_dir.is_dir():
        raise FileNotFoundError(
            f"the real-text source folder {source_dir} does not exist; the write-ups live in "
            "../shared/external/realtext next to the repository (tests that need them are marked 'external')"
        )
    texts: dict[str, str] = {}
    spans: list[Span] = []
    with labels.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if tuple(reader.fieldnames or ()) != COLUMNS:
            raise LabelError(
                f"{labels}:1: the columns must be {', '.join(COLUMNS)}, not {reader.fieldnames}"
            )
        for line, row in enumerate(reader, start=2):
            where = f"{labels}:{line} ({row['file']} {row['start']}-{row['end']})"
            if row["file"] not in texts:
                path = source_dir / row["file"]
                if not path.is_file():
                    raise FileNotFoundError(f"{where}: {path} does not exist")
                texts[row["file"]] = path.read_text(encoding="utf-8")
            text = texts[row["file"]]
            try:
                start, end = int(row["start"]), int(row["end"])
            except ValueError:
                raise LabelError(f"{where}: start and end must be whole numbers") from None
            if not 0 <= start < end <= len(text):
                raise LabelError(
                    f"{where}: offsets must satisfy 0 <= start < end <= {len(text)} (the file's length)"
                )
            found = span_hash(text[start:end])
            if found != row["sha256"]:
                raise LabelError(
                    f"{where}: the span's hash is {found}, the labels say {row['sha256']}; "
                    "the source file changed or the offsets are wrong"
                )
            if part is None or row["part"] == part:
                spans.append(
                    Span(
                        file=row["file"],
                        start=start,
                        end=end,
                        text=text[start:end],
                        polarity=row["polarity"],
                        themes=tuple(row["themes"].split(";")),
                        part=row["part"],
                    )
                )
    return spans
