"""KWIC, dfm, keyness, frequencies and dictionary counts on the sample and on Chamber text."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import scipy.sparse as sp

import debatekit as dk

KAMER = Path(__file__).resolve().parents[2] / "data" / "kamer" / "commission-56-10-excerpt.csv"


@pytest.fixture(scope="module")
def kamer_turns() -> pd.DataFrame:
    # Ten real turns of committee report 56-10 (2 October 2024): Dutch and French.
    turns = pd.read_csv(KAMER, dtype=str, keep_default_na=False)
    turns["party"] = turns["party"].replace("", pd.NA)
    turns["date"] = pd.Timestamp("2024-10-02")
    return turns


def _turns(texts: list[str], **columns: list[object]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "turn_id": [f"t{i}" for i in range(len(texts))],
            "speaker": columns.pop("speaker", ["A"] * len(texts)),
            "role": ["member"] * len(texts),
            "text": texts,
            **columns,
        }
    )


# --- kwic -----------------------------------------------------------------------------------


def test_kwic_phrase_counted_by_hand_on_a_chamber_answer(kamer_turns):
    # Read by hand in turn 01.02: "de wettelijke garantie" five times, and once
    # "de wettelijke garantieregels", which only the glob phrase matches.
    answer = kamer_turns[kamer_turns["turn_id"] == "56-10-01.02"]
    assert len(dk.kwic(answer, "wettelijke garantie")) == 5
    assert len(dk.kwic(answer, "wettelijke garantie*")) == 6
    assert len(dk.kwic(answer, "wettelijk*")) == 7  # and "Het is wettelijk niet vereist"
    assert len(dk.kwic(answer, "eindverkoper")) == 5


def test_kwic_rows_quote_the_text_as_written(kamer_turns):
    hits = dk.kwic(kamer_turns, "wettelijke garantie", window=3).table
    assert hits["turn_id"].is_monotonic_increasing  # in the order of the turns
    first = hits[hits["turn_id"] == "56-10-01.02"].iloc[0]
    assert first["speaker"] == "Alexia Bertrand"
    assert (first["pre"], first["keyword"], first["post"]) == (
        "in voor de",
        "wettelijke garantie",
        "van twee jaar",
    )
    text = kamer_turns.set_index("turn_id").loc[first["turn_id"], "text"]
    assert text[first["start"] : first["end"]] == "wettelijke garantie"


def test_kwic_rewindows_without_searching_again(sample_turns):
    narrow = dk.kwic(sample_turns, "werkzoekende*", window=2)
    wide = narrow.rewindow(6)
    assert wide.hits is narrow.hits  # the same hits, not a new search
    for short, long in zip(narrow.table["pre"], wide.table["pre"]):
        assert long.endswith(short) and len(long.split()) > len(short.split())
    sentences = narrow.rewindow(0, level="sentence").table
    assert all(s[-1:] in ".?!" for s in sentences["post"] if s)


def test_kwic_sentence_level_gives_the_hit_sentence():
    turns = _turns(["Eerste zin hier. De werkloosheid stijgt snel. Derde zin."])
    row = dk.kwic(turns, "werkloos*", level="sentence", window=0).table.iloc[0]
    assert (row["pre"], row["keyword"], row["post"]) == ("De", "werkloosheid", "stijgt snel.")
    wider = dk.kwic(turns, "werkloos*", level="sentence", window=1).table.iloc[0]
    assert wider["pre"].startswith("Eerste zin hier.") and wider["post"].endswith("Derde zin.")


def test_kwic_several_patterns_and_categories(sample_turns):
    hits = dk.kwic(sample_turns, {"ai": ["ai", "artificiële intelligentie"], "werk": "werk"})
    assert set(hits.table["pattern"]) == {"ai", "werk"}
    assert hits.table["turn_id"].isin(sample_turns["turn_id"]).all()


def test_kwic_is_an_analyzer_and_refuses_bad_parameters(sample_turns):
    table = dk.analyze(sample_turns, "kwic", kwic={"pattern": "vdab"})["kwic"]
    assert len(table) == len(dk.kwic(sample_turns, "vdab"))
    with pytest.raises(dk.ParameterError, match="E601"):
        dk.kwic(sample_turns, "")
    with pytest.raises(dk.ParameterError, match="E602"):
        dk.kwic(sample_turns, "werk(", value_type="regex")
    with pytest.raises(dk.ParameterError, match="window"):
        dk.kwic(sample_turns, "werk", window=-1)


def test_kwic_of_nothing_found_is_an_empty_table(sample_turns):
    table = dk.kwic(sample_turns, "zzzqqq").table
    assert table.empty and {"turn_id", "pre", "keyword", "post"} <= set(table.columns)


# --- dfm ------------------------------------------------------------------------------------


def test_dfm_counts_by_hand_and_keys_by_turn_id(kamer_turns):
    counts = dk.dfm(kamer_turns)
    assert sp.issparse(counts.matrix)
    frame = counts.to_frame()
    assert frame.index.name == "turn_id"
    assert frame.loc["56-10-01.02", "eindverkoper"] == 5
    assert frame.loc["56-10-01.02", "garantie"] == 5
    assert "de" not in counts.vocabulary  # Dutch stop word


def test_dfm_drops_french_stop_words_in_french_turns(kamer_turns):
    counts = dk.dfm(kamer_turns)
    french = counts.to_frame().loc[kamer_turns.loc[kamer_turns["lang"] == "fr", "turn_id"]]
    for word in ("le", "la", "les", "des", "est", "une"):
        assert word not in counts.vocabulary or french[word].sum() == 0
    assert french["compagnies"].sum() > 0
    # without the lang column, Dutch stop words only: French articles stay
    assert "les" in dk.dfm(kamer_turns.drop(columns="lang")).vocabulary


def test_dfm_ngrams_do_not_bridge_a_dropped_stop_word():
    turns = _turns(["sociale zekerheid en sociale zekerheid", "de zekerheid"])
    counts = dk.dfm(turns, ngrams=(1, 2), stop_words="nl")
    frame = counts.to_frame()
    assert frame.loc["t0", "sociale zekerheid"] == 2
    assert "zekerheid sociale" not in counts.vocabulary  # "en" lies between
    assert frame.loc["t1", "zekerheid"] == 1


def test_dfm_groups_by_any_column_and_trims(sample_turns):
    by_party = dk.dfm(sample_turns, by="party")
    turns_per_party = sample_turns.loc[~sample_turns["procedural"], "party"].value_counts(
        dropna=False
    )
    assert by_party.docs.set_index("party")["n_turns"].sum() == turns_per_party.sum()
    per_turn = dk.dfm(sample_turns)
    assert by_party.matrix.sum() == per_turn.matrix.sum()
    trimmed = per_turn.trim(min_count=5, min_docs=2)
    assert trimmed.shape[1] < per_turn.shape[1]
    totals = np.asarray(trimmed.matrix.sum(axis=0)).ravel()
    assert totals.min() >= 5
    two = dk.dfm(sample_turns, by=["item", "speaker"])
    assert list(two.docs.columns) == ["item", "speaker", "n_turns"]
    with pytest.raises(dk.SchemaError, match="E603"):
        dk.dfm(sample_turns, by="bloc")


def test_dfm_uses_the_lemmas_a_pipeline_gives(sample_turns):
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("nl")

    @spacy.Language.component("plural_lemmas")
    def plural_lemmas(doc):  # a stand-in for a trained lemmatizer
        for token in doc:
            token.lemma_ = {"werkzoekenden": "werkzoekende"}.get(token.lower_, token.lower_)
        return doc

    nlp.add_pipe("plural_lemmas")
    counts = dk.dfm(sample_turns, lemmatize=nlp)
    plain = dk.dfm(sample_turns)
    assert "werkzoekenden" not in counts.vocabulary
    total = plain.totals()
    assert counts.totals()["werkzoekende"] == total.get("werkzoekende", 0) + total["werkzoekenden"]


def test_dfm_without_a_dutch_pipeline_warns_and_counts_words(sample_turns):
    spacy = pytest.importorskip("spacy")
    if any(
        spacy.util.is_package(n) for n in ("nl_core_news_lg", "nl_core_news_md", "nl_core_news_sm")
    ):
        pytest.skip("a Dutch pipeline is installed here")
    with pytest.warns(dk.ModelFallbackWarning, match="W600"):
        counts = dk.dfm(sample_turns, lemmatize="auto")
    assert counts.shape == dk.dfm(sample_turns).shape


# --- keyness and frequencies ----------------------------------------------------------------


def test_keyness_matches_the_two_by_two_table_worked_by_hand():
    turns = _turns(
        ["klimaat klimaat economie", "economie economie economie klimaat"],
        bloc=["opposition", "majority"],
    )
    table = dk.keyness(turns, "opposition", by="bloc", stop_words=None).set_index("feature")
    # klimaat: 2 of 3 words in the target, 1 of 4 in the reference; N = 7.
    assert table.loc["klimaat", ["n_target", "n_reference"]].tolist() == [2, 1]
    assert table.loc["klimaat", "chi2"] == pytest.approx(7 * (2 * 3 - 1 * 1) ** 2 / (3 * 4 * 3 * 4))
    g2 = 2 * (2 * math.log(14 / 9) + 2 * math.log(7 / 12) + 3 * math.log(21 / 16))
    assert table.loc["klimaat", "G2"] == pytest.approx(g2)
    assert table.loc["economie", "chi2"] == pytest.approx(-table.loc["klimaat", "chi2"])
    assert table.index[0] == "klimaat"
    assert table.attrs == {"total_target": 3, "total_reference": 4}


def test_keyness_of_the_minister_on_the_sample(sample_turns):
    table = dk.keyness(sample_turns, "minister", by="role")
    top = table.iloc[0]
    assert top["chi2"] > 0 and top["n_target"] > top["n_reference"]
    assert table["chi2"].is_monotonic_decreasing
    assert (np.sign(table["chi2"]) == np.sign(table["G2"])).all()
    with pytest.raises(dk.ParameterError, match="E606"):
        dk.keyness(sample_turns, "president", by="role")
    with pytest.raises(dk.ParameterError, match="E605"):
        dk.keyness(sample_turns, "minister")


def test_frequencies_overall_and_by_group(kamer_turns):
    overall = dk.frequencies(kamer_turns, n=5)
    assert overall["rank"].tolist()[0] == 1
    assert overall["frequency"].is_monotonic_decreasing
    by_speaker = dk.frequencies(kamer_turns, by="speaker")
    bertrand = by_speaker[by_speaker["speaker"] == "Alexia Bertrand"].set_index("feature")
    assert bertrand.loc["eindverkoper", "frequency"] == 5  # all in turn 01.02
    assert bertrand.loc["eindverkoper", "docfreq"] == 1


# --- dictionary counts ----------------------------------------------------------------------


def test_dictionary_counts_by_hand(kamer_turns):
    dictionary = {"garantie": ["garantie*", "wettelijk*"], "consument": ["consument*"]}
    table = dk.dictionary_counts(kamer_turns, dictionary).set_index("turn_id")
    # 01.02: garantie x5, garantieregels x1; wettelijk(e) x7, five of them before
    # "garantie" (separate words, so counted each): 6 + 7 = 13.
    assert table.loc["56-10-01.02", "garantie"] == 13
    assert table.loc["56-10-01.02", "consument"] == 4  # consument x3, consumenten x1
    assert list(table.columns[-2:]) == ["garantie", "consument"]


def test_dictionary_counts_group_and_share(sample_turns):
    themes = {"werk": ["werk*", "job*"], "ai": ["ai", "artificiële intelligentie"]}
    per_turn = dk.dictionary_counts(sample_turns, themes)
    grouped = dk.dictionary_counts(sample_turns, themes, by="party")
    assert grouped[["werk", "ai"]].sum().tolist() == per_turn[["werk", "ai"]].sum().tolist()
    assert grouped["n_turns"].sum() == len(sample_turns)
    share = dk.dictionary_counts(sample_turns, themes, by="party", normalize=True)
    assert share["werk"].max() < 1
    assert share["werk"].iloc[1] == pytest.approx(
        grouped["werk"].iloc[1] / grouped["n_tokens"].iloc[1]
    )
    with pytest.raises(dk.ParameterError, match="E608"):
        dk.dictionary_counts(sample_turns, ["werk*"])


def test_a_word_counts_once_per_category():
    turns = _turns(["werkloosheid"])
    table = dk.dictionary_counts(turns, {"werk": ["werk*", "*loosheid"]})
    assert table["werk"].tolist() == [1]
