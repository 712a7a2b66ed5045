"""``recovery-analytics lab``: JupyterLab on the notebooks folder, on 127.0.0.1, with a token."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from recovery_analytics.cli import _lab as lab
from recovery_analytics.cli import build_parser, main

from ..notebooks._jupyter import ROOT, kernel_env

NOTEBOOKS = ROOT / "notebooks"


class FakePopen:
    """Stands in for JupyterLab: records how it was started, exits at once."""

    started: list[FakePopen] = []

    def __init__(self, cmd: list[str], *, cwd: Path, env: dict[str, str]) -> None:
        self.cmd, self.cwd, self.env = cmd, cwd, env
        FakePopen.started.append(self)

    def wait(self) -> int:
        return 0

    def terminate(self) -> None:  # pragma: no cover - not signalled in these tests
        pass


@pytest.fixture
def fake_lab(monkeypatch: pytest.MonkeyPatch) -> list[FakePopen]:
    FakePopen.started = []
    monkeypatch.setattr(lab.subprocess, "Popen", FakePopen)
    return FakePopen.started


def test_the_command_is_listed() -> None:
    args = build_parser().parse_args(["lab", "--port", "9999", "--no-browser"])
    assert args.port == 9999 and args.no_browser and args.run is lab.run


@pytest.mark.parametrize("port", ["http", "0", "70000"])
def test_bad_ports_are_usage_errors(port: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        build_parser().parse_args(["lab", "--port", port])
    assert info.value.code == 2
    assert "port" in capsys.readouterr().err


def test_lab_starts_on_the_notebooks_with_a_token_in_the_environment(
    fake_lab: list[FakePopen], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT / "data")  # anywhere inside the project
    port = lab.free_port(20000)
    assert main(["lab", "--port", str(port), "--no-browser"]) == 0
    (proc,) = fake_lab
    assert proc.cwd == NOTEBOOKS
    assert proc.cmd[:3] == [sys.executable, "-m", "jupyterlab"]
    assert f"--ServerApp.root_dir={NOTEBOOKS}" in proc.cmd
    assert "--ServerApp.ip=127.0.0.1" in proc.cmd
    assert f"--ServerApp.port={port}" in proc.cmd
    assert "--no-browser" in proc.cmd
    # the Voila extension's /voila/files/ answers without the token: it serves nothing
    assert "--VoilaConfiguration.file_allowlist=[]" in proc.cmd
    assert "--VoilaConfiguration.file_denylist=['.*']" in proc.cmd
    token = proc.env["JUPYTER_TOKEN"]
    assert len(token) >= 32
    assert not any(token in part for part in proc.cmd)  # not visible in the process list
    out = capsys.readouterr().out
    assert f"http://127.0.0.1:{port}/lab?token={token}" in out
    assert str(NOTEBOOKS) in out and "01_capture.ipynb" in out


def test_this_environments_kernel_comes_first() -> None:
    ours = str(Path(sys.prefix) / "share" / "jupyter")
    env = lab.lab_environment("t", {"JUPYTER_PATH": "/elsewhere", "HOME": "/home/x"})
    assert env["JUPYTER_PATH"].split(os.pathsep) == [ours, "/elsewhere"]
    assert env["JUPYTER_TOKEN"] == "t" and env["HOME"] == "/home/x"
    assert lab.lab_environment("t", {})["JUPYTER_PATH"] == ours


def test_tokens_differ_and_the_browser_opens_by_default(fake_lab: list[FakePopen]) -> None:
    assert main(["lab"]) == 0
    assert main(["lab"]) == 0
    first, second = fake_lab
    assert "--no-browser" not in first.cmd
    assert first.env["JUPYTER_TOKEN"] != second.env["JUPYTER_TOKEN"]


def test_a_busy_port_is_said_plainly(
    fake_lab: list[FakePopen], capsys: pytest.CaptureFixture[str]
) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert not lab.port_is_free(port)
        assert main(["lab", "--port", str(port)]) == 1
        assert lab.free_port(port, tries=5) != port
    assert fake_lab == []
    assert f"Port {port} is in use" in capsys.readouterr().err


def test_outside_the_project_it_says_how_to_start(
    fake_lab: list[FakePopen],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    import recovery_analytics.notebook as nbh

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(nbh, "__file__", str(tmp_path / "site-packages" / "x" / "notebook.py"))
    assert main(["lab", "--no-browser"]) == 1
    assert "Could not find the project folder" in capsys.readouterr().err
    assert fake_lab == []


def _wait_for(url: str, proc: subprocess.Popen[Any] | None, timeout: float) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert proc is None or proc.poll() is None, "JupyterLab exited early"
        try:
            with urllib.request.urlopen(url, timeout=10) as answer:
                return int(answer.status)
        except urllib.error.HTTPError as exc:
            return exc.code
        except (urllib.error.URLError, OSError):
            time.sleep(0.5)
    raise TimeoutError(f"{url} did not answer within {timeout}s")


@contextlib.contextmanager
def _running_lab(project: Path, tmp_path: Path, port: int) -> Iterator[tuple[str, str]]:
    """The real command run from ``project``; yields (base address, token) once it answers."""
    env = {**os.environ, **kernel_env(tmp_path), "JUPYTERLAB_WORKSPACES_DIR": str(tmp_path)}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "recovery_analytics.cli",
            "lab",
            "--no-browser",
            "--port",
            str(port),
        ],
        cwd=project,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        start_new_session=True,
    )
    try:
        assert proc.stdout is not None
        first_lines = "".join(proc.stdout.readline() for _ in range(4))
        url = re.search(r"http://127\.0\.0\.1:\d+/lab\?token=\S+", first_lines)
        assert url, first_lines
        token = url.group(0).split("token=", 1)[1]
        base = f"http://127.0.0.1:{port}"
        assert _wait_for(f"{base}/api/contents?token={token}", proc, timeout=180) == 200
        yield base, token
    finally:
        proc.send_signal(signal.SIGTERM)  # passed on to JupyterLab by the command
        try:
            proc.wait(60)
        finally:
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
    assert proc.returncode is not None


@pytest.mark.slow
def test_lab_really_serves_the_notebooks(tmp_path: Path) -> None:
    """The real command: the printed address answers, only with its token."""
    with _running_lab(ROOT, tmp_path, lab.free_port(21000)) as (base, token):
        with urllib.request.urlopen(f"{base}/api/contents?token={token}", timeout=30) as answer:
            listing = answer.read().decode()
        for name in ("01_capture.ipynb", "04_review_session.ipynb"):
            assert name in listing
        assert _wait_for(f"{base}/api/contents?token=wrong", None, timeout=30) == 403


@pytest.mark.slow
def test_lab_serves_no_file_through_voila(tmp_path: Path) -> None:
    """Voila's /voila/files/ (no token needed) serves nothing, not even a chart image."""
    project = tmp_path / "project"
    shutil.copytree(NOTEBOOKS, project / "notebooks", ignore=shutil.ignore_patterns("_*", ".*"))
    (project / "data" / "sample").mkdir(parents=True)
    image = b"\x89PNG\r\n\x1a\n" + b"a chart saved next to the notebooks"
    (project / "notebooks" / "balance.png").write_bytes(image)
    with _running_lab(project, tmp_path, lab.free_port(21100)) as (base, token):
        # the image is there for JupyterLab itself, with the token: the check can fail
        with urllib.request.urlopen(f"{base}/files/balance.png?token={token}") as answer:
            assert answer.read() == image
        for query in ("", f"?token={token}"):
            url = f"{base}/voila/files/balance.png{query}"
            assert _wait_for(url, None, timeout=30) == 403, url
