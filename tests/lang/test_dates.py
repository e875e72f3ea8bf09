"""Dutch months, weekdays and dates, read and written."""

from __future__ import annotations

import pandas as pd

import debatekit as dk
from debatekit.lang._dates import MONTHS, WEEKDAYS, format_dutch_date, parse_dutch_date


def test_months_and_weekdays_are_in_calendar_order():
    assert MONTHS["januari"] == 1 and MONTHS["december"] == 12 and len(MONTHS) == 12
    assert WEEKDAYS[pd.Timestamp("2024-03-28").weekday()] == "donderdag"


def test_dates_read_back_as_written(sample_result):
    date = sample_result.report.date
    written = format_dutch_date(date)
    assert written == "donderdag 28 maart 2024"
    assert parse_dutch_date(written) == date
    assert dk.parse_dutch_date is parse_dutch_date


def test_unreadable_and_missing_dates():
    assert parse_dutch_date("31 februari 2024") is None
    assert parse_dutch_date(None) is None
    assert parse_dutch_date("geen datum") is None
    assert format_dutch_date(None) == "date unknown"
