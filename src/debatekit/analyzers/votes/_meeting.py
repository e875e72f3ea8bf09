"""The meeting and date of a Chamber report, from its title block."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from ...lang._dates import parse_dutch_date

__all__ = ["chamber_meeting"]

_NUMBER = re.compile(r"\bCRIV\s+(\d{2})\s+PLEN\s+(\d{1,4})\b")
_SESSION = re.compile(r"^(Plenumvergadering|Plenaire vergadering)$", re.I)


def chamber_meeting(paragraphs: Sequence[Any], source: str) -> tuple[str | None, object]:
    """``("PLEN 015 (56)", Timestamp("2024-12-05"))`` from a Chamber report's paragraphs."""
    date = None
    for p in paragraphs[:20]:
        found = parse_dutch_date(p.text) if any(ch.isdigit() for ch in p.text) else None
        if found is not None and len(p.text) < 60:
            date = found
            break
    meeting = None
    for p in paragraphs:
        number = _NUMBER.search(p.text)
        if number:
            meeting = f"PLEN {int(number.group(2)):03d} ({number.group(1)})"
            break
    if meeting is None:
        meeting = Path(source).stem
    return meeting, pd.Timestamp(date) if date is not None else None
