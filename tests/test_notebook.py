"""recovery_analytics.notebook: finding the project, the starter journal, charts and packets."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import recovery_analytics.notebook as nbh
from recovery_analytics import ReflectionLog, load
from recovery_analytics.exceptions import RecoveryAnalyticsError, UnknownClientError
from recovery_analytics.notebook import (
    GLANCE_COLUMNS,
    cohort_at_a_glance,
    common_weaknesses,
    export_review,
    find_project_root,
    open_log,
    preview_review,
    project_path,
    show,
    starter_journal,
)

from .notebooks._jupyter import ROOT, SAMPLE, tree_digest

# data/sample/README.md: amara 18, ben 23, chloe 19 interviews
SAMPLE_COUNTS = {"amara": 18, "ben": 23, "chloe": 19}


@pytest.fixture(scope="module")
def sample() -> ReflectionLog:
    return load(SAMPLE)


def fake_project(folder: Path) -> Path:
    (folder / "data" / "sample").mkdir(parents=True)
    (folder / "notebooks").mkdir()
    return folder


# -- finding the project -------------------------------------------------------------


def test_root_found_from_the_notebooks_folder_and_the_root() -> None:
    assert find_project_root(ROOT) == ROOT
    assert find_project_root(ROOT / "notebooks") == ROOT
    assert find_project_root(ROOT / "data" / "sample" / "amara") == ROOT


def test_root_from_the_current_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT / "notebooks")
    assert find_project_root() == ROOT


def test_a_project_above_the_start_wins_over_the_package(tmp_path: Path) -> None:
    other = fake_project(tmp_path / "coach")
    (other / "notebooks" / "mine").mkdir()
    assert find_project_root(other / "notebooks" / "mine") == other


def test_outside_any_project_the_package_location_is_used(tmp_path: Path) -> None:
    # a copy of the notebooks elsewhere (as the browser tests make) still finds the data
    assert find_project_root(tmp_path) == ROOT


def test_no_project_anywhere_says_where_it_looked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(nbh, "__file__", str(tmp_path / "pkg" / "recovery_analytics" / "x.py"))
    with pytest.raises(RecoveryAnalyticsError, match="data/sample/ and notebooks/") as info:
        find_project_root(tmp_path)
    assert str(tmp_path) in str(info.value)


def test_project_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert project_path("data/sample") == ROOT / "data" / "sample"
    assert project_path(tmp_path / "x") == tmp_path / "x"
    assert project_path("x/../y", root=tmp_path) == tmp_path / "y"
    monkeypatch.setenv("HOME", str(tmp_path))
    assert project_path("~/journal") == tmp_path / "journal"
    with pytest.raises(TypeError, match="str or a pathlib.Path"):
        project_path(3)  # type: ignore[arg-type]


# -- the starter journal ---------------------------------------------------------------


def test_a_new_journal_is_seeded_from_the_sample_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = tree_digest(SAMPLE)
    location = tmp_path / "journal"
    journal = starter_journal(location)
    assert journal.clients() == sorted(SAMPLE_COUNTS)
    assert len(journal) == sum(SAMPLE_COUNTS.values())
    said = capsys.readouterr().out
    assert f"Started a new journal at {location}" in said and "60 sample interviews" in said
    # the sample is copied, never written to
    assert tree_digest(SAMPLE) == before
    # deleting sample entries sticks: an existing journal is never re-seeded
    for entry in journal.entries(client="ben"):
        assert entry.entry_id is not None
        journal.delete(entry.entry_id)
    again = starter_journal(location)
    assert len(again) == SAMPLE_COUNTS["amara"] + SAMPLE_COUNTS["chloe"]
    assert capsys.readouterr().out == ""


def test_an_existing_empty_folder_stays_empty(tmp_path: Path) -> None:
    (tmp_path / "journal").mkdir()
    journal = starter_journal(tmp_path / "journal", quiet=True)
    assert len(journal) == 0


def test_seed_from_none_and_relative_locations(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = fake_project(tmp_path / "project")
    (project / "data" / "sample" / "one.csv").write_text(
        "interview_date,company,went_well\n2026-03-04,Acme,Clear story\n", encoding="utf-8"
    )
    empty = starter_journal(project / "empty", seed_from=None, quiet=True)
    assert len(empty) == 0
    # relative paths are read from the project folder, also from notebooks/
    monkeypatch.chdir(project / "notebooks")
    seeded = starter_journal("journal", seed_from="data/sample/one.csv", quiet=True)
    assert seeded.where == str(project / "journal")
    assert [e.company for e in seeded.entries()] == ["Acme"]
    assert not (project / "notebooks" / "journal").exists()


def test_a_sqlite_journal_is_seeded_too(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/practice.db"
    journal = starter_journal(url, quiet=True)
    assert len(journal) == sum(SAMPLE_COUNTS.values())
    journal.close()
    assert len(starter_journal(url, quiet=True)) == sum(SAMPLE_COUNTS.values())
    by_suffix = starter_journal(tmp_path / "other.db", seed_from=None, quiet=True)
    assert len(by_suffix) == 0 and (tmp_path / "other.db").is_file()


def test_open_log_reads_files_folders_and_journals(tmp_path: Path, sample: ReflectionLog) -> None:
    assert open_log("data/sample").clients == sample.clients
    starter_journal(tmp_path / "j.db", quiet=True).close()
    from_db = open_log(tmp_path / "j.db")
    assert len(from_db) == len(sample)
    assert len(open_log(f"sqlite:///{tmp_path}/j.db")) == len(sample)


# -- charts in the notebook ---------------------------------------------------------------


def test_show_displays_a_png(sample: ReflectionLog, monkeypatch: pytest.MonkeyPatch) -> None:
    from IPython import display as ipd

    from recovery_analytics import charts

    shown: list[Any] = []
    monkeypatch.setattr(ipd, "display", lambda obj: shown.append(obj))
    show(charts.plot_balance(sample, client="amara"))
    show(charts.plot_balance_grid(sample))  # an array of Axes
    assert len(shown) == 2
    for image in shown:
        assert isinstance(image, ipd.Image)
        assert image.data[:8] == b"\x89PNG\r\n\x1a\n"


def test_show_refuses_what_is_not_a_chart() -> None:
    with pytest.raises(TypeError, match="Axes"):
        show("balance.png")


# -- coach tables -----------------------------------------------------------------------------


def test_common_weaknesses_counts_clients_and_interviews(sample: ReflectionLog) -> None:
    table = common_weaknesses(sample, top=None)
    # derived here from the items: went-wrong items carrying each theme
    wrong = sample.items[sample.items["polarity"] == "wrong"].explode("themes")
    wrong = wrong[wrong["themes"].notna()]
    for row in table.itertuples(index=False):
        rows = wrong[wrong["themes"] == row.theme]
        assert row.clients == rows["client"].nunique()
        assert row.names == ", ".join(sorted(rows["client"].unique()))
        assert row.n_interviews == rows["entry_id"].nunique()
        assert row.all_interviews == len(sample)
        assert row.share == pytest.approx(row.n_interviews / len(sample))
    assert set(table["theme"]) == set(wrong["themes"]) - {"other"}
    ordered = sorted(
        zip(table["clients"], table["n_interviews"], table["theme"], strict=True),
        key=lambda t: (-t[0], -t[1], t[2]),
    )
    assert (
        list(zip(table["clients"], table["n_interviews"], table["theme"], strict=True)) == ordered
    )
    assert len(common_weaknesses(sample, top=3)) == 3


def test_common_weaknesses_checks_its_input(sample: ReflectionLog) -> None:
    empty = sample.filter(start="2030-01-01")
    with pytest.raises(RecoveryAnalyticsError, match="No interviews"):
        common_weaknesses(empty)
    with pytest.raises(ValueError, match="`top`"):
        common_weaknesses(sample, top=0)


def test_cohort_at_a_glance(sample: ReflectionLog) -> None:
    table = cohort_at_a_glance(sample, today="2026-09-01")
    assert list(table.index) == sorted(SAMPLE_COUNTS)
    assert ["client", *table.columns] == list(GLANCE_COLUMNS)
    assert table["interviews"].to_dict() == SAMPLE_COUNTS
    # inactive: no interview in the 30 days before today
    last = sample.interviews.groupby("client")["interview_date"].max()
    expected = (pd.Timestamp("2026-09-01") - last).dt.days > 30
    assert table["inactive"].to_dict() == expected.to_dict()


# -- review packets -----------------------------------------------------------------------------


def test_preview_is_the_packet_in_a_sandboxed_frame(sample: ReflectionLog) -> None:
    preview = preview_review(sample, client="Ben", period=("2026-05-01", None))
    html = preview._repr_html_()
    assert html.startswith("<iframe srcdoc=") and 'sandbox=""' in html
    assert '"' not in html.split('srcdoc="', 1)[1].split('" title=', 1)[0]  # quoted safely
    assert "<html" in preview.document and "ben" in preview.document
    assert repr(preview).startswith("<PacketPreview")


def test_export_review_writes_the_three_files(tmp_path: Path, sample: ReflectionLog) -> None:
    written = export_review(sample, client="ben", folder=tmp_path / "out")
    assert [p.name for p in written] == ["ben-review.pdf", "ben-review.html", "ben-dashboard.png"]
    assert written[0].read_bytes()[:5] == b"%PDF-"
    assert written[2].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_anonymised_exports_hide_the_name_in_files_and_names(
    tmp_path: Path, sample: ReflectionLog
) -> None:
    written = export_review(
        sample, client="ben", folder=tmp_path, anonymize=True, formats=("html", "png")
    )
    # pseudonyms follow the sorted real names: amara A, ben B, chloe C
    assert [p.name for p in written] == ["client-b-review.html", "client-b-dashboard.png"]
    text = written[0].read_text(encoding="utf-8")
    assert "Client B" in text
    assert not re.search(r"\bben\b", text, re.IGNORECASE)


def test_exports_hide_the_names_listed(tmp_path: Path, sample: ReflectionLog) -> None:
    from pypdf import PdfReader

    def pdf_text(path: Path) -> str:
        return " ".join(page.extract_text() for page in PdfReader(path).pages)

    [plain] = export_review(sample, client="ben", folder=tmp_path / "plain", formats=("pdf",))
    [hidden] = export_review(
        sample,
        client="ben",
        folder=tmp_path / "hidden",
        anonymize_names=["sticky"],
        formats=("pdf",),
    )
    assert "sticky" in pdf_text(plain)  # in a plan B action ben wrote
    assert "sticky" not in pdf_text(hidden) and "[name]" in pdf_text(hidden)
    assert "ben" in pdf_text(hidden)  # names alone keep the client's own name
    preview = preview_review(sample, client="ben", anonymize_names=["sticky"])
    assert "sticky" not in preview.document and "[name]" in preview.document


def test_export_review_checks_its_arguments(tmp_path: Path, sample: ReflectionLog) -> None:
    with pytest.raises(ValueError, match="`formats`"):
        export_review(sample, client="ben", folder=tmp_path, formats="pdf")
    with pytest.raises(ValueError, match="`formats`"):
        export_review(sample, client="ben", folder=tmp_path, formats=("docx",))
    with pytest.raises(UnknownClientError, match="amara"):
        export_review(sample, client="dana", folder=tmp_path)
    with pytest.raises(RecoveryAnalyticsError, match="No interviews"):
        export_review(sample, client="ben", folder=tmp_path, period=("2030-01-01", None))
    assert list(tmp_path.iterdir()) == []


def test_relative_export_folders_are_read_from_the_project(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, sample: ReflectionLog
) -> None:
    project = fake_project(tmp_path / "project")
    monkeypatch.chdir(project / "notebooks")
    written = export_review(sample, client="ben", folder="exports", formats=("html",))
    assert written == [project / "exports" / "ben-review.html"]
