"""The chart of figures per speaker."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pytest

import debatekit as dk


@pytest.fixture(scope="module")
def sample_figures(sample_result):
    return dk.numbers(sample_result.turns, progress=False)


def test_one_dot_per_percentage_and_hedged_ones_apart(sample_figures):
    fig, ax = plt.subplots()
    try:
        assert dk.plot_numbers(sample_figures, "percent", ax=ax) is ax
        stated, hedged = (len(c.get_offsets()) for c in ax.collections)
        percent = sample_figures[sample_figures["kind"] == "percent"]
        assert stated + hedged == len(percent) == 21
        assert hedged == percent["qualifier"].notna().sum()
        labels = [t.get_text() for t in ax.get_yticklabels()]
        assert set(labels) == set(percent["speaker"])
        assert "77 procent ×2" in [t.get_text() for t in ax.texts]  # cited twice, written once
        assert "%" in ax.get_xlabel()
    finally:
        plt.close(fig)


def test_a_new_figure_when_no_axes_and_a_clear_error(sample_figures):
    ax = dk.plot_numbers(sample_figures, "money", annotate=False)
    try:
        assert sum(len(c.get_offsets()) for c in ax.collections) == 10
        assert not ax.texts
    finally:
        plt.close(ax.figure)
    with pytest.raises(dk.SchemaError, match="speaker"):
        dk.plot_numbers(sample_figures.drop(columns=["speaker"]))


def test_a_turns_table_gets_its_own_message_not_the_compare_figures_one(sample_turns):
    with pytest.raises(dk.SchemaError, match=r"\[E204\].*dk\.plot_numbers\(dk\.numbers") as caught:
        dk.plot_numbers(sample_turns)
    assert "leave 'figures' out" not in str(caught.value)
