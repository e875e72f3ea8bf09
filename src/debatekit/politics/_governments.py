"""Who governed when: the dated governments table, and each speaker's bloc on each date.

The table ships as ``governments.csv`` beside this module, one row per
(parliament, government, party) with the date the government took office
(``start``) and the date it left (``end``, empty while it governs). A turn's
bloc is read from its party and its date: ``majority`` when the party is in
the government of that parliament on that day, ``opposition`` otherwise, and
``government`` for ministers. Users extend the table with their own rows
(another parliament, an older legislature) through ``extra=``.
"""

from __future__ import annotations

import unicodedata
from importlib import resources
from os import PathLike
from typing import Any

import numpy as np
import pandas as pd

from .._errors import StanceError, message

__all__ = ["governments", "blocs", "GOVERNMENT_COLUMNS", "PARLIAMENTS"]

#: Columns of :func:`governments`.
GOVERNMENT_COLUMNS = ("parliament", "government", "start", "end", "party")
#: How a ``parliament`` column may name each parliament, mapped to the table's key.
PARLIAMENTS = {
    "vlaams": "vlaams",
    "vlaams parlement": "vlaams",
    "flemish": "vlaams",
    "flemish parliament": "vlaams",
    "vp": "vlaams",
    "kamer": "kamer",
    "chamber": "kamer",
    "de kamer": "kamer",
    "federal": "kamer",
    "federaal": "kamer",
    "kamer van volksvertegenwoordigers": "kamer",
}


def _table_path() -> Any:
    return resources.files("debatekit.politics") / "governments.csv"


def governments(extra: pd.DataFrame | str | PathLike[str] | None = None) -> pd.DataFrame:
    """The dated governments table: which parties governed which parliament when.

    Parameters
    ----------
    extra
        More rows (a DataFrame or a CSV path with the same columns: ``parliament``,
        ``government``, ``start``, ``end``, ``party``), added to the shipped ones.
        Use it for another parliament or another period.

    Returns
    -------
    pandas.DataFrame
        One row per (parliament, government, party); ``start`` and ``end`` are
        timestamps, ``end`` is NaT while the government is in office.

    Raises
    ------
    StanceError
        ``extra`` lacks a column, or a date cannot be read (E407).

    Examples
    --------
    >>> import debatekit as dk
    >>> table = dk.governments()
    >>> sorted(table.loc[table["government"] == "Diependaele", "party"])
    ['N-VA', 'Vooruit', 'cd&v']
    """
    with _table_path().open(encoding="utf-8") as handle:
        table = pd.read_csv(handle, dtype=str, keep_default_na=False)
    if extra is not None:
        more = extra if isinstance(extra, pd.DataFrame) else pd.read_csv(extra, dtype=str)
        missing = [c for c in GOVERNMENT_COLUMNS if c not in more.columns]
        if missing:
            raise StanceError(message("E407", problem=f"it has no column(s) {missing}"))
        table = pd.concat([table, more[list(GOVERNMENT_COLUMNS)].astype(str)], ignore_index=True)
    return _typed(table)


def _typed(table: pd.DataFrame) -> pd.DataFrame:
    table = table[list(GOVERNMENT_COLUMNS)].copy()
    for column in ("start", "end"):
        raw = table[column].replace({"": None, "nan": None, "NaT": None, "None": None})
        try:
            table[column] = pd.to_datetime(raw, format="%Y-%m-%d")
        except (ValueError, TypeError) as error:
            raise StanceError(
                message("E407", problem=f"a {column!r} date is not YYYY-MM-DD ({error})")
            ) from None
    if table["start"].isna().any():
        raise StanceError(message("E407", problem="a row has no 'start' date"))
    table["parliament"] = table["parliament"].map(_parliament_key)
    return table.reset_index(drop=True)


def _fold(text: Any) -> str:
    """A party or parliament name compared without case, accents or spacing."""
    plain = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    return " ".join(plain.casefold().split())


def _parliament_key(value: Any) -> str:
    folded = _fold(value)
    return PARLIAMENTS.get(folded, folded)


def _party_keys(party: Any) -> set[str]:
    """The party and, for a joint group such as ``Ecolo-Groen``, each of its parts."""
    if party is None or (isinstance(party, float) and np.isnan(party)) or party is pd.NA:
        return set()
    folded = _fold(party)
    keys = {folded}
    parts = [p.strip() for p in folded.replace("/", "-").split("-")]
    if len(parts) > 1 and all(len(p) > 2 for p in parts):
        keys.update(parts)  # "ecolo-groen" is both; "n-va" is not "n" and "va"
    return keys


def _in_office(table: pd.DataFrame, parliament: str, date: pd.Timestamp) -> pd.DataFrame:
    rows = table[table["parliament"] == parliament]
    ended = rows["end"].notna() & (rows["end"] <= date)
    return rows[(rows["start"] <= date) & ~ended]


def blocs(
    turns: pd.DataFrame,
    *,
    parliament: str | None = None,
    table: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Each speaker's bloc under each government, from their party and the date.

    Parameters
    ----------
    turns
        A turns table with ``speaker``, ``role``, ``party`` and ``date``; a
        ``parliament`` column says which parliament each turn is from.
    parliament
        The parliament of turns without a ``parliament`` column (``"vlaams"``
        or ``"kamer"``); by default ``"vlaams"``.
    table
        A governments table (:func:`governments`, possibly extended).

    Returns
    -------
    pandas.DataFrame
        One row per (speaker, government): ``speaker``, ``party`` (their most
        frequent label), ``parliament``, ``government`` (``<NA>`` where the table
        knows no government on that date), ``bloc`` (``majority``,
        ``opposition``, ``government`` for ministers, ``<NA>`` without a party or a
        government) and ``n_turns``. The chair is left out.

    Examples
    --------
    >>> import debatekit as dk
    >>> turns = dk.read_transcript(dk.sample_path())
    >>> table = dk.blocs(turns).set_index("speaker")
    >>> table.loc["Axel Ronse", "bloc"], table.loc["Thijs Verbeurgt", "bloc"]
    ('majority', 'opposition')
    """
    table = governments() if table is None else table
    speaking = turns[turns["role"].isin(["member", "minister"]) & turns["speaker"].notna()]
    if "parliament" in speaking.columns:
        where = speaking["parliament"].fillna(parliament or "vlaams").map(_parliament_key)
    else:
        where = pd.Series(_parliament_key(parliament or "vlaams"), index=speaking.index)
    dates = pd.to_datetime(speaking["date"]) if "date" in speaking.columns else pd.NaT
    frame = pd.DataFrame(
        {
            "speaker": speaking["speaker"].astype(str),
            "party": speaking["party"].astype(object) if "party" in speaking else None,
            "role": speaking["role"].astype(str),
            "parliament": where,
            "date": dates,
        }
    )
    frame["government"] = [
        _government_name(table, p, d) for p, d in zip(frame["parliament"], frame["date"])
    ]
    return _per_speaker(frame, table)


def _government_name(table: pd.DataFrame, parliament: str, date: Any) -> Any:
    if pd.isna(date):
        return pd.NA
    rows = _in_office(table, parliament, pd.Timestamp(date))
    return rows["government"].iloc[0] if len(rows) else pd.NA


def _per_speaker(frame: pd.DataFrame, table: pd.DataFrame) -> pd.DataFrame:
    keys = ["speaker", "parliament", "government"]
    rows = []
    for (speaker, where, government), group in frame.groupby(keys, sort=False, dropna=False):
        parties = group["party"].dropna()
        party = parties.mode().iloc[0] if len(parties) else pd.NA
        rows.append(
            {
                "speaker": speaker,
                "party": party,
                "parliament": where,
                "government": government,
                "bloc": _bloc(table, where, government, party, group["role"]),
                "n_turns": len(group),
            }
        )
    out = pd.DataFrame(rows, columns=[*keys[:1], "party", *keys[1:], "bloc", "n_turns"])
    for column in ("speaker", "party", "parliament", "government", "bloc"):
        out[column] = out[column].astype("string")
    return out.astype({"n_turns": "int64"})


def _bloc(
    table: pd.DataFrame, parliament: str, government: Any, party: Any, roles: pd.Series
) -> Any:
    if (roles == "minister").any():
        return "government"
    if pd.isna(government) or party is pd.NA or pd.isna(party):
        return pd.NA
    rows = table[(table["parliament"] == parliament) & (table["government"] == government)]
    governing = {_fold(p) for p in rows["party"]}
    return "majority" if _party_keys(party) & governing else "opposition"
