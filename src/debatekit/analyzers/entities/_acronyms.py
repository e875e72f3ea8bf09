"""Acronyms that a text defines: ``Fonds Wetenschappelijk Onderzoek – Vlaanderen (FWO)``.

The long form is found with Schwartz and Hearst's algorithm (2003): walk the
acronym's letters backwards through the words before the parenthesis; the
first letter must start a word. Only proper names count: a long form whose
words are not capitalised (``social impact bond (SIB)``) names a thing, not a
body, and is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ...lang._names import PARTICLES

__all__ = ["Definition", "find_definitions", "guess_label"]

_ACRONYM_IN_PARENS = re.compile(r"\((?P<acronym>[A-Z][A-Za-z0-9&]{0,9}[A-Z0-9])\)")
# Where the long form cannot reach back past: a sentence end, a colon, brackets.
_CLAUSE_END = re.compile(r"[.!?:;()\[\]\n](?=\s|$)|[()\[\]\n]")
# Lower-case words allowed inside a proper name.
_NAME_PARTICLES = frozenset(PARTICLES) | frozenset(
    "voor en in op of met bij tot aan and for the to on des et und für".split()
)
_DASH_WORDS = frozenset({"–", "-", "—", "&", "+"})
_LAW_WORDS = ("act", "wet", "decreet", "richtlijn", "verordening", "directive", "regulation")


@dataclass(frozen=True)
class Definition:
    """One acronym definition found in a text.

    Attributes
    ----------
    acronym
        The short form, as written in the parentheses.
    long_form
        The full name before the parentheses, as written.
    start, end
        Character offsets of the long form in the text.
    """

    acronym: str
    long_form: str
    start: int
    end: int


def _schwartz_hearst(short: str, candidate: str) -> int | None:
    """Where in ``candidate`` the long form of ``short`` starts, or ``None``."""
    s, c = len(short) - 1, len(candidate) - 1
    while s >= 0:
        char = short[s].lower()
        if not char.isalnum():
            s -= 1
            continue
        while c >= 0 and (
            candidate[c].lower() != char or (s == 0 and c > 0 and candidate[c - 1].isalnum())
        ):
            c -= 1
        if c < 0:
            return None
        c -= 1
        s -= 1
    return c + 1


def _is_proper_name(words: list[str]) -> bool:
    content = [w for w in words if w not in _DASH_WORDS and w.lower() not in _NAME_PARTICLES]
    return (
        len(words) >= 2
        and words[0][:1].isupper()
        and bool(content)
        and all(w[:1].isupper() or w[:1].isdigit() for w in content)
    )


def _candidate_start(text: str, paren: int, n_letters: int) -> int:
    """Where the words a long form may use begin: the clause, at most a few words back."""
    clause = max((m.end() for m in _CLAUSE_END.finditer(text, 0, paren)), default=0)
    max_words = min(n_letters + 5, 2 * n_letters)
    spaces = [m.start() for m in re.finditer(r"\s+", text[clause:paren].rstrip())]
    if len(spaces) > max_words:
        return clause + spaces[-max_words - 1] + 1
    return clause


def find_definitions(text: str) -> list[Definition]:
    """Acronyms defined in ``text`` as ``Long Name (ACRONYM)``.

    Examples
    --------
    >>> [d.long_form for d in find_definitions(
    ...     "de middelen voor het Fonds Wetenschappelijk Onderzoek – Vlaanderen (FWO)")]
    ['Fonds Wetenschappelijk Onderzoek – Vlaanderen']
    >>> find_definitions("een social impact bond (SIB)")
    []
    """
    found = []
    for match in _ACRONYM_IN_PARENS.finditer(text):
        acronym = match["acronym"]
        if sum(ch.isupper() for ch in acronym) < 2:
            continue
        end = len(text[: match.start()].rstrip())
        start = _candidate_start(text, end, sum(ch.isalnum() for ch in acronym))
        offset = _schwartz_hearst(acronym, text[start:end])
        if offset is None:
            continue
        long_form = text[start + offset : end]
        if _is_proper_name(long_form.split()):
            found.append(Definition(acronym, long_form, start + offset, end))
    return found


def guess_label(long_form: str) -> str:
    """``LAW`` for an act, law or directive (``Net-Zero Industry Act``), else ``ORG``.

    Examples
    --------
    >>> guess_label("Critical Raw Materials Act"), guess_label("Vlaamse AI Academie")
    ('LAW', 'ORG')
    """
    last = long_form.split()[-1].lower() if long_form.split() else ""
    return "LAW" if last.endswith(_LAW_WORDS) else "ORG"


def definitions_in(texts: Iterable[str]) -> list[Definition]:
    """Every definition in several texts, in order."""
    return [d for text in texts for d in find_definitions(text)]
