"""The figures table and the ``numbers`` analyzer: every figure in the turns, one row each."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import ClassVar

import pandas as pd

from ..._progress import PROGRESS, progress_bar
from ..._validation import check_choices
from ...lang._sentences import sentence_at, sentence_spans
from .._base import Analyzer, register_analyzer
from ._scan import KINDS, Figure, scan

__all__ = ["NUMBER_COLUMNS", "Numbers", "numbers", "figures_table"]

#: Columns of the table :func:`numbers` returns, in order.
NUMBER_COLUMNS = (
    "turn_id",
    "speaker",
    "figure",
    "value",
    "low",
    "high",
    "kind",
    "unit",
    "qualifier",
    "start",
    "end",
    "sentence",
)


def _check_kinds(kinds: str | Iterable[str] | None) -> tuple[str, ...]:
    if kinds is None:
        return KINDS
    return check_choices(kinds, "kinds", "Numbers", KINDS) or KINDS


def _years(turns: pd.DataFrame) -> list[int | None]:
    if "date" not in turns.columns:
        return [None] * len(turns)
    dates = pd.to_datetime(turns["date"], errors="coerce")
    return [None if pd.isna(d) else int(d.year) for d in dates]


# The figure as written is the scan's ``text``; in the table it is ``figure``, so that it
# never shadows the turn's ``text`` when the figures are merged back onto the turns.
_FIELD_COLUMNS = tuple("figure" if name == "text" else name for name in Figure._fields)


def figures_table(
    turns: pd.DataFrame, kinds: Sequence[str] = KINDS, *, progress: bool = PROGRESS
) -> pd.DataFrame:
    """Scan every turn and build the tidy table of figures (see :func:`numbers`)."""
    wanted = set(kinds)
    columns: dict[str, list] = {c: [] for c in NUMBER_COLUMNS}
    rows = zip(
        turns["turn_id"].tolist(),
        turns["speaker"].tolist(),
        turns["text"].tolist(),
        _years(turns),
        strict=True,
    )
    rows = progress_bar(rows, enabled=progress, desc="numbers", total=len(turns), unit="turn")
    for turn_id, speaker, text, year in rows:
        if not isinstance(text, str):
            continue
        found = [f for f in scan(text, year=year) if f.kind in wanted]
        if not found:
            continue
        spans = sentence_spans(text)
        for f in found:
            columns["turn_id"].append(turn_id)
            columns["speaker"].append(speaker)
            columns["sentence"].append(sentence_at(spans, text, f.start))
            for name, field in zip(_FIELD_COLUMNS, f, strict=True):
                columns[name].append(field)
    return _typed(columns)


def _typed(columns: dict[str, list]) -> pd.DataFrame:
    table = pd.DataFrame(columns, columns=list(NUMBER_COLUMNS))
    for name in ("turn_id", "speaker", "figure", "kind", "unit", "qualifier", "sentence"):
        table[name] = table[name].astype("string")
    for name in ("value", "low", "high"):
        table[name] = table[name].astype("float64")
    for name in ("start", "end"):
        table[name] = table[name].astype("int64")
    return table


@register_analyzer("numbers")
class Numbers(Analyzer):
    """Figures in the turns: percentages, amounts, counts, dates ... with their values.

    Parameters
    ----------
    kinds
        Keep only these kinds (see :data:`KINDS`); all of them by default.
    progress
        Show a progress bar over the turns (drawn only when the work takes over a second).

    Attributes
    ----------
    kinds_
        The kinds kept, checked.
    n_turns_
        Number of turns seen in :meth:`fit`.

    Examples
    --------
    >>> import debatekit as dk
    >>> turns = dk.read_transcript(dk.sample_path())
    >>> figures = dk.Numbers(kinds=["percent"]).fit_transform(turns)
    >>> just_below = figures["qualifier"] == "just below"
    >>> figures.loc[just_below, ["speaker", "figure", "value", "qualifier"]]
          speaker      figure  value   qualifier
    15  Jo Brouns  77 procent   77.0  just below
    """

    name: ClassVar[str] = "numbers"
    required_columns: ClassVar[tuple[str, ...]] = ("turn_id", "speaker", "text")
    check_params: ClassVar[dict] = {"progress": False}

    def __init__(self, kinds: str | Sequence[str] | None = None, progress: bool = PROGRESS) -> None:
        self.kinds = kinds
        self.progress = progress

    def fit(self, turns: pd.DataFrame, y: None = None) -> Numbers:
        """Check the parameters and ``turns``; there is nothing to learn.

        Raises
        ------
        AnalyzerError
            ``kinds`` names an unknown kind.
        SchemaError
            ``turns`` lacks ``turn_id``, ``speaker`` or ``text``.
        """
        self.kinds_ = _check_kinds(self.kinds)
        super().fit(turns)
        return self

    def transform(self, turns: pd.DataFrame) -> pd.DataFrame:
        """One row per figure, in turn order then text order.

        Returns
        -------
        pandas.DataFrame
            Columns :data:`NUMBER_COLUMNS`: ``turn_id``, ``speaker``, ``text``
            (as written), ``value`` (float; the middle of a range, ``YYYYMMDD``
            for a date), ``low``/``high`` (the ends of a range, else the value),
            ``kind``, ``unit``, ``qualifier``, ``start``/``end`` (offsets into the
            turn's ``text``) and ``sentence``.
        """
        self._check_fitted()
        self._validate(turns)
        return figures_table(turns, self.kinds_, progress=self.progress)


def numbers(
    turns: pd.DataFrame, kinds: str | Sequence[str] | None = None, *, progress: bool = PROGRESS
) -> pd.DataFrame:
    """Every figure in ``turns``, one row each, with its value, kind, unit and qualifier.

    A shortcut for ``Numbers(kinds, progress).fit_transform(turns)``.

    Parameters
    ----------
    turns
        A turns table (needs ``turn_id``, ``speaker`` and ``text``; a ``date``
        column gives year-less dates such as ``1 januari`` their year).
    kinds
        Keep only these kinds, e.g. ``["percent", "money"]``.
    progress
        Show a progress bar over the turns for a large corpus.

    Returns
    -------
    pandas.DataFrame
        One row per figure; see :meth:`Numbers.transform`.

    Raises
    ------
    ParameterError
        ``kinds`` names an unknown kind.

    Examples
    --------
    >>> import debatekit as dk
    >>> turns = dk.read_transcript(dk.sample_path())
    >>> money = dk.numbers(turns, kinds=["money"])
    >>> money[["figure", "value"]].head(2)
                  figure       value
    0  18,4 miljoen euro  18400000.0
    1          7500 euro      7500.0
    """
    return Numbers(kinds=kinds, progress=progress).fit_transform(turns)
