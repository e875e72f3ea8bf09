"""Reading the federal Chamber's reports: MB/s and reports/s against two baselines.

Usage::

    python benchmarks/bench_kamer.py [FOLDER] [--rounds 5]

FOLDER holds Chamber reports (``*.html``, searched recursively; default
``../shared/data/kamer``, the 65 shared reports). In the same run, in
interleaved rounds, it times in CPU seconds (``time.process_time``):

* ``bytes``: reading every file's bytes;
* ``html``: reading the bytes and parsing the HTML alone (selectolax's Lexbor
  parser, then walking every node, which any reader of the file must do);
* ``paragraphs``: decoding and parsing into paragraphs (``parse/kamer/_html.py``);
* ``read_corpus``: the whole reading into the turns table (``dk.read_corpus``).

It prints min and median of the rounds for each, in MB/s and reports/s, and the
ratio of each to the HTML parse alone.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

import debatekit as dk
from debatekit.parse.kamer._html import read_paragraphs


def read_bytes(paths: list[Path]) -> int:
    return sum(len(p.read_bytes()) for p in paths)


def parse_html(paths: list[Path]) -> int:
    nodes = 0
    for path in paths:
        tree = LexborHTMLParser(path.read_bytes().decode("utf-8", errors="replace"))
        nodes += sum(1 for _ in tree.root.traverse())
    return nodes


def paragraphs(paths: list[Path]) -> int:
    return sum(len(read_paragraphs(p.read_bytes())) for p in paths)


def read_corpus(paths: list[Path]) -> int:
    return len(dk.read_corpus(paths, progress=False))


STEPS = {
    "bytes": read_bytes,
    "html": parse_html,
    "paragraphs": paragraphs,
    "read_corpus": read_corpus,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default="../shared/data/kamer")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    paths = sorted(Path(args.folder).rglob("*.html"))
    if not paths:
        raise SystemExit(f"No .html reports under {args.folder}")
    megabytes = sum(p.stat().st_size for p in paths) / 1_000_000
    times: dict[str, list[float]] = {name: [] for name in STEPS}
    results: dict[str, int] = {}
    for _ in range(args.rounds):  # interleaved, so that a busy moment hits every step alike
        for name, step in STEPS.items():
            start = time.process_time()
            results[name] = step(paths)
            times[name].append(time.process_time() - start)
    html_min = min(times["html"])
    print(f"{len(paths)} reports, {megabytes:.1f} MB, {args.rounds} interleaved rounds, CPU time")
    print(f"{'step':<12} {'min s':>8} {'median s':>9} {'MB/s':>8} {'reports/s':>10} {'x html':>7}")
    for name, values in times.items():
        best, median = min(values), statistics.median(values)
        print(
            f"{name:<12} {best:8.3f} {median:9.3f} {megabytes / best:8.1f} "
            f"{len(paths) / best:10.1f} {best / html_min:7.2f}"
        )
    print(f"turns read: {results['read_corpus']}, paragraphs: {results['paragraphs']}")


if __name__ == "__main__":
    main()
