"""The federal Chamber's reader, behind the common reader interface."""

from __future__ import annotations

from typing import ClassVar

from .._readers import Reader, Rows
from ._html import looks_like_chamber_html, read_paragraphs
from ._reader import PARLIAMENT, looks_like_chamber_text, paragraphs_from_text, parse_paragraphs

__all__ = ["ChamberReader"]


class ChamberReader(Reader):
    """The Chamber's reports: the Word HTML it publishes, or the text of one."""

    name: ClassVar[str] = "kamer"
    parliament: ClassVar[str] = PARLIAMENT
    suffixes: ClassVar[tuple[str, ...]] = (".txt", ".pdf")
    markup_suffixes: ClassVar[tuple[str, ...]] = (".html", ".htm")

    def recognises_text(self, text: str) -> bool:
        return looks_like_chamber_text(text)

    def recognises_file(self, head: bytes, suffix: str) -> bool:
        return suffix in self.markup_suffixes and looks_like_chamber_html(head)

    def parse_rows(
        self, text: str, source: str, *, meeting: str | None = None, date: object = None
    ) -> Rows:
        if text.lstrip()[:200].lower().startswith(("<html", "<!doctype")):
            paragraphs = read_paragraphs(text, source=source)
        else:
            paragraphs = paragraphs_from_text(text)
        return parse_paragraphs(paragraphs, source, meeting=meeting, date=date)

    def read_rows(self, path: str, *, meeting: str | None = None, date: object = None) -> Rows:
        with open(path, "rb") as file:
            data = file.read()
        return parse_paragraphs(
            read_paragraphs(data, source=path), path, meeting=meeting, date=date
        )
