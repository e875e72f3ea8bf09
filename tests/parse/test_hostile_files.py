"""Files as they arrive: mixed encodings, wrong arguments, odd PDFs, bad files in a corpus."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pytest

import debatekit as dk

SOURCE = "vlaams-parlement_C190_2024-03-28.txt"


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _quiet_read(path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", dk.DebatekitWarning)
        return dk.read_transcript(path)


def test_one_stray_byte_changes_only_itself(tmp_path, sample_text, sample_turns):
    data = sample_text.encode("utf-8")
    at = data.index(b"Sociaal-Economische")
    path = _write(tmp_path / "stray.txt", data[:at] + b"\xe9" + data[at:])
    with pytest.warns(dk.EncodingWarning, match=r"\[W050\]"):
        turns = dk.read_transcript(path)
    assert turns["speaker"].tolist() == sample_turns["speaker"].tolist()
    assert "Björn Rzoska" in turns["speaker"].tolist()  # no mojibake elsewhere
    assert "éSociaal" in " ".join(turns["text"]) + " ".join(turns["item_title"].dropna())


def test_a_bom_followed_by_windows_1252_is_read(tmp_path, sample_text, sample_turns):
    path = _write(tmp_path / "bom.txt", b"\xef\xbb\xbf" + sample_text.encode("cp1252"))
    turns = _quiet_read(path)
    assert turns["speaker"].tolist() == sample_turns["speaker"].tolist()


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_text(tmp_path, sample_text, sample_turns, encoding):
    path = _write(tmp_path / "utf16.txt", sample_text.encode(encoding))
    assert _quiet_read(path)["speaker"].tolist() == sample_turns["speaker"].tolist()


@pytest.mark.parametrize(
    "value, code",
    [
        (None, "E026"),
        (["a.txt"], "E026"),
        (b"a.txt", "E026"),
        (5, "E026"),
        ("", "E027"),
        ("  ", "E027"),
    ],
)
def test_what_is_no_path_gets_a_numbered_error(value, code):
    with pytest.raises(dk.ParameterError, match=rf"\[{code}\]"):
        dk.read_transcript(value)


def test_an_open_file_is_refused_with_its_name(sample_path):
    with open(sample_path, encoding="utf-8") as handle:
        with pytest.raises(dk.ParameterError, match=r"\[E026\].*an open file") as caught:
            dk.read_transcript(handle)
    assert sample_path.name in str(caught.value)


def test_an_encrypted_pdf_is_called_encrypted(tmp_path):
    fpdf = pytest.importorskip("fpdf")
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(text="De voorzitter: Dank u.")
    pdf.set_encryption(owner_password="o", user_password="u")
    path = tmp_path / "locked.pdf"
    pdf.output(str(path))
    with pytest.raises(dk.PdfReadError, match=r"\[E028\].*encrypted"):
        dk.read_text(path)


def test_a_pdf_over_the_page_limit_is_refused_before_reading(tmp_path, monkeypatch):
    fpdf = pytest.importorskip("fpdf")
    pdf = fpdf.FPDF()
    for _ in range(3):
        pdf.add_page()
    path = tmp_path / "three.pdf"
    pdf.output(str(path))
    monkeypatch.setitem(dk.PDF_LIMITS, "max_pages", 2)
    with pytest.raises(dk.PdfReadError, match=r"\[E029\].*3 pages.*max_pages"):
        dk.read_text(path)


def test_a_page_without_text_is_named(tmp_path):
    fpdf = pytest.importorskip("fpdf")
    pdf = fpdf.FPDF()
    pdf.set_font("helvetica", size=12)
    pdf.add_page()
    pdf.multi_cell(w=0, text="De voorzitter: Mevrouw Peeters heeft het woord.")
    pdf.add_page()  # a scanned page: no text
    pdf.add_page()
    pdf.multi_cell(w=0, text="Anna Peeters (Groen): Dank u.")
    path = tmp_path / "scan.pdf"
    pdf.output(str(path))
    with pytest.warns(dk.DebatekitWarning, match=r"\[W008\].*1 of 3 .*: 2\b"):
        dk.read_text(path)


def test_a_file_that_crashes_is_its_own_numbered_failure(tmp_path, sample_text, monkeypatch):
    from debatekit.parse import _read

    good = tmp_path / "a_C190_2024-03-28.txt"
    good.write_text(sample_text, encoding="utf-8")
    bad = tmp_path / "b_C191_2024-03-29.txt"
    bad.write_text(sample_text.replace("nr. C190", "nr. C191"), encoding="utf-8")
    real = _read.text_rows

    def fragile(text, source, **kwargs):
        if "C191" in str(source):
            raise IndexError("list index out of range")
        return real(text, source, **kwargs)

    monkeypatch.setattr(_read, "text_rows", fragile)
    result = dk.read_corpus(tmp_path, progress=False, report=True, errors="ignore")
    assert len(result.turns) == 100
    assert result.failures["source"].tolist() == [str(bad)]
    assert result.failures["message"].str.contains(r"\[E032\]").all()
    with pytest.raises(dk.TranscriptError, match=r"\[E032\]"):
        dk.read_corpus(tmp_path, progress=False, errors="raise")


def test_impossible_and_far_dates_do_not_crash(sample_text):
    for date in ["31 februari 2024", "0 maart 2024", "28 maart 0000", "28 maart 2263"]:
        text = re.sub(r"– 28 maart 2024", f"– {date}", sample_text)
        with pytest.warns(dk.ParseWarning, match=r"\[W007\]"):
            turns = dk.parse_transcript(text, "report.txt")
        assert turns["date"].isna().all()
        assert len(turns) == 100
    with pytest.raises(dk.ParameterError, match=r"\[E021\]"):
        dk.parse_transcript(sample_text, SOURCE, date="2263-01-01")
    turns = dk.parse_transcript(sample_text, "x_C190_2263-03-28.txt")
    assert turns["date"].notna().all()  # the header's date, not the file name's


def test_a_folder_with_reports_in_subfolders_names_them(tmp_path, sample_text):
    (tmp_path / "2024").mkdir()
    (tmp_path / "2024" / "r.txt").write_text(sample_text, encoding="utf-8")
    (tmp_path / "verslag.docx").write_bytes(b"PK")
    with pytest.raises(dk.TranscriptError, match=r"\[E024\].*2024.*\*\*.*verslag\.docx"):
        dk.read_corpus(tmp_path, progress=False)


def test_two_meetings_in_one_file_are_two_meetings(sample_text):
    second = sample_text.replace("nr. C190", "nr. C191").replace("28 maart", "29 maart")
    with pytest.warns(dk.ParseWarning, match=r"\[W010\]"):
        turns = dk.parse_transcript(sample_text + "\f" + second, "two.txt")
    assert turns.groupby("meeting").size().to_dict() == {
        "C190 (2023-2024)": 100,
        "C191 (2023-2024)": 100,
    }
    assert turns["turn_id"].is_unique
    assert turns.loc[turns["meeting"] == "C191 (2023-2024)", "date"].dt.day.unique().tolist() == [
        29
    ]


def test_turn_ids_sort_in_turn_order_beyond_9999_turns():
    text = "".join(f"Anna Peeters (Groen): Zin {i}.\n\n" for i in range(10_050))
    turns = dk.parse_transcript(text, "x_C1_2024-01-10.txt")
    assert turns["turn_id"].tolist() == sorted(turns["turn_id"])


def test_long_fragments_and_doc_lines_stay_linear():
    import time

    text = "De voorzitter: Ja.\n\nAnna Peeters (Groen): " + "a" * 40_000 + "#b-\nschap.\n"
    start = time.process_time()
    dk.parse_transcript(text, "x_C1_2024-01-10.txt")
    doc = "VRAAG OM UITLEG van A B aan C D, minister, over E\n\n– " + "1" * 20_000 + "\n\n"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", dk.ParseWarning)
        dk.parse_transcript(doc + "De voorzitter: Ja.\n", "x_C1_2024-01-10.txt")
    assert time.process_time() - start < 2.0
