from __future__ import annotations

import matplotlib
import pandas as pd
import pytest

matplotlib.use("Agg")

import debatekit as dk
from debatekit.politics._palette import UNKNOWN_COLOUR, canonical_party, group_colours

MEMBERS = pd.read_csv(
    __import__("pathlib").Path(__file__).resolve().parents[1] / "data" / "kamer" / "members-56.csv"
)


def _rgb(colour: str) -> tuple[float, float, float]:
    return matplotlib.colors.to_rgb(colour)


def _hue(colour: str) -> float:
    import colorsys

    return colorsys.rgb_to_hsv(*_rgb(colour))[0] * 360


@pytest.mark.parametrize(
    ("party", "hue_range"),
    [
        ("cd&v", (20, 45)),  # orange
        ("Vooruit", (350, 360)),  # red
        ("Groen", (100, 140)),  # green
        ("N-VA", (45, 60)),  # yellow
        ("Vlaams Belang", (40, 55)),  # dark yellow
        ("PVDA", (350, 360)),  # dark red
        ("Open Vld", (195, 220)),  # blue
    ],
)
def test_flemish_parties_wear_their_own_colours(party, hue_range):
    low, high = hue_range
    assert low <= _hue(dk.party_colour(party)) <= high


def test_dark_shades_are_darker_than_their_siblings():
    def lightness(c):
        return sum(_rgb(c)) / 3

    assert lightness(dk.party_colour("Vlaams Belang")) < lightness(dk.party_colour("N-VA"))
    assert lightness(dk.party_colour("PVDA")) < lightness(dk.party_colour("Vooruit"))


def test_every_party_of_the_chamber_members_table_has_a_colour():
    for party in (
        MEMBERS["party"].dropna().unique().tolist() + MEMBERS["fraction"].dropna().unique().tolist()
    ):
        assert canonical_party(party) is not None, party


def test_report_spellings_fold_to_one_party():
    assert dk.party_colour("CD&V") == dk.party_colour("cd&v")
    assert dk.party_colour("VB") == dk.party_colour("Vlaams Belang")
    assert dk.party_colour("Les\r\nEngagés") == dk.party_colour("Les Engagés")
    assert dk.party_colour("Open\nVld") == dk.party_colour("Open Vld")
    assert dk.party_colour("DeFI") == dk.party_colour("DéFI")


def test_chamber_parties_side_by_side_are_all_different():
    parties = [
        "N-VA",
        "MR",
        "Les Engagés",
        "VB",
        "Vooruit",
        "PS",
        "PVDA-PTB",
        "cd&v",
        "Open Vld",
        "Groen",
        "Ecolo",
        "DéFI",
    ]
    colours = [dk.party_colour(p) for p in parties]
    assert len(set(colours)) == len(parties)


def test_unknown_and_missing_parties():
    assert dk.party_colour(None) == UNKNOWN_COLOUR
    assert dk.party_colour(pd.NA) == UNKNOWN_COLOUR
    assert dk.party_colour("Lijst X", default="black") == "black"
    palette = dk.party_palette(["Lijst X", "Lijst Y", "Groen"])
    assert len(set(palette.values())) == 3
    assert palette["Groen"] == dk.party_colour("Groen")


def test_blocs_get_their_own_colours():
    colours = group_colours(["majority", "opposition"])
    assert colours["majority"] != colours["opposition"]


def test_speaking_stats_by_party_draws_each_party_in_its_colour(sample_turns):
    import matplotlib.pyplot as plt

    ax = dk.plot_speaking_stats(sample_turns, by="party")
    bars = {t.get_text(): p.get_facecolor() for t, p in zip(ax.get_yticklabels(), ax.patches)}
    assert matplotlib.colors.to_hex(bars["cd&v"]).upper() == dk.party_colour("cd&v")
    assert matplotlib.colors.to_hex(bars["N-VA"]).upper() == dk.party_colour("N-VA")
    plt.close(ax.figure)
