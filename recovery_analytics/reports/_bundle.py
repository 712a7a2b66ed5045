"""Every chart of a log written as files: one folder a coach can share."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, Final, Unpack

from .. import charts
from .._log import ReflectionLog
from ..io import client_folder
from ._options import ChartOptions, sharing
from ._save import FORMATS, check_format, save_chart

__all__ = ["CHART_FORMATS", "CLIENT_CHARTS", "COACH_CHARTS", "write_charts"]

CHART_FORMATS: Final = FORMATS

#: File name -> chart, for one client's log.
CLIENT_CHARTS: Final[dict[str, Callable[[ReflectionLog], Any]]] = {
    "balance": lambda log: charts.plot_balance(log),
    "strengths-weaknesses": lambda log: charts.plot_strengths_weaknesses(log),
    "recurring-weaknesses": lambda log: charts.plot_recurring(log),
    "recurring-strengths": lambda log: charts.plot_recurring(log, polarity="well"),
    "theme-timeline": lambda log: charts.plot_theme_timeline(log),
    "feeling": lambda log: charts.plot_feeling(log),
    "follow-ups": lambda log: charts.plot_follow_ups(log),
}

#: File name -> chart, across every client.
COACH_CHARTS: Final[dict[str, Callable[[ReflectionLog], Any]]] = {
    "client-themes": lambda log: charts.plot_client_themes(log),
    "balance-grid": lambda log: charts.plot_balance_grid(log),
}


def write_charts(
    log: ReflectionLog,
    *,
    folder: str | os.PathLike[str],
    fmt: str = "png",
    client: str | None = None,
    **options: Unpack[ChartOptions],
) -> list[Path]:
    """Write every chart into ``folder`` and return the paths.

    With one client (or ``client=``) the charts go straight into ``folder``
    (``balance.png``, ``strengths-weaknesses.png``, ...). With several, the
    coach views go into ``folder`` and each client's charts into
    ``folder/<client>/``. Files are reproducible and readable by their owner
    only.

    Parameters
    ----------
    log : ReflectionLog
    folder : str or Path
        Created (owner-only) if missing.
    fmt : {"png", "svg", "pdf"}
    client : str, optional
        Only this client's charts (case does not matter).
    period, anonymize, anonymize_companies, anonymize_names, pseudonym_key
        As for :func:`~recovery_analytics.reports.review_packet`.

    Returns
    -------
    list of Path

    Examples
    --------
    >>> import pathlib, tempfile
    >>> from recovery_analytics.analytics._examples import example_log
    >>> out = pathlib.Path(tempfile.mkdtemp())
    >>> paths = write_charts(example_log(), folder=out, client="ana", fmt="svg", anonymize=True)
    >>> sorted(p.name for p in paths)[:2]
    ['balance.svg', 'feeling.svg']
    """
    how = sharing("write_charts", options, ChartOptions)
    check_format(fmt)
    how.key_outside(folder)
    real = log.check_client(client) if client else None
    log, name = how.shared(how.pick(log, real), context=log, client=real)
    root = Path(folder)
    written: list[Path] = []
    clients: list[str | None] = [name] if name is not None else list(log.clients)
    if len(clients) > 1:
        for stem, draw in COACH_CHARTS.items():
            written.append(save_chart(draw(log), root / f"{stem}.{fmt}"))
    for who in clients or [None]:
        one = log.filter(client=who) if who is not None else log
        target = root / client_folder(who) if len(clients) > 1 and who else root
        for stem, draw in CLIENT_CHARTS.items():
            written.append(save_chart(draw(one), target / f"{stem}.{fmt}"))
    return written
