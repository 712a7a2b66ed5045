"""Dashboard in plain pytest: images in the tab Outputs, filters, the link to a form."""

from __future__ import annotations

import base64
import datetime as dt
import html
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from recovery_analytics.analytics._examples import example_log
from recovery_analytics.journal import Journal
from recovery_analytics.widgets import Dashboard, EntryForm
from recovery_analytics.widgets._dashboard_content import NO_SELECTION
from recovery_analytics.widgets._selection import NO_ENTRIES
from recovery_analytics.widgets._settle import SETTLE

from ._fake_loop import FakeLoop

PNG = b"\x89PNG\r\n\x1a\n"


def png_of(output: Any) -> bytes | None:
    """The PNG shown in an Output widget, if it shows one."""
    for item in output.outputs:
        data = item.get("data", {})
        if "image/png" in data:
            return base64.b64decode(data["image/png"])
    return None


def text_of(output: Any) -> str:
    return " ".join(str(i.get("data", {}).get("text/plain", "")) for i in output.outputs)


ENTRIES = [
    {
        "client": "ana",
        "interview_date": "2026-01-05",
        "company": "Acme",
        "feeling": 2,
        "went_well": ["Good rapport with the manager"],
        "went_wrong": ["Rambled on the salary question", "Froze on SQL"],
        "plan_b": ["[x] Apply to two similar roles", "Practise SQL joins"],
        "outcome": "rejected",
    },
    {
        "client": "ana",
        "interview_date": "2026-03-02",
        "company": "Birch",
        "feeling": 3,
        "went_well": ["Clear STAR story", "Good rapport again"],
        "went_wrong": ["Rambled on the weakness question"],
        "outcome": "next_round",
    },
    {
        "client": "ana",
        "interview_date": "2026-03-20",
        "company": "Cedar",
        "feeling": 4,
        "went_well": ["Calm and clear", "Asked good questions"],
        "outcome": "offer",
    },
]


@pytest.fixture
def filled(journal: Journal) -> Journal:
    for entry in ENTRIES:
        journal.add(entry)
    return journal


@pytest.fixture
def closing() -> Iterator[list[Any]]:
    made: list[Any] = []
    yield made
    for widget in made:
        widget.close()


def test_output_holds_an_image_after_a_filter_change(filled: Journal, closing: list[Any]) -> None:
    dash = Dashboard(filled)
    closing.append(dash)
    assert dash.visible_tab == "balance"
    assert png_of(dash.output)[:8] == PNG
    assert "n = 3 interviews" in text_of(dash.output)
    before = png_of(dash.output)

    dash.start.value = dt.date(2026, 3, 1)  # two interviews left
    shown = png_of(dash.output)
    assert shown is not None and shown[:8] == PNG and shown != before
    assert "n = 2 interviews" in text_of(dash.output)
    assert "2 interviews in March 2026" in dash.headline.value

    dash.polarity.value = "wrong"
    dash.tabs.selected_index = dash._tab_names.index("recurring")
    assert png_of(dash.output)[:8] == PNG
    assert plt.get_fignums() == []  # no pyplot figure was ever opened


def test_only_the_visible_tab_is_drawn(filled: Journal, closing: list[Any]) -> None:
    dash = Dashboard(filled)
    closing.append(dash)
    assert dash.outputs["feeling"].outputs == ()
    dash.tabs.selected_index = dash._tab_names.index("feeling")
    assert png_of(dash.outputs["feeling"])[:8] == PNG
    dash.tabs.selected_index = dash._tab_names.index("written")
    written = dash.output.outputs[0]["data"]["text/html"]
    assert written.count("<li>") == 8  # 5 went well + 3 went wrong, hand-counted above
    assert plt.get_fignums() == []


def test_theme_filter_keeps_interviews_where_the_theme_came_up(
    filled: Journal, closing: list[Any]
) -> None:
    dash = Dashboard(filled)
    closing.append(dash)
    themes = dict((v, k) for k, v in dash.theme.options)
    # "Rambled" items are conciseness, in the January and the first March interview
    assert themes["conciseness"] == "conciseness (2 interviews)"
    dash.theme.value = "conciseness"
    assert "2 interviews from January to March 2026" in dash.headline.value
    assert "Only interviews where \u201cconciseness\u201d came up" in dash.headline.value
    assert png_of(dash.output)[:8] == PNG
    dash.polarity.value = "well"  # conciseness never came up under went well
    assert dash.theme.value == ""  # the choice is not offered any more: back to "all themes"


def test_empty_selection_shows_a_message(filled: Journal, closing: list[Any]) -> None:
    dash = Dashboard(filled)
    closing.append(dash)
    dash.start.value = dt.date(2030, 1, 1)
    assert png_of(dash.output) is None
    assert NO_SELECTION in text_of(dash.output)
    dash.start.value = dt.date(2026, 3, 25)
    dash.end.value = dt.date(2026, 3, 1)
    assert "swap them" in dash.headline.value and "swap them" in text_of(dash.output)


def test_empty_journal(journal: Journal, closing: list[Any]) -> None:
    dash = Dashboard(journal)
    closing.append(dash)
    assert NO_ENTRIES in text_of(dash.output)
    assert dash.export.disabled
    assert dash.client.layout.display == "none"


def test_client_selector_and_coach_heatmap(journal: Journal, closing: list[Any]) -> None:
    journal.add(ENTRIES[0])
    dash = Dashboard(journal)
    closing.append(dash)
    assert dash.client.layout.display == "none"  # one client: nothing to choose
    assert "clients" not in dash._tab_names
    journal.add({"client": "ben", "interview_date": "2026-02-01", "went_wrong": ["Arrived late"]})
    assert dash.client.layout.display is None
    assert list(dash.client.options) == ["ana", "ben"]
    assert dash.client.value == "ana"  # unchanged by the new client
    dash.tabs.selected_index = dash._tab_names.index("clients")
    assert png_of(dash.output)[:8] == PNG
    dash.client.value = "ben"
    dash.tabs.selected_index = 0
    assert "one interview on 1 February 2026" in dash.headline.value


def test_unknown_client_is_said_kindly(filled: Journal, closing: list[Any]) -> None:
    dash = Dashboard(filled, client="Zoe")
    closing.append(dash)
    status = html.unescape(dash.status.value)
    assert "no client 'Zoe'" in status and "Known clients: ana" in status
    assert dash.client.value == "ana"
    dash2 = Dashboard(filled, client="ANA")  # case does not matter
    closing.append(dash2)
    assert dash2.client.value == "ana"


# -- form and dashboard together --------------------------------------------------------------


def test_form_and_dashboard_stay_linked(filled: Journal, closing: list[Any]) -> None:
    dash = Dashboard(filled)
    form = EntryForm(filled, client="ana")
    closing.extend([form, dash])
    before = png_of(dash.output)
    form.date.value = dt.date(2026, 3, 25)
    form.company.value = "Delta"
    form.went_wrong.value = "Blanked on the case study"
    form.save.click()
    assert "Saved" in form.status.value
    assert len(dash.log) == 4
    assert "4 interviews from January to March 2026" in dash.headline.value
    after = png_of(dash.output)
    assert after is not None and after != before
    assert plt.get_fignums() == []

    # editing through the form refreshes too
    eid = [e.entry_id for e in filled.entries() if e.company == "Delta"][0]
    form.edit.value = eid
    form.went_wrong.value = ""
    form.went_well.value = "Stayed calm"
    form.save.click()
    assert "6 things went well and 3 went wrong" in dash.headline.value


def test_in_a_kernel_saved_shows_before_the_chart_is_drawn(
    filled: Journal, closing: list[Any]
) -> None:
    loop = FakeLoop()
    dash = Dashboard(filled, clock=loop.time, loop=loop)
    form = EntryForm(filled, client="ana")
    closing.extend([form, dash])
    before = png_of(dash.output)
    form.company.value = "Delta"
    form.went_well.value = "Stayed calm"
    form.save.click()  # as the kernel runs a browser's click
    assert "Saved" in form.status.value
    assert "4 interviews" in dash.headline.value  # numbers at once
    assert png_of(dash.output) == before  # the chart follows right after
    loop.advance(0)
    assert png_of(dash.output) != before
    assert plt.get_fignums() == []


def test_a_burst_of_changes_is_one_refresh(filled: Journal, closing: list[Any]) -> None:
    loop = FakeLoop()
    dash = Dashboard(filled, clock=loop.time, loop=loop)
    closing.append(dash)
    days = ["2026-02-01", "2026-02-02", "2026-02-03"]
    for day in days:  # an import: the first change at once, the rest gathered
        filled.add({"client": "ana", "interview_date": day})
    assert len(dash.log) == len(ENTRIES) + 1
    loop.advance(0.2)
    assert len(dash.log) == len(ENTRIES) + 1  # still gathering
    loop.advance(0.2)
    assert len(dash.log) == len(ENTRIES) + len(days)


def test_incremental_refresh_matches_a_full_read(filled: Journal, closing: list[Any]) -> None:
    dash = Dashboard(filled)
    closing.append(dash)
    eid = filled.add({"client": "ana", "interview_date": "2026-02-10", "went_well": ["calm"]})
    filled.update(eid, went_wrong=["ran out of time"], outcome="offer")
    first = filled.entries()[0].entry_id
    filled.delete(first)
    full = filled.log()
    cached = dash.log
    for name in ("interviews", "items", "actions"):
        got, want = getattr(cached, name), getattr(full, name)
        got = got.drop(columns=["source"], errors="ignore")
        want = want.drop(columns=["source"], errors="ignore")
        pd.testing.assert_frame_equal(got, want, check_categorical=True)


def test_dashboard_error_does_not_break_saving(
    filled: Journal, closing: list[Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    dash = Dashboard(filled)
    form = EntryForm(filled, client="ana")
    closing.extend([form, dash])

    def broken(changed: Any = None, **kwargs: Any) -> None:
        raise RuntimeError("disk hiccup")

    monkeypatch.setattr(dash, "refresh", broken)
    form.company.value = "Echo"
    form.save.click()
    assert "Saved" in form.status.value
    assert "saved in the journal, but the dashboard could not update" in dash.status.value
    assert "Reload" in dash.status.value
    monkeypatch.undo()
    dash.reload.click()
    assert len(dash.log) == 4


def test_chart_error_is_shown_in_the_tab(
    filled: Journal, closing: list[Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    from recovery_analytics.widgets import _dashboard_content

    dash = Dashboard(filled)
    closing.append(dash)

    def broken(*args: Any, **kwargs: Any) -> bytes:
        raise ValueError("bad numbers")

    monkeypatch.setattr(_dashboard_content, "chart_png", broken)
    dash.polarity.value = "wrong"
    assert "could not be drawn" in text_of(dash.output)
    assert "bad numbers" in dash.status.value


def test_close_stops_following_and_closes_widgets(filled: Journal) -> None:
    from ipywidgets.widgets.widget import _instances

    before = len(_instances)
    dash = Dashboard(filled)
    form = EntryForm(filled)
    form.close()
    dash.close()
    assert len(_instances) == before
    assert filled._callbacks == []
    filled.add({"interview_date": "2026-04-01", "client": "ana"})  # nothing left to call


# -- export -------------------------------------------------------------------------------------


def test_export_writes_the_packet_and_links_it(
    filled: Journal, closing: list[Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    dash = Dashboard(filled)
    closing.append(dash)
    dash.export.click()
    written = list((tmp_path / "exports").glob("review-ana-*.html"))
    assert len(written) == 1, dash.status.value
    rel = f"exports/{written[0].name}"
    assert f'href="{rel}"' in dash.export_link.value and rel in dash.export_link.value
    assert "ready" in dash.status.value


def test_browser_export_waits_for_hide_names_ticked_just_before(
    filled: Journal, closing: list[Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    loop = FakeLoop()
    dash = Dashboard(filled, clock=loop.time, loop=loop)
    closing.append(dash)
    # the browser sent the tick before the click, but the kernel handled
    # the click first (it may: see widgets/_settle.py)
    dash.export._handle_button_msg(None, {"event": "click"}, [])
    assert "Writing" in dash.status.value
    loop.advance(SETTLE / 4)
    dash.anonymize.set_state({"value": True})
    loop.advance(SETTLE - 0.01)  # SETTLE after the click, but not quiet since the tick
    assert not (tmp_path / "exports").exists()
    loop.advance(SETTLE)
    written = list((tmp_path / "exports").iterdir())
    assert [p.name for p in written] == [f"review-{dt.date.today().isoformat()}.html"]
    text = written[0].read_text()
    assert "Client A" in text and not re.search(r"\bana\b", text, re.IGNORECASE)


def test_export_failure_is_shown(
    filled: Journal, closing: list[Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    import recovery_analytics.reports as reports

    def broken(*args: Any, **kwargs: Any) -> Path:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(reports, "review_packet", broken)
    dash = Dashboard(filled)
    closing.append(dash)
    dash.export.click()
    assert "permission denied" in dash.status.value
    assert dash.export_link.value == ""


# -- a log instead of a journal ----------------------------------------------------------------


def test_dashboard_of_a_log(closing: list[Any]) -> None:
    dash = Dashboard(example_log(), client="ben")
    closing.append(dash)
    assert dash.reload.layout.display == "none"
    assert dash.client.layout.display is None  # ana and ben
    assert "2 interviews" in dash.headline.value
    assert png_of(dash.output)[:8] == PNG
    with pytest.raises(TypeError, match="Journal"):
        Dashboard("journal/")  # type: ignore[arg-type]
