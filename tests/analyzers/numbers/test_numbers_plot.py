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


def _label_boxes(ax):
    ax.figure.canvas.draw()
    return [t.get_window_extent() for t in ax.texts]


def test_labels_stay_inside_the_figure_and_their_row_and_never_overlap(sample_figures):
    ax = dk.plot_numbers(sample_figures, "percent")
    try:
        width, height = ax.figure.get_size_inches()
        assert width == pytest.approx(3.5)  # a journal column
        boxes = _label_boxes(ax)
        assert boxes
        figure_box = ax.figure.bbox
        for i, box in enumerate(boxes):
            assert figure_box.x0 <= box.x0 and box.x1 <= figure_box.x1
            assert figure_box.y0 <= box.y0 and box.y1 <= figure_box.y1
            assert not any(box.overlaps(other) for other in boxes[i + 1 :])
        for text in ax.texts:  # within half a row of its speaker's row
            row = text.xy[1]
            assert abs(row - round(row)) < 0.5
    finally:
        plt.close(ax.figure)


def test_money_is_on_a_log_scale_with_euro_ticks(sample_figures):
    ax = dk.plot_numbers(sample_figures, "money")
    try:
        assert ax.get_xscale() == "log"
        ax.figure.canvas.draw()
        ticks = [t.get_text() for t in ax.get_xticklabels() if t.get_text()]
        assert "€1m" in ticks and "€10k" in ticks
        assert all(t.startswith("€") for t in ticks)
        assert not ax.xaxis.get_offset_text().get_text()  # no 1e7 offset
    finally:
        plt.close(ax.figure)


def test_an_unknown_kind_raises_instead_of_drawing_nothing(sample_figures):
    with pytest.raises(dk.ParameterError, match=r"E609.*'percent'"):
        dk.plot_numbers(sample_figures, "procent")


def test_dots_wear_the_party_colour_when_the_figures_carry_it(sample_figures, sample_turns):
    with_party = sample_figures.merge(sample_turns[["turn_id", "party"]], on="turn_id")
    ax = dk.plot_numbers(with_party, "percent")
    try:
        stated = ax.collections[0]
        colours = {matplotlib.colors.to_hex(c).upper() for c in stated.get_facecolors()}
        assert dk.party_colour("cd&v") in colours and dk.party_colour("N-VA") in colours
    finally:
        plt.close(ax.figure)
