"""Roll-call votes of the Chamber: hand-built paragraphs and real excerpts."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import NamedTuple

import pytest

import debatekit as dk
from debatekit.analyzers.votes._chamber import read_chamber_votes

DATA = Path(__file__).resolve().parents[2] / "data" / "kamer"
SAMPLE = Path(__file__).resolve().parents[3] / "data" / "sample" / "kamer-plenary-56-35.html"


class P(NamedTuple):
    tag: str
    text: str


def p(*texts: str) -> list[P]:
    return [P("p", t) for t in texts]


def h(*texts: str) -> list[P]:
    return [P("h2", t) for t in texts]


def totals(number: int, yes: int, no: int, abstain: int, *, trailing: str = "") -> list[P]:
    return p(
        f"(Stemming/vote {number}{trailing})", "Ja", str(yes), "Oui", "Nee", str(no), "Non",
        "Onthoudingen", str(abstain), "Abstentions", "Totaal", str(yes + no + abstain), "Total",
    )  # fmt: skip


def annex(number: int, lists: dict[str, list[str]], *, order: str = "fr", rest: str = "") -> list:
    labels = {
        "yes": ("Oui", "Ja"),
        "no": ("Non", "Nee"),
        "abstain": ("Abstentions", "Onthoudingen"),
    }
    head = (
        f"Vote nominatif - Naamstemming: {number}"
        if order == "fr"
        else (f"Naamstemming - Vote nominatif: {number}")
    )
    out = p(head + rest)
    for choice in ("yes", "no", "abstain"):
        names = lists.get(choice, [])
        first, second = labels[choice] if order == "fr" else labels[choice][::-1]
        out += p(first, str(len(names)), second)
        if names:
            out += p(", ".join(names))
    return out


def test_a_vote_is_linked_to_its_item_and_its_names_to_their_choice():
    paragraphs = (
        h("21 Projet de loi portant assentiment à l'Accord (481/3)",
          "21 Wetsontwerp houdende instemming met het Akkoord (481/3)")
        + p("Vraagt iemand het woord voor een stemverklaring? (Nee)")
        + totals(2, 2, 0, 1, trailing=" ")
        + p("En conséquence, la Chambre adopte le projet de loi.",
            "Bijgevolg neemt de Kamer het wetsontwerp aan.")
        + p("DETAIL VAN DE NAAMSTEMMINGEN")
        + annex(2, {"yes": ["Aerts Staf", "Van der Donckt Wim"], "abstain": ["De Wever Bart"]})
    )  # fmt: skip
    (vote,) = read_chamber_votes(paragraphs)
    assert (vote.vote, vote.item) == (2, 21)
    assert vote.item_title == "Wetsontwerp houdende instemming met het Akkoord (481/3)"
    assert vote.outcome == "Bijgevolg neemt de Kamer het wetsontwerp aan."
    assert vote.totals == {"yes": 2, "no": 0, "abstain": 1, "total": 3}
    assert vote.annex == {"yes": 2, "no": 0, "abstain": 1}
    assert vote.names == {"yes": ["Aerts Staf", "Van der Donckt Wim"], "abstain": ["De Wever Bart"]}


def test_both_annex_forms_an_annulled_vote_and_a_result_applied_twice():
    paragraphs = (
        h("11 Aangehouden amendementen en artikelen van het ontwerp van programmawet (909/1-29)",
          "11 Amendements et articles réservés du projet de loi-programme (909/1-29)")
        + p("Stemming over amendement nr. 106 van Britt Huybrechts cs op artikel 2.(909/29)")
        + totals(7, 1, 1, 0)
        + p("Stemming over amendement nr. 107 van Britt Huybrechts cs.(909/29)",
            "Mag de uitslag van de vorige stemming ook gelden voor deze stemming? (Ja)",
            "(Stemming/vote 7)", "Bijgevolg is het amendement verworpen.",
            "(Stemming nr. 8 is geannuleerd.)", "(Le vote n° 8 est annulé.)")
        + annex(7, {"yes": ["Aerts Staf"], "no": ["Ronse Axel"]}, order="nl")
        + annex(8, {"no": ["Aerts Staf"]}, order="nl", rest=" (geannuleerd/annulé)")
    )  # fmt: skip
    seven, eight = read_chamber_votes(paragraphs)
    assert seven.decisions == 2
    assert seven.subject.startswith("Stemming over amendement nr. 106")
    assert seven.names == {"yes": ["Aerts Staf"], "no": ["Ronse Axel"]}
    assert (eight.annulled, eight.item, eight.subject, eight.decisions) == (True, 11, None, 0)
    assert eight.annex == {"yes": 0, "no": 1, "abstain": 0}


def test_a_heading_over_several_paragraphs_is_one_title_in_dutch():
    paragraphs = (
        h("10 Motions déposées en conclusion des interpellations de:",
          "- M. Vincent Van Quickenborne sur \"la taxe\" (n° 109)",
          "10 Moties ingediend tot besluit van de interpellaties van:",
          "- de heer Vincent Van Quickenborne over \"de meerwaardetaks\" (nr. 109)")
        + totals(5, 1, 0, 0) + annex(5, {"yes": ["Aerts Staf"]})
    )  # fmt: skip
    (vote,) = read_chamber_votes(paragraphs)
    assert vote.item_title == (
        "Moties ingediend tot besluit van de interpellaties van: - de heer Vincent Van "
        'Quickenborne over "de meerwaardetaks" (nr. 109)'
    )


def test_a_list_of_names_over_two_paragraphs_is_read_whole_and_prose_is_not_a_list():
    paragraphs = annex(1, {}) + p(
        "Vote nominatif - Naamstemming: 2",
        "Oui",
        "3",
        "Ja",
        "Aerts Staf, Almaci Meyrem,",
        "Bayet Hugues",
        "Non",
        "0",
        "Nee",
        "Dit is geen lijst van namen, maar een zin met 12 woorden.",
    )
    one, two = read_chamber_votes(paragraphs)
    assert one.names == {} and one.in_text is False
    assert two.names == {"yes": ["Aerts Staf", "Almaci Meyrem", "Bayet Hugues"]}


# -- real excerpts (tests/data/kamer/, cut from the Chamber's published reports) --------


@pytest.fixture(scope="module")
def excerpt_votes():
    pytest.importorskip("debatekit.parse.kamer._html")
    files = [DATA / "plenary-56-15-rollcalls.html", DATA / "plenary-56-60-rollcalls.html"]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        votes = dk.read_votes(files, progress=False)
    return votes, [w for w in caught if issubclass(w.category, dk.DebatekitWarning)]


def test_the_excerpts_names_add_up_to_the_printed_totals_but_two(excerpt_votes):
    votes, caught = excerpt_votes
    totals = votes.attrs["totals"]
    assert len(totals) == 10
    assert totals.loc[totals["adds_up"].eq(False), "vote"].tolist() == [132, 133]
    (warning,) = [w for w in caught if "W550" in str(w.message)]
    assert "vote 132" in str(warning.message) and "vote 133" in str(warning.message)
    listed = votes.groupby(["source", "vote", "choice"]).size().unstack(fill_value=0)
    ok = totals[totals["adds_up"].fillna(False)].set_index(["source", "vote"])
    for choice in ("yes", "no", "abstain"):
        assert (listed.reindex(ok.index)[choice].fillna(0) == ok[f"{choice}_total"]).all()


def test_the_excerpts_votes_carry_meeting_date_item_and_members(excerpt_votes):
    votes, _ = excerpt_votes
    first = votes[(votes["vote"] == 2) & votes["source"].str.contains("56-15")]
    assert len(first) == 128
    assert first["date"].iloc[0].date().isoformat() == "2024-12-05"
    assert first["item"].iloc[0] == 21
    assert set(first["choice"]) == {"yes", "abstain"}
    assert "Wim Van der Donckt" in set(first["member"])
    assert votes.attrs["unmatched"] == {}
    assert votes.loc[votes["vote"] == 43, "annulled"].all()
    assert (votes["parliament"] == "Kamer").all()
    assert votes.columns.tolist() == list(dk.VOTE_COLUMNS)


def test_votes_and_turns_share_the_member_key(excerpt_votes):
    votes, _ = excerpt_votes
    joined = dk.join_members(votes)
    assert joined["member"].notna().all()
    assert (joined["member"] == votes["member"]).all()
    assert {"party", "group", "constituency", "language", "gender"} <= set(joined.columns)


def test_the_shipped_plenary_reads_seven_roll_calls_that_all_add_up():
    with warnings.catch_warnings():
        warnings.simplefilter("error", dk.DebatekitWarning)
        votes = dk.read_votes(SAMPLE, progress=False)
    totals = votes.attrs["totals"]
    assert totals["vote"].tolist() == [1, 2, 3, 4, 5, 6, 7]
    assert totals["adds_up"].all()
    assert totals["decisions"].tolist() == [1, 27, 1, 1, 1, 1, 1]  # vote 2 taken 27 times
    assert totals["item"].tolist() == [18, 19, 20, 21, 21, 22, 23]
    assert len(votes) == totals["total"].sum()
