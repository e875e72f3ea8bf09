"""What :func:`debatekit.topics` returns: turns with topics, the topics, tables and plots."""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import pandas as pd
from scipy.cluster.hierarchy import fcluster, linkage

from ..._errors import AnalyzerError, SchemaError, message
from ..._validation import check_choice, check_int

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
        include_chair: bool = False,
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
        include_chair
            Count the chair's turns (left out by default: the chair manages
            the floor, and asks no questions of its own).

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
        return self._tally(self._usable(include_procedural, include_chair), keys, weight)

    def over_time(
        self,
        freq: str = "M",
        *,
        by: str | list[str] | None = None,
        weight: Weight = "words",
        include_procedural: bool = False,
        include_chair: bool = False,
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
        include_chair
            Count the chair's turns.

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
        data = self._usable(include_procedural, include_chair)
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

    # -- fewer topics, other names ------------------------------------------------

    def reduce(self, n: int) -> TopicResult:
        """The topics joined along the hierarchy until ``n`` are left (a new result).

        The closest topics merge first, as in :meth:`hierarchy`; turns then
        take the nearest of the joined topics, and keywords are computed
        again. Labels set with :meth:`set_labels` are not carried over.

        Raises
        ------
        ParameterError
            ``n`` is not an int >= 1.

        Examples
        --------
        >>> fewer = result.reduce(3)  # doctest: +SKIP
        """
        check_int(n, "n", "TopicResult.reduce", minimum=1)
        if n >= self.n_topics:
            return self._rebuilt(self.analyzer)
        tree = self._linkage()
        mapping = fcluster(tree, t=int(n), criterion="maxclust") - 1
        return self._rebuilt(self.analyzer.relabelled(np.asarray(mapping, dtype=np.int64)))

    def merge(self, topics: list[int]) -> TopicResult:
        """The listed topics joined into one (a new result); the others stay as they are.

        Raises
        ------
        AnalyzerError
            Fewer than two distinct topics, or a topic the result does not have.
        """
        chosen = sorted({int(t) for t in topics}) if topics is not None else []
        self._check_topics(chosen, "TopicResult.merge")
        if len(chosen) < 2:
            raise AnalyzerError(message("E310", value=topics))
        mapping = np.arange(self.n_topics, dtype=np.int64)
        mapping[chosen] = chosen[0]
        return self._rebuilt(self.analyzer.relabelled(mapping))

    def set_labels(self, labels: dict[int, str]) -> TopicResult:
        """The same topics with the labels given (a new result); topics not named keep theirs.

        Raises
        ------
        AnalyzerError
            A topic the result does not have.

        Examples
        --------
        >>> named = result.set_labels({0: "arbeidsmarkt", 1: "innovatie"})  # doctest: +SKIP
        """
        self._check_topics(list(labels), "TopicResult.set_labels")
        analyzer = copy.copy(self.analyzer)
        table = self.analyzer.topics_.copy()
        new = table["topic"].map(lambda t: labels.get(int(t), None))
        table["label"] = new.where(new.notna(), table["label"]).astype("string")
        analyzer.topics_ = table
        assignments = analyzer.assignments_.copy()
        names = dict(zip(table["topic"], table["label"], strict=True))
        assignments["topic_label"] = assignments["topic"].map(names).astype("string")
        analyzer.assignments_ = assignments
        return self._rebuilt(analyzer)

    def distribution(self, temperature: float = 0.05) -> pd.DataFrame:
        """Each turn's probability of each topic: one row per turn, one column per topic.

        A softmax of the cosine similarities of the turn (in its debate's
        context) to the topics, with ``temperature``; turns without text of
        their own take their debate's. Rows sum to 1 (NaN for a turn without
        any topic).
        """
        table = self.analyzer.distribution(temperature)
        return table.loc[self.turns["turn_id"].to_numpy()]

    def hierarchy(self) -> pd.DataFrame:
        """Which topics merge first: one row per join, closest first (Ward's method on the topics).

        Returns
        -------
        pandas.DataFrame
            ``parent`` (the new node, numbered after the topics), ``left`` and
            ``right`` (the nodes joined), ``distance``, ``topics`` (the topics
            under the parent), ``left_label``, ``right_label``.
        """
        columns = ["parent", "left", "right", "distance", "topics", "left_label", "right_label"]
        if self.n_topics < 2:
            return pd.DataFrame(columns=columns)
        tree = self._linkage()
        k = self.n_topics
        members: dict[int, list[int]] = {t: [t] for t in range(k)}
        names = {t: self.labels.get(t, str(t)) for t in range(k)}
        rows = []
        for i, (left, right, distance, _) in enumerate(tree):
            left, right, parent = int(left), int(right), k + i
            members[parent] = sorted(members[left] + members[right])
            names[parent] = names[min(members[parent], key=lambda t: t)]
            rows.append(
                {
                    "parent": parent,
                    "left": left,
                    "right": right,
                    "distance": float(distance),
                    "topics": members[parent],
                    "left_label": names[left] if left < k else f"node {left}",
                    "right_label": names[right] if right < k else f"node {right}",
                }
            )
        return pd.DataFrame(rows, columns=columns)

    def plot_hierarchy(self, *, ax: Axes | None = None) -> Axes:
        """A dendrogram of the topics, each leaf named "number: label".

        Returns
        -------
        matplotlib.axes.Axes
        """
        from scipy.cluster.hierarchy import dendrogram

        ax = _axes(ax, figsize=(8, 0.35 * self.n_topics + 1.5))
        names = [f"{t}: {self.labels.get(t, '')}" for t in range(self.n_topics)]
        if self.n_topics < 2:
            ax.text(0.5, 0.5, names[0] if names else "no topics", ha="center", va="center")
            ax.set_axis_off()
            return ax
        dendrogram(
            self._linkage(),
            labels=names,
            orientation="left",
            ax=ax,
            color_threshold=0,
            above_threshold_color="0.3",
            leaf_font_size=9,
        )
        ax.set_xlabel("distance between topics (Ward)")
        ax.set_title("Topic hierarchy")
        return ax

    def _linkage(self) -> np.ndarray:
        return linkage(np.asarray(self.analyzer.centroids_, dtype=np.float64), method="ward")

    def _check_topics(self, topics: list[Any], owner: str) -> None:
        unknown = [t for t in topics if not (0 <= int(t) < self.n_topics)]
        if unknown:
            raise AnalyzerError(
                message("E309", owner=owner, unknown=unknown, last=self.n_topics - 1)
            )

    def _rebuilt(self, analyzer: Any) -> TopicResult:
        return analyzer.result(self.turns)

    # -- plots -----------------------------------------------------------------

    def plot_by(
        self,
        by: str = "party",
        *,
        weight: Weight = "words",
        top_topics: int = 10,
        max_groups: int = 20,
        include_chair: bool = False,
        ax: Axes | None = None,
    ) -> Axes:
        """Stacked bars: each group's share of words (or turns) per topic, with its turn count.

        Turns without a party are shown by their role ("(minister)") rather
        than lumped together; the chair and procedural turns are left out
        unless ``include_chair=True``. The number at each bar's end is the
        turns it rests on.

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
        include_chair
            Also count the chair's turns.
        ax
            The axes to draw on; a new figure by default.

        Returns
        -------
        matplotlib.axes.Axes
        """
        self._require([by])
        data = self._usable(include_procedural=False, include_chair=include_chair)
        data = data.assign(**{by: _group_names(data, by)})
        table = self._tally(data, [by], weight)
        wide = self._wide(table, by, weight, top_topics)
        counts = table.groupby(by, sort=False)["turns"].sum()
        totals = table.groupby(by, sort=False)[weight].sum()
        order = totals.sort_values(ascending=False, kind="stable").index[:max_groups]
        wide = wide.loc[order][::-1]
        ax = _axes(ax, figsize=(8, 0.4 * len(wide) + 1.8))
        left = np.zeros(len(wide))
        names = wide.index.astype(str)
        for column, color in zip(wide.columns, _colors(len(wide.columns)), strict=True):
            ax.barh(names, wide[column], left=left, color=color, label=column)
            left += wide[column].to_numpy()
        for y, group in enumerate(wide.index):
            ax.text(1.01, y, f"n = {int(counts[group])}", va="center", fontsize="small")
        ax.set_xlim(0, 1.13)
        ax.set_xticks(np.linspace(0, 1, 6))
        ax.set_xlabel(f"share of {weight} (n = turns)")
        ax.set_ylabel(by)
        ax.set_title(f"Topics by {by}")
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize="small", frameon=False)
        return ax

    def plot_over_time(
        self,
        freq: str = "meeting",
        *,
        weight: Weight = "words",
        top_topics: int = 10,
        include_chair: bool = False,
        ax: Axes | None = None,
    ) -> Axes:
        """Each topic's share of words (or turns) per meeting or period, as points on a date axis.

        Meetings (or periods) are separate observations, so they are drawn
        as points, not joined by lines; the date axis reads well for a span
        of days or of years. The legend lists the topics largest first.

        Parameters
        ----------
        freq
            ``"meeting"`` (default: one point per meeting) or a period, as in
            :meth:`over_time`.
        weight
            ``"words"`` or ``"turns"``.
        top_topics
            Topics shown by name; the others are drawn together as "other".
        include_chair
            Also count the chair's turns.
        ax
            The axes to draw on; a new figure by default.

        Returns
        -------
        matplotlib.axes.Axes
        """
        import matplotlib.dates as mdates

        table = self.over_time(freq, weight=weight, include_chair=include_chair)
        wide = self._wide(table, ["period", "date"], weight, top_topics).sort_index(level="date")
        dates = pd.to_datetime(wide.index.get_level_values("date"))
        ax = _axes(ax, figsize=(9, 4))
        markers = "osD^v<>pPX*h"
        for i, (column, color) in enumerate(
            zip(wide.columns, _colors(len(wide.columns)), strict=True)
        ):
            ax.plot(
                dates,
                wide[column].to_numpy(),
                linestyle="none",
                marker=markers[i % len(markers)],
                color=color,
                label=column,
                alpha=0.85,
            )
        locator = mdates.AutoDateLocator(minticks=3, maxticks=8)
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
        if len(dates) and dates.min() == dates.max():  # one date: show the days around it
            day = pd.Timestamp(dates.min())
            ax.set_xlim(day - pd.Timedelta(days=3), day + pd.Timedelta(days=3))
        ax.set_ylim(-0.03, 1.03)  # points at 0 and 1 drawn whole, not cut by the frame
        ax.set_xlabel("date of the meeting" if freq == "meeting" else f"period ({freq}) starting")
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

    def _usable(self, include_procedural: bool, include_chair: bool = True) -> pd.DataFrame:
        data = self.turns[self.turns["topic"] >= 0]
        if not include_procedural and "procedural" in data.columns:
            data = data[~data["procedural"].fillna(False).astype(bool)]
        if not include_chair and "role" in data.columns:
            data = data[data["role"].astype("object").ne("chair").to_numpy()]
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

    def _wide(
        self, table: pd.DataFrame, index: str | list[str], weight: Weight, top: int
    ) -> pd.DataFrame:
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


def _group_names(data: pd.DataFrame, by: str) -> pd.Series:
    """The group of each turn; without one, its role in brackets ("(minister)"), not a lump."""
    groups = data[by].astype("object")
    if "role" in data.columns:
        fallback = "(" + data["role"].astype("object").fillna(f"no {by}").astype(str) + ")"
    else:
        fallback = pd.Series(f"(no {by})", index=data.index)
    return groups.where(groups.notna(), fallback)


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
