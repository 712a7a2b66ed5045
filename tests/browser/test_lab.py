"""JupyterLab in Chromium: capture an entry with the form, then see the charts.

The server runs on a temporary copy of ``notebooks/`` with ``RA_JOURNAL``
pointing at a temporary journal (see conftest.py), so what the form saves is
read back from disk here.
"""

from __future__ import annotations

from typing import Any

import pytest

from recovery_analytics.widgets._dashboard_content import TAB_TITLES

from ._pages import (
    RUN_TIMEOUT,
    Reflection,
    fill_form,
    open_notebook,
    run_all_cells,
    save,
    saved_entry,
    screenshot,
)
from ._servers import Server, Workspace

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# natural size of every chart image shown: enough to be a chart, not an icon
_IMAGES = """() => [...document.querySelectorAll('.jp-OutputArea-output img')]
    .map(img => ({complete: img.complete, width: img.naturalWidth, height: img.naturalHeight,
                  widget: !!img.closest('.jupyter-widgets')}))"""


def test_capture_form_saves_into_the_journal(page: Any, lab: Server, workspace: Workspace) -> None:
    open_notebook(page, lab, "01_capture.ipynb")
    run_all_cells(page)
    form = page.locator(".jp-OutputArea-output .ra-form")
    form.wait_for(state="visible")
    typed = Reflection(company="Lumen Analytics")
    fill_form(form, typed)
    screenshot(page, "lab-01_capture-filled")
    entry_id = save(form)
    screenshot(page, "lab-01_capture-saved")
    entry = saved_entry(workspace.lab_journal, entry_id, typed)
    assert entry.client == "me"  # the notebook's parameter


def test_my_trends_shows_the_charts_as_images(page: Any, lab: Server) -> None:
    open_notebook(page, lab, "02_my_trends.ipynb")
    run_all_cells(page)
    page.wait_for_function(
        f"() => ({_IMAGES})().filter(i => !i.widget && i.complete && i.width > 0).length >= 5",
        timeout=RUN_TIMEOUT,
        polling=500,
    )
    charts = [i for i in page.evaluate(_IMAGES) if not i["widget"]]
    # balance, strengths vs weaknesses, recurring, feeling, follow-ups
    assert len(charts) == 5, charts
    for image in charts:
        assert image["complete"] and image["width"] >= 300 and image["height"] >= 200, image

    # the dashboard draws its visible tab; another tab is drawn when it is opened
    dashboard = page.locator(".jp-OutputArea-output .ra-dashboard")
    dashboard.scroll_into_view_if_needed()
    wait_for_image(page, ".ra-dashboard .ra-dash-balance img")
    screenshot(page, "lab-02_my_trends-dashboard")
    strengths = TAB_TITLES["strengths"]  # the title the dashboard gives the tab
    dashboard.locator(".ra-dash-tabs .lm-TabBar-tab", has_text=strengths).click()
    wait_for_image(page, ".ra-dashboard .ra-dash-strengths img")
    screenshot(page, "lab-02_my_trends-dashboard-strengths")


def wait_for_image(page: Any, selector: str) -> None:
    """Wait until an image matching ``selector`` has loaded with a real size."""
    page.wait_for_function(
        """(selector) => [...document.querySelectorAll(selector)]
            .some(img => img.complete && img.naturalWidth >= 300 && img.naturalHeight >= 200)""",
        arg=selector,
        timeout=RUN_TIMEOUT,
        polling=500,
    )
