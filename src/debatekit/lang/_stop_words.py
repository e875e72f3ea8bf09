"""One stop-word source: spaCy's lists plus the words every debate shares.

Dutch turns use spaCy's Dutch list (``spacy.lang.nl.stop_words``) and
:data:`DEBATE_WORDS`; the federal Chamber's French turns use spaCy's French
list. Topics, embedders and the text tools take their stop words from
:func:`stop_words`, and extend them with ``extra=`` rather than keeping a list
of their own.
"""

from __future__ import annotations

import ast
import importlib.util
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from .._errors import MissingDependencyError, message
from .._validation import check_choice
from ._tokens import TOKEN

__all__ = [
    "DEBATE_WORDS",
    "FRENCH_DEBATE_WORDS",
    "LANGUAGES",
    "stop_words",
    "dutch_stop_words",
    "debate_stop_words",
    "spacy_stop_words",
]

#: Languages with a stop-word list: Dutch and French.
LANGUAGES = ("nl", "fr")

#: Words every debate of a Dutch-speaking parliament shares, whatever its subject:
#: forms of address, the floor's procedure, and the fillers of spoken Dutch.
DEBATE_WORDS = frozenset(
    """
    minister ministers minister-president collega collega's collegas voorzitter
    voorzitters vraag vragen vraagt vroeg gevraagd antwoord antwoorden antwoordt
    geantwoord dank danken dankt bedankt bedank dankjewel dankuwel bedanking heer
    heren mevrouw mevrouwen woord woorden repliek replieken uitleg afgehandeld
    commissie commissies parlement parlementslid parlementsleden lid leden
    vlaams vlaamse vlaanderen regering regeringen beleid kabinet fractie
    interpellatie actualiteitsdebat debat vergadering zitting agenda
    ga gaan gaat gegaan komt komen kom gekomen zeg zeggen zegt gezegd denk denken
    denkt gedacht vind vinden vindt gevonden weet weten wist geweten zie zien ziet
    gezien hoop hopen hoopt blijkt blijven blijft staat staan stond sta maak maken
    maakt gemaakt heel echt inderdaad natuurlijk uiteraard eigenlijk immers
    gewoon zeker wel goed goede graag belangrijk belangrijke duidelijk duidelijke
    punt punten stuk kader vlak zaak zaken feit manier aantal keer kant jaar jaren
    procent euro miljoen miljard stilaan momenteel ondertussen alvast daarnaast
    daarbij daarvoor daarover daarmee daaraan hierover hiervoor hierbij waarbij
    waarvoor waarover waarin ervoor erover erop eraan ermee erbij nl enerzijds nodig
    anderzijds één twee drie vier vijf tien honderd duizend
    betreft betreffende willen wil wilt wou wilden gewild nieuwe nieuw vorige mee
    staatssecretaris mijnheer incident gesloten samengevoegde mondelinge
    vandaag moment mensen samen eerlijk toegeven beantwoorden
    """.split()
)

#: The same for the French turns of the federal Chamber: address, procedure, fillers.
FRENCH_DEBATE_WORDS = frozenset(
    """
    ministre ministres madame monsieur mesdames messieurs président présidente
    collègue collègues question questions réponse réponses merci remercie remercier
    secrétaire état incident clos commission chambre gouvernement parole réplique
    dit dire pense crois sais savoir effectivement évidemment notamment également
    aujourd hui cadre niveau point points fait manière nombre année années euros
    million millions milliard milliards cas chose choses bien tout tous toute toutes
    avez avons pouvez pourriez pouvons voudrais vouloir souhaite faut fois
    contre rien voir vraiment aujourd'hui
    """.split()
)


@lru_cache(maxsize=4)
def stop_words(
    language: str = "nl", *, extra: Iterable[str] = (), debate: bool = True
) -> frozenset[str]:
    """The stop words of ``language``: spaCy's list, the debate words, and ``extra``.

    The words are also given as :func:`~debatekit.lang._tokens.tokenize` sees them,
    so that a stop word with an apostrophe (``collega's``) is dropped whole and
    scikit-learn finds the list consistent with the tokenizer.

    Parameters
    ----------
    language
        ``"nl"`` or ``"fr"``.
    extra
        More words to add (a tuple, so that the result can be cached).
    debate
        Add the words every debate shares: :data:`DEBATE_WORDS` for Dutch,
        :data:`FRENCH_DEBATE_WORDS` for French.

    Returns
    -------
    frozenset of str
        Lower-case words.

    Raises
    ------
    ParameterError
        An unknown language.

    Examples
    --------
    >>> {"de", "minister", "collega"} <= stop_words()
    True
    >>> "werkloosheid" in stop_words("nl", extra=("kmo",))
    False
    >>> {"le", "nous"} <= stop_words("fr")
    True
    """
    check_choice(language, "language", "stop_words", LANGUAGES)
    words = {w.lower() for w in spacy_stop_words(language)}
    if debate:
        words |= DEBATE_WORDS if language == "nl" else FRENCH_DEBATE_WORDS
    words |= {w.lower() for w in extra}
    pieces = {piece for word in words for piece in TOKEN.findall(word)}
    return frozenset(words | pieces)


def dutch_stop_words() -> frozenset[str]:
    """Dutch stop words: spaCy's list plus the words every debate shares.

    Returns
    -------
    frozenset of str
        Lower-case words, spaCy's ``spacy.lang.nl.stop_words.STOP_WORDS``
        (no model needed) and :data:`DEBATE_WORDS`.

    Examples
    --------
    >>> import debatekit as dk
    >>> {"de", "minister", "voorzitter", "collega"} <= dk.dutch_stop_words()
    True
    >>> "werkloosheid" in dk.dutch_stop_words()
    False
    """
    return stop_words("nl")


@lru_cache(maxsize=1)
def debate_stop_words() -> frozenset[str]:
    """The stop words of a debate in either language: Dutch and French, debate words included.

    The federal Chamber's turns are in Dutch or French, so its topics need
    both lists; French function words never name a Flemish subject either.

    Examples
    --------
    >>> {"de", "minister", "madame", "ministre", "nous", "betreft"} <= debate_stop_words()
    True
    >>> "pensioenen" in debate_stop_words()
    False
    """
    return stop_words("nl") | stop_words("fr")


@lru_cache(maxsize=2)
def spacy_stop_words(language: str) -> frozenset[str]:
    """SpaCy's ``spacy.lang.<language>.stop_words.STOP_WORDS``, read without importing spaCy.

    Importing any part of spaCy imports spaCy itself (and thinc and torch),
    seconds for a word list; the list is a string literal in that file.
    """
    spec = importlib.util.find_spec("spacy")
    if spec is None or spec.origin is None:
        raise MissingDependencyError(message("E301", package="spacy", extra="dev"))
    source = Path(spec.origin).parent / "lang" / language / "stop_words.py"
    try:
        tree = ast.parse(source.read_text(encoding="utf-8"))
    except OSError:  # an unusual install: import it after all
        return _imported_stop_words(language)
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return frozenset(node.value.split())
    return _imported_stop_words(language)


def _imported_stop_words(language: str) -> frozenset[str]:
    module = importlib.import_module(f"spacy.lang.{language}.stop_words")
    return frozenset(module.STOP_WORDS)
