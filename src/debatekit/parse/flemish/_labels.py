"""Speaker labels, chair changes, procedural phrases and Dutch dates.

Shared by the transcript parser and :func:`debatekit.from_records`, which meet
the same strings: ``Stijn De Roo (cd&v)``, ``Minister Jo Brouns``, ``De
voorzitter``, ``– Robrecht Bothuyne treedt als voorzitter op.``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

__all__ = [
    "Speaker",
    "parse_speaker",
    "match_label",
    "parse_chair_change",
    "parse_chair_line",
    "is_procedural",
    "parse_dutch_date",
    "make_date",
    "NAME",
]

# A name: a capitalised first word, then capitalised words or Dutch/French
# particles ("De Roo", "Van den Bossche", "El Kaouakibi", "d'Haese").
# A full stop belongs to a name only as an initial ("J. Peeters"), so that a name
# never runs on into the next sentence ("collega Dermagne. Binnen ...").
_CAP = r"(?:[A-ZÀ-ÖØ-Þ]\.|[A-ZÀ-ÖØ-Þ][\w’'\-]*)"
_PARTICLE = r"(?:van|de|den|der|ten|ter|te|het|'t|la|le|du|da|di|dos|el|al|von|zu|d’|d')"
# An elided particle is written onto the name: "Karel d'Haese", "Jan d’Hondt".
_ELIDED = rf"[dDlL]['’]{_CAP}"
NAME = rf"{_CAP}(?:[ \u00a0](?:{_CAP}|{_ELIDED}|{_PARTICLE}(?=[ \u00a0]))){{0,5}}"

_TITLES = {
    "minister": "minister",
    "minister-president": "minister",
    "viceminister-president": "minister",
    "vice-minister-president": "minister",
    "staatssecretaris": "minister",
    "eerste minister": "minister",
    # Plenary reports also write "Vlaams minister Ben Weyts:" for a minister's turn.
    "vlaams minister": "minister",
}
_TITLE_RE = (
    r"(?i:Vice-?minister-president|Minister-president|Vlaams minister|Minister|Staatssecretaris|"
    r"Eerste minister)"
)
# "Vlaams minister van Werk Jo Brouns": the portfolio comes between the title and
# the name. The name is the shortest tail that is a first name (not a particle),
# particles, and a surname: "... Onderwijs Annick De Ridder".
_FIRST_NAME = r"(?!(?:De|Van|Vanden|Vander|Ter|Ten|Le|La|Du|Di|Da|El|Al|Von)\s)[A-ZÀ-ÖØ-Þ][\w’'\-]*"
_PORTFOLIO_NAME = (
    rf"{_FIRST_NAME}(?:\s+{_PARTICLE}|\s+(?:De|Van|Vanden|Vander|Der|Den|Ter|Ten))*\s+{_CAP}"
)
_PORTFOLIO_TITLE = r"(?i:Vlaams\s+minister|Minister|Viceminister-president|Minister-president)"
_PORTFOLIO_RE = rf"{_PORTFOLIO_TITLE}\s+van\s+[^:()\n]{{1,160}}\s+{_PORTFOLIO_NAME}"
# A surname's lower-case part after a particle, as printed: "Anke Van dermeersch (Vlaams Belang)".
_LABEL_NAME = (
    rf"(?:{_CAP}(?:[ \u00a0](?:{_CAP}|{_PARTICLE})){{0,3}}?[ \u00a0]"
    rf"(?i:van|de|ver|le|la|vanden|vander|del|di|da|du)[ \u00a0][a-zà-ÿ][\w’'\-]*(?=\s*\())|{NAME}"
)

_PARTY_LABEL = re.compile(rf"(?P<name>{_LABEL_NAME})\s*\((?P<party>[^()\n]{{1,30}})\)")
_TITLE_LABEL = re.compile(rf"(?P<title>{_TITLE_RE})\s+(?P<name>{NAME})")
_PORTFOLIO_LABEL = re.compile(
    rf"(?P<title>{_PORTFOLIO_TITLE})\s+van\s+(?P<portfolio>[^:()\n]{{1,160}})\s+(?P<name>{_PORTFOLIO_NAME})"
)
_CHAIR_LABEL = re.compile(r"(?i:(?:De|de)\s+(?:voorzitter|ondervoorzitter)|Voorzitter)")

_NAMED_CHAIR = re.compile(
    rf"(?:De\s+|de\s+)?(?:voorzitter|Voorzitter|ondervoorzitter|Ondervoorzitter),?\s+(?P<name>{NAME})"
)
# Web exports, scrapers and some reports put a form of address before the name.
_HONORIFIC_RE = r"(?i:De heer|Mevrouw|Dhr\.|Mevr\.|Mr\.)"
_HONORIFIC = re.compile(rf"^{_HONORIFIC_RE}\s+(?=[A-ZÀ-Þ])")

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
    words = name.replace("\u00a0", " ").split()
    if name.isupper() and len(words) > 1:  # a label in capitals: "STIJN DE ROO"
        words = _title_case(words)
    return " ".join(words)


def _title_case(words: list[str]) -> list[str]:
    """``STIJN VAN DEN BOSSCHE`` as the report writes it elsewhere: ``Stijn Van den Bossche``."""
    out = []
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
    r"^Voorzitter:\s*(?:de heer|mevrouw|dhr\.|mevr\.)?\s*(?P<name>.+?)\s*$", re.IGNORECASE
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
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+")
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
    sentences = [s for s in _SENTENCE_SPLIT.split(" ".join(text.split())) if s]
    return bool(sentences) and all(_PROCEDURAL.match(s) for s in sentences)


MONTHS = {
    "januari": 1,
    "februari": 2,
    "maart": 3,
    "april": 4,
    "mei": 5,
    "juni": 6,
    "juli": 7,
    "augustus": 8,
    "september": 9,
    "oktober": 10,
    "november": 11,
    "december": 12,
}
_DUTCH_DATE = re.compile(
    r"(?:(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag),?\s+)?"
    r"(?P<day>\d{1,2})\s+(?P<month>" + "|".join(MONTHS) + r")\s+(?P<year>\d{4})",
    re.IGNORECASE,
)


# The turns table keeps dates in nanoseconds, which span 1677-09-22 to 2262-04-11.
_FIRST_DATE = pd.Timestamp("1677-09-22")
_LAST_DATE = pd.Timestamp("2262-04-11")


def make_date(year: int, month: int, day: int) -> pd.Timestamp | None:
    """The date, or ``None`` where there is no such day (``31 februari``, year 0).

    Dates outside what the turns table can hold (1677-09-22 to 2262-04-11) are
    ``None`` too: a typing error, not a meeting.
    """
    try:
        date = pd.Timestamp(year, month, day)
    except (ValueError, OverflowError):
        return None
    return date if in_date_range(date) else None


def in_date_range(date: pd.Timestamp) -> bool:
    """Whether the turns table's nanosecond dates can hold ``date``."""
    return (
        bool(_FIRST_DATE <= date.tz_localize(None) <= _LAST_DATE)
        if date.tzinfo
        else bool(_FIRST_DATE <= date <= _LAST_DATE)
    )


def parse_dutch_date(value: object) -> pd.Timestamp | None:
    """Parse a Dutch long date (``dinsdag 25 februari 2025``) or an ISO date.

    Returns
    -------
    pandas.Timestamp or None
        ``None`` for missing or unparseable values.
    """
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return value
    text = str(value).strip()
    m = _DUTCH_DATE.search(text)
    if m:
        return make_date(int(m["year"]), MONTHS[m["month"].lower()], int(m["day"]))
    # Belgian dates put the day first (03/04/2024 is 3 April); ISO dates (2024-04-03)
    # are read as ISO.
    day_first = not re.match(r"^\d{4}-\d{1,2}-\d{1,2}", text)
    try:
        ts = pd.to_datetime(text, dayfirst=day_first)
    except (ValueError, TypeError, OverflowError):
        return None
    if pd.isna(ts):
        return None
    ts = pd.Timestamp(ts)
    return ts if in_date_range(ts) else None
