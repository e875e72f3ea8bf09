"""Per-speaker records (web exports, open-data API, scrapers) into the turns table."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from .._errors import RecordsError, message
from .._schema import build_turns, count_words, meeting_key
from ._report import ParseReport, ParseResult
from .flemish._labels import (
    is_procedural,
    parse_chair_change,
    parse_chair_line,
    parse_dutch_date,
    parse_speaker,
)
from .flemish._reader import _DOC, _STAGE, _heading_kind, _heading_parts

__all__ = ["from_records"]

# Exports often end an item's title with its document: "... over de SERV – 1395 (2023-2024)".
_DOCS_AT_END = re.compile(r"\s*[–—-]\s*\d+(?:/\d+)?\s*\(\d{4}-\d{4}\)\s*$")
_READERS = {
    ".csv": pd.read_csv,
    ".parquet": pd.read_parquet,
    ".jsonl": lambda path: pd.read_json(path, lines=True),
    ".json": pd.read_json,
}


def _frame(data: Any) -> pd.DataFrame:
    if isinstance(data, pd.DataFrame):
        return data.reset_index(drop=True)
    if isinstance(data, (str, os.PathLike)):
        path = Path(data)
        reader = _READERS.get(path.suffix.lower())
        if reader is None:
            raise RecordsError(message("E055", path=path, suffixes=", ".join(_READERS)))
        return reader(path).reset_index(drop=True)
    return pd.DataFrame.from_records(list(data))


def _column(frame: pd.DataFrame, name: str | None, keyword: str, what: str) -> list | None:
    if name is None:
        return None
    if name not in frame.columns:
        raise RecordsError(
            message(
                "E007",
                column=name,
                keyword=keyword,
                columns=", ".join(map(str, frame.columns)),
                what=what,
            )
        )
    return [None if _blank(v) else v for v in frame[name].tolist()]


def _blank(value: Any) -> bool:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return True
    return not str(value).strip()


def _clean(value: Any) -> str | None:
    return None if value is None else " ".join(str(value).split())


@dataclass
class _Meeting:
    """What is known so far of one meeting while its records are read."""

    name: str | None
    key: str
    chair: str | None = None
    date: pd.Timestamp | None = None
    turns: int = 0
    items: dict[str, int] = field(default_factory=dict)
    current_item: tuple[int | None, str | None] = (None, None)

    def item_number(self, value: Any) -> tuple[int | None, str | None]:
        """The item of a record; a record without one belongs to the item before it."""
        if value is None:
            return self.current_item
        if isinstance(value, (int, float)) or str(value).strip().isdigit():
            self.current_item = (int(float(value)), None)
        else:
            title = _clean(value) or ""
            self.current_item = (self.items.setdefault(title, len(self.items) + 1), title)
        return self.current_item


class _RecordReader:
    def __init__(self, columns: dict[str, list | None], n: int, source: str, chair: str | None):
        self.columns = columns
        self.n = n
        self.source = source
        self.first_chair = chair
        self.meetings: dict[str, _Meeting] = {}
        self.last: str | None = None
        self.kinds: list[str] = []
        self.stage_rows: list[dict] = []
        self.rows: list[dict] = []
        self.items: dict[tuple[str | None, int], dict] = {}

    def value(self, column: str, index: int) -> Any:
        values = self.columns[column]
        return None if values is None else values[index]

    def meeting(self, name: str | None) -> _Meeting:
        key = name or ""
        if key in self.meetings:
            return self.meetings[key]
        pending = self.meetings.get("")
        if name and pending is not None and pending.turns == 0:
            # Records before the first that names the meeting (its chair line) belong to it.
            del self.meetings[""]
            pending.name, pending.key = name, meeting_key(name, self.source)
            self.meetings[key] = pending
        else:
            self.meetings[key] = _Meeting(name, meeting_key(name, self.source), self.first_chair)
        return self.meetings[key]

    def read(self) -> None:
        for index in range(self.n):
            label = self.value("speaker", index)
            body = self.value("text", index)
            body = "" if body is None else str(body).strip()
            # Grouped exports name the meeting and date on a meeting's first row only.
            meeting = self.meeting(_clean(self.value("meeting", index)) or self.last)
            self.last = meeting.name
            meeting.date = parse_dutch_date(self.value("date", index)) or meeting.date
            if label is None:
                self.kinds.append(self.speakerless(index, body, meeting))
            elif not body:
                self.kinds.append("unplaced")  # a speaker who says nothing
            else:
                self.rows.append(self.turn(index, str(label), body, meeting))
                self.kinds.append("turn")
        self.fill_chair_parties()

    def speakerless(self, index: int, body: str, meeting: _Meeting) -> str:
        """A record without a speaker: a stage direction, the chair line, or unplaced text."""
        if not body:
            return "blank"
        chair_line = parse_chair_line(body) if body.startswith("Voorzitter:") else None
        if chair_line:
            meeting.chair = chair_line
            return "chair"
        new_chair = parse_chair_change(body)
        if new_chair is None and not _STAGE.match(body):
            return "unplaced"
        meeting.chair = new_chair or meeting.chair
        self.stage_rows.append(
            {
                "line": index + 1,
                "text": body,
                "item": pd.NA,
                "turn": meeting.turns or pd.NA,
                "new_chair": new_chair,
            }
        )
        return "stage direction"

    def turn(self, index: int, label: str, body: str, meeting: _Meeting) -> dict:
        parsed = parse_speaker(label)
        if parsed is None:  # a name alone, as some scrapers give it
            name, party, role = _clean(label), None, "member"
        else:
            name, party, role = parsed.speaker, parsed.party, parsed.role
        if role == "chair" and parsed is not None:
            name = parsed.speaker or meeting.chair
        party = _clean(self.value("party", index)) or party
        number, title = meeting.item_number(self.value("item", index))
        if title is not None and number is not None:
            self.note_item(meeting, number, title, index)
        meeting.turns += 1
        return {
            "turn_id": f"{meeting.key}-{meeting.turns:04d}",
            "meeting": meeting.name,
            "date": meeting.date,
            "item": number,
            "item_title": title,
            "item_docs": self.docs(index, title),
            "item_kind": _item_kind(title),
            "turn": meeting.turns,
            "speaker": name,
            "party": party,
            "role": role,
            "text": body,
            "procedural": is_procedural(body),
            "n_words": count_words(body),
            "source": self.source,
            "line_start": index + 1,
            "line_end": index + 1,
        }

    def note_item(self, meeting: _Meeting, number: int, title: str, index: int) -> None:
        """An agenda item's row in the report, as the parser gives one per heading."""
        item = self.items.get((meeting.name, number))
        if item is not None:
            item["line_end"] = index + 1
            return
        kind = _heading_kind(title)
        asker, addressee, subject = (
            _heading_parts(title[len(kind) :].strip()) if kind else (None, None, None)
        )
        self.items[(meeting.name, number)] = {
            "meeting": meeting.name,
            "item": number,
            "heading": 1,
            "kind": kind.lower() if kind else None,
            "title": title,
            "docs": self.docs(index, title),
            "asker": asker,
            "addressee": addressee,
            "subject": _DOCS_AT_END.sub("", subject) if subject else None,
            "chair": meeting.chair,
            "line_start": index + 1,
            "line_end": index + 1,
        }

    def docs(self, index: int, title: str | None) -> str | None:
        """The item's documents, from their own column or else from the title."""
        given = self.value("docs", index)
        found = _DOC.finditer(str(given) if given is not None else title or "")
        return "; ".join(f"{m['nr']} ({m['session']})" for m in found) or None

    def fill_chair_parties(self) -> None:
        """The chair's party, where the same person also speaks as a member, as the parser does."""
        parties = {
            (r["meeting"], r["speaker"]): r["party"]
            for r in self.rows
            if r["role"] != "chair" and r["party"]
        }
        for row in self.rows:
            if row["role"] == "chair" and not row["party"]:
                row["party"] = parties.get((row["meeting"], row["speaker"]))

    def report(self) -> ParseReport:
        texts = self.columns["text"] or [None] * self.n
        return ParseReport(
            source=self.source,
            lines=pd.DataFrame(
                {
                    "line": range(1, self.n + 1),
                    "kind": self.kinds,
                    "text": ["" if t is None else str(t) for t in texts],
                }
            ),
            stage_directions=pd.DataFrame(
                self.stage_rows, columns=["line", "text", "item", "turn", "new_chair"]
            ),
            joins=pd.DataFrame(
                columns=["line", "left", "right", "result", "rule", "kept_hyphen", "sure"]
            ),
            items=pd.DataFrame(list(self.items.values())),
        )


def _item_kind(title: str | None) -> str | None:
    kind = _heading_kind(title) if title else None
    return kind.lower() if kind else None


def from_records(
    data: pd.DataFrame | Iterable[Mapping[str, Any]] | str | os.PathLike[str],
    speaker: str = "speaker",
    text: str = "text",
    item: str | None = None,
    date: str | None = None,
    meeting: str | None = None,
    party: str | None = None,
    docs: str | None = None,
    *,
    chair: str | None = None,
    source: str = "records",
    report: bool = False,
) -> pd.DataFrame | ParseResult:
    """Turn per-speaker records into the turns table that the parser makes.

    Parameters
    ----------
    data
        A DataFrame, rows as dictionaries (one per speech), or the path of a
        ``.csv``, ``.parquet``, ``.jsonl`` or ``.json`` file of them.
    speaker, text, item, date, meeting, party, docs
        The names of the columns that hold each field. ``speaker`` holds
        labels such as ``Stijn De Roo (cd&v)``, ``Minister Jo Brouns``,
        ``Minister-president Matthias Diependaele`` or ``De voorzitter``;
        they are split into speaker, party and role. ``item`` holds an agenda
        item's number or title (titles are numbered in order of appearance,
        per meeting); ``date`` ISO or Dutch long dates (``dinsdag 25 februari
        2025``); ``meeting`` the meeting, which also numbers the turns and
        keys ``turn_id``; ``party`` a party where the export gives it apart;
        ``docs`` the item's document numbers (``1395 (2023-2024)``), which
        are otherwise looked for in the item's title.
    chair
        The chair at the start of each meeting, where no record says it.
    source
        The name kept in the ``source`` column.
    report
        Also return a :class:`~debatekit.ParseReport` in which each record is a
        "line": ``turn``, ``stage direction``, ``chair``, ``blank`` or
        ``unplaced``; its ``items`` lists the agenda items given by title,
        with a ``meeting`` column.

    Returns
    -------
    pandas.DataFrame or ParseResult

    Raises
    ------
    RecordsError
        A named column is not in the records, or a file type cannot be read.

    Notes
    -----
    A record with no speaker whose text is a stage direction (``– Mien Van
    Olmen treedt als voorzitter op.``) or the chair line (``Voorzitter: de
    heer Björn Rzoska``) makes that person the chair of the ``De voorzitter``
    records that follow; it is not speech and is not a turn. Other records
    without a speaker, and speakers with no text, are kept in the report as
    ``unplaced``; empty records as ``blank``.

    Examples
    --------
    >>> import debatekit as dk
    >>> rows = [
    ...     {"spreker": "Minister Jo Brouns", "tekst": "Dank u."},
    ...     {"spreker": "Stijn De Roo (cd&v)", "tekst": "Ik dank u."},
    ... ]
    >>> turns = dk.from_records(rows, speaker="spreker", text="tekst")
    >>> turns[["speaker", "party", "role"]].values.tolist()
    [['Jo Brouns', <NA>, 'minister'], ['Stijn De Roo', 'cd&v', 'member']]
    """
    frame = _frame(data)
    columns = {
        "speaker": _column(frame, speaker, "speaker", "speaker labels"),
        "text": _column(frame, text, "text", "spoken text"),
        "item": _column(frame, item, "item", "agenda items"),
        "date": _column(frame, date, "date", "dates"),
        "meeting": _column(frame, meeting, "meeting", "meeting names"),
        "party": _column(frame, party, "party", "parties"),
        "docs": _column(frame, docs, "docs", "document numbers"),
    }
    reader = _RecordReader(columns, len(frame), source, _clean(chair))
    reader.read()
    turns = build_turns(reader.rows)
    return ParseResult(turns, reader.report()) if report else turns
