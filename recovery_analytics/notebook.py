"""Helpers for the notebooks in ``notebooks/``: find the project's files, open a
journal, show charts, preview and export review packets.

The notebooks run from ``notebooks/`` (JupyterLab's working folder) or from the
project folder (tests, scripts); relative paths in their parameters cells are
read from the project folder either way:

* :func:`find_project_root` - the folder holding ``data/sample`` and
  ``notebooks/``;
* :func:`project_path` - a path from the notebooks' parameters, made absolute;
* :func:`starter_journal` - open your journal, seeding it from the sample the
  first time so the charts have something to show;
* :func:`open_log` - a :class:`~recovery_analytics.ReflectionLog` from files,
  a folder or a journal;
* :func:`show` - a chart (what a ``plot_*`` function returns) as a PNG in the
  notebook;
* :func:`common_weaknesses` - what went wrong for several clients;
* :func:`preview_review` / :func:`export_review` - a review packet in the
  notebook, and as PDF, HTML and PNG files.
"""

from __future__ import annotations

import html
import os
import re
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from ._load import load
from ._log import DateLike, ReflectionLog
from ._problems import problem_lines
from .analytics import cohort, cohort_themes
from .charts import dashboard
from .exceptions import RecoveryAnalyticsError
from .journal import Journal
from .reports import anonymize as anonymize_log
from .reports import pseudonyms, render, review_packet, save_chart

__all__ = [
    "GLANCE_COLUMNS",
    "PacketPreview",
    "cohort_at_a_glance",
    "common_weaknesses",
    "export_review",
    "find_project_root",
    "open_log",
    "preview_review",
    "project_path",
    "show",
    "show_problems",
    "starter_journal",
]

PathLike = str | os.PathLike[str]
Period = tuple[DateLike, DateLike] | None

_MARKERS = (Path("data") / "sample", Path("notebooks"))
_SQLITE_SUFFIXES = (".db", ".sqlite", ".sqlite3")


def _is_root(folder: Path) -> bool:
    return all((folder / marker).is_dir() for marker in _MARKERS)


def find_project_root(start: PathLike | None = None) -> Path:
    """The project folder: the one holding ``data/sample/`` and ``notebooks/``.

    Looks in ``start`` (the current folder by default) and the folders above
    it, then next to the installed package (an editable install from a clone).

    Parameters
    ----------
    start : path, optional
        Where to start looking; the current working folder by default.

    Returns
    -------
    Path
        The project folder, absolute.

    Raises
    ------
    RecoveryAnalyticsError
        When no such folder is found; the message says where it looked.

    Examples
    --------
    >>> root = find_project_root()
    >>> (root / "data" / "sample").is_dir() and (root / "notebooks").is_dir()
    True
    >>> find_project_root(root / "notebooks") == root
    True
    """
    here = Path(os.path.abspath(Path(start).expanduser() if start is not None else Path.cwd()))
    for folder in (here, *here.parents):
        if _is_root(folder):
            return folder
    beside_package = Path(__file__).resolve().parent.parent
    if _is_root(beside_package):
        return beside_package
    raise RecoveryAnalyticsError(
        f"Could not find the project folder (the one holding data/sample/ and notebooks/) in "
        f"{here}, the folders above it, or next to the package at {beside_package}. Start "
        "JupyterLab from the recovery_analytics folder (`recovery-analytics lab`), or give "
        "absolute paths in the notebook's parameters cell."
    )


def project_path(path: PathLike, *, root: PathLike | None = None) -> Path:
    """``path`` made absolute: ``~`` expanded, relative paths read from the project folder.

    Parameters
    ----------
    path : str or Path
        Absolute, ``~/...``, or relative to the project folder.
    root : path, optional
        The project folder; :func:`find_project_root` by default (only looked
        up when ``path`` is relative).

    Examples
    --------
    >>> project_path("data/sample", root="/srv/coach").as_posix()
    '/srv/coach/data/sample'
    >>> project_path("/tmp/journal").as_posix()
    '/tmp/journal'
    """
    if not isinstance(path, str | os.PathLike):
        raise TypeError(
            f"A path must be a str or a pathlib.Path such as 'data/sample', but a "
            f"{type(path).__name__} was passed."
        )
    given = Path(path).expanduser()
    if given.is_absolute():
        return given
    base = Path(root).expanduser() if root is not None else find_project_root()
    return Path(os.path.abspath(base / given))


def _is_url(location: PathLike) -> bool:
    return isinstance(location, str) and "://" in location


def _journal_location(location: PathLike) -> tuple[str | Path, Path | None]:
    """What to pass to ``Journal.open``, and the file or folder that exists once it is used."""
    if _is_url(location):
        text = str(location)
        if text.lower().startswith("sqlite:///"):
            return text, Path(text[len("sqlite:///") :]).expanduser()
        return text, None
    path = project_path(location)
    return path, path


def starter_journal(
    location: PathLike = "journal",
    *,
    seed_from: PathLike | None = "data/sample",
    taxonomy: Any = None,
    quiet: bool = False,
) -> Journal:
    """Open your journal; the first time, start it with a copy of the sample data.

    So that the form and the charts have something to show on the first day,
    a journal that does not exist yet is created and the entries of
    ``seed_from`` are imported into it (copied: nothing is ever written into
    ``seed_from``). A journal that exists - even an empty folder - is opened
    as it is: delete the sample entries whenever you like, they do not come
    back.

    Parameters
    ----------
    location : path or URL
        A folder (relative paths are read from the project folder, see
        :func:`project_path`) or an SQLite URL such as
        ``"sqlite:///practice.db"``.
    seed_from : path, optional
        Files or a folder to copy into a new journal; ``None`` starts empty.
    taxonomy : Taxonomy or path to a TOML file, optional
        The themes the journal's :meth:`~recovery_analytics.journal.Journal.log`
        tags items with.
    quiet : bool
        Do not print the line that says a new journal was started.

    Returns
    -------
    Journal

    Examples
    --------
    >>> import tempfile
    >>> tmp = tempfile.TemporaryDirectory()
    >>> journal = starter_journal(f"{tmp.name}/journal", quiet=True)
    >>> journal.clients()
    ['amara', 'ben', 'chloe']
    >>> starter_journal(f"{tmp.name}/empty", seed_from=None).clients()  # doctest: +ELLIPSIS
    Started a new journal at ....
    []
    >>> tmp.cleanup()
    """
    target, marker = _journal_location(location)
    is_new = marker is not None and not marker.exists()
    if isinstance(target, Path) and target.suffix.lower() in _SQLITE_SUFFIXES:
        target = f"sqlite:///{target}"
    journal = Journal.open(target, taxonomy=taxonomy)
    if not is_new:
        return journal
    copied = 0
    report = None
    if seed_from is not None:
        source = project_path(seed_from)
        report = journal.import_from(source)
        copied = len(report.added)
    if not quiet:
        if copied:
            print(
                f"Started a new journal at {journal.where} with a copy of the {copied} sample "
                f"interviews from {source} (made-up people, so the charts have something to "
                "show). Your own entries go next to them; delete the sample ones whenever "
                "you like."
            )
        else:
            print(f"Started a new journal at {journal.where}.")
        if report is not None and report.n_problems:
            print(
                f"{report.n_problems} problem(s) while copying (warnings included):",
                *problem_lines(report.problems),
                sep="\n  ",
            )
    return journal


def open_log(
    location: PathLike | Sequence[PathLike], *, taxonomy: Any = None, **load_options: Any
) -> ReflectionLog:
    """Reflections from files, a folder, a manifest or a journal, as a ReflectionLog.

    Parameters
    ----------
    location : path, URL, or a list of them
        Anything ``load()`` reads: a file, a folder of logs, a folder
        journal, a practice manifest (``practice.toml``, see
        ``docs/formats.md``) or a journal URL (``"sqlite:///practice.db"``, or
        a path ending in ``.db``). Relative paths are read from the project
        folder.
    taxonomy : Taxonomy or path to a TOML file, optional
        The themes items are tagged with.
    **load_options
        ``load()``'s options: ``client``, ``mapping``, ``dayfirst``,
        ``format``, ``encoding``, ``options`` and ``errors`` (``"collect"``
        by default: what could not be read is listed in ``log.problems``;
        show them with :func:`show_problems`).

    Examples
    --------
    >>> log = open_log("data/sample")
    >>> log.clients
    ['amara', 'ben', 'chloe']
    """
    load_options.setdefault("errors", "collect")
    locations = [location] if isinstance(location, str | os.PathLike) else list(location)
    resolved: list[PathLike] = []
    for one in locations:
        if _is_url(one):
            resolved.append(one)
            continue
        path = project_path(one)
        is_db = path.suffix.lower() in _SQLITE_SUFFIXES and path.is_file()
        resolved.append(f"sqlite:///{path}" if is_db else path)
    return load(resolved, taxonomy=taxonomy, progress=None, **load_options)


def show_problems(log: ReflectionLog) -> Any:
    """The number of problems found while reading, with the table one click away.

    Returns an HTML block for the notebook: a line "3 problems while reading
    (warnings included)" that opens, when clicked, onto the table of
    ``log.problems`` (file, line, field, message). With none, one line says so.
    """
    from IPython.display import HTML

    problems = log.problems
    n = len(problems)
    if not n:
        return HTML("<p>No problems while reading: every entry was read as it is.</p>")
    table = problems.to_html(index=False, na_rep="", escape=True, border=0)
    word = "problem" if n == 1 else "problems"
    return HTML(
        f"<details class='ra-problems'><summary><b>{n} {word} while reading</b> "
        "(warnings included; click to see the table, or look at "
        f"<code>log.problems</code>)</summary>{table}</details>"
    )


def show(chart: object, *, dpi: float = 100) -> None:
    """Show a chart in the notebook as a PNG image.

    The ``plot_*`` functions draw on a :class:`matplotlib.figure.Figure`
    without pyplot, so the notebook does not show them by itself; ``show``
    does, wherever it is called in a cell.

    Parameters
    ----------
    chart : Figure, Axes or array of Axes
        What a ``plot_*`` function (or ``charts.dashboard``) returned.
    dpi : float
        Resolution of the image.
    """
    from IPython.display import Image, display

    display(Image(data=render(chart, "png", dpi=dpi), format="png"))


GLANCE_COLUMNS = (
    "client",
    "interviews",
    "last_date",
    "days_since_last",
    "current_ratio",
    "share_change",
    "top_weakness",
    "weaknesses_resolved",
    "follow_up_rate",
    "declining",
    "inactive",
    "small_sample",
)
"""The columns of :func:`cohort_at_a_glance`, in order."""


def cohort_at_a_glance(log: ReflectionLog, *, today: Any = None) -> pd.DataFrame:
    """The columns of :func:`~recovery_analytics.analytics.cohort` a coach reads first.

    One row per client, indexed by client: interviews, the last one and days
    since, the balance over the last five interviews (``current_ratio``) and
    its change against the five before (``share_change``, in share of items
    that went well), the top weakness, weaknesses resolved, how often a
    follow-up was asked for, and the flags ``declining``, ``inactive`` and
    ``small_sample``. ``analytics.cohort(log)`` has all 31 columns.

    Examples
    --------
    >>> from recovery_analytics.analytics._examples import example_log
    >>> glance = cohort_at_a_glance(example_log(), today="2026-03-20")
    >>> glance[["interviews", "inactive"]]  # doctest: +NORMALIZE_WHITESPACE
            interviews  inactive
    client
    ana              3     False
    ben              2     False
    """

    return cohort(log, today=today).loc[:, list(GLANCE_COLUMNS)].set_index("client")


def common_weaknesses(log: ReflectionLog, *, top: int | None = 10) -> pd.DataFrame:
    """What went wrong for several clients: one row per theme, most shared first.

    Built on :func:`~recovery_analytics.analytics.cohort_themes`, which
    raises a helpful error for a log without interviews.

    Parameters
    ----------
    log : ReflectionLog
        Any number of clients.
    top : int or None
        Keep the ``top`` themes (``None``: all).

    Returns
    -------
    DataFrame
        ``theme``; ``clients``: how many clients wrote it down under went
        wrong at least once, and ``names`` (comma-separated);
        ``n_interviews``: interviews where it came up, of
        ``all_interviews``; ``share``: their ratio. Sorted by ``clients``,
        then ``n_interviews`` (most first), then theme.

    Examples
    --------
    >>> from recovery_analytics.analytics._examples import example_log
    >>> common_weaknesses(example_log())[["theme", "clients", "names", "n_interviews"]]
             theme  clients names  n_interviews
    0  conciseness        1   ana             2
    1    logistics        1   ben             1
    2    technical        1   ana             1
    """

    if top is not None and (not isinstance(top, int) or isinstance(top, bool) or top < 1):
        raise ValueError(
            f"The value for `top` must be a positive int or None, but {top!r} was passed."
        )
    frame = cohort_themes(log)
    all_interviews = len(log)
    seen = frame[frame["n_interviews"] > 0]
    rows = []
    for theme, group in seen.groupby("theme", sort=True):
        n = int(group["n_interviews"].sum())
        rows.append(
            {
                "theme": str(theme),
                "clients": len(group),
                "names": ", ".join(sorted(group["client"].astype(str))),
                "n_interviews": n,
                "all_interviews": all_interviews,
                "share": n / all_interviews,
            }
        )
    columns = ["theme", "clients", "names", "n_interviews", "all_interviews", "share"]
    out = pd.DataFrame(rows, columns=columns).sort_values(
        ["clients", "n_interviews", "theme"], ascending=[False, False, True], kind="stable"
    )
    if top is not None:
        out = out.head(top)
    return out.reset_index(drop=True)


def _packet_name(log: ReflectionLog, client: str, anonymize: bool) -> str:
    """The client's name as it appears in the packet (a pseudonym when anonymised)."""

    real = log.check_client(client)
    return pseudonyms(log).client(real) if anonymize else real


def _file_stem(name: str) -> str:
    return re.sub(r"[^\w.-]+", "-", name).strip("-.").lower() or "client"


class PacketPreview:
    """A review packet shown in a frame of its own, so its styles stay out of the notebook's.

    Notebooks show it when it is the last line of a cell; ``document`` is the
    packet's HTML.
    """

    def __init__(self, document: str, *, height: int = 700) -> None:
        self.document = document
        self.height = int(height)

    def _repr_html_(self) -> str:
        return (
            f'<iframe srcdoc="{html.escape(self.document, quote=True)}" '
            'title="Review packet preview" sandbox="" '
            f'style="width: 100%; height: {self.height}px; border: 1px solid #ccc; '
            'background: white;"></iframe>'
        )

    def __repr__(self) -> str:
        return f"<PacketPreview: {len(self.document)} characters of HTML>"


def preview_review(
    log: ReflectionLog,
    *,
    client: str,
    period: Period = None,
    anonymize: bool = False,
    anonymize_names: Sequence[str] = (),
    today: Any = None,
    height: int = 700,
) -> PacketPreview:
    """The review packet as the HTML export shows it, for the notebook.

    Takes the arguments of :func:`~recovery_analytics.reports.review_packet`
    (without ``path``); nothing is written.

    Returns
    -------
    PacketPreview
        Shown in a frame when it is the last line of a cell.
    """

    with tempfile.TemporaryDirectory() as tmp:
        path = review_packet(
            log,
            client=client,
            path=Path(tmp) / "preview.html",
            period=period,
            anonymize=anonymize,
            anonymize_names=anonymize_names,
            today=today,
        )
        document = path.read_text(encoding="utf-8")
    return PacketPreview(document, height=height)


def export_review(
    log: ReflectionLog,
    *,
    client: str,
    folder: PathLike = "exports",
    period: Period = None,
    anonymize: bool = False,
    anonymize_names: Sequence[str] = (),
    today: Any = None,
    formats: Sequence[str] = ("pdf", "html", "png"),
) -> list[Path]:
    """Write a client's review packet (PDF, HTML) and dashboard (PNG) into ``folder``.

    Files are named after the client as the packet shows them - the
    pseudonym when ``anonymize`` is true, so no real name is in a file name
    either: ``<name>-review.pdf``, ``<name>-review.html``,
    ``<name>-dashboard.png``. Files are written atomically and owner-only;
    an existing file of the same name is replaced.

    Parameters
    ----------
    log : ReflectionLog
    client : str
        The client (case does not matter; an unknown name lists the known ones).
    folder : path
        Where to write (created if missing; relative paths are read from the
        project folder).
    period, anonymize, anonymize_names, today
        As for :func:`~recovery_analytics.reports.review_packet`.
    formats : sequence of {"pdf", "html", "png"}
        Which files to write.

    Returns
    -------
    list of Path
        The files written.
    """

    allowed = ("pdf", "html", "png")
    unknown = [f for f in formats if f not in allowed]
    if isinstance(formats, str) or unknown:
        raise ValueError(
            f"The value for `formats` must be a list drawn from {list(allowed)}, but "
            f"{formats!r} was passed."
        )
    name = _packet_name(log, client, anonymize)
    out = project_path(folder)
    stem = _file_stem(name)
    written: list[Path] = []
    for kind in ("pdf", "html"):
        if kind in formats:
            written.append(
                review_packet(
                    log,
                    client=client,
                    path=out / f"{stem}-review.{kind}",
                    period=period,
                    anonymize=anonymize,
                    anonymize_names=anonymize_names,
                    today=today,
                )
            )
    if "png" in formats:
        shared = anonymize_log(log) if anonymize else log
        one = shared.filter(client=name)
        if period is not None:
            one = one.filter(start=period[0], end=period[1])
        written.append(save_chart(dashboard(one, client=name), out / f"{stem}-dashboard.png"))
    return written
