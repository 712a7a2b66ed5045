"""benchmarks/eval_text.py: the one evaluation script of issue 16, importable."""

from __future__ import annotations

import importlib.util
import math
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("eval_text", ROOT / "benchmarks" / "eval_text.py")
assert _spec is not None and _spec.loader is not None
eval_text = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(eval_text)


def test_theme_figures_by_hand():
    predicted = [["a"], ["b", "a"], [], ["c"], []]
    expected = [["a"], ["a"], ["b"], [], []]
    f = eval_text.theme_figures(predicted, expected)
    assert f["top1"] == 2 / 5  # item 0 right, item 4 right ('other' given nothing)
    assert f["any_hit"] == 3 / 5  # items 0, 1 and 4
    assert f["untagged"] == 1 / 3  # item 2 of the three themed items
    assert f["wrongly_tagged_other"] == 1 / 2  # item 3 of the two 'other' items
    assert f["per_theme"]["a"] == {
        "n": 2,
        "top1": 1 / 2,
        "any_hit": 2 / 2,
        "given": 1,
        "precision": 1.0,
    }


def test_polarity_figures_by_hand():
    predicted = ["well", "neutral", "wrong", "neutral", "mixed"]
    expected = ["well", "wrong", "well", "neutral", "wrong"]
    f = eval_text.polarity_figures(predicted, expected)
    assert f["accuracy"] == 2 / 5
    assert f["polar_accuracy"] == 1 / 4  # four items have a side; one right
    assert f["decided_accuracy"] == 1 / 2  # two of them got a side; one right
    assert f["abstained"] == 1 / 4
    assert f["per_class"]["neutral"]["recall"] == 1.0
    assert math.isnan(eval_text.polarity_figures([], [])["accuracy"])


def test_evaluate_returns_every_figure_for_the_named_sets():
    out = eval_text.evaluate(["themes-holdout", "polarity-blind4"])
    assert set(out) == {"themes-holdout", "polarity-blind4"}
    assert out["polarity-blind4"]["themes"] is None
    themes = out["themes-holdout"]["themes"]
    # the held-out floor of tests/themes/test_eval.py, measured the same way here
    assert themes["top1"] >= 0.80
    assert themes["wrongly_tagged_other"] <= 0.20
    assert "per_class" in out["themes-holdout"]["polarity"]


def test_the_untouched_part_is_not_measured_unless_asked():
    assert "realtext-untouched" not in eval_text.evaluate(["themes-holdout"])
    with pytest.raises(SystemExit):
        eval_text.main(["--sets", "realtext-untouched"])
