"""The roll-call votes of a Chamber plenary report, from its paragraphs.

A Chamber report holds each vote twice. In the text, under the agenda item it
was taken on::

    Stemming over amendement nr. 36 van Werner Somers ... (456/6)
    Uitslag van de stemming / Résultat du vote.
    (Stemming/vote 2)
    Ja 19 Oui   Nee 119 Non   Onthoudingen 0 Abstentions   Totaal 138 Total

(a result may be applied to the next decisions too: "Mag de uitslag van de
vorige stemming ook gelden voor deze stemming? (Ja)", then "(Stemming/vote 2)"
alone; a vote may be annulled: "(Stemming nr. 43 is geannuleerd.)"). And in the
annex, with every member's name, surname first::

    Vote nominatif - Naamstemming: 2        (or: Naamstemming - Vote nominatif: 2)
    Oui 19 Ja                               (or: Ja 19 Oui)
    Aerts Staf, Almaci Meyrem, ...
    Non 119 Nee
    ...
    Abstentions 0 Onthoudingen              (no list when the count is 0)

This module reads both from the report's paragraphs (anything with ``tag`` and
``text``, as :func:`debatekit.parse.kamer._html.read_paragraphs` gives them) and
puts them together by vote number.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from ...lang._names import PARTICLES

__all__ = ["ChamberVote", "read_chamber_votes", "CHOICES"]

#: The choices a member can make in a roll call, as the votes table writes them.
CHOICES = ("yes", "no", "abstain")

_LABELS = {
    "ja": "yes",
    "oui": "yes",
    "nee": "no",
    "non": "no",
    "onthoudingen": "abstain",
    "onthouding": "abstain",
    "abstentions": "abstain",
    "abstention": "abstain",
    "totaal": "total",
    "total": "total",
}
# "(Stemming/vote 2)", "(Stemming/vote 138 )", "(Vote/stemming 2)".
_TEXT_VOTE = re.compile(r"^\(\s*(?:Stemming\s*/\s*vote|Vote\s*/\s*stemming)\s*(\d+)\s*\)$", re.I)
# "(Stemming nr. 43 is geannuleerd.)" / "(Le vote n° 43 est annulé.)"
_ANNULLED = re.compile(r"^\(?\s*Stemming\s+nr\.?\s*(\d+)\s+is\s+geannuleerd", re.I)
# The annex: "Vote nominatif - Naamstemming: 1",
# "Naamstemming - Vote nominatif: 43 (geannuleerd/annulé)".
_ANNEX_VOTE = re.compile(
    r"^(?:Vote\s+nominatif\s*[-–]\s*Naamstemming|Naamstemming\s*[-–]\s*Vote\s+nominatif)"
    r"\s*:?\s*(\d+)\s*(?P<rest>.*)$",
    re.I,
)
_ANNEX_START = re.compile(r"^DETAIL\s+VAN\s+DE\s+NAAMSTEMMINGEN", re.I)
# A numbered agenda heading: "21 Wetsontwerp houdende ...".
_ITEM = re.compile(r"^(\d{1,3})\s+(\S.*)$")
_HEADINGS = frozenset({"h1", "h2", "h3"})
# The motion or amendment a vote decides, as the chair reads it out.
_SUBJECT = re.compile(
    r"^(?:De voorzitter:\s*)?(Stemming\s+(?:over|op)\s.+|.*\bbreng ik .* in stemming.*)$", re.I
)
# A result applied again: "Mag de uitslag van de vorige stemming ook gelden ... (Ja)".
_REUSE = re.compile(r"uitslag van de vorige stemming ook gelden", re.I)
# A name in a roll-call list: letters, apostrophes, hyphens and spaces only.
_NAME = re.compile(r"^[^\W\d_][\w'’`.\- ]*$")
# Lower-case words a name may hold (``van Riet``, ``de Moor``); every other word of a
# name starts with a capital, which tells a list of names from a sentence.
_PARTICLES = frozenset(PARTICLES)
# Words that mark a heading's French version (the other one is Dutch).
_FRENCH = re.compile(
    r"\b(?:de la|des|du|le|les|sur|et|à|relatif|relative|portant|projet|proposition|"
    r"question|questions|jointes|interpellations?|motions?|ordre|ensemble|amendements|"
    r"réservés|déposées|prise|prises|demande|séance)\b",
    re.I,
)
_DUTCH = re.compile(
    r"\b(?:de|het|van|over|en|aan|tot|vraag|vragen|samengevoegde|interpellaties?|"
    r"moties|wetsontwerp|wetsvoorstel|voorstel|agenda|geheel|aangehouden|"
    r"amendementen|ingediend|inoverwegingnemingen|urgentieverzoek)\b",
    re.I,
)


class _Paragraph(Protocol):
    @property
    def tag(self) -> str: ...

    @property
    def text(self) -> str: ...


@dataclass
class ChamberVote:
    """One roll-call vote as the report prints it, text and annex together."""

    vote: int
    item: int | None = None
    item_title: str | None = None
    subject: str | None = None
    #: The sentence after the result: "Bijgevolg is het amendement verworpen."
    outcome: str | None = None
    #: How many decisions the result was taken for (a result applied to the next ones counts).
    decisions: int = 0
    #: The totals table in the text: yes, no, abstain, total.
    totals: dict[str, int] = field(default_factory=dict)
    #: The counts printed in the annex above each list of names.
    annex: dict[str, int] = field(default_factory=dict)
    #: The names listed in the annex, by choice, as printed (``Surname Firstname``).
    names: dict[str, list[str]] = field(default_factory=dict)
    annulled: bool = False
    in_text: bool = False
    in_annex: bool = False


@dataclass
class _Item:
    number: int
    versions: list[list[str]] = field(default_factory=list)

    def title(self) -> str:
        """The Dutch version of the heading (the one with more Dutch than French words)."""
        texts = [" ".join(v) for v in self.versions]
        if not texts:
            return ""
        return max(texts, key=lambda t: len(_DUTCH.findall(t)) - len(_FRENCH.findall(t)))


def _is_number(text: str) -> bool:
    return text.isdigit()


def _label(text: str) -> str | None:
    return _LABELS.get(text.strip().rstrip(":").lower())


def read_chamber_votes(paragraphs: Iterable[_Paragraph]) -> list[ChamberVote]:
    """Every roll-call vote in a Chamber report's paragraphs, by vote number.

    Parameters
    ----------
    paragraphs
        The report's paragraphs in reading order, each with ``tag`` (``"p"``,
        ``"h2"``, ...) and ``text``.

    Returns
    -------
    list of ChamberVote
        In order of vote number; a vote found only in the text or only in the
        annex is there too, with ``in_text`` or ``in_annex`` False.
    """
    paras = [p for p in paragraphs if p.text]
    votes: dict[int, ChamberVote] = {}
    annex_at = next((i for i, p in enumerate(paras) if _ANNEX_START.match(p.text)), None)
    if annex_at is None:  # no annex heading: the annex starts at its first vote
        annex_at = next((i for i, p in enumerate(paras) if _ANNEX_VOTE.match(p.text)), len(paras))
    _read_text(paras[:annex_at], votes)
    _read_annex(paras[annex_at:], votes)
    return [votes[n] for n in sorted(votes)]


def _vote(votes: dict[int, ChamberVote], number: int) -> ChamberVote:
    if number not in votes:
        votes[number] = ChamberVote(number)
    return votes[number]


def _read_text(paras: Sequence[_Paragraph], votes: dict[int, ChamberVote]) -> None:
    """The votes in the body: their item, subject, decisions and totals table."""
    item: _Item | None = None
    subject: str | None = None
    i = 0
    while i < len(paras):
        p = paras[i]
        text = p.text
        heading = _ITEM.match(text) if p.tag in _HEADINGS else None
        if heading:
            item, i = _read_heading(paras, i, item)
            subject = None
            continue
        found = _TEXT_VOTE.match(text)
        if found:
            vote = _vote(votes, int(found.group(1)))
            _link(vote, item, subject)
            totals, i = _read_counts(paras, i + 1)
            if totals and not vote.totals:
                vote.totals = totals
            if vote.outcome is None:
                vote.outcome = _outcome(paras[i : i + 2])
            continue
        annulled = _ANNULLED.match(text)
        if annulled:
            vote = _vote(votes, int(annulled.group(1)))
            # The report does not say what an annulled vote was on: its item only.
            _link(vote, item, None, count=False)
            vote.annulled = True
        elif (named := _SUBJECT.match(text)) and not _REUSE.search(text):
            subject = named.group(1)
        i += 1


def _link(
    vote: ChamberVote, item: _Item | None, subject: str | None, *, count: bool = True
) -> None:
    vote.in_text = True
    vote.decisions += int(count)
    if vote.item is None and item is not None:
        vote.item, vote.item_title = item.number, item.title()
    if vote.subject is None:
        vote.subject = subject


def _outcome(following: Sequence[_Paragraph]) -> str | None:
    """The Dutch one of the two sentences (Dutch and French) that follow a result."""
    texts = [
        p.text
        for p in following
        if p.tag not in _HEADINGS and not _TEXT_VOTE.match(p.text) and not _REUSE.search(p.text)
    ]
    if not texts:
        return None
    return max(texts, key=lambda t: len(_DUTCH.findall(t)) - len(_FRENCH.findall(t)))


def _read_heading(paras: Sequence[_Paragraph], i: int, current: _Item | None) -> tuple[_Item, int]:
    """A heading and its continuation lines (``- de heer ... (nr. 109)``), both languages."""
    heading = _ITEM.match(paras[i].text)
    assert heading is not None  # the caller found a heading here
    number = int(heading.group(1))
    item = _Item(number)
    while i < len(paras) and paras[i].tag in _HEADINGS:
        found = _ITEM.match(paras[i].text)
        if found and int(found.group(1)) == number:
            item.versions.append([found.group(2)])
        elif found or not item.versions:
            break
        else:
            item.versions[-1].append(paras[i].text)
        i += 1
    return item, i


def _read_counts(paras: Sequence[_Paragraph], i: int) -> tuple[dict[str, int], int]:
    """A block of labels and numbers (``Ja 104 Oui Nee 0 Non ...``) from ``i`` on."""
    counts: dict[str, int] = {}
    open_label: str | None = None
    while i < len(paras):
        text = paras[i].text
        label = _label(text)
        if label is not None:
            open_label = label
        elif _is_number(text) and open_label is not None and open_label not in counts:
            counts[open_label] = int(text)
        else:
            break
        i += 1
    return counts, i


def _read_annex(paras: Sequence[_Paragraph], votes: dict[int, ChamberVote]) -> None:
    """The annex: each vote's counts and the names listed under them."""
    vote: ChamberVote | None = None
    choice: str | None = None
    for p in paras:
        text = p.text
        header = _ANNEX_VOTE.match(text)
        if header:
            vote = _vote(votes, int(header.group(1)))
            vote.in_annex = True
            if re.search(r"geannuleerd|annul", header.group("rest"), re.I):
                vote.annulled = True
            choice = None
            continue
        if vote is None:
            continue
        label = _label(text)
        if label is not None:
            choice = label
        elif _is_number(text):
            if choice is not None and choice not in vote.annex:
                vote.annex[choice] = int(text)
        elif choice in CHOICES:
            names = _names(text)
            if names:
                vote.names.setdefault(choice, []).extend(names)


def _names(text: str) -> list[str]:
    """The names of a roll-call list, or none when the paragraph is not one."""
    parts = [" ".join(part.split()) for part in text.rstrip(".").split(",")]
    parts = [part for part in parts if part]
    if not parts or not all(_is_name(part) for part in parts):
        return []
    return parts


def _is_name(part: str) -> bool:
    words = part.split()
    return (
        2 <= len(words) <= 7
        and bool(_NAME.match(part))
        and all(w[:1].isupper() or w.lower() in _PARTICLES for w in words)
    )
