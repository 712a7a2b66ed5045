"""Markdown reflections: front matter, forgiving sections, problems with lines."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from recovery_analytics import LogFormatError, load
from recovery_analytics.io._markdown import _fast_front_matter, _TextLoader, parse_markdown

GOOD = """---
interview_date: 2026-03-04
company: Northwind
role: Data analyst
stage: On-site
format: zoom
feeling: 3
connection: 4
follow_up_requested: yes
follow_up_response: granted
outcome: Next round
---
# Northwind, data analyst

## What went well
- Clear STAR story about the migration #examples
- Good rapport with the hiring manager
  (she laughed at my joke)

## To improve:
* Rambled on the weakness question

### Employer's perspective
They seemed to like the migration story.
I probably came across as nervous.

## Contingency plan
- [x] Apply to two similar roles
- [ ] Practise a 60-second answer

## Questions for next time
1. What does success look like in 90 days?

## Notes
Long day.
"""


def write(tmp_path: Path, name: str, text: str | bytes) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_sections_and_synonyms(tmp_path: Path) -> None:
    write(tmp_path, "ana/2026-03-04-northwind.md", GOOD)
    log = load(tmp_path, taxonomy=False)
    row = log.interviews.iloc[0]
    assert row["client"] == "ana"  # from the folder
    assert row["stage"] == "onsite" and row["format"] == "video"
    assert row["outcome"] == "next_round" and row["follow_up_response"] == "granted"
    assert row["feeling"] == 3 and row["connection"] == 4
    assert bool(row["follow_up_requested"]) is True
    assert row["employer_view"] == (
        "They seemed to like the migration story.\nI probably came across as nervous."
    )
    assert row["questions_to_ask"] == ["What does success look like in 90 days?"]
    assert row["notes"] == "Long day."
    items = log.items
    assert items.loc[items["polarity"] == "well", "text"].tolist() == [
        "Clear STAR story about the migration #examples",
        "Good rapport with the hiring manager (she laughed at my joke)",
    ]
    assert items.loc[items["polarity"] == "wrong", "text"].tolist() == [
        "Rambled on the weakness question"
    ]
    assert items["tags"].iloc[0] == ("examples",)
    assert log.actions[["text", "done"]].values.tolist() == [
        ["Apply to two similar roles", True],
        ["Practise a 60-second answer", False],
    ]
    assert (row["n_well"], row["n_wrong"], row["n_actions"]) == (2, 1, 2)


def test_empty_section_is_valid_and_has_no_items(tmp_path: Path) -> None:
    write(tmp_path, "a.md", "---\ninterview_date: 2026-03-04\n---\n## Went well\n\n## Went wrong\n")
    log = load(tmp_path, taxonomy=False)
    assert len(log) == 1 and len(log.items) == 0
    # a folder given directly, its files in it, names their client
    assert log.interviews["client"].iloc[0] == tmp_path.name


def test_text_under_unknown_headings_is_kept_in_notes(tmp_path: Path) -> None:
    text = "---\ninterview_date: 2026-03-04\n---\nPreamble words.\n## Weather\nIt rained.\n"
    write(tmp_path, "a.md", text)
    log = load(tmp_path, taxonomy=False)
    assert log.interviews["notes"].iloc[0] == "Preamble words.\n\nWeather\nIt rained."


def test_front_matter_client_wins_over_folder(tmp_path: Path) -> None:
    write(tmp_path, "folder/a.md", "---\nclient: zoe\ninterview_date: 2026-03-04\n---\n")
    assert load(tmp_path, taxonomy=False).clients == ["zoe"]


def test_readme_and_hidden_files_are_skipped(tmp_path: Path) -> None:
    write(tmp_path, "README.md", "# About this folder\n")
    write(tmp_path, ".a.md.123.tmp.md", "garbage")
    write(tmp_path, "a.md", "---\ninterview_date: 2026-03-04\n---\n")
    assert len(load(tmp_path, taxonomy=False)) == 1


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("---\ninterview_date: 2026-03-04\ncompany: [Acme\n---\n", 3, "could not be read"),
        ("---\ninterview_date: 2026-03-04\n", 1, "never closed"),
        ("---\n- a\n- b\n---\n", 2, "not a list"),
        ("", None, "empty"),
    ],
)
def test_broken_front_matter_names_the_line(
    tmp_path: Path, text: str, line: int | None, words: str
) -> None:
    write(tmp_path, "bad.md", text)
    with pytest.raises(LogFormatError) as info:
        load(tmp_path, taxonomy=False)
    problem = info.value.problems[0]
    assert problem.file.endswith("bad.md") and problem.line == line
    assert words in problem.message


def test_bad_values_name_their_own_line(tmp_path: Path) -> None:
    text = "---\ninterview_date: 2026-03-04\nstage: lunch\nfeeling: 9\n---\n"
    write(tmp_path, "a.md", text)
    log = load(tmp_path, errors="collect", taxonomy=False)
    found = log.problems.set_index("field")
    assert (
        found.loc["stage", "line"] == 3
        and "screen, phone, technical" in found.loc["stage", "message"]
    )
    assert found.loc["feeling", "line"] == 4 and "1 to 5" in found.loc["feeling", "message"]
    # the rest of the entry is kept, the bad fields are left empty
    assert len(log) == 1 and pd.isna(log.interviews["feeling"].iloc[0])


def test_non_utf8_file_says_which_encoding_to_pass(tmp_path: Path) -> None:
    write(
        tmp_path,
        "a.md",
        "---\ninterview_date: 2026-03-04\ncompany: Caf\xe9\n---\n".encode("cp1252"),
    )
    with pytest.raises(LogFormatError) as info:
        load(tmp_path, taxonomy=False)
    assert info.value.line == 3 and "encoding='cp1252'" in str(info.value)
    log = load(tmp_path, encoding="cp1252", taxonomy=False)
    assert log.interviews["company"].iloc[0] == "Caf\xe9"


plain_values = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp")),
    min_size=0,
    max_size=20,
)


quoted_values = plain_values.map(lambda v: f"'{v}'") | plain_values.map(lambda v: f'"{v}"')


@given(
    st.dictionaries(
        st.from_regex(r"[a-z_]{1,10}", fullmatch=True), plain_values | quoted_values, max_size=6
    )
)
def test_fast_front_matter_agrees_with_yaml_when_it_answers(data: dict[str, str]) -> None:
    lines = [f"{k}: {v}" for k, v in data.items()]
    answer = _fast_front_matter(lines)
    if answer is None:
        return  # it declined, and YAML reads the block instead
    fast, _ = answer
    loaded = yaml.load("\n".join(lines), Loader=_TextLoader) or {}
    assert {k: v or None for k, v in fast.items()} == {k: v or None for k, v in loaded.items()}


def test_front_matter_values_stay_text(tmp_path: Path) -> None:
    text = "---\ninterview_date: 2026-03-04\ncompany: 007\nrole: 'yes'\nnotes: [a, b]\n---\n"
    write(tmp_path, "a.md", text)
    log = load(tmp_path, taxonomy=False)
    assert log.interviews[["company", "role"]].iloc[0].tolist() == ["007", "yes"]


def test_parse_markdown_keeps_field_lines() -> None:
    record, problems = parse_markdown(GOOD, "x.md")
    assert problems == [] and record is not None
    lines = GOOD.splitlines()
    assert record["_lines"]["feeling"] == lines.index("feeling: 3") + 1
    assert record["_lines"]["went_wrong"] == lines.index("## To improve:") + 1
