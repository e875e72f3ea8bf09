"""One interface for every parliament's reports, and the registry that picks one.

A reader says whether it recognises a document from its form (the first bytes
of a file, or its text) and parses it into turn rows and a parse report, the
same for every parliament. :func:`debatekit.read_transcript`,
:func:`debatekit.parse_transcript` and :func:`debatekit.read_corpus` ask the
registry which reader a document is for. Another parliament is one new module
with a :class:`Reader` subclass passed to :func:`register_reader`.
"""

from __future__ import annotations

import os
from abc import ABC, abstractmethod
from pathlib import Path
from typing import ClassVar

import pandas as pd

from .._errors import EmptyTranscriptError, Errors, UnsupportedFormatError
from .._schema import build_turns
from ._report import ParseReport, ParseResult

__all__ = [
    "Reader",
    "register_reader",
    "readers",
    "reader_for_text",
    "reader_for_file",
    "text_rows",
    "parse_transcript",
]

Rows = tuple[list[dict], ParseReport]
_HEAD = 65_536


class Reader(ABC):
    """A parliament's reports: how to recognise them and read them into turn rows.

    Subclasses set ``name``, ``parliament`` (the value of the ``parliament``
    column) and ``suffixes`` (the file types they read from disk), and implement
    :meth:`recognises_text` and :meth:`parse_rows`. A reader of a markup format
    also implements :meth:`recognises_file` and :meth:`read_rows`.
    """

    name: ClassVar[str]
    parliament: ClassVar[str]
    suffixes: ClassVar[tuple[str, ...]] = (".txt", ".pdf")
    #: Suffixes whose bytes only this kind of reader can read (markup, not text).
    markup_suffixes: ClassVar[tuple[str, ...]] = ()

    @abstractmethod
    def recognises_text(self, text: str) -> bool:
        """Whether ``text`` (a report's text) is in this parliament's form."""

    def recognises_file(self, head: bytes, suffix: str) -> bool:
        """Whether a file of markup (its first bytes and suffix) is this reader's."""
        return False

    @abstractmethod
    def parse_rows(
        self, text: str, source: str, *, meeting: str | None = None, date: object = None
    ) -> Rows:
        """Turn rows and the parse report of a report's text."""

    def read_rows(self, path: str, *, meeting: str | None = None, date: object = None) -> Rows:
        """Turn rows and the parse report of a markup file this reader recognised."""
        raise NotImplementedError


_READERS: list[Reader] = []
_FALLBACK: list[Reader] = []


def register_reader(reader: Reader, *, fallback: bool = False) -> Reader:
    """Add a reader; the first that recognises a document reads it.

    Parameters
    ----------
    reader
        An instance of a :class:`Reader` subclass.
    fallback
        Read text that no reader recognises with this one (the Flemish reader,
        whose errors then explain what a report should look like).
    """
    if fallback:
        _FALLBACK.insert(0, reader)
    elif all(type(r) is not type(reader) for r in _READERS):
        _READERS.append(reader)
    return reader


def readers() -> list[Reader]:
    """The registered readers, the ones tried first first."""
    return [*_READERS, *_FALLBACK]


def suffixes() -> tuple[str, ...]:
    """Every file suffix some reader reads."""
    seen: dict[str, None] = {}
    for reader in readers():
        seen.update(dict.fromkeys((*reader.suffixes, *reader.markup_suffixes)))
    return tuple(seen)


def reader_for_text(text: str) -> Reader:
    """The reader whose form ``text`` has; the fallback reader if none claims it."""
    for reader in _READERS:
        if reader.recognises_text(text):
            return reader
    return _FALLBACK[0]


def reader_for_file(path: str | os.PathLike[str]) -> Reader | None:
    """The reader of a markup file (``.html``), or None for a text or PDF file.

    Raises
    ------
    UnsupportedFormatError
        A markup file no reader recognises.
    EmptyTranscriptError
        An empty markup file.
    """
    name = os.fspath(path)
    suffix = Path(name).suffix.lower()
    markup = [r for r in readers() if suffix in r.markup_suffixes]
    if not markup or not Path(name).is_file():
        return None  # read_text says what is wrong with a missing file or a folder
    with open(name, "rb") as file:
        head = file.read(_HEAD)
    if not head.strip():
        raise EmptyTranscriptError(Errors.E001, path=name)
    for reader in markup:
        if reader.recognises_file(head, suffix):
            return reader
    raise UnsupportedFormatError(Errors.E501.format(suffix=suffix), path=name, code="E501")


def text_rows(text: str, source: str, *, meeting: str | None = None, date: object = None) -> Rows:
    """Turn rows and the parse report of a report's text, by the reader of its form."""
    return reader_for_text(text).parse_rows(text, source, meeting=meeting, date=date)


def parse_transcript(
    text: str,
    source: str | os.PathLike[str] = "<text>",
    *,
    meeting: str | None = None,
    date: object = None,
    report: bool = False,
) -> pd.DataFrame | ParseResult:
    r"""Parse a report's text into one row per speaker turn, whichever parliament's.

    The text's form chooses the reader: numbered labels (``01.01 Sofie Merckx
    (PVDA-PTB):``) and the Chamber's title or chair lines are read as a federal
    Chamber report, anything else as a Flemish Parliament report.

    Parameters
    ----------
    text
        The report's text (a Flemish report as extracted from its PDF; a Chamber
        report's text, one paragraph per line, or its HTML).
    source
        A name for the text (usually its file), kept in the ``source`` column
        and in error messages.
    meeting, date
        Override the meeting and date the report gives.
    report
        Also return the :class:`ParseReport` of where every line went.

    Returns
    -------
    pandas.DataFrame or ParseResult
        The turns table (see ``docs/schema.md``), or ``(turns, report)``.

    Raises
    ------
    NoTurnsError
        The text holds no speaker turn.

    Examples
    --------
    >>> import debatekit as dk
    >>> turns = dk.parse_transcript(
    ...     "De voorzitter: Mevrouw Peeters heeft het woord.\n\n"
    ...     "Anna Peeters (Groen): Dank u.\n"
    ... )
    >>> turns[["speaker", "party", "role", "parliament"]].values.tolist()
    [[<NA>, <NA>, 'chair', 'VP'], ['Anna Peeters', 'Groen', 'member', 'VP']]
    >>> kamer = dk.parse_transcript(
    ...     "Plenumvergadering\nDonderdag 24 oktober 2024\n"
    ...     "De vergadering wordt geopend om 14.13 uur en voorgezeten door de heer "
    ...     "Peter De Roover, voorzitter.\n"
    ...     "01 Agenda\n01 Ordre du jour\n"
    ...     "01.01 Sofie Merckx (PVDA-PTB): Mijnheer de voorzitter, ik heb een vraag.\n"
    ...     "Le président: Merci, madame Merckx.\n"
    ... )
    >>> kamer[["turn_label", "speaker", "role", "lang"]].values.tolist()
    [['01.01', 'Sofie Merckx', 'member', 'nl'], [<NA>, 'Peter De Roover', 'chair', 'fr']]
    """
    from .flemish._reader import _check_is_text

    _check_is_text(text)
    reader = reader_for_text(text)
    rows, parse_report = reader.parse_rows(text, os.fspath(source), meeting=meeting, date=date)
    turns = build_turns(rows)
    return ParseResult(turns, parse_report) if report else turns
