"""One Dutch sentence splitter that knows the abbreviations of parliamentary speech.

Every part that needs sentences (the figure's sentence in ``dk.numbers``, the
cue's sentence in the stance analyzer, procedural turns in the parser) cuts
them here, so that ``Het gaat om ca. 5 procent van de jobs, nl. in de kmo's.``
is one sentence everywhere: a full stop after ``ca``, ``nl``, ``bv``, ``o.a``,
``dhr``, ``art``, ``nr``, ... or after an initial (``J. Peeters``) ends no
sentence, and neither does one followed by a lower-case word.
"""

from __future__ import annotations

import re
from bisect import bisect_right

__all__ = ["ABBREVIATIONS", "sentence_spans", "split_sentences", "sentence_at"]

#: Dutch abbreviations whose full stop ends no sentence, lower-case, without the last stop.
ABBREVIATIONS = frozenset(
    """
    ca nl bv bijv o.a dhr mevr mr dr prof art nr nrs enz e.a e.d blz p pp vs resp
    m.a.w d.w.z i.e t.o.v m.b.t m.i.v v.w.b i.v.m i.p.v a.d.h.v z.g.a zgn incl excl
    ong evt vnl vgl gem max min tel jl kol par al st sen o.m e.v m.n ir ing lic drs
    """.split()
)
# A candidate end: a stop, a question or exclamation mark, or an ellipsis, with any
# closing quotes or brackets, then white space; or a blank line. Led by a
# character set, so that the scan stays fast.
_END = re.compile(r"[.!?…][”\"’')\]]*\s+|\n\s*\n")
# The word before a full stop: letters and inner stops ("o.a", "d.w.z").
_WORD_BEFORE = re.compile(r"(?:^|(?<=[\s(\[“\"‘']))([^\W\d_](?:[\w.]*[^\W_])?)$")
_LOWER_START = re.compile(r"[^\W\d_]")


def _ends_sentence(text: str, match: re.Match[str]) -> bool:
    mark = text[match.start()]
    if mark == "\n":  # a blank line always ends one
        return True
    following = text[match.end() : match.end() + 1]
    if following and _LOWER_START.match(following) and following.islower():
        return False  # "nl. in de kmo's", "enz. en": the sentence goes on
    if mark != ".":
        return True
    before = _WORD_BEFORE.search(text, max(0, match.start() - 16), match.start())
    if before is None:
        return True
    word = before.group(1)
    if len(word) == 1 and word.isupper():  # an initial: "J. Peeters"
        return False
    return word.lower() not in ABBREVIATIONS


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Cut ``text`` into sentences; return their ``(start, end)`` offsets.

    The spans hold no leading or trailing white space, and empty sentences are
    left out.

    Examples
    --------
    >>> text = "Het gaat om ca. 5 procent van de jobs, nl. in de kmo's. Dat is veel."
    >>> [text[s:e] for s, e in sentence_spans(text)]
    ["Het gaat om ca. 5 procent van de jobs, nl. in de kmo's.", 'Dat is veel.']
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _END.finditer(text):
        if not _ends_sentence(text, match):
            continue
        _add_span(spans, text, start, match.end())
        start = match.end()
    _add_span(spans, text, start, len(text))
    return spans


def _add_span(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if stripped:
        begin = start + (len(piece) - len(piece.lstrip()))
        spans.append((begin, begin + len(stripped)))


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text``, as strings (see :func:`sentence_spans`).

    Examples
    --------
    >>> split_sentences("Dhr. Peeters heeft het woord. Dank u.")
    ['Dhr. Peeters heeft het woord.', 'Dank u.']
    """
    return [text[start:end] for start, end in sentence_spans(text)]


def sentence_at(spans: list[tuple[int, int]], text: str, offset: int) -> str:
    """The sentence of ``text`` that holds ``offset``, given its :func:`sentence_spans`.

    An offset between two sentences (in the white space) belongs to the one before.
    """
    i = bisect_right(spans, (offset, len(text) + 1)) - 1
    if i < 0:
        return text[spans[0][0] : spans[0][1]] if spans else ""
    start, end = spans[i]
    return text[start:end]
