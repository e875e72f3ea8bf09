"""The ``debatekit`` command line: a meeting's summary, and exports of the turns table."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from ._errors import DebatekitError
from ._io import read_corpus, read_transcript, sample_path
from ._stats import speaking_stats

__all__ = ["main", "summarize", "write_turns"]

_FORMATS = {".csv", ".parquet", ".jsonl", ".json"}


def write_turns(turns: pd.DataFrame, out: str | Path) -> Path:
    """Write a turns table as ``.csv``, ``.parquet`` or ``.jsonl`` (by the suffix)."""
    path = Path(out)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        turns.to_csv(path, index=False)
    elif suffix == ".parquet":
        turns.to_parquet(path, index=False)
    elif suffix in (".jsonl", ".json"):
        turns.to_json(path, orient="records", lines=True, date_format="iso", force_ascii=False)
    else:
        raise ValueError(f"Cannot write {path}: use one of {', '.join(sorted(_FORMATS))}.")
    return path


def summarize(path: str | Path) -> str:
    """A plain-text summary of one report: its debates, speakers and parse report."""
    turns, report = read_transcript(path, report=True)
    lines = [report.summary(), "", "Debates:"]
    for item, group in turns.groupby("item", sort=True):
        speech = group[~group["procedural"]]
        speakers = ", ".join(dict.fromkeys(speech.loc[speech["role"] != "chair", "speaker"]))
        lines.append(f"  {item:>2}. [{group['item_docs'].iloc[0]}] {group['item_title'].iloc[0]}")
        lines.append(f"      {len(group)} turns; speakers: {speakers}")
    stats = speaking_stats(turns, by="speaker")
    lines += ["", "Words per speaker (procedural turns left out):"]
    for row in stats.itertuples():
        party = "" if pd.isna(row.party) else f" ({row.party})"
        lines.append(
            f"  {row.speaker}{party}, {row.role}: {row.words} words in {row.turns} turns "
            f"({row.share_words:.1%})"
        )
    return "\n".join(lines)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="debatekit", description="Flemish Parliament transcripts as tidy tables."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    summary = commands.add_parser("summary", help="summarise one report (default: the sample)")
    summary.add_argument("file", nargs="?", help="a .txt or .pdf report")
    parse = commands.add_parser("parse", help="parse reports into one turns table")
    parse.add_argument("files", nargs="+", help=".txt/.pdf files, folders or globs")
    parse.add_argument("-o", "--out", required=True, help="turns.csv, .parquet or .jsonl")
    parse.add_argument("--no-progress", action="store_true", help="hide the progress bar")
    report = commands.add_parser("report", help="print where every line of a report went")
    report.add_argument("file")
    report.add_argument("--kind", help="only lines of this kind (e.g. unplaced, header)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    try:
        if args.command == "summary":
            print(summarize(args.file or sample_path()))
        elif args.command == "parse":
            files = [f for spec in args.files for f in ([spec] if Path(spec).is_file() else [spec])]
            turns = read_corpus(
                files if len(files) > 1 else files[0], progress=not args.no_progress
            )
            path = write_turns(turns, args.out)
            print(f"{len(turns)} turns from {turns['source'].nunique()} file(s) written to {path}")
        elif args.command == "report":
            _, parse_report = read_transcript(args.file, report=True)
            lines = parse_report.lines
            if args.kind:
                lines = lines[lines["kind"] == args.kind]
            print(parse_report.summary())
            print(lines.to_string(index=False))
    except (DebatekitError, FileNotFoundError, ValueError) as exc:
        print(f"debatekit: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
