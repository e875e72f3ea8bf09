"""Dutch name grammar: capitalised words, particles, titles and forms of address.

One home for what the parser (speaker labels, headings), the records reader,
the entities analyzer (titled persons) and the stance analyzer (who is
addressed) all need to recognise a person in a Flemish or federal report.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = [
    "CAPITALISED",
    "PARTICLES",
    "PARTICLE",
    "NAME",
    "MINISTER_TITLES",
    "MINISTER_TITLE",
    "HONORIFICS",
    "HONORIFIC",
    "ADDRESS_TITLES",
    "ADDRESS_TITLE",
    "PERSON_TITLES",
    "PERSON_TITLE",
    "alternation",
    "clean_name",
    "strip_honorific",
]


def alternation(phrases: Iterable[str]) -> str:
    """A regex group that matches any of ``phrases``, longest first, any white space inside.

    Examples
    --------
    >>> re.fullmatch(alternation(["de heer", "de"]), "de  heer") is not None
    True
    """
    ordered = sorted(set(phrases), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered) + ")"


#: A capitalised word of a name, or an initial: ``De``, ``Björn``, ``J.``. A full stop
#: belongs to a name only as an initial, so that a name never runs on into the next
#: sentence (``collega Dermagne. Binnen ...``).
CAPITALISED = r"(?:[A-ZÀ-ÖØ-Þ]\.|[A-ZÀ-ÖØ-Þ][\w’'\-]*)"
#: Lower-case words that sit inside Dutch and French names: ``Van den Bossche``, ``El Kaouakibi``.
PARTICLES = (
    "van", "de", "den", "der", "ten", "ter", "te", "het", "'t", "la", "le", "du", "da",
    "di", "dos", "el", "al", "von", "zu", "d’", "d'",
)  # fmt: skip
#: One particle, as a regex group.
PARTICLE = "(?:" + "|".join(re.escape(p) for p in PARTICLES) + ")"
# An elided particle is written onto the name: "Karel d'Haese", "Jan d’Hondt".
_ELIDED = rf"[dDlL]['’]{CAPITALISED}"
#: A person's name: a capitalised word, then up to five capitalised words, elided
#: names or particles (``Stijn De Roo``, ``Van den Bossche``, ``Karel d'Haese``).
NAME = rf"{CAPITALISED}(?:[ \u00a0](?:{CAPITALISED}|{_ELIDED}|{PARTICLE}(?=[ \u00a0]))){{0,5}}"

#: Titles a government member speaks under in a label, lower-case -> role.
MINISTER_TITLES = {
    "minister": "minister",
    "minister-president": "minister",
    "viceminister-president": "minister",
    "vice-minister-president": "minister",
    "staatssecretaris": "minister",
    "eerste minister": "minister",
    # Plenary reports also write "Vlaams minister Ben Weyts:" for a minister's turn.
    "vlaams minister": "minister",
}
#: One of :data:`MINISTER_TITLES` as a label writes it (first letter capital).
MINISTER_TITLE = (
    r"(?:Vice-?minister-president|Minister-president|Vlaams minister|Minister|Staatssecretaris|"
    r"Eerste minister)"
)
#: Forms of address before a name: ``de heer``, ``mevrouw`` and their abbreviations.
HONORIFICS = ("de heer", "mevrouw", "dhr.", "mevr.")
#: A form of address that opens a name (``De heer``, ``mevr.``), to take off.
HONORIFIC = re.compile(rf"^(?i:{alternation(HONORIFICS)})\s+(?=[A-ZÀ-Þ])")
#: How a speaker addresses or names another in a speech: ``collega Ronse``, ``minister Brouns``.
ADDRESS_TITLES = (
    "collega", "de heer", "mevrouw", "minister", "minister-president", "staatssecretaris",
)  # fmt: skip
ADDRESS_TITLE = alternation(ADDRESS_TITLES)
#: Every title that may stand before a person's name in running text.
PERSON_TITLES = (
    *ADDRESS_TITLES, "viceminister-president", "vice-minister-president", "eerste minister",
    "premier", "eurocommissaris", "commissaris", "heer", "burgemeester", "schepen",
    "gouverneur", "voorzitter", "professor", "prof.", "dr.",
)  # fmt: skip
PERSON_TITLE = alternation(PERSON_TITLES)


def clean_name(name: str) -> str:
    """A name with its white space (non-breaking spaces too) made single spaces."""
    return " ".join(name.replace("\u00a0", " ").split())


def strip_honorific(name: str) -> str:
    """Take a form of address off a name: ``Mevrouw Liesbeth Homans`` -> ``Liesbeth Homans``.

    Examples
    --------
    >>> strip_honorific("de heer Björn Rzoska")
    'Björn Rzoska'
    """
    return HONORIFIC.sub("", name)
