"""Other people's names are hidden (issue 14, point 1), measured on the
labelled sets of ``anonymize_sets/``: the share of names hidden and of neutral
sentences changed, on the whole sets and on their held-out part (rows the
rules were not tuned on, see ``anonymize_sets/README.md``). Then the leaks the
issue lists, one by one, the company, role and file-name fields, companies
named in text, and time linear in the length of the text."""

from __future__ import annotations

import re
import time
from typing import Any

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recovery_analytics.reports import anonymize
from recovery_analytics.reports._names import hide_contacts, hide_people

from ..charts._data import entry, make_log
from .anonymize_sets.measure import load_names, load_neutral, measure, split, still_there

#: Thresholds of issue 14: the aim is 98% hidden and at most 5% changed.
AT_LEAST_HIDDEN = 0.95
AT_MOST_CHANGED = 0.08


def anonymize_text(text: str, field: str = "notes") -> str:
    """One text as ``anonymize(log)`` treats it: contacts, then people."""
    texts = hide_contacts(pd.Series([text], dtype="str"))
    return str(hide_people(texts, field=field).iloc[0])


def _figures(result: dict[str, Any]) -> str:
    names = ", ".join(
        f"{cat} {int(v['hidden'])}/{int(v['names'])}" for cat, v in result["names"].items()
    )
    neutral = ", ".join(
        f"{cat} {int(v['changed'])}/{int(v['rows'])}" for cat, v in result["neutral"].items()
    )
    leaks = "; ".join(f"{x['name']!r} in {x['output']!r}" for x in result["leaks"][:15])
    changes = "; ".join(f"{x['text']!r} -> {x['output']!r}" for x in result["changes"][:15])
    return (
        f"\nnames hidden by category: {names}\nneutral changed by category: {neutral}"
        f"\nleaks: {leaks}\nchanges: {changes}"
    )


@pytest.fixture(scope="module", params=["all", "held-out"])
def result(request: pytest.FixtureRequest) -> tuple[str, dict[str, Any]]:
    part = request.param
    names = split(load_names(), part)
    neutral = split(load_neutral(), part)
    return part, measure(anonymize_text, names=names, neutral=neutral)


def test_share_of_names_hidden(result: tuple[str, dict[str, Any]]) -> None:
    part, r = result
    total = r["names"]["total"]
    share = total["hidden"] / total["names"]
    assert share >= AT_LEAST_HIDDEN, f"{part}: {share:.1%} hidden" + _figures(r)


def test_share_of_neutral_sentences_changed(result: tuple[str, dict[str, Any]]) -> None:
    part, r = result
    total = r["neutral"]["total"]
    share = total["changed"] / total["rows"]
    assert share <= AT_MOST_CHANGED, f"{part}: {share:.1%} changed" + _figures(r)


def test_the_held_out_part_is_a_third_of_each_set() -> None:
    for rows in (load_names(), load_neutral()):
        held = len(split(rows, "held-out"))
        assert len(rows) / 3 - 25 <= held <= len(rows) / 3 + 25
        assert held + len(split(rows, "tuning")) == len(rows)


# The leaks issue 14 found, each with the names that must go.
LEAKS = [
    ("Sarah was late", ["Sarah"]),
    ("Tom and I clicked", ["Tom"]),
    ("tom from hr said", ["tom"]),
    ("Reply to AHMED's email", ["AHMED"]),
    ("Interviewer was Li Wei", ["Li", "Wei"]),
    ("Zhang San seemed bored", ["Zhang", "San"]),
    ("Ask recruiter (Fatima)", ["Fatima"]),
    ("Lunch w/ Dave from the London office", ["Dave"]),
    ("Beatriz, who ran the panel, was lovely", ["Beatriz"]),
    ("Ping Gareth Jones on Teams", ["Gareth", "Jones"]),
    ("eleanor.rigby at gmail dot com", ["eleanor", "rigby"]),
    ("emailed j.smith at acme", ["smith"]),
    ("note to Siobhan", ["Siobhan"]),
    ("Call 07700 900123 (Hannah)", ["Hannah", "900123"]),
    ("Final round with Sanne van der Berg", ["Sanne", "van", "der", "Berg"]),
]


@pytest.mark.parametrize(("text", "names"), LEAKS, ids=[t for t, _ in LEAKS])
def test_each_leak_of_the_issue_is_hidden(text: str, names: list[str]) -> None:
    out = anonymize_text(text)
    assert [n for n in names if still_there(n, out)] == [], out


def test_what_is_kept_around_the_names() -> None:
    # the words that are not names stay as they were
    assert anonymize_text("Lunch w/ Dave from the London office") == (
        "Lunch w/ [name] from the London office"
    )
    assert anonymize_text("Ping Gareth Jones on Teams") == "Ping [name] on Teams"
    assert anonymize_text("emailed j.smith at acme") == "emailed [email]"


def _log(**fields: Any) -> Any:
    return make_log([entry("2026-03-02", ["Good rapport"], ["Rambled"], **fields)])


def test_role_and_company_fields_hide_people() -> None:
    log = _log(role="PA to Gemma Collins", company="Sarah Jenkins Interiors")
    shared = anonymize(log)
    role = shared.interviews["role"].iloc[0]
    company = shared.interviews["company"].iloc[0]
    assert [n for n in ("Gemma", "Collins") if still_there(n, role)] == [], role
    assert [n for n in ("Sarah", "Jenkins") if still_there(n, company)] == [], company
    # what is not a person stays
    assert role.startswith("PA to ")
    assert company.endswith(" Interiors")


def test_names_you_give_apply_to_the_company_and_role_fields() -> None:
    log = _log(company="Tom Baker Ltd", role="Tom's deputy", notes="Lunch with Tom Baker")
    shared = anonymize(log, anonymize_names=["Tom"])
    row = shared.interviews.iloc[0]
    for text in (row["company"], row["role"], row["notes"]):
        assert not still_there("Tom", text), text
        assert not still_there("Baker", text), text
    assert row["company"] == "[name] Ltd"


def test_anonymize_companies_hides_their_names_and_short_forms_in_text() -> None:
    log = make_log(
        [
            entry(
                "2026-03-02",
                ["Cloudberry liked the demo"],
                ["Hexaport asked about Northgate"],
                company="Northgate Council",
                notes="Message the recruiter at Northgate Council",
            ),
            entry("2026-03-05", company="Cloudberry Ltd", client="dana"),
            entry("2026-03-06", company="Hexaport", client="dana"),
        ]
    )
    shared = anonymize(log, anonymize_companies=True)
    texts = [*shared.items["text"], *shared.interviews["notes"].dropna()]
    for name in ("Northgate", "Cloudberry", "Hexaport"):
        assert [t for t in texts if still_there(name, t)] == [], name
    # each is replaced by its pseudonym, the same as in the company column
    pseudonym = dict(zip(log.interviews["company"], shared.interviews["company"], strict=True))
    assert shared.interviews["notes"].dropna().tolist() == [
        f"Message the recruiter at {pseudonym['Northgate Council']}"
    ]
    assert f"{pseudonym['Cloudberry Ltd']} liked the demo" in texts


def test_file_names_hide_people() -> None:
    for text, names in [
        ("2026-03-14_priya-sharma_acme.md", ["priya", "sharma"]),
        ("notes_sarah_final.md", ["sarah"]),
        ("TomBaker_interview_notes.txt", ["TomBaker"]),
    ]:
        out = anonymize_text(text, field="file_name")
        assert [n for n in names if still_there(n, out)] == [], out
        assert "acme" in out or "notes" in out


def _cpu_seconds(text: str) -> float:
    series = pd.Series([text], dtype="str")
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        hide_people(hide_contacts(series))
        best = min(best, time.process_time() - start)
    return best


def test_time_grows_linearly_with_the_text() -> None:
    # issue 13: repeated "Sarah, " was quadratic. Four times the text should
    # take about four times as long; quadratic would be sixteen.
    _cpu_seconds("Sarah, " * 10)  # load the word lists first
    small = _cpu_seconds("Sarah, " * (8_000 // 7))
    large = _cpu_seconds("Sarah, " * (32_000 // 7))
    assert large / small < 6, f"8k chars: {small:.4f}s, 32k chars: {large:.4f}s"
    assert anonymize_text("Sarah, " * 3) == "[name], [name], [name], "


@pytest.mark.parametrize(
    "text",
    [
        "Node.js at scale was the topic",
        "We met at 10.30 at the office",
        "Offer at 9.5k at least",
        "Wrote it in Ruby on Rails",
        "Sydney office, 9am",
        "Plan B: Apply To Three More Roles",
        "Mark the date: 2 June",
        "I will send the notes on Monday",
    ],
)
def test_what_only_looks_like_a_name_or_an_address_stays(text: str) -> None:
    assert anonymize_text(text) == text


def test_known_names_stay_for_their_pseudonyms_and_find_false_hides_only_given() -> None:
    texts = pd.Series(["Amara met Sarah at Hexaport", pd.NA], dtype="str")
    got = hide_people(texts, known=["Amara", "Hexaport"])
    assert got.iloc[0] == "Amara met [name] at Hexaport"
    assert got.isna().iloc[1] and got.dtype == texts.dtype
    only_given = hide_people(texts, names=["amara"], find=False)
    assert only_given.iloc[0] == "[name] met Sarah at Hexaport"


def test_names_must_be_strings() -> None:
    with pytest.raises(TypeError, match="`names`"):
        hide_people(pd.Series(["x"]), names=[3])  # type: ignore[list-item]


# --- end to end: the packets a coach shares ------------------------------------------

#: What issue 14 found readable in anonymised packets, planted in every kind of field.
PLANTED_WELL = ["Tom and I clicked", "Beatriz, who ran the panel, was lovely"]
PLANTED_WRONG = ["Sarah was late", "tom from hr said no", "Zhang San seemed bored"]
PLANTED_ACTIONS = [
    "[ ] Reply to AHMED's email",
    "[ ] Ask recruiter (Fatima)",
    "[ ] Ping Gareth Jones on Teams",
    "[ ] Write to eleanor.rigby at gmail dot com",
    "[ ] Message the recruiter at Northgate",
]
PLANTED_NAMES = [
    "Tom", "Beatriz", "Sarah", "Zhang", "AHMED", "Fatima", "Gareth", "Jones", "rigby",
    "Gemma", "Collins", "Li", "Wei", "Northgate",
]  # fmt: skip


def _pdf_text(path: Any) -> str:
    from pypdf import PdfReader

    reader = PdfReader(path)
    meta = " ".join(str(v) for v in (reader.metadata or {}).values())
    return meta + "\n" + "\n".join(page.extract_text() for page in reader.pages)


def _html_text(path: Any) -> str:
    # the words of the page, not its tags ("<li>" is not "Li")
    return re.sub(r"<[^>]*>", " ", path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("suffix", ["html", "pdf"])
def test_anonymised_packets_hold_none_of_the_planted_names(suffix: str, tmp_path: Any) -> None:
    from recovery_analytics.reports import review_packet

    log = make_log(
        [
            entry(
                "2026-03-02",
                PLANTED_WELL,
                PLANTED_WRONG,
                client="priya",
                company="Northgate Council",
                role="PA to Gemma Collins",
                employer_view="Interviewer was Li Wei",
                plan_b=PLANTED_ACTIONS,
                feeling=2,
            )
        ]
    )
    args = {"client": "priya", "today": "2026-04-01"}
    plain = review_packet(log, path=tmp_path / f"p.{suffix}", **args)
    shared = review_packet(
        log, path=tmp_path / f"a.{suffix}", anonymize=True, anonymize_companies=True, **args
    )
    read = _pdf_text if suffix == "pdf" else _html_text
    plain_text, shared_text = read(plain), read(shared)
    # the plain packet shows the planted names, so their absence below means something
    # (the packet shows the open plan B actions, the role and the company)
    shown = [n for n in ("AHMED", "Fatima", "Gareth", "Jones") if still_there(n, plain_text)]
    assert shown == ["AHMED", "Fatima", "Gareth", "Jones"]
    assert [n for n in PLANTED_NAMES if still_there(n, shared_text)] == []


_words = st.sampled_from(
    ["Sarah", "tom", "AHMED", "van", "der", "Berg", "the", "SQL", "with", "Will", "said",
     "J.", "Dr", "'s", "and", "Teams", "at", "dot", "gmail", "Zorblax", "x.y"]
)  # fmt: skip
_gaps = st.sampled_from([" ", ", ", ". ", " / ", "-", "_", "\n", " (", ") ", ": "])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(_words, _gaps), max_size=25), st.sampled_from(["notes", "company"]))
def test_any_text_comes_back_a_string_and_given_names_always_go(
    parts: list[tuple[str, str]], field: str
) -> None:
    text = "".join(w + g for w, g in parts)
    out = hide_people(pd.Series([text], dtype="str"), names=["Zorblax"], field=field).iloc[0]
    assert isinstance(out, str)
    assert not still_there("Zorblax", out)
    # everything not replaced is kept, in order: only whole names are taken out
    at = 0
    for piece in out.split("[name]"):
        found = text.find(piece, at)
        assert found >= 0, (piece, text, out)
        at = found + len(piece)
