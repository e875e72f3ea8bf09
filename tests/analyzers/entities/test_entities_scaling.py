import pandas as pd
import pytest

import debatekit as dk
from debatekit.analyzers.entities import _entities


def _corpus(sample_turns, copies):
    frames = []
    for i in range(copies):
        copy = sample_turns.copy()
        copy["turn_id"] = copy["turn_id"] + f"-{i}"
        copy["meeting"] = copy["meeting"] + f"-{i}"
        frames.append(copy)
    return pd.concat(frames, ignore_index=True)


def test_two_workers_give_the_same_mentions_bit_for_bit(sample_turns, monkeypatch):
    monkeypatch.setattr(_entities, "_TURNS_PER_CHUNK", 60)  # several chunks
    turns = _corpus(sample_turns, 2)
    recognizer = dk.EntityRecognizer(model=None, progress=False).fit(turns)
    serial = recognizer.transform(turns)
    parallel = recognizer.set_params(n_jobs=2).transform(turns)
    pd.testing.assert_frame_equal(parallel, serial, check_exact=True)
    assert (serial["canonical"] == "VDAB").sum() == 2 * 18


def test_fitting_chunk_by_chunk_learns_what_fitting_at_once_does(sample_turns):
    turns = _corpus(sample_turns, 2)
    whole = dk.EntityRecognizer(model=None, progress=False).fit(turns)
    chunks = [turns.iloc[:70], turns.iloc[70:150], turns.iloc[150:]]
    columns = list(_entities.EntityRecognizer.fit_columns)
    pieces = dk.EntityRecognizer(model=None, progress=False).fit_chunks(c[columns] for c in chunks)
    pd.testing.assert_frame_equal(pieces.acronyms_, whole.acronyms_)
    assert pieces.people_ == whole.people_
    pd.testing.assert_frame_equal(pieces.transform(turns), whole.transform(turns))


def test_the_person_rules_read_the_kept_text_not_doc_text(sample_turns):
    recognizer = dk.EntityRecognizer(model=None, progress=False).fit(sample_turns)
    text = "Ik dank minister Brouns en collega Ronse voor het antwoord."
    kept = recognizer.nlp_(_entities.make_doc(recognizer.nlp_, text))
    rebuilt = recognizer.nlp_(text)  # without the kept text, doc.text is rebuilt
    assert [e.text for e in kept.ents] == [e.text for e in rebuilt.ents] == ["Brouns", "Ronse"]


def test_short_forms_found_by_the_prefilter_follow_the_token_rules():
    turns = pd.DataFrame(
        {
            "turn_id": ["t1"],
            "speaker": ["A"],
            "role": ["member"],
            "text": [
                "De Sociaal-Economische Raad van Vlaanderen gaf advies. Wat zegt de Raad "
                "daarover? De Raad van State zweeg."
            ],
        }
    )
    found = dk.entities(turns, model=None, progress=False)
    short = found[found["found_by"] == "short_form"]
    assert short["start"].tolist() == [turns["text"][0].index("de Raad") + 3]
    assert short["canonical"].tolist() == ["SERV"]


def test_a_bad_n_jobs_is_refused(sample_turns):
    with pytest.raises(dk.ParameterError, match=r"\[E800\].*EntityRecognizer"):
        dk.entities(sample_turns, model=None, n_jobs=0)
