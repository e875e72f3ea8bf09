"""The ``debatekit`` command line: a meeting's summary, and exports of the turns table."""

from __future__ import annotations

import argparse
import os
import sys
import textwrap
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from ._errors import DebatekitError, ParameterError, message
from ._version import __version__
from .analyzers.stats import speaking_stats
from .lang._dates import format_dutch_date
from .parse._read import read_corpus, read_transcript, sample_path
from .parse._report import LINE_KINDS, ParseReport

__all__ = ["main", "summarize", "write_turns", "write_table"]

_FORMATS = {".csv", ".parquet", ".jsonl", ".json"}
_WIDTH = 92


def write_table(table: pd.DataFrame, out: str | Path, *, fmt: str | None = None) -> str:
    """Write a table as ``.csv``, ``.parquet``, ``.jsonl`` or ``.json`` (by the suffix).

    Parameters
    ----------
    table
        The table.
    out
        The file to write, or ``"-"`` for standard output. ``.json`` is one
        JSON array of records; ``.jsonl`` one record per line.
    fmt
        The format when ``out`` is ``"-"`` (``"csv"``, ``"jsonl"`` or ``"json"``;
        CSV by default), or to override the suffix.

    Returns
    -------
    str
        Where the table went: the path, or ``"standard output"``.

    Raises
    ------
    ParameterError
        A suffix (or format) debatekit cannot write; Parquet cannot go to standard output.
    """
    to_stdout = str(out) == "-"
    suffix = output_format(out, fmt)
    target: Any = sys.stdout if to_stdout else Path(out)
    if suffix == ".csv":
        table.to_csv(target, index=False)
    elif suffix == ".parquet":
        table.to_parquet(target, index=False)
    else:
        text = table.to_json(
            orient="records", lines=suffix == ".jsonl", date_format="iso", force_ascii=False
        )
        if to_stdout:
            sys.stdout.write(text if text.endswith("\n") else text + "\n")
        else:
            Path(out).write_text(text, encoding="utf-8")
    return "standard output" if to_stdout else str(out)


def output_format(out: str | Path, fmt: str | None = None) -> str:
    """The suffix a table is written as (``".csv"``, ...), or a numbered error for one refused."""
    to_stdout = str(out) == "-"
    if fmt:
        suffix = f".{fmt.lower().lstrip('.')}"
    else:
        suffix = ".csv" if to_stdout else Path(out).suffix.lower()
    if suffix not in _FORMATS or (to_stdout and suffix == ".parquet"):
        choices = ", ".join(sorted(_FORMATS - ({".parquet"} if to_stdout else set())))
        raise ParameterError(message("E015", path=out, choices=choices))
    return suffix


def write_turns(turns: pd.DataFrame, out: str | Path) -> Path:
    """Write a turns table as ``.csv``, ``.parquet``, ``.jsonl`` or ``.json`` (a JSON array).

    Raises
    ------
    ParameterError
        Another suffix.
    """
    write_table(turns, out)
    return Path(out)


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
    summary = commands.add_parser("summary", help="summarise reports (default: the sample)")
    summary.add_argument("files", nargs="*", help=".txt or .pdf reports")
    parse = commands.add_parser("parse", help="parse reports into one turns table")
    _table_arguments(parse, required=True)
    for name, what in _TABLES.items():
        command = commands.add_parser(name, help=f"parse reports and write {what[0]}")
        _table_arguments(command, required=False)
        if name == "topics":
            command.add_argument("--n-topics", type=int, default=10, help="topics to find")
    report = commands.add_parser("report", help="print where every line of a report went")
    report.add_argument("file")
    report.add_argument("--kind", choices=LINE_KINDS, help="only lines of this kind")
    return parser


def _table_arguments(command: argparse.ArgumentParser, *, required: bool) -> None:
    command.add_argument("files", nargs="+", help=".txt/.pdf files, folders or globs")
    command.add_argument(
        "-o", "--out", required=required, default="-",
        help="out.csv, .parquet, .jsonl or .json (a JSON array); '-' for standard output",
    )  # fmt: skip
    command.add_argument(
        "--format", choices=("csv", "jsonl", "json", "parquet"),
        help="the format, where the suffix does not say (standard output: csv)",
    )  # fmt: skip
    command.add_argument("--no-progress", action="store_true", help="hide the progress bar")


def _entities(turns: pd.DataFrame, args: argparse.Namespace) -> pd.DataFrame:
    from .analyzers.entities._entities import entities

    return entities(turns)


def _numbers(turns: pd.DataFrame, args: argparse.Namespace) -> pd.DataFrame:
    from .analyzers.numbers._numbers import numbers

    return numbers(turns, progress=not args.no_progress)


def _topics(turns: pd.DataFrame, args: argparse.Namespace) -> pd.DataFrame:
    from .analyzers.topics._topics import topics

    result = topics(turns, n_topics=args.n_topics)
    # One row per turn, with its topic's label and keywords beside it (not its text).
    columns = ["turn_id", "meeting", "date", "item", "speaker", "party", "role", "topic"]
    table = result.turns[[c for c in columns if c in result.turns.columns]]
    keywords = result.topics[["topic", "label", "keywords"]].assign(
        keywords=lambda t: t["keywords"].map(lambda k: ", ".join(k) if isinstance(k, list) else k)
    )
    return table.merge(keywords, on="topic", how="left")


#: Subcommand -> (what it writes, how it is made from the turns).
_TABLES: dict[str, tuple[str, Callable[[pd.DataFrame, argparse.Namespace], pd.DataFrame]]] = {
    "entities": ("one row per named entity mentioned", _entities),
    "numbers": ("one row per figure cited", _numbers),
    "topics": ("each turn's topic with its keywords", _topics),
}


def _read(args: argparse.Namespace) -> pd.DataFrame | None:
    result = read_corpus(args.files, errors="ignore", progress=not args.no_progress, report=True)
    for failure in result.failures.itertuples():
        print(f"debatekit: skipped {failure.message}", file=sys.stderr)
    if result.turns.empty:
        print("debatekit: no transcript could be read; nothing written.", file=sys.stderr)
        return None
    return result.turns


def _table_command(args: argparse.Namespace) -> int:
    output_format(args.out, args.format)  # refuse a format before reading a corpus, not after
    turns = _read(args)
    if turns is None:
        return 2
    table = turns if args.command == "parse" else _TABLES[args.command][1](turns, args)
    where = write_table(table, args.out, fmt=args.format)
    n_files = turns["source"].nunique()
    what = "turns" if args.command == "parse" else "rows"
    # The count goes to standard error when the table itself goes to standard output.
    stream = sys.stderr if args.out == "-" else sys.stdout
    print(f"{len(table)} {what} from {n_files} file(s) written to {where}", file=stream)
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
            files = args.files or [sample_path()]
            print("\n\n".join(summarize(f) for f in files))
            return 0
        if args.command == "report":
            return _report_command(args)
        return _table_command(args)
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
