"""Start JupyterLab or Voila on 127.0.0.1 in a subprocess, wait for it, always stop it.

A server runs in a session of its own (``start_new_session``), so that
stopping it also stops the kernels it started: first SIGTERM to the server
(it shuts its kernels down), then SIGKILL to the whole process group for
anything left. Its output goes to a log file under ``test-output/`` that the
failure messages point to.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

HOST = "127.0.0.1"
START_TIMEOUT = 180  # seconds for a server to answer; imports are slow on a busy machine
STOP_TIMEOUT = 30  # seconds for a clean shutdown before SIGKILL


def free_port() -> int:
    """A port nobody listens on right now (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        port: int = s.getsockname()[1]
        return port


@dataclass
class Workspace:
    """Temporary folders for one session of browser tests."""

    root: Path
    notebooks: Path
    lab_journal: Path
    voila_journal: Path
    jupyter_env: dict[str, str]


@dataclass
class Server:
    """A running server: where it answers, and its process and log."""

    name: str
    port: int
    token: str
    proc: subprocess.Popen[bytes]
    log: Path

    @property
    def base(self) -> str:
        return f"http://{HOST}:{self.port}"

    def url(self, path: str = "/") -> str:
        sep = "&" if "?" in path else "?"
        return f"{self.base}{path}{sep}token={self.token}" if self.token else f"{self.base}{path}"

    def log_tail(self, lines: int = 40) -> str:
        try:
            text = self.log.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return "(no log)"
        return "\n".join(text.splitlines()[-lines:])

    def stop(self) -> None:
        """SIGTERM the server, wait, then SIGKILL its process group."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                pass
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)  # kernels left behind, if any
        except (ProcessLookupError, PermissionError):
            pass
        if self.proc.poll() is None:
            self.proc.wait(STOP_TIMEOUT)


def start(
    name: str,
    args: Sequence[str],
    *,
    port: int,
    token: str,
    cwd: Path,
    env: Mapping[str, str | None],
    log: Path,
    ready_path: str,
) -> Server:
    """Start ``python -m <args>`` and wait until ``ready_path`` answers 200.

    ``env`` is added to this process's environment; a ``None`` value removes
    that variable.
    """
    environ = {**os.environ, **env}
    full_env = {key: value for key, value in environ.items() if value is not None}
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", *args],
            cwd=cwd,
            env=full_env,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    server = Server(name, port, token, proc, log)
    try:
        wait_until_ready(server, ready_path)
    except BaseException:
        server.stop()
        raise
    return server


def wait_until_ready(server: Server, path: str, timeout: float = START_TIMEOUT) -> None:
    deadline = time.monotonic() + timeout
    url = server.url(path)
    last = "no answer yet"
    while time.monotonic() < deadline:
        code = server.proc.poll()
        if code is not None:
            raise RuntimeError(
                f"{server.name} exited with code {code} before answering; its log "
                f"({server.log}) ends with:\n{server.log_tail()}"
            )
        try:
            with urllib.request.urlopen(url, timeout=10) as answer:
                if answer.status == 200:
                    return
                last = f"HTTP {answer.status}"
        except urllib.error.HTTPError as exc:
            last = f"HTTP {exc.code}"
        except (urllib.error.URLError, OSError) as exc:
            last = str(exc)
        time.sleep(0.5)
    raise TimeoutError(
        f"{server.name} did not answer {server.base}{path} within {timeout:.0f}s ({last}); "
        f"its log ({server.log}) ends with:\n{server.log_tail()}"
    )


_PRINTED_URL = re.compile(r"http://127\.0\.0\.1:(\d+)/\?token=([A-Za-z0-9_-]+)")


def start_form(
    args: Sequence[str],
    *,
    cwd: Path,
    env: Mapping[str, str | None],
    log: Path,
    timeout: float = START_TIMEOUT,
) -> Server:
    """Run ``recovery-analytics form <args>`` as a person would; wait until its page answers.

    The address (port and token) is read from what the command prints, the
    only place it appears. Stopping the server (:meth:`Server.stop`) sends
    SIGTERM to the command, which stops Voila and removes its private folder.
    """
    environ = {**os.environ, **env}
    full_env = {key: value for key, value in environ.items() if value is not None}
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "recovery_analytics.cli", "form", "--no-browser", *args],
            cwd=cwd,
            env=full_env,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    server = Server("recovery-analytics form", 0, "", proc, log)
    try:
        deadline = time.monotonic() + timeout
        while (found := _PRINTED_URL.search(server.log_tail(200))) is None:
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(
                    f"recovery-analytics form printed no address (exit code {proc.poll()}); "
                    f"its log ({log}) ends with:\n{server.log_tail()}"
                )
            time.sleep(0.2)
        server.port, server.token = int(found.group(1)), found.group(2)
        wait_until_ready(server, "/voila/static/voila.js", timeout)
    except BaseException:
        server.stop()
        raise
    return server
