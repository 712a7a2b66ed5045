"""Pseudonyms that stay: a key kept beside the data gives every client and company the
same pseudonym in every export, and a one-client export numbers only what it shows."""

from __future__ import annotations

import json
import os
import re
import stat
import string
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recovery_analytics import RecoveryAnalyticsError
from recovery_analytics.cli import main
from recovery_analytics.reports import (
    PseudonymKey,
    Pseudonyms,
    anonymize,
    coach_packet,
    review_packet,
    write_charts,
)

from ..charts._data import entry, make_log

ELEVEN = ["Ana", "Ben", "Cai", "Dev", "Eli", "Fay", "Gus", "Hal", "Ivy", "Jon", "Zed"]


def _log(clients: list[str], companies: dict[str, str] | None = None):
    firms = companies or {}
    return make_log(
        entry(
            f"2026-03-{i + 1:02d}",
            ["Calm answers"],
            ["Rambled"],
            client=name,
            company=firms.get(name, f"Firm of {name}"),
            notes=f"{name} prepared well",
        )
        for i, name in enumerate(clients)
    )


def _letter(i: int) -> str:
    return f"Client {string.ascii_uppercase[i]}"


def _page(log, client: str, path: Path, **options) -> str:
    return review_packet(
        log, client=client, path=path, anonymize=True, today="2026-05-01", **options
    ).read_text()


def test_client_k_stays_client_k_when_a_client_sorting_before_is_added(tmp_path: Path) -> None:
    key = tmp_path / "journal" / ".pseudonyms.json"
    first = anonymize(_log(ELEVEN), pseudonym_key=key)
    k = _letter(sorted(ELEVEN).index("Zed"))  # the 11th name: "Client K"
    assert k == "Client K" and k in first.clients
    more = ["Abe", *ELEVEN]  # sorts before everyone: shifts every letter without a key
    page = _page(_log(more), "zed", tmp_path / "zed.html", pseudonym_key=key)
    assert "Review packet: Client K" in page
    # the same packet without the key follows the sorted order, and has moved on
    shifted = _letter(sorted(more).index("Zed"))
    assert shifted == "Client L"
    assert f"Review packet: {shifted}" in _page(_log(more), "zed", tmp_path / "plain.html")
    # the newcomer takes the next letter never given, in the next export
    again = anonymize(_log(more), pseudonym_key=key)
    assert sorted(again.clients) == sorted(_letter(i) for i in range(len(more)))
    abe = again.interviews.loc[again.interviews["notes"].str.contains("Client L"), "client"]
    assert abe.tolist() == ["Client L"]


def test_companies_keep_their_numbers_across_logs(tmp_path: Path) -> None:
    key = tmp_path / "k.json"
    firms = {"Ana": "Northgate Council", "Ben": "Pebble Bank"}
    before = anonymize(_log(["Ana", "Ben"], firms), anonymize_companies=True, pseudonym_key=key)
    pebble = before.interviews.set_index("client").loc["Client B", "company"]
    assert pebble == "Company 2"  # sorted: Northgate, Pebble
    firms2 = {**firms, "Cai": "Acme Ltd"}  # a company sorting before both
    after = anonymize(
        _log(["Ana", "Ben", "Cai"], firms2), anonymize_companies=True, pseudonym_key=key
    )
    by_client = after.interviews.set_index("client")["company"]
    assert by_client["Client B"] == "Company 2"
    assert by_client["Client A"] == "Company 1"
    assert by_client["Client C"] == "Company 3"  # the newcomer: the next number


@pytest.mark.parametrize("keyed", [False, True])
def test_a_one_client_packet_numbers_only_its_companies(tmp_path: Path, keyed: bool) -> None:
    firms = {"Ana": "Zeta Labs", "Ben": "Alpha Ltd", "Cai": "Beta Ltd"}
    log = _log(["Ana", "Ben", "Cai"], firms)
    options = {"pseudonym_key": tmp_path / "k.json"} if keyed else {}
    page = _page(log, "ana", tmp_path / "a.html", anonymize_companies=True, **options)
    assert "Company 1" in page
    assert "Company 2" not in page and "Company 3" not in page
    assert "Zeta" not in page
    if keyed:  # a fresh key holds only what was shown
        held = json.loads((tmp_path / "k.json").read_text())
        assert held["companies"] == {"zeta labs": "Company 1"}
        assert held["clients"] == {"ana": "Client A"}


def test_another_client_named_in_the_notes_is_hidden(tmp_path: Path) -> None:
    log = make_log(
        [
            entry("2026-03-02", ["Calm"], ["Rambled"], client="Ana", plan_b=["[ ] Mock with Ben"]),
            entry("2026-03-03", ["Calm"], ["Rambled"], client="Ben"),
        ]
    )
    page = _page(log, "ana", tmp_path / "a.html", pseudonym_key=tmp_path / "k.json")
    assert "Ben" not in page and "Client B" not in page
    assert "Mock with [name]" in page


def test_key_is_created_owner_only_and_existing_keys_made_so(tmp_path: Path) -> None:
    key = tmp_path / "deep" / "k.json"
    old = os.umask(0)
    try:
        anonymize(_log(["Ana"]), pseudonym_key=key)
        assert stat.S_IMODE(key.stat().st_mode) == 0o600
        key.chmod(0o644)
        anonymize(_log(["Ana"]), pseudonym_key=key)
    finally:
        os.umask(old)
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert not list(key.parent.glob(".k.json.*.tmp"))  # written atomically: no leftovers


def test_nothing_is_written_until_a_name_is_given(tmp_path: Path) -> None:
    key = tmp_path / "k.json"
    anonymize(_log(["Ana"]), anonymize=False, anonymize_names=["Tom"], pseudonym_key=key)
    assert not key.exists()


@pytest.mark.parametrize(
    ("content", "why"),
    [
        ("{not json", "not valid JSON"),
        ('{"version": 7}', "not a version 1 key"),
        (
            '{"version": 1, "next": {"clients": 2, "companies": 0}, "companies": {},'
            ' "clients": {"ana": "Client A", "ben": "Client A"}}',
            "given to two",
        ),
        (
            '{"version": 1, "next": {"clients": 1, "companies": 0}, "companies": {},'
            ' "clients": {"ana": "Client A", "ben": "Client B"}}',
            "'next' of clients",
        ),
        (
            '{"version": 1, "next": {"clients": 1, "companies": 0}, "companies": {},'
            ' "clients": {"ana": "Person 1"}}',
            "not a pseudonym",
        ),
    ],
)
def test_a_damaged_key_stops_the_export_and_says_how_to_fix_it(
    tmp_path: Path, content: str, why: str
) -> None:
    key = tmp_path / "k.json"
    key.write_text(content)
    with pytest.raises(RecoveryAnalyticsError) as caught:
        review_packet(
            _log(["Ana"]), client="ana", path=tmp_path / "a.html", anonymize=True,
            pseudonym_key=key,
        )  # fmt: skip
    message = str(caught.value)
    assert str(key) in message and why in message
    assert "backup" in message and "renumbered" in message
    assert key.read_text() == content  # never rewritten
    assert not (tmp_path / "a.html").exists()


def test_the_key_is_never_written_into_an_export_folder(tmp_path: Path) -> None:
    out = tmp_path / "charts"
    with pytest.raises(RecoveryAnalyticsError, match="must not be written into the export"):
        write_charts(_log(["Ana"]), folder=out, anonymize=True, pseudonym_key=out / "k.json")
    assert not (out / "k.json").exists()


def test_key_assign_is_stable_and_never_reuses_a_label(tmp_path: Path) -> None:
    key = PseudonymKey(tmp_path / "k.json")
    assert key.assign(clients=["b", "a"]).clients == {"a": "Client A", "b": "Client B"}
    held = json.loads(key.path.read_text())
    del held["clients"]["b"]  # removed by hand: "Client B" is still never given again
    key.path.write_text(json.dumps(held))
    assert key.assign(clients=["c", " A "]).clients == {" A ": "Client A", "c": "Client C"}


def test_coach_packet_with_a_key_uses_its_letters(tmp_path: Path) -> None:
    key = tmp_path / "k.json"
    PseudonymKey(key).assign(clients=["Zed"])  # given first: "Client A"
    page = coach_packet(
        _log(["Ana", "Zed"]), path=tmp_path / "c.html", anonymize=True, pseudonym_key=key,
        today="2026-05-01",
    ).read_text()  # fmt: skip
    assert "Client A" in page and "Client B" in page
    assert json.loads(key.read_text())["clients"] == {"zed": "Client A", "ana": "Client B"}


def test_the_command_keeps_its_key_beside_the_data(capsys, tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    _log(["Ana", "Zed"]).to_jsonl(data / "log.jsonl")
    out = tmp_path / "zed.html"
    args = ["report", str(data), "--client", "zed", "--out", str(out), "--anonymize"]
    assert main(args) == 0
    key = data / ".pseudonyms.json"
    assert json.loads(key.read_text())["clients"] == {"zed": "Client A"}
    assert "Review packet: Client A" in out.read_text()
    chosen = tmp_path / "elsewhere.json"
    assert main([*args, "--pseudonym-key", str(chosen)]) == 0
    assert chosen.exists()
    capsys.readouterr()


NAMES = st.sampled_from(["Ana", "ana lima", "Pebble", "Pebble Bank", "Orchard & Vine", "Ana-Lu"])
WORDS = st.sampled_from(["Ana", "ANA", "Lima", "pebble", "BANK", "&", "Vine", "Orchard", "[name]"])


@given(
    names=st.lists(NAMES, max_size=6, unique=True),
    words=st.lists(WORDS | st.text(alphabet="ab -,.'", max_size=4), max_size=12),
)
def test_word_by_word_replacement_matches_one_big_pattern(names: list[str], words) -> None:
    """The word-by-word lookup finds exactly what one case-insensitive
    alternation of every name (longest first, whole words) finds."""
    text = " ".join(words)
    labels = {name: f"Client {string.ascii_uppercase[i]}" for i, name in enumerate(names)}
    lookup = {n.casefold(): label for n, label in labels.items()}
    expected = text
    if lookup:
        either = "|".join(re.escape(n) for n in sorted(lookup, key=len, reverse=True))
        pattern = re.compile(rf"\[name\]|(?<!\w)(?:{either})(?!\w)", re.IGNORECASE)
        expected = pattern.sub(lambda m: lookup.get(m.group(0).casefold(), m.group(0)), text)
    assert Pseudonyms(labels).text(text) == expected
