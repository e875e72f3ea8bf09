"""The sample changed in one way, as other tools and other reports write it, gives the same turns.

Same speakers (name, role, item) and the same texts up to white space: nothing goes
into the previous speaker's turn, nothing is lost.
"""

from __future__ import annotations

import re
import unicodedata
import warnings

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import debatekit as dk

SOURCE = "vlaams-parlement_C190_2024-03-28.txt"


def _turns(text: str):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", dk.ParseWarning)
        return dk.parse_transcript(text, SOURCE)


def _key(turns) -> list[tuple]:
    return [
        (row.speaker, row.role, row.item, " ".join(row.text.split())) for row in turns.itertuples()
    ]


def _speakers(turns) -> list[tuple]:
    return [(row.speaker, row.role, row.item) for row in turns.itertuples()]


@pytest.fixture(scope="module")
def plain(sample_text: str) -> list[tuple]:
    return _key(_turns(sample_text))


VARIANTS = {
    "space before the colon": lambda s: re.sub(r"\) ?:", ") :", s),
    "form of address before the name": lambda s: s.replace(
        "Stijn De Roo (cd&v):", "De heer Stijn De Roo (cd&v):"
    ),
    "portfolio in the minister's label": lambda s: s.replace(
        "Minister Jo Brouns:", "Vlaams minister van Werk Jo Brouns:"
    ),
    "whole portfolio in the minister's label": lambda s: s.replace(
        "Minister Jo Brouns:",
        "Vlaams minister van Economie, Innovatie, Werk, Sociale Economie en Landbouw Jo Brouns:",
    ),
    "labels in capitals": lambda s: re.sub(
        r"^(Stijn De Roo \(cd&v\)|Minister Jo Brouns|De voorzitter):",
        lambda m: m[1].upper() + ":",
        s,
        flags=re.M,
    ),
    "no blank lines": lambda s: re.sub(r"\n[ \t]*\n", "\n", s),
    "non-breaking spaces": lambda s: s.replace(" ", "\u00a0"),
    "narrow and thin spaces": lambda s: s.replace(" (", "\u202f(").replace(": ", ":\u2009"),
    "tabs": lambda s: s.replace(" ", "\t"),
    "zero-width spaces": lambda s: s.replace("Brouns", "Bro\u200buns").replace("De ", "\u200bDe "),
    "soft hyphens inside words": lambda s: s.replace("innovatie", "inno\u00advatie"),
    "PDFium's U+FFFE at line ends": lambda s: re.sub(r"-( *)\n", "\ufffe\\1\n", s),
    "PDFium's U+FFFE joining the lines": lambda s: re.sub(r"(\w)-( *)\n", "\\1\ufffe", s),
    "line-end soft hyphens": lambda s: re.sub(r"(\w)-( *)\n", "\\1\u00ad\\2\n", s),
    "line-end U+2010": lambda s: re.sub(r"(\w)-( *)\n", "\\1\u2010\\2\n", s),
    "line-end U+2011": lambda s: re.sub(r"(\w)-( *)\n", "\\1\u2011\\2\n", s),
    "line-end ¬": lambda s: re.sub(r"(\w)-( *)\n", "\\1¬\\2\n", s),
    "ligatures": lambda s: s.replace("fi", "\ufb01").replace("fl", "\ufb02"),
    "modifier-letter apostrophes": lambda s: s.replace("’", "\u02bc"),
    "decomposed accents": lambda s: unicodedata.normalize("NFD", s),
    "Windows line ends": lambda s: s.replace("\n", "\r\n"),
    "full-width colons": lambda s: s.replace("(cd&v):", "(cd&v)\uff1a"),
    "form feed glued to the header": lambda s: re.sub(
        r"\s*\n(Commissievergadering nr)", "\f\\1", s
    ),
}
# Stage directions, document lines and headers with another dash than the en dash.
for _dash in ["-", "\u2010", "\u2011", "\u2012", "\u2014", "\u2015", "\u2212"]:
    VARIANTS[f"line-start dash {_dash!r}"] = lambda s, d=_dash: re.sub(
        r"^– ", d + " ", s, flags=re.M
    )
    VARIANTS[f"header dash {_dash!r}"] = lambda s, d=_dash: re.sub(
        r"\) – (\d+ maart)", f") {d} \\1", s
    )


@pytest.mark.parametrize("name", list(VARIANTS))
def test_a_variant_of_the_sample_gives_the_same_turns(name, sample_text, plain):
    changed = VARIANTS[name](sample_text)
    assert changed != sample_text  # the variant changes the sample
    assert _key(_turns(changed)) == plain


def test_a_dash_variant_changes_the_chair_as_the_en_dash_does(sample_text):
    changed = re.sub(r"^– (\S+ \S+ treedt)", "- \\1", sample_text, flags=re.M)
    result = dk.parse_transcript(changed, SOURCE, report=True)
    assert result.report.stage_directions["new_chair"].dropna().tolist() == ["Robrecht Bothuyne"]


def test_the_report_counts_what_was_normalised(sample_text):
    changed = sample_text.replace("De voorzitter:", "De\u00a0voorzitter:").replace("fi", "\ufb01")
    report = dk.parse_transcript(changed, SOURCE, report=True).report
    assert report.normalised["unicode spaces"] == sample_text.count("De voorzitter:")
    assert report.normalised["ligatures"] == sample_text.count("fi")
    assert "extraction traces normalised" in report.summary()
    assert dk.parse_transcript(sample_text, SOURCE, report=True).report.normalised == {}


def test_lines_split_at_a_glued_form_feed_keep_the_file_s_line_numbers(sample_text):
    changed = re.sub(r"\s*\n(Commissievergadering nr)", "\f\\1", sample_text)
    plain = dk.parse_transcript(sample_text, SOURCE, report=True)
    glued = dk.parse_transcript(changed, SOURCE, report=True)
    assert glued.report.normalised["lines split"] >= 1
    header = glued.report.lines.query("kind == 'header'")["line"].tolist()
    assert header == [changed[: changed.index("\fCommissie")].count("\n") + 1]
    # Every turn starts at the line of the changed file that holds its label.
    lines = changed.split("\n")
    for row in glued.turns.itertuples():
        assert (
            row.speaker is None
            or row.speaker.split()[-1] in lines[row.line_start - 1]
            or (row.role == "chair")
        )
    assert len(glued.turns) == len(plain.turns)


@pytest.mark.parametrize(
    "label, speaker, party, role",
    [
        ("Anke Van dermeersch (Vlaams Belang):", "Anke Van dermeersch", "Vlaams Belang", "member"),
        ("Karel d'Haese (N-VA):", "Karel d'Haese", "N-VA", "member"),
        ("Els de Clercq (Groen):", "Els de Clercq", "Groen", "member"),
        ("Jan Van den Heuvel (CD&V):", "Jan Van den Heuvel", "CD&V", "member"),
        ("Mevrouw Els Peeters (sp·a):", "Els Peeters", "sp·a", "member"),
        ("De heer Axel Ronse (N-VA) :", "Axel Ronse", "N-VA", "member"),
        ("STIJN VAN DEN BOSSCHE (OPEN VLD):", "Stijn Van den Bossche", "OPEN VLD", "member"),
        ("Vlaams minister van Onderwijs Annick De Ridder:", "Annick De Ridder", None, "minister"),
        ("MINISTER JO BROUNS:", "Jo Brouns", None, "minister"),
        ("DE VOORZITTER:", None, None, "chair"),
    ],
)
def test_label_forms_open_a_turn_without_a_blank_line(label, speaker, party, role):
    text = (
        "VRAAG OM UITLEG van Els Peeters aan Jo Brouns, minister, over werk\n"
        "De voorzitter: Mevrouw Peeters heeft het woord.\n"
        "Anna Peeters (Groen): Wij vroegen het al\n"
        "(Opmerkingen van Filip Brusselmans en van\n"
        "Inge Moerman)\n"
        f"{label} Dat is waar.\n"
        "Bespreking\n"
        "Minister Jo Brouns: Ik antwoord.\n"
    )
    turns = _turns(text)
    assert turns["speaker"].tolist()[2:3] == [speaker] or role == "chair"
    assert turns["role"].tolist() == ["chair", "member", role, "minister"]
    assert turns["text"].tolist()[2:] == ["Dat is waar. Bespreking", "Ik antwoord."] or (
        turns["text"].tolist()[2] == "Dat is waar."
    )
    if party is not None:
        assert turns["party"].tolist()[2] == party


def test_a_line_in_speech_with_a_bracket_and_colon_is_no_label():
    text = "De voorzitter: Het woord is aan u.\nIk zeg (echt): dat gaat niet.\n"
    assert _turns(text)["text"].tolist() == ["Het woord is aan u. Ik zeg (echt): dat gaat niet."]


def test_hyphens_of_name_adjectives_and_collega_compounds_stay():
    text = (
        "Stijn De Roo (cd&v): De Vlaams-\nnationalisten en de Waals-\nBrusselse partijen en de "
        "collega-\nministers.\n"
    )
    assert _turns(text)["text"].tolist() == [
        "De Vlaams-nationalisten en de Waals-Brusselse partijen en de collega-ministers."
    ]


_FIXTURE = [HealthCheck.function_scoped_fixture]
_SPACES = ["\u00a0", "\u2009", "\u202f", "\u2002", "\t"]


def _mangle(text: str, data, n_lines: int) -> str:
    lines = text.split("\n")
    for _ in range(n_lines):
        i = data.draw(st.integers(0, len(lines) - 1))
        space = data.draw(st.sampled_from(_SPACES))
        lines[i] = lines[i].replace(" ", space)
    text = "\n".join(lines)
    if data.draw(st.booleans()):  # paragraphs' blank lines removed
        text = re.sub(r"\n[ \t]*\n", "\n", text)
    if data.draw(st.booleans()):  # page breaks glued to the header
        text = re.sub(r"\s*\n(Commissievergadering nr)", "\f\\1", text)
    return text


def _check_speakers(sample_text, data, n_lines):
    expected = _speakers(_turns(sample_text))
    assert _speakers(_turns(_mangle(sample_text, data, n_lines))) == expected


# A few examples in every run (each parses the whole sample); hundreds in the slow one.
@settings(
    max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_unicode_spaces_missing_blank_lines_and_glued_page_breaks_keep_the_speakers(
    sample_text, data
):
    _check_speakers(sample_text, data, n_lines=40)


@pytest.mark.slow
@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_many_mangled_samples_keep_the_speakers(sample_text, data):
    _check_speakers(sample_text, data, n_lines=200)
