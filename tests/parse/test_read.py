"""Bad input: every kind of file a user can point debatekit at, and corpora that hold them."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pandas as pd
import pytest

import debatekit as dk
from _texts import OTHER_MEETING

COMPARED = ["speaker", "party", "role", "item", "text"]


def write(path: Path, data: bytes | str) -> Path:
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def error_of(path: Path, expected: type[Exception]) -> str:
    with pytest.raises(expected) as info:
        dk.read_transcript(path)
    assert isinstance(info.value, dk.DebatekitError)
    message = str(info.value)
    assert str(path) in message
    return message


# -- one file ------------------------------------------------------------------


def test_empty_file(tmp_path):
    message = error_of(write(tmp_path / "empty.txt", b""), dk.EmptyTranscriptError)
    assert "[E001]" in message and "is empty" in message and "Export" in message


def test_whitespace_only_file(tmp_path):
    path = write(tmp_path / "blank.txt", " \n\n\t \r\n\f\n")
    message = error_of(path, dk.EmptyTranscriptError)
    assert "[E052]" in message and "only white space (9 bytes)" in message


@pytest.mark.parametrize(
    ("data", "detail"),
    [
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "NUL byte at offset 8", id="png"),
        pytest.param(bytes(range(1, 9)) * 40 + b"text", "control characters", id="no-nul"),
    ],
)
def test_binary_file(tmp_path, data, detail):
    message = error_of(write(tmp_path / "image.txt", data), dk.BinaryFileError)
    assert detail in message and ".pdf or the .txt" in message


def test_a_few_stray_control_characters_are_still_text(tmp_path, sample_text):
    text = sample_text.replace("innovatieleider", "innovatie\x07leider", 3)
    turns = dk.read_transcript(write(tmp_path / "bell.txt", text))
    assert len(turns) == 100


def test_file_that_is_not_a_transcript(tmp_path):
    readme = (
        "# debatekit\n\nA library for transcripts.\n\nInstall: pip install debatekit\n"
        "Note: it reads PDF too.\n"
    )
    message = error_of(write(tmp_path / "README.txt", readme), dk.NoTurnsError)
    assert "[E004]" in message and "line 1" in message
    assert "No speaker turns found in 6 lines" in message and "'# debatekit'" in message
    assert "Flemish Parliament report" in message


def test_windows_1252_is_decoded_with_one_warning(tmp_path, sample_text):
    # The sample's characters that Windows-1252 has: ö, ë, ï, ’, “, ”, –.
    path = write(tmp_path / "cp1252.txt", sample_text.encode("cp1252"))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        turns = dk.read_transcript(path)
    assert [w.category for w in caught] == [dk.EncodingWarning]
    warning = caught[0]
    message = str(warning.message)
    first_bad = next(i for i, line in enumerate(sample_text.split("\n")) if not line.isascii())
    assert message.startswith(f"[W050] {path}, line {first_bad + 1}: not valid UTF-8")
    assert "Windows-1252" in message and "save the file as UTF-8" in message
    assert warning.filename == __file__  # points at the caller, not at debatekit
    assert "Björn Rzoska" in set(turns["speaker"])
    assert turns["text"].str.contains("intensifiëren").any()
    assert turns["text"].str.contains("regio’s").any()


def test_windows_1252_gives_the_same_turns(tmp_path, sample_text, sample_turns):
    path = write(tmp_path / "cp1252.txt", sample_text.encode("cp1252"))
    with pytest.warns(dk.EncodingWarning):
        turns = dk.read_transcript(path)
    pd.testing.assert_frame_equal(turns[COMPARED], sample_turns[COMPARED])


@pytest.mark.parametrize(
    "encode",
    [
        pytest.param(lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"), id="utf-8-bom"),
        pytest.param(lambda t: t.replace("\n", "\r\n").encode("utf-8"), id="crlf"),
        pytest.param(lambda t: t.replace("\n", "\r").encode("utf-8"), id="cr"),
        pytest.param(lambda t: t.encode("utf-16"), id="utf-16-bom"),
    ],
)
def test_bom_and_line_ends_give_the_same_turns(tmp_path, sample_text, sample_turns, encode):
    path = write(tmp_path / "variant.txt", encode(sample_text))
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # none of these is worth a warning
        turns = dk.read_transcript(path)
    pd.testing.assert_frame_equal(turns[COMPARED], sample_turns[COMPARED])
    assert not turns["text"].str.contains("[\r\ufeff]").any()
    assert set(turns["meeting"]) == {"C190 (2023-2024)"}


def test_missing_file(tmp_path):
    path = tmp_path / "nowhere" / "C190.txt"
    message = error_of(path, dk.TranscriptNotFoundError)
    assert "[E050]" in message and "No such file" in message
    with pytest.raises(FileNotFoundError):  # code that catches the builtin still works
        dk.read_transcript(path)


def test_folder_given_as_a_file(tmp_path):
    message = error_of(tmp_path, dk.TranscriptNotFoundError)
    assert "[E051]" in message and "dk.read_corpus(" in message


@pytest.mark.parametrize("suffix", [".docx", ""])
def test_unsupported_suffix(tmp_path, sample_text, suffix):
    path = write(tmp_path / f"report{suffix}", sample_text)
    message = error_of(path, dk.UnsupportedFormatError)
    assert "[E005]" in message and ".txt and .pdf" in message
    assert repr(suffix or path.name) in message


def test_upper_case_suffix_is_read(tmp_path, sample_text):
    assert len(dk.read_transcript(write(tmp_path / "REPORT.TXT", sample_text))) == 100


# -- many files ----------------------------------------------------------------


@pytest.fixture()
def corpus(tmp_path, sample_text) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    write(folder / "a_C190_2024-03-28.txt", sample_text)
    write(folder / "b_C200_2025-02-05.txt", OTHER_MEETING)
    write(folder / "c_empty.txt", b"")
    write(folder / "d_readme.txt", "# Notes\n\nNothing to see here.\n")
    write(folder / "notes.md", "not read: the folder is read for .txt and .pdf")
    return folder


GOOD = {"C190 (2023-2024)": 100, "C200 (2024-2025)": 4}


def read_with_one_warning(spec, **kwargs):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = dk.read_corpus(spec, progress=False, **kwargs)
    assert len(caught) == 1, [str(w.message) for w in caught]
    return result, str(caught[0].message)


def check_good_ones_read(turns: pd.DataFrame) -> None:
    assert turns.groupby("meeting").size().to_dict() == GOOD
    assert turns["turn_id"].is_unique
    assert turns.loc[turns["meeting"] == "C200 (2024-2025)", "turn_id"].tolist() == [
        f"C200-2024-2025-{n:04d}" for n in range(1, 5)
    ]


def check_warning(message: str, folder: Path) -> None:
    assert message.startswith("[W051] 2 of 4 transcripts could not be read and were skipped")
    assert str(folder / "c_empty.txt") in message and "[E001]" in message
    assert str(folder / "d_readme.txt") in message and "[E004]" in message
    assert "report=True" in message and "errors='raise'" in message
    assert "a_C190" not in message and "b_C200" not in message


def test_corpus_from_a_folder(corpus):
    turns, message = read_with_one_warning(corpus)
    check_good_ones_read(turns)
    check_warning(message, corpus)


def test_corpus_from_a_glob(corpus):
    turns, message = read_with_one_warning(str(corpus / "*.txt"))
    check_good_ones_read(turns)
    check_warning(message, corpus)


def test_corpus_from_a_list(corpus):
    files = sorted(corpus.glob("*.txt"))
    turns, message = read_with_one_warning(files)
    check_good_ones_read(turns)
    check_warning(message, corpus)


def test_corpus_report_has_the_failures_table(corpus):
    result, _ = read_with_one_warning(corpus, report=True)
    check_good_ones_read(result.turns)
    failures = result.failures
    assert list(failures.columns) == ["source", "error", "line", "message"]
    assert failures["source"].tolist() == [
        str(corpus / "c_empty.txt"),
        str(corpus / "d_readme.txt"),
    ]
    assert failures["error"].tolist() == ["EmptyTranscriptError", "NoTurnsError"]
    assert failures["line"].tolist()[1] == 1
    assert sorted(Path(s).name for s in result.reports) == [
        "a_C190_2024-03-28.txt",
        "b_C200_2025-02-05.txt",
    ]


def test_corpus_errors_raise_stops_at_the_first_bad_file(corpus):
    with pytest.raises(dk.EmptyTranscriptError, match=re.escape(str(corpus / "c_empty.txt"))):
        dk.read_corpus(corpus, errors="raise", progress=False)


def test_corpus_errors_ignore_is_silent(corpus):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        turns = dk.read_corpus(corpus, errors="ignore", progress=False)
    check_good_ones_read(turns)


def test_corpus_errors_must_be_a_known_choice(corpus):
    with pytest.raises(ValueError, match=r"\[E800\].*must be one of.*Got 'skip' instead"):
        dk.read_corpus(corpus, errors="skip")


def test_corpus_that_matches_nothing(tmp_path):
    with pytest.raises(dk.TranscriptError, match=r"\[E012\].*No transcripts matched"):
        dk.read_corpus(str(tmp_path / "*.pdf"))


def test_corpus_shows_a_progress_bar_unless_asked_not_to(corpus, capsys):
    files = [corpus / "a_C190_2024-03-28.txt", corpus / "b_C200_2025-02-05.txt"]
    dk.read_corpus(files)
    shown = capsys.readouterr().err
    assert "Reading transcripts" in shown and "2/2" in shown
    dk.read_corpus(files, progress=False)
    assert capsys.readouterr().err == ""


def test_corpus_with_one_meeting_twice_warns_that_turn_ids_repeat(tmp_path, sample_text):
    first = write(tmp_path / "C190.txt", sample_text)
    copy = write(tmp_path / "C190 (copy).txt", sample_text)
    with pytest.warns(dk.DebatekitWarning) as caught:
        turns = dk.read_corpus([first, copy], progress=False)
    assert len(caught) == 1
    message = str(caught[0].message)
    assert "meeting C190 (2023-2024) comes from 2 files" in message
    assert str(first) in message and str(copy) in message
    assert len(turns) == 200 and turns["turn_id"].nunique() == 100
