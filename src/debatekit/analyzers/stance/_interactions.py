"""Who addresses or refers to whom, and with which stance: :func:`interactions`.

Each turn is read sentence by sentence. A sentence that holds a stance cue
(see :mod:`debatekit.analyzers.stance._cues`) gives one row per person it is aimed at; a
sentence that only names or addresses someone gives a ``mention`` row with
polarity 0. Whom a sentence is aimed at is resolved in this order: a named
speaker of the meeting (``collega Ronse``), ``jullie`` or ``de collega's``
(the members who spoke before in the debate), ``minister`` (the debate's
minister), ``u`` (whom the turn addressed last; else, in a member's turn, the
minister, and in a minister's turn, the previous speaker).
A cue that names nobody goes to the previous speaker when it is agreement or
disagreement, and to the debate's minister when it praises or criticises an
answer the minister has already given.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

import pandas as pd

from ..._debates import debates, in_reading_order
from ..._progress import PROGRESS, progress_bar
from ...lang._sentences import sentence_spans
from .._base import Analyzer, register_analyzer
from ._cues import (
    Cue,
    CueMatch,
    NameIndex,
    Target,
    find_cues,
    resolve_targets,
)

__all__ = ["interactions", "Interactions", "INTERACTION_COLUMNS"]

#: Columns of the table :func:`interactions` returns.
INTERACTION_COLUMNS = (
    "speaker",
    "target",
    "turn_id",
    "cue",
    "polarity",
    "kind",
    "weight",
    "resolved_by",
    "matched",
    "sentence",
    "meeting",
    "item",
)
_PERSON_KINDS = {"agreement", "disagreement"}
_GOVERNMENT_KINDS = {"praise", "criticism", "thanks"}
_EVALUATIONS = {"praise", "criticism"}
_VOCATIVE = re.compile(
    r"^\W*(?:(?:dank\s+u|bedankt|ja|nee|goed)\W+)?"
    r"(?P<who>minister|minister-president|staatssecretaris|collega\s+(?-i:[A-ZÀ-Þ])[\w’'-]*(?:\s+(?-i:[A-ZÀ-Þ])[\w’'-]*)?)\s*,",
    re.IGNORECASE,
)
_NEEDED = ("turn_id", "speaker", "role", "text")
_BUT = re.compile(r",\s*(?:maar|doch|al\s+is)\b", re.IGNORECASE)


def _speaks(row: Any) -> bool:
    return row.role in ("member", "minister") and not bool(getattr(row, "procedural", False))


def _vocative(sentence: str, names: NameIndex, minister: str | None) -> str | None:
    m = _VOCATIVE.match(sentence)
    if not m:
        return None
    if m["who"].lower().startswith(("minister", "staatssecretaris")):
        return minister
    hits = names.find(m["who"])
    return hits[0][2] if hits else None


def _default_target(
    kind: str, *, addressed: str | None, previous: str | None, minister: str | None, answered: bool
) -> list[Target]:
    if kind in _PERSON_KINDS and addressed:
        return [Target(addressed, "addressed")]
    if kind in _PERSON_KINDS and previous:
        return [Target(previous, "previous speaker")]
    if kind in _GOVERNMENT_KINDS and answered and minister:
        return [Target(minister, "answer")]
    return []


def _turn_rows(row: Any, state: dict[str, Any], names: NameIndex) -> list[dict[str, Any]]:
    text = str(row.text)
    speaker = str(row.speaker)
    minister = state["minister"]
    spans = sentence_spans(text)
    cues = find_cues(text)
    rows: list[dict[str, Any]] = []
    vocative = None
    addressed = None
    seen: set[tuple[int, str, int]] = set()
    for index, (start, end) in enumerate(spans):
        sentence = text[start:end].strip()
        vocative = _vocative(sentence, names, minister) or vocative
        targets = resolve_targets(
            sentence,
            names=names,
            speaker=speaker,
            minister=minister,
            you=minister if row.role == "member" and minister else state["previous"],
            vocative=vocative,
            others=[o for o in state["others"] if o != speaker],
        )
        in_sentence = [c for c in cues if c.sentence == index]
        for match in in_sentence:
            aimed = targets
            if match.cue.kind == "alignment":
                aimed = [Target(minister, "government")] if minister else []
            elif not aimed:
                aimed = _default_target(
                    match.cue.kind,
                    addressed=addressed,
                    previous=state["previous"],
                    minister=minister,
                    answered=state["answered"],
                )
            weight = match.cue.weight
            if match.cue.polarity > 0 and _BUT.search(text, match.end, end):
                weight /= 2  # "een goede zaak, maar ...": the praise is hedged
            if match.cue.kind in _EVALUATIONS and not state["answered"]:
                weight /= 2  # a question describes a problem; a reply judges the answer
            for target in aimed:
                key = (index, target.speaker, match.cue.polarity)
                if target.speaker != speaker and key not in seen:
                    seen.add(key)  # one vote per sentence, side and person
                    rows.append(_row(row, speaker, target, sentence, match.cue, weight, match))
        if not in_sentence:
            for target in targets:
                if target.resolved_by == "name":
                    rows.append(_row(row, speaker, target, sentence, None, 0.0, None))
        named = [t.speaker for t in targets if t.resolved_by == "name"]
        addressed = named[-1] if named else addressed
    return rows


def _row(
    row: Any,
    speaker: str,
    target: Target,
    sentence: str,
    cue: Cue | None,
    weight: float,
    match: CueMatch | None,
) -> dict[str, Any]:
    return {
        "speaker": speaker,
        "target": target.speaker,
        "turn_id": row.turn_id,
        "cue": cue.name if cue else "mention",
        "polarity": cue.polarity if cue else 0,
        "kind": cue.kind if cue else "mention",
        "weight": weight,
        "resolved_by": target.resolved_by,
        "matched": match.matched if match else "",
        "sentence": sentence,
        "meeting": getattr(row, "meeting", None),
        "item": getattr(row, "item", None),
    }


def interactions(turns: pd.DataFrame, *, progress: bool = PROGRESS) -> pd.DataFrame:
    """Who addresses or refers to whom, with which stance cue.

    Parameters
    ----------
    turns
        A turns table (``dk.read_transcript``); chair and procedural turns
        are skipped. The turns are read in meeting and turn order (``meeting``,
        then ``turn`` or ``line_start``), whatever the order of the rows.
    progress
        Show a progress bar over the debates.

    Returns
    -------
    pandas.DataFrame
        One row per (sentence cue or mention, person aimed at): ``speaker``,
        ``target``, ``turn_id``, ``cue`` (the phrase's usual form, or
        ``"mention"``), ``polarity`` (+1 siding with, -1 against, 0 a mere
        mention), ``kind`` (agreement, disagreement, praise, criticism,
        thanks, alignment, mention), ``weight`` (0 for ritual thanks and mentions),
        ``resolved_by`` (how the person aimed at was found: name, u,
        minister, collega's, previous speaker, answer, government),
        ``matched`` (the words found), ``sentence``, ``meeting`` and ``item``.

    Raises
    ------
    SchemaError
        ``turns`` lacks ``turn_id``, ``speaker``, ``role`` or ``text``.

    Examples
    --------
    >>> import debatekit as dk
    >>> turns = dk.read_transcript(dk.sample_path())
    >>> table = dk.interactions(turns)
    >>> row = table[table["cue"] == "niet onder de mat schuiven"].iloc[0]
    >>> row["speaker"], row["target"], int(row["polarity"])
    ('Thijs Verbeurgt', 'Axel Ronse', -1)
    """
    return Interactions(progress=progress).fit_transform(turns)


@register_analyzer("interactions")
class Interactions(Analyzer):
    """Who addresses or refers to whom, with which stance cue: :func:`interactions` as an analyzer.

    Parameters
    ----------
    progress
        Show a progress bar over the debates.

    Examples
    --------
    >>> import debatekit as dk
    >>> table = dk.analyze(dk.read_transcript(dk.sample_path()), "interactions")["interactions"]
    >>> list(table.columns[:2])
    ['speaker', 'target']
    """

    name = "interactions"
    required_columns: ClassVar[tuple[str, ...]] = _NEEDED
    check_params: ClassVar[dict[str, Any]] = {"progress": False}

    def __init__(self, *, progress: bool = PROGRESS) -> None:
        self.progress = progress

    def transform(self, turns: pd.DataFrame) -> pd.DataFrame:
        """One row per cue or mention and the person it aims at (see :func:`interactions`)."""
        self._check_fitted()
        self._validate(turns)
        return _interaction_table(turns, progress=self.progress)


def _interaction_table(turns: pd.DataFrame, *, progress: bool) -> pd.DataFrame:
    turns = in_reading_order(turns)
    rows: list[dict[str, Any]] = []
    meeting_names: dict[Any, NameIndex] = {}
    groups = list(debates(turns))
    for meeting, _item, debate in progress_bar(groups, enabled=progress, desc="interactions"):
        key = None if pd.isna(meeting) else meeting
        if key not in meeting_names:
            if "meeting" not in turns.columns:
                pool = turns
            elif key is None:
                pool = turns[turns["meeting"].isna()]
            else:
                pool = turns[turns["meeting"] == key]
            meeting_names[key] = NameIndex(pool["speaker"].dropna().unique())
        names = meeting_names[key]
        ministers = debate.loc[debate["role"] == "minister", "speaker"].dropna()
        state: dict[str, Any] = {
            "minister": str(ministers.iloc[0]) if len(ministers) else None,
            "previous": None,
            "others": [],
            "answered": False,
        }
        for row in debate.itertuples(index=False):
            if not _speaks(row) or pd.isna(row.speaker):
                continue
            rows.extend(_turn_rows(row, state, names))
            speaker = str(row.speaker)
            state["previous"] = speaker
            if row.role == "minister":
                state["answered"] = True
            elif speaker not in state["others"]:
                state["others"].append(speaker)
    table = pd.DataFrame(rows, columns=list(INTERACTION_COLUMNS))
    return _typed(table)


def _typed(table: pd.DataFrame) -> pd.DataFrame:
    for column in ("speaker", "target", "turn_id", "cue", "kind", "resolved_by"):
        table[column] = table[column].astype("string")
    for column in ("matched", "sentence", "meeting"):
        table[column] = table[column].astype("string")
    table["polarity"] = table["polarity"].astype("int64")
    table["weight"] = table["weight"].astype("float64")
    table["item"] = table["item"].astype("Int64")
    return table.reset_index(drop=True)
