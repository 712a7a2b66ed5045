"""Our own formats as :class:`~recovery_analytics.io.FormatSpec` entries: :data:`READERS`."""

from __future__ import annotations

from pathlib import Path

from ..exceptions import Problem
from ._decode import decode
from ._jsonio import read_json, read_jsonl
from ._markdown import parse_markdown
from ._registry import FormatSpec, RawResult, ReadContext
from ._tabular import read_delimited, read_xlsx

__all__ = ["READERS"]


def _markdown(path: Path, shown: str, ctx: ReadContext) -> RawResult:
    problems: list[Problem] = []
    text = decode(ctx.read_bytes(path), shown, ctx.encoding, problems)
    if text is None:
        return None, problems
    record, found = parse_markdown(
        text, shown, client=ctx.client, yaml_aliases=ctx.limits.yaml_aliases
    )
    return ([record] if record is not None else None), problems + found


def _csv(path: Path, shown: str, ctx: ReadContext) -> RawResult:
    return read_delimited(
        path, shown, ctx.mapping, sep=",", encoding=ctx.encoding, limits=ctx.limits
    )


def _tsv(path: Path, shown: str, ctx: ReadContext) -> RawResult:
    return read_delimited(
        path, shown, ctx.mapping, sep="\t", encoding=ctx.encoding, limits=ctx.limits
    )


def _xlsx(path: Path, shown: str, ctx: ReadContext) -> RawResult:
    return read_xlsx(path, shown, ctx.mapping)


def _json(path: Path, shown: str, ctx: ReadContext) -> RawResult:
    return read_json(path, shown, ctx.mapping, encoding=ctx.encoding, limits=ctx.limits)


def _jsonl(path: Path, shown: str, ctx: ReadContext) -> RawResult:
    return read_jsonl(path, shown, ctx.mapping, encoding=ctx.encoding, limits=ctx.limits)


#: Our own formats, in the order ``load()`` lists them; an app's importer that
#: shares an extension is tried before the reader here.
READERS: tuple[FormatSpec, ...] = (
    FormatSpec("markdown", (".md", ".markdown"), _markdown, description="our Markdown"),
    FormatSpec("csv", (".csv",), _csv, description="one row per interview"),
    FormatSpec("tsv", (".tsv", ".tab"), _tsv, description="tab-separated"),
    FormatSpec("xlsx", (".xlsx", ".xlsm"), _xlsx, description="Excel workbook"),
    FormatSpec("json", (".json",), _json, description="JSON array or entries"),
    FormatSpec("jsonl", (".jsonl", ".ndjson"), _jsonl, description="JSON Lines"),
)
