"""Keyword in context: every place a word or phrase is said, with the words around it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any, ClassVar

import numpy as np
import pandas as pd

from ..._schema import require_columns
from ..._validation import check_choice, check_int
from ...lang._sentences import sentence_spans
from .._base import Analyzer, register_analyzer
from ._patterns import compile_patterns, find_hits
from ._tokens import Tokens, context_of, tokenize_turns

__all__ = ["Kwic", "KwicResult", "kwic", "KWIC_COLUMNS"]

LEVELS = ("word", "sentence")
#: Columns of a KWIC table after the context columns.
KWIC_COLUMNS = ("pattern", "pre", "keyword", "post", "word_start", "word_end", "start", "end")


@dataclass(frozen=True)
class KwicResult:
    """The hits of a KWIC search, which re-window without searching again.

    Attributes
    ----------
    hits
        One row per hit: the turn's position in the turns table, the pattern,
        the first and last-plus-one word index, and the hit's character offsets.
    window
        Words (``level="word"``) or sentences (``level="sentence"``) on each side.
    level
        ``"word"`` or ``"sentence"``.
    """

    hits: pd.DataFrame
    window: int
    level: str
    _texts: tuple[str, ...]
    _tokens: tuple[Tokens, ...]
    _context: pd.DataFrame

    @property
    def table(self) -> pd.DataFrame:
        """One row per hit: ``turn_id``, context, ``pre``, ``keyword``, ``post``, offsets."""
        pre, post = self._contexts()
        keyword = [
            self._texts[d][s:e]
            for d, s, e in zip(self.hits["doc"], self.hits["start"], self.hits["end"])
        ]
        table = self._context.iloc[self.hits["doc"].to_numpy()].reset_index(drop=True)
        table = table.assign(
            pattern=self.hits["pattern"].to_numpy(), pre=pre, keyword=keyword, post=post
        )
        for column in ("word_start", "word_end", "start", "end"):
            table[column] = self.hits[column].to_numpy()
        return table

    def rewindow(self, window: int | None = None, level: str | None = None) -> KwicResult:
        """The same hits with another window or level; the text is not searched again.

        Examples
        --------
        >>> import debatekit as dk
        >>> hits = dk.kwic(dk.read_transcript(dk.sample_path()), "werkzoekende*", window=2)
        >>> wide = hits.rewindow(8)
        >>> len(wide) == len(hits), wide.window
        (True, 8)
        """
        window = self.window if window is None else window
        level = self.level if level is None else level
        _check_window(window, level, "KwicResult.rewindow")
        return replace(self, window=window, level=level)

    def _contexts(self) -> tuple[list[str], list[str]]:
        if self.level == "sentence":
            return self._sentence_contexts()
        pre, post = [], []
        for d, first, last in zip(self.hits["doc"], self.hits["word_start"], self.hits["word_end"]):
            text, tokens = self._texts[d], self._tokens[d]
            left = tokens.starts[max(first - self.window, 0)] if self.window else None
            right = tokens.ends[min(last + self.window, len(tokens)) - 1] if self.window else None
            start, end = tokens.starts[first], tokens.ends[last - 1]
            pre.append(_clean(text[left:start]) if left is not None else "")
            post.append(_clean(text[end:right]) if right is not None else "")
        return pre, post

    def _sentence_contexts(self) -> tuple[list[str], list[str]]:
        pre, post = [], []
        spans_of: dict[int, list[tuple[int, int]]] = {}
        for d, start, end in zip(self.hits["doc"], self.hits["start"], self.hits["end"]):
            text = self._texts[d]
            spans = spans_of.setdefault(d, sentence_spans(text) or [(0, len(text))])
            first = _sentence_index(spans, start)
            last = _sentence_index(spans, end - 1)
            left = spans[max(first - self.window, 0)][0]
            right = spans[min(last + self.window, len(spans) - 1)][1]
            pre.append(_clean(text[left:start]))
            post.append(_clean(text[end:right]))
        return pre, post

    def __len__(self) -> int:
        return len(self.hits)

    def __repr__(self) -> str:
        return f"<KwicResult: {len(self)} hits, window={self.window} {self.level}s>\n{self.table!r}"

    def _repr_html_(self) -> str:
        return self.table._repr_html_()


def _sentence_index(spans: list[tuple[int, int]], offset: int) -> int:
    starts = np.fromiter((s for s, _ in spans), dtype=np.int64, count=len(spans))
    return max(int(np.searchsorted(starts, offset, side="right")) - 1, 0)


def _clean(piece: str) -> str:
    return " ".join(piece.split())


def _check_window(window: object, level: object, owner: str) -> None:
    check_int(window, "window", owner, minimum=0)
    check_choice(level, "level", owner, LEVELS)


@register_analyzer("kwic")
class Kwic(Analyzer):
    """Keyword in context: one row per place a pattern is said, keyed by ``turn_id``.

    Parameters
    ----------
    pattern
        A glob (``"werkloos*"``), a phrase of globs (``"vlaamse regering"``,
        ``"kinder* opvang"``), a list of them, or categories of them (a dict).
        Matching ignores case and works on whole words.
    window
        Words (or sentences) shown on each side of the hit.
    level
        ``"word"``: ``window`` words on each side; ``"sentence"``: the hit's
        sentence and ``window`` sentences on each side.
    value_type
        ``"glob"`` (``*`` and ``?``), ``"regex"`` (each word a regular
        expression) or ``"fixed"`` (literal words).

    Attributes
    ----------
    result_
        The :class:`KwicResult` of the last :meth:`fit`.
    """

    name: ClassVar[str] = "kwic"
    check_params: ClassVar[dict[str, Any]] = {"pattern": "werk*"}

    def __init__(
        self,
        pattern: str | Iterable[str] | Mapping[str, Any],
        *,
        window: int = 5,
        level: str = "word",
        value_type: str = "glob",
    ) -> None:
        self.pattern = pattern
        self.window = window
        self.level = level
        self.value_type = value_type

    def fit(self, turns: pd.DataFrame, y: None = None) -> Kwic:
        """Find every hit in ``turns``."""
        self._validate(turns)
        _check_window(self.window, self.level, type(self).__name__)
        patterns = compile_patterns(self.pattern, value_type=self.value_type, owner="Kwic")
        texts = tuple(t if isinstance(t, str) else "" for t in turns["text"].tolist())
        tokens = tuple(tokenize_turns(texts))
        rows = find_hits([t.words for t in tokens], patterns)
        hits = pd.DataFrame(rows, columns=["doc", "word_start", "word_end", "k"], dtype=np.int64)
        hits["pattern"] = [patterns[k].category for k in hits["k"]]
        hits["start"] = [tokens[d].starts[i] for d, i in zip(hits["doc"], hits["word_start"])]
        hits["end"] = [tokens[d].ends[j - 1] for d, j in zip(hits["doc"], hits["word_end"])]
        hits = hits.drop(columns="k").astype({"start": np.int64, "end": np.int64})
        self.result_ = KwicResult(
            hits=hits,
            window=self.window,
            level=self.level,
            _texts=texts,
            _tokens=tokens,
            _context=context_of(turns, np.arange(len(turns))),
        )
        return self

    def transform(self, turns: pd.DataFrame) -> pd.DataFrame:
        """The KWIC table of ``turns``."""
        self._check_fitted()
        return self.fit(turns).result_.table


def kwic(
    turns: pd.DataFrame,
    pattern: str | Iterable[str] | Mapping[str, Any],
    *,
    window: int = 5,
    level: str = "word",
    value_type: str = "glob",
) -> KwicResult:
    """Keyword in context: every place ``pattern`` is said, with the words around it.

    A shortcut for ``Kwic(pattern, ...).fit(turns).result_``; see :class:`Kwic`
    for the parameters.

    Returns
    -------
    KwicResult
        ``.table`` has one row per hit: ``turn_id``, the turn's context
        columns, ``pattern``, ``pre``, ``keyword`` (as written), ``post``, the
        word span (``word_start``, ``word_end``) and the character span in the
        turn's text (``start``, ``end``). ``.rewindow(n)`` widens or narrows
        the context without searching again.

    Examples
    --------
    >>> import debatekit as dk
    >>> turns = dk.read_transcript(dk.sample_path())
    >>> hits = dk.kwic(turns, "werkzoekende*", window=3)
    >>> hits.table[["speaker", "pre", "keyword", "post"]].head(2)  # doctest: +SKIP
    """
    require_columns(turns)
    return Kwic(pattern, window=window, level=level, value_type=value_type).fit(turns).result_
