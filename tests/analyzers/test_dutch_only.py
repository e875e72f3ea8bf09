"""Dutch-only analyzers read the Dutch turns of a bilingual report and say what they skipped."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

import debatekit as dk
from debatekit._schema import dutch_turns

PLENARY = Path(__file__).resolve().parents[1] / "data" / "kamer" / "plenary-56-10-opening.html"


@pytest.fixture(scope="module")
def chamber():
    return dk.read_transcript(PLENARY)


def test_dutch_turns_keeps_dutch_and_unknown_and_counts_the_rest(chamber):
    turns = chamber.copy()
    turns.loc[turns.index[0], "lang"] = None
    n_french = int((turns["lang"] == "fr").sum())
    assert n_french >= 2
    with pytest.warns(dk.DebatekitWarning, match=rf"\[W501\] Numbers .* {n_french} of "):
        kept = dutch_turns(turns, "Numbers")
    assert len(kept) == len(turns) - n_french
    assert set(kept["lang"].dropna()) == {"nl"}


def test_no_warning_for_a_dutch_only_table(sample_turns):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert len(dutch_turns(sample_turns, "Numbers")) == len(sample_turns)


def test_numbers_skip_french_turns_with_one_warning(chamber):
    turns = chamber.copy()
    dutch = turns.index[turns["lang"] == "nl"][0]
    french = turns.index[turns["lang"] == "fr"][0]
    turns.loc[dutch, "text"] += " Dat is 62,7 procent."
    turns.loc[french, "text"] += " C'est 62,7 procent."
    with pytest.warns(dk.DebatekitWarning, match=r"\[W501\]") as caught:
        figures = dk.numbers(turns)
    assert sum("W501" in str(w.message) for w in caught) == 1
    assert figures["turn_id"].tolist() == [turns.loc[dutch, "turn_id"]]
