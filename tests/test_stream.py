import pandas as pd
import pytest

import debatekit as dk
from _corpus import write_corpus


@pytest.fixture(scope="module")
def dataset(tmp_path_factory):
    folder = tmp_path_factory.mktemp("stream")
    paths = write_corpus(dk.sample_path().read_text(encoding="utf-8"), folder / "txt", 9)
    turns = dk.read_corpus(paths, progress=False)
    return dk.read_corpus(paths, progress=False, to=folder / "turns.parquet"), turns


def test_numbers_chunk_by_chunk_equal_numbers_in_memory(dataset, tmp_path):
    path, turns = dataset
    out = dk.analyze_dataset(path, "numbers", to=tmp_path / "numbers", progress=False)
    pd.testing.assert_frame_equal(
        dk.read_dataset(out), dk.numbers(turns, progress=False), check_exact=True
    )


def test_entities_chunk_by_chunk_equal_entities_in_memory(dataset, tmp_path):
    path, turns = dataset
    out = dk.analyze_dataset(path, "entities", to=tmp_path / "ents", model=None, progress=False)
    expected = dk.entities(turns, model=None, progress=False)
    pd.testing.assert_frame_equal(dk.read_dataset(out), expected, check_exact=True)
    assert len(list(out.glob("part-*.parquet"))) == 2  # one per chunk of turns read


def test_a_corpus_wide_analyzer_is_refused(dataset, tmp_path):
    with pytest.raises(dk.ParameterError, match=r"\[E705\].*'topics'"):
        dk.analyze_dataset(dataset[0], "topics", to=tmp_path / "topics")


def test_a_folder_without_a_dataset_is_named(tmp_path):
    with pytest.raises(dk.TranscriptNotFoundError, match=r"\[E703\]"):
        dk.read_turns(tmp_path)
