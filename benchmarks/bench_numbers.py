"""Speed of dk.numbers on a corpus of tens of MB, against a plain regex scan for digits.

The corpus repeats the sample transcript's turns (with fresh turn ids) until it
holds tens of megabytes of text. Every figure is measured in the same run on
the same text, on one core (the scan is single-threaded Python):

- baseline: ``re.findall(r"\\d+", text)`` over every turn, the cheapest scan
  that still looks at every character;
- dk.numbers: the whole table (scan, values, units, qualifiers, sentences);
- full grammar: the figure grammar run over every position, without the
  anchors dk.numbers uses to skip text that cannot hold a figure (on a tenth
  of the corpus), to show what the anchors buy.

Run: python benchmarks/bench_numbers.py [--repeat 400] [--rounds 3]
"""

from __future__ import annotations

import argparse
import re
import statistics
import time

import pandas as pd

import debatekit as dk
from debatekit.analyzers.numbers._scan import _SCAN

DIGITS = re.compile(r"\d+")


def build_corpus(repeat: int) -> pd.DataFrame:
    turns = dk.read_transcript(dk.sample_path())
    copies = []
    for i in range(repeat):
        copy = turns.copy()
        copy["turn_id"] = copy["turn_id"] + f"-r{i:04d}"
        copies.append(copy)
    return pd.concat(copies, ignore_index=True)


def interleaved(rounds: int, works: dict) -> dict[str, tuple[float, float, object]]:
    """CPU seconds (min, median) and the result of each work, over interleaved rounds.

    CPU time, not wall time: on a shared machine other jobs barely move it,
    and interleaving puts every contender under the same load.
    """
    seconds: dict[str, list[float]] = {name: [] for name in works}
    results: dict[str, object] = {}
    for _ in range(rounds):
        for name, work in works.items():
            start = time.process_time()
            results[name] = work()
            seconds[name].append(time.process_time() - start)
    return {
        name: (min(values), statistics.median(values), results[name])
        for name, values in seconds.items()
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=400, help="copies of the sample's turns")
    parser.add_argument(
        "--rounds", type=int, default=3, help="interleaved rounds; min and median printed"
    )
    args = parser.parse_args()

    corpus = build_corpus(args.repeat)
    texts = corpus["text"].tolist()
    words = int(corpus["n_words"].sum())
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    print(f"corpus: {len(corpus):,} turns, {words:,} words, {megabytes:.1f} MB")

    timed = interleaved(
        args.rounds,
        {
            "digits": lambda: sum(len(DIGITS.findall(t)) for t in texts),
            "numbers": lambda: dk.numbers(corpus, progress=False),
        },
    )
    base_s, base_median, n_digits = timed["digits"]
    num_s, num_median, table = timed["numbers"]
    print(
        f"baseline regex scan for digits: {base_s:.2f} s CPU (median {base_median:.2f}), "
        f"{words / base_s:,.0f} words/s ({n_digits:,} digit runs)"
    )
    print(
        f"dk.numbers:                     {num_s:.2f} s CPU (median {num_median:.2f}), "
        f"{words / num_s:,.0f} words/s ({len(table):,} figures)"
    )

    tenth = texts[: max(1, len(texts) // 10)]
    tenth_words = int(corpus["n_words"].iloc[: len(tenth)].sum())
    full_s, _, _ = interleaved(
        1, {"full": lambda: sum(1 for t in tenth for _ in _SCAN.finditer(t))}
    )["full"]
    print(
        f"full grammar at every position: {full_s:.2f} s, {tenth_words / full_s:,.0f} words/s "
        "(a tenth of the corpus)"
    )

    print(f"ratio dk.numbers / digit scan time: {num_s / base_s:.1f}x slower")
    speedup = (words / num_s) / (tenth_words / full_s)
    print(f"ratio dk.numbers / full-grammar speed: {speedup:.1f}x faster")
    print(f"target 500,000 words/s: {'met' if words / num_s >= 500_000 else 'NOT met'}")


if __name__ == "__main__":
    main()
