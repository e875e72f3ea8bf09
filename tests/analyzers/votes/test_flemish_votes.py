"""The Flemish Parliament's vote results, read as totals from hand-built report text."""

from __future__ import annotations

import pytest

import debatekit as dk
from debatekit.analyzers.votes._flemish import read_flemish_votes

# The form of the Flemish plenary report (Handelingen), with its PDF traces: a page
# header between two lines of a result, and a word broken across lines.
PLENARY = """\
Plenaire vergadering nr. 12 (2024-2025) – 20 november 2024
De voorzitter: Aan de orde is de stemming over amendement nr. 31, van de dames Van der
Borght en Vogels en de heer Gysbrechts, op artikel 2.
Stemming nr. 47
Ziehier het resultaat:
102 leden hebben aan de stemming deel-
genomen;
34 leden hebben ja geantwoord;
Plenaire vergadering nr. 12 (2024-2025) – 20 november 2024 17
66 leden hebben neen geantwoord;
2 leden hebben zich onthouden.
Het amendement is niet aangenomen.
Aan de orde is de stemming over artikel 2.
Stemming nr. 48
Ziehier het resultaat:
64 leden hebben aan de stemming deelgenomen;
60 leden hebben ja geantwoord;
1 lid heeft zich onthouden.
Artikel 2 is aangenomen.
De voorzitter: Stemming over het geheel.
115 leden hebben aan de stemming deelgenomen; 21 leden hebben ja geantwoord; 80 leden hebben
nee geantwoord; 14 onthielden zich.
Dientengevolge neemt het Vlaams Parlement het ontwerp van decreet aan.
"""


def test_every_form_of_a_result_is_read_as_totals():
    report = read_flemish_votes(PLENARY)
    assert (report.meeting, str(report.date.date())) == ("12 (2024-2025)", "2024-11-20")
    assert [v.vote for v in report.votes] == [47, 48, 3]  # the third has no number: its rank
    assert [v.totals for v in report.votes] == [
        {"total": 102, "yes": 34, "no": 66, "abstain": 2},
        {"total": 64, "yes": 60, "no": 0, "abstain": 1},  # a choice no one made is left out
        {"total": 115, "yes": 21, "no": 80, "abstain": 14},
    ]
    assert report.votes[0].subject == (
        "amendement nr. 31, van de dames Van der Borght en Vogels en de heer Gysbrechts, "
        "op artikel 2"
    )
    assert report.votes[1].subject == "artikel 2"
    assert report.votes[2].subject is None  # "Stemming over het geheel" is no "Aan de orde ..."
    assert report.votes[0].outcome == "Het amendement is niet aangenomen."
    assert report.votes[1].line == 16


def test_read_vote_totals_reads_a_flemish_file_with_parliament_vp(tmp_path):
    path = tmp_path / "plenaire-12.txt"
    path.write_text(PLENARY, encoding="utf-8")
    totals = dk.read_vote_totals(path)
    assert totals["parliament"].unique().tolist() == ["VP"]
    assert totals["total"].tolist() == [102, 64, 115]
    assert totals["adds_up"].isna().all()  # no names printed, nothing to check
    assert (totals["check"] == "no names printed").all()
    votes = dk.read_votes(path)
    assert votes.empty and len(votes.attrs["totals"]) == 3


def test_a_report_without_votes_is_said_to_have_none(tmp_path):
    path = tmp_path / "commissie.txt"
    path.write_text("De voorzitter: De vergadering is geopend.\n", encoding="utf-8")
    with pytest.raises(dk.VotesError, match=r"\[E550\]"):
        dk.read_vote_totals(path)
    with pytest.raises(dk.UnsupportedFormatError, match=r"\[E551\]"):
        dk.read_votes(tmp_path / "votes.docx")
