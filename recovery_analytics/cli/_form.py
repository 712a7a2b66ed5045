"""``recovery-analytics form JOURNAL --client NAME``: the entry form as a client's web page.

Serves ``notebooks/01_capture.ipynb`` with Voila for one client, with safe
defaults and nothing to remember (``docs/voila.md``):

* bound to 127.0.0.1 unless ``--ip`` is given;
* a fresh random token, printed once in the address and passed to Voila in
  its environment (never on a command line, which other users can read);
* token logins only: no password, so no "Setup a Password" form either;
* no file served: Voila's ``/voila/files/`` route answers without the token,
  so its allow-list is emptied, and the notebook runs from a private
  temporary copy (a new 0700 folder, removed when the command ends) with
  nothing of the project's folders next to it;
* the journal is passed in the environment too (``RA_JOURNAL``): a
  PostgreSQL URL holding a client's password never shows in the process
  list or in what is printed; a URL given on the command line with a
  password in it is refused for that reason;
* the journal must be that client's own: one holding other clients' entries
  is refused unless ``--shared-journal``;
* the form is kept to that client (``EntryForm(only_client=...)``): "Edit an
  earlier entry" lists only their entries, and the server refuses anything
  else, whatever the page sends.
"""

from __future__ import annotations

import argparse
import contextlib
import html
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import webbrowser
from collections.abc import Iterator, Mapping
from pathlib import Path
from urllib.parse import urlsplit

from ..exceptions import RecoveryAnalyticsError
from ._lab import notebooks_folder
from ._serve import (
    HOST,
    NO_FILES_CONFIG,
    jupyter_environment,
    new_token,
    parse_address,
    parse_port,
    pick_port,
    wait_for_server,
)

__all__ = [
    "CLIENT_ENV",
    "DEFAULT_PORT",
    "FORM_NOTEBOOK",
    "JOURNAL_ENV",
    "ONLY_CLIENT_ENV",
    "add_arguments",
    "check_journal",
    "form_environment",
    "form_url",
    "journal_location",
    "private_copy",
    "run",
    "voila_command",
]

DEFAULT_PORT = 8866  # Voila's own
FORM_NOTEBOOK = "01_capture.ipynb"
#: What the notebook reads (see notebooks/_build.py's parameters cell).
JOURNAL_ENV = "RA_JOURNAL"
CLIENT_ENV = "RA_CLIENT"
ONLY_CLIENT_ENV = "RA_ONLY_CLIENT"

#: Voila's options besides the port: token logins only, no tracebacks. "No file served"
#: is in ``voila.json`` in Voila's working folder (see :func:`private_copy`).
_VOILA_OPTIONS = (
    "--no-browser",  # Voila would open its address without the token; we open ours
    "--token",  # use the token of the environment (JUPYTER_TOKEN)
    # token logins only: no password (whatever a config file says), none can be set
    # (jupyter_server's plain IdentityProvider would do, but its login form fails)
    "--PasswordIdentityProvider.hashed_password=",
    "--PasswordIdentityProvider.allow_password_change=False",
    "--Voila.port_retries=0",  # the printed address must be the real one
    "--VoilaConfiguration.show_tracebacks=False",
    "--Voila.log_level=WARN",
)


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "journal",
        nargs="?",
        metavar="JOURNAL",
        help=f"the client's journal: a folder, an SQLite file or URL, or a PostgreSQL URL "
        f"with the client's own role (default: ${JOURNAL_ENV}; put a URL holding a password "
        "there, not on the command line)",
    )
    p.add_argument(
        "--client",
        required=True,
        metavar="NAME",
        help="the client the page is for: every reflection is saved under this name",
    )
    p.add_argument(
        "--port",
        type=parse_port,
        help=f"the port to listen on (default: the first free one from {DEFAULT_PORT})",
    )
    p.add_argument(
        "--ip",
        type=parse_address,
        default=HOST,
        help=f"the address to listen on (default: {HOST}, this computer only; see "
        "docs/voila.md before changing it)",
    )
    p.add_argument(
        "--shared-journal",
        action="store_true",
        help="serve a journal that also holds other clients' entries (the page still shows "
        "and saves only this client's)",
    )
    p.add_argument(
        "--no-browser", action="store_true", help="print the address but do not open a browser"
    )


def _has_password(location: str) -> bool:
    if "://" not in location:
        return False
    try:
        return bool(urlsplit(location).password)
    except ValueError:  # a malformed port, say: Journal.open says what is wrong
        return False


def _hidden(location: str) -> str:
    """``location`` with any password replaced by ``***`` (for messages)."""
    parts = urlsplit(location)
    if not parts.password:
        return location
    netloc = parts.netloc.rsplit("@", 1)
    user = netloc[0].split(":", 1)[0]
    return parts._replace(netloc=f"{user}:***@{netloc[1]}").geturl()


def journal_location(given: str | None, environ: Mapping[str, str] | None = None) -> str:
    """The journal to serve: ``JOURNAL``, else ``$RA_JOURNAL``; never a password in argv.

    Raises
    ------
    RecoveryAnalyticsError
        When neither is given, or when ``JOURNAL`` on the command line holds a
        password (it would be in the process list for as long as the page runs).
    """
    env = os.environ if environ is None else environ
    if given is None:
        found = env.get(JOURNAL_ENV, "").strip()
        if not found:
            raise RecoveryAnalyticsError(
                f"Which journal? Give it as JOURNAL (a folder such as journals/dana, or "
                f"sqlite:///dana.db) or in ${JOURNAL_ENV}."
            )
        return _absolute(found)
    if _has_password(given):
        raise RecoveryAnalyticsError(
            f"The journal URL {_hidden(given)} holds a password, which other users of this "
            "computer could read in the process list for as long as the page runs. Nothing "
            f"was started. Put the URL in the {JOURNAL_ENV} environment variable instead and "
            f"leave JOURNAL out (read -s {JOURNAL_ENV} && export {JOURNAL_ENV}), or leave the "
            "password out of the URL and keep it in ~/.pgpass."
        )
    return _absolute(given)


def _absolute(location: str) -> str:
    """``location`` that means the same from any folder (the notebook runs elsewhere)."""
    if location.lower().startswith("sqlite:///"):
        rest = location[len("sqlite:///") :]
        if rest and not rest.startswith(("/", ":memory:", "file:", "?")):
            return "sqlite:///" + os.path.abspath(os.path.expanduser(rest))
        return location
    if "://" in location or location.lower().startswith("sqlite:"):
        return location
    return os.path.abspath(os.path.expanduser(location))


def check_journal(location: str, client: str, *, shared: bool) -> tuple[str, list[str]]:
    """Open the journal once; refuse one with other clients' entries unless ``shared``.

    A folder or SQLite journal that does not exist yet is created, empty and
    owner-only (so the notebook does not start it with the sample data).

    Returns
    -------
    (where, others)
        The journal as it may be shown (no password), and the other clients
        whose entries it holds (empty unless ``shared``).
    """
    from ..journal import Journal  # on first use: it imports pandas and SQLAlchemy

    with Journal.open(location) as journal:
        where = journal.where
        others = [c for c in journal.clients() if c != client]
    if others and not shared:
        listed = ", ".join(others[:5]) + (f" and {len(others) - 5} more" if len(others) > 5 else "")
        raise RecoveryAnalyticsError(
            f"The journal at {where} also holds entries of other clients ({listed}). The "
            f"page is for {client} alone, and the process behind it can read the whole "
            f"journal, so nothing was started. Give {client} a journal of their own (a new "
            "folder, or their own role on a practice database), or, if you accept that, "
            "start it again with --shared-journal: the page still lists and saves only "
            f"{client}'s entries."
        )
    return where, others


@contextlib.contextmanager
def private_copy(notebook: Path) -> Iterator[Path]:
    """A copy of ``notebook`` in a new private folder (0700); the folder is removed after.

    Yields the copied notebook: ``<tmp>/form/<name>``. ``<tmp>`` holds
    ``voila.json``, the settings that serve no file (Voila reads it from its
    working folder, ``<tmp>``, before the user's own), and what the command
    itself writes (the page that opens the browser).
    """
    folder = Path(tempfile.mkdtemp(prefix="ra-form-"))  # 0700, made by mkdtemp
    try:
        served = folder / "form"
        served.mkdir(mode=0o700)
        copy = served / notebook.name
        shutil.copyfile(notebook, copy)
        os.chmod(copy, 0o600)
        settings = os.open(folder / "voila.json", os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(settings, "w", encoding="utf-8") as out:
            json.dump(NO_FILES_CONFIG, out)
        yield copy
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def voila_command(notebook: Path, ip: str, port: int) -> list[str]:
    """The command that starts Voila on ``notebook`` (token and journal are in the environment)."""
    return [
        sys.executable,
        "-m",
        "voila",
        str(notebook),
        f"--Voila.ip={ip}",
        f"--Voila.port={port}",
        *_VOILA_OPTIONS,
    ]


def form_environment(
    token: str, location: str, client: str, base: Mapping[str, str] | None = None
) -> dict[str, str]:
    """Voila's environment: the token, the journal and the client the page is kept to."""
    env = jupyter_environment(token, base)
    env[JOURNAL_ENV] = location
    env[CLIENT_ENV] = client
    env[ONLY_CLIENT_ENV] = client
    return env


def form_url(ip: str, port: int, token: str) -> str:
    shown = f"[{ip}]" if ":" in ip else ip
    return f"http://{shown}:{port}/?token={token}"


def _message(client: str, where: str, url: str, ip: str, others: list[str]) -> str:
    lines = [
        f"Serving the reflection form for {client!r}, saving into {where}.",
        "",
        f"Send {client} this address over a channel you trust. It holds a secret token:",
        "anyone with the whole address can use the page; without it, nothing is served.",
        "",
        f"    {url}",
        "",
        f"With the address, {client} can:",
        f"  - write new reflections, saved under the name {client!r};",
        "  - open and change their own earlier reflections (\u201cEdit an earlier entry\u201d).",
        f"{client} cannot:",
        f"  - see, add or change anyone else's entries: the page lists and saves only {client}'s;",
        "  - run code of their own, reach files on this computer, or set a password.",
    ]
    if others:
        lines += [
            "",
            f"Note: this journal also holds entries of {len(others)} other client(s)"
            " (--shared-journal). The page never shows them, but the process behind it can",
            "read them; a journal of the client's own is safer.",
        ]
    if ip not in (HOST, "localhost", "::1"):
        lines += [
            "",
            f"Warning: listening on {ip}, not only on this computer. The connection is plain",
            "HTTP: put the page behind a reverse proxy with TLS and real logins (docs/voila.md).",
        ]
    lines += [
        "",
        "Each visit starts a Python process on this computer. Stop the page with Ctrl-C;",
        "the address then stops working, and starting it again makes a new one.",
    ]
    return "\n".join(lines)


def _open_when_ready(url: str, ip: str, port: int, folder: Path, timeout: float = 120) -> None:
    """Open the page in a browser once the server answers, through a private local file.

    The address goes into an owner-only file in the private folder, not on
    the browser's command line (where the process list would show it).
    """
    opener = folder / "open.html"
    fd = os.open(opener, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        target = html.escape(url, quote=True)
        out.write(f'<meta http-equiv="refresh" content="0;url={target}">')
        out.write(f'<a href="{target}">Open the form</a>')
    host = "127.0.0.1" if ip in ("0.0.0.0", "") else ("::1" if ip == "::" else ip)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection((host, port), timeout=2):
                break
        except OSError:
            time.sleep(0.5)
    else:
        return
    with contextlib.suppress(webbrowser.Error):
        webbrowser.open(opener.as_uri())


def run(args: argparse.Namespace) -> int:
    client = (args.client or "").strip()
    if not client:
        raise RecoveryAnalyticsError("--client needs the client's name, such as --client dana.")
    location = journal_location(args.journal)
    where, others = check_journal(location, client, shared=args.shared_journal)
    notebook = notebooks_folder() / FORM_NOTEBOOK
    if not notebook.is_file():  # pragma: no cover - a project without its notebooks
        raise RecoveryAnalyticsError(f"The form's notebook is missing: {notebook}.")
    port = pick_port(args.port, DEFAULT_PORT, host=args.ip)
    token = new_token()
    url = form_url(args.ip, port, token)
    with private_copy(notebook) as copy:
        cmd = voila_command(copy, args.ip, port)
        env = form_environment(token, location, client)
        print(_message(client, where, url, args.ip, others), flush=True)
        try:
            proc = subprocess.Popen(cmd, cwd=copy.parent.parent, env=env)
        except OSError as exc:  # pragma: no cover - the interpreter itself is missing
            raise RecoveryAnalyticsError(f"Could not start Voila: {exc}") from None
        if not args.no_browser:
            threading.Thread(
                target=_open_when_ready,
                args=(url, args.ip, port, copy.parent.parent),
                daemon=True,
            ).start()
        return wait_for_server(proc)
