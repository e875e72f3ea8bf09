"""Work split over processes, with the same result whatever the number of workers.

Every parallel step in debatekit goes through :func:`run_chunks`: the work is
cut into chunks of a fixed size (never "one chunk per worker", which would make
the output depend on the machine), each chunk is computed by a worker process
(forked on Linux, joblib's ``loky`` executor elsewhere), and the chunks' results come back in input
order. With ``n_jobs=1`` the same chunks run in this process, so one and two
workers give identical tables, bit for bit.

Warnings raised in a worker would be lost with its process; each chunk records
them and the parent raises them again, in input order, as the serial run would.
"""

from __future__ import annotations

import os
import sys
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import partial
from typing import Any, TypeVar

from ._progress import DELAY, progress_bar
from ._validation import check_param

__all__ = [
    "check_n_jobs",
    "effective_jobs",
    "chunk_slices",
    "run_chunks",
    "check_batch_size",
    "map_chunks",
]

T = TypeVar("T")
R = TypeVar("R")


def check_n_jobs(n_jobs: object, owner: str) -> int:
    """``n_jobs`` checked: an int >= 1, or -1 (one worker per CPU).

    Raises
    ------
    ParameterError
        Any other value, naming ``owner`` and the value received.
    """
    ok = isinstance(n_jobs, int) and not isinstance(n_jobs, bool) and (n_jobs >= 1 or n_jobs == -1)
    check_param(ok, "n_jobs", owner, "an int >= 1, or -1 for one worker per CPU", n_jobs)
    return int(n_jobs)  # type: ignore[arg-type]


def check_batch_size(batch_size: object, owner: str) -> int:
    """``batch_size`` checked: an int >= 1.

    Raises
    ------
    ParameterError
        Any other value.
    """
    ok = isinstance(batch_size, int) and not isinstance(batch_size, bool) and batch_size >= 1
    check_param(ok, "batch_size", owner, "an int >= 1", batch_size)
    return int(batch_size)  # type: ignore[arg-type]


def effective_jobs(n_jobs: int, n_chunks: int) -> int:
    """Worker processes worth starting: no more than the CPUs or the chunks."""
    cpus = os.cpu_count() or 1
    wanted = cpus if n_jobs == -1 else n_jobs
    return max(1, min(wanted, n_chunks))


def chunk_slices(n_items: int, chunk_size: int) -> list[slice]:
    """Consecutive slices of ``chunk_size`` items covering ``range(n_items)``.

    The cut depends on the data and the chunk size only, never on the workers.

    Examples
    --------
    >>> chunk_slices(5, 2)
    [slice(0, 2, None), slice(2, 4, None), slice(4, 5, None)]
    """
    return [
        slice(start, min(start + chunk_size, n_items)) for start in range(0, n_items, chunk_size)
    ]


def _recorded(func: Callable[[T], R], task: T) -> tuple[R, list[tuple[type[Warning], str]]]:
    """``func(task)`` and the warnings it raised, in order, instead of showing them."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = func(task)
    return result, [(w.category, str(w.message)) for w in caught]


def _reraise(caught: list[tuple[type[Warning], str]], seen: set[tuple[type[Warning], str]]) -> None:
    for category, text in caught:
        # The serial run shows a repeated warning once (the default filter); so do we.
        if (category, text) in seen:
            continue
        seen.add((category, text))
        warnings.warn(text, category, stacklevel=4)


def _pool_context() -> Any:
    """Fork on Linux: a worker starts in milliseconds with debatekit already imported.

    Elsewhere (macOS, Windows) fork is unsafe or missing, and joblib's loky
    executor starts fresh interpreters instead (seconds each, once a session).
    """
    import multiprocessing

    if sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return None


# What every task of a forked run shares (a fitted pipeline): set before the
# workers fork, so that they inherit it instead of unpickling it per task.
_FORKED_SHARED: Any = None


def _with_forked_shared(func: Callable[[Any, T], R], task: T) -> R:
    return func(_FORKED_SHARED, task)


def _results(
    func: Callable[..., R], tasks: Sequence[T], jobs: int, shared: Any, has_shared: bool
) -> Iterator[tuple[R, list[tuple[type[Warning], str]]]]:
    bound = partial(func, shared) if has_shared else func
    if jobs == 1:
        yield from (_recorded(bound, task) for task in tasks)
        return
    context = _pool_context()
    if context is None:
        from joblib import Parallel, delayed

        parallel = Parallel(n_jobs=jobs, backend="loky", return_as="generator", max_nbytes=None)
        yield from parallel(delayed(_recorded)(bound, task) for task in tasks)
        return
    from concurrent.futures import ProcessPoolExecutor

    global _FORKED_SHARED
    _FORKED_SHARED = shared
    forked = partial(_with_forked_shared, func) if has_shared else func
    try:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
            # Workers fork at the first submission, after _FORKED_SHARED is set.
            yield from pool.map(_recorded, [forked] * len(tasks), tasks)
    finally:
        _FORKED_SHARED = None


_NO_SHARED = object()


def run_chunks(
    func: Callable[[T], R],
    tasks: Sequence[T],
    *,
    n_jobs: int = 1,
    progress: bool = False,
    desc: str = "",
    unit: str = "it",
    weights: Iterable[int] | None = None,
    shared: Any = _NO_SHARED,
    delay: float = DELAY,
) -> Iterator[R]:
    """``func`` applied to every task, on ``n_jobs`` processes, results in task order.

    Parameters
    ----------
    func
        A module-level function (it is pickled to the workers) of one task.
    tasks
        The chunks of work, cut independently of ``n_jobs``.
    n_jobs
        Worker processes (``-1``: one per CPU); ``1`` runs in this process.
    progress
        Show one progress bar for the whole run.
    desc, unit
        The bar's label and unit.
    weights
        How many units each task counts on the bar (files, turns); 1 each by default.
    shared
        An object every task needs (a fitted pipeline): ``func(shared, task)``
        is called. Forked workers inherit it; elsewhere it is pickled with
        each task.
    delay
        Seconds of work before the bar is drawn (see :mod:`debatekit._progress`).

    Yields
    ------
    object
        ``func(task)`` for each task, in order; a worker's warnings are
        raised again as its result arrives.
    """
    sizes = [1] * len(tasks) if weights is None else list(weights)
    jobs = effective_jobs(n_jobs, len(tasks))
    bar = None
    if progress:
        bar = progress_bar(desc=desc, total=sum(sizes), unit=unit, delay=delay)
    seen: set[tuple[type[Warning], str]] = set()
    try:
        for size, (result, caught) in zip(
            sizes, _results(func, tasks, jobs, shared, shared is not _NO_SHARED), strict=True
        ):
            _reraise(caught, seen)
            if bar is not None:
                bar.update(size)
            yield result
    finally:
        if bar is not None:
            bar.close()


def map_chunks(
    func: Callable[[T], R], tasks: Sequence[T], **options: Any
) -> list[R]:  # a list, for callers that need every result at once
    """:func:`run_chunks`, gathered into a list."""
    return list(run_chunks(func, tasks, **options))
