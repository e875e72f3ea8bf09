"""Parse throughput in MB/s on a corpus built by repeating the sample transcript.

Usage::

    python benchmarks/bench_parse.py [--mb 50] [--repeat 3]

Builds ``--mb`` megabytes of transcripts (copies of the shipped sample, each
under its own meeting number) in a temporary folder, then, in the same run and
on one core, times

* the baseline: reading every file and splitting it into lines, and
* debatekit: reading every file and parsing it into turns (``dk.read_corpus``).

and prints both in MB/s with their ratio. The best of ``--repeat`` rounds is
reported for each, which is the figure least disturbed by other work on the
machine.
"""

from __future__ import annotations

import argparse
import os
import resource
import tempfile
import time
from pathlib import Path

import debatekit as dk


def build_corpus(folder: Path, megabytes: float) -> list[Path]:
    """Write copies of the sample until ``megabytes`` are on disk."""
    text = dk.sample_path().read_text(encoding="utf-8")
    size = len(text.encode("utf-8"))
    copies = int(megabytes * 1_000_000 // size) + 1
    paths = []
    for i in range(copies):
        # Each copy is its own meeting, as in a real corpus.
        body = text.replace("nr. C190", f"nr. C{1000 + i}")
        path = folder / f"vlaams-parlement_C{1000 + i}_2024-03-28.txt"
        path.write_text(body, encoding="utf-8")
        paths.append(path)
    return paths


def baseline(paths: list[Path]) -> int:
    """Read every file and split it into lines; return the number of lines."""
    n = 0
    for path in paths:
        n += len(path.read_text(encoding="utf-8").splitlines())
    return n


def parse(paths: list[Path]) -> int:
    """Read and parse every file; return the number of turns."""
    return len(dk.read_corpus(paths, progress=False))


def best_of(func, paths: list[Path], repeat: int) -> tuple[float, int]:
    times = []
    result = 0
    for _ in range(repeat):
        start = time.perf_counter()
        result = func(paths)
        times.append(time.perf_counter() - start)
    return min(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=50.0, help="corpus size in MB (default 50)")
    parser.add_argument("--repeat", type=int, default=3, help="rounds per measurement")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    with tempfile.TemporaryDirectory() as tmp:
        paths = build_corpus(Path(tmp), args.mb)
        megabytes = sum(p.stat().st_size for p in paths) / 1_000_000
        base_s, lines = best_of(baseline, paths, args.repeat)
        parse_s, turns = best_of(parse, paths, args.repeat)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"corpus: {len(paths)} files, {megabytes:.1f} MB, {lines} lines, {turns} turns")
    print(f"baseline (read + split lines): {base_s:7.2f} s  {megabytes / base_s:8.1f} MB/s")
    print(f"debatekit (read + parse):      {parse_s:7.2f} s  {megabytes / parse_s:8.1f} MB/s")
    print(
        f"ratio parse/baseline time: {parse_s / base_s:.1f}x; target >= 10 MB/s: "
        f"{'met' if megabytes / parse_s >= 10 else 'NOT met'}"
    )
    print(f"peak memory: {peak:.0f} MB")


if __name__ == "__main__":
    main()
