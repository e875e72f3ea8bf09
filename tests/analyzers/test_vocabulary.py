"""One output vocabulary: every analyzer's table merges back on the turns cleanly."""

from __future__ import annotations

import inspect
import warnings

import pandas as pd
import pytest

import debatekit as dk
from debatekit._schema import CONTEXT_COLUMNS, TURN_COLUMNS, context_columns

# spaCy's first import takes seconds: the entities case runs with the slow tests.
ANALYZERS = [
    pytest.param(n, marks=pytest.mark.slow) if n == "entities" else n for n in dk.list_analyzers()
]
# Parameters that keep each analyzer quick on the sample.
_QUICK = {"entities": {"model": None, "progress": False}, "topics": {"n_topics": 3}}


_OUTPUTS: dict[str, pd.DataFrame] = {}


def _output(name: str, turns: pd.DataFrame) -> pd.DataFrame:
    """The analyzer's table for the sample, computed once for both tests."""
    if name not in _OUTPUTS:
        _OUTPUTS[name] = _run(name, turns)
    return _OUTPUTS[name]


def _run(name: str, turns: pd.DataFrame) -> pd.DataFrame:
    cls = dk.analyzers.get(name)
    params = {**cls.check_params, **_QUICK.get(name, {})}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", dk.DebatekitWarning)
        return cls(**params).fit_transform(turns)


@pytest.mark.parametrize("name", ANALYZERS)
def test_no_output_column_shadows_a_turn_column(name, sample_turns):
    out = _output(name, sample_turns)
    shadowing = set(out.columns) & set(TURN_COLUMNS) - set(CONTEXT_COLUMNS)
    assert not shadowing, f"{name} calls other things {sorted(shadowing)}"


@pytest.mark.parametrize("name", ANALYZERS)
def test_merging_back_on_the_turn_gives_no_suffixed_columns(name, sample_turns):
    out = _output(name, sample_turns)
    if "turn_id" not in out.columns:
        pytest.skip(f"{name} is keyed by speaker, not by turn")
    keys = context_columns(out)
    merged = sample_turns.merge(out, on=keys, how="inner", validate="one_to_many")
    assert not [c for c in merged.columns if c.endswith(("_x", "_y"))]
    # The context columns carry the turn's own values: every row finds its turn.
    assert len(merged) == len(out)


def test_speaker_is_who_speaks_and_target_who_is_addressed(sample_turns):
    table = dk.interactions(sample_turns, progress=False)
    spoken = sample_turns.set_index("turn_id")["speaker"]
    assert (table["speaker"] == spoken.loc[table["turn_id"]].to_numpy()).all()
    assert (table["speaker"] != table["target"]).all()


# Each shortcut and the class it forwards to; the data arguments are the shortcut's own.
SHORTCUTS = [
    (dk.entities, dk.EntityRecognizer, ["turns"]),
    (dk.numbers, dk.Numbers, ["turns"]),
    (dk.topics, dk.TopicAnalyzer, ["turns"]),
    (dk.speaker_similarity, dk.StanceAnalyzer, ["turns"]),
    (dk.speaking_stats, dk.SpeakingStats, ["turns"]),
    (dk.interactions, dk.Interactions, ["turns"]),
    (dk.compare_figures, dk.FigureComparison, ["turns", "figures"]),
]


@pytest.mark.parametrize(
    ("shortcut", "cls", "data"), SHORTCUTS, ids=[s.__name__ for s, _, _ in SHORTCUTS]
)
def test_shortcuts_take_their_class_parameters(shortcut, cls, data):
    own = inspect.signature(shortcut).parameters
    params = {k: p.default for k, p in own.items() if k not in data}
    init = {
        k: p.default for k, p in inspect.signature(cls.__init__).parameters.items() if k != "self"
    }
    assert params == init, f"{shortcut.__name__} and {cls.__name__} have drifted apart"


def test_interactions_and_compare_figures_are_registered_analyzers(sample_turns):
    assert {"interactions", "compare_figures"} <= set(dk.list_analyzers())
    results = dk.analyze(sample_turns, "interactions", "compare_figures")
    pd.testing.assert_frame_equal(
        results["interactions"], dk.interactions(sample_turns, progress=False)
    )
    pd.testing.assert_frame_equal(results["compare_figures"], dk.compare_figures(sample_turns))
