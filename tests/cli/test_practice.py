"""``recovery-analytics practice``: its arguments (the database side: tests/journal/test_practice.py)."""

from __future__ import annotations

import pytest

from recovery_analytics.cli import main


def test_the_three_actions_are_listed(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["practice", "--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert all(action in out for action in ("init", "add-coach", "add-client"))


def test_add_coach_needs_the_owner_s_url(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("RECOVERY_ANALYTICS_PRACTICE_URL", raising=False)
    assert main(["practice", "add-coach", "Eve"]) == 1
    err = capsys.readouterr().err
    assert "--url" in err and "RECOVERY_ANALYTICS_PRACTICE_URL" in err


def test_add_client_needs_a_coach(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["practice", "add-client", "ana"])
    assert exit_.value.code == 2
    assert "--coach" in capsys.readouterr().err


def test_a_url_that_is_not_postgresql_is_refused_without_its_password(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["practice", "init", "mysql://owner:s3cret@db.example/practice"]) == 1
    err = capsys.readouterr().err
    assert "postgresql://" in err and "s3cret" not in err
