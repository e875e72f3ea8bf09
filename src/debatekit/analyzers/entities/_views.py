"""Looking at entities in a notebook: a turn rendered by displaCy, a summary by party."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from ..._errors import Errors, ParameterError, SchemaError

__all__ = ["EntityHTML", "entity_summary", "render_entities"]

_SUMMARY_NEEDS = ("canonical", "label")
_RENDER_NEEDS = ("turn_id", "label", "start", "end", "canonical")


def _require(table: pd.DataFrame, columns: Iterable[str]) -> None:
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise SchemaError(Errors.E108.format(missing=", ".join(missing)))


def entity_summary(
    mentions: pd.DataFrame,
    *,
    by: str = "party",
    labels: str | Iterable[str] | None = ("ORG",),
    top: int | None = None,
) -> pd.DataFrame:
    """Mentions per canonical entity (rows) and party (columns), most mentioned first.

    Parameters
    ----------
    mentions
        The table :func:`debatekit.entities` returns.
    by
        The column to spread across: ``"party"`` (a minister's or the chair's
        mentions count under their role, as they have no party), or any
        other column such as ``"speaker"`` or ``"item"``.
    labels
        Entity labels to count, e.g. ``"ORG"`` or ``["ORG", "GPE"]``; ``None``
        for all.
    top
        Keep only the ``top`` most mentioned entities.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``canonical``: its ``label``, one column of counts per value
        of ``by``, and a ``total``.

    Raises
    ------
    SchemaError
        ``mentions`` lacks a column.
    ParameterError
        ``labels`` names a label that is neither a spaCy label nor in ``mentions``.

    Examples
    --------
    >>> import debatekit as dk
    >>> turns = dk.read_transcript(dk.sample_path())
    >>> table = dk.entity_summary(dk.entities(turns, model=None, progress=False))
    >>> table.loc["VDAB", "label"], int(table.loc["VDAB", "total"])
    ('ORG', 18)
    """
    _require(mentions, (*_SUMMARY_NEEDS, by))
    from ._entities import check_labels

    chosen = check_labels(labels, mentions["label"].dropna().unique(), "entity_summary")
    data = mentions
    if chosen is not None:
        data = data[data["label"].isin(list(chosen))]
    group = data[by]
    if by == "party" and "role" in data.columns:
        group = group.astype("string").fillna(data["role"].astype("string"))
    if group.isna().any():  # counted, not dropped
        group = group.astype("string").fillna("unknown")
    canonical = data["canonical"].astype(str).rename("canonical")
    table = pd.crosstab(canonical, group)  # columns in the values' own order: items 1, 2, 10
    table.columns = table.columns.astype(str)
    table.columns.name = by
    table["total"] = table.sum(axis=1)
    # The label it has most often (a model may label a few mentions otherwise).
    labels_of = (
        data["label"].astype(str).groupby(canonical).agg(lambda s: s.value_counts().index[0])
    )
    table.insert(0, "label", labels_of.reindex(table.index))
    table = table.sort_values("total", ascending=False, kind="stable")
    return table.head(top) if top is not None else table


class EntityHTML(str):
    """displaCy's HTML, shown rendered in a notebook and usable as a string."""

    def _repr_html_(self) -> str:
        return str(self)


def render_entities(
    turns: pd.DataFrame,
    turn_id: str,
    mentions: pd.DataFrame | None = None,
    *,
    show_canonical: bool = True,
    model: object = "auto",
) -> EntityHTML:
    """Render one turn's entities with displaCy.

    Parameters
    ----------
    turns
        The turns table.
    turn_id
        The turn to show, e.g. ``"C190-2023-2024-0004"``.
    mentions
        The table :func:`debatekit.entities` returns; when not given, the
        turn's mentions are found with ``model``, knowing the speakers and
        acronyms of every turn in ``turns``.
    show_canonical
        Write the canonical name after the label when the text differs from
        it (``ORG · VLAIO`` on ``Agentschap Innoveren en Ondernemen``).
    model
        The model for finding mentions when ``mentions`` is not given (see
        :class:`debatekit.EntityRecognizer`).

    Returns
    -------
    EntityHTML
        The HTML; a notebook shows it rendered.

    Raises
    ------
    ValueError
        No turn has that ``turn_id``.

    Examples
    --------
    >>> import debatekit as dk
    >>> turns = dk.read_transcript(dk.sample_path())
    >>> html = dk.render_entities(turns, "C190-2023-2024-0002", model=None)
    >>> "SERV" in html
    True
    """
    from spacy import displacy
    from spacy.displacy.render import DEFAULT_LABEL_COLORS

    chosen = turns[turns["turn_id"] == turn_id]
    if chosen.empty:
        example = turns["turn_id"].iloc[0] if len(turns) else "C190-2023-2024-0001"
        raise ParameterError(Errors.E107.format(turn_id=turn_id, example=example))
    turn = chosen.iloc[0]
    if mentions is None:
        from ._entities import EntityRecognizer

        # Fitted on every turn, so that the meeting's speakers and acronyms are known.
        recognizer = EntityRecognizer(model, include_procedural=True, progress=False)
        mentions = recognizer.fit(turns).transform(chosen)
    _require(mentions, _RENDER_NEEDS)
    own = mentions[mentions["turn_id"] == turn_id].sort_values("start", kind="stable")
    ents, colors = [], {}
    for row in own.itertuples(index=False):
        label = str(row.label)
        written = str(turn["text"])[row.start : row.end]
        if show_canonical and str(row.canonical) != written:
            label = f"{label} · {row.canonical}"
        colors[label] = DEFAULT_LABEL_COLORS.get(str(row.label), "#ddd")
        ents.append({"start": int(row.start), "end": int(row.end), "label": label})
    party = turn.get("party")
    who = f"{turn['speaker']}" + (f" ({party})" if isinstance(party, str) else "")
    doc = {"text": str(turn["text"]), "ents": ents, "title": f"{turn_id} · {who}"}
    html = displacy.render(doc, style="ent", manual=True, jupyter=False, options={"colors": colors})
    return EntityHTML(html)
