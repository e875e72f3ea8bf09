"""Page furniture: what a PDF page carries around the speech.

The running header ``Commissievergadering nr. C190 (2023-2024) – 28 maart 2024 25``
(which also names the meeting and its date), the ``Vlaams Parlement`` footer, a
page number on its own, and link lines repeated from the PDF's annotations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from ...lang._dates import MONTHS, make_date

__all__ = [
    "Header",
    "match_header",
    "furniture_kind",
    "is_page_start",
    "FURNITURE_STARTS",
    "PAGE_START_MARKS",
]

_MONTH = "|".join(MONTHS)
_HEADER = re.compile(
    r"^\s*(?:(?P<page_before>\d{1,4})\s+)?"
    r"(?P<body>Commissievergadering|Plenaire vergadering|Plenaire|Verenigde commissies)\s+"
    r"nr\.\s*(?P<nr>[A-Z]{0,4}\d{1,4})\s*\((?P<session>\d{4}-\d{4})\)\s*[–—-]\s*"
    rf"(?P<day>\d{{1,2}})\s+(?P<month>{_MONTH})\s+(?P<year>\d{{4}})"
    r"(?:\s+(?P<page>\d{1,4}))?\s*$",
    re.IGNORECASE,
)
# The footer, alone or sharing its baseline with the page number, which a PDF's
# text layer then gives on the same line: "Vlaams Parlement 25", "25 Vlaams Parlement".
_FOOTER = re.compile(
    r"^\s*(?:\d{1,4}\s+)?Vlaams Parlement(?:\s*[–—-].*|\s+\d{1,4})?\s*$", re.IGNORECASE
)
_LINK = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$", re.IGNORECASE)
# "25", "- 25 -", "– 25 –", "25/40", "25 / 40", "Pagina 25", "pagina 25 van 40", "p. 25", "blz. 25".
_PAGE_NUMBER = re.compile(
    r"^\s*(?:(?:pagina|blz\.?|p\.)\s*)?(?:[-–—]\s*)?\d{1,4}(?:\s*[-–—])?"
    r"(?:\s*(?:/|van)\s*\d{1,4})?\s*$",
    re.IGNORECASE,
)


# First characters furniture can begin with; most lines are ruled out by this alone.
#: What a PDF page's first line starts with (a space or a form feed).
PAGE_START_MARKS = frozenset(" \f\u00a0")
FURNITURE_STARTS = frozenset("CPVhHwWpbB0123456789-–—")


@dataclass(frozen=True)
class Header:
    """What a running header tells: meeting, body, date and page."""

    meeting: str
    body: str
    date: pd.Timestamp | None
    page: int | None
    date_text: str = ""


def match_header(line: str) -> Header | None:
    """Parse a running page header, or return ``None``."""
    m = _HEADER.match(line)
    if not m:
        return None
    page = m["page"] or m["page_before"]
    return Header(
        meeting=f"{m['nr']} ({m['session']})",
        body=m["body"],
        # None for a day that does not exist ("31 februari"); the parser warns.
        date=make_date(int(m["year"]), MONTHS[m["month"].lower()], int(m["day"])),
        page=int(page) if page else None,
        date_text=f"{m['day']} {m['month']} {m['year']}",
    )


def furniture_kind(line: str) -> str | None:
    """Name the kind of page furniture a line is, or return ``None`` for text."""
    if line.lstrip()[:1] not in FURNITURE_STARTS:
        return None
    if _HEADER.match(line):
        return "header"
    if _FOOTER.match(line):
        return "footer"
    if _LINK.match(line):
        return "link"
    if _PAGE_NUMBER.match(line):
        return "page number"
    return None


def is_page_start(line: str) -> bool:
    """A PDF page's first line comes with a leading space or a form feed."""
    return line[:1] in PAGE_START_MARKS
