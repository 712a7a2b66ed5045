"""``load()``: files, folders and globs into one :class:`ReflectionLog`."""

from __future__ import annotations

import glob
import os
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import pandas as pd

from ._formats import SUFFIXES, detect_with_content, get_format
from ._limits import DEFAULT_LIMITS, Limits, over_limit
from ._log import ReflectionLog
from ._problems import Problem, problems_frame
from ._validate import Normalised, normalise
from .exceptions import LogFormatError, RecoveryAnalyticsError
from .importers import check_option_names
from .io import FormatSpec, ReadContext, read_mapping

if TYPE_CHECKING:
    from .themes import Taxonomy
__all__ = ["ErrorMode", "check_errors_mode", "discover", "load", "log_from_records"]

ErrorMode = Literal["raise", "collect"]

PathLike = str | os.PathLike[str]
_SKIP_NAMES = {"readme.md", "readme.markdown", "license.md", "changelog.md"}
_PROGRESS_AFTER_FILES = 200


def check_errors_mode(errors: str) -> ErrorMode:
    """``errors`` checked: ``"raise"`` or ``"collect"``."""
    if errors not in ("raise", "collect"):
        raise RecoveryAnalyticsError(
            f"The value for `errors` must be one of 'raise', 'collect', but {errors!r} was passed."
        )
    return errors  # type: ignore[return-value]


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


def _want_progress(progress: bool | None) -> bool:
    if progress is not None:
        return progress
    shell = sys.modules.get("IPython")
    if shell is not None:
        ip = getattr(shell, "get_ipython", lambda: None)()
        if ip is not None and getattr(ip, "kernel", None) is not None:
            return True
    return bool(getattr(sys.stderr, "isatty", lambda: False)())


def load(
    paths: PathLike | Iterable[PathLike],
    *,
    errors: str = "raise",
    format: str | None = None,
    mapping: Mapping[str, str] | PathLike | None = None,
    encoding: str = "utf-8",
    dayfirst: bool = False,
    taxonomy: Taxonomy | PathLike | Literal[False] | None = None,
    progress: bool | None = None,
    options: Mapping[str, Any] | None = None,
    limits: Limits | None = None,
) -> ReflectionLog:
    r"""Read reflection logs into a :class:`ReflectionLog`.

    Parameters
    ----------
    paths : path, glob, or a list of them
        Files, folders (read recursively) and glob patterns. Markdown, CSV,
        TSV, XLSX, JSON and JSON Lines are recognised by extension (see
        ``docs/formats.md``).
    errors : {"raise", "collect"}
        ``"raise"`` raises :class:`~recovery_analytics.exceptions.LogFormatError`
        naming the file, line and field of every problem. ``"collect"`` returns
        every valid record and lists the problems in ``log.problems``.
    format : str, optional
        Read every file as this format instead of guessing from the extension.
    mapping : dict or path to a TOML file, optional
        Column headers of your own mapped to field names.
    encoding : str
        The text encoding of the files (default UTF-8).
    dayfirst : bool
        Read ambiguous dates such as 04/03/2026 as 4 March.
    taxonomy : Taxonomy, path to a TOML file, False, optional
        The themes to tag items with; the built-in taxonomy by default.
        ``False`` skips tagging: every item gets no themes and the theme
        ``"other"`` (for reads that need entries, not themes).
    progress : bool, optional
        Show a progress bar; by default only in a terminal or notebook, and
        only once reading takes more than a moment.
    options : dict, optional
        Options for a particular importer (see the importer's documentation
        and docs/importers.md). A name no importer reads raises
        :class:`~recovery_analytics.ImporterOptionError` naming the closest one.
    limits : Limits, optional
        The largest file, archive, JSON depth, columns and lines read
        (:class:`~recovery_analytics.Limits`); a file over one is a problem
        naming the limit.

    Returns
    -------
    ReflectionLog

    Examples
    --------
    A folder may mix formats; here, one CSV file:

    >>> import tempfile
    >>> tmp = tempfile.TemporaryDirectory()
    >>> folder = Path(tmp.name)
    >>> _ = (folder / "ben.csv").write_text(
    ...     "client,interview_date,company,went_well,went_wrong\n"
    ...     "ben,2026-03-02,Acme,Clear answers;Good rapport,Arrived late\n"
    ...     "ben,2026-03-09,Birch,Asked good questions,\n"
    ... )
    >>> log = load(folder)
    >>> columns = ["client", "interview_date", "company", "n_well", "n_wrong"]
    >>> log.interviews[columns]  # doctest: +NORMALIZE_WHITESPACE
                   client interview_date company  n_well  n_wrong
    entry_id
    e-6d1d90261e43    ben     2026-03-02    Acme       2        1
    e-9813a0bd4e90    ben     2026-03-09   Birch       1        0
    >>> log.items[["polarity", "text"]]  # doctest: +NORMALIZE_WHITESPACE
            polarity                  text
    item_id
    0           well         Clear answers
    1           well          Good rapport
    2          wrong          Arrived late
    3           well  Asked good questions
    >>> tmp.cleanup()
    """
    mode = check_errors_mode(errors)
    if options:
        check_option_names(options)  # a misspelt option is refused, not ignored
    limits = DEFAULT_LIMITS if limits is None else limits
    if not isinstance(limits, Limits):
        raise RecoveryAnalyticsError(
            f"The value for `limits` must be a Limits(...), but {type(limits).__name__} was passed."
        )
    problems: list[Problem] = []
    files = discover(paths, problems)
    ctx_mapping = read_mapping(mapping)
    fixed: FormatSpec | None = get_format(format) if format is not None else None
    raw_frames: list[pd.DataFrame] = []
    raw_records: list[dict[str, Any]] = []
    cwd = Path.cwd()

    iterator: Iterable[tuple[Path, str | None, Path]] = files
    if len(files) > 1 and _want_progress(progress):
        from tqdm.auto import tqdm

        iterator = tqdm(files, desc="Reading reflections", unit="file", delay=0.5, leave=False)

    shown_folders: dict[Path, str] = {}
    for path, client, _root in iterator:
        shown = _shown_cached(path, cwd, shown_folders)
        try:
            size = path.stat().st_size
            if size > limits.max_file_bytes:
                what = f"a file of {size} bytes"
                problems.append(Problem(shown, None, None, _over("max_file_bytes", what, limits)))
                continue
            fmt, content = (fixed, None) if fixed else detect_with_content(path)
            if fmt is None:  # only for a file named explicitly
                problems.append(
                    Problem(
                        shown,
                        None,
                        None,
                        f"the extension {path.suffix!r} is not a format I know; use .md, "
                        ".csv, .tsv, .xlsx, .json, .jsonl or an app export named in "
                        "docs/importers.md, or pass format=",
                    )
                )
                continue
            ctx = ReadContext(ctx_mapping, encoding, client, options or {}, content, limits)
            raw, found = read_isolated(fmt, path, shown, ctx)
        except OSError as exc:
            problems.append(Problem(shown, None, None, f"the file could not be opened ({exc})"))
            continue
        problems.extend(found)
        if raw is None:
            continue
        if isinstance(raw, list):
            raw_records.extend(raw)
        elif len(raw):
            if client is not None:
                if "client" not in raw.columns:
                    raw = raw.assign(client=client)
                else:
                    raw = raw.assign(client=raw["client"].where(raw["client"].notna(), client))
            raw_frames.append(raw)

    if raw_records:
        raw_frames.insert(0, pd.DataFrame.from_records(raw_records))
    return _finish(_concat_raw(raw_frames), problems, mode, dayfirst, taxonomy)


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


def _over(name: str, found: str, limits: Limits) -> str:
    return over_limit(name, found, getattr(limits, name))


def log_from_records(
    records: Iterable[Mapping[str, Any]],
    *,
    errors: str = "raise",
    dayfirst: bool = False,
    taxonomy: Taxonomy | PathLike | Literal[False] | None = None,
) -> ReflectionLog:
    """A :class:`ReflectionLog` from raw records, exactly as :func:`load` builds one.

    Each record maps field names to raw values, as a JSON entry does, and
    should carry ``_file`` (where it came from, shown in messages) and
    ``_line`` (or ``None``). The journal uses this for entries kept in a
    database; ``errors`` and ``taxonomy`` mean what they mean for ``load()``.
    """
    mode = check_errors_mode(errors)
    rows = [dict(r) for r in records]
    raw = pd.DataFrame.from_records(rows) if rows else _concat_raw([])
    return _finish(raw, [], mode, dayfirst, taxonomy)


def _finish(
    raw: pd.DataFrame,
    problems: list[Problem],
    mode: ErrorMode,
    dayfirst: bool,
    taxonomy: Taxonomy | PathLike | Literal[False] | None,
) -> ReflectionLog:
    """Validate the raw frame, raise or collect problems, tag themes."""
    problems = list(problems)
    result = _normalise_isolated(raw, dayfirst, mode == "collect", problems)
    problems = sorted([*problems, *result.problems], key=lambda p: (p.file, p.line or 0))
    hard = [p for p in problems if p.stops_loading]
    if hard and mode == "raise":
        raise LogFormatError(hard)
    items = tag_items(result.items, taxonomy)
    return ReflectionLog(result.interviews, items, result.actions, problems_frame(problems))


def _normalise_isolated(
    raw: pd.DataFrame, dayfirst: bool, partial: bool, problems: list[Problem]
) -> Normalised:
    """:func:`normalise`; when it meets something unexpected, file by file.

    The files whose entries cannot be validated on their own get one problem
    each and are left out; the others are validated together as before.
    """
    try:
        return normalise(raw, dayfirst=dayfirst, partial=partial)
    except RecoveryAnalyticsError:
        raise
    except Exception as exc:  # noqa: BLE001  (isolation: found below, file by file)
        first = exc
    files = raw["_file"].astype(str) if "_file" in raw.columns else pd.Series("", index=raw.index)
    bad: list[str] = []
    for name in files.unique():
        try:
            normalise(raw[files == name].reset_index(drop=True), dayfirst=dayfirst, partial=True)
        except RecoveryAnalyticsError:
            continue
        except Exception as exc:  # noqa: BLE001
            bad.append(name)
            problems.append(Problem(name, None, None, unexpected(exc)))
    try:
        return normalise(
            raw[~files.isin(bad)].reset_index(drop=True), dayfirst=dayfirst, partial=partial
        )
    except RecoveryAnalyticsError:
        raise
    except Exception as exc:  # noqa: BLE001
        raise RecoveryAnalyticsError(
            f"The entries could not be validated together ({type(exc).__name__}, first seen "
            f"as {type(first).__name__}); please report it"
        ) from None


def _concat_raw(frames: list[pd.DataFrame]) -> pd.DataFrame:
    if not frames:
        return pd.DataFrame(
            {"_file": pd.Series([], dtype=object), "_line": pd.Series([], dtype="Int64")}
        )
    if len(frames) == 1:
        return frames[0]
    return pd.concat([f.astype(object) for f in frames], ignore_index=True, sort=False)


def _shown_cached(path: Path, cwd: Path, folders: dict[Path, str]) -> str:
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


def tag_items(
    items: pd.DataFrame, taxonomy: Taxonomy | PathLike | Literal[False] | None
) -> pd.DataFrame:
    """Add ``themes`` (best first) and ``theme`` (best, or "other") to items.

    ``taxonomy=False`` tags nothing: no themes, theme "other" for every item.
    """
    if taxonomy is False:
        out = items.copy()
        out["themes"] = pd.Series([[] for _ in range(len(items))], index=items.index, dtype=object)
        out["theme"] = pd.Series("other", index=items.index, dtype="str")
        return out
    if taxonomy is not None and hasattr(taxonomy, "tag_items"):
        tax = taxonomy
    else:
        from .themes import Taxonomy

        tax = Taxonomy.default() if taxonomy is None else Taxonomy.from_file(taxonomy)
    themes = (
        tax.tag_items(items["text"], items["tags"]) if len(items) else pd.Series([], dtype=object)
    )
    out = items.copy()
    out["themes"] = themes.to_numpy() if len(items) else pd.Series([], dtype=object)
    out["theme"] = pd.Series(
        [t[0] if len(t) else "other" for t in out["themes"].to_numpy()],
        index=out.index,
        dtype="str",
    )
    return out
