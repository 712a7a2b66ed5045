"""``recovery-analytics form``: how Voila is started, what is refused, what is printed.

Voila itself is replaced by a stand-in that records how it was started (the
real server is driven in tests/browser/test_form_command.py).
"""

from __future__ import annotations

import json
import os
import re
import socket
import stat
import sys
from pathlib import Path

import pytest

from recovery_analytics.cli import _form as form
from recovery_analytics.cli import build_parser, main
from recovery_analytics.journal import Journal

from ..notebooks._jupyter import ROOT

CAPTURE = ROOT / "notebooks" / "01_capture.ipynb"


class FakeVoila:
    """Stands in for Voila: records how it was started and what its folder held."""

    started: list[FakeVoila] = []

    def __init__(self, cmd: list[str], *, cwd: Path, env: dict[str, str]) -> None:
        self.cmd, self.cwd, self.env = cmd, Path(cwd), env
        self.mode = stat.S_IMODE(self.cwd.stat().st_mode)
        self.files = sorted(str(p.relative_to(self.cwd)) for p in self.cwd.rglob("*"))
        self.notebook = (self.cwd / "form" / form.FORM_NOTEBOOK).read_bytes()
        self.settings = json.loads((self.cwd / "voila.json").read_text())
        FakeVoila.started.append(self)

    def wait(self) -> int:
        return 0

    def terminate(self) -> None:  # pragma: no cover - not signalled here
        pass


@pytest.fixture
def voila(monkeypatch: pytest.MonkeyPatch) -> list[FakeVoila]:
    FakeVoila.started = []
    monkeypatch.setattr(form.subprocess, "Popen", FakeVoila)
    monkeypatch.delenv(form.JOURNAL_ENV, raising=False)
    monkeypatch.chdir(ROOT)
    return FakeVoila.started


def _journal(path: Path, *clients: str) -> Path:
    with Journal.open(path) as journal:
        for i, client in enumerate(clients):
            journal.add({"client": client, "interview_date": f"2026-03-0{i + 1}", "company": "Co"})
    return path


def test_the_command_is_listed() -> None:
    args = build_parser().parse_args(["form", "j", "--client", "ana", "--port", "9999"])
    assert args.run is form.run and args.client == "ana" and args.port == 9999
    assert args.ip == "127.0.0.1" and not args.shared_journal and not args.no_browser


def test_voila_starts_safely_on_a_private_copy(
    voila: list[FakeVoila], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    journal = _journal(tmp_path / "dana", "dana")
    port = form.pick_port(None, 21500)
    assert (
        main(["form", str(journal), "--client", "dana", "--port", str(port), "--no-browser"]) == 0
    )
    (proc,) = voila
    assert proc.cmd[:3] == [sys.executable, "-m", "voila"]
    assert "--Voila.ip=127.0.0.1" in proc.cmd and f"--Voila.port={port}" in proc.cmd
    assert "--PasswordIdentityProvider.hashed_password=" in proc.cmd
    assert "--PasswordIdentityProvider.allow_password_change=False" in proc.cmd
    # the token and the journal travel in the environment, not in the process list
    token = proc.env["JUPYTER_TOKEN"]
    assert len(token) >= 32 and not any(token in part for part in proc.cmd)
    assert proc.env[form.JOURNAL_ENV] == str(journal)
    assert proc.env[form.CLIENT_ENV] == proc.env[form.ONLY_CLIENT_ENV] == "dana"
    # a private folder (0700) holding the copied notebook and Voila's settings, nothing else
    assert proc.mode == 0o700
    assert proc.files == ["form", "form/01_capture.ipynb", "voila.json"]
    assert proc.notebook == CAPTURE.read_bytes()
    assert proc.cmd[3] == str(proc.cwd / "form" / "01_capture.ipynb")
    # Voila reads voila.json from its working folder: no file is served
    assert proc.settings["VoilaConfiguration"] == {"file_allowlist": [], "file_denylist": [".*"]}
    assert not proc.cwd.exists()  # removed when the command ended
    out = capsys.readouterr().out
    url = f"http://127.0.0.1:{port}/?token={token}"
    assert out.count(token) == 1 and url in out
    assert "cannot" in out and "dana" in out and "Warning" not in out


def test_tokens_differ_between_starts(voila: list[FakeVoila], tmp_path: Path) -> None:
    journal = str(tmp_path / "new")
    for _ in range(2):
        assert main(["form", journal, "--client", "dana", "--no-browser"]) == 0
    first, second = voila
    assert first.env["JUPYTER_TOKEN"] != second.env["JUPYTER_TOKEN"]


def test_a_new_journal_is_made_empty_not_seeded(voila: list[FakeVoila], tmp_path: Path) -> None:
    assert main(["form", str(tmp_path / "new"), "--client", "dana", "--no-browser"]) == 0
    assert (tmp_path / "new").is_dir()  # so the notebook does not copy the sample into it
    with Journal.open(tmp_path / "new") as journal:
        assert len(journal) == 0


@pytest.mark.parametrize("kind", ["folder", "sqlite"])
def test_a_journal_of_other_clients_is_refused(
    voila: list[FakeVoila], tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    path = tmp_path / ("shared" if kind == "folder" else "shared.db")
    _journal(path, "dana", "eli", "fay")
    location = str(path) if kind == "folder" else f"sqlite:///{path}"
    assert main(["form", location, "--client", "dana", "--no-browser"]) == 1
    assert voila == []
    err = capsys.readouterr().err
    assert "also holds entries of other clients (eli, fay)" in err
    assert "--shared-journal" in err and "nothing was started" in err

    assert main(["form", location, "--client", "dana", "--shared-journal", "--no-browser"]) == 0
    assert len(voila) == 1
    assert "2 other client(s)" in capsys.readouterr().out


def test_a_password_on_the_command_line_is_refused_and_not_shown(
    voila: list[FakeVoila], capsys: pytest.CaptureFixture[str]
) -> None:
    secret = "s3cret-Pa55word"
    url = f"postgresql://practice_client_dana:{secret}@db.example.org:5432/practice"
    assert main(["form", url, "--client", "dana", "--no-browser"]) == 1
    captured = capsys.readouterr()
    assert secret not in captured.out + captured.err
    assert "practice_client_dana:***@db.example.org" in captured.err
    assert form.JOURNAL_ENV in captured.err and voila == []


def test_a_url_with_a_password_from_the_environment_is_used_and_not_shown(
    voila: list[FakeVoila], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = "s3cret-Pa55word"
    url = f"postgresql://practice_client_dana:{secret}@db.example.org:5432/practice"
    monkeypatch.setenv(form.JOURNAL_ENV, url)
    opened: list[str] = []

    def fake_check(location: str, client: str, *, shared: bool) -> tuple[str, list[str]]:
        opened.append(location)
        return "postgresql://practice_client_dana@db.example.org:5432/practice", []

    monkeypatch.setattr(form, "check_journal", fake_check)
    assert main(["form", "--client", "dana", "--no-browser"]) == 0
    (proc,) = voila
    assert opened == [url] and proc.env[form.JOURNAL_ENV] == url
    assert not any(secret in part for part in proc.cmd)
    out = capsys.readouterr().out
    assert secret not in out and "practice_client_dana@db.example.org" in out


def test_no_journal_at_all_says_how_to_give_one(
    voila: list[FakeVoila], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["form", "--client", "dana", "--no-browser"]) == 1
    assert "Which journal?" in capsys.readouterr().err and voila == []


def test_relative_locations_are_made_absolute(
    voila: list[FakeVoila], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # the notebook runs from another folder
    assert form.journal_location("journals/dana") == str(tmp_path / "journals" / "dana")
    assert form.journal_location("sqlite:///dana.db") == f"sqlite:///{tmp_path / 'dana.db'}"
    assert form.journal_location("sqlite:////srv/dana.db") == "sqlite:////srv/dana.db"
    assert form.journal_location("postgresql://r@h/db") == "postgresql://r@h/db"


def test_another_address_gets_a_warning(
    voila: list[FakeVoila], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["form", str(tmp_path / "j"), "--client", "dana", "--ip", "0.0.0.0",
                 "--no-browser"]) == 0  # fmt: skip
    (proc,) = voila
    assert "--Voila.ip=0.0.0.0" in proc.cmd
    assert "Warning: listening on 0.0.0.0" in capsys.readouterr().out


def test_an_empty_client_name_is_refused(
    voila: list[FakeVoila], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["form", str(tmp_path / "j"), "--client", " ", "--no-browser"]) == 1
    assert "--client needs" in capsys.readouterr().err and voila == []


def test_the_browser_gets_a_private_file_not_the_token(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(form.webbrowser, "open", lambda url: opened.append(url))
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        port = server.getsockname()[1]
        url = form.form_url("127.0.0.1", port, "tok-123&x")
        form._open_when_ready(url, "127.0.0.1", port, tmp_path, timeout=30)
    opener = tmp_path / "open.html"
    assert opened == [opener.as_uri()]
    assert stat.S_IMODE(opener.stat().st_mode) == 0o600
    assert re.search(r'url=http://127\.0\.0\.1:\d+/\?token=tok-123&amp;x"', opener.read_text())


def test_private_copy_is_owner_only_and_removed(tmp_path: Path) -> None:
    with form.private_copy(CAPTURE) as copy:
        folder = copy.parent.parent
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
        assert stat.S_IMODE(copy.stat().st_mode) == 0o600
        assert sorted(os.listdir(folder)) == ["form", "voila.json"]
        assert os.listdir(copy.parent) == [CAPTURE.name]
        assert stat.S_IMODE((folder / "voila.json").stat().st_mode) == 0o600
    assert not folder.exists()


@pytest.mark.parametrize("ip", ["example", "300.1.1.1", ""])
def test_a_bad_address_is_a_usage_error(ip: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        build_parser().parse_args(["form", "j", "--client", "ana", "--ip", ip])
    assert info.value.code == 2
    assert "--ip takes an address such as 127.0.0.1" in capsys.readouterr().err
