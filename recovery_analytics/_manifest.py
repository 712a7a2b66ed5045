"""A practice manifest: one TOML file listing a practice's sources.

Each ``[[source]]`` has a ``path`` (a file, folder, glob or journal URL,
relative to the manifest's folder) and optionally ``client``, ``format``,
``mapping`` (a table, or a path to a mapping TOML file), ``dayfirst``,
``encoding`` and ``options`` (an importer's options). See the worked example
in ``docs/formats.md``::

    [[source]]
    path = "lena/"
    client = "lena"
    dayfirst = true

    [[source]]
    path = "forms/responses.csv"
    format = "google_forms"
    dayfirst = false
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .exceptions import RecoveryAnalyticsError

__all__ = ["Source", "is_manifest", "is_url", "read_manifest"]

_KEYS = ("path", "client", "format", "mapping", "dayfirst", "encoding", "options")


@dataclass(frozen=True)
class Source:
    """One source of a load: what to read and how."""

    path: str
    client: str | None = None
    format: str | None = None
    mapping: Any = None
    dayfirst: bool | None = None
    encoding: str = "utf-8"
    options: dict[str, Any] = field(default_factory=dict)
    group: str | None = None
    """Where the day/month order is decided: a client's folder (set while reading)."""


def is_url(text: object) -> bool:
    """Whether ``text`` is a journal URL such as ``sqlite:///practice.db``."""
    return isinstance(text, str) and "://" in text and not os.path.exists(text)


def is_manifest(path: object) -> bool:
    """Whether ``path`` names a practice manifest (an existing ``.toml`` file with sources)."""
    if not isinstance(path, str | os.PathLike) or is_url(path):
        return False
    p = Path(path)
    if p.suffix.lower() != ".toml" or not p.is_file():
        return False
    try:
        return "source" in tomllib.loads(p.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False


def read_manifest(path: str | os.PathLike[str]) -> list[Source]:
    """The sources of a manifest, paths made relative to its folder.

    Raises :class:`~recovery_analytics.RecoveryAnalyticsError` naming the
    manifest and the source for a key it does not know or a value of the
    wrong type.
    """
    file = Path(path)
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise RecoveryAnalyticsError(f"{file}: {exc}; fix the TOML syntax there") from None
    entries = data.get("source")
    if not isinstance(entries, list) or not entries:
        raise RecoveryAnalyticsError(
            f'{file}: a manifest needs one [[source]] table per source, each with a path = "..."'
        )
    base = file.parent
    out: list[Source] = []
    for number, entry in enumerate(entries, start=1):
        where = f"{file}: source {number}"
        if not isinstance(entry, dict) or not isinstance(entry.get("path"), str):
            raise RecoveryAnalyticsError(f'{where} needs a path = "..." (a file, folder or URL)')
        unknown = sorted(set(entry) - set(_KEYS))
        if unknown:
            raise RecoveryAnalyticsError(
                f"{where}: unknown key {unknown[0]!r}; a source may have {', '.join(_KEYS)}"
            )
        for key, kind in (("client", str), ("format", str), ("encoding", str)):
            if key in entry and not isinstance(entry[key], kind):
                raise RecoveryAnalyticsError(f"{where}: {key} must be a text in quotes")
        if "dayfirst" in entry and not isinstance(entry["dayfirst"], bool):
            raise RecoveryAnalyticsError(f"{where}: dayfirst must be true or false")
        if "options" in entry and not isinstance(entry["options"], dict):
            raise RecoveryAnalyticsError(f"{where}: options must be a table")
        mapping = entry.get("mapping")
        if isinstance(mapping, str):
            mapping = os.fspath(base / mapping)
        elif mapping is not None and not isinstance(mapping, dict):
            raise RecoveryAnalyticsError(f"{where}: mapping must be a table or a file path")
        raw_path = entry["path"]
        if raw_path.startswith("sqlite:///") and not raw_path[10:].startswith("/"):
            full = "sqlite:///" + os.fspath(base / raw_path[10:])  # relative to the manifest
        else:
            full = raw_path if is_url(raw_path) else os.fspath(base / raw_path)
        out.append(
            Source(
                full,
                entry.get("client"),
                entry.get("format"),
                mapping,
                entry.get("dayfirst"),
                entry.get("encoding", "utf-8"),
                dict(entry.get("options", {})),
            )
        )
    return out
