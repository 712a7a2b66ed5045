"""ReflectionLog: the tidy frames every analysis starts from."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from ._problems import problems_frame
from ._validate import entry_from_frames
from .exceptions import RecoveryAnalyticsError, UnknownClientError
from .io import FormulaMode, write_csv, write_jsonl, write_markdown_folder, write_xlsx
from .model import Entry

__all__ = ["ReflectionLog", "match_client"]

DateLike = str | dt.date | pd.Timestamp | None


def _empty_problems() -> pd.DataFrame:
    return problems_frame([])


@dataclass(frozen=True, eq=False)
class ReflectionLog:
    """Reflections on many interviews as three tidy pandas DataFrames.

    Attributes
    ----------
    interviews : DataFrame
        One row per interview, indexed by ``entry_id``: the model's fields with
        proper dtypes (datetimes, categoricals for stage/format/follow-up
        response/outcome, nullable integers for ratings, text as ``str``), plus
        ``n_well``, ``n_wrong``, ``n_actions``, ``source`` (file:line) and
        ``extra`` (unknown fields, kept as they were).
    items : DataFrame
        One row per went-well/went-wrong item: ``entry_id``, ``client``,
        ``interview_date``, ``polarity`` (``"well"``/``"wrong"``), ``text``,
        ``tags``, ``inferred``, ``themes`` (best first) and ``theme`` (the best
        one, ``"other"`` when none).
    actions : DataFrame
        Plan B actions: ``entry_id``, ``client``, ``interview_date``, ``text``,
        ``done``.
    problems : DataFrame
        What could not be read, with ``file``, ``line``, ``field``, ``message``
        (filled when loading with ``errors="collect"``; duplicates are always
        listed here).

    The frames belong to the log: analysis functions take them and return new
    frames; nothing here modifies them in place.
    """

    interviews: pd.DataFrame
    items: pd.DataFrame
    actions: pd.DataFrame
    problems: pd.DataFrame = field(default_factory=_empty_problems)

    # -- basic facts -------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.interviews)

    @property
    def clients(self) -> list[str]:
        """Client names, sorted."""
        return sorted(self.interviews["client"].dropna().unique().tolist())

    @property
    def companies(self) -> list[str]:
        """Company names, sorted."""
        return sorted(self.interviews["company"].dropna().unique().tolist())

    @property
    def item_themes(self) -> pd.DataFrame:
        """A long view: one row per item and theme, with ``rank`` (0 = best).

        Items without a theme appear once with theme ``"other"``. Use it for
        counting: an item tagged technical and time_management counts for both.
        """
        items = self.items
        themes = items["themes"].map(lambda t: list(t) if len(t) else ["other"])
        long = items.drop(columns=["themes", "theme"]).assign(theme=themes).explode("theme")
        long["rank"] = long.groupby(level=0).cumcount()
        long["theme"] = long["theme"].astype("str")
        return long.reset_index()

    def __repr__(self) -> str:
        n = len(self)
        if n == 0:
            return "ReflectionLog(no interviews)"
        dates = self.interviews["interview_date"]
        return (
            f"ReflectionLog({n} interview{'s' if n != 1 else ''}, "
            f"{len(self.clients)} client{'s' if len(self.clients) != 1 else ''}, "
            f"{dates.min():%Y-%m-%d} to {dates.max():%Y-%m-%d}, "
            f"{len(self.items)} items, {len(self.actions)} plan B actions, "
            f"{len(self.problems)} problems)"
        )

    def _repr_html_(self) -> str:
        return f"<p>{html.escape(repr(self))}</p>"

    # -- selecting -----------------------------------------------------------------

    def check_client(self, client: str) -> str:
        """Return ``client`` if it is in the log, else raise a helpful error."""
        return match_client(client, self.clients, "this log")

    def filter(
        self,
        *,
        client: str | Sequence[str] | None = None,
        start: DateLike = None,
        end: DateLike = None,
        entry_ids: Iterable[str] | None = None,
    ) -> ReflectionLog:
        """A new log with only some clients, dates (inclusive) or entries.

        Raises :class:`UnknownClientError` for a client name not in the log,
        so a typo never gives an empty result silently.
        """
        mask = pd.Series(True, index=self.interviews.index)
        if client is not None:
            names = [client] if isinstance(client, str) else list(client)
            names = [self.check_client(c) for c in names]
            mask &= self.interviews["client"].isin(names)
        dates = self.interviews["interview_date"]
        if start is not None:
            mask &= dates >= _timestamp(start, "start")
        if end is not None:
            mask &= dates <= _timestamp(end, "end")
        if entry_ids is not None:
            mask &= self.interviews.index.isin(list(entry_ids))
        return self._subset(self.interviews.index[mask.to_numpy()])

    def _subset(self, ids: pd.Index) -> ReflectionLog:
        keep = self.interviews.index.isin(ids)
        return ReflectionLog(
            self.interviews.loc[keep].copy(),
            self.items.loc[self.items["entry_id"].isin(ids)].copy(),
            self.actions.loc[self.actions["entry_id"].isin(ids)].copy(),
            self.problems.copy(),
        )

    def rename_clients(self, mapping: Mapping[str, str]) -> ReflectionLog:
        """A new log with clients renamed (merged, when two names become one).

        ``mapping`` maps a client name as it is in the log (case aside) to its
        new name, e.g. ``{"jo.rivera82@gmail.com": "Jo Rivera"}``. Entry ids
        stay as they are; items and actions follow their entries; an
        interview written under both merged names (every field and item the
        same) is kept once. A name not in the log raises
        :class:`UnknownClientError`, so a typo never renames nothing silently.
        """
        renames: dict[str, str] = {}
        for old, new in mapping.items():
            if not isinstance(new, str) or not new.strip():
                raise RecoveryAnalyticsError(
                    f"The new name for client {old!r} must be a non-empty text, not {new!r}."
                )
            renames[self.check_client(old)] = new.strip()

        def rename(frame: pd.DataFrame) -> pd.DataFrame:
            out = frame.copy()
            if len(out):
                out["client"] = out["client"].replace(renames).astype(frame["client"].dtype)
            return out

        renamed = ReflectionLog(
            rename(self.interviews),
            rename(self.items),
            rename(self.actions),
            self.problems.copy(),
        )
        # merged names: the same interview written under both is kept once
        twins = renamed._copies(set(renames.values()))
        return renamed._subset(renamed.interviews.index.difference(twins)) if twins else renamed

    def _copies(self, clients: set[str]) -> list[str]:
        """Ids of the later copies of an interview told twice by ``clients``."""
        frame = self.interviews
        mine = frame[frame["client"].isin(clients)]
        if mine.empty:
            return []
        texts = self.items.groupby("entry_id")["text"].agg(lambda t: "\n".join(sorted(map(str, t))))
        plans = self.actions.groupby("entry_id")["text"].agg(
            lambda t: "\n".join(sorted(map(str, t)))
        )
        seen: set[tuple[str, ...]] = set()
        copies: list[str] = []
        columns = [c for c in mine.columns if c not in ("source", "extra")]
        for eid, row in mine[columns].astype(str).iterrows():
            key = (*row.tolist(), str(texts.get(eid, "")), str(plans.get(eid, "")))
            if key in seen:
                copies.append(str(eid))
            seen.add(key)
        return copies

    # -- conversion --------------------------------------------------------------------

    def entries(self) -> list[Entry]:
        """The log as :class:`Entry` objects, in the order of ``interviews``."""
        return entry_from_frames(self.interviews, self.items, self.actions)

    def to_markdown(self, folder: Any) -> list[Any]:
        """Write one Markdown file per entry under ``folder/<client>/``."""
        return write_markdown_folder(self, folder)

    def to_csv(self, path: Any, *, formulas: FormulaMode = "escape") -> Any:
        """Write one CSV row per entry (list cells one item per line).

        Cells a spreadsheet would run as formulas get a single quote in front
        unless ``formulas="keep"``; :func:`load` takes it off (docs/formats.md).
        """
        return write_csv(self, path, formulas=formulas)

    def to_excel(self, path: Any, *, formulas: FormulaMode = "escape") -> Any:
        """Write an XLSX workbook: sheets interviews, items, actions, problems.

        Text is always written as text, never as a formula; ``formulas`` works
        as in :meth:`to_csv`. :func:`load` reads the first sheet back.
        """
        return write_xlsx(self, path, formulas=formulas)

    def to_jsonl(self, path: Any) -> Any:
        """Write one JSON object per line."""
        return write_jsonl(self, path)

    @classmethod
    def concat(cls, logs: Iterable[ReflectionLog]) -> ReflectionLog:
        """Put several logs together; an entry id seen twice keeps its first copy."""
        logs = list(logs)
        if not logs:
            raise RecoveryAnalyticsError("concat needs at least one ReflectionLog")
        interviews = pd.concat([log.interviews for log in logs])
        dup = interviews.index.duplicated(keep="first")
        interviews = interviews.loc[~dup]
        items = pd.concat([log.items for log in logs], ignore_index=True)
        actions = pd.concat([log.actions for log in logs], ignore_index=True)
        # drop items/actions of dropped duplicate entries: keep those of the first log holding it
        owner: dict[str, int] = {}
        for i, log in enumerate(logs):
            for eid in log.interviews.index:
                owner.setdefault(eid, i)
        item_owner = pd.concat(
            [pd.Series(i, index=log.items.index) for i, log in enumerate(logs)], ignore_index=True
        )
        action_owner = pd.concat(
            [pd.Series(i, index=log.actions.index) for i, log in enumerate(logs)],
            ignore_index=True,
        )
        items = items.loc[(items["entry_id"].map(owner) == item_owner).to_numpy()]
        actions = actions.loc[(actions["entry_id"].map(owner) == action_owner).to_numpy()]
        items = items.reset_index(drop=True)
        items.index.name = "item_id"
        actions = actions.reset_index(drop=True)
        actions.index.name = "action_id"
        problems = pd.concat([log.problems for log in logs], ignore_index=True)
        return cls(interviews, items, actions, problems)


def match_client(client: str, known: Sequence[str], where: str) -> str:
    """``client`` as it is written in ``known`` (case aside), else :class:`UnknownClientError`.

    ``where`` names the place in the message ("this log", "this journal").

    Examples
    --------
    >>> match_client("Ben", ["amara", "ben"], "this log")
    'ben'
    >>> try:
    ...     match_client("zoe", ["amara", "ben"], "this log")
    ... except UnknownClientError as exc:
    ...     print(exc)
    There is no client 'zoe' in this log. Known clients: amara, ben.
    """
    if client in known:
        return client
    folded = {c.casefold(): c for c in known}
    if client.casefold() in folded:
        return folded[client.casefold()]
    raise UnknownClientError(
        f"There is no client {client!r} in {where}. Known clients: "
        f"{', '.join(known) if known else '(none yet)'}."
    )


def _timestamp(value: DateLike, name: str) -> pd.Timestamp:
    try:
        ts = pd.Timestamp(value)  # type: ignore[arg-type]
    except (ValueError, TypeError):
        raise RecoveryAnalyticsError(
            f"The value for `{name}` must be a date such as '2026-03-04', but {value!r} was passed."
        ) from None
    if pd.isna(ts):
        raise RecoveryAnalyticsError(f"The value for `{name}` must be a date, not missing.")
    return ts
