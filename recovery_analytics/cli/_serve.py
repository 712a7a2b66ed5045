"""What ``lab`` and ``form`` share: ports, tokens, the Jupyter environment, waiting.

Both start a Jupyter server (JupyterLab or Voila) in a child process, bound
to 127.0.0.1 by default, with a fresh random token that travels in the
child's environment (``JUPYTER_TOKEN``), never on its command line: other
users of the machine can read a command line in the process list, not an
environment.
"""

from __future__ import annotations

import argparse
import ipaddress
import os
import secrets
import signal
import socket
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

from ..exceptions import RecoveryAnalyticsError

__all__ = [
    "HOST",
    "NO_FILES",
    "NO_FILES_CONFIG",
    "free_port",
    "jupyter_environment",
    "new_token",
    "parse_address",
    "parse_port",
    "pick_port",
    "port_is_free",
    "wait_for_server",
]

HOST = "127.0.0.1"
_PORT_TRIES = 50

#: Voila's settings that serve no file at all from ``/voila/files/`` (which
#: answers without the token): nothing is allowed, everything is denied.
NO_FILES_CONFIG = {"VoilaConfiguration": {"file_allowlist": [], "file_denylist": [".*"]}}
#: The same on a command line (traitlets calls ``=[]`` an old spelling, with a
#: warning, but it is the only one for an empty list).
NO_FILES = (
    "--VoilaConfiguration.file_allowlist=[]",
    "--VoilaConfiguration.file_denylist=['.*']",
)


def parse_port(text: str) -> int:
    """``--port``'s type: a number from 1 to 65535, or a usage error that says so."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"a port is a number such as 8888, not {text!r}") from None
    if not 1 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"a port is between 1 and 65535, not {value}")
    return value


def parse_address(text: str) -> str:
    """``--ip``'s type: an IPv4 or IPv6 address such as 127.0.0.1 or 0.0.0.0."""
    try:
        return str(ipaddress.ip_address(text.strip()))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"--ip takes an address such as 127.0.0.1 (this computer only) or 0.0.0.0 "
            f"(every network), not {text!r}"
        ) from None


def port_is_free(port: int, host: str = HOST) -> bool:
    """Whether a server could listen on ``host:port`` right now."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as s:
        try:
            s.bind((host, port))
        except OSError:
            return False
    return True


def free_port(first: int, tries: int = _PORT_TRIES, host: str = HOST) -> int:
    """The first free port from ``first`` on."""
    for port in range(first, min(first + tries, 65536)):
        if port_is_free(port, host):
            return port
    raise RecoveryAnalyticsError(
        f"No free port between {first} and {first + tries - 1}: stop another Jupyter server, "
        "or choose a port with --port N."
    )


def pick_port(asked: int | None, default: int, host: str = HOST) -> int:
    """``--port`` when it is free, else a plain message; the first free one when not given."""
    if asked is None:
        return free_port(default, host=host)
    if port_is_free(asked, host):
        return asked
    raise RecoveryAnalyticsError(
        f"Port {asked} is in use (another Jupyter server?): choose another with --port N, "
        f"or leave --port out to take the first free one from {default}."
    )


def new_token() -> str:
    """A fresh random token (32 URL-safe characters)."""
    return secrets.token_urlsafe(24)


def jupyter_environment(token: str, base: Mapping[str, str] | None = None) -> dict[str, str]:
    """A Jupyter server's environment: the token, and this environment's kernels first.

    A ``python3`` kernel of another Python (say in ``~/.local/share/jupyter``)
    would otherwise win over this environment's, and the notebooks would not
    find the package. A token file named by ``JUPYTER_TOKEN_FILE`` is dropped:
    the token is this one.
    """
    env = dict(os.environ if base is None else base)
    env["JUPYTER_TOKEN"] = token
    env.pop("JUPYTER_TOKEN_FILE", None)
    ours = Path(sys.prefix) / "share" / "jupyter"
    if (ours / "kernels").is_dir():
        rest = [p for p in env.get("JUPYTER_PATH", "").split(os.pathsep) if p]
        env["JUPYTER_PATH"] = os.pathsep.join([str(ours), *rest])
    return env


def wait_for_server(proc: subprocess.Popen[bytes]) -> int:
    """Wait for a server started in this terminal; return its exit code.

    Ctrl-C reaches the server directly (it is in the terminal's process
    group), so this process ignores it meanwhile; a SIGTERM to this process is
    passed on, so that the server and its kernels never outlive the command.
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
