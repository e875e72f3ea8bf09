"""One reading order and one definition of a debate, for every analyzer.

A **debate** is a run of consecutive turns, in reading order, of one meeting
under one agenda heading: the item number where the report gives one, else
the heading's title (``item_title``, as records exports give it). Turns of a
meeting under no heading at all form one debate: the meeting is the only
heading there is. Topics (which clusters debates) and stance (which centres
content on its debate) both read debates from here, so that they find the
same ones on any table.

The **reading order** is the order the turns were spoken in: meetings in the
order they first appear, and within a meeting by ``turn`` (or ``line_start``);
rows without either keep their order.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import numpy as np
import pandas as pd

__all__ = [
    "reading_order",
    "in_reading_order",
    "restore_order",
    "meeting_ids",
    "debate_ids",
    "debates",
]

_MEETING_KEYS = ("source", "meeting")
_POSITION_KEYS = ("turn", "line_start")


def _meeting_codes(turns: pd.DataFrame) -> np.ndarray:
    """One code per meeting (and source file), numbered in order of first appearance."""
    keys = [c for c in _MEETING_KEYS if c in turns.columns]
    if not keys or not len(turns):
        return np.zeros(len(turns), dtype=np.int64)
    frame = pd.DataFrame(
        {c: turns[c].astype("object").fillna("").astype(str).to_numpy() for c in keys}
    )
    return frame.groupby(keys, sort=False).ngroup().to_numpy(dtype=np.int64)


def reading_order(turns: pd.DataFrame) -> np.ndarray:
    """Row positions that put ``turns`` in the order they were spoken.

    Examples
    --------
    >>> frame = pd.DataFrame({"meeting": ["b", "a", "b"], "turn": [2, 1, 1]})
    >>> reading_order(frame).tolist()
    [2, 0, 1]
    """
    position = next((c for c in _POSITION_KEYS if c in turns.columns), None)
    if position is None or not len(turns):
        return np.arange(len(turns))
    numbers = turns[position].to_numpy(dtype="float64", na_value=np.nan)
    return np.lexsort((np.arange(len(turns)), numbers, _meeting_codes(turns)))


def in_reading_order(turns: pd.DataFrame) -> pd.DataFrame:
    """``turns`` sorted into :func:`reading_order` (the index kept)."""
    order = reading_order(turns)
    if (order == np.arange(len(order))).all():
        return turns
    return turns.iloc[order]


def restore_order(table: pd.DataFrame, order: np.ndarray) -> pd.DataFrame:
    """Put the rows of a table computed in reading ``order`` back in the input's order."""
    inverse = np.empty_like(order)
    inverse[order] = np.arange(len(order))
    return table.iloc[inverse].reset_index(drop=True)


def meeting_ids(turns: pd.DataFrame) -> np.ndarray:
    """Number the runs of consecutive turns of one meeting (or source file).

    Examples
    --------
    >>> meeting_ids(pd.DataFrame({"meeting": ["a", "a", "b", "a"]})).tolist()
    [0, 0, 1, 2]
    """
    column = next((c for c in reversed(_MEETING_KEYS) if c in turns.columns), None)
    if column is None or not len(turns):
        return np.zeros(len(turns), dtype=np.int64)
    meetings = turns[column].astype("object").fillna("")
    return np.cumsum((meetings != meetings.shift()).to_numpy()) - 1


def _heading_keys(turns: pd.DataFrame) -> np.ndarray:
    """Each turn's heading: its item number, else its heading's title, else ``None``."""
    keys: list[object] = [None] * len(turns)
    for column in ("item_title", "item"):  # the item number wins where both are given
        if column in turns.columns:
            values = turns[column].astype("object").to_numpy()
            for i in np.flatnonzero(pd.notna(values)):
                keys[i] = f"{column}={values[i]}"
    return np.asarray(keys, dtype=object)


def has_headings(turns: pd.DataFrame) -> bool:
    """Whether any turn has a heading (an item number or a title) to make debates of."""
    return any(c in turns.columns and bool(turns[c].notna().any()) for c in ("item", "item_title"))


def debate_ids(turns: pd.DataFrame, *, use_headings: bool = True) -> np.ndarray:
    """Number the debates of ``turns``, taken in the order given (see the module).

    With ``use_headings=False`` every turn is a debate of its own.

    Examples
    --------
    >>> frame = pd.DataFrame({"meeting": ["a", "a", "a", "b"], "item_title": ["X", "X", "Y", "Y"]})
    >>> debate_ids(frame).tolist()
    [0, 0, 1, 2]
    """
    n = len(turns)
    if not use_headings:
        return np.arange(n, dtype=np.int64)
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    keys = pd.Series(list(zip(meeting_ids(turns), _heading_keys(turns), strict=True)))
    starts = (keys != keys.shift()).to_numpy().copy()
    starts[0] = True
    return np.cumsum(starts) - 1


def debates(turns: pd.DataFrame) -> Iterator[tuple[Any, Any, pd.DataFrame]]:
    """Yield ``(meeting, item, turns)`` per debate, in reading order.

    ``meeting`` and ``item`` are the debate's first turn's (``None`` where the
    table has no such column).
    """
    ordered = in_reading_order(turns)
    if not len(ordered):
        return
    ids = debate_ids(ordered)
    bounds = np.flatnonzero(np.diff(ids)) + 1
    for start, stop in zip([0, *bounds], [*bounds, len(ordered)], strict=True):
        group = ordered.iloc[start:stop]
        first = group.iloc[0]
        yield first.get("meeting"), first.get("item"), group
