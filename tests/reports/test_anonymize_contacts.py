"""Anonymised exports hide other people too: e-mail addresses, phone numbers,
links, handles, and names the text points to ("Sarah from HR"), or that the
user lists. And they leave alone what only looks like them: dates, money,
durations, tech words, the first word of a sentence."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
from pypdf import PdfReader

from recovery_analytics.cli import main
from recovery_analytics.reports import anonymize, coach_packet, review_packet
from recovery_analytics.reports._anonymize import NOT_NAMES
from recovery_analytics.themes import Taxonomy

from ..charts._data import entry, make_log

# Each sentence and what it must become (the client is "Priya", the company "Initech").
REPLACED = {
    # e-mail addresses
    "emailed priya.k@acme.com after": "emailed [email] after",
    "Write to jo+jobs@mail.co.uk.": "Write to [email].",
    # phone numbers: international, national, North American
    "call me on +44 7700 900123": "call me on [phone]",
    "ring +44 (0)20 7946 0958 today": "ring [phone] today",
    "or 0044 20 7946 0958": "or [phone]",
    "mobile 07700 900123 or (020) 7946 0958": "mobile [phone] or [phone]",
    "US office 555-123-4567, +1 (555) 123-4567": "US office [phone], [phone]",
    # links
    "see linkedin.com/in/jdoe for more": "see [link] for more",
    "portal https://jobs.example.com/apply?id=7.": "portal [link].",
    "at www.example.org, then": "at [link], then",
    # handles
    "@jdoe on Twitter": "[handle] on Twitter",
    "DM'd @jane.doe_99 twice": "DM'd [handle] twice",
    # names the words around them point to
    "Sarah from HR was late": "[name] from HR was late",
    "the hiring manager, Tom Baker, asked about notice": "the hiring manager, [name], asked about notice",
    "Good rapport with Tom and Sarah": "Good rapport with [name] and [name]",
    "Interviewed by Jane Doe-Smith": "Interviewed by [name]",
    "Met Dr Patel and Ms J. Khan": "Met Dr [name] and Ms [name]",
    "Sarah's panel was tough": "[name]'s panel was tough",
    "Tom Baker (the hiring manager) was kind": "[name] (the hiring manager) was kind",
    "Tom, the recruiter, said they'd call": "[name], the recruiter, said they'd call",
    "Tom asked me about system design": "[name] asked me about system design",
    "the recruiter Anne-Marie O'Neil called": "the recruiter [name] called",
    "The panel: Zoë, Łukasz and Amy": "The panel: [name], [name] and [name]",
    "Email Sarah to follow up": "Email [name] to follow up",
    "Dear Tom, thank you": "Dear [name], thank you",
    # several kinds in one text
    "Asked Sam (sam@x.io, 07700 900123) for a referral": (
        "Asked [name] ([email], [phone]) for a referral"
    ),
}

# Sentences that must come out exactly as they went in.
UNCHANGED = [
    "Interview on 2026-03-02 went fine",
    "Heard back 02.03.2026 and 2/3/2026, for the 2025-2026 intake",
    "3 rounds, 45 minutes each, 1-2 hours of prep",
    "Salary of £45,000 offered, hoped for $120,000-$130,000 or 45k",
    "Meet at 10:30-11:15, interview @10am",
    "Contract 6-12 months at 500-600 per day, score 7/10",
    "Rambled on the SQL question",
    "Used STAR for the conflict story and talked about AWS",
    "I froze on Monday",
    "Rambled on about Python with the panel",
    "Rambled on and on",
    "Nervous when they asked about the gap",
    "Overall, the interviewer was kind",
    "Feedback from HR was vague",
    "Nothing from the recruiter since Tuesday in March",
    "They asked me about Kubernetes and Docker",
    "Practised with ChatGPT, Excel and PowerPoint",
    "Tell me about yourself went well",
    "From Monday, I'll prepare better. With Python I was fine",
    "Ask For feedback; asked About the role",
    "Version 3.11.2 and a Node.js/React stack",
    "Good rapport with the manager",
    "Clarity and Rapport were better, Nerves and Preparation worse",
    "Interview with Initech and Priya's team went fine",  # the log's own names: see below
]


def _log(texts: list[str], **fields) -> object:
    return make_log(
        [
            entry(
                "2026-03-02",
                [],
                texts,
                client="Priya",
                company="Initech",
                **fields,
            )
        ]
    )


def _shared_texts(texts: list[str], **options) -> list[str]:
    shared = anonymize(_log(texts), anonymize=False, **options)
    return shared.items["text"].tolist()


def test_each_kind_of_identifier_is_replaced() -> None:
    got = dict(zip(REPLACED, _shared_texts(list(REPLACED)), strict=True))
    wrong = {text: got[text] for text, want in REPLACED.items() if got[text] != want}
    assert wrong == {}


def test_what_only_looks_like_an_identifier_is_left_alone() -> None:
    got = _shared_texts(UNCHANGED)
    assert [(a, b) for a, b in zip(UNCHANGED, got, strict=True) if a != b] == []


def test_the_logs_own_names_get_pseudonyms_not_name_placeholders() -> None:
    shared = anonymize(
        _log(["Interview with Initech and Priya went fine", "asked Priya's team"]),
        anonymize_companies=True,
    )
    assert shared.items["text"].tolist() == [
        "Interview with Company 1 and Client A went fine",
        "asked Client A's team",
    ]


def test_theme_words_are_never_names() -> None:
    # the 14 built-in themes, written as words ("follow_up" -> "follow", "up")
    words = {w for theme in Taxonomy.default().describe()["theme"] for w in theme.split("_")}
    assert len(Taxonomy.default().describe()) == 14
    assert words <= NOT_NAMES
    texts = [f"Rambled with {w.title()} today" for w in sorted(words)]
    assert _shared_texts(texts) == texts


def test_contacts_false_keeps_contact_details() -> None:
    texts = ["emailed jo@acme.com", "Sarah from HR was late", "call 07700 900123"]
    assert _shared_texts(texts, contacts=False) == texts


def test_names_you_give_are_replaced_whole_word_ignoring_case() -> None:
    texts = [
        "tom BAKER and Tom  Baker were there",
        "Tomatoes are not Tom",  # whole words only
        "Asked about Keira's notes",  # no cue: only the list finds it
    ]
    got = _shared_texts(texts, anonymize_names=["Tom Baker", "tom", "Keira", " "])
    assert got == [
        "[name] and [name] were there",
        "Tomatoes are not [name]",
        "Asked about [name]'s notes",
    ]
    # on their own too, and a single string is one name, not its letters
    assert _shared_texts(["Keira and Ed"], contacts=False, anonymize_names="Keira") == [
        "[name] and Ed"
    ]


def test_names_must_be_strings() -> None:
    with pytest.raises(TypeError, match=r"`anonymize_names` must be a list of names.*holds 42"):
        anonymize(_log(["a"]), anonymize_names=["Tom", 42])  # type: ignore[list-item]


def test_lists_of_text_are_covered_and_keep_their_type() -> None:
    log = _log(
        ["Nervous with Tom #nerves"],
        questions_to_ask=["Ask Sarah about jo@acme.com", "What next?"],
        plan_b=["[ ] Email Sarah at sarah@acme.com"],
        notes="Tom's feedback: call 07700 900123",
        employer_view="They liked @jdoe",
        role="Analyst, manager Sam Lee",
    )
    shared = anonymize(log)
    row = shared.interviews.iloc[0]
    assert row["questions_to_ask"] == ["Ask [name] about [email]", "What next?"]
    assert row["notes"] == "[name]'s feedback: call [phone]"
    assert row["employer_view"] == "They liked [handle]"
    assert row["role"] == "Analyst, manager [name]"
    assert shared.actions["text"].tolist() == ["Email [name] at [email]"]
    assert shared.items["text"].tolist() == ["Nervous with [name] #nerves"]
    assert isinstance(shared.items["tags"].iloc[0], type(log.items["tags"].iloc[0]))
    assert shared.clients == ["Client A"]


def test_the_input_log_is_not_changed_and_twice_is_like_once() -> None:
    log = _log(list(REPLACED), notes="Sarah from HR, sarah@acme.com")
    before = [f.copy() for f in (log.interviews, log.items, log.actions)]
    once = anonymize(log, anonymize_names=["Sarah"])
    for old, frame in zip(before, (log.interviews, log.items, log.actions), strict=True):
        pd.testing.assert_frame_equal(old, frame)
    twice = anonymize(once, anonymize_names=["Sarah"])
    assert twice.items["text"].tolist() == once.items["text"].tolist()
    assert twice.interviews["notes"].tolist() == ["[name] from HR, [email]"]


def test_a_client_called_like_a_placeholder_keeps_the_placeholders() -> None:
    log = make_log(
        [{**entry("2026-03-02", [], ["Sarah from HR; Name was calm"]), "client": "Name"}]
    )
    assert anonymize(log).items["text"].tolist() == ["[name] from HR; Client A was calm"]


# --- end to end: the packets a coach shares ------------------------------------------

PLANTED = ["Sarah", "Tom Baker", "Keira", "priya.k@acme.com", "7700 900123", "jdoe"]


@pytest.fixture(scope="module")
def planted():
    return make_log(
        [
            entry(
                "2026-03-02",
                ["Good rapport with Sarah from HR"],
                ["Nervous when the hiring manager, Tom Baker, asked about SQL"],
                client="priya",
                company="Initech",
                plan_b=[
                    "[ ] Email priya.k@acme.com the portfolio",
                    "[ ] Call Keira on +44 7700 900123",
                ],
                feeling=2,
            ),
            entry(
                "2026-03-20",
                ["Clear stories, see linkedin.com/in/jdoe"],
                ["Nervous again, Tom Baker (the hiring manager) was there"],
                client="priya",
                company="Initech",
                plan_b=["[ ] Message @jdoe about Keira's team"],
                feeling=3,
            ),
        ]
    )


def _leaks(text: str) -> list[str]:
    return [n for n in PLANTED if re.search(re.escape(n), text, re.IGNORECASE)]


def _pdf_text(path: Path) -> str:
    reader = PdfReader(path)
    meta = " ".join(str(v) for v in (reader.metadata or {}).values())
    return meta + "\n" + "\n".join(page.extract_text() for page in reader.pages)


def test_review_packet_pdf_holds_no_planted_identifier(planted, tmp_path: Path) -> None:
    # without anonymising, what was planted is there to be found
    plain = _pdf_text(review_packet(planted, client="priya", path=tmp_path / "p.pdf"))
    assert set(_leaks(plain)) >= {"Keira", "priya.k@acme.com", "7700 900123", "jdoe"}
    # anonymised, the packet has none of it (Keira has no cue: she is listed by name)
    # NOTE: review_packet does not take ``names`` - the CLI's --name covers that
    shared = anonymize(planted, anonymize=False, anonymize_names=["Keira"])
    text = _pdf_text(
        review_packet(
            shared, client="priya", path=tmp_path / "a.pdf", anonymize=True, today="2026-04-01"
        )
    )
    assert _leaks(text) == []
    assert "[email]" in text and "[phone]" in text


def test_review_packet_html_hides_contacts_with_anonymize_alone(planted, tmp_path: Path) -> None:
    args = {"client": "priya", "today": "2026-04-01"}
    plain = review_packet(planted, path=tmp_path / "p.html", **args).read_text()
    assert set(_leaks(plain)) >= {"priya.k@acme.com", "7700 900123", "jdoe"}
    page = review_packet(planted, path=tmp_path / "a.html", anonymize=True, **args).read_text()
    # Keira is written with no cue (only --name / anonymize_names= finds her): not checked here
    assert [n for n in _leaks(page) if n != "Keira"] == []
    assert "[email]" in page and "[phone]" in page and "[handle]" in page


def test_coach_packet_pdf_has_no_planted_identifier(planted, tmp_path: Path) -> None:
    shared = anonymize(planted, anonymize=False, anonymize_names=["Keira"])
    out = coach_packet(shared, path=tmp_path / "coach.pdf", anonymize=True, today="2026-04-01")
    assert _leaks(_pdf_text(out)) == []


def test_cli_report_name_option(capsys, planted, tmp_path: Path) -> None:
    path = planted.to_jsonl(tmp_path / "log.jsonl")
    out = tmp_path / "priya.html"
    args = ["report", str(path), "--out", str(out), "--today", "2026-04-01"]
    assert main([*args, "--anonymize", "--name", "Keira", "--name", "tom baker"]) == 0
    page = out.read_text()
    assert _leaks(page) == [] and "Client A" in page
    printed = capsys.readouterr().out
    assert "Review packet for priya (names replaced by pseudonyms)" in printed
    assert "please read it through before you share it" in printed
    # --name on its own hides the listed names and contact details, keeps the client
    assert main([*args, "--name", "Keira"]) == 0
    page = out.read_text()
    assert _leaks(page) == [] and "priya" in page


def test_packets_take_the_names_to_hide(tmp_path: Path) -> None:
    from recovery_analytics import ReflectionLog
    from recovery_analytics.analytics._examples import example_log

    log = example_log()
    items = log.items.copy()
    items["text"] = items["text"] + " - Zorblax"  # no cue: only anonymize_names= can find it
    log = ReflectionLog(log.interviews, items, log.actions, log.problems)
    plain = review_packet(log, client="ana", path=tmp_path / "plain.html", today="2026-04-01")
    hidden = review_packet(
        log,
        client="ana",
        path=tmp_path / "hidden.html",
        anonymize_names=["zorblax"],
        today="2026-04-01",
    )
    assert "Zorblax" in plain.read_text()
    assert "Zorblax" not in hidden.read_text() and "[name]" in hidden.read_text()
    assert "ana" in hidden.read_text()  # anonymize_names= alone keeps the client's name
    one = review_packet(  # one name as a plain string, not as its letters
        log, client="ana", path=tmp_path / "one.html", anonymize_names="Zorblax", today="2026-04-01"
    )
    assert "Zorblax" not in one.read_text() and "[name]" in one.read_text()
