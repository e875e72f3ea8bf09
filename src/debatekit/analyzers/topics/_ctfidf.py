"""Topic keywords by class-based TF-IDF, and the subject an agenda heading names.

Class-based TF-IDF (c-TF-IDF, as BERTopic's ``ClassTfidfTransformer``) treats
all the text of one topic as one document: a term ranks high when it is
frequent in the topic and rare across topics. Stop words (Dutch, and the
words every debate shares) never count.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.feature_extraction.text import CountVectorizer

from ...lang._stop_words import debate_stop_words
from ...lang._tokens import TOKEN_PATTERN

__all__ = [
    "class_tfidf_keywords",
    "count_terms",
    "heading_subject",
    "heading_addressee",
    "topic_phrases",
    "npmi_coherence",
    "acronym_forms",
]

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


# "... van <asker> aan <minister>, <portfolio>, over": who is asked, and in what capacity.
_ADDRESSEE = re.compile(r"\s(?:aan|tot|à)\s+(.+)$", re.IGNORECASE)


def heading_addressee(title: str | None) -> str:
    """Whom an agenda heading's question is put to, and in what capacity (the portfolio).

    The minister and portfolio say which part of the government's work an
    item is about, in words that a French and a Dutch heading share (names)
    or that the Dutch heading gives for both; the asker's name says nothing.

    Examples
    --------
    >>> heading_addressee(
    ...     'Vraag van Reccino Van Lommel aan Alexia Bertrand (Begroting en '
    ...     'Consumentenbescherming) over "Elektrische wagens" (56000052C)'
    ... )
    'Alexia Bertrand (Begroting en Consumentenbescherming)'
    >>> heading_addressee("VRAAG van Axel Ronse aan Jo Brouns, minister van Werk, over jobs")
    'Jo Brouns, minister van Werk'
    >>> heading_addressee("ONTWERP VAN DECREET houdende de bosbescherming")
    ''
    """
    if title is None or pd.isna(title):
        return ""
    found = []
    for part in str(title).split(" / "):
        marker = next((m for m in (p.search(part) for p in _SUBJECT_MARKERS) if m), None)
        if marker is None:
            continue
        before = _ADDRESSEE.search(part[: marker.start()])
        if before:
            found.append(before.group(1).strip(" ,"))
    return " / ".join(dict.fromkeys(found))


def count_terms(
    texts: Sequence[str], *, max_features: int | None = 50_000, return_counter: bool = False
) -> Any:
    """Term counts of ``texts`` (stop words left out) and the terms, in column order.

    With ``return_counter=True``, also the fitted ``CountVectorizer`` (None
    when no text has a term), to count other texts the same way.

    Examples
    --------
    >>> counts, terms = count_terms(["De werkloosheid stijgt.", "Minister, de werkloosheid!"])
    >>> terms.tolist(), counts.sum(axis=1).A1.tolist()
    (['stijgt', 'werkloosheid'], [2, 1])
    """
    vectorizer = CountVectorizer(
        token_pattern=TOKEN_PATTERN,
        stop_words=sorted(debate_stop_words()),
        max_features=max_features,
        dtype=np.int32,
    )
    try:
        counts = vectorizer.fit_transform(texts)
    except ValueError:  # no term outside the stop words
        empty = sparse.csr_matrix((len(texts), 0), dtype=np.int32), np.array([], dtype=object)
        return (*empty, None) if return_counter else empty
    found = counts.tocsr(), vectorizer.get_feature_names_out()
    return (*found, vectorizer) if return_counter else found


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


#: Characters of each topic's text read for its phrases and acronyms: enough to
#: find what recurs, and a bound on the time a corpus of millions of words takes.
SAMPLE_CHARS = 200_000

_ACRONYM = re.compile(r"\b[A-Z\u00C0-\u00DE]{2,}(?:-[A-Z\u00C0-\u00DE]+)*\b")


def topic_phrases(
    class_texts: Sequence[str], *, min_count: int = 3, top_n: int = 10
) -> list[list[tuple[str, float]]]:
    """Two-word phrases ranked by class-based TF-IDF, per class ("artificiële intelligentie").

    Stop words are removed before pairs are formed, as in scikit-learn, so
    "de kosten van de zorg" gives "kosten zorg"; a pair must occur
    ``min_count`` times in its class.
    """
    vectorizer = CountVectorizer(
        token_pattern=TOKEN_PATTERN,
        stop_words=sorted(debate_stop_words()),
        ngram_range=(2, 2),
        dtype=np.int32,
    )
    try:
        tf = vectorizer.fit_transform([t[:SAMPLE_CHARS] for t in class_texts])
    except ValueError:
        return [[] for _ in class_texts]
    terms = vectorizer.get_feature_names_out()
    tf = tf.toarray().astype(np.float64) if tf.shape[1] < 200_000 else tf
    tf = np.asarray(tf)
    tf[tf < min_count] = 0
    words_per_class = np.maximum(tf.sum(axis=1, keepdims=True), 1.0)
    average = words_per_class.mean()
    idf = np.log1p(average / np.maximum(tf.sum(axis=0), 1.0))
    scores = tf / words_per_class * idf
    ranked = []
    for row in scores:
        best = np.argsort(-row, kind="stable")[:top_n]
        ranked.append([(str(terms[i]), float(row[i])) for i in best if row[i] > 0])
    return ranked


def acronym_forms(texts: Sequence[str], totals: dict[str, int]) -> dict[str, str]:
    """Words written in capitals most of the time ("VDAB", "NMBS"), by their lower-case form.

    Parameters
    ----------
    texts
        Where to count the capitalised forms.
    totals
        How often each lower-case word occurs in those texts, in any case.

    Examples
    --------
    >>> acronym_forms(["De VDAB en de VDAB.", "Minister, de vdab"], {"vdab": 3})
    {'vdab': 'VDAB'}
    """
    upper: dict[str, int] = {}
    for text in texts:
        for word in _ACRONYM.findall(text):
            upper[word] = upper.get(word, 0) + 1
    return {
        word.lower(): word
        for word, count in upper.items()
        if count * 2 >= totals.get(word.lower(), count)
    }


def npmi_coherence(binary: sparse.spmatrix, columns: Sequence[int]) -> float:
    """Mean normalised pointwise mutual information of the pairs of ``columns``.

    Parameters
    ----------
    binary
        Documents by terms, non-zero where the term occurs.
    columns
        The term columns of one topic's keywords.

    Returns
    -------
    float
        In [-1, 1]: 1 when the words always occur together, 0 when
        independent, -1 when never together; NaN with fewer than two words.

    Examples
    --------
    >>> m = sparse.csr_matrix(np.array([[1, 1, 0], [1, 1, 0], [0, 0, 1], [0, 0, 1]]))
    >>> round(npmi_coherence(m, [0, 1]), 3), round(npmi_coherence(m, [0, 2]), 3)
    (1.0, -1.0)
    """
    columns = list(dict.fromkeys(int(c) for c in columns))
    if len(columns) < 2 or binary.shape[0] == 0:
        return float("nan")
    occurs = (binary[:, columns] > 0).astype(np.float64)
    n = binary.shape[0]
    joint = np.asarray((occurs.T @ occurs).todense()) / n
    single = np.diag(joint).copy()
    values = []
    for a in range(len(columns)):
        for b in range(a + 1, len(columns)):
            p_ab = joint[a, b]
            if p_ab <= 0:
                values.append(-1.0)
            elif p_ab >= 1:
                values.append(1.0)
            else:
                values.append(np.log(p_ab / (single[a] * single[b])) / -np.log(p_ab))
    return float(np.mean(values))
