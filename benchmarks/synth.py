"""Synthetic reflection logs, large enough to benchmark the readers and analytics.

Every field of ``docs/formats.md`` is filled in, with a few optional ones left
empty the way people leave them: about three "went well" and three "went
wrong" items per interview drawn from a few hundred phrasings (some with
inline ``#tags``), plan B actions, follow-ups and outcomes, dates spread over
two years (2024-09-01 to 2026-08-31) and a skewed mix of clients. Only the
field specification (``recovery_analytics.model``) is taken from the package:
the records are written by the plain writers here, not by the package's
writers, so the data stays an independent input of the readers.

:func:`csv_row` and :func:`markdown_text` are also how ``data/generate_sample.py``
writes the sample; both loop over the field specification.

Use it as a module::

    from benchmarks.synth import make_records, write_csv
    write_csv(make_records(10_000, seed=1), "interviews.csv")

or as a script (the output folder ``benchmarks/_data/`` is git-ignored)::

    python benchmarks/synth.py --out benchmarks/_data --n 100000 --markdown 10000

which writes ``interviews.csv``, ``interviews.jsonl`` and a ``markdown/``
folder with one file per interview for the first ``--markdown`` records.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import numpy as np

from recovery_analytics.model import FIELDS as MODEL_FIELDS
from recovery_analytics.model import Action, fields_where, format_action

__all__ = [
    "FIELDS",
    "csv_row",
    "make_records",
    "markdown_text",
    "write_csv",
    "write_jsonl",
    "write_markdown_folder",
]

# The columns of docs/formats.md, in its order: the model's fields.
FIELDS = list(MODEL_FIELDS)
LIST_FIELDS = fields_where(is_list=True)

FIRST_DAY = np.datetime64("2024-09-01")
DAYS = 730

# -- phrasings ---------------------------------------------------------------------
# Base items by theme (well, wrong); variants with qualifiers and #tags are added
# below to give a pool of a few hundred. No item holds ";" or a line break, so
# both CSV list forms read back.

_BASES: dict[str, tuple[list[str], list[str]]] = {
    "preparation": (
        [
            "Had researched the company properly",
            "Read their annual report beforehand",
            "Knew the product well after trying it",
            "My prep notes were spot on",
            "Had looked up the interviewers",
            "Prepared for the case study",
        ],
        [
            "Didn't prepare enough",
            "Hadn't read the job description again",
            "Didn't know their latest launch",
            "Winged the case study",
            "Only skimmed their website",
            "Unprepared for the product question",
        ],
    ),
    "nerves": (
        [
            "Stayed calm throughout",
            "Felt steady even on the hard questions",
            "Breathing exercise beforehand helped",
            "Wasn't nervous at all for once",
        ],
        [
            "Blanked on a simple question",
            "Voice was shaky at the start",
            "Mind went blank",
            "Got flustered when interrupted",
            "So nervous I forgot my own project name",
            "Froze on the whiteboard exercise",
        ],
    ),
    "conciseness": (
        [
            "Kept my answers short",
            "Got straight to the point",
            "Answered directly for once",
        ],
        [
            "Rambled on tell me about yourself",
            "Answers were far too long",
            "Didn't answer the question directly",
            "Went off on a tangent",
            "They had to cut me off",
            "Over-explained the technical detail",
        ],
    ),
    "examples": (
        [
            "Good STAR story about the migration",
            "Had metrics ready for every example",
            "Concrete example of handling conflict",
            "The failure story landed well",
            "Numbers on the revenue impact impressed them",
        ],
        [
            "No concrete example for leadership",
            "Forgot the result in my STAR answer",
            "Vague about impact",
            "Used the same example twice",
            "Couldn't think of a conflict example",
        ],
    ),
    "technical": (
        [
            "Nailed the SQL question",
            "Live coding went smoothly",
            "System design answer was solid",
            "Explained the trade-offs clearly",
            "Solved the algorithm question quickly",
            "Good discussion on testing strategy",
        ],
        [
            "Stuck on the dynamic programming problem",
            "Weak on cloud infrastructure questions",
            "Forgot basic syntax under pressure",
            "Couldn't finish the coding task",
            "Didn't know their tech stack",
            "Shaky on statistics",
        ],
    ),
    "clarity": (
        [
            "Thought aloud and they followed",
            "Asked good clarifying questions",
            "Structured my answers well",
        ],
        [
            "Didn't ask clarifying questions",
            "Went silent while thinking",
            "Muddled explanation of my role",
            "Misunderstood the question",
        ],
    ),
    "rapport": (
        [
            "Great rapport with the hiring manager",
            "Felt like a real conversation",
            "We laughed a lot",
            "The panel was warm and friendly",
            "Connected over a shared hobby",
        ],
        [
            "Couldn't read the interviewer",
            "Felt stiff and formal",
            "Didn't click with the panel",
            "Little eye contact on video",
        ],
    ),
    "logistics": (
        [
            "Arrived early and relaxed",
            "Tech setup worked perfectly",
        ],
        [
            "Was late because of the train",
            "Video call dropped twice",
            "Mic problems at the start",
            "Went to the wrong office",
            "Laptop battery died",
        ],
    ),
    "questions_for_them": (
        [
            "Asked smart questions at the end",
            "My question about team challenges went down well",
            "Asked how they measure success",
        ],
        [
            "Had no questions ready",
            "Forgot to ask about the team",
            "Ran out of time for my questions",
            "Asked about holidays first",
        ],
    ),
    "motivation": (
        [
            "Explained why I want this role convincingly",
            "Showed real enthusiasm for the mission",
        ],
        [
            "Couldn't say why this company",
            "Sounded negative about my current job",
            "Unsure why I want to switch careers",
        ],
    ),
    "self_presentation": (
        [
            "Strong elevator pitch",
            "Confident introduction",
            "Tell me about yourself went well",
        ],
        [
            "Weak intro",
            "Undersold my achievements",
            "Talked myself down",
        ],
    ),
    "compensation": (
        [
            "Gave a confident salary range",
            "Negotiated the start date well",
        ],
        [
            "Named a salary too low",
            "Awkward on salary expectations",
            "Didn't know the market rate",
        ],
    ),
    "follow_up": (
        [
            "Sent a thank-you note the same day",
            "Asked about next steps",
        ],
        [
            "Forgot to send a thank-you note",
            "Didn't ask about the timeline",
            "Waited too long to follow up",
        ],
    ),
    "time_management": (
        [
            "Finished the exercise with time to spare",
            "Paced the presentation well",
        ],
        [
            "Ran out of time on the task",
            "Spent too long on the first question",
            "Presentation overran",
        ],
    ),
}
_MISC = (
    [
        "The office was lovely",
        "Great coffee",
        "Nice view",
        "Friendly receptionist",
        "Met an old colleague there",
        "They have an office dog",
    ],
    [
        "Long commute",
        "It rained the whole way there",
        "They were running late",
        "Building was hard to find",
        "Room was too warm",
        "Forgot my umbrella",
    ],
)
_QUALIFIERS = (
    [" this time", " - they noticed", ", felt good", " (finally!)", " - keep doing this"],
    [
        " again",
        " - need to practise this",
        ", which threw me",
        " (second time this month)",
        " - not the end of the world",
    ],
)


def _pool(side: int) -> list[str]:
    """Each base, plus two variants with a qualifier; one of them with an inline
    #tag, and every fifth in lower case, as people type quickly."""
    qualifiers = _QUALIFIERS[side]
    out: list[str] = []
    k = 0
    for theme, sides in _BASES.items():
        for base in sides[side]:
            out.append(base)
            for j in range(2):
                variant = base + qualifiers[(2 * k + j) % len(qualifiers)]
                if (k + j) % 2 == 0:
                    variant += f" #{theme}"
                if (2 * k + j) % 5 == 0:
                    variant = variant[0].lower() + variant[1:]
                out.append(variant)
            k += 1
    out += _MISC[side]
    return out


WELL = np.array(_pool(0), dtype=object)
WRONG = np.array(_pool(1), dtype=object)

EMPLOYER_VIEW = np.array(
    [
        "I think they saw a capable candidate who needed to get to the point faster.",
        "Probably came across as nervous but well prepared.",
        "They seemed to like my experience but weren't sure about the fit.",
        "I think I made a good impression - calm and thoughtful.",
        "Honestly, I probably seemed underprepared.",
        "They likely saw someone strong technically but vague on impact.",
        "I came across as enthusiastic, maybe a little junior.",
        "Solid impression overall, nothing that stood out either way.",
        "They looked engaged the whole way through.",
        "I think they doubted my leadership experience.",
        "Friendly but I don't think I convinced them.",
        "I think they could picture me in the role.",
    ],
    dtype=object,
)
PLAN_B = np.array(
    [
        "Apply to two similar roles",
        "Ask the recruiter for feedback",
        "Book a mock interview",
        "Practise a 60-second answer on weaknesses",
        "Update my CV with metrics",
        "Reach out to a former colleague",
        "Write three STAR stories with numbers",
        "Record myself answering and watch it back",
        "Set up job alerts",
        "Research salary bands for the role",
        "Go to a networking meetup",
        "Take a day off to recharge",
        "Time my answers - two minutes max",
        "Refresh the portfolio",
        "Prepare questions for the next interview",
        "Send a thank-you email",
    ],
    dtype=object,
)
QUESTIONS = np.array(
    [
        "What does success look like in the first 90 days?",
        "What is the biggest challenge for the team this year?",
        "How do you support learning and development?",
        "Who would I work with most closely?",
        "How has this role changed since it was created?",
        "What are the next steps and the timeline?",
        "Is there anything in my background that gives you pause?",
        "How do you give feedback?",
        "What would make someone thrive here?",
        "How are decisions made in the team?",
        "What does a typical week look like?",
        "How do you balance speed and quality?",
    ],
    dtype=object,
)
NOTES = np.array(
    [
        "Recruiter will be in touch within two weeks.",
        "Hybrid, three days in the office.",
        "Salary band not mentioned.",
        "Felt drained afterwards.",
        "Good day overall.",
        "Two interviews back to back.",
        "They are hiring two people.",
        "Long process - five rounds in total.",
    ],
    dtype=object,
)
_PREFIX = (
    "Amber Birch Cobalt Dune Ember Fern Granite Harbor Indigo Juniper Kestrel Linden "
    "Maple Nimbus Opal Pine Quartz Rowan Saffron Thistle Umber Vale Willow Yarrow Zephyr "
    "Copper Heron Meadow Slate Tidal"
).split()
_SUFFIX = (
    "Analytics|Health|Labs|Logistics|Bank|Insurance|Games|Software|Foods|Energy|Media|"
    "Robotics|Studios|Retail|Learning|& Co"
).split("|")
COMPANIES = np.array([f"{p} {s}" for p in _PREFIX for s in _SUFFIX], dtype=object)
ROLES = np.array(
    [
        "Data Analyst",
        "Data Scientist",
        "Backend Engineer",
        "Frontend Engineer",
        "Product Manager",
        "UX Researcher",
        "Product Designer",
        "Marketing Manager",
        "Account Executive",
        "Customer Success Manager",
        "Project Manager",
        "HR Business Partner",
        "Financial Analyst",
        "Operations Lead",
        "Content Strategist",
        "DevOps Engineer",
        "QA Engineer",
        "Business Analyst",
        "Sales Development Rep",
        "Engineering Manager",
    ],
    dtype=object,
)
_NAMES = (
    "ana ben chloe dev emma farid grace hugo ines jonas kai lena malik nora omar priya "
    "quinn rosa sam tara umar vera wes xia yusuf zoe aiko bruno carmen dario elif femi "
    "gita hana ivan jade kofi lucia mateo nia oskar pablo rhea sven tomas uma viktor wen "
    "yara zane"
).split()

STAGES = np.array(["screen", "phone", "technical", "onsite", "panel", "final", "other"])
STAGE_P = np.array([0.22, 0.14, 0.22, 0.14, 0.12, 0.13, 0.03])
FORMATS = np.array(["in_person", "video", "phone"])
RESPONSES = np.array(["granted", "declined", "no_response", "pending"])
RESPONSE_P = np.array([0.35, 0.25, 0.25, 0.15])
OUTCOMES = np.array(["pending", "next_round", "offer", "rejected", "withdrew", "ghosted"])
OUTCOME_P = np.array([0.12, 0.3, 0.05, 0.33, 0.05, 0.15])


def _client_names(k: int) -> list[str]:
    names = list(_NAMES[:k])
    i = 0
    while len(names) < k:
        names.append(f"{_NAMES[i % len(_NAMES)]}-{i // len(_NAMES) + 2}")
        i += 1
    return names


def _iso(days: np.ndarray) -> list[str]:
    return np.datetime_as_string(FIRST_DAY + days.astype("timedelta64[D]"), unit="D").tolist()


def _lists(rng: np.random.Generator, pool: np.ndarray, counts: np.ndarray) -> list[list]:
    """One list per record with ``counts[i]`` items drawn from ``pool``.

    An item can occasionally repeat within a record; people repeat themselves too.
    """
    flat = pool[rng.integers(0, len(pool), int(counts.sum()))].tolist()
    ends = np.cumsum(counts).tolist()
    starts = [0, *ends[:-1]] if ends else []
    return [flat[s:e] for s, e in zip(starts, ends, strict=True)]


def _masked(values: list, present: np.ndarray) -> list:
    return [v if p else None for v, p in zip(values, present.tolist(), strict=True)]


def make_records(n: int, *, seed: int = 0, clients: int = 200) -> list[dict[str, Any]]:
    """``n`` synthetic reflections as plain dicts, one key per field of docs/formats.md.

    Dates are ISO strings, ratings ints, lists lists of strings (plan B actions as
    ``{"text", "done"}`` dicts); a missing optional value is ``None``. The same
    ``seed`` gives the same records.

    Examples
    --------
    >>> records = make_records(5, seed=1, clients=3)
    >>> len(records), sorted(records[0]) == sorted(FIELDS)
    (5, True)
    """
    if n < 0:
        raise ValueError(f"`n` must be zero or more, but {n!r} was passed.")
    if clients < 1:
        raise ValueError(f"`clients` must be at least 1, but {clients!r} was passed.")
    rng = np.random.default_rng(seed)
    names = np.array(_client_names(clients), dtype=object)
    weights = 1.0 / np.arange(1, clients + 1) ** 0.8  # a few clients write a lot
    client = names[rng.choice(clients, n, p=weights / weights.sum())].tolist()

    day = rng.integers(0, DAYS - 2, n)
    weekday = (day + (FIRST_DAY.astype("datetime64[D]").astype(int) + 3)) % 7  # Monday 0
    day = day + np.where(weekday == 5, 2, np.where(weekday == 6, 1, 0))
    reflected = day + rng.choice(4, n, p=[0.35, 0.4, 0.15, 0.1])

    stage_i = rng.choice(len(STAGES), n, p=STAGE_P)
    stage = STAGES[stage_i]
    fmt = np.where(
        np.isin(stage, ["screen", "phone"]),
        np.where(rng.random(n) < 0.6, "phone", "video"),
        np.where(np.isin(stage, ["onsite"]), "in_person", FORMATS[rng.choice(2, n)]),
    )

    n_well = np.minimum(rng.poisson(3.0, n), 8)
    n_wrong = np.minimum(rng.poisson(3.0, n), 8)
    feeling = np.clip(np.rint(3 + 0.35 * (n_well - n_wrong) + rng.normal(0, 0.8, n)), 1, 5)
    self_score = np.clip(np.rint(2 * feeling + rng.normal(0, 1.0, n)), 1, 10)
    connection = np.clip(np.rint(feeling + rng.normal(0, 0.9, n)), 1, 5)

    n_plan = np.minimum(rng.poisson(1.5, n), 4)
    plan_text = _lists(rng, PLAN_B, n_plan)
    done_flat = (rng.random(int(n_plan.sum())) < 0.45).tolist()
    plan_b, pos = [], 0
    for actions in plan_text:
        done = done_flat[pos : pos + len(actions)]
        plan_b.append([{"text": t, "done": d} for t, d in zip(actions, done, strict=True)])
        pos += len(actions)

    requested = rng.random(n)
    req_value = np.where(requested < 0.45, "yes", np.where(requested < 0.9, "no", ""))
    follow_day = day + rng.integers(1, 8, n)
    response = RESPONSES[rng.choice(len(RESPONSES), n, p=RESPONSE_P)]

    ids = rng.integers(0, 2**48, n)
    while len(np.unique(ids)) < n:  # vanishingly rare; keep ids unique
        ids = np.unique(np.concatenate([ids, rng.integers(0, 2**48, n)]))[:n]
        rng.shuffle(ids)

    present = {name: rng.random(n) for name in ("role", "format", "reflected", "self", "conn")}
    columns: dict[str, list] = {
        "entry_id": [f"syn-{i:012x}" for i in ids.tolist()],
        "client": client,
        "interview_date": _iso(day),
        "company": COMPANIES[rng.integers(0, len(COMPANIES), n)].tolist(),
        "role": _masked(ROLES[rng.integers(0, len(ROLES), n)].tolist(), present["role"] > 0.04),
        "stage": _masked(stage.tolist(), rng.random(n) > 0.03),
        "format": _masked(fmt.tolist(), present["format"] > 0.06),
        "reflected_on": _masked(_iso(reflected), present["reflected"] > 0.05),
        "feeling": _masked(feeling.astype(int).tolist(), rng.random(n) > 0.03),
        "self_score": _masked(self_score.astype(int).tolist(), present["self"] > 0.6),
        "went_well": _lists(rng, WELL, n_well),
        "went_wrong": _lists(rng, WRONG, n_wrong),
        "connection": _masked(connection.astype(int).tolist(), present["conn"] > 0.08),
        "employer_view": _masked(
            EMPLOYER_VIEW[rng.integers(0, len(EMPLOYER_VIEW), n)].tolist(), rng.random(n) > 0.1
        ),
        "plan_b": plan_b,
        "follow_up_requested": [
            {"yes": True, "no": False, "": None}[v] for v in req_value.tolist()
        ],
        "follow_up_date": _masked(_iso(follow_day), (req_value == "yes") & (rng.random(n) > 0.1)),
        "follow_up_response": _masked(response.tolist(), req_value == "yes"),
        "questions_to_ask": _lists(rng, QUESTIONS, rng.choice(4, n, p=[0.2, 0.35, 0.3, 0.15])),
        "outcome": _masked(
            OUTCOMES[rng.choice(len(OUTCOMES), n, p=OUTCOME_P)].tolist(), rng.random(n) > 0.05
        ),
        "notes": _masked(NOTES[rng.integers(0, len(NOTES), n)].tolist(), rng.random(n) < 0.3),
    }
    return [dict(zip(FIELDS, row, strict=True)) for row in zip(*columns.values(), strict=True)]


# -- writers ---------------------------------------------------------------------------


def _action(action: dict[str, Any]) -> str:
    return format_action(Action(action["text"], action["done"]))


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def csv_row(rec: dict[str, Any], columns: Iterable[str], sep: str) -> list[Any]:
    """One CSV row of a record: list fields joined by ``sep`` (``"\\n"`` or ``"; "``).

    Plan B actions are ``{"text", "done"}`` dicts written as ``[x] text``;
    yes/no for booleans, ISO dates, empty cells for missing values.
    """
    row = []
    for name in columns:
        kind = MODEL_FIELDS[name].kind
        value = rec.get(name)
        if kind == "actions":
            row.append(sep.join(_action(a) for a in value or ()))
        elif kind in ("items", "list"):
            row.append(sep.join(value or ()))
        else:
            row.append(_cell(value))
    return row


def write_csv(records: Iterable[dict[str, Any]], path: str | Path) -> Path:
    """One row per record; list cells hold one item per line in every other row and
    ``;``-separated items in the rest (both forms of docs/formats.md)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh, lineterminator="\n")
        out.writerow(FIELDS)
        for i, rec in enumerate(records):
            out.writerow(csv_row(rec, FIELDS, "\n" if i % 2 == 0 else "; "))
    return path


_TAG = re.compile(r"\s*#(\w+)")


def write_jsonl(records: Iterable[dict[str, Any]], path: str | Path, *, mixed: bool = True) -> Path:
    """One JSON object per line, missing values left out. With ``mixed`` (the
    default) every fourth record writes its items as ``{"text", "tags"}``
    objects, every other one its plan B as ``"[x] ..."`` strings, so both forms
    of docs/formats.md appear. ``mixed=False`` writes one shape per field
    (items as strings with inline tags, plan B as ``{"text", "done"}``), which
    ``pyarrow.json.read_json`` can read, for a like-for-like baseline."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    encode = json.JSONEncoder(ensure_ascii=False).encode
    with path.open("w", encoding="utf-8") as fh:
        for i, rec in enumerate(records):
            entry = {k: v for k, v in rec.items() if v is not None}
            if mixed and i % 4 == 0:
                for name in ("went_well", "went_wrong"):
                    entry[name] = [
                        {"text": _TAG.sub("", t), "tags": _TAG.findall(t)} for t in rec[name]
                    ]
            if mixed and i % 2 == 1:
                entry["plan_b"] = [_action(a) for a in rec["plan_b"]]
            fh.write(encode(entry) + "\n")
    return path


_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9 .&'-]*")
_YAML_WORDS = {"yes", "no", "true", "false", "on", "off", "null", "y", "n", "~"}


def _yaml(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    text = str(value)
    if isinstance(value, int) or re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return text
    if _PLAIN.fullmatch(text) and text.lower() not in _YAML_WORDS and not text.endswith(" "):
        return text
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML scalar


_FRONT = fields_where(place="front")
_SECTIONS = fields_where(place="section")
# sections left out when empty (the others are written as prompts)
_OPTIONAL_SECTIONS = frozenset({"notes"})


def _slug(text: str | None) -> str:
    return re.sub(r"[^a-z0-9]+", "-", (text or "interview").lower()).strip("-")


def markdown_text(
    rec: dict[str, Any],
    *,
    headings: dict[str, str] | None = None,
    bullet: str = "-",
    scalar: Callable[[Any], str] | None = None,
    blank: Iterable[str] = (),
) -> str:
    """One record in the Markdown format of docs/formats.md.

    ``headings`` maps a section field to the heading line written for it (by
    default ``## <title>``); ``bullet`` starts items and questions; ``scalar``
    writes a front-matter value; fields in ``blank`` are written as an empty
    ``key:`` line when missing, as a template left unfilled would be.
    """
    write = scalar or _yaml
    left_blank = set(blank)
    lines = ["---"]
    for key in _FRONT:
        value = rec.get(key)
        if value is not None:
            lines.append(f"{key}: {write(value)}")
        elif key in left_blank:
            lines.append(f"{key}:")
    lines.append("---")
    for name in _SECTIONS:
        spec = MODEL_FIELDS[name]
        value = rec.get(name)
        if not value and name in _OPTIONAL_SECTIONS:
            continue
        head = (headings or {}).get(name) or f"## {spec.title}"
        if spec.kind == "actions":
            content = [f"- {_action(a)}" for a in value or ()]
        elif spec.is_list:
            content = [f"{bullet} {text}" for text in value or ()]
        else:
            content = [value] if value else []
        lines += ["", head]
        if content:
            lines += ["", *content]
    return "\n".join(lines) + "\n"


def write_markdown_folder(records: Iterable[dict[str, Any]], folder: str | Path) -> Path:
    """One file per record: ``<folder>/<client>/<date>-<company-slug>-<id>.md``."""
    folder = Path(folder)
    made: set[str] = set()
    for rec in records:
        client = rec.get("client") or "me"
        if client not in made:
            (folder / client).mkdir(parents=True, exist_ok=True)
            made.add(client)
        short = str(rec.get("entry_id") or "").rsplit("-", 1)[-1] or "0"
        name = f"{rec['interview_date']}-{_slug(rec.get('company'))}-{short}.md"
        (folder / client / name).write_text(markdown_text(rec), encoding="utf-8")
    return folder


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "_data")
    parser.add_argument("--n", type=int, default=100_000, help="records (default 100000)")
    parser.add_argument(
        "--markdown", type=int, default=10_000, help="records also written as Markdown files"
    )
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--clients", type=int, default=200)
    args = parser.parse_args(argv)

    start = time.perf_counter()
    records = make_records(args.n, seed=args.seed, clients=args.clients)
    print(f"made {len(records)} records in {time.perf_counter() - start:.1f}s")
    args.out.mkdir(parents=True, exist_ok=True)
    for write, name in ((write_csv, "interviews.csv"), (write_jsonl, "interviews.jsonl")):
        t0 = time.perf_counter()
        write(records, args.out / name)
        print(f"wrote {args.out / name} in {time.perf_counter() - t0:.1f}s")
    if args.markdown:
        md = args.out / "markdown"
        for old in md.glob("*/*.md"):  # earlier runs; only files this script writes
            old.unlink()
        t0 = time.perf_counter()
        write_markdown_folder(records[: args.markdown], md)
        print(
            f"wrote {min(args.markdown, len(records))} files under {md} "
            f"in {time.perf_counter() - t0:.1f}s"
        )


if __name__ == "__main__":
    main()
