"""The analyzer contract, the registry, and one conformance check for every analyzer."""

from __future__ import annotations

import pandas as pd
import pytest
from sklearn.base import clone

import debatekit as dk


def _check_analyzer(name: str, turns: pd.DataFrame) -> None:
    """What every registered analyzer must do (after scikit-learn's estimator checks)."""
    cls = dk.analyzers.get(name)
    analyzer = cls(**cls.check_params)
    assert isinstance(analyzer, dk.Analyzer)
    assert analyzer.name == name
    # Parameters are stored unchanged, so get_params/clone round-trip them.
    params = analyzer.get_params()
    assert clone(analyzer).get_params().keys() == params.keys()
    assert not [k for k in vars(analyzer) if k.endswith("_")], "fitted state set in __init__"
    fitted = analyzer.fit(turns)
    assert fitted is analyzer
    assert [k for k in vars(analyzer) if k.endswith("_") and not k.startswith("_")]
    table = analyzer.transform(turns)
    assert isinstance(table, pd.DataFrame) and len(table) > 0
    # Same input, same output.
    again = cls(**cls.check_params).fit_transform(turns)
    pd.testing.assert_frame_equal(
        table.reset_index(drop=True), again.reset_index(drop=True), check_like=True
    )
    with pytest.raises(dk.SchemaError):
        cls(**cls.check_params).fit(turns.drop(columns=["text"]))


@pytest.mark.parametrize("name", dk.list_analyzers())
def test_every_registered_analyzer_conforms(name, sample_turns):
    _check_analyzer(name, sample_turns)


def test_builtin_analyzers_are_registered():
    assert "stats" in dk.list_analyzers()


def test_unknown_analyzer_names_the_known_ones(sample_turns):
    with pytest.raises(dk.UnknownAnalyzerError, match=r"\[E008\]|'nope'.*stats"):
        dk.analyze(sample_turns, "nope")


def test_analyze_runs_several_and_passes_parameters(sample_turns):
    results = dk.analyze(sample_turns, "stats", dk.SpeakingStats(by="party"), stats={"per": "item"})
    assert list(results) == ["stats", "stats_2"]
    by_party = results["stats_2"]
    assert "item" in results["stats"].columns
    assert "party" in by_party.columns and "speaker" not in by_party.columns
    assert "<h4>stats</h4>" in results._repr_html_()


def test_transform_before_fit_raises(sample_turns):
    with pytest.raises(dk.NotFittedError, match="fit"):
        dk.SpeakingStats().transform(sample_turns)


def test_a_third_party_analyzer_can_register(sample_turns):
    @dk.register_analyzer("test_longest_turn")
    class LongestTurn(dk.Analyzer):
        name = "test_longest_turn"

        def transform(self, turns):
            self._check_fitted()
            return turns.loc[[turns["n_words"].idxmax()], ["turn_id", "speaker"]]

    try:
        result = dk.analyze(sample_turns, "test_longest_turn")["test_longest_turn"]
        assert result["speaker"].tolist() == ["Jo Brouns"]
        _check_analyzer("test_longest_turn", sample_turns)
    finally:
        dk.analyzers.get_all()  # keep the registry readable
        import catalogue

        catalogue.REGISTRY.pop(("debatekit", "analyzers", "test_longest_turn"), None)


def test_analyze_rejects_parameters_it_would_ignore(sample_turns):
    with pytest.raises(
        dk.ParameterError, match=r"\[E017\].*'bye'|\[E017\] Unknown parameter\(s\) bye"
    ):
        dk.analyze(sample_turns, "stats", stats={"bye": 1})
    with pytest.raises(dk.ParameterError, match=r"\[E018\].*topics"):
        dk.analyze(sample_turns, "stats", topics={"n_topics": 3})
