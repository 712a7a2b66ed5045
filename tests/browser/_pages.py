"""What a person does in the browser: open a notebook, run it, fill in the form.

Every locator is scoped to a widget's ``ra-...`` CSS class (see
``recovery_analytics/model``, shown on the form) inside the form, never to a bare
label: JupyterLab's toolbar has a "Save" button of its own.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from recovery_analytics import Entry
from recovery_analytics.journal import Journal

from ._servers import Server

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-output" / "screenshots"

LOAD_TIMEOUT = 180_000  # ms: JupyterLab's first load, a kernel start on a busy machine
RUN_TIMEOUT = 300_000  # ms: running every cell of a notebook
SAVE_TIMEOUT = 60_000  # ms: from the Save click to "Saved <id>"

VOILA_CLIENT = "dana"  # RA_CLIENT of the Voila page, as docs/voila.md serves a client

_KERNEL_IDLE = """() => {
    const app = window.jupyterapp;
    const panel = app && app.shell.currentWidget;
    const kernel = panel && panel.sessionContext && panel.sessionContext.session
        && panel.sessionContext.session.kernel;
    return !!kernel && kernel.status === 'idle';
}"""

_RUN_ALL = """async (ms) => {
    const app = window.jupyterapp;
    const run = app.commands.execute('notebook:run-all-cells');
    const late = new Promise((_, reject) =>
        setTimeout(() => reject(new Error(`run-all-cells took more than ${ms} ms`)), ms));
    await Promise.race([run, late]);
    return true;
}"""

_CELL_ERRORS = """() => {
    const notebook = window.jupyterapp.shell.currentWidget.content;
    const errors = [];
    notebook.widgets.forEach((cell, i) => {
        if (cell.model.type !== 'code') { return; }
        for (const out of cell.model.outputs.toJSON()) {
            if (out.output_type === 'error') {
                errors.push(`cell ${i + 1}: ${out.ename}: ${out.evalue}`);
            }
        }
        if (cell.model.executionCount === null) { errors.push(`cell ${i + 1} did not run`); }
    });
    return errors;
}"""


def screenshot(page: Any, name: str) -> Path:
    """Save a screenshot of the page as it is now, for diagnosis."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True, timeout=30_000)
    return path


def open_notebook(page: Any, lab: Server, name: str) -> None:
    """Open a notebook in JupyterLab and wait for its kernel to be idle."""
    page.goto(lab.url(f"/lab/tree/{name}"), timeout=LOAD_TIMEOUT)
    page.locator("#jupyterlab-splash").wait_for(state="detached", timeout=LOAD_TIMEOUT)
    page.wait_for_function(
        """(name) => {
            const app = window.jupyterapp;
            const panel = app && app.shell.currentWidget;
            return !!panel && !!panel.context && panel.context.path.endsWith(name);
        }""",
        arg=name,
        timeout=LOAD_TIMEOUT,
        polling=500,
    )
    page.wait_for_function(_KERNEL_IDLE, timeout=LOAD_TIMEOUT, polling=500)


def run_all_cells(page: Any) -> None:
    """Run every cell (as Run > Run All Cells) and fail with the cells' errors, if any."""
    page.evaluate(_RUN_ALL, RUN_TIMEOUT)
    page.wait_for_function(_KERNEL_IDLE, timeout=RUN_TIMEOUT, polling=500)
    errors = page.evaluate(_CELL_ERRORS)
    assert not errors, "cells failed in JupyterLab:\n" + "\n".join(errors)


@dataclass
class Reflection:
    """What the test types into the form, and checks in the journal afterwards."""

    company: str
    role: str = "Data Analyst"
    date: dt.date = dt.date(2026, 9, 3)
    stage: tuple[str, str] = ("technical", "technical")  # (label shown, value saved)
    format: tuple[str, str] = ("video call", "video")
    feeling: int = 4
    went_well: list[str] = field(
        default_factory=lambda: [
            "Clear STAR story about the dashboard migration",
            "Good questions about the team",
        ]
    )
    went_wrong: list[str] = field(default_factory=lambda: ["Rambled on the salary question"])
    plan_b: list[str] = field(default_factory=lambda: ["Practise a two-minute salary answer"])
    outcome: tuple[str, str] = ("next round", "next_round")


def fill_form(form: Any, r: Reflection) -> None:
    """Fill in the form as a person would: click, type, choose, tick."""
    company = form.locator(".ra-company input")
    company.click()
    company.press_sequentially(r.company, delay=20)
    form.locator(".ra-date input").fill(r.date.isoformat())
    role = form.locator(".ra-role input")
    role.click()
    role.press_sequentially(r.role, delay=20)
    form.locator(".ra-stage select").select_option(label=r.stage[0])
    form.locator(".ra-format select").select_option(label=r.format[0])
    form.locator(".ra-feeling button").filter(has_text=re.compile(rf"^{r.feeling}\b")).click()
    for css, lines in (
        (".ra-went-well", r.went_well),
        (".ra-went-wrong", r.went_wrong),
        (".ra-plan-b", r.plan_b),
    ):
        area = form.locator(f"{css} textarea")
        area.click()
        area.fill("\n".join(lines))
    form.locator(".ra-follow-up-requested input[type=checkbox]").check()
    outcome = form.locator(".ra-outcome input")
    outcome.click()
    outcome.fill(r.outcome[0])


def save(form: Any, known: Sequence[str] = ()) -> str:
    """Click the form's Save and return the id from "Saved <entry id>".

    ``known``: ids this page saved before (the status still says "Saved
    <the last one>" until the new save is done).
    """
    button = form.locator("button.ra-save")
    button.click(timeout=SAVE_TIMEOUT)  # waits until validation has enabled it
    status = form.locator(".ra-status")
    done: Any = "Saved"
    if known:
        earlier = "|".join(map(re.escape, known))
        done = re.compile(rf"Saved\s+(?!(?:{earlier})\b)\S")
    status.filter(has_text=done).wait_for(timeout=SAVE_TIMEOUT)
    text = status.inner_text()
    found = re.search(r"Saved\s+(\S+)", text)
    assert found, f"the status says {text!r}, not 'Saved <entry id>'"
    return found.group(1).rstrip(".,;:")


def saved_entry(journal_folder: Path, entry_id: str, r: Reflection) -> Entry:
    """The entry as stored on disk, checked against what was typed."""
    with Journal.open(journal_folder) as journal:
        assert entry_id in journal, f"{entry_id} is not in the journal at {journal_folder}"
        entry = journal.get(entry_id)
        same_company = [e for e in journal.entries() if e.company == r.company]
    assert [e.entry_id for e in same_company] == [entry_id]
    saved = {
        "company": entry.company,
        "role": entry.role,
        "interview_date": entry.interview_date,
        "stage": entry.stage,
        "format": entry.format,
        "feeling": entry.feeling,
        "went_well": [i.text for i in entry.went_well],
        "went_wrong": [i.text for i in entry.went_wrong],
        "plan_b": [a.text for a in entry.plan_b],
        "follow_up_requested": entry.follow_up_requested,
        "outcome": entry.outcome,
    }
    typed = {
        "company": r.company,
        "role": r.role,
        "interview_date": r.date,
        "stage": r.stage[1],
        "format": r.format[1],
        "feeling": r.feeling,
        "went_well": r.went_well,
        "went_wrong": r.went_wrong,
        "plan_b": r.plan_b,
        "follow_up_requested": True,
        "outcome": r.outcome[1],
    }
    differ = {k: (typed[k], saved[k]) for k in typed if typed[k] != saved[k]}
    assert not differ, f"typed vs saved differ in {differ}"
    return entry
