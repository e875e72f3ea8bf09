"""The forms real Flemish Parliament reports take beyond the committee sample.

Each case is a short transcript built here in the layout of the Parliament's
PDF reports (plenary sessions, interpellations, decrees, tables of contents,
chair changes), and asserts what a political scientist needs from it: who
spoke, for which party, in which role, under which chair and item, and that no
word is lost or put where it does not belong.
"""

from __future__ import annotations

import re
from collections import Counter

import pandas as pd

import debatekit as dk

_LABEL = re.compile(
    r"^\s*(?:[^():]{1,60}\([^()]{1,30}\)|(?:Vlaams minister|Minister-president|"
    r"Viceminister-president|Minister|De voorzitter|De ondervoorzitter)[^:]{0,40}):\s*"
)


def _parse(text: str) -> tuple[pd.DataFrame, dk.ParseReport]:
    turns, report = dk.parse_transcript(text, source="built.txt", report=True)
    return turns, report


def _words(text: str) -> Counter:
    return Counter(re.findall(r"[\w&'’-]+", text))


def _assert_nothing_lost(text: str, turns: pd.DataFrame, report: dk.ParseReport) -> None:
    """Every word of a turn line is in a turn's text (or its label); every line is placed."""
    lines = report.lines
    assert len(lines) == len(text.rstrip("\n").split("\n"))
    spoken = Counter()
    for line in lines.loc[lines["kind"] == "turn", "text"]:
        spoken += _words(_LABEL.sub("", line))
    kinds = dict(zip(lines["line"], lines["kind"]))
    for row in report.stage_directions.itertuples():
        if kinds[row.line] == "turn":  # a reaction cut from a turn's line
            spoken -= _words(row.text)
    said = Counter()
    for t in turns["text"]:
        said += _words(t)
    assert said == spoken, (said - spoken, spoken - said)


def _assert_clean(turns: pd.DataFrame) -> None:
    text = "\n".join(turns["text"])
    for furniture in (
        "Plenaire vergadering nr.",
        "Vlaams Parlement",
        "(Applaus",
        "(Rumoer",
        "(Opmerkingen",
        "wordt geschorst",
        "wordt hervat",
        "treedt",
    ):
        assert furniture not in text, furniture


PLENARY = """\
Plenaire vergadering nr. 30 (2023-2024) – 20 maart 2024 5
ACTUELE VRAAG van Katia Segers aan Ben Weyts, viceminister-president van de Vlaamse
Regering, Vlaams minister van Onderwijs, over het lerarentekort
– 912 (2023-2024)
Voorzitter: mevrouw Liesbeth Homans
De voorzitter: Mevrouw Segers heeft het woord.
Katia Segers (Vooruit): Minister, de scholen vinden geen leraren meer. Dat is
onaanvaardbaar. (Applaus bij Vooruit)
(Opmerkingen van Filip Brusselmans)
Ik rond af: wat gaat u doen?
Vlaams minister Ben Weyts: We hebben een plan.
(Rumoer)
Filip Brusselmans (Vlaams Belang): Dat is niet waar!
Vlaams minister Ben Weyts: Het is wel waar. We werven tweeduizend leraren aan.
(Applaus bij N-VA)
Kris Van Dijck (N-VA): Dank u, minister.
De voorzitter: De actuele vraag is afgehandeld.
– De vergadering wordt geschorst om 15.12 uur.
– De vergadering wordt hervat om 15.30 uur.
Vlaams Parlement
Plenaire vergadering nr. 30 (2023-2024) – 20 maart 2024 6
ACTUELE VRAGEN van Sihame El Kaouakibi, van Jan Van den Bergh en van Mercedes Van
Volcem aan Matthias Diependaele, minister-president van de Vlaamse Regering, over
de begroting
– 915 (2023-2024)
– 918 (2023-2024)
De voorzitter: Mevrouw El Kaouakibi heeft het woord.
Sihame El Kaouakibi (Open Vld): Minister-president, de begroting ontspoort.
Jan Van den Bergh (cd&v): Ik sluit mij aan bij collega El Kaouakibi.
Mercedes Van Volcem (Open Vld): En ik ook.
Minister-president Matthias Diependaele: De begroting is in evenwicht.
Viceminister-president Hilde Crevits: Ik vul aan.
Inge Moerman (PVDA): Dat geloven wij niet.
Annick De Ridder (Groen): Wij ook niet.
De voorzitter: De actuele vragen zijn afgehandeld.
"""


def test_plenary_speakers_parties_and_roles():
    turns, report = _parse(PLENARY)
    assert set(turns["meeting"]) == {"30 (2023-2024)"}
    assert set(turns["date"]) == {pd.Timestamp("2024-03-20")}
    party = turns["party"].astype(object).where(turns["party"].notna(), None)
    assert list(zip(turns["speaker"], party, turns["role"])) == [
        ("Liesbeth Homans", None, "chair"),
        ("Katia Segers", "Vooruit", "member"),
        ("Ben Weyts", None, "minister"),
        ("Filip Brusselmans", "Vlaams Belang", "member"),
        ("Ben Weyts", None, "minister"),
        ("Kris Van Dijck", "N-VA", "member"),
        ("Liesbeth Homans", None, "chair"),
        ("Liesbeth Homans", None, "chair"),
        ("Sihame El Kaouakibi", "Open Vld", "member"),
        ("Jan Van den Bergh", "cd&v", "member"),
        ("Mercedes Van Volcem", "Open Vld", "member"),
        ("Matthias Diependaele", None, "minister"),
        ("Hilde Crevits", None, "minister"),
        ("Inge Moerman", "PVDA", "member"),
        ("Annick De Ridder", "Groen", "member"),
        ("Liesbeth Homans", None, "chair"),
    ]
    _assert_nothing_lost(PLENARY, turns, report)
    _assert_clean(turns)


def test_plenary_stage_directions_leave_the_speech():
    turns, report = _parse(PLENARY)
    segers = turns.loc[turns["speaker"] == "Katia Segers", "text"].item()
    assert segers == (
        "Minister, de scholen vinden geen leraren meer. Dat is onaanvaardbaar."
        "\n\nIk rond af: wat gaat u doen?"
    )
    weyts = turns.loc[turns["speaker"] == "Ben Weyts", "text"].tolist()
    assert weyts == ["We hebben een plan.", "Het is wel waar. We werven tweeduizend leraren aan."]
    assert report.stage_directions["text"].tolist() == [
        "(Applaus bij Vooruit)",
        "(Opmerkingen van Filip Brusselmans)",
        "(Rumoer)",
        "(Applaus bij N-VA)",
        "– De vergadering wordt geschorst om 15.12 uur.",
        "– De vergadering wordt hervat om 15.30 uur.",
    ]


def test_plenary_items_titles_docs_and_askers():
    turns, report = _parse(PLENARY)
    items = report.items
    assert items["item"].tolist() == [1, 2]
    assert items["kind"].tolist() == ["actuele vraag", "actuele vragen"]
    assert items["docs"].tolist() == ["912 (2023-2024)", "915 (2023-2024); 918 (2023-2024)"]
    assert items["asker"].tolist() == [
        "Katia Segers",
        "Sihame El Kaouakibi; Jan Van den Bergh; Mercedes Van Volcem",
    ]
    assert items["addressee"].tolist() == ["Ben Weyts", "Matthias Diependaele"]
    assert items["subject"].tolist() == ["het lerarentekort", "de begroting"]
    assert items["chair"].tolist() == ["Liesbeth Homans", "Liesbeth Homans"]
    assert turns.groupby("item")["item_title"].first().str.startswith("ACTUELE VRA").all()
    # The suspension belongs to the first item, after its last turn.
    assert report.lines.loc[report.lines["kind"] == "unplaced"].empty


INTERPELLATION = """\
INTERPELLATIE van Jan Van den Bergh tot Matthias Diependaele over de begroting
– 1234 (2023-2024)
Voorzitter: de heer Kris Van Dijck
De voorzitter: De heer Van den Bergh heeft het woord.
Jan Van den Bergh (cd&v): Minister-president, waar blijft de begroting?
Minister-president Matthias Diependaele: Ze komt er.
MOTIES
De voorzitter: Tot besluit van deze interpellatie werden twee moties ingediend.
Het incident is gesloten.
"""


def test_interpellation_without_comma_and_motions():
    turns, report = _parse(INTERPELLATION)
    items = report.items
    first = items.iloc[0]
    assert (first["asker"], first["addressee"], first["subject"]) == (
        "Jan Van den Bergh",
        "Matthias Diependaele",
        "de begroting",
    )
    assert items["kind"].tolist() == ["interpellatie", "moties"]
    assert turns["item"].tolist() == [1, 1, 1, 2]
    _assert_nothing_lost(INTERPELLATION, turns, report)


DECREE = """\
VOORSTEL VAN DECREET van Kris Van Dijck, Annick De Ridder en Inge Moerman houdende
wijziging van het decreet van 12 juli 2013 betreffende de integrale jeugdhulp
– 1701 (2023-2024) – Nr. 1
ALGEMENE BESPREKING
De voorzitter: De algemene bespreking is geopend.
Kris Van Dijck (N-VA): Dit voorstel maakt de jeugdhulp eenvoudiger.
Inge Moerman (PVDA): Wij steunen het niet.
De voorzitter: De algemene bespreking is gesloten.
ARTIKELSGEWIJZE BESPREKING
De voorzitter: Er zijn geen opmerkingen bij de artikelen.
STEMMINGEN
De voorzitter: Wij stemmen over het voorstel van decreet.
"""


def test_decree_phases_stay_in_the_decree_item():
    turns, report = _parse(DECREE)
    assert turns["item"].tolist() == [1, 1, 1, 1, 1, 2]
    decree = turns.loc[turns["item"] == 1, "item_title"].unique()
    assert len(decree) == 1 and decree[0].startswith("VOORSTEL VAN DECREET van Kris Van Dijck")
    assert "integrale jeugdhulp" in decree[0]
    assert set(turns.loc[turns["item"] == 1, "item_docs"]) == {"1701 (2023-2024)"}
    assert turns.loc[turns["item"] == 2, "item_kind"].item() == "stemmingen"
    # The phases are kept in the report as headings of the decree's item.
    phases = report.items[report.items["item"] == 1]["title"].tolist()
    assert "ALGEMENE BESPREKING" in phases and "ARTIKELSGEWIJZE BESPREKING" in phases
    _assert_nothing_lost(DECREE, turns, report)


TABLE_OF_CONTENTS = """\
VLAAMS PARLEMENT
Plenaire vergadering
Woensdag 20 maart 2024
INHOUD

ACTUELE VRAAG van Katia Segers aan Ben Weyts, viceminister-president van de Vlaamse
Regering, over het lerarentekort 3

INTERPELLATIE van Jan Van den Bergh tot Matthias Diependaele, minister-president van
de Vlaamse Regering, over de begroting ..... 5

Aanwezigheden 9

ACTUELE VRAAG van Katia Segers aan Ben Weyts, viceminister-president van de Vlaamse
Regering, over het lerarentekort
Voorzitter: mevrouw Liesbeth Homans
Katia Segers (Vooruit): Minister, wat doet u?
Minister Ben Weyts: Veel.
"""


def test_table_of_contents_is_unplaced_not_an_item():
    turns, report = _parse(TABLE_OF_CONTENTS)
    assert turns["speaker"].tolist() == ["Katia Segers", "Ben Weyts"]
    items = report.items
    assert len(items) == 1
    assert items["title"].item().endswith("over het lerarentekort")
    assert items["docs"].isna().all()  # an item with no document line
    # The title page's "Vlaams Parlement" is furniture; the rest goes to the report.
    assert report.lines["kind"].iloc[0] == "footer"
    assert report.unplaced["line"].tolist() == [2, 3, 4, 6, 7, 9, 10, 12]
    _assert_nothing_lost(TABLE_OF_CONTENTS, turns, report)


SPLIT_HEADING = """\
Commissievergadering nr. C12 (2024-2025) – 3 oktober 2024 7
Annick De Ridder (N-VA): Ik heb gezegd.
De voorzitter: De vraag om uitleg is afgehandeld.
VRAGEN OM UITLEG van Katia Segers, van Mercedes Van Volcem en van Inge Moerman aan Ben
Vlaams Parlement
 Weyts, Vlaams minister van Onderwijs, over de schoolbussen
– 88 (2024-2025)
– 91 (2024-2025)
De voorzitter: Mevrouw Segers heeft het woord.
Katia Segers (Vooruit): Minister, de bussen rijden niet.
"""


def test_heading_over_a_page_break_with_several_askers():
    turns, report = _parse(SPLIT_HEADING)
    heading = report.items.iloc[-1]
    assert heading["title"] == (
        "VRAGEN OM UITLEG van Katia Segers, van Mercedes Van Volcem en van Inge Moerman "
        "aan Ben Weyts, Vlaams minister van Onderwijs, over de schoolbussen"
    )
    assert heading["asker"] == "Katia Segers; Mercedes Van Volcem; Inge Moerman"
    assert heading["addressee"] == "Ben Weyts"
    assert heading["docs"] == "88 (2024-2025); 91 (2024-2025)"
    # The turns before the first heading are kept, without an item.
    assert turns["item"].isna().tolist() == [True, True, False, False]
    _assert_nothing_lost(SPLIT_HEADING, turns, report)


CHAIR_CHANGES = """\
VRAAG OM UITLEG van Katia Segers aan Ben Weyts, Vlaams minister van Onderwijs, over de
leerlingenbegeleiding
Voorzitter: mevrouw Liesbeth Homans
De voorzitter: Mevrouw Segers heeft het woord.
– Freya Perdaens treedt als voorzitter op.
Katia Segers (Vooruit): Minister, hoe staat het ermee?
De ondervoorzitter: Minister Weyts heeft het woord.
Minister Ben Weyts: Goed.
– Liesbeth Homans treedt opnieuw als voorzitter op.
De voorzitter: De vraag om uitleg is afgehandeld.
"""


def test_chair_changes_and_the_vice_chair_label():
    turns, report = _parse(CHAIR_CHANGES)
    chairs = turns.loc[turns["role"] == "chair", "speaker"].tolist()
    assert chairs == ["Liesbeth Homans", "Freya Perdaens", "Liesbeth Homans"]
    assert report.stage_directions["new_chair"].tolist() == ["Freya Perdaens", "Liesbeth Homans"]
    assert report.items["chair"].tolist() == ["Liesbeth Homans"]
    _assert_nothing_lost(CHAIR_CHANGES, turns, report)
    _assert_clean(turns)


SUBJECT_FIRST = """\
ACTUELE VRAGEN over de energieprijzen van Katia Segers aan Hilde Crevits,
viceminister-president, en van Kris Van Dijck aan Hilde Crevits, viceminister-president
Viceminister-president Hilde Crevits: De prijzen dalen.
"""


def test_grouped_questions_naming_the_subject_first():
    # Not sure of this form in real reports: read generally, subject up to the first asker.
    turns, report = _parse(SUBJECT_FIRST)
    heading = report.items.iloc[0]
    assert heading["asker"] == "Katia Segers; Kris Van Dijck"
    assert heading["addressee"] == "Hilde Crevits"
    assert heading["subject"] == "de energieprijzen"
    # The label right under the heading, with no document or chair line between.
    assert turns["speaker"].tolist() == ["Hilde Crevits"]
    assert turns["text"].tolist() == ["De prijzen dalen."]


MORE_PLENARY = """\
4 Plenaire vergadering nr. 30 (2023-2024) – 20 maart 2024
OPENING VAN DE VERGADERING
De voorzitter: De vergadering is geopend.
VERONTSCHULDIGINGEN
De voorzitter: Verontschuldigd is Annick De Ridder.
INTERPELLATIES van Jan Van den Bergh tot Matthias Diependaele en van Inge Moerman tot
Matthias Diependaele, minister-president, over de begroting
Jan Van den Bergh (cd&v): Dat is onaanvaardbaar. (Applaus bij cd&v) Ik ga verder.
Het is genoeg geweest.
(Opmerkingen van Filip Brusselmans en van
Inge Moerman)
Ik herhaal: het is genoeg.
Minister-president Matthias Diependaele: Neen.
"""


def test_reactions_mid_line_and_over_two_lines():
    turns, report = _parse(MORE_PLENARY)
    member = turns.loc[turns["speaker"] == "Jan Van den Bergh", "text"].item()
    assert member == (
        "Dat is onaanvaardbaar. Ik ga verder. Het is genoeg geweest.\n\nIk herhaal: het is genoeg."
    )
    assert report.stage_directions["text"].tolist() == [
        "(Applaus bij cd&v)",
        "(Opmerkingen van Filip Brusselmans en van Inge Moerman)",
    ]
    _assert_nothing_lost(MORE_PLENARY, turns, report)


def test_one_word_headings_and_paired_interpellations():
    turns, report = _parse(MORE_PLENARY)
    assert set(turns["date"]) == {pd.Timestamp("2024-03-20")}
    items = report.items
    assert items["title"].tolist()[:2] == ["OPENING VAN DE VERGADERING", "VERONTSCHULDIGINGEN"]
    assert turns["item"].tolist() == [1, 2, 3, 3]
    last = items.iloc[-1]
    assert last["asker"] == "Jan Van den Bergh; Inge Moerman"
    assert last["addressee"] == "Matthias Diependaele"
    assert last["subject"] == "de begroting"


CONTENTS_WITH_PAGE_NUMBERS_BELOW = """\
INHOUD

ACTUELE VRAAG van Katia Segers aan Ben Weyts, viceminister-president van de Vlaamse
Regering, over het leraren-
tekort
3

ACTUELE VRAAG van Inge Moerman aan Hilde Crevits over de zorg
4

ACTUELE VRAAG van Katia Segers aan Ben Weyts, viceminister-president van de Vlaamse
Regering, over het lerarentekort

Katia Segers (Vooruit): Minister, wat doet u?
– Freya Perdaens treedt als
voorzitter op.
De voorzitter: Minister Weyts heeft het woord.
– Mevrouw Liesbeth Homans treedt opnieuw als voorzitter op.
De voorzitter: Dank u.
"""


def test_contents_whose_page_numbers_stand_below_the_entries():
    turns, report = _parse(CONTENTS_WITH_PAGE_NUMBERS_BELOW)
    items = report.items
    assert len(items) == 1 and items["line_start"].item() == 11
    assert items["title"].item().endswith("over het lerarentekort")
    kinds = report.lines["kind"]
    assert (kinds.iloc[:10] != "heading").all() and (kinds.iloc[:10] != "turn").all()
    assert set(report.unplaced["line"]) == {1, 3, 4, 5, 8}


def test_chair_change_over_two_lines_and_with_a_form_of_address():
    turns, report = _parse(CONTENTS_WITH_PAGE_NUMBERS_BELOW)
    assert turns["speaker"].tolist() == ["Katia Segers", "Freya Perdaens", "Liesbeth Homans"]
    assert turns["text"].iloc[0] == "Minister, wat doet u?"
    assert report.stage_directions["new_chair"].tolist() == ["Freya Perdaens", "Liesbeth Homans"]


CLOSING = """\
Voorzitter: mevrouw Liesbeth Homans
ACTUELE VRAAG van Inge Moerman aan minister-president Matthias Diependaele over de zorg
Inge Moerman (PVDA): Wat doet u?
Minister-president Matthias Diependaele: Veel.
VOORSTEL VAN RESOLUTIE van Kris Van Dijck betreffende de zorg
De voorzitter: We stemmen over het voorstel van resolutie.
– Er wordt tot naamstemming overgegaan.
De voorzitter: Het voorstel van resolutie is aangenomen.
Het incident is gesloten.
– De vergadering wordt gesloten om 18.12 uur.
Aanwezigheden
Aanwezig: Kris Van Dijck, Inge Moerman, Annick De Ridder.
"""


def test_the_opening_chair_line_and_a_title_before_the_addressee():
    turns, report = _parse(CLOSING)
    assert report.items["chair"].tolist() == ["Liesbeth Homans", "Liesbeth Homans"]
    first = report.items.iloc[0]
    assert (first["asker"], first["addressee"], first["subject"]) == (
        "Inge Moerman",
        "Matthias Diependaele",
        "de zorg",
    )


def test_votes_and_what_follows_the_close_stay_out_of_the_turns():
    turns, report = _parse(CLOSING)
    chair = turns.loc[turns["role"] == "chair", "text"].tolist()
    assert chair == [
        "We stemmen over het voorstel van resolutie.",
        "Het voorstel van resolutie is aangenomen. Het incident is gesloten.",
    ]
    assert report.stage_directions["text"].tolist() == [
        "– Er wordt tot naamstemming overgegaan.",
        "– De vergadering wordt gesloten om 18.12 uur.",
    ]
    assert report.unplaced["line"].tolist() == [11, 12]
    _assert_nothing_lost(CLOSING, turns, report)


TITLE_PAGE = """\
HANDELINGEN
Commissie voor Onderwijs
ACTUELE VRAGEN
ACTUELE VRAAG van Katia Segers aan Ben Weyts, Vlaams minister van Onderwijs, over de scholen
– 12 (2023-2024)
Katia Segers (Vooruit): Minister?
MOTIES
VOORSTEL VAN RESOLUTIE van Kris Van Dijck betreffende de scholen
Kris Van Dijck (N-VA): Ik stel het voor.
"""


def test_title_page_and_section_titles_are_not_joint_debates():
    turns, report = _parse(TITLE_PAGE)
    items = report.items
    assert items["item"].tolist() == [1, 2]
    assert turns["item_title"].tolist() == [
        "ACTUELE VRAAG van Katia Segers aan Ben Weyts, Vlaams minister van Onderwijs, "
        "over de scholen",
        "VOORSTEL VAN RESOLUTIE van Kris Van Dijck betreffende de scholen",
    ]
    assert report.unplaced["line"].tolist() == [1, 2, 3, 7]
    _assert_nothing_lost(TITLE_PAGE, turns, report)


def test_a_heading_ending_in_a_number_is_kept_when_turns_follow():
    text = (
        "VRAAG OM UITLEG van Inge Moerman aan Ben Weyts over de hervorming van graad 3\n"
        "Inge Moerman (PVDA): Minister?\n"
    )
    turns, report = _parse(text)
    assert turns["item"].tolist() == [1]
    assert report.items["subject"].item() == "de hervorming van graad 3"
