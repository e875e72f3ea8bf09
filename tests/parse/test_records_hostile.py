"""from_records on what exports and scrapers really hold: odd cells, odd dates, bad arguments."""

from __future__ import annotations

import time
import warnings

import numpy as np
import pandas as pd
import pytest

import debatekit as dk


def _rows(**extra):
    return [
        {"speaker": "Axel Ronse (N-VA)", "text": "Ik vraag het.", **extra},
        {"speaker": "Jo Brouns, minister", "text": "Ik antwoord."},
        {"speaker": "De heer Ronse", "text": "Dank u."},
        {"speaker": "De Voorzitter", "text": "De vraag is afgehandeld."},
    ]


def test_surnames_titles_and_the_chair_are_read_as_people_and_roles():
    turns = dk.from_records(_rows())
    assert turns["speaker"].tolist()[:3] == ["Axel Ronse", "Jo Brouns", "Axel Ronse"]
    assert turns["role"].tolist() == ["member", "minister", "member", "chair"]
    assert turns["party"].tolist()[2] == "N-VA"


@pytest.mark.parametrize("item", [float("inf"), 1e30, "²", 1.5])
def test_odd_items_are_titles_not_crashes(item):
    turns = dk.from_records(
        [{"speaker": "Anna Peeters (Groen)", "text": "Ja.", "item": item}], item="item"
    )
    assert turns["item"].tolist() == [1]
    assert turns["item_title"].tolist() == [str(item)]


def test_whole_numbers_are_item_numbers():
    rows = [
        {"speaker": "Anna Peeters (Groen)", "text": "Ja.", "item": v}
        for v in (3, 3.0, "4", np.int64(5))
    ]
    assert dk.from_records(rows, item="item")["item"].tolist() == [3, 3, 4, 5]


def test_lists_and_bytes_in_text_are_text():
    rows = [
        {"speaker": "Anna Peeters (Groen)", "text": ["Eerste zin.", "Tweede zin."]},
        {"speaker": b"Jo Brouns, minister", "text": b"Goed zo."},
    ]
    turns = dk.from_records(rows)
    assert turns["text"].tolist() == ["Eerste zin. Tweede zin.", "Goed zo."]
    assert turns["speaker"].tolist() == ["Anna Peeters", "Jo Brouns"]


def test_dates_year_first_zoned_invalid_and_now():
    rows = [
        {"speaker": "Anna Peeters (Groen)", "text": "a", "d": "2024/04/03", "m": "A"},
        {
            "speaker": "Anna Peeters (Groen)",
            "text": "b",
            "d": pd.Timestamp("2024-04-03 23:30", tz="Europe/Brussels"),
            "m": "B",
        },
        {"speaker": "Anna Peeters (Groen)", "text": "c", "d": "31/02/2024", "m": "C"},
        {"speaker": "Anna Peeters (Groen)", "text": "d", "d": "now", "m": "D"},
        {"speaker": "Anna Peeters (Groen)", "text": "e", "d": "2263-01-01", "m": "E"},
    ]
    with pytest.warns(dk.ParseWarning, match=r"\[W011\] from_records: 3 record"):
        turns = dk.from_records(rows, date="d", meeting="m")
    # The zoned time is kept as the local wall time of that day.
    assert turns["date"].dt.normalize().tolist()[:2] == [pd.Timestamp("2024-04-03")] * 2
    assert turns["date"].iloc[2:].isna().all()


@pytest.mark.parametrize("data", [None, 5, b"x", [1, 2]])
def test_what_is_no_records_gets_a_numbered_error(data):
    with pytest.raises(dk.RecordsError, match=r"\[E035\]"):
        dk.from_records(data)


def test_a_missing_file_and_a_bad_source_get_numbered_errors(tmp_path):
    with pytest.raises(dk.RecordsError, match=r"\[E033\].*nope\.csv"):
        dk.from_records(tmp_path / "nope.csv")
    with pytest.raises(dk.RecordsError, match=r"\[E036\]"):
        dk.from_records(_rows(), source=5)


def _time_rows(n: int) -> float:
    frame = pd.DataFrame(
        {
            "speaker": ["Anna Peeters (Groen)", "Minister Jo Brouns"] * (n // 2),
            "text": ["Ja, dat is zo."] * n,
            "date": ["28 maart 2024", "2024-03-29"] * (n // 2),
        }
    )
    start = time.process_time()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        turns = dk.from_records(frame, date="date")
    elapsed = time.process_time() - start
    assert turns["date"].nunique() == 2
    return elapsed


def test_many_rows_read_each_distinct_date_once():
    assert _time_rows(10_000) < 2.0


@pytest.mark.slow
def test_a_million_rows_are_fast():
    assert _time_rows(1_000_000) < 120
