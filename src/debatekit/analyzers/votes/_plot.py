"""A member-by-vote chart: every member's choice on every vote of a meeting."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from ..._validation import bad_parameter
from ._agreement import _check_votes, vote_matrix
from ._chamber import CHOICES

__all__ = ["plot_votes"]

#: Colours of the choices (and of not voting), colour-blind safe (Okabe-Ito).
CHOICE_COLOURS = {"yes": "#009E73", "no": "#D55E00", "abstain": "#F0E442", "absent": "#EEEEEE"}


def plot_votes(
    votes: pd.DataFrame,
    *,
    by: str | None = "party",
    names: bool | None = None,
    ax: Any = None,
) -> Any:
    """Draw members (rows) by votes (columns), each cell coloured by the choice made.

    Parameters
    ----------
    votes
        The votes table (:func:`debatekit.read_votes`), best of one meeting.
    by
        Group the rows by this column (``"party"`` or ``"group"``, as
        :func:`debatekit.join_members` adds them) and label the groups; None
        sorts members by name.
    names
        Label every row with the member's name; by default when there are 60
        rows or fewer.
    ax
        The matplotlib Axes to draw on; a new figure when None.

    Returns
    -------
    matplotlib.axes.Axes
    """
    import matplotlib.pyplot as plt
    from matplotlib.colors import ListedColormap
    from matplotlib.patches import Patch

    votes = _check_votes(votes, "plot_votes")
    if by is not None and by not in votes.columns:
        rule = "a column of the votes (join parties with dk.join_members)"
        raise bad_parameter("by", "plot_votes", rule, by)
    matrix = vote_matrix(votes)
    groups = None
    if by is not None:
        party = votes.dropna(subset=["member"]).drop_duplicates("member").set_index("member")[by]
        groups = party.reindex(matrix.index).fillna("?").astype(str)
        named = groups
        order = sorted(matrix.index, key=lambda m: (named[m], m))
        matrix, groups = matrix.loc[order], groups.loc[order]
    codes = np.full(matrix.shape, len(CHOICES), dtype=int)
    for code, choice in enumerate(CHOICES):
        codes[matrix.eq(choice).fillna(False).to_numpy(dtype=bool)] = code
    if ax is None:
        height = max(3.0, min(0.12 * len(matrix) + 1.5, 24.0))
        _, ax = plt.subplots(figsize=(max(4.0, 0.25 * matrix.shape[1] + 3), height))
    colours = [CHOICE_COLOURS[c] for c in (*CHOICES, "absent")]
    ax.imshow(
        codes,
        aspect="auto",
        interpolation="nearest",
        cmap=ListedColormap(colours),
        vmin=0,
        vmax=len(colours) - 1,
    )
    _label_votes(ax, matrix)
    show_names = len(matrix) <= 60 if names is None else names
    if show_names:
        ax.set_yticks(range(len(matrix)))
        ax.set_yticklabels(matrix.index, fontsize=7)
    else:
        ax.set_yticks([])
    if groups is not None:
        _mark_groups(ax, groups.to_numpy(), label=not show_names)
    ax.legend(
        handles=[Patch(color=CHOICE_COLOURS[c], label=c) for c in (*CHOICES, "absent")],
        loc="upper left",
        bbox_to_anchor=(1.01, 1.0),
        fontsize=8,
        frameon=False,
    )
    ax.set_xlabel("vote")
    return ax


def _label_votes(ax: Any, matrix: pd.DataFrame) -> None:
    step = max(1, matrix.shape[1] // 30)
    ticks = list(range(0, matrix.shape[1], step))
    ax.set_xticks(ticks)
    ax.set_xticklabels([str(matrix.columns[i]) for i in ticks], fontsize=7, rotation=90)


def _mark_groups(ax: Any, groups: np.ndarray, *, label: bool) -> None:
    """A line between groups, and each group's name at its middle."""
    starts = [0] + [i for i in range(1, len(groups)) if groups[i] != groups[i - 1]]
    ends = starts[1:] + [len(groups)]
    for start in starts[1:]:
        ax.axhline(start - 0.5, color="black", linewidth=0.6)
    if label:
        ax.set_yticks([(s + e - 1) / 2 for s, e in zip(starts, ends)])
        ax.set_yticklabels([groups[s] for s in starts], fontsize=8)
