"""Speaker labels, chair changes and procedural phrases.

Shared by the transcript parser and :func:`debatekit.from_records`, which meet
the same strings: ``Stijn De Roo (cd&v)``, ``Minister Jo Brouns``, ``De
voorzitter``, ``– Robrecht Bothuyne treedt als voorzitter op.``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ...lang._dates import in_date_range, make_date, parse_dutch_date
from ...lang._names import CAPITALISED as _CAP
from ...lang._names import (
    HONORIFIC,
    HONORIFICS,
    MINISTER_TITLE,
    MINISTER_TITLES,
    NAME,
    PARTICLE,
    alternation,
    clean_name,
)
from ...lang._sentences import split_sentences

__all__ = [
    "Speaker",
    "parse_speaker",
    "match_label",
    "parse_chair_change",
    "parse_chair_line",
    "is_procedural",
    "parse_dutch_date",
    "make_date",
    "in_date_range",
    "NAME",
]

_TITLES = MINISTER_TITLES
# Labels in capitals ("MINISTER JO BROUNS:") are labels too.
_TITLE_RE = rf"(?i:{MINISTER_TITLE})"
# "Vlaams minister van Werk Jo Brouns": the portfolio comes between the title and
# the name. The name is the shortest tail that is a first name (not a particle),
# particles, and a surname: "... Onderwijs Annick De Ridder".
_FIRST_NAME = r"(?!(?:De|Van|Vanden|Vander|Ter|Ten|Le|La|Du|Di|Da|El|Al|Von)\s)[A-ZÀ-ÖØ-Þ][\w’'\-]*"
_PORTFOLIO_NAME = (
    rf"{_FIRST_NAME}(?:\s+{PARTICLE}|\s+(?:De|Van|Vanden|Vander|Der|Den|Ter|Ten))*\s+{_CAP}"
)
_PORTFOLIO_TITLE = r"(?i:Vlaams\s+minister|Minister|Viceminister-president|Minister-president)"
_PORTFOLIO_RE = rf"{_PORTFOLIO_TITLE}\s+van\s+[^:()\n]{{1,160}}\s+{_PORTFOLIO_NAME}"
# A surname's lower-case part after a particle, as printed: "Anke Van dermeersch (Vlaams Belang)".
_LABEL_NAME = (
    rf"(?:{_CAP}(?:[ \u00a0](?:{_CAP}|{PARTICLE})){{0,3}}?[ \u00a0]"
    rf"(?i:van|de|ver|le|la|vanden|vander|del|di|da|du)[ \u00a0][a-zà-ÿ][\w’'\-]*(?=\s*\())|{NAME}"
)

_PARTY_LABEL = re.compile(rf"(?P<name>{_LABEL_NAME})\s*\((?P<party>[^()\n]{{1,30}})\)")
_TITLE_LABEL = re.compile(rf"(?P<title>{_TITLE_RE})\s+(?P<name>{NAME})")
_PORTFOLIO_LABEL = re.compile(
    rf"(?P<title>{_PORTFOLIO_TITLE})\s+van\s+(?P<portfolio>[^:()\n]{{1,160}})\s+"
    rf"(?P<name>{_PORTFOLIO_NAME})"
)
_CHAIR_LABEL = re.compile(r"(?i:(?:De|de)\s+(?:voorzitter|ondervoorzitter)|Voorzitter)")

_NAMED_CHAIR = re.compile(
    rf"(?:De\s+|de\s+)?(?:voorzitter|Voorzitter|ondervoorzitter|Ondervoorzitter),?\s+(?P<name>{NAME})"
)
# Web exports, scrapers and some reports put a form of address before the name.
_HONORIFIC = HONORIFIC
_HONORIFIC_RE = rf"(?i:{alternation(HONORIFICS)})"

_LABEL_AT_START = re.compile(
    rf"^[ \f]*(?P<label>(?:{_HONORIFIC_RE}\s+)?(?:{_LABEL_NAME})\s*\([^()\n]{{1,30}}\)|"
    rf"{_PORTFOLIO_RE}|(?:{_TITLE_RE})\s+(?:{NAME})|"
    r"(?i:De (?:voorzitter|ondervoorzitter)))[ \u00a0]*:[ \u00a0]*"
)
# Particles that a name in capitals ("STIJN VAN DEN BOSSCHE") writes in lower case
# when they follow another particle: "Van den Bossche".
_INNER_PARTICLES = frozenset({"den", "der", "de", "ten", "ter", "het"})


@dataclass(frozen=True)
class Speaker:
    """A speaker label split into its parts.

    Attributes
    ----------
    speaker
        The person's name, or ``None`` for the chair when the label does not
        name them (``De voorzitter``).
    party
        The party as written in the label, or ``None``.
    role
        ``"member"``, ``"minister"`` or ``"chair"``.
    """

    speaker: str | None
    party: str | None
    role: str


def _clean_name(name: str) -> str:
    words = clean_name(name).split()
    if name.isupper() and len(words) > 1:  # a label in capitals: "STIJN DE ROO"
        words = _title_case(words)
    return " ".join(words)


def _title_case(words: list[str]) -> list[str]:
    """``STIJN VAN DEN BOSSCHE`` as the report writes it elsewhere: ``Stijn Van den Bossche``."""
    out: list[str] = []
    for i, word in enumerate(words):
        lower = word.lower()
        after_particle = i > 1 and out[-1].lower() in {"van", "de", "ver", "vanden"}
        if lower in _INNER_PARTICLES and after_particle:
            out.append(lower)
        else:
            out.append("-".join(part.capitalize() for part in lower.split("-")))
    return out


def parse_speaker(label: str) -> Speaker | None:
    """Split a speaker label such as ``Stijn De Roo (cd&v)`` into its parts.

    Parameters
    ----------
    label
        The label, with or without its trailing colon.

    Returns
    -------
    Speaker or None
        ``None`` when the string is not a speaker label.

    Examples
    --------
    >>> parse_speaker("Minister-president Matthias Diependaele")
    Speaker(speaker='Matthias Diependaele', party=None, role='minister')
    """
    text = " ".join(label.strip().rstrip(":").split())
    if not text:
        return None
    if _CHAIR_LABEL.fullmatch(text):
        return Speaker(None, None, "chair")
    m = _NAMED_CHAIR.fullmatch(text)
    if m:  # "Voorzitter Björn Rzoska", as some exports name the chair
        return Speaker(_clean_name(m["name"]), None, "chair")
    text = _HONORIFIC.sub("", text)
    m = _PARTY_LABEL.fullmatch(text)
    if m:
        inner = _TITLE_LABEL.fullmatch(m["name"])
        if inner:  # "Minister Jo Brouns (cd&v)"
            return Speaker(_clean_name(inner["name"]), m["party"].strip(), "minister")
        return Speaker(_clean_name(m["name"]), m["party"].strip(), "member")
    m = _TITLE_LABEL.fullmatch(text)
    if m:
        return Speaker(_clean_name(m["name"]), None, _TITLES[" ".join(m["title"].lower().split())])
    m = _PORTFOLIO_LABEL.fullmatch(text)
    if m:  # "Vlaams minister van Werk Jo Brouns"
        return Speaker(_clean_name(m["name"]), None, "minister")
    if re.fullmatch(NAME, text) and len(text.split()) >= 2:
        return Speaker(_clean_name(text), None, "member")
    return None


# The parser asks about the same line up to three times (does it open a paragraph,
# what kind is it, who speaks); a small cache answers the repeats.
@lru_cache(maxsize=4096)
def match_label(line: str) -> tuple[Speaker, int] | None:
    """Find a speaker label at the start of a transcript line.

    Returns
    -------
    tuple or None
        The parsed speaker and the offset where the spoken text begins.
    """
    m = _LABEL_AT_START.match(line)
    if not m:
        return None
    speaker = parse_speaker(m["label"])
    if speaker is None:
        return None
    return speaker, m.end()


_CHAIR_CHANGE = re.compile(
    rf"^[–—-]\s*(?P<name>{NAME})\s+treedt\s+(?:opnieuw\s+)?als\s+(?:voorzitter|ondervoorzitter)\s+op\.?\s*$"
)
_CHAIR_LINE = re.compile(
    rf"^Voorzitter:\s*{alternation(HONORIFICS)}?\s*(?P<name>.+?)\s*$", re.IGNORECASE
)


def parse_chair_change(text: str) -> str | None:
    """Return the new chair's name from ``– X treedt als voorzitter op.``."""
    m = _CHAIR_CHANGE.match(" ".join(text.split()))
    # "– Mevrouw Liesbeth Homans treedt ...": the form of address is no part of the name.
    return _HONORIFIC.sub("", _clean_name(m["name"])) if m else None


def parse_chair_line(text: str) -> str | None:
    """Return the chair's name from ``Voorzitter: de heer Björn Rzoska``."""
    m = _CHAIR_LINE.match(" ".join(text.split()))
    return _clean_name(m["name"]) if m else None


_PROCEDURAL_SENTENCES = [
    r"(?:De heer|Mevrouw|Minister|Minister-president|Viceminister-president|Collega|"
    r"Staatssecretaris)?\s*"
    r"[\w’'\-. ]{0,60}\s+(?:heeft|krijgt)\s+het\s+woord(?:\s+voor\s+een\s+[\w ]+)?",
    r"U\s+hebt\s+het\s+woord",
    r"(?:De|Deze)\s+(?:vraag|vragen)\s+om\s+uitleg\s+(?:is|zijn)\s+afgehandeld",
    r"(?:De|Deze)\s+(?:actuele\s+vraag|actuele\s+vragen|interpellatie|interpellaties)\s+(?:is|zijn)\s+afgehandeld",
    r"(?:De|Deze)\s+(?:vraag|interpellatie)\s+is\s+ingetrokken",
    r"Het\s+incident\s+is\s+gesloten",
    r"De\s+vergadering\s+is\s+(?:gesloten|geopend|geschorst|hervat)",
    r"De\s+bespreking\s+is\s+gesloten",
]
# The report sometimes ends such a sentence with a semicolon: "... heeft het woord;".
_PROCEDURAL = re.compile(r"^(?:" + "|".join(_PROCEDURAL_SENTENCES) + r")\s*[.!;]?$", re.IGNORECASE)
# Floor management is brief; longer turns hold substance.
_LONGEST_PROCEDURAL = 400


def is_procedural(text: str) -> bool:
    """Tell whether a turn only manages the floor.

    ``"De heer De Roo heeft het woord."`` and ``"De vraag om uitleg is
    afgehandeld."`` are procedural; any sentence of substance makes the turn
    not procedural.
    """
    if len(text) > _LONGEST_PROCEDURAL:
        return False
    sentences = split_sentences(" ".join(text.split()))
    return bool(sentences) and all(_PROCEDURAL.match(s) for s in sentences)
