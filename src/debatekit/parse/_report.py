"""The parse report: where every line of a transcript went.

Nothing is dropped silently. Each line ends up in a turn, an agenda heading,
a structural line (document numbers, the chair, a stage direction), or in the
report as page furniture, a blank, or a line the parser could not place.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from html import escape
from typing import Any, NamedTuple, Union

import pandas as pd

__all__ = ["ParseReport", "ParseResult", "LINE_KINDS", "bounded"]

#: Every kind a line can be given; together they cover the whole file.
LINE_KINDS = (
    "turn",
    "heading",
    "docs",
    "chair",
    "stage direction",
    "header",
    "footer",
    "link",
    "page number",
    "blank",
    "unplaced",
)


_COLUMNS = {
    "lines": ["line", "kind", "text"],
    "items": [
        "item", "heading", "kind", "title", "docs", "asker", "addressee", "subject",
        "chair", "line_start", "line_end",
    ],
    "stage_directions": ["line", "text", "item", "turn", "new_chair"],
    "joins": ["line", "left", "right", "result", "rule", "kept_hyphen", "sure"],
}  # fmt: skip

# A runtime alias, so Union rather than "|" on Python 3.10.
Table = Union[pd.DataFrame, Mapping[str, Sequence[Any]], Sequence[Mapping[str, Any]], None]  # noqa: UP007


def bounded(items: Iterable[object], limit: int = 8) -> str:
    """The first ``limit`` items and how many more: a summary line stays a line.

    Examples
    --------
    >>> bounded(range(800))
    '0, 1, 2, 3, 4, 5, 6, 7 ... and 792 more'
    """
    shown = [str(item) for item in items]
    more = f" ... and {len(shown) - limit} more" if len(shown) > limit else ""
    return ", ".join(shown[:limit]) + more


class ParseReport:
    """What the parser did with a transcript, line by line.

    The tables are built when first looked at, so that reading a large
    corpus does not pay for reports nobody opens.

    Attributes
    ----------
    source
        The file or ``source`` name.
    meeting, date
        The meeting and date found (or given).
    lines
        One row per input line: ``line``, ``kind`` (one of :data:`LINE_KINDS`),
        ``text``.
    items
        One row per agenda heading: ``item``, ``heading``, ``kind``, ``title``,
        ``docs``, ``asker``, ``addressee``, ``subject``, ``chair``,
        ``line_start``, ``line_end``. A joint debate has several headings with
        the same ``item``.
    stage_directions
        ``line``, ``text``, ``item``, ``turn`` (the turn it interrupts or
        follows), ``new_chair``.
    joins
        Every hyphen at a line end: ``line``, ``left``, ``right``, ``result``,
        ``rule``, ``kept_hyphen``, ``sure``.
    page_joins
        Line numbers where a paragraph running over a page break was joined
        again (the blank lines and furniture between were the page's, not a
        paragraph break).
    normalised
        What the normalisation step changed before parsing, by kind, with
        counts: ``{"unicode spaces": 12, "line-end hyphens": 3, ...}``
        (``docs/parsing.md`` lists the kinds). Empty for plain text.
    """

    def __init__(
        self,
        source: str,
        meeting: str | None = None,
        date: pd.Timestamp | None = None,
        lines: Table = None,
        items: Table = None,
        stage_directions: Table = None,
        joins: Table = None,
        page_joins: Sequence[int] = (),
        normalised: Mapping[str, int] | None = None,
    ) -> None:
        self.source = source
        self.meeting = meeting
        self.date = date
        self.page_joins = list(page_joins)
        self.normalised = dict(normalised or {})
        self._raw = {
            "lines": lines,
            "items": items,
            "stage_directions": stage_directions,
            "joins": joins,
        }
        self._tables: dict[str, pd.DataFrame] = {}

    def _table(self, name: str) -> pd.DataFrame:
        if name not in self._tables:
            raw = self._raw[name]
            if isinstance(raw, pd.DataFrame):
                table = raw
            else:
                table = pd.DataFrame(raw if raw is not None else [], columns=_COLUMNS[name])
            self._tables[name] = table
        return self._tables[name]

    @property
    def lines(self) -> pd.DataFrame:
        return self._table("lines")

    @property
    def items(self) -> pd.DataFrame:
        return self._table("items")

    @property
    def stage_directions(self) -> pd.DataFrame:
        return self._table("stage_directions")

    @property
    def joins(self) -> pd.DataFrame:
        return self._table("joins")

    @property
    def furniture(self) -> pd.DataFrame:
        """Lines removed as page furniture (header, footer, link, page number)."""
        kinds = ["header", "footer", "link", "page number"]
        return self.lines[self.lines["kind"].isin(kinds)].reset_index(drop=True)

    @property
    def unplaced(self) -> pd.DataFrame:
        """Lines the parser kept out of the turns because it could not place them."""
        return self.lines[self.lines["kind"] == "unplaced"].reset_index(drop=True)

    @property
    def unsure_joins(self) -> pd.DataFrame:
        """Line-end hyphens decided by a rule alone, worth a look."""
        if self.joins.empty:
            return self.joins
        return self.joins[~self.joins["sure"]].reset_index(drop=True)

    def counts(self) -> dict[str, int]:
        """How many lines of each kind, and how many joins of each sort."""
        kinds = self.lines["kind"].value_counts() if len(self.lines) else pd.Series()
        out = {kind: int(kinds.get(kind, 0)) for kind in LINE_KINDS}
        out["hyphen joins"] = int((~self.joins["kept_hyphen"]).sum()) if len(self.joins) else 0
        out["hyphens kept"] = int(self.joins["kept_hyphen"].sum()) if len(self.joins) else 0
        out["unsure joins"] = len(self.unsure_joins)
        out["page joins"] = len(self.page_joins)
        return out

    def summary(self) -> str:
        """A few lines of plain text on what was read and what was set aside."""
        c = self.counts()
        date = "" if self.date is None else f" of {self.date:%Y-%m-%d}"
        unsure = bounded(self.unsure_joins["result"]) if c["unsure joins"] else "none"
        traces = ", ".join(f"{n} {kind}" for kind, n in self.normalised.items())
        return "\n".join(
            [
                f"{self.source}: meeting {self.meeting or '?'}{date}, {len(self.lines)} lines",
                f"  {c['turn']} lines of speech, {c['heading']} heading lines in "
                f"{self.items['item'].nunique() if len(self.items) else 0} items, "
                f"{c['stage direction']} stage directions",
                f"  removed as page furniture: {c['header']} headers, {c['footer']} "
                f"footers, {c['link']} links, {c['page number']} page numbers",
                f"  hyphens at line ends: {c['hyphen joins']} joined, {c['hyphens kept']} "
                f"kept; unsure: {unsure}",
                f"  paragraphs joined across page breaks: {c['page joins']}",
                f"  unplaced lines: {c['unplaced']}",
                *([f"  extraction traces normalised: {traces}"] if traces else []),
            ]
        )

    def __repr__(self) -> str:
        return f"<ParseReport\n{self.summary()}\n>"

    def _repr_html_(self) -> str:
        counts = pd.DataFrame(
            {"lines": {k: v for k, v in self.counts().items() if k in LINE_KINDS}}
        ).T
        return (
            f"<pre>{escape(self.summary())}</pre>"
            f"<details><summary>lines by kind</summary>{counts.to_html()}</details>"
        )


class ParseResult(NamedTuple):
    """The turns table together with its parse report; unpack it as ``turns, report``."""

    turns: pd.DataFrame
    report: ParseReport

    def _repr_html_(self) -> str:
        return (
            f"{self.report._repr_html_()}<p>turns ({len(self.turns)} rows), first five:</p>"
            f"{self.turns.head()._repr_html_()}"
        )
