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

    _figure, new = plt.subplots(figsize=size)
    return new


def _short(name: Any) -> str:
    parts = str(name).split()
    return " ".join(parts[1:]) if len(parts) > 1 else str(name)


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
    ax = _axes(ax, (1.2 + 0.75 * n, 0.9 + 0.65 * n))
    image = ax.imshow(values, cmap=cmap, vmin=-1, vmax=1)
    labels = [_short(s) for s in order]
    ax.set_xticks(range(n), labels, rotation=45, ha="right")
    ax.set_yticks(range(n), labels)
    if annotate:
        for i in range(n):
            for j in range(n):
                shade = "white" if abs(values[i, j]) > 0.6 else "black"
                ax.text(
                    j, i, f"{values[i, j]:.2f}", ha="center", va="center", color=shade, fontsize=8
                )
    ax.figure.colorbar(image, ax=ax, fraction=0.046, pad=0.04, label="stance similarity")
    ax.set_title("Who sides with whom")
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
    ax = _axes(ax, (6.5, 5))
    colours = _group_colours(list(coords.index), labels)
    ax.scatter(coords["x"], coords["y"], c=colours, s=80, edgecolor="black", zorder=2)
    for name, (x, y) in coords.iterrows():
        ax.annotate(_short(name), (x, y), textcoords="offset points", xytext=(6, 4), fontsize=9)
    if labels:
        _legend(ax, list(coords.index), labels)
    ax.set_xlabel("dimension 1")
    ax.set_ylabel("dimension 2")
    ax.set_title("Speakers by stance (classical MDS of 1 - similarity)")
    ax.margins(0.2)
    return ax


def _legend(ax: Axes, names: list[Any], groups: Mapping[Hashable, Hashable]) -> None:
    from matplotlib.lines import Line2D

    present = [n for n in names if n in groups]
    colours = _group_colours(present, groups)
    seen: dict[str, Any] = {}
    for name, colour in zip(present, colours, strict=True):
        seen.setdefault(str(groups[name]), colour)
    handles = [
        Line2D([], [], marker="o", linestyle="", color=c, markeredgecolor="black", label=k)
        for k, c in seen.items()
    ]
    ax.legend(handles=handles, loc="best", fontsize=8)


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
    ax = _axes(ax, (7, 6))
    if graph.number_of_nodes() == 0:
        ax.set_axis_off()
        ax.set_title("No interactions found")
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
    nx.draw_networkx_nodes(
        graph,
        layout,
        nodelist=nodes,
        node_color=_group_colours(nodes, labels),
        node_size=900,
        edgecolors="black",
        ax=ax,
    )
    nx.draw_networkx_labels(graph, layout, labels={n: _short(n) for n in nodes}, font_size=8, ax=ax)
    for a, b, edge in graph.edges(data=True):
        colour = "tab:green" if edge["net"] > 0 else "tab:red" if edge["net"] < 0 else "grey"
        if edge["net"] == 0 and edge["cues"] > 0:
            colour = "tab:orange"  # as much for as against
        nx.draw_networkx_edges(
            graph,
            layout,
            edgelist=[(a, b)],
            width=1.0 + 1.2 * np.log1p(edge["count"]),
            edge_color=colour,
            style="solid" if edge["cues"] else "dashed",
            arrowsize=14,
            connectionstyle="arc3,rad=0.12",
            node_size=900,
            ax=ax,
        )
    if labels:
        _legend(ax, nodes, labels)
    ax.set_title(
        "Who addresses whom\n(green: sides with, red: against, orange: both, grey: mentions)",
        fontsize=10,
    )
    ax.set_axis_off()
    return ax
