"""Stance figures read at a journal column's width: names whole and inside, parties in colour."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pytest

import debatekit as dk


@pytest.fixture(scope="module")
def parties(sample_result):
    turns = sample_result.turns.dropna(subset=["party"]).drop_duplicates("speaker")
    return dict(zip(turns["speaker"], turns["party"]))


@pytest.fixture(scope="module")
def similarity(sample_result):
    return dk.speaker_similarity(sample_result.turns)


def _inside_figure(ax):
    ax.figure.canvas.draw()
    frame = ax.figure.bbox
    for text in ax.texts:
        box = text.get_window_extent()
        assert frame.x0 <= box.x0 and box.x1 <= frame.x1, text.get_text()
        assert frame.y0 <= box.y0 and box.y1 <= frame.y1, text.get_text()


def test_speaker_map_has_equal_axes_full_names_and_party_colours(similarity, parties):
    ax = dk.plot_speaker_map(similarity, groups=parties)
    try:
        assert ax.figure.get_size_inches()[0] == pytest.approx(3.5)
        assert ax.get_aspect() == 1.0
        assert {t.get_text() for t in ax.texts} == set(similarity.index)  # "Stijn De Roo"
        _inside_figure(ax)
        legend = [t.get_text() for t in ax.get_legend().get_texts()]
        assert legend == sorted(legend, key=str.casefold)
        colours = {matplotlib.colors.to_hex(c).upper() for c in ax.collections[0].get_facecolors()}
        assert dk.party_colour("N-VA") in colours and dk.party_colour("Groen") in colours
    finally:
        plt.close(ax.figure)


def test_interaction_nodes_hold_whole_names_and_never_take_an_edge_colour(sample_turns, parties):
    ax = dk.plot_interactions(sample_turns, groups=parties)
    try:
        ax.figure.canvas.draw()
        names = {t.get_text().replace("\n", " ") for t in ax.texts}
        assert "Stijn De Roo" in names and "Jo Brouns" in names
        _inside_figure(ax)
        nodes = ax.collections[-1]
        node_colours = {matplotlib.colors.to_hex(c) for c in nodes.get_facecolors()}
        edge_colours = {
            matplotlib.colors.to_hex(p.get_edgecolor())
            for p in ax.patches
            if p.get_edgecolor()[3] > 0
        }
        assert edge_colours and not node_colours & edge_colours
        # each name lies inside its own node's circle
        radius = (nodes.get_sizes() ** 0.5 / 2) * ax.figure.dpi / 72
        centres = ax.transData.transform(nodes.get_offsets())
        for text in ax.texts:
            box = text.get_window_extent()
            distance = ((centres - [box.x0 + box.width / 2, box.y0 + box.height / 2]) ** 2).sum(1)
            k = distance.argmin()
            assert box.width / 2 < radius[k] and box.height / 2 < radius[k]
        legend = [t.get_text() for t in ax.get_legend().get_texts()]
        assert legend[:4] == ["sides with", "opposes", "both", "mentions"]
    finally:
        plt.close(ax.figure)


def test_every_stance_plot_takes_an_axes_and_returns_it(similarity, sample_turns):
    figure, axes = plt.subplots(1, 3, figsize=(10.5, 3.5))
    try:
        assert dk.plot_similarity(similarity, ax=axes[0]) is axes[0]
        assert dk.plot_speaker_map(similarity, ax=axes[1]) is axes[1]
        assert dk.plot_interactions(sample_turns, ax=axes[2]) is axes[2]
    finally:
        plt.close(figure)
