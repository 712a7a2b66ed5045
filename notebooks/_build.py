"""Write the four notebooks in this folder from the cells below.

The notebooks are generated so that they stay small, reviewable and free of
outputs: edit the cells here, then run, from the project folder::

    .venv/bin/python notebooks/_build.py          # rewrite the notebooks
    .venv/bin/python notebooks/_build.py --check  # exit 1 if one is out of date

Every notebook has a short introduction, one cell tagged ``parameters`` (the
only cell a reader needs to change) and otherwise only calls into
``recovery_analytics``. The tests run them top to bottom with nbclient
(``tests/notebooks``) and in a real browser (``tests/browser``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import nbformat

HERE = Path(__file__).resolve().parent

KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}

# The parameters cells read the journal, export folder and client from these
# environment variables when they are set (the browser tests and a coach's
# Voila page use them, see docs/voila.md).
JOURNAL_ENV = "RA_JOURNAL"
EXPORTS_ENV = "RA_EXPORTS"
CLIENT_ENV = "RA_CLIENT"
# set by `recovery-analytics form`: the page is that one client's (EntryForm(only_client=))
ONLY_CLIENT_ENV = "RA_ONLY_CLIENT"

Cell = tuple[str, str, str]  # (kind, id, source)


def md(cell_id: str, text: str) -> Cell:
    return ("markdown", cell_id, text.strip("\n"))


def code(cell_id: str, text: str) -> Cell:
    return ("code", cell_id, text.strip("\n"))


def params(text: str) -> Cell:
    return ("parameters", "parameters", text.strip("\n"))


PROBLEMS = """
from recovery_analytics.notebook import show_problems

show_problems(log)  # what could not be read (and warnings), one click away
"""

PATHS_NOTE = """\
# Relative paths start from the project folder (the one holding data/ and
# notebooks/), wherever this notebook runs from. Absolute paths work too."""


CAPTURE = [
    md(
        "intro",
        """
# 1 · Capture an interview

You have just come out of an interview - well done for going. This notebook
is a form for writing down what happened while it is fresh: what went well,
what went wrong, how you felt, and what you will do next (your plan B).

A few lines are enough. Only the date is required; every other field can stay
empty and be filled in later. Nothing leaves your computer: each interview is
saved as a small Markdown file in your journal folder, which you can also
open and edit in any text editor.

**How to use it:** in JupyterLab, run all cells (menu *Run → Run All
Cells*); then fill in the form at the bottom and press **Save**.
""",
    ),
    params(
        f"""
import os

{PATHS_NOTE}
data_path = "data/sample"  # example logs of three made-up job seekers; only ever read
journal_location = os.environ.get("{JOURNAL_ENV}", "journal")  # your journal folder
client = os.environ.get("{CLIENT_ENV}", "me")  # "me" for yourself, or a client's name
only_client = os.environ.get("{ONLY_CLIENT_ENV}") or None  # a client's own page: theirs only
"""
    ),
    md(
        "journal-md",
        """
## Your journal

The first time, your journal starts as a copy of the sample data (three
made-up job seekers: amara, ben and chloe), so that the charts in the next
notebooks have something to show. Your own entries go next to them; delete
the sample folders from the journal whenever you like - they will not come
back. The files in `data/sample` are never changed.
""",
    ),
    code(
        "journal",
        """
from recovery_analytics.notebook import show_problems, starter_journal

journal = starter_journal(journal_location, seed_from=data_path)
show_problems(journal.log(taxonomy=False))  # what could not be read, one click away
""",
    ),
    md(
        "form-md",
        """
## The form

Write one item per line in the *went well* and *went wrong* boxes - short
phrases are perfect ("clear STAR story", "blanked on the salary question").
The form checks what you entered when you press **Save** and tells you if
something needs fixing; nothing is saved until it is valid.
""",
    ),
    code(
        "form",
        """
from recovery_analytics.widgets import EntryForm

EntryForm(journal, client=client, only_client=only_client)
""",
    ),
    md(
        "next",
        """
## Next

In JupyterLab, open **02_my_trends.ipynb** to see how your interviews add up
over time.
""",
    ),
]


TRENDS = [
    md(
        "intro",
        """
# 2 · My trends

One interview says little; ten say a lot. This notebook looks at all of one
person's interviews together: is the balance of what went well against what
went wrong moving, which weaknesses keep coming back and which have faded,
how you felt, and whether your plan B and follow-up requests are happening.

The figures describe what you wrote down - they are not a verdict on you.
Months with few interviews are marked as small samples; read them gently.

**How to use it:** set `client` below to your name (the sample journal holds
`amara`, `ben` and `chloe`), then run all cells.
""",
    ),
    params(
        f"""
import os

{PATHS_NOTE}
data_path = "data/sample"  # copied into a new journal the first time
journal_location = os.environ.get("{JOURNAL_ENV}", "journal")  # your journal folder
client = "amara"  # whose interviews to look at
exports_folder = os.environ.get("{EXPORTS_ENV}", "exports")  # where the dashboard exports
"""
    ),
    code(
        "load",
        """
from recovery_analytics import analytics, charts
from recovery_analytics.notebook import show, show_problems, starter_journal

journal = starter_journal(journal_location, seed_from=data_path)
everyone = journal.log()
log = everyone.filter(client=client)
log
""",
    ),
    code("problems", "show_problems(everyone)  # what could not be read, one click away"),
    md(
        "balance-md",
        """
## Balance over time

Items that went well against items that went wrong, month by month (the thick
line) and over your last three interviews (the thin one). Above the middle
line more went well than wrong. There is no "right" ratio: the direction is
what matters.
""",
    ),
    code("balance-chart", "show(charts.plot_balance(log))"),
    code("balance-table", 'analytics.balance(log, freq="M")'),
    md(
        "themes-md",
        """
## Strengths and weaknesses

Each theme as a strength (right) and as a weakness (left), across all your
interviews.
""",
    ),
    code("themes-chart", "show(charts.plot_strengths_weaknesses(log))"),
    code("themes-table", "analytics.theme_balance(log)"),
    md(
        "recurring-md",
        """
## What keeps coming up - and what has faded

Weaknesses seen in more than one interview, with where each is heading:
*resolved* (not in your last three interviews), *improving*, *recurring*,
*worsening*, or *new*.
""",
    ),
    code("recurring-chart", "show(charts.plot_recurring(log))"),
    code("recurring-table", "analytics.recurring(log)"),
    md(
        "feeling-md",
        """
## Feeling and recovery

How you felt after each interview (1 to 5) over time, and next to the
outcomes.
""",
    ),
    code("feeling-chart", "show(charts.plot_feeling(log))"),
    code("feeling-table", "analytics.recovery(log).feeling_by_outcome"),
    md(
        "plan-md",
        """
## Plan B and follow-ups

Your plan B actions that are still open (oldest first), and how often you
asked for a follow-up conversation and what came of it.
""",
    ),
    code("follow-ups-chart", "show(charts.plot_follow_ups(log))"),
    code("plan-b-table", "analytics.plan_b_actions(log)"),
    code("follow-ups-table", "analytics.follow_ups(log).rates"),
    md(
        "dashboard-md",
        """
## Dashboard

The charts on tabs, with filters by date and theme, and a button that
exports a review packet. Saved an entry in *01_capture* since? Press
**Reload** to read the journal again.
""",
    ),
    code(
        "dashboard",
        """
from recovery_analytics.notebook import project_path
from recovery_analytics.widgets import Dashboard

Dashboard(journal, client=client, export_dir=project_path(exports_folder))
""",
    ),
]


COACH = [
    md(
        "intro",
        """
# 3 · Coach overview

All your clients on one page: who might need a conversation (the flags), what
they struggle with in common, and everyone's balance over time on the same
scale. Flags are prompts to look, not verdicts: fewer items written down
lately can also mean shorter notes.

**How to use it:** point `data_path` at your clients' logs (a folder with
one sub-folder or file per client, or a journal) and run all cells.
""",
    ),
    params(
        f"""
{PATHS_NOTE}
data_path = "data/sample"  # your clients' logs: files, a folder, a journal or a manifest .toml
load_options = {{}}  # load()'s options, e.g. {{"client": "lena", "dayfirst": True}}
today = None  # count inactivity up to this date ("2026-09-01"); None for today
"""
    ),
    code(
        "load",
        """
from recovery_analytics import charts
from recovery_analytics.notebook import cohort_at_a_glance, common_weaknesses, open_log, show

log = open_log(data_path, **load_options)
log
""",
    ),
    code("problems", PROBLEMS),
    md(
        "cohort-md",
        """
## Clients at a glance

One row per client: interviews, the balance over their last five interviews
(`current_ratio`, went well : went wrong) and its change against the five
before (`share_change`), their top weakness, and the flags `declining`,
`inactive` (no interview for 30 days) and `small_sample` (fewer than five
interviews). `recovery_analytics.analytics.cohort(log)` has every column.
""",
    ),
    code("cohort", "cohort_at_a_glance(log, today=today)"),
    md(
        "heatmap-md",
        """
## What went wrong, client by client

The share of each client's interviews in which a theme came up under went
wrong.
""",
    ),
    code("heatmap", "show(charts.plot_client_themes(log))"),
    md(
        "common-md",
        """
## Common weaknesses

Themes that came up under went wrong for more than one client are good
material for a group session.
""",
    ),
    code("common", "common_weaknesses(log)"),
    md(
        "grid-md",
        """
## Balance over time, client by client

Every client on the same scale; hollow circles are months with few
interviews.
""",
    ),
    code("grid", "show(charts.plot_balance_grid(log))"),
    md(
        "next",
        """
## Next

Preparing a session with one client? Open **04_review_session.ipynb**.
""",
    ),
]


REVIEW = [
    md(
        "intro",
        """
# 4 · Review session

A packet to go through with one client: the headline numbers in words,
balance over time, strengths and weaknesses, what keeps coming up, feeling,
open plan B actions, follow-ups and the list of interviews. Preview it here,
then export it as PDF (to print), HTML (to e-mail) and PNG (the dashboard,
for slides).

**How to use it:** choose the client and, if you like, a period, then run all
cells. The files go into the `exports` folder; `data/sample` is never written
to.
""",
    ),
    params(
        f"""
import os

{PATHS_NOTE}
data_path = "data/sample"  # your clients' logs: files, a folder, a journal or a manifest .toml
load_options = {{}}  # load()'s options, e.g. {{"client": "lena", "dayfirst": True}}
client = "ben"  # who the session is with
start, end = None, None  # a period such as "2026-05-01", "2026-08-31"; None for all
anonymize = False  # True: "Client A" instead of the name, in the files and their names
names_to_hide = []  # other people named in the notes, e.g. ["Priya", "Tom Baker"]
exports_folder = os.environ.get("{EXPORTS_ENV}", "exports")  # where the files go
"""
    ),
    code(
        "load",
        """
from recovery_analytics.notebook import export_review, open_log, preview_review

log = open_log(data_path, **load_options)
""",
    ),
    code("problems", PROBLEMS),
    md(
        "preview-md",
        """
## Preview

The packet as the HTML file will show it.
""",
    ),
    code(
        "preview",
        """
preview_review(
    log, client=client, period=(start, end), anonymize=anonymize, anonymize_names=names_to_hide
)
""",
    ),
    md(
        "export-md",
        """
## Export

The packet as PDF and HTML, and the dashboard as a PNG image. Files of the
same name are replaced.

To share the files outside the session - for supervision or a case study -
set `anonymize = True` above and run all cells again: client names become
pseudonyms ("Client A", ...) in the text, the charts and the file names, and
e-mail addresses, phone numbers, links and names the text points to ("with
Sarah", "Tom from HR") are hidden. List anyone else named in the notes in
`names_to_hide`. No automatic check finds every name: read the files before
sharing.
""",
    ),
    code(
        "export",
        """
export_review(
    log,
    client=client,
    folder=exports_folder,
    period=(start, end),
    anonymize=anonymize,
    anonymize_names=names_to_hide,
)
""",
    ),
]


NOTEBOOKS: dict[str, list[Cell]] = {
    "01_capture.ipynb": CAPTURE,
    "02_my_trends.ipynb": TRENDS,
    "03_coach_overview.ipynb": COACH,
    "04_review_session.ipynb": REVIEW,
}


def build(cells: list[Cell]) -> nbformat.NotebookNode:
    """A notebook without outputs, with the python3 kernelspec."""
    nb = nbformat.v4.new_notebook()
    nb.metadata = nbformat.from_dict(
        {
            "kernelspec": dict(KERNELSPEC),
            "language_info": {"name": "python", "pygments_lexer": "ipython3"},
        }
    )
    for kind, cell_id, source in cells:
        if kind == "markdown":
            cell = nbformat.v4.new_markdown_cell(source, id=cell_id)
        else:
            cell = nbformat.v4.new_code_cell(source, id=cell_id)
            if kind == "parameters":
                cell.metadata["tags"] = ["parameters"]
        nb.cells.append(cell)
    nbformat.validate(nb)
    return nb


def render(cells: list[Cell]) -> str:
    return nbformat.writes(build(cells)) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check", action="store_true", help="exit 1 if a notebook differs from this script"
    )
    args = parser.parse_args(argv)
    stale = []
    for name, cells in NOTEBOOKS.items():
        path = HERE / name
        text = render(cells)
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == text:
            continue
        if args.check:
            stale.append(name)
        else:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path}")
    if stale:
        print(
            f"Out of date: {', '.join(stale)}. Run `python notebooks/_build.py` to rewrite them.",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
