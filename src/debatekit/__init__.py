"""debatekit: Flemish Parliament debate transcripts as tidy pandas tables.

>>> import debatekit as dk
>>> turns = dk.read_transcript(dk.sample_path())
>>> dk.speaking_stats(turns).head()  # doctest: +SKIP

Every name below is public; everything in a module starting with ``_`` is not.
"""

from __future__ import annotations

from ._analyzer import (
    Analyzer,
    Results,
    analyze,
    analyzers,
    get_analyzer,
    list_analyzers,
    register_analyzer,
)
from ._errors import (
    AnalyzerError,
    BinaryFileError,
    DebatekitError,
    DebatekitWarning,
    EmptyTranscriptError,
    EncodingWarning,
    ModelFallbackWarning,
    NoTextLayerError,
    NotFittedError,
    NoTurnsError,
    PdfReadError,
    RecordsError,
    SchemaError,
    StanceError,
    TranscriptError,
    UnknownAnalyzerError,
    UnsupportedFormatError,
)
from ._interactions import interactions
from ._io import CorpusResult, read_corpus, read_text, read_transcript, sample_path
from ._labels import Speaker, parse_dutch_date, parse_speaker
from ._parse import parse_transcript
from ._records import from_records
from ._report import LINE_KINDS, ParseReport, ParseResult
from ._schema import TURN_COLUMNS
from ._stance import (
    StanceAnalyzer,
    government_stance,
    speaker_similarity,
    validate_similarity,
)
from ._stance_plots import plot_interactions, plot_similarity, plot_speaker_map
from ._stats import SpeakingStats, speaking_stats

__version__ = "0.1.0"

__all__ = [
    # reading
    "read_transcript",
    "parse_transcript",
    "read_corpus",
    "read_text",
    "from_records",
    "sample_path",
    "ParseReport",
    "ParseResult",
    "CorpusResult",
    "LINE_KINDS",
    "TURN_COLUMNS",
    "Speaker",
    "parse_speaker",
    "parse_dutch_date",
    # analyzers
    "Analyzer",
    "Results",
    "analyze",
    "analyzers",
    "get_analyzer",
    "list_analyzers",
    "register_analyzer",
    "SpeakingStats",
    "speaking_stats",
    # errors and warnings
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
    # stance: who sides with whom
    "StanceAnalyzer",
    "speaker_similarity",
    "interactions",
    "government_stance",
    "validate_similarity",
    "plot_similarity",
    "plot_speaker_map",
    "plot_interactions",
    "StanceError",
    "__version__",
]
