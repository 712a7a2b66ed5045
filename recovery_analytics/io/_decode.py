"""Decoding a file's bytes, and the problems every reader words the same way."""

from __future__ import annotations

import json

from ..exceptions import Problem, RecoveryAnalyticsError

__all__ = ["decode", "file_problem", "invalid_json"]


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
