"""Valid examples of every format and importer, and the mutations the fuzz run applies.

Shared by the short run in the test suite (``tests/fuzz/test_fuzz.py``) and the
long run (``benchmarks/fuzz.py``). A mutation is a function of the example's
bytes and a :class:`random.Random`, so a seed reproduces it exactly.
"""

from __future__ import annotations

import io
import json
import random
import re
import tempfile
from collections.abc import Callable
from pathlib import Path

import pandas as pd

import recovery_analytics as ra
from recovery_analytics.exceptions import RecoveryAnalyticsError

__all__ = ["MUTATIONS", "check_one", "good_ids", "mutate", "seeds"]

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data" / "sample"
FIXTURES = ROOT / "tests" / "importers" / "fixtures"


def _xlsx(csv_path: Path) -> bytes:
    out = io.BytesIO()
    pd.read_csv(csv_path, dtype=str).head(5).to_excel(out, index=False)
    return out.getvalue()


def seeds() -> dict[str, tuple[str, bytes]]:
    """``kind -> (file name, valid bytes)``: six formats and five importers."""
    ben = SAMPLE / "ben.csv"
    chloe = (SAMPLE / "chloe.jsonl").read_text(encoding="utf-8").splitlines()[:4]
    markdown = sorted((SAMPLE / "amara").glob("*.md"))[0]
    return {
        "md": ("note.md", markdown.read_bytes()),
        "csv": ("table.csv", ben.read_bytes()),
        "tsv": ("table.tsv", ben.read_text(encoding="utf-8").replace(",", "\t").encode()),
        "xlsx": ("table.xlsx", _xlsx(ben)),
        "json": ("entries.json", ("[" + ",\n".join(chloe) + "]").encode()),
        "jsonl": ("entries.jsonl", ("\n".join(chloe) + "\n").encode()),
        "dayone": ("Journal.json", (FIXTURES / "dayone" / "Journal.json").read_bytes()),
        "obsidian": (
            "Acme phone screen.md",
            (FIXTURES / "obsidian" / "ana" / "Acme phone screen.md").read_bytes(),
        ),
        "notion": ("Interviews.csv", (FIXTURES / "notion" / "Interviews.csv").read_bytes()),
        "gforms": (
            "suggested_form_responses.csv",
            (FIXTURES / "gforms" / "suggested_form_responses.csv").read_bytes(),
        ),
        "daylio": ("daylio_export.csv", (FIXTURES / "daylio" / "daylio_export.csv").read_bytes()),
    }


_NUMBER = re.compile(rb"\d+")
_UNICODE = ["\x00", "\u202e", "\ud800", "\ufeff", "\u0130", "\U0001f600", "é", "\u2028", "\r"]
_NUMBERS = [
    b"1" + b"0" * 400,
    b"1" * 4301,
    b"1e400",
    b"-1e-400",
    b"-0",
    b"NaN",
    b"Infinity",
    b"99999999999999999999",
    b"0.5",
]
_VALUES = [b"5", b"[]", b"{}", b"null", b"true", b'"x"', b"[[[", b'{"a":', b"*a", b"&a"]


def _flip(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        if out:
            out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def _truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(len(data) + 1)]


def _insert(data: bytes, rng: random.Random, piece: bytes) -> bytes:
    at = rng.randrange(len(data) + 1)
    return data[:at] + piece + data[at:]


def _unicode(data: bytes, rng: random.Random) -> bytes:
    text = "".join(rng.choice(_UNICODE) for _ in range(rng.randint(1, 6)))
    return _insert(data, rng, text.encode("utf-8", "surrogatepass"))


def _number(data: bytes, rng: random.Random) -> bytes:
    spans = [m.span() for m in _NUMBER.finditer(data)]
    if not spans:
        return _insert(data, rng, rng.choice(_NUMBERS))
    start, end = rng.choice(spans)
    return data[:start] + rng.choice(_NUMBERS) + data[end:]


def _nest(data: bytes, rng: random.Random) -> bytes:
    depth = rng.choice([50, 200, 1200, 5000])
    opening = rng.choice([b"[", b"{", b'{"a":['])
    return _insert(data, rng, opening * depth + b"]" * depth)


def _wrong_type(data: bytes, rng: random.Random) -> bytes:
    spans = [m.span() for m in re.finditer(rb'(?<=: )"[^"\n]{0,80}"', data)]
    if not spans:
        return _insert(data, rng, rng.choice(_VALUES))
    start, end = rng.choice(spans)
    return data[:start] + rng.choice(_VALUES) + data[end:]


def _line_endings(data: bytes, rng: random.Random) -> bytes:
    return data.replace(b"\r\n", b"\n").replace(b"\n", rng.choice([b"\r", b"\r\n", b"\n\n"]))


def _repeat(data: bytes, rng: random.Random) -> bytes:
    piece = rng.choice([b",", b"\t", b" ", b"[", b"|", b"-", b":: ", b"\n", b'"', b"#"])
    return _insert(data, rng, piece * rng.choice([10, 1000, 20000]))


def _yaml(data: bytes, rng: random.Random) -> bytes:
    bomb = b"---\na: &a [x, x, x, x, x, x, x, x, x]\n"
    for level in "bcdefgh":
        before = chr(ord(level) - 1)
        bomb += f"{level}: &{level} [*{before}, *{before}, *{before}, *{before}]\n".encode()
    return bomb + b"tags: [a" + b" " * rng.choice([10, 5000]) + b"b]\n---\n" + data


MUTATIONS: dict[str, Callable[[bytes, random.Random], bytes]] = {
    "flip": _flip,
    "truncate": _truncate,
    "unicode": _unicode,
    "number": _number,
    "nest": _nest,
    "wrong_type": _wrong_type,
    "line_endings": _line_endings,
    "repeat": _repeat,
    "yaml": _yaml,
}


def mutate(data: bytes, seed: int) -> bytes:
    """One to three mutations of ``data``, chosen by ``seed``."""
    rng = random.Random(seed)
    for _ in range(rng.randint(1, 3)):
        data = MUTATIONS[rng.choice(sorted(MUTATIONS))](data, rng)
    return data


_GOOD = "good"


def good_ids() -> set[str]:
    """The entry ids of the unmutated file kept beside every mutated one."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / _GOOD
        folder.mkdir()
        (folder / "ben.csv").write_bytes((SAMPLE / "ben.csv").read_bytes())
        return set(ra.load(tmp, errors="collect", taxonomy=False).interviews.index)


def check_one(kind: str, seed: int, expected: set[str]) -> str | None:
    """Load one mutated example beside a good file; a failure's description, or ``None``.

    ``errors="collect"`` must return and keep every entry of the good file;
    ``errors="raise"`` must return or raise a :class:`RecoveryAnalyticsError`.
    """
    name, data = seeds_cache()[kind]
    options = {"dayone_tag": None} if kind == "dayone" else None
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / _GOOD).mkdir()
        (Path(tmp) / _GOOD / "ben.csv").write_bytes((SAMPLE / "ben.csv").read_bytes())
        (Path(tmp) / "fuzz").mkdir()
        (Path(tmp) / "fuzz" / name).write_bytes(mutate(data, seed))
        try:
            log = ra.load(tmp, errors="collect", taxonomy=False, options=options)
        except Exception as exc:  # noqa: BLE001  (the failure is what we report)
            return f"{kind} seed={seed} collect: {type(exc).__name__}: {str(exc)[:120]}"
        missing = expected - set(log.interviews.index)
        if missing:
            return f"{kind} seed={seed} collect: {len(missing)} good entries lost"
        try:
            ra.load(tmp, errors="raise", taxonomy=False, options=options)
        except RecoveryAnalyticsError:
            pass
        except Exception as exc:  # noqa: BLE001
            return f"{kind} seed={seed} raise: {type(exc).__name__}: {str(exc)[:120]}"
    return None


_SEEDS: dict[str, tuple[str, bytes]] = {}


def seeds_cache() -> dict[str, tuple[str, bytes]]:
    if not _SEEDS:
        _SEEDS.update(seeds())
    return _SEEDS


if __name__ == "__main__":  # pragma: no cover
    print(json.dumps({k: (n, len(d)) for k, (n, d) in seeds().items()}))
