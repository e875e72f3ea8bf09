"""One progress bar, one default."""

from __future__ import annotations

import inspect

import debatekit as dk
from debatekit._progress import PROGRESS, progress_bar


def test_a_disabled_bar_gives_the_items_back():
    items = [1, 2, 3]
    assert progress_bar(items, enabled=False, desc="x") is items
    bar = progress_bar(total=2, enabled=False, desc="x")
    bar.update()
    bar.close()


def test_an_enabled_bar_yields_every_item():
    assert list(progress_bar(range(3), desc="x")) == [0, 1, 2]


def test_every_analyzer_and_reader_has_the_one_default():
    owners = [
        dk.read_corpus,
        dk.topics,
        dk.TopicAnalyzer,
        dk.speaker_similarity,
        dk.StanceAnalyzer,
        dk.interactions,
        dk.entities,
        dk.EntityRecognizer,
        dk.numbers,
        dk.Numbers,
    ]
    defaults = {o.__name__: inspect.signature(o).parameters["progress"].default for o in owners}
    assert set(defaults.values()) == {PROGRESS}, defaults
