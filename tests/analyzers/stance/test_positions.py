"""Per-speaker positions, NaN where there is no evidence, and validation tables."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import debatekit as dk
from debatekit.analyzers.stance._validate import weighted_auc

EXCERPT = Path(__file__).parents[2] / "data" / "stance" / "kamer_excerpt.csv"


@pytest.fixture(scope="module")
def kamer_turns() -> pd.DataFrame:
    turns = pd.read_csv(EXCERPT, dtype={"party": "string"}, parse_dates=["date"])
    return turns.assign(parliament="kamer", procedural=turns["role"] == "chair")


def test_positions_have_evidence_and_an_interval(sample_turns):
    positions = dk.speaker_positions(sample_turns).set_index("speaker")
    assert positions.index.is_unique
    known = positions.dropna(subset=["government_stance"])
    assert (known["n_cues"] > 0).all()
    assert (known["government_stance"].abs() <= 1).all()
    spread = known[known["n_turns"] > 1]
    assert (spread["government_stance_low"] <= spread["government_stance"]).all()
    assert (spread["government_stance"] <= spread["government_stance_high"]).all()
    # majority above opposition, from what they said
    assert positions.loc["Axel Ronse", "government_stance"] > 0
    assert positions.loc["Thijs Verbeurgt", "government_stance"] < 0


def test_thin_evidence_gives_nan_and_a_reason(sample_turns):
    positions = dk.speaker_positions(sample_turns, min_turns=3).set_index("speaker")
    annouri = positions.loc["Imade Annouri"]  # one turn
    assert np.isnan(annouri["government_stance"])
    assert "fewer than 3 turns" in annouri["reason"]
    quiet = dk.from_records(
        [
            {"speaker": "Anna Peeters (Groen)", "text": "Minister, hoeveel plaatsen komen er bij?"},
            {"speaker": "Minister Jan Claes", "text": "Er komen er duizend bij."},
        ]
    )
    row = dk.speaker_positions(quiet).set_index("speaker").loc["Anna Peeters"]
    assert np.isnan(row["government_stance"]) and row["reason"].startswith("no cue")


def test_positions_are_seeded_and_ignore_row_order(sample_turns):
    a = dk.speaker_positions(sample_turns, random_state=3)
    b = dk.speaker_positions(sample_turns.sample(frac=1, random_state=5), random_state=3)
    pd.testing.assert_frame_equal(a, b)


def test_french_speakers_get_positions_too(kamer_turns):
    positions = dk.speaker_positions(kamer_turns)
    merged = positions.merge(kamer_turns.groupby("speaker")["lang"].first().reset_index())
    french = merged[(merged["lang"] == "fr") & merged["government_stance"].notna()]
    assert len(french) >= 3
    assert merged["scaling_position"].notna().sum() >= 10


def test_validate_positions_on_the_chamber_excerpt(kamer_turns):
    table = dk.blocs(kamer_turns)
    check = dk.validate_positions(dk.speaker_positions(kamer_turns), table).set_index("measure")
    row = check.loc["auc:government_stance"]
    assert row["value"] > 0.6
    assert row["ci_low"] <= row["value"] <= row["ci_high"]
    assert 0 < row["coverage"] <= 1


def test_weighted_auc_is_mann_whitney_with_ties_half():
    scores = np.array([0.1, 0.4, 0.4, 0.9])
    positive = np.array([False, True, False, True])
    # pairs (positive, negative): (0.4, 0.1) win, (0.4, 0.4) tie, (0.9, 0.1) win, (0.9, 0.4) win
    assert weighted_auc(scores, positive) == pytest.approx(3.5 / 4)
    doubled = weighted_auc(scores, positive, np.array([2, 1, 1, 1]))
    assert doubled == pytest.approx((2 + 0.5 + 2 + 1) / (2 * 3))


def test_validation_scales_with_many_speakers():
    rng = np.random.default_rng(0)
    n = 600
    names = [f"s{i}" for i in range(n)]
    side = rng.integers(0, 2, n)
    values = np.where(side[:, None] == side[None, :], 0.5, -0.5) + rng.normal(0, 1, (n, n))
    values = (values + values.T) / 2
    sim = pd.DataFrame(values, index=names, columns=names)
    table = dk.validate_similarity(sim, dict(zip(names, side)), n_boot=5).set_index("measure")
    assert table.loc["bloc_auc", "n"] == n * (n - 1) // 2
    assert table.loc["bloc_auc", "value"] > 0.6


def test_pairs_without_evidence_are_nan_and_left_out():
    names = list("abcd")
    sim = pd.DataFrame(np.eye(4), index=names, columns=names)
    sim.loc["a", "b"] = sim.loc["b", "a"] = 0.9
    sim.loc["c", "d"] = sim.loc["d", "c"] = 0.8
    sim.loc["a", "c"] = sim.loc["c", "a"] = 0.1
    for a, b in (("a", "d"), ("b", "c"), ("b", "d")):
        sim.loc[a, b] = sim.loc[b, a] = np.nan
    table = dk.validate_similarity(sim, {"a": 1, "b": 1, "c": 2, "d": 2}, n_boot=20)
    row = table.set_index("measure").loc["bloc_auc"]
    assert row["value"] == 1.0 and row["n"] == 3 and row["coverage"] == pytest.approx(0.5)


def test_vote_correlation_with_a_mantel_p_value():
    rng = np.random.default_rng(1)
    n = 30
    names = [f"m{i}" for i in range(n)]
    side = np.repeat([0, 1], n // 2)
    agree = np.where(side[:, None] == side[None, :], 0.9, 0.2)
    sim = agree + rng.normal(0, 0.2, (n, n))
    sim = (sim + sim.T) / 2
    table = dk.validate_similarity(
        pd.DataFrame(sim, index=names, columns=names),
        votes=pd.DataFrame(agree, index=names, columns=names),
        n_permutations=199,
    ).set_index("measure")
    row = table.loc["vote_spearman"]
    assert row["value"] > 0.5 and row["p_value"] <= 0.01
    noise = pd.DataFrame(rng.normal(size=(n, n)), index=names, columns=names)
    noise = (noise + noise.T) / 2
    null = dk.validate_similarity(
        noise, votes=pd.DataFrame(agree, index=names, columns=names), n_permutations=199
    )
    assert null.set_index("measure").loc["vote_spearman", "p_value"] > 0.01


def test_similarity_is_nan_where_two_speakers_share_no_evidence():
    records = [
        {
            "speaker": "Anna Peeters (Groen)",
            "text": "Minister, hoeveel plaatsen komen er bij?",
            "item": 1,
        },
        {
            "speaker": "Minister Jan Claes",
            "text": "Er komen er duizend bij, verspreid over Vlaanderen.",
            "item": 1,
        },
        {
            "speaker": "Bart Maes (N-VA)",
            "text": "Minister, wat is de planning voor de wegen?",
            "item": 2,
        },
        {
            "speaker": "Minister Jan Claes",
            "text": "De planning volgt in het voorjaar van volgend jaar.",
            "item": 2,
        },
    ]
    turns = dk.from_records(records)
    sim = dk.speaker_similarity(turns.assign(meeting="m"), roles="member")
    assert np.isnan(sim.loc["Anna Peeters", "Bart Maes"])
    assert sim.attrs["coverage"] == 0.0
    np.testing.assert_array_equal(sim.to_numpy(), sim.to_numpy().T)


def test_no_minister_no_u_resolved_to_a_member():
    records = [
        {"speaker": "Anna Peeters (Groen)", "text": "Ik heb een vraag over de kinderopvang."},
        {
            "speaker": "Bart Maes (N-VA)",
            "text": "Ik ben blij dat u dat zegt, maar het gaat te traag.",
        },
    ]
    table = dk.interactions(dk.from_records(records))
    assert not (table["resolved_by"] == "u").any()
