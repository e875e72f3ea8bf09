"""Resolve words hyphenated across line ends, following Dutch spelling.

A line that ends in ``Agent-`` and a next line that begins with ``schap`` were
one word, ``Agentschap``, broken by the PDF's typesetting. But a hyphen at a
line end can also be a real one: ``bio-economie`` (vowel clash), ``AI-toepassingen``
(acronym), ``niet-bindende`` (prefix), ``intra-Vlaams`` (capital), ``dwang- en
kinderarbeid`` (an elided compound part). The document itself is the best
witness: when it writes the word unbroken elsewhere, that spelling wins.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["Join", "Dehyphenator"]

# "&" belongs to a word here: party names such as "cd&v-fractie".
# The lookbehind starts a match only where a run of word characters starts, which
# keeps the search linear on a long token with a stray character in it.
_TRAILING_FRAGMENT = re.compile(r"(?<![\w&-])([\w&-]+)-$")
# A quoted or bracketed part before the hyphen: "‘no cure no pay’-methodiek".
_CLOSING_MARK_HYPHEN = re.compile(r"[’'”\")\]]-$")
_LEADING_WORD = re.compile(r"^(\w+(?:-\w+)*)")

_TOKEN = re.compile(r"[\w-]+")
# Literal first, so that the scan jumps from hyphen to hyphen.
_LINE_END_HYPHEN = re.compile(r"-[ \t]*\n")
# Pairs that Dutch reads as one sound: writing them together would change the
# word, so Dutch spelling keeps the hyphen (klinkerbotsing: bio-economie).
_VOWEL_CLASH = {
    "aa", "ae", "ai", "au", "ee", "ei", "eu", "ie", "ii", "oe", "oi", "oo", "ou", "ui", "uu",
}  # fmt: skip
# Prefixes Dutch always joins with a hyphen.
_HYPHEN_PREFIXES = {"niet", "ex", "oud", "non", "half"}
# Abbreviations written in lower case that keep their hyphen in a compound
# ("btw-tarief", "kmo-portefeuille", "ocmw-raad"): the acronym rule sees no capitals.
_LOWERCASE_ABBREVIATIONS = {
    "btw", "vzw", "tv", "ocmw", "kmo", "kmo's", "gsm", "sms", "pc", "cv", "bv", "nv", "bvba",
    "cvba", "wc", "dvd", "cd", "ict", "hr", "it", "pr", "r&d", "o&o", "vs", "ggo", "lgbtqi",
    "wifi", "ngo", "vvsg", "ocmw's", "cao", "rsz", "riziv",
}  # fmt: skip
# Accents do not change which vowels clash: "café-eigenaar" as "cafe-eigenaar".
_UNACCENTED = str.maketrans("áàâäéèêëíìîïóòôöúùûü", "aaaaeeeeiiiioooouuuu")
# Compounds written with a hyphen by convention in Flemish parliamentary text.
_HYPHEN_COMPOUNDS = {
    "minister-president", "viceminister-president", "vice-eersteminister",
    "secretaris-generaal", "administrateur-generaal", "directeur-generaal",
    "procureur-generaal", "gedelegeerd-bestuurder", "kunstenaar-ondernemer",
}  # fmt: skip
# Adjectives from a proper name keep their hyphen before the compound's next part
# ("Vlaams-nationalisten", "Waals-Brusselse"), and the Parliament writes "collega-"
# compounds with one ("collega-ministers").
_NAME_ADJECTIVES = {
    "vlaams", "waals", "brussels", "belgisch", "frans", "duits", "nederlands", "europees",
    "engels", "amerikaans", "limburgs", "antwerps", "gents", "luiks", "oost-vlaams",
    "west-vlaams", "vlaams-brabants", "waals-brabants",
}  # fmt: skip
_HYPHEN_HEADS = {"collega"}
# Words that continue an elided compound ("dwang- en kinderarbeid").
_CONJUNCTIONS = {"en", "of", "noch", "tot", "maar", "als", "dan", "&"}


@dataclass(frozen=True)
class Join:
    """One decision about a hyphen at a line end.

    Attributes
    ----------
    line
        1-based line number of the line that ends in the hyphen.
    left, right
        The fragment before the hyphen and the word that begins the next line.
    result
        How the two were written together.
    rule
        Why: ``"document"``, ``"acronym"`` (also lower-case abbreviations such
        as ``btw``, ``kmo``), ``"letter"`` (``e-mail``), ``"quoted"``
        (``‘no cure no pay’-methodiek``), ``"capital"``, ``"digit"``,
        ``"prefix"``, ``"compound"``, ``"vowel clash"``, ``"elision"`` or
        ``"line break"``.
    kept_hyphen
        Whether the hyphen was kept.
    sure
        False where the decision rests on a rule alone, without the document
        writing the word elsewhere, and the rule can be wrong.
    """

    line: int
    left: str
    right: str
    result: str
    rule: str
    kept_hyphen: bool
    sure: bool


class Dehyphenator:
    """Join lines, deciding for each line-end hyphen whether it stays.

    Parameters
    ----------
    lines
        All text lines of the document, or its whole text; their words are the
        evidence of how the document spells a word when it is not broken.
    """

    def __init__(self, lines: Iterable[str] | str) -> None:
        # The whole text at once, as the parser has it, saves joining its lines again.
        text = (lines if isinstance(lines, str) else "\n".join(lines)).lower()
        # A left fragment keeps its trailing hyphen ("vennoot-"), so it never
        # counts as the word "vennoot".
        self.vocabulary_ = Counter(_TOKEN.findall(text))
        self.vocabulary_.subtract(self._words_after_breaks(text))
        self.joins_: list[Join] = []

    @staticmethod
    def _words_after_breaks(text: str) -> list[str]:
        """Words that begin a line after a break: pieces, no evidence of spelling."""
        pieces = []
        for end in _LINE_END_HYPHEN.finditer(text):
            if not text[end.start() - 1 : end.start()].isalnum():
                continue
            first = _TOKEN.search(text, end.end())
            if first:
                pieces.append(first.group())
        return pieces

    def join_lines(self, lines: list[tuple[int, str]]) -> str:
        """Join numbered, stripped lines into one paragraph of text.

        Parameters
        ----------
        lines
            ``(line number, text)`` pairs, in order.
        """
        # A label alone on its line leaves an empty first line of speech.
        lines = [(number, text) for number, text in lines if text]
        if not lines:
            return ""
        pieces = [lines[0][1]]
        for (number, _), (_, line) in zip(lines, lines[1:], strict=False):
            glue = self._glue(pieces[-1], line, number)
            if glue is None:
                pieces.append(" ")
            else:
                pieces[-1] = pieces[-1][:-1]  # the line-end hyphen
                pieces.append(glue)
            pieces.append(line)
        return "".join(pieces)

    def _glue(self, first: str, second: str, line: int) -> str | None:
        """What replaces the hyphen ending ``first``; ``None`` where there is none."""
        if not first.endswith("-"):
            return None
        if _CLOSING_MARK_HYPHEN.search(first[-2:]) and second[:1].isalnum():
            leading = _LEADING_WORD.match(second)
            word = leading.group(1) if leading else second.split()[0]
            left = first[first.rfind(" ") + 1 : -1]
            self.joins_.append(Join(line, left, word, f"{left}-{word}", "quoted", True, True))
            return "-"
        # Only the last token can hold the fragment; a regex search over the
        # whole line backtracks at every position.
        head = first[:-1]
        frag = _TRAILING_FRAGMENT.search(head[head.rfind(" ") + 1 :] + "-")
        nxt = _LEADING_WORD.match(second)
        # Word parts joined by single hyphens: "niet-EU-", not "--" or a leading "-".
        left = frag.group(1).rsplit("--", 1)[-1].lstrip("-") if frag else ""
        if not left or not nxt:
            return None
        right = nxt.group(1)
        glue, rule, sure = self._decide(left, right)
        self.joins_.append(Join(line, left, right, f"{left}{glue}{right}", rule, glue != "", sure))
        return glue

    def _decide(self, left: str, right: str) -> tuple[str, str, bool]:
        """Return the glue (``""``, ``"-"`` or ``"- "``), the rule and sureness."""
        last = left.rsplit("-", 1)[-1]
        joined = f"{left}{right}".lower()
        hyphened = f"{left}-{right}".lower()
        n_joined = self.vocabulary_[joined] + self.vocabulary_[f"{last}{right}".lower()]
        n_hyphened = self.vocabulary_[hyphened] + self.vocabulary_[f"{last}-{right}".lower()]
        if right.lower() in _CONJUNCTIONS and not n_joined:
            return "- ", "elision", True
        if n_joined or n_hyphened:
            return ("", "document", True) if n_joined > n_hyphened else ("-", "document", True)
        if hyphened in _HYPHEN_COMPOUNDS or f"{last}-{right}".lower() in _HYPHEN_COMPOUNDS:
            return "-", "compound", True
        if last.lower() in _HYPHEN_HEADS or (
            last[0].isupper() and last.lower() in _NAME_ADJECTIVES
        ):
            return "-", "compound", True
        if right[0].isdigit() or last[-1].isdigit():
            return "-", "digit", True
        if sum(c.isupper() for c in last) >= 2 or "&" in last:
            return "-", "acronym", True
        if last.lower() in _LOWERCASE_ABBREVIATIONS:
            return "-", "acronym", True
        if len(last) == 1:  # typesetting never leaves one letter: "e-mail", "x-as", "A-merk"
            return "-", "letter", True
        if right[0].isupper():
            return "-", "capital", True
        if last.lower() in _HYPHEN_PREFIXES:
            return "-", "prefix", True
        if (last[-1] + right[0]).lower().translate(_UNACCENTED) in _VOWEL_CLASH:
            return "-", "vowel clash", False
        # Two parts that are each words of the document may be a compound the
        # author wrote with a hyphen: join, but say so.
        both_words = self.vocabulary_[last.lower()] > 0 and self.vocabulary_[right.lower()] > 0
        return "", "line break", not both_words
