"""Finding figures in one Dutch text: the grammar, the readers of each kind, the context.

The hot path is a charset-led regex (``_ANCHOR``) over the lower-cased text that
finds only the places a figure can start: a digit, ``€``, or a word that begins
like a numeral. The full figure grammar (``_SCAN``: references, ranges, dates,
ratios, fractions, multipliers, ordinals, amounts) is then tried with ``match``
at those places only, and short anchored regexes read what follows
(``procent``, ``miljoen euro``, ``maanden``, the counted noun) and what precedes
(``net geen``, ``meer dan``). ``text2num`` and sentence finding run only on the
figures found.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from typing import NamedTuple

import numpy as np

from ...lang._dates import MONTHS
from ...lang._numerals import (
    DIGITS,
    FRACTIONS,
    SCALE,
    SCALES,
    WORD_NUMERAL,
    WORD_ORDINAL,
    numeral_value,
    ordinal_value,
)

__all__ = ["KINDS", "QUALIFIERS", "Figure", "scan"]

#: Every ``kind`` a figure can have.
KINDS = (
    "percent",
    "money",
    "count",
    "ratio",
    "multiplier",
    "year",
    "date",
    "duration",
    "age",
    "range",
    "ordinal",
    "reference",
)

#: Dutch hedges and intensifiers before a figure, and the ``qualifier`` they become.
QUALIFIERS = {
    "net geen": "just below",
    "nét geen": "just below",
    "bijna": "almost",
    "nagenoeg": "almost",
    "ruim": "over",
    "iets meer dan": "more than",
    "meer dan": "more than",
    "iets minder dan": "less than",
    "minder dan": "less than",
    "ongeveer": "about",
    "zowat": "about",
    "circa": "about",
    "ca.": "about",
    "zo'n": "about",
    "zo’n": "about",
    "om en bij de": "about",
    "rond de": "about",
    "tot zelfs": "up to",
    "tot": "up to",
    "maar liefst": "as many as",
    "liefst": "as many as",
    "minstens": "at least",
    "ten minste": "at least",
    "minimaal": "at least",
    "maximaal": "at most",
    "hoogstens": "at most",
    "ten hoogste": "at most",
    "amper": "barely",
    "nauwelijks": "barely",
    "slechts": "only",
}

# A figure does not start inside a word or a number: NIS2, CO2, COVID-19, F-35.
_B = r"(?<![\w.,])(?<![^\W\d_]-)"
_E = r"(?!\w)"
_NUM = rf"(?:{DIGITS}|{WORD_NUMERAL})"
_QTY = rf"{_NUM}(?:\s+(?:{SCALE}){_E})?"
_MONTH_NAMES = "|".join(MONTHS)
_FRACTION_NAMES = "|".join(FRACTIONS)
_UNIT_AHEAD = r"\s*(?:%|procent|percent|euro|EUR|jaar|jaren|maanden|weken|dagen)"
_NOT_COMPARATIVE = r"(?!(?:per|over|onder|hier|daar|waar|er|ter|weer|eerder|voor|der)\b)"

_SCAN = re.compile(
    rf"""
    (?P<ref>{_B}\d{{1,5}}\s*\((?:19|20)\d\d-(?:19|20)\d\d\)
      |{_B}(?P<y1>(?:19|20)\d\d)-(?P<y2>(?:19|20)\d\d){_E})
   |(?P<range>\btussen\s+(?P<r1>{_QTY})\s+en\s+(?P<r2>{_QTY}){_E}
      |\bvan\s+(?P<r3>{_QTY})\s+tot\s+(?:en\s+met\s+)?(?P<r4>{_QTY}){_E}
      |{_B}(?P<r5>{_QTY})\s*à\s*(?P<r6>{_QTY}){_E}
      |{_B}(?P<r7>{_QTY})\s*(?:-|–|a|tot)\s*(?P<r8>{_QTY}){_E}(?={_UNIT_AHEAD}))
   |(?P<date>{_B}(?P<day>\d{{1,2}}|{WORD_NUMERAL})\s+(?P<month>{_MONTH_NAMES}){_E}
      (?:\s+(?P<year>(?:1[89]|20)\d\d){_E})?)
   |(?P<ratio>\b(?P<num>{_NUM})\s+op\s+(?:de\s+|het\s+)?(?P<den>{_NUM}){_E})
   |(?P<frac>\b(?P<fnum>{_NUM})\s+(?P<fden>{_FRACTION_NAMES})n?{_E}
        (?=\s+van\b|\s*[.,;:!?)]|\s*$)
      |\bde\s+helft(?=\s+van\b)|\bdriekwart{_E})
   |(?P<mult>{_B}(?P<mnum>{_NUM})\s*(?:keer|maal|x)\s+{_NOT_COMPARATIVE}
        (?:zo\w*|even\s+\w+|meer|minder|[^\W\d_]{{2,}}er){_E}
      |\bver(?P<mverb>dubbel|drievoudig|viervoudig|vijfvoudig|tienvoudig)\w*)
   |(?P<ord>{_B}\d+(?:ste|de|e){_E}|\b{WORD_ORDINAL}{_E})
   |(?P<amount>(?P<cur>€\s?|\bEUR\s)?{_B}(?P<n>{_NUM})(?P<tal>-?tal)?{_E}
      (?:\s+(?P<scale>{SCALE}){_E})?)
    """,
    re.IGNORECASE | re.VERBOSE,
)

_AFTER = re.compile(
    r"""\s*(?:
      (?P<pp>procentpunt(?:en)?|percentagepunt(?:en)?|%-punt(?:en)?)
     |(?P<pct>%|procent|percent)
     |(?P<eur>euro(?:['’]s)?|EUR|€)
     |(?P<age>-(?:plussers?|jarigen?|jarig)|jaar\s+oud)
     |(?P<dur>jaar|jaren|maand|maanden|week|weken|dag|dagen|uur|uren|minuut|minuten
        |seconde|seconden|decennium|decennia|eeuw|eeuwen)
     |(?P<times>keer|maal)
    )(?!\w)""",
    re.IGNORECASE | re.VERBOSE,
)
_DURATION_UNITS = {
    "jaar": "years",
    "jaren": "years",
    "maand": "months",
    "maanden": "months",
    "week": "weeks",
    "weken": "weeks",
    "dag": "days",
    "dagen": "days",
    "uur": "hours",
    "uren": "hours",
    "minuut": "minutes",
    "minuten": "minutes",
    "seconde": "seconds",
    "seconden": "seconds",
    "decennium": "decades",
    "decennia": "decades",
    "eeuw": "centuries",
    "eeuwen": "centuries",
}
_MULTIPLYING_VERBS = {
    "dubbel": 2,
    "drievoudig": 3,
    "viervoudig": 4,
    "vijfvoudig": 5,
    "tienvoudig": 10,
}

_QUALIFIER_BEFORE = re.compile(
    r"(?<![\w'’])(?P<q>"
    + "|".join(re.escape(q).replace(r"\ ", r"\s+") for q in sorted(QUALIFIERS, key=len)[::-1])
    + r")\s+$",
    re.IGNORECASE,
)
_REFERENCE_BEFORE = re.compile(
    r"(?<!\w)(?P<w>artikel|art\.|nummer|nr\.|punt|paragraaf|hoofdstuk|bijlage|stuk)\s+$",
    re.IGNORECASE,
)
_PAIRED = re.compile(r"\s+(?:naar|tot|en|of)\s+|\s*,\s*", re.IGNORECASE)
_CLOCK_BEFORE = re.compile(r"(?<!\w)om\s+$", re.IGNORECASE)
_AGE_BEFORE = re.compile(r"(?:leeftijd\s+van|jonger\s+dan|ouder\s+dan)\s+$", re.IGNORECASE)
_WORDS_BEFORE = re.compile(r"(?:(?P<previous>\S+)[ \t]+)?(?P<word>[^\W\d_][\w’'-]*)[ \t]+$")
_MONTH_CASED = frozenset(month.capitalize() for month in MONTHS)
_YEARS_OF = re.compile(r"(?<!\w)jaren\s+['’]?$", re.IGNORECASE)
_DECADE_BEFORE = re.compile(r"(?<!\w)(?P<mid>midden\s+)?in\s+de\s+$", re.IGNORECASE)
_PRONOUN_BEFORE = re.compile(r"(?<!\w)(?:ik|men|hij|zij|ze|je|u|we|wij)\s+$", re.IGNORECASE)
_THIRD_PARTY = re.compile(r"(?<!\w)een(?:\s+[^\W\d_]+)?\s+$", re.IGNORECASE)
_OF_THE = re.compile(r"\s+van(?:\s+(?:de|het|alle|onze|die|deze))?(?!\w)", re.IGNORECASE)

_WORD = r"[^\W\d_][\w’'-]*"
_NEXT_WORDS = re.compile(
    rf"(?:[ \t\u00a0]+({_WORD}))(?:[ \t\u00a0]+({_WORD}))?(?:[ \t\u00a0]+({_WORD}))?"
)
_NUMERAL_WORD = re.compile(WORD_NUMERAL)
_STOPWORDS = frozenset(
    """de het een en of van op in te tot met voor dat die dan er is zijn was waren
    wordt worden werden hebben heeft had hadden we wij ze zij ik u je hij men om aan uit
    naar bij over door als maar ook nog al niet wel zo dus want per zich waarvan waar
    kunnen kan moeten moet zullen zal willen wil gaan gaat komen komt staan staat liggen
    blijven zouden zou keer maal jaar zelfs""".split()
)
# Adverbs that modify the adjective after them: "drie meest betrokken sectoren".
_INTENSIFIERS = frozenset("meest minst zeer erg heel nieuw pas vaak sterk".split())
# Adjectives that are not inflected before a plural noun: "1.200 extra plaatsen".
_BARE_ADJECTIVES = frozenset(["extra"])
_PLURAL_ENDINGS = ("en", "ën", "s", "’s", "'s", "a", "i", "eren")
_ORDINAL_IDIOMS = frozenset(
    ["derde landen", "derde wereld", "eerste minister", "eerste instantie", "eerste lijn"]
)
# A minus sign stuck to the number ("-3", "−3") after a space or a bracket, or the word
# "min" ("min 3 procent"): a negative figure. A dash between words or numbers is not.
_MINUS_BEFORE = re.compile(r"(?:(?<![^\s(‘'\"“])[-−]|(?<![\w.])min\s+)$", re.IGNORECASE)
_SIGNED_KINDS = frozenset(["percent", "money", "count"])
# Before a four-digit number, words that make it a year even if a plural follows.
_YEAR_BEFORE = re.compile(
    r"(?<!\w)(?:in|sinds|sedert|tot|vanaf|na|voor|tegen|begin|eind|einde|midden|jaar|"
    r"tijdens|van|half)\s+$",
    re.IGNORECASE,
)
# Before "1/3", words that make it a date (op 3/4: the third of April).
_DATE_BEFORE = re.compile(
    r"(?<!\w)(?:op|tot|vanaf|sinds|tegen|na|voor|tussen|en|of|datum|dag)\s+$", re.IGNORECASE
)
_WINDOW = 30  # characters looked at before a figure for a qualifier


class Figure(NamedTuple):
    """One figure found in a text: what :func:`scan` yields."""

    text: str
    value: float
    low: float
    high: float
    kind: str
    unit: str | None
    qualifier: str | None
    start: int
    end: int


# Where a figure may start: a digit, a euro sign, or a word that begins like a
# numeral. Matched on lower-cased text behind a space, it is a charset-led regex
# that the engine runs at C speed; the full grammar (_SCAN) is then tried only
# at these positions (or at the "tussen"/"van"/"de" just before them). A word
# may end in a regex tail (a lookahead).
_ANCHOR_WORDS = (
    "twee twintig drie vier vijf zes zeven acht(?!er) negen tien elf twaalf dertien dertig "
    "derde veertien veertig tachtig negentig honderd duizend één nul eerste helft "
    "kwart(?!aal) anderhalf driekwart verdubbel verdrievoud verviervoud vervijfvoud "
    "vertienvoud eur\\b "
    "een(?=en|\\sop|\\shalf|\\smilj|\\sderde|\\skwart|\\svierde|\\svijfde|\\stiende|\\sprocent|\\seuro)"
).split()


def _trie(words: Sequence[str]) -> str:
    """One regex for many words, shared prefixes factored out (``d(?:rie|er(?:de|tig))``).

    The regex engine tries the alternatives of a group one by one; a trie makes it
    try a handful of first letters instead of every word, which doubles the speed
    of the anchor scan.
    """
    groups: dict[str, list[str]] = {}
    tails = []
    for word in words:
        if word and word[0].isalpha():
            groups.setdefault(word[0], []).append(word[1:])
        else:
            tails.append(word)
    branches = [first + _trie(rest) for first, rest in groups.items()] + tails
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


_ANCHOR = re.compile(rf"([\d€])|[\s(‘'\"“/-]({_trie(_ANCHOR_WORDS)})")
_STARTS_BEFORE = re.compile(r"(?<!\w)(?:tussen|van|de)\s+$", re.IGNORECASE)


def _matches(text: str) -> Iterator[re.Match[str]]:
    """The matches of the full grammar, tried only at anchors (same as ``_SCAN.finditer``)."""
    lowered = text.lower()
    if len(lowered) != len(text):  # "İ" lower-cases to two characters: offsets would shift
        yield from _SCAN.finditer(text)
        return
    done = 0
    for anchor in _ANCHOR.finditer(" " + lowered):
        pos = anchor.start(anchor.lastindex or 0) - 1  # the leading space shifted the offsets
        if pos < done:
            continue
        m = None
        before = _STARTS_BEFORE.search(text, max(done, pos - 8), pos)
        if before is not None:  # "tussen 10 en 20", "van 10 tot 20", "de helft van"
            m = _SCAN.match(text, before.start())
        if m is None:
            m = _SCAN.match(text, pos)
        if m is not None:
            done = m.end()
            yield m


def scan(text: str, *, year: int | None = None) -> list[Figure]:
    """Find every figure in one text, in order.

    Parameters
    ----------
    text
        A turn's text.
    year
        The year a date without one (``1 januari``) falls in, e.g. the
        meeting's; without it such a date has value NaN.

    Returns
    -------
    list of Figure
        ``start``/``end`` are offsets into ``text``; ``text[start:end]`` is the
        figure as written.

    Examples
    --------
    >>> [(f.text, f.value, f.kind, f.qualifier) for f in scan("net geen 77 procent")]
    [('77 procent', 77.0, 'percent', 'just below')]
    """
    figures = []
    for m in _matches(text):
        figure = _read(m, text, year)
        if figure is not None:
            figures.append(figure)
    return _share_units(_join_fractions(figures, text), text)


def _join_fractions(figures: list[Figure], text: str) -> list[Figure]:
    """Read ``1/3`` as one ratio (1/3), not as the counts 1 and 3.

    Only a proper fraction of plain digits, not a date (``op 3/4``, unless
    ``van`` follows: ``2/3 van de mensen``), nor part of ``12/05/2024``.
    """
    joined: list[Figure] = []
    i = 0
    while i < len(figures):
        first = figures[i]
        second = figures[i + 1] if i + 1 < len(figures) else None
        if second is not None and _is_fraction(first, second, text):
            value = first.value / second.value
            of_the = _OF_THE.match(text, second.end)
            unit = _counted_noun(text, of_the.end() if of_the else second.end, plural=True)
            start, end = first.start, second.end
            qualifier = _qualifier(text, start)
            joined.append(
                Figure(text[start:end], value, value, value, "ratio", unit, qualifier, start, end)
            )
            i += 2
            continue
        joined.append(first)
        i += 1
    return joined


def _is_fraction(first: Figure, second: Figure, text: str) -> bool:
    if first.kind not in ("count", "reference") or second.kind != "count":
        return False
    if first.unit is not None and first.kind == "count":
        return False
    if second.start != first.end + 1 or text[first.end] != "/":
        return False
    if not (first.text.isdigit() and second.text.isdigit()) or second.value == 0:
        return False
    if first.kind == "reference" or first.value >= second.value:
        return False  # "artikel 3/1", "24/7"
    if text[second.end : second.end + 1] == "/" or text[first.start - 1 : first.start] == "/":
        return False  # "12/05/2024"
    if _OF_THE.match(text, second.end):
        return True
    return _DATE_BEFORE.search(text, max(0, first.start - 10), first.start) is None


def _share_units(figures: list[Figure], text: str) -> list[Figure]:
    """Give a bare number the unit of the figure it is paired with.

    In ``van 3,2 naar 3,5 procent`` or ``30 of 40 procent`` the first number is a
    percentage too, written without its unit.
    """
    for i in range(len(figures) - 1):
        first, second = figures[i], figures[i + 1]
        if first.kind != "count" or first.unit is not None or first.text[0].isalpha():
            continue
        if second.kind not in ("percent", "money") or _has_scale(second.text):
            continue
        if _PAIRED.fullmatch(text, first.end, second.start):
            figures[i] = first._replace(kind=second.kind, unit=second.unit)
    return figures


def _has_scale(written: str) -> bool:
    return any(word.lower() in SCALES for word in written.split())


def _read(m: re.Match[str], text: str, year: int | None) -> Figure | None:
    return _READERS[m.lastgroup or ""](m, text, year)


# --- the kinds -------------------------------------------------------------------


def _amount(m: re.Match[str], text: str, year: int | None) -> Figure | None:
    numeral = m["n"]
    scale = m["scale"]
    after = _AFTER.match(text, m.end())
    if _not_a_figure(m, text, after):
        return None
    start = m.start()
    value = numeral_value(numeral)
    if value is None:
        return None
    if scale:
        value *= SCALES[scale.lower()]
    qualifier = "about" if m["tal"] else _qualifier(text, start)
    end = m.end()
    kind, unit = "count", None
    if m["cur"]:
        kind, unit = "money", "EUR"
    elif after is not None:
        end = after.end()
        kind, unit, qualifier = _measure(after, text, start, qualifier)
    else:
        kind, unit, value, qualifier = _bare_number(m, text, value, qualifier)
    minus = _MINUS_BEFORE.search(text, max(0, start - 6), start)
    if minus is not None and kind in _SIGNED_KINDS and not m["cur"]:
        value, start = -value, minus.start()  # "-3 procent", "min 3 procent"
        if qualifier is None and not m["tal"]:
            qualifier = _qualifier(text, start)
    return Figure(text[start:end], value, value, value, kind, unit, qualifier, start, end)


def _not_a_figure(m: re.Match[str], text: str, after: re.Match[str] | None) -> bool:
    """Numeral words that are something else here: an article, a verb, a time of day."""
    lowered = m["n"].lower()
    start = m.start()
    if lowered == "een" and not m["scale"]:
        # the article: "een goede vriend"; but "een procent" is 1 %
        return not (after and (after["pct"] or after["eur"]))
    if lowered == "één" and _OF_THE.match(text, m.end()):
        return True  # "één van de vele voorbeelden"
    if lowered == "acht" and _PRONOUN_BEFORE.search(text, max(0, start - 8), start):
        return True  # the verb: "ik acht het nodig"
    # a time of day, "om 10 uur", is not a duration
    clock = after is not None and after["dur"] is not None
    return clock and _CLOCK_BEFORE.search(text, max(0, start - 6), start) is not None


def _measure(
    after: re.Match[str], text: str, start: int, qualifier: str | None
) -> tuple[str, str | None, str | None]:
    """Kind and unit from the unit word after a number (``procent``, ``euro``, ``jaar``)."""
    if after["pp"]:
        return "percent", "percentage points", qualifier
    if after["pct"]:
        return "percent", "%", qualifier
    if after["eur"]:
        return "money", "EUR", qualifier
    if after["age"]:
        plus = after["age"].lower().startswith("-pluss")
        return "age", "years", "at least" if plus and qualifier is None else qualifier
    if after["dur"]:
        word = after["dur"].lower()
        if word == "jaar" and _AGE_BEFORE.search(text, max(0, start - _WINDOW), start):
            return "age", "years", qualifier
        return "duration", _DURATION_UNITS[word], qualifier
    return "count", "keer", qualifier


def _bare_number(
    m: re.Match[str], text: str, value: float, qualifier: str | None
) -> tuple[str, str | None, float, str | None]:
    """A number with no unit word: a reference, a year, a decade, an age, or a count of a noun."""
    start = m.start()
    before = _REFERENCE_BEFORE.search(text, max(0, start - 12), start)
    if before is not None:
        return "reference", before["w"].lower().rstrip("."), value, None
    numeral = m["n"]
    if (
        numeral.isdigit()
        and len(numeral) == 4
        and 1800 <= value <= 2100
        and not m["scale"]
        and not m["tal"]
    ):
        noun = _counted_noun(text, m.end(), plural=True)
        year_before = _YEAR_BEFORE.search(text, max(0, start - 10), start)
        if noun is None or year_before is not None:
            return "year", None, value, None
        return "count", noun, value, qualifier  # "er zijn 2000 mensen"
    if _YEARS_OF.search(text, max(0, start - 8), start) and (value >= 1800 or value % 10 == 0):
        # "de jaren negentig", "de jaren '80": a decade, as the year it starts
        return "year", "decade", value if value >= 1800 else 1900 + value, None
    decade = _DECADE_BEFORE.search(text, max(0, start - 20), start)
    if decade is not None and value in range(20, 100, 10) and not numeral[0].isdigit():
        # "midden in de veertig": in one's forties.
        if decade["mid"]:
            return "age", "years", value + 5, "about"
        return "age", "years", value, "decade"
    unit = _counted_noun(text, m.end(), plural=value != 1)
    name = _name_before(text, start) if unit is None and numeral[0].isdigit() else None
    if name is not None:  # "Studio 100", "Radio 2": part of a name, not a count
        return "reference", name, value, None
    return "count", unit, value, qualifier


def _name_before(text: str, start: int) -> str | None:
    """The capitalised word a number follows inside a sentence (``Studio`` in ``Studio 100``)."""
    found = _WORDS_BEFORE.search(text, max(0, start - 40), start)
    if found is None or not found["word"][0].isupper() or found["word"] in _MONTH_CASED:
        return None
    previous = found["previous"]
    if previous is None or previous.endswith((".", "!", "?", ":", "–", "-", "‘", "“", '"')):
        return None  # the word starts a sentence or a quote
    return found["word"]


def _ordinal(m: re.Match[str], text: str, year: int | None) -> Figure | None:
    word = m.group()
    follower = _NEXT_WORDS.match(text, m.end())
    nxt = follower.group(1).lower() if follower else ""
    if f"{word.lower()} {nxt}" in _ORDINAL_IDIOMS:
        return None
    third = word.lower() == "derde" and not nxt
    if third and _THIRD_PARTY.search(text, max(0, m.start() - 25), m.start()):
        return None  # "een neutrale derde.": a third party, not an ordinal
    value = ordinal_value(word)
    if value is None:
        return None
    unit = _counted_noun(text, m.end(), plural=False)
    return Figure(word, value, value, value, "ordinal", unit, None, m.start(), m.end())


def _reference(m: re.Match[str], text: str, year: int | None) -> Figure | None:
    if m["y1"]:
        first, second = int(m["y1"]), int(m["y2"])
        if second != first + 1:  # 2019-2024 is a span of years, not a session
            return _span(m, text, float(first), float(second), None)
        return _figure(m, float(first), "reference", "session", None)
    number = float(m.group().split("(")[0].strip())
    return _figure(m, number, "reference", "document", None)


def _range(m: re.Match[str], text: str, year: int | None) -> Figure | None:
    first, second = next(
        (m[a], m[b]) for a, b in (("r1", "r2"), ("r3", "r4"), ("r5", "r6"), ("r7", "r8")) if m[a]
    )
    low, low_scale = _quantity(first)
    high, high_scale = _quantity(second)
    if low is None or high is None:
        return None
    if low_scale == 1 and low <= high:  # "tussen 5 en 10 miljoen": both in millions
        low_scale = high_scale
    qualifier = _qualifier(text, m.start())
    return _span(m, text, low * low_scale, high * high_scale, qualifier)


def _span(m: re.Match[str], text: str, low: float, high: float, qualifier: str | None) -> Figure:
    """A range: ``value`` is its middle, ``unit`` comes from the word after it."""
    end, unit = m.end(), None
    after = _AFTER.match(text, end)
    if after is not None and not after["times"]:
        end = after.end()
        _, unit, _ = _measure(after, text, m.start(), None)
    else:
        unit = _counted_noun(text, end, plural=True)
    low, high = min(low, high), max(low, high)
    return Figure(
        text[m.start() : end], (low + high) / 2, low, high, "range", unit, qualifier, m.start(), end
    )


def _date(m: re.Match[str], text: str, year: int | None) -> Figure | None:
    day = numeral_value(m["day"])
    the_year = int(m["year"]) if m["year"] else year
    if day is None or m["day"].lower() == "een":
        return None
    try:
        when = dt.date(the_year or 2000, MONTHS[m["month"].lower()], int(day))
    except ValueError:
        return None
    value = float(when.strftime("%Y%m%d")) if the_year else np.nan
    return _figure(m, value, "date", "yyyymmdd", None)


def _ratio(m: re.Match[str], text: str, year: int | None) -> Figure | None:
    num, den = numeral_value(m["num"]), numeral_value(m["den"])
    if not num or not den or num > den:
        return None
    return _proportion(m, text, num / den)


def _fraction(m: re.Match[str], text: str, year: int | None) -> Figure | None:
    if m["fden"]:
        num = numeral_value(m["fnum"])
        if num is None:
            return None
        return _proportion(m, text, num / FRACTIONS[m["fden"].lower()])
    return _proportion(m, text, 0.75 if m.group().lower() == "driekwart" else 0.5)


def _proportion(m: re.Match[str], text: str, value: float) -> Figure:
    """A ratio; its unit is the group it is a share of (``een op de drie werkgevers``)."""
    of_the = _OF_THE.match(text, m.end())
    unit = _counted_noun(text, of_the.end() if of_the else m.end(), plural=True)
    return _figure(m, value, "ratio", unit, _qualifier(text, m.start()))


def _multiplier(m: re.Match[str], text: str, year: int | None) -> Figure | None:
    if m["mverb"]:
        value = float(_MULTIPLYING_VERBS[m["mverb"].lower()])
    else:
        if m["mnum"].lower() == "een":  # "een keer meer": once more
            return None
        counted = numeral_value(m["mnum"])
        if counted is None:
            return None
        value = counted
    return _figure(m, value, "multiplier", "times", _qualifier(text, m.start()))


_READERS = {
    "amount": _amount,
    "ord": _ordinal,
    "ref": _reference,
    "range": _range,
    "date": _date,
    "ratio": _ratio,
    "frac": _fraction,
    "mult": _multiplier,
}


# --- small helpers ---------------------------------------------------------------


def _figure(
    m: re.Match[str], value: float, kind: str, unit: str | None, qualifier: str | None
) -> Figure:
    return Figure(m.group(), value, value, value, kind, unit, qualifier, m.start(), m.end())


def _quantity(text: str) -> tuple[float | None, float]:
    """Value of ``18,4`` or ``twee`` and the scale after it (``miljoen`` is 1e6)."""
    parts = text.split()
    scale = SCALES.get(parts[-1].lower(), 1.0) if len(parts) > 1 else 1.0
    return numeral_value(parts[0]), scale


def _qualifier(text: str, start: int) -> str | None:
    found = _QUALIFIER_BEFORE.search(text, max(0, start - _WINDOW), start)
    if found is None:
        return None
    return QUALIFIERS[" ".join(found["q"].lower().split())]


def _counted_noun(text: str, pos: int, *, plural: bool) -> str | None:
    """The noun a number counts: ``65 reguliere controles`` counts ``controles``.

    Inflected adjectives (ending in -e) and an intensifier with the word it
    modifies are skipped; a function word or punctuation means there is none.
    """
    following = _NEXT_WORDS.match(text, pos)
    if following is None:
        return None
    words = [w for w in following.groups() if w]
    skip_next = False
    for i, word in enumerate(words):
        lowered = word.lower()
        if lowered in _STOPWORDS:
            return None
        if _NUMERAL_WORD.fullmatch(lowered):  # "de eerste zes maanden"
            continue
        last = i == len(words) - 1
        if lowered in _INTENSIFIERS or skip_next:
            skip_next = lowered in _INTENSIFIERS
            continue
        if (lowered.endswith("e") or lowered in _BARE_ADJECTIVES) and not last:
            continue
        if plural and not lowered.endswith(_PLURAL_ENDINGS):
            return None
        return lowered
    return None
