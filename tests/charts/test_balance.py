"""plot_balance and plot_balance_grid, checked through their artists."""

from __future__ import annotations

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.figure import Figure

from recovery_analytics import RecoveryAnalyticsError, UnknownClientError
from recovery_analytics.analytics import balance
from recovery_analytics.charts import plot_balance, plot_balance_grid

from ._data import edge_cases, entry, make_log


def lines(ax, gid):
    return [line for line in ax.lines if line.get_gid() == gid]


def xy(ax, gid):
    found = lines(ax, gid)
    assert found, f"no line with gid {gid!r}"
    return np.concatenate([line.get_xydata() for line in found])


def texts(ax):
    # long notes are broken into lines at their " \u00b7 " separators
    return [t.get_text().replace("\n", " \u00b7 ") for t in ax.texts]


def day(text: str) -> float:
    return mdates.date2num(pd.Timestamp(text))


@pytest.fixture
def dana():
    # by hand: March 2+1+0 = 3 went well, 1+1+2 = 4 went wrong -> pooled 3/4 = 0.75
    # April: one interview with 3 went well and nothing wrong -> +inf (top edge)
    return make_log(
        [
            entry("2026-03-03", ["a", "b"], ["c"]),
            entry("2026-03-10", ["d"], ["e"]),
            entry("2026-03-24", [], ["f", "g"]),
            entry("2026-04-07", ["h", "i", "j"], []),
        ]
    )


def test_reference_line_at_one_labelled_plainly(dana) -> None:
    ax = plot_balance(dana)
    ref = [line for line in ax.lines if "as many went well as went wrong" in line.get_label()]
    assert len(ref) == 1
    assert list(ref[0].get_ydata()) == [1.0, 1.0]
    assert ax.get_yscale() == "log"


def test_no_verdicts_or_ideal_line(dana) -> None:
    ax = plot_balance(dana)
    words = " ".join(
        texts(ax) + [ax.get_title(loc="left")] + [t.get_text() for t in ax.get_legend().get_texts()]
    )
    for verdict in ("good", "bad", "ideal", "3 : 1", "3:1"):
        assert verdict not in words.casefold()
    assert [y for line in ax.lines for y in np.atleast_1d(line.get_ydata()) if y == 3.0] == []


def test_period_line_is_the_pooled_ratio_by_hand(dana) -> None:
    ax = plot_balance(dana, window=None)
    # period markers sit in the middle of their month: 16 March, 15 April
    small = xy(ax, "periods-small")
    assert small.tolist() == [[day("2026-03-16"), 0.75]]
    # April is +inf: drawn on the top edge (limit 4: the largest finite ratio is 2 -> 2**2)
    assert ax.get_ylim() == pytest.approx((0.25, 4.0))
    top = xy(ax, "clipped-top")
    assert top[:, 1].tolist() == [4.0, 4.0]  # the April interview and the April period
    assert day("2026-04-15") in top[:, 0]
    bottom = xy(ax, "clipped-bottom")  # the 24 March interview had only went-wrong items
    assert bottom.tolist() == [[day("2026-03-24"), 0.25]]
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "fewer than 5 interviews" in legend
    assert "only things that went well (drawn at the top edge)" in legend
    assert "only things that went wrong (drawn at the bottom edge)" in legend


def test_small_periods_hollow_full_periods_filled(sample) -> None:
    amara = sample.filter(client="amara")
    monthly = balance(amara, freq="M")
    ax = plot_balance(amara)
    small = lines(ax, "periods-small")[0]
    full = lines(ax, "periods-full")[0]
    assert small.get_markerfacecolor() == "white"
    assert len(small.get_xdata()) == int((monthly["small_sample"] & monthly["ratio"].notna()).sum())
    assert len(full.get_xdata()) == int((~monthly["small_sample"] & monthly["ratio"].notna()).sum())


def test_lines_equal_the_analytics_numbers(sample) -> None:
    amara = sample.filter(client="amara")
    ax = plot_balance(amara, window=3)
    monthly = balance(amara, freq="M")
    period_line = lines(ax, "periods")[0]
    np.testing.assert_allclose(period_line.get_ydata(), monthly["ratio"].to_numpy(float))
    rolling = balance(amara, window=3).sort_values("interview_date")
    np.testing.assert_allclose(
        lines(ax, "rolling")[0].get_ydata(), rolling["ratio"].to_numpy(float)
    )
    per = balance(amara)
    finite = per["ratio"].to_numpy(float)
    finite = finite[np.isfinite(finite) & (finite > 0)]
    np.testing.assert_allclose(np.sort(lines(ax, "interviews")[0].get_ydata()), np.sort(finite))
    counts = [t for t in texts(ax) if t.startswith("n=")]
    assert counts == [f"n={n}" for n in monthly.loc[monthly["ratio"].notna(), "interviews"]]


def test_title_and_sample_size_note(sample) -> None:
    ax = plot_balance(sample, client="amara", freq="Q")
    assert ax.get_title(loc="left") == "What went well vs what went wrong, by quarter"
    assert "amara \u00b7 n = 18 interviews" in texts(ax)


def test_small_sample_note_says_read_gently(dana) -> None:
    ax = plot_balance(dana)
    assert "dana \u00b7 n = 4 interviews (few interviews so far \u2014 read gently)" in texts(ax)


def test_draws_on_the_given_axes_without_pyplot(dana) -> None:
    fig = Figure()
    ax = fig.add_subplot()
    assert plot_balance(dana, ax=ax) is ax
    assert plt.get_fignums() == []
    new = plot_balance(dana)
    assert isinstance(new.figure, Figure)
    assert plt.get_fignums() == []


def test_frame_input_draws_its_layer_only(sample) -> None:
    amara = sample.filter(client="amara")
    ax = plot_balance(balance(amara, freq="M"))
    assert lines(ax, "periods") and not lines(ax, "interviews")
    ax = plot_balance(balance(amara))
    assert lines(ax, "interviews") and not lines(ax, "periods")


def test_several_clients_need_a_choice(sample) -> None:
    with pytest.raises(
        RecoveryAnalyticsError, match=r"3 clients \(amara, ben, chloe\).*plot_balance_grid"
    ):
        plot_balance(sample)
    with pytest.raises(RecoveryAnalyticsError, match="amara, ben, chloe"):
        plot_balance(balance(sample, freq="M"))


def test_unknown_client_lists_the_known_ones(sample) -> None:
    with pytest.raises(UnknownClientError, match="Known clients: amara, ben, chloe"):
        plot_balance(sample, client="amra")
    with pytest.raises(UnknownClientError, match="Known clients: amara, ben, chloe"):
        plot_balance(balance(sample, freq="M"), client="amra")


def test_bad_options_are_explained(dana) -> None:
    with pytest.raises(RecoveryAnalyticsError, match="`freq`"):
        plot_balance(dana, freq="D")
    with pytest.raises(RecoveryAnalyticsError, match="`window`"):
        plot_balance(dana, window=0)
    with pytest.raises(RecoveryAnalyticsError, match="no columns? .*ratio"):
        plot_balance(pd.DataFrame({"interview_date": []}))
    with pytest.raises(TypeError, match="ReflectionLog"):
        plot_balance([1, 2, 3])  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("empty date range", "No interviews in this period yet"),
        ("no items", "No went-well or went-wrong items written yet"),
    ],
)
def test_empty_charts_say_why(case, message) -> None:
    ax = plot_balance(edge_cases()[case])
    assert message in texts(ax)
    ax.figure.canvas.draw()


def test_grid_has_one_panel_per_client_on_one_scale(sample) -> None:
    axes = plot_balance_grid(sample)
    assert [ax.get_title(loc="left") for ax in axes] == ["amara", "ben", "chloe"]
    assert len({ax.get_ylim() for ax in axes}) == 1
    fig = axes[0].figure
    assert all(ax.figure is fig for ax in axes)
    assert len(fig.axes) == 3  # the unused cells of the grid are removed
    assert fig.get_suptitle().startswith("Each client's balance")
    monthly = balance(sample, freq="M")
    for ax, (client, rows) in zip(axes, monthly.groupby("client"), strict=True):
        np.testing.assert_allclose(
            lines(ax, "periods")[0].get_ydata(), rows["ratio"].to_numpy(float)
        )
        assert f"n = {len(sample.filter(client=client))} interviews" in texts(ax)


def test_grid_from_frames_and_empty(sample) -> None:
    axes = plot_balance_grid(balance(sample, freq="M"), ncols=2)
    assert len(axes) == 3
    empty = plot_balance_grid(edge_cases()["empty date range"])
    assert len(empty) == 1
    assert "No interviews in this period yet" in texts(empty[0])
    with pytest.raises(RecoveryAnalyticsError, match="client"):
        plot_balance_grid(balance(sample, by=None, freq="M"))
