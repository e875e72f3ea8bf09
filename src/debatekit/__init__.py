"""debatekit: Flemish Parliament debate transcripts as tidy pandas tables.

>>> import debatekit as dk
>>> turns = dk.read_transcript(dk.sample_path())
>>> dk.speaking_stats(turns).head()  # doctest: +SKIP

Every name below is public; everything in a module starting with ``_`` is not.
"""

from __future__ import annotations

from . import dask
from ._errors import (
    AnalyzerError,
    BinaryFileError,
    DebatekitError,
    DebatekitWarning,
    EmbedderError,
    EmptyTranscriptError,
    EncodingWarning,
    GazetteerError,
    MembersError,
    MissingDependencyError,
    ModelFallbackWarning,
    NamesWarning,
    NoTextLayerError,
    NotFittedError,
    NoTurnsError,
    ParameterError,
    ParseWarning,
    PdfReadError,
    RecordsError,
    SchemaError,
    StanceError,
    TranscriptError,
    TranscriptNotFoundError,
    UnknownAnalyzerError,
    UnsupportedFormatError,
    VoteCountWarning,
    VotesError,
)
from ._schema import TURN_COLUMNS
from ._stream import analyze_dataset, iter_turns, read_dataset, read_turns
from ._version import __version__
from .analyzers._base import (
    Analyzer,
    Results,
    analyze,
    analyzers,
    get_analyzer,
    list_analyzers,
    register_analyzer,
)
from .analyzers.entities._entities import EntityRecognizer, entities
from .analyzers.entities._gazetteer import GAZETTEER_COLUMNS, load_gazetteer
from .analyzers.entities._views import entity_summary, render_entities
from .analyzers.numbers._figure_match import FigureComparison, compare_figures
from .analyzers.numbers._numbers import Numbers, numbers
from .analyzers.numbers._plot import plot_numbers
from .analyzers.stance._interactions import Interactions, interactions
from .analyzers.stance._plots import plot_interactions, plot_similarity, plot_speaker_map
from .analyzers.stance._positions import speaker_positions
from .analyzers.stance._stance import (
    StanceAnalyzer,
    government_stance,
    speaker_similarity,
    validate_similarity,
)
from .analyzers.stance._validate import validate_positions
from .analyzers.stats import SpeakingStats, plot_speaking_stats, speaking_stats
from .analyzers.text._dfm import Dfm, dfm
from .analyzers.text._dictionary import DictionaryCounts, dictionary_counts
from .analyzers.text._keyness import frequencies, keyness
from .analyzers.text._kwic import Kwic, KwicResult, kwic
from .analyzers.topics._result import TopicResult
from .analyzers.topics._topics import TopicAnalyzer, topics
from .analyzers.votes._agreement import party_cohesion, vote_agreement, vote_matrix
from .analyzers.votes._plot import plot_votes
from .analyzers.votes._read import TOTAL_COLUMNS, VOTE_COLUMNS, read_vote_totals, read_votes
from .embed._embedders import (
    Embedder,
    EmbeddingCache,
    SentenceTransformerEmbedder,
    TfidfEmbedder,
    get_embedder,
)
from .lang._dates import parse_dutch_date
from .lang._stop_words import dutch_stop_words
from .parse._read import (
    PDF_LIMITS,
    CorpusResult,
    read_corpus,
    read_text,
    read_transcript,
    sample_path,
)
from .parse._readers import Reader, parse_transcript, register_reader
from .parse._records import from_records
from .parse._report import LINE_KINDS, ParseReport, ParseResult
from .parse.flemish._labels import Speaker, parse_speaker
from .politics._governments import blocs, governments
from .politics._members import (
    MEMBER_COLUMNS,
    NameMatcher,
    join_members,
    kamer_members,
    load_members,
)
from .politics._palette import PARTY_COLOURS, party_colour, party_palette

__all__ = [
    # reading
    "read_transcript",
    "parse_transcript",
    "read_corpus",
    "read_text",
    "from_records",
    # scaling: Parquet datasets chunk by chunk (docs/scaling.md)
    "read_turns",
    "iter_turns",
    "analyze_dataset",
    "read_dataset",
    "dask",
    "sample_path",
    "PDF_LIMITS",
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
    "Reader",
    "register_reader",
    "SpeakingStats",
    "speaking_stats",
    "plot_speaking_stats",
    # numbers
    "Numbers",
    "numbers",
    "compare_figures",
    "FigureComparison",
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
    "ParseWarning",
    # stance: who sides with whom
    "StanceAnalyzer",
    "speaker_similarity",
    "interactions",
    "Interactions",
    "government_stance",
    "validate_similarity",
    "plot_similarity",
    "plot_speaker_map",
    "plot_interactions",
    "StanceError",
    "governments",
    "blocs",
    "speaker_positions",
    "validate_positions",
    # text tools
    "kwic",
    "Kwic",
    "KwicResult",
    "dfm",
    "Dfm",
    "keyness",
    "frequencies",
    "dictionary_counts",
    "DictionaryCounts",
    # votes and members
    "read_votes",
    "read_vote_totals",
    "VOTE_COLUMNS",
    "TOTAL_COLUMNS",
    "vote_agreement",
    "vote_matrix",
    "party_cohesion",
    "plot_votes",
    "kamer_members",
    "load_members",
    "join_members",
    "NameMatcher",
    "MEMBER_COLUMNS",
    "VotesError",
    "MembersError",
    "VoteCountWarning",
    "NamesWarning",
    # party colours
    "PARTY_COLOURS",
    "party_colour",
    "party_palette",
    "__version__",
]


def _own_public_objects() -> None:
    """Show public classes and functions as ``debatekit.X`` (in reprs, help and tracebacks)."""
    for name in __all__:
        obj = globals()[name]
        if isinstance(obj, type) or callable(obj) and hasattr(obj, "__module__"):
            try:
                obj.__module__ = __name__
            except (AttributeError, TypeError):  # a builtin or a C type
                pass


_own_public_objects()
