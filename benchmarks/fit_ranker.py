"""Fit the theme ranker's weights and write ``recovery_analytics/themes/ranker.toml`` (issue 16).

The ranker (``recovery_analytics/themes/_ranker.py``) orders the rules' candidate
themes of an item and may give none. Its weights are fitted here, ahead of time,
as a conditional logit (a softmax over each item's candidates plus "no theme")
by full-batch gradient descent with an L2 penalty: deterministic, no download,
about a second.

Training items: ``tests/themes/eval_set.csv`` and the ``dev`` part of the
real-text set (``tests/text/realtext``, text in ``../shared/external/realtext``).
Never the held-out set (the test floor) nor the untouched part. Only items whose
answer is among the rules' candidates teach anything (the expected first theme
if it is a candidate, else another expected theme that is; "no theme" for items
labelled ``other``).

    .venv/bin/python benchmarks/fit_ranker.py            # fit, print, write ranker.toml
    .venv/bin/python benchmarks/fit_ranker.py --dry-run  # fit and print only
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from eval_text import load_set  # noqa: E402  (this folder is on sys.path)

from recovery_analytics.themes import OTHER, Taxonomy  # noqa: E402
from recovery_analytics.themes._context import LONG, general_mask  # noqa: E402
from recovery_analytics.themes._engine import _NONE, _WEAK  # noqa: E402
from recovery_analytics.themes._ranker import (  # noqa: E402
    GENERIC,
    NONE_FEATURES,
    Design,
    Ranker,
    design,
)

OUT = ROOT / "recovery_analytics" / "themes" / "ranker.toml"
TRAIN = ("themes-eval", "realtext-dev")
HEADER = """# Weights of the theme ranker (recovery_analytics/themes/_ranker.py), written by
# benchmarks/fit_ranker.py: fitted on tests/themes/eval_set.csv and the dev part of the
# real-text set (tests/text/realtext). Do not edit by hand; refit instead.
# [generic]: features of every candidate; [none]: the "no theme" option;
# [bias]: per theme; [with.<theme>]: added to <theme>'s score when the named theme is
# also a candidate of the item."""


def rule_inputs(tax: Taxonomy, texts: list[str]) -> Design:
    """The ranker's inputs for ``texts``: the rules' keys with general sentences removed."""
    arr = pa.chunked_array([pa.array(texts, type=pa.string())])
    keys = tax._rank_keys(arr, "python")
    keys[general_mask(arr, (keys != _NONE).any(axis=1))] = _NONE
    lengths = np.asarray(pc.utf8_length(arr).to_numpy(zero_copy_only=False))
    return design(keys, _NONE, _WEAK, lengths >= LONG)


def targets(names: list[str], d: Design, expected: list[list[str]]) -> np.ndarray:
    """Per item the option to learn: a theme's column, ``len(names)`` for none, -1 to skip."""
    out = np.full(len(expected), -1)
    col = {n: j for j, n in enumerate(names)}
    for i, e in enumerate(expected):
        if not e or e == [OTHER]:
            out[i] = len(names) if d.present[i].any() else -1
            continue
        for theme in e:
            j = col.get(theme, -1)
            if j >= 0 and d.present[i, j]:
                out[i] = j
                break
    return out


def fit(
    d: Design,
    y: np.ndarray,
    names: list[str],
    *,
    weight: np.ndarray | None = None,
    l2: float = 0.02,
    steps: int = 4000,
) -> Ranker:
    keep = y >= 0
    d = Design(d.present[keep], d.first[keep], d.weak[keep], d.others[keep], d.long[keep])
    y = y[keep]
    w = np.ones(len(keep)) if weight is None else weight
    w = w[keep] / w[keep].mean()
    n, t = d.present.shape
    onehot = np.zeros((n, t + 1))
    onehot[np.arange(n), y] = 1.0
    r = Ranker(themes=tuple(names), bias=np.zeros(t), generic=np.array([1.0, 0, 0, 0, 0]))
    r.none = np.array([-1.0, 0.0, 0.0, 0.0])
    present = d.present.astype(float)
    weak_only = d.weak.max(axis=1)
    lr = 0.5
    for _ in range(steps):
        s, none = r.scores(d, names)
        allx = np.concatenate([s, none[:, None]], axis=1)
        allx = allx - allx.max(axis=1, keepdims=True)
        p = np.exp(allx)
        p /= p.sum(axis=1, keepdims=True)
        g = (p - onehot) * w[:, None] / n  # d loss / d score
        gs, gn = g[:, :t], g[:, t]
        r.bias = r.bias - lr * (gs.sum(axis=0) + l2 * r.bias)
        grad_with = gs.T @ present
        np.fill_diagonal(grad_with, 0.0)
        r.with_ = r.with_ - lr * (grad_with + l2 * r.with_)
        feats = [
            d.first,
            d.weak,
            np.repeat(d.others[:, None], t, axis=1),
            np.repeat(d.long[:, None], t, axis=1),
            d.long[:, None] * d.first,
        ]
        grad_generic = np.array([(gs * f).sum() for f in feats])
        r.generic = r.generic - lr * (grad_generic + l2 * r.generic)
        nf = [np.ones(n), d.long, d.others, weak_only]
        grad_none = np.array([(gn * f).sum() for f in nf])
        r.none = r.none - lr * (grad_none + l2 * r.none * np.array([0, 1, 1, 1]))
    return r


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dry-run", action="store_true", help="do not write ranker.toml")
    parser.add_argument("--l2", type=float, default=0.005)
    parser.add_argument(
        "--prose-weight",
        type=float,
        default=3.0,
        help="weight of a real-text span against a list item",
    )
    args = parser.parse_args(argv)
    tax = Taxonomy.default()
    names = [c.name for c in tax._compiled]
    parts = []
    for name in TRAIN:
        frame = load_set(name)
        d = rule_inputs(tax, frame["text"].tolist())
        parts.append((d, targets(names, d, frame["themes"].tolist())))
    d = Design(
        *(np.concatenate([getattr(p[0], f) for p in parts]) for f in Design.__dataclass_fields__)
    )
    y = np.concatenate([p[1] for p in parts])
    weight = np.concatenate(
        [
            np.full(len(p[1]), args.prose_weight if n.startswith("realtext") else 1.0)
            for n, p in zip(TRAIN, parts, strict=True)
        ]
    )
    ranker = fit(d, y, names, weight=weight, l2=args.l2)
    print(f"trained on {int((y >= 0).sum())} items of {len(y)} ({', '.join(TRAIN)})")
    print(dict(zip(GENERIC, ranker.generic.round(3), strict=True)))
    print(dict(zip(NONE_FEATURES, ranker.none.round(3), strict=True)))
    if not args.dry_run:
        OUT.write_text(ranker.to_toml(HEADER), encoding="utf-8")
        print(f"wrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
