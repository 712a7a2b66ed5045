"""What a packet says, independent of PDF or HTML.

A :class:`Packet` is a title and a list of :class:`Section` objects: a heading,
a few paragraphs, optionally one chart (a function that draws into a Figure),
a bullet list and a table. :mod:`._pdf` and :mod:`._html` render the same
packet, so both formats always carry the same content.

Everything is built from an already anonymised (if asked) and filtered log:
names cannot come back in here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.figure import Figure, SubFigure

from .. import charts
from .._log import ReflectionLog
from ..analytics import SMALL_SAMPLE, attention, cohort, plan_b_actions, recurring
from ..vocabulary import outcome_label, plural, pretty_theme
from ._summary import OUTCOMES, summarise, summarise_clients
from ._text import (
    OPENING,
    coach_headline,
    date_range,
    day,
    flag_words,
    headline,
    ratio_words,
    status_words,
)

__all__ = ["Packet", "Section", "Table", "coach_content", "review_content"]

Draw = Callable[[Figure | SubFigure], Any]


@dataclass
class Table:
    """A plain table: column headings and rows of strings."""

    columns: list[str]
    rows: list[list[str]]


@dataclass
class Section:
    """One part of a packet (one or more pages in the PDF)."""

    title: str
    paragraphs: list[str] = field(default_factory=list)
    chart: Draw | None = None
    chart_size: tuple[float, float] = (9.0, 4.6)
    bullets: list[str] = field(default_factory=list)
    table: Table | None = None
    note: str | None = None


@dataclass
class Packet:
    """A whole packet: title and subject (also the PDF metadata) and sections."""

    title: str
    subject: str
    sections: list[Section]


def _one(ax_draw: Callable[..., Any], data: Any, **kwargs: Any) -> Draw:
    def draw(fig: Figure | SubFigure) -> None:
        ax_draw(data, ax=fig.add_subplot(), **kwargs)

    return draw


def _recurring_bullets(log: ReflectionLog, rec: pd.DataFrame) -> list[str]:
    """One line per recurring weakness, with its status and latest mention."""
    rows = rec.loc[rec["n_interviews"] >= 2]
    items = log.item_themes
    lines = []
    row: Any
    for row in rows.itertuples(index=False):
        line = (
            f"{pretty_theme(row.theme)} \u2014 {status_words(str(row.status))}: in "
            f"{row.n_interviews} of {plural(int(row.group_interviews), 'interview')}, "
            f"first on {day(row.first_seen)}, latest on {day(row.last_seen)}"
        )
        latest = list(row.entry_ids)[-1] if len(row.entry_ids) else None
        said = items.loc[
            (items["entry_id"] == latest)
            & (items["theme"] == row.theme)
            & (items["polarity"] == "wrong"),
            "text",
        ]
        if len(said):
            line += f". Latest words: \u201c{said.iloc[0]}\u201d"
        lines.append(line)
    return lines


def _plan_bullets(log: ReflectionLog, today: pd.Timestamp) -> tuple[list[str], int]:
    actions = plan_b_actions(log, today=today)
    open_ = actions.loc[~actions["done"]]
    where = log.interviews["company"]
    lines = []
    row: Any
    for row in open_.itertuples(index=False):
        company = where.get(row.entry_id)
        at = f" at {company}" if isinstance(company, str) and company else ""
        lines.append(
            f"{row.text} (from the interview{at} on {day(row.interview_date)}, "
            f"{plural(int(row.age_days), 'day')} ago)"
        )
    return lines, int(actions["done"].sum())


def _interview_table(log: ReflectionLog) -> Table:
    frame = log.interviews.sort_values("interview_date")

    def text(value: Any) -> str:
        return (
            "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)
        )

    rows = []
    for row in frame.itertuples():
        outcome = text(row.outcome)
        rows.append(
            [
                f"{row.interview_date:%d %b %Y}",
                text(row.company),
                text(row.role),
                text(row.stage).replace("_", " "),
                text(row.feeling),
                str(row.n_well),
                str(row.n_wrong),
                outcome_label(outcome) if outcome in OUTCOMES else "",
            ]
        )
    columns = ["date", "company", "role", "stage", "feeling", "went well", "went wrong", "outcome"]
    return Table(columns, rows)


def review_content(log: ReflectionLog, client: str, *, today: pd.Timestamp) -> Packet:
    """The sections of one client's review packet (``log`` holds that client only)."""
    dates = log.interviews["interview_date"]
    when = date_range(dates.min(), dates.max())
    n = len(log)
    cover = [OPENING, *headline(summarise(log, client=client, today=today))]
    small = n < SMALL_SAMPLE
    sections = [
        Section(f"Review packet: {client}", cover, note=f"Interviews {when}."),
        Section(
            "What went well vs what went wrong, month by month",
            [
                "Each month compares everything that went well with everything that went "
                "wrong. Above the dashed line more went well than wrong; below it, the other "
                "way round. Grey dots are single interviews; hollow circles mark months with "
                f"fewer than {SMALL_SAMPLE} interviews, where one interview moves the line a lot."
            ],
            chart=_one(charts.plot_balance, log),
        ),
        Section(
            "Strengths and weaknesses by theme",
            [
                "How often each theme came up under went well (right) and under went wrong "
                "(left). The same theme often shows up on both sides."
            ],
            chart=_one(charts.plot_strengths_weaknesses, log),
        ),
        Section(
            "What keeps coming up under went wrong",
            [
                "Themes that came up in more than one interview, by the share of interviews "
                "they came up in. The colour says how each one has been going lately."
            ],
            chart=_one(charts.plot_recurring, log),
            bullets=_recurring_bullets(log, recurring(log)),
        ),
        Section(
            "How each interview felt afterwards",
            [
                "The feeling written down after each interview (1 to 5), marked by what "
                "happened next, with the average per month."
            ],
            chart=_one(charts.plot_feeling, log),
        ),
    ]
    open_actions, done = _plan_bullets(log, today)
    if open_actions:
        plan_text = (
            f"{plural(len(open_actions), 'plan B action')} still open ({done} done). Oldest first:"
        )
    else:
        plan_text = (
            f"No open plan B actions ({done} done)." if done else "No plan B actions written yet."
        )
    sections.append(Section("Plan B: open actions", [plan_text], bullets=open_actions))
    sections.append(
        Section(
            "Asking for another conversation",
            [
                "What happened after interviews where another conversation was asked for, and "
                "after the others. Side by side, this describes what happened; it does not "
                "show that asking changed the outcome."
            ],
            chart=_one(charts.plot_follow_ups, log),
            chart_size=(9.0, 3.8),
        )
    )
    sections.append(Section("The interviews behind these pages", table=_interview_table(log)))
    subject = f"Interview reflections of {client}, {when}"
    if small:
        subject += " (few interviews so far)"
    return Packet(f"Review packet: {client}", subject, sections)


def _points(change: float) -> str:
    """A change of share as signed percentage points: ``"+16 points"``."""
    if pd.isna(change):
        return "\u2014"
    sign = "+" if change > 0 else "\u2212" if change < 0 else "\u00b1"
    return f"{sign}{abs(change) * 100:.0f} points"


def _follow_up_cell(row: pd.Series) -> str:
    if pd.isna(row["follow_up_rate"]):
        return "\u2014"
    return f"{int(row['follow_ups_requested'])} of {int(row['follow_ups_recorded'])}"


def _top_weakness(row: pd.Series) -> str:
    return pretty_theme(row["top_weakness"]) if isinstance(row["top_weakness"], str) else ""


#: The coach's table: (heading, the cell of one row of ``analytics.cohort``).
_COHORT_COLUMNS: list[tuple[str, Callable[[pd.Series], str]]] = [
    ("client", lambda row: str(row["client"])),
    ("interviews", lambda row: str(int(row["interviews"]))),
    ("latest", lambda row: f"{pd.Timestamp(row['last_date']):%d %b %Y}"),
    ("balance (last 5)", lambda row: ratio_words(float(row["current_ratio"]))),
    ("change", lambda row: _points(row["share_change"])),
    ("keeps coming up", _top_weakness),
    ("resolved", lambda row: str(int(row["weaknesses_resolved"]))),
    ("asked again", _follow_up_cell),
]


#: The columns of the table of clients needing attention, in a large practice.
_COMPACT = ("client", "interviews", "latest", "change", "keeps coming up")


def _cohort_table(frame: pd.DataFrame, flags: dict[str, str], *, compact: bool = False) -> Table:
    cells = [(n, cell) for n, cell in _COHORT_COLUMNS if not compact or n in _COMPACT]
    columns = [name for name, _ in cells] + ["to look at"]
    rows = [
        [cell(row) for _, cell in cells] + [flags[str(row["client"])]]
        for _, row in frame.iterrows()
    ]
    return Table(columns, rows)


#: Panels per page of the coach's balance grid, and at most so many pages.
PER_PAGE = 12
GRID_PAGES = 2
#: Rows of the coach's client x theme heatmap at most.
THEME_ROWS = 30

_GLANCE = (
    "Balance: what went well to what went wrong over each client's last 5 interviews. "
    "Change: the share of items that went well, against the 5 interviews before, in "
    "percentage points."
)
_ORDER = (
    "Clients needing attention come first: those where a smaller share went well lately, "
    "then those without an interview in over 30 days, then those with few interviews so far."
)


def _grid_page(log: ReflectionLog, drawn: list[str], page: int) -> Draw:
    def draw(fig: Figure | SubFigure) -> None:
        charts.plot_balance_grid(log, fig=fig, clients=drawn, page=page, per_page=PER_PAGE)

    return draw


def _grid_sections(log: ReflectionLog, drawn: list[str], intro: str) -> list[Section]:
    """The balance grid of ``drawn``, one section per page of :data:`PER_PAGE` panels."""
    pages = int(np.ceil(len(drawn) / PER_PAGE))
    sections = []
    for page in range(1, pages + 1):
        n = min(PER_PAGE, len(drawn) - (page - 1) * PER_PAGE)
        title = "Balance over time, client by client"
        sections.append(
            Section(
                title if pages == 1 else f"{title} ({page} of {pages})",
                [intro] if page == 1 else [],
                chart=_grid_page(log, drawn, page),
                chart_size=(11.0, 3.6 * int(np.ceil(n / 3)) + 1.0),
            )
        )
    return sections


def _practice_sections(
    ranked: pd.DataFrame, frame: pd.DataFrame, flags: dict[str, str]
) -> tuple[list[Section], list[str]]:
    """A large practice's table of the clients needing attention (every one of them),
    the names of the others, and the clients to draw (the first needing attention)."""
    needing = ranked.loc[ranked["needs_attention"], "client"].astype(str).tolist()
    calm = ranked.loc[~ranked["needs_attention"], "client"].astype(str).tolist()
    n = len(ranked)
    sections = [
        Section(
            "Clients needing attention",
            [
                f"{len(needing):,} of {plural(n, 'client')} need attention; every one of them "
                f"is in this table. {_ORDER}",
                _GLANCE,
            ],
            table=_cohort_table(frame.loc[needing], flags, compact=True),
        )
    ]
    if calm:
        sections.append(
            Section(
                "Clients with no flag",
                [f"{plural(len(calm), 'client')}, by name: {', '.join(calm)}."],
            )
        )
    return sections, needing[: PER_PAGE * GRID_PAGES]


def coach_content(log: ReflectionLog, *, today: pd.Timestamp) -> Packet:
    """The sections of a coach's packet across every client of ``log``.

    Up to :data:`PER_PAGE` clients, the table lists every client, and every
    client has a panel in the balance grid and a short section in words.
    With more, a practice: the table lists every client needing attention
    (from ``analytics.attention``, in its order), the others are named in a
    paragraph, and only the first clients needing attention get panels (at
    most :data:`GRID_PAGES` pages of them); the packet says who is left out.
    """
    dates = log.interviews["interview_date"]
    when = date_range(dates.min(), dates.max())
    coach = summarise_clients(log, today=today)
    ranked = attention(log, today=today)
    order = ranked["client"].astype(str).tolist()
    clients = log.clients
    flags = {who: flag_words(summary) for who, summary in coach.clients.items()}
    frame = cohort(log, today=today).set_index("client", drop=False)
    sections = [Section("Coach packet: all clients", coach_headline(coach, order=order),
                        note=f"Interviews {when}.")]  # fmt: skip
    few = len(clients) <= PER_PAGE
    if few:
        drawn = list(clients)
        table = _cohort_table(frame.loc[order], flags)
        sections.append(Section("Clients at a glance", [_GLANCE, _ORDER], table=table))
        intro = "Every client on the same scale; hollow circles are months with few interviews."
    else:
        more, drawn = _practice_sections(ranked, frame, flags)
        sections += more
        intro = (
            f"The first {plural(len(drawn), 'client')} needing attention, in the order of the "
            "table, on the same scale as every other client; hollow circles are months with "
            f"few interviews. The other {len(clients) - len(drawn):,} clients are in the "
            "lists above only; each client's own review packet has their figures in words."
        )
    sections.append(
        Section(
            "What went wrong, client by client",
            [
                "The share of each client's interviews in which a theme came up under went "
                "wrong: what clients struggle with in common."
            ],
            chart=_one(charts.plot_client_themes, log, max_clients=THEME_ROWS, today=today),
            chart_size=(9.0, 1.8 + 0.55 * max(min(len(clients), THEME_ROWS), 2)),
        )
    )
    if drawn:
        sections += _grid_sections(log, drawn, intro)
    if few:
        sections += [Section(f"{client}", headline(coach.clients[client])) for client in drawn]
    subject = f"Interview reflections of {plural(len(clients), 'client')}, {when}"
    return Packet("Coach packet: all clients", subject, sections)
