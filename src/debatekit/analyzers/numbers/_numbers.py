"""The figures table and the ``numbers`` analyzer: every figure in the turns, one row each."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from typing import ClassVar

import pandas as pd

from ..._parallel import check_n_jobs, chunk_slices, run_chunks
from ..._progress import PROGRESS
from ..._schema import dutch_turns
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


# Turns per task: a few hundred milliseconds of scanning, so a worker's start and
# the trip back are cheap. It fixes the chunks, whatever n_jobs is.
_TURNS_PER_CHUNK = 2000
# The figure as written is the scan's ``text``; in the table it is ``figure``, so that it
# never shadows the turn's ``text`` when the figures are merged back onto the turns.
_FIELD_COLUMNS = tuple("figure" if name == "text" else name for name in Figure._fields)


def figures_table(
    turns: pd.DataFrame,
    kinds: Sequence[str] = KINDS,
    *,
    progress: bool = False,
    n_jobs: int = 1,
) -> pd.DataFrame:
    """Scan every turn and build the tidy table of figures (see :func:`numbers`).

    The turns are scanned in chunks of a fixed size on ``n_jobs`` processes
    and the chunks' tables joined in order: the same table for any ``n_jobs``.
    """
    data = pd.DataFrame(
        {
            "turn_id": turns["turn_id"].tolist(),
            "speaker": turns["speaker"].tolist(),
            "text": turns["text"].tolist(),
            "year": _years(turns),
        }
    )
    slices = chunk_slices(len(data), _TURNS_PER_CHUNK)
    tasks = [(data.iloc[s], tuple(kinds)) for s in slices]
    tables = run_chunks(
        _chunk_figures,
        tasks,
        n_jobs=n_jobs,
        progress=progress,
        desc="numbers",
        unit="turn",
        weights=[s.stop - s.start for s in slices],
    )
    found = [table for table in tables if len(table)]
    if not found:
        return _typed({c: [] for c in NUMBER_COLUMNS})
    return found[0] if len(found) == 1 else pd.concat(found, ignore_index=True)


def _chunk_figures(task: tuple[pd.DataFrame, tuple[str, ...]]) -> pd.DataFrame:
    """The figures table of one chunk of turns (in a worker)."""
    chunk, kinds = task
    wanted = set(kinds)
    columns: dict[str, list] = {c: [] for c in NUMBER_COLUMNS}
    for turn_id, speaker, text, year in chunk.itertuples(index=False, name=None):
        if not isinstance(text, str):
            continue
        found = [
            f for f in scan(text, year=None if pd.isna(year) else int(year)) if f.kind in wanted
        ]
        if not found:
            continue
        spans = sentence_spans(text)
        for f in found:
            columns["turn_id"].append(turn_id)
            columns["speaker"].append(speaker)
            columns["sentence"].append(bounded_sentence(spans, text, f.start, f.end))
            for name, field in zip(_FIELD_COLUMNS, f, strict=True):
                columns[name].append(field)
    return _typed(columns)


#: Longest ``sentence`` kept; a longer one (a turn without full stops) is cut to
#: the words around the figure, so that the table stays linear in the text.
MAX_SENTENCE = 1000


def bounded_sentence(spans: list[tuple[int, int]], text: str, start: int, end: int) -> str:
    """The sentence that holds the figure at ``start:end``, cut to :data:`MAX_SENTENCE`.

    A longer sentence is cut to about that many characters around the figure,
    at word boundaries, with ``…`` where it was cut.
    """
    sentence = sentence_at(spans, text, start)
    if len(sentence) <= MAX_SENTENCE:
        return sentence
    i = bisect_right(spans, (start, len(text) + 1)) - 1
    begin, stop = spans[max(i, 0)]
    side = max(0, (MAX_SENTENCE - (end - start)) // 2)
    left, right = max(begin, start - side), min(stop, end + side)
    if left > begin:  # start at a word, not in one
        space = text.find(" ", left, start)
        left = space + 1 if space != -1 else left
    if right < stop:
        space = text.rfind(" ", end, right)
        right = space if space != -1 else right
    piece = text[left:right].strip()
    return ("… " if left > begin else "") + piece + (" …" if right < stop else "")


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
    n_jobs
        Worker processes (``-1``: one per CPU); the table is the same, bit for
        bit, whatever the number.

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

    def __init__(
        self, kinds: str | Sequence[str] | None = None, progress: bool = PROGRESS, n_jobs: int = 1
    ) -> None:
        self.kinds = kinds
        self.progress = progress
        self.n_jobs = n_jobs

    def fit(self, turns: pd.DataFrame, y: None = None) -> Numbers:
        """Check the parameters and ``turns``; there is nothing to learn.

        Raises
        ------
        AnalyzerError
            ``kinds`` names an unknown kind.
        ParameterError
            ``n_jobs`` is not an int >= 1 or -1.
        SchemaError
            ``turns`` lacks ``turn_id``, ``speaker`` or ``text``.
        """
        self.kinds_ = _check_kinds(self.kinds)
        check_n_jobs(self.n_jobs, "Numbers")
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
        # Dutch number words and units only (W501 says how many turns were skipped).
        dutch = dutch_turns(turns, type(self).__name__)
        return figures_table(dutch, self.kinds_, progress=self.progress, n_jobs=self.n_jobs)

    #: Columns :meth:`fit_chunks` reads (none: there is nothing to learn).
    fit_columns: ClassVar[tuple[str, ...]] = ("turn_id",)

    def fit_chunks(self, chunks: Iterable[pd.DataFrame]) -> Numbers:
        """Fit on a corpus given chunk by chunk (see :func:`debatekit.analyze_dataset`)."""
        self.kinds_ = _check_kinds(self.kinds)
        check_n_jobs(self.n_jobs, "Numbers")
        self.n_turns_ = sum(len(chunk) for chunk in chunks)
        return self


def numbers(
    turns: pd.DataFrame,
    kinds: str | Sequence[str] | None = None,
    *,
    progress: bool = PROGRESS,
    n_jobs: int = 1,
) -> pd.DataFrame:
    """Every figure in ``turns``, one row each, with its value, kind, unit and qualifier.

    A shortcut for ``Numbers(kinds, progress, n_jobs).fit_transform(turns)``.

    Parameters
    ----------
    turns
        A turns table (needs ``turn_id``, ``speaker`` and ``text``; a ``date``
        column gives year-less dates such as ``1 januari`` their year).
    kinds
        Keep only these kinds, e.g. ``["percent", "money"]``.
    progress
        Show a progress bar over the turns for a large corpus.
    n_jobs
        Worker processes (``-1``: one per CPU); the same table for any number.

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
    return Numbers(kinds=kinds, progress=progress, n_jobs=n_jobs).fit_transform(turns)
