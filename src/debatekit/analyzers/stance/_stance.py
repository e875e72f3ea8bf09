"""Speaker-stance similarity: who sides with whom, not who talks about the same thing.

Three signals, each a symmetric speakers x speakers matrix in [-1, 1], are
averaged with weights into :func:`speaker_similarity`:

``content``
    What sets a speaker apart within a debate. Each substantive turn is
    embedded; the debate's centre (the mean of its turns) is subtracted, so
    that the subject every speaker of the debate shares drops out; a speaker's
    residual in a debate is the mean of their turns' residuals. Two speakers
    are compared only on the debates they both spoke in (with at least three
    speakers, as two residuals around a centre are always opposite), and each
    debate's cosines are taken relative to that debate's mean.
``interaction``
    Explicit agreement and disagreement between the two speakers, in either
    direction (:func:`debatekit.interactions`): ``(agree - disagree) / (agree
    + disagree + prior)``.
``government``
    Each speaker's evaluative stance toward the government: praise, agreement
    and alignment aimed at the minister against criticism of the answer's pace and
    results, ``g = (pos - neg) / (pos + neg + prior)``; a minister is the
    government (``g = 1``). Two speakers score ``g_a * g_b``: positive when both
    side with the government or both oppose it. In a parliament this divides
    majority from opposition.

Party labels are never read.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from itertools import combinations
from typing import Any, ClassVar

import numpy as np
import pandas as pd

from ..._debates import debates, in_reading_order
from ..._errors import StanceError, message
from ..._progress import PROGRESS, progress_bar
from ..._validation import check_choices, check_int, check_number
from ...embed._embedders import embed_or_fall_back, get_embedder
from .._base import Analyzer, register_analyzer
from ._interactions import interactions

__all__ = [
    "StanceAnalyzer",
    "speaker_similarity",
    "validate_similarity",
    "government_stance",
    "check_square",
    "COMPONENTS",
]

#: The signals combined into the similarity, in the order of the weights.
COMPONENTS = ("content", "interaction", "government")
#: The roles a turn's speaker can have (the ``role`` column).
ROLES = ("member", "minister", "chair")
_PAIR_COLUMNS = ["speaker", "other", "similarity", *COMPONENTS, "shared_debates", "n_cues"]


@register_analyzer("stance")
class StanceAnalyzer(Analyzer):
    """Stance similarity between speakers, from what they said.

    Parameters
    ----------
    content_weight, interaction_weight, government_weight
        Weights of the three signals (>= 0, not all 0); see the module
        documentation and ``docs/stance.md``. The government signal weighs
        double: every debate with a minister gives it evidence, while the
        other two need debates or words the two speakers share.
    embedder
        What embeds the turns for the content signal: ``"tfidf"`` (offline),
        a sentence-transformers model name or folder, a loaded model, or an
        embedder object. A model that cannot be loaded falls back to TF-IDF
        with one warning.
    roles
        The roles whose speakers are compared: ``"member"``, ``"minister"``,
        ``"chair"``, or a sequence of them (a single string is one role). The
        chair only manages the floor.
    min_words
        Turns shorter than this say too little to be embedded.
    prior
        Pseudo-count that shrinks cue scores of speakers with few cues toward 0.
    random_state
        Seed of the embedder's random steps: same input, same output.
    progress
        Show a progress bar over the debates.

    Attributes
    ----------
    speakers_ : list of str
        The speakers compared, in order of first appearance (in meeting and turn order).
    similarity_ : pandas.DataFrame
        The combined square similarity.
    components_ : dict of str to pandas.DataFrame
        Each signal's square matrix.
    interactions_ : pandas.DataFrame
        The table of :func:`debatekit.interactions`.
    government_stance_ : pandas.Series
        Each speaker's stance toward the government, in [-1, 1].

    Examples
    --------
    >>> import debatekit as dk
    >>> turns = dk.read_transcript(dk.sample_path())
    >>> pairs = dk.StanceAnalyzer().fit_transform(turns)
    >>> pairs.columns.tolist()[:3]
    ['speaker', 'other', 'similarity']
    """

    name: ClassVar[str] = "stance"
    required_columns: ClassVar[tuple[str, ...]] = ("turn_id", "speaker", "role", "text")
    check_params: ClassVar[dict[str, Any]] = {}

    def __init__(
        self,
        *,
        content_weight: float = 1.0,
        interaction_weight: float = 1.0,
        government_weight: float = 2.0,
        embedder: Any = "tfidf",
        roles: str | Sequence[str] = ("member", "minister"),
        min_words: int = 5,
        prior: float = 1.0,
        random_state: int = 0,
        progress: bool = PROGRESS,
    ) -> None:
        self.content_weight = content_weight
        self.interaction_weight = interaction_weight
        self.government_weight = government_weight
        self.embedder = embedder
        self.roles = roles
        self.min_words = min_words
        self.prior = prior
        self.random_state = random_state
        self.progress = progress

    def _check_params(self) -> np.ndarray:
        owner = type(self).__name__
        given = (self.content_weight, self.interaction_weight, self.government_weight)
        for name, value in zip(COMPONENTS, given, strict=True):
            check_number(_plain(value), f"{name}_weight", owner, minimum=0)
        weights = np.array(given, dtype=float)
        if weights.sum() == 0:
            raise StanceError(message("E401"))
        check_int(_plain(self.min_words), "min_words", owner, minimum=0)
        check_number(_plain(self.prior), "prior", owner, minimum=0, strict=True)
        _check_roles(self.roles)
        return weights / weights.sum()

    def fit(self, turns: pd.DataFrame, y: None = None) -> StanceAnalyzer:
        """Compute the speakers' similarity from ``turns``.

        Raises
        ------
        SchemaError
            ``turns`` lacks a needed column.
        StanceError
            A parameter is out of range, or fewer than two speakers of the
            chosen roles said anything.
        """
        self._validate(turns)
        weights = self._check_params()
        turns = in_reading_order(turns)
        speaking = _substantive(turns, self.roles, 0)
        speakers = list(dict.fromkeys(speaking["speaker"].astype(str)))
        if len(speakers) < 2:
            raise StanceError(
                message("E403", n=len(speakers), roles=", ".join(_role_list(self.roles)))
            )
        table = interactions(turns, progress=self.progress)
        self.speakers_ = speakers
        self.interactions_ = table
        self.government_stance_ = government_stance(
            turns, table=table, speakers=speakers, prior=self.prior
        )
        content, shared = self._content(turns, speakers)
        parts = {
            "content": content,
            "interaction": _interaction_matrix(table, speakers, self.prior),
            "government": _government_matrix(self.government_stance_),
        }
        combined = sum(w * parts[c] for w, c in zip(weights, COMPONENTS, strict=True))
        np.fill_diagonal(combined, 1.0)
        self.components_ = {c: _square(m, speakers) for c, m in parts.items()}
        self.similarity_ = _square(np.clip(combined, -1.0, 1.0), speakers)
        self.shared_debates_ = _square(shared, speakers)
        self.n_cues_ = _cue_counts(table, speakers)
        return self

    def _content(self, turns: pd.DataFrame, speakers: list[str]) -> tuple[np.ndarray, np.ndarray]:
        n = len(speakers)
        total, count = np.zeros((n, n)), np.zeros((n, n))
        usable = _substantive(turns, self.roles, self.min_words)
        if self.content_weight == 0 or len(usable) < 3:
            return total, count
        embedder = get_embedder(self.embedder, random_state=self.random_state)
        vectors = embed_or_fall_back(
            embedder, usable["text"].astype(str).tolist(), self.random_state
        )
        index = {s: i for i, s in enumerate(speakers)}
        position = {tid: k for k, tid in enumerate(usable["turn_id"])}
        groups = list(debates(usable))
        for _meeting, _item, debate in progress_bar(groups, enabled=self.progress, desc="debates"):
            rows = [position[t] for t in debate["turn_id"]]
            who = debate["speaker"].astype(str).to_numpy()
            for (a, b), value in _debate_cosines(vectors[rows], who).items():
                i, j = index[a], index[b]
                total[i, j] += value
                total[j, i] += value
                count[i, j] += 1
                count[j, i] += 1
        content = np.divide(total, count, out=np.zeros_like(total), where=count > 0)
        return np.clip(content, -1.0, 1.0), count

    def transform(self, turns: pd.DataFrame) -> pd.DataFrame:
        """One row per pair of the fitted speakers present in ``turns``.

        Returns
        -------
        pandas.DataFrame
            ``speaker``, ``other`` (each unordered pair of distinct
            speakers once, ``speaker < other`` alphabetically, sorted by
            both; the square matrix is ``similarity_``),
            ``similarity``, the ``content``, ``interaction`` and ``government``
            signals, ``shared_debates`` (debates both spoke in) and ``n_cues``
            (stance cues between them).
        """
        self._check_fitted()
        self._validate(turns)
        present = set(turns["speaker"].dropna().astype(str))
        keep = [s for s in self.speakers_ if s in present]
        frames = {"similarity": self.similarity_, **self.components_}
        frames["shared_debates"] = self.shared_debates_
        frames["n_cues"] = self.n_cues_
        names = sorted(keep)
        index = pd.MultiIndex.from_tuples(list(combinations(names, 2)), names=_PAIR_COLUMNS[:2])
        a, b = index.get_level_values(0), index.get_level_values(1)
        pairs = pd.DataFrame(
            {
                name: frame.to_numpy()[frame.index.get_indexer(a), frame.columns.get_indexer(b)]
                for name, frame in frames.items()
            },
            index=index,
        ).reset_index()
        pairs.columns = _PAIR_COLUMNS
        pairs["speaker"] = pairs["speaker"].astype("string")
        pairs["other"] = pairs["other"].astype("string")
        pairs["shared_debates"] = pairs["shared_debates"].astype("int64")
        pairs["n_cues"] = pairs["n_cues"].astype("int64")
        return pairs

    def _repr_html_(self) -> str:
        if not hasattr(self, "similarity_"):
            return f"<pre>{self!r}</pre>"
        return self.similarity_.round(2)._repr_html_()


def _plain(value: Any) -> Any:
    """A numpy scalar as the Python number it holds, so that a message shows ``-1.0``."""
    return value.item() if isinstance(value, np.generic) else value


def _role_list(roles: str | Sequence[str]) -> list[str]:
    """``roles`` as a list: a single string is one role, not its letters."""
    return [roles] if isinstance(roles, str) else list(roles)


def _check_roles(roles: str | Sequence[str]) -> list[str]:
    try:
        given = _role_list(roles)
    except TypeError:
        given = [roles]  # type: ignore[list-item]
    check_choices(given, "roles", "StanceAnalyzer", ROLES)
    return given


def _substantive(turns: pd.DataFrame, roles: str | Sequence[str], min_words: int) -> pd.DataFrame:
    keep = turns["role"].isin(_role_list(roles)) & turns["speaker"].notna()
    if "procedural" in turns.columns:
        keep &= ~turns["procedural"].astype(bool)
    words = turns["text"].fillna("").astype(str).str.split().str.len()
    keep &= words >= max(min_words, 1)
    return turns[keep]


def _debate_cosines(vectors: np.ndarray, who: np.ndarray) -> dict[tuple[str, str], float]:
    """Pairwise cosines of the speakers' residuals around the debate's centre."""
    names = list(dict.fromkeys(who))
    if len(names) < 3:  # two residuals around their mean always point apart
        return {}
    residual = vectors - vectors.mean(axis=0)
    means = np.vstack([residual[who == name].mean(axis=0) for name in names])
    norms = np.linalg.norm(means, axis=1, keepdims=True)
    unit = np.divide(means, norms, out=np.zeros_like(means), where=norms > 0)
    cosine = unit @ unit.T
    pairs = list(combinations(range(len(names)), 2))
    values = np.array([cosine[i, j] for i, j in pairs])
    centred = values - values.mean()  # relative to how far apart this debate's speakers are
    return {(names[i], names[j]): float(v) for (i, j), v in zip(pairs, centred, strict=True)}


def _signed_shrunk(positive: float, negative: float, prior: float) -> float:
    return (positive - negative) / (positive + negative + prior)


def _interaction_matrix(table: pd.DataFrame, speakers: list[str], prior: float) -> np.ndarray:
    n = len(speakers)
    index = {s: i for i, s in enumerate(speakers)}
    positive, negative = np.zeros((n, n)), np.zeros((n, n))
    cues = table[(table["polarity"] != 0) & (table["kind"] != "alignment")]
    for row in cues.itertuples(index=False):
        i, j = index.get(str(row.speaker)), index.get(str(row.target))
        if i is None or j is None or i == j:
            continue
        side = positive if row.polarity > 0 else negative
        side[i, j] += row.weight
        side[j, i] += row.weight
    return (positive - negative) / (positive + negative + prior)


def _government_matrix(stance: pd.Series) -> np.ndarray:
    values = stance.to_numpy(dtype=float)
    return np.outer(values, values)


def _cue_counts(table: pd.DataFrame, speakers: list[str]) -> pd.DataFrame:
    counts = pd.DataFrame(0, index=speakers, columns=speakers, dtype="int64")
    cues = table[table["polarity"] != 0]
    for row in cues.itertuples(index=False):
        a, b = str(row.speaker), str(row.target)
        if a in counts.index and b in counts.index and a != b:
            counts.loc[a, b] += 1
            counts.loc[b, a] += 1
    return counts


def _square(matrix: np.ndarray, speakers: list[str]) -> pd.DataFrame:
    frame = pd.DataFrame(matrix, index=pd.Index(speakers, name="speaker"), columns=speakers)
    frame.columns.name = "speaker"
    return frame


def government_stance(
    turns: pd.DataFrame,
    *,
    table: pd.DataFrame | None = None,
    speakers: Sequence[str] | None = None,
    prior: float = 1.0,
) -> pd.Series:
    """Each speaker's stance toward the government, from their cues aimed at a minister.

    Parameters
    ----------
    turns
        A turns table.
    table
        Its :func:`debatekit.interactions` table, if already computed.
    speakers
        The speakers to score; by default every member and minister.
    prior
        Pseudo-count that shrinks the scores of speakers with few cues toward 0.

    Returns
    -------
    pandas.Series
        ``(positive - negative) / (positive + negative + prior)`` per speaker,
        from the weights of praise, agreement and alignment (positive)
        and criticism and disagreement (negative) aimed at a minister; 1 for a
        minister.

    Examples
    --------
    >>> import debatekit as dk
    >>> turns = dk.read_transcript(dk.sample_path())
    >>> stance = dk.government_stance(turns)
    >>> bool(stance["Stijn De Roo"] > 0 > stance["Imade Annouri"])
    True
    """
    turns = in_reading_order(turns)
    table = interactions(turns) if table is None else table
    if speakers is None:
        speakers = list(dict.fromkeys(_substantive(turns, ("member", "minister"), 0)["speaker"]))
    ministers = set(turns.loc[turns["role"] == "minister", "speaker"].dropna().astype(str))
    aimed = table[table["target"].isin(ministers) & (table["polarity"] != 0)]
    signed = aimed["weight"] * aimed["polarity"]
    positive = aimed["weight"].where(signed > 0, 0.0).groupby(aimed["speaker"]).sum()
    negative = aimed["weight"].where(signed < 0, 0.0).groupby(aimed["speaker"]).sum()
    values = {
        s: 1.0
        if s in ministers
        else _signed_shrunk(float(positive.get(s, 0.0)), float(negative.get(s, 0.0)), prior)
        for s in map(str, speakers)
    }
    return pd.Series(values, name="government_stance", dtype="float64").rename_axis("speaker")


def speaker_similarity(
    turns: pd.DataFrame,
    *,
    content_weight: float = 1.0,
    interaction_weight: float = 1.0,
    government_weight: float = 2.0,
    embedder: Any = "tfidf",
    roles: str | Sequence[str] = ("member", "minister"),
    min_words: int = 5,
    prior: float = 1.0,
    random_state: int = 0,
    progress: bool = PROGRESS,
) -> pd.DataFrame:
    """How much each pair of speakers takes the same position, from what they said.

    Combines three signals that separate position from topic (see
    :class:`StanceAnalyzer` and ``docs/stance.md``): what sets speakers apart
    within the debates they share, their explicit agreement and disagreement
    with each other, and their stance toward the government. Party labels are
    never read. Called on a subset of turns (one debate, one party, one year)
    it compares the speakers of that subset, from that subset only.

    Parameters
    ----------
    turns
        A turns table.
    content_weight, interaction_weight, government_weight
        Weights of the three signals, as for :class:`StanceAnalyzer`.
    embedder, roles, min_words, prior, random_state, progress
        As for :class:`StanceAnalyzer`.

    Returns
    -------
    pandas.DataFrame
        Square and symmetric, speakers (in order of first appearance, in
        meeting and turn order) on both axes, values in [-1, 1], 1 on the
        diagonal. The order of the rows of ``turns`` does not matter.

    Raises
    ------
    StanceError
        Fewer than two speakers, or a parameter out of range.

    Examples
    --------
    >>> import debatekit as dk
    >>> turns = dk.read_transcript(dk.sample_path())
    >>> sim = dk.speaker_similarity(turns[turns["item"] == 9])
    >>> bool(sim.loc["Thijs Verbeurgt", "Imade Annouri"] > sim.loc["Thijs Verbeurgt", "Axel Ronse"])
    True
    """
    analyzer = StanceAnalyzer(
        content_weight=content_weight,
        interaction_weight=interaction_weight,
        government_weight=government_weight,
        embedder=embedder,
        roles=roles,
        min_words=min_words,
        prior=prior,
        random_state=random_state,
        progress=progress,
    )
    return analyzer.fit(turns).similarity_.copy()


def check_square(similarity: pd.DataFrame) -> np.ndarray:
    """Return the values of a square similarity; raise E404 if it is not one."""
    if not isinstance(similarity, pd.DataFrame) or list(similarity.index) != list(
        similarity.columns
    ):
        raise StanceError(message("E404"))
    return similarity.to_numpy(dtype=float)


def validate_similarity(
    similarity: pd.DataFrame, groups: Mapping[Hashable, Hashable] | pd.Series
) -> float:
    """The AUC with which same-group pairs of speakers score above cross-group pairs.

    Political scientists validate a position measure against known groups:
    majority and opposition, or parties. 1.0 means every same-group pair is
    more similar than every cross-group pair, 0.5 is chance. Ties count half.

    Parameters
    ----------
    similarity
        A square similarity, as :func:`speaker_similarity` returns.
    groups
        Speaker -> group. Speakers missing from either side are left out.

    Returns
    -------
    float
        The area under the ROC curve (the Mann-Whitney probability).

    Raises
    ------
    StanceError
        ``similarity`` is not square, or no same-group or no cross-group pair
        remains.

    Examples
    --------
    >>> import pandas as pd
    >>> sim = pd.DataFrame([[1, .8, .1], [.8, 1, .2], [.1, .2, 1]],
    ...                    index=list("abc"), columns=list("abc"))
    >>> validate_similarity(sim, {"a": "x", "b": "x", "c": "y"})
    1.0
    """
    check_square(similarity)
    labels = pd.Series(groups) if not isinstance(groups, pd.Series) else groups
    labels = labels.dropna()
    names = [s for s in similarity.index if s in labels.index]
    same: list[float] = []
    cross: list[float] = []
    values = similarity.loc[names, names].to_numpy(dtype=float)
    for i, j in combinations(range(len(names)), 2):
        (same if labels[names[i]] == labels[names[j]] else cross).append(values[i, j])
    if not same or not cross:
        raise StanceError(message("E405", n=len(names), same=len(same), cross=len(cross)))
    a, b = np.array(same)[:, None], np.array(cross)[None, :]
    return float(((a > b).sum() + 0.5 * (a == b).sum()) / (a.size * b.size))
