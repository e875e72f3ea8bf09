"""Parse the text of a Flemish Parliament report into a table of speaker turns.

The parser works in three passes over the lines:

1. Every line is given a kind. Page furniture (running header, footer, page
   numbers, link lines) is set aside, and the line after it, or a line that
   starts with a space or a form feed, is marked as the start of a page.
2. The remaining lines are grouped into paragraphs at blank lines. A paragraph
   that runs over a page break is joined again: the PDF put blank lines and
   furniture in it, not the speaker.
3. Each paragraph is read in order: an agenda heading, a document number line,
   the ``Voorzitter:`` line, a stage direction, a turn's opening label, or more
   of the current turn.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass, field
from functools import lru_cache
from os import PathLike
from pathlib import Path

import pandas as pd

from ..._errors import Errors, NoTurnsError, ParameterError, ParseWarning, message
from ..._schema import count_words, meeting_key
from .._normalise import normalise
from .._report import ParseReport
from ._furniture import FURNITURE_STARTS, PAGE_START_MARKS, furniture_kind, match_header
from ._hyphenation import Dehyphenator
from ._labels import (
    NAME,
    in_date_range,
    is_procedural,
    make_date,
    match_label,
    parse_chair_change,
    parse_chair_line,
)

__all__ = ["parse_rows"]

# A paragraph opening with one of these may be a stage direction over two lines.
_STAGE_OPENERS = frozenset("–—-(")

_HEADING_KINDS = (
    "VRAAG OM UITLEG",
    "VRAGEN OM UITLEG",
    "ACTUELE VRAAG",
    "ACTUELE VRAGEN",
    "INTERPELLATIE",
    "INTERPELLATIES",
    "ONTWERP VAN DECREET",
    "VOORSTEL VAN DECREET",
    "ONTWERP VAN RESOLUTIE",
    "VOORSTEL VAN RESOLUTIE",
    "VOORSTEL TOT",
    "VOORSTELLEN VAN",
    "VRAAG",
    "MOTIES",
    "MOTIE",
    "STEMMINGEN",
    "STEMMING",
    "REGELING VAN DE WERKZAAMHEDEN",
    "GEDACHTEWISSELING",
    "HOORZITTING",
    "BEGROTING",
    "BELEIDSNOTA",
    "VERZOEKSCHRIFT",
)
# A heading begins with a run of capitalised words: "VRAAG OM UITLEG van ...".
_CAPS_RUN = re.compile(r"^(?P<kind>[A-ZÀ-Þ]{2,}(?:[ \-][A-ZÀ-Þ]{2,})+)(?=\s|$|,)")
# The lookbehinds start a match only at a run's first character: linear on long runs.
_DOC = re.compile(r"(?<![\d/])(?P<nr>\d+(?:/\d+)?)\s*\((?P<session>\d{4}-\d{4})\)")
_DOC_LINE = re.compile(r"^[–—-]\s*\d+(?:/\d+)?\s*\(\d{4}-\d{4}\)")
_STAGE = re.compile(r"^(?:[–—]\s+\S|\(.*\)\s*$)")
_SENTENCE_END = re.compile(r"""[.!?:…;]["”’)\]]*$""")
# The addressee's title may come before the name: "aan minister-president Matthias Diependaele".
_TITLE = r"(?:(?:[Vv]laams\s+)?(?:[Vv]ice-?)?[Mm]inister(?:-president)?\s+)?"
_HEADING_PARTS = re.compile(
    # One asks a question "aan" a minister, but interpellates "tot" one. Several
    # askers share one heading ("van A, van B en van C aan D"); the addressee's
    # office after a comma may be left out ("tot D over E").
    rf"^(?P<askers>van\s+{NAME}(?:(?:,\s*|\s+en\s+)van\s+{NAME})*)"
    rf"\s+(?:aan|tot)\s+{_TITLE}(?P<addressee>{NAME})(?:,.*?)?\s+over\s+(?P<subject>.+)$",
    re.DOTALL,
)
_ASKER = re.compile(rf"\bvan\s+(?P<name>{NAME})")
# Grouped questions may name the subject first: "ACTUELE VRAGEN over E van A aan D
# en van B aan D". A general reading: the subject up to the first "van X aan|tot".
_SUBJECT_FIRST = re.compile(
    rf"^over\s+(?P<subject>.+?)\s+(?=van\s+{NAME}\s+(?:aan|tot)\s)(?P<rest>.+)$", re.DOTALL
)
# The addressee may be the government: "... aan de Vlaamse Regering".
_ASKED = re.compile(
    rf"\bvan\s+(?P<asker>{NAME})\s+(?:aan|tot)\s+(?:de\s+)?{_TITLE}(?P<addressee>{NAME})"
)
# A debate's phases are headings within its item, not items of their own.
_PHASE = re.compile(r"^(?:ALGEMENE\s+|ARTIKELSGEWIJZE\s+)?BESPREKING(?:\s+[A-Z ]+)?$")
# A table of contents gives each heading a page number at its end ("... over Z 3",
# "... over Z ..... 3"); a heading in the text never ends in one.
_TOC_PAGE = re.compile(r"(?<![\d/.…\s])(?:\s*(?:\.{2,}|…+))?\s+\d{1,3}$")
# Reactions noted inside a turn's line: "... onaanvaardbaar. (Applaus bij Vooruit)".
# Only these words are taken, so that a speaker's own brackets stay in the speech.
_STAGE_WORDS = (
    r"(?:Applaus|Luid applaus|Algemeen applaus|Opmerkingen|Opmerking|Rumoer|Gelach|"
    r"Hilariteit|Protest|Tumult|Onrust|Samenspraak|Interrupties|Interruptie|Gejuich|Boegeroep)"
)
# It may end the line or come between two sentences: "(Applaus bij cd&v) Ik ga verder."
_INLINE_STAGE = re.compile(
    rf"(?<=[.!?…:])\s+(?P<stage>\({_STAGE_WORDS}\b[^()]*\))(?=\s*$|\s+[A-ZÀ-Þ])"
)
# A reaction too long for one line: "(Opmerkingen van Filip Brusselmans en van" / "Inge Moerman)".
_STAGE_OPENS = re.compile(rf"^\({_STAGE_WORDS}\b[^()]*$")
_STAGE_WHOLE = re.compile(rf"^\({_STAGE_WORDS}\b[^()]*\)$")
# A one-word heading on a line of its own: "VERONTSCHULDIGINGEN", "MEDEDELINGEN".
_CAPS_WORD = re.compile(r"^[A-ZÀ-Þ]{6,}$")
# "– De vergadering wordt geschorst om 15.12 uur.": a dash line that opens a
# paragraph even without a blank line before it, where a dash in a speech
# (a list, an aside) must not.
# The chair's change may run over two lines: "– Freya Perdaens treedt als" / "voorzitter op.".
# Votes are noted the same way: "– Er wordt tot naamstemming overgegaan.".
_DASH_STAGE = re.compile(
    r"^[–—-]\s*(?:(?:De|Het)\s+(?:vergadering|zitting|incident|stemming)\b|Er\s+wordt\b|"
    rf"{NAME}\s+treedt\b)"
)
# After the meeting is suspended or closed, no turn goes on: what follows without a
# label (a list of those present, the votes' name lists) belongs to no one's speech.
_ENDS_TURNS = re.compile(r"\bvergadering\s+wordt\s+(?:geschorst|gesloten)\b")
_SOURCE_NAME = re.compile(r"(?P<nr>[A-Z]{0,4}\d{1,4})_(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})")


# A line that reads like a speaker label inside a turn: a name with a party in
# brackets and a colon, or a title or form of address, a name and a colon.
_LABEL_LIKE = re.compile(
    rf"^\s*(?:{NAME}\s*\([^()\n]{{1,30}}\)|(?:De heer|Mevrouw|Minister|Vlaams minister|"
    rf"Minister-president|Staatssecretaris|De voorzitter)(?:\s+{NAME})?)\s*:"
)


def _warn(code: str, **fields: object) -> None:
    warnings.warn(message(code, **fields), ParseWarning, stacklevel=5)


@dataclass
class _Paragraph:
    lines: list[tuple[int, str]]
    page_break_before: bool = False
    one_line: bool = False

    @property
    def first(self) -> str:
        return self.lines[0][1]


@dataclass
class _Turn:
    speaker: str | None
    party: str | None
    role: str
    item: int
    line_start: int
    paragraphs: list[str] = field(default_factory=list)
    line_end: int = 0
    chair_known: bool = True


@dataclass
class _Item:
    number: int
    headings: list[dict] = field(default_factory=list)
    has_turns: bool = False


_KNOWN_HEADING = re.compile(
    "^(?P<kind>" + "|".join(sorted(_HEADING_KINDS, key=len, reverse=True)) + ")(?![A-Za-zÀ-ÿ])"
)


@lru_cache(maxsize=4096)
def _heading_kind(text: str) -> str | None:
    if not text[1:2].isupper():
        return None
    m = _KNOWN_HEADING.match(text)
    if m:
        return m["kind"]
    if ":" in text and match_label(text):  # a label in capitals: "STIJN DE ROO (CD&V):"
        return None
    m = _CAPS_RUN.match(text)
    if m and sum(c.isalpha() for c in m["kind"]) >= 8:
        return m["kind"]
    if _CAPS_WORD.match(text):
        return text
    return None


def _heading_parts(rest: str) -> tuple[str | None, str | None, str | None]:
    """Askers (joined with "; "), addressee and subject of a heading's words after its kind."""
    m = _HEADING_PARTS.match(rest)
    if m:
        names = [a["name"] for a in _ASKER.finditer(m["askers"])]
        return "; ".join(names), m["addressee"], m["subject"]
    m = _SUBJECT_FIRST.match(rest)
    asked = list(_ASKED.finditer(m["rest"])) if m else []
    if m and asked:
        askers = "; ".join(dict.fromkeys(a["asker"] for a in asked))
        return askers, asked[0]["addressee"], m["subject"]
    # "van A tot D en van B tot D, ..., over E": each asker names the addressee.
    asked = list(_ASKED.finditer(rest))
    subject = re.search(r"\bover\s+(?P<subject>.+)$", rest[asked[-1].end() :]) if asked else None
    if subject and rest.startswith("van"):
        askers = "; ".join(dict.fromkeys(a["asker"] for a in asked))
        return askers, asked[0]["addressee"], subject["subject"]
    return None, None, None


def _opens_any_block(text: str) -> bool:
    """A heading that opens its paragraph even after a line that ends no sentence.

    A title page or a section title ends in no full stop either ("Commissie voor
    Onderwijs" / "ACTUELE VRAGEN"). Only unmistakable headings qualify: a known kind
    of two words or more ("ACTUELE VRAAG van ...") or a capitalised word alone on its
    line; a capitalised word at the start of a speech line opens nothing.
    """
    if not text[1:2].isupper():
        return False
    m = _KNOWN_HEADING.match(text)
    return bool(m and " " in m["kind"]) or bool(_CAPS_WORD.match(text))


def _is_sub_heading(lines: list[tuple[int, str]]) -> bool:
    """A short line without final punctuation after a sentence's end: "Bespreking"."""
    last = lines[-1][1]
    if len(last) >= 60:
        return False
    return len(lines) == 1 or bool(_SENTENCE_END.search(lines[-2][1]))


def _date_parameter(date: object) -> pd.Timestamp:
    """The ``date=`` given, as a Timestamp the turns table can hold."""
    try:
        value = pd.Timestamp(date)
    except (ValueError, TypeError, OverflowError):
        value = None
    if value is None or pd.isna(value) or not in_date_range(value):
        raise ParameterError(message("E021", value=date))
    return value.tz_localize(None) if value.tzinfo else value


def _session_of(date: pd.Timestamp) -> str:
    start = date.year if date.month >= 9 else date.year - 1
    return f"{start}-{start + 1}"


class _TranscriptParser:
    def __init__(self, text: str, source: str, meeting: str | None, date: object) -> None:
        normalised = normalise(text)
        text = normalised.text
        self.normalised = normalised.counts
        self.origin = normalised.origin
        self.lines = text.split("\n")
        if self.lines and self.lines[-1] == "":
            self.lines.pop()
        self.source = source
        self.meeting = meeting
        self.meeting_given = meeting is not None
        self.date = None if date is None else _date_parameter(date)
        self.bad_dates: list[tuple[int, str]] = []
        self.form_feeds: list[int] = []
        self.last_header = 0
        # Further meetings in the same file: (first line, meeting, date).
        self.meetings: list[tuple[int, str, pd.Timestamp | None]] = []
        self.kinds: list[str] = ["unplaced"] * len(self.lines)
        self.dehyphenator = Dehyphenator(text)
        self.page_joins: list[int] = []
        self.items: list[_Item] = []
        self.turns: list[_Turn] = []
        self.chair: str | None = None
        self.current: _Turn | None = None
        self.stage_directions: list[dict] = []
        self.title_lines: set[int] = set()
        self.inline_stages: list[tuple[int, str]] = []

    # -- pass 1: furniture and page breaks ---------------------------------
    def _paragraphs(self) -> list[_Paragraph]:
        paragraphs: list[_Paragraph] = []
        current: _Paragraph | None = None
        page_break = False
        for index, raw in enumerate(self.lines):
            number = index + 1
            line = raw
            if "\f" in line:
                page_break = True
                self.form_feeds.append(number)
                line = line.replace("\f", "")
            # Inlined first-character tests: this loop runs once per line of a corpus.
            kind = furniture_kind(line) if line.lstrip()[:1] in FURNITURE_STARTS else None
            if kind:
                self.kinds[index] = kind
                if kind == "header":
                    self._note_header(line, number)
                # A page break is no paragraph break: the blank lines around the
                # furniture (if any) or the next line's form decide that.
                page_break = True
                continue
            if not line.strip():
                self.kinds[index] = "blank"
                if line:  # a page's first line, left empty but for its space
                    page_break = True
                current = None
                continue
            starts_page = page_break or line[:1] in PAGE_START_MARKS
            page_break = False
            text = line.strip()
            if "(" in text:  # a reaction is no part of the speech; pass 3 reports it
                for inline in _INLINE_STAGE.finditer(text):
                    self.inline_stages.append((number, inline["stage"]))
                text = _INLINE_STAGE.sub("", text)
            if (
                current is not None
                and (
                    current.one_line
                    or not text[:1].islower()
                    or current.first[:1] in _STAGE_OPENERS
                )
                and self._opens_block(text, current, starts_page)
            ):
                current = None
            if current is None:
                current = _Paragraph([], starts_page, self._is_one_line(text))
                paragraphs.append(current)
            current.lines.append((number, text))
        return paragraphs

    @staticmethod
    def _is_one_line(first: str) -> bool:
        """The document number line, the chair line and "(Applaus bij N-VA)" are one line each."""
        return bool(
            _DOC_LINE.match(first)
            or first.startswith("Voorzitter:")
            or (first.startswith("(") and _STAGE.match(first))
            or _CAPS_WORD.match(first)
        )

    @staticmethod
    def _opens_block(text: str, current: _Paragraph, starts_page: bool) -> bool:
        """Whether a line opens a paragraph though no blank line comes before it."""
        if current.one_line:
            return True
        # A stage direction over two lines ends with its sentence or its bracket.
        opener = current.first[:1]
        if opener in "–—-" and _DASH_STAGE.match(current.first):
            if _SENTENCE_END.search(current.lines[-1][1]):
                return True
        elif opener == "(" and _STAGE_OPENS.match(current.first):
            if current.lines[-1][1].endswith(")"):
                return True
        start = text[:1]
        # Most lines go on a sentence in lower case: decide those before any regex.
        if start != "(" and not start.isupper() and start not in "–—-":
            return False
        # A heading ends without a full stop, yet a label or another heading
        # may follow it on the next line.
        ends_sentence = (
            starts_page
            or _SENTENCE_END.search(current.lines[-1][1])
            or _heading_kind(current.first)
        )
        if start == "(":  # "(Applaus bij N-VA)" on a line of its own, or two
            return bool(ends_sentence and (_STAGE.match(text) or _STAGE_OPENS.match(text)))
        if _DOC_LINE.match(text) or text.startswith("Voorzitter:"):
            return True
        if ends_sentence and _DASH_STAGE.match(text):
            return True
        if _opens_any_block(text):
            return True
        if ends_sentence and (_heading_kind(text) or parse_chair_change(text)):
            return True
        label = match_label(text)
        if not label:
            return False
        # Text without blank lines: a member's label ("Name (party):") or the chair's
        # opens a turn after any line; a minister's after a sentence, a bracket that
        # closes a reaction, or a short sub-heading ("Bespreking").
        last = current.lines[-1][1]
        return bool(
            ends_sentence
            or label[0].party
            or label[0].role == "chair"
            or last.endswith(")")
            or _is_sub_heading(current.lines)
        )

    def _note_header(self, line: str, number: int) -> None:
        header = match_header(line)
        if header is None:
            return
        if header.date is None:
            self.bad_dates.append((number, header.date_text))
        current = self.meetings[-1][1] if self.meetings else self.meeting
        if self.meeting is None:
            self.meeting = header.meeting
        elif header.meeting != current and not self.meeting_given:
            # Two reports in one file: the other meeting starts with the first page
            # break after its predecessor's last header, else at its own header.
            breaks = [n for n in self.form_feeds if self.last_header < n <= number]
            self.meetings.append((breaks[0] if breaks else number, header.meeting, header.date))
        self.last_header = number
        if self.date is None and not self.meetings:
            self.date = header.date

    def _fall_back_on_source_name(self) -> None:
        m = _SOURCE_NAME.search(Path(self.source).name)
        if not m:
            return
        if self.date is None:
            self.date = make_date(int(m["y"]), int(m["m"]), int(m["d"]))
        if self.meeting is None and self.date is not None:
            self.meeting = f"{m['nr']} ({_session_of(self.date)})"

    # -- pass 2: paragraphs over page breaks --------------------------------
    def _continues(self, before: _Paragraph, after: _Paragraph) -> bool:
        if not after.page_break_before or _SENTENCE_END.search(before.lines[-1][1]):
            return False
        # "... minister van" / page break / "Economie, ...": a capital after an
        # unfinished line goes on too, unless it opens something of its own.
        return after.first[:1].islower() or self._classify(after) == "text"

    def _join(self, lines: list[tuple[int, str]]) -> str:
        return self.dehyphenator.join_lines(lines)

    # -- pass 3: structure ---------------------------------------------------
    def parse(self) -> tuple[list[dict], ParseReport]:
        """Read the paragraphs in order, each by the handler of its kind."""
        paragraphs = self._paragraphs()
        if self.meeting is None or self.date is None:
            self._fall_back_on_source_name()
        handlers = {
            "heading": self._on_heading,
            "docs": self._on_docs,
            "chair": self._on_chair,
            "stage": self._on_stage,
            "label": self._on_label,
            "text": self._on_text,
        }
        previous: _Paragraph | None = None
        previous_kind = ""
        for para in paragraphs:
            if (
                previous is not None
                and previous_kind in ("speech", "heading")
                and self._continues(previous, para)
            ):
                self._join_over_page_break(previous, previous_kind, para)
                previous = _Paragraph(previous.lines + para.lines)
                continue
            kind = self._classify(para)
            if kind == "docs" and not (self.items and not self.items[-1].has_turns):
                kind = "text"  # a document line after the debate's turns began
            para, kind = handlers[kind](para)
            previous, previous_kind = para, kind
        if not self.turns:
            raise self._no_turns_error()
        self._place_inline_stages(self.turns)
        for item in self.items:
            for heading in item.headings:
                heading["title"] = self._join(heading["lines"])
        self._warn_about_doubts()
        return self._turn_rows(self.turns, self.items), self._report(self.items)

    def _join_over_page_break(self, previous: _Paragraph, kind: str, para: _Paragraph) -> None:
        """A paragraph the page broke: its second half goes on the first."""
        numbers = [n for n, _ in para.lines]
        self.page_joins.append(numbers[0])
        if kind == "speech" and self.current is not None:
            self.current.paragraphs[-1] = self._join(previous.lines + para.lines)
            self.current.line_end = numbers[-1]
            self._mark(numbers, "turn")
        else:
            self.items[-1].headings[-1]["lines"].extend(para.lines)
            self._mark(numbers, "heading")

    # Each handler takes a paragraph and returns it (or what stands for it in a
    # join over the next page break) with the kind that decides such a join.
    def _on_heading(self, para: _Paragraph) -> tuple[_Paragraph, str]:
        self.current = None
        items = self.items
        if items and not items[-1].has_turns:
            self._drop_titles(items[-1], para)
        # Not self._join: that would report the title's hyphens twice.
        words = " ".join(text for _, text in para.lines)
        phase = bool(items) and bool(_PHASE.match(words))
        if not phase and (not items or items[-1].has_turns):
            items.append(_Item(len(items) + 1))
        # The chair so far, until the debate's own "Voorzitter:" line names one.
        items[-1].headings.append(
            {
                "kind": _heading_kind(para.first),
                "lines": para.lines,
                "chair": self.chair,
                "phase": phase,
                # Before the first turn, perhaps an entry of a table of contents:
                # the next heading tells (see _drop_titles).
                "contents": not self.turns and bool(_TOC_PAGE.search(para.lines[-1][1])),
            }
        )
        self._mark([n for n, _ in para.lines], "heading")
        return para, "heading"

    def _on_docs(self, para: _Paragraph) -> tuple[_Paragraph, str]:
        self.items[-1].headings[-1].setdefault("docs", []).extend(
            f"{d['nr']} ({d['session']})" for d in _DOC.finditer(self._join(para.lines))
        )
        self._mark([n for n, _ in para.lines], "docs")
        return para, "docs"

    def _on_chair(self, para: _Paragraph) -> tuple[_Paragraph, str]:
        self.chair = parse_chair_line(self._join(para.lines))
        if self.items and not self.items[-1].has_turns:
            for heading in self.items[-1].headings:  # every heading of a joint debate
                heading["chair"] = self.chair
        self._mark([n for n, _ in para.lines], "chair")
        return para, "chair"

    def _on_stage(self, para: _Paragraph) -> tuple[_Paragraph, str]:
        numbers = [n for n, _ in para.lines]
        text = self._join(para.lines)
        new_chair = parse_chair_change(text)
        self.chair = new_chair or self.chair
        if _ENDS_TURNS.search(text):
            self.current = None
        self.stage_directions.append(
            {
                "line": numbers[0],
                "text": text,
                "item": self.items[-1].number if self.items else pd.NA,
                "turn": len(self.turns) if self.turns else pd.NA,
                "new_chair": new_chair,
            }
        )
        self._mark(numbers, "stage direction")
        return para, "stage"

    def _on_label(self, para: _Paragraph) -> tuple[_Paragraph, str]:
        numbers = [n for n, _ in para.lines]
        speaker, offset = match_label(para.first)  # type: ignore[misc]  # a label: _classify saw it
        name = self.chair if speaker.role == "chair" else speaker.speaker
        item = self.items[-1].number if self.items else 0
        if self.items:
            self.items[-1].has_turns = True
        self.current = _Turn(name, speaker.party, speaker.role, item, numbers[0])
        self.current.chair_known = speaker.role != "chair" or self.chair is not None
        first_line = (numbers[0], para.first[offset:].strip())
        # Without its label, so that a join over a page break leaves it out.
        para = _Paragraph([first_line, *para.lines[1:]], para.page_break_before)
        self.current.paragraphs.append(self._join(para.lines))
        self.current.line_end = numbers[-1]
        self.turns.append(self.current)
        self._mark(numbers, "turn")
        return para, "speech"

    def _on_text(self, para: _Paragraph) -> tuple[_Paragraph, str]:
        numbers = [n for n, _ in para.lines]
        if self.current is None:
            self._mark(numbers, "unplaced")
            return para, "text"
        self.current.paragraphs.append(self._join(para.lines))
        self.current.line_end = numbers[-1]
        self._mark(numbers, "turn")
        return para, "speech"

    def _warn_about_doubts(self) -> None:
        """One numbered warning for each kind of doubt this report leaves."""
        where = self.source
        hint = "parse with report=True and look at report.lines"
        if self.bad_dates:
            line, text = self.bad_dates[0]
            _warn("W007", path=where, line=self._original(line), date=text, n=len(self.bad_dates))
        if self.meeting is None and self.date is None:
            _warn("W005", path=where)
        if self.meetings:
            names = ", ".join(m for _, m, _ in self.meetings[:3])
            _warn("W010", path=where, meeting=self.meeting, others=names, n=len(self.meetings))
        starts = {t.line_start for t in self.turns}
        label_like = [
            i + 1
            for i, (kind, line) in enumerate(zip(self.kinds, self.lines, strict=True))
            if kind == "turn" and ":" in line and i + 1 not in starts and _LABEL_LIKE.match(line)
        ]
        if label_like:
            lines = ", ".join(str(self._original(n)) for n in label_like[:5])
            _warn("W003", path=where, n=len(label_like), lines=lines, hint=hint)
        unplaced = [
            i + 1
            for i, kind in enumerate(self.kinds)
            if kind == "unplaced" and i + 1 not in self.title_lines
        ]
        if unplaced:
            lines = ", ".join(str(self._original(n)) for n in unplaced[:5])
            _warn("W004", path=where, n=len(unplaced), lines=lines, hint=hint)
        long_chair = [
            t
            for t in self.turns
            if not t.chair_known and sum(len(p.split()) for p in t.paragraphs) >= 200
        ]
        if long_chair:
            t = long_chair[0]
            _warn("W006", path=where, n=len(long_chair), line=self._original(t.line_start))

    def _drop_titles(self, item: _Item, para: _Paragraph) -> None:
        """Keep only debates in an item that a new heading joins before any turn.

        Headings in a row are one joint debate, but a title page or a section title
        (``HANDELINGEN``, ``ACTUELE VRAGEN``, ``MOTIES``: capitals only, no document)
        opens none, nor does an entry of a table of contents (a heading ending in a
        page number); and the same heading again means what came before was a table
        of contents (its page numbers on lines of their own). Their lines go unplaced.
        """

        def letters(lines: list[tuple[int, str]]) -> str:
            # Hyphens and line breaks fall differently in a table of contents.
            return re.sub(r"[\W_]+", "", "".join(text for _, text in lines)).lower()

        words = letters(para.lines)
        if any(letters(h["lines"]) == words for h in item.headings):
            dropped = item.headings
        else:
            dropped = [
                h
                for h in item.headings
                if h["contents"]
                or (
                    not h["phase"]
                    and not h.get("docs")
                    and not any(c.islower() for _, text in h["lines"] for c in text)
                )
            ]
        for heading in dropped:
            numbers = [n for n, _ in heading["lines"]]
            self._mark(numbers, "unplaced")
            self.title_lines.update(numbers)  # unplaced on purpose: no warning
        item.headings[:] = [h for h in item.headings if h not in dropped]

    def _place_inline_stages(self, turns: list[_Turn]) -> None:
        """Report each reaction cut from a turn's line with the turn it interrupts."""
        for line, text in self.inline_stages:
            number = next(
                (n for n, t in enumerate(turns, 1) if t.line_start <= line <= t.line_end), None
            )
            self.stage_directions.append(
                {
                    "line": line,
                    "text": text,
                    "item": (turns[number - 1].item or pd.NA) if number else pd.NA,
                    "turn": number or pd.NA,
                    "new_chair": None,
                }
            )
        self.stage_directions.sort(key=lambda d: d["line"])

    def _classify(self, para: _Paragraph) -> str:
        first = para.first
        if _heading_kind(first):
            return "heading"
        if _DOC_LINE.match(first):
            return "docs"
        if first.startswith("Voorzitter:"):
            return "chair"
        if match_label(first):
            return "label"
        if _STAGE.match(first) and (first[0] != "(" or len(para.lines) == 1):
            return "stage"
        if first[0] in "–—-" and _DASH_STAGE.match(first):  # a hyphen-minus, or no space
            return "stage"
        if _STAGE_WHOLE.match(" ".join(text for _, text in para.lines)):
            return "stage"
        return "text"

    def _mark(self, numbers: list[int], kind: str) -> None:
        for n in numbers:
            self.kinds[n - 1] = kind

    def _no_turns_error(self) -> NoTurnsError:
        first = next(
            ((i + 1, line.strip()) for i, line in enumerate(self.lines) if line.strip()),
            (None, ""),
        )
        return NoTurnsError(
            Errors.E004.format(n_lines=len(self.lines), first=first[1][:80]),
            path=self.source,
            line=None if first[0] is None else self._original(first[0]),
        )

    # -- output ------------------------------------------------------------------
    def _item_fields(self, items: list[_Item]) -> dict[int, dict]:
        fields: dict[int, dict] = {}
        for item in items:
            # A phase ("ALGEMENE BESPREKING") names no debate: the title is its item's.
            titles = [h["title"] for h in item.headings if not h["phase"]] or [
                h["title"] for h in item.headings
            ]
            docs = [d for h in item.headings for d in h.get("docs", [])]
            fields[item.number] = {
                "item_title": " / ".join(titles),
                "item_docs": "; ".join(docs) or None,
                "item_kind": item.headings[0]["kind"].lower(),
                "titles": titles,
            }
        return fields

    def _parties(self, turns: list[_Turn]) -> dict[str, str]:
        return {t.speaker: t.party for t in turns if t.party and t.speaker}

    def _turn_rows(self, turns: list[_Turn], items: list[_Item]) -> list[dict]:
        item_fields = self._item_fields(items)
        parties = self._parties(turns)
        # Wide enough for every turn, so that turn_ids sort in turn order.
        self.id_width = max(4, len(str(len(turns))))
        none = {"item_title": None, "item_docs": None, "item_kind": None}
        rows = []
        meetings = [(0, self.meeting, self.date), *self.meetings]
        which = 0
        number = 0
        meeting, date = self.meeting, self.date
        key = meeting_key(meeting, Path(self.source).stem)
        for t in turns:
            if which + 1 < len(meetings) and t.line_start >= meetings[which + 1][0]:
                while which + 1 < len(meetings) and t.line_start >= meetings[which + 1][0]:
                    which += 1
                _, meeting, date = meetings[which]
                key = meeting_key(meeting, Path(self.source).stem)
                number = 0
            number += 1
            text = "\n\n".join(p for p in t.paragraphs if p)
            party = t.party or (parties.get(t.speaker or "") if t.role == "chair" else None)
            fields = item_fields.get(t.item, none)
            rows.append(
                {
                    "turn_id": f"{key}-{number:0{self.id_width}d}",
                    "meeting": meeting,
                    "date": date,
                    "item": t.item or None,
                    "item_title": fields["item_title"],
                    "item_docs": fields["item_docs"],
                    "item_kind": fields["item_kind"],
                    "turn": number,
                    "speaker": t.speaker,
                    "party": party,
                    "role": t.role,
                    "text": text,
                    "procedural": is_procedural(text),
                    "n_words": count_words(text),
                    "source": self.source,
                    "line_start": self._original(t.line_start),
                    "line_end": self._original(t.line_end),
                }
            )
        return rows

    def _report(self, items: list[_Item]) -> ParseReport:
        rows = []
        for item in items:
            for number, heading in enumerate(item.headings, start=1):
                title = heading["title"]
                kind = heading["kind"]
                parts = _heading_parts(title[len(kind) :].strip())
                rows.append(
                    {
                        "item": item.number,
                        "heading": number,
                        "kind": kind.lower(),
                        "title": title,
                        "docs": "; ".join(heading.get("docs", [])) or None,
                        "asker": parts[0],
                        "addressee": parts[1],
                        "subject": parts[2],
                        "chair": heading.get("chair"),
                        "line_start": self._original(heading["lines"][0][0]),
                        "line_end": self._original(heading["lines"][-1][0]),
                    }
                )
        joins = sorted((j.__dict__ for j in self.dehyphenator.joins_), key=lambda j: j["line"])
        numbers: range | list[int] = range(1, len(self.lines) + 1)
        if self.origin is not None:  # lines were split: number them as the file does
            numbers = self.origin
            joins = [{**j, "line": self._original(j["line"])} for j in joins]
            for stage in self.stage_directions:
                stage["line"] = self._original(stage["line"])
            self.page_joins = [self._original(n) for n in self.page_joins]
        lines = {"line": numbers, "kind": self.kinds, "text": self.lines}
        return ParseReport(
            source=self.source,
            meeting=self.meeting,
            date=self.date,
            lines=lines,
            items=rows,
            stage_directions=self.stage_directions,
            joins=joins,
            page_joins=self.page_joins,
            normalised=self.normalised,
        )

    def _original(self, number: int) -> int:
        """The line's number in the text as given, before lines were split."""
        return number if self.origin is None else self.origin[number - 1]


def _check_is_text(text: object) -> None:
    """A file name or a non-string where the report's text belongs is a common slip."""
    if not isinstance(text, str):
        raise ParameterError(message("E019", got=type(text).__name__))
    single = text.strip()
    if "\n" not in single and single.lower().endswith((".txt", ".pdf")):
        raise ParameterError(message("E020", path=single))


def parse_rows(
    text: str,
    source: str | PathLike[str] = "<text>",
    *,
    meeting: str | None = None,
    date: object = None,
) -> tuple[list[dict], ParseReport]:
    """Parse text into turn rows (dictionaries) and the parse report.

    The rows of many transcripts become one table in a single step, which is
    what makes :func:`debatekit.read_corpus` fast.
    """
    # The caches serve repeats within one report; emptied, they keep one report's
    # lines from speeding up (or filling memory for) the next.
    match_label.cache_clear()
    _heading_kind.cache_clear()
    return _TranscriptParser(text, str(source), meeting, date).parse()
