"""One word tokenizer: what topics, embedders, stance and the text tools count as a word.

A word is two or more letters, hyphenated compounds kept whole
(``kmo-portefeuille``, ``ai-wet``); numbers (document numbers, years, amounts)
say little about a subject and would otherwise crowd the vocabulary.
"""

from __future__ import annotations

import re

__all__ = ["TOKEN_PATTERN", "TOKEN", "tokenize", "content_words"]

#: The word pattern, in scikit-learn's ``token_pattern`` form.
TOKEN_PATTERN = r"(?u)\b[^\W\d_][^\W\d_]+(?:-[^\W\d_]+)*\b"
#: :data:`TOKEN_PATTERN`, compiled.
TOKEN = re.compile(TOKEN_PATTERN)


def tokenize(text: str) -> list[str]:
    """The words of ``text``, lower-case, in order.

    Examples
    --------
    >>> tokenize("De kmo-portefeuille kost 18,4 miljoen euro.")
    ['de', 'kmo-portefeuille', 'kost', 'miljoen', 'euro']
    """
    return TOKEN.findall(text.lower())


def content_words(text: str, stop_words: frozenset[str] | set[str]) -> list[str]:
    """The words of ``text`` that are not stop words (what ``min_words`` counts).

    Examples
    --------
    >>> content_words("De minister zegt dat de werkloosheid stijgt.", {"de", "dat", "minister"})
    ['zegt', 'werkloosheid', 'stijgt']
    """
    return [word for word in tokenize(text) if word not in stop_words]
