"""One progress bar for every long step, with one default.

Every analyzer and reader takes ``progress: bool = PROGRESS`` and wraps its
loop in :func:`progress_bar`. The bar appears only when the work takes longer
than :data:`DELAY` seconds, so a small table prints nothing and a legislature
shows where it is; tqdm is imported only when a bar is asked for.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable
from typing import Any, TypeVar

__all__ = ["PROGRESS", "DELAY", "progress_bar"]

#: The one default of every ``progress=`` parameter.
PROGRESS = True
#: Seconds of work before a bar is drawn: short calls stay silent.
DELAY = 1.0

T = TypeVar("T")


def progress_bar(
    items: Iterable[T] | None = None,
    *,
    enabled: bool = PROGRESS,
    desc: str,
    total: int | None = None,
    unit: str = "it",
    leave: bool = True,
    delay: float = DELAY,
) -> Any:
    """``items`` behind a tqdm bar (or a bar of ``total`` steps to ``update()``).

    Parameters
    ----------
    items
        What to iterate over; ``None`` for a bar updated by hand.
    enabled
        ``False`` gives ``items`` back unchanged (or a bar that draws nothing).
    desc, total, unit, leave
        As tqdm's.
    delay
        Seconds before the bar is drawn; 0 for steps a user waits on one by one
        (the files of a corpus).

    Examples
    --------
    >>> list(progress_bar([1, 2], enabled=False, desc="numbers"))
    [1, 2]
    """
    if not enabled and items is not None:
        return items
    from tqdm import TqdmWarning

    # Without ipywidgets, importing tqdm.auto warns in every notebook; the text bar is fine.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", TqdmWarning)
        from tqdm.auto import tqdm

        return tqdm(
            items,
            desc=desc,
            total=total,
            unit=unit,
            leave=leave,
            disable=not enabled,
            delay=delay,
            mininterval=0.5,
        )
