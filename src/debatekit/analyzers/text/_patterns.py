"""Glob, regex and phrase patterns over words, matched once per distinct word.

A pattern is one or more pieces separated by spaces (a phrase); each piece
matches one word. Pieces are globs (``werkloos*``, ``*zorg``, ``kinder?``) by
default, or regular expressions or fixed words. Each piece is tried once per
distinct word of the corpus, not once per occurrence, so that a dictionary of
hundreds of patterns stays fast on a legislature.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from ..._errors import ParameterError, message
from ..._validation import check_choice

__all__ = ["Pattern", "compile_patterns", "find_hits", "VALUE_TYPES"]

VALUE_TYPES = ("glob", "regex", "fixed")


@dataclass(frozen=True)
class Pattern:
    """One pattern as given, and one compiled regular expression per word of it."""

    text: str
    pieces: tuple[re.Pattern[str], ...]
    category: str

    def __len__(self) -> int:
        return len(self.pieces)


def _piece(piece: str, value_type: str) -> re.Pattern[str]:
    flags = re.IGNORECASE  # words are matched lower-case, as they are counted
    if value_type == "glob":
        return re.compile(fnmatch.translate(piece), flags)
    if value_type == "fixed":
        return re.compile(re.escape(piece) + r"\Z", flags)
    return re.compile(f"(?:{piece})\\Z", flags)


def compile_patterns(
    patterns: str | Iterable[str] | Mapping[str, str | Iterable[str]],
    *,
    value_type: str = "glob",
    owner: str = "kwic",
) -> list[Pattern]:
    """Compile one pattern, a list of them, or categories of them (a dictionary).

    Raises
    ------
    ParameterError
        An empty pattern, a pattern that is not a string, or a bad regex.
    """
    check_choice(value_type, "value_type", owner, VALUE_TYPES)
    if isinstance(patterns, Mapping):
        given = [(str(cat), p) for cat, values in patterns.items() for p in _as_list(values, owner)]
    else:
        given = [(p, p) for p in _as_list(patterns, owner)]
    if not given:
        raise ParameterError(message("E601", owner=owner, value=patterns))
    compiled = []
    for category, text in given:
        pieces = text.split() if value_type != "regex" or " " in text.strip() else [text]
        pieces = [p.lower() for p in pieces]
        try:
            regexes = tuple(_piece(p, value_type) for p in pieces)
        except re.error as cause:
            raise ParameterError(message("E602", pattern=text, cause=cause)) from None
        compiled.append(Pattern(text=text, pieces=regexes, category=category))
    return compiled


def _as_list(values: object, owner: str) -> list[str]:
    items = [values] if isinstance(values, str) else list(values)  # type: ignore[call-overload]
    if not all(isinstance(v, str) and v.strip() for v in items):
        raise ParameterError(message("E601", owner=owner, value=values))
    return [v.strip() for v in items]


def _matching_words(patterns: Sequence[Pattern], vocabulary: set[str]) -> list[list[set[str]]]:
    """For each pattern and each of its pieces, the corpus words that piece matches."""
    cache: dict[str, set[str]] = {}
    matched = []
    for pattern in patterns:
        sets = []
        for piece in pattern.pieces:
            key = f"{piece.flags}:{piece.pattern}"
            if key not in cache:
                cache[key] = {w for w in vocabulary if piece.match(w)}
            sets.append(cache[key])
        matched.append(sets)
    return matched


def find_hits(
    documents: Sequence[Sequence[str]], patterns: Sequence[Pattern]
) -> list[tuple[int, int, int, int]]:
    """Every hit as ``(document, first word, last word + 1, pattern)``, in text order.

    Where phrases overlap at one word, each pattern keeps its own hit; where
    one pattern matches at consecutive words, every start is a hit.
    """
    vocabulary = {w for words in documents for w in words}
    matched = _matching_words(patterns, vocabulary)
    firsts: dict[str, list[int]] = {}
    for k, sets in enumerate(matched):
        for word in sets[0]:
            firsts.setdefault(word, []).append(k)
    hits = []
    for d, words in enumerate(documents):
        n = len(words)
        for i, word in enumerate(words):
            for k in firsts.get(word, ()):
                sets = matched[k]
                end = i + len(sets)
                if end <= n and all(words[i + j] in sets[j] for j in range(1, len(sets))):
                    hits.append((d, i, end, k))
    return hits
