"""Reading PDF reports: a PDF typeset here from the sample text, a scan, a damaged file."""

from __future__ import annotations

from pathlib import Path

import matplotlib
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_property import Builder

import debatekit as dk
from debatekit.parse.flemish._furniture import furniture_kind, is_page_start
from debatekit.parse.flemish._labels import match_label

fpdf = pytest.importorskip("fpdf")

HEADER = "Commissievergadering nr. C190 (2023-2024) – 28 maart 2024"
FOOTER = "Vlaams Parlement"
COMPARED = ["speaker", "party", "role", "item", "item_docs", "procedural", "text"]


def unicode_font(name: str = "DejaVuSans.ttf") -> Path:
    """DejaVu Sans, which matplotlib ships: it has '–', '’' and 'ö'."""
    path = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / name
    assert path.exists(), path
    return path


def pages_of_sample(lines: list[str]) -> list[list[str]]:
    """The sample's body lines, cut into the pages of the PDF it was taken from.

    The text marks where each page began with a leading space; its headers and
    footers are dropped here because the PDF gets its own.
    """
    pages: list[list[str]] = [[]]
    for line in lines:
        if is_page_start(line) and pages[-1]:
            pages.append([])
        if not furniture_kind(line):
            pages[-1].append(line.strip())
    return [_trim_blanks(page) for page in pages if any(page)]


def pages_of(lines: list[str], size: int) -> list[list[str]]:
    """Body lines cut into pages of ``size`` lines, wherever that falls."""
    body = [line.strip() for line in lines if not furniture_kind(line)]
    return [_trim_blanks(body[i : i + size]) for i in range(0, len(body), size)]


def _trim_blanks(page: list[str]) -> list[str]:
    while page and not page[0]:
        page.pop(0)
    while page and not page[-1]:
        page.pop()
    return page


def write_pdf(pages: list[list[str]], path: Path) -> Path:
    """Typeset pages as the Parliament does: header and page number, body, footer.

    The footer is drawn first and the header last, so that the content
    stream's order differs from the order a reader sees; even pages put the
    page number before the header, odd pages after it, as on a printed spread.
    Speaker labels are bold, a text object apart from the speech on their line.
    """
    pdf = fpdf.FPDF(format="A4", unit="mm")
    pdf.add_font("DejaVu", fname=str(unicode_font()))
    pdf.add_font("DejaVu", style="B", fname=str(unicode_font("DejaVuSans-Bold.ttf")))
    pdf.set_auto_page_break(False)
    pitch = 4.2
    for number, page in enumerate(pages, start=1):
        pdf.add_page()
        pdf.set_font("DejaVu", size=8)
        pdf.set_xy(15, 282)
        pdf.cell(60, 5, FOOTER)
        pdf.set_xy(180, 282)
        pdf.cell(15, 5, str(number), align="R")
        y = 24.0
        for line, before in zip(page, ["", *page], strict=False):
            if not line:
                if before:  # one blank line's worth of space parts paragraphs
                    y += pitch
                continue
            write_line(pdf, line, y)
            y += pitch
        if number % 2:
            pdf.set_xy(15, 12)
            pdf.cell(150, 5, HEADER)
            pdf.set_xy(180, 12)
            pdf.cell(15, 5, str(number), align="R")
        else:
            pdf.set_xy(15, 12)
            pdf.cell(10, 5, str(number))
            pdf.set_xy(45, 12)
            pdf.cell(150, 5, HEADER, align="R")
    pdf.output(str(path))
    return path


def write_line(pdf: fpdf.FPDF, line: str, y: float) -> None:
    """A line of the body; a speaker's label in bold, as the reports print it."""
    label = match_label(line)
    x = 15.0
    if label:
        pdf.set_font("DejaVu", style="B", size=8)
        head = line[: label[1]].rstrip()
        pdf.set_xy(x, y)
        pdf.cell(0, 5, head)
        x += pdf.get_string_width(head + " ")
        line = line[label[1] :]
        pdf.set_font("DejaVu", size=8)
    pdf.set_xy(x, y)
    pdf.cell(0, 5, line)


@pytest.fixture(scope="module")
def sample_pdf(tmp_path_factory, sample_lines) -> Path:
    pages = pages_of_sample(sample_lines)
    return write_pdf(pages, tmp_path_factory.mktemp("pdf") / "C190_2024-03-28.pdf")


@pytest.fixture(scope="module")
def pdf_result(sample_pdf) -> dk.ParseResult:
    return dk.read_transcript(sample_pdf, report=True)


def test_the_pdf_has_a_page_for_each_page_of_the_report(sample_pdf, sample_lines):
    pypdfium2 = pytest.importorskip("pypdfium2")
    # A leading space marks each page's start; the file's last line, a lone
    # space, starts no page.
    n_page_starts = sum(is_page_start(line) for line in sample_lines[:-1])
    pdf = pypdfium2.PdfDocument(str(sample_pdf))
    try:
        assert len(pdf) == n_page_starts == 27
    finally:
        pdf.close()


def test_pdf_gives_the_same_turns_as_the_text(pdf_result, sample_turns):
    turns = pdf_result.turns
    assert len(turns) == len(sample_turns) == 100
    pd.testing.assert_frame_equal(
        turns[COMPARED].reset_index(drop=True), sample_turns[COMPARED].reset_index(drop=True)
    )


def test_pdf_item_titles_and_chairs_match_the_text(pdf_result, sample_turns):
    turns = pdf_result.turns
    assert turns["item_title"].tolist() == sample_turns["item_title"].tolist()
    chair = turns.loc[turns["role"] == "chair", "speaker"]
    assert set(chair) == {"Björn Rzoska", "Robrecht Bothuyne"}


def test_pdf_meeting_and_date_come_from_its_running_header(pdf_result):
    turns = pdf_result.turns
    assert set(turns["meeting"]) == {"C190 (2023-2024)"}
    assert set(turns["date"]) == {pd.Timestamp("2024-03-28")}
    assert turns["turn_id"].iloc[0] == "C190-2023-2024-0001"


def test_every_header_footer_and_page_number_is_removed(pdf_result, sample_lines):
    report = pdf_result.report
    kinds = report.lines["kind"].value_counts()
    furniture = report.furniture
    n_pages = len(pages_of_sample(sample_lines))
    assert kinds["header"] == n_pages
    # Footer and page number share a baseline: one footer line per page.
    assert kinds["footer"] == n_pages
    assert (
        furniture.loc[furniture["kind"] == "footer", "text"]
        .str.strip()
        .str.match(r"^Vlaams Parlement \d+$")
        .all()
    )
    # A page's first line carries the form feed that marks the page break.
    headers = furniture.loc[furniture["kind"] == "header", "text"].str.strip()
    assert headers.str.match(r"^\d+ Commissievergadering").sum() == n_pages // 2
    text = "\n".join(pdf_result.turns["text"])
    assert "Vlaams Parlement" not in text and "Commissievergadering" not in text
    assert report.counts()["unplaced"] == 0


def test_header_is_read_first_though_drawn_last(pdf_result):
    lines = pdf_result.report.lines
    first = lines.loc[lines["text"].str.strip() != "", "text"].iloc[0]
    assert first.startswith(HEADER)


def test_pdf_keeps_accents_and_typographic_characters(pdf_result):
    text = "\n".join(pdf_result.turns["text"])
    assert "Björn Rzoska" in set(pdf_result.turns["speaker"])
    assert "regio’s" in text and "intensifiëren" in text and "–" in text


def test_pdf_with_other_page_breaks_gives_the_same_words(tmp_path, sample_lines, sample_turns):
    # Pages of 37 lines break paragraphs and turns in other places than the
    # report did; a break at a paragraph's end cannot be told from one inside
    # it, so only the words are compared.
    path = write_pdf(pages_of(sample_lines, 37), tmp_path / "other.pdf")
    turns = dk.read_transcript(path)

    def words(frame: pd.DataFrame) -> list[str]:
        return [" ".join(t.split()) for t in frame["text"]]

    assert turns[["speaker", "role", "item"]].equals(sample_turns[["speaker", "role", "item"]])
    assert words(turns) == words(sample_turns)


def test_pdf_without_a_text_layer_raises_no_text_layer(tmp_path):
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (400, 200), "white")
    ImageDraw.Draw(image).text((20, 80), "Stijn De Roo (cd&v): dit is een scan.", fill="black")
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.image(image, x=10, y=10, w=180)
    path = tmp_path / "scan.pdf"
    pdf.output(str(path))
    with pytest.raises(dk.NoTextLayerError) as info:
        dk.read_transcript(path)
    message = str(info.value)
    assert "[E003]" in message and str(path) in message and "ocrmypdf" in message


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda data: data[: len(data) // 3], id="truncated"),
        pytest.param(lambda data: b"%PDF-1.7\n" + bytes(range(1, 256)) * 4, id="garbage"),
    ],
)
def test_damaged_pdf_raises_pdf_read_error(tmp_path, sample_pdf, damage):
    path = tmp_path / "damaged.pdf"
    path.write_bytes(damage(sample_pdf.read_bytes()))
    with pytest.raises(dk.PdfReadError) as info:
        dk.read_transcript(path)
    message = str(info.value)
    assert "[E006]" in message and str(path) in message and "Download it again" in message


def test_reading_order_goes_down_the_page_and_joins_pieces_on_one_baseline():
    from debatekit.parse._read import _Line, _reading_order

    drawn = [  # in the order a content stream may draw them
        _Line(left=500, baseline=20, height=6, text="25"),
        _Line(left=40, baseline=20, height=6, text="Vlaams Parlement"),
        _Line(left=40, baseline=700, height=6, text="Anna Peeters (Groen): Dank u."),
        _Line(left=500, baseline=800.5, height=6, text="25"),
        _Line(left=40, baseline=800, height=6, text=HEADER),
        _Line(left=40, baseline=710, height=6, text="Voorzitter: de heer Björn Rzoska"),
    ]
    assert [line.text for line in _reading_order(drawn)] == [
        f"{HEADER} 25",
        "Voorzitter: de heer Björn Rzoska",
        "Anna Peeters (Groen): Dank u.",
        "Vlaams Parlement 25",
    ]


@settings(max_examples=8, derandomize=True, deadline=None)
@given(st.randoms(use_true_random=False), st.integers(min_value=12, max_value=45))
def test_random_reports_typeset_as_pdf_give_back_every_word(tmp_path_factory, rng, page_size):
    """The property test's random reports, typeset with pages of ``page_size`` lines."""
    expected = Builder(rng).report(paginate=False)
    header = expected.lines[0].kind == "unplaced"  # a line before the first heading
    lines = [line.text for line in expected.lines]
    path = write_pdf(pages_of(lines, page_size), tmp_path_factory.mktemp("random") / "r.pdf")
    turns, report = dk.read_transcript(path, report=True)
    got = turns[["speaker", "role", "item"]].astype(object)
    got = got.where(got.notna(), None).values.tolist()
    assert got == [[t["speaker"], t["role"], t["item"]] for t in expected.turns]
    for text, turn in zip(turns["text"], expected.turns, strict=True):
        assert text.split() == turn["words"]
    assert report.items["title"].tolist() == [h["title"] for h in expected.headings]
    assert report.counts()["unplaced"] == (1 if header else 0)
