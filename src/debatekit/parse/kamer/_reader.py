"""Read a federal Chamber report (Integraal Verslag) into turn rows and a parse report.

The report's paragraphs (from its Word HTML, :mod:`._html`, or from its text)
are read in order, each given one kind:

- ``header``: the bilingual title block (meeting, date, part of the day);
- ``heading``: a numbered agenda heading in Dutch or French (``02 Vraag van ...``,
  ``02 Question de ...``), the lines of a joint one (``- X aan Y over ...``), or a
  section title (``Mondelinge vragen``, ``Algemene bespreking``);
- ``chair``: the opening line naming the chair, and a change of chair;
- ``turn``: a speaker's label and what they say after it;
- ``stage direction``: what the report notes in italics (``Het incident is
  gesloten.``, applause, the vote procedure), in either language;
- ``votes``: vote result tables and the roll-call name lists (``dk.read_votes``
  reads them);
- ``unplaced``: anything else, kept with its paragraph number.

The Dutch heading gives the item's title, the French one ``item_title_fr``.
Paragraphs in both languages under one label (the chair reading a procedural
line in Dutch and in French) stay one turn.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pandas as pd

from ..._errors import Errors, NoTurnsError
from ..._schema import count_words, meeting_key
from ...lang._detect import detect_language
from .._report import ParseReport
from ..flemish._labels import is_procedural
from ._html import Paragraph, normalise_text
from ._labels import (
    match_chair_change,
    match_label,
    match_number_only,
    match_opening_chair,
    parse_title_date,
)

__all__ = ["parse_paragraphs", "paragraphs_from_text", "looks_like_chamber_text", "PARLIAMENT"]

#: The ``parliament`` column's value for the federal Chamber.
PARLIAMENT = "Kamer"

_ITEM_HEADING = re.compile(r"^(?P<number>\d{2,3})\s+(?P<title>\S.*)$")
_SUB_HEADING = re.compile(r"^-\s*\S")
_OPENING = re.compile(r"\b(?:geopend|hervat|ouverte?|reprise|vangt\s+aan|commence)\b")
_STAGE_TEXT = re.compile(
    r"^(?:\(.*\)\s*\.?|Het incident is gesloten\.|L['’]incident est clos\.|"
    r"(?:Begin|Einde|Uitslag) van de stemming\b.*|Heeft iedereen gestemd\b.*|"
    r"\(…\)\s*:\s*\(…\))$"
)
_VOTE_LIST_HEAD = re.compile(
    r"^(?:Vote nominatif\s*-\s*Naamstemming|Naamstemming\s*-\s*Vote nominatif|"
    r"Elektronische telling\s*[–-]\s*Comptage électronique)\s*:?\s*\d*\s*$"
)
_VOTE_CELL = re.compile(
    r"^(?:\(Stemming/vote\s*\d+\)|Ja|Nee|Oui|Non|Onthoudingen|Abstentions|Totaal|Total|\d+"
    # a secret ballot (an election): votes cast, blank or invalid, valid, majority
    r"|Stemmen|Votants|Blanco of ongeldig|Blancs ou nuls|Geldig|Valables|"
    r"Volstrekte meerderheid|Majorité absolue)$"
)
# The annex of roll calls at the end; a "Naamstemmingen" section title in the body is not it.
_VOTES_SECTION = re.compile(
    r"DETAIL\s+(?:VAN\s+DE\s+NAAMSTEMMINGEN|DES\s+VOTES\s+NOMINATIFS)", re.I
)
_CLOSING = re.compile(r"^De (?:openbare commissie)?vergadering wordt gesloten om\b")
# Question and interpellation numbers (56002794C), bills and their parts (456/5, 421/1-3).
_DOCS = re.compile(r"\b(\d{8}[CPIU])\b|\((\d{1,4}/\d{1,3}(?:-\d{1,3})?)\)|\bnrs?\.\s*(\d{1,4}/\d+)")
_KINDS = (
    ("samengevoegde vragen", "samengevoegde vragen"),
    ("samengevoegde interpellaties", "samengevoegde interpellaties"),
    ("vraag", "vraag"),
    ("interpellatie", "interpellatie"),
    ("actualiteitsdebat", "actualiteitsdebat"),
    ("wetsontwerp", "wetsontwerp"),
    ("wetsvoorstel", "wetsvoorstel"),
    ("voorstel van resolutie", "voorstel van resolutie"),
    ("voorstel tot verwerping", "voorstel tot verwerping"),
    ("moties", "moties"),
    ("geheel van", "stemming"),
    ("naamstemming", "stemming"),
    ("stemming", "stemming"),
    ("inoverwegingneming", "inoverwegingnemingen"),
    ("goedkeuring van de agenda", "agenda"),
    ("agenda", "agenda"),
    ("rouwhulde", "rouwhulde"),
    ("eedaflegging", "eedaflegging"),
)
_PARTS_OF_DAY = ("voormiddag", "namiddag", "avond", "ochtend", "middag", "nacht")
_FRENCH_FLOOR = re.compile(
    r"^(?:(?:Monsieur|Madame|M\.|Mme)\s+[^.]{1,60}, vous avez la parole\.|"
    r"L['’]incident est clos\.|La parole est à [^.]{1,60}\.|Merci\.?)$"
)


@dataclass
class _Item:
    number: int
    printed: str
    nl: list[str] = field(default_factory=list)
    fr: list[str] = field(default_factory=list)
    first: int = 0
    last: int = 0
    chair: str | None = None

    def title(self, parts: list[str]) -> str | None:
        return " ".join(parts) if parts else None

    @cached_property
    def kind(self) -> str | None:
        heading = (self.nl or self.fr or [""])[0].lower()
        for prefix, kind in _KINDS:
            if heading.startswith(prefix):
                return kind
        if not self.nl:
            return None
        return heading.split(" ", 1)[0] or None

    @cached_property
    def docs(self) -> str | None:
        found: list[str] = []
        for part in self.nl or self.fr:
            for match in _DOCS.finditer(part):
                doc = next(g for g in match.groups() if g)
                if doc not in found:
                    found.append(doc)
        return "; ".join(found) or None


@dataclass
class _Turn:
    label: str | None
    speaker: str | None
    party: str | None
    role: str
    item: int | None
    first: int
    paragraphs: list[tuple[str, str | None]] = field(default_factory=list)
    last: int = 0
    label_lang: str | None = None


class _ChamberParser:
    def __init__(
        self,
        paragraphs: Sequence[Paragraph],
        source: str,
        meeting: str | None,
        date: object,
    ) -> None:
        self.paragraphs = list(paragraphs)
        self.source = source
        self.kinds: dict[int, str] = {}
        self.items: list[_Item] = []
        self.turns: list[_Turn] = []
        self.stage_directions: list[dict] = []
        self.chair: str | None = None
        self.in_votes = False
        self.closed = False
        self.heading_since_turn = False
        self.last_heading_number: str | None = None
        self.twins_merged = 0
        self.numbers_alone: list[int] = []
        self.title = _title_fields(self.paragraphs)
        # A table that holds vote words and counts holds a result, all of it.
        self.vote_tables = {
            p.table for p in self.paragraphs if p.table > 0 and _VOTE_CELL.match(p.text)
        }
        self.meeting = meeting or self.title.get("meeting")
        self.meeting_kind = self.title.get("kind")
        self.date = pd.Timestamp(date) if date is not None else self.title.get("date")

    # -- the pass over the paragraphs ------------------------------------
    def parse(self) -> tuple[list[dict], ParseReport]:
        for number, para in enumerate(self.paragraphs):
            self.kinds[number] = self._read(number, para)
        self._merge_twins()
        if not self.turns:
            first = next((p.text for p in self.paragraphs if p.table != 0), "")
            raise NoTurnsError(
                Errors.E500.format(n=len(self.paragraphs), first=first[:80]),
                path=self.source,
                code="E500",
            )
        return self._rows(), self._report()

    def _read(self, number: int, para: Paragraph) -> str:
        text = para.text
        if para.table == 0 and not self.turns and not self.items:
            return "header"
        if self.in_votes or _VOTE_LIST_HEAD.match(text):
            return "votes"
        if para.tag == "h1":
            if _VOTES_SECTION.search(text):
                self.in_votes = True
                return "votes"
            self._note_heading()
            return "heading"
        if para.tag.startswith("h") and para.tag != "h1" or para.style.startswith("Titre"):
            return self._heading(number, para)
        if para.table > 0:
            return self._table_paragraph(number, para)
        return self._body(number, para)

    def _note_heading(self) -> None:
        self.heading_since_turn = True

    def _heading(self, number: int, para: Paragraph) -> str:
        found = _ITEM_HEADING.match(para.text)
        if found is None and _SUB_HEADING.match(para.text) and self.items:
            item = self.items[-1]
            side = item.nl if self.last_heading_lang == "nl" else item.fr
            side.append(para.text)
            item.last = number
            return "heading"
        if found is None:  # a section title (Titre3/Titre4, an unnumbered h2)
            self._note_heading()
            return "heading"
        printed = found["number"]
        lang = detect_language(found["title"], default=None) or _heading_lang(found["title"])
        self.last_heading_lang = lang
        current = self.items[-1] if self.items else None
        if current is None or current.printed != printed or not self.heading_since_turn:
            current = _Item(len(self.items) + 1, printed, first=number, chair=self.chair)
            self.items.append(current)
        (current.nl if lang == "nl" else current.fr).append(found["title"])
        current.last = number
        self.heading_since_turn = True
        return "heading"

    last_heading_lang: str | None = None

    def _table_paragraph(self, number: int, para: Paragraph) -> str:
        if para.table in self.vote_tables:
            return "votes"
        if self.turns and not self.closed and not self.heading_since_turn:
            self._add(number, para)
            return "turn"
        return "stage direction" if self.closed else "unplaced"

    def _body(self, number: int, para: Paragraph) -> str:
        text = para.text
        if _OPENING.search(text) and (chair := match_opening_chair(text)):
            self.chair = chair
            return "chair"
        if (chair := match_chair_change(text)) is not None:
            self.chair = chair
            self._stage(number, text, new_chair=chair)
            return "chair"
        label = match_label(text)
        if label is not None and not self.closed:
            self._open_turn(number, para, label)
            return "turn"
        if match_number_only(text):
            self.numbers_alone.append(number)
            return "unplaced"
        if para.style.startswith("ital") or _STAGE_TEXT.match(text):
            if _CLOSING.match(text) or text.startswith(("La séance est levée à", "La réunion")):
                self.closed = self.closed or _CLOSING.match(text) is not None
            self._stage(number, text)
            return "stage direction"
        if self.closed:
            return "unplaced"
        return self._continue(number, para)

    def _continue(self, number: int, para: Paragraph) -> str:
        """Text without a label: more of the turn, or the chair opening an item."""
        if self.turns and not self.heading_since_turn:
            self._add(number, para)
            return "turn"
        if self.chair is not None and (self.items or self.turns):
            turn = _Turn(None, self.chair, None, "chair", self._item_number(), number)
            self.turns.append(turn)
            self.heading_since_turn = False
            self._add(number, para)
            return "turn"
        return "unplaced"

    def _open_turn(self, number: int, para: Paragraph, label: object) -> None:
        speaker = label.speaker if label.role != "chair" else self.chair
        turn = _Turn(label.number, speaker, label.party, label.role, self._item_number(), number)
        turn.label_lang = label.lang
        self.turns.append(turn)
        self.heading_since_turn = False
        rest = para.text[label.end :].strip()
        self._add(number, para, rest)

    def _add(self, number: int, para: Paragraph, text: str | None = None) -> None:
        turn = self.turns[-1]
        body = para.text if text is None else text
        if body:
            hint = {"NormalNL": "nl", "NormalFR": "fr"}.get(para.style)
            lang = detect_language(body, default=hint)
            turn.paragraphs.append((body, lang))
        turn.last = number

    def _stage(self, number: int, text: str, new_chair: str | None = None) -> None:
        self.stage_directions.append(
            {
                "line": self.paragraphs[number].index + 1,
                "text": text,
                "item": self._item_number(),
                "turn": len(self.turns) or None,
                "new_chair": new_chair,
            }
        )

    def _item_number(self) -> int | None:
        return self.items[-1].number if self.items else None

    def _merge_twins(self) -> None:
        """A chair's label in one language right after its twin in the other: one turn."""
        merged: list[_Turn] = []
        for turn in self.turns:
            before = merged[-1] if merged else None
            if (
                before is not None
                and turn.role == before.role == "chair"
                and turn.label is None
                and before.label is None
                and turn.label_lang
                and before.label_lang
                and turn.label_lang != before.label_lang
                and turn.item == before.item
                and turn.first == before.last + 1 + self._blanks_between(before.last, turn.first)
                and len(turn.paragraphs) == 1
                and len(before.paragraphs) == 1
            ):
                before.paragraphs.extend(turn.paragraphs)
                before.last = turn.last
                self.twins_merged += 1
                continue
            merged.append(turn)
        self.turns = merged

    def _blanks_between(self, first: int, last: int) -> int:
        return 0 if last - first <= 1 else last - first - 1

    # -- output ------------------------------------------------------------
    def _rows(self) -> list[dict]:
        items = {item.number: item for item in self.items}
        parties = {t.speaker: t.party for t in self.turns if t.party and t.speaker}
        key = meeting_key(self.meeting, Path(self.source).stem)
        rows = []
        for number, t in enumerate(self.turns, start=1):
            text = "\n\n".join(body for body, _ in t.paragraphs)
            item = items.get(t.item) if t.item else None
            party = t.party or (parties.get(t.speaker) if t.role == "chair" else None)
            rows.append(
                {
                    "turn_id": f"{key}-{number:04d}",
                    "parliament": PARLIAMENT,
                    "meeting": self.meeting,
                    "date": self.date,
                    "meeting_kind": self.meeting_kind,
                    "item": t.item,
                    "item_title": item.title(item.nl) if item else None,
                    "item_title_fr": item.title(item.fr) if item else None,
                    "item_docs": item.docs if item else None,
                    "item_kind": item.kind if item else None,
                    "turn": number,
                    "turn_label": t.label,
                    "speaker": t.speaker,
                    "party": party,
                    "role": t.role,
                    "text": text,
                    "lang": _turn_language(t),
                    "procedural": _is_procedural(text, t.role),
                    "n_words": count_words(text),
                    "source": self.source,
                    "line_start": self.paragraphs[t.first].index + 1,
                    "line_end": self.paragraphs[t.last].index + 1,
                }
            )
        return rows

    def _report(self) -> ParseReport:
        items = []
        for item in self.items:
            for heading, (lang, title) in enumerate(
                [("nl", t) for t in item.nl] + [("fr", t) for t in item.fr], start=1
            ):
                items.append(
                    {
                        "item": item.number,
                        "heading": heading,
                        "kind": item.kind,
                        "title": title,
                        "docs": item.docs,
                        "asker": None,
                        "addressee": None,
                        "subject": None,
                        "chair": item.chair,
                        "line_start": self.paragraphs[item.first].index + 1,
                        "line_end": self.paragraphs[item.last].index + 1,
                        "lang": lang,
                    }
                )
        lines = {
            "line": [p.index + 1 for p in self.paragraphs],
            "kind": [self.kinds[i] for i in range(len(self.paragraphs))],
            "text": [p.text for p in self.paragraphs],
        }
        report = ParseReport(
            source=self.source,
            meeting=self.meeting,
            date=self.date,
            lines=lines,
            items=pd.DataFrame(items) if items else None,
            stage_directions=self.stage_directions,
        )
        report.parliament = PARLIAMENT
        report.twins_merged = self.twins_merged
        report.numbers_alone = [self.paragraphs[i].index + 1 for i in self.numbers_alone]
        return report


def _heading_lang(title: str) -> str:
    first = title.split(" ", 1)[0].lower()
    french = ("question", "questions", "interpellation", "interpellations", "projet")
    return "fr" if first in french or title.startswith(("Ordre du jour", "Proposition")) else "nl"


def _turn_language(turn: _Turn) -> str | None:
    """The language most of the turn's words are in."""
    words: Counter[str] = Counter()
    for body, lang in turn.paragraphs:
        if lang:
            words[lang] += count_words(body)
    if not words:
        return turn.label_lang
    (best, n), *rest = words.most_common()
    if rest and rest[0][1] == n and turn.label_lang:
        return turn.label_lang
    return best


def _is_procedural(text: str, role: str) -> bool:
    if role != "chair" or not text:
        return False
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", text) if s]
    return is_procedural(text) or all(_FRENCH_FLOOR.match(s) for s in sentences)


def _title_fields(paragraphs: Sequence[Paragraph]) -> dict:
    """Meeting, date and kind of meeting from the title block (Dutch half)."""
    cells = [p for p in paragraphs if p.table == 0 and p.cell in (0, -1)]
    if not cells:  # the text form: the lines before the opening line
        cells = []
        for p in paragraphs:
            if _OPENING.search(p.text) and match_opening_chair(p.text):
                break
            cells.append(p)
    texts = [p.text for p in cells[:12]]
    body = next(
        (t for t in texts if t.startswith(("Plenumvergadering", "Commissie", "Interparlement"))),
        None,
    )
    if body is None:
        body = next((t for t in texts if t and not t.startswith(("van", "du"))), None)
    date = next((d for t in texts if (d := parse_title_date(t))), None)
    dated = next((t for t in texts if parse_title_date(t)), None)
    part = next((t for t in texts if t.lower() in _PARTS_OF_DAY), None)
    fields: dict = {}
    if date:
        fields["date"] = pd.Timestamp(*date)
    if body:
        fields["kind"] = "plenary" if body.startswith("Plenum") else body
        meeting = body
        if dated:
            meeting += f" van {dated[0].lower()}{dated[1:]}"
        if part:
            meeting += f", {part.lower()}"
        fields["meeting"] = meeting
    return fields


def parse_paragraphs(
    paragraphs: Sequence[Paragraph],
    source: str = "<text>",
    *,
    meeting: str | None = None,
    date: object = None,
) -> tuple[list[dict], ParseReport]:
    """Turn rows and the parse report of a Chamber report's paragraphs."""
    return _ChamberParser(paragraphs, str(source), meeting, date).parse()


_NUMBERED_LABEL = re.compile(r"^\d{2}\.\d{2}\s+[^:\n]{3,90}:", re.MULTILINE)
_CHAMBER_TEXT = re.compile(
    r"^(?:Plenumvergadering|Séance plénière|Commissie voor|Le président:|La présidente:)"
    r"|voorgezeten\s+door|présidée?\s+par|Integraal Verslag|Compte rendu intégral",
    re.MULTILINE,
)


def looks_like_chamber_text(text: str) -> bool:
    """Whether text is a Chamber report's: numbered labels and a Chamber form."""
    head = text[:200_000]
    return bool(_NUMBERED_LABEL.search(head)) and bool(_CHAMBER_TEXT.search(head))


def paragraphs_from_text(text: str) -> list[Paragraph]:
    """The paragraphs of a Chamber report's text, one per line (or per block of lines).

    Text copied from the report has one paragraph per line; where blank lines
    part the paragraphs, the lines between two of them are one paragraph.
    A numbered line that is no speaker label is taken as a heading, and the
    ``- X aan Y over ...`` lines right after it as the lines of a joint one.
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    blocks: list[tuple[int, str]] = []
    filled = [line for line in lines if line.strip()]
    blank_parted = len(filled) < 0.7 * len(lines)
    start, current = 0, []
    for number, line in enumerate(lines):
        if not line.strip():
            if current:
                blocks.append((start, " ".join(current)))
                current = []
            continue
        if not current:
            start = number
        current.append(line.strip())
        if not blank_parted:
            blocks.append((start, " ".join(current)))
            current = []
    if current:
        blocks.append((start, " ".join(current)))
    paragraphs = []
    in_heading = False
    for number, raw in blocks:
        clean = normalise_text(raw)
        tag = "p"
        if _ITEM_HEADING.match(clean) and match_label(clean) is None and not _is_time(clean):
            tag, in_heading = "h2", True
        elif in_heading and _SUB_HEADING.match(clean):
            tag = "h2"
        elif clean.isupper() and _VOTES_SECTION.search(clean):
            tag, in_heading = "h1", False
        else:
            in_heading = False
        paragraphs.append(Paragraph(index=number, tag=tag, style="", text=clean))
    return paragraphs


def _is_time(text: str) -> bool:
    return bool(re.match(r"^\d{2}\s+(?:uur|h)\b", text))
