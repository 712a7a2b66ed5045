"""Every chart of a log written as files: one folder a coach can share."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .._log import ReflectionLog
from ._anonymize import anonymize as anonymize_log
from ._anonymize import pseudonyms
from ._save import save_chart

__all__ = ["CHART_FORMATS", "client_charts", "coach_charts", "write_charts"]

CHART_FORMATS = ("png", "svg", "pdf")


def client_charts() -> dict[str, Callable[[ReflectionLog], Any]]:
    """File name -> chart, for one client's log."""
    from .. import charts

    return {
        "balance": lambda log: charts.plot_balance(log),
        "strengths-weaknesses": lambda log: charts.plot_strengths_weaknesses(log),
        "recurring-weaknesses": lambda log: charts.plot_recurring(log),
        "recurring-strengths": lambda log: charts.plot_recurring(log, polarity="well"),
        "theme-timeline": lambda log: charts.plot_theme_timeline(log),
        "feeling": lambda log: charts.plot_feeling(log),
        "follow-ups": lambda log: charts.plot_follow_ups(log),
    }


def coach_charts() -> dict[str, Callable[[ReflectionLog], Any]]:
    """File name -> chart, across every client."""
    from .. import charts

    return {
        "client-themes": lambda log: charts.plot_client_themes(log),
        "balance-grid": lambda log: charts.plot_balance_grid(log),
    }


def write_charts(
    log: ReflectionLog,
    out: str | os.PathLike[str],
    *,
    fmt: str = "png",
    client: str | None = None,
    anonymize: bool = False,
    anonymize_companies: bool = False,
    start: Any = None,
    end: Any = None,
) -> list[Path]:
    """Write every chart into ``out`` and return the paths.

    With one client (or ``client=``) the charts go straight into ``out``
    (``balance.png``, ``strengths-weaknesses.png``, ...). With several, the
    coach views go into ``out`` and each client's charts into
    ``out/<client>/``. Files are reproducible and readable by their owner only.
    """
    from ..io import client_folder

    if fmt not in CHART_FORMATS:
        raise ValueError(
            f"The value for `fmt` must be one of {', '.join(CHART_FORMATS)}, "
            f"but {fmt!r} was passed."
        )
    name = log.check_client(client) if client else None
    if anonymize or anonymize_companies:
        hide: dict[str, Any] = {"clients": anonymize, "companies": anonymize_companies}
        if name is not None:
            name = pseudonyms(log, **hide).client(name)
        log = anonymize_log(log, **hide)
    if start is not None or end is not None:
        log = log.filter(start=start, end=end)
    folder = Path(out)
    written: list[Path] = []
    clients: list[str | None] = [name] if name is not None else list(log.clients)
    if len(clients) > 1:
        for stem, draw in coach_charts().items():
            written.append(save_chart(draw(log), folder / f"{stem}.{fmt}"))
    for who in clients or [None]:
        one = log.filter(client=who) if who is not None else log
        target = folder / client_folder(who) if len(clients) > 1 and who else folder
        for stem, draw in client_charts().items():
            written.append(save_chart(draw(one), target / f"{stem}.{fmt}"))
    return written
