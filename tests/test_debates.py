"""One reading order and one definition of a debate, shared by topics and stance."""

from __future__ import annotations

import pandas as pd

import debatekit as dk
from debatekit._debates import (
    debate_ids,
    debates,
    has_headings,
    in_reading_order,
    meeting_ids,
    reading_order,
    restore_order,
)


def test_debates_are_runs_of_one_heading_within_a_meeting():
    frame = pd.DataFrame(
        {
            "meeting": ["a", "a", "a", "a", "b", "b"],
            "item_title": ["X", "X", "Y", None, "Y", "Y"],
        }
    )
    assert debate_ids(frame).tolist() == [0, 0, 1, 2, 3, 3]
    assert debate_ids(frame, use_headings=False).tolist() == [0, 1, 2, 3, 4, 5]
    assert meeting_ids(frame).tolist() == [0, 0, 0, 0, 1, 1]


def test_the_item_number_wins_over_the_title_and_no_heading_is_the_meeting():
    frame = pd.DataFrame(
        {
            "meeting": ["a"] * 5,
            "item": [1, 1, 2, pd.NA, pd.NA],
            "item_title": ["X", "Y", "Y", None, None],
        }
    )
    assert debate_ids(frame).tolist() == [0, 0, 1, 2, 2]
    assert not has_headings(frame.assign(item=pd.NA, item_title=None))


def test_reading_order_puts_shuffled_turns_back(sample_turns):
    shuffled = sample_turns.sample(frac=1, random_state=3)
    order = reading_order(shuffled)
    assert shuffled.iloc[order]["turn_id"].tolist() == sample_turns["turn_id"].tolist()
    assert in_reading_order(sample_turns) is sample_turns  # already in order: no copy
    back = restore_order(shuffled.iloc[order].reset_index(drop=True), order)
    assert back["turn_id"].tolist() == shuffled["turn_id"].tolist()


def test_a_records_export_without_item_numbers_has_the_same_debates(sample_turns):
    # Before, topics found 10 debates here (by title) and stance 1 (by item number).
    export = sample_turns.assign(item=pd.NA)
    found = list(debates(export))
    assert len(found) == sample_turns["item"].nunique() == 10
    assert len(found) == len(list(debates(sample_turns)))
    topics = dk.topics(export, n_topics=3)
    assert topics.turns["debate"].nunique() == 10
    for (_, _, one), (_, _, other) in zip(found, debates(sample_turns), strict=True):
        assert one["turn_id"].tolist() == other["turn_id"].tolist()


def test_debates_come_in_reading_order(sample_turns):
    shuffled = sample_turns.sample(frac=1, random_state=1)
    items = [item for _, item, _ in debates(shuffled)]
    assert items == sorted(items)
    assert list(debates(sample_turns.iloc[:0])) == []
