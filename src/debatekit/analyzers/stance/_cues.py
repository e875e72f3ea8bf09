"""Stance cues in Dutch parliamentary speech, and who each one is aimed at.

A cue is a phrase by which a speaker takes a side: agreement with a colleague
(``ik sluit me aan bij collega X``, ``ik ben het eens met``), disagreement
(``we mogen dat niet onder de mat schuiven``, ``dat is geen oplossing``),
praise or criticism of the government's answer (``een goede zaak`` versus
``tijd verloren``, ``onvoldoende``), thanks, and siding with the majority or
the opposition (``wat we met de Vlaamse Regering hebben gedaan``).

:func:`find_cues` finds the cues of one text; :func:`resolve_targets` says
whom a sentence addresses: a named colleague (``collega Ronse``), the
minister (``minister``), ``u`` in a reply, ``jullie`` or ``de collega's``.
"""

from __future__ import annotations

import bisect
import csv
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from os import PathLike
from pathlib import Path
from typing import Any

from ..._errors import StanceError, message

try:  # the regex parser moved in Python 3.11
    import re._parser as _sre_parse  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse as _sre_parse  # type: ignore[no-redef]

from ...lang._names import ADDRESS_TITLE
from ...lang._sentences import sentence_spans

__all__ = [
    "Cue",
    "CueMatch",
    "CUES",
    "KINDS",
    "TARGETS",
    "LANGS",
    "LEXICON_COLUMNS",
    "load_cues",
    "lexicon_path",
    "find_cues",
    "NameIndex",
    "Target",
    "resolve_targets",
]

#: Kinds of cue: what the speaker does with the cue.
KINDS = ("agreement", "disagreement", "praise", "criticism", "thanks", "alignment", "mention")
#: Whom a cue is about: a person (agreement, disagreement) or the government.
TARGETS = ("person", "government")
#: Languages the lexicon covers (the ``lang`` column of a turns table).
LANGS = ("nl", "fr")
#: Columns of the lexicon file.
LEXICON_COLUMNS = ("name", "lang", "kind", "polarity", "weight", "target", "pattern", "example")


@dataclass(frozen=True)
class Cue:
    """One stance phrase, a row of the lexicon (``cues.csv``).

    Attributes
    ----------
    name
        A short readable label, the phrase in its usual form.
    pattern
        The regular expression that finds it (case-insensitive).
    kind
        One of :data:`KINDS`.
    polarity
        ``+1`` (siding with the target) or ``-1`` (against it).
    weight
        How much the cue says about stance: ritual thanks, which both sides
        say, weigh nothing; they are listed by :func:`debatekit.interactions`.
    lang
        The language of the phrase, ``"nl"`` or ``"fr"``.
    target
        ``"person"`` (a colleague or minister addressed) or ``"government"``.
    example
        A real sentence of a parliamentary report that holds the cue.
    """

    name: str
    pattern: re.Pattern[str]
    kind: str
    polarity: int
    weight: float = 1.0
    lang: str = "nl"
    target: str = "government"
    example: str = ""

    @property
    def required(self) -> tuple[str, ...] | None:
        """Lower-case strings one of which every match holds (None: no such set)."""
        return _required_strings(self.pattern)


@dataclass(frozen=True)
class CueMatch:
    """A cue found in a text: which one, where, and in which sentence."""

    cue: Cue
    start: int
    end: int
    sentence: int
    matched: str


def lexicon_path() -> Any:
    """Where the shipped cue lexicon is (a CSV file in the package)."""
    return resources.files("debatekit.analyzers.stance") / "cues.csv"


def load_cues(path: str | PathLike[str] | None = None) -> tuple[Cue, ...]:
    """Read a cue lexicon: one row per cue with the :data:`LEXICON_COLUMNS`.

    Parameters
    ----------
    path
        A CSV file; the shipped lexicon (:func:`lexicon_path`) by default.
        Copy it, add or change rows, and pass your file to extend the lexicon.

    Returns
    -------
    tuple of Cue
        In the file's order.

    Raises
    ------
    StanceError
        A column is missing, or a row has an unknown kind, target or language,
        a polarity other than -1 or +1, or a pattern that does not compile (E408).

    Examples
    --------
    >>> cues = load_cues()
    >>> sorted({c.lang for c in cues})
    ['fr', 'nl']
    """
    source = lexicon_path() if path is None else Path(path)
    with source.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    missing = [c for c in LEXICON_COLUMNS if rows and c not in rows[0]]
    if missing or not rows:
        raise StanceError(message("E408", where=str(source), line=1, problem=f"no {missing}"))
    return tuple(_cue_of(row, str(source), line) for line, row in enumerate(rows, start=2))


def _cue_of(row: dict[str, str], source: str, line: int) -> Cue:
    problems = []
    if row["kind"] not in KINDS[:-1]:
        problems.append(f"kind {row['kind']!r} is not one of {KINDS[:-1]}")
    if row["target"] not in TARGETS:
        problems.append(f"target {row['target']!r} is not one of {TARGETS}")
    if row["lang"] not in LANGS:
        problems.append(f"lang {row['lang']!r} is not one of {LANGS}")
    if row["polarity"] not in ("1", "-1", "+1"):
        problems.append(f"polarity {row['polarity']!r} is not -1 or 1")
    try:
        pattern = re.compile(row["pattern"], re.IGNORECASE)
        weight = float(row["weight"])
    except (re.error, ValueError) as error:
        problems.append(str(error))
    if problems:
        raise StanceError(message("E408", where=source, line=line, problem="; ".join(problems)))
    return Cue(
        row["name"],
        pattern,
        row["kind"],
        int(row["polarity"]),
        weight,
        row["lang"],
        row["target"],
        row["example"],
    )


def _required_strings(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Literal strings, one of which every match of ``pattern`` must hold.

    Read from the parsed pattern: a run of literal characters that the match
    cannot skip, or one run per branch of an alternation. It lets
    :func:`find_cues` skip a cue with one substring test instead of a regex
    scan; a pattern with no such run (None) is always scanned.
    """
    try:
        parsed = _sre_parse.parse(pattern.pattern, pattern.flags)
    except Exception:
        return None
    found = _required_in(list(parsed))
    return tuple(sorted({s.lower() for s in found})) if found else None


def _required_in(items: list[Any]) -> list[str] | None:
    best: list[str] | None = None
    run: list[str] = []

    def consider(option: list[str] | None) -> None:
        nonlocal best
        if option and all(len(s) >= 3 for s in option):
            if best is None or min(map(len, option)) > min(map(len, best)):
                best = option

    for op, arg in items:
        name = str(op)
        if name == "LITERAL":
            run.append(chr(arg))
            continue
        if name == "AT":
            continue  # \b takes no characters
        consider(["".join(run)] if run else None)
        run = []
        if name == "SUBPATTERN":
            consider(_required_in(list(arg[-1])))
        elif name == "BRANCH":
            options = [_required_in(list(branch)) for branch in arg[1]]
            if all(options):
                consider([s for option in options for s in option])  # type: ignore[union-attr]
        elif name in ("MAX_REPEAT", "MIN_REPEAT") and arg[0] >= 1:
            consider(_required_in(list(arg[2])))
    consider(["".join(run)] if run else None)
    return best


CUES: tuple[Cue, ...] = load_cues()


def find_cues(text: str, cues: Sequence[Cue] = CUES, *, lang: str | None = None) -> list[CueMatch]:
    """Find every stance cue in ``text``.

    A cue that lies inside a longer cue of the same sentence (``niet akkoord``
    holds ``akkoord``) yields only the longer one. A negator (``niet``,
    ``geen``, ``nooit``, ``allerminst``; ``ne``, ``pas``, ``jamais`` in French)
    in an agreement's clause makes it a disagreement (``ik sluit me niet aan
    bij``, named ``"... (negated)"``); one in a praise's clause, or before a
    criticism in its clause, cancels the cue (``dat is geen goede zaak``, ``ik
    ben niet teleurgesteld``). In a question (a sentence ending in ``?``),
    praise and agreement are asked about, not given, and are dropped
    (``Is dat een goede zaak?``); criticism in a question counts half
    (``Waarom gaat dat zo traag?``).

    Parameters
    ----------
    text
        A turn's text.
    cues
        The cues to look for; :data:`CUES` (the shipped lexicon) by default.
    lang
        ``"nl"`` or ``"fr"``: only the cues of that language; None looks for all.

    Returns
    -------
    list of CueMatch
        In the order they occur.

    Examples
    --------
    >>> [m.cue.name for m in find_cues("Ik ben het volledig eens met die analyse.")]
    ['ik ben het eens met']
    >>> [m.cue.kind for m in find_cues("Ik zeg dat dat geen oplossing is.")]
    ['disagreement']
    >>> [m.cue.name for m in find_cues("Ik sluit me niet aan bij collega Ronse.")]
    ['ik sluit me aan bij (negated)']
    >>> find_cues("Is dat een goede zaak?")
    []
    """
    if not text:
        return []
    lowered = text.lower()
    sentences = sentence_spans(text)
    starts = [s for s, _ in sentences]
    found: list[CueMatch] = []
    for cue, required in _prepared(tuple(cues), lang):
        if required is not None and not any(r in lowered for r in required):
            continue  # one substring test instead of a regex scan
        for m in cue.pattern.finditer(text):
            index = max(bisect.bisect_right(starts, m.start()) - 1, 0)
            found.append(CueMatch(cue, m.start(), m.end(), index, m.group(0)))
    found.sort(key=lambda c: (c.start, -(c.end - c.start)))
    kept: list[CueMatch] = []
    for match in found:
        if kept and match.start < max(k.end for k in kept[-8:]) and _overlaps_any(match, kept):
            continue
        kept.append(match)
    read = (_apply_negation(text, sentences, match) for match in kept)
    return [match for match in read if match is not None]


@lru_cache(maxsize=32)
def _prepared(cues: tuple[Cue, ...], lang: str | None) -> list[tuple[Cue, tuple[str, ...] | None]]:
    """The cues of ``lang`` with their required substrings, computed once per lexicon."""
    return [(c, c.required) for c in cues if lang is None or c.lang == lang]


def _overlaps_any(match: CueMatch, kept: list[CueMatch]) -> bool:
    # kept is sorted by start, and a cue is short: only the last few can overlap
    return any(_overlaps(match, other) for other in kept[-8:])


def _overlaps(a: CueMatch, b: CueMatch) -> bool:
    return a.start < b.end and b.start < a.end


# --- negation and questions ------------------------------------------------------------------

#: Words that negate a cue in its clause, per language ("niet alleen", "al dan niet",
#: "pas seulement" negate nothing; Dutch "pas" means "only").
_NEGATORS = {
    "nl": re.compile(
        r"(?<!\bdan\s)\b(?:niet|geen|nooit|allerminst)\b"
        r"(?!\s+(?:alleen|enkel|slechts|zomaar|toevallig|min(?:der)?\s+dan|te\s+onderschatten)\b)",
        re.IGNORECASE,
    ),
    "fr": re.compile(
        r"\b(?:ne|n['’]|pas|jamais|aucun|aucune|nullement)(?:\b|(?<=['’]))(?!\s+seulement\b)",
        re.IGNORECASE,
    ),
}
#: Where a clause ends: punctuation, and conjunctions that start another clause.
_CLAUSE_BREAK = re.compile(
    r"[,;:()\[\]–—]|\b(?:maar|want|omdat|doordat|zodat|opdat|dat|die|wat|waar\w*|als|wanneer|"
    r"terwijl|hoewel|doch|en|of|om|zonder|indien|tenzij|"
    r"mais|car|parce|que|qu|qui|quand|lorsque|puisque|si|et|ou|sans|bien)\b",
    re.IGNORECASE,
)
#: How far around a cue its clause is looked for: a clause is rarely longer, and the bound
#: keeps a 100 KB turn without punctuation linear.
_CLAUSE_REACH = 250
_NEGATED_KINDS = {"agreement", "praise", "criticism"}
_ASKED_KINDS = {"agreement", "praise"}


def _clause(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The clause of ``sentence`` around ``sentence[start:end]`` (breaks inside it don't cut)."""
    low = max(start - _CLAUSE_REACH, 0)
    before = [m.end() for m in _CLAUSE_BREAK.finditer(sentence, low, start) if m.end() <= start]
    after = _CLAUSE_BREAK.search(sentence, end, min(end + _CLAUSE_REACH, len(sentence)))
    clause_start = before[-1] if before else low
    clause_end = after.start() if after else min(end + _CLAUSE_REACH, len(sentence))
    return clause_start, clause_end


def _negated(cue: Cue) -> Cue:
    """A negated agreement: ``ik sluit me niet aan bij`` disagrees."""
    return Cue(
        f"{cue.name} (negated)",
        cue.pattern,
        "disagreement",
        -cue.polarity,
        cue.weight,
        cue.lang,
        cue.target,
        cue.example,
    )


def _halved(cue: Cue) -> Cue:
    return Cue(
        cue.name, cue.pattern, cue.kind, cue.polarity, cue.weight / 2, cue.lang, cue.target, ""
    )


_AFTER_CLAUSE = re.compile(r"[,;:]")


def _is_asked(text: str, sentences: list[tuple[int, int]], match: CueMatch) -> bool:
    """Whether the cue is part of the question its sentence asks.

    The sentence ends in ``?`` and no comma, semicolon or colon stands between the
    cue and that end: in ``Het lijkt mij een goede zaak, maar kunt u ...?`` the
    praise is given, and only what follows is asked.
    """
    _, end = sentences[match.sentence]
    tail = text[match.end : end].rstrip()
    return tail.endswith("?") and _AFTER_CLAUSE.search(tail) is None


def _apply_negation(
    text: str, sentences: list[tuple[int, int]], match: CueMatch
) -> CueMatch | None:
    """Read a negator in the cue's clause and the sentence's question mark.

    Agreement and praise are negated by a negator anywhere in their clause
    (``ik sluit me niet aan bij``, ``ik deel die mening van X niet``, ``dat is geen
    goede zaak``); criticism by one before the cue (``ik ben niet teleurgesteld``,
    ``er is geen tijd verloren``), since many criticism cues hold their own
    negation (``niet voldoende``) and a later one belongs to what is criticised
    (``jammer genoeg is er geen ...``). Disagreement, thanks and alignment are left
    as they are: their negated forms are cues of their own. Praise and agreement
    in a question are dropped, criticism in a question counts half.
    """
    if match.cue.kind not in _NEGATED_KINDS or not sentences:
        return match
    s, e = sentences[match.sentence]
    sentence = text[s:e]
    start, end = match.start - s, match.end - s
    clause_start, clause_end = _clause(sentence, start, end)
    negator = _NEGATORS.get(match.cue.lang, _NEGATORS["nl"])
    if match.cue.kind == "criticism":
        # "n'est toujours pas", "nog altijd niet": a cue that holds its own negation keeps it
        own = negator.search(match.matched) is not None
        negated = not own and negator.search(sentence, clause_start, start) is not None
    else:
        negated = negator.search(sentence, clause_start, clause_end) is not None
    if negated and match.cue.kind == "agreement":
        return CueMatch(_negated(match.cue), match.start, match.end, match.sentence, match.matched)
    if negated:
        return None
    if _is_asked(text, sentences, match):
        if match.cue.kind in _ASKED_KINDS:
            return None
        return CueMatch(_halved(match.cue), match.start, match.end, match.sentence, match.matched)
    return match


# --- who is addressed ----------------------------------------------------------------------

_TITLE = ADDRESS_TITLE


class NameIndex:
    """Recognises the meeting's speakers where the text names them.

    ``collega Ronse``, ``de heer De Roo``, ``mevrouw De Vreese``, ``minister
    Brouns`` and full names are found; a bare surname is not (``Roo`` or
    ``Vreese`` would be too easy to confuse with ordinary words).

    Parameters
    ----------
    speakers
        The names of the speakers who may be referred to.
    """

    def __init__(self, speakers: Iterable[str]) -> None:
        names = sorted({" ".join(str(s).split()) for s in speakers if s and str(s).strip()})
        self.by_key: dict[str, str] = {name.lower(): name for name in names}
        surnames: dict[str, set[str]] = {}
        for name in names:
            parts = name.split()
            if len(parts) > 1:
                surnames.setdefault(" ".join(parts[1:]).lower(), set()).add(name)
        for surname, owners in surnames.items():
            if len(owners) == 1:  # two Peumans in one meeting: only full names tell them apart
                self.by_key.setdefault(surname, owners.pop())
        keys = sorted(self.by_key, key=len, reverse=True)
        alternatives = "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in keys) or r"(?!x)x"
        self._titled = re.compile(rf"\b{_TITLE}\s+(?P<key>{alternatives})\b", re.IGNORECASE)
        full = [re.escape(k).replace(r"\ ", r"\s+") for k in keys if self.by_key[k].lower() == k]
        self._full = re.compile(rf"\b(?P<key>{'|'.join(full) or r'(?!x)x'})\b", re.IGNORECASE)

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """Return (start, end, speaker) of every name in ``text``."""
        hits: list[tuple[int, int, str]] = []
        for pattern in (self._titled, self._full):
            for m in pattern.finditer(text):
                name = self.by_key[" ".join(m["key"].lower().split())]
                if not any(s <= m.start() < e for s, e, _ in hits):
                    hits.append((m.start(), m.end(), name))
        return sorted(hits)


_MINISTER_WORD = re.compile(
    r"\b(?:minister|minister-president|staatssecretaris|de\s+regering|de\s+Vlaamse\s+Regering)\b"
    r"(?!\s+(?-i:[A-ZÀ-Þ]))",
    re.IGNORECASE,
)
_YOU = re.compile(r"\b(?:u|uw)\b", re.IGNORECASE)
_YOU_ALL = re.compile(
    r"\b(?:jullie|de\s+(?:twee|drie|vier|beide|andere)\s+collega[’']s|collega[’']s"
    r"|de\s+(?:vorige|andere)\s+sprekers)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Target:
    """Someone a sentence is aimed at, and how that was decided."""

    speaker: str
    resolved_by: str


def resolve_targets(
    sentence: str,
    *,
    names: NameIndex,
    speaker: str,
    minister: str | None,
    you: str | None,
    vocative: str | None,
    others: Sequence[str],
) -> list[Target]:
    """Say whom ``sentence`` is aimed at, most explicit first.

    Parameters
    ----------
    sentence
        One sentence of a turn.
    names
        The speakers who can be named.
    speaker
        Who speaks (never their own target).
    minister
        The debate's minister, if any.
    you
        Whom a bare ``u`` means when the turn addressed nobody by name or
        title: members say ``u`` to the minister, a minister to the member
        who spoke before.
    vocative
        The person the turn last addressed by name or title (``Minister, ...``,
        ``Collega Ronse, ...``): whom a later ``u`` means.
    others
        The other members who spoke earlier in the debate: whom ``jullie`` and
        ``de collega's`` mean.

    Returns
    -------
    list of Target
        Empty when the sentence addresses nobody.
    """
    named = [n for _, _, n in names.find(sentence) if n != speaker]
    if named:
        return [Target(n, "name") for n in dict.fromkeys(named)]
    if _YOU_ALL.search(sentence) and others:
        return [Target(n, "collega's") for n in others if n != speaker]
    if minister and minister != speaker and _MINISTER_WORD.search(sentence):
        return [Target(minister, "minister")]
    if _YOU.search(sentence):
        if vocative and vocative != speaker:
            return [Target(vocative, "u")]
        if you and you != speaker:
            return [Target(you, "u")]
    return []
