"""Named entities that know Flemish politics: VDAB and VLAIO, ministers, places.

A spaCy pipeline in four steps, each leaving what it found for the next:

1. the tokenizer, which also splits an acronym from the word it is hyphenated
   to (``VLAIO-netwerk`` -> ``VLAIO``, ``-``, ``netwerk``), so that mentions
   inside compounds are found;
2. an EntityRuler with the gazetteer, the user's entries, the acronyms the
   text defines and the meeting's speakers, so that known bodies always win;
3. person rules: a title and a name (``collega Ronse``, ``minister Brouns``),
   and short forms: ``de Raad`` for the ``Raad ...`` named before it;
4. the statistical NER of a spaCy model (``nl_core_news_lg``), which keeps
   the entities set before it and adds its own.

Only the components the NER needs are taken from the model (no parser,
tagger or lemmatizer), and texts go through ``nlp.pipe`` in batches.
"""

from __future__ import annotations

import os
import re
import warnings
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import TYPE_CHECKING, Any, ClassVar

import pandas as pd

from ..._errors import (
    AnalyzerError,
    Errors,
    ModelFallbackWarning,
    ParameterError,
    Warnings,
    message,
)
from ..._parallel import check_n_jobs, chunk_slices, run_chunks
from ..._progress import PROGRESS
from ..._schema import dutch_turns, require_columns
from ..._validation import bad_parameter, check_int
from ...lang._names import PARTICLE, PERSON_TITLE, PERSON_TITLES
from .._base import Analyzer, register_analyzer
from ._acronyms import definitions_in, guess_label
from ._gazetteer import load_gazetteer, surface_forms

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokenizer import Tokenizer
    from spacy.tokens import Doc

__all__ = [
    "EntityRecognizer",
    "entities",
    "MENTION_COLUMNS",
    "DEFAULT_MODEL",
    "load_pipeline_source",
    "build_pipeline",
]

#: The model ``model="auto"`` looks for first; then the smaller Dutch models.
DEFAULT_MODEL = "nl_core_news_lg"
#: The entity labels of spaCy's Dutch models (OntoNotes); the gazetteer may add its own.
SPACY_LABELS = (
    "CARDINAL",
    "DATE",
    "EVENT",
    "FAC",
    "GPE",
    "LANGUAGE",
    "LAW",
    "LOC",
    "MONEY",
    "NORP",
    "ORDINAL",
    "ORG",
    "PERCENT",
    "PERSON",
    "PRODUCT",
    "QUANTITY",
    "TIME",
    "WORK_OF_ART",
)
_AUTO_MODELS = (DEFAULT_MODEL, "nl_core_news_md", "nl_core_news_sm")
# Models whose absence was already reported in this session.
_WARNED: set[str] = set()

#: Columns of the mentions table, in order.
MENTION_COLUMNS = (
    "turn_id",
    "meeting",
    "item",
    "speaker",
    "party",
    "role",
    "mention",
    "label",
    "start",
    "end",
    "canonical",
    "full_name",
    "category",
    "found_by",
)
_RULER = "debatekit_gazetteer"
_PEOPLE = "debatekit_person_rules"
_SHORT = "debatekit_short_forms"
# Head words that, capitalised after an article, refer back to a body named
# earlier in the turn: "de Raad" after "Raad Competitiviteit en Interne Markt".
_SHORT_HEADS = frozenset({"Raad", "Commissie", "Parlement", "Regering", "Hof", "Unie"})
_ARTICLES = frozenset({"de", "het", "De", "Het"})
# A head followed by these starts a longer name the gazetteer does not know.
_NAME_GOES_ON = frozenset({"van", "voor", "der"})
_LINKED_SOURCES = ("gazetteer", "user", "acronym")
_ID_SEP = "::"
# What the turn's columns are called in the mentions table.
_TURN_FIELDS = ("turn_id", "meeting", "item", "speaker", "party", "role")

# An acronym of two capitals hyphenated to a lower-case word, either way round:
# "VDAB-begeleiding", "niet-EU-burgers". "N-VA" and "CO2-arme" stay whole.
_COMPOUND_INFIXES = r"(?<=[A-Z]{2})-(?=[a-z])|(?<=[a-z])-(?=[A-Z]{2})"

# A name after a title: capitalised words and particles, never across a full stop.
_NAME_WORD = r"[A-ZÀ-ÖØ-Þ][\w\-]*"
_PERSON_NAME = rf"{_NAME_WORD}(?: (?:{PARTICLE} )*{_NAME_WORD}){{0,4}}"
# The lookahead on the titles' first letters lets the regex engine skip most
# positions at C speed (a case-insensitive alternation alone tries every one).
_TITLE_INITIALS = "".join(
    sorted({t[0] for t in PERSON_TITLES} | {t[0].upper() for t in PERSON_TITLES})
)
_TITLED_NAME = re.compile(
    rf"(?=[{_TITLE_INITIALS}])(?<![\w-])(?i:{PERSON_TITLE})\s+(?P<name>{_PERSON_NAME})"
)


# --------------------------------------------------------------------------- model


@lru_cache(maxsize=4)
def _load_named(name: str) -> Language:
    """An installed model, loaded once a session (the large one takes seconds)."""
    import spacy

    return spacy.load(name)


@lru_cache(maxsize=1)
def _blank_dutch() -> Language:
    """A blank Dutch pipeline with debatekit's tokenizer, shared by every blank analyzer.

    Making a Dutch tokenizer loads thousands of special cases (most of a
    second); the pipelines built on it share it, as they share the vocab.
    """
    import spacy

    nlp = spacy.blank("nl")
    nlp.tokenizer.infix_finditer = _compound_infixes(nlp.tokenizer).finditer
    return nlp


def _installed(name: str) -> bool:
    import spacy.util

    return spacy.util.is_package(name)


def load_pipeline_source(model: object) -> tuple[Language, str | None, bool]:
    """The spaCy pipeline ``model`` names, and the name of its statistical model.

    Parameters
    ----------
    model
        ``"auto"`` (the best installed Dutch model, else a blank Dutch pipeline
        with one :class:`ModelFallbackWarning`), ``None`` (a blank Dutch
        pipeline, no warning), an installed model's name, a model directory,
        or a loaded :class:`spacy.language.Language`. Nothing is downloaded.

    Returns
    -------
    tuple
        The pipeline, its model name (``None`` for a blank pipeline), and
        whether its tokenizer already splits acronyms from hyphenated words
        (debatekit's own blank pipeline, made once a session).

    Raises
    ------
    AnalyzerError
        A model name that is not installed (``[E104]``), or a value of
        another type (``[E800]``).
    """
    from spacy.language import Language

    if isinstance(model, Language):
        return model, f"{model.meta.get('lang', '')}_{model.meta.get('name', '')}", False
    if model is None:
        return _blank_dutch(), None, True
    if isinstance(model, str) and model == "auto":
        for name in _AUTO_MODELS:
            if _installed(name):
                return _load_named(name), name, False
        if DEFAULT_MODEL not in _WARNED:  # once a session, not at every call
            _WARNED.add(DEFAULT_MODEL)
            warnings.warn(
                message("W002", name=DEFAULT_MODEL, fallback="a blank Dutch pipeline"),
                ModelFallbackWarning,
                stacklevel=4,
            )
        return _blank_dutch(), None, True
    if isinstance(model, (str, os.PathLike)):
        name = os.fspath(model)
        if os.path.isdir(name):  # not cached: a directory may hold a model retrained since
            import spacy

            return spacy.load(name), name, False
        if _installed(name):
            return _load_named(name), name, False
        raise AnalyzerError(Errors.E104.format(name=name))
    rule = "'auto', None, a spaCy model name or path, or a loaded spacy.Language"
    raise bad_parameter("model", "EntityRecognizer", rule, model)


def _needed_components(source: Language) -> list[str]:
    """The NER and what it listens to; the parser, tagger and the rest are left out."""
    if "ner" not in source.pipe_names:
        return []
    listened = [
        name for name, pipe in source.pipeline if "ner" in getattr(pipe, "listening_components", ())
    ]
    return [*listened, "ner"]


def _compound_infixes(tokenizer: Tokenizer) -> re.Pattern[str]:
    old = getattr(tokenizer.infix_finditer, "__self__", None)
    return re.compile(_COMPOUND_INFIXES + (f"|{old.pattern}" if old is not None else ""))


def _compound_tokenizer(tokenizer: Tokenizer) -> Tokenizer:
    """A copy of ``tokenizer`` that also splits acronyms from hyphenated words."""
    from spacy.tokenizer import Tokenizer

    return Tokenizer(
        tokenizer.vocab,
        rules=tokenizer.rules,
        prefix_search=tokenizer.prefix_search,
        suffix_search=tokenizer.suffix_search,
        infix_finditer=_compound_infixes(tokenizer).finditer,
        token_match=tokenizer.token_match,
        url_match=tokenizer.url_match,
        faster_heuristics=tokenizer.faster_heuristics,
    )


# Where debatekit keeps a doc's text (doc.text rebuilds it from every token).
_TEXT_KEY = "debatekit_text"
# A head word after an article, as a prefilter: the token tests below decide.
_SHORT_FORM = re.compile(
    r"(?<!\w)(?:de|het|De|Het)\s*(?P<head>" + "|".join(sorted(_SHORT_HEADS)) + r")(?!\w)"
)


def _doc_text(doc: Doc) -> str:
    """The doc's text: as debatekit made the doc, else rebuilt from its tokens."""
    text = doc.user_data.get(_TEXT_KEY)
    # The kept text must still span the doc (the last token's end; cheap, unlike doc.text).
    end = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    return text if isinstance(text, str) and len(text) == end else doc.text


def make_doc(nlp: Language, text: str) -> Doc:
    """Tokenize ``text`` and keep it on the doc, for the components that read the text."""
    doc = nlp.make_doc(text)
    doc.user_data[_TEXT_KEY] = text
    return doc


def _taken(doc: Doc) -> set[int]:
    return {i for ent in doc.ents for i in range(ent.start, ent.end)}


class PersonRules:
    """A spaCy component: ``collega Ronse``, ``minister Brouns`` are PERSON mentions.

    The title stays out of the mention; an entity set before (by the
    gazetteer) is never overwritten.
    """

    def __call__(self, doc: Doc) -> Doc:
        taken: set[int] | None = None  # made at the first match: most turns have none
        added = []
        for match in _TITLED_NAME.finditer(_doc_text(doc)):
            name, start = match["name"], match.start("name")
            span = doc.char_span(
                start, start + len(name), label="PERSON", span_id=f"person_rule{_ID_SEP}{name}"
            )
            if span is None:
                continue
            taken = _taken(doc) if taken is None else taken
            if taken.intersection(range(span.start, span.end)):
                continue
            taken.update(range(span.start, span.end))
            added.append(span)
        if added:
            doc.ents = sorted([*doc.ents, *added], key=lambda span: span.start)
        return doc


class ShortForms:
    """A spaCy component: ``de Raad`` is the body named as ``Raad ...`` earlier in the turn.

    Only a capitalised head word (``Raad``, ``Commissie``, ``Parlement``,
    ``Regering``, ``Hof``, ``Unie``) after an article counts, and only when a
    known body (from the gazetteer, your entries or a defined acronym) whose
    name holds that word was mentioned before it in the same turn; the most
    recent one wins.
    """

    def __call__(self, doc: Doc) -> Doc:
        # A regex finds the candidates in the text; looping over the tokens in
        # Python cost as much as the gazetteer's matcher.
        heads = [
            doc.char_span(m.start("head"), m.end("head"))
            for m in _SHORT_FORM.finditer(_doc_text(doc))
        ]
        heads = [span for span in heads if span is not None and len(span) == 1]
        if not heads:
            return doc
        ents = list(doc.ents)
        if not ents:
            return doc
        taken = {i for ent in ents for i in range(ent.start, ent.end)}
        linked = [
            (ent, ent.text.split()) for ent in ents if ent.ent_id_.startswith(_LINKED_SOURCES)
        ]
        added = []
        for span in heads:
            i, word = span.start, span.text
            if (
                i in taken
                or i == 0
                or doc[i - 1].text not in _ARTICLES
                or (i + 1 < len(doc) and doc[i + 1].text in _NAME_GOES_ON)
            ):
                continue
            earlier = [ent for ent, words in linked if ent.end <= i and word in words]
            if earlier:
                canonical = earlier[-1].ent_id_.partition(_ID_SEP)[2]
                span_id = f"short_form{_ID_SEP}{canonical}"
                added.append(_head_span(doc, span, earlier[-1].label_, span_id))
        if added:
            doc.ents = sorted([*ents, *added], key=lambda span: span.start)
        return doc


def _head_span(doc: Doc, head: Any, label: str, span_id: str) -> Any:
    return doc.char_span(head.start_char, head.end_char, label, span_id=span_id)


def _make_person_rules(nlp: Language, name: str) -> PersonRules:
    return PersonRules()


def _make_short_forms(nlp: Language, name: str) -> ShortForms:
    return ShortForms()


def _register_components() -> None:
    from spacy.language import Language

    if not Language.has_factory(_PEOPLE):
        Language.factory(_PEOPLE, func=_make_person_rules)
    if not Language.has_factory(_SHORT):
        Language.factory(_SHORT, func=_make_short_forms)


def build_pipeline(
    source: Language, patterns: list[dict[str, Any]], *, tokenizer_ready: bool = False
) -> Language:
    """Debatekit's pipeline around ``source``'s NER, which is shared, not copied.

    Parameters
    ----------
    source
        The spaCy pipeline to take the tokenizer settings and the NER from.
    patterns
        EntityRuler patterns: the gazetteer, acronyms and speakers.
    tokenizer_ready
        ``source``'s tokenizer already splits acronyms from hyphenated words
        and is shared as it is; otherwise a changed copy is made (a few tenths
        of a second).

    Returns
    -------
    spacy.language.Language
        Tokenizer, gazetteer ruler, person rules, short forms, then the NER
        and what it listens to. ``source`` is left as it is.
    """
    _register_components()
    if tokenizer_ready:
        tokenizer = source.tokenizer
    else:
        tokenizer = _compound_tokenizer(source.tokenizer)
    nlp = type(source)(vocab=source.vocab, create_tokenizer=lambda _: tokenizer)
    ruler = nlp.add_pipe(
        "entity_ruler", name=_RULER, config={"overwrite_ents": False, "validate": False}
    )
    ruler.add_patterns(patterns)
    nlp.add_pipe(_PEOPLE)
    nlp.add_pipe(_SHORT)
    for name in _needed_components(source):
        nlp.add_pipe(name, source=source)
    return nlp


# --------------------------------------------------------------------------- knowledge


def _name_keys(full_name: str) -> list[str]:
    """``Stijn De Roo`` is also ``De Roo`` and ``Roo``."""
    words = full_name.split()
    return [" ".join(words[i:]) for i in range(len(words))]


def _people_index(names: Iterable[str]) -> dict[str, str | None]:
    """Name as it may be written -> full name; ``None`` for a name two people share."""
    index: dict[str, str | None] = {}
    for full in dict.fromkeys(" ".join(n.split()) for n in names if n):
        for key in _name_keys(full):
            index[key] = full if index.get(key, full) == full else None
    return index


def _forms(table: pd.DataFrame) -> list[tuple[str, dict[str, Any]]]:
    """(spelling, entry) for every spelling of every entry, your entries first."""
    table = table.sort_values("source", key=lambda s: s != "user", kind="stable")
    return [(form, entry) for entry in table.to_dict("records") for form in surface_forms(entry)]


def _unique_patterns(rows: Iterable[tuple[str, str, str, str]]) -> list[dict[str, Any]]:
    """EntityRuler patterns, the first source of a spelling winning."""
    seen: set[str] = set()
    patterns = []
    for form, label, source, canonical in rows:
        if form in seen:
            continue
        seen.add(form)
        patterns.append({"label": label, "pattern": form, "id": f"{source}{_ID_SEP}{canonical}"})
    return patterns


class _Definitions:
    """Acronyms the turns define, gathered chunk by chunk in turn order.

    Each is linked to a gazetteer entry when one is known, else to the first
    definition of the same acronym seen before.
    """

    columns = ("turn_id", "acronym", "long_form", "canonical", "full_name", "label", "category")

    def __init__(self, known: Mapping[str, Mapping[str, str]]) -> None:
        self.known = known
        self.rows: list[dict[str, str]] = []
        self.canonical_of: dict[str, dict[str, str]] = {}

    def add(self, turns: pd.DataFrame) -> None:
        for turn_id, text in zip(turns["turn_id"], turns["text"].fillna(""), strict=True):
            for d in definitions_in([text]):
                self._add(turn_id, d.acronym, d.long_form)

    def _add(self, turn_id: str, acronym: str, long_form: str) -> None:
        known = self.known
        entry = known.get(long_form) or known.get(acronym) or self.canonical_of.get(acronym)
        if entry is None:
            label = guess_label(long_form)
            entry = {"canonical": acronym, "full_name": long_form, "label": label, "category": ""}
        self.canonical_of.setdefault(acronym, dict(entry))
        self.rows.append(
            {
                "turn_id": turn_id,
                "acronym": acronym,
                "long_form": long_form,
                "canonical": entry["canonical"],
                "full_name": entry["full_name"],
                "label": entry["label"],
                "category": entry.get("category", ""),
            }
        )

    def table(self) -> pd.DataFrame:
        return pd.DataFrame(self.rows, columns=list(self.columns)).astype("string")


class _Speakers:
    """Each meeting's speakers in order of first appearance, gathered chunk by chunk."""

    def __init__(self) -> None:
        self.by_meeting: dict[object, dict[str, None]] = {}

    def add(self, turns: pd.DataFrame) -> None:
        speakers = turns["speaker"].astype("string")
        for meeting, speaker in zip(_meetings(turns), speakers, strict=True):
            names = self.by_meeting.setdefault(meeting, {})
            if not pd.isna(speaker):
                names.setdefault(speaker, None)

    def people(self) -> dict[object, dict[str, str | None]]:
        return {meeting: _people_index(names) for meeting, names in self.by_meeting.items()}


# --------------------------------------------------------------------------- analyzer


def check_labels(
    labels: str | Iterable[str] | None, known: Iterable[str], owner: str
) -> tuple[str, ...] | None:
    """``labels`` as a tuple (one string is one label), every one of them among ``known``."""
    if labels is None:
        return None
    chosen = (labels,) if isinstance(labels, str) else tuple(labels)
    valid = sorted({*SPACY_LABELS, *(str(k) for k in known)})
    unknown = [label for label in chosen if label not in valid]
    if unknown:
        raise ParameterError(
            Errors.E109.format(
                owner=owner,
                valid=", ".join(valid),
                got=labels,
                unknown=", ".join(map(str, unknown)),
            )
        )
    return chosen


@register_analyzer("entities")
class EntityRecognizer(Analyzer):
    """Named entities in each turn, with Flemish bodies known and canonicalised.

    Parameters
    ----------
    model
        ``"auto"`` uses ``nl_core_news_lg`` when it is installed (then the md
        and sm models); without one, a blank Dutch pipeline and one
        :class:`~debatekit.ModelFallbackWarning`. Also a model name, a model
        directory, a loaded :class:`spacy.language.Language`, or ``None`` for
        the blank pipeline without a warning. Nothing is ever downloaded.
    gazetteer
        Your own entries, added to the shipped gazetteer: a ``.csv``/``.tsv``/
        ``.jsonl`` file or a DataFrame with at least ``canonical`` and
        ``label`` (see :func:`~debatekit.load_gazetteer`).
    builtin_gazetteer
        Use the shipped gazetteer (default) besides your entries.
    include_procedural
        Also read floor-management turns ("Minister Brouns heeft het woord.").
        Off by default: they name who speaks next, not what is discussed.
    labels
        Keep only mentions with these labels, e.g. ``"ORG"`` or ``("ORG", "GPE")``;
        all by default. A label that is neither a spaCy label, a gazetteer label
        nor one of the model's raises :class:`~debatekit.ParameterError`.
    batch_size
        Texts per ``nlp.pipe`` batch.
    n_process
        Processes for spaCy's own ``nlp.pipe`` (``-1``: one per CPU). Prefer
        ``n_jobs``: see ``docs/performance.md`` for what each gives here.
    n_jobs
        Worker processes that each take chunks of 1,000 turns (``-1``: one per
        CPU); the table is the same, bit for bit, whatever the number.
    progress
        Show a progress bar.

    Attributes
    ----------
    nlp_ : spacy.language.Language
        The pipeline: tokenizer, gazetteer ruler, person rules, short forms,
        then the model's NER if there is one.
    model_name_ : str or None
        The statistical model used, ``None`` for a blank pipeline.
    gazetteer_ : pandas.DataFrame
        The gazetteer in use (shipped and user entries).
    acronyms_ : pandas.DataFrame
        The acronyms the turns define, linked to their canonical entity.
    people_ : dict
        Per meeting, each way a speaker's name may be written -> full name
        (``None`` where two speakers share it).
    known_people_ : dict
        The same for the people in the gazetteer, used when the meeting does
        not tell who ``minister Somers`` is.
    labels_ : tuple of str or None
        The labels kept, checked (``None``: all).

    Examples
    --------
    >>> import debatekit as dk
    >>> turns = dk.read_transcript(dk.sample_path())
    >>> found = dk.EntityRecognizer(model=None, progress=False).fit_transform(turns)
    >>> int((found["canonical"] == "VDAB").sum())
    18
    """

    name: ClassVar[str] = "entities"
    required_columns: ClassVar[tuple[str, ...]] = ("turn_id", "speaker", "text")
    check_params: ClassVar[dict[str, Any]] = {"model": None, "progress": False}

    def __init__(
        self,
        model: object = "auto",
        *,
        gazetteer: str | os.PathLike[str] | pd.DataFrame | None = None,
        builtin_gazetteer: bool = True,
        include_procedural: bool = False,
        labels: str | Iterable[str] | None = None,
        batch_size: int = 64,
        n_process: int = 1,
        progress: bool = PROGRESS,
        n_jobs: int = 1,
    ) -> None:
        self.model = model
        self.gazetteer = gazetteer
        self.builtin_gazetteer = builtin_gazetteer
        self.include_procedural = include_procedural
        self.labels = labels
        self.batch_size = batch_size
        self.n_process = n_process
        self.n_jobs = n_jobs
        self.progress = progress

    def _check_params(self) -> None:
        owner = type(self).__name__
        check_int(self.batch_size, "batch_size", owner, minimum=1)
        if self.n_process != -1:  # -1: one process per CPU
            check_int(self.n_process, "n_process", owner, minimum=1)
        check_n_jobs(self.n_jobs, owner)

    def fit(self, turns: pd.DataFrame, y: None = None) -> EntityRecognizer:
        """Load the model and learn the meeting's speakers and the acronyms the turns define.

        Returns
        -------
        EntityRecognizer
            ``self``, fitted.

        Raises
        ------
        SchemaError
            ``turns`` lacks a column the analyzer reads.
        AnalyzerError
            The model named is not installed.
        GazetteerError
            Your gazetteer entries cannot be used.
        ParameterError
            A parameter is out of range, or ``labels`` names an unknown label.
        """
        self._validate(turns)
        return self.fit_chunks([turns])

    #: Columns :meth:`fit_chunks` reads: what the speakers and defined acronyms need.
    fit_columns: ClassVar[tuple[str, ...]] = ("turn_id", "meeting", "speaker", "text")

    def fit_chunks(self, chunks: Iterable[pd.DataFrame]) -> EntityRecognizer:
        """Fit on a corpus given chunk by chunk, in order, as :meth:`fit` does on all of it.

        Used by :func:`debatekit.analyze_dataset`; only :attr:`fit_columns` are needed.

        Returns
        -------
        EntityRecognizer
            ``self``, fitted.
        """
        self._check_params()
        source, self.model_name_, ready = load_pipeline_source(self.model)
        if self.model_name_ is not None and "ner" not in source.pipe_names:
            warnings.warn(Warnings.W100.format(name=self.model_name_), ModelFallbackWarning, 2)
        self.gazetteer_ = load_gazetteer(self.gazetteer, builtin=self.builtin_gazetteer)
        model_labels = source.get_pipe("ner").labels if "ner" in source.pipe_names else ()
        labels = [*self.gazetteer_["label"].dropna(), *model_labels]
        self.labels_ = check_labels(self.labels, labels, "EntityRecognizer")
        forms = _forms(self.gazetteer_)
        known: dict[str, dict[str, Any]] = {}
        for form, entry in forms:
            known.setdefault(form, entry)
        definitions, speakers = _Definitions(known), _Speakers()
        for chunk in chunks:
            require_columns(chunk, ("turn_id", "speaker", "text"))
            definitions.add(chunk)
            speakers.add(chunk)
        self.acronyms_ = definitions.table()
        self.people_ = speakers.people()
        people = self.gazetteer_.loc[self.gazetteer_["label"] == "PERSON", "canonical"]
        self.known_people_ = _people_index(people)
        self.nlp_ = build_pipeline(source, self._patterns(forms), tokenizer_ready=ready)
        return self

    def _patterns(self, forms: list[tuple[str, dict[str, Any]]]) -> list[dict[str, Any]]:
        """Ruler patterns: the gazetteer (yours first), then defined acronyms, then speakers."""
        rows = [(form, e["label"], e["source"], e["canonical"]) for form, e in forms]
        for d in self.acronyms_.itertuples(index=False):
            rows += [(d.long_form, d.label, "acronym", d.canonical)]
            rows += [(d.acronym, d.label, "acronym", d.canonical)]
        speakers = sorted({f for index in self.people_.values() for f in index.values() if f})
        rows += [(name, "PERSON", "person_rule", name) for name in speakers]
        return _unique_patterns(rows)

    def transform(self, turns: pd.DataFrame) -> pd.DataFrame:
        """One row per entity mention in ``turns``.

        Returns
        -------
        pandas.DataFrame
            ``turn_id``, ``meeting``, ``item``, ``speaker``, ``party``,
            ``role`` (of the turn), ``mention`` (as written),
            ``label``, ``start`` and ``end`` (character offsets into the
            turn's ``text``: ``turn.text[start:end] == mention``),
            ``canonical`` (the entity's normalised name), ``full_name``,
            ``category`` (gazetteer category) and ``found_by``
            (``gazetteer``, ``user``, ``acronym``, ``person_rule``,
            ``short_form`` or ``model``).
        """
        self._check_fitted()
        self._validate(turns)
        data = dutch_turns(turns, type(self).__name__)  # the gazetteer and model are Dutch
        if not self.include_procedural and "procedural" in data.columns:
            data = data[~data["procedural"].fillna(False).astype(bool)]
        check_n_jobs(self.n_jobs, "EntityRecognizer")
        task = {f: _column(data, f) for f in _TURN_FIELDS}
        task["meeting_key"] = _meetings(data)
        task["text"] = data["text"].fillna("").astype(str).tolist()
        slices = chunk_slices(len(data), _TURNS_PER_CHUNK)
        tasks = [{name: values[s] for name, values in task.items()} for s in slices]
        frames = run_chunks(
            _chunk_mentions,
            tasks,
            n_jobs=self.n_jobs,
            progress=self.progress,
            desc="Entities",
            unit="turn",
            weights=[s.stop - s.start for s in slices],
            shared=self,
        )
        found = [frame for frame in frames if len(frame)]
        if not found:
            return _mentions_frame({c: [] for c in MENTION_COLUMNS})
        return found[0] if len(found) == 1 else pd.concat(found, ignore_index=True)

    def _mentions(self, chunk: Mapping[str, list[Any]]) -> pd.DataFrame:
        """The mentions table of one chunk of turns (columns as lists)."""
        texts, meetings = chunk["text"], chunk["meeting_key"]
        docs = (make_doc(self.nlp_, text) for text in texts)
        docs = self.nlp_.pipe(docs, batch_size=self.batch_size, n_process=self.n_process)
        # canonical -> (full name, category); the gazetteer's word over a text's.
        catalog = self._catalog()
        keep = None if self.labels_ is None else set(self.labels_)
        rows: dict[str, list[Any]] = {c: [] for c in MENTION_COLUMNS}
        for i, doc in enumerate(docs):
            for ent in doc.ents:
                if keep is not None and ent.label_ not in keep:
                    continue
                source, _, key = ent.ent_id_.partition(_ID_SEP)
                if not key:
                    source, key = "model", " ".join(ent.text.split())
                if ent.label_ == "PERSON" and source in ("person_rule", "model"):
                    canonical = self._person(meetings[i], key)
                    full_name, category = catalog.get(canonical, (canonical, "person"))
                else:
                    canonical = key
                    full_name, category = catalog.get(key, (key, ""))
                for field in _TURN_FIELDS:
                    rows[field].append(chunk[field][i])
                rows["mention"].append(ent.text)
                rows["label"].append(ent.label_)
                rows["start"].append(ent.start_char)
                rows["end"].append(ent.end_char)
                rows["canonical"].append(canonical)
                rows["full_name"].append(full_name)
                rows["category"].append(category or pd.NA)
                rows["found_by"].append(source)
        return _mentions_frame(rows)

    def _catalog(self) -> dict[str, tuple[str, str]]:
        return {
            c: (f, k)
            for table in (self.acronyms_, self.gazetteer_)
            for c, f, k in table[["canonical", "full_name", "category"]].itertuples(index=False)
        }

    def _person(self, meeting: object, name: str) -> str:
        """The full name of ``name`` when the meeting or the gazetteer tells it.

        A name two of the meeting's speakers share stays as written: the
        gazetteer must not guess someone else.
        """
        name = " ".join(name.split())
        for index in (self.people_.get(meeting, {}), self.known_people_):
            if name in index:
                return index[name] or name
        return name


# Turns per task: enough that a chunk takes a good part of a second.
_TURNS_PER_CHUNK = 1000


def _chunk_mentions(recognizer: EntityRecognizer, chunk: Mapping[str, list[Any]]) -> pd.DataFrame:
    """One chunk's mentions (in a worker, which shares the fitted recognizer)."""
    return recognizer._mentions(chunk)


def _meetings(turns: pd.DataFrame) -> list[object]:
    if "meeting" in turns.columns:
        return turns["meeting"].astype("string").fillna("").tolist()
    return [""] * len(turns)


def _column(turns: pd.DataFrame, name: str) -> list[Any]:
    if name in turns.columns:
        return turns[name].tolist()
    return [pd.NA] * len(turns)


def _mentions_frame(rows: Mapping[str, list[Any]]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=list(MENTION_COLUMNS))
    for column in MENTION_COLUMNS:
        if column in ("start", "end"):
            frame[column] = frame[column].astype("int64")
        elif column == "item":
            frame[column] = frame[column].astype("Int64")
        else:
            frame[column] = frame[column].astype("string")
    return frame


def entities(
    turns: pd.DataFrame,
    model: object = "auto",
    *,
    gazetteer: str | os.PathLike[str] | pd.DataFrame | None = None,
    builtin_gazetteer: bool = True,
    include_procedural: bool = False,
    labels: str | Iterable[str] | None = None,
    batch_size: int = 64,
    n_process: int = 1,
    progress: bool = PROGRESS,
    n_jobs: int = 1,
) -> pd.DataFrame:
    """Named entities in each turn: one row per mention, canonicalised.

    A shortcut for ``EntityRecognizer(model, ...).fit_transform(turns)``; see
    :class:`EntityRecognizer` for the parameters.

    Returns
    -------
    pandas.DataFrame
        One row per mention (``turn_id``, ``speaker``, ``text``, ``label``,
        ``start``, ``end``, ``canonical``, ``full_name``, ``source``, ...).

    Raises
    ------
    AnalyzerError
        ``model`` names a spaCy model that is not installed.
    ParameterError
        ``labels`` names an unknown label, or another parameter is out of range.

    Examples
    --------
    >>> import debatekit as dk
    >>> turns = dk.read_transcript(dk.sample_path())
    >>> found = dk.entities(turns, model=None, progress=False)
    >>> found.loc[found["mention"] == "Agentschap Innoveren en Ondernemen", "canonical"].iloc[0]
    'VLAIO'
    """
    return EntityRecognizer(
        model,
        gazetteer=gazetteer,
        builtin_gazetteer=builtin_gazetteer,
        include_procedural=include_procedural,
        labels=labels,
        batch_size=batch_size,
        n_process=n_process,
        progress=progress,
        n_jobs=n_jobs,
    ).fit_transform(turns)
