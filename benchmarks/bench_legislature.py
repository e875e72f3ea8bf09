"""A legislature end to end: reading and every analyzer on 1,000 reports, on one and two cores.

The corpus is built from the shared development set: each Flemish report is
the sample's debates recombined (ten drawn, with a seed, from its debates),
under its own meeting number (C1000, C1001, ...) and date (spread over
2019-2024, so the Parquet dataset has several year partitions); the Chamber's
reports in ``../shared/data/kamer`` are added once each when debatekit can
read them (``.html`` among ``dk.read_corpus``'s formats).

Each step runs with ``n_jobs=1`` and ``n_jobs=2`` in interleaved rounds and
prints wall time, CPU time (this process and its workers), the process's
peak memory (high-water mark so far, workers included) and the speed-up
(wall n_jobs=1 / wall n_jobs=2). The steps without ``n_jobs`` (topics,
similarity) run once per round. With ``--dask`` the same tables are computed
on a local Dask cluster (two worker processes) and checked equal.

Run: python benchmarks/bench_legislature.py [--reports 1000] [--rounds 1] [--dask]
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import statistics
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path

import pandas as pd

import debatekit as dk

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"
_HEADING = re.compile(r"^\s*(?:VRAAG OM UITLEG|VRAGEN OM UITLEG|ACTUELE VRAAG|INTERPELLATIE)")
_MONTHS = (
    "januari februari maart april mei juni juli augustus september oktober november december"
).split()


def _blocks(text: str) -> tuple[str, list[str]]:
    """The report's opening and its debates (each from its heading on)."""
    lines = text.split("\n")
    starts = [i for i, line in enumerate(lines) if _HEADING.match(line)]
    # Every report opens with the page header that names its meeting and date.
    header = next(line for line in lines if line.startswith("Commissievergadering nr."))
    opening = "\n".join([re.sub(r"\d+\s*$", "1 ", header), *lines[: starts[0]]])
    bounds = [*starts, len(lines)]
    return opening, ["\n".join(lines[a:b]) for a, b in zip(bounds, bounds[1:], strict=False)]


def flemish_variant(opening: str, debates: list[str], i: int, rng: random.Random) -> str:
    """Meeting C(1000+i) on its own date, ten of the sample's debates in a new order."""
    year = 2019 + i % 6
    day, month = 1 + rng.randrange(28), _MONTHS[rng.randrange(12)]
    chosen = [debates[rng.randrange(len(debates))] for _ in range(10)]
    text = "\n".join([opening, *chosen])
    session = f"({year - 1}-{year})" if month in _MONTHS[:7] else f"({year}-{year + 1})"
    return (
        text.replace("C190 (2023-2024)", f"C{1000 + i} {session}")
        .replace("(2023-2024)", session)
        .replace("28 maart 2024", f"{day} {month} {year}")
    )


def build_corpus(folder: Path, reports: int, seed: int = 0) -> list[Path]:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    opening, debates = _blocks(dk.sample_path().read_text(encoding="utf-8"))
    paths = []
    chamber = sorted((SHARED / "kamer").glob("*/*.html")) if ".html" in _suffixes() else []
    for i in range(reports - len(chamber)):
        path = folder / f"vlaams-parlement_C{1000 + i}.txt"
        path.write_text(flemish_variant(opening, debates, i, rng), encoding="utf-8")
        paths.append(path)
    for source in chamber:
        path = folder / f"kamer_{source.parent.name}_{source.name}"
        path.write_bytes(source.read_bytes())
        paths.append(path)
    return paths


def _suffixes() -> tuple[str, ...]:
    from debatekit.parse import _read

    return tuple(getattr(_read, "SUFFIXES", ()))


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime


def _peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, workers) / 1024


def timed(work: Callable[[], object]) -> tuple[float, float, object]:
    wall, cpu = time.perf_counter(), _cpu()
    result = work()
    return time.perf_counter() - wall, _cpu() - cpu, result


def run_rounds(name: str, work: Callable[[int], object], rounds: int, jobs: tuple[int, ...]):
    """Interleaved rounds of ``work(n_jobs)``; one line per n_jobs with min and median."""
    walls: dict[int, list[float]] = {n: [] for n in jobs}
    cpus: dict[int, list[float]] = {n: [] for n in jobs}
    results: dict[int, object] = {}
    for _ in range(rounds):
        for n in jobs:
            wall, cpu, results[n] = timed(lambda n=n: work(n))
            walls[n].append(wall)
            cpus[n].append(cpu)
    for n in jobs:
        print(
            f"{name:<12} n_jobs={n}  wall min {min(walls[n]):7.1f} s  median "
            f"{statistics.median(walls[n]):7.1f} s  CPU min {min(cpus[n]):7.1f} s  "
            f"peak {_peak_mb():6.0f} MB"
        )
    if len(jobs) == 2:
        print(f"{name:<12} speed-up (wall, min) {min(walls[1]) / min(walls[2]):.2f}")
    return results, {n: min(walls[n]) for n in jobs}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=1080, help="about 100,000 turns")
    parser.add_argument("--rounds", type=int, default=1, help="interleaved rounds per step")
    parser.add_argument("--dask", action="store_true", help="also run on a local Dask cluster")
    parser.add_argument("--skip-similarity", action="store_true")
    args = parser.parse_args()
    warnings.simplefilter("ignore", dk.DebatekitWarning)

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = build_corpus(folder / "reports", args.reports)
        megabytes = sum(p.stat().st_size for p in paths) / 1e6
        print(f"corpus: {len(paths)} reports, {megabytes:.1f} MB")
        jobs = (1, 2)
        rounds = args.rounds
        read, read_wall = run_rounds(
            "read_corpus", lambda n: dk.read_corpus(paths, progress=False, n_jobs=n), rounds, jobs
        )
        turns = read[1]
        pd.testing.assert_frame_equal(read[2], turns, check_exact=True)
        print(f"turns: {len(turns):,}, {turns['meeting'].nunique()} meetings")
        figures, numbers_wall = run_rounds(
            "numbers", lambda n: dk.numbers(turns, progress=False, n_jobs=n), rounds, jobs
        )
        pd.testing.assert_frame_equal(figures[2], figures[1], check_exact=True)
        recognizer = dk.EntityRecognizer(model=None, progress=False).fit(turns)
        mentions, entities_wall = run_rounds(
            "entities",
            lambda n: recognizer.set_params(n_jobs=n).transform(turns),
            rounds,
            jobs,
        )
        pd.testing.assert_frame_equal(mentions[2], mentions[1], check_exact=True)
        _, topics_wall = run_rounds(
            "topics", lambda n: dk.topics(turns, n_topics=10, progress=False), rounds, (1,)
        )
        similarity_wall = {1: 0.0}
        if not args.skip_similarity:
            _, similarity_wall = run_rounds(
                "similarity", lambda n: dk.speaker_similarity(turns), rounds, (1,)
            )
        total = (
            read_wall[2] + numbers_wall[2] + entities_wall[2] + topics_wall[1] + similarity_wall[1]
        )
        print(f"reading + numbers + entities + topics + similarity, both cores: {total:.0f} s")
        if args.dask:
            check_dask(paths, turns, figures[1], mentions[1])


def check_dask(paths, turns, figures, mentions) -> None:
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster:
        with Client(cluster):
            lazy = dk.dask.read_corpus(paths)
            wall, cpu, on_dask = timed(lambda: lazy.compute().reset_index(drop=True))
            print(f"dask read     wall {wall:7.1f} s  (client CPU {cpu:.1f} s)")
            pd.testing.assert_frame_equal(on_dask, turns, check_exact=True)
            lazy = lazy.persist()
            wall, _, found = timed(lambda: dk.dask.numbers(lazy).compute())
            print(f"dask numbers  wall {wall:7.1f} s")
            pd.testing.assert_frame_equal(found.reset_index(drop=True), figures, check_exact=True)
            wall, _, found = timed(lambda: dk.dask.entities(lazy).compute())
            print(f"dask entities wall {wall:7.1f} s")
            pd.testing.assert_frame_equal(found.reset_index(drop=True), mentions, check_exact=True)
            print("dask tables equal the in-memory ones: turns, numbers, entities")


if __name__ == "__main__":
    main()
