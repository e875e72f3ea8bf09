"""Dictionary counts: how often each category of a user's dictionary is said."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, ClassVar

import numpy as np
import pandas as pd

from ..._errors import ParameterError, message
from ..._validation import check_bool
from .._base import Analyzer, register_analyzer
from ._dfm import group_keys
from ._patterns import compile_patterns, find_hits
from ._tokens import context_of, tokenize_turns

__all__ = ["DictionaryCounts", "dictionary_counts"]


@register_analyzer("dictionary")
class DictionaryCounts(Analyzer):
    """Counts of each dictionary category per turn (or per group), as content analysts use them.

    Parameters
    ----------
    dictionary
        Category -> patterns: ``{"economie": ["econom*", "bedrijf*", "kmo*"],
        "klimaat": ["klimaat*", "co2*", "uitstoot"]}``. A pattern is a glob or
        a phrase of globs (``"sociale zekerheid"``); matching ignores case.
    by
        Column(s) to sum turns by (``"party"``, ``["party", "date"]``); None
        keeps one row per turn.
    normalize
        Give each category's share of the words spoken instead of counts.
    value_type
        ``"glob"``, ``"regex"`` or ``"fixed"``.

    Notes
    -----
    A word that several patterns of one category match counts once for that
    category; a word may count for several categories.

    Attributes
    ----------
    categories_
        The categories, in the dictionary's order.
    """

    name: ClassVar[str] = "dictionary"
    check_params: ClassVar[dict[str, Any]] = {"dictionary": {"werk": ["werk*"]}}

    def __init__(
        self,
        dictionary: Mapping[str, str | Iterable[str]],
        *,
        by: str | Sequence[str] | None = None,
        normalize: bool = False,
        value_type: str = "glob",
    ) -> None:
        self.dictionary = dictionary
        self.by = by
        self.normalize = normalize
        self.value_type = value_type

    def fit(self, turns: pd.DataFrame, y: None = None) -> DictionaryCounts:
        """Compile the dictionary and check the parameters."""
        self._validate(turns)
        if not isinstance(self.dictionary, Mapping) or not self.dictionary:
            raise ParameterError(message("E608", value=self.dictionary))
        check_bool(self.normalize, "normalize", type(self).__name__)
        self.patterns_ = compile_patterns(
            self.dictionary, value_type=self.value_type, owner="DictionaryCounts"
        )
        self.categories_ = [str(c) for c in self.dictionary]
        return self

    def transform(self, turns: pd.DataFrame) -> pd.DataFrame:
        """One row per turn (or group): the context, ``n_tokens`` and one column per category."""
        self._check_fitted()
        tokens = tokenize_turns(turns["text"].tolist())
        counts = np.zeros((len(turns), len(self.categories_)), dtype=np.int64)
        column = {c: i for i, c in enumerate(self.categories_)}
        seen = set()
        for doc, first, _end, k in find_hits([t.words for t in tokens], self.patterns_):
            key = (doc, first, self.patterns_[k].category)
            if key not in seen:  # one word counts once per category
                seen.add(key)
                counts[doc, column[self.patterns_[k].category]] += 1
        by = [self.by] if isinstance(self.by, str) else list(self.by or ())
        table = context_of(turns, np.arange(len(turns)), by)
        table["n_tokens"] = np.array([len(t) for t in tokens], dtype=np.int64)
        if self.by is not None:
            keys, indicator = group_keys(table, self.by, owner="DictionaryCounts")
            keys["n_turns"] = np.asarray(indicator.sum(axis=1)).ravel().astype(np.int64)
            keys["n_tokens"] = indicator @ table["n_tokens"].to_numpy()
            table, counts = keys, indicator @ counts
        values = pd.DataFrame(counts, columns=self.categories_)
        if self.normalize:
            words = table["n_tokens"].to_numpy(dtype=float)
            values = values.div(np.where(words > 0, words, np.nan), axis=0)
        return pd.concat([table.reset_index(drop=True), values], axis=1)


def dictionary_counts(
    turns: pd.DataFrame,
    dictionary: Mapping[str, str | Iterable[str]],
    *,
    by: str | Sequence[str] | None = None,
    normalize: bool = False,
    value_type: str = "glob",
) -> pd.DataFrame:
    """Count each category of ``dictionary`` per turn, or per group.

    A shortcut for ``DictionaryCounts(dictionary, ...).fit_transform(turns)``;
    see :class:`DictionaryCounts`.

    Returns
    -------
    pandas.DataFrame
        Per turn: ``turn_id``, the context columns, ``n_tokens`` (words of the
        turn) and one column per category. Grouped: the group columns,
        ``n_turns``, ``n_tokens`` and the categories.

    Examples
    --------
    >>> import debatekit as dk
    >>> turns = dk.read_transcript(dk.sample_path())
    >>> themes = {"werk": ["werk*", "job*"], "ai": ["ai", "artificiële intelligentie"]}
    >>> table = dk.dictionary_counts(turns, themes, by="party")
    >>> table.columns.tolist()
    ['party', 'n_turns', 'n_tokens', 'werk', 'ai']
    """
    return DictionaryCounts(
        dictionary, by=by, normalize=normalize, value_type=value_type
    ).fit_transform(turns)
