"""A coach's intake, written to a folder: 13 clients, every format and importer.

:data:`TRUTH` says what happened (per client: each interview's date, company,
stage, items and feeling); :func:`build` writes it the way each client's notes
really arrive - Markdown with UK dates, a spreadsheet with its own headers (and
a mapping typo), a Google Form in US dates with an empty name, Day One prose,
Obsidian notes, Daylio, Notion, JSON Lines, JSON, TSV, XLSX - plus a practice
manifest. The tests compare what is read with :data:`TRUTH`, so every expected
number comes from here, not from the code under test.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

__all__ = ["TRUTH", "Interview", "Intake", "build"]


@dataclass(frozen=True)
class Interview:
    day: dt.date
    company: str
    stage: str | None = None
    well: tuple[str, ...] = ()
    wrong: tuple[str, ...] = ()
    feeling: int | None = None
    items_known: bool = True  # False where the importer infers items from prose


def _d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


_I = Interview
TRUTH: dict[str, list[Interview]] = {
    # Markdown folder, UK dates; a screen and a final at Acme on one day
    "lena": [
        _I(_d("2026-03-14"), "Birchwood", "screen", ("Clear intro",), ("Rushed",), 3),
        _I(_d("2026-04-03"), "Acme", "screen", ("Good rapport",), ("Salary too early",), 4),
        _I(_d("2026-04-03"), "Acme", "final", ("Strong case study",), ("Blanked once",), 2),
        _I(_d("2026-05-02"), "Corvid", "technical", ("Solved it",), (), 5),
    ],
    # the client's own spreadsheet, with a mapping whose "Mood/5" misses "Mood /5"
    "ivan": [
        _I(_d("2026-03-09"), "Dunmore", "screen", ("Calm",), ("Too long",)),
        _I(_d("2026-03-23"), "Eastgate", "technical", ("Tests first",), ("Slow",)),
    ],
    # Google Form, US dates; one answer without a name (its e-mail stands in)
    "Jo Rivera": [
        _I(_d("2026-07-01"), "Fenwick", "screen", ("Prepared",), ("Nervous",), 3),
        _I(_d("2026-07-13"), "Galloway", "technical", ("Clean code",), ("Forgot edge case",), 4),
    ],
    "jo.rivera82@gmail.com": [
        _I(_d("2026-08-12"), "Halden", "final", ("Good stories",), ("Vague on salary",), 2),
    ],
    "Sam Lee": [
        _I(_d("2026-07-02"), "Ironside", "phone", ("Friendly",), ("Late",), 3),
    ],
    # Day One prose: the facts are in plain lines
    "nora": [
        _I(_d("2026-04-06"), "Hexaport", "screen", ("Clear answers",), ("Rambled",), 3),
        _I(_d("2026-04-20"), "Juniper", "final", ("Asked good questions",), (), 4),
    ],
    # Obsidian notes with inline fields, in a folder named after her
    "omar": [
        _I(_d("2026-05-04"), "Kestrel", "technical", ("SQL went well",), ("Froze on recursion",)),
        _I(_d("2026-05-18"), "Larkspur", "onsite", ("Whiteboard fun",), ()),
    ],
    # Daylio: one reflection per interview day, items inferred from the note
    "pia": [
        _I(_d("2026-06-03"), "", None, feeling=4, items_known=False),
        _I(_d("2026-06-17"), "", None, feeling=2, items_known=False),
    ],
    # Notion database export
    "quinn": [
        _I(_d("2026-03-04"), "Acme", "phone", ("Explained the dashboard",), ("Rambled",), 4),
    ],
    # JSON Lines, one interview written twice (the same content)
    "chloe": [
        _I(_d("2026-06-01"), "Mapleton", "screen", ("Warm open",), ("Weak close",), 3),
        _I(_d("2026-06-15"), "Northwind", "panel", ("Handled panel",), ("Too fast",), 4),
    ],
    # a JSON file that names no client anywhere
    "me": [
        _I(_d("2026-05-05"), "Oakridge", "screen", ("Punctual",), ("Unprepared",), 2),
    ],
    # TSV whose dates are all ambiguous (read month first, with a warning)
    "eve": [
        _I(_d("2026-03-04"), "Pinecrest", "screen", ("Good story",), ("Missed question",), 3),
        _I(_d("2026-05-06"), "Quarry", "technical", ("Solid",), ("Nervous",), 4),
    ],
    # Excel workbook
    "fay": [
        _I(_d("2026-04-10"), "Redwood", "panel", ("Prepared well",), ("Long answers",), 3),
    ],
}


@dataclass(frozen=True)
class Intake:
    root: Path
    manifest: Path


def _uk(day: dt.date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def _us(day: dt.date) -> str:
    return f"{day.month}/{day.day}/{day.year}"


def _md(iv: Interview, date_text: str) -> str:
    lines = [
        "---",
        f"interview_date: {date_text}",
        f"company: {iv.company}",
        f"stage: {iv.stage}",
        f"feeling: {iv.feeling}",
        "---",
        "",
        "## Went well",
        "",
        *(f"- {t}" for t in iv.well),
        "",
        "## Went wrong",
        "",
        *(f"- {t}" for t in iv.wrong),
        "",
    ]
    return "\n".join(lines)


def _lena(root: Path) -> list[dict]:
    folder = root / "lena"
    folder.mkdir()
    for n, iv in enumerate(TRUTH["lena"]):
        (folder / f"{n:02d}-{iv.company.lower()}.md").write_text(
            _md(iv, _uk(iv.day)), encoding="utf-8"
        )
    return [{"path": "lena"}]  # the folder names the client; the dates decide UK order


def _ivan(root: Path) -> list[dict]:
    rows = [
        {
            "When": iv.day.isoformat(),
            "Employer": iv.company,
            "Round": iv.stage,
            "Mood /5": 3,
            "Good bits": "\n".join(iv.well),
            "Bad bits": "\n".join(iv.wrong),
        }
        for iv in TRUTH["ivan"]
    ]
    pd.DataFrame(rows).to_csv(root / "ivan-sheet.csv", index=False)
    (root / "ivan-mapping.toml").write_text(
        "[columns]\n"
        '"When" = "interview_date"\n"Employer" = "company"\n"Round" = "stage"\n'
        '"Mood/5" = "feeling"\n"Good bits" = "went_well"\n"Bad bits" = "went_wrong"\n',
        encoding="utf-8",
    )
    return [{"path": "ivan-sheet.csv", "client": "ivan", "mapping": "ivan-mapping.toml"}]


_FORM_HEADERS = [
    "Timestamp",
    "Email Address",
    "Your name",
    "Date of the interview",
    "Company",
    "Interview stage",
    "How do you feel now? (1-5)",
    "What went well?",
    "What went wrong?",
]


def _forms(root: Path) -> list[dict]:
    rows = []
    for client in ("Jo Rivera", "jo.rivera82@gmail.com", "Sam Lee"):
        for iv in TRUTH[client]:
            named = "@" not in client
            rows.append(
                [
                    f"{_us(iv.day)} 18:00:00",
                    "jo.rivera82@gmail.com"
                    if client.startswith("Jo") or not named
                    else "sam@x.org",
                    client if named else "",
                    _us(iv.day),
                    iv.company,
                    iv.stage,
                    iv.feeling,
                    "\n".join(iv.well),
                    "\n".join(iv.wrong),
                ]
            )
    folder = root / "forms"
    folder.mkdir()
    pd.DataFrame(rows, columns=_FORM_HEADERS).to_csv(folder / "responses.csv", index=False)
    return [{"path": "forms/responses.csv", "format": "gforms"}]


def _nora(root: Path) -> list[dict]:
    entries = []
    for n, iv in enumerate(TRUTH["nora"]):
        text = (
            f"# {iv.company} — {iv.stage} (zoom)\n\nFeeling {iv.feeling}/5.\n"
            "Outcome: rejected\nAsked for follow-up: yes\n\n"
            "## Went well\n" + "".join(f"- {t}\n" for t in iv.well) + "\n"
            "## Went wrong\n" + "".join(f"- {t}\n" for t in iv.wrong)
        )
        entries.append(
            {
                "uuid": f"{n:032X}",
                "creationDate": f"{iv.day.isoformat()}T16:00:00Z",
                "timeZone": "Europe/London",
                "tags": ["interview"],
                "text": text,
            }
        )
    folder = root / "nora"
    folder.mkdir()
    (folder / "Journal.json").write_text(
        json.dumps({"metadata": {"version": "1.0"}, "entries": entries}), encoding="utf-8"
    )
    return [{"path": "nora/Journal.json", "client": "nora"}]


def _omar(root: Path) -> list[dict]:
    folder = root / "omar"
    folder.mkdir()
    for iv in TRUTH["omar"]:
        text = (
            f"# {iv.company}\nDate:: {iv.day.isoformat()}\nCompany:: [[{iv.company}]]\n"
            f"Stage:: {iv.stage}\n\n#interview\n\n"
            "## Went well\n" + "".join(f"- {t}\n" for t in iv.well) + "\n"
            "## Went wrong\n" + "".join(f"- {t}\n" for t in iv.wrong)
        )
        (folder / f"{iv.company} interview.md").write_text(text, encoding="utf-8")
    return [{"path": "omar", "format": "obsidian"}]


_MOODS = {4: "good", 2: "bad"}


def _pia(root: Path) -> list[dict]:
    lines = ["full_date,date,weekday,time,mood,activities,note_title,note"]
    for iv in TRUTH["pia"]:
        lines.append(
            f"{iv.day.isoformat()},x,x,6:00 PM,{_MOODS[iv.feeling or 3]},interview | video call,"
            '"Interview","The recruiter was friendly. I forgot my questions."'
        )
        lines.append(f"{iv.day.isoformat()},x,x,9:00 AM,good,reading,,")
    (root / "pia-daylio.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [{"path": "pia-daylio.csv", "client": "pia", "format": "daylio"}]


def _quinn(root: Path) -> list[dict]:
    header = (
        "Name,Date,Company,Position,Stage,Tags,Feeling,What went well,What went wrong,"
        "Plan B,Outcome,Created"
    )
    rows = [header]
    for iv in TRUTH["quinn"]:
        rows.append(
            f'{iv.company} call,"{iv.day:%B} {iv.day.day}, {iv.day.year}",{iv.company},Analyst,'
            f'{iv.stage},,{iv.feeling},"{chr(10).join(iv.well)}","{", ".join(iv.wrong)}",,,'
            f'"{iv.day:%B} {iv.day.day}, {iv.day.year} 7:02 PM"'
        )
    (root / "quinn-notion.csv").write_text("\ufeff" + "\n".join(rows) + "\n", encoding="utf-8")
    return [{"path": "quinn-notion.csv", "client": "quinn", "format": "notion"}]


def _record(client: str | None, iv: Interview, date_text: str) -> dict:
    out = {
        "interview_date": date_text,
        "company": iv.company,
        "stage": iv.stage,
        "feeling": iv.feeling,
        "went_well": list(iv.well),
        "went_wrong": list(iv.wrong),
    }
    if client is not None:
        out = {"client": client, **out}
    return out


def _chloe(root: Path) -> list[dict]:
    records = [_record("chloe", iv, iv.day.isoformat()) for iv in TRUTH["chloe"]]
    records.append(records[0])  # the same interview written twice
    (root / "chloe.jsonl").write_text(
        "".join(json.dumps(r) + "\n" for r in records), encoding="utf-8"
    )
    return [{"path": "chloe.jsonl"}]


def _nameless(root: Path) -> list[dict]:
    records = [_record(None, iv, iv.day.isoformat()) for iv in TRUTH["me"]]
    (root / "notes.json").write_text(json.dumps(records), encoding="utf-8")
    return [{"path": "notes.json"}]


def _table_rows(client: str, style: str) -> list[dict]:
    rows = []
    for iv in TRUTH[client]:
        day = _us(iv.day) if style == "us" else iv.day.isoformat()
        if style == "us":  # zero-padded, every date ambiguous: 03/04/2026
            day = f"{iv.day.month:02d}/{iv.day.day:02d}/{iv.day.year}"
        rows.append(
            {
                "client": client,
                "interview_date": day,
                "company": iv.company,
                "stage": iv.stage,
                "feeling": iv.feeling,
                "went_well": "\n".join(iv.well),
                "went_wrong": "\n".join(iv.wrong),
            }
        )
    return rows


def _eve(root: Path) -> list[dict]:
    pd.DataFrame(_table_rows("eve", "us")).to_csv(root / "eve.tsv", sep="\t", index=False)
    return [{"path": "eve.tsv"}]


def _fay(root: Path) -> list[dict]:
    pd.DataFrame(_table_rows("fay", "iso")).to_excel(root / "fay.xlsx", index=False)
    return [{"path": "fay.xlsx"}]


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return json.dumps(value)


def build(root: Path) -> Intake:
    """Write the intake under ``root`` and its manifest ``root/practice.toml``."""
    root.mkdir(parents=True, exist_ok=True)
    sources: list[dict] = []
    for writer in (_lena, _ivan, _forms, _nora, _omar, _pia, _quinn, _chloe, _nameless, _eve, _fay):
        sources.extend(writer(root))
    text = "".join(
        "[[source]]\n" + "".join(f"{k} = {_toml_value(v)}\n" for k, v in s.items()) + "\n"
        for s in sources
    )
    manifest = root / "practice.toml"
    manifest.write_text(text, encoding="utf-8")
    return Intake(root, manifest)
