"""The turns table: its columns, their types, and checks that a table has them."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from ._errors import Errors, SchemaError, message

__all__ = [
    "TURN_COLUMNS",
    "REQUIRED_COLUMNS",
    "CONTEXT_COLUMNS",
    "context_columns",
    "build_turns",
    "require_columns",
    "count_words",
    "meeting_key",
    "dutch_turns",
]

#: Columns of the turns table, in order.
TURN_COLUMNS = (
    "turn_id",
    "parliament",
    "meeting",
    "date",
    "meeting_kind",
    "item",
    "item_title",
    "item_title_fr",
    "item_docs",
    "item_kind",
    "turn",
    "turn_label",
    "speaker",
    "party",
    "role",
    "text",
    "lang",
    "procedural",
    "n_words",
    "source",
    "line_start",
    "line_end",
)
#: Columns an analyzer may rely on.
REQUIRED_COLUMNS = ("turn_id", "speaker", "role", "text")
#: The turn's own columns an output may carry so that it reads on its own: always under
#: these names and with the turn's values. An output carries no other column of the turns
#: table, so that ``turns.merge(output, on=context_columns(output))`` gives no ``_x``/``_y``
#: pairs. ``speaker`` is whoever speaks the turn; whoever a row is aimed at is ``target``.
CONTEXT_COLUMNS = ("turn_id", "meeting", "item", "speaker", "party", "role")

_DASHES = (" – ", " — ", " - ")


def count_words(text: str) -> int:
    """Count words as a reader would: ``scale-ups`` and ``CO2-arme`` are one each.

    Tokens between white space, less the free-standing dashes; it runs at
    string-method speed, which keeps the parser fast.
    """
    return len(text.split()) - sum(text.count(d) for d in _DASHES)


def meeting_key(meeting: str | None, fallback: str) -> str:
    """A compact key for ``turn_id``: ``C190 (2023-2024)`` becomes ``C190-2023-2024``."""
    raw = meeting if meeting else fallback
    return re.sub(r"[^0-9A-Za-z]+", "-", raw).strip("-") or "meeting"


def context_columns(table: pd.DataFrame) -> list[str]:
    """The :data:`CONTEXT_COLUMNS` ``table`` carries: the keys to merge it back on the turns.

    Examples
    --------
    >>> turns = dk.read_transcript(dk.sample_path())
    >>> mentions = dk.entities(turns, model=None, progress=False)
    >>> context_columns(mentions)
    ['turn_id', 'meeting', 'item', 'speaker', 'party', 'role']
    >>> merged = turns.merge(mentions, on=context_columns(mentions))
    >>> [c for c in merged.columns if c.endswith(("_x", "_y"))]
    []
    """
    return [c for c in CONTEXT_COLUMNS if c in table.columns]


def build_turns(rows: Iterable[Mapping[str, Any]]) -> pd.DataFrame:
    """Make the turns table from row dictionaries, with the schema's columns and types."""
    df = pd.DataFrame.from_records(list(rows), columns=list(TURN_COLUMNS))
    df["date"] = pd.to_datetime(df["date"]).astype("datetime64[ns]")
    for col in ("item", "turn", "n_words", "line_start", "line_end"):
        df[col] = df[col].astype("Int64")
    df["procedural"] = df["procedural"].astype(bool)
    for col in ("party", "item_title", "item_docs", "item_kind", "meeting", "speaker"):
        df[col] = df[col].astype("string")
    for col in ("parliament", "meeting_kind", "item_title_fr", "turn_label", "lang"):
        df[col] = df[col].astype("string")
    for col in ("turn_id", "role", "text", "source"):
        df[col] = df[col].astype("string")
    return df


def require_columns(turns: pd.DataFrame, columns: Iterable[str] = REQUIRED_COLUMNS) -> None:
    """Raise a clear error when ``turns`` is not a turns table."""
    if not isinstance(turns, pd.DataFrame):
        raise SchemaError("[E016] " + Errors.E016.format(type=type(turns).__name__))
    missing = [c for c in columns if c not in turns.columns]
    if missing:
        raise SchemaError(message("E010", missing=", ".join(missing)))


def dutch_turns(
    turns: pd.DataFrame, owner: str, languages: Iterable[str] = ("nl",)
) -> pd.DataFrame:
    """The turns in ``languages`` (Dutch by default), with one warning (W501) on those skipped.

    For analyzers whose language data is Dutch only. Turns without a ``lang``
    (a table from ``from_records``, or an older one) are kept.

    Parameters
    ----------
    turns
        A turns table.
    owner
        The analyzer's name, for the warning.
    languages
        The ``lang`` codes kept.

    Examples
    --------
    >>> import warnings
    >>> turns = pd.DataFrame({"text": ["Dank u.", "Merci."], "lang": ["nl", "fr"]})
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     kept = dutch_turns(turns, "Numbers")
    >>> kept["text"].tolist(), caught[0].message.args[0][:6]
    (['Dank u.'], '[W501]')
    """
    if "lang" not in turns.columns or turns.empty:
        return turns
    lang = turns["lang"].astype("string")
    keep = lang.isin(list(languages)) | lang.isna()
    skipped = lang[~keep]
    if len(skipped):
        import warnings

        from ._errors import DebatekitWarning

        counts = ", ".join(f"{code}: {n}" for code, n in skipped.value_counts().items())
        text = message(
            "W501", owner=owner, n=len(skipped), total=len(turns), counts=counts,
            kept=", ".join(languages),
        )  # fmt: skip
        warnings.warn(text, DebatekitWarning, stacklevel=3)
    return turns[keep.to_numpy()]
