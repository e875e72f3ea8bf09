"""Topics of debates: clusters of turns that follow the agenda, with keywords.

How it works, and why (see docs/topics.md):

1. **Turns with a topic of their own.** Procedural turns ("De heer X heeft
   het woord.") and turns with fewer than ``min_words`` words outside the stop
   words ("Dank u, minister.") say nothing about a subject; they get the topic
   of their debate afterwards (``topic_inherited``).
2. **Debates.** Consecutive turns under one agenda heading (``item_title``)
   within a meeting form a debate: one subject, named by the heading. The
   heading's subject ("over het terugschroeven van thuiswerk") is embedded
   with the turns, without the kind of item and the speakers' names.
3. **Vectors.** Each turn is embedded (TF-IDF/LSA by default). A debate's
   vector is the mean of its turns' vectors plus its heading's; a turn's
   vector in context is its own vector blended with its debate's
   (``own_weight``), so a turn keeps its debate's subject unless its own words
   clearly point elsewhere.
4. **Clusters.** k-means (cosine, seeded) groups the debates, weighted by
   their turns; ``n_topics=None`` picks k by the silhouette. Each turn takes
   the nearest topic of its vector in context.
5. **Keywords.** Class-based TF-IDF over each topic's turns and headings,
   stop words (Dutch, and words every debate shares) excluded.

Nothing reads the ``item`` number: the method needs only what any transcript
has (text, headings, turn order), so it works the same on other meetings and
on a corpus of hundreds.
"""

from __future__ import annotations

import hashlib
import os
import sys
import warnings
from types import FrameType
from typing import Any, ClassVar

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.cluster import KMeans
from sklearn.metrics import silhouette_score
from sklearn.preprocessing import normalize
from threadpoolctl import threadpool_limits

from ..._debates import debate_ids, has_headings, meeting_ids, reading_order, restore_order
from ..._errors import AnalyzerError, DebatekitWarning, EmbedderError, message
from ..._progress import PROGRESS, progress_bar
from ..._schema import count_words
from ..._validation import check_int, check_number
from ...embed._embedders import (
    Embedder,
    TfidfEmbedder,
    embed_with_fallback,
    get_embedder,
)
from ...lang._tokens import tokenize
from .._base import Analyzer, register_analyzer
from ._ctfidf import class_tfidf_keywords, count_terms, heading_subject
from ._result import TopicResult

__all__ = ["TopicAnalyzer", "topics"]

#: Silhouette below which debates are not grouped when the number of topics is chosen.
MIN_SILHOUETTE = 0.1

#: How far below the best silhouette the chosen number of topics may score.
SILHOUETTE_TOLERANCE = 0.02

#: Columns the analyzer adds to (or reads from) the turns table.
TOPIC_COLUMNS = ["debate", "topic", "topic_label", "topic_inherited", "topic_score"]


@register_analyzer("topics")
class TopicAnalyzer(Analyzer):
    """Cluster turns into topics that follow the debates, with ranked keywords.

    Parameters
    ----------
    n_topics
        How many topics; ``None`` chooses by the silhouette, up to ``max_topics``.
    embedder
        ``"tfidf"`` (TF-IDF/LSA, offline, the default), ``"sentence-transformers"``,
        a model name or folder, a loaded ``SentenceTransformer``, or an embedder
        (see :func:`debatekit.get_embedder`).
    random_state
        Seed of every random step: same turns and seed, same topics, bit for bit.
    min_words
        Words outside the stop words a turn needs to have a topic of its own;
        shorter turns inherit their debate's topic.
    own_weight
        Weight of a turn's own vector against its debate's (0: a turn is its
        debate; 1: debates are ignored).
    heading_weight
        Weight of the agenda heading in a debate's vector, against the mean
        of its turns.
    use_headings
        Group turns into debates by their agenda heading. Off, each turn
        stands alone (for tables without headings).
    max_topics
        Largest number of topics ``n_topics=None`` considers.
    top_n_words
        Keywords kept per topic.
    n_representative
        Representative turns listed per topic.
    progress
        Show a progress bar.

    Attributes
    ----------
    n_topics_ : int
        The number of topics found.
    topics_ : pandas.DataFrame
        One row per topic: ``topic``, ``size``, ``n_debates``, ``words``,
        ``label``, ``keywords``, ``subject``, ``representative``.
    centroids_ : numpy.ndarray
        Unit vectors of the topics, in the embedder's space.
    assignments_ : pandas.DataFrame
        The fitted turns' topics (what :meth:`transform` returns for them).
    embedder_ : Embedder
        The embedder used.

    Examples
    --------
    >>> import debatekit as dk
    >>> turns = dk.read_transcript(dk.sample_path())
    >>> table = dk.TopicAnalyzer(n_topics=10).fit_transform(turns)
    >>> table.columns.tolist()
    ['turn_id', 'debate', 'topic', 'topic_label', 'topic_inherited', 'topic_score']
    """

    name: ClassVar[str] = "topics"
    required_columns: ClassVar[tuple[str, ...]] = ("turn_id", "text")
    check_params: ClassVar[dict[str, Any]] = {"n_topics": 4}

    def __init__(
        self,
        n_topics: int | None = None,
        *,
        embedder: Any = "tfidf",
        random_state: int = 0,
        min_words: int = 15,
        own_weight: float = 0.35,
        heading_weight: float = 1.0,
        use_headings: bool = True,
        max_topics: int = 50,
        top_n_words: int = 10,
        n_representative: int = 3,
        progress: bool = PROGRESS,
    ) -> None:
        self.n_topics = n_topics
        self.embedder = embedder
        self.random_state = random_state
        self.min_words = min_words
        self.own_weight = own_weight
        self.heading_weight = heading_weight
        self.use_headings = use_headings
        self.max_topics = max_topics
        self.top_n_words = top_n_words
        self.n_representative = n_representative
        self.progress = progress

    # -- fitting ---------------------------------------------------------------

    def fit(self, turns: pd.DataFrame, y: None = None) -> TopicAnalyzer:
        """Find the topics of ``turns``.

        Raises
        ------
        SchemaError
            ``turns`` lacks ``turn_id`` or ``text``.
        AnalyzerError
            A parameter is out of range, or no turn has text of its own.
        """
        self._check_params()
        self._validate(turns)
        bar = progress_bar(total=4, enabled=self.progress, desc="topics", leave=False)
        reading = reading_order(turns)
        layout = _Layout.of(turns.iloc[reading], self.min_words, self.use_headings)
        if not layout.content.any():
            raise AnalyzerError(message("E305", n=len(turns), min_words=self.min_words))
        self.embedder_ = get_embedder(self.embedder, random_state=self.random_state)
        bar.set_postfix_str("embedding")
        own, headings = self._embed(layout, fit=True)
        bar.update()
        bar.set_postfix_str("clustering")
        debates = layout.debate_vectors(own, headings, self.heading_weight)
        centroids, n_distinct = self._cluster(debates, layout.debate_weights())
        bar.update()
        assignment = layout.assign(own, debates, centroids, self.own_weight)
        by_size = _order_by_size(assignment.turn_topic, len(centroids))
        self.centroids_ = centroids[by_size]
        assignment = layout.assign(own, debates, self.centroids_, self.own_weight)
        self.n_topics_ = len(self.centroids_)
        if self.n_topics is not None and self.n_topics_ < self.n_topics:
            warnings.warn(
                message("W301", asked=self.n_topics, found=self.n_topics_, n_distinct=n_distinct),
                DebatekitWarning,
                stacklevel=_outside_stacklevel(),
            )
        bar.set_postfix_str("keywords")
        self.topics_ = self._describe(layout, assignment)
        bar.update()
        self.assignments_ = restore_order(self._table(layout, assignment), reading)
        self.fingerprint_ = _fingerprint(turns)
        bar.update()
        bar.close()
        return self

    def transform(self, turns: pd.DataFrame) -> pd.DataFrame:
        """The topic of each turn, one row per turn keyed by ``turn_id``.

        Turns other than the fitted ones are embedded in the fitted space and
        given the nearest topic; topics are not learned again.

        Returns
        -------
        pandas.DataFrame
            ``turn_id``, ``debate`` (number of the debate within ``turns``),
            ``topic`` (-1: none), ``topic_label``, ``topic_inherited`` (the
            turn is too short or procedural and took its debate's topic) and
            ``topic_score`` (cosine similarity of the turn in context to its
            topic; NA when inherited).
        """
        self._check_fitted()
        self._validate(turns)
        if _fingerprint(turns) == self.fingerprint_:
            return self.assignments_.copy()
        reading = reading_order(turns)
        layout = _Layout.of(turns.iloc[reading], self.min_words, self.use_headings)
        own, headings = self._embed(layout, fit=False)
        debates = layout.debate_vectors(own, headings, self.heading_weight)
        assignment = layout.assign(own, debates, self.centroids_, self.own_weight)
        return restore_order(self._table(layout, assignment), reading)

    def result(self, turns: pd.DataFrame) -> TopicResult:
        """The fitted topics and ``turns`` with their topic columns, as a :class:`TopicResult`."""
        table = self.transform(turns)
        merged = turns.drop(columns=[c for c in TOPIC_COLUMNS if c in turns.columns])
        merged = merged.assign(**{c: table[c].to_numpy() for c in TOPIC_COLUMNS})
        return TopicResult(turns=merged, topics=self.topics_.copy(), analyzer=self)

    # -- steps -----------------------------------------------------------------

    def _check_params(self) -> None:
        owner = type(self).__name__
        check_int(self.n_topics, "n_topics", owner, minimum=1, allow_none=True)
        check_int(self.min_words, "min_words", owner, minimum=0)
        check_number(self.own_weight, "own_weight", owner, minimum=0, maximum=1)
        check_number(self.heading_weight, "heading_weight", owner, minimum=0)
        check_int(self.max_topics, "max_topics", owner, minimum=2)
        check_int(self.top_n_words, "top_n_words", owner, minimum=1)
        check_int(self.n_representative, "n_representative", owner, minimum=0)

    def _embed(self, layout: _Layout, *, fit: bool) -> tuple[np.ndarray, np.ndarray]:
        """Vectors of the content turns and of the debates' subjects, in one space."""
        texts = layout.content_texts + layout.subjects
        embedder = self.embedder_
        if not fit and isinstance(embedder, TfidfEmbedder):
            vectors = embedder.transform(texts)
        elif fit:
            try:
                self.embedder_, vectors = embed_with_fallback(embedder, texts, self.random_state)
            except EmbedderError as error:
                raise AnalyzerError(str(error)) from error
        else:
            vectors = embedder.embed(texts)
        vectors = np.asarray(vectors, dtype=np.float64)
        n = len(layout.content_texts)
        return vectors[:n], vectors[n:]

    def _cluster(self, debates: np.ndarray, weights: np.ndarray) -> tuple[np.ndarray, int]:
        """Unit centroids of k-means over the debates with a vector; the distinct vectors' count.

        That count bounds the number of topics.
        """
        usable = np.linalg.norm(debates, axis=1) > 0
        points, weights = debates[usable], weights[usable]
        n_distinct = len(np.unique(points.round(6), axis=0))
        # One thread: k-means on a few thousand debates is quick, and on a shared
        # machine OpenMP threads wait for each other, 10 to 25 times slower.
        with threadpool_limits(1):
            if self.n_topics is None:
                k = self._choose_k(points, weights, n_distinct)
            else:
                k = min(self.n_topics, n_distinct)
            k = max(1, k)
            model = _kmeans(k, self.random_state, len(points)).fit(points, sample_weight=weights)
        centroids = normalize(model.cluster_centers_)
        return centroids, n_distinct

    def _choose_k(self, points: np.ndarray, weights: np.ndarray, n_distinct: int) -> int:
        """The k with the best cosine silhouette, on a seeded sample of at most 2,000 debates.

        The fewest topics within :data:`SILHOUETTE_TOLERANCE` of the best
        silhouette win. When no k reaches :data:`MIN_SILHOUETTE`, no grouping
        of the debates is clearly better than another: each debate keeps a
        topic of its own, up to ``max_topics``.
        """
        n = len(points)
        # The silhouette needs 2 <= k <= n - 1; duplicates bound k by the distinct debates.
        upper = min(self.max_topics, n_distinct, n - 1)
        if upper < 2:
            return n_distinct
        candidates = _candidate_ks(upper)
        rng = np.random.default_rng(self.random_state)
        sample = np.sort(rng.choice(n, size=min(n, 2000), replace=False))
        scores = {}
        for k in candidates:
            labels = _kmeans(int(k), self.random_state, len(sample)).fit_predict(
                points[sample], sample_weight=weights[sample]
            )
            if len(np.unique(labels)) > 1:
                scores[int(k)] = silhouette_score(points[sample], labels, metric="cosine")
        best = max(scores.values(), default=-1.0)
        if best < MIN_SILHOUETTE:
            return min(n_distinct, self.max_topics)
        # The silhouette plateaus once every subject has its cluster; splitting
        # a subject further barely moves it, so take the fewest topics near the best.
        return min(k for k, score in scores.items() if score >= best - SILHOUETTE_TOLERANCE)

    def _describe(self, layout: _Layout, assignment: _Assignment) -> pd.DataFrame:
        """One row per topic: size, keywords, label, subject, representative turns."""
        k = self.n_topics_
        # Keywords read the turns and the headings of each topic's debates.
        labels = np.concatenate(
            [assignment.turn_topic, assignment.debate_topic[layout.subject_debate]]
        )
        keywords = class_tfidf_keywords(
            layout.term_counts, layout.terms, labels, k, top_n=self.top_n_words
        )
        words = np.bincount(
            assignment.turn_topic, weights=layout.content_words, minlength=k
        ).astype(np.int64)
        heading_words = _heading_words(layout, assignment, k)
        rows = []
        for topic in range(k):
            members = np.flatnonzero(assignment.turn_topic == topic)
            best = members[np.argsort(-assignment.turn_score[members], kind="stable")]
            terms_ = [term for term, _ in keywords[topic]]
            rows.append(
                {
                    "topic": topic,
                    "size": len(members),
                    "n_debates": int(len(np.unique(layout.content_debate[members]))),
                    "words": int(words[topic]),
                    "label": _label(terms_, heading_words[topic]) or f"topic {topic}",
                    "keywords": terms_,
                    "subject": self._central_subject(layout, assignment, topic),
                    "representative": [
                        layout.content_ids[i] for i in best[: self.n_representative]
                    ],
                }
            )
        table = pd.DataFrame(rows)
        return table.astype(
            {"topic": "int64", "size": "int64", "label": "string", "subject": "string"}
        )

    def _central_subject(self, layout: _Layout, assignment: _Assignment, topic: int) -> Any:
        """The heading subject of the debate closest to the topic's centre."""
        candidates = [
            (score, i)
            for i, (debate, score) in enumerate(
                zip(layout.subject_debate, assignment.subject_score, strict=True)
            )
            if assignment.debate_topic[debate] == topic
        ]
        if not candidates:
            return pd.NA
        return layout.subjects[max(candidates, key=lambda c: (c[0], -c[1]))[1]]

    def _table(self, layout: _Layout, assignment: _Assignment) -> pd.DataFrame:
        """The tidy per-turn table :meth:`transform` returns."""
        n = len(layout.turn_ids)
        topic = np.full(n, -1, dtype=np.int64)
        score = np.full(n, np.nan)
        topic[layout.content] = assignment.turn_topic
        score[layout.content] = assignment.turn_score
        inherited = ~layout.content & (assignment.debate_topic[layout.debate] >= 0)
        topic[inherited] = assignment.debate_topic[layout.debate][inherited]
        unclear = ~layout.content & (topic < 0)
        if unclear.any():  # no heading: the turn order says which debate a reply belongs to
            near = _nearest_in_order(topic, layout.content, layout.meeting)
            inherited |= unclear & (near >= 0)
            topic[unclear] = near[unclear]
        # Topic -1 indexes the None appended after the labels: no topic, no label.
        labels = np.append(self.topics_["label"].to_numpy(dtype=object), [None])
        return pd.DataFrame(
            {
                "turn_id": layout.turn_ids,
                "debate": layout.debate.astype(np.int64),
                "topic": topic,
                "topic_label": pd.array(labels[topic], dtype="string"),
                "topic_inherited": inherited,
                "topic_score": pd.array(score, dtype="Float64"),
            }
        )


class _Assignment:
    """Topics of the content turns and of the debates, with similarities."""

    def __init__(
        self,
        turn_topic: np.ndarray,
        turn_score: np.ndarray,
        debate_topic: np.ndarray,
        subject_score: np.ndarray,
    ) -> None:
        self.turn_topic = turn_topic
        self.turn_score = turn_score
        self.debate_topic = debate_topic
        self.subject_score = subject_score


class _Layout:
    """Which turns have text of their own, and which debate each turn belongs to."""

    def __init__(
        self,
        turn_ids: np.ndarray,
        meeting: np.ndarray,
        debate: np.ndarray,
        content: np.ndarray,
        content_texts: list[str],
        content_words: np.ndarray,
        subjects: list[str],
        subject_debate: np.ndarray,
        term_counts: sparse.csr_matrix,
        terms: np.ndarray,
    ) -> None:
        self.turn_ids = turn_ids
        self.meeting = meeting
        self.debate = debate
        self.content = content
        self.content_texts = content_texts
        self.content_words = content_words
        self.content_debate = debate[content]
        self.content_ids = turn_ids[content]
        self.subjects = subjects
        self.subject_debate = subject_debate
        #: Term counts of the content turns, then of the subjects (for keywords).
        self.term_counts = term_counts
        self.terms = terms
        self.n_debates = int(debate.max()) + 1 if len(debate) else 0

    @classmethod
    def of(cls, turns: pd.DataFrame, min_words: int, use_headings: bool) -> _Layout:
        texts = turns["text"].astype("object").where(turns["text"].notna(), "").tolist()
        procedural = (
            turns["procedural"].fillna(False).astype(bool).to_numpy()
            if "procedural" in turns.columns
            else np.zeros(len(turns), dtype=bool)
        )
        # Without any heading, a meeting would be one debate: cluster its turns instead.
        debate = debate_ids(turns, use_headings=use_headings and has_headings(turns))
        subjects, subject_debate = cls._subjects(turns, debate, use_headings)
        # One pass of the tokenizer serves both "has text of its own" and the keywords.
        counts, terms = count_terms(texts + subjects, max_features=None)
        own_words = np.asarray(counts[: len(texts)].sum(axis=1)).ravel()
        content = ~procedural & (own_words >= max(min_words, 1))
        rows = np.concatenate([np.flatnonzero(content), len(texts) + np.arange(len(subjects))])
        words = (
            turns["n_words"].fillna(0).to_numpy(dtype=np.int64)
            if "n_words" in turns.columns
            else np.array([count_words(t) for t in texts], dtype=np.int64)
        )
        return cls(
            turn_ids=turns["turn_id"].astype("object").to_numpy(),
            meeting=meeting_ids(turns),
            debate=debate,
            content=content,
            content_texts=[t for t, c in zip(texts, content, strict=True) if c],
            content_words=words[content],
            subjects=subjects,
            subject_debate=subject_debate,
            term_counts=counts[rows],
            terms=terms,
        )

    @staticmethod
    def _subjects(
        turns: pd.DataFrame, debate: np.ndarray, use_headings: bool
    ) -> tuple[list[str], np.ndarray]:
        """The subject of each debate's heading, for debates that have one."""
        if not use_headings or "item_title" not in turns.columns or not len(turns):
            return [], np.zeros(0, dtype=np.int64)
        first = np.flatnonzero(np.r_[True, debate[1:] != debate[:-1]])
        titles = turns["item_title"].astype("object").to_numpy()[first]
        pairs = [(heading_subject(t), d) for t, d in zip(titles, debate[first], strict=True)]
        pairs = [(s, d) for s, d in pairs if s]
        return [s for s, _ in pairs], np.array([d for _, d in pairs], dtype=np.int64)

    def debate_weights(self) -> np.ndarray:
        """Content turns per debate, plus one for a heading."""
        weights = np.bincount(self.content_debate, minlength=self.n_debates).astype(np.float64)
        weights[self.subject_debate] += 1.0
        return weights

    def debate_vectors(
        self, own: np.ndarray, headings: np.ndarray, heading_weight: float
    ) -> np.ndarray:
        """Mean of each debate's turn vectors plus its heading's, as unit rows."""
        dim = own.shape[1] if own.size else headings.shape[1]
        total = _sum_by(own, self.content_debate, self.n_debates, dim)
        n_turns = np.bincount(self.content_debate, minlength=self.n_debates)[:, None]
        mean = np.divide(total, n_turns, out=np.zeros_like(total), where=n_turns > 0)
        heading = _sum_by(headings, self.subject_debate, self.n_debates, dim)
        return normalize(mean + heading_weight * heading)

    def assign(
        self, own: np.ndarray, debates: np.ndarray, centroids: np.ndarray, own_weight: float
    ) -> _Assignment:
        """Nearest topic of each turn in context, and each debate's topic."""
        context = normalize(own_weight * own + (1 - own_weight) * debates[self.content_debate])
        similarity = context @ centroids.T
        turn_topic = similarity.argmax(axis=1).astype(np.int64)
        turn_score = similarity.max(axis=1) if len(similarity) else np.zeros(0)
        debate_topic = self._debate_topics(turn_topic, debates, centroids)
        subject_vectors = debates[self.subject_debate]
        subject_score = (
            (subject_vectors @ centroids.T).max(axis=1) if len(subject_vectors) else np.zeros(0)
        )
        return _Assignment(turn_topic, turn_score, debate_topic, subject_score)

    def _debate_topics(
        self, turn_topic: np.ndarray, debates: np.ndarray, centroids: np.ndarray
    ) -> np.ndarray:
        """The topic most of a debate's turns have; the nearest one if no turn has text.

        -1 where a debate has neither turns with text nor a heading: nothing
        is clear there, so its short turns keep no topic.
        """
        k = len(centroids)
        votes = sparse.csr_matrix(
            (np.ones(len(turn_topic)), (self.content_debate, turn_topic)),
            shape=(self.n_debates, k),
        ).toarray()
        nearest = (debates @ centroids.T).argmax(axis=1)
        topic = np.where(votes.sum(axis=1) > 0, votes.argmax(axis=1), nearest)
        has_vector = np.linalg.norm(debates, axis=1) > 0
        return np.where(has_vector, topic, -1).astype(np.int64)


def _nearest_in_order(topic: np.ndarray, content: np.ndarray, meeting: np.ndarray) -> np.ndarray:
    """The topic of the last turn with text before each turn in its meeting (else the next)."""
    own = pd.Series(np.where(content, topic, np.nan))
    groups = pd.Series(meeting)
    near = own.groupby(groups).ffill().fillna(own.groupby(groups).bfill())
    return near.fillna(-1).to_numpy(dtype=np.int64)


def _sum_by(vectors: np.ndarray, groups: np.ndarray, n_groups: int, dim: int) -> np.ndarray:
    if not len(vectors):
        return np.zeros((n_groups, dim))
    membership = sparse.csr_matrix(
        (np.ones(len(groups)), (groups, np.arange(len(groups)))), shape=(n_groups, len(groups))
    )
    return np.asarray(membership @ vectors)


def _heading_words(layout: _Layout, assignment: _Assignment, k: int) -> list[set[str]]:
    """The words of the headings of each topic's debates."""
    words: list[set[str]] = [set() for _ in range(k)]
    for subject, debate in zip(layout.subjects, layout.subject_debate, strict=True):
        topic = assignment.debate_topic[debate]
        if topic >= 0:
            words[topic].update(tokenize(subject))
    return words


def _label(keywords: list[str], heading_words: set[str], n: int = 3) -> str:
    """The best keywords, those the agenda headings use first: people name a subject so."""
    named = [w for w in keywords if w in heading_words]
    rest = [w for w in keywords if w not in heading_words]
    return ", ".join((named + rest)[:n])


def _candidate_ks(upper: int) -> np.ndarray:
    """Every k up to 20 (meetings have about that many debates), then a geometric grid."""
    dense = np.arange(2, min(upper, 20) + 1)
    sparse_ = np.geomspace(20, upper, num=8).round().astype(int) if upper > 20 else []
    return np.unique(np.concatenate([dense, sparse_])).astype(int)


def _kmeans(k: int, random_state: int, n_points: int) -> KMeans:
    # Several restarts where they are cheap; on a corpus one good seeding suffices.
    return KMeans(n_clusters=k, n_init=10 if n_points <= 5000 else 3, random_state=random_state)


def _order_by_size(turn_topic: np.ndarray, k: int) -> np.ndarray:
    """Topic numbers ordered largest first (ties: the older number first)."""
    sizes = np.bincount(turn_topic, minlength=k)
    return np.lexsort((np.arange(k), -sizes))


def _fingerprint(turns: pd.DataFrame) -> str:
    """A digest of what the topics depend on, to recognise the fitted turns cheaply."""
    columns = [c for c in ("turn_id", "text", "item_title", "procedural") if c in turns.columns]
    rows = pd.util.hash_pandas_object(turns[columns], index=False)
    return hashlib.blake2b(rows.to_numpy().tobytes(), digest_size=16).hexdigest()


def _outside_stacklevel() -> int:
    """The ``stacklevel`` of the first frame outside debatekit: the user's call."""
    package = os.path.dirname(os.path.dirname(os.path.dirname(__file__))) + os.sep
    frame: FrameType | None = sys._getframe(1)
    level = 1
    while frame is not None and frame.f_code.co_filename.startswith(package):
        frame, level = frame.f_back, level + 1
    return level


def topics(
    turns: pd.DataFrame,
    n_topics: int | None = None,
    embedder: str | Embedder | Any = "tfidf",
    random_state: int = 0,
    *,
    min_words: int = 15,
    own_weight: float = 0.35,
    heading_weight: float = 1.0,
    use_headings: bool = True,
    max_topics: int = 50,
    top_n_words: int = 10,
    n_representative: int = 3,
    progress: bool = PROGRESS,
) -> TopicResult:
    """Cluster turns into topics that follow the debates, with ranked keywords.

    A shortcut for ``TopicAnalyzer(...).fit(turns).result(turns)``; see
    :class:`TopicAnalyzer` for the parameters.

    Parameters
    ----------
    turns
        A turns table (one meeting or a whole corpus).
    n_topics
        How many topics; ``None`` chooses by the silhouette.
    embedder
        ``"tfidf"`` (default, offline), ``"sentence-transformers"``, a model
        name or folder, a loaded model, or an embedder.
    random_state
        Seed: same turns and seed, same topics, bit for bit.
    min_words, own_weight, heading_weight, use_headings, max_topics, top_n_words, n_representative
        See :class:`TopicAnalyzer`.
    progress
        Show a progress bar.

    Returns
    -------
    TopicResult
        ``.turns`` (the input plus ``debate``, ``topic``, ``topic_label``,
        ``topic_inherited``, ``topic_score``), ``.topics`` (one row per topic),
        and ``.by``, ``.over_time``, ``.plot_by``, ``.plot_over_time``.

    Raises
    ------
    SchemaError
        ``turns`` lacks ``turn_id`` or ``text``.
    AnalyzerError
        A parameter is out of range, or no turn has text of its own.
    MissingDependencyError
        A sentence-transformers embedder without the package installed.

    Examples
    --------
    >>> import debatekit as dk
    >>> turns = dk.read_transcript(dk.sample_path())
    >>> result = dk.topics(turns, n_topics=10)
    >>> result.topics[["topic", "size", "label"]].shape
    (10, 3)
    >>> result.by("party").columns.tolist()  # doctest: +NORMALIZE_WHITESPACE
    ['party', 'topic', 'label', 'turns', 'words', 'share']
    """
    analyzer = TopicAnalyzer(
        n_topics,
        embedder=embedder,
        random_state=random_state,
        min_words=min_words,
        own_weight=own_weight,
        heading_weight=heading_weight,
        use_headings=use_headings,
        max_topics=max_topics,
        top_n_words=top_n_words,
        n_representative=n_representative,
        progress=progress,
    )
    return analyzer.fit(turns).result(turns)
