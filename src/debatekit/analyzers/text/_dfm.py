"""The document-term matrix: words counted per turn, or per speaker, party, item, meeting."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp

from ..._errors import MissingDependencyError, ModelFallbackWarning, SchemaError, message
from ..._schema import require_columns
from ..._validation import check_int, check_number
from ._tokens import Tokens, context_of, resolve_stop_words, tokenize_turns

__all__ = ["Dfm", "dfm", "build_dfm", "group_keys"]

#: The spaCy pipelines tried for lemmas, best first.
DUTCH_PIPELINES = ("nl_core_news_lg", "nl_core_news_md", "nl_core_news_sm")


@dataclass(frozen=True)
class Dfm:
    """A document-term matrix: rows are turns (or groups), columns are words.

    Attributes
    ----------
    matrix
        ``scipy.sparse.csr_matrix`` of counts, one row per document.
    features
        The words (or n-grams, words joined by a space), one per column.
    docs
        One row per document: ``turn_id`` and the turns' context columns, or
        the group columns and ``n_turns`` when grouped.
    """

    matrix: sp.csr_matrix
    features: np.ndarray
    docs: pd.DataFrame

    @property
    def shape(self) -> tuple[int, int]:
        """``(documents, features)``."""
        return self.matrix.shape

    @property
    def vocabulary(self) -> dict[str, int]:
        """Word -> column, as scikit-learn's ``vocabulary_``."""
        return {word: i for i, word in enumerate(self.features)}

    def to_frame(self) -> pd.DataFrame:
        """The counts as a pandas sparse DataFrame, indexed by ``turn_id`` or the groups."""
        frame = pd.DataFrame.sparse.from_spmatrix(self.matrix, columns=list(self.features))
        frame.index = self._index()
        return frame

    def _index(self) -> pd.Index:
        if "turn_id" in self.docs.columns:
            return pd.Index(self.docs["turn_id"], name="turn_id")
        keys = [c for c in self.docs.columns if c != "n_turns"]
        if len(keys) == 1:
            return pd.Index(self.docs[keys[0]], name=keys[0])
        return pd.MultiIndex.from_frame(self.docs[keys])

    def totals(self) -> pd.Series:
        """How often each word is said in all documents together, most said first."""
        counts = np.asarray(self.matrix.sum(axis=0)).ravel()
        series = pd.Series(counts, index=self.features, name="frequency")
        return series.sort_values(ascending=False, kind="stable")

    def trim(
        self,
        *,
        min_count: int = 1,
        min_docs: int = 1,
        max_docs: float = 1.0,
    ) -> Dfm:
        """Keep the words said at least ``min_count`` times in at least ``min_docs`` documents.

        ``max_docs`` drops words found in too many documents: a share of them
        when a float <= 1.0, a count when an int > 1.
        """
        check_int(min_count, "min_count", "Dfm.trim", minimum=1)
        check_int(min_docs, "min_docs", "Dfm.trim", minimum=1)
        check_number(max_docs, "max_docs", "Dfm.trim", minimum=0, strict=True)
        counts = np.asarray(self.matrix.sum(axis=0)).ravel()
        docs = np.asarray((self.matrix > 0).sum(axis=0)).ravel()
        ceiling = max_docs * self.shape[0] if float(max_docs) <= 1.0 else max_docs
        keep = (counts >= min_count) & (docs >= min_docs) & (docs <= ceiling)
        return replace(self, matrix=self.matrix[:, keep].tocsr(), features=self.features[keep])

    def group(self, by: str | Sequence[str]) -> Dfm:
        """Sum the rows by one or more of the documents' columns (speaker, party, ...)."""
        keys, indicator = group_keys(self.docs, by, owner="Dfm.group")
        n = self.docs["n_turns"].to_numpy() if "n_turns" in self.docs else np.ones(len(self.docs))
        keys["n_turns"] = (indicator @ n).astype(np.int64)
        return replace(self, matrix=(indicator @ self.matrix).tocsr(), docs=keys)

    def __repr__(self) -> str:
        unit = "turns" if "turn_id" in self.docs.columns else "groups"
        return f"<Dfm: {self.shape[0]} {unit} x {self.shape[1]} features, {self.matrix.nnz} cells>"


def group_keys(
    docs: pd.DataFrame, by: str | Sequence[str], *, owner: str
) -> tuple[pd.DataFrame, sp.csr_matrix]:
    """The distinct values of the ``by`` columns, sorted, and a group-by-document 0/1 matrix.

    Missing values (a chair has no party) form a group of their own.
    """
    columns = [by] if isinstance(by, str) else list(by)
    missing = [c for c in columns if c not in docs.columns]
    if missing or not columns:
        raise SchemaError(
            message(
                "E603",
                owner=owner,
                missing=", ".join(missing) or "none",
                columns=", ".join(docs.columns),
            )
        )
    frame = docs[columns].astype(object).where(docs[columns].notna(), None)
    codes, uniques = pd.factorize(pd.MultiIndex.from_frame(frame), sort=True, use_na_sentinel=False)
    keys = pd.DataFrame(list(uniques), columns=columns, dtype=object)
    keys = keys.where(keys.notna(), None)
    indicator = sp.csr_matrix(
        (np.ones(len(codes), dtype=np.int64), (codes, np.arange(len(codes)))),
        shape=(len(keys), len(codes)),
    )
    return keys, indicator


def _ngrams(words: Sequence[str | None], low: int, high: int) -> list[str]:
    """N-grams of adjacent kept words; a dropped stop word breaks the sequence."""
    grams = []
    for n in range(low, high + 1):
        for i in range(len(words) - n + 1):
            piece = words[i : i + n]
            if None not in piece:
                grams.append(" ".join(piece))  # type: ignore[arg-type]
    return grams


def _ngram_range(ngrams: object) -> tuple[int, int]:
    if isinstance(ngrams, int) and not isinstance(ngrams, bool):
        check_int(ngrams, "ngrams", "dfm", minimum=1)
        return ngrams, ngrams
    ok = (
        isinstance(ngrams, tuple)
        and len(ngrams) == 2
        and all(isinstance(n, int) and n >= 1 for n in ngrams)
        and ngrams[0] <= ngrams[1]
    )
    check_int(1 if ok else 0, "ngrams", "dfm", minimum=1)  # one message for every bad form
    return ngrams  # type: ignore[return-value]


def _pipeline(lemmatize: object) -> Any:
    """The spaCy pipeline that gives lemmas, or None (surface forms)."""
    if lemmatize is False or lemmatize is None:
        return None
    if not isinstance(lemmatize, str) and hasattr(lemmatize, "pipe"):
        return lemmatize  # a loaded spacy.Language
    import spacy

    if lemmatize in (True, "auto"):
        for name in DUTCH_PIPELINES:
            if spacy.util.is_package(name):
                return spacy.load(name, exclude=["ner", "parser"])
        import warnings

        warnings.warn(
            message("W600", tried=", ".join(DUTCH_PIPELINES)), ModelFallbackWarning, stacklevel=4
        )
        return None
    if not spacy.util.is_package(str(lemmatize)):
        raise MissingDependencyError(message("E604", name=lemmatize))
    return spacy.load(str(lemmatize), exclude=["ner", "parser"])


def _lemmas(nlp: Any, texts: Sequence[str], tokens: Sequence[Tokens]) -> list[list[str]]:
    """Each word's lemma where the pipeline's token spans the same characters."""
    lemmatized = []
    for doc, words in zip(nlp.pipe(texts), tokens):
        by_span = {(t.idx, t.idx + len(t)): t.lemma_.lower() for t in doc if t.lemma_}
        lemmatized.append(
            [
                by_span.get((int(s), int(e)), w) or w
                for w, s, e in zip(words.words, words.starts, words.ends)
            ]
        )
    return lemmatized


def build_dfm(
    turns: pd.DataFrame,
    *,
    stop_words: object = "auto",
    ngrams: int | tuple[int, int] = 1,
    lemmatize: object = False,
    include_procedural: bool = False,
) -> Dfm:
    """Count the words of every turn (see :func:`dfm`)."""
    require_columns(turns)
    low, high = _ngram_range(ngrams)
    if not include_procedural and "procedural" in turns.columns:
        positions = np.flatnonzero(~turns["procedural"].fillna(False).to_numpy(dtype=bool))
    else:
        positions = np.arange(len(turns))
    chosen = turns.iloc[positions]
    texts = [t if isinstance(t, str) else "" for t in chosen["text"].tolist()]
    tokens = tokenize_turns(texts)
    nlp = _pipeline(lemmatize)
    words = _lemmas(nlp, texts, tokens) if nlp is not None else [list(t.words) for t in tokens]
    langs = chosen["lang"].tolist() if "lang" in chosen.columns else None
    stops = resolve_stop_words(
        stop_words, "dfm", langs if langs is not None else [None] * len(texts)
    )
    features = [
        _ngrams([w if w not in stop else None for w in ws], low, high)
        for ws, stop in zip(words, stops)
    ]
    matrix, vocabulary = _count(features)
    # Every column but the text, so that any of them can group the rows later.
    others = [c for c in turns.columns if c != "text"]
    return Dfm(matrix=matrix, features=vocabulary, docs=context_of(turns, positions, others))


def _count(features: list[list[str]]) -> tuple[sp.csr_matrix, np.ndarray]:
    """A counts matrix with its columns in alphabetical order."""
    index: dict[str, int] = {}
    rows, cols = [], []
    for row, grams in enumerate(features):
        for gram in grams:
            cols.append(index.setdefault(gram, len(index)))
            rows.append(row)
    matrix = sp.csr_matrix(
        (np.ones(len(rows), dtype=np.int64), (rows, cols)), shape=(len(features), len(index))
    )
    matrix.sum_duplicates()
    words = np.array(list(index), dtype=object)
    order = np.argsort(words.astype(str), kind="stable")
    return matrix[:, order].tocsr(), words[order]


def dfm(
    turns: pd.DataFrame,
    *,
    by: str | Sequence[str] | None = None,
    stop_words: object = "auto",
    ngrams: int | tuple[int, int] = 1,
    lemmatize: object = False,
    min_count: int = 1,
    min_docs: int = 1,
    max_docs: float = 1.0,
    include_procedural: bool = False,
) -> Dfm:
    """A document-term matrix of ``turns``, keyed by ``turn_id`` or grouped.

    Parameters
    ----------
    turns
        A turns table.
    by
        Column(s) to sum turns by (``"speaker"``, ``"party"``, ``"item"``,
        ``"meeting"``, ...); None keeps one row per turn.
    stop_words
        ``"auto"`` (Dutch stop words, or each turn's language when the turns
        have a ``lang`` column: Dutch or French), ``"nl"``, ``"fr"``,
        ``("nl", "fr")``, a list of words, or None to keep every word.
    ngrams
        ``2`` for bigrams, ``(1, 2)`` for words and bigrams. An n-gram is made
        of adjacent words: a dropped stop word breaks it.
    lemmatize
        ``False`` (words as written), ``"auto"`` (lemmas from the best Dutch
        spaCy pipeline installed, else words as written, with a warning), a
        pipeline's name, or a loaded ``spacy.Language``.
    min_count, min_docs, max_docs
        Trim words said fewer than ``min_count`` times, found in fewer than
        ``min_docs`` turns, or in more than ``max_docs`` (a share when <= 1.0).
        Trimming counts turns, before grouping.
    include_procedural
        Count the chair's procedural turns too.

    Returns
    -------
    Dfm
        ``.matrix`` (scipy CSR), ``.features``, ``.docs``; ``.to_frame()``
        gives a pandas sparse DataFrame.

    Examples
    --------
    >>> import debatekit as dk
    >>> turns = dk.read_transcript(dk.sample_path())
    >>> counts = dk.dfm(turns, by="party", min_count=2)
    >>> counts.docs["party"].tolist()
    ['Groen', 'N-VA', 'Vooruit', 'cd&v', None]
    >>> int(counts.to_frame().loc["N-VA", "kmo-portefeuille"])
    9
    """
    counts = build_dfm(
        turns,
        stop_words=stop_words,
        ngrams=ngrams,
        lemmatize=lemmatize,
        include_procedural=include_procedural,
    )
    counts = counts.trim(min_count=min_count, min_docs=min_docs, max_docs=max_docs)
    return counts.group(by) if by is not None else counts
