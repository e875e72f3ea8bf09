"""Topic keywords by class-based TF-IDF, and the subject an agenda heading names.

Class-based TF-IDF (c-TF-IDF, as BERTopic's ``ClassTfidfTransformer``) treats
all the text of one topic as one document: a term ranks high when it is
frequent in the topic and rare across topics. Stop words (Dutch, and the
words every debate shares) never count.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.feature_extraction.text import CountVectorizer

from ...lang._stop_words import dutch_stop_words
from ...lang._tokens import TOKEN_PATTERN

__all__ = ["class_tfidf_keywords", "count_terms", "heading_subject"]

# "VRAAG OM UITLEG van X aan Y, Vlaams minister van ..., over SUBJECT": the
# subject follows the first " over "; the names before it are not a subject.
# Bills and resolutions name theirs after "houdende", "betreffende", "tot wijziging van".
_SUBJECT_MARKERS = [
    re.compile(rf"\b{marker}\s+", re.IGNORECASE)
    for marker in ("over", "betreffende", "houdende", "inzake", r"tot\s+wijziging\s+van")
]
_LEADING_CAPS = re.compile(
    r"^(?:[A-Z\u00C0-\u00DE-]{2,}\s+)+(?:van|tot|aan|betreffende|houdende)?\s*"
)


def heading_subject(title: str | None) -> str:
    """The subject an agenda heading names, without its kind and speakers' names.

    Joint debates (headings joined by " / ") keep every subject.

    Examples
    --------
    >>> heading_subject(
    ...     "VRAAG OM UITLEG van Axel Ronse aan Jo Brouns, Vlaams minister van Economie, "
    ...     "over het terugschroeven van thuiswerk"
    ... )
    'het terugschroeven van thuiswerk'
    >>> heading_subject("ONTWERP VAN DECREET houdende de bosbescherming")
    'de bosbescherming'
    >>> heading_subject("INTERPELLATIE van An Peeters tot Jo Brouns, minister, over de jobs")
    'de jobs'
    >>> heading_subject("VOORSTEL VAN RESOLUTIE van Jan Peeters betreffende de mantelzorg")
    'de mantelzorg'
    >>> heading_subject("VOORSTEL VAN DECREET van Jan Peeters tot wijziging van het jachtdecreet")
    'het jachtdecreet'
    """
    if title is None or pd.isna(title):
        return ""
    subjects = []
    for part in str(title).split(" / "):
        found = next((m for m in (p.search(part) for p in _SUBJECT_MARKERS) if m), None)
        subject = part[found.end() :] if found else _LEADING_CAPS.sub("", part)
        subjects.append(subject.strip())
    return " / ".join(s for s in subjects if s)


def count_terms(
    texts: Sequence[str], *, max_features: int | None = 50_000
) -> tuple[sparse.csr_matrix, np.ndarray]:
    """Term counts of ``texts`` (stop words left out) and the terms, in column order.

    Examples
    --------
    >>> counts, terms = count_terms(["De werkloosheid stijgt.", "Minister, de werkloosheid!"])
    >>> terms.tolist(), counts.sum(axis=1).A1.tolist()
    (['stijgt', 'werkloosheid'], [2, 1])
    """
    vectorizer = CountVectorizer(
        token_pattern=TOKEN_PATTERN,
        stop_words=sorted(dutch_stop_words()),
        max_features=max_features,
        dtype=np.int32,
    )
    try:
        counts = vectorizer.fit_transform(texts)
    except ValueError:  # no term outside the stop words
        return sparse.csr_matrix((len(texts), 0), dtype=np.int32), np.array([], dtype=object)
    return counts.tocsr(), vectorizer.get_feature_names_out()


def class_tfidf_keywords(
    counts: sparse.spmatrix,
    terms: Sequence[str] | np.ndarray,
    labels: np.ndarray,
    n_classes: int,
    *,
    top_n: int = 10,
) -> list[list[tuple[str, float]]]:
    """Rank each class's terms by class-based TF-IDF.

    Parameters
    ----------
    counts
        Term counts, one row per document (from :func:`count_terms`).
    terms
        The term of each column.
    labels
        The class of each document, ``0 .. n_classes - 1``; others are ignored.
    n_classes
        How many classes there are.
    top_n
        Terms kept per class.

    Returns
    -------
    list of list of (str, float)
        Per class, its terms with their scores, best first. A class without
        text gets an empty list.

    Examples
    --------
    >>> texts = ["werkloosheid en jobs", "jobs voor werkzoekenden", "cyberaanvallen op bedrijven"]
    >>> counts, terms = count_terms(texts)
    >>> [k[0][0] for k in class_tfidf_keywords(counts, terms, np.array([0, 0, 1]), 2)]
    ['jobs', 'bedrijven']
    """
    labels = np.asarray(labels)
    rows = np.flatnonzero((labels >= 0) & (labels < n_classes))
    membership = sparse.csr_matrix(
        (np.ones(len(rows)), (labels[rows], rows)), shape=(n_classes, counts.shape[0])
    )
    tf = np.asarray((membership @ counts).todense(), dtype=np.float64)
    words_per_class = tf.sum(axis=1, keepdims=True)
    average_words = words_per_class[words_per_class > 0].mean() if tf.any() else 1.0
    idf = np.log1p(average_words / np.maximum(tf.sum(axis=0), 1.0))
    scores = tf / np.maximum(words_per_class, 1.0) * idf
    ranked = []
    for row in scores:
        # Stable sort on the negated score: ties keep vocabulary order, run after run.
        best = np.argsort(-row, kind="stable")[:top_n]
        ranked.append([(str(terms[i]), float(row[i])) for i in best if row[i] > 0])
    return ranked
