"""Reading votes from reports: one row per member per vote, and one per vote.

``read_votes`` gives the roll calls (who chose what), ``read_vote_totals`` the
totals every vote prints with the check that the names add up to them. The
Chamber's reports give both; the Flemish Parliament's give totals only.
"""

from __future__ import annotations

import glob
import os
import re
import warnings
from collections.abc import Iterable, Sequence
from pathlib import Path

import pandas as pd

from ..._errors import (
    Errors,
    MembersError,
    UnsupportedFormatError,
    VoteCountWarning,
    VotesError,
    Warnings,
    message,
)
from ..._progress import PROGRESS, progress_bar
from ..._validation import bad_parameter
from ...politics._members import NameMatcher, kamer_members, to_first_last
from ._chamber import CHOICES, ChamberVote, read_chamber_votes
from ._flemish import read_flemish_votes

__all__ = ["VOTE_COLUMNS", "TOTAL_COLUMNS", "read_votes", "read_vote_totals"]

#: Columns of the votes table (one row per member per vote), in order.
VOTE_COLUMNS = (
    "parliament",
    "meeting",
    "date",
    "vote",
    "item",
    "item_title",
    "subject",
    "member",
    "name",
    "choice",
    "yes_total",
    "no_total",
    "abstain_total",
    "total",
    "annulled",
    "source",
)
#: Columns of the vote totals table (one row per vote), in order.
TOTAL_COLUMNS = (
    "parliament",
    "meeting",
    "date",
    "vote",
    "item",
    "item_title",
    "subject",
    "outcome",
    "decisions",
    "yes_total",
    "no_total",
    "abstain_total",
    "total",
    "listed_yes",
    "listed_no",
    "listed_abstain",
    "adds_up",
    "check",
    "annulled",
    "source",
)
# Counts are nullable integers, flags nullable booleans, the rest text.
_DTYPE_OF = {
    **dict.fromkeys(
        ("vote", "item", "decisions", "yes_total", "no_total", "abstain_total", "total"), "Int64"
    ),
    **{f"listed_{choice}": "Int64" for choice in CHOICES},
    "adds_up": "boolean",
    "annulled": "boolean",
}
_HTML = (".html", ".htm")
_FLEMISH = (".txt", ".pdf")
_LEGISLATURE = re.compile(r"\bCRIV\s+(\d{2})\s+PLEN\b")


def _files(spec: object) -> list[str]:
    """Files from a path, a glob, a folder (its reports) or a list of them."""
    if isinstance(spec, (str, os.PathLike)):
        name = os.fspath(spec)
        if Path(name).is_dir():
            suffixes = _HTML + _FLEMISH
            return [os.fspath(p) for p in sorted(Path(name).iterdir()) if p.suffix in suffixes]
        if glob.has_magic(name) and not Path(name).exists():
            return sorted(glob.glob(name, recursive=True))
        return [name]
    if isinstance(spec, Iterable):
        return [file for one in spec for file in _files(one)]
    raise bad_parameter("paths", "read_votes", "a path, a glob, a folder or a list of them", spec)


def _progress(files: Sequence[str], progress: bool, desc: str) -> Iterable[str]:
    # A bar for many reports only; each file is a step a user waits on (no delay).
    return progress_bar(
        files, enabled=progress and len(files) > 1, desc=desc, unit="report", delay=0
    )


class _Report:
    """One report's votes, read once, with what both tables need."""

    def __init__(self, path: str) -> None:
        self.source = path
        suffix = Path(path).suffix.lower()
        if suffix in _HTML:
            self._read_chamber(path)
        elif suffix in _FLEMISH:
            self._read_flemish(path)
        else:
            raise UnsupportedFormatError(
                Errors.E551.format(suffix=suffix or Path(path).name), path=path, code="E551"
            )

    def _read_chamber(self, path: str) -> None:
        from ...parse.kamer._html import read_paragraphs
        from ._meeting import chamber_meeting

        paragraphs = read_paragraphs(Path(path).read_bytes(), source=path)
        self.parliament = "Kamer"
        self.meeting, self.date = chamber_meeting(paragraphs, path)
        head = " ".join(p.text for p in paragraphs[-40:])
        found = _LEGISLATURE.search(head) or _LEGISLATURE.search(
            " ".join(p.text for p in paragraphs)
        )
        self.legislature = int(found.group(1)) if found else None
        self.votes: list[ChamberVote] = read_chamber_votes(paragraphs)
        self.flemish: list = []

    def _read_flemish(self, path: str) -> None:
        from ...parse._read import read_text

        report = read_flemish_votes(read_text(path))
        self.parliament = "VP"
        self.meeting, self.date = report.meeting, report.date  # type: ignore[assignment]
        self.legislature = None
        self.votes = []
        self.flemish = report.votes

    def totals_rows(self) -> list[dict]:
        rows = [self._chamber_totals(v) for v in self.votes]
        rows += [
            self._row(
                vote=v.vote,
                subject=v.subject,
                outcome=v.outcome,
                decisions=1,
                **_printed(v.totals),
                adds_up=pd.NA,
                check="no names printed",
                annulled=False,
            )
            for v in self.flemish
        ]
        return rows

    def _row(self, **fields: object) -> dict:
        base = {
            "parliament": self.parliament,
            "meeting": self.meeting,
            "date": self.date,
            "source": self.source,
        }
        return {**base, **fields}

    def _chamber_totals(self, v: ChamberVote) -> dict:
        listed = {c: len(v.names.get(c, [])) for c in CHOICES}
        printed = v.totals or v.annex
        return self._row(
            vote=v.vote,
            item=v.item,
            item_title=v.item_title,
            subject=v.subject,
            outcome=v.outcome,
            decisions=v.decisions,
            **_printed(printed),
            **{f"listed_{c}": listed[c] for c in CHOICES},
            adds_up=_adds_up(v, listed),
            check=_check(v, listed),
            annulled=v.annulled,
        )

    def member_rows(self, matcher: NameMatcher | None) -> list[dict]:
        rows = []
        for v in self.votes:
            printed = _printed(v.totals or v.annex)
            for choice in CHOICES:
                for name in v.names.get(choice, []):
                    rows.append(
                        self._row(
                            vote=v.vote,
                            item=v.item,
                            item_title=v.item_title,
                            subject=v.subject,
                            member=_member(name, matcher),
                            name=name,
                            choice=choice,
                            **printed,
                            annulled=v.annulled,
                        )
                    )
        return rows


def _member(name: str, matcher: NameMatcher | None) -> str:
    found = matcher.match(name).member if matcher is not None else None
    return found or to_first_last(name)


def _printed(counts: dict[str, int]) -> dict[str, object]:
    total = counts.get("total")
    if total is None and counts:
        total = sum(counts.get(c, 0) for c in CHOICES)
    return {
        "yes_total": counts.get("yes", 0 if counts else None),
        "no_total": counts.get("no", 0 if counts else None),
        "abstain_total": counts.get("abstain", 0 if counts else None),
        "total": total,
    }


def _problems(v: ChamberVote, listed: dict[str, int]) -> list[str]:
    """What does not add up in one vote, in words."""
    problems = []
    if not v.in_annex:
        problems.append("no names listed in the annex")
        return problems
    for what, counts in (("text", v.totals), ("annex", v.annex)):
        if not counts:
            continue
        off = [
            f"{c} {listed[c]} listed, {counts.get(c, 0)} printed in the {what}"
            for c in CHOICES
            if listed[c] != counts.get(c, 0)
        ]
        problems.extend(off)
        total = counts.get("total")
        if total is not None and total != sum(counts.get(c, 0) for c in CHOICES):
            problems.append(f"the {what}'s total {total} is not yes + no + abstain")
    if not v.in_text and not v.annulled:
        problems.append("not found in the text")
    return problems


def _adds_up(v: ChamberVote, listed: dict[str, int]) -> object:
    if not v.in_annex:
        return pd.NA
    return not [p for p in _problems(v, listed) if p != "not found in the text"]


def _check(v: ChamberVote, listed: dict[str, int]) -> str:
    return "; ".join(_problems(v, listed)) or "ok"


def _matcher(members: object, reports: list[_Report]) -> NameMatcher | None:
    if members is None:
        return None
    if isinstance(members, NameMatcher):
        return members
    if isinstance(members, str) and members == "auto":
        legislatures = {r.legislature for r in reports if r.parliament == "Kamer"}
        try:
            tables = [
                kamer_members(n if n is not None else 56)
                for n in sorted(legislatures, key=lambda n: n or 0)
            ]
        except MembersError:
            return None
        if not tables:
            return None
        return NameMatcher(pd.concat(tables, ignore_index=True))
    return NameMatcher(members)


def _reports(paths: object, progress: bool, desc: str) -> list[_Report]:
    files = _files(paths)
    if not files:
        raise VotesError(message("E553", spec=paths))
    return [_Report(f) for f in _progress(files, progress, desc)]


def _totals_table(reports: list[_Report]) -> pd.DataFrame:
    rows = [row for r in reports for row in r.totals_rows()]
    table = pd.DataFrame.from_records(rows, columns=list(TOTAL_COLUMNS))
    return _types(table)


def _types(table: pd.DataFrame) -> pd.DataFrame:
    table["date"] = pd.to_datetime(table["date"]).astype("datetime64[ns]")
    for column in table.columns:
        kind = _DTYPE_OF.get(column, "string")
        if column != "date":
            table[column] = table[column].astype(kind)
    return table


def _warn_mismatches(totals: pd.DataFrame) -> None:
    bad = totals[totals["adds_up"].eq(False).fillna(False)]
    if bad.empty:
        return
    named = [
        f"{Path(str(s)).name} vote {v} ({c})"
        for s, v, c in zip(bad["source"], bad["vote"], bad["check"])
    ]
    warnings.warn(
        message("W550", n=len(named), votes="; ".join(named)), VoteCountWarning, stacklevel=3
    )


def _warn_unlisted(reports: list[_Report]) -> None:
    for r in reports:
        missing = [v.vote for v in r.votes if v.in_text and not v.in_annex]
        if missing:
            warnings.warn(
                "[W551] "
                + Warnings.W551.format(
                    path=r.source, n=len(missing), votes=", ".join(map(str, missing))
                ),
                VoteCountWarning,
                stacklevel=3,
            )


def read_votes(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    members: object = "auto",
    progress: bool = PROGRESS,
) -> pd.DataFrame:
    """Read the roll-call votes of one or more reports: one row per member per vote.

    Parameters
    ----------
    paths
        A report, a folder of reports, a glob (``"plenary/*.html"``) or a list.
        The Chamber's ``.html`` reports list every member's vote; Flemish
        ``.txt``/``.pdf`` reports print totals only (see :func:`read_vote_totals`)
        and give no rows here.
    members
        Whose names to bring to the canonical ``member`` form (``Firstname
        Surname``, as :func:`debatekit.join_members` writes it): ``"auto"``
        (the shipped members of the report's legislature), a members table, or
        None (turn ``Surname Firstname`` around: the last word is taken for the
        first name).
    progress
        Show a progress bar while more than one file is read.

    Returns
    -------
    pandas.DataFrame
        The columns of :data:`VOTE_COLUMNS`: ``parliament`` (``Kamer``),
        ``meeting``, ``date``, ``vote`` (the number the report gives it),
        ``item`` and ``item_title`` (the agenda item it was taken on, in Dutch),
        ``subject`` (the amendment or motion, where the chair names one),
        ``member``, ``name`` (as printed), ``choice`` (``yes``, ``no``,
        ``abstain``), the printed totals ``yes_total``, ``no_total``,
        ``abstain_total``, ``total``, ``annulled`` and ``source``.
        ``.attrs["totals"]`` holds :func:`read_vote_totals`'s table for the
        same reports, with the check of every vote.

    Warns
    -----
    VoteCountWarning
        [W550] once, naming every vote whose listed names do not add up to the
        totals printed; [W551] for votes in the text without a list of names.

    Examples
    --------
    >>> votes = read_votes("data/sample/kamer-plenary-56-35.html")  # doctest: +SKIP
    >>> votes.groupby(["vote", "choice"]).size()  # doctest: +SKIP
    """
    reports = _reports(paths, progress, "Reading votes")
    matcher = _matcher(members, reports)
    rows = [row for r in reports for row in r.member_rows(matcher)]
    votes = _types(pd.DataFrame.from_records(rows, columns=list(VOTE_COLUMNS)))
    totals = _totals_table(reports)
    _warn_mismatches(totals)
    _warn_unlisted(reports)
    if totals.empty:
        raise VotesError(message("E550"))
    votes.attrs["totals"] = totals
    if matcher is not None:
        unknown = sorted({n for n in votes["name"].dropna() if matcher.match(n).member is None})
        votes.attrs["unmatched"] = {n: matcher.match(n).reason for n in unknown}
    return votes


def read_vote_totals(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    progress: bool = PROGRESS,
) -> pd.DataFrame:
    """Read every vote's printed totals, and check the names listed against them.

    Parameters
    ----------
    paths
        Chamber ``.html`` reports and Flemish ``.txt``/``.pdf`` reports alike
        (a path, folder, glob or list).
    progress
        Show a progress bar while more than one file is read.

    Returns
    -------
    pandas.DataFrame
        One row per vote, the columns of :data:`TOTAL_COLUMNS`: the vote and its
        item as in :func:`read_votes`, ``outcome`` (the sentence that follows the
        result: "Bijgevolg is het amendement verworpen."), ``decisions`` (how many
        decisions the result was taken for: the Chamber applies one result to
        the next amendments too), the printed ``yes_total``, ``no_total``,
        ``abstain_total`` and ``total``, the ``listed_*`` counts of names,
        ``adds_up`` (missing where no names are printed, as in Flemish
        reports) and ``check`` ("ok", or what does not add up).

    Warns
    -----
    VoteCountWarning
        [W550], naming every vote whose names do not add up.
    """
    reports = _reports(paths, progress, "Reading vote totals")
    totals = _totals_table(reports)
    _warn_mismatches(totals)
    if totals.empty:
        raise VotesError(message("E550"))
    return totals
