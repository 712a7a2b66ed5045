"""Accuracy of ``classify_polarity`` on hand-written interview-reflection sentences.

``polarity_sentences.csv`` holds sentences written in the voices of real
post-interview write-ups (recruiter screens, technical, behavioural, case and
final rounds; casual, lower-case, typos, British and American spelling), each
labelled ``well``, ``wrong`` or ``neutral`` by hand. The set was written before
the rules, which were then built on it, so its accuracy is optimistic.

The other sets were each written afterwards, in other voices, and measured
once before any rule was changed for them; that first measurement is the
honest estimate of accuracy on unseen text (the figures are in
``benchmarks/RESULTS.md``, "Free text"):

- ``polarity_heldout.csv``: reflection notes in general;
- ``polarity_blind.csv``: the interview-experience-post voice;
- ``polarity_blind2.csv``: non-native phrasing, slang, terse notes;
- ``polarity_blind3.csv``: case interviews, recruiter screens, hedged
  phrasing; its misses showed logic bugs (a negated "need to", base verb
  forms like "to complete", the clause after "but" carrying the verdict),
  fixed generally;
- ``polarity_blind4.csv``: non-tech interviews (nursing, teaching, retail,
  sales, civil service, trades), measured after the general fixes of the
  rounds before; its author knew the rules by then, which may flatter it.

Most misses on unseen text are abstentions (neutral) on idioms the cue list
does not know, not the wrong polarity. Each set was then used to find
*general* rules (negators such as "instead of", base verb forms, idioms), so
later numbers on them are optimistic too. All sets must stay above the gate.

Run ``pytest tests/text/test_polarity.py -s`` to see the accuracy and the
confusion tables.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pandas as pd
import pytest

from recovery_analytics.text import FreeTextTypeError, classify_polarity

HERE = Path(__file__).parent
SETS = [
    "polarity_sentences.csv",
    "polarity_heldout.csv",
    "polarity_blind.csv",
    "polarity_blind2.csv",
    "polarity_blind3.csv",
    "polarity_blind4.csv",
]
LABELS = ["well", "wrong", "neutral"]
GATE = 0.80  # minimum accuracy on the well/wrong sentences

Classifier = Callable[[Sequence[str]], Sequence[str | None]]


def load(name: str) -> pd.DataFrame:
    frame = pd.read_csv(HERE / name, dtype="str", keep_default_na=False)
    return frame


def evaluate(frame: pd.DataFrame, classify: Classifier) -> dict[str, object]:
    """Accuracy on well/wrong rows, neutral recall, and a confusion table."""
    predicted = [p if p is not None else "neutral" for p in classify(frame["text"].tolist())]
    frame = frame.assign(predicted=predicted)
    polar = frame[frame["polarity"] != "neutral"]
    neutral = frame[frame["polarity"] == "neutral"]
    confusion = pd.crosstab(
        pd.Categorical(frame["polarity"], categories=LABELS),
        pd.Categorical(frame["predicted"], categories=LABELS),
        rownames=["true"],
        colnames=["predicted"],
        dropna=False,
    )
    return {
        "accuracy": float((polar["predicted"] == polar["polarity"]).mean()),
        "n_polar": len(polar),
        "neutral_recall": float((neutral["predicted"] == "neutral").mean()),
        "n_neutral": len(neutral),
        "confusion": confusion,
        "misses": frame[frame["predicted"] != frame["polarity"]],
    }


def report(name: str, result: dict[str, object]) -> str:
    misses = result["misses"]
    assert isinstance(misses, pd.DataFrame)
    lines = [
        f"{name}: accuracy on well/wrong = {result['accuracy']:.1%} "
        f"(n={result['n_polar']}); neutral kept neutral = {result['neutral_recall']:.1%} "
        f"(n={result['n_neutral']})",
        str(result["confusion"]),
        "misses:",
        *(f"  {r.polarity:>7} -> {r.predicted:<7} {r.text}" for r in misses.itertuples()),
    ]
    return "\n".join(lines)


# -- the data sets ---------------------------------------------------------------


@pytest.mark.parametrize("name", SETS)
def test_dataset_is_well_formed(name: str) -> None:
    frame = load(name)
    assert list(frame.columns) == ["text", "polarity"]
    assert set(frame["polarity"]) <= set(LABELS)
    assert not frame["text"].duplicated().any()
    assert (frame["text"].str.strip() != "").all()


def test_main_set_is_big_enough() -> None:
    frame = load("polarity_sentences.csv")
    counts = frame["polarity"].value_counts()
    assert len(frame) >= 240
    assert counts["well"] + counts["wrong"] >= 200
    assert counts["neutral"] >= 20


# -- accuracy gate ------------------------------------------------------------------


@pytest.mark.parametrize("name", SETS)
def test_polarity_accuracy(name: str) -> None:
    result = evaluate(load(name), classify_polarity)
    text = report(name, result)
    print("\n" + text)
    assert result["accuracy"] >= GATE, text


@pytest.mark.parametrize("name", SETS)
def test_neutral_sentences_mostly_stay_neutral(name: str) -> None:
    # reported separately from the gate; a floor that catches a collapse
    result = evaluate(load(name), classify_polarity)
    assert result["neutral_recall"] >= 0.7, report(name, result)


def test_gate_can_fail() -> None:
    # The same evaluation must reject classifiers that are no good: a constant
    # answer gets at most the share of the larger class (well 135 vs wrong 144
    # of 279 -> 51.6%), and flipping the real answers gets 1 - accuracy.
    frame = load("polarity_sentences.csv")

    def always_well(texts: Sequence[str]) -> list[str | None]:
        return ["well"] * len(texts)

    def flipped(texts: Sequence[str]) -> list[str | None]:
        swap = {"well": "wrong", "wrong": "well", None: None}
        return [swap[p] for p in classify_polarity(texts)]

    def silent(texts: Sequence[str]) -> list[str | None]:
        return [None] * len(texts)

    for bad in (always_well, flipped, silent):
        assert evaluate(frame, bad)["accuracy"] < GATE, bad.__name__


# -- cases named in the specification ----------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("I didn't struggle with the coding question.", "well"),
        ("I wasn't nervous at all.", "well"),
        ("The system design answer was not great.", "wrong"),
        ("I should have asked about the on-call rotation.", "wrong"),
        ("Next time I'll prepare more.", "wrong"),
        ("I nailed the SQL part.", "well"),
        ("I totally blanked when they asked about my biggest weakness.", "wrong"),
        ("Not bad for a first attempt.", "well"),
        ("It could have gone worse.", "well"),
        ("It could have been better.", "wrong"),
        # good-sounding words after a counterfactual are hypothetical
        ("I should have prepared a tighter, stronger story.", "wrong"),
        ("Next time I won't ramble.", "wrong"),
        ("Be more confident about salary.", "wrong"),
        ("Don't forget to ask about next steps.", "wrong"),
        # "instead of", "less", "zero" negate what follows
        ("I asked for a minute to think instead of panicking.", "well"),
        ("I was way less nervous than last time.", "well"),
        ("Zero nerves this time.", "well"),
        ("The interview was at 3pm with two engineers.", None),
        ("I applied through a referral.", None),
    ],
)
def test_named_cases(sentence: str, expected: str | None) -> None:
    assert classify_polarity([sentence]) == [expected]


def test_empty_and_missing_text_are_neutral() -> None:
    assert classify_polarity(["", "   ", None, float("nan")]) == [None] * 4  # type: ignore[list-item]


def test_rejects_a_bare_string_and_non_strings() -> None:
    with pytest.raises(FreeTextTypeError, match="single str"):
        classify_polarity("I nailed it")
    with pytest.raises(FreeTextTypeError, match=r"sentences\[1\]"):
        classify_polarity(["fine", 42])  # type: ignore[list-item]
    # usable as the standard exception types too
    assert issubclass(FreeTextTypeError, TypeError)
    assert issubclass(FreeTextTypeError, ValueError)


def test_generator_input_and_order() -> None:
    sentences = ("I rambled." if i % 2 else "I aced it." for i in range(6))
    assert classify_polarity(sentences) == ["well", "wrong"] * 3
