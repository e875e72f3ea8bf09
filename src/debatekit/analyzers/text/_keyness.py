"""Word frequencies, and keyness: which words one group says more than the rest."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
from scipy.stats import chi2 as chi2_distribution

from ..._errors import ParameterError, message
from ..._validation import check_choice, check_int
from ._dfm import Dfm, dfm, group_keys

__all__ = ["keyness", "frequencies", "KEYNESS_COLUMNS"]

#: Columns of the keyness table, in order.
KEYNESS_COLUMNS = (
    "feature",
    "n_target",
    "n_reference",
    "chi2",
    "p",
    "G2",
    "log_ratio",
)
MEASURES = ("chi2", "G2", "log_ratio")


def _counts(data: pd.DataFrame | Dfm, params: dict[str, Any]) -> Dfm:
    return data if isinstance(data, Dfm) else dfm(data, **params)


def frequencies(
    data: pd.DataFrame | Dfm,
    *,
    by: str | Sequence[str] | None = None,
    n: int | None = None,
    **dfm_params: Any,
) -> pd.DataFrame:
    """How often each word is said, and in how many turns, overall or per group.

    Parameters
    ----------
    data
        A turns table, or a :class:`Dfm` of turns (not grouped).
    by
        Column(s) of the turns to count per group (``"party"``, ``"speaker"``).
    n
        Keep the ``n`` most frequent words (of each group).
    **dfm_params
        Passed to :func:`debatekit.dfm` (``stop_words``, ``ngrams``, ``min_count``...).

    Returns
    -------
    pandas.DataFrame
        ``feature``, ``frequency``, ``rank`` (1 = most said, ties share the
        lower rank), ``docfreq`` (turns that say it), and the group columns.

    Examples
    --------
    >>> import debatekit as dk
    >>> top = dk.frequencies(dk.read_transcript(dk.sample_path()), n=3)
    >>> top["feature"].tolist()
    ['ondernemingen', 'bedrijven', 'impact']
    """
    if n is not None:
        check_int(n, "n", "frequencies", minimum=1)
    counts = _counts(data, dfm_params)
    if by is None:
        keys = pd.DataFrame(index=[0])
        groups = np.zeros(counts.shape[0], dtype=np.int64)
    else:
        keys, indicator = group_keys(counts.docs, by, owner="frequencies")
        groups = indicator.tocsc().indices  # each turn's group, in turn order
    tables = [
        _frequency_table(counts, groups == g, n).assign(**keys.iloc[g].to_dict())
        for g in range(len(keys))
    ]
    table = pd.concat(tables, ignore_index=True) if tables else _frequency_table(counts, [], n)
    return table


def _frequency_table(counts: Dfm, rows: Any, n: int | None) -> pd.DataFrame:
    matrix = counts.matrix[np.asarray(rows, dtype=bool)] if len(rows) else counts.matrix[:0]
    frequency = np.asarray(matrix.sum(axis=0)).ravel()
    docfreq = np.asarray((matrix > 0).sum(axis=0)).ravel()
    table = pd.DataFrame({"feature": counts.features, "frequency": frequency, "docfreq": docfreq})
    table = table[table["frequency"] > 0]
    table = table.sort_values(["frequency", "feature"], ascending=[False, True], kind="stable")
    table.insert(2, "rank", table["frequency"].rank(method="min", ascending=False).astype(int))
    return table.head(n).reset_index(drop=True) if n else table.reset_index(drop=True)


def keyness(
    data: pd.DataFrame | Dfm,
    target: object,
    *,
    by: str | None = None,
    measure: str = "chi2",
    n: int | None = None,
    **dfm_params: Any,
) -> pd.DataFrame:
    """Which words the target group says more (or less) than the rest: signed keyness.

    For each word a 2 x 2 table (this word / all other words, target /
    reference) gives Pearson's chi-squared (no continuity correction) and
    Dunning's log-likelihood G2, both signed: positive when the target says
    the word more often, per word spoken, than the reference. ``log_ratio``
    (Hardie's, base 2, with 0.5 added to each count) is the effect size.

    Parameters
    ----------
    data
        A turns table, or a :class:`Dfm` (of turns or groups).
    target
        With ``by``: a value (or list of values) of that column, e.g.
        ``target="opposition", by="bloc"``. Without: a boolean mask, one per
        document of ``data``.
    by
        The column that names the groups.
    measure
        Sort by ``"chi2"``, ``"G2"`` or ``"log_ratio"``, most key first.
    n
        Keep the ``n`` most key words (and the ``n`` least key at the end).
    **dfm_params
        Passed to :func:`debatekit.dfm` when ``data`` is a turns table.

    Returns
    -------
    pandas.DataFrame
        ``feature``, ``n_target``, ``n_reference``, ``chi2``, ``p``, ``G2``,
        ``log_ratio``, sorted by ``measure``. ``attrs`` holds the two totals.

    Raises
    ------
    ParameterError
        The target is no value of ``by``, or is every document.

    Examples
    --------
    >>> import debatekit as dk
    >>> turns = dk.read_transcript(dk.sample_path())
    >>> key = dk.keyness(turns, "minister", by="role")
    >>> key.columns.tolist()
    ['feature', 'n_target', 'n_reference', 'chi2', 'p', 'G2', 'log_ratio']
    """
    check_choice(measure, "measure", "keyness", MEASURES)
    if n is not None:
        check_int(n, "n", "keyness", minimum=1)
    counts = _counts(data, dfm_params)
    mask = _target_mask(counts, target, by)
    a = np.asarray(counts.matrix[mask].sum(axis=0)).ravel().astype(float)
    b = np.asarray(counts.matrix[~mask].sum(axis=0)).ravel().astype(float)
    table = _scores(counts.features, a, b)
    table = table.sort_values([measure, "feature"], ascending=[False, True], kind="stable")
    if n is not None and len(table) > 2 * n:
        table = pd.concat([table.head(n), table.tail(n)])
    table = table.reset_index(drop=True)
    table.attrs.update(total_target=int(a.sum()), total_reference=int(b.sum()))
    return table


def _target_mask(counts: Dfm, target: object, by: str | None) -> np.ndarray:
    if by is None:
        mask = np.asarray(target, dtype=bool) if not isinstance(target, str) else None
        if mask is None or mask.shape != (counts.shape[0],):
            raise ParameterError(message("E605", n=counts.shape[0], value=target))
    else:
        if by not in counts.docs.columns:
            group_keys(counts.docs, by, owner="keyness")  # raises the missing-column error
        values = [target] if isinstance(target, str) or not hasattr(target, "__iter__") else target
        mask = counts.docs[by].isin(list(values)).to_numpy()
        if not mask.any():
            known = ", ".join(map(repr, counts.docs[by].dropna().unique().tolist()[:12]))
            raise ParameterError(message("E606", target=target, by=by, known=known))
    if mask.all():
        raise ParameterError(message("E607", target=target))
    return mask


def _scores(features: np.ndarray, a: np.ndarray, b: np.ndarray) -> pd.DataFrame:
    """Signed chi-squared, G2 and log ratio of each word's 2 x 2 table."""
    total_a, total_b = a.sum(), b.sum()
    total = total_a + total_b
    observed = np.stack([a, b, total_a - a, total_b - b])
    rows = np.stack([a + b, a + b, total - a - b, total - a - b])
    columns = np.array([total_a, total_b, total_a, total_b])[:, None]
    expected = rows * columns / total if total else np.zeros_like(observed)
    with np.errstate(divide="ignore", invalid="ignore"):
        chi2 = np.nansum(np.where(expected > 0, (observed - expected) ** 2 / expected, 0), axis=0)
        g2 = 2 * np.nansum(
            np.where(observed > 0, observed * np.log(observed / expected), 0), axis=0
        )
        sign = np.sign(a / total_a - b / total_b) if total_a and total_b else np.sign(a)
        log_ratio = np.log2(((a + 0.5) / max(total_a, 1)) / ((b + 0.5) / max(total_b, 1)))
    return pd.DataFrame(
        {
            "feature": features,
            "n_target": a.astype(np.int64),
            "n_reference": b.astype(np.int64),
            "chi2": sign * chi2,
            "p": chi2_distribution.sf(chi2, 1),
            "G2": sign * g2,
            "log_ratio": log_ratio,
        }
    )
