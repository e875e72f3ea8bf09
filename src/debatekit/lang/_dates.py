"""Dutch months, weekdays and dates: the one place every part reads them from.

The parser reads page headers (``28 maart 2024``), records exports read date
columns (``dinsdag 25 februari 2025``), the numbers analyzer reads dates in
speech (``op 1 januari``) and the command line writes dates back in Dutch.
"""

from __future__ import annotations

import re

import pandas as pd

__all__ = [
    "MONTHS",
    "MONTH_NAMES",
    "WEEKDAYS",
    "DUTCH_DATE",
    "parse_dutch_date",
    "format_dutch_date",
    "make_date",
    "in_date_range",
]

#: Dutch month names, lower-case, in calendar order.
MONTH_NAMES = (
    "januari", "februari", "maart", "april", "mei", "juni", "juli",
    "augustus", "september", "oktober", "november", "december",
)  # fmt: skip
#: Month name -> month number (``"maart"`` -> 3).
MONTHS = {name: number for number, name in enumerate(MONTH_NAMES, start=1)}
#: Dutch weekday names, lower-case, Monday first (as :meth:`datetime.date.weekday`).
WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")

#: A Dutch long date, the weekday optional: ``dinsdag 25 februari 2025``, ``28 maart 2024``.
DUTCH_DATE = re.compile(
    rf"(?:(?:{'|'.join(WEEKDAYS)}),?\s+)?"
    rf"(?P<day>\d{{1,2}})\s+(?P<month>{'|'.join(MONTH_NAMES)})\s+(?P<year>\d{{4}})",
    re.IGNORECASE,
)
_ISO_DATE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}")


# The turns table keeps dates in nanoseconds, which span 1677-09-22 to 2262-04-11.
_FIRST_DATE = pd.Timestamp("1677-09-22")
_LAST_DATE = pd.Timestamp("2262-04-11")


def in_date_range(date: pd.Timestamp) -> bool:
    """Whether the turns table's nanosecond dates can hold ``date``."""
    naive = date.tz_localize(None) if date.tzinfo else date
    return bool(_FIRST_DATE <= naive <= _LAST_DATE)


def make_date(year: int, month: int, day: int) -> pd.Timestamp | None:
    """The date, or ``None`` where there is no such day (``31 februari``, year 0).

    Dates outside what the turns table can hold (1677-09-22 to 2262-04-11) are
    ``None`` too: a typing error, not a meeting.

    Examples
    --------
    >>> make_date(2024, 2, 31) is None
    True
    """
    try:
        date = pd.Timestamp(year, month, day)
    except (ValueError, OverflowError):
        return None
    return date if in_date_range(date) else None


def parse_dutch_date(value: object) -> pd.Timestamp | None:
    """Parse a Dutch long date (``dinsdag 25 februari 2025``) or an ISO date.

    Parameters
    ----------
    value
        A string, a :class:`pandas.Timestamp`, or a missing value.

    Returns
    -------
    pandas.Timestamp or None
        ``None`` for missing or unparseable values.

    Examples
    --------
    >>> parse_dutch_date("dinsdag 25 februari 2025")
    Timestamp('2025-02-25 00:00:00')
    >>> parse_dutch_date("03/04/2024")  # Belgian order: day first
    Timestamp('2024-04-03 00:00:00')
    """
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return value
    text = str(value).strip()
    m = DUTCH_DATE.search(text)
    if m:
        return make_date(int(m["year"]), MONTHS[m["month"].lower()], int(m["day"]))
    # Belgian dates put the day first (03/04/2024 is 3 April); ISO dates (2024-04-03)
    # are read as ISO.
    day_first = not _ISO_DATE.match(text)
    try:
        ts = pd.to_datetime(text, dayfirst=day_first)
    except (ValueError, TypeError, OverflowError):
        return None
    if pd.isna(ts):
        return None
    ts = pd.Timestamp(ts)
    return ts if in_date_range(ts) else None


def format_dutch_date(date: pd.Timestamp | None, missing: str = "date unknown") -> str:
    """Write a date the way a Dutch report does: ``donderdag 28 maart 2024``.

    Examples
    --------
    >>> format_dutch_date(pd.Timestamp("2024-03-28"))
    'donderdag 28 maart 2024'
    """
    if date is None or pd.isna(date):
        return missing
    return f"{WEEKDAYS[date.weekday()]} {date.day} {MONTH_NAMES[date.month - 1]} {date.year}"
