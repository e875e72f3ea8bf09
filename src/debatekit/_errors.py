"""One exception hierarchy and numbered messages that give cause and fix.

Every error debatekit raises derives from :class:`DebatekitError`. Errors about
an input file carry the file and, where it is known, the line, so that a user
can open the file at the place that went wrong.
"""

from __future__ import annotations

import re
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
    "ParameterError",
    "AnalyzerError",
    "UnknownAnalyzerError",
    "NotFittedError",
    "TranscriptNotFoundError",
    "GazetteerError",
    "DebatekitWarning",
    "EncodingWarning",
    "ModelFallbackWarning",
    "ParseWarning",
    "EmbedderError",
    "MissingDependencyError",
    "StanceError",
    "VotesError",
    "MembersError",
    "VoteCountWarning",
    "NamesWarning",
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
    E011 = "No such gazetteer file: {path}. Check the path (relative paths start at {cwd})."
    E012 = "No transcripts matched {spec!r}. Give files, a folder or a glob such as 'data/*.txt'."
    E015 = "Cannot write {path}: use one of {choices} (the suffix chooses the format)."
    E016 = (
        "Expected a turns DataFrame, got {type}. Build one with dk.read_transcript, "
        "dk.parse_transcript or dk.from_records."
    )
    E017 = "Unknown parameter(s) {params} for analyzer {name!r}. Its parameters: {known}."
    E018 = (
        "Parameters were given for {names}, which this call does not run (it runs "
        "{running}). Add the analyzer's name to the call, or check the spelling."
    )
    E019 = (
        "parse_transcript takes the report's text as a str, not a {got}. To read a file, "
        "use dk.read_transcript(path)."
    )
    E020 = (
        "parse_transcript was given {path!r}, which looks like a file name, not a report's "
        "text. Use dk.read_transcript({path!r})."
    )
    # the federal Chamber's reports: E500-E549
    E500 = (
        "No speaker turns found in {n} paragraphs of what looks like a Chamber report. A "
        "turn starts with a label such as '01.01 Sofie Merckx (PVDA-PTB):', 'Minister Frank "
        "Vandenbroucke:' or 'De voorzitter:'. First paragraph: {first!r}. Is the file a "
        "complete Integraal Verslag / Compte rendu intégral?"
    )
    E501 = (
        "This {suffix} file is not in a form debatekit reads: its first bytes show no "
        "report of a known parliament (a federal Chamber report is the Word HTML the "
        "Chamber publishes). Save the report's text as .txt, or give the Chamber's file."
    )
    # E021-E049, E056-E099: reading reports (the parser, from_records, files and PDFs)
    E021 = (
        "The 'date' parameter must be a date between 1677-09-22 and 2262-04-11 (a "
        "pandas.Timestamp, datetime or 'YYYY-MM-DD' string). Got {value!r} instead."
    )
    E024 = (
        "The folder holds no .txt or .pdf report itself. Reports in {n_sub} subfolder(s) "
        "({subfolders}): read them all with dk.read_corpus({glob!r}) (or '**/*.pdf'). Other "
        "files there: {others} (a .docx report must be saved as .txt or .pdf first)."
    )
    E026 = "{function} takes the path of a file, not {got}; {hint}."
    E027 = (
        "{function} was given an empty path (''). Pass the file's path, e.g. "
        "dk.{function}('reports/plenaire_2024-03-27.pdf')."
    )
    E028 = (
        "The PDF is encrypted (it asks for a password), so its text cannot be read. Open it "
        "with the password and save an unprotected copy (e.g. `qpdf --decrypt in.pdf out.pdf`)."
    )
    E029 = (
        "The PDF has {n} {what}, more than the limit of {limit} that protects against "
        "malformed or hostile files. If the file is a real report, raise the limit: "
        "dk.PDF_LIMITS[{key!r}] = {n}."
    )
    E032 = (
        "The file could not be read: an unexpected {kind} ({cause}). The other files are "
        "read; please report this file."
    )
    E033 = "from_records: no such file {path}. Check the path (a relative path starts at {cwd})."
    E034 = (
        "from_records could not read {path}: {cause}. Check that the file is what its suffix says."
    )
    E035 = (
        "from_records takes a DataFrame, a list of dictionaries (one per speech) or the path "
        "of a .csv, .parquet, .jsonl or .json file, not {got}."
    )
    E036 = "The 'source' parameter of from_records must be a str (a name). Got {value!r} instead."
    E050 = "No such file. Check the path and its spelling (a relative path starts at {cwd})."
    E051 = (
        "This is a folder, not a file. Read every report in it with "
        "dk.read_corpus({path!r}), or name one file in it."
    )
    E052 = (
        "The file holds only white space ({size} bytes) and no text. Export the "
        "report's text again, or check that the download finished."
    )
    E053 = (
        "The file looks binary ({count} control characters in its first {window} bytes, "
        "the first at offset {offset}), not like the text of a report. debatekit reads a "
        "report's .pdf or the .txt text extracted from it."
    )
    E055 = (
        "Cannot read records from {path}: use a DataFrame, a list of dictionaries, or a "
        "file ending in one of {suffixes}."
    )
    # E200-E249: numbers (figures in the text)
    E202 = (
        "The figures table lacks column(s) {missing}. Pass the table dk.numbers(turns) "
        "returns, or leave 'figures' out to compute it from the turns."
    )
    E203 = (
        "The table passed as 'turns' to compare_figures is a figures table (it has the "
        "columns {columns} that dk.numbers returns). Pass the turns table first and the "
        "figures as figures=: dk.compare_figures(turns, figures=dk.numbers(turns)), or "
        "just dk.compare_figures(turns)."
    )
    E204 = (
        "plot_numbers draws the figures table dk.numbers(turns) returns; the table given "
        "lacks column(s) {missing}. If it is a turns table, pass "
        "dk.plot_numbers(dk.numbers(turns), kind)."
    )
    # entities and the gazetteer: E100-E149
    E100 = (
        "[E100] Gazetteer entries lack column(s) {missing} (columns there: {columns}). "
        "Each entry needs at least 'canonical' and 'label'; see docs/entities.md."
    )
    E101 = "[E101] Gazetteer entry {row} ({origin}) has no canonical name. Give every entry one."
    E102 = (
        "[E102] Gazetteer entry {row} ({origin}) has label {label!r}; a label is an upper-case "
        "spaCy entity label such as 'ORG', 'GPE', 'PERSON' or 'LAW'."
    )
    E103 = (
        "[E103] Cannot read gazetteer entries from a {suffix!r} file. Use one of {known}, "
        "or pass a DataFrame."
    )
    E104 = (
        "[E104] spaCy model {name!r} is not installed. Install it with: python -m spacy "
        "download {name}; or pass model='auto' (the best installed Dutch model) or "
        "model=None (a blank Dutch pipeline)."
    )
    E107 = (
        "[E107] No turn {turn_id!r} in the turns table. Pick one from turns['turn_id'], "
        "e.g. {example!r}."
    )
    E108 = (
        "[E108] The mentions table lacks column(s) {missing}. Pass the table "
        "dk.entities(turns) returns."
    )
    E109 = (
        "[E109] The 'labels' parameter of {owner} must be a label or a list of labels "
        "among: {valid}. Got {got!r} instead (unknown: {unknown}). Leave it out (None) to "
        "keep every label."
    )
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
    E303 = (
        "None of the {n} texts has a word that is not a stop word, so there is nothing to "
        "embed. Pass turns with text of their own (not only procedural turns)."
    )
    E305 = (
        "None of the {n} turns has {min_words} or more words outside the stop words, so "
        "no turn has a topic of its own. Pass more turns, or lower min_words."
    )
    E307 = "The turns have no column(s) {missing} to group topics by. Columns there: {columns}."
    E309 = (
        "{owner} names topic(s) {unknown} that the result does not have. Its topics are "
        "0 to {last}; see result.topics."
    )
    E310 = (
        "TopicResult.merge needs at least two distinct topics to join. Got {value!r}. "
        "Pass a list such as [2, 5]."
    )
    # stance (E400-E449)
    E401 = (
        "All three weights of StanceAnalyzer (content_weight, interaction_weight, "
        "government_weight) are 0, so there is nothing to combine. Give at least one a weight > 0."
    )
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
    E407 = (
        "The governments table cannot be read: {problem}. Give it the columns parliament, "
        "government, start, end (YYYY-MM-DD, empty while in office) and party."
    )
    E408 = (
        "{where}, line {line}: the cue lexicon row cannot be used: {problem}. Each row needs "
        "name, lang (nl, fr), kind, polarity (-1 or 1), weight, target (person, government), "
        "a regular expression as pattern and a real example sentence."
    )
    E409 = (
        "speaker_positions(by=...) names column(s) {missing} that the turns do not have. "
        "Columns there: {columns}."
    )
    E410 = (
        "Validation cannot be computed: {what}. Pass groups= (speaker -> group, or "
        "dk.blocs(turns))"
        " and/or votes= (a square vote agreement with the speakers named as in the turns)."
    )
    # E600-E699: text tools (kwic, dfm, keyness, frequencies, dictionary_counts), plots, CLI
    E600 = (
        "The 'stop_words' parameter of {owner} must be 'auto', 'nl', 'fr', a list of those, "
        "a list of words, or None (keep every word). Got {value!r} instead."
    )
    E601 = (
        "{owner} needs one or more non-empty patterns (a glob such as 'werkloos*', a phrase "
        "such as 'vlaamse regering', or a list of them). Got {value!r} instead."
    )
    E602 = (
        "The pattern {pattern!r} is not a valid regular expression ({cause}). Fix it, or "
        "pass value_type='glob' to use * and ? wildcards."
    )
    E603 = (
        "{owner} cannot group by {missing}: no such column. Columns there: {columns}. Group "
        "by a column of the turns table (speaker, party, role, item, meeting, date)."
    )
    E604 = (
        "The spaCy pipeline {name!r} is not installed, so it cannot give lemmas. Install it "
        "with: python -m spacy download {name}; or pass lemmatize='auto' (the best installed "
        "Dutch pipeline, else words as written) or lemmatize=False."
    )
    E605 = (
        "keyness needs a target: with by=, a value of that column (keyness(turns, "
        "'opposition', by='bloc')); without, a boolean mask with one value per document "
        "({n} documents). Got {value!r} instead."
    )
    E606 = (
        "keyness: no document has {by}={target!r}, so there is no target group. Values of "
        "{by!r} there: {known}."
    )
    E607 = (
        "keyness: every document is in the target group {target!r}, so there is nothing to "
        "compare it with. Pass turns that hold a reference group too."
    )
    E608 = (
        "dictionary_counts needs a dictionary: a dict from category to patterns, e.g. "
        "{{'economie': ['econom*', 'bedrijf*']}}. Got {value!r} instead."
    )
    E609 = (
        "plot_numbers cannot draw kind {kind!r}: the figures table has kinds {known}. Pass "
        "one of them, e.g. dk.plot_numbers(figures, 'percent')."
    )
    # E800-E899: the shared parts (parameter checks, the conformance suite)
    E800 = "The {param!r} parameter of {owner} must be {rule}. Got {value!r} instead."
    # scaling: streaming, Dask (E700-E799)
    E703 = (
        "{path} holds no Parquet dataset of turns (no .parquet file under it). Write one "
        "with dk.read_corpus(paths, to={path!r})."
    )
    E704 = (
        'dk.dask needs Dask and distributed: pip install "debatekit[dask]" (it installs '
        "dask[dataframe] and distributed)."
    )
    E706 = (
        "dk.dask.embed needs an embedder whose vector of a text does not depend on the "
        "other texts (a sentence-transformers model). TF-IDF/LSA is fitted on the whole "
        "corpus: run dk.dask.topics, which gathers the turns, or pass a model name."
    )
    E705 = (
        "analyze_dataset runs analyzers that work turn by turn (numbers, entities); "
        "{name!r} needs the whole corpus at once. Read the turns with dk.read_turns(path) "
        "and run it in memory, or on Dask with the gathered vectors (docs/scaling.md)."
    )

    # votes (E550-E569) and members (E570-E589)
    E550 = (
        "No roll-call votes or vote results found. A Chamber report prints them as "
        "'(Stemming/vote 1)' and 'Naamstemming - Vote nominatif: 1'; a Flemish one as "
        "'115 leden hebben aan de stemming deelgenomen; ...'. Is this a plenary report "
        "with votes?"
    )
    E551 = (
        "read_votes reads Chamber reports (.html, as the Chamber publishes them) and "
        "Flemish reports (.txt or .pdf); got a file ending in {suffix!r}."
    )
    E552 = "Expected a votes table (from dk.read_votes); it lacks column(s) {missing}."
    E553 = "No reports matched {spec!r}. Give files, a folder or a glob such as 'plenary/*.html'."
    E554 = (
        "party_cohesion needs each vote's party: the votes have no 'party' column and no "
        "members table was given. Pass members= (e.g. dk.kamer_members(56)), or join "
        "them first with dk.join_members(votes)."
    )
    E570 = (
        "debatekit ships the members of the Chamber's legislature(s) {shipped}, not "
        "{legislature}. Load another table with dk.load_members(path)."
    )
    E571 = (
        "Cannot read a members table from {path}: give a DataFrame, or an existing .csv, "
        ".tsv or .parquet file (a relative path starts at {cwd})."
    )
    E572 = (
        "The members table has no name columns: it needs 'first_name' and 'last_name' "
        "(or 'member' as 'Firstname Surname'). Columns there: {columns}."
    )
    E573 = "Cannot read a members table from a {type}: give a DataFrame or a file path."
    E574 = (
        "join_members needs a members table for these rows (parliament: {parliaments}); "
        "debatekit ships the Chamber's only. Pass members=dk.load_members(path)."
    )
    E575 = (
        "The table has no column {column!r} to match names in. Columns there: {columns}. "
        "Pass name= the column that holds the names."
    )


class Warnings:
    """Numbered warning messages."""

    W002 = (
        "spaCy model {name!r} is not installed; falling back to {fallback}. Install "
        "it with: python -m spacy download {name}"
    )
    # W003-W049, W053-W099: reading reports
    W003 = (
        "{path}: {n} line(s) inside turns look like speaker labels but did not open a "
        "turn (lines {lines}); their speech may be counted for the previous speaker. To "
        "check them, {hint}."
    )
    W004 = (
        "{path}: {n} line(s) could not be placed in a turn, heading or stage direction "
        "(lines {lines}); they are left out of the turns. To see them, {hint}."
    )
    W005 = (
        "{path}: neither the meeting nor its date was found (no page header such as "
        "'Commissievergadering nr. C190 (2023-2024) – 28 maart 2024', no file name like "
        "'..._C190_2024-03-28.txt'). Pass meeting= and date=."
    )
    W006 = (
        "{path}, line {line}: {n} turn(s) of the chair hold 200 words or more, and no "
        "'Voorzitter:' line or chair change named the chair before them, so their speaker "
        "is unknown. Check the report's first page, or set the speaker afterwards."
    )
    W007 = (
        "{path}, line {line}: the page header's date {date!r} is no day that exists or "
        "that the turns table can hold ({n} header(s) like it); it was left out. Pass "
        "date= to set the meeting's date."
    )
    W010 = (
        "{path}: the file holds more than one meeting: {meeting}, then {others} ({n} "
        "change(s) of the page header's meeting). Each is read as its own meeting with "
        "its own turn_ids; split the file if that is not what you want."
    )
    W008 = (
        "{path}: {n} of {total} PDF page(s) have no text (scanned pages?): {pages}. Their "
        "turns are missing; run OCR on the file (`ocrmypdf in.pdf out.pdf`) to read them."
    )
    W011 = (
        "from_records: {n} record(s) have a date that is no date (first: row {row}, {value!r}); "
        "their date is left empty (NaT), not taken from the row before. Give ISO dates "
        "(2024-03-28) or Dutch ones (28 maart 2024)."
    )
    W050 = (
        "{path}, line {line}: not valid UTF-8 (byte 0x{byte:02X} at offset {offset}); the "
        "bytes that are not UTF-8 were decoded as Windows-1252. Check accented names such "
        "as 'Björn' near that line, and save the file as UTF-8 to read it without this warning."
    )
    W051 = (
        "{n} of {total} transcripts could not be read and were skipped: {details}. "
        "read_corpus(..., report=True) lists them in .failures; errors='raise' stops "
        "at the first."
    )
    W052 = (
        "turn_id is not unique in the corpus: meeting {meeting} comes from {n} files "
        "({files}). Is one report there twice? Remove the copy, or key turns by file "
        "with turns['turn_id'] = turns['source'] + ':' + turns['turn_id']."
    )
    # the federal Chamber's reports: W500-W549
    W500 = (
        "{path}: {n} byte(s) are not valid UTF-8 (the first, 0x{byte:02X}, at offset "
        "{offset}); they were read as Windows-1252 and the rest as UTF-8. Check accented "
        "names such as 'Désir' near that offset in the result."
    )
    W501 = (
        "{owner} reads Dutch only: {n} of {total} turns in another language ({counts}) "
        "were skipped; the {kept} turns were read. Select turns yourself "
        "(turns[turns['lang'] == 'fr']) for a tool that reads French."
    )
    # entities and the gazetteer: W100-W149
    W100 = (
        "[W100] The spaCy pipeline {name!r} has no 'ner' component, so only the gazetteer, "
        "acronyms defined in the text and person rules find entities. For statistical "
        "entities install a Dutch model: python -m spacy download nl_core_news_lg"
    )
    # topics and embedders (W300-W349)
    W300 = (
        "The sentence-transformers model {model!r} is not on this disk or could not be "
        "loaded ({cause}); falling back to the TF-IDF/LSA embedder. debatekit never "
        "downloads a model. Put it on the disk once, in an environment with internet: "
        "`huggingface-cli download {repo}`, or in Python `from sentence_transformers import "
        "SentenceTransformer; SentenceTransformer({model!r})`; it is then read from the "
        "Hugging Face cache. Or pass the model's local folder. Without the package, "
        'install the extra with: pip install "debatekit[embeddings]"'
    )
    W301 = (
        "n_topics={asked} was asked, but only {found} topic(s) came out: the turns hold "
        "only {n_distinct} debate(s) with distinct text to cluster (a topic is a group of "
        "debates; a debate is the turns under one agenda heading). Pass more turns, or "
        "use_headings=False to cluster the turns one by one."
    )

    # W600-W699: text tools
    W600 = (
        "No Dutch spaCy pipeline is installed (tried {tried}), so the words are counted as "
        "written, not as lemmas. For lemmas: python -m spacy download nl_core_news_lg"
    )
    # votes (W550-W569) and members (W570-W589)
    W550 = (
        "{n} vote(s) list names that do not add up to the totals the report prints: "
        "{votes}. The rows are kept as listed; check these votes in the report "
        "(votes.attrs['totals'] and dk.read_vote_totals have every vote's counts)."
    )
    W551 = (
        "{path}: {n} vote(s) in the text have no list of names in the report's annex "
        "(votes {votes}); their totals are in dk.read_votes(..., totals=True)."
    )
    W570 = (
        "{n} name(s) matched no member: {names}. They keep a missing 'member'; "
        "table.attrs['unmatched'] lists them. Check the spelling, or pass a members table "
        "that has them."
    )


def message(code: str, **fields: object) -> str:
    """The numbered message ``code`` (``"E008"``, ``"W050"``) with its fields filled in."""
    template = getattr(Warnings if code.startswith("W") else Errors, code)
    return f"[{code}] {template.format(**fields)}"


_CODE = re.compile(r"\[([EW]\d{3})\]")


def _located(code: str, path: str | None, line: int | None, text: str) -> str:
    """``[E004] notes.txt, line 2: ...``: the number, then where, then what."""
    where = path or "<text>"
    if line is not None:
        where = f"{where}, line {line}"
    return f"[{code}] {where}: {text}"


class DebatekitError(Exception):
    """Base class of every error debatekit raises.

    ``code`` is the message's number (``"E008"``), read from its ``[E008]`` prefix.
    """

    @property
    def code(self) -> str | None:
        found = _CODE.search(str(self.args[0])) if self.args else None
        return found.group(1) if found else None


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
    code
        The number of ``message`` in :class:`Errors`, where it is not the
        class's own.
    """

    code = "E000"

    def __init__(
        self,
        message: str,
        *,
        path: str | PathLike | None = None,
        line: int | None = None,
        code: str | None = None,
    ) -> None:
        if code is not None:  # a message of another number than the class's
            self.code = code
        self.path = None if path is None else str(path)
        self.line = line
        self.reason = message
        super().__init__(_located(self.code, self.path, line, message))


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


class ParameterError(DebatekitError, ValueError):
    """A parameter given a value debatekit cannot use; the message lists the choices."""


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


class TranscriptNotFoundError(DebatekitError, FileNotFoundError):
    """A path that is no file: missing, or a folder given where a file is read.

    A :class:`FileNotFoundError` too, so code that catches that still works.

    Parameters
    ----------
    message
        What went wrong and what to do.
    path
        The path given.
    code
        ``"E050"`` for a missing file, ``"E051"`` for a folder.
    """

    code = "E050"

    def __init__(self, message: str, *, path: str | PathLike, code: str = "E050") -> None:
        self.code = code
        self.path = str(path)
        self.line = None
        self.reason = message
        super().__init__(_located(code, self.path, None, message))
        self.filename = self.path

    def __str__(self) -> str:  # OSError would print "[Errno None] None: ..."
        return str(self.args[0])


class GazetteerError(DebatekitError, ValueError):
    """Gazetteer entries that cannot be used (a column or a value is wrong)."""


class EmbedderError(DebatekitError, ValueError):
    """An embedder that cannot be made or cannot embed the texts given."""


class MissingDependencyError(DebatekitError, ImportError):
    """An optional package that a feature needs is not installed (see its extra)."""


class StanceError(AnalyzerError, ValueError):
    """Speaker similarity that cannot be computed or validated as asked."""


class VotesError(DebatekitError, ValueError):
    """Votes that cannot be read or summarised as asked."""


class MembersError(DebatekitError, ValueError):
    """A members table that cannot be read or used."""


class DebatekitWarning(UserWarning):
    """Base class of every warning debatekit emits."""


class EncodingWarning(DebatekitWarning):
    """Text that was not UTF-8 and was decoded another way."""


class ParseWarning(DebatekitWarning):
    """A report the parser read, with something in it that it was not sure of."""


class ModelFallbackWarning(DebatekitWarning):
    """A requested model is missing; a smaller fallback is used."""


class VoteCountWarning(DebatekitWarning):
    """Listed names that do not add up to the totals a report prints."""


class NamesWarning(DebatekitWarning):
    """Names that matched no member."""
