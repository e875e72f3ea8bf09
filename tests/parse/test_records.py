"""dk.from_records on tables shaped like the Parliament's web and open-data exports."""

from __future__ import annotations

import pandas as pd
import pytest

import debatekit as dk

KEYS = {
    "speaker": "spreker",
    "text": "tekst",
    "date": "datum",
    "meeting": "vergadering",
    "item": "agendapunt",
}
QUESTION = (
    "VRAAG OM UITLEG van Stijn De Roo aan Jo Brouns, Vlaams minister van Economie, over de "
    "kmo-portefeuille – 1395 (2024-2025)"
)
BUDGET = "ONTWERP VAN DECREET houdende de aanpassing van de begroting – 12 (2024-2025)"


def export(meeting: str = "C101 (2024-2025)", day: str = "dinsdag 25 februari 2025") -> list[dict]:
    """One meeting as a web export gives it: a row per speech, stage directions without speaker."""
    rows = [
        (None, "Voorzitter: de heer Björn Rzoska", QUESTION),
        ("De voorzitter", "De heer De Roo heeft het woord.", QUESTION),
        ("Stijn De Roo (cd&v)", "Minister, hoeveel bedrijven gebruiken de portefeuille?", QUESTION),
        ("Minister Jo Brouns", "Dat zijn er 12.000, collega.", QUESTION),
        (None, "– Mien Van Olmen treedt als voorzitter op.", QUESTION),
        ("De voorzitter", "De vraag om uitleg is afgehandeld.", QUESTION),
        ("Minister-president Matthias Diependaele", "Het ontwerp ligt voor.", BUDGET),
        ("Mien Van Olmen (cd&v)", "Wij steunen het ontwerp.", BUDGET),
        (None, "(Applaus bij cd&v)", BUDGET),
        ("De voorzitter", "De bespreking is gesloten.", BUDGET),
    ]
    return [
        {"spreker": s, "tekst": t, "agendapunt": a, "datum": day, "vergadering": meeting}
        for s, t, a in rows
    ]


@pytest.fixture()
def result() -> dk.ParseResult:
    return dk.from_records(export(), **KEYS, report=True)


def test_speakers_parties_and_roles(result):
    turns = result.turns
    assert list(turns.columns) == list(dk.TURN_COLUMNS)
    got = turns[["speaker", "party", "role"]].astype(object).where(turns.notna(), None)
    assert got.values.tolist() == [
        ["Björn Rzoska", None, "chair"],
        ["Stijn De Roo", "cd&v", "member"],
        ["Jo Brouns", None, "minister"],
        ["Mien Van Olmen", "cd&v", "chair"],  # her party, from her own speech
        ["Matthias Diependaele", None, "minister"],
        ["Mien Van Olmen", "cd&v", "member"],
        ["Mien Van Olmen", "cd&v", "chair"],
    ]


def test_stage_directions_change_the_chair_and_are_not_speech(result):
    turns, report = result
    assert not turns["text"].str.contains("treedt als voorzitter op|Applaus|Voorzitter:").any()
    stages = report.stage_directions
    assert stages["text"].tolist() == [
        "– Mien Van Olmen treedt als voorzitter op.",
        "(Applaus bij cd&v)",
    ]
    assert stages["new_chair"].fillna("-").tolist() == ["Mien Van Olmen", "-"]
    assert stages["turn"].tolist() == [3, 6]  # the turn each one follows
    assert report.lines["kind"].tolist() == [
        "chair", "turn", "turn", "turn", "stage direction", "turn",
        "turn", "turn", "stage direction", "turn",
    ]  # fmt: skip


def test_dates_meetings_items_and_keys(result):
    turns = result.turns
    assert set(turns["date"]) == {pd.Timestamp("2025-02-25")}
    assert set(turns["meeting"]) == {"C101 (2024-2025)"}
    assert turns["turn"].tolist() == list(range(1, 8))
    assert turns["turn_id"].iloc[0] == "C101-2024-2025-0001"
    assert turns["item"].tolist() == [1, 1, 1, 1, 2, 2, 2]
    assert turns["item_kind"].unique().tolist() == ["vraag om uitleg", "ontwerp van decreet"]
    assert turns["item_docs"].unique().tolist() == ["1395 (2024-2025)", "12 (2024-2025)"]
    assert turns["line_start"].tolist() == [2, 3, 4, 6, 7, 8, 10]  # the record's row


def test_report_has_the_agenda_items(result):
    items = result.report.items
    items = items.astype(object).where(items.notna(), None)
    assert items[["item", "kind", "docs", "asker", "addressee"]].values.tolist() == [
        [1, "vraag om uitleg", "1395 (2024-2025)", "Stijn De Roo", "Jo Brouns"],
        [2, "ontwerp van decreet", "12 (2024-2025)", None, None],
    ]
    assert items["subject"].iloc[0] == "de kmo-portefeuille"
    assert items["chair"].tolist() == ["Björn Rzoska", "Mien Van Olmen"]
    assert items[["line_start", "line_end"]].values.tolist() == [[2, 6], [7, 10]]
    assert items["meeting"].unique().tolist() == ["C101 (2024-2025)"]


def test_procedural_turns(result):
    turns = result.turns
    assert turns["procedural"].tolist() == [True, False, False, True, False, False, True]
    assert turns["n_words"].tolist() == [7, 6, 5, 6, 4, 4, 4]


def test_several_meetings_are_numbered_apart():
    rows = export("C101 (2024-2025)") + export("C102 (2024-2025)", "donderdag 27 februari 2025")
    turns = dk.from_records(pd.DataFrame(rows), **KEYS)
    assert turns["turn_id"].is_unique
    for meeting, day in (("C101", "2025-02-25"), ("C102", "2025-02-27")):
        one = turns[turns["meeting"] == f"{meeting} (2024-2025)"]
        assert one["turn"].tolist() == list(range(1, 8))
        assert one["turn_id"].tolist() == [f"{meeting}-2024-2025-{n:04d}" for n in range(1, 8)]
        assert one["item"].tolist() == [1, 1, 1, 1, 2, 2, 2]
        assert set(one["date"]) == {pd.Timestamp(day)}
        # Each meeting starts with its own chair line, not the last meeting's chair.
        assert one.loc[one["role"] == "chair", "speaker"].tolist()[0] == "Björn Rzoska"


def test_grouped_export_names_meeting_and_date_once():
    rows = export("C101 (2024-2025)") + export("C102 (2024-2025)", "donderdag 27 februari 2025")
    for row in rows[1:10] + rows[11:]:
        row["vergadering"] = row["datum"] = None
    turns = dk.from_records(rows, **KEYS)
    assert turns.groupby("meeting")["date"].unique().map(list).to_dict() == {
        "C101 (2024-2025)": [pd.Timestamp("2025-02-25")],
        "C102 (2024-2025)": [pd.Timestamp("2025-02-27")],
    }
    assert turns["turn_id"].is_unique and turns["turn"].max() == 7


def test_chair_given_where_no_record_names_one():
    rows = [
        {"spreker": "De voorzitter", "tekst": "De heer De Roo heeft het woord."},
        {"spreker": "Stijn De Roo (cd&v)", "tekst": "Dank u."},
    ]
    unnamed = dk.from_records(rows, speaker="spreker", text="tekst")
    assert unnamed["speaker"].isna().tolist() == [True, False]
    named = dk.from_records(rows, speaker="spreker", text="tekst", chair="Björn Rzoska")
    assert named["speaker"].tolist() == ["Björn Rzoska", "Stijn De Roo"]


def test_party_column_and_scraper_forms_of_speaker():
    rows = pd.DataFrame(
        {
            "naam": ["De heer Stijn De Roo", "Voorzitter Björn Rzoska", "Jo Brouns", "Anna"],
            "partij": ["cd&v", None, None, "Groen"],
            "inhoud": ["Een vraag.", "Dank u.", "Een antwoord.", "Ik ook."],
        }
    )
    turns = dk.from_records(rows, speaker="naam", text="inhoud", party="partij")
    got = turns[["speaker", "party", "role"]].astype(object).where(turns.notna(), None)
    assert got.values.tolist() == [
        ["Stijn De Roo", "cd&v", "member"],
        ["Björn Rzoska", None, "chair"],
        ["Jo Brouns", None, "member"],  # a name alone says no role
        ["Anna", "Groen", "member"],
    ]


def test_blank_and_speakerless_records_go_to_the_report():
    rows = [
        {"spreker": None, "tekst": None},
        {"spreker": "Stijn De Roo (cd&v)", "tekst": ""},
        {"spreker": None, "tekst": "Een zin zonder spreker."},
        {"spreker": "Minister Jo Brouns", "tekst": "Dank u."},
    ]
    turns, report = dk.from_records(rows, speaker="spreker", text="tekst", report=True)
    assert turns["speaker"].tolist() == ["Jo Brouns"]
    assert report.lines["kind"].tolist() == ["blank", "unplaced", "unplaced", "turn"]
    assert report.unplaced["text"].tolist() == ["", "Een zin zonder spreker."]


@pytest.mark.parametrize(
    ("keyword", "column"), [("speaker", "spreker_naam"), ("text", "body"), ("date", "dag")]
)
def test_missing_column_is_a_clear_records_error(keyword, column):
    with pytest.raises(dk.RecordsError) as info:
        dk.from_records(export(), **{**KEYS, keyword: column})
    message = str(info.value)
    assert f"Column {column!r} (given as {keyword}=)" in message
    assert "spreker, tekst, agendapunt, datum, vergadering" in message
    assert isinstance(info.value, dk.DebatekitError)


def test_records_from_files(tmp_path):
    frame = pd.DataFrame(export())
    expected = dk.from_records(frame, **KEYS)
    frame.to_csv(tmp_path / "export.csv", index=False)
    frame.to_json(tmp_path / "export.jsonl", orient="records", lines=True, force_ascii=False)
    for name in ("export.csv", "export.jsonl"):
        turns = dk.from_records(tmp_path / name, **KEYS)
        pd.testing.assert_frame_equal(turns, expected)
    with pytest.raises(dk.RecordsError, match=r"export\.xlsx.*\.csv, \.parquet"):
        dk.from_records(tmp_path / "export.xlsx", **KEYS)


def label_of(turn) -> str:
    if turn.role == "chair":
        return "De voorzitter"
    if turn.role == "minister":
        return f"Minister {turn.speaker}"
    return f"{turn.speaker} ({turn.party})"


def test_round_trip_of_the_sample(sample_turns, sample_report):
    """The sample's turns written as a records export, read back: the same turns."""
    chair_changes = dict(
        zip(
            sample_report.stage_directions["turn"],
            sample_report.stage_directions["text"],
            strict=True,
        )
    )
    rows = [{"spreker": None, "tekst": "Voorzitter: de heer Björn Rzoska"}]
    for turn in sample_turns.itertuples():
        rows.append(
            {
                "spreker": label_of(turn),
                "tekst": turn.text,
                "agendapunt": turn.item_title,
                "documenten": turn.item_docs,
                "datum": "donderdag 28 maart 2024",
                "vergadering": turn.meeting,
            }
        )
        if turn.turn in chair_changes:
            rows.append({"spreker": None, "tekst": chair_changes[turn.turn]})
    source = str(sample_turns["source"].iloc[0])
    turns = dk.from_records(rows, **KEYS, docs="documenten", source=source)
    same = ["turn_id", "meeting", "date", "item", "item_title", "item_docs", "item_kind", "turn"]
    same += ["speaker", "party", "role", "text", "procedural", "n_words", "source"]
    pd.testing.assert_frame_equal(turns[same], sample_turns[same])


def test_an_item_carries_down_to_the_records_after_it():
    turns = dk.from_records(
        [
            {"speaker": "De voorzitter", "text": "Mevrouw Peeters heeft het woord.", "item": "A"},
            {"speaker": "Anna Peeters (Groen)", "text": "Dank u."},
            {"speaker": "De voorzitter", "text": "Volgende punt.", "item": "B"},
        ],
        item="item",
    )
    assert turns["item"].tolist() == [1, 1, 2]
    assert turns["item_title"].tolist() == ["A", "A", "B"]
