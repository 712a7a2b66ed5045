"""Fixtures for the browser tests: Chromium, JupyterLab and Voila on 127.0.0.1.

* ``chromium`` - Debian's Chromium (``/usr/bin/chromium``, or ``RA_CHROMIUM``)
  driven by Playwright, which cannot download its own browser here. Missing
  Chromium fails the tests when ``CI`` is set and skips them otherwise.
* ``workspace`` - a temporary copy of ``notebooks/`` and the folders the
  servers use; the notebooks read their journal from ``RA_JOURNAL``, so a
  test never writes into the project's ``journal/`` or ``data/sample``.
* ``lab`` / ``voila`` - the servers, started once per session on free ports
  and always stopped (their logs go to ``test-output/``).
* ``page`` - a fresh browser page per test; a screenshot of it is saved in
  ``test-output/screenshots/<test>.png`` when the test ends, pass or fail.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from ..notebooks._jupyter import NOTEBOOKS, ROOT, SAMPLE, kernel_env, tree_digest
from ._pages import VOILA_CLIENT
from ._servers import HOST, Server, Workspace, free_port, start

# Debian's Chromium; RA_CHROMIUM points elsewhere on other systems
CHROMIUM = Path(os.environ.get("RA_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
OUTPUT = ROOT / "test-output"
SCREENSHOTS = OUTPUT / "screenshots"
VIEWPORT = {"width": 1400, "height": 1000}

# JupyterLab settings for the tests: no news or update checks (the network is
# closed), no autosave of the copied notebooks while the kernel runs.
LAB_SETTINGS = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
    "@jupyterlab/docmanager-extension/plugin.jupyterlab-settings": {"autosave": False},
    # every cell in the page, so that outputs below the fold are there to check
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
}


@pytest.fixture(scope="session")
def chromium_path() -> Path:
    if CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK):
        return CHROMIUM
    message = (
        f"The browser tests need Debian's Chromium at {CHROMIUM}: install it with "
        "`apt-get install -y chromium` (`make browser` does this as root)."
    )
    if os.environ.get("CI"):
        pytest.fail(f"{message} CI is set, so the browser tests may not be skipped.")
    pytest.skip(message)


# per module, not per session: Playwright's sync API keeps an event loop running
# in this thread while it is open, which would stop later tests in the same
# worker from running their own (asyncio.run, the widgets' running loop)
@pytest.fixture(scope="module")
def chromium(chromium_path: Path) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(chromium_path), args=CHROMIUM_ARGS, headless=True
        )
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(scope="session")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    """A copy of the notebooks, journals and Jupyter folders under a temporary folder."""
    root = tmp_path_factory.mktemp("browser")
    notebooks = root / "notebooks"
    shutil.copytree(NOTEBOOKS, notebooks, ignore=shutil.ignore_patterns("_*", ".*"))
    env = kernel_env(root / "jupyter")
    settings = root / "lab-settings"
    for name, values in LAB_SETTINGS.items():
        path = settings / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values), encoding="utf-8")
    # the Voila journal is created first, as docs/voila.md says: so it is not
    # seeded from the sample; the JupyterLab one starts as a first-timer's does
    (root / "journal-voila").mkdir()
    before = tree_digest(SAMPLE)
    yield Workspace(root, notebooks, root / "journal-lab", root / "journal-voila", env)
    assert tree_digest(SAMPLE) == before, "a browser test wrote into data/sample"


@pytest.fixture(scope="session")
def lab(workspace: Workspace, chromium_path: Path) -> Iterator[Server]:
    """JupyterLab on the copied notebooks, without a token, on 127.0.0.1."""
    port = free_port()
    server = start(
        "JupyterLab",
        [
            "jupyterlab",
            "--no-browser",
            f"--ServerApp.ip={HOST}",
            f"--ServerApp.port={port}",
            "--ServerApp.port_retries=0",
            "--ServerApp.allow_root=True",
            "--IdentityProvider.token=",
            "--ServerApp.password=",
            f"--ServerApp.root_dir={workspace.notebooks}",
            f"--LabApp.workspaces_dir={workspace.root / 'lab-workspaces'}",
            f"--LabApp.user_settings_dir={workspace.root / 'lab-settings'}",
            "--LabApp.expose_app_in_browser=True",
        ],
        port=port,
        token="",
        cwd=workspace.notebooks,
        env={
            **workspace.jupyter_env,
            "RA_JOURNAL": str(workspace.lab_journal),
            "RA_CLIENT": None,  # the notebooks' default, "me"
            "RA_EXPORTS": None,
        },
        log=OUTPUT / "jupyterlab.log",
        ready_path="/api/status",
    )
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def voila(workspace: Workspace, chromium_path: Path) -> Iterator[Server]:
    """Voila serving 01_capture.ipynb with a random token, on 127.0.0.1."""
    port = free_port()
    token = secrets.token_urlsafe(16)
    server = start(
        "Voila",
        [
            "voila",
            str(workspace.notebooks / "01_capture.ipynb"),
            "--no-browser",
            f"--Voila.ip={HOST}",
            f"--Voila.port={port}",
            f"--Voila.token={token}",
            "--PasswordIdentityProvider.allow_password_change=False",  # as docs/voila.md
            "--VoilaConfiguration.show_tracebacks=True",
        ],
        port=port,
        token=token,
        cwd=workspace.notebooks,
        env={
            **workspace.jupyter_env,
            "RA_JOURNAL": str(workspace.voila_journal),
            "RA_CLIENT": VOILA_CLIENT,  # as docs/voila.md serves a client's page
        },
        log=OUTPUT / "voila.log",
        ready_path="/voila/static/voila.js",
    )
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def page(chromium: object, request: pytest.FixtureRequest) -> Iterator[object]:
    """A new page; its screenshot goes to test-output/screenshots/<test>.png at the end."""
    context = chromium.new_context(viewport=VIEWPORT)  # type: ignore[attr-defined]
    page = context.new_page()
    page.set_default_timeout(60_000)
    messages: list[str] = []
    page.on("console", lambda m: messages.append(f"{m.type}: {m.text}"))
    page.on("pageerror", lambda e: messages.append(f"pageerror: {e}"))
    try:
        yield page
    finally:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        name = request.node.name.replace("/", "-")
        try:
            page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True, timeout=30_000)
        except Exception as exc:  # the page may be gone; the console log still helps
            messages.append(f"(no screenshot: {exc})")
        (SCREENSHOTS / f"{name}.console.txt").write_text("\n".join(messages), encoding="utf-8")
        context.close()
