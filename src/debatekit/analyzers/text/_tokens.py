"""Words with their offsets: what every text tool counts, searches and windows.

The word itself is the shared tokenizer's (two or more letters, hyphenated
compounds whole); here each word also keeps where it stands in the turn's
text, so that a keyword-in-context can quote the text as it was written and
be re-windowed without searching again.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..._errors import ParameterError, message
from ..._schema import CONTEXT_COLUMNS
from ...lang._stop_words import LANGUAGES, stop_words
from ...lang._tokens import TOKEN

__all__ = ["Tokens", "tokenize_turns", "resolve_stop_words", "context_of"]


@dataclass(frozen=True)
class Tokens:
    """The words of one text, lower-case, with their character offsets."""

    words: tuple[str, ...]
    starts: np.ndarray
    ends: np.ndarray

    @classmethod
    def of(cls, text: str) -> Tokens:
        found = list(TOKEN.finditer(text))
        return cls(
            words=tuple(m.group().lower() for m in found),
            starts=np.fromiter((m.start() for m in found), dtype=np.int64, count=len(found)),
            ends=np.fromiter((m.end() for m in found), dtype=np.int64, count=len(found)),
        )

    def __len__(self) -> int:
        return len(self.words)


def tokenize_turns(texts: Iterable[object]) -> list[Tokens]:
    """One :class:`Tokens` per text; a missing text has no words."""
    return [Tokens.of(text if isinstance(text, str) else "") for text in texts]


def resolve_stop_words(
    stop: object, owner: str, languages: Sequence[object] | None = None
) -> list[frozenset[str]]:
    """The stop words to drop from each turn.

    ``stop`` is ``"auto"`` (each turn's ``lang``, Dutch where unknown), a
    language (``"nl"``, ``"fr"``), several (``("nl", "fr")``), None or
    ``False`` (keep every word), or an iterable of words.
    """
    n = len(languages) if languages is not None else 1
    if stop is None or stop is False:
        return [frozenset()] * n
    if isinstance(stop, str) and stop == "auto":
        langs = languages if languages is not None else ["nl"] * n
        return [stop_words(lang if lang in LANGUAGES else "nl") for lang in langs]
    if isinstance(stop, str):
        return [_language_stop_words(stop, owner)] * n
    chosen = list(stop)  # type: ignore[call-overload]
    if chosen and all(isinstance(s, str) and s in LANGUAGES for s in chosen):
        return [frozenset().union(*(stop_words(s) for s in chosen))] * n
    if not all(isinstance(s, str) for s in chosen):
        raise ParameterError(message("E600", owner=owner, value=stop))
    return [frozenset(s.lower() for s in chosen)] * n


def _language_stop_words(language: str, owner: str) -> frozenset[str]:
    if language not in LANGUAGES:
        raise ParameterError(message("E600", owner=owner, value=language))
    return stop_words(language)


def context_of(
    turns: pd.DataFrame, positions: Sequence[int] | np.ndarray, extra: Iterable[str] = ()
) -> pd.DataFrame:
    """The ``turn_id``, context columns and ``extra`` columns of the turns at ``positions``."""
    wanted = [c for c in (*CONTEXT_COLUMNS, *extra) if c in turns.columns and c != "turn_id"]
    columns = ["turn_id", *dict.fromkeys(wanted)]
    return turns[columns].iloc[np.asarray(positions, dtype=np.int64)].reset_index(drop=True)
