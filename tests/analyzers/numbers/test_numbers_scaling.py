import pandas as pd
import pytest

import debatekit as dk
from debatekit.analyzers.numbers._numbers import MAX_SENTENCE


def _corpus(sample_turns, copies):
    frames = []
    for i in range(copies):
        copy = sample_turns.copy()
        copy["turn_id"] = copy["turn_id"] + f"-{i}"
        frames.append(copy)
    return pd.concat(frames, ignore_index=True)


def test_two_workers_give_the_same_figures_bit_for_bit(sample_turns, monkeypatch):
    from debatekit.analyzers.numbers import _numbers

    monkeypatch.setattr(_numbers, "_TURNS_PER_CHUNK", 70)  # several chunks on a small corpus
    turns = _corpus(sample_turns, 3)
    serial = dk.numbers(turns, progress=False)
    parallel = dk.numbers(turns, progress=False, n_jobs=2)
    pd.testing.assert_frame_equal(parallel, serial, check_exact=True)
    assert len(serial) == 3 * len(dk.numbers(sample_turns, progress=False))


def test_a_turn_without_full_stops_keeps_a_bounded_sentence():
    clause = "en de werkloosheid daalde met 12 procent in de provincie Limburg "
    text = clause * 1500  # about 100 KB, one sentence
    turns = pd.DataFrame({"turn_id": ["t1"], "speaker": ["A"], "role": ["member"], "text": [text]})
    figures = dk.numbers(turns, progress=False)
    assert len(figures) == 1500
    assert figures["sentence"].str.len().max() <= MAX_SENTENCE + 4
    middle = figures.iloc[750]
    assert middle["figure"] in middle["sentence"]
    assert middle["sentence"].startswith("… ") and middle["sentence"].endswith(" …")
    # the window is whole words of the turn around the figure
    assert middle["sentence"][2:-2] in text


def test_a_bad_n_jobs_is_refused(sample_turns):
    with pytest.raises(dk.ParameterError, match=r"\[E800\].*Numbers"):
        dk.numbers(sample_turns, n_jobs=0)
