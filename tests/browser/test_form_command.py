"""``recovery-analytics form`` for real: Voila in Chromium, the token, every route refused.

Each server is the real command, started as a coach would start it, from a
"project folder" of the coach's own (a copy of the notebooks, with a chart
image saved next to them, as the README's example does). The command's
private folder is found under the ``TMPDIR`` it is given. Servers are
started once per module; the PostgreSQL tests run two clients' pages on a
practice database (issue 15) in the session's throwaway cluster.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import http.cookiejar
import io
import os
import re
import secrets
import shutil
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from recovery_analytics.cli import main
from recovery_analytics.journal import Journal
from recovery_analytics.notebook import open_log

from .._pg import Cluster
from ..notebooks._jupyter import NOTEBOOKS, ROOT, kernel_env
from ._pages import LOAD_TIMEOUT, Reflection, fill_form, save, saved_entry
from ._servers import Server, start_form

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CLIENT = "dana"
OUTPUT = ROOT / "test-output"
VIEWPORT = {"width": 1400, "height": 1000}
# a PNG signature and a marker: served, these bytes would be found in the answer
IMAGE = b"\x89PNG\r\n\x1a\n" + b"ra-form-test-image-" + secrets.token_hex(8).encode()


@dataclass
class Home:
    """A coach's project folder and where the command makes its private folder."""

    root: Path
    tmp: Path
    env: dict[str, str | None]

    def private_folders(self) -> list[Path]:
        return sorted(self.tmp.glob("ra-form-*"))

    def environ(self) -> dict[str, str]:
        """This process's environment with ``env`` applied (``None`` removes a variable)."""
        merged = {**os.environ, **self.env}
        return {key: value for key, value in merged.items() if value is not None}


def _home(root: Path) -> Home:
    shutil.copytree(NOTEBOOKS, root / "notebooks", ignore=shutil.ignore_patterns("_*", ".*"))
    (root / "data" / "sample").mkdir(parents=True)  # what marks a project folder
    for folder in (root, root / "notebooks"):  # charts saved next to the notebooks
        (folder / "balance.png").write_bytes(IMAGE)
    tmp = root / "tmp"
    tmp.mkdir()
    env: dict[str, str | None] = {
        **kernel_env(root / "jupyter"),
        "TMPDIR": str(tmp),
        "RA_JOURNAL": None,
        "RA_CLIENT": None,
        "RA_ONLY_CLIENT": None,
    }
    return Home(root, tmp, env)


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Home:
    return _home(tmp_path_factory.mktemp("form-home"))


@pytest.fixture(scope="module")
def dana_journal(home: Home) -> Path:
    """Dana's own journal, with one earlier entry."""
    path = home.root / "journals" / CLIENT
    with Journal.open(path) as journal:
        journal.add({"client": CLIENT, "interview_date": "2026-08-01", "company": "Earlier Ltd"})
    return path


@contextlib.contextmanager
def _serving(home: Home, args: list[str], log: str, **env: str) -> Iterator[Server]:
    before = set(home.private_folders())
    server = start_form(args, cwd=home.root, env={**home.env, **env}, log=OUTPUT / f"{log}.log")
    try:
        yield server
    finally:
        server.stop()
        assert server.proc.returncode is not None
        # the command removed its private folder on the way out
        assert set(home.private_folders()) <= before, home.private_folders()


@pytest.fixture(scope="module")
def dana(home: Home, dana_journal: Path, chromium_path: Path) -> Iterator[Server]:
    with _serving(home, [str(dana_journal), "--client", CLIENT], "form-dana") as server:
        yield server


# -- plain HTTP, without a browser -------------------------------------------------------------


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


def _get(url: str, *, data: bytes | None = None, opener: Any = None) -> tuple[int, str, bytes]:
    """(status, Location header, body) of one request, redirects not followed."""
    opener = opener or urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(url, data=data, timeout=60) as answer:
            return answer.status, answer.headers.get("Location", ""), answer.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers.get("Location", ""), exc.read()


def _refused(server: Server, path: str) -> tuple[int, bytes]:
    status, location, body = _get(server.base + path)
    assert status in (302, 403, 404), (path, status)
    if status == 302:
        assert urllib.parse.urlsplit(location).path == "/login", (path, location)
    assert IMAGE not in body and b"ra-form" not in body and b"kernelId" not in body, path
    return status, body


def _kernel_id(server: Server) -> str:
    """Open the page with the token, as the client would: Voila starts a kernel for it."""
    status, _, body = _get(server.url("/"))
    assert status == 200
    found = re.search(rb'"kernelId":\s*"([0-9a-f-]{36})"', body)
    assert found, "no kernel id in the page"
    return found.group(1).decode()


def _websocket(server: Server, kernel_id: str, token: str | None) -> int:
    """The HTTP status of a websocket handshake to the kernel's channels (101: opened)."""
    from websockets.exceptions import InvalidStatus
    from websockets.sync.client import connect

    query = f"?token={token}" if token else ""
    url = f"ws://127.0.0.1:{server.port}/api/kernels/{kernel_id}/channels{query}"
    try:
        with connect(url, open_timeout=60):
            return 101
    except InvalidStatus as exc:
        return int(exc.response.status_code)


def _place_image_in_private_folder(home: Home) -> Path:
    [private] = home.private_folders()  # one server of this module runs now
    (notebook,) = private.glob("*/01_capture.ipynb")
    image = notebook.parent / "chart.png"
    image.write_bytes(IMAGE)
    return image


def test_without_the_token_every_route_is_refused(dana: Server, home: Home) -> None:
    kernel = _kernel_id(dana)  # a kernel of a page opened with the token
    # the token is in no process's command line (Voila's, its kernel's, the command's)
    assert dana.token not in "\n".join(_command_lines())
    _place_image_in_private_folder(home)
    # with the token, the page and the kernel answer: these checks can fail
    assert _get(dana.url(f"/api/kernels/{kernel}"))[0] == 200
    assert _websocket(dana, kernel, dana.token) == 101

    for path in (
        "/",
        "/?token=not-the-token",
        "/voila/render/01_capture.ipynb",
        f"/api/kernels/{kernel}",
        "/api/kernels",
        "/api/sessions",
        "/api/contents",
        "/voila/api/contents",
        "/voila/tree",
    ):
        _refused(dana, path)
    assert _websocket(dana, kernel, None) == 403
    assert _websocket(dana, kernel, "not-the-token") == 403


@pytest.mark.parametrize("with_token", [False, True])
def test_no_file_is_served_token_or_not(dana: Server, home: Home, with_token: bool) -> None:
    _place_image_in_private_folder(home)
    for name in ("chart.png", "balance.png", "01_capture.ipynb", "../balance.png"):
        path = f"/voila/files/{name}"
        status, _, body = _get(dana.url(path) if with_token else dana.base + path)
        assert status in (403, 404), (path, status)
        assert IMAGE not in body and b"cells" not in body


def test_the_form_saves_for_the_client_with_the_token(
    page: Any, dana: Server, dana_journal: Path
) -> None:
    page.goto(dana.url("/"), timeout=LOAD_TIMEOUT)
    form = page.locator(".ra-form")
    form.wait_for(state="visible", timeout=LOAD_TIMEOUT)
    assert page.locator(".ra-client input").is_disabled()
    assert page.locator(".ra-client input").input_value() == CLIENT
    typed = Reflection(company="Harbour Health", feeling=2)
    fill_form(form, typed)
    entry_id = save(form)
    assert saved_entry(dana_journal, entry_id, typed).client == CLIENT
    assert _edit_list(form) == [
        f"{typed.date.isoformat()} \u2014 Harbour Health \u2014 {CLIENT}",
        f"2026-08-01 \u2014 Earlier Ltd \u2014 {CLIENT}",
    ]


def _edit_list(form: Any) -> list[str]:
    """The earlier entries "Edit an earlier entry" offers (after "New reflection")."""
    # the page shows non-breaking spaces; str.split() takes them for spaces
    texts = [" ".join(t.split()) for t in form.locator(".ra-edit select option").all_inner_texts()]
    assert texts[0] == "New reflection", texts
    return texts[1:]


def test_the_login_page_has_no_password_form(page: Any, dana: Server) -> None:
    page.goto(f"{dana.base}/?token=not-the-token", timeout=LOAD_TIMEOUT)
    page.get_by_text("Token authentication is enabled").wait_for()
    assert page.locator(".ra-form").count() == 0
    assert page.get_by_text("Setup a Password").count() == 0
    assert page.locator("input[name=new_password]").count() == 0

    # and a hand-made request cannot set one: the token logs in, the "password" never does
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), _NoRedirect)
    _get(f"{dana.base}/login", opener=opener)
    xsrf = next((c.value for c in jar if c.name == "_xsrf"), "")
    form = {"_xsrf": xsrf, "password": dana.token, "new_password": "mine-now"}
    status, _, _ = _get(
        f"{dana.base}/login", data=urllib.parse.urlencode(form).encode(), opener=opener
    )
    assert status == 302  # logged in with the token
    fresh = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(), _NoRedirect)
    fresh.open(f"{dana.base}/login", timeout=60).read()
    status, location, _ = _get(
        f"{dana.base}/login",
        data=urllib.parse.urlencode({"password": "mine-now"}).encode(),
        opener=fresh,
    )
    assert status != 302 or urllib.parse.urlsplit(location).path == "/login"


# -- the journal must be the client's own ------------------------------------------------------


def test_a_shared_journal_is_refused_unless_asked(
    page: Any, home: Home, tmp_path: Path, chromium_path: Path
) -> None:
    shared = tmp_path / "shared"
    before = home.private_folders()
    with Journal.open(shared) as journal:
        journal.add({"client": CLIENT, "interview_date": "2026-07-01", "company": "Ours"})
        journal.add({"client": "eli", "interview_date": "2026-07-02", "company": "Theirs Co"})
    refused = subprocess.run(
        [sys.executable, "-m", "recovery_analytics.cli", "form", str(shared), "--client", CLIENT,
         "--no-browser"],
        cwd=home.root, env=home.environ(), capture_output=True, text=True, timeout=300,
        check=False,
    )  # fmt: skip
    assert refused.returncode == 1
    assert "also holds entries of other clients (eli)" in refused.stderr
    assert "token=" not in refused.stdout and home.private_folders() == before

    args = [str(shared), "--client", CLIENT, "--shared-journal"]
    with _serving(home, args, "form-shared") as server:
        page.goto(server.url("/"), timeout=LOAD_TIMEOUT)
        form = page.locator(".ra-form")
        form.wait_for(state="visible", timeout=LOAD_TIMEOUT)
        assert _edit_list(form) == [f"2026-07-01 \u2014 Ours \u2014 {CLIENT}"]
        assert "Theirs Co" not in page.content()


# -- issue 15: two clients' pages on a practice database --------------------------------------


@dataclass
class Practice:
    owner_url: str
    logins: dict[str, str]  # coach or client name -> URL with password


def _added(out: str) -> str:
    found = re.search(r"connect with: (\S+)", out)
    assert found, out
    return found.group(1)


@pytest.fixture(scope="module")
def practice(postgresql_cluster: Cluster) -> Practice:
    suffix = uuid.uuid4().hex[:8]
    owner, database, password = f"owner_{suffix}", f"practice_{suffix}", secrets.token_hex(12)
    postgresql_cluster.psql(f"CREATE ROLE {owner} LOGIN CREATEROLE PASSWORD '{password}'")
    postgresql_cluster.psql(f"CREATE DATABASE {database} OWNER {owner}")
    owner_url = f"postgresql://{owner}:{password}@127.0.0.1:{postgresql_cluster.port}/{database}"
    logins: dict[str, str] = {}
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["practice", "init", owner_url]) == 0
    for command in (
        ["add-coach", "Cora"],
        ["add-client", "ana", "--coach", "Cora"],
        ["add-client", "ben", "--coach", "Cora"],
    ):
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            assert main(["practice", *command, "--url", owner_url]) == 0
        logins[command[1]] = _added(out.getvalue())
    return Practice(owner_url, logins)


@pytest.mark.postgresql
def test_two_clients_pages_on_the_practice_database(
    chromium: Any, practice: Practice, home: Home
) -> None:
    saved: dict[str, list[str]] = {"ana": [], "ben": []}
    companies = {"ana": ["Alder Bank", "Aster Labs"], "ben": ["Birch Foods"]}
    with contextlib.ExitStack() as stack:
        servers = {
            name: stack.enter_context(
                _serving(
                    home, ["--client", name], f"form-practice-{name}",
                    RA_JOURNAL=practice.logins[name],  # the client's own role, by the environment
                )
            )
            for name in ("ana", "ben")
        }  # fmt: skip
        for name, server in servers.items():  # the password is in no command line
            password = urllib.parse.urlsplit(practice.logins[name]).password
            assert password and password not in " ".join(_command_lines())
            assert password not in server.log_tail(400)
        contexts = {name: stack.enter_context(_context(chromium)) for name in servers}
        pages = {name: contexts[name].new_page() for name in servers}
        for name, page in pages.items():
            page.set_default_timeout(60_000)
            page.goto(servers[name].url("/"), timeout=LOAD_TIMEOUT)
            page.locator(".ra-form").wait_for(state="visible", timeout=LOAD_TIMEOUT)
        # they take turns, each saving while the other's page is open
        for name, company in [("ana", "Alder Bank"), ("ben", "Birch Foods"), ("ana", "Aster Labs")]:
            form = pages[name].locator(".ra-form")
            saved[name].append(save(_filled(form, company), known=saved[name]))
        for name, page in pages.items():
            page.reload(timeout=LOAD_TIMEOUT)  # a new visit reads the journal afresh
            form = page.locator(".ra-form")
            form.wait_for(state="visible", timeout=LOAD_TIMEOUT)
            texts = _edit_list(form)
            shown = sorted(t.split(" \u2014 ")[1] for t in texts)
            assert shown == sorted(companies[name]), (name, texts)
            assert all(t.endswith(f"\u2014 {name}") for t in texts)

    # the coach's connection sees both clients' entries, and so does the coach's notebook
    with Journal.open(practice.logins["Cora"]) as journal:
        by_client = {c: sorted(e.entry_id for e in journal.entries(c)) for c in ("ana", "ben")}
    assert by_client == {name: sorted(ids) for name, ids in saved.items()}
    log = open_log(practice.logins["Cora"])  # what 03_coach_overview.ipynb's "load" cell runs
    assert log.clients == ["ana", "ben"]
    assert sorted(log.interviews.index) == sorted(saved["ana"] + saved["ben"])
    # and each client's own connection still sees only theirs
    with Journal.open(practice.logins["ben"]) as journal:
        assert [e.company for e in journal.entries()] == ["Birch Foods"]


def _filled(form: Any, company: str) -> Any:
    fill_form(form, Reflection(company=company, date=dt.date(2026, 9, 3)))
    return form


@contextlib.contextmanager
def _context(chromium: Any) -> Iterator[Any]:
    context = chromium.new_context(viewport=VIEWPORT)
    try:
        yield context
    finally:
        context.close()


def _command_lines() -> list[str]:
    """Every process's command line, as another user of the machine could read them."""
    lines = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError):
                lines.append((entry / "cmdline").read_bytes().replace(b"\0", b" ").decode())
    return lines
