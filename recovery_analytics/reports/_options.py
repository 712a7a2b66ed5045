"""The options every export takes, spelled once: period, today and the anonymising ones.

``review_packet``, ``coach_packet`` and ``write_charts`` take the same keyword
options with the same names and defaults (:class:`PacketOptions`,
:class:`ChartOptions`), and :func:`~._anonymize.anonymize` takes the
anonymising ones under the same names, so a caller can hand one set of
options to each of them. Options are checked here once: an unknown name is
refused with the closest real one, a period must be a ``(start, end)`` pair.
"""

from __future__ import annotations

import dataclasses
import difflib
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypedDict

from .._log import DateLike, ReflectionLog
from ..exceptions import RecoveryAnalyticsError
from ._anonymize import anonymized
from ._pseudonyms import PseudonymKey, key_of, numbered

__all__ = [
    "ChartOptions",
    "PacketOptions",
    "Period",
    "ShareOptions",
    "Sharing",
    "check_period",
    "sharing",
]

Period = tuple[DateLike, DateLike] | None


class ShareOptions(TypedDict, total=False):
    """The anonymising options, as every function that shares spells them."""

    anonymize: bool
    anonymize_companies: bool
    anonymize_names: Iterable[str]
    pseudonym_key: str | os.PathLike[str] | PseudonymKey | None


class ChartOptions(ShareOptions, total=False):
    """The options of ``write_charts``."""

    period: Period


class PacketOptions(ChartOptions, total=False):
    """The options of ``review_packet`` and ``coach_packet``."""

    today: DateLike


@dataclass(frozen=True)
class Sharing:
    """The options with their defaults filled in (see :func:`sharing`)."""

    period: Period = None
    today: DateLike = None
    anonymize: bool = False
    anonymize_companies: bool = False
    anonymize_names: tuple[str, ...] = ()
    pseudonym_key: str | os.PathLike[str] | PseudonymKey | None = None

    @property
    def hides(self) -> bool:
        """Whether anything is to be hidden (then contact details are hidden too)."""
        return self.anonymize or self.anonymize_companies or bool(self.anonymize_names)

    def pick(self, log: ReflectionLog, client: str | None = None) -> ReflectionLog:
        """The rows an export shows: ``client``'s (a real name, already
        checked; every client when ``None``) within the period."""
        picked = log if client is None else log.filter(client=client)
        if self.period is not None:
            picked = picked.filter(start=self.period[0], end=self.period[1])
        return picked

    def key_outside(self, target: str | os.PathLike[str]) -> None:
        """Refuse a pseudonym key that is, or is inside, what is being written."""
        key = key_of(self.pseudonym_key)
        if key is None:
            return
        where, into = key.path.resolve(), Path(target).resolve()
        if where == into or into in where.parents:
            raise RecoveryAnalyticsError(
                f"{key.path}: the pseudonym key holds real names, so it must not be written "
                f"into the export {os.fspath(target)}; keep it beside the journal or the "
                "data instead (pseudonym_key=, or --pseudonym-key)."
            )

    def shared(
        self, picked: ReflectionLog, *, context: ReflectionLog, client: str | None = None
    ) -> tuple[ReflectionLog, str | None]:
        """The rows ``picked`` from ``context`` with names hidden as asked, and
        ``client``'s name in them.

        Only ``picked`` is anonymised. Pseudonyms come from the key when
        there is one; without it, client letters follow the sorted clients
        of ``context`` and company numbers the companies ``picked`` shows.
        """
        if not self.hides:
            return picked, client
        people = picked.clients if self.anonymize else []
        firms = picked.companies if self.anonymize_companies else []
        key = key_of(self.pseudonym_key)
        if key is not None:
            names_of = key.assign(clients=people, companies=firms)
        else:
            names_of = numbered(clients=people, companies=firms, all_clients=context.clients)
        shared = anonymized(
            picked,
            names_of,
            context=context,
            anonymize=self.anonymize,
            anonymize_companies=self.anonymize_companies,
            anonymize_names=self.anonymize_names,
        )
        if client is not None and self.anonymize:
            client = names_of.client(client)
        return shared, client


def check_period(period: object) -> Period:
    """``period`` if it is ``None`` or a ``(start, end)`` pair, else a helpful error."""
    if period is None or (isinstance(period, tuple) and len(period) == 2):
        return period
    raise RecoveryAnalyticsError(
        "The value for `period` must be None or a (start, end) pair of dates such as "
        f"('2026-03-01', '2026-06-30') (either may be None), but {period!r} was passed."
    )


def sharing(function: str, options: Mapping[str, Any], allowed: type) -> Sharing:
    """The options of ``function`` checked against ``allowed`` (a TypedDict), defaults filled.

    Examples
    --------
    >>> sharing("coach_packet", {"anonymize": True}, PacketOptions).hides
    True
    >>> try:
    ...     sharing("coach_packet", {"anonymise": True}, PacketOptions)
    ... except TypeError as exc:
    ...     print(exc)
    coach_packet() got an unexpected keyword argument 'anonymise' (did you mean 'anonymize'?)
    """
    names = sorted(allowed.__required_keys__ | allowed.__optional_keys__)  # type: ignore[attr-defined]
    for name in options:
        if name not in names:
            close = difflib.get_close_matches(name, names, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise TypeError(f"{function}() got an unexpected keyword argument {name!r}{hint}")
    values = dict(options)
    if "period" in values:
        values["period"] = check_period(values["period"])
    if "pseudonym_key" in values:
        values["pseudonym_key"] = key_of(values["pseudonym_key"])
    if "anonymize_names" in values:
        given = values["anonymize_names"]
        values["anonymize_names"] = (given,) if isinstance(given, str) else tuple(given)
    known = {f.name for f in dataclasses.fields(Sharing)}
    return Sharing(**{k: v for k, v in values.items() if k in known})
