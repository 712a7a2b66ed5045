"""EntryForm kept to one client (``only_client=``): the page a client is handed.

A Voila page lets its visitor set any widget to any value and press any
button (docs/voila.md); these tests do exactly that from Python and check
that the server never shows, saves or changes another client's entry.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest

from recovery_analytics.journal import Journal
from recovery_analytics.widgets import EntryForm, check_values
from recovery_analytics.widgets._values import NOT_YOURS, ONLY_CLIENT

DAY = dt.date(2026, 3, 4)


@pytest.fixture
def shared(journal: Journal) -> dict[str, list[str]]:
    """Two clients' entries in one journal: client -> entry ids."""
    ids: dict[str, list[str]] = {"ana": [], "ben": []}
    for i, (client, company) in enumerate(
        [("ana", "Acme"), ("ben", "Borealis"), ("ana", "Cobalt"), ("ben", "Dunmore")]
    ):
        ids[client].append(
            journal.add(
                {
                    "client": client,
                    "interview_date": DAY + dt.timedelta(days=i),
                    "company": company,
                    "went_wrong": [f"{client}'s own words"],
                }
            )
        )
    return ids


@pytest.fixture
def ana_form(journal: Journal, shared: dict[str, list[str]]) -> Iterator[EntryForm]:
    form = EntryForm(journal, only_client="ana")
    yield form
    form.close()


def _listed(form: EntryForm) -> list[str]:
    return [v for _, v in form.edit.options if v]


def test_only_that_clients_entries_are_listed(
    ana_form: EntryForm, shared: dict[str, list[str]]
) -> None:
    assert sorted(_listed(ana_form)) == sorted(shared["ana"])
    assert ana_form.client.value == "ana" and ana_form.client.disabled
    assert list(ana_form.client.options) == ["ana"]
    # the company suggestions would otherwise tell where the other client applied
    assert sorted(ana_form.company.options) == ["Acme", "Cobalt"]


def test_a_new_entry_is_saved_for_that_client(
    journal: Journal, ana_form: EntryForm, shared: dict[str, list[str]]
) -> None:
    ana_form.company.value = "Eastgate"
    ana_form.save.click()
    [new] = [e for e in journal.entries() if e.company == "Eastgate"]
    assert new.client == "ana"
    assert new.entry_id in _listed(ana_form)
    assert ana_form.client.value == "ana"  # still hers after the form is cleared


def test_another_client_name_set_by_the_page_is_refused(
    journal: Journal, ana_form: EntryForm, shared: dict[str, list[str]]
) -> None:
    before = {e.entry_id: e for e in journal.entries()}
    ana_form.client.value = "ben"  # the page can send any value, disabled or not
    ana_form.company.value = "Planted"
    assert ana_form.save.disabled
    assert "for ana only" in ana_form.messages["client"].value
    ana_form.save.click()  # pressed anyway
    assert {e.entry_id: e for e in journal.entries()} == before
    assert "Not saved" in ana_form.status.value


def test_another_clients_entry_cannot_be_opened(
    ana_form: EntryForm, shared: dict[str, list[str]]
) -> None:
    theirs = shared["ben"][0]
    ana_form.load(theirs)
    assert ana_form.editing is None
    assert ana_form.company.value == "" and ana_form.went_wrong.value == ""
    assert NOT_YOURS.split(";")[0] in ana_form.status.value
    assert theirs not in _listed(ana_form)


def test_editing_her_entry_cannot_move_it_to_another_client(
    journal: Journal, ana_form: EntryForm, shared: dict[str, list[str]]
) -> None:
    hers = shared["ana"][0]
    ana_form.edit.value = hers
    assert ana_form.editing == hers and ana_form.company.value == "Acme"
    ana_form.client.value = "ben"
    ana_form.save.click()
    assert journal.get(hers).client == "ana"
    assert [e.company for e in journal.entries("ben")] == ["Borealis", "Dunmore"]
    ana_form.client.value = "ana"
    ana_form.notes.value = "added later"
    ana_form.save.click()
    assert f"Saved {hers}" in ana_form.status.value
    assert journal.get(hers).notes == "added later" and journal.get(hers).client == "ana"


def test_an_entry_moved_to_another_client_meanwhile_is_not_changed(
    journal: Journal, ana_form: EntryForm, shared: dict[str, list[str]]
) -> None:
    hers = shared["ana"][0]
    ana_form.edit.value = hers
    other = Journal.open(journal.where)  # another writer, such as the coach
    try:
        other.update(hers, client="ben")
    finally:
        other.close()
    ana_form.notes.value = "should not land on ben's entry"
    ana_form.save.click()
    assert journal.get(hers).notes is None
    assert ana_form.editing is None and hers not in _listed(ana_form)


def test_other_writers_entries_of_other_clients_are_not_listed(
    journal: Journal, ana_form: EntryForm, shared: dict[str, list[str]]
) -> None:
    theirs = journal.add({"client": "ben", "interview_date": DAY, "company": "Fjord"})
    hers = journal.add({"client": "ana", "interview_date": DAY, "company": "Glen"})
    assert hers in _listed(ana_form) and theirs not in _listed(ana_form)
    assert "Fjord" not in ana_form.company.options


def test_client_and_only_client_must_agree(journal: Journal) -> None:
    with pytest.raises(ValueError, match="disagree"):
        EntryForm(journal, client="ben", only_client="ana")
    with pytest.raises(ValueError, match="only_client"):
        EntryForm(journal, only_client="  ")


def test_check_values_keeps_to_one_client() -> None:
    values: dict[str, Any] = {"client": "ben", "interview_date": DAY, "company": "Acme"}
    entry, problems, _ = check_values(values, only_client="ana")
    assert entry is None and problems["client"] == ONLY_CLIENT.format(client="ana")
    entry, problems, _ = check_values({**values, "client": " ana "}, only_client="ana")
    assert entry is not None and entry.client == "ana" and problems == {}
