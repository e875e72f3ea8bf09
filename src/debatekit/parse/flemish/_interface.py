"""The Flemish Parliament's reader, behind the common reader interface."""

from __future__ import annotations

import re
from typing import ClassVar

from ...lang._detect import detect_language
from .._readers import Reader, Rows
from ._reader import parse_rows

__all__ = ["FlemishReader", "PARLIAMENT"]

#: The ``parliament`` column's value for the Flemish Parliament.
PARLIAMENT = "VP"
_COMMITTEE = re.compile(r"^C\s*\d")
_FLEMISH_FORM = re.compile(
    r"Vlaams Parlement|Commissievergadering|Plenaire vergadering|VRAAG OM UITLEG|"
    r"Vlaams minister|\(cd&v\)|\(Vlaams Belang\)|\(Groen\)",
)


class FlemishReader(Reader):
    """The text of the Flemish Parliament's reports (``.txt``, or the text layer of a ``.pdf``).

    It is the fallback reader: text no other reader claims is read as Flemish,
    so that a text in no known form gets the Flemish parser's explanation (E004).
    """

    name: ClassVar[str] = "flemish"
    parliament: ClassVar[str] = PARLIAMENT
    suffixes: ClassVar[tuple[str, ...]] = (".txt", ".pdf")

    def recognises_text(self, text: str) -> bool:
        return bool(_FLEMISH_FORM.search(text[:200_000]))

    def parse_rows(
        self, text: str, source: str, *, meeting: str | None = None, date: object = None
    ) -> Rows:
        rows, report = parse_rows(text, source, meeting=meeting, date=date)
        for row in rows:
            row["parliament"] = PARLIAMENT
            row["meeting_kind"] = _meeting_kind(row.get("meeting"))
            # The Flemish Parliament speaks Dutch; the text still decides, so a
            # quoted French passage is marked as such.
            row["lang"] = detect_language(row["text"] or "", default="nl")
        return rows, report


def _meeting_kind(meeting: str | None) -> str | None:
    if not meeting:
        return None
    return "committee" if _COMMITTEE.match(meeting) else "plenary"
