"""The parser on the real sample transcript and on small texts built here."""

from __future__ import annotations

import re

import pandas as pd
import pytest

import debatekit as dk


def test_columns_are_the_schema(sample_turns):
    assert list(sample_turns.columns) == list(dk.TURN_COLUMNS)
    assert str(sample_turns["date"].dtype).startswith("datetime64")
    assert sample_turns["turn_id"].is_unique
    assert sample_turns["turn"].tolist() == list(range(1, len(sample_turns) + 1))


def test_meeting_and_date_come_from_the_page_header(sample_turns):
    assert set(sample_turns["meeting"]) == {"C190 (2023-2024)"}
    assert set(sample_turns["date"]) == {pd.Timestamp("2024-03-28")}
    assert sample_turns["turn_id"].iloc[0] == "C190-2023-2024-0001"


def test_ten_debates_with_their_documents(sample_turns, sample_lines):
    docs_in_text = re.findall(r"^– (\d+ \(\d{4}-\d{4}\))", "\n".join(sample_lines), re.M)
    items = sample_turns.groupby("item")["item_docs"].first()
    assert items.index.tolist() == list(range(1, 11))
    assert "; ".join(items).split("; ") == docs_in_text


def test_joint_debate_has_both_documents_and_both_headings(sample_turns):
    joint = sample_turns[sample_turns["item_docs"].str.contains("1480", na=False)]
    assert joint["item_docs"].iloc[0] == "1480 (2023-2024); 1502 (2023-2024)"
    title = joint["item_title"].iloc[0]
    assert "Thijs Verbeurgt" in title and "Axel Ronse" in title
    assert set(joint.loc[joint["role"] == "member", "speaker"]) == {
        "Thijs Verbeurgt",
        "Axel Ronse",
        "Imade Annouri",
    }


def test_item_titles_are_one_line_and_dehyphenated(sample_turns):
    titles = sample_turns["item_title"].unique()
    assert all("\n" not in t and "  " not in t for t in titles)
    assert any("Sociaal-Economische Raad van Vlaanderen" in t for t in titles)
    assert any(t.endswith("over de ondersteuning van scale-ups") for t in titles)


def test_chair_is_named_and_changes_mid_meeting(sample_turns, sample_lines):
    change = next(
        i + 1 for i, line in enumerate(sample_lines) if "treedt als voorzitter op" in line
    )
    chair = sample_turns[sample_turns["role"] == "chair"]
    before = chair[chair["line_start"] < change]
    after = chair[chair["line_start"] > change]
    assert set(before["speaker"]) == {"Björn Rzoska"}
    assert set(after["speaker"]) == {"Robrecht Bothuyne"}
    assert len(after) > 0 and len(before) > 0


def test_speaker_labels_split_into_speaker_party_role(sample_turns, sample_lines):
    members = sample_turns[sample_turns["role"] == "member"]
    labels = {
        (m.group(1), m.group(2))
        for line in sample_lines
        if (m := re.match(r"^ ?([A-Z][\w ]+?) \(([^()]+)\): ", line))
    }
    assert set(zip(members["speaker"], members["party"])) == labels
    ministers = sample_turns[sample_turns["role"] == "minister"]
    assert set(ministers["speaker"]) == {"Jo Brouns"}
    assert ministers["party"].isna().all()
    n_labels = sum(
        1
        for line in sample_lines
        if re.match(r"^ ?(De voorzitter|Minister Jo Brouns|[A-Z][\w ]+ \([^()]+\)):", line)
    )
    assert len(sample_turns) == n_labels


def test_no_page_furniture_leaks_into_text(sample_turns):
    text = "\n".join(sample_turns["text"])
    assert "Commissievergadering nr." not in text
    assert "Vlaams Parlement\n" not in text and not text.endswith("Vlaams Parlement")
    assert "http://" not in text
    assert "\f" not in text
    assert all(t == t.strip() for t in sample_turns["text"])


def test_paragraph_over_a_page_break_and_a_link_line_is_joined(sample_turns):
    turn = sample_turns[sample_turns["text"].str.contains("doordacht telewerkbeleid heeft")]
    assert "heeft onder andere ook oog voor die work-lifebalans" in turn["text"].iloc[0]


def test_paragraphs_are_kept_as_blank_line_breaks(sample_turns):
    first = sample_turns[sample_turns["speaker"] == "Stijn De Roo"]["text"].iloc[0]
    paragraphs = first.split("\n\n")
    assert len(paragraphs) == 5
    assert paragraphs[1].startswith("We mogen natuurlijk niet op onze lauweren rusten.")
    assert all("\n" not in p for p in paragraphs)


@pytest.mark.parametrize(
    ("expected", "absent"),
    [
        ("Agentschap Innoveren", "Agent-schap"),
        ("vennootschapsvorm", "vennoot-schapsvorm"),
        ("bio-economiebeleidsplan", "bioeconomiebeleidsplan"),
        ("AI-toepassingen", "AItoepassingen"),
        ("EU-onderdanen", "EUonderdanen"),
        ("niet-bindende", "nietbindende"),
        ("scale-ups", "scaleups"),
        ("dwang- en kinderarbeid", "dwangen kinderarbeid"),
        ("minister-president Jambon", "ministerpresident"),
        ("intra-Vlaams", "intraVlaams"),
    ],
)
def test_line_end_hyphens_follow_dutch_spelling(sample_turns, expected, absent):
    text = "\n".join(sample_turns["text"])
    assert expected in text
    assert absent not in text


def test_procedural_turns(sample_turns):
    procedural = sample_turns[sample_turns["procedural"]]
    assert (procedural["role"] == "chair").all()
    assert procedural["text"].str.contains("heeft het woord|afgehandeld").all()
    # The chair's remark "Complimentendag." is more than floor management.
    assert not sample_turns[sample_turns["text"].str.startswith("Complimentendag")][
        "procedural"
    ].any()
    assert not sample_turns.loc[sample_turns["role"] != "chair", "procedural"].any()


def test_line_ranges_point_at_the_turn(sample_turns, sample_lines):
    for row in sample_turns.itertuples():
        first_line = sample_lines[row.line_start - 1].strip()
        assert first_line.split(":", 1)[1].strip().split()[0] in row.text.split()[0]
        assert row.line_end >= row.line_start


def test_parse_report_accounts_for_every_line(sample_report, sample_lines):
    lines = sample_report.lines
    assert len(lines) == len(sample_lines) - (sample_lines[-1] == "")
    assert set(lines["kind"]) <= set(dk.LINE_KINDS)
    assert lines.loc[lines["kind"] == "header", "text"].str.startswith("Commissievergadering").all()
    assert set(sample_report.furniture["kind"]) == {"header", "footer", "link"}
    assert len(sample_report.unplaced) == 0
    blank = lines["kind"] == "blank"
    assert (lines.loc[blank, "text"].str.strip() == "").all()
    assert (lines.loc[~blank, "text"].str.strip() != "").all()


def test_parse_report_lists_hyphen_decisions(sample_report):
    joins = sample_report.joins
    counts = sample_report.counts()
    assert counts["hyphen joins"] + counts["hyphens kept"] == len(joins) > 40
    assert "bio-economiebeleidsplan" in set(sample_report.unsure_joins["result"])
    rules = dict(zip(joins["result"], joins["rule"]))
    assert rules["scale-ups"] == "document"
    assert rules["AI-beleidsinstrumenten"] == "acronym"
    assert rules["dwang- en"] == "elision"
    assert "hyphens at line ends" in sample_report.summary()


def test_parse_report_records_the_stage_direction(sample_report):
    stage = sample_report.stage_directions
    assert stage["new_chair"].tolist() == ["Robrecht Bothuyne"]
    assert stage["text"].iloc[0].startswith("– Robrecht Bothuyne treedt")


def test_small_text_with_every_label_form():
    text = (
        "INTERPELLATIE van Jan Van den Bergh tot Matthias Diependaele, minister-president,\n"
        "over de begroting\n\n"
        "– 12 (2024-2025)\n\n"
        "Voorzitter: mevrouw Mien Van Olmen\n\n"
        "De voorzitter: De heer Van den Bergh heeft het woord.\n\n"
        "Jan Van den Bergh (N-VA): Minister-president, de begro-\n"
        "ting is rond.\n\n"
        "(Applaus bij N-VA)\n\n"
        "Minister-president Matthias Diependaele: Dank u.\n\n"
        "– Kris Peeters treedt als voorzitter op.\n\n"
        "De voorzitter: Het incident is gesloten.\n"
    )
    turns, report = dk.parse_transcript(text, source="built.txt", report=True)
    assert turns["speaker"].tolist() == [
        "Mien Van Olmen",
        "Jan Van den Bergh",
        "Matthias Diependaele",
        "Kris Peeters",
    ]
    assert turns["role"].tolist() == ["chair", "member", "minister", "chair"]
    assert turns["text"].iloc[1] == "Minister-president, de begroting is rond."
    assert turns["item_kind"].iloc[0] == "interpellatie"
    assert turns["item_docs"].iloc[0] == "12 (2024-2025)"
    assert turns["procedural"].tolist() == [True, False, False, True]
    assert report.stage_directions["text"].tolist() == [
        "(Applaus bij N-VA)",
        "– Kris Peeters treedt als voorzitter op.",
    ]


def test_text_before_the_first_turn_is_reported_not_dropped():
    text = "Een inleidende zin die niemand uitsprak.\n\nDe voorzitter: Goedemorgen.\n"
    turns, report = dk.parse_transcript(text, report=True)
    assert len(turns) == 1
    assert report.unplaced["line"].tolist() == [1]
    assert report.unplaced["text"].iloc[0].startswith("Een inleidende zin")


def test_text_without_turns_raises_a_clear_error():
    with pytest.raises(dk.NoTurnsError, match=r"\[E004\] notes\.txt, line 2: No speaker turns"):
        dk.parse_transcript("\nZomaar wat tekst.\nNog wat.", source="notes.txt")


def test_a_floor_turn_ending_in_a_semicolon_is_procedural(sample_turns):
    turn = sample_turns[sample_turns["text"] == "De heer De Roo heeft het woord;"]
    assert len(turn) == 1 and turn["procedural"].all()


@pytest.mark.parametrize("bad", [None, b"De voorzitter: Dank u.", "data/sample/report.txt"])
def test_parse_transcript_says_what_it_takes(bad):
    with pytest.raises(dk.ParameterError, match=r"\[E01[89]\]|\[E020\].*read_transcript"):
        dk.parse_transcript(bad)


def test_every_heading_of_a_joint_debate_names_its_chair(sample_report):
    items = sample_report.items
    assert items["chair"].notna().all()
    joint = items[items["item"] == 9]
    assert len(joint) == 2 and set(joint["chair"]) == {"Björn Rzoska"}
    assert items.loc[items["item"] == 10, "chair"].item() == "Robrecht Bothuyne"


def test_results_show_as_html_in_a_notebook(sample_result):
    html = sample_result._repr_html_()
    assert "hyphens at line ends" in html and "<table" in html
    assert "C190-2023-2024-0001" in html
