"""Benchmark the theme tagger on a large column of reflection items (issue 3).

Generates ``--n`` realistic went-well / went-wrong items (default 1,000,000):
sentences built from about 150 phrasings of every theme and of things that are
no theme, with openers, tails, names, numbers, two-part items and typos, drawn
with a seeded generator so every run tags the same text. Then times, on the
same items, as the median of ``--repeat`` runs:

* ``Taxonomy.default().tag_items(texts)``: the whole tagger, and again on the
  same items made all distinct (its number appended), since the tagger tags
  each distinct text once;
* the floor as the issue defines it: one ``Series.str.contains`` pass of a
  single alternation of every theme's patterns (``Taxonomy.regex()``). pandas
  3.1 runs it with Python's ``re`` (it does so for any pattern with ``\\s``),
  and even RE2 leaves its fast DFA on an alternation that large, so both are
  timed on the first ``--floor-n`` items (default 20,000) and scaled up;
* a practical floor: one RE2 yes/no pass (``pyarrow.compute.
  match_substring_regex``) of one theme's alternation over all items - the
  median theme, and the 14 passes together, which any per-theme tagger needs;
* the naive way: a Python loop calling ``re.search`` per item and theme with
  the same regexes, on the first ``--naive-n`` items (default 50,000), scaled
  up (it only searches: no exclusions, no ranking, so it is a lower bound).

    .venv/bin/python benchmarks/bench_themes.py [--record]

prints the figures; ``--record`` also writes them to the "## Theme tagging (issue 3)"
section of RESULTS.md (see ``_common.main``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import statistics
import time
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from _common import load_average, machine, main, table, timed

from recovery_analytics.themes import Taxonomy

SECTION = "## Theme tagging (issue 3)"

# Phrasings as people write them in reflection notes; {c} company, {n} number,
# {t} a technical topic, {p} a person. Many are deliberately not theme words.
CORES = [
    # preparation
    "didn't research {c} enough",
    "knew their product inside out",
    "prep paid off",
    "hadn't read the job description properly",
    "did two mock interviews before",
    "forgot details of my own cv",
    "looked up {p} on linkedin beforehand",
    "went in underprepared",
    "practised my answers out loud",
    "winged it and it showed",
    # nerves
    "really nervous at the start",
    "mind went blank on {t}",
    "stayed calm when pushed",
    "voice was shaky",
    "panicked for a moment",
    "anxious the whole time",
    "felt confident after the first ten minutes",
    "overthinking every answer",
    "froze when {p} joined",
    "heart racing before it began",
    # conciseness
    "rambled about my thesis",
    "went off on a tangent",
    "kept answers short",
    "talked way too much",
    "didnt ramble this time",
    "answers were too long winded",
    "got sidetracked by {t}",
    "gave direct answers",
    # examples
    "used star for the behavioural questions",
    "examples were too vague",
    "good story for the conflict question",
    "couldn't think of an example of failure",
    "quantified impact with numbers",
    "answers felt generic",
    # technical
    "solved the lc medium with brute force",
    "struggled with {t}",
    "sys design was weak",
    "missed edge cases",
    "bug in my code",
    "got the dsa question",
    "the sql joins tripped me up",
    "case study maths was sloppy",
    "optimised to o(n log n)",
    "debugging went fine",
    # clarity
    "thought out loud the whole time",
    "asked clarifying questions first",
    "misunderstood the question",
    "explained my approach clearly",
    "mumbled a bit",
    "didnt explain my reasoning",
    "listened carefully",
    # rapport
    "{p} seemed bored",
    "great chemistry with {p}",
    "awkward small talk",
    "forgot to make eye contact",
    "we clicked straight away",
    "{p} was smiling a lot",
    "felt cold and formal",
    "good vibe overall",
    # logistics
    "arrived {n} minutes late",
    "zoom link didn't work",
    "wifi kept dropping",
    "went to the wrong building",
    "mixed up the time zones",
    "overdressed",
    "camera and mic worked fine",
    "traffic was terrible",
    "they rescheduled twice",
    # questions for them
    "had no questions for them",
    "asked about team culture",
    "my questions at the end were generic",
    "forgot to ask about next steps",
    "asked {p} what success looks like",
    "reverse interview part went well",
    # motivation
    "couldn't explain why {c}",
    "strong answer to why this company",
    "linked it to my career goals",
    "not sure i even want this job",
    "culture fit question went well",
    # self presentation
    "nailed tell me about yourself",
    "tmay was too long",
    "undersold my achievements",
    "biggest weakness answer was a cliche",
    "walk through my cv went ok",
    "sold myself well",
    # compensation
    "gave a salary number too early",
    "negotiated a higher base",
    "asked about the bonus",
    "salary expectations question caught me out",
    "discussed equity and vesting",
    # follow up
    "sent a thank you email",
    "forgot the thank-you note",
    "followed up after a week",
    "asked for feedback",
    "never heard back",
    "asked for another interview",
    # time management
    "ran out of time on {t}",
    "spent too long on the first part",
    "didn't finish the task",
    "paced myself well",
    "kept an eye on the clock",
    "rushed the last section",
    # no theme
    "the office had a nice view",
    "got a free coffee",
    "the role is hybrid",
    "commute is long",
    "they use slack a lot",
    "office is near my gym",
    "the team seems to be growing",
    "it was raining",
    "three rounds in total",
    "{c} just got acquired",
    "liked the dog in the office",
    "panel of three",
    "new ceo started last month",
    "startup of about {n} people",
    "recruiter is from an agency",
    "the job ad was different from the role",
    "met someone from my old uni",
    "it went fine",
    "meh",
    "overall ok",
    "saw a former colleague in reception",
    "second time applying to {c}",
    "lunch afterwards was nice",
    "the website is slick",
]
OPENERS = [
    "",
    "",
    "",
    "",
    "i think ",
    "honestly ",
    "tbh ",
    "so ",
    "again ",
    "as usual ",
    "main thing: ",
    "annoyingly ",
    "on the plus side ",
    "note to self - ",
]
TAILS = [
    "",
    "",
    " again",
    " which was annoying",
    " but i recovered",
    " - work on this",
    " in round {n}",
    " at {c}",
    " for the {n}th time",
    ", not great",
    " :)",
    "!!",
    " with {p}",
    " ({c}, round {n})",
    " during {t}",
    " - {p} noticed",
    " around minute {n}",
    " on day {n} of the process",
    " ({n}/10)",
    " at the {c} final",
    " like last time at {c}",
]
JOINS = [" and ", ", then ", "; ", " but ", " - also "]
COMPANIES = [
    "acme", "globex", "initech", "umbrella", "hooli", "stark", "wayne", "wonka", "cyberdyne",
    "tyrell", "soylent", "vandelay", "dunder mifflin", "pied piper",
]  # fmt: skip
TOPICS = [
    "the sql question", "graphs", "dynamic programming", "the case study", "recursion",
    "the api design", "kubernetes", "the excel test", "system design", "the estimation",
    "the behavioural round", "the coding task", "the market sizing", "python internals",
]  # fmt: skip
PEOPLE = [
    "the hm", "the interviewer", "the cto", "the panel", "the recruiter", "sam", "priya",
    "the vp", "both interviewers", "the team lead", "alex", "jordan", "the founder", "mei",
]  # fmt: skip


def _typo(word: str, rng: np.random.Generator) -> str:
    if len(word) < 4:
        return word
    i = int(rng.integers(1, len(word) - 2))
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def make_items(n: int, seed: int = 3) -> pd.Series:
    """``n`` item texts, the same for the same ``n`` and ``seed``."""
    rng = np.random.default_rng(seed)
    core = rng.integers(0, len(CORES), n)
    second = np.where(rng.random(n) < 0.2, rng.integers(0, len(CORES), n), -1)
    opener = rng.integers(0, len(OPENERS), n)
    tail = rng.integers(0, len(TAILS), n)
    join = rng.integers(0, len(JOINS), n)
    comp = rng.integers(0, len(COMPANIES), n)
    topic = rng.integers(0, len(TOPICS), n)
    person = rng.integers(0, len(PEOPLE), n)
    number = rng.integers(2, 100, n)
    upper = rng.random(n) < 0.3
    typo = rng.random(n) < 0.08
    out = []
    for i in range(n):
        text = OPENERS[opener[i]] + CORES[core[i]]
        if second[i] >= 0:
            text += JOINS[join[i]] + CORES[second[i]]
        text += TAILS[tail[i]]
        text = text.format(
            c=COMPANIES[comp[i]], t=TOPICS[topic[i]], p=PEOPLE[person[i]], n=number[i]
        )
        if typo[i]:
            words = text.split(" ")
            k = int(rng.integers(0, len(words)))
            words[k] = _typo(words[k], rng)
            text = " ".join(words)
        out.append(text[:1].upper() + text[1:] if upper[i] else text)
    return pd.Series(out, dtype="str", name="text")


def naive(texts: list[str], regexes: list[re.Pattern[str]]) -> list[list[bool]]:
    return [[rx.search(t) is not None for rx in regexes] for t in texts]


def run(n: int, repeat: int, naive_n: int, floor_n: int) -> str:
    t0 = time.perf_counter()
    texts = make_items(n)
    distinct = texts + pd.Series([f" ({i})" for i in range(n)], dtype="str")
    made = time.perf_counter() - t0
    tax = Taxonomy.default()
    tax.tag(["warm up the cached regexes"])
    arr = pa.array(texts.array)
    rows: list[tuple[str, float, float]] = []

    def scaled(name: str, fn: Callable[[], Any], k: int) -> None:
        wall, cpu, _ = timed(fn, 1)
        rows.append((f"{name} ({k:,} items, x{n / k:g})", wall * n / k, cpu * n / k))

    every = tax.regex()
    few = texts.iloc[: min(floor_n, n)]
    few.iloc[:10].str.contains(every, regex=True)  # compile once (re caches it), not timed
    scaled(
        "floor: `texts.str.contains(<all patterns>)`, pandas falls back to `re`",
        lambda: few.str.contains(every, regex=True),
        len(few),
    )
    few_arr = pa.array(few.array)
    scaled(
        "the same alternation with RE2 (`pc.match_substring_regex`)",
        lambda: pc.match_substring_regex(few_arr, every),
        len(few),
    )

    # what a plain keyword search costs: one case-insensitive pass of the taxonomy's
    # plain words (letters and spaces only) as one alternation; pandas hands it to RE2
    plain = sorted(
        {w for t in tax for w in (*t.words, *t.weak_words) if re.fullmatch(r"[a-z][a-z ]*[a-z]", w)}
    )
    words = "|".join(re.escape(w).replace("\\ ", " ") for w in plain)
    wall, cpu, _ = timed(lambda: texts.str.contains(words, case=False, regex=True), repeat)
    rows.append(
        (f"keyword floor: `texts.str.contains(<{len(plain)} plain words>, case=False)`", wall, cpu)
    )

    def one_pass(regex: str) -> tuple[float, float]:
        wall, cpu, _ = timed(lambda: pc.match_substring_regex(arr, regex), repeat)
        return wall, cpu

    passes = [one_pass(tax.regex(t)) for t in tax.themes]
    one_wall = statistics.median(p[0] for p in passes)
    one_cpu = statistics.median(p[1] for p in passes)
    rows.append(("practical floor: one RE2 pass of one theme (median theme)", one_wall, one_cpu))
    rows.append(
        ("14 RE2 passes, one per theme", sum(p[0] for p in passes), sum(p[1] for p in passes))
    )

    wall, cpu, tagged = timed(lambda: tax.tag_items(texts), repeat)
    rows.append(("**`Taxonomy.default().tag_items(texts)`**", wall, cpu))
    wall, cpu, _ = timed(lambda: tax.tag_items(distinct), repeat)
    rows.append(("`tag_items` on the same items made all distinct", wall, cpu))

    sub = texts.iloc[: min(naive_n, n)].tolist()
    regexes = [re.compile(tax.regex(t).removeprefix("(?i)"), re.I | re.A) for t in tax.themes]
    scaled(
        "naive: Python loop, `re.search` per item and theme", lambda: naive(sub, regexes), len(sub)
    )

    lengths = tagged.map(len)
    lines = [
        SECTION,
        "",
        f"`.venv/bin/python benchmarks/bench_themes.py --n {n} --repeat {repeat}` "
        f"({dt.date.today().isoformat()}): {n:,} items from `make_items` (seeded; "
        f"{texts.nunique():,} distinct texts, mean {texts.str.len().mean():.0f} characters; "
        f"made in {made:.1f} s, not timed); {lengths.gt(0).mean():.1%} got a theme, "
        f"{lengths.mean():.2f} themes per item. Median of {repeat} runs; rows marked "
        "(k items, xN) ran once on the first k items and are scaled up linearly.",
        "",
        f"Machine: {machine(pyarrow=pa.__version__)}; load average (1 min) "
        f"{load_average():.1f}. Other work shared the CPUs, so CPU seconds (all threads of "
        "this process) are the steadier figure.",
        "",
        *table(
            ["call", "wall s", "CPU s", "CPU x one pass"],
            (
                (name, f"{wall:.2f}", f"{cpu:.2f}", f"{cpu / one_cpu:.1f}")
                for name, wall, cpu in rows
            ),
        ),
        "",
        reading({name: cpu for name, _, cpu in rows}),
        "",
    ]
    return "\n".join(lines)


def reading(cpu: dict[str, float]) -> str:
    """One paragraph of ratios (CPU seconds) from the rows of the table."""

    def row(start: str) -> float:
        return next(v for k, v in cpu.items() if k.startswith(start))

    tagger = row("**`Taxonomy")
    keyword = row("keyword floor")
    return (
        f"Reading (CPU seconds): `tag_items` takes {tagger / keyword:.1f}x one "
        "`Series.str.contains` pass of a single alternation of the taxonomy's plain words "
        "(the issue 16 measure); "
        f"{tagger / row('floor'):.3f}x the floor as "
        "issue 3 defines it - pandas runs that one big alternation with Python's `re` "
        "(the patterns use `\\s`), and RE2 itself leaves its fast DFA on an alternation that "
        f"large; it is {tagger / row('14 RE2'):.1f}x the 14 one-theme RE2 passes any "
        f"per-theme tagger needs, {tagger / row('practical'):.0f}x a single pass, and "
        f"{row('naive') / tagger:.0f}x faster than the naive loop."
    )


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--n", type=int, default=1_000_000, help="items to tag")
    parser.add_argument("--repeat", type=int, default=3, help="runs per call (median)")
    parser.add_argument("--naive-n", type=int, default=50_000, help="items for the naive loop")
    parser.add_argument("--floor-n", type=int, default=20_000, help="items for the full floor")


if __name__ == "__main__":
    main(
        __doc__,
        SECTION,
        _arguments,
        lambda args: run(args.n, args.repeat, args.naive_n, args.floor_n),
    )
