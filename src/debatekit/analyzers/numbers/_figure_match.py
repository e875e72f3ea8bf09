"""Line up figures that look like the same statistic, cited in several turns.

Two figures are taken to cite one statistic when they have the same kind and
unit, values that agree at the precision of the less precise one (``62
procent`` is ``62,7 procent`` cut to whole numbers) or within a relative
``tolerance``, and at least ``min_shared`` content words in common in the words
around them. Linked figures form groups (the links are transitive), so that a
statistic quoted by a minister and rounded by two members comes out as one
group of three rows.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import ClassVar

import numpy as np
import pandas as pd

from ..._errors import Errors, SchemaError
from ..._schema import require_columns
from ..._validation import check_choices, check_int, check_number, check_param
from .._base import Analyzer, register_analyzer
from ._scan import KINDS

__all__ = ["compare_figures", "FigureComparison", "MATCH_COLUMNS"]

#: Columns of the table :func:`compare_figures` returns, in order.
MATCH_COLUMNS = (
    "group",
    "turn_id",
    "speaker",
    "figure",
    "value",
    "kind",
    "unit",
    "qualifier",
    "shared_words",
    "n_speakers",
    "sentence",
)
_QUANTITIES = ("percent", "money", "count", "ratio", "multiplier", "range")
_TURN_NEEDS = ("turn_id", "speaker", "text")
_NEEDED = ("turn_id", "speaker", "figure", "value", "kind", "unit", "start", "end", "sentence")
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]{4,}")
# Words around every figure, which say nothing about which statistic it is.
_GENERIC = frozenset(
    """procent percent euro miljoen miljard duizend keer jaar jaren maanden zijn waren
    wordt worden werden heeft hebben hadden deze dit dat die daar hier want maar ook
    nog niet wel over naar voor door met zoals omdat toch eigenlijk natuurlijk denk
    zeggen zegt gaat gaan komt komen kunnen moeten zullen zouden willen dacht vandaag
    minister collega collega’s voorzitter heel veel meer minder iets ongeveer bijna ruim
    dus alle onze jullie wordt waarbij waarin waarop zich tussen""".split()
)


def compare_figures(
    turns: pd.DataFrame,
    figures: pd.DataFrame | None = None,
    *,
    tolerance: float = 0.0,
    window: int = 25,
    min_shared: int = 3,
    min_speakers: int = 1,
    kinds: str | Sequence[str] = _QUANTITIES,
) -> pd.DataFrame:
    """Group the figures that cite the same statistic in different turns.

    Parameters
    ----------
    turns
        The turns table the figures come from (their text gives the context).
    figures
        The table :func:`debatekit.numbers` returns for ``turns``; computed
        when left out.
    tolerance
        Largest relative difference between two values of one statistic, on
        top of agreeing at the coarser precision (62 and 62,7 agree; 13,5 and
        13,7 do not). ``0.05`` also links 60 and 63.
    window
        Words on each side of a figure that count as its context.
    min_shared
        Content words two contexts must share (function words, units and
        hedges do not count).
    min_speakers
        Keep only groups cited by at least this many different speakers; 2
        keeps statistics that one speaker quotes from another.
    kinds
        A kind or kinds of figure to compare, e.g. ``"money"`` or
        ``["percent", "money"]`` (see :data:`debatekit.numbers` kinds);
        quantities by default (no years, dates, ordinals, references,
        durations or ages).

    Returns
    -------
    pandas.DataFrame
        One row per figure in a group, groups numbered from 1 in order of first
        citation: ``group``, ``turn_id``, ``speaker``, ``text``, ``value``,
        ``kind``, ``unit``, ``qualifier``, ``shared_words`` (the context words
        this figure shares with the rest of its group), ``n_speakers`` (in its
        group) and ``sentence``.

    Raises
    ------
    AnalyzerError
        A parameter is out of range, or ``kinds`` names an unknown kind.
    SchemaError
        ``turns`` or ``figures`` lacks a column, or ``turns`` is a figures
        table (pass the turns, and the figures as ``figures=``).

    Examples
    --------
    >>> import debatekit as dk
    >>> turns = dk.read_transcript(dk.sample_path())
    >>> same = dk.compare_figures(turns)
    >>> same[["group", "speaker", "figure", "value"]]
       group           speaker        figure   value
    0      1  Maaike De Vreese     7500 euro  7500.0
    1      1         Jo Brouns     7500 euro  7500.0
    2      1  Maaike De Vreese     7500 euro  7500.0
    3      1  Maaike De Vreese     7500 euro  7500.0
    4      2         Jo Brouns  62,7 procent    62.7
    5      2         Jo Brouns    62 procent    62.0
    6      3         Jo Brouns    77 procent    77.0
    7      3         Jo Brouns    77 procent    77.0
    """
    comparison = FigureComparison(
        tolerance=tolerance,
        window=window,
        min_shared=min_shared,
        min_speakers=min_speakers,
        kinds=kinds,
    )
    return comparison.fit(turns).transform(turns, figures)


@register_analyzer("compare_figures")
class FigureComparison(Analyzer):
    """The same statistic cited in several turns: :func:`compare_figures` as an analyzer.

    The parameters are :func:`compare_figures`'s; :meth:`transform` takes the
    figures table as an optional second argument.

    Examples
    --------
    >>> import debatekit as dk
    >>> turns = dk.read_transcript(dk.sample_path())
    >>> int(dk.analyze(turns, "compare_figures")["compare_figures"]["group"].max())
    3
    """

    name = "compare_figures"
    required_columns: ClassVar[tuple[str, ...]] = _TURN_NEEDS

    def __init__(
        self,
        *,
        tolerance: float = 0.0,
        window: int = 25,
        min_shared: int = 3,
        min_speakers: int = 1,
        kinds: str | Sequence[str] = _QUANTITIES,
    ) -> None:
        self.tolerance = tolerance
        self.window = window
        self.min_shared = min_shared
        self.min_speakers = min_speakers
        self.kinds = kinds

    def fit(self, turns: pd.DataFrame, y: None = None) -> FigureComparison:
        """Check the parameters and ``turns``; there is nothing to learn."""
        self.kinds_ = check_choices(self.kinds, "kinds", "compare_figures", KINDS) or KINDS
        _check_params(self.tolerance, self.window, self.min_shared, self.min_speakers)
        _refuse_figures_as_turns(turns)
        super().fit(turns)
        return self

    def transform(self, turns: pd.DataFrame, figures: pd.DataFrame | None = None) -> pd.DataFrame:
        """Group the figures of ``turns`` (or ``figures``, computed when left out)."""
        self._check_fitted()
        return _compare(turns, figures, self)


def _refuse_figures_as_turns(turns: pd.DataFrame) -> None:
    """A figures table passed where the turns go: say so (E203) rather than 'no text column'."""
    figure_only = [c for c in ("value", "kind", "unit", "start", "end") if c in turns.columns]
    if len(figure_only) == 5:
        raise SchemaError(f"[E203] {Errors.E203.format(columns=', '.join(figure_only))}")


def _compare(
    turns: pd.DataFrame, figures: pd.DataFrame | None, params: FigureComparison
) -> pd.DataFrame:
    tolerance, window = params.tolerance, params.window
    min_shared, min_speakers = params.min_shared, params.min_speakers
    chosen_kinds = params.kinds_
    _refuse_figures_as_turns(turns)
    require_columns(turns, _TURN_NEEDS)
    if figures is None:
        from ._numbers import numbers

        figures = numbers(turns, progress=False)
    missing = [c for c in _NEEDED if c not in figures.columns]
    if missing:
        raise SchemaError(f"[E202] {Errors.E202.format(missing=', '.join(missing))}")
    chosen = figures[figures["kind"].isin(list(chosen_kinds)) & figures["value"].notna()]
    chosen = chosen.reset_index(drop=True)
    texts = dict(zip(turns["turn_id"].tolist(), turns["text"].tolist(), strict=True))
    contexts = [
        _context(texts.get(row.turn_id, ""), row.start, row.end, window)
        for row in chosen.itertuples()
    ]
    links = _links(chosen, contexts, tolerance, min_shared)
    return _groups(chosen, links, min_speakers)


def _check_params(tolerance: float, window: int, min_shared: int, min_speakers: int) -> None:
    owner = "compare_figures"
    check_number(tolerance, "tolerance", owner, minimum=0)
    check_param(tolerance < 1, "tolerance", owner, "a number >= 0 and < 1", tolerance)
    check_int(window, "window", owner, minimum=1)
    check_int(min_shared, "min_shared", owner, minimum=0)
    check_int(min_speakers, "min_speakers", owner, minimum=1)


def _context(text: str, start: int, end: int, window: int) -> frozenset[str]:
    """Content words within ``window`` words of a figure, the figure itself left out."""
    before = _TOKEN.findall(text[max(0, start - 12 * window) : start].lower())[-window:]
    after = _TOKEN.findall(text[end : end + 12 * window].lower())[:window]
    return frozenset(w for w in before + after if w not in _GENERIC)


def _decimals(value: float) -> int:
    return next((d for d in range(7) if round(value, d) == value), 7)


def _agree(a: float, b: float, tolerance: float) -> bool:
    """Whether ``a`` and ``b`` may be one value, rounded or cut to the coarser precision."""
    if abs(a - b) <= tolerance * max(abs(a), abs(b)):
        return True
    coarse, fine = (a, b) if _decimals(a) <= _decimals(b) else (b, a)
    places = 10 ** _decimals(coarse)
    return round(fine * places) == coarse * places or int(fine * places) == coarse * places


def _near(a: float, b: float, tolerance: float) -> bool:
    """Whether ``b`` (>= ``a``) may still agree with ``a``: within a whole unit or tolerance."""
    return b - a < 1 or b - a <= tolerance * max(abs(a), abs(b))


def _links(
    figures: pd.DataFrame, contexts: list[frozenset[str]], tolerance: float, min_shared: int
) -> dict[tuple[int, int], frozenset[str]]:
    """Pairs of figures (row positions) that cite one statistic, with the words they share.

    Figures are compared value against value (each distinct value once), and
    within two values only the pairs whose contexts share enough words are
    looked at, found by a sparse product: a value repeated a thousand times no
    longer costs a million set intersections in Python.
    """
    links: dict[tuple[int, int], frozenset[str]] = {}
    keys = figures["kind"].astype(str) + "|" + figures["unit"].fillna("").astype(str)
    values = figures["value"].to_numpy()
    turn_ids = figures["turn_id"].to_numpy()
    for _, positions in figures.groupby(keys, sort=False).indices.items():
        by_value: dict[float, list[int]] = {}
        for p in sorted(positions, key=lambda p: values[p]):
            by_value.setdefault(values[p], []).append(p)
        distinct = list(by_value)  # ascending
        for i, low in enumerate(distinct):
            for high in distinct[i:]:
                if not _near(low, high, tolerance):
                    break  # sorted by value: every later one is further away
                if not _agree(low, high, tolerance):
                    continue
                pairs = _sharing_pairs(by_value[low], by_value[high], contexts, min_shared)
                for first, second in pairs:
                    if turn_ids[first] == turn_ids[second]:
                        continue
                    shared = contexts[first] & contexts[second]
                    if len(shared) >= min_shared:
                        links[(min(first, second), max(first, second))] = shared
    return links


# Below this many pairs, comparing them one by one is cheaper than a sparse product.
_FEW_PAIRS = 4096


def _sharing_pairs(
    left: list[int], right: list[int], contexts: list[frozenset[str]], min_shared: int
) -> list[tuple[int, int]]:
    """Pairs of ``left`` x ``right`` that may share ``min_shared`` context words.

    All pairs when they are few, else those that do; each pair once when
    ``left`` and ``right`` are the same list.
    """
    same = left is right
    if min_shared == 0 or len(left) * len(right) <= _FEW_PAIRS:
        if same:
            return [(a, b) for i, a in enumerate(left) for b in left[i + 1 :]]
        return [(a, b) for a in left for b in right]
    from scipy.sparse import csr_matrix

    vocabulary: dict[str, int] = {}

    def words(rows: list[int]) -> tuple[list[int], list[int]]:
        indptr, indices = [0], []
        for p in rows:
            indices.extend(vocabulary.setdefault(w, len(vocabulary)) for w in contexts[p])
            indptr.append(len(indices))
        return indptr, indices

    def matrix(rows: list[int], built: tuple[list[int], list[int]]) -> csr_matrix:
        indptr, indices = built
        data = np.ones(len(indices), dtype=np.int32)
        return csr_matrix((data, indices, indptr), shape=(len(rows), len(vocabulary)))

    left_words = words(left)
    right_words = left_words if same else words(right)
    a_rows = matrix(left, left_words)
    b_rows = a_rows if same else matrix(right, right_words)
    counts = (a_rows @ b_rows.T).tocoo()
    keep = counts.data >= min_shared
    if same:
        keep &= counts.row < counts.col
    return [(left[i], right[j]) for i, j in zip(counts.row[keep], counts.col[keep], strict=True)]


def _groups(
    figures: pd.DataFrame, links: dict[tuple[int, int], frozenset[str]], min_speakers: int
) -> pd.DataFrame:
    parent = list(range(len(figures)))

    def root(p: int) -> int:
        while parent[p] != p:
            parent[p] = parent[parent[p]]
            p = parent[p]
        return p

    words: dict[int, set[str]] = {}
    for (a, b), shared in links.items():
        parent[root(a)] = root(b)
        words.setdefault(a, set()).update(shared)
        words.setdefault(b, set()).update(shared)
    members = sorted(words)
    table = figures.loc[members].copy()
    table["_root"] = [root(p) for p in members]
    table["shared_words"] = [", ".join(sorted(words[p])) for p in members]
    table["n_speakers"] = table.groupby("_root")["speaker"].transform("nunique").astype("int64")
    table = table[table["n_speakers"] >= min_speakers]
    first_seen = {r: i + 1 for i, r in enumerate(dict.fromkeys(table["_root"]))}
    table["group"] = table["_root"].map(first_seen).astype("int64")
    table["shared_words"] = table["shared_words"].astype("string")
    table = table.sort_values("group", kind="stable")
    return table[list(MATCH_COLUMNS)].reset_index(drop=True)
