"""Stance against how members vote, and against a TF-IDF baseline, on the shared Chamber reports.

Run from the checkout: PYTHONPATH=src python benchmarks/bench_stance.py [--data ../shared/data]

Quality, on the shared Chamber reports (plenaries and committees), with the
votes read from the same plenary reports (``dk.read_votes``) and the blocs
from the dated governments table (``dk.blocs``; labels used for scoring only):

- per-member government-stance AUC: majority against opposition members
  (members with at least 5 turns under a government, one row per member and
  government), for ``dk.speaker_positions``' ``government_stance`` and for
  the baseline (the TF-IDF cosine of the member's words with the ministers'
  words of the same period);
- the rank correlation of the pair similarity with vote agreement (members
  sharing at least 10 votes), with a Mantel p-value, for
  ``dk.speaker_similarity`` and for the baseline (the TF-IDF cosine of two
  members' words), per government period;
- the same per-member AUC on a held-out part of the meetings (every meeting
  whose number is a multiple of 20), which the lexicon was not checked on;
- the Flemish sample: Verbeurgt nearer Annouri than Ronse in item 9.

Speed: ``find_cues`` per turn with its substring prefilter against scanning
every cue (CPU time, interleaved rounds, min and median).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

import debatekit as dk
from debatekit.analyzers.stance import _cues
from debatekit.embed._embedders import dutch_stop_words

os.environ.setdefault("HF_HUB_OFFLINE", "1")
MIN_TURNS = 5
MIN_SHARED_VOTES = 10


def read_chamber(data: Path) -> pd.DataFrame:
    """Every shared Chamber report as turns, with the government of each turn's date."""
    paths = sorted((data / "kamer").glob("*/*.html"))
    frames = []
    for path in paths:
        turns = dk.read_transcript(path)
        frames.append(turns.assign(kind=path.parent.name))
    turns = pd.concat(frames, ignore_index=True)
    return with_government(turns)


def with_government(turns: pd.DataFrame) -> pd.DataFrame:
    table = dk.blocs(turns)
    keys = table[["speaker", "government", "bloc"]].dropna(subset=["government"])
    government = dk.governments()
    where = government[government["parliament"] == "kamer"].drop_duplicates("government")
    dates = pd.to_datetime(turns["date"])
    name = pd.Series(pd.NA, index=turns.index, dtype="object")
    for row in where.itertuples():
        inside = (dates >= row.start) & (dates < row.end if pd.notna(row.end) else True)
        name[inside] = row.government
    turns = turns.assign(government=name)
    return turns.merge(keys, on=["speaker", "government"], how="left")


def tfidf_vectors(texts: pd.Series) -> tuple[pd.Index, np.ndarray]:
    vectorizer = TfidfVectorizer(stop_words=sorted(dutch_stop_words()), sublinear_tf=True)
    vectors = normalize(vectorizer.fit_transform(texts.tolist()))
    return texts.index, vectors


def baseline_stance(turns: pd.DataFrame) -> pd.DataFrame:
    """Label-free baseline: cosine of a member's TF-IDF with the ministers' words, per period."""
    rows = []
    for government, part in turns.groupby("government"):
        said = part[part["role"].isin(["member", "minister"])]
        members = said[said["role"] == "member"].groupby("speaker")["text"].apply(" ".join)
        ministers = " ".join(said.loc[said["role"] == "minister", "text"])
        names, vectors = tfidf_vectors(pd.concat([members, pd.Series({"__gov__": ministers})]))
        cosine = (vectors[:-1] @ vectors[-1].T).toarray().ravel()
        rows += [
            {"speaker": s, "government": government, "score": c}
            for s, c in zip(names[:-1], cosine, strict=True)
        ]
    return pd.DataFrame(rows)


def member_auc(turns: pd.DataFrame, scores: pd.DataFrame, column: str) -> tuple[float, int, float]:
    """AUC of ``column`` for majority vs opposition, members with >= MIN_TURNS turns."""
    counts = turns[turns["role"] == "member"].groupby(["speaker", "government"]).size()
    eligible = counts[counts >= MIN_TURNS].reset_index()[["speaker", "government"]]
    blocs = turns[["speaker", "government", "bloc"]].drop_duplicates(["speaker", "government"])
    table = eligible.merge(blocs, on=["speaker", "government"]).merge(
        scores, on=["speaker", "government"], how="left"
    )
    table = table[table["bloc"].isin(["majority", "opposition"])]
    known = table[column].notna()
    check = dk.validate_positions(
        table[known].assign(_s=table.loc[known, column]),
        table[known][["speaker", "government", "bloc"]],
        columns=("_s",),
        n_boot=200,
    )
    return float(check["value"].iloc[0]), len(table), float(known.mean()) if len(table) else 0.0


def positions_by_government(turns: pd.DataFrame) -> pd.DataFrame:
    return dk.speaker_positions(turns.dropna(subset=["government"]), by="government", n_boot=0)


def vote_correlations(turns: pd.DataFrame, votes: pd.DataFrame) -> list[dict[str, object]]:
    """Speech similarity and the TF-IDF baseline against vote agreement, per government."""
    results = []
    turns = dk.join_members(turns, members=dk.kamer_members(56), warn=False)
    turns = turns.assign(speaker=turns["member"].fillna(turns["speaker"]))
    votes = with_vote_government(votes)
    for government, part in turns.groupby("government"):
        voted = votes[votes["government"] == government]
        if voted.empty:
            continue
        agreement = dk.vote_agreement(voted)
        shared = agreement.attrs.get("shared")
        if shared is not None:
            agreement = agreement.where(shared >= MIN_SHARED_VOTES)
        members = part[part["role"] == "member"]
        similarity = dk.speaker_similarity(members, roles="member", progress=False)
        said = members.groupby("speaker")["text"].apply(" ".join)
        names, vectors = tfidf_vectors(said)
        baseline = pd.DataFrame((vectors @ vectors.T).toarray(), index=names, columns=names)
        for name, sim in (("speech similarity", similarity), ("baseline TF-IDF cosine", baseline)):
            table = dk.validate_similarity(sim, votes=agreement, n_permutations=199)
            row = table.iloc[0]
            results.append(
                {
                    "government": government,
                    "measure": name,
                    "spearman": row["value"],
                    "p": row["p_value"],
                    "pairs": int(row["n"]),
                    "members": int(row["n_speakers"]),
                    "coverage": row["coverage"],
                }
            )
    return results


def with_vote_government(votes: pd.DataFrame) -> pd.DataFrame:
    table = dk.governments()
    where = table[table["parliament"] == "kamer"].drop_duplicates("government")
    dates = pd.to_datetime(votes["date"])
    name = pd.Series(pd.NA, index=votes.index, dtype="object")
    for row in where.itertuples():
        inside = (dates >= row.start) & (dates < row.end if pd.notna(row.end) else True)
        name[inside] = row.government
    return votes.assign(government=name)


def held_out(turns: pd.DataFrame) -> pd.Series:
    """The meetings kept aside: the reports whose file number is a multiple of 20."""
    names = turns["source"] if "source" in turns.columns else turns["meeting"]
    number = names.astype(str).str.extract(r"(\d+)\D*$")[0].astype(float)
    return number % 20 == 0


def quality(data: Path) -> None:
    turns = read_chamber(data)
    print(f"Chamber: {len(turns)} turns, {turns['meeting'].nunique()} meetings")
    for label, part in (
        ("plenaries", turns[turns["kind"] == "plenary"]),
        ("all Chamber reports", turns),
        ("held-out meetings", turns[held_out(turns)]),
    ):
        positions = positions_by_government(part)
        ours = member_auc(part, positions, "government_stance")
        base = member_auc(part, baseline_stance(part), "score")
        print(
            f"  per-member AUC, {label:<20} government_stance {ours[0]:.3f} "
            f"(n={ours[1]}, coverage {ours[2]:.2f})   baseline TF-IDF {base[0]:.3f} (n={base[1]})"
        )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", dk.DebatekitWarning)
        votes = dk.read_votes(sorted((data / "kamer" / "plenary").glob("*.html")), progress=False)
    print("  speech against vote agreement (Spearman, Mantel p, pairs sharing >= 10 votes):")
    for row in vote_correlations(turns, votes):
        print(
            f"    {row['government']:<9} {row['measure']:<24} rho {row['spearman']:+.3f} "
            f"p {row['p']:.3f}  pairs {row['pairs']}  members {row['members']}  "
            f"coverage {row['coverage']:.2f}"
        )


def sample_check() -> None:
    turns = dk.read_transcript(dk.sample_path())
    sim = dk.speaker_similarity(turns[turns["item"] == 9])
    v, a, r = "Thijs Verbeurgt", "Imade Annouri", "Axel Ronse"
    right = sim.loc[v, a] > sim.loc[v, r]
    print(f"Sample item 9: V~A {sim.loc[v, a]:+.2f} > V~R {sim.loc[v, r]:+.2f}: {right}")


def speed(data: Path, rounds: int = 5) -> None:
    texts = read_chamber(data)["text"].astype(str).tolist()[:1000]
    scanning = [(c, None) for c in _cues.CUES]
    prefilter = _cues._prepared
    times: dict[str, list[float]] = {"prefilter": [], "every cue": []}
    for _ in range(rounds):  # interleaved, so that load on the machine hits both alike
        for name in times:
            _cues._prepared = prefilter if name == "prefilter" else (lambda cues, lang: scanning)
            start = time.process_time()
            for text in texts:
                _cues.find_cues(text)
            times[name].append((time.process_time() - start) / len(texts) * 1000)
    _cues._prepared = prefilter
    for name, values in times.items():
        low, mid = min(values), statistics.median(values)
        print(f"  find_cues, {name:<10} min {low:.2f} ms/turn, median {mid:.2f}")
    ratio = statistics.median(times["every cue"]) / statistics.median(times["prefilter"])
    print(f"  ratio (every cue / prefilter, medians): {ratio:.1f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data", type=Path, default=Path(__file__).parents[1] / ".." / "shared" / "data"
    )
    parser.add_argument("--no-speed", action="store_true")
    args = parser.parse_args()
    sample_check()
    try:
        quality(args.data)
        if not args.no_speed:
            print("Speed (CPU time, interleaved rounds):")
            speed(args.data)
    except dk.UnsupportedFormatError as error:
        print(f"The Chamber reader is not available: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
