"""Speaker labels, chair lines, procedural turns and Dutch dates: the edge cases."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from debatekit import Speaker, parse_dutch_date, parse_speaker
from debatekit.parse.flemish._labels import (
    is_procedural,
    match_label,
    parse_chair_change,
    parse_chair_line,
)


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("Stijn De Roo (cd&v)", ("Stijn De Roo", "cd&v", "member")),
        ("Stijn De Roo (cd&v):", ("Stijn De Roo", "cd&v", "member")),
        ("  Stijn   De\u00a0Roo  (cd&v) ", ("Stijn De Roo", "cd&v", "member")),
        ("Els Van den Bergh (Groen)", ("Els Van den Bergh", "Groen", "member")),
        ("Jan Van der Straeten (N-VA)", ("Jan Van der Straeten", "N-VA", "member")),
        ("Nadia El Kaouakibi (Open Vld)", ("Nadia El Kaouakibi", "Open Vld", "member")),
        ("Karel d'Haese (Vlaams Belang)", ("Karel d'Haese", "Vlaams Belang", "member")),
        ("Karel d’Haese (PVDA)", ("Karel d’Haese", "PVDA", "member")),
        ("Jean-Marie Dedecker (LDD)", ("Jean-Marie Dedecker", "LDD", "member")),
        ("Björn Rzoska (Groen)", ("Björn Rzoska", "Groen", "member")),
        ("Minister Jo Brouns", ("Jo Brouns", None, "minister")),
        ("Minister Jo Brouns (cd&v)", ("Jo Brouns", "cd&v", "minister")),
        ("Minister-president Matthias Diependaele", ("Matthias Diependaele", None, "minister")),
        ("Viceminister-president Hilde Crevits", ("Hilde Crevits", None, "minister")),
        ("Staatssecretaris Eva De Bleeker", ("Eva De Bleeker", None, "minister")),
        ("De voorzitter", (None, None, "chair")),
        ("De ondervoorzitter:", (None, None, "chair")),
        ("Voorzitter Björn Rzoska", ("Björn Rzoska", None, "chair")),
        ("De voorzitter, Mien Van Olmen", ("Mien Van Olmen", None, "chair")),
        ("De heer Stijn De Roo", ("Stijn De Roo", None, "member")),
        ("Mevrouw Els Van den Bergh (Groen)", ("Els Van den Bergh", "Groen", "member")),
    ],
)
def test_parse_speaker(label, expected):
    assert parse_speaker(label) == Speaker(*expected)


@pytest.mark.parametrize(
    "label",
    ["", "   ", ":", "Ter vergelijking", "Mijn bijkomende vraag, minister", "minister brouns"],
)
def test_parse_speaker_refuses_what_is_no_label(label):
    assert parse_speaker(label) is None


@pytest.mark.parametrize(
    ("line", "speaker", "rest"),
    [
        ("Stijn De Roo (cd&v): Op het European Innovation", "Stijn De Roo", "Op het"),
        (" Els Van den Bergh (Groen): Minister, dank u.", "Els Van den Bergh", "Minister,"),
        ("\fKarel d'Haese (N-VA):Dank u.", "Karel d'Haese", "Dank u."),
        ("Minister Jo Brouns: Collega De Roo, ...", "Jo Brouns", "Collega"),
        ("Minister-president Matthias Diependaele: Ja.", "Matthias Diependaele", "Ja."),
        ("De voorzitter: De heer De Roo heeft het woord.", None, "De heer"),
        (
            "Nadia El Kaouakibi (Open Vld): Ter vergelijking: 3 procent.",
            "Nadia El Kaouakibi",
            "Ter",
        ),
    ],
)
def test_match_label_gives_speaker_and_where_speech_begins(line, speaker, rest):
    found = match_label(line)
    assert found is not None
    parsed, offset = found
    assert parsed.speaker == speaker
    assert line[offset:].startswith(rest)


@pytest.mark.parametrize(
    "line",
    [
        "Mijn bijkomende vraag, minister: hoe zit het met de middelen?",
        "Mijn bijkomende vraag, minister:",
        "Ter vergelijking: in 2021 was dat 3,65 procent.",
        "Ter vergelijking:",
        "In die zin: hoe verloopt de werking van de commissie?",
        "De SERV stelt: “Open waar het kan.”",
        "Minister, ik heb twee vragen:",
        "Vlaanderen is een innovatieleider (130,3 procent): dat is goed.",
        "Voorzitter: de heer Björn Rzoska",  # the chair line, not a turn
        "VRAAG OM UITLEG van Stijn De Roo aan Jo Brouns: over de SERV",
        "– Robrecht Bothuyne treedt als voorzitter op.",
        "De minister: dat zegt u.",
    ],
)
def test_lines_with_a_colon_that_are_not_labels(line):
    assert match_label(line) is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("– Robrecht Bothuyne treedt als voorzitter op.", "Robrecht Bothuyne"),
        ("– Mien Van Olmen treedt opnieuw als voorzitter op.", "Mien Van Olmen"),
        ("- Karel d'Haese treedt als ondervoorzitter op", "Karel d'Haese"),
        ("–  Robrecht\nBothuyne treedt als\nvoorzitter op.", "Robrecht Bothuyne"),
        ("– 1395 (2023-2024)", None),
        ("(Applaus bij N-VA)", None),
        ("Robrecht Bothuyne treedt als voorzitter op.", None),  # no dash: speech
    ],
)
def test_parse_chair_change(text, name):
    assert parse_chair_change(text) == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Voorzitter: de heer Björn Rzoska", "Björn Rzoska"),
        ("Voorzitter: mevrouw Mien Van Olmen", "Mien Van Olmen"),
        ("Voorzitter:  Karel d'Haese ", "Karel d'Haese"),
        ("De voorzitter: De heer De Roo heeft het woord.", None),
    ],
)
def test_parse_chair_line(text, name):
    assert parse_chair_line(text) == name


@pytest.mark.parametrize(
    "text",
    [
        "De heer De Roo heeft het woord.",
        "Mevrouw Van den Bergh heeft het woord.",
        "Minister Brouns heeft het woord.",
        "Minister-president Diependaele heeft het woord.",
        "Collega El Kaouakibi heeft het woord",
        "De vraag om uitleg is afgehandeld.",
        "De vragen om uitleg zijn afgehandeld.",
        "De actuele vraag is afgehandeld.",
        "Het incident is gesloten.",
        "De vraag om uitleg is afgehandeld. De heer Ronse heeft het woord.",
        "U hebt het woord.",
    ],
)
def test_procedural_turns(text):
    assert is_procedural(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Dank u, minister. De heer De Roo heeft het woord.",
        "Ik heb het woord gevraagd omdat dit belangrijk is.",
        "Minister, u verrast mij. Ik vind dat een heel leuk voorstel.",
        "De heer De Roo heeft het woord. " * 20,  # too long to be floor management
    ],
)
def test_turns_of_substance_are_not_procedural(text):
    assert not is_procedural(text)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("dinsdag 25 februari 2025", "2025-02-25"),
        ("Donderdag 28 Maart 2024", "2024-03-28"),
        ("zaterdag, 1 juni 2024", "2024-06-01"),
        ("28 maart 2024", "2024-03-28"),
        ("Commissievergadering van woensdag 4 december 2024 om 14 uur", "2024-12-04"),
        ("2024-03-28", "2024-03-28"),
        ("2024-03-28T10:00:00", "2024-03-28 10:00"),
        (pd.Timestamp("2024-03-28"), "2024-03-28"),
        (dt.date(2024, 3, 28), "2024-03-28"),
    ],
)
def test_parse_dutch_date(value, expected):
    assert parse_dutch_date(value) == pd.Timestamp(expected)


@pytest.mark.parametrize(
    "value", [None, float("nan"), pd.NaT, "", "geen datum", "31 februari 2024", "32 maart 2024"]
)
def test_parse_dutch_date_gives_none_for_what_is_no_date(value):
    assert parse_dutch_date(value) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("03/04/2024", "2024-04-03"),  # Belgian: day first
        ("28/03/2024", "2024-03-28"),
        ("3.4.2024", "2024-04-03"),
        ("2024-04-03", "2024-04-03"),  # ISO stays ISO
        ("dinsdag 25 februari 2025", "2025-02-25"),
    ],
)
def test_dates_are_read_day_first_as_in_belgium(value, expected):
    assert parse_dutch_date(value) == pd.Timestamp(expected)
