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

import copy
import hashlib
import os
import sys
import warnings
from types import FrameType
from typing import Any, ClassVar

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.cluster.hierarchy import fcluster, linkage
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
from ._ctfidf import (
    SAMPLE_CHARS,
    acronym_forms,
    class_tfidf_keywords,
    count_terms,
    heading_addressee,
    heading_subject,
    npmi_coherence,
    topic_phrases,
)
from ._result import TopicResult

__all__ = ["TopicAnalyzer", "topics"]

#: Silhouette below which debates are not grouped when the number of topics is chosen.
MIN_SILHOUETTE = 0.1

#: How far below the best silhouette the chosen number of topics may score.
SILHOUETTE_TOLERANCE = 0.02

#: Weight of a two-word phrase's c-TF-IDF score against a word's, for keywords.
PHRASE_WEIGHT = 0.6

#: Columns of the topic table, in order.
TOPIC_TABLE_COLUMNS = (
    "topic",
    "size",
    "n_debates",
    "words",
    "label",
    "keywords",
    "coherence",
    "subject",
    "representative",
)

#: Columns the analyzer adds to (or reads from) the turns table.
TOPIC_COLUMNS = [
    "debate",
    "topic",
    "topic_label",
    "topic_keywords",
    "topic_inherited",
    "topic_score",
]


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
        Weight of the agenda heading (its subject, and the minister and
        portfolio it is put to) in a debate's vector, against its text.
    context_weight
        Weight of the neighbouring items on the same meeting's agenda in a
        debate's vector (0: each debate alone). Neighbours tend to share a
        theme; the debate's own words keep the rest.
    context_decay
        How fast a neighbour's weight falls per agenda step (0.8: the next
        item counts 0.8, the one after 0.64, ...).
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
    >>> table.columns.tolist()  # doctest: +NORMALIZE_WHITESPACE
    ['turn_id', 'debate', 'topic', 'topic_label', 'topic_keywords', 'topic_inherited',
     'topic_score']
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
        heading_weight: float = 0.5,
        context_weight: float = 0.6,
        context_decay: float = 0.8,
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
        self.context_weight = context_weight
        self.context_decay = context_decay
        self.use_headings = use_headings
        self.max_topics = max_topics
        self.top_n_words = top_n_words
        self.n_representative = n_representative
        self.progress = progress

    # -- fitting ---------------------------------------------------------------

    def fit(self, turns: pd.DataFrame, y: None = None) -> TopicAnalyzer:
        """Find the themes of ``turns``.

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
        own, debates = self._embed(layout, fit=True)
        themes = layout.in_context(debates, self.context_weight, self.context_decay)
        bar.update()
        bar.set_postfix_str("clustering")
        debate_topic, n_distinct = self._cluster(themes)
        bar.update()
        bar.set_postfix_str("keywords")
        self._reading = reading
        self._settle(layout, own, themes, debate_topic)
        if self.n_topics is not None and self.n_topics_ < self.n_topics:
            warnings.warn(
                message("W301", asked=self.n_topics, found=self.n_topics_, n_distinct=n_distinct),
                DebatekitWarning,
                stacklevel=_outside_stacklevel(),
            )
        bar.update()
        self.fingerprint_ = _fingerprint(turns)
        bar.update()
        bar.close()
        return self

    def _settle(
        self, layout: _Layout, own: np.ndarray, themes: np.ndarray, debate_topic: np.ndarray
    ) -> None:
        """Centroids, topic numbers by size, each turn's topic and the topic table.

        ``debate_topic`` gives each debate a group (-1: none); the groups
        become topics 0, 1, ... from the largest. Fitting, :meth:`TopicResult.reduce`
        and :meth:`TopicResult.merge` all end here, so they agree.
        """
        groups = np.unique(debate_topic[debate_topic >= 0])
        renumber = np.full(int(debate_topic.max(initial=-1)) + 2, -1, dtype=np.int64)
        renumber[groups] = np.arange(len(groups))
        debate_topic = renumber[debate_topic]  # -1 stays -1 (the last slot)
        centroids = _centroids(themes, debate_topic, len(groups))
        assignment = layout.assign(own, themes, centroids, self.own_weight, debate_topic)
        by_size = _order_by_size(assignment.turn_topic, len(centroids))
        order = np.empty_like(by_size)
        order[by_size] = np.arange(len(by_size))
        debate_topic = np.where(debate_topic >= 0, order[np.maximum(debate_topic, 0)], -1)
        self.centroids_ = centroids[by_size]
        assignment = layout.assign(own, themes, self.centroids_, self.own_weight, debate_topic)
        self.n_topics_ = len(self.centroids_)
        self.debate_topics_ = debate_topic
        self.topics_ = self._describe(layout, assignment)
        self.assignments_ = restore_order(self._table(layout, assignment), self._reading)
        self._state = _Fitted(layout, own, themes, assignment)

    def transform(self, turns: pd.DataFrame) -> pd.DataFrame:
        """The topic of each turn, one row per turn keyed by ``turn_id``.

        Turns other than the fitted ones are embedded in the fitted space and
        given the nearest topic; topics are not learned again.

        Returns
        -------
        pandas.DataFrame
            ``turn_id``, ``debate`` (number of the debate within ``turns``),
            ``topic`` (-1: none), ``topic_label``, ``topic_keywords`` (the
            topic's keywords, best first), ``topic_inherited`` (the
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
        own, debates = self._embed(layout, fit=False)
        themes = layout.in_context(debates, self.context_weight, self.context_decay)
        assignment = layout.assign(own, themes, self.centroids_, self.own_weight, None)
        return restore_order(self._table(layout, assignment), reading)

    def result(self, turns: pd.DataFrame) -> TopicResult:
        """The fitted topics and ``turns`` with their topic columns, as a :class:`TopicResult`."""
        table = self.transform(turns)
        merged = turns.drop(columns=[c for c in TOPIC_COLUMNS if c in turns.columns])
        merged = merged.assign(**{c: table[c].to_numpy() for c in TOPIC_COLUMNS})
        return TopicResult(turns=merged, topics=self.topics_.copy(), analyzer=self)

    def distribution(self, temperature: float = 0.05) -> pd.DataFrame:
        """Each fitted turn's probability of each topic (rows sum to 1), keyed by ``turn_id``.

        A softmax of the cosine similarities of the turn in its debate's
        context to the topics; turns without text of their own take their
        debate's. Turns without any topic have a row of NaN.
        """
        self._check_fitted()
        state = self._state
        layout = state.layout
        own_context = normalize(
            self.own_weight * state.own
            + (1 - self.own_weight) * state.themes[layout.content_debate]
        )
        debate_probs = _softmax(state.themes @ self.centroids_.T, temperature)
        probs = debate_probs[layout.debate].copy()
        probs[layout.content] = _softmax(own_context @ self.centroids_.T, temperature)
        no_vector = np.linalg.norm(state.themes, axis=1)[layout.debate] == 0
        probs[no_vector & ~layout.content] = np.nan
        table = pd.DataFrame(probs, columns=pd.RangeIndex(self.n_topics_, name="topic"))
        table.index = pd.Index(layout.turn_ids, name="turn_id")
        return restore_order(table.reset_index(), self._reading).set_index("turn_id")

    def relabelled(self, mapping: np.ndarray) -> TopicAnalyzer:
        """A copy whose topics are the fitted ones joined by ``mapping`` (old -> new group)."""
        self._check_fitted()
        state = self._state
        copy_ = copy.copy(self)
        debate_topic = np.where(
            self.debate_topics_ >= 0, mapping[np.maximum(self.debate_topics_, 0)], -1
        )
        copy_._settle(state.layout, state.own, state.themes, debate_topic)
        return copy_

    # -- steps -----------------------------------------------------------------

    def _check_params(self) -> None:
        owner = type(self).__name__
        check_int(self.n_topics, "n_topics", owner, minimum=1, allow_none=True)
        check_int(self.min_words, "min_words", owner, minimum=0)
        check_number(self.own_weight, "own_weight", owner, minimum=0, maximum=1)
        check_number(self.heading_weight, "heading_weight", owner, minimum=0)
        check_number(self.context_weight, "context_weight", owner, minimum=0, maximum=1)
        check_number(self.context_decay, "context_decay", owner, minimum=0, maximum=1)
        check_int(self.max_topics, "max_topics", owner, minimum=2)
        check_int(self.top_n_words, "top_n_words", owner, minimum=1)
        check_int(self.n_representative, "n_representative", owner, minimum=0)

    def _embed(self, layout: _Layout, *, fit: bool) -> tuple[np.ndarray, np.ndarray]:
        """Vectors of the content turns and of the debates, in one space.

        TF-IDF fits on whole debates (a debate is the document that has a
        subject) and places turns and headings in that space; a neural model
        embeds turns and headings, and a debate is the mean of its turns.
        A debate's vector is its text's plus ``heading_weight`` times its heading's.
        """
        if fit:
            try:
                self.embedder_, own, bodies, headings = _embed_parts(
                    self.embedder_, layout, self.random_state
                )
            except EmbedderError as error:
                raise AnalyzerError(str(error)) from error
        else:
            _, own, bodies, headings = _embed_parts(
                self.embedder_, layout, self.random_state, refit=False
            )
        dim = own.shape[1] if own.size else headings.shape[1]
        if bodies is None:
            total = _sum_by(own, layout.content_debate, layout.n_debates, dim)
            bodies = normalize(total)
        heading = _sum_by(headings, layout.subject_debate, layout.n_debates, dim)
        return own, normalize(bodies + self.heading_weight * normalize(heading))

    def _cluster(self, themes: np.ndarray) -> tuple[np.ndarray, int]:
        """Each debate's group, from Ward's hierarchy of the debates; the distinct vectors' count.

        That count bounds the number of topics. Ward's method has no random
        step; beyond :data:`MAX_WARD` debates, k-means (seeded) first groups
        them into that many small clusters, and the hierarchy joins those.
        """
        usable = np.flatnonzero(np.linalg.norm(themes, axis=1) > 0)
        points = themes[usable]
        n_distinct = len(np.unique(points.round(6), axis=0))
        group = np.full(len(themes), -1, dtype=np.int64)
        if n_distinct <= 1:
            group[usable] = 0
            return group, n_distinct
        with threadpool_limits(1):
            leaves, members = _leaves(points, self.random_state)
            tree = linkage(leaves, method="ward")
            if self.n_topics is None:
                k = self._choose_k(leaves, tree, n_distinct)
            else:
                k = min(self.n_topics, n_distinct, len(leaves))
        labels = fcluster(tree, t=max(1, k), criterion="maxclust") - 1
        group[usable] = labels[members]
        return group, n_distinct

    def _choose_k(self, points: np.ndarray, tree: np.ndarray, n_distinct: int) -> int:
        """The cut of the hierarchy with the best cosine silhouette (seeded sample of 2,000).

        Candidates start at ``n ** 0.4`` themes for ``n`` debates. The fewest
        themes within :data:`SILHOUETTE_TOLERANCE` of the best
        silhouette win: splitting a theme further barely moves the silhouette.
        No cut above :data:`MIN_SILHOUETTE`: the debates fall into no clear
        themes, and one theme per debate would only restate the agenda, so
        the square root of the number of debates is taken (a handful for a
        meeting, tens for a legislature).
        """
        n = len(points)
        upper = min(self.max_topics, n_distinct, n - 1)
        if upper < 2:
            return 1
        rng = np.random.default_rng(self.random_state)
        sample = np.sort(rng.choice(n, size=min(n, 2000), replace=False))
        # Fewer themes than n ** 0.4 would only say "politics": 3 for a meeting of
        # ten debates, 13 for 600 items, 40 for 10,000.
        lowest = min(upper, max(2, round(n**0.4)))
        scores = {}
        candidates = _candidate_ks(upper)
        for k in candidates[candidates >= lowest]:
            labels = fcluster(tree, t=int(k), criterion="maxclust")[sample]
            if 1 < len(np.unique(labels)) < len(sample):
                scores[int(k)] = silhouette_score(points[sample], labels, metric="cosine")
        best = max(scores.values(), default=-1.0)
        if best < MIN_SILHOUETTE:
            return int(min(upper, max(2, round(np.sqrt(n)))))
        return min(k for k, score in scores.items() if score >= best - SILHOUETTE_TOLERANCE)

    def _describe(self, layout: _Layout, assignment: _Assignment) -> pd.DataFrame:
        """One row per topic: size, keywords, coherence, label, subject, representative turns."""
        k = self.n_topics_
        # Keywords read the turns and the headings of each topic's debates.
        labels = np.concatenate(
            [assignment.turn_topic, assignment.debate_topic[layout.subject_debate]]
        )
        keywords = _keywords(layout, labels, k, self.top_n_words)
        words = np.bincount(
            assignment.turn_topic, weights=layout.content_words, minlength=k
        ).astype(np.int64)
        heading_words = _heading_words(layout, assignment, k)
        content_rows = layout.term_counts[: len(layout.content_texts)]
        column_of = {term: i for i, term in enumerate(layout.terms)}
        rows = []
        for topic in range(k):
            members = np.flatnonzero(assignment.turn_topic == topic)
            best = members[np.argsort(-assignment.turn_score[members], kind="stable")]
            terms_ = keywords[topic]
            unigrams = [column_of[w] for t in terms_ for w in t.lower().split() if w in column_of]
            rows.append(
                {
                    "topic": topic,
                    "size": len(members),
                    "n_debates": int((assignment.debate_topic == topic).sum()),
                    "words": int(words[topic]),
                    "label": _label(terms_, heading_words[topic]) or f"topic {topic}",
                    "keywords": terms_,
                    "coherence": npmi_coherence(content_rows, unigrams[: self.top_n_words]),
                    "subject": self._central_subject(layout, assignment, topic),
                    "representative": [
                        layout.content_ids[i] for i in best[: self.n_representative]
                    ],
                }
            )
        table = pd.DataFrame(rows)
        if table.empty:
            table = pd.DataFrame(columns=list(TOPIC_TABLE_COLUMNS))
        return table.astype(
            {
                "topic": "int64",
                "size": "int64",
                "n_debates": "int64",
                "words": "int64",
                "label": "string",
                "coherence": "float64",
                "subject": "string",
            }
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
        return layout.named_subjects[max(candidates, key=lambda c: (c[0], -c[1]))[1]]

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
        # The keywords too, so that dk.analyze(turns, "topics") tells what a topic is about.
        keywords = np.append(self.topics_["keywords"].map(", ".join).to_numpy(dtype=object), [None])
        return pd.DataFrame(
            {
                "turn_id": layout.turn_ids,
                "debate": layout.debate.astype(np.int64),
                "topic": topic,
                "topic_label": pd.array(labels[topic], dtype="string"),
                "topic_keywords": pd.array(keywords[topic], dtype="string"),
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
        named_subjects: list[str],
        term_counts: sparse.csr_matrix,
        terms: np.ndarray,
        vector_counts: sparse.csr_matrix | None = None,
        counter: Any = None,
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
        #: The subjects alone, without whom they are asked of (for labels and ``subject``).
        self.named_subjects = named_subjects
        self.subject_debate = subject_debate
        #: Term counts of the content turns, then of the subjects (for keywords).
        self.term_counts = term_counts
        self.terms = terms
        #: Term counts of the content turns, then of the headings with whom they
        #: ask; and the vectorizer that made them (the embedder reuses both).
        self.vector_counts = vector_counts
        self.counter = counter
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
        subjects, subject_debate, named = cls._subjects(turns, debate, use_headings)
        # One pass of the tokenizer serves both "has text of its own" and the keywords.
        # The headings are counted twice: with whom they ask (for the vectors)
        # and without (for the keywords, which should not be ministers' names).
        counts, terms, counter = count_terms(
            texts + named + subjects, max_features=None, return_counter=True
        )
        own_words = np.asarray(counts[: len(texts)].sum(axis=1)).ravel()
        content = ~procedural & (own_words >= max(min_words, 1))
        n, s = len(texts), len(subjects)
        rows = np.concatenate([np.flatnonzero(content), n + np.arange(s)])
        vector_rows = np.concatenate([np.flatnonzero(content), n + s + np.arange(s)])
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
            named_subjects=named,
            subject_debate=subject_debate,
            term_counts=counts[rows],
            terms=terms,
            vector_counts=counts[vector_rows],
            counter=counter,
        )

    @staticmethod
    def _subjects(
        turns: pd.DataFrame, debate: np.ndarray, use_headings: bool
    ) -> tuple[list[str], np.ndarray, list[str]]:
        """What each debate's heading is about, for debates that have one; and its subject alone."""
        if not use_headings or "item_title" not in turns.columns or not len(turns):
            return [], np.zeros(0, dtype=np.int64), []
        first = np.flatnonzero(np.r_[True, debate[1:] != debate[:-1]])
        titles = turns["item_title"].astype("object").to_numpy()[first]
        rows = [
            (_heading_text(t), d, heading_subject(t))
            for t, d in zip(titles, debate[first], strict=True)
        ]
        rows = [row for row in rows if row[0]]
        return (
            [r[0] for r in rows],
            np.array([r[1] for r in rows], dtype=np.int64),
            [r[2] for r in rows],
        )

    def debate_documents(self) -> list[str]:
        """Each debate's content turns joined, then its heading: one document per debate."""
        parts: list[list[str]] = [[] for _ in range(self.n_debates)]
        for text, debate in zip(self.content_texts, self.content_debate, strict=True):
            parts[debate].append(text)
        for subject, debate in zip(self.subjects, self.subject_debate, strict=True):
            parts[debate].append(subject)
        return ["\n".join(p) for p in parts]

    def debate_meetings(self) -> np.ndarray:
        """The meeting of each debate."""
        meeting = np.zeros(self.n_debates, dtype=np.int64)
        meeting[self.debate] = self.meeting
        return meeting

    def in_context(self, debates: np.ndarray, weight: float, decay: float) -> np.ndarray:
        """Each debate's vector blended with its neighbours' on the same meeting's agenda.

        Items next to each other on an agenda tend to share a theme (a
        committee's meeting, a series of questions to one minister), so the
        agenda order is evidence: ``weight`` of a debate's vector in context
        comes from the other debates of its meeting, nearer ones counting
        more (``decay`` per step). A debate's own words keep the rest, so an
        item unlike its neighbours still stands apart.
        """
        if weight == 0 or self.n_debates < 2:
            return debates
        meetings = self.debate_meetings()
        context = np.zeros_like(debates)
        bounds = np.flatnonzero(np.r_[True, meetings[1:] != meetings[:-1], True])
        for start, stop in zip(bounds[:-1], bounds[1:], strict=True):
            if stop - start < 2:
                continue
            steps = np.arange(stop - start)
            # The debate itself counts in its context too: with two debates,
            # each one's context is then not simply the other one.
            kernel = decay ** np.abs(steps[:, None] - steps[None, :]).astype(np.float64)
            context[start:stop] = kernel @ debates[start:stop]
        has_context = np.linalg.norm(context, axis=1) > 0
        blended = debates.copy()
        blended[has_context] = (1 - weight) * debates[has_context] + weight * normalize(
            context[has_context]
        )
        return normalize(blended)

    def assign(
        self,
        own: np.ndarray,
        themes: np.ndarray,
        centroids: np.ndarray,
        own_weight: float,
        debate_topic: np.ndarray | None,
    ) -> _Assignment:
        """Nearest topic of each turn in context; each debate's topic (given, or the nearest)."""
        context = normalize(own_weight * own + (1 - own_weight) * themes[self.content_debate])
        similarity = context @ centroids.T
        turn_topic = similarity.argmax(axis=1).astype(np.int64)
        turn_score = similarity.max(axis=1) if len(similarity) else np.zeros(0)
        if debate_topic is None:
            has_vector = np.linalg.norm(themes, axis=1) > 0
            debate_topic = np.where(has_vector, (themes @ centroids.T).argmax(axis=1), -1)
        subject_vectors = themes[self.subject_debate]
        subject_score = (
            (subject_vectors @ centroids.T).max(axis=1) if len(subject_vectors) else np.zeros(0)
        )
        return _Assignment(turn_topic, turn_score, debate_topic.astype(np.int64), subject_score)


class _Fitted:
    """What the fit learned per turn and debate, kept so that topics can be joined later."""

    def __init__(
        self, layout: _Layout, own: np.ndarray, themes: np.ndarray, assignment: _Assignment
    ) -> None:
        self.layout = layout
        self.own = own
        self.themes = themes
        self.assignment = assignment


def _heading_text(title: Any) -> str:
    """What a heading says an item is about: its subject, then whom it asks (the portfolio)."""
    subject = heading_subject(title)
    addressee = heading_addressee(title)
    return f"{subject} / {addressee}" if subject and addressee else subject or addressee


def _embed_parts(
    embedder: Embedder, layout: _Layout, random_state: int, *, refit: bool = True
) -> tuple[Embedder, np.ndarray, np.ndarray | None, np.ndarray]:
    """The embedder used, and vectors of the content turns, of the debates (or None), of headings.

    TF-IDF gets the debates as documents to fit on; any other embedder
    embeds turns and headings only, and the debates are their turns' mean.
    """
    n_turns, n_subjects = len(layout.content_texts), len(layout.subjects)
    if (
        refit
        and isinstance(embedder, TfidfEmbedder)
        and embedder.counts_fit_this_embedder()
        and layout.counter is not None
    ):
        return (embedder, *_embed_counts(embedder, layout))
    if isinstance(embedder, TfidfEmbedder):
        # Fit on the debates, the documents that have a subject; with few of
        # them (one meeting) the SVD would keep too few dimensions, so the
        # turns join the fit. Turns and headings are then placed in that space.
        documents = layout.debate_documents()
        parts = layout.content_texts + layout.subjects
        if refit and len(documents) > 2 * embedder.n_components:
            bodies = embedder.embed(documents)
            rest = embedder.transform(parts)
        else:
            if refit:
                embedder.embed(documents + parts)
            bodies, rest = embedder.transform(documents), embedder.transform(parts)
        rest = np.asarray(rest, dtype=np.float64)
        return embedder, rest[:n_turns], np.asarray(bodies, dtype=np.float64), rest[n_turns:]
    texts = layout.content_texts + layout.subjects
    if refit:
        embedder, vectors = embed_with_fallback(embedder, texts, random_state)
        if isinstance(embedder, TfidfEmbedder):  # the model was missing: TF-IDF after all
            return _embed_parts(embedder, layout, random_state)
    else:
        vectors = embedder.embed(texts)
    vectors = np.asarray(vectors, dtype=np.float64)
    return embedder, vectors[:n_turns], None, vectors[n_turns : n_turns + n_subjects]


def _embed_counts(
    embedder: TfidfEmbedder, layout: _Layout
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Vectors of the content turns, the debates and the headings, from the layout's counts.

    The same as embedding the texts, without reading a corpus of millions of
    words three more times: a debate's counts are its turns' and heading's.
    """
    n_turns = len(layout.content_texts)
    parts = layout.vector_counts
    assert parts is not None  # the layout of a fitted TfidfEmbedder carries its counts
    turns_, headings = parts[:n_turns], parts[n_turns:]
    documents = _sum_sparse(turns_, layout.content_debate, layout.n_debates) + _sum_sparse(
        headings, layout.subject_debate, layout.n_debates
    )
    if layout.n_debates > 2 * embedder.n_components:
        bodies = embedder.embed_counts(documents, layout.counter)
    else:  # few debates: the turns join the fit, or the SVD keeps too few dimensions
        embedder.embed_counts(sparse.vstack([documents, parts]).tocsr(), layout.counter)
        bodies = embedder.transform_counts(documents)
    rest = np.asarray(embedder.transform_counts(parts), dtype=np.float64)
    return rest[:n_turns], np.asarray(bodies, dtype=np.float64), rest[n_turns:]


def _sum_sparse(rows: sparse.spmatrix, groups: np.ndarray, n_groups: int) -> sparse.csr_matrix:
    membership = sparse.csr_matrix(
        (np.ones(len(groups)), (groups, np.arange(len(groups)))), shape=(n_groups, len(groups))
    )
    return (membership @ rows).tocsr()


#: Debates Ward's hierarchy joins one by one; beyond, k-means groups them first.
MAX_WARD = 4000


def _leaves(points: np.ndarray, random_state: int) -> tuple[np.ndarray, np.ndarray]:
    """The points the hierarchy starts from, and the leaf of each point.

    Ward's method needs memory and time as the square of its points.
    """
    if len(points) <= MAX_WARD:
        return points, np.arange(len(points))
    model = KMeans(n_clusters=MAX_WARD // 2, n_init=1, random_state=random_state)
    members = model.fit_predict(points)
    return normalize(model.cluster_centers_), members


def _centroids(themes: np.ndarray, debate_topic: np.ndarray, k: int) -> np.ndarray:
    """Unit mean of the debates' vectors in each group."""
    keep = debate_topic >= 0
    return normalize(_sum_by(themes[keep], debate_topic[keep], k, themes.shape[1]))


def _softmax(similarity: np.ndarray, temperature: float) -> np.ndarray:
    if similarity.size == 0:
        return similarity
    scaled = similarity / temperature
    scaled -= scaled.max(axis=1, keepdims=True)
    weights = np.exp(scaled)
    return weights / weights.sum(axis=1, keepdims=True)


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
    for subject, debate in zip(layout.named_subjects, layout.subject_debate, strict=True):
        topic = assignment.debate_topic[debate]
        if topic >= 0:
            words[topic].update(tokenize(subject))
    return words


def _label(keywords: list[str], heading_words: set[str], n: int = 3) -> str:
    """The best keywords, those the agenda headings use first: people name a subject so."""
    named = [w for w in keywords if set(w.lower().split()) <= heading_words]
    rest = [w for w in keywords if w not in named]
    return ", ".join((named + rest)[:n])


def _keywords(layout: _Layout, labels: np.ndarray, k: int, top_n: int) -> list[list[str]]:
    """Each topic's keywords: words and two-word phrases by class-based TF-IDF.

    A phrase ("artificiële intelligentie") takes the place of its words when
    it ranks among them; words mostly written in capitals keep them ("VDAB").
    """
    # Twice as many candidates as kept: phrases and stems take some places.
    words = class_tfidf_keywords(layout.term_counts, layout.terms, labels, k, top_n=2 * top_n)
    texts = layout.content_texts + layout.named_subjects
    class_texts = _class_texts(texts, labels, k)
    phrases = topic_phrases(class_texts, top_n=top_n)
    sampled = layout.term_counts[: len(layout.content_texts)]
    totals = dict(zip(layout.terms, np.asarray(sampled.sum(axis=0)).ravel().tolist(), strict=True))
    forms = acronym_forms(layout.content_texts, totals)
    keywords = []
    for topic in range(k):
        # A phrase must stand out to replace its words: pairs are rarer than
        # words, and chance pairs ("cure no") would otherwise crowd the list.
        weighted = [(term, PHRASE_WEIGHT * score) for term, score in phrases[topic]]
        ranked = sorted(words[topic] + weighted, key=lambda pair: -pair[1])
        chosen: list[str] = []
        seen: set[tuple[str, ...]] = set()
        for term, _ in ranked:
            parts = term.split()
            stem = tuple(p[:7] for p in parts)  # "vennootschap" and "vennootschappen"
            if stem in seen:
                continue
            seen.add(stem)
            if len(parts) == 1 and any(term in c.split() for c in chosen):
                continue  # already said by a phrase
            if len(parts) == 2:
                chosen = [c for c in chosen if c not in parts]
            chosen.append(term)
        keywords.append([_display(t, forms) for t in chosen[:top_n]])
    return keywords


def _class_texts(texts: list[str], labels: np.ndarray, k: int) -> list[str]:
    """Each class's texts joined, up to :data:`SAMPLE_CHARS` characters, in reading order."""
    parts: list[list[str]] = [[] for _ in range(k)]
    lengths = np.zeros(k, dtype=np.int64)
    for text, label in zip(texts, labels, strict=True):
        if 0 <= label < k and lengths[label] < SAMPLE_CHARS:
            parts[label].append(text)
            lengths[label] += len(text) + 1
    return ["\n".join(p) for p in parts]


def _display(term: str, forms: dict[str, str]) -> str:
    return " ".join(forms.get(w, w) for w in term.split())


def _candidate_ks(upper: int) -> np.ndarray:
    """Every k up to 20 (meetings have about that many debates), then a geometric grid."""
    dense = np.arange(2, min(upper, 20) + 1)
    sparse_ = np.geomspace(20, upper, num=8).round().astype(int) if upper > 20 else []
    return np.unique(np.concatenate([dense, sparse_])).astype(int)


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
    heading_weight: float = 0.5,
    context_weight: float = 0.6,
    context_decay: float = 0.8,
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
    min_words, own_weight, heading_weight, context_weight, context_decay, use_headings
        See :class:`TopicAnalyzer`.
    max_topics, top_n_words, n_representative
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
        context_weight=context_weight,
        context_decay=context_decay,
        use_headings=use_headings,
        max_topics=max_topics,
        top_n_words=top_n_words,
        n_representative=n_representative,
        progress=progress,
    )
    return analyzer.fit(turns).result(turns)
