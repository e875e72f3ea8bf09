"""Speaking statistics on the sample."""

from __future__ import annotations

import matplotlib
import numpy as np
import pytest

import debatekit as dk

matplotlib.use("Agg")


def test_words_and_turns_per_speaker_add_up(sample_turns):
    stats = dk.speaking_stats(sample_turns)
    speech = sample_turns[~sample_turns["procedural"]]
    assert stats["words"].sum() == speech["n_words"].sum()
    assert stats["turns"].sum() == len(speech)
    brouns = stats[stats["speaker"] == "Jo Brouns"].iloc[0]
    assert brouns["role"] == "minister"
    assert brouns["words"] == speech.loc[speech["speaker"] == "Jo Brouns", "n_words"].sum()
    assert stats["words"].is_monotonic_decreasing
    assert np.isclose(stats["share_words"].sum(), 1.0)


def test_shares_are_within_each_item(sample_turns):
    stats = dk.speaking_stats(sample_turns, by="party", per="item")
    sums = stats.groupby("item")["share_words"].sum()
    assert len(sums) == 10
    assert np.allclose(sums, 1.0)


def test_procedural_turns_count_when_asked(sample_turns):
    without = dk.speaking_stats(sample_turns, by="role")
    with_ = dk.speaking_stats(sample_turns, by="role", include_procedural=True)
    chair_without = without.loc[without["role"] == "chair", "turns"].sum()
    chair_with = with_.loc[with_["role"] == "chair", "turns"].sum()
    assert chair_with - chair_without == sample_turns["procedural"].sum()


def test_bad_parameters_are_named(sample_turns):
    with pytest.raises(dk.ParameterError, match=r"\[E800\] The 'by' parameter.*Got 'house'"):
        dk.SpeakingStats(by="house").fit(sample_turns)


def test_plot_has_one_bar_per_speaker(sample_turns):
    ax = dk.plot_speaking_stats(sample_turns)
    speakers = sample_turns.loc[~sample_turns["procedural"], "speaker"].nunique()
    assert len(ax.patches) == speakers
    assert ax.get_yticklabels()[-1].get_text() == "Jo Brouns"  # the largest bar is on top


def test_by_party_names_ministers_and_chairs_by_role(sample_turns):
    stats = dk.speaking_stats(sample_turns, by="party")
    assert stats["party"].notna().all()
    minister = stats[stats["party"] == "(minister)"]
    speech = sample_turns[~sample_turns["procedural"]]
    assert minister["words"].item() == speech.loc[speech["role"] == "minister", "n_words"].sum()
    assert "(chair)" in set(stats["party"])
