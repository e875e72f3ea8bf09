"""Stance cues in Dutch parliamentary speech, and who each one is aimed at.

A cue is a phrase by which a speaker takes a side: agreement with a colleague
(``ik sluit me aan bij collega X``, ``ik ben het eens met``), disagreement
(``we mogen dat niet onder de mat schuiven``, ``dat is geen oplossing``),
praise or criticism of the government's answer (``een goede zaak`` versus
``tijd verloren``, ``onvoldoende``), thanks, and siding with the majority or
the opposition (``wat we met de Vlaamse Regering hebben gedaan``).

:func:`find_cues` finds the cues of one text; :func:`resolve_targets` says
whom a sentence addresses: a named colleague (``collega Ronse``), the
minister (``minister``), ``u`` in a reply, ``jullie`` or ``de collega's``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ...lang._names import ADDRESS_TITLE
from ...lang._sentences import sentence_spans

__all__ = [
    "Cue",
    "CueMatch",
    "CUES",
    "KINDS",
    "find_cues",
    "NameIndex",
    "Target",
    "resolve_targets",
]

#: Kinds of cue: what the speaker does with the cue.
KINDS = ("agreement", "disagreement", "praise", "criticism", "thanks", "alignment", "mention")


@dataclass(frozen=True)
class Cue:
    """One stance phrase.

    Attributes
    ----------
    name
        A short readable label, the phrase in its usual form.
    pattern
        The regular expression that finds it (case-insensitive).
    kind
        One of :data:`KINDS`.
    polarity
        ``+1`` (siding with the target) or ``-1`` (against it).
    weight
        How much the cue says about stance: ritual thanks, which both sides
        say, weigh nothing; they are listed by :func:`debatekit.interactions`.
    """

    name: str
    pattern: re.Pattern[str]
    kind: str
    polarity: int
    weight: float = 1.0


@dataclass(frozen=True)
class CueMatch:
    """A cue found in a text: which one, where, and in which sentence."""

    cue: Cue
    start: int
    end: int
    sentence: int
    matched: str


def _cue(name: str, pattern: str, kind: str, polarity: int, weight: float = 1.0) -> Cue:
    return Cue(name, re.compile(pattern, re.IGNORECASE), kind, polarity, weight)


# Words that may sit between the parts of a phrase ("ik ben het daar volledig mee eens").
_FEW = r"(?:\s+[\w’'-]+){0,3}?"
_ME = r"(?:me|mij)"
_INTENS = r"(?:(?:ook|toch|heel|zeer|erg|bijzonder|echt|ontzettend|wel)\s+){0,2}"
# A person by title and name: "collega De Roo", "de heer Ronse", "minister Brouns".
_NAMED = (
    r"(?:collega|de\s+heer|mevrouw|minister)(?:\s+(?-i:[A-ZÀ-Þ])[\w’'-]*){1,3}"
    r"|(?:de\s+)?minister"
)
# "We zullen ..." about a bill, not about amendments or motions (which the majority rejects).
_WE_WILL = (
    r"\b(?:we|wij|onze\s+fractie)\s+(?:zullen|zal|gaan)\s+"
    r"(?!(?:\w+\s+){0,4}?(?:amendement|amendementen|motie|moties)\b)"
)

CUES: tuple[Cue, ...] = (
    # --- agreement with a person --------------------------------------------------
    _cue(
        "ik sluit me aan bij",
        rf"\b(?:ik\s+)?(?:sluit|sloot)\s+{_ME}{_FEW}\s+aan\s+bij\b",
        "agreement",
        1,
    ),
    _cue("me aansluiten bij", rf"\b{_ME}{_FEW}\s+aansluiten\s+bij\b", "agreement", 1),
    _cue(
        "ik ben het eens met",
        r"\b(?:ik\s+ben|we\s+zijn|wij\s+zijn)\s+het"
        r"(?:\s+(?:daar|hier|daarmee|ermee|volledig|helemaal|volmondig|grotendeels|wel|absoluut|ook|mee))*"
        r"\s+(?:mee\s+)?eens\b",
        "agreement",
        1,
    ),
    _cue(
        "ik ga akkoord",
        r"\b(?:ik\s+ga|we\s+gaan|wij\s+gaan)(?:\s+(?:daar|daarmee|hier|volledig|helemaal|ook))*\s+(?:mee\s+)?akkoord\b",
        "agreement",
        1,
    ),
    _cue(
        "ik deel de mening",
        r"\b(?:ik|wij|we)\s+(?:deel|delen)(?:\s+(?:trouwens|ook|volledig|helemaal|zeker))*"
        r"\s+(?:de|die|deze|uw|jouw|zijn|haar|die|dat|wat|het)\b",
        "agreement",
        1,
    ),
    _cue(
        "zoals collega X zegt",
        r"\bzoals\s+(?:collega|de\s+heer|mevrouw|minister)\s+(?-i:[A-ZÀ-Þ])[\w’'-]*(?:\s+(?-i:[A-ZÀ-Þ])[\w’'-]*)?"
        r"\s+(?:zegt|zei|terecht|aangaf|aanhaalde|stelde|opmerkte|al\s+zei)",
        "agreement",
        1,
    ),
    _cue(
        "X heeft dat goed geduid",
        rf"\bheeft{_FEW}\s+{_INTENS}(?:goed|terecht|sterk|treffend|mooi)\s+"
        r"(?:geduid|verwoord|samengevat|aangehaald|uiteengezet|toegelicht|gezegd|opgemerkt)",
        "agreement",
        1,
    ),
    _cue(
        "terecht",
        r"\b(?:terechte|zeer\s+terechte)\s+(?:vraag|vragen|opmerking|opmerkingen|punt|bezorgdheid)\b",
        "agreement",
        1,
    ),
    _cue(
        "ik kan me daarin vinden",
        rf"\bik\s+kan\s+{_ME}\s+(?:daar|daarin|hierin|er|volledig|helemaal|\s)+(?:in\s+)?vinden\b",
        "agreement",
        1,
    ),
    _cue("ik onderschrijf", r"\bik\s+onderschrijf\b", "agreement", 1),
    _cue(
        "u hebt gelijk",
        # "geen gelijk" and "niet gelijk" are found too, and read as negated (disagreement)
        r"\b(?:u\s+hebt|je\s+hebt|heeft|hebben)\s+(?:volledig\s+|helemaal\s+|absoluut\s+|wel\s+)?"
        r"(?:(?:geen|niet|nooit|allerminst)\s+)?gelijk\b",
        "agreement",
        1,
    ),
    _cue(
        "die dat thema goed beheerst",
        rf"\b(?:die|dat)\s+(?:thema|dossier|onderwerp){_FEW}\s+{_INTENS}goed\s+(?:meester|kent|beheerst)",
        "agreement",
        1,
    ),
    # --- disagreement with a person ----------------------------------------------
    _cue(
        "niet onder de mat schuiven",
        r"\bonder\s+de\s+mat\s+(?:schuiven|vegen|veegt|schuift|geschoven|geveegd)",
        "disagreement",
        -1,
    ),
    _cue(
        "dat is geen oplossing",
        r"\b(?:dat|dit|het)\s+is\s+(?:totaal\s+|helemaal\s+|echt\s+|absoluut\s+)?geen\s+(?:oplossing|antwoord)\b|\bdat\s+(?:dat|dit)\s+geen\s+oplossing\s+is\b",
        "disagreement",
        -1,
    ),
    _cue(
        "ik ga niet mee in",
        r"\b(?:ik\s+ga|we\s+gaan|wij\s+gaan)(?:\s+(?:daar|daarin|hierin|er|zeker|absoluut|helemaal))*\s+niet(?:\s+(?:mee|in))+\b",
        "disagreement",
        -1,
    ),
    _cue(
        "ik voel me niet aangesproken",
        rf"\bik\s+voel\s+{_ME}\s+(?:helemaal\s+|absoluut\s+)?niet\s+aangesproken\b",
        "disagreement",
        -1,
    ),
    _cue(
        "ik ben het niet eens",
        r"\b(?:ik\s+ben|we\s+zijn|wij\s+zijn)\s+het(?:\s+(?:daar|hier|daarmee|helemaal|absoluut|totaal|echt))*"
        r"\s+(?:(?:niet|nooit|allerminst)\s+(?:mee\s+)?eens|oneens)\b",
        "disagreement",
        -1,
    ),
    _cue(
        "ik ga niet akkoord",
        r"\b(?:ik\s+ga|we\s+gaan|ik\s+kan|we\s+kunnen)(?:\s+(?:daar|daarmee|hier))*\s+niet\s+(?:mee\s+)?akkoord\b",
        "disagreement",
        -1,
    ),
    _cue(
        "ik deel die mening niet",
        r"\b(?:ik|wij|we)\s+(?:deel|delen)\s+(?:die|deze|uw|dat|die|de)\s+(?:mening|analyse|visie|standpunt|bezorgdheid)\s+niet\b",
        "disagreement",
        -1,
    ),
    _cue(
        "ik kan dat niet volgen",
        r"\bik\s+kan\s+(?:u|dat|die|deze|daar|die\s+redenering|uw\s+redenering|"
        rf"{_NAMED})\s+(?:helemaal\s+|echt\s+)?(?:niet|nooit|allerminst)\s+(?:volgen|begrijpen)\b",
        "disagreement",
        -1,
    ),
    _cue(
        "maar een deel van de waarheid",
        r"\b(?:maar|slechts)\s+een\s+(?:deel|stuk)\s+van\s+de\s+waarheid\b",
        "disagreement",
        -1,
    ),
    _cue(
        "daar verschillen we",
        r"\b(?:waar|daar|hierin|daarin)\s+(?:wij|we)\s+(?:in\s+)?(?:verschillen|van\s+mening\s+verschillen)\b",
        "disagreement",
        -1,
    ),
    _cue(
        "dat klopt niet",
        r"\b(?:dat|dit|het)\s+(?:klopt\s+(?:gewoon\s+|helemaal\s+)?niet|is\s+(?:gewoon\s+)?niet\s+(?:correct|juist|waar))\b",
        "disagreement",
        -1,
    ),
    _cue(
        "u vergist zich",
        r"\b(?:u\s+vergist\s+zich|je\s+vergist\s+je|dat\s+is\s+een\s+vergissing)\b",
        "disagreement",
        -1,
    ),
    _cue(
        "dat is te makkelijk",
        r"\bdat\s+is\s+(?:wel\s+|veel\s+)?te\s+(?:gemakkelijk|makkelijk|kort\s+door\s+de\s+bocht|simpel)\b",
        "disagreement",
        -1,
    ),
    # --- praise of the government's answer or policy -------------------------------
    _cue(
        "een goede zaak",
        rf"\b(?:een\s+){_INTENS}(?:goede|positieve|mooie)\s+(?:zaak|stap|evolutie|ontwikkeling|aanpak)\b",
        "praise",
        1,
    ),
    _cue(
        "een stap in de goede richting",
        r"\bstap(?:pen)?\s+in\s+de\s+goede\s+richting\b",
        "praise",
        1,
    ),
    _cue(
        "het is goed dat",
        rf"\b(?:het|dat)\s+is\s+{_INTENS}goed\s+dat\b|\bik\s+denk\s+dat\s+het\s+{_INTENS}goed\s+is\b|\bgoed\s+zo\b",
        "praise",
        1,
    ),
    _cue(
        "goed antwoord",
        rf"\b{_INTENS}(?:goed|duidelijk|helder|uitgebreid|positief)\s+antwoord\b",
        "praise",
        1,
    ),
    _cue(
        "een goed voorstel",
        rf"\b{_INTENS}(?:leuk|goed|mooi|sterk|interessant)\s+(?:voorstel|initiatief|project|plan)\b",
        "praise",
        1,
    ),
    _cue(
        "dat is interessant",
        rf"\b(?:dat|dit)\s+(?:lijkt\s+{_ME}|is)(?:\s+sowieso|\s+zeker)?\s+{_INTENS}(?:interessant|positief|goed\s+nieuws)\b|\binteressante\s+elementen\b",
        "praise",
        1,
    ),
    _cue(
        "ik ben blij", rf"\bik\s+ben\s+{_INTENS}(?:blij|tevreden|verheugd|opgetogen)\b", "praise", 1
    ),
    _cue(
        "ik juich dat toe",
        r"\bjuich\w*\b.{0,40}?\btoe\b|\bik\s+(?:apprecieer|waardeer)\b",
        "praise",
        1,
    ),
    _cue(
        "proficiat",
        r"\b(?:proficiat|gefeliciteerd|complimenten|felicitaties|feliciteer|feliciteren)\b",
        "praise",
        1,
    ),
    _cue(
        "goed om te horen",
        rf"\b(?:goed|fijn|blij)\s+(?:om\s+)?te\s+horen\b|\bhet\s+verheugt\s+{_ME}\b|\bverheugend\b",
        "praise",
        1,
    ),
    _cue(
        "de juiste stappen",
        r"\b(?:de\s+)?juiste\s+(?:stappen|richting|keuze|aanpak|weg)\b|\bop\s+de\s+goede\s+weg\b",
        "praise",
        1,
    ),
    _cue(
        "dat is mooi",
        rf"\b(?:dat|dit)\s+is\s+{_INTENS}(?:mooi|prima|uitstekend|schitterend|fantastisch|sterk)\b"
        r"|\b(?:een\s+)?(?:mooi|sterk|goed)\s+(?:resultaat|signaal)\b",
        "praise",
        1,
    ),
    _cue(
        "u kunt op onze steun rekenen",
        r"\b(?:op\s+(?:onze|mijn)\s+steun\s+rekenen|ik\s+steun\s+u|wij\s+steunen\s+u|we\s+steunen\s+u)\b",
        "praise",
        1,
    ),
    _cue(
        "ik waardeer uw inspanningen",
        r"\b(?:uw|de|jullie)\s+(?:vele\s+|grote\s+)?inspanningen\b(?=[^.]*\b(?:dank|waardeer|apprecieer|erken)\w*)"
        r"|\b(?:dank|waardeer|apprecieer|erken)\w*\b[^.]{0,40}\binspanningen\b"
        r"|\bu\s+zet\s+(?:al\s+)?(?:heel\s+wat|belangrijke|goede|grote)\s+stappen\b",
        "praise",
        1,
    ),
    _cue(
        "in de goede richting",
        r"\b(?:in\s+de\s+goede\s+richting|de\s+goede\s+kant\s+op)\b|\bhoopvol\b"
        r"|\bik\s+ben\s+(?:alvast\s+|al\s+)?gerustgesteld\b",
        "praise",
        1,
    ),
    _cue(
        "dat stelt me gerust",
        rf"\b(?:stelt|stellen)\s+{_ME}\s+gerust\b|\bgeruststellend\b",
        "praise",
        1,
    ),
    # --- criticism of the government's pace or results ---------------------------------
    _cue(
        "te traag",
        r"\b(?:te|zeer|erg|heel|veel\s+te)\s+traag\b|\bgaat\s+(?:veel\s+)?te\s+traag\b",
        "criticism",
        -1,
    ),
    _cue(
        "tijd verloren",
        r"\btijd\s+(?:verloren|verliezen|verspild|verspillen)\b|\bverloren\s+tijd\b",
        "criticism",
        -1,
    ),
    _cue(
        "daadkrachtiger",
        r"\b(?:daadkrachtiger|slagkrachtiger|ambitieuzer|sneller\s+en\s+beter)\b",
        "criticism",
        -1,
    ),
    _cue(
        "onvoldoende",
        # also describes the world ("nog te weinig kandidaten"), so half a vote
        r"\b(?:onvoldoende|niet\s+voldoende|ontoereikend|niet\s+genoeg|te\s+weinig)\b",
        "criticism",
        -1,
        0.5,
    ),
    _cue(
        "dringend ingrijpen",
        r"\bdringend\s+(?:moet|moeten|nodig|ingrijpen|ingegrepen)\b|\bmoet\s+dringend\b",
        "criticism",
        -1,
        0.5,
    ),
    _cue(
        "teleurgesteld",
        r"\b(?:teleurgesteld|teleurstellend|teleurstelling|ontgoocheld|ontgoochelend|ontgoocheling)\b",
        "criticism",
        -1,
    ),
    _cue(
        "dat begrijp ik niet",
        r"\b(?:dat|dit)\s+begrijp\s+ik\s+(?:gewoon\s+|echt\s+|absoluut\s+)?niet\b",
        "criticism",
        -1,
    ),
    _cue(
        "ik betreur", r"\bik\s+betreur\b|\bspijtig\b|\bjammer\s+(?:dat|genoeg)\b", "criticism", -1
    ),
    _cue(
        "geen antwoord",
        r"\b(?:geen|onvolledig|vaag)\s+(?:(?:echt|concreet|duidelijk)\s+)?antwoord\b"
        r"|\bniet\s+(?:beantwoord|geantwoord)\b",
        "criticism",
        -1,
    ),
    _cue(
        "ik blijf op mijn honger",
        r"\bop\s+(?:mijn|onze)\s+honger\b|\bniet\s+overtuigd\b|\bik\s+had\s+meer\s+verwacht\b",
        "criticism",
        -1,
    ),
    _cue(
        "mooie woorden",
        r"\bmooie\s+woorden\b|\baankondigingspolitiek\b|\bblijft\s+het\s+bij\s+(?:woorden|aankondigingen)\b",
        "criticism",
        -1,
    ),
    _cue(
        "schiet tekort",
        r"\bschiet\w*\s+(?:\w+\s+)?tekort\b|\btekortgeschoten\b|\bgefaald\b|\bfaalt\b",
        "criticism",
        -1,
    ),
    _cue(
        "het is hoog tijd",
        r"\bhoog\s+tijd\b|\bvijf\s+voor\s+twaalf\b|\b(?:veel\s+)?te\s+laat\b",
        "criticism",
        -1,
    ),
    _cue(
        "weinig concreet",
        r"\b(?:weinig|niet)\s+concreet\b|\bvaag\b|\bontwijk\w*\b|\bu\s+gaat\s+voorbij\s+aan\b",
        "criticism",
        -1,
    ),
    _cue(
        "dat vind ik jammer",
        r"\bvind\s+ik\s+(?:heel\s+|zeer\s+|erg\s+|bijzonder\s+)?(?:jammer|spijtig|betreurenswaardig)\b"
        r"|\bonbegrijpelijk\b|\bonaanvaardbaar\s+dat\s+(?:de\s+regering|u)\b",
        "criticism",
        -1,
    ),
    _cue(
        "ik ben niet gerustgesteld",
        rf"\bniet\s+gerust(?:gesteld)?\b|\bik\s+blijf\s+(?:\w+\s+)?bezorgd\b|\bik\s+maak\s+{_ME}\s+(?:\w+\s+)?zorgen\b",
        "criticism",
        -1,
        0.5,
    ),
    _cue(
        "erkent u dat",
        # questions that accuse: the asker already holds the answer against the minister
        r"\b(?:erkent|geeft|beseft)\s+u\s+(?:\w+\s+){0,2}?(?:toe\s+)?dat\b|\bhoe\s+verklaart\s+u\b"
        r"|\bwaarom\s+(?:heeft|hebt)\s+u\s+(?:\w+\s+){0,3}?(?:nog\s+)?(?:altijd\s+|steeds\s+)?niet\b",
        "criticism",
        -1,
    ),
    _cue(
        "een gemiste kans",
        r"\bgemiste\s+kans\b|\bik\s+had\s+gehoopt\b|\bu\s+verschuilt\s+zich\b"
        r"|\b(?:verantwoordelijkheid|bal)\s+(?:\w+\s+){0,3}?(?:door|af)(?:schuiven|geschoven|schuift)\b"
        r"|\b(?:door|af)(?:schuiven|schuift|geschoven)\s+naar\s+(?:het\s+)?federale\b"
        r"|\bschuift?\s+(?:\w+\s+){0,3}?(?:verantwoordelijkheid|bal)\s+(?:\w+\s+){0,2}?(?:door|af)\b"
        r"|\bik\s+blijf\s+(?:\w+\s+){0,3}?met\s+(?:\w+\s+){0,3}?vragen\s+zitten\b",
        "criticism",
        -1,
    ),
    _cue(
        "nog altijd niet",
        r"\bnog\s+(?:altijd|steeds)\s+(?:niet|geen)\b(?![^.]*\bwel\b)",
        "criticism",
        -1,
        0.5,
    ),
    # --- thanks: both sides thank, so they are listed but weigh nothing ----------------
    _cue(
        "dank u voor uw antwoord",
        r"\b(?:dank\s+u(?:\s+wel)?|bedankt|ik\s+dank\s+u)\b",
        "thanks",
        1,
        0.0,
    ),
    # --- siding with the majority or the opposition ----------------------------------------
    _cue(
        "wat we met de regering doen",
        # we did it with the government, not merely talked to it
        r"\b(?:we|wij)\b(?:\s+[\w’'-]+){0,4}?\s+met\s+(?:de|deze|onze)\s+(?:Vlaamse\s+)?"
        r"(?:regering|meerderheid)\s+(?:\w+\s+){0,2}?(?:gedaan|beslist|gerealiseerd|afgesproken|"
        r"ingevoerd|opgezet|genomen|goedgekeurd|uitgewerkt|doen|realiseren|beslissen|invoeren)\b"
        r"|\bonze\s+(?:meerderheid|regering)\b|\b(?:wij|we)\s+(?:als|in\s+de)\s+meerderheid\b",
        "alignment",
        1,
    ),
    _cue(
        "wij als oppositie",
        r"\b(?:wij|we)\s+(?:als|in\s+de)\s+oppositie\b|\bdeze\s+regering\s+(?:faalt|laat\s+\w+\s+in\s+de\s+steek)\b"
        r"|\b(?:deze|uw)\s+meerderheid\b|\bde\s+meerderheidspartijen\b|\buw\s+regering\b",
        "alignment",
        -1,
        0.5,
    ),
    # How a group will vote, and which motion it tables, says which side it is on.
    _cue(
        "we zullen dit goedkeuren",
        rf"{_WE_WILL}(?:dit|dat|het|deze|die)\s+(?:\w+\s+){{0,5}}?"
        r"(?:goedkeuren|steunen|mee\s+goedkeuren|voor\s+stemmen|positief\s+stemmen)\b"
        r"|\b(?:een|de)\s+gewone\s+motie\b",
        "alignment",
        1,
    ),
    _cue(
        "we zullen ons onthouden",
        rf"{_WE_WILL}(?:\w+\s+){{0,6}}?"
        r"(?:tegenstemmen|tegen\s+stemmen|niet\s+goedkeuren|niet\s+steunen|ons\s+onthouden|onthouden)\b"
        r"|\bmotie\s+van\s+(?:aanbeveling|wantrouwen)\b",
        "alignment",
        -1,
    ),
    # The majority speaks of "the opposition"; the opposition says "we".
    _cue(
        "de oppositie", r"(?<!als\s)(?<!in\s)\bde\s+oppositie(?:partijen)?\b", "alignment", 1, 0.5
    ),
)


def find_cues(text: str, cues: Sequence[Cue] = CUES) -> list[CueMatch]:
    """Find every stance cue in ``text``.

    A cue that lies inside a longer cue of the same sentence (``niet akkoord``
    holds ``akkoord``) yields only the longer one. A negator (``niet``,
    ``geen``, ``nooit``, ``allerminst``) in an agreement's clause makes it a
    disagreement (``ik sluit me niet aan bij``, named ``"... (negated)"``); one
    in a praise's clause, or before a criticism in its clause, cancels the cue
    (``dat is geen goede zaak``, ``ik ben niet teleurgesteld``).

    Parameters
    ----------
    text
        A turn's text.
    cues
        The cues to look for; :data:`CUES` by default.

    Returns
    -------
    list of CueMatch
        In the order they occur.

    Examples
    --------
    >>> [m.cue.name for m in find_cues("Ik ben het volledig eens met die analyse.")]
    ['ik ben het eens met']
    >>> [m.cue.kind for m in find_cues("Ik zeg dat dat geen oplossing is.")]
    ['disagreement']
    >>> [m.cue.name for m in find_cues("Ik sluit me niet aan bij collega Ronse.")]
    ['ik sluit me aan bij (negated)']
    """
    sentences = sentence_spans(text)
    found: list[CueMatch] = []
    for cue in cues:
        for m in cue.pattern.finditer(text):
            index = next((i for i, (s, e) in enumerate(sentences) if s <= m.start() < e), 0)
            found.append(CueMatch(cue, m.start(), m.end(), index, m.group(0)))
    found.sort(key=lambda c: (c.start, -(c.end - c.start)))
    kept: list[CueMatch] = []
    for match in found:
        if any(_overlaps(match, other) for other in kept):
            continue
        kept.append(match)
    read = (_apply_negation(text, sentences, match) for match in kept)
    return [match for match in read if match is not None]


def _overlaps(a: CueMatch, b: CueMatch) -> bool:
    return a.start < b.end and b.start < a.end


# --- negation ------------------------------------------------------------------------------

#: Words that negate a cue in their clause ("niet alleen", "al dan niet" negate nothing).
_NEGATOR = re.compile(
    r"(?<!\bdan\s)\b(?:niet|geen|nooit|allerminst)\b"
    r"(?!\s+(?:alleen|enkel|slechts|zomaar|toevallig|min(?:der)?\s+dan|te\s+onderschatten)\b)",
    re.IGNORECASE,
)
#: Where a clause ends: punctuation, and conjunctions that start another clause.
_CLAUSE_BREAK = re.compile(
    r"[,;:()\[\]–—]|\b(?:maar|want|omdat|doordat|zodat|opdat|dat|die|wat|waar\w*|als|wanneer|"
    r"terwijl|hoewel|doch|en|of|om|zonder|indien|tenzij)\b",
    re.IGNORECASE,
)
_NEGATED_KINDS = {"agreement", "praise", "criticism"}


def _clause(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The clause of ``sentence`` around ``sentence[start:end]`` (breaks inside it don't cut)."""
    before = [m.end() for m in _CLAUSE_BREAK.finditer(sentence, 0, start) if m.end() <= start]
    after = [m.start() for m in _CLAUSE_BREAK.finditer(sentence, end)]
    return (before[-1] if before else 0), (after[0] if after else len(sentence))


def _negated(cue: Cue) -> Cue:
    """A negated agreement: ``ik sluit me niet aan bij`` disagrees."""
    return Cue(f"{cue.name} (negated)", cue.pattern, "disagreement", -cue.polarity, cue.weight)


def _apply_negation(
    text: str, sentences: list[tuple[int, int]], match: CueMatch
) -> CueMatch | None:
    """Read a negator in the cue's clause: agreement flips, praise and criticism cancel.

    Agreement and praise are negated by a negator anywhere in their clause
    (``ik sluit me niet aan bij``, ``ik deel die mening van X niet``, ``dat is geen
    goede zaak``); criticism by one before the cue (``ik ben niet teleurgesteld``,
    ``er is geen tijd verloren``), since many criticism cues hold their own
    negation (``niet voldoende``) and a later one belongs to what is criticised
    (``jammer genoeg is er geen ...``). Disagreement, thanks and alignment are left
    as they are: their negated forms are cues of their own.
    """
    if match.cue.kind not in _NEGATED_KINDS or not sentences:
        return match
    s, e = sentences[match.sentence]
    sentence = text[s:e]
    start, end = match.start - s, match.end - s
    clause_start, clause_end = _clause(sentence, start, end)
    if match.cue.kind == "criticism":
        negated = _NEGATOR.search(sentence, clause_start, start) is not None
    else:
        negated = _NEGATOR.search(sentence, clause_start, clause_end) is not None
    if not negated:
        return match
    if match.cue.kind == "agreement":
        return CueMatch(_negated(match.cue), match.start, match.end, match.sentence, match.matched)
    return None


# --- who is addressed ----------------------------------------------------------------------

_TITLE = ADDRESS_TITLE


class NameIndex:
    """Recognises the meeting's speakers where the text names them.

    ``collega Ronse``, ``de heer De Roo``, ``mevrouw De Vreese``, ``minister
    Brouns`` and full names are found; a bare surname is not (``Roo`` or
    ``Vreese`` would be too easy to confuse with ordinary words).

    Parameters
    ----------
    speakers
        The names of the speakers who may be referred to.
    """

    def __init__(self, speakers: Iterable[str]) -> None:
        names = sorted({" ".join(str(s).split()) for s in speakers if s and str(s).strip()})
        self.by_key: dict[str, str] = {name.lower(): name for name in names}
        surnames: dict[str, set[str]] = {}
        for name in names:
            parts = name.split()
            if len(parts) > 1:
                surnames.setdefault(" ".join(parts[1:]).lower(), set()).add(name)
        for surname, owners in surnames.items():
            if len(owners) == 1:  # two Peumans in one meeting: only full names tell them apart
                self.by_key.setdefault(surname, owners.pop())
        keys = sorted(self.by_key, key=len, reverse=True)
        alternatives = "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in keys) or r"(?!x)x"
        self._titled = re.compile(rf"\b{_TITLE}\s+(?P<key>{alternatives})\b", re.IGNORECASE)
        full = [re.escape(k).replace(r"\ ", r"\s+") for k in keys if self.by_key[k].lower() == k]
        self._full = re.compile(rf"\b(?P<key>{'|'.join(full) or r'(?!x)x'})\b", re.IGNORECASE)

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """Return (start, end, speaker) of every name in ``text``."""
        hits: list[tuple[int, int, str]] = []
        for pattern in (self._titled, self._full):
            for m in pattern.finditer(text):
                name = self.by_key[" ".join(m["key"].lower().split())]
                if not any(s <= m.start() < e for s, e, _ in hits):
                    hits.append((m.start(), m.end(), name))
        return sorted(hits)


_MINISTER_WORD = re.compile(
    r"\b(?:minister|minister-president|staatssecretaris|de\s+regering|de\s+Vlaamse\s+Regering)\b"
    r"(?!\s+(?-i:[A-ZÀ-Þ]))",
    re.IGNORECASE,
)
_YOU = re.compile(r"\b(?:u|uw)\b", re.IGNORECASE)
_YOU_ALL = re.compile(
    r"\b(?:jullie|de\s+(?:twee|drie|vier|beide|andere)\s+collega[’']s|collega[’']s"
    r"|de\s+(?:vorige|andere)\s+sprekers)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Target:
    """Someone a sentence is aimed at, and how that was decided."""

    speaker: str
    resolved_by: str


def resolve_targets(
    sentence: str,
    *,
    names: NameIndex,
    speaker: str,
    minister: str | None,
    you: str | None,
    vocative: str | None,
    others: Sequence[str],
) -> list[Target]:
    """Say whom ``sentence`` is aimed at, most explicit first.

    Parameters
    ----------
    sentence
        One sentence of a turn.
    names
        The speakers who can be named.
    speaker
        Who speaks (never their own target).
    minister
        The debate's minister, if any.
    you
        Whom a bare ``u`` means when the turn addressed nobody by name or
        title: members say ``u`` to the minister, a minister to the member
        who spoke before.
    vocative
        The person the turn last addressed by name or title (``Minister, ...``,
        ``Collega Ronse, ...``): whom a later ``u`` means.
    others
        The other members who spoke earlier in the debate: whom ``jullie`` and
        ``de collega's`` mean.

    Returns
    -------
    list of Target
        Empty when the sentence addresses nobody.
    """
    named = [n for _, _, n in names.find(sentence) if n != speaker]
    if named:
        return [Target(n, "name") for n in dict.fromkeys(named)]
    if _YOU_ALL.search(sentence) and others:
        return [Target(n, "collega's") for n in others if n != speaker]
    if minister and minister != speaker and _MINISTER_WORD.search(sentence):
        return [Target(minister, "minister")]
    if _YOU.search(sentence):
        if vocative and vocative != speaker:
            return [Target(vocative, "u")]
        if you and you != speaker:
            return [Target(you, "u")]
    return []
