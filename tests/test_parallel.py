import warnings

import pytest

import debatekit as dk
from debatekit._parallel import check_batch_size, check_n_jobs, chunk_slices, map_chunks


def _square_and_warn(task):
    if task % 3 == 0:
        warnings.warn(f"multiple of three: {task}", dk.DebatekitWarning, stacklevel=2)
    return task * task


def test_chunks_cover_every_item_once_in_order():
    slices = chunk_slices(10, 4)
    assert [list(range(10))[s] for s in slices] == [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]]
    assert chunk_slices(0, 4) == []


@pytest.mark.filterwarnings("ignore::debatekit.DebatekitWarning")
@pytest.mark.parametrize("n_jobs", [1, 2, -1])
def test_results_come_back_in_order_whatever_the_workers(n_jobs):
    assert map_chunks(_square_and_warn, list(range(1, 8)), n_jobs=n_jobs) == [
        1,
        4,
        9,
        16,
        25,
        36,
        49,
    ]


def test_worker_warnings_are_raised_in_the_parent_in_order():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        map_chunks(_square_and_warn, [3, 1, 6, 3], n_jobs=2)
    # the repeat of 3 is shown once, as the default filter would in one process
    assert [str(w.message) for w in caught] == ["multiple of three: 3", "multiple of three: 6"]
    assert all(issubclass(w.category, dk.DebatekitWarning) for w in caught)


@pytest.mark.parametrize("bad", [0, -2, 1.5, True, "2", None])
def test_bad_n_jobs_is_refused_with_its_value(bad):
    with pytest.raises(dk.ParameterError, match=r"\[E800\].*'n_jobs' parameter of Owner"):
        check_n_jobs(bad, "Owner")


@pytest.mark.parametrize("bad", [0, -1, 2.0, False])
def test_bad_batch_size_is_refused(bad):
    with pytest.raises(dk.ParameterError, match=r"\[E800\]"):
        check_batch_size(bad, "Owner")
