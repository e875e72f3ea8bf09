"""Per-speaker positions with their evidence and uncertainty: :func:`speaker_positions`.

Two positions per speaker, each computed from what they said only:

``government_stance``
    How the speaker addresses the government and its answers, from the cues
    of the lexicon aimed at the government (praise and criticism of the answer,
    critical questions, how they frame the government, how their group will
    vote): ``(positive - negative) / (positive + negative + prior)``, in
    [-1, 1], higher = nearer the government. Thanks to the minister count a
    little (``thanks_weight``): both sides thank, the majority more often. A
    bootstrap over the speaker's turns gives the interval.
``scaling_position``
    A Wordfish position (:mod:`._scaling`) within the debates given, fitted per
    language, its direction chosen so that it rises with ``government_stance``.

Where the evidence is too thin the value is NaN and ``reason`` says why.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import CountVectorizer

from ..._debates import in_reading_order
from ..._errors import StanceError, message
from ..._schema import require_columns
from ..._validation import check_int, check_number
from ...lang._stop_words import dutch_stop_words
from ._cues import CUES, LANGS, Cue, find_cues
from ._scaling import wordfish

__all__ = ["speaker_positions", "POSITION_COLUMNS", "turn_evidence"]

#: Columns of :func:`speaker_positions` (after the ``by`` columns).
POSITION_COLUMNS = (
    "speaker",
    "role",
    "n_turns",
    "n_words",
    "n_cues",
    "positive",
    "negative",
    "government_stance",
    "government_stance_low",
    "government_stance_high",
    "scaling_position",
    "reason",
)
_WORD = re.compile(r"(?u)\b[^\W\d_]{3,}\b")
_FRENCH_STOP = frozenset(
    """au aux avec ce ces cette dans de des du elle en et eux il ils je la le les leur lui ma
    mais me même mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur
    ta te tes toi ton tu un une vos votre vous c d j l à m n s t y été être avoir est sont a ont
    plus aussi comme fait faire très bien tout tous cela ça donc alors si""".split()
)


def turn_evidence(
    turns: pd.DataFrame, *, cues: Sequence[Cue] = CUES, thanks_weight: float = 0.25
) -> pd.DataFrame:
    """Per turn, the weight of its cues for and against the government.

    Returns
    -------
    pandas.DataFrame
        Indexed like ``turns``: ``positive``, ``negative`` (summed weights) and
        ``n_cues`` (cues about the government, thanks included).
    """
    langs = turns["lang"] if "lang" in turns.columns else pd.Series("nl", index=turns.index)
    rows = []
    for text, lang in zip(turns["text"].fillna("").astype(str), langs, strict=True):
        positive = negative = 0.0
        n = 0
        chosen = lang if isinstance(lang, str) and lang in LANGS else None
        for match in find_cues(text, cues, lang=chosen):
            if match.cue.target != "government":
                continue
            weight = thanks_weight if match.cue.kind == "thanks" else match.cue.weight
            n += 1
            if match.cue.polarity > 0:
                positive += weight
            else:
                negative += weight
        rows.append((positive, negative, n))
    return pd.DataFrame(rows, index=turns.index, columns=["positive", "negative", "n_cues"])


def speaker_positions(
    turns: pd.DataFrame,
    *,
    by: str | Sequence[str] | None = None,
    roles: str | Sequence[str] = ("member",),
    min_turns: int = 1,
    prior: float = 3.0,
    thanks_weight: float = 0.25,
    n_boot: int = 500,
    level: float = 0.95,
    scaling: bool = True,
    min_scaling_words: int = 150,
    random_state: int = 0,
) -> pd.DataFrame:
    """One row per speaker: their position toward the government, with evidence and interval.

    Parameters
    ----------
    turns
        A turns table (``dk.read_transcript``); chair and procedural turns are
        left out. A ``lang`` column (``nl``, ``fr``) chooses each turn's cues.
    by
        Columns to compute positions within, e.g. ``"government"`` after
        ``turns.merge(dk.blocs(turns))``, or ``"meeting"``: one row per speaker and group.
    roles
        Whose positions: members by default. A minister is the government
        (``government_stance`` 1, reason ``"minister"``).
    min_turns
        Fewer turns than this give NaN (reason ``"fewer than N turns"``); a
        speaker with no cue about the government gets NaN too, and one turn
        gives a stance without an interval.
    prior
        Pseudo-count that shrinks the stance of speakers with few cues toward 0.
    thanks_weight
        Weight of a thanks to the minister (both sides thank; the majority more).
    n_boot
        Bootstrap rounds over each speaker's turns for the interval.
    level
        Coverage of the interval (0.95: the 2.5 and 97.5 percentiles).
    scaling
        Also fit the Wordfish ``scaling_position`` (per language).
    min_scaling_words
        Speakers with fewer words are left out of the scaling (NaN).
    random_state
        Seed of the bootstrap: same input, same output.

    Returns
    -------
    pandas.DataFrame
        The ``by`` columns, then :data:`POSITION_COLUMNS`: ``n_turns``,
        ``n_words``, ``n_cues`` (cues about the government), ``positive`` and
        ``negative`` (their weights), ``government_stance`` in [-1, 1] (higher
        = nearer the government) with ``government_stance_low`` and
        ``_high``, ``scaling_position`` (standardised; higher = nearer the
        government's side of the debates given) and ``reason`` (empty where
        both positions were computed). Sorted by the ``by`` columns and speaker.

    Raises
    ------
    SchemaError
        ``turns`` lacks a needed column.
    StanceError
        ``by=`` names a column the turns do not have (E409).
    ParameterError
        A parameter is out of range (E800).

    Examples
    --------
    >>> import debatekit as dk
    >>> turns = dk.read_transcript(dk.sample_path())
    >>> positions = dk.speaker_positions(turns).set_index("speaker")
    >>> bool(positions.loc["Axel Ronse", "government_stance"]
    ...      > positions.loc["Thijs Verbeurgt", "government_stance"])
    True
    """
    require_columns(turns, ("turn_id", "speaker", "role", "text"))
    keys = _by_columns(turns, by)
    _check(min_turns=min_turns, prior=prior, n_boot=n_boot, level=level, thanks=thanks_weight)
    role_list = [roles] if isinstance(roles, str) else list(roles)
    ordered = in_reading_order(turns)  # the bootstrap draws turns: same order, same draws
    said = ordered[ordered["role"].isin(role_list) & ordered["speaker"].notna()]
    if "procedural" in said.columns:
        said = said[~said["procedural"].fillna(False).astype(bool)]
    said = said.assign(speaker=said["speaker"].astype(str))
    evidence = turn_evidence(said, thanks_weight=thanks_weight)
    said = pd.concat([said, evidence], axis=1)
    said["_words"] = said["text"].fillna("").astype(str).str.split().str.len()
    rng = np.random.default_rng(random_state)
    rows = []
    for key, group in said.groupby([*keys, "speaker"], sort=True, dropna=False):
        key = key if isinstance(key, tuple) else (key,)
        rows.append(_one_speaker(dict(zip([*keys, "speaker"], key)), group, rng, locals()))
    table = pd.DataFrame(rows, columns=[*keys, *POSITION_COLUMNS, "min_turns"])
    if scaling and len(table):
        table["scaling_position"] = _scaling(said, table, keys, min_scaling_words)
    table["reason"] = [_reason(r, scaling, min_scaling_words) for r in table.itertuples()]
    return _typed(table.drop(columns="min_turns"), keys)


def _by_columns(turns: pd.DataFrame, by: str | Sequence[str] | None) -> list[str]:
    keys = [] if by is None else [by] if isinstance(by, str) else list(by)
    missing = [k for k in keys if k not in turns.columns]
    if missing:
        raise StanceError(message("E409", missing=missing, columns=list(turns.columns)))
    return keys


def _check(*, min_turns: int, prior: float, n_boot: int, level: float, thanks: float) -> None:
    owner = "speaker_positions"
    check_int(min_turns, "min_turns", owner, minimum=1)
    check_number(prior, "prior", owner, minimum=0, strict=True)
    check_int(n_boot, "n_boot", owner, minimum=0)
    check_number(level, "level", owner, minimum=0, maximum=1, strict=True)
    check_number(thanks, "thanks_weight", owner, minimum=0)


def _one_speaker(
    key: dict[str, Any], group: pd.DataFrame, rng: np.random.Generator, options: dict[str, Any]
) -> dict[str, Any]:
    positive = group["positive"].to_numpy(dtype=float)
    negative = group["negative"].to_numpy(dtype=float)
    prior, n_boot, level = options["prior"], options["n_boot"], options["level"]
    row = {
        **key,
        "role": "minister" if (group["role"] == "minister").any() else str(group["role"].iloc[0]),
        "n_turns": len(group),
        "n_words": int(group["_words"].sum()),
        "n_cues": int(group["n_cues"].sum()),
        "positive": positive.sum(),
        "negative": negative.sum(),
        "government_stance": np.nan,
        "government_stance_low": np.nan,
        "government_stance_high": np.nan,
        "scaling_position": np.nan,
        "min_turns": options["min_turns"],
    }
    if row["role"] == "minister":
        row.update(government_stance=1.0, government_stance_low=1.0, government_stance_high=1.0)
        return row
    if len(group) < options["min_turns"] or row["n_cues"] == 0:
        return row
    row["government_stance"] = _stance(positive.sum(), negative.sum(), prior)
    if n_boot and len(group) > 1:  # one turn has no spread to resample
        draws = rng.integers(0, len(group), size=(n_boot, len(group)))
        boot = _stance(positive[draws].sum(axis=1), negative[draws].sum(axis=1), prior)
        tail = (1 - level) / 2
        row["government_stance_low"], row["government_stance_high"] = np.quantile(
            boot, [tail, 1 - tail]
        )
    return row


def _stance(positive: Any, negative: Any, prior: float) -> Any:
    return (positive - negative) / (positive + negative + prior)


def _scaling(said: pd.DataFrame, table: pd.DataFrame, keys: list[str], min_words: int) -> pd.Series:
    """Wordfish within each ``by`` group and language, oriented by the government stance."""
    out = pd.Series(np.nan, index=table.index)
    lang = said["lang"] if "lang" in said.columns else pd.Series("nl", index=said.index)
    said = said.assign(_lang=lang.fillna("nl").astype(str))
    where = {tuple(r[[*keys, "speaker"]]): i for i, r in table.iterrows()}
    for _, part in said.groupby([*keys, "_lang"], sort=True, dropna=False):
        text = part.groupby("speaker", sort=True)["text"].apply(lambda s: " ".join(map(str, s)))
        words = part.groupby("speaker", sort=True)["_words"].sum()
        text = text[words >= min_words]
        if len(text) < 3:
            continue
        stop = _FRENCH_STOP if part["_lang"].iloc[0] == "fr" else dutch_stop_words()
        vectorizer = CountVectorizer(
            min_df=2,
            max_features=3000,
            stop_words=sorted(w for w in stop if _WORD.fullmatch(w)),
            token_pattern=_WORD.pattern,
        )
        try:
            counts = vectorizer.fit_transform(text.tolist()).toarray()
        except ValueError:  # no word two speakers share
            continue
        keep = counts.sum(axis=1) > 0
        if keep.sum() < 3:
            continue
        omega = wordfish(counts[keep])
        speakers = text.index[keep]
        head = tuple(part[keys].iloc[0]) if keys else ()
        index = [where[(head + (s,))] for s in speakers]
        stance = table.loc[index, "government_stance"].to_numpy(dtype=float)
        known = ~np.isnan(stance)
        if known.sum() >= 2 and np.corrcoef(omega[known], stance[known])[0, 1] < 0:
            omega = -omega  # the model leaves the direction open: point it at the government
        out.loc[index] = omega
    return out


def _reason(row: Any, scaling: bool, min_words: int) -> str:
    reasons = []
    if row.role == "minister":
        return "minister"
    if np.isnan(row.government_stance):
        if row.n_cues == 0:
            reasons.append("no cue about the government")
        else:
            reasons.append(f"fewer than {row.min_turns} turns")
    if scaling and np.isnan(row.scaling_position):
        reasons.append(f"fewer than {min_words} words or too few speakers to scale")
    return "; ".join(reasons)


def _typed(table: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    table["speaker"] = table["speaker"].astype("string")
    table["role"] = table["role"].astype("string")
    table["reason"] = table["reason"].astype("string")
    for column in ("n_turns", "n_words", "n_cues"):
        table[column] = table[column].astype("int64")
    return table.sort_values([*keys, "speaker"], kind="stable").reset_index(drop=True)
