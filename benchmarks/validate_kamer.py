"""Check the Chamber reader on a folder of reports: turns, speakers, twins, paragraphs.

Usage: python benchmarks/validate_kamer.py [FOLDER] [--members members-56.csv]

For each report it counts, from the paragraphs themselves (not from the reader):
the numbered labels printed (``01.01 Name ...:``), and compares them with the
turns read; it checks that every paragraph has a kind and that no paragraph of
speech is lost or doubled (each in exactly one turn), and, with a members list,
that every member's name and group in a label are those of a member.
"""

from __future__ import annotations

import argparse
import re
import unicodedata
from collections import Counter
from pathlib import Path

import pandas as pd

import debatekit as dk
from debatekit.parse.kamer._html import read_paragraphs

NUMBERED = re.compile(r"^\d{2}\.\d{2}\s+\S[^:]{0,90}:")


def fold(name: str) -> str:
    text = unicodedata.normalize("NFKD", name.lower())
    return "".join(c for c in text if c.isalnum())


def check(path: Path) -> dict:
    paragraphs = read_paragraphs(path.read_bytes())
    result = dk.read_transcript(path, report=True)
    turns, lines = result.turns, result.report.lines
    kinds = dict(zip(lines["line"], lines["kind"], strict=True))
    printed = [
        p.text[:5] for p in paragraphs if NUMBERED.match(p.text) and kinds[p.index + 1] != "votes"
    ]
    lost, doubled, mismatched = _account(paragraphs, kinds, turns)
    return {
        "report": f"{path.parent.name}/{path.name}",
        "paragraphs": len(paragraphs),
        "numbered_labels": len(printed),
        "numbered_turns": int(turns["turn_label"].notna().sum()),
        "labels_equal": printed == turns["turn_label"].dropna().tolist(),
        "chair_unnumbered": int(((turns["role"] == "chair") & turns["turn_label"].isna()).sum()),
        "other_unnumbered": int(((turns["role"] != "chair") & turns["turn_label"].isna()).sum()),
        "turns": len(turns),
        "twins_merged": result.report.twins_merged,
        "unplaced": int((lines["kind"] == "unplaced").sum()),
        "votes": int((lines["kind"] == "votes").sum()),
        "lost": lost,
        "doubled": doubled,
        "mismatched": mismatched,
        "fr_turns": int((turns["lang"] == "fr").sum()),
        "turns_table": turns,
    }


def _account(paragraphs: list, kinds: dict, turns: pd.DataFrame) -> tuple[int, int, int]:
    """Paragraphs of speech in no turn, in several, and turns whose text is not theirs."""
    owners: Counter[int] = Counter()
    mismatched = 0
    by_line = {p.index + 1: p for p in paragraphs}
    for start, end, text in turns[["line_start", "line_end", "text"]].itertuples(index=False):
        own = [by_line[n].text for n in range(start, end + 1) if kinds.get(n) == "turn"]
        owners.update(n for n in range(start, end + 1) if kinds.get(n) == "turn")
        parts = text.split("\n\n") if text else []
        # The first paragraph keeps its label in the report; a label may stand alone.
        alone = bool(own) and own[0].endswith(":") and parts == own[1:]
        first = bool(own) and bool(parts) and (own[0] == parts[0] or own[0].endswith(parts[0]))
        if not alone and not (first and parts[1:] == own[1:]):
            mismatched += 1
    speech = [n for n, kind in kinds.items() if kind == "turn"]
    lost = sum(owners[n] == 0 for n in speech)
    doubled = sum(owners[n] > 1 for n in speech)
    return lost, doubled, mismatched


def check_members(turns: pd.DataFrame, members: pd.DataFrame) -> dict:
    names = {fold(f"{r.first_name} {r.last_name}"): r for r in members.itertuples()}
    people = turns[turns["role"] == "member"].dropna(subset=["party"])
    pairs = people[["speaker", "party"]].drop_duplicates()
    unknown = [s for s in pairs["speaker"] if fold(s) not in names]
    wrong = []
    for speaker, party in pairs.itertuples(index=False):
        member = names.get(fold(speaker))
        groups = {fold(str(member.fraction)), fold(str(member.party))} if member else set()
        if member is not None and fold(party) not in groups:
            wrong.append(f"{speaker} ({party}; list: {member.party}/{member.fraction})")
    return {"pairs": len(pairs), "unknown": unknown, "wrong_group": wrong}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", nargs="?", default="../shared/data/kamer")
    parser.add_argument("--members", default=None)
    args = parser.parse_args()
    folder = Path(args.folder)
    files = sorted(folder.rglob("*.htm*"))
    rows = [check(path) for path in files]
    table = pd.DataFrame([{k: v for k, v in r.items() if k != "turns_table"} for r in rows])
    with pd.option_context("display.width", 200, "display.max_rows", 200):
        print(table.to_string(index=False))
    print(
        f"\n{len(files)} reports: {table['turns'].sum()} turns; numbered labels "
        f"{table['numbered_labels'].sum()}, numbered turns {table['numbered_turns'].sum()}, "
        f"reports where the printed labels and the turns' labels are equal: "
        f"{table['labels_equal'].sum()}/{len(table)}; unnumbered chair turns "
        f"{table['chair_unnumbered'].sum()}, other unnumbered {table['other_unnumbered'].sum()}; "
        f"twins merged {table['twins_merged'].sum()}; paragraphs {table['paragraphs'].sum()}, "
        f"unplaced {table['unplaced'].sum()}, lost {table['lost'].sum()}, "
        f"doubled {table['doubled'].sum()}, turns whose text differs from their "
        f"paragraphs {table['mismatched'].sum()}"
    )
    members_file = Path(args.members) if args.members else folder / "members-56.csv"
    if members_file.exists():
        turns = pd.concat([r["turns_table"] for r in rows])
        found = check_members(turns, pd.read_csv(members_file))
        print(
            f"members: {found['pairs']} (speaker, group) pairs in labels; not in the list: "
            f"{len(found['unknown'])} {found['unknown'][:10]}; group differs: "
            f"{len(found['wrong_group'])} {found['wrong_group'][:10]}"
        )


if __name__ == "__main__":
    main()
