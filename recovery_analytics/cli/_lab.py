"""``recovery-analytics lab [--port N] [--no-browser]``: JupyterLab on the notebooks.

Starts JupyterLab in the project's ``notebooks/`` folder (found from the
current folder or next to the package, see
:func:`recovery_analytics.notebook.find_project_root`), bound to 127.0.0.1
with a fresh random token, and prints the address to open. The token travels
in the server's environment, not on its command line, so other users of the
machine cannot read it from the process list.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

from ..exceptions import RecoveryAnalyticsError
from ._serve import (
    HOST,
    NO_FILES,
    free_port,
    jupyter_environment,
    new_token,
    parse_port,
    pick_port,
    port_is_free,
    wait_for_server,
)

__all__ = [
    "DEFAULT_PORT",
    "add_arguments",
    "free_port",
    "lab_command",
    "lab_environment",
    "lab_url",
    "notebooks_folder",
    "port_is_free",
    "run",
]

DEFAULT_PORT = 8888


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--port",
        type=parse_port,
        help=f"the port to listen on (default: the first free one from {DEFAULT_PORT})",
    )
    p.add_argument(
        "--no-browser", action="store_true", help="print the address but do not open a browser"
    )


def notebooks_folder(start: str | os.PathLike[str] | None = None) -> Path:
    """The project's ``notebooks/`` folder."""
    from ..notebook import find_project_root  # on first use: it imports the journal

    return find_project_root(start) / "notebooks"


def lab_command(notebooks: Path, port: int, *, open_browser: bool) -> list[str]:
    """The command that starts JupyterLab (the token is passed in the environment).

    The Voila extension inside JupyterLab serves no file from ``/voila/files/``
    (a route that answers without the token).
    """
    cmd = [
        sys.executable,
        "-m",
        "jupyterlab",
        f"--ServerApp.root_dir={notebooks}",
        f"--ServerApp.ip={HOST}",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",  # the printed address must be the real one
        *NO_FILES,
    ]
    if not open_browser:
        cmd.append("--no-browser")
    if hasattr(os, "geteuid") and os.geteuid() == 0:  # containers often run as root
        cmd.append("--ServerApp.allow_root=True")
    return cmd


def lab_environment(token: str, base: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment of JupyterLab: the token, and this environment's kernels first."""
    return jupyter_environment(token, base)


def lab_url(port: int, token: str) -> str:
    return f"http://{HOST}:{port}/lab?token={token}"


def run(args: argparse.Namespace) -> int:
    notebooks = notebooks_folder()
    if not notebooks.is_dir():  # pragma: no cover - find_project_root checks it
        raise RecoveryAnalyticsError(f"There is no notebooks folder at {notebooks}.")
    port = pick_port(args.port, DEFAULT_PORT)
    token = new_token()
    cmd = lab_command(notebooks, port, open_browser=not args.no_browser)
    env = lab_environment(token)
    print(
        f"Starting JupyterLab on the notebooks in {notebooks}\n"
        "Open this address in your browser (it holds a secret token: keep it to yourself):\n\n"
        f"    {lab_url(port, token)}\n\n"
        "Start with 01_capture.ipynb. Stop JupyterLab with Ctrl-C, twice.",
        flush=True,
    )
    try:
        proc = subprocess.Popen(cmd, cwd=notebooks, env=env)
    except OSError as exc:  # pragma: no cover - the interpreter itself is missing
        raise RecoveryAnalyticsError(f"Could not start JupyterLab: {exc}") from None
    return wait_for_server(proc)
