"""Decoding a file's bytes into text, with a problem naming the line when it fails."""

from __future__ import annotations

from ..exceptions import Problem

__all__ = ["decode"]


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
