"""The meeting and date of a Chamber report, from its title block.

The votes join the turns on ``meeting``, so the meeting is named as the
Chamber's turns reader names it: ``Plenumvergadering van donderdag 20 maart
2025, namiddag`` (the Dutch half of the title block).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from ...lang._dates import parse_dutch_date

__all__ = ["chamber_meeting"]

_BODIES = ("Plenumvergadering", "Commissie", "Interparlement")
_PARTS_OF_DAY = ("voormiddag", "namiddag", "avond", "ochtend", "middag", "nacht")


def chamber_meeting(paragraphs: Sequence[Any], source: str) -> tuple[str, object]:
    """``(meeting, date)`` from the title block's first lines; the file's name without one."""
    texts = [p.text for p in paragraphs[:12]]
    body = next((t for t in texts if t.startswith(_BODIES)), None)
    dated = next((t for t in texts if len(t) < 40 and parse_dutch_date(t) is not None), None)
    part = next((t for t in texts if t.lower() in _PARTS_OF_DAY), None)
    date = pd.Timestamp(parse_dutch_date(dated)) if dated else None
    if body is None:
        return Path(source).stem, date
    meeting = body
    if dated:
        meeting += f" van {dated[0].lower()}{dated[1:]}"
    if part:
        meeting += f", {part.lower()}"
    return meeting, date
