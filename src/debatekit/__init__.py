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
from ._embed import (
    Embedder,
    EmbeddingCache,
    SentenceTransformerEmbedder,
    TfidfEmbedder,
    dutch_stop_words,
    get_embedder,
)
from ._entities import EntityRecognizer, entities
from ._entity_views import entity_summary, render_entities
from ._errors import (
    AnalyzerError,
    BinaryFileError,
    DebatekitError,
    DebatekitWarning,
    EmbedderError,
    EmptyTranscriptError,
    EncodingWarning,
    GazetteerError,
    MissingDependencyError,
    ModelFallbackWarning,
    NoTextLayerError,
    NotFittedError,
    NoTurnsError,
    ParameterError,
    PdfReadError,
    RecordsError,
    SchemaError,
    StanceError,
    TranscriptError,
    TranscriptNotFoundError,
    UnknownAnalyzerError,
    UnsupportedFormatError,
)
from ._figure_match import compare_figures
from ._gazetteer import GAZETTEER_COLUMNS, load_gazetteer
from ._interactions import interactions
from ._io import CorpusResult, read_corpus, read_text, read_transcript, sample_path
from ._labels import Speaker, parse_dutch_date, parse_speaker
from ._numbers import Numbers, numbers
from ._numbers_plot import plot_numbers
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
from ._stats import SpeakingStats, plot_speaking_stats, speaking_stats
from ._topics import TopicAnalyzer, topics
from ._topics_result import TopicResult
from ._version import __version__

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
    "plot_speaking_stats",
    # numbers
    "Numbers",
    "numbers",
    "compare_figures",
    "plot_numbers",
    # entities
    "entities",
    "EntityRecognizer",
    "load_gazetteer",
    "GAZETTEER_COLUMNS",
    "entity_summary",
    "render_entities",
    "GazetteerError",
    # topics and embedders
    "Embedder",
    "EmbeddingCache",
    "TfidfEmbedder",
    "SentenceTransformerEmbedder",
    "get_embedder",
    "dutch_stop_words",
    "topics",
    "TopicAnalyzer",
    "TopicResult",
    "EmbedderError",
    "MissingDependencyError",
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
    "ParameterError",
    "AnalyzerError",
    "UnknownAnalyzerError",
    "NotFittedError",
    # parser: a path that is no file
    "TranscriptNotFoundError",
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
