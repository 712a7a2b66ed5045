"""Rebuild the word lists of ``recovery_analytics/reports/_names/`` from their sources.

The lists are package data, built once and committed; nothing is downloaded
when the library runs. Run from the repository root::

    uv run --no-project --with faker==40.63.0 --with mimesis==22.2.0 \
        python data/build_name_lists.py /usr/share/dict/british-english

* ``first_names.txt``, ``surnames.txt``: every first and family name in the
  Latin-script person providers of Faker (MIT licence), folded (lower case,
  accents removed, so "Nguyễn" is stored as "nguyen").
* ``places.txt``: the Latin-script city names of Mimesis (MIT licence),
  folded, one word per line.
* ``words.txt``: the lower-case entries of SCOWL's British English list
  (Debian package ``wbritish``; permissive licence, notice in
  ``SOURCES.md``): ordinary English words, with their inflections, and no
  proper nouns.

``keep.txt`` (technologies, products, methods, places, company words) is
written by hand and not touched here.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import sys
import unicodedata
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "recovery_analytics" / "reports" / "_names"


def fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def latin(word: str) -> bool:
    return all("LATIN" in unicodedata.name(c, "") or c in " -'’." for c in word)


def parts(names: set[str]) -> set[str]:
    out: set[str] = set()
    for name in names:
        for part in name.replace("-", " ").replace(".", " ").split():
            if len(part) > 1 and latin(part):
                out.add(fold(part).replace("’", "'"))
    return out


def faker_names() -> tuple[set[str], set[str]]:
    import faker.providers.person as person

    first: set[str] = set()
    last: set[str] = set()
    for module in pkgutil.iter_modules(person.__path__):
        provider = importlib.import_module(f"{person.__name__}.{module.name}").Provider
        for attr in dir(provider):
            value = getattr(provider, attr, None)
            if not isinstance(value, list | tuple | dict) or not value:
                continue
            words = {v for v in value if isinstance(v, str)}
            if attr.startswith(("first_name", "first_romanized")):
                first |= words
            elif attr.startswith(("last_name", "last_romanized")):
                last |= words
    return parts(first), parts(last)


def mimesis_places() -> set[str]:
    import mimesis

    root = Path(mimesis.__file__).parent / "datasets"
    cities: set[str] = set()
    for address in root.glob("*/address.json"):
        cities |= set(json.loads(address.read_text(encoding="utf-8")).get("city", []))
    return parts(cities)


def scowl_words(path: Path) -> set[str]:
    lines = path.read_text(encoding="utf-8").split()
    return {w for w in lines if w.isalpha() and w.islower()}


def write(name: str, words: set[str]) -> None:
    (OUT / name).write_text("".join(f"{w}\n" for w in sorted(words)), encoding="utf-8")
    print(f"{name}: {len(words)}")


def main(argv: list[str]) -> int:
    first, last = faker_names()
    write("first_names.txt", first)
    write("surnames.txt", last)
    write("places.txt", mimesis_places())
    write("words.txt", scowl_words(Path(argv[0])))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
