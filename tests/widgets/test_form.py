"""EntryForm in plain pytest: set values, click Save, read the journal back.

Without a kernel the debounced validation runs at once, so ``save.disabled``
and the messages are current right after a value is set.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Iterator
from typing import Any

import ipywidgets as widgets
import pytest
from traitlets import TraitError

from recovery_analytics.journal import Journal
from recovery_analytics.model import FIELDS, STEPS, fields_where, parse_action
from recovery_analytics.themes import Taxonomy
from recovery_analytics.widgets import EntryForm, check_values, entry_mapping
from recovery_analytics.widgets._settle import SETTLE, SETTLE_LIMIT
from recovery_analytics.widgets._values import NO_CLIENT, NOTHING_YET, theme_preview

from ._fake_loop import FakeLoop

DAY = dt.date(2026, 3, 4)


@pytest.fixture
def make_form() -> Iterator[Any]:
    made: list[EntryForm] = []

    def make(journal: Journal, **kwargs: Any) -> EntryForm:
        form = EntryForm(journal, **kwargs)
        made.append(form)
        return form

    yield make
    for form in made:
        form.close()


def fill(form: EntryForm) -> None:
    form.date.value = DAY
    form.company.value = "Acme"
    form.role.value = "Data Analyst"
    form.stage.value = "technical"
    form.format.value = "video"
    form.feeling.value = 2
    form.went_well.value = "Good STAR story about the migration\n\n  kept calm #nerves "
    form.went_wrong.value = "Rambled on tell me about yourself\nran out of time on the SQL question"
    form.connection.value = 4
    form.employer_view.value = "Probably solid but long-winded"
    form.plan_b.value = "Apply to two more roles\n[x] Email the recruiter"
    form.follow_up_requested.value = True
    form.follow_up_date.value = dt.date(2026, 3, 6)
    form.follow_up_response.value = "pending"
    form.questions.value = "What does a typical week look like?"
    form.outcome.value = "waiting to hear"
    form.notes.value = "Second round next week maybe"


# -- saving ----------------------------------------------------------------------------------


def test_save_writes_every_field_and_clears_the_form(journal: Journal, make_form: Any) -> None:
    form = make_form(journal)
    assert form.client.value == "me"  # a job seeker's default
    fill(form)
    assert not form.save.disabled, form.hint.value
    form.save.click()

    [entry] = journal.entries()
    assert form.status.value.count(f"Saved {entry.entry_id}") == 1
    assert (entry.client, entry.interview_date, entry.company, entry.role) == (
        "me",
        DAY,
        "Acme",
        "Data Analyst",
    )
    assert (entry.stage, entry.format, entry.feeling, entry.connection) == (
        "technical",
        "video",
        2,
        4,
    )
    # one item per non-empty line, trimmed; inline tags kept
    assert [i.text for i in entry.went_well] == [
        "Good STAR story about the migration",
        "kept calm #nerves",
    ]
    assert entry.went_well[1].tags == ("nerves",)
    assert [i.text for i in entry.went_wrong] == [
        "Rambled on tell me about yourself",
        "ran out of time on the SQL question",
    ]
    assert entry.employer_view == "Probably solid but long-winded"
    assert [(a.text, a.done) for a in entry.plan_b] == [
        ("Apply to two more roles", False),
        ("Email the recruiter", True),
    ]
    assert entry.follow_up_requested is True
    assert entry.follow_up_date == dt.date(2026, 3, 6)
    assert entry.follow_up_response == "pending"
    assert list(entry.questions_to_ask) == ["What does a typical week look like?"]
    assert entry.outcome == "pending"  # "waiting to hear" is the plain label of pending
    assert entry.notes == "Second round next week maybe"
    assert entry.reflected_on == dt.date.today()

    # themes as the journal's log gives them (built-in taxonomy)
    items = journal.log().items
    themes = dict(zip(items["text"], items["theme"], strict=True))
    assert themes["kept calm #nerves"] == "nerves"  # explicit tag wins
    assert themes["Rambled on tell me about yourself"] == "conciseness"
    assert themes["ran out of time on the SQL question"] == "time_management"

    # cleared: content gone, client kept, Save waits for something new
    assert form.company.value == "" and form.went_wrong.value == ""
    assert form.feeling.value is None and form.outcome.value == ""
    assert form.date.value == dt.date.today()
    assert form.client.value == "me"
    # blank choices stay selected (a Dropdown at value None would show an empty box)
    assert form.stage.label == form.format.label == form.follow_up_response.label == "\u2014"
    assert form.save.disabled
    assert form.edit.value == "" and form.edit.label == "New reflection"
    # the new entry can be chosen for editing, and its company is offered next time
    assert entry.entry_id in [v for _, v in form.edit.options]
    assert "Acme" in form.company.options


def test_preview_shows_the_theme_each_line_gets(folder_journal: Journal, make_form: Any) -> None:
    form = make_form(folder_journal)
    form.went_wrong.value = "rambled about my thesis\n- the office was nice"
    shown = form.previews["went_wrong"].value
    assert "rambled about my thesis" in shown and "<b>conciseness</b>" in shown
    assert "the office was nice \u2192 <i>no theme yet</i>" in shown  # "other" said kindly
    assert form.previews["went_well"].value == ""
    form.went_wrong.value = ""
    assert form.previews["went_wrong"].value == ""


def test_preview_agrees_with_the_saved_themes(journal: Journal, make_form: Any) -> None:
    lines = [
        "Forgot the result in my STAR answer",
        "Voice was shaky at the start",
        "Had researched the company properly",
        "the office had a nice view",
    ]
    previews = theme_preview("\n".join(lines), Taxonomy.default())
    form = make_form(journal)
    form.company.value = "Acme"
    form.went_wrong.value = "\n".join(lines)
    form.save.click()
    items = journal.log().items
    saved = {t: list(th) for t, th in zip(items["text"], items["themes"], strict=True)}
    assert {p.text: list(p.themes) for p in previews} == saved


# -- refusing -----------------------------------------------------------------------------------


def test_fresh_form_cannot_be_saved_yet(folder_journal: Journal, make_form: Any) -> None:
    form = make_form(folder_journal)
    assert form.save.disabled
    assert NOTHING_YET in form.hint.value.replace("&#x27;", "'")
    assert all(m.value == "" for m in form.messages.values())  # no scolding on a fresh form
    form.save.click()  # a browser may click a disabled button anyway
    assert len(folder_journal) == 0
    assert "Not saved yet" in form.status.value


def test_feeling_out_of_range_is_refused_in_python(folder_journal: Journal, make_form: Any) -> None:
    form = make_form(folder_journal)
    form.company.value = "Acme"
    form.feeling.value = 3
    with pytest.raises(TraitError):
        form.feeling.value = 9  # the widget checks in Python too
    with pytest.raises(TraitError):
        form.feeling.set_state({"index": 7})  # what a tampering browser would send
    assert form.feeling.value == 3 and not form.save.disabled

    # the values behind the form are checked by the model: 9 is not 1-5
    values = form.values() | {"feeling": 9}
    entry, problems, _ = check_values(values)
    assert entry is None
    assert problems["feeling"].startswith("'9' must be a whole number from 1 to 5")


def test_blank_client_keeps_save_disabled_with_a_message(
    folder_journal: Journal, make_form: Any
) -> None:
    form = make_form(folder_journal)
    form.company.value = "Acme"
    assert not form.save.disabled
    form.client.value = "   "
    assert form.save.disabled
    assert "Who is this reflection for?" in form.messages["client"].value
    # the model itself would quietly file it under "me": the form asks instead
    assert entry_mapping({"client": "   "})["client"] is None
    assert check_values({"client": "  ", "interview_date": DAY, "company": "A"})[1] == {
        "client": NO_CLIENT
    }
    form.save.disabled = False  # a browser can send a click regardless
    form.save.click()
    assert len(folder_journal) == 0
    assert "Not saved yet" in form.status.value


def test_combobox_value_outside_its_options_is_checked_in_python(
    folder_journal: Journal, make_form: Any
) -> None:
    form = make_form(folder_journal)
    form.company.value = "Acme"
    assert form.outcome.ensure_option  # enforced only in the browser
    form.outcome.value = "lunch"
    assert form.outcome.value == "lunch"  # ipywidgets does not refuse it
    assert form.save.disabled
    message = form.messages["outcome"].value
    assert "lunch" in message and "not one of the choices" in message
    form.outcome.value = "next round"  # a synonym the model knows is fine
    assert not form.save.disabled and form.messages["outcome"].value == ""
    # a new client or company (not in the options) is allowed
    form.client.value = "Ana"
    form.company.value = "Brand New Ltd"
    assert not form.save.disabled
    form.save.click()
    [entry] = folder_journal.entries()
    assert (entry.client, entry.company, entry.outcome) == ("Ana", "Brand New Ltd", "next_round")


def test_missing_date_is_named_next_to_the_date(folder_journal: Journal, make_form: Any) -> None:
    form = make_form(folder_journal)
    form.company.value = "Acme"
    form.date.value = None
    assert form.save.disabled
    assert "date of the interview" in form.messages["interview_date"].value
    with pytest.raises(AttributeError):  # DatePicker refuses strings outright
        form.date.value = "2026-03-04"


def test_future_date_is_allowed_with_a_gentle_note(folder_journal: Journal, make_form: Any) -> None:
    # The model accepts any date; a future one is often a typo, so the form says so
    # without blocking (a coach may note an interview ahead of time).
    form = make_form(folder_journal)
    form.company.value = "Acme"
    form.date.value = dt.date.today() + dt.timedelta(days=30)
    assert not form.save.disabled
    assert "in the future" in form.messages["interview_date"].value
    form.save.click()
    assert len(folder_journal) == 1


def test_duplicate_interview_is_explained(folder_journal: Journal, make_form: Any) -> None:
    folder_journal.add({"interview_date": DAY, "company": "Acme"})
    form = make_form(folder_journal)
    form.date.value = DAY
    form.company.value = "Acme"
    form.went_well.value = "calm"
    form.save.click()
    assert len(folder_journal) == 1
    assert "already have a reflection for this interview" in form.status.value
    assert form.went_well.value == "calm"  # nothing lost


# -- editing -------------------------------------------------------------------------------------


def test_editing_an_entry_updates_it(journal: Journal, make_form: Any) -> None:
    eid = journal.add(
        {
            "client": "ana",
            "interview_date": DAY,
            "company": "Acme",
            "feeling": 2,
            # a tag that is not written in the text must survive the round trip
            "went_wrong": [{"text": "Blanked on the second question", "tags": ["nerves"]}],
            "plan_b": [{"text": "Email the recruiter", "done": True}],
            "self_score": 6,  # not on the form: kept
        }
    )
    form = make_form(journal)
    assert form.client.value == ""  # a coach's journal: no default client
    labels = dict((v, k) for k, v in form.edit.options)
    assert labels[eid] == "2026-03-04 \u2014 Acme \u2014 ana"
    form.edit.value = eid
    assert form.editing == eid
    assert form.company.value == "Acme" and form.client.value == "ana"
    assert form.feeling.value == 2
    # the folder backend writes such a tag into the text ("... #nerves"); SQLite keeps it apart
    assert form.went_wrong.value.startswith("Blanked on the second question")
    assert form.plan_b.value == "[x] Email the recruiter"
    assert "Editing" in form.status.value

    form.outcome.value = "not this time"
    form.went_well.value = "Asked good questions"
    form.save.click()
    assert f"Saved {eid}" in form.status.value
    assert len(journal) == 1
    entry = journal.get(eid)
    assert entry.outcome == "rejected"
    assert [i.text for i in entry.went_well] == ["Asked good questions"]
    assert entry.went_wrong[0].tags == ("nerves",)
    assert entry.plan_b[0].done and entry.self_score == 6
    assert form.editing is None and form.company.value == ""


def test_choosing_new_reflection_clears(folder_journal: Journal, make_form: Any) -> None:
    eid = folder_journal.add({"interview_date": DAY, "company": "Acme"})
    form = make_form(folder_journal)
    form.edit.value = eid
    form.edit.value = ""  # "New reflection"
    assert form.editing is None and form.company.value == ""


def test_entry_removed_while_editing_keeps_the_text(
    folder_journal: Journal, make_form: Any
) -> None:
    eid = folder_journal.add({"interview_date": DAY, "company": "Acme"})
    form = make_form(folder_journal)
    form.edit.value = eid
    form.notes.value = "my careful notes"
    other = Journal.open(folder_journal.where)  # another process, say
    other.delete(eid)
    form.save.click()
    assert "no longer in the journal" in form.status.value
    assert form.notes.value == "my careful notes" and form.editing is None
    form.save.click()  # saved as a new reflection
    assert [e.notes for e in folder_journal.entries()] == ["my careful notes"]


def test_changes_from_elsewhere_reach_the_edit_list(journal: Journal, make_form: Any) -> None:
    form = make_form(journal)
    eid = journal.add({"interview_date": DAY, "company": "Zeta", "client": "bo"})
    assert eid in [v for _, v in form.edit.options]
    assert "Zeta" in form.company.options and "bo" in form.client.options
    journal.delete(eid)
    assert eid not in [v for _, v in form.edit.options]


# -- failures ---------------------------------------------------------------------------------


def test_failing_journal_shows_a_message_not_a_traceback(
    journal: Journal, make_form: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    form = make_form(journal)
    fill(form)

    def broken(entry: object) -> str:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(journal, "add", broken)
    form.save.click()  # must not raise
    status = form.status.value
    assert "Could not save" in status and "No space left on device" in status
    assert "your text is still in the form" in status
    assert form.company.value == "Acme"  # nothing cleared
    assert "Rambled" not in status  # personal text is not repeated in the message


def test_journal_folder_that_cannot_be_written(tmp_path: Any, make_form: Any) -> None:
    # A real failure from the file system, even for root (CI runs as root, and
    # root may write into a read-only folder): the journal's folder has been
    # replaced by a file, so nothing can be created inside it.
    import shutil

    folder = tmp_path / "journal"
    journal = Journal.open(folder)
    form = make_form(journal)
    form.company.value = "Acme"
    shutil.rmtree(folder)
    folder.write_text("not a folder any more\n")
    form.save.click()  # must not raise
    assert "Could not save" in form.status.value
    assert "your text is still in the form" in form.status.value
    assert form.company.value == "Acme"
    assert folder.read_text() == "not a folder any more\n"


def test_unexpected_error_is_shown(
    folder_journal: Journal, make_form: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    form = make_form(folder_journal)
    form.company.value = "Acme"

    def broken(entry: object) -> str:
        raise RuntimeError("database went away")

    monkeypatch.setattr(folder_journal, "add", broken)
    form.save.click()
    assert "Something unexpected went wrong" in form.status.value
    assert "RuntimeError" in form.status.value


# -- structure ----------------------------------------------------------------------------------


def test_every_input_has_its_css_class(folder_journal: Journal, make_form: Any) -> None:
    form = make_form(folder_journal)
    for name in fields_where(in_form=True):
        widget = form.inputs[name]
        assert FIELDS[name].css_class in widget._dom_classes, name
        assert name in form.messages
    for attr, css in [("save", "ra-save"), ("status", "ra-status"), ("edit", "ra-edit")]:
        assert css in getattr(form, attr)._dom_classes
    assert "ra-form" in form.widget._dom_classes
    classes = {c for m in form.messages.values() for c in m._dom_classes}
    assert {"ra-message", "ra-message-feeling", "ra-message-went-well"} <= classes


def _sample(name: str, n: int) -> Any:
    """A value for field ``name`` of its kind, unlike the form's empty value."""
    spec = FIELDS[name]
    by_kind: dict[str, Any] = {
        "date": DAY - dt.timedelta(days=n),
        "enum": spec.values[-1] if spec.values else None,
        "rating": spec.high,
        "bool": True,
        "items": [f"first {name} #tag{n}", f"second {name}"],
        "actions": [f"[x] done {name}", f"open {name}"],
        "list": [f"first {name}?", f"second {name}?"],
    }
    return by_kind.get(spec.kind, f"some {name}")


def _plain(name: str, value: Any) -> Any:
    kind = FIELDS[name].kind
    if kind == "items":
        return [i if isinstance(i, str) else i.text for i in value]
    if kind == "actions":
        actions = [parse_action(a) if isinstance(a, str) else a for a in value]
        return [(a.text, a.done) for a in actions]
    if kind == "list":
        return list(value)
    return value


def test_every_field_with_a_widget_is_on_the_form_and_round_trips(
    folder_journal: Journal, make_form: Any
) -> None:
    # The form is built from the field specification: a field given a widget
    # there gets an input with its CSS class, and its value goes entry ->
    # form -> entry unchanged, with no other change to the form.
    names = fields_where(in_form=True)
    written = {name: _sample(name, n) for n, name in enumerate(names)}
    eid = folder_journal.add(written)
    form = make_form(folder_journal)
    for name in names:
        assert FIELDS[name].css_class in form.inputs[name]._dom_classes, name
        assert name in form.messages
    form.load(eid)
    entry, problems, _ = form.check()
    assert problems == {} and entry is not None, problems
    for name in names:
        assert _plain(name, getattr(entry, name)) == _plain(name, written[name]), name


def test_inputs_follow_the_spec(folder_journal: Journal, make_form: Any) -> None:
    form = make_form(folder_journal)
    # attribute names: the field's name, and two short ones
    assert form.date is form.inputs["interview_date"]
    assert form.questions is form.inputs["questions_to_ask"]
    assert form.went_well is form.inputs["went_well"]
    with pytest.raises(AttributeError):
        form.no_such_field  # noqa: B018
    # choices and their plain words come from the model
    outcome = FIELDS["outcome"]
    assert list(form.outcome.options) == [c.label for c in outcome.choices]
    assert "withdrew" in form.outcome.options
    assert [v for _, v in form.stage.options] == ["", *FIELDS["stage"].values]
    assert form.feeling.tooltips == tuple(c.label for c in FIELDS["feeling"].choices)
    assert form.role.placeholder == FIELDS["role"].placeholder
    captions = {
        c.value
        for box in form.widget.children
        if isinstance(box, widgets.HBox)
        for c in box.children
        if isinstance(c, widgets.Label)
    }
    assert {FIELDS[n].question for n in fields_where(in_form=True)} <= captions
    headings = " ".join(c.value for c in form.widget.children if isinstance(c, widgets.HTML))
    assert all(step.title in headings for step in STEPS)


def test_form_displays_as_its_box(folder_journal: Journal, make_form: Any) -> None:
    form = make_form(folder_journal)
    bundle = form._repr_mimebundle_()
    assert bundle["application/vnd.jupyter.widget-view+json"]["model_id"] == form.widget.model_id


def test_close_closes_every_widget_and_stops_listening(tmp_path: Any) -> None:
    from ipywidgets.widgets.widget import _instances

    journal = Journal.open(tmp_path / "j")
    before = len(_instances)
    form = EntryForm(journal)
    assert len(_instances) > before
    form.close()
    assert len(_instances) == before
    journal.add({"interview_date": DAY, "company": "Acme"})  # no callback left to fail
    assert journal._callbacks == []


def test_needs_a_journal() -> None:
    with pytest.raises(TypeError, match="EntryForm needs a Journal"):
        EntryForm("journal/")  # type: ignore[arg-type]


def test_browser_keystrokes_are_gathered_in_a_kernel_like_loop(
    folder_journal: Journal, make_form: Any
) -> None:
    loop = FakeLoop()
    form = make_form(folder_journal, clock=loop.time, loop=loop)
    # set_state is how ipywidgets applies what a browser sent
    form.company.set_state({"value": "A"})
    assert not form.save.disabled  # the first change is checked at once
    for text in ("Ac", "Acm", "Acme"):
        form.company.set_state({"value": text})
    form.client.set_state({"value": "  "})
    loop.advance(0.2)
    assert not form.save.disabled  # not checked yet: gathered
    loop.advance(0.1)
    assert form.save.disabled  # checked once the typing paused
    assert "Who is this reflection for?" in form.messages["client"].value


def test_previews_use_the_journals_own_taxonomy(tmp_path: Any, make_form: Any) -> None:
    from recovery_analytics import Taxonomy

    visa = Taxonomy.from_toml('[themes.visa]\nwords = ["visa*"]', source="mine.toml")
    journal = Journal.open(tmp_path / "journal", taxonomy=visa)
    assert journal.taxonomy is visa
    form = make_form(journal)
    assert form.taxonomy is visa
    form.went_wrong.value = "Asked about a visa too late"
    assert "<b>" in form.previews["went_wrong"].value
    assert "visa" in form.previews["went_wrong"].value.lower().split("\u2192")[1]


def _browser_click(button: Any) -> None:
    """What ipywidgets does when the browser sends a click."""
    button._handle_button_msg(None, {"event": "click"}, [])


def test_browser_save_waits_for_values_still_on_their_way(
    folder_journal: Journal, make_form: Any
) -> None:
    # The browser sent the plan B line before the click, but the kernel
    # handled the click first (it may: see widgets/_settle.py). The save must still
    # include the line.
    loop = FakeLoop()
    form = make_form(folder_journal, clock=loop.time, loop=loop)
    form.company.set_state({"value": "Acme"})
    form.went_wrong.set_state({"value": "Rambled"})
    loop.advance(1.0)
    _browser_click(form.save)
    assert "Saving" in form.status.value and folder_journal.entries() == []
    loop.advance(SETTLE - 0.1)
    form.plan_b.set_state({"value": "Practise a two-minute answer"})  # arrives late
    loop.advance(SETTLE - 0.05)
    assert folder_journal.entries() == []  # still waiting: the browser was not quiet
    loop.advance(0.1)
    [entry] = folder_journal.entries()
    assert [a.text for a in entry.plan_b] == ["Practise a two-minute answer"]
    assert [i.text for i in entry.went_wrong] == ["Rambled"]
    assert "Saved" in form.status.value


def test_second_browser_click_while_saving_saves_once(
    folder_journal: Journal, make_form: Any
) -> None:
    loop = FakeLoop()
    form = make_form(folder_journal, clock=loop.time, loop=loop)
    form.company.set_state({"value": "Acme"})
    loop.advance(1.0)
    _browser_click(form.save)
    _browser_click(form.save)  # an impatient second click
    loop.advance(SETTLE_LIMIT)
    assert len(folder_journal.entries()) == 1
    assert "Saved" in form.status.value


def test_closing_the_form_keeps_a_clicked_save(folder_journal: Journal, make_form: Any) -> None:
    loop = FakeLoop()
    form = make_form(folder_journal, clock=loop.time, loop=loop)
    form.company.set_state({"value": "Acme"})
    _browser_click(form.save)
    assert folder_journal.entries() == []  # waiting for the browser to settle
    form.close()  # before the moment of quiet is over
    assert [e.company for e in folder_journal.entries()] == ["Acme"]


def test_python_click_saves_at_once_inside_an_event_loop(
    folder_journal: Journal, make_form: Any
) -> None:
    form = make_form(folder_journal)

    async def cell() -> None:
        form.company.value = "Acme"
        form.save.click()  # as in a notebook cell: the next line sees the entry
        assert [e.company for e in folder_journal.entries()] == ["Acme"]

    asyncio.run(cell())


def test_widgets_module_has_no_pyplot_state() -> None:
    import matplotlib.pyplot as plt

    assert plt.get_fignums() == []
    assert isinstance(widgets.HTML(), widgets.Widget)
