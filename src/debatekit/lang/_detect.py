"""Dutch or French? A stop-word profile decides, offline and fast.

The Chamber's members speak Dutch or French, and the words that carry grammar
(articles, pronouns, prepositions, auxiliaries) tell the two apart from a few
words on: they are frequent, short and hardly shared. Words both languages
write alike (``de``, ``en``, ``in``, ``a``) are left out of both profiles.
Accuracy measured on the Chamber's reports is in ``docs/kamer.md``.
"""

from __future__ import annotations

import re

__all__ = ["LANGUAGES", "detect_language", "language_scores"]

#: The languages told apart, as ISO 639-1 codes.
LANGUAGES = ("nl", "fr")

_DUTCH = frozenset(
    """
    het een van is dat op te zijn met voor niet aan er om ook als bij maar dan nog wat
    wij we ik u uw hebben heeft hebt heb worden wordt werd werden zou zal zullen kan kunnen
    moet moeten dit die deze over naar uit door ze hij zij zich geen meer wel al mijn onze
    ons jullie waar hoe tot of mevrouw mijnheer heer collega collega's minister
    staatssecretaris voorzitter regering dank bent ben was waren wordt hier daar daarom
    echter want omdat dus nu ook toch nog elk iedereen alle andere hun haar men wie welke
    wanneer kunt mag mogen gaat gaan zeer heel veel eerste vraag vragen antwoord
    """.split()
)
_FRENCH = frozenset(
    """
    le la les des du un une et est que qui pour dans ce cette ces pas ne sur au aux par plus
    il elle ils elles nous vous je se sont avec mais ou son sa ses leur leurs être été fait
    monsieur madame ministre président présidente gouvernement merci suis êtes avons avez
    ont sera seront était étaient aussi donc car comme très tout tous a toutes quel quelle
    quels quelles quand comment pourquoi peut pouvez peuvent doit doivent cela ça ici
    même notre nos votre vos mon ma mes lui y où si non oui chers collègues question
    questions réponse secrétaire d'état l'on qu'il c'est n'est d'un d'une j'ai
    """.split()
)
# A paragraph's first 2,000 characters (some 300 words) decide as well as all of it.
_ENOUGH = 2000
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def _opens_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip()
    return not before or before[-1] in '.!?:;("“'


def language_scores(text: str) -> tuple[int, int]:
    """How many words of ``text`` are Dutch and how many French stop words.

    Examples
    --------
    >>> language_scores("Mijnheer de minister, ik heb een vraag.")
    (6, 0)
    """
    dutch = french = 0
    text = text[:_ENOUGH]
    for match in _WORD.finditer(text):
        word = match.group()
        if word[0].isupper() and match.start() and not _opens_sentence(text, match.start()):
            continue  # a name's particle (Van den Eynde, De Croo) is no evidence
        word = word.lower().replace("’", "'")
        if word in _DUTCH:
            dutch += 1
        elif word in _FRENCH:
            french += 1
        elif "'" in word and word.split("'", 1)[0] in ("l", "d", "j", "qu", "n", "c", "s"):
            french += 1  # an elision (l'incident, d'une, qu'elle) is French
    return dutch, french


def detect_language(text: str, default: str | None = None) -> str | None:
    """``"nl"`` or ``"fr"``, whichever has more stop words in ``text``.

    Parameters
    ----------
    text
        Any text; a few words suffice.
    default
        What a text without evidence (no stop word, or as many of each) gets.

    Examples
    --------
    >>> detect_language("Het incident is gesloten.")
    'nl'
    >>> detect_language("L'incident est clos.")
    'fr'
    >>> detect_language("Applaus", default="nl")
    'nl'
    """
    dutch, french = language_scores(text)
    if dutch > french:
        return "nl"
    if french > dutch:
        return "fr"
    return default
