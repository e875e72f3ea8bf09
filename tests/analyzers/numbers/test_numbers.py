"""Figures in the text: every kind and qualifier, on the sample and on built sentences."""

from __future__ import annotations

import re
from collections import Counter

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import debatekit as dk
from debatekit.analyzers.numbers._numbers import NUMBER_COLUMNS
from debatekit.analyzers.numbers._scan import _SCAN, KINDS, _matches, _read, scan


def _turns(*texts: str, date: str | None = "2024-03-28") -> pd.DataFrame:
    return pd.DataFrame(
        {
            "turn_id": [f"T-{i:04d}" for i in range(1, len(texts) + 1)],
            "speaker": ["Jan Peeters"] * len(texts),
            "role": ["member"] * len(texts),
            "text": list(texts),
            "date": pd.to_datetime([date] * len(texts)),
        }
    )


def _one(text: str, **kwargs) -> pd.Series:
    """The single figure in ``text``."""
    found = dk.numbers(_turns(text), progress=False, **kwargs)
    assert len(found) == 1, found[["figure", "kind", "value"]]
    return found.iloc[0]


def _dutch_values(pattern: str, text: str) -> Counter:
    """Values of the figures ``pattern`` finds in raw text, read independently of debatekit."""
    values = Counter()
    for m in re.finditer(pattern, text):
        number = float(m["n"].replace(".", "").replace(",", "."))
        scale = {"miljoen": 1e6, "miljard": 1e9}.get((m["scale"] or "").strip(), 1)
        values[number * scale] += 1
    return values


@pytest.fixture(scope="module")
def sample_figures(sample_result) -> pd.DataFrame:
    return dk.numbers(sample_result.turns, progress=False)


# --- the sample ------------------------------------------------------------------


def test_every_percentage_in_the_sample_with_its_value(sample_figures, sample_text):
    # Counted in the raw file: a figure, white space (a line end too), then "procent".
    expected = _dutch_values(r"(?<![\w.,])(?P<n>\d+(?:,\d+)?)(?P<scale>)\s+procent", sample_text)
    percent = sample_figures[sample_figures["kind"] == "percent"]
    assert sum(expected.values()) == 21
    assert Counter(percent["value"].tolist()) == expected
    assert {125.8, 130.3, 3.65, 62.7} <= set(percent["value"])
    assert (percent["unit"] == "%").all()


def test_a_percentage_broken_over_a_line_end(sample_figures, sample_text, sample_turns):
    assert "35 \nprocent" in sample_text
    row = sample_figures[sample_figures["figure"] == "35 procent"].iloc[0]
    text = sample_turns.set_index("turn_id").loc[row["turn_id"], "text"]
    assert text[row["start"] : row["end"]] == "35 procent"
    assert row["value"] == 35.0


def test_every_euro_amount_in_the_sample(sample_figures, sample_text):
    expected = _dutch_values(
        r"(?<![\w.,])(?P<n>\d[\d.]*(?:,\d+)?)(?P<scale>\s+miljoen|\s+miljard)?\s+euro", sample_text
    )
    money = sample_figures[sample_figures["kind"] == "money"]
    assert Counter(money["value"].tolist()) == expected
    assert expected[7500.0] == 4 and expected[18_400_000.0] == 1 and expected[350_000.0] == 1
    assert set(money["unit"]) == {"EUR"}


def test_no_spurious_percentage_or_amount(sample_figures):
    for kind, word in (("percent", "procent"), ("money", "euro")):
        rows = sample_figures[sample_figures["kind"] == kind]
        assert rows["figure"].str.endswith(word).all()


def test_offsets_point_at_the_figure_as_written(sample_figures, sample_turns):
    texts = sample_turns.set_index("turn_id")["text"]
    for row in sample_figures.itertuples():
        turn_text = texts[row.turn_id]
        assert turn_text[row.start : row.end] == row.figure
        assert row.figure in row.sentence and row.sentence in turn_text


def test_the_table_is_tidy_and_typed(sample_figures, sample_turns):
    assert tuple(sample_figures.columns) == NUMBER_COLUMNS
    assert set(sample_figures["kind"]) <= set(KINDS)
    assert sample_figures["value"].dtype == "float64"
    assert sample_figures["turn_id"].isin(sample_turns["turn_id"]).all()
    speakers = sample_turns.set_index("turn_id")["speaker"]
    assert (
        sample_figures["speaker"].to_numpy() == speakers[sample_figures["turn_id"]].to_numpy()
    ).all()


def _row(figures: pd.DataFrame, text: str, sentence_part: str = "") -> pd.Series:
    rows = figures[(figures["figure"] == text) & figures["sentence"].str.contains(sentence_part)]
    assert len(rows) >= 1, text
    return rows.iloc[0]


@pytest.mark.parametrize(
    ("text", "context", "qualifier"),
    [
        ("77 procent", "net geen", "just below"),
        ("60 procent", "ongeveer", "about"),
        ("13,5 procent", "maar liefst", "as many as"),
        ("twintigduizend", "meer dan", "more than"),
        ("350.000 euro", "tot", "up to"),
        ("drie dagen", "minstens", "at least"),
        ("een op de twee", "ongeveer", "about"),
    ],
)
def test_qualifiers_in_the_sample(sample_figures, text, context, qualifier):
    row = _row(sample_figures, text, f"{context} {text}")
    assert row["qualifier"] == qualifier


def test_written_numbers_in_the_sample(sample_figures):
    assert _row(sample_figures, "twintigduizend", "meer dan")[["value", "unit"]].tolist() == [
        20000.0,
        "mensen",
    ]
    assert _row(sample_figures, "veertig")[["value", "unit"]].tolist() == [40.0, "bedrijven"]
    assert _row(sample_figures, "vijftien")["value"] == 15.0
    assert _row(sample_figures, "honderd")[["value", "unit"]].tolist() == [100.0, "controles"]
    approx = _row(sample_figures, "vijftiental")
    assert (approx["value"], approx["qualifier"], approx["unit"]) == (15.0, "about", "bedrijven")


def test_counted_nouns_skip_adjectives(sample_figures):
    assert _row(sample_figures, "65")["unit"] == "controles"  # 65 reguliere controles
    assert _row(sample_figures, "190")["unit"] == "ondernemingen"  # 190 Vlaamse ondernemingen
    assert _row(sample_figures, "drie", "meest betrokken")["unit"] == "sectoren"
    assert _row(sample_figures, "tien", "dienstverleners")["unit"] == "dienstverleners"


def test_ratios_in_the_sample(sample_figures):
    ratios = sample_figures[sample_figures["kind"] == "ratio"]
    assert ratios["figure"].str.lower().tolist() == [
        "één op de twee",
        "een op de drie",
        "een op de twee",
    ]
    assert ratios["value"].tolist() == pytest.approx([0.5, 1 / 3, 0.5])
    assert ratios.iloc[1]["unit"] == "werkgevers"
    # Not two numbers: no count 1, 2 or 3 inside a ratio's span.
    for row in ratios.itertuples():
        inside = sample_figures[
            (sample_figures["turn_id"] == row.turn_id)
            & (sample_figures["start"] >= row.start)
            & (sample_figures["end"] <= row.end)
        ]
        assert len(inside) == 1


def test_multiplier_ordinal_and_no_false_numbers_in_the_sample(sample_figures):
    times = _row(sample_figures, "zeven keer langer")
    assert (times["kind"], times["value"], times["unit"]) == ("multiplier", 7.0, "times")
    second = _row(sample_figures, "tweede", "tweede plaats")
    assert (second["kind"], second["value"], second["unit"]) == ("ordinal", 2.0, "plaats")
    assert not sample_figures["figure"].str.lower().eq("een").any()
    friend = sample_figures[sample_figures["sentence"].str.contains("een goede vriend")]
    assert friend["kind"].tolist() == ["age"]  # "midden in de veertig", not "een" = 1
    assert friend.iloc[0]["value"] == 45.0


def test_years_dates_durations_and_ages_in_the_sample(sample_figures):
    assert _row(sample_figures, "5 maart 2024")[["kind", "value"]].tolist() == ["date", 20240305.0]
    # No year written: the meeting's year.
    assert _row(sample_figures, "1 januari")["value"] == 20240101.0
    assert _row(sample_figures, "2021", "In 2021 ging")["kind"] == "year"
    months = _row(sample_figures, "24 maanden")
    assert (months["kind"], months["value"], months["unit"]) == ("duration", 24.0, "months")
    assert _row(sample_figures, "Acht maanden")["value"] == 8.0
    age = _row(sample_figures, "55-plussers")
    assert (age["kind"], age["value"], age["qualifier"]) == ("age", 55.0, "at least")
    # A date is not a count and a year is not a count.
    dates = sample_figures[sample_figures["kind"] == "date"]
    assert len(dates) == len(
        re.findall(
            r"\b\d{1,2} (?:januari|maart|juni|juli|december)\b",
            " ".join(dates["sentence"].drop_duplicates()),
        )
    )


def test_the_sample_minister_and_later_figure(sample_figures):
    minister = _row(sample_figures, "62,7 procent")
    later = _row(sample_figures, "62 procent")
    assert minister["speaker"] == "Jo Brouns" and minister["value"] == 62.7
    assert later["value"] == 62.0


# --- constructed sentences for the forms the sample lacks ------------------------


@pytest.mark.parametrize(
    ("sentence", "text", "kind", "value", "unit"),
    [
        (
            "De werkloosheid daalde met 1,5 procentpunt.",
            "1,5 procentpunt",
            "percent",
            1.5,
            "percentage points",
        ),
        ("Dat is 12% van de begroting.", "12%", "percent", 12.0, "%"),
        ("Het kost € 1.250,50 per stuk.", "€ 1.250,50", "money", 1250.5, "EUR"),
        ("Er gaat EUR 300 naar elk gezin.", "EUR 300", "money", 300.0, "EUR"),
        ("We investeren 2 miljard euro.", "2 miljard euro", "money", 2e9, "EUR"),
        ("Dat kost twintig duizend euro.", "twintig duizend euro", "money", 20000.0, "EUR"),
        ("Zij kregen 5 duizend euro.", "5 duizend euro", "money", 5000.0, "EUR"),
        ("Er zijn tweeëntwintig scholen.", "tweeëntwintig", "count", 22.0, "scholen"),
        ("Het gaat om een miljoen mensen.", "een miljoen", "count", 1e6, "mensen"),
        ("Dat duurde anderhalf jaar.", "anderhalf jaar", "duration", 1.5, "years"),
        ("Twee derde van de bedrijven doet mee.", "Twee derde", "ratio", 2 / 3, "bedrijven"),
        ("De helft van de werknemers wil dat.", "De helft", "ratio", 0.5, "werknemers"),
        ("1 op 5 jongeren vindt geen werk.", "1 op 5", "ratio", 0.2, "jongeren"),
        ("Dat is drie keer zoveel.", "drie keer zoveel", "multiplier", 3.0, "times"),
        ("Het budget is verdubbeld.", "verdubbeld", "multiplier", 2.0, "times"),
        ("Tussen 10 en 20 procent haakt af.", "Tussen 10 en 20 procent", "range", 15.0, "%"),
        ("Het gaat om 10 à 20 procent.", "10 à 20 procent", "range", 15.0, "%"),
        ("Ze zochten 3-6 maanden.", "3-6 maanden", "range", 4.5, "months"),
        ("Het kost van 5 tot 10 miljoen euro.", "van 5 tot 10 miljoen euro", "range", 7.5e6, "EUR"),
        ("Hij is 45 jaar oud.", "45 jaar oud", "age", 45.0, "years"),
        ("Alle 65-jarigen krijgen een brief.", "65-jarigen", "age", 65.0, "years"),
        ("Op de leeftijd van 67 jaar stopt men.", "67 jaar", "age", 67.0, "years"),
        (
            "Zie stuk 1395 (2023-2024) van de commissie.",
            "1395 (2023-2024)",
            "reference",
            1395.0,
            "document",
        ),
        ("Het werkjaar 2023-2024 liep goed.", "2023-2024", "reference", 2023.0, "session"),
        ("Volgens artikel 12 mag dat.", "12", "reference", 12.0, "artikel"),
        ("Hij werd 21ste in de rangschikking.", "21ste", "ordinal", 21.0, None),
        ("Dat is de vijfentwintigste editie.", "vijfentwintigste", "ordinal", 25.0, "editie"),
        ("Tegen 1 juli gebeurt het.", "1 juli", "date", 20240701.0, "yyyymmdd"),
        ("Wij waren er in 1999 al.", "1999", "year", 1999.0, None),
        ("We wachten al 3 weken.", "3 weken", "duration", 3.0, "weeks"),
        ("Het kost 1.5 miljoen euro.", "1.5 miljoen euro", "money", 1.5e6, "EUR"),
        ("Het is een half miljoen euro.", "een half miljoen euro", "money", 5e5, "EUR"),
        ("Dat duurde een half jaar.", "een half jaar", "duration", 0.5, "years"),
        ("Een procent van de mensen.", "Een procent", "percent", 1.0, "%"),
        ("Nul procent van de scholen.", "Nul procent", "percent", 0.0, "%"),
        ("Dat is 2x zoveel.", "2x zoveel", "multiplier", 2.0, "times"),
        ("In de jaren negentig was dat anders.", "negentig", "year", 1990.0, "decade"),
        ("We hebben 1.200 extra plaatsen.", "1.200", "count", 1200.0, "plaatsen"),
        (
            "Het gaat om driehonderdduizend gezinnen.",
            "driehonderdduizend",
            "count",
            3e5,
            "gezinnen",
        ),
    ],
)
def test_constructed_forms(sentence, text, kind, value, unit):
    row = _one(sentence)
    assert row["figure"] == text
    assert row["kind"] == kind
    assert row["value"] == pytest.approx(value)
    assert (row["unit"] if pd.notna(row["unit"]) else None) == unit
    assert sentence[row["start"] : row["end"]] == text


@pytest.mark.parametrize(
    ("sentence", "qualifier"),
    [
        ("Bijna 40 procent doet mee.", "almost"),
        ("Ruim 300 bedrijven doen mee.", "over"),
        ("Minder dan 5 procent haakt af.", "less than"),
        ("Zowat 20 procent is tevreden.", "about"),
        ("Het is nét geen 50 procent.", "just below"),
        ("Ze krijgen hoogstens 200 euro.", "at most"),
        ("Dat kost ongeveer vijf miljoen euro.", "about"),
        ("Het gaat om een 30-tal dossiers.", "about"),
    ],
)
def test_constructed_qualifiers(sentence, qualifier):
    assert _one(sentence)["qualifier"] == qualifier


@pytest.mark.parametrize(
    ("sentence", "first"),
    [
        ("De werkloosheid steeg van 3,2 naar 3,5 procent.", "3,2"),
        ("Het gaat om 30 of 40 procent.", "30"),
        ("Het kost 200 of 300 euro.", "200"),
    ],
)
def test_a_bare_number_paired_with_a_percentage_shares_its_unit(sentence, first):
    figures = dk.numbers(_turns(sentence), progress=False)
    head = figures.iloc[0]
    assert head["figure"] == first
    assert (head["kind"], head["unit"]) == (figures.iloc[1]["kind"], figures.iloc[1]["unit"])


@pytest.mark.parametrize(
    ("sentence", "text", "kind", "value", "unit"),
    [
        ("Het is -3 procent.", "-3 procent", "percent", -3.0, "%"),
        ("Een groei van −0,5 procent.", "−0,5 procent", "percent", -0.5, "%"),
        ("Het daalde met min 3 procent.", "min 3 procent", "percent", -3.0, "%"),
        ("Het saldo is -250 euro.", "-250 euro", "money", -250.0, "EUR"),
        ("1/3 van het budget gaat naar steun.", "1/3", "ratio", 1 / 3, None),
        ("Zo kiest 2/3 van de jongeren.", "2/3", "ratio", 2 / 3, "jongeren"),
        ("Er zijn 2000 mensen.", "2000", "count", 2000.0, "mensen"),
        ("Er kwamen 2024 nieuwe plaatsen bij.", "2024", "count", 2024.0, "plaatsen"),
    ],
)
def test_signs_fractions_and_four_digit_counts(sentence, text, kind, value, unit):
    test_constructed_forms(sentence, text, kind, value, unit)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a dash between words or numbers is no minus sign
        ("Het is 10-20 procent.", [("10-20 procent", "range", 15.0)]),
        ("Vlaams-Brabant haalt 20 procent.", [("20 procent", "percent", 20.0)]),
        ("Hij zei - 3 procent - niet meer.", [("3 procent", "percent", 3.0)]),
        ("Dat is min of meer 3 procent.", [("3 procent", "percent", 3.0)]),
        # a date or a round-the-clock service is no fraction
        ("Op 3/4 stemmen we.", [("3", "count", 3.0), ("4", "count", 4.0)]),
        ("De dienst is 24/7 open.", [("24", "count", 24.0), ("7", "count", 7.0)]),
        # a year stays a year, also before a verb or after "in"
        ("In 2023 stegen de prijzen.", [("2023", "year", 2023.0)]),
        ("Sinds 2019 werken we zo.", [("2019", "year", 2019.0)]),
    ],
)
def test_what_stays_as_it_was(sentence, expected):
    figures = dk.numbers(_turns(sentence), progress=False)
    assert list(zip(figures["figure"], figures["kind"], figures["value"])) == expected


def test_a_range_in_millions_scales_both_ends():
    row = _one("Tussen 5 en 10 miljoen euro gaat naar steun.")
    assert (row["low"], row["high"], row["unit"]) == (5e6, 10e6, "EUR")


@pytest.mark.parametrize(
    "sentence",
    [
        "Ik heb een goede vriend.",
        "Dat is een van de redenen.",
        "Ik acht het nodig.",
        "De NIS2-richtlijn en CO2-uitstoot.",
        "Handel met derde landen.",
        "In eerste instantie leren ze Nederlands.",
        "Er zijn duizenden euro's verloren.",
        "Het gebeurde al verschillende keren.",
        "We hebben een achterstand in het kwartaal.",
        "Het kan één van de vele voorbeelden zijn.",
        "De COVID-19-crisis en de F-35 kosten veel.",
        "De vergadering begint om 10 uur.",
    ],
)
def test_no_false_numbers(sentence):
    assert dk.numbers(_turns(sentence), progress=False).empty


def test_a_number_in_a_name_is_not_a_count():
    figures = dk.numbers(_turns("Hij werkte bij Studio 100 en luisterde naar Radio 2."))
    assert figures[["figure", "kind", "unit"]].values.tolist() == [
        ["100", "reference", "Studio"],
        ["2", "reference", "Radio"],
    ]
    # At the start of a sentence the capital says nothing: "Die 21" is still a count.
    assert _one("Ik zag er veel. Die 21 kwamen terug.")["kind"] == "count"


def test_offsets_hold_when_lower_casing_changes_the_length():
    text = "İbrahim zegt dat 40 procent van de twintig scholen meedoet."
    assert len(text.lower()) != len(text)
    found = [(f.text, text[f.start : f.end]) for f in scan(text)]
    assert found == [("40 procent", "40 procent"), ("twintig", "twintig")]


def test_a_date_without_a_year_and_no_meeting_date_has_no_value():
    turns = _turns("Sinds 1 januari geldt de regel.").drop(columns=["date"])
    row = dk.numbers(turns, progress=False).iloc[0]
    assert row["kind"] == "date" and pd.isna(row["value"])


@given(
    whole=st.integers(min_value=0, max_value=10**9),
    decimals=st.one_of(st.none(), st.integers(min_value=0, max_value=99)),
    unit=st.sampled_from(["procent", "euro", "miljoen euro"]),
)
def test_dutch_digits_round_trip(whole, decimals, unit):
    written = f"{whole:,}".replace(",", ".")
    if decimals is not None:
        written += f",{decimals:02d}"
    figures = scan(f"Het gaat om {written} {unit} volgens de minister.")
    expected = float(f"{whole}.{decimals:02d}" if decimals is not None else whole)
    if unit == "miljoen euro":
        expected *= 1e6
    assert len(figures) == 1
    assert figures[0].value == pytest.approx(expected)
    assert figures[0].kind == ("percent" if unit == "procent" else "money")


# --- the analyzer ----------------------------------------------------------------


def test_numbers_is_a_registered_analyzer(sample_turns):
    assert "numbers" in dk.list_analyzers()
    table = dk.analyze(sample_turns, "numbers", numbers={"kinds": ["money"], "progress": False})
    assert set(table["numbers"]["kind"]) == {"money"}


def test_kinds_filter_and_its_error(sample_turns):
    both = dk.numbers(sample_turns, kinds=["percent", "ratio"], progress=False)
    assert set(both["kind"]) == {"percent", "ratio"}
    with pytest.raises(dk.ParameterError, match=r"\[E800\].*'kinds'.*'percentage'"):
        dk.numbers(sample_turns, kinds=["percentage"])


def test_transform_before_fit_and_missing_columns(sample_turns):
    with pytest.raises(dk.NotFittedError):
        dk.Numbers().transform(sample_turns)
    with pytest.raises(dk.SchemaError):
        dk.numbers(sample_turns.drop(columns=["speaker"]))


def _sentences_of(test) -> list[str]:
    """The sentences a parametrized test above runs on."""
    cases = next(m for m in test.pytestmark if m.name == "parametrize").args[1]
    return [case if isinstance(case, str) else case[0] for case in cases]


def test_anchored_scan_equals_the_full_scan(sample_turns):
    # The speed-up tries the grammar only at anchors; it must find what a full scan finds.
    built = [
        sentence
        for test in (
            test_constructed_forms,
            test_constructed_qualifiers,
            test_a_bare_number_paired_with_a_percentage_shares_its_unit,
            test_no_false_numbers,
        )
        for sentence in _sentences_of(test)
    ]
    assert len(built) > 50
    texts = [*sample_turns["text"], *built, "Tussen vijf en tien procent, de helft van hen."]
    for text in texts:
        full = [m.span() for m in _SCAN.finditer(text) if _read(m, text, None)]
        anchored = [m.span() for m in _matches(text) if _read(m, text, None)]
        assert anchored == full


_PIECES = [
    "net geen 77 procent",
    "één op de twee",
    "tussen 10 en 20 procent",
    "18,4 miljoen euro",
    "de tweede plaats",
    "5 maart 2024",
    "een goede vriend",
    "twintigduizend mensen",
    "zeven keer langer",
    "1395 (2023-2024)",
    "55-plussers",
    "de helft van de",
    "om 10 uur",
    "NIS2",
    "en",
    ",",
    ".",
    "\n",
    "35\nprocent",
]


@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=25))
def test_figures_are_ordered_disjoint_and_point_at_their_text(pieces):
    text = " ".join(pieces)
    figures = scan(text, year=2024)
    for figure in figures:
        assert text[figure.start : figure.end] == figure.text
        assert figure.kind in KINDS
        assert figure.low <= figure.value <= figure.high or figure.kind == "date"
    assert all(a.end <= b.start for a, b in zip(figures, figures[1:], strict=False))
    assert [m.span() for m in _matches(text) if _read(m, text, 2024)] == [
        m.span() for m in _SCAN.finditer(text) if _read(m, text, 2024)
    ]
