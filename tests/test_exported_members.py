"""The public surface is exactly what is intended (as httpx checks its own)."""

from __future__ import annotations

import debatekit as dk

INTENDED = {
    # reading
    "read_transcript",
    "parse_transcript",
    "read_corpus",
    "read_text",
    "from_records",
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
    "TranscriptNotFoundError",
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
}


def test_public_names_are_exactly_the_intended_ones():
    assert set(dk.__all__) == INTENDED
    assert len(dk.__all__) == len(set(dk.__all__))


def test_public_classes_and_functions_say_they_are_debatekits():
    import inspect

    for name in dk.__all__:
        obj = getattr(dk, name)
        if inspect.isclass(obj) or inspect.isfunction(obj):
            assert obj.__module__ == "debatekit", name
    assert repr(dk.TopicAnalyzer).startswith("<class 'debatekit.TopicAnalyzer'")


def test_every_public_name_exists_and_private_modules_declare_all():
    for name in dk.__all__:
        assert hasattr(dk, name), name
    import importlib
    import pkgutil

    for module in pkgutil.iter_modules(dk.__path__):
        if module.name.startswith("_"):
            mod = importlib.import_module(f"debatekit.{module.name}")
            assert isinstance(getattr(mod, "__all__", None), list), module.name


def test_importing_debatekit_does_not_import_heavy_libraries():
    import os
    import subprocess
    import sys
    from pathlib import Path

    code = (
        "import sys, debatekit; "
        "print(sorted(m for m in ('spacy', 'torch', 'sentence_transformers', 'text_to_num', "
        "'matplotlib', 'pypdfium2') if m in sys.modules))"
    )
    src = str(Path(__file__).resolve().parents[1] / "src")
    env = {**os.environ, "PYTHONPATH": src}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    assert out.stdout.strip() == "[]"
