"""One normalisation step before parsing: the traces that text extraction leaves.

PDF text layers and the tools that extract them (pdftotext, PDFium, copy and
paste from a browser) write the same report in many ways: non-breaking and
zero-width spaces, soft hyphens, typographic dash and apostrophe variants,
ligatures, decomposed accents, PDFium's U+FFFE marks where it joined a word
broken at a line end, a form feed glued to the next page's first line. The
parser's rules are written for the plain forms; this step maps every variant
onto them once, counts what it changed (the parse report shows the counts),
and keeps track of the original line numbers where it split a line.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

__all__ = ["Normalised", "normalise"]

# Spaces other than U+0020 (tabs included), which labels and headers must not depend on.
_SPACES = "\t\u00a0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202f\u205f\u3000"
# Characters that take no room: zero-width spaces and joiners, direction marks, a stray BOM.
_INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff"
# Hyphens written as other characters; at a line end each is a word broken by typesetting.
_HYPHENS = "\u2010\u2011\ufe63\uff0d"
# Dashes other than the report's own en dash (U+2013) and em dash (U+2014).
_DASHES = "\u2012\u2015\u2212\ufe58\u2e3a\u2e3b"
# Apostrophes and quotes as other tools write them, mapped onto the report's own.
_APOSTROPHES = "\u02bc\u2032\u00b4\u201b"
_LIGATURES = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
}
_TABLE = str.maketrans(
    {
        **dict.fromkeys(_SPACES, " "),
        **dict.fromkeys(_INVISIBLE, ""),
        **dict.fromkeys(_HYPHENS, "-"),
        **dict.fromkeys(_DASHES, "–"),
        **dict.fromkeys(_APOSTROPHES, "’"),
        "\u2033": "”",
        "\uff1a": ":",
        "\u00ad": "",  # a soft hyphen inside a line is only a place where a word may break
        **_LIGATURES,
    }
)
_KIND_OF = {
    **dict.fromkeys(_SPACES, "unicode spaces"),
    **dict.fromkeys(_INVISIBLE, "zero-width characters"),
    **dict.fromkeys(_HYPHENS, "hyphen variants"),
    **dict.fromkeys(_DASHES, "dash variants"),
    **dict.fromkeys(_APOSTROPHES + "\u2033", "quote variants"),
    "\uff1a": "colon variants",
    "\u00ad": "soft hyphens",
    **dict.fromkeys(_LIGATURES, "ligatures"),
}
_TRACE = re.compile("[" + re.escape("".join(_KIND_OF)) + "]")
# A line-end hyphen in any of its written forms: soft hyphen, U+2010/U+2011, "¬",
# and PDFium's U+FFFE (older builds: U+0002), which marks a hyphen it took for a break.
_LINE_END_MARK = re.compile("[\u00ad\u2010\u2011¬\ufffe\x02][ \t\u00a0]*$", re.MULTILINE)
# Where a line must be split: PDFium's break mark inside a line (it joined the
# two lines itself), a form feed glued to the next page's first line, and Unicode
# line and paragraph separators.
_SPLIT_AT = re.compile("[\ufffe\x02](?=[^\n])|(?<=[^\n])\f|[\u2028\u2029]")


@dataclass
class Normalised:
    """Text with the extraction traces mapped onto plain forms.

    Attributes
    ----------
    text
        The normalised text, with Unix line ends.
    counts
        How many characters of each kind were changed (``"unicode spaces"``,
        ``"soft hyphens"``, ``"line-end hyphens"``, ``"lines split"``, ...).
    origin
        The original line number of each line of ``text`` where lines were
        split, else ``None`` (line numbers are unchanged).
    """

    text: str
    counts: dict[str, int] = field(default_factory=dict)
    origin: list[int] | None = None


def normalise(text: str) -> Normalised:
    """Map extraction traces onto the plain forms the parser reads.

    Parameters
    ----------
    text
        A report's text as read.

    Returns
    -------
    Normalised
        The text, what was changed, and the original line numbers.
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    counts: dict[str, int] = {}
    origin = None
    if text.isascii():  # most files: only tabs, U+0002 and a glued form feed to check
        if "\t" not in text and "\x02" not in text and "\f" not in text:
            return Normalised(text)
    if _SPLIT_AT.search(text):
        text, origin, n_split = _split_lines(text)
        counts["lines split"] = n_split
    text, n_ends = _LINE_END_MARK.subn("-", text)
    if n_ends:
        counts["line-end hyphens"] = n_ends
    found = _TRACE.findall(text)
    if found:
        for char in found:
            kind = _KIND_OF[char]
            counts[kind] = counts.get(kind, 0) + 1
        text = text.translate(_TABLE)
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        composed = unicodedata.normalize("NFC", text)
        counts["decomposed accents"] = len(text) - len(composed)
        text = composed
    return Normalised(text, counts, origin)


def _split_lines(text: str) -> tuple[str, list[int], int]:
    """Split lines where a break mark stands inside them; keep each line's origin."""
    out: list[str] = []
    origin: list[int] = []
    n_split = 0
    for number, line in enumerate(text.split("\n"), start=1):
        if not _SPLIT_AT.search(line):
            out.append(line)
            origin.append(number)
            continue
        # A break mark keeps its hyphen on the first part, which the parser joins
        # again or not; a form feed starts its part, as pdftotext writes it.
        marked = re.sub("([\ufffe\x02])(?=.)", "-\n", line)
        marked = re.sub("(?<=.)\f", "\n\f", marked)
        parts = re.split("[\n\u2028\u2029]", marked)
        n_split += len(parts) - 1
        out.extend(parts)
        origin.extend([number] * len(parts))
    return "\n".join(out), origin, n_split
