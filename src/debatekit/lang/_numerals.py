"""Dutch numerals: the regex pieces that find them and the functions that value them.

Digits follow Dutch conventions (``350.000`` is three hundred and fifty
thousand, ``125,8`` is a decimal). Written numerals (``twintigduizend``,
``vijfentwintig``) are valued by ``text2num``, imported lazily and only for the
few words a scan actually finds, so that ``import debatekit`` stays light and
the scan stays fast.
"""

from __future__ import annotations

from functools import lru_cache

__all__ = [
    "DIGITS",
    "WORD_NUMERAL",
    "WORD_ORDINAL",
    "SCALE",
    "SCALES",
    "FRACTIONS",
    "digits_value",
    "word_value",
    "ordinal_value",
    "numeral_value",
]

#: Digits as Dutch writes them: thousands dots, then a decimal comma. A dot
#: followed by one or two digits (``1.5 miljoen``) can only be a decimal point.
DIGITS = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+\.\d{1,2}(?![\d.])|\d+(?:,\d+)?"

# Longer stems first, so that the regex tries "achttien" before "acht".
_STEMS = (
    "twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig|"
    "dertien|veertien|vijftien|zestien|zeventien|achttien|negentien|"
    "honderd|duizend|twaalf|tien|elf|één|een|nul|twee|drie|vier|vijf|zes|zeven|acht|negen"
)
#: A written cardinal, compounds included (``tweeëntwintig``, ``twintigduizend``).
#: A lone ``een`` matches too: the caller decides whether it is an article.
WORD_NUMERAL = rf"anderhalf|een\s+half|(?:(?:{_STEMS})(?:ën|en)?)*(?:{_STEMS})"

_ORDINAL_ENDS = (
    "eerste|tweede|derde|vierde|vijfde|zesde|zevende|achtste|negende|tiende|elfde|"
    "twaalfde|(?:der|veer|vijf|zes|zeven|acht|negen)tiende|"
    "(?:twin|der|veer|vijf|zes|zeven|tach|negen)tigste|honderdste|duizendste|miljoenste"
)
#: A written ordinal (``tweede``, ``vijfentwintigste``).
WORD_ORDINAL = rf"(?:(?:{_STEMS})(?:ën|en)?)*(?:{_ORDINAL_ENDS})"

#: Scale words that multiply the number before them.
SCALES = {
    "duizend": 1e3,
    "miljoen": 1e6,
    "mio": 1e6,
    "mln": 1e6,
    "miljard": 1e9,
    "mld": 1e9,
    "biljoen": 1e12,
}
SCALE = "|".join(SCALES)

#: Fraction words after a numerator: ``twee derde``, ``een kwart``.
FRACTIONS = {
    "helft": 2,
    "derde": 3,
    "kwart": 4,
    "vierde": 4,
    "vijfde": 5,
    "zesde": 6,
    "achtste": 8,
    "tiende": 10,
    "honderdste": 100,
}

_SPECIAL_WORDS = {"anderhalf": 1.5, "een half": 0.5, "één": 1.0}


def digits_value(text: str) -> float:
    """Value digits written the Dutch way.

    Examples
    --------
    >>> digits_value("350.000"), digits_value("125,8"), digits_value("1.250,5"), digits_value("1.5")
    (350000.0, 125.8, 1250.5, 1.5)
    """
    if "," not in text and "." in text and len(text.rsplit(".", 1)[1]) < 3:
        return float(text)
    return float(text.replace(".", "").replace(",", "."))


@lru_cache(maxsize=4096)
def word_value(word: str) -> float | None:
    """Value a written Dutch cardinal with ``text2num``; ``None`` if it is not one.

    Examples
    --------
    >>> word_value("twintigduizend"), word_value("tweeëntwintig"), word_value("anderhalf")
    (20000.0, 22.0, 1.5)
    """
    lowered = " ".join(word.lower().split())
    if lowered in _SPECIAL_WORDS:
        return _SPECIAL_WORDS[lowered]
    from text_to_num import text2num

    try:
        return float(text2num(lowered, "nl"))
    except ValueError:
        return None


@lru_cache(maxsize=1024)
def ordinal_value(word: str) -> float | None:
    """Value an ordinal, written (``vijfentwintigste``) or in digits (``3de``, ``21ste``).

    Examples
    --------
    >>> ordinal_value("tweede"), ordinal_value("vijfentwintigste"), ordinal_value("3de")
    (2.0, 25.0, 3.0)
    """
    lowered = word.lower()
    if lowered[0].isdigit():
        return float(lowered.rstrip("stde"))
    for ending, cardinal in (("eerste", "een"), ("derde", "drie"), ("achtste", "acht")):
        if lowered.endswith(ending):
            return word_value(lowered[: -len(ending)] + cardinal)
    stem = lowered[:-3] if lowered.endswith("ste") else lowered[:-2]
    return word_value(stem)


def numeral_value(text: str) -> float | None:
    """Value a numeral in digits or in words.

    Examples
    --------
    >>> numeral_value("18,4"), numeral_value("veertig")
    (18.4, 40.0)
    """
    if text[0].isdigit():
        return digits_value(text)
    return word_value(text)
