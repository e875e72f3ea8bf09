"""The analyzer contract, the registry, and one conformance check for every analyzer."""

from __future__ import annotations

import pytest

import debatekit as dk

# The suite fits each analyzer about eight times: the heavier ones run with the slow tests.
_HEAVY = {"entities", "stance", "interactions", "topics"}


@pytest.mark.parametrize(
    "name",
    [pytest.param(n, marks=pytest.mark.slow) if n in _HEAVY else n for n in dk.list_analyzers()],
)
@pytest.mark.filterwarnings("ignore::debatekit.DebatekitWarning")
def test_every_registered_analyzer_conforms(name, sample_turns):
    dk.check_analyzer(dk.analyzers.get(name), sample_turns)


@pytest.mark.parametrize(
    "embedder",
    [dk.TfidfEmbedder(), dk.TfidfEmbedder(n_components=0)],
    ids=["tfidf-lsa", "tfidf-raw"],
)
def test_every_embedder_conforms(embedder):
    dk.check_embedder(embedder)


def test_the_suite_catches_an_analyzer_that_breaks_the_contract(sample_turns):
    class Careless(dk.Analyzer):
        name = "careless"

        def __init__(self, n: int = 3) -> None:
            self.n = n

        def transform(self, turns):
            turns["text"] = turns["text"].str.upper()  # changes its input
            return turns.head(self.n)[["turn_id"]]

    with pytest.raises(AssertionError, match="careless|Careless"):
        dk.check_analyzer(Careless, sample_turns)


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
            if turns.empty:
                return turns[["turn_id", "speaker"]]
            return turns.loc[[turns["n_words"].idxmax()], ["turn_id", "speaker"]]

    try:
        result = dk.analyze(sample_turns, "test_longest_turn")["test_longest_turn"]
        assert result["speaker"].tolist() == ["Jo Brouns"]
        dk.check_analyzer(LongestTurn, sample_turns)
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
