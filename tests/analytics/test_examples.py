"""The example log of the documentation: small, validated, with themes set by hand."""

from __future__ import annotations

from recovery_analytics.analytics import example_log


def test_two_clients_five_interviews() -> None:
    log = example_log()
    assert log.clients == ["ana", "ben"]
    assert log.interviews["client"].value_counts().to_dict() == {"ana": 3, "ben": 2}
    # items as written in analytics/_examples.py: ana 1+2, 2+1, 2+0; ben 1+1, 0+0
    by_entry = log.interviews.sort_index()  # ana-1, ana-2, ana-3, ben-4, ben-5
    assert by_entry["n_well"].tolist() == [1, 2, 2, 1, 0]
    assert by_entry["n_wrong"].tolist() == [2, 1, 0, 1, 0]
    assert len(log.items) == 10


def test_themes_are_set_by_hand_not_by_the_tagger() -> None:
    items = example_log().items
    assert items["themes"].map(len).tolist() == [1] * 10
    assert (items["theme"] == items["themes"].str[0]).all()
    assert sorted(set(items["theme"])) == [
        "composure",
        "conciseness",
        "examples",
        "logistics",
        "preparation",
        "questions",
        "rapport",
        "technical",
    ]


def test_each_call_is_a_new_log() -> None:
    first, second = example_log(), example_log()
    first.items.loc[first.items.index[0], "theme"] = "changed"
    assert second.items["theme"].iloc[0] != "changed"
