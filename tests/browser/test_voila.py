"""The capture form as a standalone Voila page: fill it in, Save, read the journal."""

from __future__ import annotations

from typing import Any

import pytest

from recovery_analytics.journal import Journal

from ._pages import (
    LOAD_TIMEOUT,
    VOILA_CLIENT,
    Reflection,
    fill_form,
    save,
    saved_entry,
    screenshot,
)
from ._servers import Server, Workspace

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_voila_form_saves_into_the_journal(page: Any, voila: Server, workspace: Workspace) -> None:
    page.goto(voila.url("/"), timeout=LOAD_TIMEOUT)
    form = page.locator(".ra-form")
    form.wait_for(state="visible", timeout=LOAD_TIMEOUT)
    # Voila shows outputs only: no code, no JupyterLab toolbar
    assert page.locator(".jp-InputArea-editor").count() == 0
    typed = Reflection(company="Harbour Health", feeling=2)
    fill_form(form, typed)
    screenshot(page, "voila-01_capture-filled")
    entry_id = save(form)
    screenshot(page, "voila-01_capture-saved")
    entry = saved_entry(workspace.voila_journal, entry_id, typed)
    assert entry.client == VOILA_CLIENT  # from RA_CLIENT
    # the folder existed before, so it was not seeded: the one entry typed is all there is
    with Journal.open(workspace.voila_journal) as journal:
        assert [e.entry_id for e in journal.entries()] == [entry_id]


def test_voila_needs_the_token(page: Any, voila: Server) -> None:
    page.goto(f"{voila.base}/?token=not-the-token", timeout=LOAD_TIMEOUT)
    page.get_by_text("Token authentication is enabled").wait_for()
    assert page.locator(".ra-form").count() == 0
    assert "01_capture" not in page.title()
    # nobody can swap the token for a password of their own from the login page
    assert page.get_by_text("New Password").count() == 0
