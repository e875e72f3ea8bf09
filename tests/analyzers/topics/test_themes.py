"""Themes across meetings: reduce, merge, set_labels, distribution, hierarchy, keywords, plots."""

from __future__ import annotations

from pathlib import Path

import matplotlib
import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import normalized_mutual_info_score

import debatekit as dk
from debatekit.analyzers.topics._ctfidf import heading_addressee, npmi_coherence
from debatekit.lang._stop_words import debate_stop_words

matplotlib.use("Agg")

COMMITTEES = Path(__file__).resolve().parents[2] / "data" / "topics" / "kamer_committees.csv"


@pytest.fixture(scope="module")
def committees() -> pd.DataFrame:
    return pd.read_csv(COMMITTEES, parse_dates=["date"], dtype={"party": "string"})


@pytest.fixture(scope="module")
def themes(committees) -> dk.TopicResult:
    return dk.topics(committees, n_topics=3, progress=False)


@pytest.fixture(scope="module")
def sample_themes(sample_result) -> dk.TopicResult:
    return dk.topics(sample_result.turns.copy(), n_topics=6, progress=False)


def _item_topics(result: dk.TopicResult) -> pd.DataFrame:
    turns = result.turns[(result.turns["role"] != "chair") & (result.turns["topic"] >= 0)]
    return turns.groupby(["meeting", "item"]).agg(
        committee=("committee", "first"), topic=("topic", lambda t: t.mode().iloc[0])
    )


def test_items_of_different_meetings_group_by_committee(themes):
    # Two reports of each of three committees, Dutch and French turns: the
    # themes found put each committee's items of both reports together.
    items = _item_topics(themes)
    assert len(items) == 20
    assert normalized_mutual_info_score(items["committee"], items["topic"]) >= 0.5
    for committee, group in items.groupby("committee"):
        assert group.index.get_level_values("meeting").nunique() == 2, committee


def test_keywords_leave_out_dutch_and_french_stop_words_and_keep_acronyms(themes):
    stop = debate_stop_words()
    for keywords in themes.topics["keywords"]:
        words = {w.lower() for k in keywords for w in k.split()}
        assert len(keywords) == 10 and not words & stop
    assert {"madame", "ministre", "vous", "betreft", "willen"} <= stop
    every = [k for keywords in themes.topics["keywords"] for k in keywords]
    assert any(" " in k for k in every)  # two-word phrases where they recur
    assert any(k.isupper() for k in " ".join(every).split())  # acronyms stay in capitals
    assert themes.topics["coherence"].between(-1, 1).all()


def test_the_same_input_and_seed_give_the_same_themes_bit_for_bit(committees, themes):
    again = dk.topics(committees, n_topics=3, progress=False)
    pd.testing.assert_frame_equal(again.turns, themes.turns)
    pd.testing.assert_frame_equal(again.topics, themes.topics)


def test_n_topics_none_chooses_few_themes_for_a_few_meetings(committees):
    result = dk.topics(committees, progress=False)
    assert 2 <= result.n_topics <= 8
    items = _item_topics(result)
    assert items["topic"].nunique() < len(items) / 2  # themes, not one topic per item


def test_analyze_gives_the_keywords_too(committees, themes):
    table = dk.analyze(committees, "topics", topics={"n_topics": 3, "progress": False})["topics"]
    assert "topic_keywords" in table.columns
    first = table.loc[table["topic"] == 0, "topic_keywords"].iloc[0]
    assert first == ", ".join(themes.topics.loc[0, "keywords"])


def test_reduce_joins_the_closest_topics_along_the_hierarchy(sample_themes):
    reduced = sample_themes.reduce(3)
    assert reduced.n_topics == 3 and reduced is not sample_themes
    assert sample_themes.n_topics == 6  # the original is left as it was
    first = sample_themes.hierarchy().iloc[0]
    # The first pair the hierarchy joins shares one topic after reducing to n - 1.
    fewer = sample_themes.reduce(5)
    moved = sample_themes.turns.set_index("turn_id")["topic"]
    now = fewer.turns.set_index("turn_id")["topic"]
    own = ~sample_themes.turns.set_index("turn_id")["topic_inherited"]
    left, right = int(first["left"]), int(first["right"])
    joined = now[own & moved.isin([left, right])]
    assert joined.nunique() == 1
    assert reduced.topics["size"].is_monotonic_decreasing
    assert sample_themes.reduce(10).n_topics == 6
    with pytest.raises(dk.ParameterError, match=r"\[E800\]"):
        sample_themes.reduce(0)


def test_merge_joins_the_listed_topics_and_keeps_the_others(sample_themes):
    merged = sample_themes.merge([1, 4])
    assert merged.n_topics == 5
    before = sample_themes.turns.set_index("turn_id")
    after = merged.turns.set_index("turn_id")
    pair = before.index[before["topic"].isin([1, 4]) & ~before["topic_inherited"]]
    assert after.loc[pair, "topic"].nunique() == 1
    with pytest.raises(dk.AnalyzerError, match=r"\[E309\]"):
        sample_themes.merge([1, 99])
    with pytest.raises(dk.AnalyzerError, match=r"\[E310\]"):
        sample_themes.merge([2])


def test_set_labels_renames_topics_in_every_table_and_plot(sample_themes):
    named = sample_themes.set_labels({0: "arbeidsmarkt", 2: "innovatie"})
    assert named.topics.loc[0, "label"] == "arbeidsmarkt"
    assert named.topics.loc[1, "label"] == sample_themes.topics.loc[1, "label"]
    assert (named.turns.loc[named.turns["topic"] == 2, "topic_label"] == "innovatie").all()
    assert set(named.by("party")["label"]) >= {"arbeidsmarkt", "innovatie"}
    ax = named.plot_by("party")
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "0: arbeidsmarkt" in legend and "2: innovatie" in legend
    ax = named.plot_hierarchy()
    leaves = [t.get_text() for t in ax.get_yticklabels()]
    assert "0: arbeidsmarkt" in leaves and len(leaves) == 6
    with pytest.raises(dk.AnalyzerError, match=r"\[E309\]"):
        sample_themes.set_labels({7: "x"})


def test_distribution_gives_each_turn_a_probability_per_topic(sample_themes):
    table = sample_themes.distribution()
    assert table.index.tolist() == sample_themes.turns["turn_id"].tolist()
    assert table.shape == (len(sample_themes.turns), sample_themes.n_topics)
    np.testing.assert_allclose(table.sum(axis=1), 1.0)
    own = ~sample_themes.turns["topic_inherited"].to_numpy()
    best = table.to_numpy().argmax(axis=1)
    assert (best[own] == sample_themes.turns["topic"].to_numpy()[own]).all()


def test_hierarchy_table_joins_every_topic_once(sample_themes):
    tree = sample_themes.hierarchy()
    k = sample_themes.n_topics
    assert len(tree) == k - 1
    assert tree["distance"].is_monotonic_increasing
    assert sorted(tree.iloc[-1]["topics"]) == list(range(k))
    assert tree["parent"].tolist() == list(range(k, 2 * k - 1))
    named = set(tree["left_label"]) | set(tree["right_label"])
    assert set(sample_themes.topics["label"]) <= named


def test_heading_addressee_and_coherence():
    title = (
        "Vraag van Sofie Merckx aan Frank Vandenbroucke (Sociale Zaken en Volksgezondheid) "
        'over "De wachtlijsten" (56000101C)'
    )
    assert heading_addressee(title) == "Frank Vandenbroucke (Sociale Zaken en Volksgezondheid)"
    assert heading_addressee(None) == ""
    from scipy import sparse

    together = sparse.csr_matrix(np.array([[1, 1], [1, 1], [0, 0], [0, 0]]))
    apart = sparse.csr_matrix(np.array([[1, 0], [0, 1], [1, 0], [0, 1]]))
    assert npmi_coherence(together, [0, 1]) == pytest.approx(1.0)
    assert npmi_coherence(apart, [0, 1]) == -1.0
    assert np.isnan(npmi_coherence(apart, [0]))
