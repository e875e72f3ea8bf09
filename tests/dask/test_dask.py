import numpy as np
import pandas as pd
import pytest

import debatekit as dk
from _corpus import write_corpus

pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")

# A cluster's start and five reports on it: ~20 CPU seconds, more on a busy machine.
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def client():
    # Two workers in this process: what CI tolerates; the scheduler is Dask's own.
    with distributed.Client(n_workers=2, processes=False, dashboard_address=None) as client:
        yield client


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("dask")
    paths = write_corpus(dk.sample_path().read_text(encoding="utf-8"), folder, 5)
    return paths, dk.read_corpus(paths, progress=False)


def _computed(frame):
    return frame.compute().reset_index(drop=True)


def test_turns_on_dask_equal_read_corpus(client, corpus):
    paths, turns = corpus
    lazy = dk.dask.read_corpus(paths, files_per_partition=2)
    assert lazy.npartitions == 3
    pd.testing.assert_frame_equal(_computed(lazy), turns, check_exact=True)


def test_numbers_and_entities_on_partitions_equal_the_in_memory_tables(client, corpus):
    paths, turns = corpus
    lazy = dk.dask.read_corpus(paths, files_per_partition=2)
    pd.testing.assert_frame_equal(
        _computed(dk.dask.numbers(lazy)), dk.numbers(turns, progress=False), check_exact=True
    )
    expected = dk.entities(turns, model=None, progress=False)
    pd.testing.assert_frame_equal(_computed(dk.dask.entities(lazy)), expected, check_exact=True)


class _CharacterCounts:
    """A row-wise embedder: each text's letter counts, normalised."""

    def embed(self, texts):
        counts = np.array([[t.lower().count(c) + 1 for c in "aeiou"] for t in texts], float)
        return counts / np.linalg.norm(counts, axis=1, keepdims=True)


def test_row_wise_embeddings_and_gathered_topics(client, corpus):
    paths, turns = corpus
    lazy = dk.dask.read_corpus(paths, files_per_partition=2)
    vectors = _computed(dk.dask.embed(lazy, _CharacterCounts()))
    assert vectors["turn_id"].tolist() == turns["turn_id"].tolist()
    np.testing.assert_array_equal(
        np.stack(vectors["vector"]), _CharacterCounts().embed(turns["text"].tolist())
    )
    on_dask = dk.dask.topics(lazy, n_topics=3, progress=False)
    in_memory = dk.topics(turns, n_topics=3, progress=False)
    pd.testing.assert_frame_equal(on_dask.turns, in_memory.turns)
    pd.testing.assert_frame_equal(on_dask.topics, in_memory.topics)


def test_the_corpus_wide_tfidf_embedder_is_refused(corpus):
    lazy = dk.dask.read_corpus(corpus[0])
    with pytest.raises(dk.ParameterError, match=r"\[E706\]"):
        dk.dask.embed(lazy, "tfidf")
