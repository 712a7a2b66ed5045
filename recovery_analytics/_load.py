"""``load()``: files, folders and globs into one :class:`ReflectionLog`."""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import pandas as pd

from ._dates import DATE_COLUMN, SOURCE_COLUMN
from ._discover import (
    client_of_folder,
    discover,
    mapping_misses,
    nameless_problem,
    no_field_problem,
    over,
    path_key,
    read_isolated,
    shown_name,
    unexpected,
)
from ._formats import detect_with_content, get_format
from ._limits import DEFAULT_LIMITS, Limits
from ._log import ReflectionLog
from ._manifest import Source, is_manifest, is_url, read_manifest
from ._problems import Problem, problems_frame
from ._validate import Normalised, normalise
from .exceptions import LogFormatError, RecoveryAnalyticsError
from .importers import check_option_names
from .io import FormatSpec, ReadContext, read_mapping
from .model import FIELDS

if TYPE_CHECKING:
    from .themes import Taxonomy
__all__ = [
    "ErrorMode",
    "check_errors_mode",
    "discover",
    "expand_sources",
    "load",
    "log_from_records",
    "register_url_reader",
]

ErrorMode = Literal["raise", "collect"]

PathLike = str | os.PathLike[str]
_PROGRESS_AFTER_FILES = 200
_TABULAR = frozenset({"csv", "tsv", "xlsx"})  # our tables, where headers are the user's


def check_errors_mode(errors: str) -> ErrorMode:
    """``errors`` checked: ``"raise"`` or ``"collect"``."""
    if errors not in ("raise", "collect"):
        raise RecoveryAnalyticsError(
            f"The value for `errors` must be one of 'raise', 'collect', but {errors!r} was passed."
        )
    return errors  # type: ignore[return-value]


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
    dayfirst: bool | None = None,
    taxonomy: Taxonomy | PathLike | Literal[False] | None = None,
    progress: bool | None = None,
    options: Mapping[str, Any] | None = None,
    client: str | None = None,
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
    dayfirst : bool, optional
        Read ambiguous dates such as 04/03/2026 as 4 March (``True``) or 3
        April (``False``). By default each source decides from its own dates
        (a day above 12 settles it); a source whose dates are all ambiguous
        is read month first with a warning in ``problems``.
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

    client : str, optional
        The client of every entry that names none. Without it, a folder whose
        files sit directly in it names them (``load("coach/lena")`` gives
        ``lena``), files in ``<folder>/<client>/`` take ``<client>``, and any
        other entry is kept under ``me`` with a warning in ``problems``.

    ``paths`` may also hold journal URLs (``"sqlite:///practice.db"``) and
    practice manifests (a ``.toml`` file of ``[[source]]`` tables, each with
    its own path, client, format, mapping, dayfirst, encoding and options;
    see ``docs/formats.md``).

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
    limits = DEFAULT_LIMITS if limits is None else limits
    if not isinstance(limits, Limits):
        raise RecoveryAnalyticsError(
            f"The value for `limits` must be a Limits(...), but {type(limits).__name__} was passed."
        )
    sources = expand_sources(
        paths,
        Source("", client, format, mapping, dayfirst, encoding, dict(options) if options else {}),
    )
    reading = _Reading(limits)
    for source in sources:
        if source.options:
            check_option_names(source.options)  # a misspelt option is refused, not ignored
        if is_url(source.path):
            reading.read_url(source)
        else:
            reading.read_files(source, progress)
    raw_frames = reading.frames
    if reading.records:
        raw_frames.insert(0, pd.DataFrame.from_records(reading.records))
    return _finish(_concat_raw(raw_frames), reading.problems, mode, None, taxonomy)


def expand_sources(paths: PathLike | Iterable[PathLike], defaults: Source) -> list[Source]:
    """The sources to read: manifests expanded, every other path with ``defaults``."""
    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    out: list[Source] = []
    for given in paths:
        if is_manifest(given):
            out.extend(read_manifest(given))
        else:
            out.append(replace(defaults, path=os.fspath(given)))
    return out


#: Reads a journal URL into raw records; the journal package registers it.
_URL_READERS: list[Callable[[str], list[dict[str, Any]]]] = []


def register_url_reader(reader: Callable[[str], list[dict[str, Any]]]) -> None:
    """Let ``load()`` read journal URLs (called by the journal package on import)."""
    _URL_READERS[:] = [reader]


class _Reading:
    """What a load has read so far: raw frames, raw records, problems."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.frames: list[pd.DataFrame] = []
        self.records: list[dict[str, Any]] = []
        self.problems: list[Problem] = []
        self.seen: set[str] = set()
        self.cwd = Path.cwd()
        self.shown_folders: dict[Path, str] = {}

    def read_url(self, source: Source) -> None:
        if not _URL_READERS:
            importlib.import_module("recovery_analytics.journal")  # registers the reader
        records = _URL_READERS[0](source.path)
        for record in records:
            if source.dayfirst is not None:
                record[DATE_COLUMN] = source.dayfirst
        self.records.extend(records)

    def read_files(self, source: Source, progress: bool | None) -> None:
        files = [f for f in discover(source.path, self.problems) if path_key(f[0]) not in self.seen]
        self.seen.update(path_key(f[0]) for f in files)
        folder_client = client_of_folder(source.path, files)
        ctx_mapping = read_mapping(source.mapping)
        fixed: FormatSpec | None = get_format(source.format) if source.format else None
        iterator: Iterable[tuple[Path, str | None, Path]] = files
        if len(files) > 1 and _want_progress(progress):
            from tqdm.auto import tqdm

            iterator = tqdm(files, desc="Reading reflections", unit="file", delay=0.5, leave=False)
        for path, sub_client, _root in iterator:
            fallback = source.client or sub_client or folder_client
            # one source for dates: a client's folder, else the file itself
            group = (
                source.path
                if folder_client
                else os.path.join(source.path, sub_client)
                if sub_client
                else None
            )
            self.read_one(path, fallback, replace(source, group=group), ctx_mapping, fixed)

    def read_one(
        self,
        path: Path,
        fallback: str | None,
        source: Source,
        ctx_mapping: dict[str, str],
        fixed: FormatSpec | None,
    ) -> None:
        shown = shown_name(path, self.cwd, self.shown_folders)
        try:
            size = path.stat().st_size
            if size > self.limits.max_file_bytes:
                what = f"a file of {size} bytes"
                self.problems.append(
                    Problem(shown, None, None, over("max_file_bytes", what, self.limits))
                )
                return
            fmt, content = (fixed, None) if fixed else detect_with_content(path)
            if fmt is None:  # only for a file named explicitly
                self.problems.append(
                    Problem(
                        shown,
                        None,
                        None,
                        f"the extension {path.suffix!r} is not a format I know; use .md, "
                        ".csv, .tsv, .xlsx, .json, .jsonl or an app export named in "
                        "docs/importers.md, or pass format=",
                    )
                )
                return
            ctx = ReadContext(
                ctx_mapping, source.encoding, fallback, source.options, content, self.limits
            )
            raw, found = read_isolated(fmt, path, shown, ctx)
        except OSError as exc:
            self.problems.append(
                Problem(shown, None, None, f"the file could not be opened ({exc})")
            )
            return
        if fmt.name in _TABULAR and isinstance(raw, pd.DataFrame) and len(raw):
            headers = [c for c in raw.columns if not str(c).startswith("_")]
            if not any(c in FIELDS for c in headers):
                self.problems.append(no_field_problem(shown, headers))
                return
            self.problems.extend(mapping_misses(shown, ctx_mapping, headers))
        self.problems.extend(found)
        if raw is None:
            return
        if isinstance(raw, list):
            for record in raw:
                if _is_missing(record.get("client")) and fallback is not None:
                    record["client"] = fallback
                if source.dayfirst is not None:
                    record[DATE_COLUMN] = source.dayfirst
                if source.group is not None:
                    record[SOURCE_COLUMN] = source.group
            nameless = sum(_is_missing(r.get("client")) for r in raw)
            self.records.extend(raw)
        elif len(raw):
            if fallback is not None:
                if "client" not in raw.columns:
                    raw = raw.assign(client=fallback)
                else:
                    raw = raw.assign(client=raw["client"].where(raw["client"].notna(), fallback))
            if source.dayfirst is not None:
                raw = raw.assign(**{DATE_COLUMN: source.dayfirst})
            if source.group is not None:
                raw = raw.assign(**{SOURCE_COLUMN: source.group})
            nameless = (
                len(raw)
                if "client" not in raw.columns
                else int(raw["client"].map(_is_missing).sum())
            )
            self.frames.append(raw)
        else:
            nameless = 0
        if nameless:
            self.problems.append(nameless_problem(shown, nameless))


def _is_missing(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    try:
        return bool(pd.isna(value))  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return False


def log_from_records(
    records: Iterable[Mapping[str, Any]],
    *,
    errors: str = "raise",
    dayfirst: bool | None = None,
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
    dayfirst: bool | None,
    taxonomy: Taxonomy | PathLike | Literal[False] | None,
) -> ReflectionLog:
    """Validate the raw frame, raise or collect problems, tag themes."""
    problems = list(problems)
    result = _normalise_isolated(raw, dayfirst, mode == "collect", problems)
    problems = sorted([*problems, *result.problems], key=lambda p: (p.file, p.line or 0))
    hard = [p for p in problems if p.stops_loading]
    if hard and mode == "raise":
        raise LogFormatError(hard)
    roles = result.items["entry_id"].map(result.interviews["role"]) if len(result.items) else None
    items = tag_items(result.items, taxonomy, roles)
    return ReflectionLog(result.interviews, items, result.actions, problems_frame(problems))


def _normalise_isolated(
    raw: pd.DataFrame, dayfirst: bool | None, partial: bool, problems: list[Problem]
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


def tag_items(
    items: pd.DataFrame,
    taxonomy: Taxonomy | PathLike | Literal[False] | None,
    roles: pd.Series | None = None,
) -> pd.DataFrame:
    """Add ``themes`` (best first) and ``theme`` (best, or "other") to items.

    ``taxonomy=False`` tags nothing: no themes, theme "other" for every item.
    ``roles`` (per item, the interviewee's role) applies the role's word senses
    when the taxonomy knows them (``Taxonomy.for_role``).
    """
    if taxonomy is False:
        out = items.copy()
        out["themes"] = pd.Series([[] for _ in range(len(items))], index=items.index, dtype=object)
        out["theme"] = pd.Series("other", index=items.index, dtype="str")
        return out
    if taxonomy is not None and hasattr(taxonomy, "tag_items"):
        tax = taxonomy
    else:
        from .themes import Taxonomy  # on first use: the rules are not needed to import

        tax = Taxonomy.default() if taxonomy is None else Taxonomy.from_file(taxonomy)
    if not len(items):
        themes = pd.Series([], dtype=object)
    elif roles is not None and hasattr(tax, "for_role"):
        themes = tax.tag_items(items["text"], items["tags"], roles=roles, clients=items["client"])
    else:
        themes = tax.tag_items(items["text"], items["tags"])
    out = items.copy()
    out["themes"] = themes.to_numpy() if len(items) else pd.Series([], dtype=object)
    out["theme"] = pd.Series(
        [t[0] if len(t) else "other" for t in out["themes"].to_numpy()],
        index=out.index,
        dtype="str",
    )
    return out
