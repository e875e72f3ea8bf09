"""The members table and the one name matcher every table uses."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

import debatekit as dk


@pytest.fixture(scope="module")
def matcher():
    return dk.NameMatcher(dk.kamer_members(56))


def test_the_shipped_chamber_members_have_the_columns_and_every_member():
    members = dk.kamer_members(56)
    assert list(members.columns[: len(dk.MEMBER_COLUMNS)]) == list(dk.MEMBER_COLUMNS)
    assert len(members) == 178
    assert members["member"].is_unique
    row = members.set_index("member").loc["Wim Van der Donckt"]
    assert (row["party"], row["group"], row["constituency"]) == ("N-VA", "N-VA", "Antwerpen")


@pytest.mark.parametrize(
    ("written", "member", "how"),
    [
        ("Van der Donckt Wim", "Wim Van der Donckt", "name"),  # a roll call: surname first
        ("Wim Van der Donckt", "Wim Van der Donckt", "name"),
        ("Desir Caroline", "Caroline Désir", "name"),  # accents left off
        ("VAN DEN BOSCH ANNIK", "Annik Van den Bosch", "name"),  # case
        ("Vanden Bosch Annik", "Annik Van den Bosch", "name"),  # particles run together
        ("Katrijn Van Riet", "Katrijn van Riet", "name"),  # a lower-case particle capitalised
        ("Jean Luc Crucke", "Jean-Luc Crucke", "name"),  # hyphen left out
        ("D’Amico Roberto", "Roberto D'Amico", "name"),  # curly apostrophe
        ("Sofie Merckx (PVDA-PTB)", "Sofie Merckx", "name"),  # a speaker label
        ("Jan Jambon, ministre", "Jan Jambon", "name"),  # the French label's role
        ("Minister Frank Vandenbroucke", "Frank Vandenbroucke", "name"),
        ("de heer Van Rooy", "Sam Van Rooy", "surname"),
        ("Mme Schlitz", "Sarah Schlitz", "surname"),
        ("P. Prévot", "Patrick Prévot", "initial"),
        ("Mutyebele Lydia", "Lydia Mutyebele Ngoi", "partial"),  # one word of two left out
        ("Van Quickenbourne Vincent", "Vincent Van Quickenborne", "fuzzy"),  # a typo
    ],
)
def test_the_matcher_finds_members_in_every_form_a_report_writes(matcher, written, member, how):
    found = matcher.match(written)
    assert (found.member, found.how) == (member, how)


def test_an_ambiguous_or_unknown_name_matches_no_one_and_says_why(matcher):
    ambiguous = matcher.match("de heer Prévot")  # Patrick and Maxime
    assert ambiguous.member is None
    assert "Maxime Prévot" in ambiguous.reason and "Patrick Prévot" in ambiguous.reason
    assert matcher.match("Georges Gilkinet").reason == "unknown"  # a minister of 2024, no member
    assert dk.NameMatcher(dk.kamer_members(), fuzzy=False).match("Van Quickenbourne").member is None


def test_join_members_adds_the_members_columns_and_reports_the_misses():
    turns = pd.DataFrame(
        {
            "speaker": ["Sofie Merckx", "Frank Vandenbroucke", "Georges Gilkinet", None],
            "party": ["PVDA-PTB", None, "Ecolo", None],
            "parliament": ["Kamer"] * 4,
        }
    )
    with pytest.warns(dk.NamesWarning, match=r"\[W570\] 1 name\(s\).*'Georges Gilkinet'"):
        joined = dk.join_members(turns)
    assert joined["member"].tolist()[:2] == ["Sofie Merckx", "Frank Vandenbroucke"]
    assert joined["member"].isna().tolist() == [False, False, True, True]
    assert joined["party"].iloc[[0, 2]].tolist() == ["PVDA-PTB", "Ecolo"]  # the label's, kept
    assert pd.isna(joined.loc[1, "party"])
    assert joined.loc[1, "member_party"] == "Vooruit"  # the members table's, beside it
    assert joined.loc[0, "constituency"] == "Henegouwen"
    assert joined.attrs["unmatched"] == {"Georges Gilkinet": "unknown"}
    assert joined.attrs["match_rate"] == 0.5
    assert turns.columns.tolist() == ["speaker", "party", "parliament"]  # input left alone


def test_join_members_takes_any_user_table_and_its_column_names(tmp_path):
    path = tmp_path / "flemish.csv"
    path.write_text("voornaam,achternaam,partij,fractie\nStijn,De Roo,cd&v,cd&v\n", "utf-8")
    votes = pd.DataFrame({"member": ["De Roo Stijn"], "choice": ["yes"]})
    joined = dk.join_members(votes, path)
    assert joined.loc[0, ["member", "party", "group"]].tolist() == ["Stijn De Roo", "cd&v", "cd&v"]


def test_join_members_needs_a_table_for_rows_not_of_the_chamber():
    with pytest.raises(dk.MembersError, match=r"\[E574\]"):
        dk.join_members(pd.DataFrame({"speaker": ["Stijn De Roo"], "parliament": ["VP"]}))
    with pytest.raises(dk.MembersError, match=r"\[E575\]"):
        dk.join_members(pd.DataFrame({"who": ["x"]}), dk.kamer_members(), name="naam")


def test_members_tables_that_cannot_be_used_are_refused_with_the_fix(tmp_path):
    with pytest.raises(dk.MembersError, match=r"\[E570\].*\[56\]"):
        dk.kamer_members(55)
    with pytest.raises(dk.MembersError, match=r"\[E571\]"):
        dk.load_members(tmp_path / "missing.csv")
    with pytest.raises(dk.MembersError, match=r"\[E572\]"):
        dk.load_members(pd.DataFrame({"x": [1]}))
    with pytest.raises(dk.MembersError, match=r"\[E573\]"):
        dk.load_members(42)
    one = dk.load_members(pd.DataFrame({"member": ["Stijn De Roo"]}))
    assert one.loc[0, ["first_name", "last_name"]].tolist() == ["Stijn", "De Roo"]


def test_joining_every_shipped_member_by_the_roll_call_form_matches_them_all():
    members = dk.kamer_members()
    roll_call = pd.DataFrame({"member": members["last_name"] + " " + members["first_name"]})
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        joined = dk.join_members(roll_call, members)
    assert joined["member"].tolist() == members["member"].tolist()
