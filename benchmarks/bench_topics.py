"""Topics on a corpus of 100,000+ turns: debatekit against BERTopic, in one run.

The corpus is built from the sample's 100 turns: 1,000 meetings, each with the
sample's ten debates in a shuffled order, every turn's text varied (about a
third of its sentences dropped, a tenth of its words dropped, now and then a
sentence from another debate slipped in) and every heading shortened a little.
The truth is the debate a turn was copied from.

Both methods get the same turns (those with text of their own) and the same
TF-IDF/LSA vectors (debatekit's default embedder); debatekit also sees the
headings and the turn order, as it would in a real transcript. BERTopic runs
its defaults (UMAP + HDBSCAN) offline, with the vectors given.

Run:  HF_HUB_OFFLINE=1 python benchmarks/bench_topics.py [--meetings 1000]
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import time

import numpy as np
import pandas as pd
from sklearn.metrics import adjusted_rand_score

import debatekit as dk

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def vary_text(text: str, donors: list[str], rng: np.random.Generator) -> str:
    """Drop sentences and words, and sometimes borrow a sentence from another debate."""
    sentences = [s for s in SENTENCE_END.split(text) if s]
    if len(sentences) > 1:
        keep = rng.random(len(sentences)) < 0.7
        keep[rng.integers(len(sentences))] = True
        sentences = [s for s, k in zip(sentences, keep, strict=True) if k]
    if rng.random() < 0.15:
        donor = SENTENCE_END.split(donors[rng.integers(len(donors))])
        sentences.insert(rng.integers(len(sentences) + 1), donor[rng.integers(len(donor))])
    words = " ".join(sentences).split(" ")
    if len(words) > 12:
        words = [w for w in words if rng.random() >= 0.1]
    return " ".join(words)


def vary_heading(title: str, rng: np.random.Generator) -> str:
    words = title.split(" ")
    return " ".join(w for w in words if w.isupper() or rng.random() >= 0.15)


def build_corpus(turns: pd.DataFrame, n_meetings: int, seed: int = 0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    spoken = turns[~turns["procedural"] & (turns["n_words"] > 30)]
    donors = spoken["text"].tolist()
    items = [group for _, group in turns.groupby("item", sort=True)]
    start = pd.Timestamp("2019-01-07")
    frames = []
    for meeting in range(n_meetings):
        order = rng.permutation(len(items))
        rows = pd.concat([items[i] for i in order], ignore_index=True)
        headings = {t: vary_heading(t, rng) for t in rows["item_title"].unique()}
        frame = rows.assign(
            truth=rows["item"],
            meeting=f"M{meeting:04d}",
            date=start + pd.Timedelta(days=2 * meeting),
            item_title=rows["item_title"].map(headings),
            text=[
                t if p else vary_text(t, donors, rng)
                for t, p in zip(rows["text"], rows["procedural"], strict=True)
            ],
        )
        frame["turn"] = np.arange(1, len(frame) + 1)
        frame["turn_id"] = [f"M{meeting:04d}-{i:04d}" for i in frame["turn"]]
        frames.append(frame)
    corpus = pd.concat(frames, ignore_index=True)
    corpus["n_words"] = corpus["text"].str.split().str.len()
    return corpus


def peak_rss_gb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024**2  # KiB on Linux


def agreement(truth: pd.Series, topic: pd.Series) -> tuple[float, float]:
    given = topic.to_numpy() >= 0
    return adjusted_rand_score(truth[given], topic[given]), float(given.mean())


def run_debatekit(
    corpus: pd.DataFrame, n_topics: int | None, **params: object
) -> tuple[dk.TopicResult, float]:
    started = time.perf_counter()
    result = dk.topics(corpus, n_topics=n_topics, **params)
    return result, time.perf_counter() - started


def run_bertopic(
    texts: list[str], vectors: np.ndarray
) -> tuple[np.ndarray, float, np.ndarray, float]:
    """BERTopic's defaults, then its own reduction to 10 topics (timed apart)."""
    from bertopic import BERTopic

    started = time.perf_counter()
    model = BERTopic(embedding_model=None, language=None, calculate_probabilities=False)
    topics, _ = model.fit_transform(texts, embeddings=vectors)
    seconds = time.perf_counter() - started
    started = time.perf_counter()
    model.reduce_topics(texts, nr_topics=10)
    reduced = np.asarray(model.topics_)
    return np.asarray(topics), seconds, reduced, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meetings", type=int, default=1000)
    parser.add_argument("--no-bertopic", action="store_true")
    args = parser.parse_args()

    sample = dk.read_transcript(dk.sample_path())
    built = time.perf_counter()
    corpus = build_corpus(sample, args.meetings)
    print(
        f"corpus: {len(corpus):,} turns, {corpus['meeting'].nunique():,} meetings, "
        f"{corpus['n_words'].sum():,} words (built in {time.perf_counter() - built:.1f} s)"
    )
    rss_before = peak_rss_gb()

    result, seconds = run_debatekit(corpus, n_topics=10)
    speakers = result.turns["role"] != "chair"
    ari, given = agreement(result.turns.loc[speakers, "truth"], result.turns.loc[speakers, "topic"])
    print(
        f"debatekit  n_topics=10    {seconds:6.1f} s  ARI {ari:.3f}  given a topic {given:.1%}  "
        f"peak RSS {peak_rss_gb():.2f} GB (corpus alone {rss_before:.2f} GB)"
    )
    chosen, seconds_none = run_debatekit(corpus, n_topics=None)
    ari_none, _ = agreement(
        chosen.turns.loc[speakers, "truth"], chosen.turns.loc[speakers, "topic"]
    )
    print(
        f"debatekit  n_topics=None  {seconds_none:6.1f} s  ARI {ari_none:.3f}  "
        f"chose {chosen.n_topics} topics"
    )
    text_only, seconds_text = run_debatekit(corpus, n_topics=10, use_headings=False)
    ari_text, _ = agreement(
        text_only.turns.loc[speakers, "truth"], text_only.turns.loc[speakers, "topic"]
    )
    print(f"debatekit  no headings     {seconds_text:6.1f} s  ARI {ari_text:.3f} (text alone)")
    again, _ = run_debatekit(corpus, n_topics=10)
    same = again.turns["topic"].equals(result.turns["topic"])
    print(f"debatekit  second run identical: {same}; peak RSS so far {peak_rss_gb():.2f} GB")
    print(result.topics[["topic", "size", "label"]].to_string(index=False))

    if args.no_bertopic:
        return
    own = ~result.turns["topic_inherited"].to_numpy() & (result.turns["topic"] >= 0).to_numpy()
    texts = result.turns.loc[own, "text"].tolist()
    vectors = result.analyzer.embedder_.transform(texts)
    found, seconds_bt, reduced, seconds_reduce = run_bertopic(texts, vectors)
    content = result.turns.loc[own]
    mask = (content["role"] != "chair").to_numpy()
    truth = content.loc[mask, "truth"].reset_index(drop=True)
    bt = pd.Series(found[mask])
    ari_bt, given_bt = agreement(truth, bt)
    ari_bt_all = adjusted_rand_score(truth, bt)
    ours = pd.Series(content.loc[mask, "topic"].to_numpy())
    ari_ours_same = adjusted_rand_score(truth, ours)
    print(
        f"BERTopic   (UMAP+HDBSCAN) {seconds_bt:6.1f} s  ARI {ari_bt:.3f} on the "
        f"{given_bt:.1%} not called outliers, {ari_bt_all:.3f} counting outliers as a topic; "
        f"{len(set(found) - {-1})} topics"
    )
    ari_reduced, given_reduced = agreement(truth, pd.Series(reduced[mask]))
    print(
        f"BERTopic   reduced to 10  {seconds_reduce:6.1f} s more  ARI {ari_reduced:.3f} on the "
        f"{given_reduced:.1%} not called outliers"
    )
    print(
        f"same turns: debatekit ARI {ari_ours_same:.3f} vs BERTopic {ari_bt_all:.3f}; "
        f"time ratio BERTopic/debatekit {seconds_bt / seconds:.1f}x"
    )


if __name__ == "__main__":
    main()
