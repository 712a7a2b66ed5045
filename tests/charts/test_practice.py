"""Charts of a practice of 1,000 clients: bounded figures, pages, what is left out said."""

from __future__ import annotations

import math

import numpy as np
import pytest

from recovery_analytics import RecoveryAnalyticsError, UnknownClientError
from recovery_analytics.analytics import attention
from recovery_analytics.charts import CHARTS, plot_balance_grid, plot_client_themes

from ._data import entry, make_log

N_CLIENTS = 1000
TODAY = "2026-06-30"
#: The dpi packets and ``save_chart`` draw PNGs at, and the tallest figure allowed there.
DPI = 150
MAX_PX = 3000


def _entries(i: int) -> list[dict]:
    """Client ``i``: 1-6 interviews; some inactive, some with few, some declining."""
    name = f"client-{i:04d}"
    n = 1 + i % 6
    month = 3 if i % 7 == 0 else 6  # every 7th client stopped in March: inactive
    out = []
    for k in range(n):
        late = k >= n // 2
        well = ["Good rapport"] * (1 if late and i % 3 == 0 else 3)
        wrong = ["Rambled on salary", "Nervous start"][: 1 + (i + k) % 2]
        out.append({**entry(f"2026-{month:02d}-{1 + 4 * k:02d}", well, wrong), "client": name})
    return out


@pytest.fixture(scope="module")
def practice():
    return make_log([e for i in range(N_CLIENTS) for e in _entries(i)])


def _figure(drawn):
    return (drawn[0] if isinstance(drawn, np.ndarray) else drawn).figure


@pytest.mark.parametrize("name", list(CHARTS))
def test_every_chart_is_at_most_3000_px_tall(practice, name) -> None:
    spec = CHARTS[name]
    if spec.scope == "coach":
        drawn = spec.draw(practice)
    else:
        drawn = spec.draw(practice, client="client-0005")
    width, height = _figure(drawn).get_size_inches() * DPI
    assert height <= MAX_PX
    assert width <= MAX_PX


def test_client_themes_shows_those_needing_attention_and_says_who_is_left_out(practice) -> None:
    ax = plot_client_themes(practice, today=TODAY)
    ranked = attention(practice, today=TODAY)["client"].head(30).tolist()
    rows = [t.get_text().split(" (n = ")[0] for t in ax.get_yticklabels()]
    assert rows == ranked
    note = " \u00b7 ".join(t.get_text().replace("\n", " \u00b7 ") for t in ax.texts)
    assert (
        f"showing 30 of 1,000 clients, those needing attention first ({1000 - 30} not shown)"
        in (note)
    )
    assert ax.images[0].get_array().shape[0] == 30


def test_client_themes_all_or_some_on_request(practice) -> None:
    few = plot_client_themes(practice, max_clients=5, today=TODAY)
    assert len(few.get_yticklabels()) == 5
    assert "showing 5 of 1,000 clients" in " ".join(t.get_text() for t in few.texts)
    small = practice.filter(client="client-0001")
    ax = plot_client_themes(small, max_clients=5)  # one client: nothing is left out
    assert not any("showing" in t.get_text() for t in ax.texts)
    with pytest.raises(RecoveryAnalyticsError, match="`max_clients`"):
        plot_client_themes(practice, max_clients=0)


def test_balance_grid_in_pages(practice) -> None:
    names = sorted(practice.clients)
    pages = math.ceil(N_CLIENTS / 12)  # 84: 83 full pages and 4 clients on the last
    first = plot_balance_grid(practice)
    assert [ax.get_title(loc="left") for ax in first] == names[:12]
    assert f"clients 1-12 of 1,000, page 1 of {pages}" in first[0].figure.get_suptitle()
    last = plot_balance_grid(practice, page=pages)
    assert [ax.get_title(loc="left") for ax in last] == names[12 * (pages - 1) :]
    assert f"clients 997-1,000 of 1,000, page {pages} of {pages}" in (last[0].figure.get_suptitle())
    # every page on one scale: that of every client
    assert first[0].get_ylim() == last[0].get_ylim()
    with pytest.raises(RecoveryAnalyticsError, match=f"from 1 to {pages}"):
        plot_balance_grid(practice, page=pages + 1)
    with pytest.raises(RecoveryAnalyticsError, match="`per_page`"):
        plot_balance_grid(practice, per_page=0)


def test_balance_grid_of_chosen_clients_in_their_order(practice) -> None:
    chosen = ["client-0500", "client-0007", "CLIENT-0042"]
    axes = plot_balance_grid(practice, clients=chosen)
    assert [ax.get_title(loc="left") for ax in axes] == [
        "client-0500",
        "client-0007",
        "client-0042",
    ]
    assert "page" not in axes[0].figure.get_suptitle()  # one page: nothing to say
    with pytest.raises(UnknownClientError, match="no client 'nobody'"):
        plot_balance_grid(practice, clients=["nobody"])
    with pytest.raises(TypeError, match="list of client names"):
        plot_balance_grid(practice, clients="client-0500")
