"""Vote agreement between members and party cohesion (Rice), on hand-built votes."""

from __future__ import annotations

import matplotlib
import numpy as np
import pandas as pd
import pytest

import debatekit as dk

matplotlib.use("Agg")


def votes_of(rows: list[tuple[int, str, str]], **extra: object) -> pd.DataFrame:
    table = pd.DataFrame(rows, columns=["vote", "member", "choice"])
    for column, value in extra.items():
        table[column] = value
    return table


ROWS = [
    (1, "An", "yes"), (1, "Bo", "yes"), (1, "Cas", "no"),
    (2, "An", "yes"), (2, "Bo", "no"), (2, "Cas", "no"),
    (3, "An", "abstain"), (3, "Bo", "abstain"),
    (4, "Dirk", "yes"),
]  # fmt: skip


def test_agreement_is_the_share_of_shared_votes_with_the_same_choice():
    agreement = dk.vote_agreement(votes_of(ROWS))
    assert agreement.loc["An", "Bo"] == pytest.approx(2 / 3)  # votes 1 and 3 of 1, 2, 3
    assert agreement.loc["Bo", "Cas"] == 0.5  # apart on vote 1, together on vote 2
    assert agreement.loc["An", "Cas"] == 0.0
    assert np.isnan(agreement.loc["An", "Dirk"])  # no vote in common
    assert agreement.attrs["shared"].loc["An", "Bo"] == 3
    assert (agreement.to_numpy() == agreement.to_numpy().T)[~np.isnan(agreement)].all()


def test_abstentions_can_be_left_out_and_the_long_form_counts_each_pair_once():
    ignored = dk.vote_agreement(votes_of(ROWS), abstain="ignore")
    assert ignored.loc["An", "Bo"] == 0.5  # vote 3 (both abstain) no longer counts
    long = dk.vote_agreement(votes_of(ROWS), long=True)
    assert len(long) == 6  # 4 members, 6 pairs
    pair = long[(long["member_a"] == "An") & (long["member_b"] == "Bo")].iloc[0]
    assert (pair["shared"], pair["same"]) == (3, 2)
    with pytest.raises(dk.ParameterError, match=r"\[E800\] The 'abstain' parameter"):
        dk.vote_agreement(votes_of(ROWS), abstain="no")


def test_annulled_votes_are_left_out_unless_asked_for():
    table = votes_of(ROWS, annulled=False)
    table.loc[table["vote"] == 2, "annulled"] = True
    assert dk.vote_agreement(table).loc["Bo", "Cas"] == 0.0  # only vote 1 is left
    assert dk.vote_agreement(table, include_annulled=True).loc["Bo", "Cas"] == 0.5


def test_rice_index_per_party_and_vote():
    rows = [
        (1, m, c)
        for m, c in [
            ("a1", "yes"),
            ("a2", "yes"),
            ("a3", "yes"),
            ("a4", "no"),
            ("b1", "abstain"),
            ("b2", "abstain"),
            ("c1", "no"),
        ]
    ]
    table = votes_of(rows)
    table["party"] = table["member"].str[0].str.upper()
    cohesion = dk.party_cohesion(table).set_index("party")
    assert cohesion.loc["A", ["yes", "no", "abstain", "members"]].tolist() == [3, 1, 0, 4]
    assert cohesion.loc["A", "rice"] == 0.5
    assert np.isnan(cohesion.loc["B", "rice"])  # all abstained: no yes or no to compare
    assert cohesion.loc["C", "rice"] == 1.0


def test_cohesion_joins_parties_from_a_members_table():
    members = pd.DataFrame(
        {
            "first_name": ["Staf", "Meyrem"],
            "last_name": ["Aerts", "Almaci"],
            "party": ["Groen", "Groen"],
        }
    )
    table = votes_of([(1, "Aerts Staf", "yes"), (1, "Almaci Meyrem", "no")])
    cohesion = dk.party_cohesion(table, members)
    assert cohesion[["party", "yes", "no", "rice"]].values.tolist() == [["Groen", 1, 1, 0.0]]
    with pytest.raises(dk.VotesError, match=r"\[E554\]"):
        dk.party_cohesion(table)
    with pytest.raises(dk.VotesError, match=r"\[E552\]"):
        dk.party_cohesion(pd.DataFrame({"vote": [1]}))


def test_the_member_by_vote_chart_draws_one_cell_per_member_and_vote():
    table = votes_of(ROWS).astype("string")  # as read_votes types them
    table["vote"] = table["vote"].astype(int)
    table["party"] = ["X", "Y", "X", "X", "Y", "X", "X", "Y", "Z"]
    ax = dk.plot_votes(table)
    image = ax.get_images()[0].get_array()
    assert image.shape == (4, 4)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["An", "Cas", "Bo", "Dirk"]
    matrix = dk.vote_matrix(table)
    assert matrix.loc["Dirk"].isna().sum() == 3
