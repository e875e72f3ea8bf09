"""Plots of stance: a clustered similarity heatmap, a 2-D map, an interaction network.

Each takes an ``ax=`` to draw into and returns the matplotlib ``Axes``;
matplotlib and networkx are imported only when a plot is drawn.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from ...politics._palette import colours_for
from ._interactions import interactions
from ._stance import check_square

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = [
    "plot_similarity",
    "plot_speaker_map",
    "plot_interactions",
    "cluster_order",
    "speaker_coordinates",
]


def _axes(ax: Axes | None, size: tuple[float, float]) -> Axes:
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    _figure, new = plt.subplots(figsize=size, layout="constrained")
    return new


#: A journal column is about 3.5 inches wide.
COLUMN_WIDTH = 3.5


def _two_lines(name: Any) -> str:
    """``Stijn De Roo`` -> ``Stijn`` over ``De Roo``: the full name, in two short lines."""
    parts = str(name).split()
    return f"{parts[0]}\n{' '.join(parts[1:])}" if len(parts) > 1 else str(name)


def _ink_on(colour: Any) -> str:
    """Black or white, whichever reads on ``colour`` (WCAG relative luminance)."""
    from matplotlib.colors import to_rgb

    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in to_rgb(colour))
    return "black" if 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.18 else "white"


def _group_colours(names: list[Any], groups: Mapping[Hashable, Hashable] | None) -> list[Any]:
    # Parties in their own colours, blocs in theirs, other groups from a colour-blind-safe cycle.
    return colours_for(names, groups)


def cluster_order(similarity: pd.DataFrame) -> list[Any]:
    """Order speakers so that those who side together sit together.

    Average-linkage hierarchical clustering on the distance ``(1 - s) / 2``,
    leaves in optimal order (deterministic).

    Returns
    -------
    list
        The speakers, reordered.

    Examples
    --------
    >>> import pandas as pd
    >>> sim = pd.DataFrame([[1, -0.5, 0.9], [-0.5, 1, -0.4], [0.9, -0.4, 1]],
    ...                    index=list("abc"), columns=list("abc"))
    >>> cluster_order(sim)  # a and c side together, b apart
    ['b', 'c', 'a']
    """
    values = check_square(similarity)
    names = list(similarity.index)
    if len(names) < 3:
        return names
    from scipy.cluster.hierarchy import leaves_list, linkage
    from scipy.spatial.distance import squareform

    distance = np.clip((1.0 - (values + values.T) / 2) / 2, 0.0, 1.0)
    np.fill_diagonal(distance, 0.0)
    tree = linkage(squareform(distance, checks=False), method="average", optimal_ordering=True)
    return [names[i] for i in leaves_list(tree)]


def plot_similarity(
    similarity: pd.DataFrame,
    *,
    ax: Axes | None = None,
    cluster: bool = True,
    annotate: bool = True,
    cmap: str = "RdBu_r",
) -> Axes:
    """Draw the similarity as a heatmap, speakers ordered by clustering.

    Parameters
    ----------
    similarity
        A square similarity (:func:`debatekit.speaker_similarity`).
    ax
        The axes to draw into; a new figure by default.
    cluster
        Order speakers by :func:`cluster_order` (else keep the given order).
    annotate
        Write each value in its cell.
    cmap
        A diverging colour map: -1 and 1 get the two ends.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import debatekit as dk
    >>> turns = dk.read_transcript(dk.sample_path())
    >>> ax = dk.plot_similarity(dk.speaker_similarity(turns))  # doctest: +SKIP
    """
    check_square(similarity)
    order = cluster_order(similarity) if cluster else list(similarity.index)
    values = similarity.loc[order, order].to_numpy(dtype=float)
    n = len(order)
    ax = _axes(ax, (COLUMN_WIDTH, COLUMN_WIDTH))
    image = ax.imshow(values, cmap=cmap, vmin=-1, vmax=1)
    labels = [str(s) for s in order]
    ax.set_xticks(range(n), labels, rotation=45, ha="right", fontsize=7)
    ax.set_yticks(range(n), labels, fontsize=7)
    if annotate:
        for i in range(n):
            for j in range(n):
                shade = "white" if abs(values[i, j]) > 0.6 else "black"
                ax.text(
                    j, i, f"{values[i, j]:.2f}", ha="center", va="center", color=shade, fontsize=6
                )
    bar = ax.figure.colorbar(image, ax=ax, fraction=0.046, pad=0.04)
    bar.set_label("stance similarity", fontsize=7)
    bar.ax.tick_params(labelsize=6)
    ax.set_title("Who sides with whom", fontsize=8)
    return ax


def speaker_coordinates(similarity: pd.DataFrame) -> pd.DataFrame:
    """Place speakers in two dimensions so that distances follow ``1 - similarity``.

    Classical (Torgerson) multidimensional scaling: deterministic, no random
    start. The sign of each axis is fixed so that its largest coordinate is
    positive.

    Returns
    -------
    pandas.DataFrame
        ``x`` and ``y``, one row per speaker.

    Examples
    --------
    >>> import pandas as pd
    >>> sim = pd.DataFrame([[1, -0.5, 0.9], [-0.5, 1, -0.4], [0.9, -0.4, 1]],
    ...                    index=list("abc"), columns=list("abc"))
    >>> x = speaker_coordinates(sim)["x"]
    >>> bool(abs(x["a"] - x["c"]) < abs(x["a"] - x["b"]))
    True
    """
    values = check_square(similarity)
    n = len(values)
    distance = np.clip(1.0 - (values + values.T) / 2, 0.0, 2.0)
    centring = np.eye(n) - np.full((n, n), 1.0 / n)
    gram = -0.5 * centring @ (distance**2) @ centring
    eigenvalues, eigenvectors = np.linalg.eigh(gram)
    top = np.argsort(eigenvalues)[::-1][:2]
    coords = eigenvectors[:, top] * np.sqrt(np.clip(eigenvalues[top], 0.0, None))
    if coords.shape[1] < 2:
        coords = np.hstack([coords, np.zeros((n, 2 - coords.shape[1]))])
    for k in range(2):
        if coords[np.argmax(np.abs(coords[:, k])), k] < 0:
            coords[:, k] *= -1
    return pd.DataFrame(coords, index=similarity.index, columns=["x", "y"])


def plot_speaker_map(
    similarity: pd.DataFrame,
    *,
    groups: Mapping[Hashable, Hashable] | pd.Series | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Draw speakers on a 2-D map: close together when they side together.

    Parameters
    ----------
    similarity
        A square similarity (:func:`debatekit.speaker_similarity`).
    groups
        Speaker -> group (a party, majority or opposition), to colour the
        points; only used for colour, never for placing them.
    ax
        The axes to draw into; a new figure by default.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import debatekit as dk
    >>> turns = dk.read_transcript(dk.sample_path())
    >>> blocs = {"Axel Ronse": "majority", "Imade Annouri": "opposition"}
    >>> ax = dk.plot_speaker_map(dk.speaker_similarity(turns), groups=blocs)  # doctest: +SKIP
    """
    coords = speaker_coordinates(similarity)
    labels = dict(groups) if groups is not None else None
    ax = _axes(ax, (COLUMN_WIDTH, COLUMN_WIDTH))
    colours = _group_colours(list(coords.index), labels)
    ax.scatter(
        coords["x"], coords["y"], c=colours, s=40, edgecolor="black", linewidths=0.6, zorder=2
    )
    # Distances are the message: one unit is as long across as up.
    ax.set_aspect("equal", adjustable="datalim")
    middle = (coords["x"].min() + coords["x"].max()) / 2
    for name, (x, y) in coords.iterrows():
        left = x > middle  # names point inwards, so that they stay inside the figure
        ax.annotate(
            str(name), (x, y), textcoords="offset points", xytext=(-5 if left else 5, 3),
            ha="right" if left else "left", fontsize=7,
        )  # fmt: skip
    if labels:
        _legend(ax, list(coords.index), labels)
    ax.set_xlabel("dimension 1", fontsize=7)
    ax.set_ylabel("dimension 2", fontsize=7)
    ax.tick_params(labelsize=6)
    ax.set_title("Speakers by stance (classical MDS of 1 - similarity)", fontsize=8)
    ax.margins(0.12)
    return ax


def _legend(
    ax: Axes, names: list[Any], groups: Mapping[Hashable, Hashable], **legend_options: Any
) -> None:
    from matplotlib.lines import Line2D

    present = [n for n in names if n in groups]
    colours = _group_colours(present, groups)
    seen: dict[str, Any] = {}
    for name, colour in zip(present, colours, strict=True):
        seen.setdefault(str(groups[name]), colour)
    handles = [
        Line2D([], [], marker="o", linestyle="", color=c, markeredgecolor="black", label=k)
        for k, c in sorted(seen.items(), key=lambda kc: kc[0].casefold())
    ]
    ax.legend(handles=handles, loc="best", fontsize=6, **legend_options)


def plot_interactions(
    data: pd.DataFrame,
    *,
    groups: Mapping[Hashable, Hashable] | pd.Series | None = None,
    include_mentions: bool = True,
    ax: Axes | None = None,
    random_state: int = 0,
) -> Axes:
    """Draw who addresses whom as a network: green sides with, red opposes.

    Parameters
    ----------
    data
        An interactions table (:func:`debatekit.interactions`), or a turns
        table to compute it from.
    groups
        Speaker -> group, to colour the nodes.
    include_mentions
        Draw mere mentions (grey, dashed) as well as stance cues.
    ax
        The axes to draw into; a new figure by default.
    random_state
        Seed of the layout.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import debatekit as dk
    >>> turns = dk.read_transcript(dk.sample_path())
    >>> ax = dk.plot_interactions(dk.interactions(turns))  # doctest: +SKIP
    """
    import networkx as nx

    table = interactions(data) if "text" in data.columns else data
    if not include_mentions:
        table = table[table["polarity"] != 0]
    graph = nx.DiGraph()
    # Cues that weigh nothing (ritual thanks) are drawn as mentions.
    weighs = (table["polarity"] != 0) & (table["weight"] > 0)
    signed = table.assign(_net=table["weight"] * table["polarity"], _cue=weighs.astype(int))
    edges = signed.groupby(["speaker", "target"], sort=True, observed=True).agg(
        net=("_net", "sum"), count=("cue", "size"), cues=("_cue", "sum")
    )
    for (a, b), edge in edges.iterrows():
        graph.add_edge(
            str(a), str(b), net=float(edge["net"]), count=int(edge["count"]), cues=int(edge["cues"])
        )
    ax = _axes(ax, (COLUMN_WIDTH, COLUMN_WIDTH))
    if graph.number_of_nodes() == 0:
        ax.set_axis_off()
        ax.set_title("No interactions found", fontsize=8)
        return ax
    nodes = sorted(graph.nodes)
    graph = nx.DiGraph(graph.subgraph(nodes))
    layout = nx.circular_layout(sorted(nodes)) if len(nodes) <= 3 else None
    if layout is None:
        undirected = nx.Graph()
        undirected.add_nodes_from(nodes)
        undirected.add_edges_from(graph.edges)
        layout = nx.spring_layout(undirected, seed=random_state, k=1.6 / np.sqrt(len(nodes)))
    labels = dict(groups) if groups is not None else None
    fills = _group_colours(nodes, labels)
    names = {n: _two_lines(n) for n in nodes}
    sizes = [_node_area(names[n]) for n in nodes]
    for a, b, edge in graph.edges(data=True):
        style = _edge_style(edge)
        nx.draw_networkx_edges(
            graph, layout, edgelist=[(a, b)], width=0.6 + 0.8 * np.log1p(edge["count"]),
            edge_color=style["colour"], style=style["line"], arrowsize=8,
            connectionstyle="arc3,rad=0.12", node_size=sizes[nodes.index(b)], ax=ax,
        )  # fmt: skip
    nx.draw_networkx_nodes(
        graph, layout, nodelist=nodes, node_color=fills, node_size=sizes,
        edgecolors="black", linewidths=0.6, ax=ax,
    )  # fmt: skip
    for n in nodes:  # the full name inside its node, in an ink that reads on the fill
        x, y = layout[n]
        ink = _ink_on(fills[nodes.index(n)])
        ax.text(x, y, names[n], ha="center", va="center", fontsize=5.5, color=ink, zorder=5)
    _fit(ax, layout, sizes)
    _edge_legend(ax, labels, nodes)
    ax.set_title("Who addresses whom", fontsize=8)
    ax.set_axis_off()
    return ax


# Edges are drawn in grey tones and told apart by their line, so that they never take
# a party's colour and read in print: solid sides with, dashed opposes.
_EDGE_STYLES: dict[str, dict[str, Any]] = {
    "sides with": {"colour": "#1A1A1A", "line": "solid"},
    "opposes": {"colour": "#1A1A1A", "line": (0, (4, 2))},
    "both": {"colour": "#5A5A5A", "line": (0, (4, 1.5, 1, 1.5))},
    "mentions": {"colour": "#A8A8A8", "line": (0, (1, 1.5))},
}


def _edge_style(edge: Mapping[str, Any]) -> dict[str, Any]:
    if edge["cues"] == 0:
        return _EDGE_STYLES["mentions"]
    if edge["net"] > 0:
        return _EDGE_STYLES["sides with"]
    if edge["net"] < 0:
        return _EDGE_STYLES["opposes"]
    return _EDGE_STYLES["both"]


def _node_area(label: str, fontsize: float = 5.5) -> float:
    """A circle's area (points squared) that holds ``label``: its widest line and two lines."""
    widest = max(len(line) for line in label.split("\n"))
    diameter = max(0.62 * fontsize * widest + 6, 2.6 * fontsize + 6)
    return diameter**2


def _fit(ax: Axes, layout: Mapping[Any, Any], sizes: list[float]) -> None:
    """Limits that keep every node whole inside the axes (the largest radius as margin)."""
    points = np.array(list(layout.values()), dtype=float)
    low, high = points.min(axis=0), points.max(axis=0)
    span = np.maximum(high - low, 1e-9)
    box = ax.get_window_extent()
    radius = np.sqrt(max(sizes)) / 2 * ax.figure.dpi / 72  # pixels
    # The margin, in data units, that a node's radius needs on a side of this length.
    pad = [radius / max(box.width, 1) * span[0] * 1.6, radius / max(box.height, 1) * span[1] * 1.6]
    ax.set_xlim(low[0] - pad[0] - 0.05 * span[0], high[0] + pad[0] + 0.05 * span[0])
    ax.set_ylim(low[1] - pad[1] - 0.05 * span[1], high[1] + pad[1] + 0.05 * span[1])


def _edge_legend(ax: Axes, groups: Mapping[Hashable, Hashable] | None, nodes: list[Any]) -> None:
    from matplotlib.lines import Line2D

    handles = [
        Line2D([], [], color=style["colour"], linestyle=style["line"], linewidth=1.2, label=kind)
        for kind, style in _EDGE_STYLES.items()
    ]
    if groups:
        present = [n for n in nodes if n in groups]
        colours = dict(zip([str(groups[n]) for n in present], _group_colours(present, groups)))
        handles += [
            Line2D([], [], marker="o", linestyle="", color=c, markeredgecolor="black", label=k)
            for k, c in sorted(colours.items(), key=lambda kc: kc[0].casefold())
        ]
    ax.legend(
        handles=handles, loc="upper center", bbox_to_anchor=(0.5, 0.0), ncol=3, fontsize=6,
        frameon=False, handlelength=2.4, columnspacing=1.0,
    )  # fmt: skip
