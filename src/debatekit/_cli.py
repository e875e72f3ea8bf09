"""The ``debatekit`` command line: a meeting's summary, and exports of the turns table."""

from __future__ import annotations

import argparse
import os
import sys
import textwrap
import warnings
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from ._errors import DebatekitError, ParameterError, message
from ._version import __version__
from .analyzers.stats import speaking_stats
from .lang._dates import format_dutch_date
from .parse._read import read_corpus, read_transcript, sample_path
from .parse._report import LINE_KINDS, ParseReport

__all__ = ["main", "summarize", "write_turns"]

_FORMATS = {".csv", ".parquet", ".jsonl", ".json"}
_WIDTH = 92


# A spreadsheet runs a cell that starts with one of these as a formula.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _escape_formulas(turns: pd.DataFrame) -> pd.DataFrame:
    """Text cells that a spreadsheet would run as a formula, with a ``'`` before them."""
    out = turns.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            values = out[column]
            risky = values.str.startswith(_FORMULA_STARTS, na=False)
            if risky.any():
                out[column] = values.where(~risky, "'" + values.astype("string"))
    return out


def write_turns(turns: pd.DataFrame, out: str | Path, *, escape_formulas: bool = True) -> Path:
    """Write a turns table as ``.csv``, ``.parquet`` or ``.jsonl`` (by the suffix).

    Parameters
    ----------
    turns
        The table.
    out
        The file to write; ``.json`` is written as JSON lines too.
    escape_formulas
        In a CSV, put ``'`` before a cell that starts with ``=``, ``+``, ``-``,
        ``@``, a tab or a carriage return, so that a spreadsheet shows it rather
        than running it as a formula (CSV injection). On by default; Parquet and
        JSON lines are written unchanged.

    Returns
    -------
    pathlib.Path
        The file written.

    Raises
    ------
    ValueError
        Another suffix.
    """
    path = Path(out)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        (_escape_formulas(turns) if escape_formulas else turns).to_csv(path, index=False)
    elif suffix == ".parquet":
        turns.to_parquet(path, index=False)
    elif suffix in (".jsonl", ".json"):
        turns.to_json(path, orient="records", lines=True, date_format="iso", force_ascii=False)
    else:
        raise ParameterError(message("E015", path=path, choices=", ".join(sorted(_FORMATS))))
    return path


def _indent(text: str, prefix: str) -> list[str]:
    return textwrap.wrap(text, _WIDTH, initial_indent=prefix, subsequent_indent=prefix) or [prefix]


def _debate_lines(item: int, group: pd.DataFrame, headings: pd.DataFrame) -> list[str]:
    """One debate: kind and documents, then who asked whom about what, then its turns."""
    first = group.iloc[0]
    kind = (first["item_kind"] or "agenda item").capitalize()
    docs = "" if pd.isna(first["item_docs"]) else f" {first['item_docs']}"
    joint = " (joint debate)" if len(headings) > 1 else ""
    lines = [f"{item:>4}. {kind}{docs}{joint}"]
    for heading in headings.itertuples():
        if isinstance(heading.asker, str) and isinstance(heading.subject, str):
            asked = f"{heading.asker} to {heading.addressee}: {heading.subject}"
        else:  # a bill, a hearing: the title says what it is
            asked = heading.title
        lines += _indent(textwrap.shorten(asked, 3 * _WIDTH, placeholder=" …"), "      ")
    speech = group[~group["procedural"]]
    speakers = ", ".join(dict.fromkeys(speech.loc[speech["role"] != "chair", "speaker"]))
    words = int(group["n_words"].sum())
    lines += _indent(f"{len(group)} turns, {words:,} words; speakers: {speakers}", "      ")
    return lines


def _speaker_table(turns: pd.DataFrame) -> list[str]:
    stats = speaking_stats(turns, by="speaker")
    stats["speaker"] = stats["speaker"].fillna("(unnamed chair)")
    parties = stats["party"].fillna("")
    name_width = max(7, *(len(s) for s in stats["speaker"]))
    party_width = max(5, *(len(p) for p in parties))
    lines = [
        f"  {'speaker':<{name_width}}  {'party':<{party_width}}  role      turns   words  share"
    ]
    for row, party in zip(stats.itertuples(), parties, strict=True):
        lines.append(
            f"  {row.speaker:<{name_width}}  {party:<{party_width}}  {row.role:<8}  "
            f"{row.turns:>5}  {row.words:>6,}  {row.share_words:>5.1%}"
        )
    return lines


def summarize(path: str | Path) -> str:
    """A plain-text summary of one report: its debates, its speakers, and what the parser did.

    Parameters
    ----------
    path
        A ``.txt`` or ``.pdf`` report.

    Returns
    -------
    str
        The meeting and date; per debate the kind, documents, asker, minister
        and subject, and the turns; words per speaker; the parse report.
    """
    turns, report = read_transcript(path, report=True)
    n_speakers = turns.loc[turns["role"] != "chair", "speaker"].nunique()
    lines = [
        f"Meeting {report.meeting or '?'}, {format_dutch_date(report.date)}: {len(turns)} turns "
        f"in {turns['item'].nunique()} debates, {n_speakers} speakers besides the chair",
        "",
        "Debates:",
    ]
    for item, group in turns.groupby("item", sort=True):
        lines += _debate_lines(int(item), group, _headings_of(report, int(item)))
    outside = turns[turns["item"].isna()]
    if len(outside):
        lines.append(f"      {len(outside)} turns come before any agenda heading")
    lines += ["", "Words per speaker (procedural turns left out):", *_speaker_table(turns)]
    lines += ["", "Parse report:", *("  " + line for line in report.summary().splitlines())]
    return "\n".join(lines)


def _headings_of(report: ParseReport, item: int) -> pd.DataFrame:
    if report.items.empty:
        return report.items
    return report.items[report.items["item"] == item]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="debatekit", description="Flemish Parliament transcripts as tidy tables."
    )
    parser.add_argument("--version", action="version", version=f"debatekit {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    summary = commands.add_parser("summary", help="summarise one report (default: the sample)")
    summary.add_argument("file", nargs="?", help="a .txt or .pdf report")
    parse = commands.add_parser("parse", help="parse reports into one turns table")
    parse.add_argument("files", nargs="+", help=".txt/.pdf files, folders or globs")
    parse.add_argument("-o", "--out", required=True, help="turns.csv, .parquet or .jsonl")
    parse.add_argument("--no-progress", action="store_true", help="hide the progress bar")
    report = commands.add_parser("report", help="print where every line of a report went")
    report.add_argument("file")
    report.add_argument("--kind", choices=LINE_KINDS, help="only lines of this kind")
    return parser


def _parse_command(args: argparse.Namespace) -> int:
    suffix = Path(args.out).suffix.lower()
    if suffix not in _FORMATS:  # before reading a corpus, not after
        choices = ", ".join(sorted(_FORMATS))
        raise ParameterError(message("E015", path=args.out, choices=choices))
    result = read_corpus(args.files, errors="ignore", progress=not args.no_progress, report=True)
    for failure in result.failures.itertuples():
        print(f"debatekit: skipped {failure.message}", file=sys.stderr)
    if result.turns.empty:
        print("debatekit: no transcript could be read; nothing written.", file=sys.stderr)
        return 2
    path = write_turns(result.turns, args.out)
    n_files = result.turns["source"].nunique()
    print(f"{len(result.turns)} turns from {n_files} file(s) written to {path}")
    return 0


def _report_command(args: argparse.Namespace) -> int:
    _, parse_report = read_transcript(args.file, report=True)
    lines = parse_report.lines
    if args.kind:
        lines = lines[lines["kind"] == args.kind]
    print(parse_report.summary())
    if lines.empty:
        print(f"No lines of kind {args.kind!r}.")
    else:
        shown = lines.assign(text=lines["text"].str.strip())
        print(shown.to_string(index=False))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status.

    Parameters
    ----------
    argv
        The arguments, without the program name; ``sys.argv[1:]`` when ``None``.

    Returns
    -------
    int
        0 on success, 2 when the input cannot be read (the message goes to
        standard error).
    """
    args = _parser().parse_args(argv)
    previous = warnings.showwarning
    warnings.showwarning = _show_warning  # "debatekit: warning: ...", not Python source lines
    try:
        if args.command == "summary":
            print(summarize(args.file or sample_path()))
            return 0
        if args.command == "parse":
            return _parse_command(args)
        return _report_command(args)
    except BrokenPipeError:
        # The reader went away (`debatekit report x.txt | head`): no error of ours.
        # Point stdout at devnull so that the exit flush does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except (DebatekitError, OSError, ValueError) as exc:
        print(f"debatekit: {exc}", file=sys.stderr)
        return 2
    finally:
        warnings.showwarning = previous


def _show_warning(message, category, filename, lineno, file=None, line=None) -> None:
    print(f"debatekit: warning: {message}", file=sys.stderr if file is None else file)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
