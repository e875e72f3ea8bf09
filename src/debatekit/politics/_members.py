"""Members of a parliament, and the one name matcher every table uses to find them.

A report writes a member's name in several ways: ``Merckx Sofie`` in a roll
call (surname first), ``Sofie Merckx`` in a speaker label, ``de heer Van der
Donckt`` or ``M. Van der Donckt`` in the text, ``D’Amico`` with a curly
apostrophe, ``Vanden Bosch`` for ``Van den Bosch``. :class:`NameMatcher`
brings all of them to one canonical ``member`` name (``Firstname Surname``,
as the members table spells it), so that votes and turns join on ``member``.
"""

from __future__ import annotations

import difflib
import os
import re
import unicodedata
import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources

import pandas as pd

from .._errors import MembersError, NamesWarning, message
from ..lang._names import HONORIFICS, PERSON_TITLES, alternation

__all__ = [
    "MEMBER_COLUMNS",
    "MATCH_KINDS",
    "NameMatcher",
    "kamer_members",
    "load_members",
    "join_members",
    "to_first_last",
]

#: Columns of a members table, in order (see :func:`load_members`).
MEMBER_COLUMNS = (
    "member",
    "first_name",
    "last_name",
    "gender",
    "language",
    "constituency",
    "party",
    "group",
    "active",
    "start",
    "legislature",
)
#: How a name was matched, best first: the whole name, the surname alone (unique
#: in the table), an initial and the surname, part of the name (``Mutyebele Lydia``
#: for ``Lydia Mutyebele Ngoi``: every word of the name, two at least, in one
#: member's name only), or a near spelling (one or two letters off).
MATCH_KINDS = ("name", "surname", "initial", "partial", "fuzzy")

# Other spellings of a members table's columns, as open datasets name them.
_COLUMN_ALIASES = {
    "fraction": "group",
    "fractie": "group",
    "groupe": "group",
    "session_id": "legislature",
    "legislatuur": "legislature",
    "voornaam": "first_name",
    "firstname": "first_name",
    "achternaam": "last_name",
    "naam": "last_name",
    "lastname": "last_name",
    "surname": "last_name",
    "partij": "party",
    "geslacht": "gender",
    "taal": "language",
    "kieskring": "constituency",
}
_SHIPPED = {56: "kamer-members-56.csv"}

# Forms of address and titles that stand before a name in a report, taken off before
# matching: the Dutch ones of lang/_names.py and the French ones the Chamber prints too.
_FRENCH_TITLES = (
    "monsieur", "madame", "m.", "mme", "mme.", "ministre", "premier ministre", "président",
    "présidente", "secrétaire d'état", "mijnheer",
)  # fmt: skip
_TITLES = re.compile(
    rf"^(?:{alternation([*HONORIFICS, *PERSON_TITLES, *_FRENCH_TITLES])}\s+)+", re.IGNORECASE
)
# A party or group in brackets after a name, as a speaker label prints it.
_BRACKETS = re.compile(r"\s*\([^)]*\)\s*")
# A role after a comma, as the French labels print it: "Jan Jambon, ministre".
_ROLE_AFTER_COMMA = re.compile(r",.*$", re.DOTALL)
_APOSTROPHES = str.maketrans({"’": "", "'": "", "`": "", "´": "", "‘": ""})
_SEPARATORS = re.compile(r"[\s\-‐‑–.]+")
# Near spellings must be this close (difflib's ratio), and clearly closer than the runner-up.
_FUZZY_CUTOFF = 0.88
_FUZZY_MARGIN = 0.04


def _fold(text: str) -> str:
    """Lower case without accents, apostrophes or hyphens, words split by one space."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = plain.casefold().translate(_APOSTROPHES)
    return " ".join(_SEPARATORS.sub(" ", plain).split())


def _bare(name: str) -> str:
    """A name with its brackets and forms of address taken off."""
    name = _BRACKETS.sub(" ", str(name)).strip()
    name = _ROLE_AFTER_COMMA.sub("", name).strip()
    return _TITLES.sub("", name).strip()


def _key(text: str) -> str:
    """The folded words run together: ``Van den Bosch`` and ``Vanden Bosch`` agree."""
    return _fold(text).replace(" ", "")


def to_first_last(name: str) -> str:
    """``Surname Firstname`` as a roll call prints it, turned to ``Firstname Surname``.

    Without a members table the split is a guess: the last word (a hyphenated
    first name counts as one) is taken for the first name. :class:`NameMatcher`
    finds the member either way; this is only the fallback for names it does not know.

    Examples
    --------
    >>> to_first_last("Van der Donckt Wim")
    'Wim Van der Donckt'
    >>> to_first_last("Gatelier Jean-François")
    'Jean-François Gatelier'
    """
    words = str(name).split()
    if len(words) < 2:
        return str(name).strip()
    return " ".join([words[-1], *words[:-1]])


@dataclass(frozen=True)
class Match:
    """One name and the member it was matched to (``member`` is None when none)."""

    name: str
    member: str | None
    how: str | None
    reason: str | None = None


class NameMatcher:
    """Find members by the names reports write, in any of their usual forms.

    Parameters
    ----------
    members
        A members table (:func:`load_members`, :func:`kamer_members`) or anything
        :func:`load_members` reads.
    fuzzy
        Also accept near spellings (one or two letters off) when nothing else matches.

    Attributes
    ----------
    members_
        The members table, indexed by nothing; ``member`` holds canonical names.

    Examples
    --------
    >>> matcher = NameMatcher(kamer_members(56))
    >>> matcher.match("Van der Donckt Wim").member
    'Wim Van der Donckt'
    >>> matcher.match("M. D’Amico").member, matcher.match("M. D’Amico").how
    ("Roberto D'Amico", 'surname')
    """

    def __init__(self, members: object, *, fuzzy: bool = True) -> None:
        self.members_ = load_members(members)
        self.fuzzy = fuzzy
        self._full: dict[str, set[str]] = {}
        self._surname: dict[str, set[str]] = {}
        self._initial: dict[str, set[str]] = {}
        self._words: list[tuple[frozenset[str], str]] = []
        for first, last, member in zip(
            self.members_["first_name"], self.members_["last_name"], self.members_["member"]
        ):
            first, last = str(first), str(last)
            for order in (f"{first} {last}", f"{last} {first}"):
                self._full.setdefault(_key(order), set()).add(member)
            self._surname.setdefault(_key(last), set()).add(member)
            initial = _fold(first)[:1]
            for order in (f"{initial} {last}", f"{last} {initial}"):
                self._initial.setdefault(_key(order), set()).add(member)
            self._words.append((frozenset(_fold(f"{first} {last}").split()), member))
        self._cache: dict[str, Match] = {}

    def match(self, name: object) -> Match:
        """The member ``name`` refers to, how it was found, or why not."""
        text = "" if name is None or (isinstance(name, float) and pd.isna(name)) else str(name)
        if text not in self._cache:
            self._cache[text] = self._find(text)
        return self._cache[text]

    def _find(self, name: str) -> Match:
        key = _key(_bare(name))
        if not key:
            return Match(name, None, None, "empty")
        for how, index in (("name", self._full), ("surname", self._surname)):
            found = index.get(key)
            if found:
                return self._one(name, found, how)
        found = self._initial.get(key)
        if found:
            return self._one(name, found, "initial")
        words = set(_fold(_bare(name)).split())
        if len(words) >= 2:
            found = {member for names, member in self._words if words <= names}
            if found:
                return self._one(name, found, "partial")
        if self.fuzzy:
            return self._near(name, key)
        return Match(name, None, None, "unknown")

    @staticmethod
    def _one(name: str, found: set[str], how: str) -> Match:
        if len(found) == 1:
            return Match(name, next(iter(found)), how)
        return Match(name, None, None, "ambiguous: " + " or ".join(sorted(found)))

    def _near(self, name: str, key: str) -> Match:
        scored = sorted(
            ((difflib.SequenceMatcher(None, key, k).ratio(), k) for k in self._full),
            reverse=True,
        )
        if not scored or scored[0][0] < _FUZZY_CUTOFF:
            return Match(name, None, None, "unknown")
        best_score, best = scored[0]
        members = self._full[best]
        rivals = {m for s, k in scored[1:] if best_score - s < _FUZZY_MARGIN for m in self._full[k]}
        if len(members) > 1 or rivals - members:
            return Match(name, None, None, "ambiguous near spelling")
        return Match(name, next(iter(members)), "fuzzy")

    def match_many(self, names: Iterable[object]) -> pd.DataFrame:
        """One row per distinct name: ``name``, ``member``, ``how``, ``reason``."""
        rows = [self.match(n) for n in dict.fromkeys(names)]
        return pd.DataFrame(
            {
                "name": [r.name for r in rows],
                "member": pd.array([r.member for r in rows], dtype="string"),
                "how": pd.array([r.how for r in rows], dtype="string"),
                "reason": pd.array([r.reason for r in rows], dtype="string"),
            }
        )


def kamer_members(legislature: int = 56) -> pd.DataFrame:
    """The members of the federal Chamber in one legislature, shipped with debatekit.

    The table comes from a CC0 open dataset: first and last name, gender,
    language group, constituency, party, parliamentary group, whether the
    member still sits and since when. Members who left (for a government
    post, mostly) are kept, with ``active`` False, so that ministers who
    speak are found too.

    Raises
    ------
    MembersError
        [E570] for a legislature debatekit ships no table of.

    Examples
    --------
    >>> members = kamer_members(56)
    >>> members.loc[members["member"] == "Sofie Merckx", ["party", "group"]].iloc[0].tolist()
    ['PVDA-PTB', 'PVDA-PTB']
    """
    if legislature not in _SHIPPED:
        raise MembersError(message("E570", legislature=legislature, shipped=sorted(_SHIPPED)))
    source = resources.files("debatekit.politics").joinpath(_SHIPPED[legislature])
    with resources.as_file(source) as path:
        return load_members(path)


def load_members(source: object) -> pd.DataFrame:
    """Read a members table into the columns of :data:`MEMBER_COLUMNS`.

    Parameters
    ----------
    source
        A DataFrame, or a ``.csv`` / ``.parquet`` file, with at least
        ``first_name`` and ``last_name`` (or ``member`` holding
        ``Firstname Surname``). ``fraction``/``fractie`` is read as ``group``,
        ``session_id`` as ``legislature``; other columns are kept after the known ones.

    Raises
    ------
    MembersError
        [E571] for a file that is missing or of another kind; [E572] for a
        table without the name columns.
    """
    table = _read_members_source(source)
    table = table.rename(columns=lambda c: _COLUMN_ALIASES.get(str(c).strip().lower(), c))
    if not {"first_name", "last_name"} <= set(table.columns):
        if "member" not in table.columns:
            raise MembersError(message("E572", columns=list(table.columns)))
        split = table["member"].astype(str).str.strip().str.split(" ", n=1, expand=True)
        table["first_name"] = split[0]
        table["last_name"] = split[1] if 1 in split.columns else ""
    table["first_name"] = table["first_name"].astype(str).str.strip()
    table["last_name"] = table["last_name"].astype(str).str.strip()
    table["member"] = table["first_name"] + " " + table["last_name"]
    for column in MEMBER_COLUMNS:
        if column not in table.columns:
            table[column] = pd.NA
    for column in ("member", "first_name", "last_name", "gender", "language"):
        table[column] = table[column].astype("string")
    for column in ("constituency", "party", "group"):
        table[column] = table[column].astype("string")
    extra = [c for c in table.columns if c not in MEMBER_COLUMNS]
    return table[list(MEMBER_COLUMNS) + extra].reset_index(drop=True)


def _read_members_source(source: object) -> pd.DataFrame:
    if isinstance(source, pd.DataFrame):
        return source.copy()
    if isinstance(source, (str, os.PathLike)):
        path = os.fspath(source)
        if not os.path.isfile(path):
            raise MembersError(message("E571", path=path, cwd=os.getcwd()))
        if path.lower().endswith(".parquet"):
            return pd.read_parquet(path)
        if path.lower().endswith((".csv", ".tsv", ".txt")):
            sep = "\t" if path.lower().endswith(".tsv") else ","
            return pd.read_csv(path, sep=sep, dtype={"active": "boolean"})
        raise MembersError(message("E571", path=path, cwd=os.getcwd()))
    raise MembersError(message("E573", type=type(source).__name__))


def _default_members(table: pd.DataFrame) -> pd.DataFrame:
    """The shipped Chamber members, for a table that is all Chamber rows."""
    parliaments = set(table["parliament"].dropna()) if "parliament" in table.columns else set()
    if parliaments != {"Kamer"}:
        raise MembersError(message("E574", parliaments=sorted(parliaments) or "not given"))
    return kamer_members(56)


def join_members(
    table: pd.DataFrame,
    members: object = None,
    *,
    name: str | None = None,
    fuzzy: bool = True,
    warn: bool = True,
) -> pd.DataFrame:
    """Add each member's gender, language, constituency, party and group to a table.

    Works on a turns table (names in ``speaker``) and on a votes table (names
    in ``member``) alike, with one matcher, so that both end up with the same
    canonical ``member`` name and join on it::

        turns = dk.join_members(dk.read_transcript(path))
        votes = dk.join_members(dk.read_votes(path))
        turns.merge(votes, on=["meeting", "member"])

    Parameters
    ----------
    table
        Turns or votes.
    members
        A members table (:func:`kamer_members`, :func:`load_members` or a file
        it reads). Left out, a table whose ``parliament`` is all ``Kamer`` gets
        the shipped members of legislature 56.
    name
        The column holding names; by default ``member`` when the table has it,
        else ``speaker``.
    fuzzy
        Also accept near spellings (``how == "fuzzy"``).
    warn
        Emit [W570] naming the names that matched no member.

    Returns
    -------
    pandas.DataFrame
        A copy of ``table`` with ``member`` (canonical ``Firstname Surname``;
        missing where no member matched), ``match`` (one of
        :data:`MATCH_KINDS`, missing when unmatched), ``gender``, ``language``
        (the member's language group, not the turn's ``lang``),
        ``constituency``, ``party`` and ``group``. A table that already has
        ``party`` (a turns table, from the label) keeps it, and gets the
        members table's as ``member_party``. ``.attrs["unmatched"]`` lists
        the names no member matched, with the reason (unknown or ambiguous).

    Raises
    ------
    MembersError
        [E574] when ``members`` is left out for a table that is not all
        Chamber rows; [E575] when the name column is missing.
    """
    if members is None:
        members = _default_members(table)
    column = name or ("member" if "member" in table.columns else "speaker")
    if column not in table.columns:
        raise MembersError(message("E575", column=column, columns=list(table.columns)))
    matcher = members if isinstance(members, NameMatcher) else NameMatcher(members, fuzzy=fuzzy)
    found = matcher.match_many(table[column])
    lookup = found.set_index("name")
    info = matcher.members_.drop_duplicates("member").set_index("member")
    out = table.copy()
    if column != "member" and "member" in out.columns:
        out = out.drop(columns="member")
    out["member"] = pd.array(lookup["member"].reindex(table[column]).to_numpy(), dtype="string")
    out["match"] = pd.array(lookup["how"].reindex(table[column]).to_numpy(), dtype="string")
    party = "member_party" if "party" in table.columns else "party"
    for source, target in (
        ("gender", "gender"),
        ("language", "language"),
        ("constituency", "constituency"),
        ("party", party),
        ("group", "group"),
    ):
        out[target] = pd.array(info[source].reindex(out["member"]).to_numpy(), dtype="string")
    unmatched = found[found["member"].isna() & (found["reason"] != "empty")]
    out.attrs["unmatched"] = dict(zip(unmatched["name"], unmatched["reason"]))
    out.attrs["match_rate"] = _match_rate(out)
    if warn and len(unmatched):
        _warn_unmatched(unmatched, table[column])
    return out


def _match_rate(out: pd.DataFrame) -> float:
    rows = len(out)
    return float(out["member"].notna().sum() / rows) if rows else float("nan")


def _warn_unmatched(unmatched: pd.DataFrame, names: pd.Series) -> None:
    counts = names.value_counts()
    shown = [
        f"{name!r} ({counts.get(name, 0)} rows, {reason})"
        for name, reason in zip(unmatched["name"], unmatched["reason"])
    ]
    warnings.warn(
        message(
            "W570",
            n=len(shown),
            names="; ".join(shown[:20]) + (" ..." if len(shown) > 20 else ""),
        ),
        NamesWarning,
        stacklevel=3,
    )
