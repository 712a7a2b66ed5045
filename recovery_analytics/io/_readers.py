"""Adapters from the registry's reader shape to our own format readers.

Each attribute is a tiny module-like namespace with ``read(path, shown, ctx)``.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from ._jsonio import read_json, read_jsonl
from ._markdown import parse_markdown
from ._registry import RawResult, ReadContext
from ._tabular import read_delimited, read_xlsx

__all__ = ["csv", "json", "jsonl", "markdown", "tsv", "xlsx"]


def _markdown(path: Path, shown: str, ctx: ReadContext) -> RawResult:
    from ._files import decode

    problems: list = []
    text = decode(ctx.read_bytes(path), shown, ctx.encoding, problems)
    if text is None:
        return None, problems
    record, found = parse_markdown(text, shown, client=ctx.client)
    return ([record] if record is not None else None), problems + found


markdown = SimpleNamespace(read=_markdown)
csv = SimpleNamespace(
    read=lambda path, shown, ctx: read_delimited(
        path, shown, ctx.mapping, sep=",", encoding=ctx.encoding
    )
)
tsv = SimpleNamespace(
    read=lambda path, shown, ctx: read_delimited(
        path, shown, ctx.mapping, sep="\t", encoding=ctx.encoding
    )
)
xlsx = SimpleNamespace(read=lambda path, shown, ctx: read_xlsx(path, shown, ctx.mapping))
json = SimpleNamespace(
    read=lambda path, shown, ctx: read_json(path, shown, ctx.mapping, encoding=ctx.encoding)
)
jsonl = SimpleNamespace(
    read=lambda path, shown, ctx: read_jsonl(path, shown, ctx.mapping, encoding=ctx.encoding)
)
