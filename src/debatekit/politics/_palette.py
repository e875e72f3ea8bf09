"""The parties' own colours, so that every chart shows cd&v orange and Groen green.

Colours follow each party's house style, adjusted where two parties share a
hue (the three reds, the two blues, the two yellows) so that they stay apart
side by side and in print. Names are matched as the reports write them:
``CD&V`` and ``cd&v``, ``VB`` and ``Vlaams Belang``, ``Les Engagés`` broken over two lines.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Hashable, Iterable, Mapping

__all__ = [
    "PARTY_COLOURS",
    "BLOC_COLOURS",
    "party_colour",
    "party_palette",
    "group_colours",
    "UNKNOWN_COLOUR",
    "canonical_party",
    "colours_for",
]

#: Party -> colour (hex), by the name the party uses for itself.
PARTY_COLOURS: Mapping[str, str] = {
    # Flemish parties
    "N-VA": "#FFD200",  # yellow
    "Vlaams Belang": "#8C6D00",  # dark yellow (ochre), apart from N-VA's yellow
    "cd&v": "#F28C00",  # orange
    "Vooruit": "#F0141E",  # red
    "Groen": "#2E9E3E",  # green
    "Open Vld": "#0A7AD1",  # blue
    "PVDA": "#8B0A14",  # dark red
    # French-speaking parties of the Chamber
    "PVDA-PTB": "#8B0A14",  # one party in both languages
    "MR": "#1B2F6B",  # navy, apart from Open Vld's blue
    "PS": "#C2185B",  # the rose's red, apart from Vooruit and PVDA
    "Les Engagés": "#00A99D",  # turquoise
    "Ecolo": "#7AC143",  # light green, apart from Groen
    "DéFI": "#E4007C",  # magenta
    # groups, independents and smaller lists
    "Ecolo-Groen": "#2E9E3E",
    "Team Fouad Ahidar": "#6A3D9A",  # purple
    "Onafhankelijke": "#6E6E6E",
}

#: Bloc -> colour: the majority dark, the opposition light, so they read in grey too.
BLOC_COLOURS: Mapping[str, str] = {
    "majority": "#2C5F8A",
    "opposition": "#E08A2E",
    "government": "#2C5F8A",
    "meerderheid": "#2C5F8A",
    "oppositie": "#E08A2E",
    "minister": "#3A3A3A",
    "chair": "#A0A0A0",
}

#: The colour of a party not in the palette, or of no party at all.
UNKNOWN_COLOUR = "#B0B0B0"

# Other names the reports use for the same party.
_ALIASES = {
    "cd v": "cd&v",
    "vb": "Vlaams Belang",
    "sp a": "Vooruit",
    "spa": "Vooruit",
    "ptb": "PVDA-PTB",
    "pvda ptb": "PVDA-PTB",
    "anders": "Open Vld",  # Open Vld's name since 2025
    "vld": "Open Vld",
    "cdh": "Les Engagés",
    "defi": "DéFI",
    "fdf": "DéFI",
    "onafh": "Onafhankelijke",
    "onafhankelijk": "Onafhankelijke",
    "independent": "Onafhankelijke",
    "independant": "Onafhankelijke",
    "tfa": "Team Fouad Ahidar",
}

# A colour-blind-safe cycle (Okabe and Ito) for groups that are neither party nor bloc.
_CYCLE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")


def _key(name: str) -> str:
    """A matching key: ``CD&V`` -> ``cd v``, ``Les Engagés`` -> ``les engages``."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return " ".join(re.split(r"[^0-9a-z]+", plain.casefold())).strip()


_BY_KEY = {_key(p): p for p in PARTY_COLOURS} | _ALIASES


def canonical_party(name: object) -> str | None:
    """The palette's name for a party as a report writes it, or None when unknown."""
    if not isinstance(name, str) or not name.strip():
        return None
    return _BY_KEY.get(_key(name))


def party_colour(party: object, default: str = UNKNOWN_COLOUR) -> str:
    """The party's own colour, as a hex string.

    Parameters
    ----------
    party
        A party as the turns table or the members table writes it (``CD&V``,
        ``cd&v``, ``VB``, ``Vlaams Belang``, ``PVDA-PTB``); case, accents and
        line breaks do not matter.
    default
        The colour of a party not in the palette, or of a missing party.

    Returns
    -------
    str
        A colour matplotlib accepts.

    Examples
    --------
    >>> import debatekit as dk
    >>> dk.party_colour("cd&v"), dk.party_colour("CD&V"), dk.party_colour("VB")
    ('#F28C00', '#F28C00', '#8C6D00')
    >>> dk.party_colour(None)
    '#B0B0B0'
    """
    known = canonical_party(party)
    return PARTY_COLOURS[known] if known else default


def party_palette(parties: Iterable[object] | None = None) -> dict[str, str]:
    """Party -> colour for the parties given (every known party when None).

    Parties the palette does not know get colours of a colour-blind-safe
    cycle, in the order given, so that a chart never shows two unknown
    parties alike.

    Examples
    --------
    >>> import debatekit as dk
    >>> dk.party_palette(["N-VA", "Vooruit", "Lijst X"])
    {'N-VA': '#FFD200', 'Vooruit': '#F0141E', 'Lijst X': '#0072B2'}
    """
    if parties is None:
        return dict(PARTY_COLOURS)
    return group_colours(parties)


def group_colours(groups: Iterable[Hashable]) -> dict[str, str]:
    """A colour for each group: a party's own, a bloc's, or else one of a cycle.

    Parameters
    ----------
    groups
        Parties, blocs (``majority``, ``opposition``) or any labels; missing
        values get :data:`UNKNOWN_COLOUR`.

    Returns
    -------
    dict
        Group (as a string) -> colour, in the order given, each group once.
    """
    colours: dict[str, str] = {}
    spare = iter(_CYCLE * 4)
    for group in groups:
        name = _label(group)
        if name in colours:
            continue
        if name in ("", "<NA>", "nan", "None", "(no party)"):
            colours[name] = UNKNOWN_COLOUR
        elif canonical_party(name):
            colours[name] = party_colour(name)
        elif name.casefold() in BLOC_COLOURS:
            colours[name] = BLOC_COLOURS[name.casefold()]
        else:
            colours[name] = next(spare, UNKNOWN_COLOUR)
    return colours


def _label(group: object) -> str:
    if group is None or (isinstance(group, float) and group != group):
        return ""
    return str(group)


def colours_for(names: Iterable[Hashable], groups: Mapping[Hashable, Hashable] | None) -> list[str]:
    """The colour of each name's group (grey for a name without one)."""
    names = list(names)
    if not groups:
        return [UNKNOWN_COLOUR] * len(names)
    present = [groups[n] for n in names if n in groups]
    palette = group_colours(sorted({_label(g) for g in present}, key=str))
    return [
        palette.get(_label(groups[n]), UNKNOWN_COLOUR) if n in groups else UNKNOWN_COLOUR
        for n in names
    ]
