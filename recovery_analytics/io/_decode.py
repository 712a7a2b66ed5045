"""Decoding a file's bytes, and the problems every reader words the same way."""

from __future__ import annotations

import json
import re
from typing import Any

import numpy as np

from .._limits import DEFAULT_LIMITS, Limits, over_limit
from ..exceptions import Problem, RecoveryAnalyticsError

__all__ = ["JsonTooDeep", "decode", "file_problem", "invalid_json", "json_depth", "load_json"]


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
        raise RecoveryAnalyticsError(
            f"The value for `encoding` must be a text encoding Python knows, such as 'utf-8' "
            f"or 'cp1252', but {encoding!r} was passed."
        ) from None
    return text.removeprefix("\ufeff")


def file_problem(shown: str, message: str, line: int | None = None) -> Problem:
    """A problem with the file as a whole (``kind="file"``), not with one field."""
    return Problem(shown, line, None, message, "file")


def invalid_json(shown: str, exc: json.JSONDecodeError, advice: str) -> Problem:
    """``this is not valid JSON (...)`` at the line where decoding stopped, then ``advice``."""
    return file_problem(
        shown, f"this is not valid JSON ({exc.msg}, column {exc.colno}); {advice}", exc.lineno
    )


_JSON_BYTES = re.compile(rb'"(?:[^"\\]|\\.)*(?:"|\Z)', re.DOTALL)  # never fails, so linear


def json_depth(text: str | bytes) -> int:
    """How deeply the arrays and objects of a JSON text nest (strings ignored).

    Linear in the text, with no recursion, so that depth can be checked before
    :func:`json.loads` recurses into it.

    Examples
    --------
    >>> json_depth('[{"a": "[[["}, [1]]')
    2
    """
    data = text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass")
    opening = data.count(b"[") + data.count(b"{")
    if opening < 2:
        return opening
    bare = _JSON_BYTES.sub(b"", data) if b'"' in data else data
    codes = np.frombuffer(bare, dtype=np.uint8)
    step = ((codes == 91) | (codes == 123)).astype(np.int64) - (
        (codes == 93) | (codes == 125)
    ).astype(np.int64)
    return int(np.cumsum(step).max(initial=0))


def load_json(text: str, limits: Limits = DEFAULT_LIMITS) -> Any:
    """:func:`json.loads` within ``limits``: depth checked first, long integers kept as text.

    Raises :class:`JsonTooDeep` when the text nests deeper than
    ``limits.max_json_depth``, and :class:`json.JSONDecodeError` for bad syntax.
    An integer longer than ``limits.max_number_digits`` is kept as its text (the
    validator then reports it where a number is expected).
    """
    depth = json_depth(text)
    if depth > limits.max_json_depth:
        raise JsonTooDeep(depth, limits.max_json_depth)

    def whole(digits: str) -> int | str:
        return int(digits) if len(digits) <= limits.max_number_digits else digits

    return json.loads(text, parse_int=whole)


class JsonTooDeep(ValueError):
    """Raised by :func:`load_json`; :meth:`message` words it as a problem."""

    def __init__(self, depth: int, limit: int) -> None:
        super().__init__(depth, limit)
        self.depth, self.limit = depth, limit

    def message(self) -> str:
        return over_limit("max_json_depth", f"JSON nested {self.depth} deep", self.limit)
