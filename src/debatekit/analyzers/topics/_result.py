"""What :func:`debatekit.topics` returns: turns with topics, the topics, tables and plots."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import pandas as pd

from ..._errors import SchemaError, message
from ..._validation import check_choice

if TYPE_CHECKING:  # matplotlib is imported only by the plots themselves
    from matplotlib.axes import Axes

__all__ = ["TopicResult"]

Weight = Literal["words", "turns"]
_FREQS = {"meeting", "D", "W", "M", "Q", "Y"}


class TopicResult:
    """Topics of a set of turns, with tables and plots by speaker, party and date.

    Attributes
    ----------
    turns : pandas.DataFrame
        The input turns plus ``debate``, ``topic`` (-1: none), ``topic_label``,
        ``topic_inherited`` and ``topic_score``.
    topics : pandas.DataFrame
        One row per topic: ``topic``, ``size`` (turns with text of their own),
        ``n_debates``, ``words``, ``label``, ``keywords`` (best first),
        ``subject`` (heading of the most central debate), ``representative``
        (``turn_id`` of the most typical turns).
    analyzer : TopicAnalyzer
        The fitted analyzer (its ``transform`` gives new turns a topic).
    """

    def __init__(self, turns: pd.DataFrame, topics: pd.DataFrame, analyzer: Any) -> None:
        self.turns = turns
        self.topics = topics
        self.analyzer = analyzer

    @property
    def n_topics(self) -> int:
        """How many topics were found."""
        return len(self.topics)

    @property
    def labels(self) -> dict[int, str]:
        """Topic number -> label."""
        return dict(zip(self.topics["topic"].tolist(), self.topics["label"].tolist(), strict=True))

    def __repr__(self) -> str:
        n = len(self.turns)
        given = int((self.turns["topic"] >= 0).sum())
        lines = [f"TopicResult: {_topics_count(self.n_topics)}, {given} of {n} turns with a topic"]
        for row in self.topics.itertuples():
            lines.append(f"  {row.topic:>3}  {row.size:>5} turns  {row.label}")
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        n = len(self.turns)
        given = int((self.turns["topic"] >= 0).sum())
        inherited = int(self.turns["topic_inherited"].sum())
        table = self.topics.assign(
            keywords=self.topics["keywords"].map(", ".join),
            representative=self.topics["representative"].map(", ".join),
        )
        summary = (
            f"<p><b>{_topics_count(self.n_topics)}</b>; {given} of {n} turns have a topic "
            f"({inherited} inherited from their debate).</p>"
        )
        return summary + table.to_html(index=False, escape=True, na_rep="")

    # -- tables ----------------------------------------------------------------

    def by(
        self,
        by: str | list[str] = "party",
        *,
        weight: Weight = "words",
        include_procedural: bool = False,
    ) -> pd.DataFrame:
        """How much each speaker, party, role (or any column) spoke on each topic.

        Parameters
        ----------
        by
            A column of the turns (``"party"``, ``"speaker"``, ``"role"``,
            ``"meeting"``, ...) or a list of columns.
        weight
            Shares of ``"words"`` (default) or of ``"turns"``.
        include_procedural
            Count turns that only manage the floor.

        Returns
        -------
        pandas.DataFrame
            One row per group and topic: the group column(s), ``topic``,
            ``label``, ``turns``, ``words``, ``share`` (of the group's words or
            turns with a topic; sums to 1 within a group).

        Examples
        --------
        >>> result.by("party").head()  # doctest: +SKIP
        """
        keys = [by] if isinstance(by, str) else list(by)
        self._require(keys)
        return self._tally(self._usable(include_procedural), keys, weight)

    def over_time(
        self,
        freq: str = "M",
        *,
        by: str | list[str] | None = None,
        weight: Weight = "words",
        include_procedural: bool = False,
    ) -> pd.DataFrame:
        """Each topic's share per period (or per meeting), optionally per group.

        Parameters
        ----------
        freq
            ``"meeting"`` (one period per meeting, dated), or a pandas period
            frequency: ``"D"``, ``"W"``, ``"M"``, ``"Q"``, ``"Y"``.
        by
            Also split by these columns (e.g. ``"party"``).
        weight
            Shares of ``"words"`` (default) or of ``"turns"``.
        include_procedural
            Count turns that only manage the floor.

        Returns
        -------
        pandas.DataFrame
            ``period`` (the start of the period, or the meeting), ``date``
            (period start), the ``by`` columns, ``topic``, ``label``, ``turns``,
            ``words``, ``share`` (sums to 1 within a period and group).

        Raises
        ------
        AnalyzerError
            ``freq`` is not one of the above.
        SchemaError
            The turns have no ``date`` (or no ``meeting`` for ``"meeting"``).
        """
        check_choice(freq, "freq", "TopicResult.over_time", sorted(_FREQS))
        extra = [] if by is None else [by] if isinstance(by, str) else list(by)
        self._require(["date", *extra] + (["meeting"] if freq == "meeting" else []))
        data = self._usable(include_procedural)
        dates = pd.to_datetime(data["date"])
        if freq == "meeting":
            period = data["meeting"].astype("string")
            start = dates.groupby(period.to_numpy()).transform("min")
        else:
            start = dates.dt.to_period(freq).dt.start_time
            period = start
        data = data.assign(period=period.to_numpy(), date=start.to_numpy())
        table = self._tally(data, ["period", "date", *extra], weight)
        return table.sort_values(["date", "period", *extra, "topic"], kind="stable").reset_index(
            drop=True
        )

    def representative(self, n: int = 3) -> pd.DataFrame:
        """The ``n`` most typical turns of each topic, with who said them.

        Returns
        -------
        pandas.DataFrame
            ``topic``, ``label``, ``rank``, ``turn_id``, ``speaker``, ``party``,
            ``topic_score``, ``text`` (the first 300 characters).
        """
        data = self.turns[(self.turns["topic"] >= 0) & ~self.turns["topic_inherited"]]
        data = data.sort_values(["topic", "topic_score"], ascending=[True, False], kind="stable")
        data = data.groupby("topic", sort=True).head(n).copy()
        data["rank"] = data.groupby("topic").cumcount() + 1
        data["label"] = data["topic"].map(self.labels).astype("string")
        data["text"] = data["text"].str.slice(0, 300)
        columns = ["topic", "label", "rank", "turn_id", "speaker", "party", "topic_score", "text"]
        return data[[c for c in columns if c in data.columns]].reset_index(drop=True)

    # -- plots -----------------------------------------------------------------

    def plot_by(
        self,
        by: str = "party",
        *,
        weight: Weight = "words",
        top_topics: int = 10,
        max_groups: int = 20,
        ax: Axes | None = None,
    ) -> Axes:
        """Stacked bars: each group's share of words (or turns) per topic.

        Parameters
        ----------
        by
            The column to group by (``"party"``, ``"speaker"``, ``"role"``, ...).
        weight
            ``"words"`` or ``"turns"``.
        top_topics
            Topics shown by name; the others are drawn together as "other".
        max_groups
            Groups shown, the largest first.
        ax
            The axes to draw on; a new figure by default.

        Returns
        -------
        matplotlib.axes.Axes
        """
        table = self.by(by, weight=weight)
        table[by] = table[by].astype("object").where(table[by].notna(), f"(no {by})")
        wide = self._wide(table, by, weight, top_topics)
        totals = table.groupby(by, sort=False)[weight].sum()
        wide = wide.loc[totals.sort_values(ascending=False).index[:max_groups]][::-1]
        ax = _axes(ax, figsize=(8, 0.45 * len(wide) + 1.5))
        left = np.zeros(len(wide))
        for column, color in zip(wide.columns, _colors(len(wide.columns)), strict=True):
            ax.barh(wide.index.astype(str), wide[column], left=left, color=color, label=column)
            left += wide[column].to_numpy()
        ax.set_xlim(0, 1)
        ax.set_xlabel(f"share of {weight}")
        ax.set_ylabel(by)
        ax.set_title(f"Topics by {by}")
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize="small", frameon=False)
        return ax

    def plot_over_time(
        self,
        freq: str = "M",
        *,
        weight: Weight = "words",
        top_topics: int = 10,
        ax: Axes | None = None,
    ) -> Axes:
        """Stacked areas: each topic's share of words (or turns) per period.

        Parameters
        ----------
        freq
            As in :meth:`over_time`.
        weight
            ``"words"`` or ``"turns"``.
        top_topics
            Topics shown by name; the others are drawn together as "other".
        ax
            The axes to draw on; a new figure by default.

        Returns
        -------
        matplotlib.axes.Axes
        """
        table = self.over_time(freq, weight=weight)
        wide = self._wide(table, "date", weight, top_topics).sort_index()
        ax = _axes(ax, figsize=(9, 4))
        if len(wide) == 1:  # one period: an area needs two points, so one bar
            bottom = 0.0
            for column, color in zip(wide.columns, _colors(len(wide.columns)), strict=True):
                value = float(wide[column].iloc[0])
                ax.bar([0], [value], bottom=bottom, color=color, label=column, width=0.5)
                bottom += value
            # A date axis around one bar shows hours; name the period instead.
            ax.set_xticks([0], [_period_name(wide.index[0], freq)])
            ax.set_xlim(-1, 1)
        else:
            ax.stackplot(
                wide.index,
                wide.to_numpy().T,
                labels=wide.columns,
                colors=_colors(len(wide.columns)),
            )
        ax.set_ylim(0, 1)
        ax.set_ylabel(f"share of {weight}")
        ax.set_title("Topics over time")
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize="small", frameon=False)
        return ax

    # -- helpers ---------------------------------------------------------------

    def _require(self, columns: list[str]) -> None:
        missing = [c for c in columns if c not in self.turns.columns]
        if missing:
            raise SchemaError(
                message(
                    "E307",
                    missing=", ".join(map(repr, missing)),
                    columns=", ".join(self.turns.columns),
                )
            )

    def _usable(self, include_procedural: bool) -> pd.DataFrame:
        data = self.turns[self.turns["topic"] >= 0]
        if not include_procedural and "procedural" in data.columns:
            data = data[~data["procedural"].fillna(False).astype(bool)]
        words = data["n_words"] if "n_words" in data.columns else data["text"].str.split().str.len()
        return data.assign(_words=words.fillna(0).astype("int64"))

    def _tally(self, data: pd.DataFrame, keys: list[str], weight: Weight) -> pd.DataFrame:
        check_choice(weight, "weight", "TopicResult", ("words", "turns"))
        table = (
            data.groupby([*keys, "topic"], dropna=False, sort=True, observed=True)
            .agg(turns=("turn_id", "size"), words=("_words", "sum"))
            .reset_index()
        )
        totals = table.groupby(keys, dropna=False, sort=False, observed=True)[weight].transform(
            "sum"
        )
        table["share"] = (table[weight] / totals.where(totals > 0)).astype("float64")
        table.insert(len(keys) + 1, "label", table["topic"].map(self.labels).astype("string"))
        return table

    def _wide(self, table: pd.DataFrame, index: str, weight: Weight, top: int) -> pd.DataFrame:
        """Shares with one column per top topic ("3: label") and one for the rest."""
        overall = table.groupby("topic")[weight].sum().sort_values(ascending=False, kind="stable")
        shown = overall.index[:top].tolist()
        names = {t: f"{t}: {self.labels.get(t, '')}" for t in shown}
        column = table["topic"].map(names).fillna("other")
        wide = table.assign(_column=column).pivot_table(
            index=index, columns="_column", values="share", aggfunc="sum", fill_value=0.0
        )
        ordered = [names[t] for t in shown if names[t] in wide.columns]
        if "other" in wide.columns:
            ordered.append("other")
        return wide[ordered]


def _topics_count(n: int) -> str:
    return f"{n} topic" if n == 1 else f"{n} topics"


def _axes(ax: Axes | None, figsize: tuple[float, float]) -> Axes:
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    _, ax = plt.subplots(figsize=figsize, layout="constrained")
    return ax


def _colors(n: int) -> list[Any]:
    import matplotlib.pyplot as plt

    cmap = plt.get_cmap("tab20" if n > 10 else "tab10")
    return [cmap(i % cmap.N) for i in range(n)]


def _period_name(start: pd.Timestamp, freq: str) -> str:
    """The period that starts at ``start``: "2024-03" for a month, "2024Q1" for a quarter."""
    try:
        return str(pd.Timestamp(start).to_period(freq))
    except (ValueError, TypeError):
        return f"{pd.Timestamp(start):%Y-%m-%d}"
