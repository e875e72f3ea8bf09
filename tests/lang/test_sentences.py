"""The one Dutch sentence splitter, on the sample and on sentences with abbreviations."""

from __future__ import annotations

import pandas as pd
import pytest

import debatekit as dk
from debatekit.lang._sentences import ABBREVIATIONS, sentence_at, sentence_spans, split_sentences

KMO = "Het gaat om ca. 5 procent van de jobs, nl. in de kmo's."


def test_abbreviations_end_no_sentence():
    assert split_sentences(f"{KMO} Dat is veel.") == [KMO, "Dat is veel."]


@pytest.mark.parametrize(
    "abbreviation", ["ca.", "nl.", "bv.", "o.a.", "dhr.", "mevr.", "art.", "nr.", "enz."]
)
def test_each_listed_abbreviation_keeps_the_sentence_whole(abbreviation):
    text = f"Zo staat het in de nota, {abbreviation} Vlaanderen 12 en 13. Dan de rest."
    assert len(split_sentences(text)) == 2
    assert abbreviation.rstrip(".").lower() in ABBREVIATIONS


def test_sentences_split_at_stops_marks_and_blank_lines():
    text = "Minister, dank u. Ik ben het eens.\n\nDat is goed? Ja! En J. Peeters zei het."
    assert split_sentences(text) == [
        "Minister, dank u.",
        "Ik ben het eens.",
        "Dat is goed?",
        "Ja!",
        "En J. Peeters zei het.",
    ]


def test_a_lower_case_word_after_a_stop_goes_on_with_the_sentence():
    assert split_sentences("Het kost 3 mio. euro per jaar. Dat is te veel.") == [
        "Het kost 3 mio. euro per jaar.",
        "Dat is te veel.",
    ]


def test_spans_hold_no_white_space_and_cover_every_word(sample_turns):
    for text in sample_turns["text"].dropna().head(40):
        spans = sentence_spans(text)
        pieces = [text[s:e] for s, e in spans]
        assert all(p == p.strip() and p for p in pieces)
        assert " ".join(pieces).split() == text.split()


def test_sentence_at_finds_the_sentence_of_an_offset():
    text = f"Eerst dit. {KMO}"
    spans = sentence_spans(text)
    assert sentence_at(spans, text, text.index("5 procent")) == KMO
    assert sentence_at(spans, text, 0) == "Eerst dit."
    assert sentence_at([], "", 0) == ""


def test_numbers_reports_the_figure_sentence_whole():
    # Before the shared splitter, dk.numbers cut this at "ca." and "nl.":
    # its sentence was "5 procent van de jobs, nl.".
    turns = dk.from_records(
        pd.DataFrame({"speaker": ["Anna Peeters"], "text": [f"Goed. {KMO} Dank u."]})
    )
    figures = dk.numbers(turns)
    percent = figures[figures["kind"] == "percent"]
    assert percent["sentence"].tolist() == [KMO]
