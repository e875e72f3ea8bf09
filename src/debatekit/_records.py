"""Per-speaker records (web exports, open-data API, scrapers) into the turns table."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from ._errors import Errors, RecordsError
from ._labels import is_procedural, parse_chair_change, parse_dutch_date, parse_speaker
from ._parse import _DOC
from ._report import ParseReport, ParseResult
from ._schema import build_turns, count_words, meeting_key

__all__ = ["from_records"]


def _column(frame: pd.DataFrame, name: str | None, keyword: str, what: str) -> pd.Series | None:
    if name is None:
        return None
    if name not in frame.columns:
        raise RecordsError(
            Errors.E007.format(
                column=name, keyword=keyword, columns=", ".join(map(str, frame.columns)), what=what
            )
        )
    return frame[name]


def _blank(value: Any) -> bool:
    return (
        value is None or (not isinstance(value, str) and pd.isna(value)) or not str(value).strip()
    )


def from_records(
    data: pd.DataFrame | Iterable[Mapping[str, Any]],
    speaker: str = "speaker",
    text: str = "text",
    item: str | None = None,
    date: str | None = None,
    meeting: str | None = None,
    party: str | None = None,
    *,
    source: str = "records",
    report: bool = False,
) -> pd.DataFrame | ParseResult:
    """Turn per-speaker records into the turns table that the parser makes.

    Parameters
    ----------
    data
        A DataFrame, or rows as dictionaries, one per speech.
    speaker, text, item, date, meeting, party
        The names of the columns that hold each field. ``speaker`` holds
        labels such as ``Stijn De Roo (cd&v)``, ``Minister Jo Brouns``,
        ``Minister-president Matthias Diependaele`` or ``De voorzitter``;
        they are split into speaker, party and role. ``item`` holds an agenda
        item's number or title; ``date`` ISO or Dutch long dates (``dinsdag 25
        februari 2025``); ``party`` a party where the export gives it apart.
    source
        The name kept in the ``source`` column.
    report
        Also return a :class:`~debatekit.ParseReport` in which each record is a
        "line": ``turn``, ``stage direction`` or ``unplaced``.

    Returns
    -------
    pandas.DataFrame or ParseResult

    Notes
    -----
    A record with no speaker whose text is a stage direction (``– Mien Van
    Olmen treedt als voorzitter op.``) makes that person the chair of the
    ``De voorzitter`` records that follow; it is not speech and is not a turn.

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
    frame = data if isinstance(data, pd.DataFrame) else pd.DataFrame.from_records(list(data))
    frame = frame.reset_index(drop=True)
    speakers = _column(frame, speaker, "speaker", "speaker labels")
    texts = _column(frame, text, "text", "spoken text")
    items = _column(frame, item, "item", "agenda items")
    dates = _column(frame, date, "date", "dates")
    meetings = _column(frame, meeting, "meeting", "meeting names")
    parties = _column(frame, party, "party", "parties")

    chair: dict[str, str | None] = {}
    item_numbers: dict[tuple[str, Any], int] = {}
    turn_numbers: dict[str, int] = {}
    kinds: list[str] = []
    stage_rows: list[dict] = []
    rows: list[dict] = []
    for index in range(len(frame)):
        label = speakers.iloc[index]
        body = "" if _blank(texts.iloc[index]) else str(texts.iloc[index]).strip()
        meet = (
            None if meetings is None or _blank(meetings.iloc[index]) else str(meetings.iloc[index])
        )
        key = meet or ""
        if _blank(label):
            if not body:
                raise RecordsError(Errors.E013.format(row=index))
            new_chair = parse_chair_change(body)
            if new_chair:
                chair[key] = new_chair
            stage_rows.append(
                {
                    "line": index + 1,
                    "text": body,
                    "item": pd.NA,
                    "turn": pd.NA,
                    "new_chair": new_chair,
                }
            )
            kinds.append("stage direction")
            continue
        parsed = parse_speaker(str(label))
        if parsed is None:
            name, party_name, role = " ".join(str(label).split()), None, "member"
        else:
            name, party_name, role = parsed.speaker, parsed.party, parsed.role
        if role == "chair":
            name = chair.get(key)
        if parties is not None and not _blank(parties.iloc[index]):
            party_name = str(parties.iloc[index]).strip()
        title, number = None, None
        if items is not None and not _blank(items.iloc[index]):
            value = items.iloc[index]
            if isinstance(value, (int, float)) or str(value).strip().isdigit():
                number = int(float(value))
            else:
                title = " ".join(str(value).split())
                number = item_numbers.setdefault(
                    (key, title), 1 + sum(k[0] == key for k in item_numbers)
                )
        turn_numbers[key] = turn_numbers.get(key, 0) + 1
        rows.append(
            {
                "turn_id": f"{meeting_key(meet, source)}-{turn_numbers[key]:04d}",
                "meeting": meet,
                "date": None if dates is None else parse_dutch_date(dates.iloc[index]),
                "item": number,
                "item_title": title,
                "item_docs": "; ".join(
                    f"{m['nr']} ({m['session']})" for m in _DOC.finditer(title or "")
                )
                or None,
                "item_kind": None,
                "turn": turn_numbers[key],
                "speaker": name,
                "party": party_name,
                "role": role,
                "text": body,
                "procedural": is_procedural(body),
                "n_words": count_words(body),
                "source": source,
                "line_start": index + 1,
                "line_end": index + 1,
            }
        )
        kinds.append("turn")
    turns = build_turns(rows)
    if not report:
        return turns
    lines = pd.DataFrame(
        {
            "line": range(1, len(frame) + 1),
            "kind": kinds,
            "text": [str(x) for x in (texts if texts is not None else [""] * len(frame))],
        }
    )
    parse_report = ParseReport(
        source=source,
        lines=lines,
        stage_directions=pd.DataFrame(
            stage_rows, columns=["line", "text", "item", "turn", "new_chair"]
        ),
        joins=pd.DataFrame(
            columns=["line", "left", "right", "result", "rule", "kept_hyphen", "sure"]
        ),
        items=pd.DataFrame(),
    )
    return ParseResult(turns, parse_report)
