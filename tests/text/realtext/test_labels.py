"""The real-text development set's labels are well-formed and match the text in ../shared."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

from recovery_analytics.themes import OTHER, Taxonomy

from .spans import (
    COLUMNS,
    LABELS,
    PARTS,
    POLARITIES,
    SOURCE_DIR,
    LabelError,
    load_spans,
    part_of,
    span_hash,
)

pytestmark = pytest.mark.external


def _rows() -> list[dict[str, str]]:
    with LABELS.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_columns_and_values_are_well_formed() -> None:
    with LABELS.open(encoding="utf-8", newline="") as fh:
        header = next(csv.reader(fh))
    assert tuple(header) == COLUMNS
    known = set(Taxonomy.default().themes)
    rows = _rows()
    assert rows
    for line, row in enumerate(rows, start=2):
        assert (SOURCE_DIR / row["file"]).is_file(), f"line {line}: no file {row['file']}"
        assert row["polarity"] in POLARITIES, f"line {line}: polarity {row['polarity']!r}"
        assert row["part"] in PARTS, f"line {line}: part {row['part']!r}"
        assert len(row["sha256"]) == 16, f"line {line}: hash {row['sha256']!r}"
        assert set(row["sha256"]) <= set("0123456789abcdef"), f"line {line}: hash {row['sha256']!r}"
        themes = row["themes"].split(";")
        assert len(themes) == len(set(themes)), (
            f"line {line}: a theme is repeated in {row['themes']!r}"
        )
        if OTHER in themes:
            assert themes == [OTHER], (
                f"line {line}: 'other' cannot be ranked with themes: {row['themes']!r}"
            )
        else:
            assert set(themes) <= known, f"line {line}: unknown theme(s) {set(themes) - known}"


def test_offsets_are_inside_their_files_and_do_not_overlap() -> None:
    rows = _rows()
    lengths = {
        f: len((SOURCE_DIR / f).read_text(encoding="utf-8")) for f in {r["file"] for r in rows}
    }
    seen: dict[str, list[tuple[int, int]]] = {}
    for line, row in enumerate(rows, start=2):
        start, end = int(row["start"]), int(row["end"])
        assert 0 <= start < end <= lengths[row["file"]], f"line {line}: {start}-{end}"
        seen.setdefault(row["file"], []).append((start, end))
    for file, ranges in seen.items():
        ranges.sort()
        for (_, end_a), (start_b, _) in zip(ranges, ranges[1:], strict=False):
            assert end_a <= start_b, f"{file}: spans overlap at {start_b}"


def test_every_hash_matches_the_text_and_spans_are_trimmed() -> None:
    rows = _rows()
    spans = load_spans()  # raises LabelError naming the row on a mismatch
    assert len(spans) == len(rows)
    for span, row in zip(spans, rows, strict=True):
        assert span_hash(span.text) == row["sha256"]
        assert span.text == span.text.strip() and span.text
        assert span.themes == tuple(row["themes"].split(";"))


def test_the_part_follows_the_hash_rule_and_both_parts_have_several_voices() -> None:
    rows = _rows()
    for line, row in enumerate(rows, start=2):
        assert row["part"] == part_of(row["file"], int(row["start"])), f"line {line}"
    by_part = {part: load_spans(part) for part in PARTS}
    assert sum(len(v) for v in by_part.values()) == len(rows)
    files = {r["file"] for r in rows}
    for part, spans in by_part.items():
        assert spans, part
        assert {s.part for s in spans} == {part}
        assert {s.file for s in spans} == files, f"{part} lacks a file's voice"
    # the untouched part is about a third: between a fifth and a half of the set
    untouched = Counter(r["part"] for r in rows)["untouched"]
    assert len(rows) / 5 <= untouched <= len(rows) / 2


def test_a_changed_span_is_reported_with_its_row(tmp_path: Path) -> None:
    rows = _rows()
    rows[2]["sha256"] = "0" * 16 if rows[2]["sha256"] != "0" * 16 else "1" * 16
    bad = tmp_path / "labels.csv"
    with bad.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    with pytest.raises(LabelError, match=rf"labels\.csv:4 \({rows[2]['file']} {rows[2]['start']}-"):
        load_spans(labels=bad)


def test_an_unknown_part_is_refused() -> None:
    with pytest.raises(ValueError, match="part must be one of"):
        load_spans("test")
