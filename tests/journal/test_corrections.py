"""Themes set by hand: kept with the journal, learnt from, exported (issue 16 point 4).

Every backend (folder, SQLite, PostgreSQL) through the ``location`` fixture.
"""

from __future__ import annotations

import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from recovery_analytics import load
from recovery_analytics.journal import Journal
from recovery_analytics.journal._corrections import CORRECTIONS_FILE
from recovery_analytics.themes import Taxonomy

TAX = Taxonomy.default()
TIE = "my tie was crooked all through the panel"


@pytest.fixture
def tagged(location: str) -> Iterator[Journal]:
    """A journal tagging with the built-in themes (learning needs a real taxonomy)."""
    j = Journal.open(location)
    yield j
    j.close()


def _themes(journal: Journal, client: str = "me") -> dict[str, list[str]]:
    items = journal.log().items
    items = items[items["client"] == client]
    return dict(zip(items["text"], items["themes"].map(list), strict=True))


def test_a_tag_the_rules_would_not_give_is_kept_and_used(tagged: Journal) -> None:
    rules = TAX.tag([TIE])[0]
    assert rules != ["self_presentation"]  # the premise
    tagged.add(
        {
            "interview_date": "2026-03-04",
            "company": "A",
            "went_wrong": [f"{TIE} #self-presentation"],
        }
    )
    [kept] = tagged.corrections()
    assert (kept.client, kept.text, kept.themes, kept.was) == (
        "me",
        TIE,
        ("self_presentation",),
        tuple(rules),
    )
    later = "my tie was crooked through the whole panel"
    tagged.add({"interview_date": "2026-03-09", "company": "B", "went_wrong": [later]})
    tagged.add(
        {"interview_date": "2026-03-09", "company": "B", "client": "zoe", "went_wrong": [later]}
    )
    assert _themes(tagged)[later] == ["self_presentation"]
    assert _themes(tagged, "zoe")[later] == TAX.tag([later])[0]  # another client's: the rules


def test_a_tag_the_rules_agree_with_is_not_a_correction(tagged: Journal) -> None:
    assert TAX.tag(["rambled about my thesis"]) == [["conciseness"]]
    tagged.add(
        {"interview_date": "2026-03-04", "went_wrong": ["rambled about my thesis #conciseness"]}
    )
    assert tagged.corrections() == []


def test_update_keeps_the_latest_choice(tagged: Journal) -> None:
    eid = tagged.add({"interview_date": "2026-03-04", "went_wrong": [f"{TIE} #nerves"]})
    tagged.update(eid, went_wrong=[f"{TIE} #self_presentation"])
    tagged.update(eid, went_wrong=[f"{TIE} #self_presentation"])  # the same again: nothing new
    assert [c.themes for c in tagged.corrections()] == [("nerves",), ("self_presentation",)]
    tagged.add({"interview_date": "2026-03-05", "went_wrong": [TIE]})
    assert _themes(tagged)[TIE] == ["self_presentation"]


def test_corrections_toml_loads_back(tagged: Journal) -> None:
    tagged.add({"interview_date": "2026-03-04", "went_wrong": [f"{TIE} #self-presentation"]})
    text = tagged.corrections_toml()
    assert TIE in text
    assert Taxonomy.from_toml(text).tag([TIE]) == [["self_presentation"]]


def test_a_journal_without_a_taxonomy_learns_nothing(location: str) -> None:
    with Journal.open(location, taxonomy=False) as j:
        j.add({"interview_date": "2026-03-04", "went_wrong": [f"{TIE} #nerves"]})
        assert j.corrections() == []


@pytest.mark.parametrize("backend", ["folder"], indirect=True)
def test_the_folder_file_is_private_and_not_read_as_entries(tagged: Journal) -> None:
    tagged.add({"interview_date": "2026-03-04", "went_wrong": [f"{TIE} #nerves"]})
    path = Path(tagged.where) / CORRECTIONS_FILE
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert path.name.startswith(".")  # hidden: load() and people leave it alone
    assert len(load(tagged.where).interviews) == 1  # the journal's one entry, nothing else
    assert len(tagged.log().problems) == 0


@pytest.mark.parametrize("backend", ["folder"], indirect=True)
def test_a_damaged_corrections_file_names_its_line(tagged: Journal) -> None:
    tagged.add({"interview_date": "2026-03-04", "went_wrong": [f"{TIE} #nerves"]})
    path = Path(tagged.where) / CORRECTIONS_FILE
    path.write_text(path.read_text() + "{not json\n")
    with pytest.raises(Exception, match=r"theme-corrections\.jsonl:2: not a theme correction"):
        tagged.corrections()


@pytest.mark.parametrize("backend", ["folder"], indirect=True)
def test_a_damaged_corrections_file_takes_no_entry_down(tagged: Journal) -> None:
    tagged.add({"interview_date": "2026-03-04", "went_wrong": [f"{TIE} #nerves"]})
    path = Path(tagged.where) / CORRECTIONS_FILE
    path.write_text(path.read_text() + "{not json\n")
    with pytest.warns(UserWarning, match=r"saved and read as usual.*jsonl:2"):
        second = tagged.add({"interview_date": "2026-03-05", "went_well": ["good questions"]})
    with pytest.warns(UserWarning, match=r"themes you set by hand"):
        log = tagged.log()
    assert second in set(log.interviews.index)
    assert len(log.interviews) == 2


# -- the measure: a coach's 20 corrections on one client's items -------------------------

# Items a client might keep writing, each with the theme a coach would give it. Only the
# ones the rules file elsewhere are used (chosen below from the rules' own answers).
POOL = [
    ("my tie was crooked all through the panel", "self_presentation"),
    ("forgot the name of their main product halfway", "preparation"),
    ("talked over the interviewer twice", "rapport"),
    ("the video call died as soon as I saw them", "logistics"),
    ("got down-levelled to a junior offer", "compensation"),
    ("they said I'm not a fit for what they need", "motivation"),
    ("came off as inexperienced in the intro", "self_presentation"),
    ("couldn't name any of their competitors", "preparation"),
    ("bit long on 1 answer", "conciseness"),
    ("hands were shaking holding the coffee", "nerves"),
    ("whiteboard marker kept dying", "logistics"),
    ("never said what I would bring to the team", "motivation"),
]
OPENERS = ["", "again ", "honestly ", "as usual "]
TAILS = ["", " again", " at round 2", ", not great"]


def _client_items(n: int) -> list[tuple[str, str]]:
    """``n`` items in the order written: the pool's mis-filed phrases, varied."""
    wrong = [(t, theme) for t, theme in POOL if TAX.tag([t])[0][:1] != [theme]]
    assert len(wrong) >= 5, "the pool must hold items the rules file elsewhere"
    out = []
    for i in range(n):
        text, theme = wrong[i % len(wrong)]
        out.append((OPENERS[i % 4] + text + TAILS[(i // 4) % 4], theme))
    return out


def test_twenty_corrections_raise_the_share_tagged_as_the_coach_would(tagged: Journal) -> None:
    items = _client_items(80)
    for i, (text, _) in enumerate(items):
        tagged.add({"interview_date": f"2026-01-{1 + i % 28:02d}", "company": f"C{i}",
                    "went_wrong": [text]})  # fmt: skip
    by_text = {e.went_wrong[0].text: e.entry_id for e in tagged.entries()}

    def share(texts: list[tuple[str, str]]) -> float:
        got = _themes(tagged)
        return sum(got[t][:1] == [theme] for t, theme in texts) / len(texts)

    # the coach reads the items in order and fixes the first 20 the rules got wrong
    fixed, last = 0, 0
    for i, (text, theme) in enumerate(items):
        if fixed == 20:
            break
        if TAX.tag([text])[0][:1] != [theme]:
            tagged.update(by_text[text], went_wrong=[f"{text} #{theme}"])
            fixed, last = fixed + 1, i
    assert fixed == 20
    later = items[last + 1 :]
    assert later
    before = sum(TAX.tag([t])[0][:1] == [theme] for t, theme in later) / len(later)
    after = share(later)
    assert after > before
