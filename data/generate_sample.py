"""Write the fictional sample reflection logs in ``data/sample/``.

Three made-up job seekers keep reflection logs between 2026-03-01 and
2026-08-31, each in a different file format of ``docs/formats.md``:

amara (``data/sample/amara/``, one Markdown file per interview)
    A UX researcher whose recurring weakness *fades*. Nerves and blanking fill
    the "went wrong" lists of her first interviews; she books mock interviews
    and practises (plan B), nerves come up less and less, and her last five
    interviews have none. Her balance of good and bad items improves a little.

ben (``data/sample/ben.csv``, one row per interview)
    A backend engineer whose weakness *persists*. Rambling, long answers and
    not answering directly show up every month, despite the practice in his
    plan B. He does well in technical rounds and tends to stall in the
    behavioural ones.

chloe (``data/sample/chloe.jsonl``, one JSON object per line)
    A marketing manager whose *balance improves* clearly: about one thing that
    went well against four that went wrong at first, four against one at the
    end. She asks for follow-up conversations more often as she goes, and her
    outcomes move from rejected and ghosted to next rounds and, in August, an
    offer.

Everything is fictional: people, companies and events. The files are written
by the plain record writers of ``benchmarks/synth.py``, which loop over the
field specification (``recovery_analytics.model``) but not through the
package's own writers, so the sample stays an independent check of the
readers. It is deterministic:
re-running it rewrites the same bytes. From the repository root::

    python data/generate_sample.py

Change ``SEED`` (or the stories below) and re-run to get a different sample;
the checks at the end of :func:`main` make sure the stories still hold.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import random
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from synth import csv_row, markdown_text  # noqa: E402

from recovery_analytics.model import FIELDS, Action, format_action  # noqa: E402

SEED = 20260301

START = dt.date(2026, 3, 1)
END = dt.date(2026, 8, 31)
SPAN = (END - START).days

OUT = Path(__file__).resolve().parent / "sample"

# -- what people write: items by theme ------------------------------------------
#
# Each theme has items for "went well" and "went wrong". The themes are the ones
# the tagger knows; "misc" items fit none of them on purpose.

POOL: dict[str, dict[str, list[str]]] = {
    "preparation": {
        "well": [
            "Had read their last two annual reports and it showed",
            "Researched the interviewers beforehand - paid off when one mentioned her old team",
            "My one-page prep sheet worked well",
            "Knew their product inside out after using the free trial for a week",
            "Prepared answers for the five questions I dread most",
            "had the job description printed with my notes in the margin",
        ],
        "wrong": [
            "Hadn't looked at their latest product launch",
            "Didn't prepare enough for the case study #preparation",
            "Ran out of prep time because of work and winged the middle part",
            "forgot to reread the job description that morning",
            "Only skimmed their website. They noticed.",
            "Didn't know who the interviewers were until I joined the call",
        ],
    },
    "nerves": {
        "well": [
            "Stayed calm even when I didn't know the answer",
            "Felt steady the whole time - the mock interviews really helped #nerves",
            "breathing exercise in the lift actually worked",
            "Hands didn't shake once!",
        ],
        "wrong": [
            "Was really nervous in the first ten minutes",
            "Heart pounding the whole time #nerves",
            "Got flustered when they interrupted me",
        ],
    },
    "conciseness": {
        "well": [
            "Kept my answers short in the first half",
            "Answered the salary question in one sentence for once",
        ],
        "wrong": [
            "Rambled a bit on the weakness question",
            "Went on too long about my current job",
        ],
    },
    "examples": {
        "well": [
            "Good STAR story about the onboarding redesign #examples",
            "Had the numbers ready: churn down 12% after the change",
            "The story about the failed launch landed well",
            "Gave a concrete example for every behavioural question",
        ],
        "wrong": [
            "No concrete example for stakeholder conflict",
            "Forgot to say what the result was in my STAR answer",
            "Couldn't think of a leadership example on the spot",
            "Used the same story twice",
            "Vague on impact - no metrics at all #examples",
        ],
    },
    "technical": {
        "well": [
            "Technical questions felt comfortable",
            "Knew the tools they use",
        ],
        "wrong": [
            "Weak on the tools they use day to day",
            "One technical question I simply didn't know",
        ],
    },
    "clarity": {
        "well": [
            "Thought aloud through the case and they followed along",
            "Asked a clarifying question before diving in - felt good",
            "Structured my answer in three points and stuck to them",
        ],
        "wrong": [
            "Jumped into the solution without asking clarifying questions",
            "Went silent while thinking instead of talking it through",
            "My explanation was muddled, I could see them frowning",
            "Didn't check what they meant by 'scale' before answering #clarity",
        ],
    },
    "rapport": {
        "well": [
            "Really got on with the hiring manager - we laughed about bad dashboards",
            "Nice chat about hiking before we started",
            "Felt like a conversation, not an interrogation",
            "The panel was warm and I think I matched their energy #rapport",
            "Interviewer shared her own bad interview story, which put me at ease",
        ],
        "wrong": [
            "Couldn't read the second interviewer at all",
            "Felt stiff with the director",
            "Hardly made eye contact on video",
            "didn't click with the panel",
        ],
    },
    "logistics": {
        "well": [
            "Arrived fifteen minutes early and had time for a coffee",
            "Tested the video link the night before - no issues",
        ],
        "wrong": [
            "Was ten minutes late - train cancelled #logistics",
            "Video call crashed twice",
            "My mic kept cutting out",
            "Went to the wrong building and ended up at the other office's reception",
            "Laptop battery died halfway through",
            "Building work next door during the whole call",
        ],
    },
    "questions_for_them": {
        "well": [
            "Asked how they measure success in the first 90 days - good reaction",
            "My question about the team's biggest challenge started a real discussion",
            "Good questions at the end, they said so",
        ],
        "wrong": [
            "Didn't have any questions ready at the end",
            "Asked about holidays first - bad look",
            "Forgot to ask about the team structure",
            "ran out of time for my questions #questions_for_them",
        ],
    },
    "motivation": {
        "well": [
            "Explained why I want to move into this sector and it sounded genuine",
            "Showed real excitement about their mission",
            "Clear answer on why this company and not a competitor",
        ],
        "wrong": [
            "Couldn't say clearly why this company",
            "My 'why are you leaving' answer sounded negative about my current job",
            "Sounded unsure whether I actually want a management role #motivation",
        ],
    },
    "self_presentation": {
        "well": [
            "Tell me about yourself was crisp - the 90-second version",
            "Introduced myself confidently for once",
            "Opened with my elevator pitch and it set the tone",
        ],
        "wrong": [
            "Weak answer to 'tell me about yourself'",
            "Undersold myself on the leadership stuff",
            "Talked down my own achievements again #self_presentation",
            "Intro was all over the place",
        ],
    },
    "compensation": {
        "well": [
            "Gave a salary range confidently and didn't back down",
            "Handled the notice period question well",
        ],
        "wrong": [
            "Named a number too low when they asked about salary #compensation",
            "Awkward on salary expectations",
            "Didn't know the market rate for the role",
            "Said 'whatever you think is fair' - ugh",
        ],
    },
    "follow_up": {
        "well": [
            "Sent a thank-you email the same evening",
            "Followed up with the recruiter after a week and got a reply #follow_up",
            "Asked about next steps before hanging up",
        ],
        "wrong": [
            "Forgot to get the interviewer's email for a thank-you note",
            "Didn't ask about next steps or the timeline",
            "Waited too long to send the thank-you",
        ],
    },
    "time_management": {
        "well": [
            "Finished the case study with time to spare",
            "Paced the presentation well - 18 of 20 minutes",
        ],
        "wrong": [
            "Ran out of time on the exercise #time_management",
            "Spent too long on the first question",
            "Presentation ran over and they had to stop me",
            "Didn't leave time to check my work",
        ],
    },
    "misc": {
        "well": [
            "The office was lovely - plants everywhere",
            "Great coffee",
            "Recruiter was lovely and very clear about the process",
            "Nice view from the 12th floor",
            "Met a former colleague in the lift!",
            "They have an office dog. Very distracting in a good way",
            "treated myself to lunch by the river afterwards",
        ],
        "wrong": [
            "Long commute, 1h20 each way",
            "It was raining and I got soaked on the way",
            "They were running twenty minutes late",
            "Forgot my umbrella",
            "Office felt very quiet and a bit cold",
            "The interviewer's cat walked across the keyboard mid-answer",
            "Parking was a nightmare",
        ],
    },
}

# Each client adds items in her or his own words; these are mixed into the
# shared pool (technical and examples depend on the job).
CLIENT_POOL: dict[str, dict[str, dict[str, list[str]]]] = {
    "amara": {
        "nerves": {
            "wrong": [
                "Blanked on the 'tell me about a failure' question #nerves",
                "Mind went completely blank when they asked about research ops",
                "Voice was shaky for the first ten minutes",
                "Hands were shaking so I kept them under the desk",
                "Froze when a second interviewer joined unannounced",
                "Lost my train of thought halfway through the portfolio walkthrough #nerves",
                "So nervous I forgot the name of my own project for a second",
                "Got flustered when they challenged my sample size and never really recovered",
                "blanked on a method I use every single week",
                "Apologised far too much - nerves talking",
                "Went red and quiet when they asked about the gap in my CV. "
                "I knew the answer, I'd practised it, it just wasn't there.",
                "nerves again. talked too fast and forgot half of what I wanted to say",
            ],
            "well": [
                "Felt calm the whole time - two mocks with Dee last week made the difference",
                "Didn't blank once, even on the failure question #nerves",
                "Paused, breathed, answered. It works!",
                "Enjoyed it, honestly. Didn't expect to say that.",
            ],
        },
        "technical": {
            "well": [
                "Methods question on diary studies went really well",
                "Walked them through my synthesis board and they loved the affinity map",
                "Good answer on when not to run a survey #technical",
                "Handled the usability test critique exercise well",
            ],
            "wrong": [
                "Shaky on quantitative methods - couldn't explain significance simply",
                "Didn't know their research repository tool",
                "Portfolio case study had no clear research question up front",
            ],
        },
        "examples": {
            "well": [
                "Told the checkout research story with the 9% conversion lift",
                "STAR story about convincing the PM to delay the launch went down well",
            ],
            "wrong": [
                "My example for influencing stakeholders was too small",
                "Forgot the numbers from the accessibility audit",
            ],
        },
    },
    "ben": {
        "conciseness": {
            "wrong": [
                "Rambled on 'tell me about yourself' - easily five minutes #conciseness",
                "Went on way too long about the payments migration",
                "Didn't answer the question directly, they had to ask it again",
                "Long-winded intro to the system design, lost them I think",
                "Talked in circles about why I'm leaving",
                "Over-explained the caching bug and they glanced at the clock",
                "They cut me off twice to move on #conciseness",
                "gave the whole history of the project instead of my part in it",
                "My answers were too long again. Started strong, then kept adding "
                "detail nobody asked for.",
                "Took ten minutes on a question that needed two",
                "Never got to the point on the conflict question",
                "rambling. again.",
                "Answered a yes/no question with a lecture #conciseness",
                "Buried the actual answer under all the context",
            ],
            "well": [
                "Kept the intro under two minutes - timed it on my watch",
            ],
        },
        "technical": {
            "well": [
                "Nailed the SQL window function question",
                "Live coding went smoothly - wrote tests first and they liked that #technical",
                "Explained the trade-offs between a queue and a cron job clearly",
                "System design: sensible answer for sharding and read replicas",
                "Spotted the off-by-one bug in their sample code quickly",
                "Good discussion on idempotency and retries",
                "Solved the graph problem with time to spare",
                "They seemed impressed by the Postgres locking answer",
                "Debugging exercise was fun, found the race condition",
                "Strong on observability - talked through our tracing setup",
            ],
            "wrong": [
                "Got stuck on the dynamic programming question",
                "Weak on Kubernetes questions #technical",
                "Forgot the exact asyncio API under pressure",
                "Didn't know much about event sourcing",
            ],
        },
        "examples": {
            "well": [
                "Good STAR story about the outage post-mortem",
                "Had numbers: p99 latency from 800ms to 120ms",
            ],
            "wrong": [
                "Leadership example was really a technical story",
                "No example ready for disagreeing with a manager",
            ],
        },
    },
    "chloe": {
        "examples": {
            "well": [
                "Campaign story with real numbers: 40% more sign-ups in a quarter #examples",
                "Walked through the rebrand launch step by step, they took notes",
                "Good example of working with a tiny budget",
                "Had my results deck ready and shared screen at the right moment",
            ],
            "wrong": [
                "Couldn't give numbers for the newsletter campaign",
                "Talked about what the team did, not what I did",
            ],
        },
        "technical": {
            "well": [
                "Knew my way around their analytics setup",
                "Case study on channel mix went well #technical",
                "Good answer on attribution models",
            ],
            "wrong": [
                "Weak on paid social questions",
                "Didn't know how to answer the SEO question properly",
                "Case study maths fell apart under time pressure",
            ],
        },
        "follow_up": {
            "well": [
                "Asked for a second conversation before we hung up - she said yes!",
                "Emailed the hiring manager a one-page follow-up the next day",
            ],
            "wrong": [
                "Didn't ask about next steps, just said thanks and left",
                "Never followed up after the screen",
            ],
        },
    },
}

TAG_FOR = {theme: theme for theme in POOL if theme != "misc"}

# Items that only make sense in the office, or only on a call.
IN_PERSON_ONLY = {
    "breathing exercise in the lift actually worked",
    "Arrived fifteen minutes early and had time for a coffee",
    "Was ten minutes late - train cancelled #logistics",
    "Went to the wrong building and ended up at the other office's reception",
    "The office was lovely - plants everywhere",
    "Great coffee",
    "Nice view from the 12th floor",
    "Met a former colleague in the lift!",
    "They have an office dog. Very distracting in a good way",
    "Long commute, 1h20 each way",
    "It was raining and I got soaked on the way",
    "Forgot my umbrella",
    "Office felt very quiet and a bit cold",
    "Parking was a nightmare",
    "Hands were shaking so I kept them under the desk",
}
VIDEO_ONLY = {
    "Tested the video link the night before - no issues",
    "Video call crashed twice",
    "Hardly made eye contact on video",
    "The interviewer's cat walked across the keyboard mid-answer",
    "Had my results deck ready and shared screen at the right moment",
}
REMOTE_ONLY = {
    "My mic kept cutting out",
    "Laptop battery died halfway through",
    "Building work next door during the whole call",
    "Asked for a second conversation before we hung up - she said yes!",
    "Asked about next steps before hanging up",
}


def fits(text: str, medium: str) -> bool:
    """Whether an item can happen in an interview held in this format."""
    if text in IN_PERSON_ONLY:
        return medium == "in_person"
    if text in VIDEO_ONLY:
        return medium == "video"
    if text in REMOTE_ONLY:
        return medium != "in_person"
    return True


# -- the rest of a reflection -------------------------------------------------------

EMPLOYER_VIEW = {
    "low": [
        "Honestly, I think they saw someone nervous and a bit scattered.",
        "They probably thought I was underprepared for the case.",
        "I think I seemed more junior than I am.",
        "Probably not a great impression: polite, but they couldn't tell what I'd bring.",
        "They were kind about it, but I don't think I convinced them.",
    ],
    "mid": [
        "Mixed. I think they liked my experience but weren't sure about the fit.",
        "Probably a solid candidate on paper who didn't quite come alive in the room.",
        "I think they saw potential but wanted more evidence.",
        "Decent impression, I think. Nothing that stood out either way.",
    ],
    "high": [
        "I think they saw a calm, well-prepared candidate who'd fit the team.",
        "They seemed genuinely interested - I came across as a safe pair of hands.",
        "Good impression, I'm fairly sure. They started talking about 'when' not 'if'.",
        "They looked engaged the whole way through; I think they could picture me in the role.",
    ],
}
CLIENT_VIEW = {
    "amara": {
        "low": [
            "I think they saw someone who knows research but couldn't show it under pressure.",
            "Probably looked nervous. I hope the portfolio spoke for itself.",
        ],
        "mid": [
            "They liked the portfolio; I'm not sure they saw much of me behind it.",
            "A capable researcher who took a while to warm up, I'd guess.",
        ],
        "high": [
            "Calm and thoughtful, I think - the person I am on a good day at work.",
        ],
    },
    "ben": {
        "low": [
            "Technically strong, but I probably came across as someone who can't summarise.",
            "I think they'd worry about putting me in front of stakeholders.",
        ],
        "mid": [
            "Solid engineer, a bit long-winded - that's what I'd have written about me.",
            "They liked the technical answers; the long ones probably cost me.",
        ],
        "high": [
            "Strong technical round, and for once I think I sounded crisp.",
        ],
    },
    "chloe": {
        "low": [
            "I think they saw someone who didn't really know why she was there.",
        ],
        "mid": [
            "Good ideas, not enough proof yet - that's probably their view.",
        ],
        "high": [
            "I think they saw someone who could run the channel from day one.",
            "Confident and prepared. They asked when I could start, which felt good.",
        ],
    },
}

PLAN_B_GENERAL = [
    "Apply to two similar roles this week",
    "Ask the recruiter for feedback",
    "Reach out to a former colleague about openings at her company",
    "Refresh my CV with the latest numbers",
    "Set up job alerts for hybrid roles",
    "Go to the meetup on Thursday and talk to at least two people",
    "Keep applying - three applications by Friday",
    "Take a proper day off this weekend",
    "Write down three things that went well today",
]
PLAN_B_CLIENT = {
    "amara": [
        "Update the portfolio with the accessibility case study",
        "Message Sam about the research ops role at his company",
        "Apply to two in-house research roles",
    ],
    "ben": [
        "Apply to two platform roles",
        "Finish the side project README so it's linkable",
        "Ask Tom for a referral at his company",
    ],
    "chloe": [
        "Write a 30-60-90 day plan for the next application",
        "Put the campaign results into a one-page deck",
        "Ask the recruiter for feedback",
        "Apply to two brand roles and one growth role",
    ],
}
# Story actions: what each client does about the recurring weakness.
PLAN_B_PRACTICE = {
    "amara": [
        "Book two mock interviews with a friend",
        "Practise the failure story out loud five times",
        "Try box breathing before the next call",
        "Record a mock interview and watch it back",
        "Join the Tuesday speaking practice group at the library",
        "Do one more mock with Dee, this time on video",
    ],
    "ben": [
        "Time my answers - two minutes max",
        "Write 60-second versions of my top five stories",
        "Ask Priya to stop me in a mock whenever I ramble",
        "Practise 'answer first, then detail'",
        "Record myself answering 'tell me about yourself' and cut it in half",
        "Put a sticky note on the monitor: THE POINT FIRST",
    ],
    "chloe": [
        "Send a follow-up asking for a second conversation",
        "Prepare three campaign stories with numbers",
    ],
}

QUESTIONS = [
    "What does success look like in the first 90 days?",
    "What's the biggest challenge the team is facing this year?",
    "How do you support learning and development?",
    "What would make someone really thrive in this team?",
    "What's something you'd change about how the team works?",
    "Who would I be working with most closely?",
    "How has the role changed since it was created?",
    "What are the next steps and the timeline?",
    "Is there anything about my background that gives you pause?",
    "How do you give feedback here?",
]
CLIENT_QUESTIONS = {
    "amara": [
        "How are research findings used in product decisions?",
        "Who decides what gets researched?",
        "How many researchers are there per product team?",
    ],
    "ben": [
        "What does the on-call rotation look like?",
        "How do you balance tech debt against features?",
        "How do you decide when to build versus buy?",
    ],
    "chloe": [
        "How is the budget split between brand and performance?",
        "How do marketing and sales agree on what a good lead is?",
        "What did the last campaign you were proud of look like?",
    ],
}

NOTES = [
    "Recruiter said they'd be in touch within two weeks.",
    "Three days a week in the office.",
    "Interviewer used to work with someone I know.",
    "Felt drained afterwards. Took the evening off, which was the right call.",
    "Good day overall.",
    "They're hiring two people for this role.",
    "Salary band not mentioned.",
    "Long day - two interviews back to back.",
]

ROLES = {
    "amara": ["UX Researcher", "Senior UX Researcher", "User Researcher", "Service Designer"],
    "ben": [
        "Backend Engineer",
        "Senior Software Engineer",
        "Platform Engineer",
        "Python Developer",
    ],
    "chloe": ["Marketing Manager", "Content Marketing Lead", "Growth Marketer", "Brand Manager"],
}

COMPANIES = [
    "Brightmoor Analytics",
    "Quillmere Publishing",
    "Tallowbrook Health",
    "Fennick Freight",
    "Copperwren Bank",
    "Larchfield Insurance",
    "Saltwhistle Games",
    "Mossgate Software",
    "Thistlewood Foods",
    "Orchard & Vine",
    "Pellucid Labs",
    "Greywillow Energy",
    "Kittering Travel",
    "Amberlane Studios",
    "Hollowmere Housing",
    "Riverlight Learning",
    "Marlstone Retail",
    "Cobbleby Logistics",
    "Wrenfield Council Services",
    "Juniper Reach",
    "Starling & Finch",
    "Oxbow Mobility",
    "Velvetine Cosmetics",
    "Tinderbox Media",
    "Ashgrove Pharma",
    "Nettlefold Robotics",
    "Bramblecote Charity Trust",
    "Lumenfold",
    "Pebbleshore Bank",
    "Glasswing Health",
]

PIPELINES = {
    "amara": [
        ["screen", "technical", "panel", "final"],
        ["phone", "onsite", "final"],
        ["screen", "panel", "final"],
    ],
    "ben": [
        ["screen", "technical", "onsite", "final"],
        ["phone", "technical", "panel", "final"],
        ["screen", "technical", "final"],
    ],
    "chloe": [
        ["screen", "panel", "final"],
        ["phone", "onsite", "final"],
        ["screen", "technical", "panel", "final"],
    ],
}

# How ben writes stages and formats in his spreadsheet (all documented synonyms).
BEN_STAGE = {
    "technical": ["technical", "tech screen"],
    "onsite": ["onsite", "on-site"],
    "final": ["final", "final round"],
    "phone": ["phone screen", "phone"],
}
BEN_FORMAT = {"video": ["video", "zoom", "Zoom"], "in_person": ["in person", "in_person"]}


# -- the story engine -------------------------------------------------------------------


@dataclass
class Interview:
    client: str
    date: dt.date
    company: str
    role: str
    stage: str
    format: str
    app: int
    outcome: str = "pending"
    fields: dict = field(default_factory=dict)


def weekday(day: dt.date) -> dt.date:
    """Move a Saturday or Sunday to the following Monday."""
    return day + dt.timedelta(days=(7 - day.weekday()) % 7 if day.weekday() >= 5 else 0)


def pass_probability(client: str, t: float, stage: str) -> float:
    """Chance of moving to the next round, by client story and time (0..1)."""
    if client == "amara":
        return min(0.85, 0.2 + 0.45 * t + (0.2 if stage in ("screen", "phone") else 0.0))
    if client == "ben":  # technical rounds go well, behavioural ones stall
        return 0.8 if stage in ("screen", "phone", "technical") else 0.15
    return 0.1 + 0.75 * t  # chloe


def failed_outcome(rng: random.Random, client: str, t: float) -> str:
    if client == "chloe" and t < 0.5:
        return rng.choice(["rejected", "rejected", "ghosted", "ghosted"])
    return rng.choices(["rejected", "ghosted", "withdrew"], weights=[6, 3, 1])[0]


def timeline(rng: random.Random, client: str, n_apps: int) -> list[Interview]:
    """Applications spread over the period, each running through its rounds."""
    companies = rng.sample(COMPANIES, n_apps)
    interviews: list[Interview] = []
    dream = n_apps - 2 if client == "chloe" else -1  # chloe's offer, see below
    for app in range(n_apps):
        start_day = int(app * (SPAN - 12) / n_apps) + rng.randint(0, 8)
        day = weekday(START + dt.timedelta(days=start_day))
        if app == dream:
            day = weekday(dt.date(2026, 7, 6) + dt.timedelta(days=rng.randint(0, 4)))
        stages = rng.choice(PIPELINES[client])
        if app == dream:
            stages = ["screen", "technical", "panel", "final"]
        role = rng.choice(ROLES[client])
        for k, stage in enumerate(stages):
            if day > END:
                break
            t = (day - START).days / SPAN
            iv = Interview(client, day, companies[app], role, stage, fmt(rng, stage), app)
            interviews.append(iv)
            passed = app == dream or rng.random() < pass_probability(client, t, stage)
            last = k == len(stages) - 1
            if passed and last:
                # chloe's only offer is her dream process; amara's can only come late
                late = client == "amara" and t > 0.8
                iv.outcome = "offer" if app == dream or late or client == "ben" else "rejected"
            elif passed:
                iv.outcome = "next_round"
            else:
                iv.outcome = failed_outcome(rng, client, t)
            if (END - day).days <= 14 and iv.outcome not in ("offer", "next_round"):
                iv.outcome = "pending"  # too recent to know
            if not passed:
                break
            day = weekday(
                day + dt.timedelta(days=rng.randint(6, 13) if app == dream else rng.randint(5, 16))
            )
    interviews.sort(key=lambda iv: (iv.date, iv.company))
    if client == "chloe":
        offer_day = max(iv.date for iv in interviews if iv.app == dream)
        kept = [iv for iv in interviews if iv.app == dream or iv.date < offer_day]
        # the other processes still running end there: she withdrew
        for app in {iv.app for iv in kept} - {dream}:
            last_iv = [iv for iv in kept if iv.app == app][-1]
            if last_iv.outcome in ("next_round", "pending"):
                last_iv.outcome = "withdrew"
                last_iv.fields["withdrew_for"] = companies[dream]
        interviews = kept
    return interviews


class Writer:
    """Picks items, actions and questions for one client, favouring fresh phrasing."""

    def __init__(self, rng: random.Random, client: str) -> None:
        self.rng = rng
        self.client = client
        self.used: Counter[str] = Counter()

    def pool(self, theme: str, side: str) -> list[str]:
        own = CLIENT_POOL[self.client].get(theme, {}).get(side, [])
        if theme == "technical" and own:
            return own
        if theme == "nerves" and side == "wrong" and own:
            return own
        return POOL[theme][side] + own

    def pick(self, options: list[str], avoid: set[str], medium: str = "") -> str:
        fresh = [o for o in options if o not in avoid and fits(o, medium)] or options
        weights = [1.0 / (1 + 2 * self.used[o]) for o in fresh]
        choice = self.rng.choices(fresh, weights=weights)[0]
        self.used[choice] += 1
        return choice

    def item(self, theme: str, side: str, avoid: set[str], medium: str) -> str:
        text = self.pick(self.pool(theme, side), avoid, medium)
        avoid.add(text)
        if theme != "misc" and "#" not in text and self.rng.random() < 0.12:
            text += f" #{TAG_FOR[theme]}"
        words = text.split(" ", 1)
        if words[0][:1].isupper() and words[0][1:].islower() and self.rng.random() < 0.1:
            text = text[0].lower() + text[1:]
        return text

    def items(
        self, weights: dict[str, float], n: int, side: str, forced: list[str], medium: str
    ) -> list[tuple[str, str]]:
        """``forced`` themes first, then themes drawn by weight; (theme, text) pairs."""
        chosen = list(forced)
        themes = list(weights)
        while len(chosen) < n:
            theme = self.rng.choices(themes, weights=[weights[t] for t in themes])[0]
            if theme != "misc" and theme in chosen:
                continue
            chosen.append(theme)
        avoid: set[str] = set()
        out = [(theme, self.item(theme, side, avoid, medium)) for theme in chosen[:n]]
        self.rng.shuffle(out)
        return out


WRONG_WEIGHTS = {
    "amara": {
        "preparation": 1,
        "examples": 2,
        "self_presentation": 2,
        "clarity": 1.5,
        "questions_for_them": 1,
        "logistics": 1,
        "rapport": 1,
        "compensation": 1,
        "time_management": 1,
        "technical": 1,
        "misc": 0.8,
    },
    "ben": {
        "time_management": 2,
        "clarity": 1.5,
        "self_presentation": 1.5,
        "examples": 1,
        "compensation": 1,
        "motivation": 1,
        "logistics": 1,
        "technical": 0.7,
        "questions_for_them": 0.7,
        "misc": 0.6,
    },
    "chloe": {
        "preparation": 2,
        "motivation": 2,
        "examples": 2,
        "follow_up": 1.5,
        "questions_for_them": 1.5,
        "compensation": 1,
        "rapport": 1,
        "logistics": 1,
        "self_presentation": 1.5,
        "clarity": 1,
        "technical": 1,
        "time_management": 0.7,
        "misc": 0.8,
    },
}
WELL_WEIGHTS = {
    "amara": {
        "rapport": 2,
        "preparation": 2,
        "examples": 2,
        "questions_for_them": 1.5,
        "technical": 2,
        "motivation": 1.5,
        "follow_up": 1,
        "clarity": 1,
        "misc": 1,
    },
    "ben": {
        "technical": 5,
        "examples": 1,
        "preparation": 1.5,
        "rapport": 1,
        "clarity": 1,
        "time_management": 0.6,
        "misc": 0.6,
    },
    "chloe": {
        "examples": 2,
        "rapport": 2,
        "motivation": 2,
        "preparation": 2,
        "follow_up": 1.2,
        "questions_for_them": 1.2,
        "self_presentation": 1,
        "technical": 1,
        "compensation": 0.8,
        "clarity": 0.8,
        "misc": 1,
    },
}


def clamp(value: float, low: int, high: int) -> int:
    return max(low, min(high, round(value)))


def reflect(rng: random.Random, w: Writer, iv: Interview, i: int, n: int) -> None:
    """Fill in the five recovery steps for one interview, following the story."""
    client = iv.client
    t = (iv.date - START).days / SPAN
    pos = i / (n - 1)
    f = iv.fields
    forced_wrong: list[str] = []
    forced_well: list[str] = []
    if client == "amara":
        n_wrong = 3 if pos < 0.5 else rng.choice([2, 2, 3])
        n_well = rng.choice([1, 2, 2]) if pos < 0.5 else rng.choice([2, 3, 3])
        if i < n // 2:  # nerves dominate the first half
            forced_wrong = ["nerves"] * (2 if rng.random() < 0.4 else 1)
        elif i < n - 5 and rng.random() < 0.75 - 0.6 * (i - n // 2) / max(1, n - 5 - n // 2):
            forced_wrong = ["nerves"]
        if i >= n - 5 and rng.random() < 0.6:
            forced_well = ["nerves"]  # calm, and she notices
        feeling = clamp(1.8 + 1.8 * pos + rng.gauss(0, 0.5), 1, 5)
        connection = clamp(2.4 + 1.2 * pos + rng.gauss(0, 0.7), 1, 5)
    elif client == "ben":
        n_wrong = rng.choice([2, 3, 3])
        n_well = rng.choice([2, 2, 3])
        forced_wrong = ["conciseness"] if rng.random() < 0.8 else []
        forced_well = ["technical"] if iv.stage == "technical" else []
        feeling = clamp(3.1 - 0.4 * t + rng.gauss(0, 0.6), 1, 5)
        connection = clamp(3 + (0.6 if iv.stage == "technical" else -0.4) + rng.gauss(0, 0.6), 1, 5)
    else:
        noisy = 0.15 < pos < 0.85
        n_well = clamp(1 + 3 * pos + (rng.choice([-1, 0, 0, 1]) if noisy else 0), 0, 5)
        n_wrong = clamp(4 - 3 * pos + (rng.choice([-1, 0, 0, 1]) if noisy else 0), 0, 5)
        feeling = clamp(1.2 + 3.6 * pos + rng.gauss(0, 0.5), 1, 5)
        connection = clamp(1.8 + 2.8 * pos + rng.gauss(0, 0.6), 1, 5)

    f["went_well"] = w.items(WELL_WEIGHTS[client], n_well, "well", forced_well, iv.format)
    f["went_wrong"] = w.items(WRONG_WEIGHTS[client], n_wrong, "wrong", forced_wrong, iv.format)
    f["feeling"] = feeling
    f["connection"] = connection if rng.random() > 0.06 else None
    share = {"amara": 0.5, "ben": 1.0, "chloe": 0.25}[client]
    if rng.random() < share:
        f["self_score"] = clamp(2 * feeling + rng.gauss(0, 1), 1, 10)
    f["reflected_on"] = iv.date + dt.timedelta(days=rng.choice([0, 0, 1, 1, 1, 2, 3]))

    # step 3: the employer's perspective
    balance = len(f["went_well"]) - len(f["went_wrong"]) + (feeling - 3)
    tone = "low" if balance <= -2 else "high" if balance >= 2 else "mid"
    if rng.random() > 0.08:
        f["employer_view"] = rng.choice(EMPLOYER_VIEW[tone] + CLIENT_VIEW[client][tone] * 2)

    # step 4: plan B - practice actions from the first weeks on, plus general ones
    actions: list[tuple[str, bool]] = []
    practise = {
        "amara": 2 <= i < n - 3,
        "ben": i >= 1,
        "chloe": pos > 0.3,
    }[client]
    done_p = 0.75 - 0.45 * t
    if practise and rng.random() < 0.8:
        text = w.pick(PLAN_B_PRACTICE[client], set())
        done = rng.random() < (0.9 if client == "amara" else done_p + 0.1)
        actions.append((text, done))
    for _ in range(rng.choice([0, 1, 1, 2])):
        text = w.pick(PLAN_B_GENERAL + PLAN_B_CLIENT[client], {a for a, _ in actions})
        actions.append((text, rng.random() < done_p))
    f["plan_b"] = actions

    # step 5: ask for another interview, with smart questions ready
    request_p = {"amara": 0.25 + 0.3 * t, "ben": 0.4, "chloe": 0.05 + 0.9 * t}[client]
    if iv.outcome == "withdrew":
        request_p = 0.0
    if rng.random() < request_p:
        f["follow_up_requested"] = True
        if rng.random() > 0.1:
            f["follow_up_date"] = iv.date + dt.timedelta(days=rng.randint(1, 5))
        f["follow_up_response"] = {
            "next_round": "granted",
            "offer": "granted",
            "rejected": "declined",
            "ghosted": "no_response",
            "pending": "pending",
        }[iv.outcome]
    else:
        f["follow_up_requested"] = False if rng.random() > 0.1 else None
    k = rng.choice([0, 1, 2, 2, 3])
    f["questions_to_ask"] = rng.sample(QUESTIONS + CLIENT_QUESTIONS[client] * 2, k)
    # the duplicated list can repeat a question; keep the first
    f["questions_to_ask"] = list(dict.fromkeys(f["questions_to_ask"]))

    notes = ""
    offer_from = f.pop("withdrew_for", None)
    if offer_from:
        notes = f"Update: withdrew after accepting the offer from {offer_from}."
    elif rng.random() < 0.35:
        notes = rng.choice(NOTES)
    f["notes"] = notes or None


def build(rng: random.Random, client: str, n_apps: int) -> list[Interview]:
    interviews = timeline(rng, client, n_apps)
    w = Writer(rng, client)
    for i, iv in enumerate(interviews):
        reflect(rng, w, iv, i, len(interviews))
    return interviews


# -- writers --------------------------------------------------------------------------


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def yaml_scalar(value: object) -> str:
    """A front-matter value that reads back as itself."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dt.date | int):
        return str(value)
    text = str(value)
    if yaml.safe_load(f"k: {text}") == {"k": text}:
        return text
    return json.dumps(text, ensure_ascii=False)


# the heading styles people use, by section field (the model's titles are "plain")
HEADINGS = {
    "what": {
        "went_well": "## What went well",
        "went_wrong": "## Could have gone better",
        "employer_view": "## Impression",
        "plan_b": "## Next steps",
        "questions_to_ask": "## Questions for next time",
        "notes": "## Anything else",
    },
    "colon": {
        "went_well": "### Wins:",
        "went_wrong": "### To improve:",
        "employer_view": "### Their perspective:",
        "plan_b": "### Contingency plan:",
        "questions_to_ask": "### Smart questions:",
        "notes": "### Other notes:",
    },
}


def record(iv: Interview) -> dict[str, object]:
    """The interview's fields as a plain record: field name -> value (``None`` if missing)."""
    f = iv.fields
    rec: dict[str, object] = {name: f.get(name) for name in FIELDS}
    for name in ("client", "company", "role", "stage", "format", "outcome"):
        rec[name] = getattr(iv, name)
    rec["interview_date"] = iv.date
    for name in ("went_well", "went_wrong"):
        rec[name] = [text for _, text in f[name]]
    rec["plan_b"] = [{"text": text, "done": done} for text, done in f["plan_b"]]
    return rec


def markdown(rng: random.Random, iv: Interview) -> str:
    rec = record(iv)
    if rng.random() >= 0.2:
        rec["client"] = None
    if rng.random() <= 0.05:
        rec["role"] = None  # a template line left blank
    style = rng.choices(["plain", "what", "colon"], weights=[6, 2, 1])[0]
    bullet = "*" if rng.random() < 0.15 else "-"
    return markdown_text(
        rec, headings=HEADINGS.get(style), bullet=bullet, scalar=yaml_scalar, blank=["role"]
    )


def fmt(rng: random.Random, stage: str) -> str:
    if stage in ("screen", "phone"):
        return "phone" if stage == "phone" or rng.random() < 0.5 else "video"
    if stage == "onsite":
        return "in_person"
    if stage == "technical":
        return "video" if rng.random() < 0.85 else "in_person"
    return "in_person" if rng.random() < 0.5 else "video"


def write_amara(rng: random.Random, interviews: list[Interview]) -> list[Path]:
    folder = OUT / "amara"
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.md"):
        old.unlink()
    paths = []
    for iv in interviews:
        key = f"{iv.client}|{iv.date.isoformat()}|{iv.company}"
        short = hashlib.sha1(key.encode("utf-8")).hexdigest()[:6]
        path = folder / f"{iv.date.isoformat()}-{slug(iv.company)}-{short}.md"
        path.write_text(markdown(rng, iv), encoding="utf-8")
        paths.append(path)
    return paths


CSV_COLUMNS = [name for name in FIELDS if name != "entry_id"]


def write_ben(rng: random.Random, interviews: list[Interview]) -> Path:
    path = OUT / "ben.csv"
    forms = ["lines" if i % 2 == 0 else "semicolons" for i in range(len(interviews))]
    rng.shuffle(forms)
    with path.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh, lineterminator="\n")
        out.writerow(CSV_COLUMNS)
        for iv, form in zip(interviews, forms, strict=True):
            sep = "\n" if form == "lines" else "; "
            rec = record(iv)
            rec["stage"] = rng.choice(BEN_STAGE.get(iv.stage, [iv.stage]))
            rec["format"] = rng.choice(BEN_FORMAT.get(iv.format, [iv.format]))
            out.writerow(csv_row(rec, CSV_COLUMNS, sep))
    return path


# written as null when missing, as a form's export would; other missing fields are left out
NULL_WHEN_MISSING = ("connection", "follow_up_requested")


def write_chloe(rng: random.Random, interviews: list[Interview]) -> Path:
    path = OUT / "chloe.jsonl"
    lines = []
    for iv in interviews:
        f = iv.fields

        def item(theme: str, text: str) -> object:
            if rng.random() < 0.3:
                plain = re.sub(r"\s*#\w+", "", text)
                return {"text": plain, "tags": [] if theme == "misc" else [theme]}
            return text

        as_objects = rng.random() < 0.6
        rec = record(iv)
        entry: dict[str, object] = {}
        for name in CSV_COLUMNS:
            kind = FIELDS[name].kind
            value = rec[name]
            if kind == "items":
                value = [item(theme, text) for theme, text in f[name]]
            elif kind == "actions":
                value = [a if as_objects else format_action(Action(**a)) for a in rec[name]]
            elif value is None or value == "":
                if name not in NULL_WHEN_MISSING:
                    continue
            elif isinstance(value, dt.date):
                value = value.isoformat()
            entry[name] = value
        lines.append(json.dumps(entry, ensure_ascii=False))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# -- main --------------------------------------------------------------------------------


def check(stories: dict[str, list[Interview]]) -> None:
    """Fail loudly if a change to the seed or pools broke one of the stories."""
    for client, ivs in stories.items():
        if not 12 <= len(ivs) <= 25:
            raise SystemExit(f"{client}: {len(ivs)} interviews, expected 12-25")
    amara = stories["amara"]
    nerves = [sum(th == "nerves" for th, _ in iv.fields["went_wrong"]) for iv in amara]
    if not all(nerves[: len(amara) // 2]) or any(nerves[-5:]):
        raise SystemExit(f"amara: nerves story broken: {nerves}")
    ben = stories["ben"]
    months = Counter(
        iv.date.month for iv in ben if any(th == "conciseness" for th, _ in iv.fields["went_wrong"])
    )
    if set(months) != set(range(3, 9)):
        raise SystemExit(f"ben: conciseness missing in some month: {dict(months)}")
    if any(iv.outcome == "offer" for iv in ben):
        raise SystemExit("ben: no offer in his story (see data/sample/README.md)")
    if amara[-1].outcome != "pending" or any(iv.outcome == "offer" for iv in amara):
        raise SystemExit("amara: her last final round should still be pending")
    chloe = stories["chloe"]
    if chloe[-1].outcome != "offer" or any(iv.outcome == "offer" for iv in chloe[:-1]):
        raise SystemExit("chloe: the offer should come last")


# How many job processes each client goes through over the six months.
APPLICATIONS = {"amara": 11, "ben": 8, "chloe": 11}


def main() -> None:
    rng = random.Random(SEED)
    stories = {client: build(rng, client, n_apps) for client, n_apps in APPLICATIONS.items()}
    check(stories)
    OUT.mkdir(parents=True, exist_ok=True)
    paths = write_amara(rng, stories["amara"])
    write_ben(rng, stories["ben"])
    write_chloe(rng, stories["chloe"])
    for client, ivs in stories.items():
        print(f"{client}: {len(ivs)} interviews")
    print(f"wrote {len(paths)} Markdown files, ben.csv and chloe.jsonl under {OUT}")


if __name__ == "__main__":
    main()
