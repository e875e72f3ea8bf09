"""One stop-word source for Dutch and French turns."""

from __future__ import annotations

import pytest

import debatekit as dk
from debatekit.lang._stop_words import DEBATE_WORDS, spacy_stop_words, stop_words
from debatekit.lang._tokens import TOKEN, content_words, tokenize


def test_dutch_list_is_spacys_plus_the_debate_words():
    words = stop_words("nl")
    assert spacy_stop_words("nl") <= words
    assert DEBATE_WORDS <= words
    assert dk.dutch_stop_words() == words
    assert "werkloosheid" not in words


def test_french_list_serves_the_chambers_french_turns():
    french = stop_words("fr")
    assert {"le", "la", "nous", "être"} <= french
    assert "minister" not in french  # the debate words are Dutch
    assert "chômage" not in french


def test_extra_words_extend_the_list_without_changing_the_default():
    extended = stop_words("nl", extra=("kmo", "Vlaio"))
    assert {"kmo", "vlaio"} <= extended
    assert "kmo" not in stop_words("nl")


def test_every_stop_word_is_whole_under_the_tokenizer():
    # scikit-learn warns when a stop word tokenizes into pieces the list lacks.
    words = stop_words("nl")
    assert all(set(TOKEN.findall(w)) <= words for w in words)
    assert "collega" in words  # "collega's" -> "collega"


def test_an_unknown_language_is_a_parameter_error():
    with pytest.raises(dk.ParameterError, match=r"\[E800\].*'language'.*'de'"):
        stop_words("de")


def test_tokenizer_keeps_compounds_and_drops_numbers(sample_turns):
    text = next(t for t in sample_turns["text"] if "kmo-portefeuille" in t)
    words = tokenize(text)
    assert "kmo-portefeuille" in words
    assert not any(ch.isdigit() for w in words for ch in w)
    assert all(w == w.lower() for w in words)
    kept = content_words(text, stop_words("nl"))
    assert kept and not set(kept) & stop_words("nl")
