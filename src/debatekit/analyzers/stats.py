"""Speaking statistics: who spoke how much, per meeting or per agenda item."""

from __future__ import annotations

from typing import Any, ClassVar, Literal

import pandas as pd

from .._schema import count_words
from .._validation import check_choice
from ..politics._palette import party_colour
from ._base import Analyzer, register_analyzer

__all__ = ["SpeakingStats", "speaking_stats", "plot_speaking_stats"]

_GROUPS = {
    "speaker": ["speaker", "party", "role"],
    "party": ["party"],
    "role": ["role"],
}
_SCOPES = {"meeting": ["meeting"], "item": ["meeting", "item"], "corpus": []}


@register_analyzer("stats")
class SpeakingStats(Analyzer):
    """Turns, words and shares of words per speaker, party or role.

    Parameters
    ----------
    by
        ``"speaker"`` (with party and role), ``"party"`` or ``"role"``. By
        party, speakers the report gives no party (ministers, the chair) are
        grouped as ``"(minister)"`` and ``"(chair)"``.
    per
        The scope shares are taken within: ``"meeting"``, ``"item"`` (agenda
        item of a meeting) or ``"corpus"``.
    include_procedural
        Count turns that only manage the floor ("De heer X heeft het woord.").
        Off by default: they say who chaired, not who spoke.

    Examples
    --------
    >>> import debatekit as dk
    >>> turns = dk.read_transcript(dk.sample_path())
    >>> dk.SpeakingStats(by="party").fit_transform(turns).columns.tolist()
    ['meeting', 'party', 'turns', 'words', 'share_turns', 'share_words', 'words_per_turn']
    """

    name: ClassVar[str] = "stats"
    required_columns: ClassVar[tuple[str, ...]] = ("turn_id", "speaker", "role", "text")

    def __init__(
        self,
        by: Literal["speaker", "party", "role"] = "speaker",
        per: Literal["meeting", "item", "corpus"] = "meeting",
        include_procedural: bool = False,
    ) -> None:
        self.by = by
        self.per = per
        self.include_procedural = include_procedural

    def fit(self, turns: pd.DataFrame, y: None = None) -> SpeakingStats:
        """Check the parameters against ``turns``; there is nothing to learn."""
        check_choice(self.by, "by", type(self).__name__, tuple(_GROUPS))
        check_choice(self.per, "per", type(self).__name__, tuple(_SCOPES))
        super().fit(turns)
        self.scope_columns_ = [c for c in _SCOPES[self.per] if c in turns.columns]
        self.group_columns_ = [c for c in _GROUPS[self.by] if c in turns.columns]
        return self

    def transform(self, turns: pd.DataFrame) -> pd.DataFrame:
        """One row per scope and group, largest share first within each scope.

        Returns
        -------
        pandas.DataFrame
            The scope columns, the group columns, then ``turns``, ``words``,
            ``share_turns``, ``share_words`` (fractions that sum to 1 within a
            scope) and ``words_per_turn``.
        """
        self._check_fitted()
        self._validate(turns)
        data = turns
        if not self.include_procedural and "procedural" in data.columns:
            data = data[~data["procedural"].astype(bool)]
        words = data["n_words"] if "n_words" in data.columns else data["text"].map(count_words)
        data = data.assign(_words=words.astype("int64"))
        if self.by == "party" and "party" in data.columns and "role" in data.columns:
            # Ministers and the chair speak for no party in the report; one "<NA>"
            # group would lump them together, so they are named by role instead.
            no_party = data["party"].isna()
            data = data.assign(
                party=data["party"].where(~no_party, "(" + data["role"].astype(str) + ")")
            )
        keys = self.scope_columns_ + self.group_columns_
        table = (
            data.groupby(keys, dropna=False, sort=False, observed=True)
            .agg(turns=("turn_id", "size"), words=("_words", "sum"))
            .reset_index()
        )
        if self.scope_columns_:
            totals = table.groupby(self.scope_columns_, dropna=False, observed=True)[
                ["turns", "words"]
            ].transform("sum")
        else:
            totals = table[["turns", "words"]].sum()
        table["turns"] = table["turns"].astype("int64")
        table["share_turns"] = (table["turns"] / totals["turns"]).astype("float64")
        table["share_words"] = table["words"] / totals["words"]
        table["words_per_turn"] = table["words"] / table["turns"]
        order = [*self.scope_columns_, "words"]
        ascending = [True] * len(self.scope_columns_) + [False]
        return table.sort_values(order, ascending=ascending, kind="stable").reset_index(drop=True)


def speaking_stats(
    turns: pd.DataFrame,
    by: Literal["speaker", "party", "role"] = "speaker",
    per: Literal["meeting", "item", "corpus"] = "meeting",
    include_procedural: bool = False,
) -> pd.DataFrame:
    """Turns, words and shares of words per speaker, party or role.

    A shortcut for ``SpeakingStats(by, per, include_procedural).fit_transform(turns)``.
    """
    return SpeakingStats(by=by, per=per, include_procedural=include_procedural).fit_transform(turns)


_ROLE_COLOURS = {"member": "#1f77b4", "minister": "#d62728", "chair": "#7f7f7f"}


def plot_speaking_stats(
    turns: pd.DataFrame,
    by: Literal["speaker", "party", "role"] = "speaker",
    *,
    top: int = 25,
    ax: Any = None,
) -> Any:
    """A horizontal bar chart of words spoken, largest first, across all of ``turns``.

    Parameters
    ----------
    turns
        A turns table (any subset: one meeting, one item, a whole corpus).
    by
        ``"speaker"`` (bars coloured by role), ``"party"`` or ``"role"``.
    top
        Show at most this many bars.
    ax
        A matplotlib ``Axes`` to draw on; a new figure when ``None``.

    Returns
    -------
    matplotlib.axes.Axes
    """
    import matplotlib.pyplot as plt

    stats = speaking_stats(turns, by=by, per="corpus")
    if by == "speaker":
        # One bar per person, whatever roles they spoke in.
        stats = (
            stats.assign(role=stats["role"].astype(str))
            .groupby("speaker", sort=False)
            .agg(words=("words", "sum"), role=("role", "first"), party=("party", "first"))
            .reset_index()
            .sort_values("words", ascending=False, kind="stable")
        )
    stats = stats.head(top).iloc[::-1]
    labels = stats[by].astype(str).where(stats[by].notna(), "(none)")
    if by == "speaker":
        labels = [
            name if pd.isna(party) else f"{name} ({party})"
            for name, party in zip(stats["speaker"], stats["party"])
        ]
    colours = [_ROLE_COLOURS.get(r, "#1f77b4") for r in stats["role"]] if "role" in stats else None
    if by == "party":  # each party in its own colour
        colours = [party_colour(p) for p in stats["party"]]
    if ax is None:
        _, ax = plt.subplots(figsize=(7, 0.35 * len(stats) + 1))
    ax.barh(list(labels), stats["words"], color=colours)
    ax.set_xlabel("words spoken (procedural turns left out)")
    ax.set_title(f"Who spoke how much, by {by}")
    if by == "speaker":
        from matplotlib.patches import Patch

        present = dict.fromkeys(stats["role"])
        ax.legend(
            handles=[Patch(color=_ROLE_COLOURS[r], label=r) for r in present], loc="lower right"
        )
    return ax
