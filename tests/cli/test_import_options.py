"""``--option KEY=VALUE`` reaches the importers, on ``import`` and on the reading commands."""

from __future__ import annotations

from pathlib import Path

import pytest

from recovery_analytics import load
from recovery_analytics.cli import main
from recovery_analytics.exceptions import ImporterOptionError
from recovery_analytics.journal import Journal

DAYONE = Path(__file__).parents[1] / "importers" / "fixtures" / "dayone" / "Journal.json"


def test_import_passes_the_day_one_tag(tmp_path: Path) -> None:
    default = tmp_path / "default"
    # the default tag, "interview": three entries, and one that has no date (exit 1)
    # (a lone file names its client with --client: without it, a warning says "me")
    assert main(["import", str(DAYONE), "--into", str(default), "--client", "ana"]) == 1
    chosen = tmp_path / "running"
    code = main(
        ["import", str(DAYONE), "--into", str(chosen), "--client", "ana"]
        + ["--option", "dayone_tag=running"]
    )
    assert code == 0
    with Journal.open(default) as journal:
        assert len(journal) == 3
    with Journal.open(chosen) as journal:
        ids = [e.entry_id for e in journal.entries()]
    assert len(ids) == 1 and ids[0].startswith("dayone-C3D4E5")


def test_json_values_and_null(tmp_path: Path) -> None:
    every = tmp_path / "every"
    every_args = ["import", str(DAYONE), "--into", str(every), "--client", "ana"]
    assert main([*every_args, "--option", "dayone_tag=null"]) == 1
    listed = tmp_path / "listed"
    args = ["import", str(DAYONE), "--into", str(listed), "--client", "ana"]
    args += ["--option", 'dayone_tag=["running"]']
    assert main(args) == 0
    with Journal.open(every) as journal:
        n_every = len(journal)
    with Journal.open(listed) as journal:
        n_listed = len(journal)
    assert n_every == len(load(DAYONE, options={"dayone_tag": None}, errors="collect").interviews)
    assert n_every > 4 and n_listed == 1


def test_summary_takes_options_too(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["validate", str(DAYONE), "--client", "ana", "--option", "dayone_tag=running"])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "1 interview" in out or "1 entr" in out


@pytest.mark.parametrize(
    ("option", "expected"),
    [
        ("dayone_tags=job", "did you mean 'dayone_tag'?"),
        ("no_equals_sign", "is not KEY=VALUE"),
        ("=job", "is not KEY=VALUE"),
    ],
)
def test_misspelt_or_malformed_options_are_usage_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], option: str, expected: str
) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["import", str(DAYONE), "--into", str(tmp_path / "j"), "--option", option])
    assert stop.value.code == 2
    assert expected in capsys.readouterr().err
    assert not (tmp_path / "j").exists()  # nothing created


def test_a_bad_option_value_is_a_short_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["validate", str(DAYONE), "--format", "dayone", "--option", "dayone_tag=3"])
    err = capsys.readouterr().err
    assert code == 1
    assert err.startswith("recovery-analytics: The value for `options['dayone_tag']`")
    assert "Traceback" not in err


def test_importer_option_error_is_a_value_error() -> None:
    assert issubclass(ImporterOptionError, ValueError)


def test_load_refuses_a_misspelt_option() -> None:
    with pytest.raises(ImporterOptionError, match="did you mean 'obsidian_tag'"):
        load(DAYONE, options={"obsidian_tags": "interview"})
    stats: dict[str, object] = {}
    load(DAYONE, options={"stats": stats}, errors="collect")  # the real names still work
    assert stats
