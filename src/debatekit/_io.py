"""Reading reports from disk: text files, PDFs, and whole folders of them."""

from __future__ import annotations

import glob
import os
import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, NamedTuple

import pandas as pd

from ._errors import (
    BinaryFileError,
    DebatekitError,
    DebatekitWarning,
    EmptyTranscriptError,
    EncodingWarning,
    Errors,
    NoTextLayerError,
    PdfReadError,
    TranscriptError,
    UnsupportedFormatError,
    Warnings,
)
from ._parse import parse_rows, parse_transcript
from ._report import ParseReport, ParseResult
from ._schema import build_turns

__all__ = [
    "read_text",
    "read_transcript",
    "read_corpus",
    "CorpusResult",
    "sample_path",
    "SUFFIXES",
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
    here = Path(__file__).resolve().parent
    for candidate in (here / "data" / _SAMPLE, here.parents[1] / "data" / "sample" / _SAMPLE):
        if candidate.exists():
            return candidate
    raise FileNotFoundError(f"The sample transcript {_SAMPLE} is missing from the install.")


def _decode(data: bytes, path: str) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding)
    nul = data.find(b"\x00")
    if nul != -1:
        raise BinaryFileError(Errors.E002.format(offset=nul), path=path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        warnings.warn(
            Warnings.W001.format(path=path, offset=exc.start), EncodingWarning, stacklevel=4
        )
        # cp1252 leaves five bytes undefined; latin-1 maps them rather than failing.
        return "".join(
            chunk.decode("cp1252", errors="strict") if ok else chunk.decode("latin-1")
            for chunk, ok in _cp1252_runs(data)
        )


def _cp1252_runs(data: bytes) -> Iterable[tuple[bytes, bool]]:
    undefined = {0x81, 0x8D, 0x8F, 0x90, 0x9D}
    start = 0
    for i, byte in enumerate(data):
        if byte in undefined:
            if start < i:
                yield data[start:i], True
            yield data[i : i + 1], False
            start = i + 1
    if start < len(data):
        yield data[start:], True


def _pdf_text(path: str) -> str:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(path)
    except pdfium.PdfiumError as exc:
        raise PdfReadError(Errors.E006.format(cause=exc), path=path) from None
    try:
        pages = []
        for page in pdf:
            textpage = page.get_textpage()
            pages.append(textpage.get_text_range())
            textpage.close()
            page.close()
    finally:
        pdf.close()
    if not any(p.strip() for p in pages):
        raise NoTextLayerError(Errors.E003, path=path)
    # A form feed marks each new page, as pdftotext writes it.
    return "\f".join(p.replace("\r\n", "\n").replace("\r", "\n").rstrip("\n") for p in pages)


def read_text(path: str | os.PathLike[str]) -> str:
    """Read a report's text: a ``.txt`` file, or the text layer of a ``.pdf``.

    Raises
    ------
    FileNotFoundError, EmptyTranscriptError, BinaryFileError, NoTextLayerError,
    PdfReadError, UnsupportedFormatError
    """
    name = os.fspath(path)
    file = Path(name)
    if not file.is_file():
        raise FileNotFoundError(Errors.E011.format(path=name, cwd=Path.cwd()))
    suffix = file.suffix.lower()
    if suffix not in SUFFIXES:
        raise UnsupportedFormatError(Errors.E005.format(suffix=suffix or file.name), path=name)
    if file.stat().st_size == 0:
        raise EmptyTranscriptError(Errors.E001, path=name)
    if suffix == ".pdf":
        return _pdf_text(name)
    text = _decode(file.read_bytes(), name)
    if not text.strip():
        raise EmptyTranscriptError(Errors.E001, path=name)
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
    text = read_text(path)
    return parse_transcript(text, os.fspath(path), meeting=meeting, date=date, report=report)


class CorpusResult(NamedTuple):
    """Turns of many reports, their parse reports, and the files that failed."""

    turns: pd.DataFrame
    reports: dict[str, ParseReport]
    failures: pd.DataFrame


@dataclass
class _Failure:
    source: str
    error: str
    message: str


def _expand(spec: str | os.PathLike[str] | Iterable[str | os.PathLike[str]]) -> list[str]:
    if isinstance(spec, (str, os.PathLike)):
        name = os.fspath(spec)
        if Path(name).is_dir():
            files = [p for p in sorted(Path(name).iterdir()) if p.suffix.lower() in SUFFIXES]
            return [os.fspath(p) for p in files]
        if glob.has_magic(name):
            return sorted(glob.glob(name, recursive=True))
        return [name]
    return [os.fspath(p) for p in spec]


def _describe(spec: object) -> str:
    return os.fspath(spec) if isinstance(spec, (str, os.PathLike)) else str(list(spec))


def read_corpus(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    errors: Literal["warn", "raise", "ignore"] = "warn",
    progress: bool = True,
    report: bool = False,
) -> pd.DataFrame | CorpusResult:
    """Read many reports into one turns table.

    Parameters
    ----------
    paths
        Files, a folder (its ``.txt`` and ``.pdf`` files), or a glob such as
        ``"reports/**/*.pdf"``.
    errors
        What a file that cannot be read does: ``"warn"`` (one warning naming
        every such file and why, the rest are read), ``"raise"``, or
        ``"ignore"``.
    progress
        Show a progress bar.
    report
        Return a :class:`CorpusResult` with the parse reports and the failures.

    Returns
    -------
    pandas.DataFrame or CorpusResult
    """
    from tqdm.auto import tqdm

    if errors not in ("warn", "raise", "ignore"):
        raise ValueError(f"errors={errors!r}: choose 'warn', 'raise' or 'ignore'.")
    files = _expand(paths)
    if not files:
        raise TranscriptError(Errors.E012.format(spec=_describe(paths)))
    rows: list[dict] = []
    reports: dict[str, ParseReport] = {}
    failures: list[_Failure] = []
    for file in tqdm(files, desc="Reading transcripts", unit="file", disable=not progress):
        try:
            file_rows, parse_report = parse_rows(read_text(file), file)
        except (DebatekitError, OSError) as exc:
            if errors == "raise":
                raise
            failures.append(_Failure(file, type(exc).__name__, str(exc)))
            continue
        rows.extend(file_rows)
        reports[file] = parse_report
    if failures and errors == "warn":
        details = "; ".join(f"{f.source} ({f.message})" for f in failures)
        warnings.warn(
            Warnings.W003.format(n=len(failures), total=len(files), details=details),
            DebatekitWarning,
            stacklevel=2,
        )
    turns = build_turns(rows)
    failure_table = pd.DataFrame(
        [f.__dict__ for f in failures], columns=["source", "error", "message"]
    )
    if report:
        return CorpusResult(turns, reports, failure_table)
    return turns
