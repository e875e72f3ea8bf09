"""The forms of the Chamber's reports: speaker labels, chairs, headings, dates.

Each pattern follows a form the reports print, in Dutch and in French:

- ``01.01 Sofie Merckx (PVDA-PTB):`` a member, numbered within the item;
- ``02.04 Minister Frank Vandenbroucke:``, ``Eerste minister Bart De Wever:``,
  ``Staatssecretaris Mathieu Michel:``; in French after the name:
  ``Alexander De Croo, premier ministre:``, ``Vanessa Matz, ministre:``,
  ``Marie-Colline Leroy, secrétaire d'État:``, ``Bert Wollants, rapporteur:``;
- ``De voorzitter:``, ``De voorzitster:``, ``Le président:``, ``La présidente:``
  (unnumbered; the chair of the moment);
- the chair named when the meeting opens (``... voorgezeten door de heer Peter
  De Roover, voorzitter.`` / ``... présidée par M. ...``) and when it changes
  (``Voorzitter: Dieter Vanbesien.`` / ``Président: Dieter Vanbesien.``).
"""

from __future__ import annotations

import re
from typing import NamedTuple

__all__ = [
    "Label",
    "match_label",
    "match_chair_change",
    "match_opening_chair",
    "parse_title_date",
    "MONTHS",
]

# A name as the reports print it: capitalised words, with particles between
# (Van den Heuvel, de Moor, D'Amico, Creutz-Vilvoye).
_WORD = r"[A-ZÀ-ÖØ-Þ][\w'’.\-]*"
_PARTICLE = r"(?:van|de|der|den|du|des|la|le|di|da|von|ten|ter|'t|d'|vande|vanden)"
NAME = rf"{_WORD}(?:\s+(?:{_PARTICLE}\s+)*{_WORD}){{0,5}}"
_PARTY = r"[^()\n:]{1,30}"
_NUMBER = r"(?P<label>\d{2}\.\d{2})"
_DUTCH_TITLE = (
    r"(?P<title>(?:[Vv]ice-?)?[Ee]erste\s*minister|[Vv]ice-?eersteminister|[Mm]inister"
    r"|[Ss]taatssecretaris|[Pp]remier)"
)
_FRENCH_TITLE = (
    r"(?P<ftitle>(?:vice-)?premier\s+ministre|ministre|secrétaire\s+d['’][ÉEé]tat"
    r"|rapporteur|rapporteuse|vice-premier\s+ministre)"
)
_CHAIR_WORD = r"(?P<chair>De\s+voorzitt(?:er|ster)|Le\s+président|La\s+présidente)"
# A member: "Sofie Merckx (PVDA-PTB)"; a minister: "Minister Frank Vandenbroucke" or
# "Frank Vandenbroucke, ministre"; anyone else named: "Geert Fremout".
_WHO = (
    rf"(?:{_CHAIR_WORD}(?:\s*\((?P<chair_note>[^()]{{1,60}})\))?"
    rf"|{_DUTCH_TITLE}\s+(?P<minister>{NAME})"
    rf"|(?P<fname>{NAME}),\s+{_FRENCH_TITLE}"
    rf"|(?P<member>{NAME})\s*\((?P<party>{_PARTY})\)"
    rf"|(?P<guest>{NAME}))"
)
_LABEL = re.compile(rf"^(?:{_NUMBER}\s+)?{_WHO}\s*:\s*")
# An unnumbered label must be a chair, a member with a party or a titled minister:
# "Mijn vragen aan u:" in a speech is no label.
_NUMBER_ONLY = re.compile(r"^(?P<label>\d{2}\.\d{2})\s*$")


class Label(NamedTuple):
    """A speaker label at the start of a paragraph."""

    number: str | None
    speaker: str | None
    party: str | None
    role: str
    end: int
    lang: str | None
    """The language the label is written in, where it tells (``Le président``: fr)."""


def match_label(text: str) -> Label | None:
    """The speaker label that opens ``text``, if any.

    Examples
    --------
    >>> match_label("01.01 Sofie Merckx (PVDA-PTB): Mijnheer de voorzitter, ...")[:4]
    ('01.01', 'Sofie Merckx', 'PVDA-PTB', 'member')
    >>> match_label("02.08 Alexander De Croo, premier ministre: Merci.")[:4]
    ('02.08', 'Alexander De Croo', None, 'minister')
    >>> match_label("La présidente: Merci.")[:4]
    (None, None, None, 'chair')
    >>> match_label("Mijn vragen aan u: ...") is None
    True
    """
    found = _LABEL.match(text)
    if found is None:
        return None
    number = found["label"]
    if found["chair"]:
        lang = "nl" if found["chair"].startswith("De") else "fr"
        return Label(number, None, None, "chair", found.end(), lang)
    if found["minister"]:
        return Label(number, _clean(found["minister"]), None, "minister", found.end(), "nl")
    if found["fname"]:
        title = found["ftitle"].lower()
        role = "member" if title.startswith("rapport") else "minister"
        return Label(number, _clean(found["fname"]), None, role, found.end(), "fr")
    if found["member"]:
        return Label(
            number, _clean(found["member"]), found["party"].strip(), "member", found.end(), None
        )
    if number is None:  # a bare name without number or party is too weak a sign
        return None
    return Label(number, _clean(found["guest"]), None, "guest", found.end(), None)


def match_number_only(text: str) -> str | None:
    """A turn number printed alone, with neither speaker nor text (``12.03``)."""
    found = _NUMBER_ONLY.match(text)
    return found["label"] if found else None


def _clean(name: str) -> str:
    # A name's last word may take the sentence's full stop with it ("Els Van Hoof.").
    return " ".join(name.replace("’", "'").split()).rstrip(".")


_HONORIFIC = r"(?:de\s+heer|mevrouw|M\.|Mme|Madame|Monsieur)\s+"
_OPENING_CHAIR = re.compile(
    rf"(?:voorgezeten\s+door|présidée?\s+par)\s+(?:{_HONORIFIC})?(?P<name>{NAME}?)"
    r"(?:,\s*(?:voorzitt(?:er|ster)|président(?:e)?)\b.*)?\s*\.?\s*$"
)
_CHAIR_CHANGE = re.compile(
    rf"^(?:Voorzitt(?:er|ster)|Présidente?)\s*:\s*(?:{_HONORIFIC})?(?P<name>{NAME}?)\s*\.?\s*$"
)


def match_opening_chair(text: str) -> str | None:
    """The chair named in the opening line, Dutch or French.

    Examples
    --------
    >>> match_opening_chair("De vergadering wordt geopend om 14.13 uur en voorgezeten "
    ...                     "door de heer Peter De Roover, voorzitter.")
    'Peter De Roover'
    >>> match_opening_chair("La réunion publique de commission est ouverte à 9 h 33 et "
    ...                     "présidée par Mme Ellen Samyn.")
    'Ellen Samyn'
    """
    found = _OPENING_CHAIR.search(text)
    return _clean(found["name"]) if found else None


def match_chair_change(text: str) -> str | None:
    """The new chair of a ``Voorzitter: Dieter Vanbesien.`` line.

    Examples
    --------
    >>> match_chair_change("Présidente: Els Van Hoof.")
    'Els Van Hoof'
    """
    found = _CHAIR_CHANGE.match(text)
    return _clean(found["name"]) if found else None


MONTHS = {
    "januari": 1, "februari": 2, "maart": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7,
    "augustus": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
    "janvier": 1, "février": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
    "août": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12,
}  # fmt: skip
_DATE = re.compile(r"\b(?P<day>\d{1,2})(?:er)?\s+(?P<month>[a-zéû]+)\s+(?P<year>\d{4})\b", re.I)


def parse_title_date(text: str) -> tuple[int, int, int] | None:
    """``(year, month, day)`` of a date written out in Dutch or French.

    Examples
    --------
    >>> parse_title_date("Dinsdag 18 maart 2025")
    (2025, 3, 18)
    >>> parse_title_date("Jeudi 24 octobre 2024")
    (2024, 10, 24)
    """
    found = _DATE.search(text)
    if found is None or found["month"].lower() not in MONTHS:
        return None
    return int(found["year"]), MONTHS[found["month"].lower()], int(found["day"])
