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
import secrets
import signal
import socket
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

from ..exceptions import RecoveryAnalyticsError

HOST = "127.0.0.1"
DEFAULT_PORT = 8888
_PORT_TRIES = 50


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--port",
        type=_port,
        help=f"the port to listen on (default: the first free one from {DEFAULT_PORT})",
    )
    p.add_argument(
        "--no-browser", action="store_true", help="print the address but do not open a browser"
    )


def _port(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"a port is a number such as 8888, not {text!r}") from None
    if not 1 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"a port is between 1 and 65535, not {value}")
    return value


def notebooks_folder(start: str | os.PathLike[str] | None = None) -> Path:
    """The project's ``notebooks/`` folder."""
    from ..notebook import find_project_root  # on first use: it imports the journal

    return find_project_root(start) / "notebooks"


def port_is_free(port: int, host: str = HOST) -> bool:
    """Whether a server could listen on ``host:port`` right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        try:
            s.bind((host, port))
        except OSError:
            return False
    return True


def free_port(first: int = DEFAULT_PORT, tries: int = _PORT_TRIES) -> int:
    """The first free port from ``first`` on."""
    for port in range(first, min(first + tries, 65536)):
        if port_is_free(port):
            return port
    raise RecoveryAnalyticsError(
        f"No free port between {first} and {first + tries - 1}: stop another Jupyter server, "
        "or choose a port with --port N."
    )


def lab_command(notebooks: Path, port: int, *, open_browser: bool) -> list[str]:
    """The command that starts JupyterLab (the token is passed in the environment)."""
    cmd = [
        sys.executable,
        "-m",
        "jupyterlab",
        f"--ServerApp.root_dir={notebooks}",
        f"--ServerApp.ip={HOST}",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",  # the printed address must be the real one
    ]
    if not open_browser:
        cmd.append("--no-browser")
    if hasattr(os, "geteuid") and os.geteuid() == 0:  # containers often run as root
        cmd.append("--ServerApp.allow_root=True")
    return cmd


def lab_environment(token: str, base: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment of JupyterLab: the token, and this environment's kernels first.

    A ``python3`` kernel of another Python (say in ``~/.local/share/jupyter``)
    would otherwise win over this environment's, and the notebooks would not
    find the package.
    """
    env = dict(os.environ if base is None else base)
    env["JUPYTER_TOKEN"] = token
    ours = Path(sys.prefix) / "share" / "jupyter"
    if (ours / "kernels").is_dir():
        rest = [p for p in env.get("JUPYTER_PATH", "").split(os.pathsep) if p]
        env["JUPYTER_PATH"] = os.pathsep.join([str(ours), *rest])
    return env


def lab_url(port: int, token: str) -> str:
    return f"http://{HOST}:{port}/lab?token={token}"


def _wait(proc: subprocess.Popen[bytes]) -> int:
    """Wait for JupyterLab.

    Ctrl-C reaches JupyterLab directly (it asks before stopping), so this
    process ignores it meanwhile; a SIGTERM to this process is passed on, so
    that JupyterLab and its kernels never outlive the command.
    """

    def stop(_signum: int, _frame: object) -> None:
        proc.terminate()

    previous_int = signal.signal(signal.SIGINT, signal.SIG_IGN)
    previous_term = signal.signal(signal.SIGTERM, stop)
    try:
        return proc.wait()
    finally:
        signal.signal(signal.SIGINT, previous_int)
        signal.signal(signal.SIGTERM, previous_term)


def run(args: argparse.Namespace) -> int:
    notebooks = notebooks_folder()
    if not notebooks.is_dir():  # pragma: no cover - find_project_root checks it
        raise RecoveryAnalyticsError(f"There is no notebooks folder at {notebooks}.")
    if args.port is None:
        port = free_port()
    elif port_is_free(args.port):
        port = args.port
    else:
        raise RecoveryAnalyticsError(
            f"Port {args.port} is in use (another Jupyter server?): choose another with "
            f"--port N, or leave --port out to take the first free one from {DEFAULT_PORT}."
        )
    token = secrets.token_urlsafe(24)
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
    return _wait(proc)
