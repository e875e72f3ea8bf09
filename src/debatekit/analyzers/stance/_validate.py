"""Validation as a feature: how well positions and similarities match known groups and votes.

:func:`validate_similarity` and :func:`validate_positions` return small tidy
tables (one row per measure) with the value, a bootstrap interval over
speakers, the number of pairs or speakers it rests on and the coverage (the
share of labelled pairs or speakers that have a value at all; NaN values are
left out of the measure, never counted as ties). Everything is linear or
``n log n`` in the number of pairs: sorting, cumulative sums and ranks, no
pairs x pairs comparison.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import Any

import numpy as np
import pandas as pd
from scipy.stats import rankdata

from ..._errors import StanceError, message

__all__ = ["validate_similarity", "validate_positions", "VALIDATION_COLUMNS", "check_square"]

#: Columns of the validation tables.
VALIDATION_COLUMNS = (
    "measure",
    "value",
    "ci_low",
    "ci_high",
    "p_value",
    "n",
    "n_speakers",
    "coverage",
)


def check_square(similarity: pd.DataFrame) -> np.ndarray:
    """Return the values of a square similarity; raise E404 if it is not one."""
    if not isinstance(similarity, pd.DataFrame) or list(similarity.index) != list(
        similarity.columns
    ):
        raise StanceError(message("E404"))
    return similarity.to_numpy(dtype=float)


def _labels(groups: Any) -> pd.Series:
    """Speaker -> group from a mapping, a Series, or a table with speaker and bloc columns."""
    if isinstance(groups, pd.DataFrame):
        if not {"speaker", "bloc"} <= set(groups.columns):
            raise StanceError(message("E410", what="a groups table needs speaker and bloc columns"))
        table = groups.dropna(subset=["bloc"])
        table = table[table["bloc"].isin(["majority", "opposition"])] if len(table) else table
        # a speaker who changed sides under another government is left out of a pooled check
        sides = table.groupby("speaker")["bloc"].nunique()
        table = table[table["speaker"].isin(sides[sides == 1].index)]
        return table.drop_duplicates("speaker").set_index("speaker")["bloc"].astype(object)
    labels = groups if isinstance(groups, pd.Series) else pd.Series(dict(groups), dtype=object)
    return labels.dropna()


def weighted_auc(
    scores: np.ndarray, positive: np.ndarray, weights: np.ndarray | None = None
) -> float:
    """The Mann-Whitney AUC of ``scores`` for ``positive`` against the rest, ties half.

    With ``weights`` each observation counts that many times (the bootstrap
    resamples speakers by weighting). ``n log n``: one sort, cumulative sums.
    """
    w = np.ones(len(scores)) if weights is None else np.asarray(weights, dtype=float)
    order = np.argsort(scores, kind="stable")
    s, pos, w = scores[order], positive[order], w[order]
    wp, wn = np.where(pos, w, 0.0), np.where(pos, 0.0, w)
    total_p, total_n = wp.sum(), wn.sum()
    if total_p == 0 or total_n == 0:
        return float("nan")
    # tie groups: negatives strictly below, plus half the negatives tied
    starts = np.flatnonzero(np.r_[True, s[1:] != s[:-1]])
    group = np.cumsum(np.r_[True, s[1:] != s[:-1]]) - 1
    neg_in_group = np.add.reduceat(wn, starts)
    below = np.r_[0.0, np.cumsum(neg_in_group)[:-1]]
    credit = below[group] + 0.5 * neg_in_group[group]
    return float((wp * credit).sum() / (total_p * total_n))


def _pairs(names: list[Any]) -> tuple[np.ndarray, np.ndarray]:
    return np.triu_indices(len(names), k=1)


def _interval(values: list[float], level: float) -> tuple[float, float]:
    finite = np.asarray([v for v in values if np.isfinite(v)])
    if not len(finite):
        return float("nan"), float("nan")
    tail = (1 - level) / 2
    low, high = np.quantile(finite, [tail, 1 - tail])
    return float(low), float(high)


def validate_similarity(
    similarity: pd.DataFrame,
    groups: Mapping[Hashable, Hashable] | pd.Series | pd.DataFrame | None = None,
    *,
    votes: pd.DataFrame | None = None,
    n_boot: int = 500,
    n_permutations: int = 999,
    level: float = 0.95,
    random_state: int = 0,
) -> pd.DataFrame:
    """How well a speaker similarity matches known groups, and how members vote.

    Political scientists validate a position measure against what is known:
    majority and opposition (or parties), and roll-call votes.

    Parameters
    ----------
    similarity
        A square similarity, as :func:`debatekit.speaker_similarity` returns
        (NaN where a pair has no evidence).
    groups
        Speaker -> group (a mapping or Series), or the table of
        :func:`debatekit.blocs` (speakers who changed sides are left out).
    votes
        A square vote agreement (members on both axes, the share of votes in
        which the two voted alike), e.g. from ``dk.vote_agreement``.
    n_boot
        Bootstrap rounds over speakers for the AUC's interval.
    n_permutations
        Mantel permutations of the speakers for the vote correlation's p-value.
    level
        Coverage of the intervals.
    random_state
        Seed of the bootstrap and the permutations.

    Returns
    -------
    pandas.DataFrame
        One row per measure (:data:`VALIDATION_COLUMNS`): ``bloc_auc`` (the
        probability that a same-group pair is more similar than a cross-group
        pair, ties half; 0.5 is chance) with its interval and ``n`` pairs;
        ``vote_spearman`` (rank correlation of similarity and vote agreement
        over the pairs that have both) with its Mantel ``p_value``; and
        ``coverage``, the share of the labelled pairs with a similarity.

    Raises
    ------
    StanceError
        ``similarity`` is not square (E404); neither groups nor votes given, or
        no same-group or no cross-group pair remains (E405, E410).

    Examples
    --------
    >>> import pandas as pd
    >>> sim = pd.DataFrame([[1, .8, .1], [.8, 1, .2], [.1, .2, 1]],
    ...                    index=list("abc"), columns=list("abc"))
    >>> table = validate_similarity(sim, {"a": "x", "b": "x", "c": "y"})
    >>> row = table.set_index("measure").loc["bloc_auc"]
    >>> float(row["value"]), int(row["n"])
    (1.0, 3)
    """
    values = check_square(similarity)
    if groups is None and votes is None:
        raise StanceError(message("E410", what="give groups=, votes= or both"))
    rng = np.random.default_rng(random_state)
    rows = []
    if groups is not None:
        rows.append(_bloc_auc(similarity, values, _labels(groups), n_boot, level, rng))
    if votes is not None:
        rows.append(_vote_correlation(similarity, values, votes, n_permutations, rng))
    return pd.DataFrame(rows, columns=list(VALIDATION_COLUMNS))


def _bloc_auc(
    similarity: pd.DataFrame,
    values: np.ndarray,
    labels: pd.Series,
    n_boot: int,
    level: float,
    rng: np.random.Generator,
) -> dict[str, Any]:
    names = [s for s in similarity.index if s in labels.index]
    index = similarity.index.get_indexer(names)
    sub = values[np.ix_(index, index)]
    i, j = _pairs(names)
    group = labels.loc[names].to_numpy()
    same, score = group[i] == group[j], sub[i, j]
    known = ~np.isnan(score)
    if not (same & known).any() or not (~same & known).any():
        raise StanceError(
            message(
                "E405",
                n=len(names),
                same=int((same & known).sum()),
                cross=int((~same & known).sum()),
            )
        )
    i, j, same, score = i[known], j[known], same[known], score[known]
    auc = weighted_auc(score, same)
    boots = []
    for _ in range(n_boot):
        counts = rng.multinomial(len(names), np.full(len(names), 1 / len(names)))
        boots.append(weighted_auc(score, same, counts[i] * counts[j]))
    low, high = _interval(boots, level)
    return {
        "measure": "bloc_auc",
        "value": auc,
        "ci_low": low,
        "ci_high": high,
        "p_value": np.nan,
        "n": int(known.sum()),
        "n_speakers": len(names),
        "coverage": float(known.mean()) if len(known) else np.nan,
    }


def _as_square(votes: pd.DataFrame) -> pd.DataFrame:
    if list(votes.index) == list(votes.columns):
        return votes
    columns = [c for c in votes.columns if c not in ("speaker", "other")]
    if {"speaker", "other"} <= set(votes.columns) and columns:
        value = "agreement" if "agreement" in columns else columns[0]
        long = votes[["speaker", "other", value]]
        both = pd.concat([long, long.rename(columns={"speaker": "other", "other": "speaker"})])
        return both.pivot_table(index="speaker", columns="other", values=value, aggfunc="mean")
    raise StanceError(message("E410", what="votes= must be a square agreement matrix"))


def _vote_correlation(
    similarity: pd.DataFrame,
    values: np.ndarray,
    votes: pd.DataFrame,
    n_permutations: int,
    rng: np.random.Generator,
) -> dict[str, Any]:
    square = _as_square(votes)
    names = [s for s in similarity.index if s in square.index and s in square.columns]
    if len(names) < 3:
        raise StanceError(message("E410", what=f"only {len(names)} speakers have votes"))
    index = similarity.index.get_indexer(names)
    sim = values[np.ix_(index, index)]
    agree = square.loc[names, names].to_numpy(dtype=float)
    i, j = _pairs(names)
    rho, known = _spearman(sim[i, j], agree[i, j])
    exceed = 0
    for _ in range(n_permutations if np.isfinite(rho) else 0):
        p = rng.permutation(len(names))
        permuted, _ = _spearman(sim[i, j], agree[p[i], p[j]])
        exceed += bool(np.isfinite(permuted) and permuted >= rho)
    return {
        "measure": "vote_spearman",
        "value": rho,
        "ci_low": np.nan,
        "ci_high": np.nan,
        "p_value": (exceed + 1) / (n_permutations + 1)
        if n_permutations and np.isfinite(rho)
        else np.nan,
        "n": known,
        "n_speakers": len(names),
        "coverage": known / len(i) if len(i) else np.nan,
    }


def _spearman(a: np.ndarray, b: np.ndarray) -> tuple[float, int]:
    keep = ~(np.isnan(a) | np.isnan(b))
    if keep.sum() < 3:
        return float("nan"), int(keep.sum())
    ra, rb = rankdata(a[keep]), rankdata(b[keep])
    if ra.std() == 0 or rb.std() == 0:
        return float("nan"), int(keep.sum())
    return float(np.corrcoef(ra, rb)[0, 1]), int(keep.sum())


def validate_positions(
    positions: pd.DataFrame,
    groups: Mapping[Hashable, Hashable] | pd.Series | pd.DataFrame,
    *,
    positive: Hashable = "majority",
    columns: tuple[str, ...] = ("government_stance", "scaling_position"),
    n_boot: int = 500,
    level: float = 0.95,
    random_state: int = 0,
) -> pd.DataFrame:
    """How well each position column tells one group of speakers from the others.

    Parameters
    ----------
    positions
        The table of :func:`debatekit.speaker_positions`.
    groups
        Speaker -> group, or the table of :func:`debatekit.blocs`. With a
        ``government`` column in both, speakers are matched per government.
    positive
        The group that should score higher (``"majority"``: nearer the government).
    columns
        The position columns to check.
    n_boot, level, random_state
        Bootstrap over speakers for the intervals, and its seed.

    Returns
    -------
    pandas.DataFrame
        One row per column (``measure`` ``auc:<column>``): the AUC (the
        probability that a speaker of ``positive`` scores above one of the
        others; 0.5 is chance), its interval, ``n`` speakers with a value, and
        ``coverage``, the share of labelled speakers that have one.

    Examples
    --------
    >>> import debatekit as dk
    >>> turns = dk.read_transcript(dk.sample_path())
    >>> table = dk.validate_positions(dk.speaker_positions(turns), dk.blocs(turns))
    >>> float(table.set_index("measure").loc["auc:government_stance", "value"])
    1.0
    """
    keys = ["speaker"]
    if isinstance(groups, pd.DataFrame) and "government" in groups and "government" in positions:
        keys.append("government")
        labels = groups.dropna(subset=["bloc"]).set_index(keys)["bloc"]
    else:
        labels = _labels(groups)
    joined = positions.set_index(keys).join(labels.rename("_group"), how="inner")
    joined = joined[joined["_group"].notna()]
    rng = np.random.default_rng(random_state)
    rows = []
    for column in columns:
        if column not in joined.columns:
            continue
        score = joined[column].to_numpy(dtype=float)
        is_positive = (joined["_group"] == positive).to_numpy()
        known = ~np.isnan(score)
        s, y = score[known], is_positive[known]
        auc = weighted_auc(s, y) if len(s) else float("nan")
        boots = [
            weighted_auc(s, y, rng.multinomial(len(s), np.full(len(s), 1 / len(s))))
            for _ in range(n_boot if len(s) else 0)
        ]
        low, high = _interval(boots, level)
        rows.append(
            {
                "measure": f"auc:{column}",
                "value": auc,
                "ci_low": low,
                "ci_high": high,
                "p_value": np.nan,
                "n": int(known.sum()),
                "n_speakers": len(joined),
                "coverage": float(known.mean()) if len(known) else np.nan,
            }
        )
    return pd.DataFrame(rows, columns=list(VALIDATION_COLUMNS))
