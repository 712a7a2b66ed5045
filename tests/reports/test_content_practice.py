"""The coach packet of a practice: those needing attention first, pages only where needed."""

from __future__ import annotations

import math
from collections import Counter

import pandas as pd
import pytest

from recovery_analytics.analytics import attention
from recovery_analytics.reports import coach_packet
from recovery_analytics.reports._content import GRID_PAGES, PER_PAGE, coach_content

from ..charts._data import entry, make_log
from ._html_parse import parse

TODAY = "2026-06-30"
N_CLIENTS = 60
#: The dpi packets draw at, and the tallest chart allowed there.
DPI = 150
MAX_PX = 3000


def _entries(i: int) -> list[dict]:
    """Client ``i``: 6 interviews; every 4th stopped in March (inactive), every 5th has 2."""
    name = f"c{i:03d}"
    n = 2 if i % 5 == 0 else 6
    month = 3 if i % 4 == 0 else 6
    return [
        {
            **entry(f"2026-{month:02d}-{1 + 4 * k:02d}", ["Good rapport"], ["Rambled"]),
            "client": name,
        }
        for k in range(n)
    ]


@pytest.fixture(scope="module")
def practice():
    return make_log([e for i in range(N_CLIENTS) for e in _entries(i)])


@pytest.fixture(scope="module")
def content(practice):
    return coach_content(practice, today=pd.Timestamp(TODAY))


def _section(content, title):
    return next(s for s in content.sections if s.title == title)


def test_every_client_needing_attention_is_in_the_table_in_order(practice, content) -> None:
    ranked = attention(practice, today=TODAY)
    needing = ranked.loc[ranked["needs_attention"], "client"].tolist()
    # every 4th client is inactive, every 5th has few interviews: 15 + 12 - 3 (every 20th)
    assert len(needing) == 15 + 12 - 3
    table = _section(content, "Clients needing attention").table
    assert [row[0] for row in table.rows] == needing
    assert table.columns[-1] == "to look at"
    calm = _section(content, "Clients with no flag").paragraphs[0]
    others = sorted(set(practice.clients) - set(needing))
    assert calm == f"{len(others)} clients, by name: {', '.join(others)}."


def test_charts_only_for_the_first_clients_needing_attention(content) -> None:
    grids = [s for s in content.sections if s.title.startswith("Balance over time")]
    drawn = min(24, PER_PAGE * GRID_PAGES)  # 24 need attention, at most two pages of 12
    assert len(grids) == math.ceil(drawn / PER_PAGE)
    assert f"The first {drawn} clients needing attention" in grids[0].paragraphs[0]
    assert (
        f"The other {N_CLIENTS - drawn} clients are in the lists above" in (grids[0].paragraphs[0])
    )
    # no page per client in a practice
    assert not any(s.title.startswith("c0") for s in content.sections)


def test_every_chart_of_the_packet_is_bounded(content) -> None:
    for section in content.sections:
        if section.chart is not None:
            assert section.chart_size[1] * DPI <= MAX_PX


def test_cover_names_at_most_twelve(practice, content) -> None:
    cover = " ".join(content.sections[0].paragraphs)
    ranked = attention(practice, today=TODAY)
    # 15 inactive clients: the first 12 named, in the order of attention, "and 3 more"
    inactive = ranked.loc[ranked["inactive"], "client"].tolist()
    assert len(inactive) == 15
    assert f"Worth a look: {inactive[0]} (" in cover
    assert "and 3 more (see the table of every client)" in cover
    assert inactive[12] not in cover
    # 12 with few interviews: all named
    small = ranked.loc[ranked["small_sample"], "client"].tolist()
    assert f"Few interviews so far for {', '.join(small)} \u2014" in cover


def test_html_packet_of_a_practice(practice, tmp_path) -> None:
    page = coach_packet(practice, path=tmp_path / "c.html", today=TODAY).read_text()
    # the client x theme heatmap and two pages of the balance grid
    assert Counter(t for t, _ in parse(page).tags)["svg"] == 1 + 2
