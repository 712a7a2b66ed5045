"""One evaluation of the theme tagger and the free-text polarity on every labelled set (issue 16).

Sets (each is a list of texts with expected themes, best first, and/or a polarity):

* ``themes-eval``: ``tests/themes/eval_set.csv`` (the rules were built on it);
* ``themes-holdout``: ``tests/themes/holdout_set.csv`` (not used for tuning);
* ``realtext-dev``: the ``dev`` part of ``tests/text/realtext`` (public write-ups in
  ``../shared/external/realtext``; each span is tagged as one item);
* ``realtext-untouched``: its ``untouched`` part, only with ``--untouched``;
* ``polarity-*``: ``tests/text/polarity_*.csv`` (polarity only).

Theme figures (over all items of a set; an item labelled ``other`` is right when
it gets no theme):

top-1
    the first predicted theme (``other`` when none) is the first expected one;
any-hit
    a themed item gets at least one of its expected themes anywhere in its list,
    an ``other`` item gets none;
untagged
    share of themed items that get no theme;
wrongly-tagged-other
    share of ``other`` items that get a theme ("off-theme given a theme").

Per theme: ``n`` items expect it first, ``top1`` share of those whose first
predicted theme is it, ``any_hit`` share of the items expecting it anywhere that
get it anywhere, ``precision`` share of items given it first that expect it first.

Polarity figures (``None`` from the classifier is "neutral"):

accuracy
    share of all items whose predicted polarity (well / wrong / neutral) is the
    label: an abstention on an item with a side counts as a miss;
polar_accuracy
    the same over the items labelled well or wrong only (abstentions are misses);
decided_accuracy
    over items labelled well or wrong that got a side: abstentions left out;
per class: recall and precision of well, wrong and neutral.

Real-text spans get their polarity the way prose becomes items: the span goes
through :func:`~recovery_analytics.text.split_free_text`; no item is
``neutral``, otherwise the side with more items (a tie is ``mixed``, a miss).
List items of the themes sets go through
:func:`~recovery_analytics.text.classify_polarity` as one clause each.

    .venv/bin/python benchmarks/eval_text.py                # every set but untouched
    .venv/bin/python benchmarks/eval_text.py --untouched    # and the untouched part
    .venv/bin/python benchmarks/eval_text.py --per-theme    # with per-theme tables

``evaluate(...)`` returns the figures as a dict, for tests.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from recovery_analytics.text import classify_polarity, split_free_text  # noqa: E402
from recovery_analytics.themes import OTHER, Taxonomy  # noqa: E402

__all__ = [
    "SETS",
    "evaluate",
    "load_set",
    "polarity_figures",
    "span_polarity",
    "theme_figures",
]

THEMES_DIR = ROOT / "tests" / "themes"
TEXT_DIR = ROOT / "tests" / "text"
POLARITY_SETS = (
    "polarity_sentences",
    "polarity_heldout",
    "polarity_blind",
    "polarity_blind2",
    "polarity_blind3",
    "polarity_blind4",
)
#: Every set by name, in the order printed; ``realtext-untouched`` only on request.
SETS = (
    "themes-eval",
    "themes-holdout",
    "realtext-dev",
    "realtext-untouched",
    *(f"polarity-{s.removeprefix('polarity_')}" for s in POLARITY_SETS),
)


def load_set(name: str) -> pd.DataFrame:
    """A labelled set as a frame: ``text``, ``themes`` (list or None), ``polarity``, ``kind``.

    ``kind`` is ``"item"`` (a list item) or ``"span"`` (a span of prose).
    ``themes`` is ``None`` for the polarity-only sets; ``[]`` means ``other``.
    """
    if name in ("themes-eval", "themes-holdout"):
        file = "eval_set.csv" if name == "themes-eval" else "holdout_set.csv"
        frame = pd.read_csv(THEMES_DIR / file, dtype="str", keep_default_na=False)
        return pd.DataFrame(
            {
                "text": frame["text"],
                "themes": [[] if t == OTHER else t.split(";") for t in frame["themes"]],
                "polarity": frame["polarity"],
                "kind": "item",
            }
        )
    if name in ("realtext-dev", "realtext-untouched"):
        from tests.text.realtext.spans import load_spans

        spans = load_spans(part=name.removeprefix("realtext-"))
        return pd.DataFrame(
            {
                "text": [s.text for s in spans],
                "themes": [[] if s.themes == (OTHER,) else list(s.themes) for s in spans],
                "polarity": [s.polarity for s in spans],
                "kind": "span",
            }
        )
    if name.startswith("polarity-"):
        file = "polarity_" + name.removeprefix("polarity-") + ".csv"
        frame = pd.read_csv(TEXT_DIR / file, dtype="str", keep_default_na=False)
        return pd.DataFrame(
            {"text": frame["text"], "themes": None, "polarity": frame["polarity"], "kind": "item"}
        )
    raise ValueError(f"The value for `name` must be one of {SETS}, but {name!r} was passed.")


def theme_figures(
    predicted: Sequence[Sequence[str]], expected: Sequence[Sequence[str]]
) -> dict[str, Any]:
    """Top-1, any-hit, untagged and wrongly-tagged-other rates, overall and per theme.

    Examples
    --------
    >>> f = theme_figures([["a"], ["b", "a"], [], ["c"]], [["a"], ["a"], [], []])
    >>> f["top1"], f["any_hit"], f["untagged"], f["wrongly_tagged_other"]
    (0.5, 0.75, 0.0, 0.5)
    """
    if len(predicted) != len(expected):
        raise ValueError("`predicted` and `expected` must have the same length")
    first_p = [p[0] if p else OTHER for p in predicted]
    first_e = [e[0] if e else OTHER for e in expected]
    top1 = [p == e for p, e in zip(first_p, first_e, strict=True)]
    hit = [
        (bool(set(p) & set(e)) if e else not p) for p, e in zip(predicted, expected, strict=True)
    ]
    themed = [not p for p, e in zip(predicted, expected, strict=True) if e]
    others = [bool(p) for p, e in zip(predicted, expected, strict=True) if not e]
    names = sorted({t for e in expected for t in e} | {t for t in first_p if t != OTHER})
    per_theme = {}
    for theme in [*names, OTHER]:
        wanted = [i for i, e in enumerate(first_e) if e == theme]
        anywhere = [i for i, e in enumerate(expected) if theme in e or (theme == OTHER and not e)]
        given = [i for i, p in enumerate(first_p) if p == theme]
        per_theme[theme] = {
            "n": len(wanted),
            "top1": _share(sum(top1[i] for i in wanted), len(wanted)),
            "any_hit": _share(sum(_has(predicted[i], theme) for i in anywhere), len(anywhere)),
            "given": len(given),
            "precision": _share(sum(first_e[i] == theme for i in given), len(given)),
        }
    return {
        "n": len(expected),
        "n_themed": len(themed),
        "n_other": len(others),
        "top1": _share(sum(top1), len(top1)),
        "any_hit": _share(sum(hit), len(hit)),
        "untagged": _share(sum(themed), len(themed)),
        "wrongly_tagged_other": _share(sum(others), len(others)),
        "per_theme": per_theme,
    }


def polarity_figures(predicted: Sequence[str], expected: Sequence[str]) -> dict[str, Any]:
    """Polarity accuracy with and without abstentions, and per class.

    ``predicted`` holds ``"well"``, ``"wrong"``, ``"neutral"`` (an abstention)
    or anything else (``"mixed"``: a miss).

    Examples
    --------
    >>> f = polarity_figures(["well", "neutral", "wrong", "neutral"],
    ...                      ["well", "wrong", "well", "neutral"])
    >>> f["accuracy"], f["polar_accuracy"], f["decided_accuracy"]
    (0.5, 0.3333333333333333, 0.5)
    """
    if len(predicted) != len(expected):
        raise ValueError("`predicted` and `expected` must have the same length")
    pairs = list(zip(predicted, expected, strict=True))
    polar = [(p, e) for p, e in pairs if e != "neutral"]
    decided = [(p, e) for p, e in polar if p in ("well", "wrong")]
    per_class = {}
    for label in ("well", "wrong", "neutral"):
        truly = [p for p, e in pairs if e == label]
        said = [e for p, e in pairs if p == label]
        per_class[label] = {
            "n": len(truly),
            "recall": _share(sum(p == label for p in truly), len(truly)),
            "predicted": len(said),
            "precision": _share(sum(e == label for e in said), len(said)),
        }
    return {
        "n": len(pairs),
        "n_polar": len(polar),
        "accuracy": _share(sum(p == e for p, e in pairs), len(pairs)),
        "polar_accuracy": _share(sum(p == e for p, e in polar), len(polar)),
        "decided_accuracy": _share(sum(p == e for p, e in decided), len(decided)),
        "abstained": _share(sum(p == "neutral" for p, _ in polar), len(polar)),
        "per_class": per_class,
    }


def span_polarity(text: str) -> str:
    """The polarity of a span of prose: from the items :func:`split_free_text` makes of it.

    Examples
    --------
    >>> span_polarity("The interview was at 3pm."), span_polarity("I nailed the SQL part.")
    ('neutral', 'well')
    """
    items = split_free_text(text)
    well = sum(i["polarity"] == "well" for i in items)
    wrong = len(items) - well
    if not items:
        return "neutral"
    return "well" if well > wrong else "wrong" if wrong > well else "mixed"


def _has(predicted: Sequence[str], theme: str) -> bool:
    return not predicted if theme == OTHER else theme in predicted


def _share(k: float, n: int) -> float:
    return k / n if n else float("nan")


def evaluate(
    names: Sequence[str] | None = None,
    *,
    taxonomy: Taxonomy | None = None,
    tagger: Callable[[list[str]], list[list[str]]] | None = None,
) -> dict[str, dict[str, Any]]:
    """Figures for each named set: ``{"themes": {...} or None, "polarity": {...}}``.

    Parameters
    ----------
    names : sequence of str, optional
        Sets to evaluate (default: every set in :data:`SETS` but
        ``realtext-untouched``).
    taxonomy : Taxonomy, optional
        The taxonomy to tag with (default: the built-in one).
    tagger : callable, optional
        Tags a list of texts (default: ``taxonomy.tag``).
    """
    if names is None:
        names = [n for n in SETS if n != "realtext-untouched"]
    tax = Taxonomy.default() if taxonomy is None else taxonomy
    tag = tax.tag if tagger is None else tagger
    out: dict[str, dict[str, Any]] = {}
    for name in names:
        frame = load_set(name)
        texts = frame["text"].tolist()
        themes = None
        if frame["themes"].notna().all():
            themes = theme_figures(tag(texts), frame["themes"].tolist())
        if (frame["kind"] == "span").all():
            said = [span_polarity(t) for t in texts]
        else:
            said = [p or "neutral" for p in classify_polarity(texts)]
        out[name] = {
            "themes": themes,
            "polarity": polarity_figures(said, frame["polarity"].tolist()),
        }
    return out


def _pct(x: float) -> str:
    return "  -  " if x != x else f"{x:6.1%}"


def report(figures: dict[str, dict[str, Any]], *, per_theme: bool = False) -> str:
    """The figures as plain-text tables."""
    lines = [
        "themes: set | n | top-1 | any-hit | untagged | wrongly-tagged-other",
    ]
    for name, f in figures.items():
        t = f["themes"]
        if t is not None:
            lines.append(
                f"  {name:<20}{t['n']:>5} {_pct(t['top1'])} {_pct(t['any_hit'])} "
                f"{_pct(t['untagged'])} {_pct(t['wrongly_tagged_other'])}"
            )
    lines.append(
        "polarity: set | n | accuracy (abstain = miss) | polar only | decided only | "
        "abstained | recall well / wrong / neutral"
    )
    for name, f in figures.items():
        p = f["polarity"]
        c = p["per_class"]
        lines.append(
            f"  {name:<20}{p['n']:>5} {_pct(p['accuracy'])} {_pct(p['polar_accuracy'])} "
            f"{_pct(p['decided_accuracy'])} {_pct(p['abstained'])}   "
            f"{_pct(c['well']['recall'])} {_pct(c['wrong']['recall'])} "
            f"{_pct(c['neutral']['recall'])}"
        )
    if per_theme:
        for name, f in figures.items():
            t = f["themes"]
            if t is None:
                continue
            lines.append(
                f"per theme, {name}: theme | n first | top-1 | any-hit | given | precision"
            )
            for theme, r in t["per_theme"].items():
                lines.append(
                    f"  {theme:<20}{r['n']:>5} {_pct(r['top1'])} {_pct(r['any_hit'])} "
                    f"{r['given']:>5} {_pct(r['precision'])}"
                )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--untouched", action="store_true", help="also measure the real-text untouched part"
    )
    parser.add_argument("--per-theme", action="store_true", help="print per-theme tables")
    parser.add_argument("--sets", nargs="*", help=f"only these sets, of {', '.join(SETS)}")
    args = parser.parse_args(argv)
    names = list(args.sets) if args.sets else [n for n in SETS if n != "realtext-untouched"]
    if args.untouched and "realtext-untouched" not in names:
        names.insert(names.index("realtext-dev") + 1, "realtext-untouched")
    if "realtext-untouched" in names and not args.untouched:
        parser.error("the untouched part is measured only with --untouched")
    print(report(evaluate(names), per_theme=args.per_theme))


if __name__ == "__main__":
    main()
