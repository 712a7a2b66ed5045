"""Finding the files a load reads, and the problems about a whole file.

:func:`discover` expands files, folders and globs (the folder is the boundary:
links leading out of it are not followed); :func:`read_isolated` reads one
file so that nothing unexpected in it can stop the others.
"""

from __future__ import annotations

import difflib
import glob
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from ._formats import SUFFIXES
from ._limits import Limits, over_limit
from ._problems import Problem
from .exceptions import RecoveryAnalyticsError
from .io import FormatSpec, ReadContext
from .model import DEFAULT_CLIENT, FIELDS
from .vocabulary import plural

__all__ = [
    "client_of_folder",
    "discover",
    "mapping_misses",
    "nameless_problem",
    "no_field_problem",
    "over",
    "path_key",
    "read_isolated",
    "shown_name",
    "unexpected",
]

PathLike = str | os.PathLike[str]
_SKIP_NAMES = {"readme.md", "readme.markdown", "license.md", "changelog.md"}


def discover(
    paths: PathLike | Iterable[PathLike], problems: list[Problem] | None = None
) -> list[tuple[Path, str | None, Path]]:
    """Expand files, folders (recursively) and globs.

    Returns ``(file, client from folder or None, root given)`` triples. In a
    folder, a file in ``<folder>/<client>/...`` takes ``<client>`` as its client;
    hidden files and folders and README/LICENSE/CHANGELOG files are skipped.
    The folder is the boundary: a symbolic link inside it that points outside it
    is not followed, and a warning naming it is added to ``problems``.
    """
    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    out: list[tuple[Path, str | None, Path]] = []
    seen: set[str] = set()

    def add(path: Path, client: str | None, root: Path) -> None:
        key = os.path.normcase(os.path.abspath(path))  # no file system calls
        if key not in seen:
            seen.add(key)
            out.append((path, client, root))

    for given in paths:
        text = os.fspath(given)
        if any(ch in text for ch in "*?[") and not Path(text).exists():
            matches = sorted(glob.glob(text, recursive=True))
            if not matches:
                raise RecoveryAnalyticsError(
                    f"{text}: no file matches this pattern; check the folder and the pattern"
                )
            for m in matches:
                p = Path(m)
                if p.is_file():
                    add(p, None, p.parent)
            continue
        path = Path(text)
        if path.is_dir():
            # strings, not Paths, while sorting: the order of Path objects
            # (part by part) is kept by sorting on the tuple of parts
            found = sorted(_walk(path, problems))
            folders: dict[tuple[str, ...], tuple[Path, str]] = {}
            for _, rel_dir, name in found:
                if rel_dir not in folders:
                    folder = path.joinpath(*rel_dir)
                    folders[rel_dir] = (folder, os.path.abspath(folder))
                folder, absolute = folders[rel_dir]
                key = os.path.normcase(os.path.join(absolute, name))
                if key not in seen:
                    seen.add(key)
                    out.append((folder / name, rel_dir[0] if rel_dir else None, path))
        elif path.is_file():
            add(path, None, path.parent)
        else:
            raise RecoveryAnalyticsError(
                f"{text}: no such file or folder; check the path (relative paths start from "
                f"{Path.cwd()})"
            )
    return out


def _walk(
    folder: Path, problems: list[Problem] | None = None
) -> Iterable[tuple[tuple[str, ...], tuple[str, ...], str]]:
    """``(sort key, folders below folder, file name)`` of the files to read.

    The key orders files as their Paths would sort: part by part, folded
    where the system ignores case. Links leading out of ``folder`` are skipped
    (with a warning in ``problems``).
    """
    top = os.fspath(folder)
    inside = os.path.realpath(top)

    def escapes(dirpath: str, name: str) -> bool:
        full = os.path.join(dirpath, name)
        if not os.path.islink(full):
            return False
        target = os.path.realpath(full)
        if os.path.commonpath([inside, target]) == inside:
            return False
        if problems is not None:
            problems.append(
                Problem(
                    os.path.relpath(full),
                    None,
                    None,
                    "this is a link to a place outside the folder being loaded; it was not "
                    "followed. Copy the file into the folder, or load its real place as well",
                    "warning",
                )
            )
        return True

    for dirpath, dirnames, filenames in os.walk(folder):  # links to folders: not walked
        dirnames[:] = [d for d in dirnames if not d.startswith((".", "_"))]
        rel = os.path.relpath(dirpath, top)
        rel_dir = () if rel == os.curdir else tuple(rel.split(os.sep))
        folded = tuple(os.path.normcase(part) for part in rel_dir)
        for name in filenames:
            if name.startswith((".", "~$")) or name.casefold() in _SKIP_NAMES:
                continue
            if os.path.splitext(name)[1].lower() in SUFFIXES and not escapes(dirpath, name):
                yield (*folded, os.path.normcase(name)), rel_dir, name


def path_key(path: Path) -> str:
    return os.path.normcase(os.path.abspath(path))


def client_of_folder(given: str, files: list[tuple[Path, str | None, Path]]) -> str | None:
    """The client a folder given directly names: its own name, when its files
    sit directly in it (no client subfolders)."""
    path = Path(given)
    if not files or not path.is_dir() or any(sub is not None for _, sub, _ in files):
        return None
    name = path.resolve().name
    return name or None


def nameless_problem(shown: str, count: int) -> Problem:
    """The warning for entries no file, folder or ``client=`` names a client for."""
    return Problem(
        shown,
        None,
        "client",
        f"no client is named for {plural(count, 'entry', 'entries')} of this file (not in the "
        f"file, its folder or client=); kept under {DEFAULT_CLIENT!r}. Pass client=, "
        "--client, or a client in the manifest.",
        "warning",
    )


def no_field_problem(shown: str, headers: list[str]) -> Problem:
    """One problem for a table none of whose headers is a field."""
    return Problem(
        shown,
        1,
        None,
        f"none of the headers of this file is a field I know ({', '.join(map(str, headers))}); "
        'write a mapping, e.g. a TOML file with [columns] "Interview date" = '
        '"interview_date", and pass mapping= (see docs/formats.md)',
    )


def mapping_misses(shown: str, mapping: Mapping[str, str], headers: list[str]) -> list[Problem]:
    """A problem per mapping key that matches no header, naming the closest one."""
    out = []
    for header, target in mapping.items():
        if target in headers or header in headers:
            continue
        spare = [str(h) for h in headers if h not in FIELDS]
        close = difflib.get_close_matches(header, spare, n=1, cutoff=0.5)
        hint = f"; the closest header is {close[0]!r}" if close else ""
        out.append(
            Problem(
                shown,
                1,
                target,
                f"the mapping names the header {header!r}, which this file does not have"
                f"{hint}. The field {target} stays empty.",
            )
        )
    return out


def read_isolated(
    fmt: FormatSpec, path: Path, shown: str, ctx: ReadContext
) -> tuple[Any, list[Problem]]:
    """``fmt.read`` on one file; anything unexpected becomes one problem for that file.

    A :class:`RecoveryAnalyticsError` (a wrong argument) and :class:`OSError` (a
    file that cannot be opened) pass through; every other exception is a bug in
    a reader met by this file, reported so that the other files still load.
    """
    try:
        return fmt.read(path, shown, ctx)
    except (RecoveryAnalyticsError, OSError, KeyboardInterrupt):
        raise
    except Exception as exc:  # noqa: BLE001  (isolation: one file never stops the others)
        return None, [Problem(shown, None, None, unexpected(exc))]


def unexpected(exc: BaseException) -> str:
    """The message for an unexpected error: its type and where, never the text it quotes."""
    tb = exc.__traceback__
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    where = f" in {tb.tb_frame.f_code.co_name}" if tb is not None else ""
    return f"could not be read: {type(exc).__name__}{where}; please report it"


def over(name: str, found: str, limits: Limits) -> str:
    return over_limit(name, found, getattr(limits, name))


def shown_name(path: Path, cwd: Path, folders: dict[Path, str]) -> str:
    """The file name shown in messages: relative to the working folder when inside it.

    One ``relpath`` per folder, not one per file.
    """
    text = os.fspath(path)
    if not os.path.isabs(text):
        return os.path.normpath(text)
    parent = path.parent
    if parent not in folders:
        folders[parent] = os.path.relpath(parent, cwd)
    rel_parent = folders[parent]
    rel = path.name if rel_parent == os.curdir else os.path.join(rel_parent, path.name)
    return text if rel.startswith("..") else rel
