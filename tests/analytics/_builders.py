"""Build a ReflectionLog directly from compact dicts, with explicit themes.

Independent of ``load()`` and of the theme tagger, so fixtures stay small and
every expected number can be worked out by hand.

An entry is a dict with:

* ``date`` (required, ``"YYYY-MM-DD"``), ``client`` (default ``"me"``),
  ``id`` (default ``"<client>-<n>"``, n counting entries from 1);
* ``well`` / ``wrong``: one element per item - a theme name, a list of theme
  names (best first), or ``None`` / ``[]`` for an item without a theme;
* ``plan_b``: ``[(text, done), ...]``;
* any scalar field of ``log.interviews`` (feeling, connection, outcome,
  follow_up_requested, follow_up_response, reflected_on, ...).
"""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from recovery_analytics import ReflectionLog
from recovery_analytics._validate import polarity as field_polarity
from recovery_analytics.model import FIELDS, enum_values, fields_where

# the scalar fields of ``log.interviews``, by kind, straight from the model
_SCALARS = fields_where(is_list=False, kind=("text", "date", "rating", "enum", "bool"))
_LISTS = fields_where(kind="list")
_POLARITIES = tuple(field_polarity(name) for name in fields_where(kind="items"))
_COUNTS = (*(f"n_{p}" for p in _POLARITIES), "n_actions")
_ORDER = (*_SCALARS, *_LISTS, "source", "extra", *_COUNTS)


def _themes(spec: Any) -> list[str]:
    if spec is None:
        return []
    if isinstance(spec, str):
        return [spec]
    return list(spec)


def make_log(entries: Sequence[Mapping[str, Any]]) -> ReflectionLog:
    """A ReflectionLog with the dtypes ``load()`` gives, from compact dicts."""
    rows: list[dict[str, Any]] = []
    items: list[dict[str, Any]] = []
    actions: list[dict[str, Any]] = []
    for n, e in enumerate(entries, start=1):
        client = e.get("client", "me")
        eid = e.get("id", f"{client}-{n}")
        date = pd.Timestamp(e["date"])
        well = [_themes(s) for s in e.get("well", [])]
        wrong = [_themes(s) for s in e.get("wrong", [])]
        plan = list(e.get("plan_b", []))
        row = {k: e.get(k) for k in _SCALARS}
        row.update({k: list(e.get(k, [])) for k in _LISTS})
        row.update(
            entry_id=eid,
            client=client,
            interview_date=date,
            source=f"test:{n}",
            extra={},
            n_well=len(well),
            n_wrong=len(wrong),
            n_actions=len(plan),
            **{f"n_{p}": 0 for p in _POLARITIES if p not in ("well", "wrong")},
        )
        rows.append(row)
        for polarity, specs in (("well", well), ("wrong", wrong)):
            for i, themes in enumerate(specs):
                items.append(
                    {
                        "entry_id": eid,
                        "client": client,
                        "interview_date": date,
                        "polarity": polarity,
                        "text": f"{polarity} {i + 1} of {eid}",
                        "tags": [],
                        "inferred": False,
                        "themes": themes,
                        "theme": themes[0] if themes else "other",
                    }
                )
        for text, done in plan:
            actions.append(
                {
                    "entry_id": eid,
                    "client": client,
                    "interview_date": date,
                    "text": text,
                    "done": bool(done),
                }
            )
    return ReflectionLog(_interviews(rows), _items(items), _actions(actions))


def _interviews(rows: list[dict[str, Any]]) -> pd.DataFrame:
    ids = pd.Index(pd.array([r["entry_id"] for r in rows], dtype="str"), name="entry_id")
    out = pd.DataFrame(index=ids)
    for col in _ORDER:
        values = [r[col] for r in rows]
        kind = FIELDS[col].kind if col in FIELDS else None
        if kind == "text" or col == "source":
            out[col] = pd.array(values, dtype="str")
        elif kind == "date":
            out[col] = (
                pd.to_datetime(pd.Series(values, dtype=object)).astype("datetime64[us]").to_numpy()
            )
        elif kind == "rating":
            out[col] = pd.array([None if v is None else int(v) for v in values], dtype="Int64")
        elif kind == "enum":
            out[col] = pd.Categorical(values, categories=list(enum_values(col)))
        elif kind == "bool":
            out[col] = pd.array(values, dtype="boolean")
        elif kind == "list" or col == "extra":
            out[col] = pd.Series(values, index=out.index, dtype=object)
        else:
            out[col] = pd.array(values, dtype="int64")
    return out


def _items(items: list[dict[str, Any]]) -> pd.DataFrame:
    cols = [
        "entry_id",
        "client",
        "interview_date",
        "polarity",
        "text",
        "tags",
        "inferred",
        "themes",
        "theme",
    ]
    raw = pd.DataFrame(items, columns=cols)
    out = pd.DataFrame(
        {
            "entry_id": pd.array(raw["entry_id"].to_numpy(), dtype="str"),
            "client": pd.array(raw["client"].to_numpy(), dtype="str"),
            "interview_date": pd.to_datetime(raw["interview_date"]).astype("datetime64[us]"),
            "polarity": pd.Categorical(raw["polarity"], categories=list(_POLARITIES)),
            "text": pd.array(raw["text"].to_numpy(), dtype="str"),
            "tags": pd.Series(list(raw["tags"]), dtype=object),
            "inferred": raw["inferred"].astype(bool),
            "themes": pd.Series(list(raw["themes"]), dtype=object),
            "theme": pd.array(raw["theme"].to_numpy(), dtype="str"),
        }
    )
    out.index.name = "item_id"
    return out


def _actions(actions: list[dict[str, Any]]) -> pd.DataFrame:
    raw = pd.DataFrame(actions, columns=["entry_id", "client", "interview_date", "text", "done"])
    out = pd.DataFrame(
        {
            "entry_id": pd.array(raw["entry_id"].to_numpy(), dtype="str"),
            "client": pd.array(raw["client"].to_numpy(), dtype="str"),
            "interview_date": pd.to_datetime(raw["interview_date"]).astype("datetime64[us]"),
            "text": pd.array(raw["text"].to_numpy(), dtype="str"),
            "done": raw["done"].astype(bool),
        }
    )
    out.index.name = "action_id"
    return out


def snapshot(log: ReflectionLog) -> dict[str, pd.DataFrame]:
    """Deep copies of the log's frames, to check later that nothing changed."""
    return {name: copy.deepcopy(getattr(log, name)) for name in ("interviews", "items", "actions")}


def assert_unchanged(log: ReflectionLog, before: dict[str, pd.DataFrame]) -> None:
    """The log's frames equal their snapshot: values, dtypes, index and order."""
    for name, frame in before.items():
        pd.testing.assert_frame_equal(getattr(log, name), frame)
