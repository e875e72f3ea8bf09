"""A Chamber report's HTML, as the Chamber publishes it, into a list of paragraphs.

The federal Chamber publishes its reports (Integraal Verslag / Compte rendu
intégral) as HTML exported by Microsoft Word. Each paragraph of the report is a
``<p>`` (or an ``<h1>``/``<h2>`` heading) with a Word style as its class
(``NormalNL``, ``NormalFR``, ``italNL``, ...); the title block and the roll-call
vote lists are tables. This module decodes the bytes, parses the HTML with
selectolax (the Lexbor engine) and gives the paragraphs in reading order with
their text normalised, each with its position for provenance. What the
paragraphs mean (turns, headings, votes) is the reader's business.
"""

from __future__ import annotations

import codecs
import re
import threading
import unicodedata
import warnings
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..._errors import EncodingWarning, message

__all__ = [
    "Paragraph",
    "decode_report",
    "normalise_text",
    "read_paragraphs",
    "looks_like_chamber_html",
]

_BLOCKS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li"})
_BLOCK_SELECTOR = ", ".join(sorted(_BLOCKS))
# Its own name: parse/_read.py registers a handler of its own for text files.
_ERRORS = "debatekit-kamer-cp1252"
# cp1252 leaves five bytes undefined; latin-1 gives them a code point instead of failing.
_CP1252_UNDEFINED = frozenset({0x81, 0x8D, 0x8F, 0x90, 0x9D})
# Characters that only shape the printed page: a soft hyphen, zero-width spaces and joiners,
# a byte-order mark left inside the text.
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
# A speaker's name sits in spans of the Word character style "oraspr" (orateur/spreker).
_SPEAKER_SELECTOR = "span.oraspr"


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph of a Chamber report.

    Attributes
    ----------
    index
        Its position among the report's paragraphs (0-based, blank ones counted),
        so that a turn can say which paragraphs it came from.
    tag
        The HTML element: ``"p"``, or ``"h1"``/``"h2"`` for Word's headings.
    style
        The Word paragraph style (the element's class): ``"NormalNL"``,
        ``"NormalFR"``, ``"italNL"``, ``"MsoNormal"``, ... or ``""``.
    text
        The text, whitespace runs (non-breaking spaces included) made one space,
        soft hyphens and zero-width characters removed, Unicode NFC.
    speaker
        The text Word marked with the speaker style (``oraspr``) at the start of
        the paragraph, normalised the same way, or ``""``.
    table
        The number of the table the paragraph stands in (0-based, in reading
        order), or -1 outside tables.
    row, cell
        Its row and cell in that table (0-based), or -1 outside tables.
    """

    index: int
    tag: str
    style: str
    text: str
    speaker: str = ""
    table: int = -1
    row: int = -1
    cell: int = -1


def _cp1252_fallback(exc: UnicodeError) -> tuple[str, int]:
    """Decode the bytes UTF-8 refused as Windows-1252, and carry on as UTF-8 after them."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    bad = exc.object[exc.start : exc.end]
    state = _cp1252_fallback.state  # type: ignore[attr-defined]
    state.n = getattr(state, "n", 0) + len(bad)
    text = "".join(
        chr(byte) if byte in _CP1252_UNDEFINED else bytes([byte]).decode("cp1252") for byte in bad
    )
    return text, exc.end


# The count lives on the handler, per thread: whichever copy of this module registered the
# handler last (a reloaded module re-registers it), the count read is the one it keeps.
_cp1252_fallback.state = threading.local()  # type: ignore[attr-defined]
codecs.register_error(_ERRORS, _cp1252_fallback)


def decode_report(data: bytes, *, source: str | None = None) -> str:
    """Decode a report's bytes, whatever its header declares.

    The Chamber's files declare ``charset=windows-1252`` but are written in
    UTF-8; an older or re-saved file may really be Windows-1252, or mix both.
    The bytes are decoded once as UTF-8, and only the bytes that are not valid
    UTF-8 are taken as Windows-1252 (one :class:`EncodingWarning`, W500, says
    how many). A file wholly in Windows-1252 thus reads right too, except where
    two of its characters happen to form a valid UTF-8 sequence (``Ã©``), which
    real text almost never holds.

    Parameters
    ----------
    data
        The file's bytes.
    source
        The file's name, for the warning.

    Returns
    -------
    str
        The decoded text.

    Examples
    --------
    >>> decode_report("café".encode())
    'café'
    """
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        first = exc.start
    state = codecs.lookup_error(_ERRORS).state  # type: ignore[attr-defined]
    state.n = 0
    text = data.decode("utf-8", errors=_ERRORS)
    n_bad = state.n
    warnings.warn(
        message("W500", path=source or "<bytes>", n=n_bad, offset=first, byte=data[first]),
        EncodingWarning,
        stacklevel=2,
    )
    return text


def normalise_text(raw: str) -> str:
    r"""One line of clean text: whitespace runs made one space, invisible characters gone.

    Examples
    --------
    >>> normalise_text("01.01\u00a0 Wouter\nRaskin (N-VA):  Het is een ge\u00adwel-\n dig ")
    '01.01 Wouter Raskin (N-VA): Het is een gewel- dig'
    """
    if not raw.isascii():
        raw = unicodedata.normalize("NFC", _INVISIBLE.sub("", raw))
    # str.split() splits at every Unicode space, non-breaking and narrow ones included.
    return " ".join(raw.split())


def _speaker_text(node: LexborNode) -> str:
    """The paragraph's leading text in Word's speaker style, if it opens with it."""
    if node.css_first(_SPEAKER_SELECTOR) is None:
        return ""
    parts = []
    for child in node.iter(include_text=True):
        if child.tag == "-text":
            if child.text_content and child.text_content.strip():
                break
            continue
        spans = [child] if _is_speaker_span(child) else child.css(_SPEAKER_SELECTOR)
        if not spans:
            if child.text(deep=True).strip():
                break
            continue
        parts.extend(span.text(deep=True) for span in spans)
        if not _is_speaker_span(child):
            break
    return normalise_text(" ".join(parts))


def _is_speaker_span(node: LexborNode) -> bool:
    return node.tag == "span" and "oraspr" in (node.attributes.get("class") or "").split()


def _table_position(node: LexborNode, tables: dict[int, int]) -> tuple[int, int, int]:
    """The table, row and cell a paragraph stands in, or -1s outside tables."""
    cell = row = table = None
    parent = node.parent
    while parent is not None and parent.tag not in ("body", "html"):
        if parent.tag in ("td", "th") and cell is None:
            cell = parent
        elif parent.tag == "tr" and row is None:
            row = parent
        elif parent.tag == "table":
            table = parent
            break
        parent = parent.parent
    if table is None:
        return -1, -1, -1
    return (
        tables.setdefault(table.mem_id, len(tables)),
        _sibling_index(row, "tr"),
        _sibling_index(cell, ("td", "th")),
    )


def _sibling_index(node: LexborNode | None, tags: str | tuple[str, ...]) -> int:
    if node is None:
        return -1
    wanted = (tags,) if isinstance(tags, str) else tags
    index = 0
    sibling = node.prev
    while sibling is not None:
        if sibling.tag in wanted:
            index += 1
        sibling = sibling.prev
    return index


def read_paragraphs(
    data: bytes | str, *, source: str | None = None, keep_blank: bool = False
) -> list[Paragraph]:
    """The paragraphs of a Chamber report's HTML, in reading order.

    Parameters
    ----------
    data
        The file's bytes (decoded with :func:`decode_report`), or text already decoded.
    source
        The file's name, for warnings.
    keep_blank
        Keep the empty paragraphs Word writes between the others (``&nbsp;``).
        Their ``index`` is counted either way.

    Returns
    -------
    list of Paragraph
        Headings and paragraphs, those inside tables with their table, row and cell.

    Examples
    --------
    >>> html = (b"<p class=NormalNL><span class=oraspr>01.01 Jan Peeters</span> "
    ...         b"(N-VA): Dank&nbsp;u.</p><p>&nbsp;</p><h2>02 Agenda</h2>")
    >>> [(p.index, p.tag, p.style, p.speaker, p.text) for p in read_paragraphs(html)]
    [(0, 'p', 'NormalNL', '01.01 Jan Peeters', '01.01 Jan Peeters (N-VA): Dank u.'), \
(2, 'h2', '', '', '02 Agenda')]
    """
    text = data if isinstance(data, str) else decode_report(data, source=source)
    tree = LexborHTMLParser(text)
    root = tree.body if tree.body is not None else tree.root
    if root is None:
        return []
    # A line break inside a paragraph separates words; Lexbor's text would join them.
    for line_break in root.css("br"):
        line_break.replace_with(" ")
    tables: dict[int, int] = {}
    paragraphs = []
    index = 0
    # Lexbor's selector gives the blocks in document order, at C speed.
    for node in root.css(_BLOCK_SELECTOR):
        if _has_block_ancestor(node):
            continue
        clean = normalise_text(node.text(deep=True))
        if clean or keep_blank:
            table, row, cell = _table_position(node, tables)
            paragraphs.append(
                Paragraph(
                    index=index,
                    tag=node.tag,
                    style=node.attributes.get("class") or "",
                    text=clean,
                    speaker=_speaker_text(node) if clean else "",
                    table=table,
                    row=row,
                    cell=cell,
                )
            )
        index += 1
    return paragraphs


def _has_block_ancestor(node: LexborNode) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.tag in _BLOCKS:
            return True
        parent = parent.parent
    return False


_WORD_HTML = re.compile(rb"<meta[^>]+(?:ProgId|Generator)[^>]+Word", re.IGNORECASE)
_CHAMBER_MARKS = re.compile(
    rb"(?:CRIV|Integraal Verslag|Compte rendu int|Plenumvergadering|S\xc3\xa9ance pl\xc3\xa9ni"
    rb"|KVVCR|NormalNL|NormalFR|voorgezeten door)",
    re.IGNORECASE,
)


def looks_like_chamber_html(head: bytes) -> bool:
    """Whether the first bytes of a file look like a Chamber report in Word's HTML.

    Examples
    --------
    >>> looks_like_chamber_html(b"<html><body><p class=NormalNL>De voorzitter: ...</p>")
    True
    >>> looks_like_chamber_html(b"Commissievergadering nr. C190 (2023-2024)")
    False
    """
    lowered = head.lstrip()[:200].lower()
    is_html = lowered.startswith((b"<html", b"<!doctype html", b"<?xml")) or b"<html" in lowered
    return is_html and (bool(_CHAMBER_MARKS.search(head)) or bool(_WORD_HTML.search(head)))
