"""Small file helpers shared by readers, writers and the journal.

Reflection logs are personal data: everything written here is created readable
by its owner only (0600 files, 0700 folders) and written atomically, so a crash
leaves either the old file or the new one, never half of one.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from ..exceptions import Problem

__all__ = ["PRIVATE_DIR", "PRIVATE_FILE", "atomic_write", "decode", "private_dir"]

PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700


def private_dir(path: str | os.PathLike[str]) -> Path:
    """Create ``path`` (and parents) if needed; new folders are owner-only."""
    folder = Path(path)
    missing = []
    p = folder
    while not p.exists():
        missing.append(p)
        p = p.parent
    for m in reversed(missing):
        with contextlib.suppress(FileExistsError):
            m.mkdir(mode=PRIVATE_DIR)
    return folder


def atomic_write(
    path: str | os.PathLike[str], data: str | bytes, *, exclusive: bool = False
) -> Path:
    """Write ``data`` to ``path`` atomically, owner-readable only.

    The data goes to a temporary file in the same folder, is flushed and
    fsynced, then renamed over ``path``; the folder is fsynced too. With
    ``exclusive=True`` an existing file is never replaced (``FileExistsError``).
    """
    target = Path(path)
    private_dir(target.parent)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        os.fchmod(fd, PRIVATE_FILE)
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        if exclusive:
            # link() fails if the target exists: no other entry is overwritten
            os.link(tmp, target)
            os.unlink(tmp)
        else:
            os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    _fsync_dir(target.parent)
    return target


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - platforms without directory fds
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def decode(data: bytes, shown: str, encoding: str, problems: list[Problem]) -> str | None:
    """Decode bytes, or record a problem naming the line and how to fix it."""
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        problems.append(
            Problem(
                shown,
                line,
                None,
                f"the file is not valid {encoding} text (byte {exc.start}); save it as UTF-8, "
                "or pass the encoding it was written in, e.g. load(..., encoding='cp1252')",
            )
        )
        return None
    except LookupError:
        raise ValueError(
            f"The value for `encoding` must be a text encoding Python knows, such as 'utf-8' "
            f"or 'cp1252', but {encoding!r} was passed."
        ) from None
    return text.removeprefix("\ufeff")
