"""A chart of the figures each speaker cites, fit for a journal column."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from ..._errors import Errors, ParameterError, SchemaError, message
from ...politics._palette import UNKNOWN_COLOUR, party_colour

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["plot_numbers", "euro"]

_NEEDED = ("speaker", "value", "kind", "qualifier")
#: A journal column is about 3.5 inches wide.
COLUMN_WIDTH = 3.5
# Vertical places (in rows) a label may take inside its own speaker's row: never beyond
# half a row, so that no label lands on another speaker's row.
_SLOTS = (-0.22, 0.26)


def euro(value: float, _position: object = None) -> str:
    """A euro tick: ``€7.5k``, ``€18.4m``, ``€1.2bn``.

    Examples
    --------
    >>> euro(7500), euro(18_400_000), euro(2e9), euro(350)
    ('€7.5k', '€18.4m', '€2bn', '€350')
    """
    for size, suffix in ((1e9, "bn"), (1e6, "m"), (1e3, "k")):
        if abs(value) >= size:
            return f"€{value / size:g}{suffix}"
    return f"€{value:g}"


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
    Money is drawn on a log scale with euro ticks (``€10k``, ``€10m``), since
    amounts in one debate span several orders of magnitude. Each label stays
    inside its speaker's row; a label that would cover another is left out
    (its dot stays). Dots take the speaker's party colour when ``figures``
    has a ``party`` column (merge it from the turns on ``turn_id``).

    Parameters
    ----------
    figures
        The table :func:`debatekit.numbers` returns.
    kind
        The kind to plot, e.g. ``"percent"`` or ``"money"``.
    ax
        The axes to draw on; a new figure one journal column wide when left out.
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
    ParameterError
        ``figures`` holds no figure of ``kind`` (the message lists the kinds there).

    Examples
    --------
    >>> import debatekit as dk
    >>> figures = dk.numbers(dk.read_transcript(dk.sample_path()), progress=False)
    >>> ax = dk.plot_numbers(figures, "percent")
    >>> ax.get_title(), len(ax.get_yticklabels())
    ('Percent figures cited per speaker', 6)
    >>> import matplotlib.pyplot as plt
    >>> plt.close(ax.figure)
    """
    import matplotlib.pyplot as plt

    missing = [c for c in _NEEDED if c not in figures.columns]
    if missing:
        raise SchemaError(f"[E204] {Errors.E204.format(missing=', '.join(missing))}")
    chosen = figures[(figures["kind"] == kind) & figures["value"].notna()]
    if chosen.empty:
        known = ", ".join(repr(k) for k in sorted(figures["kind"].dropna().astype(str).unique()))
        raise ParameterError(message("E609", kind=kind, known=known or "none"))
    money = kind == "money"
    if money:  # a log scale shows no zero or negative amount
        chosen = chosen[chosen["value"] > 0]
    speakers = list(dict.fromkeys(chosen["speaker"].astype(str)))
    if ax is None:
        _, ax = plt.subplots(
            figsize=(COLUMN_WIDTH, 0.9 + 0.42 * len(speakers)), layout="constrained"
        )
    rows = {speaker: i for i, speaker in enumerate(speakers)}
    y = chosen["speaker"].astype(str).map(rows).to_numpy(dtype=float)
    hedged = chosen["qualifier"].notna().to_numpy()
    values = chosen["value"].to_numpy(dtype=float)
    colours = _colours(chosen)
    ax.scatter(values[~hedged], y[~hedged], s=18, c=colours[~hedged], label="as stated", zorder=3)
    ax.scatter(
        values[hedged], y[hedged], s=18, facecolors="none", edgecolors=colours[hedged],
        linewidths=1.1, label="hedged", zorder=3,
    )  # fmt: skip
    ax.set_yticks(range(len(speakers)), speakers, fontsize=7)
    ax.set_ylim(len(speakers) - 0.5, -0.5)  # first speaker on top, half a row of margin
    ax.tick_params(axis="x", labelsize=7)
    _scale(ax, values, money)
    ax.grid(axis="x", alpha=0.3, which="major")
    ax.set_xlabel(_axis_label(chosen, money), fontsize=8)
    ax.set_title(f"{kind.capitalize()} figures cited per speaker", fontsize=8, pad=14)
    _legend(ax)
    if annotate and "figure" in chosen.columns:
        _label(
            ax, pd.DataFrame({"value": values, "row": y, "figure": chosen["figure"].astype(str)})
        )
    return ax


def _colours(chosen: pd.DataFrame) -> np.ndarray:
    if "party" not in chosen.columns:
        return np.array(["#1B2F6B"] * len(chosen), dtype=object)  # one dark ink
    return np.array(
        [party_colour(p, default=UNKNOWN_COLOUR) for p in chosen["party"]], dtype=object
    )


def _scale(ax: Axes, values: np.ndarray, money: bool) -> None:
    from matplotlib.ticker import FuncFormatter, LogLocator

    low, high = float(values.min()), float(values.max())
    if money:
        ax.set_xscale("log")
        ax.set_xlim(low / 3, high * 3)
        ax.xaxis.set_major_locator(LogLocator(base=10, numticks=12))
        ax.xaxis.set_major_formatter(FuncFormatter(euro))
        ax.xaxis.set_minor_formatter(FuncFormatter(lambda *_: ""))
    else:
        pad = (high - low) * 0.08 or max(abs(high) * 0.1, 1.0)
        ax.set_xlim(low - pad, high + pad)
        ax.ticklabel_format(axis="x", style="plain", useOffset=False)


def _axis_label(chosen: pd.DataFrame, money: bool) -> str:
    if money:
        return "amount (euro, log scale)"
    units = chosen["unit"].dropna().unique().tolist() if "unit" in chosen.columns else []
    return f"value ({', '.join(map(str, units)) or 'no unit'})"


def _label(ax: Axes, points: pd.DataFrame) -> None:
    """Write each figure once per row (``7500 euro ×3`` when repeated), never overlapping.

    A label sits in one of two places inside its own row, right of its dot (or
    left of it near the right edge); where both places would cover a label
    already written, it is left out.
    """
    labels = points.groupby(["row", "figure"], sort=False).agg(
        value=("value", "first"), n=("value", "size")
    )
    # Figures cited most often are written first: they are the ones a reader looks for.
    labels = labels.reset_index().sort_values(
        ["row", "n", "value"], ascending=[True, False, True], kind="stable"
    )
    figure = ax.figure
    # Lay the figure out first, so that the labels are measured where they will be drawn;
    # then keep that layout, so that no later pass moves the axes under them.
    figure.draw_without_rendering()  # type: ignore[union-attr]
    if hasattr(figure, "set_layout_engine"):
        figure.set_layout_engine("none")
    renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
    placed: list[Any] = []
    axes_box = ax.get_window_extent(renderer)
    for item in labels.itertuples():
        written = item.figure if item.n == 1 else f"{item.figure} ×{item.n}"
        x_axes = ax.transAxes.inverted().transform(ax.transData.transform((item.value, 0)))[0]
        right = x_axes > 0.62  # near the right edge: write to the left of the dot
        for slot in _SLOTS:
            text = ax.annotate(
                written, (item.value, item.row + slot), xytext=(-4 if right else 4, 0),
                textcoords="offset points", ha="right" if right else "left", va="center",
                fontsize=6, annotation_clip=False,
            )  # fmt: skip
            # A margin of a few pixels: text is wider at print resolution than on screen.
            box = text.get_window_extent(renderer).padded(4)
            inside = axes_box.x0 <= box.x0 and box.x1 <= axes_box.x1
            if inside and not any(box.overlaps(other) for other in placed):
                placed.append(box)
                break
            text.remove()


def _legend(ax: Axes) -> None:
    from matplotlib.lines import Line2D

    ink = "#3A3A3A"
    handles = [
        Line2D([], [], marker="o", linestyle="", color=ink, markersize=4, label="as stated"),
        Line2D([], [], marker="o", linestyle="", markerfacecolor="none", markeredgecolor=ink,
               markersize=4, label="hedged (about, barely, ...)"),
    ]  # fmt: skip
    ax.legend(
        handles=handles, loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=2,
        fontsize=6, frameon=False, borderaxespad=0.1, handletextpad=0.2, columnspacing=1.0,
    )  # fmt: skip
