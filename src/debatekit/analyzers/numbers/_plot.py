"""A chart of the figures each speaker cites."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from ..._errors import Errors, SchemaError

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["plot_numbers"]

_NEEDED = ("speaker", "value", "kind", "qualifier")


def plot_numbers(
    figures: pd.DataFrame,
    kind: str = "percent",
    *,
    ax: Axes | None = None,
    annotate: bool = True,
) -> Axes:
    """Plot the figures of one kind per speaker: one dot per figure cited.

    Hedged figures (``net geen 77 procent``, ``ongeveer 60 procent``) are drawn
    as open circles, so that a reader sees which values were given as exact.

    Parameters
    ----------
    figures
        The table :func:`debatekit.numbers` returns.
    kind
        The kind to plot, e.g. ``"percent"`` or ``"money"``.
    ax
        The axes to draw on; a new figure when left out.
    annotate
        Write each figure as the speaker wrote it next to its dot.

    Returns
    -------
    matplotlib.axes.Axes
        The axes drawn on.

    Raises
    ------
    SchemaError
        ``figures`` lacks the ``speaker``, ``value``, ``kind`` or ``qualifier`` column.

    Examples
    --------
    >>> import debatekit as dk
    >>> figures = dk.numbers(dk.read_transcript(dk.sample_path()), progress=False)
    >>> ax = dk.plot_numbers(figures, "percent")
    >>> ax.get_title(), len(ax.get_yticklabels())
    ('Figures cited per speaker: percent', 6)
    >>> import matplotlib.pyplot as plt
    >>> plt.close(ax.figure)
    """
    import matplotlib.pyplot as plt

    missing = [c for c in _NEEDED if c not in figures.columns]
    if missing:
        raise SchemaError(f"[E204] {Errors.E204.format(missing=', '.join(missing))}")
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 4))
    chosen = figures[(figures["kind"] == kind) & figures["value"].notna()]
    speakers = list(dict.fromkeys(chosen["speaker"].astype(str)))
    rows = {speaker: i for i, speaker in enumerate(speakers)}
    y = chosen["speaker"].astype(str).map(rows).to_numpy()
    hedged = chosen["qualifier"].notna().to_numpy()
    values = chosen["value"].to_numpy()
    ax.scatter(values[~hedged], y[~hedged], color="C0", label="as stated", zorder=3)
    ax.scatter(
        values[hedged], y[hedged], facecolors="none", edgecolors="C1", label="hedged", zorder=3
    )
    if annotate and "figure" in chosen.columns:
        _label(
            ax, pd.DataFrame({"value": values, "row": y, "figure": chosen["figure"].astype(str)})
        )
    ax.set_yticks(range(len(speakers)), speakers)
    ax.set_ylim(-0.7, len(speakers) - 0.3)
    ax.invert_yaxis()
    ax.grid(axis="x", alpha=0.3)
    ax.set_xlabel(f"value ({_unit_label(chosen)})")
    ax.set_title(f"Figures cited per speaker: {kind}")
    if len(chosen):
        ax.legend(loc="lower right", fontsize=8)
    return ax


# Label offsets (points) that alternate along a row, so that close figures stay legible.
_OFFSETS = ((3, 6), (3, -13), (3, 15), (3, -22))


def _label(ax: Axes, points: pd.DataFrame) -> None:
    """Write each figure once per row (``7500 euro ×3`` when repeated), staggered."""
    labels = points.groupby(["row", "figure"], sort=False).agg(
        value=("value", "first"), n=("value", "size")
    )
    labels = labels.reset_index().sort_values(["row", "value"], kind="stable")
    labels["order"] = labels.groupby("row").cumcount()
    for item in labels.itertuples():
        written = item.figure if item.n == 1 else f"{item.figure} ×{item.n}"
        offset = _OFFSETS[item.order % len(_OFFSETS)]
        ax.annotate(
            written, (item.value, item.row), xytext=offset, textcoords="offset points", size=7
        )


def _unit_label(chosen: pd.DataFrame) -> str:
    units = chosen["unit"].dropna().unique().tolist() if "unit" in chosen.columns else []
    return ", ".join(map(str, units)) or "no unit"
