"""The vote results of a Flemish Parliament plenary report, from its text.

The Flemish Parliament's report prints a vote's totals, not its names::

    Aan de orde is de stemming over amendement nr. 31 ... op artikel 2.
    Stemming nr. 47
    Ziehier het resultaat:
    102 leden hebben aan de stemming deelgenomen;
    34 leden hebben ja geantwoord;
    66 leden hebben neen geantwoord;
    2 leden hebben zich onthouden.
    Het amendement is niet aangenomen.

A choice no member made is left out ("64 leden hebben aan de stemming
deelgenomen; 60 leden hebben ja geantwoord; 4 leden hebben zich onthouden."),
one member is ``1 lid heeft ...``, and ``nee``, ``onthielden zich`` and ``er
waren geen onthoudingen`` occur too. The text may come from a PDF, with page
headers in between and words broken across lines; both are undone first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...parse.flemish._furniture import furniture_kind, match_header

__all__ = ["FlemishVote", "read_flemish_votes", "FlemishReport"]

_MEMBERS = r"(?:leden|lid)\s+(?:hebben|heeft)"
_PARTICIPATED = re.compile(rf"(?P<n>\d+)\s+{_MEMBERS}\s+aan\s+de\s+stemming\s+deelgenomen", re.I)
_CHOICE = re.compile(
    rf"\s*[;,:]?\s*(?:(?P<n>\d+)\s+{_MEMBERS}\s+(?P<what>ja|neen|nee|zich\s+onthouden)"
    r"(?:\s+geantwoord)?"
    r"|(?P<n2>\d+)\s+(?:leden\s+)?(?:onthielden|onthield)\s+zich"
    r"|(?P<none>er\s+(?:waren|was)\s+geen\s+onthoudingen?))",
    re.I,
)
_NUMBER = re.compile(r"Stemming\s+nr\.?\s*(\d+)\s*$", re.I)
# The subject runs to the first full stop that ends a sentence ("nr. 31" does not).
_SUBJECT = re.compile(
    r"(?i:Aan\s+de\s+orde\s+is\s+de\s+(?:hoofdelijke\s+)?stemming\s+over)\s+"
    r"(?P<what>.+?)\.(?=\s+[A-Z(]|\s*$)",
    re.S,
)
_SENTENCE = re.compile(r"\s*([A-Z][^.]*\.)")
# A word broken across lines, "deel-" / "genomen": joined when both halves are lower
# case, the line break moved after it so that line numbers stay right.
_BROKEN = re.compile(r"(?<=[a-zà-ÿ])-\n\s*([a-zà-ÿ]+)")
_CHOICE_NAMES = {"ja": "yes", "neen": "no", "nee": "no"}


@dataclass
class FlemishVote:
    """The totals of one vote, as the report prints them."""

    vote: int
    totals: dict[str, int] = field(default_factory=dict)
    subject: str | None = None
    outcome: str | None = None
    line: int | None = None


@dataclass
class FlemishReport:
    """A Flemish report's votes, and the meeting and date its page headers give."""

    votes: list[FlemishVote]
    meeting: str | None = None
    date: object = None


def _clean_lines(text: str) -> tuple[str, list[int]]:
    """The text without page furniture, and where each of its characters' lines start."""
    kept: list[str] = []
    starts: list[int] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if furniture_kind(line):
            continue
        kept.append(line.strip())
        starts.append(number)
    return "\n".join(kept), starts


def read_flemish_votes(text: str) -> FlemishReport:
    """Every vote result in a Flemish plenary report's text, in order.

    Parameters
    ----------
    text
        The report's text (a ``.txt`` export, or what :func:`debatekit.read_text` gives).

    Returns
    -------
    FlemishReport
        The votes (numbered as the report numbers them, ``Stemming nr. 47``, or
        else in order), with the meeting and date from the page headers.
    """
    meeting = date = None
    for line in text.splitlines()[:400]:
        header = match_header(line)
        if header is not None:
            meeting, date = header.meeting, header.date
            break
    clean, starts = _clean_lines(text)
    joined = _BROKEN.sub(r"\1\n", clean)
    votes: list[FlemishVote] = []
    previous_end = 0
    for found in _PARTICIPATED.finditer(joined):
        totals, end = _read_choices(joined, found)
        before = joined[previous_end : found.start()]
        previous_end = end
        numbered = _NUMBER.search(before[-200:].replace("Ziehier het resultaat:", "").rstrip())
        number = int(numbered.group(1)) if numbered else len(votes) + 1
        votes.append(
            FlemishVote(
                vote=number,
                totals=totals,
                subject=_subject(before),
                outcome=_outcome(joined[end:]),
                line=_line_of(joined, found.start(), starts),
            )
        )
    return FlemishReport(votes, meeting, date)


def _read_choices(text: str, found: re.Match[str]) -> tuple[dict[str, int], int]:
    totals = {"total": int(found["n"]), "yes": 0, "no": 0, "abstain": 0}
    end = found.end()
    while True:
        choice = _CHOICE.match(text, end)
        if not choice:
            break
        if choice["none"] is None:
            n = int(choice["n"] or choice["n2"])
            what = (choice["what"] or "zich onthouden").lower()
            totals[_CHOICE_NAMES.get(what, "abstain")] = n
        end = choice.end()
    return totals, end


def _subject(before: str) -> str | None:
    """What the last "Aan de orde is de stemming over ..." before the result announced."""
    subjects = list(_SUBJECT.finditer(before))
    return " ".join(subjects[-1]["what"].split()) if subjects else None


def _outcome(after: str) -> str | None:
    found = _SENTENCE.match(after.lstrip(" .;\n"))
    return " ".join(found.group(1).split()) if found else None


def _line_of(joined: str, offset: int, starts: list[int]) -> int | None:
    index = joined.count("\n", 0, offset)
    return starts[index] if index < len(starts) else None
