"""The gazetteer: Flemish, Belgian, European and international bodies as data.

The shipped list (``data/gazetteer.csv``) names the bodies that Flemish debates
talk about: agencies and departments, advisory councils, research funds,
governments and parliaments, courts and inspectorates, employers'
organisations and unions, universities, parties, EU institutions,
international organisations, and the places and politicians that a generic
model would mistake for organisations. Each entry has a canonical name, a
label, the full official name, an acronym and aliases; users add their own
entries from a file or a DataFrame.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import pandas as pd

from ..._errors import Errors, GazetteerError, TranscriptNotFoundError

__all__ = [
    "GAZETTEER_COLUMNS",
    "load_gazetteer",
    "surface_forms",
]

#: Columns of a gazetteer table, in order.
GAZETTEER_COLUMNS = ("canonical", "label", "category", "level", "full_name", "acronym", "aliases")
_REQUIRED = ("canonical", "label")
_ALIAS_SEP = "|"
_LABEL = re.compile(r"[A-Z][A-Z_]*")
_READERS = {
    ".csv": lambda path: pd.read_csv(path, dtype=str, keep_default_na=False),
    ".tsv": lambda path: pd.read_csv(path, sep="\t", dtype=str, keep_default_na=False),
    ".jsonl": lambda path: pd.read_json(path, lines=True, dtype=False),
    ".json": lambda path: pd.read_json(path, dtype=False),
}
# Official names are written with an en dash or a hyphen, depending on the writer.
_DASHES = (" – ", " - ", " — ")


def _builtin_path() -> Any:
    return resources.files("debatekit.analyzers.entities") / "gazetteer.csv"


def _read_table(entries: str | os.PathLike[str] | pd.DataFrame) -> pd.DataFrame:
    if isinstance(entries, pd.DataFrame):
        return entries.copy()
    path = Path(os.fspath(entries))
    if not path.is_file():
        raise TranscriptNotFoundError(
            Errors.E011.format(path=path, cwd=Path.cwd()), path=path, code="E011"
        )
    reader = _READERS.get(path.suffix.lower())
    if reader is None:
        raise GazetteerError(
            Errors.E103.format(suffix=path.suffix or path.name, known=", ".join(_READERS))
        )
    return reader(path)


def _join_aliases(value: object) -> str:
    if isinstance(value, str):
        return _ALIAS_SEP.join(a.strip() for a in value.split(_ALIAS_SEP) if a.strip())
    if isinstance(value, Iterable):
        return _ALIAS_SEP.join(str(a).strip() for a in value if str(a).strip())
    return ""


def _clean(value: object) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    return " ".join(str(value).split())


def _normalise(table: pd.DataFrame, origin: str) -> pd.DataFrame:
    missing = [c for c in _REQUIRED if c not in table.columns]
    if missing:
        raise GazetteerError(
            Errors.E100.format(missing=", ".join(missing), columns=", ".join(map(str, table)))
        )
    table = table.reindex(columns=list(GAZETTEER_COLUMNS))
    for column in GAZETTEER_COLUMNS:
        if column == "aliases":
            table[column] = [_join_aliases(v) for v in table[column]]
        else:
            table[column] = [_clean(v) for v in table[column]]
    for row, (canonical, label) in enumerate(
        zip(table["canonical"], table["label"], strict=True), start=1
    ):
        if not canonical:
            raise GazetteerError(Errors.E101.format(row=row, origin=origin))
        if not _LABEL.fullmatch(label):
            raise GazetteerError(Errors.E102.format(row=row, origin=origin, label=label))
    table["full_name"] = table["full_name"].where(table["full_name"] != "", table["canonical"])
    table["source"] = origin
    return table.astype("string")


def load_gazetteer(
    entries: str | os.PathLike[str] | pd.DataFrame | None = None,
    *,
    builtin: bool = True,
) -> pd.DataFrame:
    """The gazetteer of known bodies, places and people, with your own entries added.

    Parameters
    ----------
    entries
        Your entries: a ``.csv``, ``.tsv``, ``.json`` or ``.jsonl`` file, or a
        DataFrame. Only ``canonical`` and ``label`` are required; ``aliases``
        holds other spellings separated by ``|`` (or a list). An entry whose
        ``canonical`` is also in the shipped list replaces the shipped one.
    builtin
        Start from the shipped list (default) or from your entries alone.

    Returns
    -------
    pandas.DataFrame
        One row per entity: ``canonical``, ``label``, ``category``, ``level``,
        ``full_name``, ``acronym``, ``aliases`` and ``source`` (``"gazetteer"``
        for shipped entries, ``"user"`` for yours).

    Raises
    ------
    GazetteerError
        Entries without the ``canonical`` or ``label`` column, an empty
        canonical name, a label that is not upper case, or a file type that
        cannot be read.

    Examples
    --------
    >>> import debatekit as dk
    >>> table = dk.load_gazetteer()
    >>> table.set_index("canonical").loc["VDAB", "full_name"]
    'Vlaamse Dienst voor Arbeidsbemiddeling en Beroepsopleiding'
    >>> mine = pd.DataFrame({"canonical": ["Smart"], "label": ["ORG"]})
    >>> dk.load_gazetteer(mine)["source"].tolist().count("user")
    1
    """
    frames = []
    if builtin:
        with resources.as_file(_builtin_path()) as path:
            frames.append(_normalise(_read_table(path), "gazetteer"))
    if entries is not None:
        user = _normalise(_read_table(entries), "user")
        if frames:
            frames[0] = frames[0][~frames[0]["canonical"].isin(user["canonical"])]
        frames.append(user)
    if not frames:
        return _normalise(pd.DataFrame(columns=list(_REQUIRED)), "user")
    table = pd.concat(frames, ignore_index=True)
    return table.drop_duplicates("canonical", keep="last").reset_index(drop=True)


def _dash_variants(form: str) -> set[str]:
    variants = {form}
    for dash in _DASHES:
        if dash in form:
            variants.update(form.replace(dash, other) for other in _DASHES)
    return variants


def surface_forms(entry: Mapping[str, Any]) -> list[str]:
    """Every spelling of one gazetteer entry that the text may use.

    The canonical name, the full name, the acronym and the aliases, each also
    with the other dashes (``Fonds Wetenschappelijk Onderzoek – Vlaanderen``
    and ``... - Vlaanderen``). Matching is case-sensitive: list ``Vlaamse
    regering`` beside ``Vlaamse Regering`` to find both, so that the party
    ``Groen`` is never the colour ``groen``.

    Examples
    --------
    >>> surface_forms({"canonical": "FWO", "full_name": "Fonds – Vlaanderen", "aliases": ""})
    ['FWO', 'Fonds - Vlaanderen', 'Fonds – Vlaanderen', 'Fonds — Vlaanderen']
    """
    forms: set[str] = set()
    aliases = str(entry.get("aliases") or "").split(_ALIAS_SEP)
    for value in (entry.get("canonical"), entry.get("full_name"), entry.get("acronym"), *aliases):
        text = " ".join(str(value or "").split())
        if text:
            forms |= _dash_variants(text)
    return sorted(forms)
