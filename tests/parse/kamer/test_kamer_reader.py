"""The federal Chamber's reports into the turns table: real excerpts and built edge cases."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pandas as pd
import pytest

import debatekit as dk
from debatekit.parse._readers import readers
from debatekit.parse.kamer._html import read_paragraphs

DATA = Path(__file__).resolve().parents[2] / "data" / "kamer"
COMMISSION = DATA / "commission-56-100-opening.html"
PLENARY = DATA / "plenary-56-10-opening.html"
VOTES = DATA / "plenary-56-15-urgency.html"
CHAIR = DATA / "commission-56-130-chair.html"
NUMBERED = re.compile(r"^\d{2}\.\d{2}\s+\S[^:]{0,90}:")


@pytest.fixture(scope="module")
def plenary() -> dk.ParseResult:
    return dk.read_transcript(PLENARY, report=True)


@pytest.fixture(scope="module")
def commission() -> dk.ParseResult:
    return dk.read_transcript(COMMISSION, report=True)


def test_meeting_date_and_kind_come_from_the_title_block(plenary, commission):
    turns = plenary.turns
    assert set(turns["meeting"]) == {"Plenumvergadering van donderdag 24 oktober 2024, namiddag"}
    assert set(turns["date"]) == {pd.Timestamp("2024-10-24")}
    assert set(turns["meeting_kind"]) == {"plenary"}
    assert set(turns["parliament"]) == {"Kamer"}
    other = commission.turns
    assert set(other["meeting_kind"]) == {"Commissie voor Sociale Zaken, Werk en Pensioenen"}
    assert set(other["date"]) == {pd.Timestamp("2025-03-18")}
    assert other["meeting"].iloc[0].endswith("van dinsdag 18 maart 2025, voormiddag")


def test_every_numbered_label_is_one_turn_with_its_printed_number(plenary):
    paragraphs = read_paragraphs(PLENARY.read_bytes())
    printed = [p.text[:5] for p in paragraphs if NUMBERED.match(p.text)]
    assert printed == ["01.01", "01.02", "02.01"]
    assert plenary.turns["turn_label"].dropna().tolist() == printed


def test_speakers_parties_roles(commission):
    turns = commission.turns
    rows = turns[["turn_label", "speaker", "party", "role"]].astype(object).values.tolist()
    assert rows[:3] == [
        ["01.01", "Wouter Raskin", "N-VA", "member"],
        ["01.02", "Rob Beenders", pd.NA, "minister"],
        ["01.03", "Wouter Raskin", "N-VA", "member"],
    ]
    assert not turns["text"].str.contains("(N-VA):", regex=False).any()
    assert turns["text"].iloc[0].startswith("Het is een gigantische eer")


def test_the_chair_is_named_from_the_opening_line(plenary):
    chair = plenary.turns[plenary.turns["role"] == "chair"]
    assert len(chair) >= 2
    assert set(chair["speaker"]) == {"Peter De Roover"}


def test_a_chair_change_names_the_next_chair():
    result = dk.read_transcript(CHAIR, report=True)
    turns = result.turns
    assert turns["speaker"].iloc[0] == "Steven Vandeput"  # the opening line's chair
    changes = result.report.stage_directions
    assert changes["new_chair"].dropna().unique().tolist() == ["Dieter Vanbesien"]
    kinds = result.report.lines.set_index("text")["kind"]
    assert kinds["Voorzitter: Dieter Vanbesien."] == "chair"
    assert kinds["Président: Dieter Vanbesien."] == "chair"
    assert turns["turn_label"].dropna().tolist() == ["20.01", "20.02", "20.03"]


def test_items_take_the_dutch_title_and_the_french_in_its_own_column(commission):
    first = commission.turns.iloc[0]
    assert first["item"] == 1
    assert first["item_title"].startswith("Vraag van Wouter Raskin aan Rob Beenders")
    assert first["item_title_fr"].startswith("Question de Wouter Raskin à Rob Beenders")
    assert first["item_docs"] == "56002794C"
    assert first["item_kind"] == "vraag"


def test_joint_questions_are_one_item_whichever_language_comes_first(plenary):
    joint = plenary.turns[plenary.turns["item"] == 2]
    assert len(joint) == 1
    row = joint.iloc[0]
    assert row["item_kind"] == "samengevoegde vragen"
    assert row["item_title"].startswith("Samengevoegde vragen van - François De Smet aan")
    assert row["item_title_fr"].startswith("Questions jointes de - François De Smet à")
    headings = [p.text for p in read_paragraphs(PLENARY.read_bytes()) if p.tag == "h2"]
    printed = re.findall(r"\((\d{8}P)\)", " ".join(h for h in headings if " aan " in h))
    assert len(printed) == 7
    assert row["item_docs"].split("; ") == printed
    items = plenary.report.items
    assert set(items.loc[items["item"] == 2, "lang"]) == {"nl", "fr"}


def test_language_is_decided_from_the_text(plenary):
    by_label = plenary.turns.set_index("turn_label")["lang"]
    assert by_label["01.01"] == "nl"
    assert by_label["01.02"] == "fr"  # the same member, now speaking French
    assert by_label["02.01"] == "fr"


def test_a_procedural_twin_read_in_both_languages_stays_one_turn(plenary):
    # "De voorzitter: De vergadering is geopend." and its twin "La séance est ouverte."
    first = plenary.turns.iloc[0]
    assert first["role"] == "chair"
    assert first["text"].startswith("De vergadering is geopend.\n\nLa séance est ouverte.")
    assert plenary.turns["text"].str.count("La séance est ouverte.").sum() == 1


def test_every_paragraph_ends_in_a_turn_a_heading_or_the_report():
    result = dk.read_transcript(VOTES, report=True)
    lines = result.report.lines
    assert len(lines) == len(read_paragraphs(VOTES.read_bytes()))
    assert "unplaced" not in set(lines["kind"])
    votes = lines[lines["kind"] == "votes"]
    assert "(Stemming/vote 1)" in set(votes["text"])
    assert any(t.startswith("Aerts Staf, Aouasti Khalil") for t in votes["text"])
    assert not result.turns["text"].str.contains("Aerts Staf").any()
    spoken = [line for t in result.turns["text"] for line in t.split("\n\n")]
    # Every paragraph of a turn is in its text, the first without its label.
    for line in lines.loc[lines["kind"] == "turn", "text"]:
        assert line in spoken or any(line.endswith(": " + s) for s in spoken)


def test_provenance_points_at_paragraphs(commission):
    lines = commission.report.lines.set_index("line")["text"]
    for _, turn in commission.turns.iterrows():
        assert lines[turn["line_start"]].endswith(turn["text"].split("\n\n")[0])


def _text_report(*body: str) -> str:
    title = [
        "Commissie voor Justitie",
        "Woensdag 18 september 2024",
        "Namiddag",
        "De openbare commissievergadering wordt geopend om 14.05 uur en voorgezeten "
        "door mevrouw Ismaël Nuino.",
        "La réunion publique de commission est ouverte à 14 h 05 et présidée par Mme Ismaël Nuino.",
    ]
    return "\n".join([*title, *body]) + "\n"


def test_text_of_a_chamber_report_is_read_by_the_chamber_reader():
    text = _text_report(
        "01 Vraag van Sophie De Wit aan Annelies Verlinden (Justitie) over "
        '"De gevangenissen" (56000123C)',
        '01 Question de Sophie De Wit à Annelies Verlinden (Justice) sur "Les prisons" (56000123C)',
        "01.01 Sophie De Wit (N-VA): Mevrouw de minister, hoe staat het met de gevangenissen?",
        "01.02 Annelies Verlinden, ministre: Madame De Wit, je vous remercie pour votre question.",
        "Voorzitter: Khalil Aouasti.",
        "Président: Khalil Aouasti.",
        "01.03 Sophie De Wit (N-VA): Dank u voor uw antwoord.",
        "Het incident is gesloten.",
        "L'incident est clos.",
        "De voorzitter: Dat is het einde van de vragen.",
        "Le président: C'est la fin des questions.",
    )
    result = dk.parse_transcript(text, source="justitie.txt", report=True)
    turns = result.turns
    rows = turns[["turn_label", "speaker", "role", "lang"]].astype(object).values.tolist()
    assert rows == [
        ["01.01", "Sophie De Wit", "member", "nl"],
        ["01.02", "Annelies Verlinden", "minister", "fr"],
        ["01.03", "Sophie De Wit", "member", "nl"],
        [pd.NA, "Khalil Aouasti", "chair", "nl"],
    ]
    assert (
        turns["text"].iloc[-1] == "Dat is het einde van de vragen.\n\nC'est la fin des questions."
    )
    assert result.report.twins_merged == 1
    assert (
        turns["item_title_fr"].iloc[0] == "Question de Sophie De Wit à Annelies Verlinden "
        '(Justice) sur "Les prisons" (56000123C)'
    )
    assert turns["line_start"].tolist() == [8, 9, 12, 15]


def test_a_chamber_text_file_on_disk(tmp_path):
    path = tmp_path / "kamer.txt"
    path.write_text(_text_report("01.01 Sophie De Wit (N-VA): Mevrouw de minister, dank u."))
    turns = dk.read_transcript(path)
    assert turns["parliament"].tolist() == ["Kamer"]
    assert turns["speaker"].tolist() == ["Sophie De Wit"]


def test_flemish_turns_carry_parliament_and_language(sample_turns):
    assert set(sample_turns["parliament"]) == {"VP"}
    assert set(sample_turns["meeting_kind"]) == {"committee"}
    assert set(sample_turns["lang"]) == {"nl"}
    assert sample_turns["turn_label"].isna().all()
    assert sample_turns["item_title_fr"].isna().all()


def test_read_corpus_reads_both_parliaments_into_one_table(tmp_path, sample_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "vp.txt").write_bytes(sample_path.read_bytes())
    (folder / "kamer.html").write_bytes(COMMISSION.read_bytes())
    turns = dk.read_corpus(folder, progress=False)
    assert turns.groupby("parliament").size().to_dict() == {"Kamer": 3, "VP": 100}
    assert turns["turn_id"].is_unique


def test_an_html_file_that_is_no_chamber_report_is_refused(tmp_path):
    path = tmp_path / "page.html"
    path.write_text("<html><body><p>A recipe for soup.</p></body></html>")
    with pytest.raises(dk.UnsupportedFormatError, match=r"\[E501\]"):
        dk.read_transcript(path)


def test_a_chamber_report_without_labels_says_so(tmp_path):
    path = tmp_path / "empty.html"
    data = COMMISSION.read_bytes()
    cut = data[: data.find(b"<h2")] + b"</div></body></html>"
    path.write_bytes(cut)
    with pytest.raises(dk.NoTurnsError, match=r"\[E500\]") as info:
        dk.read_transcript(path)
    assert str(path) in str(info.value)


def test_one_reader_per_parliament_behind_one_interface():
    assert [r.parliament for r in readers()] == ["Kamer", "VP"]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", dk.DebatekitWarning)  # no meeting or date: W005
        assert dk.parse_transcript("Anna Peeters (Groen): Dank u.\n")["parliament"][0] == "VP"


class _SenateReader(dk.Reader):
    """A toy third parliament: lines 'NAME: text' after a 'SENAAT' title."""

    name = "senate"
    parliament = "Senaat"

    def recognises_text(self, text):
        return text.startswith("SENAAT")

    def parse_rows(self, text, source, *, meeting=None, date=None):
        rows = []
        for number, line in enumerate(text.splitlines()[1:], start=2):
            speaker, _, said = line.partition(": ")
            rows.append(
                {"turn_id": f"S-{number}", "parliament": "Senaat", "speaker": speaker,
                 "role": "member", "text": said, "procedural": False, "source": source,
                 "line_start": number, "line_end": number}
            )  # fmt: skip
        return rows, dk.ParseReport(source)


def test_a_third_parliament_is_one_new_reader():
    from debatekit.parse import _readers

    reader = dk.register_reader(_SenateReader())
    try:
        turns = dk.parse_transcript("SENAAT\nAnna Peeters: Dank u.\n")
        assert turns[["parliament", "speaker", "text"]].values.tolist() == [
            ["Senaat", "Anna Peeters", "Dank u."]
        ]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", dk.DebatekitWarning)
            flemish = dk.parse_transcript("Anna Peeters (Groen): Dank u.\n")
        assert flemish["parliament"][0] == "VP"
    finally:
        _readers._READERS.remove(reader)
