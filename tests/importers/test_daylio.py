"""Daylio CSV exports: the three header variants, moods, interview days, problems."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import recovery_analytics as ra
from recovery_analytics._formats import detect
from recovery_analytics.importers import daylio
from recovery_analytics.importers.daylio import mood_level
from recovery_analytics.io import ReadContext

from ._helpers import by_day, load_collected

LEVELS = {"rad": 5, "good": 4, "neutral": 3, "bad": 2, "awful": 1}


# -- our own example exports --------------------------------------------------


def test_current_export_keeps_interview_days_only(fixtures: Path) -> None:
    stats: dict[str, Any] = {}
    log = load_collected(fixtures / "daylio" / "daylio_export.csv", options={"stats": stats})
    days = by_day(log)
    # interview days: 03-04 (activity "interview"), 03-12 ("technical interview"),
    # 03-18 (two entries with "interview"/"interview prep"), 03-25 ("interview");
    # 02-30 mentions an interview but is not a date. 03-02, 03-10, 03-15 and
    # 03-20 are about other things.
    assert list(days.index) == ["2026-03-04", "2026-03-12", "2026-03-18", "2026-03-25"]
    # good -> 4, awful -> 1, the later of meh (6:40 PM) and stressed (8:05 AM) -> 3,
    # "wobbly" is a custom mood no rule knows -> empty
    assert days["feeling"].tolist()[:3] == [4, 1, 3]
    assert pd.isna(days.loc["2026-03-25", "feeling"])
    # a stage named by an activity: "phone screen", "technical interview"
    assert days.loc["2026-03-04", "stage"] == "phone"
    assert days.loc["2026-03-12", "stage"] == "technical"
    assert days.loc["2026-03-18", "extra"]["daylio_mood"] == "stressed out, meh"
    (stat,) = stats.values()
    # 10 rows on 9 dates; 5 rows on 5 dates mention an interview, one of them
    # (02-30) with a bad date, so 4 days are kept
    assert stat["format"] == "daylio"
    assert (stat["seen"], stat["kept"], stat["entries_seen"], stat["entries_kept"]) == (
        9,
        4,
        10,
        5,
    )


def test_notes_become_inferred_items_and_are_kept(fixtures: Path) -> None:
    log = load_collected(fixtures / "daylio" / "daylio_export.csv")
    days = by_day(log)
    notes = days.loc["2026-03-04", "notes"]
    # quotes doubled in the CSV come back single; the note text is kept as written
    assert 'a shorter answer to "tell me about yourself".' in notes
    items = log.items[log.items["entry_id"] == days.loc["2026-03-04", "entry_id"]]
    assert items["inferred"].all()
    assert set(items["polarity"]) == {"well", "wrong"}
    wrong = items.loc[items["polarity"] == "wrong", "text"].tolist()
    assert any("should have prepared" in t for t in wrong)
    # a note cell spanning two lines, and a <br> in another
    assert "ran out of time.\nThe interviewer" in days.loc["2026-03-12", "notes"]
    assert "seemed impressed.\nBut I rambled" in days.loc["2026-03-18", "notes"]
    # several entries on one day are kept in the order they happened
    day18 = days.loc["2026-03-18", "notes"]
    assert day18.index("[8:05 AM, stressed out]") < day18.index("[6:40 PM, meh]")


def test_skipped_interview_rows_are_reported_with_lines(fixtures: Path) -> None:
    path = fixtures / "daylio" / "daylio_export.csv"
    log = load_collected(path)
    problems = log.problems.set_index("line")
    # line 1 is the header; the 03-12 note spans lines 7-8, so 02-30 is line 12
    assert problems.loc[12, "field"] == "interview_date"
    assert "'2026-02-30'" in problems.loc[12, "message"]
    assert "left out" in problems.loc[12, "message"]
    assert problems.loc[2, "field"] == "feeling"
    assert "'wobbly'" in problems.loc[2, "message"]
    assert "options={'moods'" in problems.loc[2, "message"]
    # "over the moon" (line 9) is unknown too, but that day is not about an interview
    assert len(log.problems) == 2
    assert {Path(f).resolve() for f in log.problems["file"]} == {path.resolve()}
    with pytest.raises(ra.LogFormatError) as info:
        ra.load(path, taxonomy=False)
    assert {p.line for p in info.value.problems} == {2, 12}


def test_older_export_without_note_title(fixtures: Path) -> None:
    log = load_collected(fixtures / "daylio" / "daylio_export_old.csv")
    days = by_day(log)
    # "Interview" (capitalised) and "interview" days; the 11-20 and 11-10 rows are not
    assert list(days.index) == ["2025-11-14", "2025-11-21"]
    assert days["feeling"].tolist() == [2, 4]  # sad -> 2, good -> 4
    assert log.problems.empty
    assert "AWS side project" in days.loc["2025-11-14", "notes"]


def test_newer_export_with_scales_and_24_hour_times(fixtures: Path) -> None:
    log = load_collected(fixtures / "daylio" / "daylio_export_scales.csv")
    days = by_day(log)
    # 04-01 mentions the interview in its note; 04-09 has the "interview"
    # activity at 17:20 (the 07:30 entry of that day does not mention it)
    assert list(days.index) == ["2026-04-01", "2026-04-09"]
    assert days["feeling"].tolist() == [4, 4]  # proud -> 4, vaguely good -> 4
    assert days.loc["2026-04-09", "stage"] == "onsite"  # activity "in person"
    assert days.loc["2026-04-09", "extra"]["daylio_scales"] == "Sleep Quality: 7/10 points"
    note = days.loc["2026-04-09", "notes"]
    assert "calmly.\n\nNext time I'll bring" in note  # <br><br> and &#39;
    assert "🎉" in days.loc["2026-04-01", "notes"]


def test_your_own_moods_come_first(fixtures: Path) -> None:
    path = fixtures / "daylio" / "daylio_export.csv"
    for moods in ({"wobbly": 2}, {"Wobbly": "bad"}, {"bad": ["wobbly"]}):
        log = load_collected(path, options={"moods": moods})
        assert by_day(log).loc["2026-03-25", "feeling"] == 2
        assert (log.problems["field"] != "feeling").all()
    # your mapping also overrides the defaults
    log = load_collected(path, options={"moods": {"good": 5}})
    assert by_day(log).loc["2026-03-04", "feeling"] == 5


@pytest.mark.parametrize("moods", [{"wobbly": 7}, {"wobbly": "so-so"}, {"great": ["x"]}, ["x"]])
def test_bad_mood_mapping_is_refused(fixtures: Path, moods: object) -> None:
    with pytest.raises(ValueError, match=r"options\['moods'\]"):
        load_collected(fixtures / "daylio" / "daylio_export.csv", options={"moods": moods})


def test_keywords_choose_the_days(fixtures: Path) -> None:
    path = fixtures / "daylio" / "daylio_export.csv"
    log = load_collected(path, options={"daylio_keywords": ["video call"]})
    # only 03-18 and 03-25 have the "video call" activity
    assert list(by_day(log).index) == ["2026-03-18", "2026-03-25"]
    stats: dict[str, Any] = {}
    log = load_collected(path, options={"daylio_keywords": [], "stats": stats})
    # every day but the bad date: 9 dates - 1
    assert len(log) == 8
    assert next(iter(stats.values()))["kept"] == 8
    # now every unknown custom mood of a kept day is reported: wobbly, over the moon
    assert sorted(log.problems["line"].dropna().tolist()) == [2, 9, 12]


def test_no_interview_day_is_not_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "daylio_export.csv"
    path.write_text(
        "full_date,date,weekday,time,mood,activities,note_title,note\n"
        "2026-03-02,March 2,Monday,10:00 PM,meh,reading,,\n",
        encoding="utf-8",
    )
    stats: dict[str, Any] = {}
    log = ra.load(path, taxonomy=False, options={"stats": stats})
    assert len(log) == 0
    assert log.problems.empty
    assert stats[str(path)]["seen"] == 1 and stats[str(path)]["kept"] == 0


def test_row_with_missing_cells_is_kept_and_reported(tmp_path: Path) -> None:
    path = tmp_path / "daylio_export.csv"
    path.write_text(
        "full_date,date,weekday,time,mood,activities,note_title,note\n"
        "2026-03-04,March 4,Wednesday,6:12 PM,good,interview\n",
        encoding="utf-8",
    )
    log = load_collected(path)
    assert len(log) == 1
    (problem,) = log.problems.itertuples()
    assert problem.line == 2 and "6 cells but the header has 8" in problem.message


def test_not_a_daylio_file_named_explicitly(fixtures: Path) -> None:
    path = fixtures / "gforms" / "suggested_form_responses.csv"
    log = load_collected(path, format="daylio")
    assert len(log) == 0
    assert "not a Daylio CSV export" in log.problems["message"].iat[0]


def test_detected_by_content(fixtures: Path, tmp_path: Path) -> None:
    for name in ("daylio_export.csv", "daylio_export_old.csv", "daylio_export_scales.csv"):
        spec = detect(fixtures / "daylio" / name)
        assert spec is not None and spec.name == "daylio"
    ours = tmp_path / "mine.csv"
    ours.write_text("interview_date,company,mood\n2026-03-04,Acme,good\n", encoding="utf-8")
    spec = detect(ours)
    assert spec is not None and spec.name == "csv"
    assert daylio.sniff("\ufefffull_date,date,weekday,time,mood,activities,note\n".encode())


@pytest.mark.parametrize(
    ("label", "level"),
    [
        ("rad", 5),
        ("Good", 4),
        ("meh", 3),
        ("neutral", 3),
        ("bad", 2),
        ("awful", 1),
        ("excited", 5),
        ("grateful", 4),
        ("bored", 3),
        ("very bored", 2),  # "very" moves a mood one step from neutral, its lean decides
        ("stressed", 2),
        ("very stressed", 1),
        ("a bit helpless", 3),  # "a bit" moves one step towards neutral
        ("not good", 2),  # the mirror of good
        ("vaguely awful", 1),
    ],
)
def test_mood_levels(label: str, level: int) -> None:
    assert mood_level(label) == level


# -- the shared public sample exports (lorem ipsum: no interviews) ------------


def _moods_json(shared: Path) -> dict[str, list[str]]:
    path = shared / "daylio-obsidian-parser-fixtures" / "moods.json"
    return dict(json.loads(path.read_text(encoding="utf-8")))


def test_keyword_rules_agree_with_the_shared_mood_groups(shared: Path) -> None:
    groups = _moods_json(shared)
    pairs = [(label, LEVELS[group]) for group, labels in groups.items() for label in labels]
    known = [(label, want, mood_level(label)) for label, want in pairs]
    mapped = [(label, want, got) for label, want, got in known if got is not None]
    wrong = [(label, want, got) for label, want, got in mapped if got != want]
    # the rules are a heuristic: most labels are known, and known ones are right;
    # the rest are reported as problems when they occur on an interview day
    assert len(mapped) >= 0.75 * len(pairs)
    assert len(wrong) <= 0.05 * len(mapped), wrong


def test_shared_export_without_interviews(shared: Path) -> None:
    path = shared / "daylio-obsidian-parser-fixtures" / "daylio_export_ok.csv"
    stats: dict[str, Any] = {}
    log = ra.load(path, taxonomy=False, options={"stats": stats})
    assert len(log) == 0 and log.problems.empty
    stat = stats[str(path)]
    assert (stat["seen"], stat["kept"], stat["entries_seen"]) == (4, 0, 12)


def test_shared_export_all_days(shared: Path) -> None:
    folder = shared / "daylio-obsidian-parser-fixtures"
    options = {"daylio_keywords": [], "moods": _moods_json(shared)}
    log = load_collected(folder / "daylio_export_ok.csv", options=options)
    days = by_day(log)
    # 12 rows on 4 dates; the latest entry of each day sets the feeling:
    # 10-25 rad (11:40 PM) 5, 10-26 captivated (10:00 PM, "good") 4,
    # 10-27 vaguely good (1:49 PM) 4, 10-30 vaguely ok ("neutral") 3
    assert list(days.index) == ["2022-10-25", "2022-10-26", "2022-10-27", "2022-10-30"]
    assert days["feeling"].tolist() == [5, 4, 4, 3]
    # six entries on 10-26, each with its mood, in the order they happened
    assert days.loc["2022-10-26", "extra"]["daylio_mood"] == (
        "lifeless, in awe, blissful, grateful, tired, captivated"
    )
    assert "żodio" in days.loc["2022-10-26", "notes"]
    # the "captivated" row (line 5) has one cell more than the header: reported,
    # and its text kept in the note
    (problem,) = log.problems.itertuples()
    assert problem.line == 5 and "9 cells but the header has 8" in problem.message
    assert "Maecenas dictum augue" in days.loc["2022-10-26", "notes"]


def test_shared_export_unknown_custom_mood_is_reported(shared: Path) -> None:
    path = shared / "daylio-obsidian-parser-fixtures" / "daylio_export_ok.csv"
    log = load_collected(path, options={"daylio_keywords": []})
    feeling = log.problems[log.problems["field"] == "feeling"]
    # "fatigued" (line 4) is in no rule; its day still gets a feeling from the
    # later "vaguely good" entry
    assert feeling["line"].tolist() == [4]
    assert "'fatigued'" in feeling["message"].iat[0]
    assert by_day(log).loc["2022-10-27", "feeling"] == 4


def test_shared_export_with_scales(shared: Path) -> None:
    path = shared / "daylio-obsidian-parser-fixtures" / "daylio_export_ok_scales.csv"
    options = {"daylio_keywords": [], "moods": _moods_json(shared)}
    log = load_collected(path, options=options)
    days = by_day(log)
    # 7 rows on 4 dates; latest entries: 03-30 vaguely bad 2, 03-31 tired 2,
    # 04-02 vaguely ok (13:00) 3, 04-12 helpless (14:03) 2
    assert list(days.index) == ["2026-03-30", "2026-03-31", "2026-04-02", "2026-04-12"]
    assert days["feeling"].tolist() == [2, 2, 3, 2]
    assert log.problems.empty
    assert days.loc["2026-03-30", "notes"] == "Who knows.\n\nAm I [[virtual]]?"
    assert "Sleep Quality: 4/10 points" in days.loc["2026-03-31", "extra"]["daylio_scales"]


def test_shared_export_with_quotes(shared: Path) -> None:
    path = shared / "daylio-obsidian-parser-fixtures" / "daylio_export_escaped_characters.csv"
    log = load_collected(path, options={"daylio_keywords": [], "moods": _moods_json(shared)})
    days = by_day(log)
    assert list(days.index) == ["2022-10-26", "2022-10-27", "2022-10-30"]
    assert days["feeling"].tolist() == [4, 4, 3]  # captivated, vaguely good, vaguely ok
    assert 'Lorem ipsum sit "dolomet" amęt.' in days.loc["2022-10-30", "notes"]
    assert '"quoted activity"' in days.loc["2022-10-30", "extra"]["daylio_activities"]
    assert log.problems["line"].tolist() == [5]  # the row with one cell too many


# -- property: any export written by a CSV writer reads back ------------------

_TEXT = st.text(
    alphabet=st.sampled_from(list("abcdefg XYZ,;\"'|.!?é🎉\n-")), min_size=0, max_size=40
).map(lambda s: " ".join(s.replace("|", " ").split(" ")))
_ROWS = st.lists(
    st.tuples(
        st.dates(min_value=dt.date(2025, 1, 1), max_value=dt.date(2025, 1, 20)),
        st.integers(min_value=0, max_value=23 * 60 + 59),
        st.sampled_from(["rad", "good", "meh", "bad", "awful", "proud", "wobbly"]),
        st.lists(st.sampled_from(["interview", "Job Interview", "running", "café"]), max_size=3),
        _TEXT,
        _TEXT,
    ),
    max_size=12,
)


_HEADER = ["full_date", "date", "weekday", "time", "mood", "activities", "note_title", "note"]


@settings(max_examples=40, deadline=None)
@given(rows=_ROWS)
def test_any_export_round_trips(tmp_path_factory: pytest.TempPathFactory, rows: list) -> None:
    path = tmp_path_factory.mktemp("daylio") / "export.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(_HEADER)
        writer.writerow([])  # a blank line, as spreadsheets sometimes leave
        for day, minutes, mood, activities, title, note in rows:
            clock = f"{minutes // 60:02d}:{minutes % 60:02d}"
            writer.writerow(
                [day.isoformat(), "", "", clock, mood, " | ".join(activities), title, note]
            )
    records, problems = daylio.read(path, "export.csv", ReadContext())
    assert isinstance(records, list)
    about = [r for r in rows if "interview" in " ".join([*r[3], r[4], r[5]]).casefold()]
    assert sorted(r["interview_date"] for r in records) == sorted({r[0].isoformat() for r in about})
    # only unknown moods of interview days are problems
    assert {p.field for p in problems} <= {"feeling"}
    assert len(problems) == sum(1 for r in about if r[2] == "wobbly")
    by_day = {r["interview_date"]: r for r in records}
    for day, _, _, _, title, note in about:
        for part in (title.strip(), note.strip()):
            assert part in (by_day[day.isoformat()]["notes"] or "")
