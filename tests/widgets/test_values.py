"""The form's values logic without widgets: entry <-> values, checks, rules, preview."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from recovery_analytics.model import FIELDS, STEPS, Item, fields_where
from recovery_analytics.themes import Taxonomy
from recovery_analytics.widgets._values import (
    FUTURE_DATE,
    NO_CLIENT,
    NOTHING_YET,
    check_client_name,
    check_values,
    default_client,
    entry_mapping,
    entry_to_values,
    form_fields,
    is_typed_choice,
    rating_options,
    stamp_reflected_on,
    theme_preview,
    theme_preview_html,
)

DAY = dt.date(2026, 3, 4)


def test_form_fields_are_the_fields_with_a_widget_each_under_a_step() -> None:
    names = form_fields()
    assert names == tuple(n for n, spec in FIELDS.items() if spec.widget is not None)
    steps = {step.number for step in STEPS}
    assert all(FIELDS[n].step in steps and FIELDS[n].css_class for n in names)


def test_entry_values_round_trip() -> None:
    values = {
        "client": "ana",
        "interview_date": DAY,
        "company": "Acme",
        "role": "",
        "stage": "final",
        "format": None,
        "feeling": 3,
        "went_well": "calm\nclear",
        "went_wrong": "",
        "connection": None,
        "employer_view": "",
        "plan_b": "[x] done thing\nopen thing",
        "follow_up_requested": False,
        "follow_up_date": None,
        "follow_up_response": None,
        "questions_to_ask": "Why?",
        "outcome": "no reply",
        "notes": "",
    }
    assert set(values) == set(form_fields())
    entry, problems, _ = check_values(values)
    assert problems == {} and entry is not None
    assert entry.outcome == "ghosted"  # "no reply" is the model's words for ghosted
    assert entry_to_values(entry) == values


def test_typed_choices_take_the_models_words() -> None:
    spec = FIELDS["outcome"]
    assert is_typed_choice(spec) and not is_typed_choice(FIELDS["stage"])
    for choice in spec.choices:
        assert entry_mapping({"outcome": choice.label})["outcome"] == choice.value
        assert entry_mapping({"outcome": f"  {choice.label.upper()} "})["outcome"] == choice.value
    # the label of "withdrew" is the model's own word now (it was "I withdrew")
    assert entry_mapping({"outcome": "withdrew"})["outcome"] == "withdrew"
    assert entry_mapping({"outcome": ""})["outcome"] is None


def test_unknown_typed_choice_lists_the_words_to_pick() -> None:
    _, problems, _ = check_values({"client": "me", "interview_date": DAY, "outcome": "lunch"})
    message = problems["outcome"]
    assert "\u201clunch\u201d is not one of the choices" in message
    for choice in FIELDS["outcome"].choices:
        assert f"\u201c{choice.label}\u201d" in message


def test_entry_mapping_keeps_unchanged_items() -> None:
    kept = Item("Blanked", ("nerves",))
    m = entry_mapping({"went_wrong": "Blanked\nnew line"}, keep_items={"went_wrong": [kept]})
    assert m["went_wrong"] == [kept, "new line"]


def test_entry_mapping_reads_each_kind() -> None:
    m = entry_mapping(
        {
            "client": "  ",
            "role": " Analyst ",
            "plan_b": "a\n\n b ",
            "follow_up_requested": None,
            "feeling": "",
            "stage": "",
        }
    )
    assert m == {
        "client": None,
        "role": "Analyst",
        "plan_b": ["a", "b"],
        "follow_up_requested": None,
        "feeling": None,
        "stage": None,
    }


def test_check_values_rules_of_the_form() -> None:
    assert check_values({"client": "  ", "interview_date": DAY, "company": "A"})[1] == {
        "client": NO_CLIENT
    }
    # who and when are not content; a ticked yes/no is
    assert check_values({"client": "me", "interview_date": DAY})[1] == {"": NOTHING_YET}
    entry, problems, _ = check_values(
        {"client": "me", "interview_date": DAY, "follow_up_requested": True}
    )
    assert problems == {} and entry is not None and entry.follow_up_requested is True
    _, problems, _ = check_values({"client": "me", "interview_date": None, "company": "A"})
    assert problems == {"interview_date": "Please pick the date of the interview."}


def test_future_date_is_a_note_not_a_problem() -> None:
    entry, problems, notes = check_values(
        {"client": "me", "interview_date": DAY, "company": "A"}, today=DAY - dt.timedelta(days=1)
    )
    assert entry is not None and problems == {} and notes == {"interview_date": FUTURE_DATE}
    assert check_values({"client": "me", "interview_date": DAY, "company": "A"}, today=DAY)[2] == {}


def test_check_client_name_is_the_one_client_rule() -> None:
    assert check_client_name("ana") is None
    for blank in (None, "", "   "):
        assert check_client_name(blank) == NO_CLIENT


def test_default_client() -> None:
    assert default_client([]) == "me" and default_client(["me"]) == "me"
    assert default_client(["ana"]) == "" and default_client(["ana", "me"]) == ""


def test_stamp_reflected_on_is_today_unless_given() -> None:
    assert stamp_reflected_on({}, today=DAY) == {"reflected_on": DAY}
    earlier = DAY - dt.timedelta(days=3)
    given = {"reflected_on": earlier}
    assert stamp_reflected_on(given, today=DAY) == {"reflected_on": earlier}
    assert given == {"reflected_on": earlier}  # not changed in place
    assert stamp_reflected_on({})["reflected_on"] == dt.date.today()


@pytest.mark.parametrize("name", fields_where(kind="rating", in_form=True))
def test_rating_options_come_from_the_spec(name: str) -> None:
    spec = FIELDS[name]
    options = rating_options(spec)
    assert [v for _, v in options] == list(range(spec.low or 0, (spec.high or 0) + 1))
    first, last = spec.choices[0], spec.choices[-1]
    assert options[0][0] == f"{spec.low} \u00b7 {first.label}"
    assert options[-1][0] == f"{spec.high} \u00b7 {last.label}"
    assert [label for label, _ in options[1:-1]] == [str(v) for _, v in options[1:-1]]


def test_preview_escapes_html() -> None:
    out = theme_preview_html(theme_preview("<script>x</script>", Taxonomy.default()))
    assert "<script>" not in out and "&lt;script&gt;" in out


def test_preview_names_themes_and_says_no_theme_kindly() -> None:
    previews = theme_preview("ran out of time\n- the office was nice", Taxonomy.default())
    out = theme_preview_html(previews)
    assert "ran out of time \u2192 <b>time management</b>" in out
    assert "the office was nice \u2192 <i>no theme yet</i>" in out
    assert theme_preview_html([]) == ""


def test_preview_cache_is_used() -> None:
    cache: dict[str, Any] = {}
    first = theme_preview("ran out of time", Taxonomy.default(), cache)
    assert list(cache) == ["ran out of time"]
    again = theme_preview("ran out of time", Taxonomy.default(), cache)
    assert again[0] is first[0]
