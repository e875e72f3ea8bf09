"""Reading reports from disk: text files, PDFs, and whole folders of them."""

from __future__ import annotations

import codecs
import gc
import glob
import os
import re
import statistics
import warnings
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Literal, NamedTuple

import pandas as pd

from .._errors import (
    BinaryFileError,
    DebatekitError,
    DebatekitWarning,
    EmptyTranscriptError,
    EncodingWarning,
    Errors,
    NoTextLayerError,
    ParameterError,
    PdfReadError,
    TranscriptError,
    TranscriptNotFoundError,
    UnsupportedFormatError,
    message,
)
from .._progress import PROGRESS
from .._schema import build_turns
from .._validation import check_choice
from ._readers import reader_for_file, suffixes, text_rows
from ._report import ParseReport, ParseResult
from .flemish._furniture import furniture_kind

__all__ = [
    "read_text",
    "read_transcript",
    "read_corpus",
    "CorpusResult",
    "sample_path",
    "SUFFIXES",
    "PDF_LIMITS",
]

SUFFIXES = (".txt", ".pdf")
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_SAMPLE = "vlaams-parlement_C190_2024-03-28.txt"


def sample_path() -> Path:
    """The path of the sample transcript shipped with debatekit.

    Meeting C190 (2023-2024) of the Flemish Parliament's committee on economy,
    work and innovation, 28 March 2024: ten debates with minister Jo Brouns.
    """
    here = Path(__file__).resolve().parents[1]
    for candidate in (here / "data" / _SAMPLE, here.parents[1] / "data" / "sample" / _SAMPLE):
        if candidate.exists():
            return candidate
    raise FileNotFoundError(f"The sample transcript {_SAMPLE} is missing from the install.")


# Control characters that text has no use for; form feeds and tabs are fine.
_CONTROL = bytes(b for b in range(32) if b not in b"\t\n\v\f\r")
_SNIFF = 8192


def _check_not_binary(data: bytes, path: str) -> None:
    nul = data.find(b"\x00")
    if nul != -1:
        raise BinaryFileError(Errors.E002.format(offset=nul), path=path)
    window = data[:_SNIFF]
    count = len(window) - len(window.translate(None, _CONTROL))
    # A stray control character happens in exported text; many mean data.
    if count >= 8 and count > len(window) // 100:
        offset = next(i for i, b in enumerate(window) if b in _CONTROL)
        raise BinaryFileError(
            Errors.E053.format(count=count, window=len(window), offset=offset), path=path
        )


def _cp1252_bytes(exc: UnicodeError) -> tuple[str, int]:
    """Decode the bytes that are not UTF-8 as Windows-1252, and only those.

    One stray byte in a UTF-8 file must not turn every accented name into
    mojibake, as decoding the whole file another way would.
    """
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    bad = exc.object[exc.start : exc.end]
    # cp1252 leaves five bytes undefined; latin-1 maps them rather than failing.
    text = "".join(
        bytes([b]).decode("latin-1" if b in _CP1252_UNDEFINED else "cp1252") for b in bad
    )
    return text, exc.end


_CP1252_UNDEFINED = frozenset({0x81, 0x8D, 0x8F, 0x90, 0x9D})
codecs.register_error("debatekit-cp1252", _cp1252_bytes)


def _utf16_without_bom(data: bytes) -> str | None:
    """``"utf-16-le"`` or ``"-be"`` for text whose every other byte is NUL (no BOM)."""
    sample = data[:_SNIFF] if len(data) > 1 else b""
    if len(sample) < 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def _decode(data: bytes, path: str) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            if encoding == "utf-8-sig":  # a BOM, and perhaps bytes of another encoding after it
                return _decode_utf8(data[len(bom) :], path)
            return data.decode(encoding, errors="replace")
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return data.decode(utf16, errors="replace")
    _check_not_binary(data, path)
    return _decode_utf8(data, path)


def _decode_utf8(data: bytes, path: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        text = message(
            "W050",
            path=path,
            line=data.count(b"\n", 0, exc.start) + 1,
            byte=data[exc.start],
            offset=exc.start,
        )
        warnings.warn(text, EncodingWarning, stacklevel=5)
        return data.decode("utf-8", errors="debatekit-cp1252")


#: Limits on a PDF, checked before its text is extracted; raise them with
#: ``dk.PDF_LIMITS["max_pages"] = 5000`` for a report that is really that long.
PDF_LIMITS = {"max_pages": 3000, "max_bytes": 200_000_000}


def _open_pdf(path: str) -> object:
    import pypdfium2 as pdfium

    size = Path(path).stat().st_size
    if size > PDF_LIMITS["max_bytes"]:
        raise PdfReadError(
            message("E029", what="bytes", n=size, limit=PDF_LIMITS["max_bytes"], key="max_bytes"),
            path=path,
            code="E029",
        )
    try:
        pdf = pdfium.PdfDocument(path)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise PdfReadError(message("E028"), path=path, code="E028") from None
        raise PdfReadError(Errors.E006.format(cause=exc), path=path) from None
    if len(pdf) > PDF_LIMITS["max_pages"]:
        n = len(pdf)
        pdf.close()
        raise PdfReadError(
            message("E029", what="pages", n=n, limit=PDF_LIMITS["max_pages"], key="max_pages"),
            path=path,
            code="E029",
        )
    return pdf


def _pdf_text(path: str) -> str:
    import pypdfium2 as pdfium

    pdf = _open_pdf(path)
    try:
        pages = []
        for page in pdf:
            textpage = page.get_textpage()
            pages.append("\n".join(_page_lines(textpage)))
            textpage.close()
            page.close()
    except pdfium.PdfiumError as exc:
        raise PdfReadError(Errors.E006.format(cause=exc), path=path) from None
    finally:
        pdf.close()
    if not any(p.strip() for p in pages):
        raise NoTextLayerError(Errors.E003, path=path)
    empty = [str(i) for i, page in enumerate(pages, start=1) if not page.strip()]
    if empty:  # scanned pages among pages with text: their turns would be missing
        warnings.warn(
            message("W008", path=path, n=len(empty), total=len(pages), pages=", ".join(empty[:10])),
            DebatekitWarning,
            stacklevel=4,
        )
    # A form feed starts each new page's first line, as pdftotext writes it.
    return "\n\f".join(pages)


# pdfium marks a hyphen it took for a line-end break with U+FFFE (older builds: U+0002).
_PDF_HYPHENS = ("\ufffe", "\x02")
_PDF_BREAK = re.compile("\ufffe|\x02|\r\n|\r|\n")


class _Line(NamedTuple):
    left: float
    baseline: float
    height: float
    text: str


def _baseline_index(segment: str) -> int:
    """The offset of a character on the baseline: a letter or digit without a descender."""
    for offset, char in enumerate(segment):
        if char.isalnum() and char not in "gjpqyQJ":
            return offset
    return len(segment) - len(segment.lstrip())


def _positioned_lines(textpage: object) -> list[_Line]:
    """The page's text lines, each placed by the tight box of a character on its baseline.

    Tight boxes, not pdfium's "loose" ones: those come out absurdly tall for
    some characters in some pypdfium2 releases (pypdfium2 issue 421).
    """
    text = textpage.get_text_range()
    last_index = textpage.count_chars() - 1
    lines: list[_Line] = []

    def add(start: int, segment: str) -> None:
        stripped = segment.strip()
        if stripped:
            # Characters beyond the BMP take two indices; keep within the page.
            index = min(start + _baseline_index(segment), last_index)
            first = min(start + len(segment) - len(segment.lstrip()), last_index)
            _, bottom, _, top = textpage.get_charbox(index)
            left = textpage.get_charbox(first)[0]
            lines.append(_Line(left, bottom, max(top - bottom, 1.0), " ".join(stripped.split())))

    # pdfium's text has one character per char index, line breaks included. It
    # joins a word hyphenated at a line end itself, marking the hyphen U+FFFE;
    # the break is restored so that the parser decides (Dutch keeps some).
    start = 0
    for m in _PDF_BREAK.finditer(text):
        add(start, text[start : m.start()] + ("-" if m.group() in _PDF_HYPHENS else ""))
        start = m.end()
    add(start, text[start:])
    return lines


def _reading_order(lines: list[_Line]) -> list[_Line]:
    """Lines from the top of the page down, pieces on one baseline joined.

    The content stream may draw the footer before the speech, or a page number
    apart from its header; reading by position gives a reader's order.
    """
    merged: list[_Line] = []
    for line in sorted(lines, key=lambda x: (-x.baseline, x.left)):
        last = merged[-1] if merged else None
        if last is not None and last.baseline - line.baseline < 0.5 * last.height:
            first, second = sorted((last, line), key=lambda x: x.left)
            merged[-1] = last._replace(left=first.left, text=f"{first.text} {second.text}")
        else:
            merged.append(line)
    return merged


def _line_pitch(lines: list[_Line]) -> float:
    """The distance from one line to the next within a paragraph, or 0 if unknown.

    The smallest step between lines, not the usual one: on a page of short
    paragraphs most steps span a blank line. Steps much smaller than a line's
    height (a superscript) do not count.
    """
    if not lines:
        return 0.0
    height = statistics.median(line.height for line in lines)
    steps = [a.baseline - b.baseline for a, b in pairwise(lines)]
    return min((step for step in steps if step > 0.8 * height), default=0.0)


def _page_lines(textpage: object) -> list[str]:
    """The lines of one PDF page, with a blank line where a wider gap parts paragraphs.

    Page furniture gets no blank lines around it: a page break is no evidence
    of a paragraph break, and the parser joins a paragraph across it.
    """
    lines = _reading_order(_positioned_lines(textpage))
    furniture = [furniture_kind(line.text) is not None for line in lines]
    body = [line for line, aside in zip(lines, furniture, strict=True) if not aside]
    pitch = _line_pitch(body)
    out: list[str] = []
    previous: _Line | None = None
    for line, aside in zip(lines, furniture, strict=True):
        if aside:
            out.append(line.text)
            continue
        if previous is not None and pitch and previous.baseline - line.baseline > 1.5 * pitch:
            out.append("")
        out.append(line.text)
        previous = line
    return out


def _path_name(path: object, function: str) -> str:
    """The path as a string, or a numbered error for what is no path."""
    if hasattr(path, "read") and hasattr(path, "name"):  # an open file
        raise ParameterError(
            message(
                "E026",
                function=function,
                got="an open file",
                hint=(f"pass its name: dk.{function}({getattr(path, 'name', 'path')!r})"),
            )
        )
    if not isinstance(path, (str, os.PathLike)) or isinstance(path, bytes):
        hint = (
            "read several files with dk.read_corpus(paths)"
            if isinstance(path, (list, tuple))
            else "pass the file's path as a str or pathlib.Path"
        )
        raise ParameterError(
            message("E026", function=function, got=f"a {type(path).__name__}", hint=hint)
        )
    name = os.fspath(path)
    if not name.strip():
        raise ParameterError(message("E027", function=function))
    return name


def read_text(path: str | os.PathLike[str]) -> str:
    """Read a report's text: a ``.txt`` file, or the text layer of a ``.pdf``.

    Parameters
    ----------
    path
        The file.

    Returns
    -------
    str
        The text; a PDF's pages are separated by form feeds.

    Raises
    ------
    TranscriptNotFoundError
        No such file, or a folder.
    UnsupportedFormatError
        Neither ``.txt`` nor ``.pdf``.
    EmptyTranscriptError
        No bytes, or only white space.
    BinaryFileError
        Data, not text.
    NoTextLayerError, PdfReadError
        A scanned or a damaged PDF.

    Warns
    -----
    EncodingWarning
        The text is not UTF-8 and was decoded as Windows-1252.
    """
    name = _path_name(path, "read_text")
    file = Path(name)
    if file.is_dir():
        raise TranscriptNotFoundError(Errors.E051.format(path=name), path=name, code="E051")
    if not file.is_file():
        raise TranscriptNotFoundError(Errors.E050.format(cwd=Path.cwd()), path=name)
    suffix = file.suffix.lower()
    if suffix not in SUFFIXES:
        raise UnsupportedFormatError(Errors.E005.format(suffix=suffix or file.name), path=name)
    size = file.stat().st_size
    if size == 0:
        raise EmptyTranscriptError(Errors.E001, path=name)
    if suffix == ".pdf":
        return _pdf_text(name)
    text = _decode(file.read_bytes(), name)
    if not text.strip():
        raise EmptyTranscriptError(Errors.E052.format(size=size), path=name, code="E052")
    return text


def read_transcript(
    path: str | os.PathLike[str],
    *,
    meeting: str | None = None,
    date: object = None,
    report: bool = False,
) -> pd.DataFrame | ParseResult:
    """Read one Flemish Parliament report (``.txt`` or ``.pdf``) into a turns table.

    Parameters
    ----------
    path
        The report.
    meeting, date
        Override what the page header says.
    report
        Also return the :class:`~debatekit.ParseReport`.

    Returns
    -------
    pandas.DataFrame or ParseResult
        One row per speaker turn (``docs/schema.md``), or ``(turns, report)``.

    Raises
    ------
    TranscriptError
        Or a subclass, naming the file and what to do: empty, binary, no text
        layer, no speaker turns.

    Examples
    --------
    >>> import debatekit as dk
    >>> turns = dk.read_transcript(dk.sample_path())
    >>> turns["item"].nunique()
    10
    """
    name = _path_name(path, "read_transcript")
    reader = reader_for_file(name)  # a markup file (a Chamber .html), or None
    if reader is not None:
        rows, parse_report = reader.read_rows(name, meeting=meeting, date=date)
    else:  # read_text here, not deeper, so that its warnings point at the caller
        text = read_text(name)
        rows, parse_report = text_rows(text, name, meeting=meeting, date=date)
    turns = build_turns(rows)
    return ParseResult(turns, parse_report) if report else turns


class CorpusResult(NamedTuple):
    """Turns of many reports, their parse reports, and the files that failed."""

    turns: pd.DataFrame
    reports: dict[str, ParseReport]
    failures: pd.DataFrame

    def _repr_html_(self) -> str:
        return (
            f"<p>{len(self.turns)} turns from {len(self.reports)} transcript(s); "
            f"{len(self.failures)} could not be read.</p>"
            + (self.failures._repr_html_() if len(self.failures) else "")
            + self.turns.head()._repr_html_()
        )


@dataclass
class _Failure:
    source: str
    error: str
    line: int | None
    message: str

    @classmethod
    def of(cls, source: str, exc: Exception) -> _Failure:
        message = str(exc)
        if source not in message:  # an OSError may not name the file
            message = f"{source}: {message}"
        return cls(source, type(exc).__name__, getattr(exc, "line", None), message)


def _expand(spec: str | os.PathLike[str] | Iterable[str | os.PathLike[str]]) -> list[str]:
    if not isinstance(spec, (str, os.PathLike)):
        return [file for one in spec for file in _expand(one)]
    name = os.fspath(spec)
    if Path(name).is_dir():
        known = suffixes()
        files = [p for p in sorted(Path(name).iterdir()) if p.suffix.lower() in known]
        return [os.fspath(p) for p in files]
    if glob.has_magic(name) and not Path(name).exists():
        return sorted(glob.glob(name, recursive=True))
    return [name]


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a corpus is read.

    Parsing allocates millions of small objects and no reference cycles, so the
    collector's passes over the growing heap cost a tenth of the time and free
    nothing; reference counting still frees everything as usual.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _nothing_to_read(paths: object) -> TranscriptError:
    """E012, or E024 naming the subfolders and the other files where a folder has no report."""
    spec = _describe(paths)
    folder = Path(spec) if isinstance(paths, (str, os.PathLike)) else None
    if folder is not None and folder.is_dir():
        subfolders = sorted(p.name for p in folder.iterdir() if p.is_dir())
        nested = [d for d in subfolders if any(_reports_under(folder / d))]
        others = sorted(p.name for p in folder.iterdir() if p.is_file())
        return TranscriptError(
            message(
                "E024",
                n_sub=len(nested),
                subfolders=", ".join(nested[:5]) or "none",
                glob=os.path.join(spec, "**", "*.txt"),
                others=", ".join(others[:5]) or "none",
            ),
            path=spec,
            code="E024",
        )
    return TranscriptError(Errors.E012.format(spec=spec), path=spec, code="E012")


def _reports_under(folder: Path) -> Iterator[Path]:
    return (p for p in folder.rglob("*") if p.suffix.lower() in suffixes())


def _describe(spec: object) -> str:
    return os.fspath(spec) if isinstance(spec, (str, os.PathLike)) else str(list(spec))


def _warn_on_repeated_meetings(turns: pd.DataFrame) -> None:
    """One warning per meeting read from several files: their turn_ids collide."""
    sources = turns.groupby("meeting", dropna=True)["source"].unique()
    for meeting, files in sources[sources.map(len) > 1].items():
        named = ", ".join(files[:3]) + (f" and {len(files) - 3} more" if len(files) > 3 else "")
        text = message("W052", meeting=meeting, n=len(files), files=named)
        warnings.warn(text, DebatekitWarning, stacklevel=3)


def read_corpus(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    errors: Literal["warn", "raise", "ignore"] = "warn",
    progress: bool = PROGRESS,
    report: bool = False,
    n_jobs: int = 1,
    to: str | os.PathLike[str] | None = None,
) -> pd.DataFrame | CorpusResult | Path:
    """Read many reports into one turns table.

    Parameters
    ----------
    paths
        Files, a folder (its ``.txt`` and ``.pdf`` files), a glob such as
        ``"reports/**/*.pdf"``, or a list of any of these.
    errors
        What a file that cannot be read does: ``"warn"`` (one warning naming
        every such file and why, the rest are read), ``"raise"``, or
        ``"ignore"``.
    progress
        Show a progress bar (one for the corpus, counting files).
    report
        Return a :class:`CorpusResult` with the parse reports and the failures
        (``source``, ``error``, ``line``, ``message``: one row per file that
        could not be read). Without it the parse reports are not kept.
    n_jobs
        Worker processes (``-1``: one per CPU). The files are read in chunks of
        a fixed size and put back in order, so the table is the same, bit for
        bit, whatever ``n_jobs`` is.
    to
        Write the turns, as they are read, to this Parquet dataset (a folder,
        partitioned by ``parliament`` and ``year``; see ``docs/scaling.md``)
        instead of returning them: memory stays flat however large the corpus.

    Returns
    -------
    pandas.DataFrame or CorpusResult or pathlib.Path
        The turns; with ``to=``, the dataset's path (with ``report=True``, a
        :class:`CorpusResult` whose ``turns`` is that path).

    Raises
    ------
    TranscriptError
        Nothing matched ``paths``; or, with ``errors="raise"``, the first file
        that cannot be read.
    ParameterError
        ``errors``, ``n_jobs`` or ``to`` is not a value it can take.

    Warns
    -----
    DebatekitWarning
        With ``errors="warn"``, one warning naming every file that was skipped
        and why.

    Examples
    --------
    >>> import debatekit as dk
    >>> result = dk.read_corpus([dk.sample_path()], progress=False, report=True)
    >>> len(result.turns), len(result.failures)
    (100, 0)
    """
    from .._parallel import check_n_jobs, chunk_slices, run_chunks
    from .._stream import TurnsWriter, check_target

    check_choice(errors, "errors", "read_corpus", ("warn", "raise", "ignore"))
    if paths is None or isinstance(paths, bytes) or hasattr(paths, "read"):
        raise ParameterError(
            message(
                "E026",
                function="read_corpus",
                got=type(paths).__name__,
                hint=("pass files, a folder or a glob such as 'reports/*.txt'"),
            )
        )
    check_n_jobs(n_jobs, "read_corpus")
    target = None if to is None else check_target(to, "read_corpus")
    files = _expand(paths)
    if not files:
        raise _nothing_to_read(paths)
    tasks = [(tuple(files[s]), report) for s in chunk_slices(len(files), _FILES_PER_CHUNK)]
    frames: list[pd.DataFrame] = []
    meetings: list[pd.DataFrame] = []
    reports: dict[str, ParseReport] = {}
    failures: list[_Failure] = []
    writer = None if target is None else TurnsWriter(target)
    chunks = run_chunks(
        _read_chunk,
        tasks,
        n_jobs=n_jobs,
        progress=progress,
        desc="Reading transcripts",
        unit="file",
        weights=[len(files) for files, _ in tasks],
        delay=0,  # a user waits on the files one by one
    )
    for frame, chunk_reports, chunk_failures in chunks:
        if chunk_failures and errors == "raise":
            _read_one(chunk_failures[0].source)  # raises the error itself
        failures.extend(chunk_failures)
        reports.update(chunk_reports)
        meetings.append(frame[["meeting", "source"]].drop_duplicates())
        if writer is None:
            frames.append(frame)
        else:
            writer.write(frame)
    if failures and errors == "warn":
        details = "; ".join(f.message for f in failures)
        warnings.warn(
            message("W051", n=len(failures), total=len(files), details=details),
            DebatekitWarning,
            stacklevel=2,
        )
    _warn_on_repeated_meetings(pd.concat(meetings, ignore_index=True))
    failure_table = pd.DataFrame(
        [f.__dict__ for f in failures], columns=["source", "error", "line", "message"]
    ).astype({"line": "Int64"})
    turns = writer.close() if writer is not None else _concat_turns(frames)
    if report:
        return CorpusResult(turns, reports, failure_table)
    return turns


# Files per task: enough to make a worker's start and the trip back cheap, few
# enough that two workers share a small corpus. It fixes the chunks, not n_jobs.
_FILES_PER_CHUNK = 8


def _read_one(file: str) -> tuple[list[dict], ParseReport]:
    """Read and parse one file into turn rows and its parse report.

    An unexpected error (a bug met on an unusual report) becomes a
    :class:`TranscriptError` naming the file, so that one file cannot stop a corpus.
    """
    try:
        reader = reader_for_file(file)
        if reader is not None:
            return reader.read_rows(file)
        return text_rows(read_text(file), file)
    except (DebatekitError, OSError):
        raise
    except Exception as exc:
        raise TranscriptError(
            message("E032", kind=type(exc).__name__, cause=exc), path=file, code="E032"
        ) from exc


def _read_chunk(
    task: tuple[tuple[str, ...], bool],
) -> tuple[pd.DataFrame, dict[str, ParseReport], list[_Failure]]:
    """Read some files (in a worker): their turns table, parse reports if kept, failures."""
    files, keep_reports = task
    rows: list[dict] = []
    reports: dict[str, ParseReport] = {}
    failures: list[_Failure] = []
    with _gc_paused():
        for file in files:
            try:
                file_rows, parse_report = _read_one(file)
            except (DebatekitError, OSError) as exc:
                failures.append(_Failure.of(file, exc))
                continue
            rows.extend(file_rows)
            if keep_reports:  # a report holds every line: 13 times the text's memory
                reports[file] = parse_report
    return build_turns(rows), reports, failures


def _concat_turns(frames: list[pd.DataFrame]) -> pd.DataFrame:
    frames = [frame for frame in frames if len(frame)]
    if not frames:
        return build_turns([])
    if len(frames) == 1:
        return frames[0]
    return pd.concat(frames, ignore_index=True)
