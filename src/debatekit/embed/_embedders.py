"""Swappable embedders: texts in, one L2-normalised row per text out.

Two backends share the small :class:`Embedder` protocol, as BERTopic's
``backend`` family does:

- :class:`TfidfEmbedder`, TF-IDF followed by truncated SVD (latent semantic
  analysis). It needs nothing beyond scikit-learn, works offline, and is the
  default. It fits on the texts it is given, so the vectors of one call are
  comparable with each other, not with another call's.
- :class:`SentenceTransformerEmbedder`, any sentence-transformers model, by
  name, by local path or already loaded (the ``embeddings`` extra). Its vectors
  are cached per model and text, so a second call on the same texts computes
  nothing.

:func:`get_embedder` turns what a user passes (``"tfidf"``, a model name, a
loaded model, an embedder) into an :class:`Embedder`.
"""

from __future__ import annotations

import hashlib
import re
import warnings
import weakref
from collections import OrderedDict
from collections.abc import Hashable, Sequence
from functools import lru_cache
from typing import Any, Protocol, runtime_checkable

import numpy as np
import pandas as pd
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfTransformer, TfidfVectorizer
from sklearn.preprocessing import normalize
from threadpoolctl import threadpool_limits

from .._errors import (
    EmbedderError,
    MissingDependencyError,
    ModelFallbackWarning,
    NotFittedError,
    message,
)
from .._validation import check_int
from ..lang._stop_words import debate_stop_words, dutch_stop_words  # noqa: F401 (re-exported)
from ..lang._tokens import TOKEN_PATTERN

__all__ = [
    "Embedder",
    "TfidfEmbedder",
    "SentenceTransformerEmbedder",
    "EmbeddingCache",
    "get_embedder",
    "DEFAULT_MODEL",
    "embed_or_fall_back",
    "embed_with_fallback",
]

#: The multilingual model users with internet access would pick for Dutch.
DEFAULT_MODEL = "paraphrase-multilingual-MiniLM-L12-v2"


@runtime_checkable
class Embedder(Protocol):
    """What every embedder does: one L2-normalised row per text, deterministically."""

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Return an ``(len(texts), dim)`` float array with rows of unit length."""
        ...


class TfidfEmbedder:
    """TF-IDF vectors reduced by truncated SVD (latent semantic analysis).

    Offline, scikit-learn only, and the default embedder. Each call to
    :meth:`embed` fits the vocabulary and the SVD on the texts given, so pass
    the whole corpus at once.

    Parameters
    ----------
    n_components
        Dimensions kept by the SVD; fewer when the texts have fewer terms or
        documents. 0 keeps the TF-IDF vectors themselves (dense).
    random_state
        Seed of the randomized SVD: same texts and seed, same vectors.
    stop_words
        Words never counted (one string is one word); ``None`` uses
        :func:`~debatekit.lang._stop_words.debate_stop_words` (Dutch and French).
    min_df, max_df
        Terms in fewer documents than ``min_df`` (a count, or a fraction of
        documents), or in more than ``max_df``, are dropped.
    max_features
        Keep at most this many terms (the most frequent), to bound memory.
    ngram_range
        Word n-grams counted, ``(1, 2)`` adds pairs such as "sociale economie".
    sublinear_tf
        Use ``1 + log(tf)``, so that a long turn's repetitions do not dominate.

    Attributes
    ----------
    vectorizer_ : TfidfVectorizer
        The vectorizer fitted by the last call to :meth:`embed`.
    svd_ : TruncatedSVD or None
        The SVD fitted by the last call (``None`` if no reduction was made).

    Examples
    --------
    >>> from debatekit.embed._embedders import TfidfEmbedder
    >>> vectors = TfidfEmbedder(n_components=2).embed(
    ...     ["de werkloosheid stijgt", "de werkloosheid daalt", "de kmo-portefeuille"]
    ... )
    >>> vectors.shape
    (3, 2)
    """

    _last: tuple[str, np.ndarray]  # the last call's key and vectors

    def __init__(
        self,
        n_components: int = 100,
        *,
        random_state: int = 0,
        stop_words: str | Sequence[str] | None = None,
        min_df: int | float = 1,
        max_df: int | float = 1.0,
        max_features: int | None = 200_000,
        ngram_range: tuple[int, int] = (1, 1),
        sublinear_tf: bool = True,
    ) -> None:
        check_int(n_components, "n_components", "TfidfEmbedder", minimum=0)
        self.n_components = n_components
        self.random_state = random_state
        self.stop_words = stop_words
        self.min_df = min_df
        self.max_df = max_df
        self.max_features = max_features
        self.ngram_range = ngram_range
        self.sublinear_tf = sublinear_tf

    def __repr__(self) -> str:
        return f"TfidfEmbedder(n_components={self.n_components}, random_state={self.random_state})"

    def make_vectorizer(self, **overrides: Any) -> TfidfVectorizer:
        """A :class:`TfidfVectorizer` with this embedder's settings (Dutch stop words)."""
        settings: dict[str, Any] = {
            "lowercase": True,
            "token_pattern": TOKEN_PATTERN,
            "stop_words": sorted(self._stop_words()),
            "min_df": self.min_df,
            "max_df": self.max_df,
            "max_features": self.max_features,
            "ngram_range": self.ngram_range,
            "sublinear_tf": self.sublinear_tf,
            "dtype": np.float32,
        }
        return TfidfVectorizer(**{**settings, **overrides})

    def _stop_words(self) -> set[str]:
        if self.stop_words is None:
            return set(debate_stop_words())
        if isinstance(self.stop_words, str):  # one word, not its letters
            return {self.stop_words}
        return set(self.stop_words)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Fit on ``texts`` and return their LSA vectors, rows of unit length.

        The same texts again (with the same settings) return the vectors of
        the last call without fitting again.

        Raises
        ------
        EmbedderError
            No text has a word that is not a stop word.
        """
        texts = _as_text_list(texts)
        settings = {k: v for k, v in vars(self).items() if not k.endswith("_") and k[0] != "_"}
        key = _texts_key(texts, repr(sorted(settings.items())))
        if getattr(self, "_last", (None,))[0] == key:
            return self._last[1].copy()
        vectors = self._fit_embed(texts)
        self._last = (key, vectors)
        return vectors.copy()

    def _fit_embed(self, texts: list[str]) -> np.ndarray:
        self.vectorizer_ = self.make_vectorizer()
        try:
            matrix = self.vectorizer_.fit_transform(texts)
        except ValueError as error:  # scikit-learn: "empty vocabulary"
            raise EmbedderError(message("E303", n=len(texts))) from error
        return self._fit_svd(matrix)

    def _fit_svd(self, matrix: Any) -> np.ndarray:
        k = min(self.n_components, matrix.shape[1] - 1, matrix.shape[0] - 1)
        if k < 1:
            self.svd_ = None
            return normalize(matrix.toarray())
        self.svd_ = TruncatedSVD(
            n_components=k, algorithm="randomized", random_state=self.random_state
        )
        # One BLAS thread: the SVD's QR and LU steps are small, and several
        # threads on a busy machine wait for each other many times longer.
        # Texts that are all alike have no variance: scikit-learn's explained
        # variance ratio divides by zero then, which says nothing about the vectors.
        with threadpool_limits(1), np.errstate(invalid="ignore", divide="ignore"):
            reduced = self.svd_.fit_transform(matrix)
        return normalize(reduced).astype(np.float32)

    def counts_fit_this_embedder(self) -> bool:
        """Whether term counts made with the default stop words and words can stand for texts.

        True with the default settings: then :meth:`embed_counts` gives the
        vectors :meth:`embed` would, without reading the texts again.
        """
        return (
            self.stop_words is None
            and tuple(self.ngram_range) == (1, 1)
            and self.min_df == 1
            and self.max_df == 1.0
        )

    def embed_counts(self, counts: Any, counter: Any) -> np.ndarray:
        """Fit on a term-count matrix already made, and return its rows' vectors.

        Parameters
        ----------
        counts
            Documents by terms, from ``counter`` (a fitted ``CountVectorizer``
            with :data:`TOKEN_PATTERN` and the default stop words).
        counter
            The vectorizer that made ``counts``; :meth:`transform` uses it
            for new texts.

        Returns
        -------
        numpy.ndarray
            One unit row per document.
        """
        tfidf = TfidfTransformer(sublinear_tf=self.sublinear_tf)
        matrix = tfidf.fit_transform(counts).astype(np.float32)
        self.vectorizer_ = _CountedTfidf(counter, tfidf)
        return self._fit_svd(matrix)

    def transform_counts(self, counts: Any) -> np.ndarray:
        """Vectors of term counts made by the counter :meth:`embed_counts` was given."""
        if not isinstance(getattr(self, "vectorizer_", None), _CountedTfidf):
            raise NotFittedError(message("E009", name="TfidfEmbedder.embed_counts"))
        matrix = self.vectorizer_.tfidf.transform(counts).astype(np.float32)
        if self.svd_ is None:
            return normalize(matrix.toarray())
        return normalize(self.svd_.transform(matrix)).astype(np.float32)

    def transform(self, texts: Sequence[str]) -> np.ndarray:
        """Embed new ``texts`` in the space the last :meth:`embed` fitted, without refitting.

        Raises
        ------
        NotFittedError
            :meth:`embed` was never called.
        """
        if not hasattr(self, "vectorizer_"):
            raise NotFittedError(message("E009", name="TfidfEmbedder"))
        matrix = self.vectorizer_.transform(_as_text_list(texts))
        if self.svd_ is None:
            return normalize(matrix.toarray())
        return normalize(self.svd_.transform(matrix)).astype(np.float32)


class _CountedTfidf:
    """Counts, then TF-IDF weights: a TfidfVectorizer's ``transform`` from parts fitted apart."""

    def __init__(self, counter: Any, tfidf: TfidfTransformer) -> None:
        self.counter = counter
        self.tfidf = tfidf

    def transform(self, texts: Sequence[str]) -> Any:
        return self.tfidf.transform(self.counter.transform(texts)).astype(np.float32)

    def get_feature_names_out(self) -> np.ndarray:
        return self.counter.get_feature_names_out()


class EmbeddingCache:
    """Vectors by model and text, oldest dropped first beyond ``max_items``.

    Parameters
    ----------
    max_items
        Texts kept per cache; about 1.5 KB each for a 384-dimension model.

    Attributes
    ----------
    hits, misses
        How many texts were found in, and missing from, the cache so far.
    """

    def __init__(self, max_items: int = 200_000) -> None:
        self.max_items = max_items
        self._vectors: OrderedDict[tuple[Hashable, str], np.ndarray] = OrderedDict()
        self.hits = 0
        self.misses = 0

    def __len__(self) -> int:
        return len(self._vectors)

    def __repr__(self) -> str:
        return f"EmbeddingCache({len(self)} vectors, {self.hits} hits, {self.misses} misses)"

    @staticmethod
    def key(model_key: Hashable, text: str) -> tuple[Hashable, str]:
        return model_key, hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()

    def get(self, model_key: Hashable, text: str) -> np.ndarray | None:
        key = self.key(model_key, text)
        vector = self._vectors.get(key)
        if vector is None:
            self.misses += 1
            return None
        self._vectors.move_to_end(key)
        self.hits += 1
        return vector

    def put(self, model_key: Hashable, text: str, vector: np.ndarray) -> None:
        self._vectors[self.key(model_key, text)] = vector
        while len(self._vectors) > self.max_items:
            self._vectors.popitem(last=False)

    def forget(self, model_key: Hashable) -> None:
        """Drop every vector of one model."""
        for key in [k for k in self._vectors if k[0] == model_key]:
            del self._vectors[key]

    def clear(self) -> None:
        """Drop every vector and reset the counters."""
        self._vectors.clear()
        self.hits = self.misses = 0


#: The cache every :class:`SentenceTransformerEmbedder` shares by default.
_SHARED_CACHE = EmbeddingCache()


class SentenceTransformerEmbedder:
    """Embed with a sentence-transformers model (the ``embeddings`` extra).

    Parameters
    ----------
    model
        A model name on the Hugging Face hub, a local folder, or a loaded
        ``SentenceTransformer``. A name is read from the local Hugging Face
        cache only (``local_files_only=True``): debatekit never reaches the
        network, so download the model once beforehand (``huggingface-cli
        download sentence-transformers/NAME``).
    batch_size
        Texts per forward pass.
    progress
        Show a progress bar while embedding.
    device
        Where to run the model ("cpu", "cuda"); ``None`` lets the library choose.
    cache
        Where vectors are kept between calls; ``None`` uses the cache shared by
        every embedder of this kind, ``False`` keeps none.

    Raises
    ------
    MissingDependencyError
        sentence-transformers is not installed (on the first :meth:`embed`).

    Examples
    --------
    >>> from debatekit.embed._embedders import SentenceTransformerEmbedder
    >>> embedder = SentenceTransformerEmbedder("path/to/all-MiniLM-L6-v2")  # doctest: +SKIP
    >>> embedder.embed(["De werkloosheid stijgt."]).shape  # doctest: +SKIP
    (1, 384)
    """

    def __init__(
        self,
        model: Any = DEFAULT_MODEL,
        *,
        batch_size: int = 32,
        progress: bool = False,
        device: str | None = None,
        cache: EmbeddingCache | bool | None = None,
    ) -> None:
        self.model = model
        self.batch_size = batch_size
        self.progress = progress
        self.device = device
        self.cache = cache
        self.n_computed_ = 0

    def __repr__(self) -> str:
        name = self.model if isinstance(self.model, str) else type(self.model).__name__
        return f"SentenceTransformerEmbedder(model={name!r})"

    @property
    def model_key(self) -> Hashable:
        """What identifies the model in the cache: its name, or the loaded object."""
        if isinstance(self.model, str):
            return ("name", self.model, self.device)
        return ("object", id(self.model))

    def load(self) -> Any:
        """Return the loaded ``SentenceTransformer`` (loading it on first use)."""
        if not isinstance(self.model, str):
            return self.model
        return _load_sentence_transformer(self.model, self.device)

    def _cache(self) -> EmbeddingCache | None:
        if self.cache is False:
            return None
        if self.cache is None or self.cache is True:
            return _SHARED_CACHE
        return self.cache

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Return one unit-length vector per text, computing only those not cached."""
        texts = _as_text_list(texts)
        cache = self._cache()
        key = self.model_key
        found = [cache.get(key, t) if cache is not None else None for t in texts]
        missing = sorted({t for t, v in zip(texts, found, strict=True) if v is None})
        if missing:
            model = self.load()
            if not isinstance(self.model, str) and cache is not None:
                _forget_when_collected(self.model, cache, key)
            vectors = np.asarray(
                model.encode(
                    missing,
                    batch_size=self.batch_size,
                    show_progress_bar=self.progress,
                    convert_to_numpy=True,
                    normalize_embeddings=True,
                ),
                dtype=np.float32,
            )
            self.n_computed_ += len(missing)
            computed = dict(zip(missing, vectors, strict=True))
            if cache is not None:
                for text, vector in computed.items():
                    cache.put(key, text, vector)
            found = [v if v is not None else computed[t] for t, v in zip(texts, found, strict=True)]
        if not found:
            return np.zeros((0, 0), dtype=np.float32)
        return normalize(np.vstack([v for v in found if v is not None])).astype(np.float32)


@lru_cache(maxsize=4)
def _load_sentence_transformer(name: str, device: str | None) -> Any:
    """Load a model once per process; missing packages give the install command."""
    try:
        from sentence_transformers import SentenceTransformer
    except ImportError as error:
        raise MissingDependencyError(
            message("E301", package="sentence-transformers", extra="embeddings")
        ) from error
    # Never the network at run time: a model that is not on disk fails at once.
    return SentenceTransformer(name, device=device, local_files_only=True)


def _forget_when_collected(model: Any, cache: EmbeddingCache, key: Hashable) -> None:
    # A loaded model is cached by id(); once it is gone, its id may be reused.
    try:
        weakref.finalize(model, cache.forget, key)
    except TypeError:  # objects without weak references keep their vectors
        pass


def get_embedder(spec: Any = "tfidf", random_state: int = 0) -> Embedder:
    """Turn what a user passes as ``embedder=`` into an :class:`Embedder`.

    Parameters
    ----------
    spec
        ``"tfidf"`` (TF-IDF/LSA, offline); ``"sentence-transformers"`` (the
        multilingual :data:`DEFAULT_MODEL`); any other string, as a
        sentence-transformers model name or local folder; a loaded model
        (anything with an ``encode`` method); or an :class:`Embedder`.
    random_state
        Seed for embedders with a random step.

    Returns
    -------
    Embedder

    Raises
    ------
    EmbedderError
        ``spec`` is none of the above.

    Examples
    --------
    >>> from debatekit.embed._embedders import get_embedder
    >>> get_embedder("tfidf")
    TfidfEmbedder(n_components=100, random_state=0)
    """
    if isinstance(spec, str):
        name = spec.strip()
        if name.lower() in {"tfidf", "tf-idf", "lsa"}:
            return TfidfEmbedder(random_state=random_state)
        if name.lower() in {"sentence-transformers", "sentence_transformers", "st"}:
            return SentenceTransformerEmbedder(DEFAULT_MODEL)
        return SentenceTransformerEmbedder(name)
    if isinstance(spec, Embedder):
        return spec
    if callable(getattr(spec, "encode", None)):
        return SentenceTransformerEmbedder(spec)
    raise EmbedderError(message("E300", type=type(spec).__name__))


def embed_or_fall_back(
    embedder: Embedder, texts: Sequence[str], random_state: int = 0
) -> np.ndarray:
    """Embed ``texts``; if a named model cannot be loaded, use TF-IDF with one warning.

    A missing ``sentence-transformers`` package is an error (the user asked
    for it); a model that cannot be found offline is not, as the analysis can
    still run.
    """
    return embed_with_fallback(embedder, texts, random_state)[1]


def embed_with_fallback(
    embedder: Embedder, texts: Sequence[str], random_state: int = 0
) -> tuple[Embedder, np.ndarray]:
    """Like :func:`embed_or_fall_back`, and also return the embedder that was used.

    Use it to embed more texts later in the same space.
    """
    try:
        return embedder, embedder.embed(texts)
    except MissingDependencyError:
        raise
    except OSError as error:  # huggingface_hub: not found locally, no network
        if not isinstance(embedder, SentenceTransformerEmbedder):
            raise
        warnings.warn(
            message(
                "W300",
                model=embedder.model,
                repo=_hub_repo(str(embedder.model)),
                cause=_first_line(error),
            ),
            ModelFallbackWarning,
            stacklevel=4,
        )
        fallback = TfidfEmbedder(random_state=random_state)
        return fallback, fallback.embed(texts)


def _hub_repo(name: str) -> str:
    """The hub repository of a model name: short names are sentence-transformers' own."""
    if re.fullmatch(r"[\w.-]+", name):
        return f"sentence-transformers/{name}"
    return name if re.fullmatch(r"[\w.-]+/[\w.-]+", name) else "ORGANISATION/NAME"


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def _texts_key(texts: list[str], settings: str) -> str:
    digest = hashlib.blake2b(settings.encode("utf-8"), digest_size=16)
    for text in texts:
        digest.update(text.encode("utf-8"))
        digest.update(b"\0")  # so that ["ab", "c"] and ["a", "bc"] differ
    return digest.hexdigest()


def _as_text_list(texts: Sequence[str]) -> list[str]:
    if isinstance(texts, str):  # one text, not a sequence of characters
        texts = [texts]
    return [t if isinstance(t, str) else "" if pd.isna(t) else str(t) for t in texts]
