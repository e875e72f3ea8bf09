"""Who votes with whom, and how united each party votes.

Both work on the votes table :func:`debatekit.read_votes` gives (one row per
member per vote). A vote is keyed by ``(source, vote)`` where a table holds
several reports (the numbers start again at 1 in every report), and annulled
votes are left out unless asked for.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..._errors import VotesError, message
from ..._validation import bad_parameter, check_choice
from ...politics._members import join_members
from ._chamber import CHOICES

__all__ = ["vote_agreement", "party_cohesion", "vote_matrix"]

_NEEDED = ("vote", "member", "choice")


def _check_votes(votes: object, owner: str) -> pd.DataFrame:
    if not isinstance(votes, pd.DataFrame):
        raise bad_parameter("votes", owner, "a votes DataFrame from dk.read_votes", votes)
    missing = [c for c in _NEEDED if c not in votes.columns]
    if missing:
        raise VotesError(message("E552", missing=missing))
    return votes


def _counted(votes: pd.DataFrame, include_annulled: bool) -> pd.DataFrame:
    kept = votes[votes["member"].notna() & votes["choice"].isin(CHOICES)]
    if not include_annulled and "annulled" in kept.columns:
        kept = kept[~kept["annulled"].fillna(False).astype(bool)]
    return kept


def _vote_key(votes: pd.DataFrame) -> pd.Series:
    """``"56-60.html:42"`` where the table holds several reports, else the number."""
    if "source" in votes.columns and votes["source"].nunique() > 1:
        names = votes["source"].astype(str).map(lambda s: s.replace("\\", "/").rsplit("/", 1)[-1])
        return names + ":" + votes["vote"].astype(str)
    return votes["vote"].astype(str)


def vote_matrix(votes: pd.DataFrame, *, include_annulled: bool = False) -> pd.DataFrame:
    """Members by votes: each cell ``yes``, ``no``, ``abstain``, or missing (did not vote).

    Columns are the votes in report order (``"56-60.html:42"`` when the table
    holds several reports, else the vote number); rows the members, sorted.
    """
    votes = _check_votes(votes, "vote_matrix")
    kept = _counted(votes, include_annulled).assign(_vote=lambda t: _vote_key(t))
    order = list(dict.fromkeys(kept["_vote"]))
    matrix = kept.drop_duplicates(["member", "_vote"]).pivot(
        index="member", columns="_vote", values="choice"
    )
    matrix = matrix.reindex(columns=order).sort_index()
    matrix.columns.name = "vote"
    return matrix


def vote_agreement(
    votes: pd.DataFrame,
    *,
    abstain: str = "choice",
    long: bool = False,
    include_annulled: bool = False,
) -> pd.DataFrame:
    """How often two members voted the same way, over the votes they both took part in.

    Parameters
    ----------
    votes
        The votes table (:func:`debatekit.read_votes`), one report or many.
    abstain
        ``"choice"`` (an abstention is a choice like yes and no: two members who
        both abstain agree, one who abstains and one who votes yes do not) or
        ``"ignore"`` (only votes where both voted yes or no count).
    long
        Return the tidy long form instead of the square table.
    include_annulled
        Count annulled votes too.

    Returns
    -------
    pandas.DataFrame
        Square (default): members on both axes, the share of shared votes on
        which the two chose the same, NaN where they share none; the diagonal
        is 1 for every member who voted. ``.attrs["shared"]`` holds the square
        table of how many votes each pair shares. Long (``long=True``): one row
        per pair of members, ``member_a``, ``member_b`` (each pair once,
        ``member_a < member_b``), ``shared``, ``same`` and ``agreement``.

    Examples
    --------
    >>> votes = pd.DataFrame({"vote": [1, 1, 2, 2], "member": ["A", "B", "A", "B"],
    ...                       "choice": ["yes", "yes", "yes", "no"]})
    >>> vote_agreement(votes)
    member    A    B
    member
    A       1.0  0.5
    B       0.5  1.0
    """
    votes = _check_votes(votes, "vote_agreement")
    check_choice(abstain, "abstain", "vote_agreement", ("choice", "ignore"))
    matrix = vote_matrix(votes, include_annulled=include_annulled)
    choices = CHOICES if abstain == "choice" else ("yes", "no")
    indicators = [matrix.eq(c).fillna(False).to_numpy(dtype=float) for c in choices]
    present = sum(indicators)
    shared = present @ present.T
    same = sum(i @ i.T for i in indicators)
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(shared > 0, same / np.where(shared > 0, shared, 1), np.nan)
    names = pd.Index(matrix.index, name="member")
    agreement = pd.DataFrame(share, index=names, columns=names.rename("member"))
    shared_table = pd.DataFrame(shared.astype(int), index=names, columns=names)
    if long:
        return _long(agreement, shared_table, same)
    agreement.columns.name = "member"
    agreement.index.name = "member"
    agreement.attrs["shared"] = shared_table
    return agreement


def _long(agreement: pd.DataFrame, shared: pd.DataFrame, same: np.ndarray) -> pd.DataFrame:
    upper = np.triu_indices(len(agreement), k=1)
    names = agreement.index.to_numpy()
    return pd.DataFrame(
        {
            "member_a": pd.array(names[upper[0]], dtype="string"),
            "member_b": pd.array(names[upper[1]], dtype="string"),
            "shared": shared.to_numpy()[upper],
            "same": same[upper].astype(int),
            "agreement": agreement.to_numpy()[upper],
        }
    )


def party_cohesion(
    votes: pd.DataFrame,
    members: object = None,
    *,
    by: str = "party",
    include_annulled: bool = False,
) -> pd.DataFrame:
    """The Rice index of every party on every vote: how united it voted.

    Rice (1925): ``|yes - no| / (yes + no)``, 1 when the party's members all
    voted the same way, 0 when they split evenly. Abstentions do not enter the
    index (the standard definition counts yes and no only); they are counted
    beside it in ``abstain``, and a party whose members all abstained gets a
    NaN index. Members who did not vote are not counted.

    Parameters
    ----------
    votes
        The votes table; with a ``party`` (or ``group``) column, or joined here.
    members
        A members table to take parties from when ``votes`` has none (see
        :func:`debatekit.join_members`; left out, the shipped Chamber members).
    by
        ``"party"`` or ``"group"`` (the parliamentary group: Ecolo and Groen
        sit as one, Ecolo-Groen).
    include_annulled
        Count annulled votes too.

    Returns
    -------
    pandas.DataFrame
        One row per vote and party: the vote's context columns (``parliament``,
        ``meeting``, ``date``, ``vote``, ``item``, ``source`` where the votes
        have them), the party, ``yes``, ``no``, ``abstain``, ``members``
        (their sum) and ``rice``.

    Raises
    ------
    VotesError
        [E554] when the votes have no parties and none can be joined.
    """
    votes = _check_votes(votes, "party_cohesion")
    check_choice(by, "by", "party_cohesion", ("party", "group"))
    if by not in votes.columns or members is not None:
        parliaments = set(votes["parliament"].dropna()) if "parliament" in votes else set()
        if members is None and parliaments != {"Kamer"}:
            raise VotesError(message("E554"))
        votes = join_members(votes, members)
    kept = _counted(votes, include_annulled)
    kept = kept[kept[by].notna()]
    context = [
        c for c in ("parliament", "meeting", "date", "vote", "item", "source") if c in kept.columns
    ]
    counts = (
        kept.groupby([*context, by], dropna=False, sort=False, observed=True)["choice"]
        .value_counts()
        .unstack("choice", fill_value=0)
        .reindex(columns=list(CHOICES), fill_value=0)
        .reset_index()
    )
    counts.columns.name = None
    counts["members"] = counts[list(CHOICES)].sum(axis=1)
    voting = counts["yes"] + counts["no"]
    counts["rice"] = ((counts["yes"] - counts["no"]).abs() / voting.where(voting > 0)).astype(float)
    return counts
