import pandas as pd
import pytest

import debatekit as dk
from _corpus import write_corpus
from debatekit._stream import iter_turns, read_turns
from debatekit.parse._read import _read_chunk


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    text = dk.sample_path().read_text(encoding="utf-8")
    folder = tmp_path_factory.mktemp("corpus")
    write_corpus(text, folder, 11)
    (folder / "vlaams-parlement_999_empty.txt").write_text("", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def serial(corpus):
    return dk.read_corpus(corpus, progress=False, report=True, errors="ignore")


def test_two_workers_give_the_same_table_bit_for_bit(corpus, serial):
    parallel = dk.read_corpus(corpus, progress=False, report=True, errors="ignore", n_jobs=2)
    pd.testing.assert_frame_equal(parallel.turns, serial.turns, check_exact=True)
    pd.testing.assert_frame_equal(parallel.failures, serial.failures)
    assert list(parallel.reports) == list(serial.reports)
    assert serial.turns["meeting"].nunique() == 11


def test_the_table_is_the_one_of_all_rows_at_once(corpus, serial):
    # the chunks are joined exactly as one table built from every row would be
    from debatekit._schema import build_turns
    from debatekit.parse._read import _read_one

    files = sorted(str(p) for p in corpus.glob("*.txt") if "empty" not in p.name)
    rows = [row for file in files for row in _read_one(file)[0]]
    pd.testing.assert_frame_equal(serial.turns, build_turns(rows), check_exact=True)


def test_a_failing_file_raises_its_own_error_with_workers(corpus):
    with pytest.raises(dk.EmptyTranscriptError, match="empty"):
        dk.read_corpus(corpus, progress=False, errors="raise", n_jobs=2)


def test_parse_reports_are_dropped_unless_asked_for(corpus):
    files = tuple(str(p) for p in sorted(corpus.glob("*.txt"))[:2])
    assert _read_chunk((files, False))[1] == {}
    assert list(_read_chunk((files, True))[1]) == list(files)


def test_streaming_to_parquet_gives_back_the_same_table(corpus, serial, tmp_path):
    folder = dk.read_corpus(corpus, progress=False, errors="ignore", to=tmp_path / "turns.parquet")
    written = sorted(p.relative_to(folder).parts[:2] for p in folder.rglob("*.parquet"))
    assert set(written) == {("parliament=VP", "year=2024")}
    pd.testing.assert_frame_equal(read_turns(folder), serial.turns, check_exact=True)
    chunks = list(iter_turns(folder, columns=["turn_id", "text"]))
    assert len(chunks) == 2  # 12 files, 8 a chunk
    assert list(chunks[0].columns) == ["turn_id", "text"]


def test_streaming_twice_replaces_the_first_dataset(corpus, tmp_path):
    one = sorted(corpus.glob("vlaams-parlement_00[0-2].txt"))
    dk.read_corpus(corpus, progress=False, errors="ignore", to=tmp_path / "t")
    dk.read_corpus(one, progress=False, to=tmp_path / "t")
    assert read_turns(tmp_path / "t")["meeting"].nunique() == 3


def test_a_target_that_is_a_file_is_refused(corpus, tmp_path):
    file = tmp_path / "turns.parquet"
    file.write_text("x", encoding="utf-8")
    with pytest.raises(dk.ParameterError, match=r"\[E800\]"):
        dk.read_corpus(corpus, progress=False, to=file)
