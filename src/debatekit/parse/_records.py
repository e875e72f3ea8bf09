"""Per-speaker records (web exports, open-data API, scrapers) into the turns table."""

from __future__ import annotations

import os
import re
import warnings
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .._errors import ParseWarning, RecordsError, message
from .._schema import build_turns, count_words, meeting_key
from ._report import ParseReport, ParseResult
from .flemish._labels import (
    in_date_range,
    is_procedural,
    make_date,
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
        if not path.is_file():
            raise RecordsError(message("E033", path=path, cwd=Path.cwd()))
        try:
            return reader(path).reset_index(drop=True)
        except (ValueError, OSError, UnicodeError) as exc:  # pandas' parser errors are ValueErrors
            raise RecordsError(message("E034", path=path, cause=exc)) from None
    if data is None or isinstance(data, (bytes, int, float)) or not hasattr(data, "__iter__"):
        raise RecordsError(message("E035", got=type(data).__name__))
    rows = list(data)
    if not all(isinstance(row, Mapping) for row in rows):
        bad = next(type(row).__name__ for row in rows if not isinstance(row, Mapping))
        raise RecordsError(message("E035", got=f"a list holding a {bad}"))
    return pd.DataFrame.from_records(rows)


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
    if isinstance(value, (list, tuple, np.ndarray)):
        return not any(not _blank(v) for v in value)
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return True
    return not str(value).strip()


def _as_text(value: Any) -> str:
    """A cell as text: bytes decoded, a list's parts joined, not ``b'...'`` or ``['...']``."""
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    if isinstance(value, (list, tuple)) or (
        hasattr(value, "tolist") and not isinstance(value, str)
    ):
        parts = value.tolist() if hasattr(value, "tolist") else value
        return " ".join(_as_text(p) for p in parts if not _blank(p))
    return str(value)


def _clean(value: Any) -> str | None:
    return None if value is None else " ".join(_as_text(value).split())


# "Jo Brouns, minister" or "Jo Brouns, Vlaams minister van Werk", as some exports write it.
_TITLE_AFTER = re.compile(
    r"^(?P<name>[^,()]+?),\s*(?P<title>(?i:vlaams\s+minister|minister-president|"
    r"viceminister-president|minister|staatssecretaris))\b.*$"
)
# A form of address and a surname alone: "De heer Ronse", "Mevrouw Van Olmen".
_ADDRESS_ONLY = re.compile(r"^(?i:de heer|mevrouw|dhr\.|mevr\.)\s+(?P<surname>.+)$")


@lru_cache(maxsize=65536)
def _speaker_of(label: str) -> tuple[str | None, str | None, str, bool]:
    """Name, party, role and whether the name is a surname to complete, from a label."""
    parsed = parse_speaker(label)
    if parsed is not None:
        return parsed.speaker, parsed.party, parsed.role, False
    m = _TITLE_AFTER.match(label)
    if m:
        inner = parse_speaker(m["name"])
        return (inner.speaker if inner else _clean(m["name"])), None, "minister", False
    m = _ADDRESS_ONLY.match(label)
    if m:
        return _clean(m["surname"]), None, "member", True
    return _clean(label), None, "member", False  # a name alone, as some scrapers give it


_NO_DATE = object()
# Words a date parser takes for "now": a record's date is never the wall clock.
_HAS_DIGIT = re.compile(r"\d")
_YEAR_FIRST = re.compile(r"^(?P<y>\d{4})[/.](?P<m>\d{1,2})[/.](?P<d>\d{1,2})$")


@lru_cache(maxsize=65536)
def _date_of_text(text: str) -> pd.Timestamp | object:
    """A cell's date, parsed once per distinct value; ``_NO_DATE`` where it is none."""
    if not _HAS_DIGIT.search(text):
        return _NO_DATE
    m = _YEAR_FIRST.match(text.strip())
    if m:  # 2024/04/03 is year, month, day: never day-first
        date = make_date(int(m["y"]), int(m["m"]), int(m["d"]))
    else:
        date = parse_dutch_date(text)
    return _NO_DATE if date is None else date


def _date_of(value: Any) -> pd.Timestamp | object:
    if isinstance(value, pd.Timestamp) or hasattr(value, "tzinfo"):
        try:
            date = pd.Timestamp(value)
        except (ValueError, TypeError):
            return _NO_DATE
        if pd.isna(date):
            return _NO_DATE
        if date.tzinfo is not None:  # the meeting's local day, without its zone
            date = date.tz_localize(None)
        return date if in_date_range(date) else _NO_DATE
    return _date_of_text(_as_text(value))


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
        number = _item_number(value)
        if number is not None:
            self.current_item = (number, None)
        else:
            title = _clean(value)
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
        self.bad_dates: list[tuple[int, str]] = []
        self.surnames: list[dict] = []  # rows named by a form of address and a surname

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
            body = "" if body is None else _as_text(body).strip()
            # Grouped exports name the meeting and date on a meeting's first row only.
            meeting = self.meeting(_clean(self.value("meeting", index)) or self.last)
            self.last = meeting.name
            given = self.value("date", index)
            if given is not None:
                date = _date_of(given)
                if date is _NO_DATE:  # a date given but unreadable: not the row before's
                    self.bad_dates.append((index + 1, _as_text(given)))
                    meeting.date = None
                else:
                    meeting.date = date
            if label is None:
                self.kinds.append(self.speakerless(index, body, meeting))
            elif not body:
                self.kinds.append("unplaced")  # a speaker who says nothing
            else:
                self.rows.append(self.turn(index, _as_text(label), body, meeting))
                self.kinds.append("turn")
        self.complete_surnames()
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
        name, party, role, surname_only = _speaker_of(_clean(label) or "")
        if role == "chair":
            name = name or meeting.chair
        party = _clean(self.value("party", index)) or party
        number, title = meeting.item_number(self.value("item", index))
        if title is not None:
            self.note_item(meeting, number, title, index)
        meeting.turns += 1
        row = {
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
        if surname_only:
            self.surnames.append(row)
        return row

    def complete_surnames(self) -> None:
        """``De heer Ronse`` is the ``Axel Ronse`` of the same meeting, if only one is."""
        full: dict[tuple[str | None, str], set[str]] = {}
        for row in self.rows:
            name = row["speaker"]
            if name and " " in name and row["role"] != "chair":
                for cut in range(1, len(name.split())):
                    tail = " ".join(name.split()[cut:])
                    full.setdefault((row["meeting"], tail.lower()), set()).add(name)
        for row in self.surnames:
            names = full.get((row["meeting"], (row["speaker"] or "").lower()), set())
            if len(names) == 1:
                row["speaker"] = next(iter(names))
            party = next(
                (r["party"] for r in self.rows if r["speaker"] == row["speaker"] and r["party"]),
                None,
            )
            row["party"] = row["party"] or party

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


def _item_number(value: Any) -> int | None:
    """An item's number where the cell is a whole number (``3``, ``3.0``, ``"3"``), else None.

    ``1.5``, ``inf``, ``1e30`` and ``"²"`` are no item numbers: they are kept as titles.
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)) or hasattr(value, "is_integer"):
        number = float(value)
        return int(number) if number.is_integer() and abs(number) < 1e9 else None
    text = str(value).strip()
    return int(text) if text.isascii() and text.isdecimal() and len(text) < 10 else None


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
    if not isinstance(source, (str, os.PathLike)):
        raise RecordsError(message("E036", got=type(source).__name__, value=source))
    reader = _RecordReader(columns, len(frame), os.fspath(source), _clean(chair))
    reader.read()
    if reader.bad_dates:
        line, value = reader.bad_dates[0]
        warnings.warn(
            message("W011", n=len(reader.bad_dates), row=line, value=value),
            ParseWarning,
            stacklevel=2,
        )
    turns = build_turns(reader.rows)
    return ParseResult(turns, reader.report()) if report else turns
