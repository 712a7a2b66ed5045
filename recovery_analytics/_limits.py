"""The limits every reader keeps to, set in one place: :class:`Limits`.

A file over a limit is not read; it becomes one problem naming the limit and
how to raise it (``load(..., limits=Limits(...))``). The defaults are generous
for reflection notes and exports, and small enough that a hostile file (a zip
bomb, a YAML alias bomb, JSON nested thousands deep) is refused quickly.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from .exceptions import RecoveryAnalyticsError

__all__ = ["DEFAULT_LIMITS", "Limits", "over_limit"]

_MB = 1 << 20


@dataclass(frozen=True)
class Limits:
    """How much ``load()`` reads from one file before refusing it.

    Parameters
    ----------
    max_file_bytes : int
        The largest file read (default 200 MB).
    max_archive_bytes : int
        The largest total uncompressed size of the members read from one archive.
    max_archive_ratio : float
        The largest ratio of uncompressed to compressed size of an archive member.
    max_json_depth : int
        How deeply JSON arrays and objects may nest.
    max_columns : int
        The most columns (or fields of one entry) in a table.
    max_line_chars : int
        The longest line of a text file, in characters.
    yaml_aliases : bool
        Whether front matter may use YAML aliases (``*name``); refused by default,
        since a few hundred bytes of aliases can expand beyond any memory.
    max_number_digits : int
        The most digits of a number read as a number (longer ones are read as text
        and reported where a number is expected).

    Examples
    --------
    >>> Limits().max_file_bytes == 200 * 1024 * 1024
    True
    >>> Limits(max_file_bytes=10).max_file_bytes
    10
    """

    max_file_bytes: int = 200 * _MB
    max_archive_bytes: int = 1024 * _MB
    max_archive_ratio: float = 200.0
    max_json_depth: int = 100
    max_columns: int = 2000
    max_line_chars: int = 4 * _MB
    yaml_aliases: bool = False
    max_number_digits: int = 400

    def __post_init__(self) -> None:
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if f.name != "yaml_aliases" and not (
                isinstance(value, int | float) and not isinstance(value, bool) and value > 0
            ):
                raise RecoveryAnalyticsError(
                    f"The value for `Limits.{f.name}` must be a positive number, "
                    f"but {value!r} was passed."
                )


DEFAULT_LIMITS = Limits()


def over_limit(name: str, found: str, limit: object) -> str:
    """The message for a file over a limit: what was found, the limit, how to raise it.

    Examples
    --------
    >>> over_limit("max_json_depth", "JSON nested 1200 deep", 100)  # doctest: +ELLIPSIS
    'JSON nested 1200 deep is over the limit max_json_depth=100; ...'
    """
    return (
        f"{found} is over the limit {name}={limit}; if the file is yours and trusted, "
        f"raise it with load(..., limits=Limits({name}=...))"
    )
