"""Valuing Dutch numerals: digits the Dutch way, written cardinals and ordinals."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from debatekit.lang._numerals import digits_value, numeral_value, ordinal_value, word_value


@pytest.mark.parametrize(
    ("written", "value"),
    [("350.000", 350_000), ("125,8", 125.8), ("1.250,75", 1250.75), ("7500", 7500), ("1.5", 1.5)],
)
def test_digits_the_dutch_way(written, value):
    assert digits_value(written) == value


@given(st.integers(min_value=1000, max_value=10**12), st.integers(min_value=0, max_value=999))
def test_thousands_dots_and_a_decimal_comma_round_trip(whole, decimals):
    written = f"{whole:,}".replace(",", ".") + f",{decimals:03d}"
    assert digits_value(written) == pytest.approx(whole + decimals / 1000)


@pytest.mark.parametrize(
    ("word", "value"),
    [
        ("twintigduizend", 20_000),
        ("veertig", 40),
        ("vijftien", 15),
        ("honderd", 100),
        ("tweeëntwintig", 22),
        ("driehonderdduizend", 300_000),
        ("Één", 1),
        ("anderhalf", 1.5),
        ("een  half", 0.5),
        ("nul", 0),
    ],
)
def test_written_cardinals(word, value):
    assert word_value(word) == value
    assert numeral_value(word) == value


def test_a_word_that_is_no_numeral_has_no_value():
    assert word_value("vriend") is None


@pytest.mark.parametrize(
    ("word", "value"),
    [
        ("eerste", 1),
        ("tweede", 2),
        ("derde", 3),
        ("achtste", 8),
        ("negentiende", 19),
        ("twintigste", 20),
        ("vijfentwintigste", 25),
        ("honderdeerste", 101),
        ("21ste", 21),
        ("3de", 3),
        ("1e", 1),
    ],
)
def test_ordinals(word, value):
    assert ordinal_value(word) == value
