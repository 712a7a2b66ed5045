"""What every chart shares: resolving its data once, its Axes, its notes."""

from __future__ import annotations

import pandas as pd
import pytest
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from recovery_analytics import RecoveryAnalyticsError, ReflectionLog, UnknownClientError
from recovery_analytics.charts._base import (
    artist_kwargs,
    draw,
    join_note,
    new_axes,
    resolve,
    take_frame,
    top_rows,
)

from ._data import entry, make_log


@pytest.fixture
def two_clients() -> ReflectionLog:
    return make_log(
        [
            entry("2026-03-02", ["a"], ["b"]),
            entry("2026-03-09", ["c"]),
            {**entry("2026-03-05", ["d"]), "client": "eli"},
        ]
    )


class Recorder:
    """A stand-in analytics function that records the logs it was given."""

    def __init__(self) -> None:
        self.logs: list[ReflectionLog] = []

    def __call__(self, log: ReflectionLog) -> str:
        self.logs.append(log)
        return "computed"


def _take(data: object, client: str | None) -> tuple[object, pd.DataFrame]:
    frame = data if isinstance(data, pd.DataFrame) else pd.DataFrame()
    if client is not None:
        frame = frame.loc[frame["client"] == client]
    return ("taken", frame), frame


def test_a_log_is_narrowed_to_the_client_and_computed_once(two_clients) -> None:
    compute = Recorder()
    res = resolve(two_clients, chart="plot_x", client="dana", compute=compute, take=_take)
    assert res.result == "computed"
    assert [log.clients for log in compute.logs] == [["dana"]]
    assert (res.who, res.n, res.empty) == ("dana", 2, False)
    assert res.log is compute.logs[0]


def test_one_client_charts_refuse_several(two_clients) -> None:
    with pytest.raises(RecoveryAnalyticsError, match=r"2 clients \(dana, eli\).*plot_grid"):
        resolve(
            two_clients,
            chart="plot_x",
            client=None,
            compute=Recorder(),
            take=_take,
            alternative="plot_grid",
        )
    with pytest.raises(UnknownClientError, match="Known clients: dana, eli"):
        resolve(two_clients, chart="plot_x", client="ann", compute=Recorder(), take=_take)


def test_together_and_all_draw_several_clients(two_clients) -> None:
    for clients in ("together", "all"):
        compute = Recorder()
        res = resolve(
            two_clients, chart="plot_x", client=None, compute=compute, take=_take, clients=clients
        )
        assert res.who is None
        assert res.n == 3
        assert compute.logs[0] is two_clients
    one = resolve(
        two_clients,
        chart="plot_x",
        client="eli",
        compute=Recorder(),
        take=_take,
        clients="together",
    )
    assert one.who == "eli"


def test_an_empty_log_is_not_computed(two_clients) -> None:
    compute = Recorder()
    empty = two_clients.filter(start="2030-01-01")
    res = resolve(empty, chart="plot_x", client=None, compute=compute, take=_take, clients="all")
    assert compute.logs == []
    assert (res.result, res.n, res.empty) == (None, 0, True)


def test_a_frame_is_taken_and_counted() -> None:
    frame = pd.DataFrame({"client": ["dana", "dana", "eli"], "n": [1, 2, 3]})
    res = resolve(
        frame,
        chart="plot_x",
        client="eli",
        compute=Recorder(),
        take=_take,
        count=lambda result: len(result[1]),
    )
    assert res.result[0] == "taken"
    assert res.result[1]["n"].tolist() == [3]
    assert (res.who, res.n, res.log) == ("eli", 1, None)
    with pytest.raises(RecoveryAnalyticsError, match=r"2 clients \(dana, eli\)"):
        resolve(frame, chart="plot_x", client=None, compute=Recorder(), take=_take)
    coach = resolve(
        frame, chart="plot_x", client=None, compute=Recorder(), take=_take, clients="all"
    )
    assert coach.who is None and coach.n is None


def test_take_frame_checks_and_narrows() -> None:
    frame = pd.DataFrame({"client": ["dana", "eli"], "n": [1, 2]})
    take = take_frame(["n"], "analytics.x(log)", "plot_x")
    got, whose = take(frame, "ELI")  # client names ignore case
    assert got is whose and got["n"].tolist() == [2]

    class Result:
        outcomes = frame

    got, _ = take_frame(["n"], "analytics.x(log)", "plot_x", attr="outcomes")(Result(), None)
    assert got is frame
    got, _ = take_frame(["n"], "analytics.x(log)", "plot_x", by_client=False)(frame, "eli")
    assert len(got) == 2
    with pytest.raises(RecoveryAnalyticsError, match=r"from analytics.x\(log\).*no column m"):
        take_frame(["m"], "analytics.x(log)", "plot_x")(frame, None)
    with pytest.raises(TypeError, match="plot_x takes a ReflectionLog or the DataFrame"):
        take(["not", "a", "frame"], None)


def test_draw_frames_the_chart_or_says_there_is_nothing(two_clients) -> None:
    def body(ax, result):
        ax.set_title(f"drawn {result}")
        return ax

    res = resolve(two_clients, chart="plot_x", client="eli", compute=Recorder(), take=_take)
    ax = draw(res, None, (3.0, 2.0), "heading", body)
    assert ax.get_title(loc="left") == "drawn computed"
    assert tuple(ax.figure.get_size_inches()) == (3.0, 2.0)
    empty = resolve(
        two_clients.filter(start="2030-01-01"),
        chart="plot_x",
        client=None,
        compute=Recorder(),
        take=_take,
        clients="all",
    )
    ax = draw(empty, None, (3.0, 2.0), "heading", body)
    assert ax.get_title(loc="left") == "heading"
    assert "No interviews in this period yet" in [t.get_text() for t in ax.texts]


def test_new_axes_uses_the_one_given_or_a_figure() -> None:
    ax = Figure().add_subplot()
    assert new_axes(ax, (1.0, 1.0)) is ax
    assert isinstance(new_axes(None, (1.0, 1.0)).figure, Figure)
    with pytest.raises(TypeError, match="`ax` must be a matplotlib Axes or None"):
        new_axes("left", (1.0, 1.0))  # type: ignore[arg-type]


def test_artist_kwargs_let_the_caller_win_with_any_alias() -> None:
    got = artist_kwargs({"c": "red", "lw": 3}, Line2D, color="blue", linewidth=2, zorder=4)
    assert got == {"color": "red", "linewidth": 3, "zorder": 4}
    assert artist_kwargs({}, Line2D, color="blue") == {"color": "blue"}


def test_notes_and_top_rows() -> None:
    assert join_note(None, None) is None
    assert join_note("a", None, "b") == "a \u00b7 b"
    frame = pd.DataFrame({"x": range(5)})
    kept, note = top_rows(frame, 3)
    assert kept["x"].tolist() == [0, 1, 2]
    assert note == "2 more themes not shown"
    assert top_rows(frame, None) == (frame, None)
    assert top_rows([1, 2], 2) == ([1, 2], None)
