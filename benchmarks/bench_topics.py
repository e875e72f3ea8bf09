"""Topics: themes of real committee reports, and a corpus of 100,000+ turns, against BERTopic.

``--themes [DIR]`` (default ``../shared/data/kamer/commission``): the reports in DIR
(Chamber ``.html``, Flemish ``.txt``/``.pdf``), each report's committee as the theme of
its agenda items. Item-level NMI and ARI of debatekit, TF-IDF + k-means and BERTopic
(UMAP + HDBSCAN on the same vectors: debatekit's TF-IDF/LSA vectors of the items), all
asked for as many themes as there are committees, in one run; debatekit also with
``n_topics=None``. The committee is read from each report's title ("Commissie voor ...");
``--turns FILE`` takes a turns table (Parquet or CSV) with a ``theme`` column instead.

Without ``--themes``, the synthetic corpus below:

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
      python benchmarks/bench_topics.py --themes [DIR] [--aside 15]
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import time

import numpy as np
import pandas as pd
from sklearn.cluster import KMeans
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

import debatekit as dk
from debatekit.lang._stop_words import debate_stop_words

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


class Timer:
    """Wall and CPU seconds of a block: the machine is shared, so wall time depends on load."""

    def __enter__(self) -> Timer:
        self.wall, self.cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall = time.perf_counter() - self.wall
        self.cpu = time.process_time() - self.cpu

    def __str__(self) -> str:
        return f"{self.wall:6.1f} s ({self.cpu:5.1f} s CPU)"


def run_debatekit(
    corpus: pd.DataFrame, n_topics: int | None, **params: object
) -> tuple[dk.TopicResult, Timer, float]:
    """Topics of the corpus, how long they took, and their ARI over non-chair turns."""
    with Timer() as timer:
        result = dk.topics(corpus, n_topics=n_topics, **params)
    speakers = result.turns[result.turns["role"] != "chair"]
    ari, _ = agreement(speakers["truth"], speakers["topic"])
    return result, timer, ari


def run_bertopic(texts: list[str], vectors: np.ndarray) -> tuple[np.ndarray, Timer, np.ndarray]:
    """BERTopic's defaults, then its own reduction to 10 topics (not timed)."""
    from bertopic import BERTopic

    with Timer() as timer:
        model = BERTopic(embedding_model=None, language=None, calculate_probabilities=False)
        topics, _ = model.fit_transform(texts, embeddings=vectors)
    model.reduce_topics(texts, nr_topics=10)
    return np.asarray(topics), timer, np.asarray(model.topics_)


# -- themes of real committee reports -------------------------------------------------

DEFAULT_THEMES = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "data", "kamer")
DEFAULT_THEMES = os.path.normpath(os.path.join(DEFAULT_THEMES, "commission"))
COMMITTEE = re.compile(
    r"^[ \t]*((?:Commissie|Commission|Verenigde commissie|Interparlementaire)"
    r"[ \t]+(?:voor|van|de|du|des|pour)[ \t][^\n]{3,160}|Interparlementaire [^\n]{3,80})",
    re.MULTILINE,
)


def report_theme(path: str) -> str:
    """A report's theme: its committee as its title page names it, else its folder's name.

    The committee is the first line that starts "Commissie voor ..." (or "Commission
    de ...") in the report's first pages; a report without one (an excerpt, a plenary)
    takes the name of the folder it is in, so that reports can be sorted by hand.
    """
    if path.lower().endswith(".pdf"):
        head = dk.read_text(path)[:20_000]
    else:
        with open(path, encoding="utf-8", errors="replace") as handle:
            head = handle.read(200_000)
    if path.lower().endswith((".html", ".htm")):  # one line per paragraph
        head = re.sub(r"\s+", " ", head)
        head = re.sub(r"</(?:p|h\d|div|td)>|<br[^>]*>", "\n", head, flags=re.IGNORECASE)
        head = re.sub(r"<[^>]+>", "", head)
    text = re.sub(r"[ \t\r\xa0]+", " ", head)
    found = COMMITTEE.search(text)
    return found.group(1).strip() if found else os.path.basename(os.path.dirname(path))


def read_reports(directory: str) -> pd.DataFrame:
    """The turns of every report in ``directory`` and its folders, with its theme."""
    paths = sorted(
        os.path.join(root, name)
        for root, _, names in os.walk(directory)
        for name in names
        if name.lower().endswith((".html", ".htm", ".txt", ".pdf"))
    )
    frames = []
    for path in paths:
        turns = dk.read_transcript(path)
        frames.append(
            turns.assign(theme=report_theme(path), report=os.path.relpath(path, directory))
        )
    return pd.concat(frames, ignore_index=True)


def read_table(path: str) -> pd.DataFrame:
    table = pd.read_parquet(path) if path.endswith(".parquet") else pd.read_csv(path)
    if "report" not in table.columns:
        table["report"] = table["meeting"].astype(str)
    return table


def item_keys(turns: pd.DataFrame) -> pd.Series:
    """One key per agenda item of one report."""
    item = turns["item"] if "item" in turns.columns else turns["item_title"]
    return turns["report"].astype(str) + "#" + item.astype(str)


def item_documents(turns: pd.DataFrame) -> pd.DataFrame:
    """Each item's theme and the text of its turns (the chair's left out), in reading order."""
    spoken = turns[turns["role"].astype("object").ne("chair").to_numpy()]
    spoken = spoken.assign(_item=item_keys(spoken))
    return spoken.groupby("_item", sort=False).agg(
        theme=("theme", "first"), text=("text", lambda t: "\n".join(t.astype(str)))
    )


def item_topics(result: dk.TopicResult) -> pd.Series:
    """Each item's topic: the one most of its turns (the chair's left out) have."""
    turns = result.turns[result.turns["role"].astype("object").ne("chair").to_numpy()]
    turns = turns[turns["topic"] >= 0]
    keys = item_keys(turns)
    return turns.groupby(keys.to_numpy(), sort=False)["topic"].agg(
        lambda t: t.value_counts().sort_index().idxmax()
    )


def scores(truth: pd.Series, found: pd.Series) -> str:
    truth, found = truth.align(found, join="inner")
    nmi = normalized_mutual_info_score(truth, found)
    ari = adjusted_rand_score(truth, found)
    return f"NMI {nmi:.3f}  ARI {ari:.3f}  ({len(truth)} items)"


def run_themes(turns: pd.DataFrame, name: str, *, bertopic: bool = True, seed: int = 0) -> None:
    """debatekit, TF-IDF + k-means and BERTopic on the items of ``turns``, printed."""
    items = item_documents(turns)
    k = items["theme"].nunique()
    print(
        f"\n{name}: {turns['report'].nunique()} reports, {len(items)} items, "
        f"{len(turns):,} turns, {k} themes (committees)"
    )
    with Timer() as timer:
        result = dk.topics(turns, n_topics=k, random_state=seed, progress=False)
    print(
        f"  debatekit, n_topics={k:<3}       {scores(items['theme'], item_topics(result))}  {timer}"
    )
    with Timer() as timer:
        chosen = dk.topics(turns, n_topics=None, random_state=seed, progress=False)
    print(
        f"  debatekit, n_topics=None      {scores(items['theme'], item_topics(chosen))}  {timer}"
        f"  chose {chosen.n_topics}"
    )
    stop = sorted(debate_stop_words())
    tfidf = TfidfVectorizer(stop_words=stop, sublinear_tf=True, min_df=2, max_df=0.5)
    plain = tfidf.fit_transform(items["text"])
    labels = KMeans(k, n_init=10, random_state=seed).fit_predict(plain)
    print(
        f"  TF-IDF + k-means              {scores(items['theme'], pd.Series(labels, items.index))}"
    )
    if not bertopic:
        return
    from bertopic import BERTopic
    from umap import UMAP

    vectors = result.analyzer.embedder_.transform(items["text"].tolist())
    texts = items["text"].tolist()
    for label, nr_topics in (("defaults", None), (f"nr_topics={k}", k)):
        model = BERTopic(
            embedding_model=None,
            umap_model=UMAP(n_neighbors=15, n_components=5, min_dist=0.0, random_state=seed),
            nr_topics=nr_topics,
        )
        found, _ = model.fit_transform(texts, embeddings=np.asarray(vectors))
        found = pd.Series(found, items.index)
        outliers = (found == -1).mean()
        print(
            f"  BERTopic {label:<20} {scores(items['theme'], found)}  "
            f"{len(set(found) - {-1})} topics, {outliers:.0%} outliers (scored as one group)"
        )


def main_themes(args: argparse.Namespace) -> None:
    turns = read_table(args.turns) if args.turns else read_reports(args.themes)
    run_themes(turns, "all reports", bertopic=not args.no_bertopic)
    if args.aside:
        reports = sorted(turns["report"].unique())
        rng = np.random.default_rng(0)
        aside = set(rng.choice(reports, size=min(args.aside, len(reports) // 2), replace=False))
        chosen = turns["report"].isin(aside)
        run_themes(turns[~chosen], "reports used for tuning", bertopic=not args.no_bertopic)
        run_themes(turns[chosen], "reports kept aside", bertopic=not args.no_bertopic)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meetings", type=int, default=1000)
    parser.add_argument("--no-bertopic", action="store_true")
    parser.add_argument("--themes", nargs="?", const=DEFAULT_THEMES, default=None, metavar="DIR")
    parser.add_argument("--turns", default=None, help="a turns table with a 'theme' column")
    parser.add_argument("--aside", type=int, default=15, help="reports kept aside (0: none)")
    args = parser.parse_args()
    if args.themes or args.turns:
        main_themes(args)
        return

    sample = dk.read_transcript(dk.sample_path())
    corpus = build_corpus(sample, args.meetings)
    print(
        f"corpus: {len(corpus):,} turns, {corpus['meeting'].nunique():,} meetings, "
        f"{corpus['n_words'].sum():,} words; peak RSS with the corpus {peak_rss_gb():.2f} GB"
    )
    chosen, timer, ari = run_debatekit(corpus, n_topics=None)
    given = (chosen.turns.loc[chosen.turns["role"] != "chair", "topic"] >= 0).mean()
    print(
        f"debatekit  n_topics=None  {timer}  ARI {ari:.3f}  chose {chosen.n_topics} topics, "
        f"{given:.1%} of non-chair turns given one; peak RSS {peak_rss_gb():.2f} GB"
    )
    result, timer, ari = run_debatekit(corpus, n_topics=10)
    print(f"debatekit  n_topics=10    {timer}  ARI {ari:.3f}")
    _, timer_text, ari_text = run_debatekit(corpus, n_topics=10, use_headings=False)
    print(f"debatekit  no headings    {timer_text}  ARI {ari_text:.3f} (text and turn order)")
    again, _, _ = run_debatekit(corpus, n_topics=10)
    same = again.turns["topic"].equals(result.turns["topic"])
    print(f"debatekit  second run identical: {same}; peak RSS {peak_rss_gb():.2f} GB")
    print(result.topics[["topic", "size", "label"]].to_string(index=False))

    if args.no_bertopic:
        return
    # The same turns (those with text of their own) and the same TF-IDF/LSA vectors.
    own = ~result.turns["topic_inherited"].to_numpy() & (result.turns["topic"] >= 0).to_numpy()
    texts = result.turns.loc[own, "text"].tolist()
    vectors = result.analyzer.embedder_.transform(texts)
    found, timer_bt, reduced = run_bertopic(texts, vectors)
    content = result.turns.loc[own].reset_index(drop=True)
    mask = (content["role"] != "chair").to_numpy()
    truth = content.loc[mask, "truth"].reset_index(drop=True)
    ari_bt, given_bt = agreement(truth, pd.Series(found[mask]))
    ari_bt_all = adjusted_rand_score(truth, found[mask])
    ari_reduced, _ = agreement(truth, pd.Series(reduced[mask]))
    ari_ours = adjusted_rand_score(truth, content.loc[mask, "topic"])
    print(
        f"BERTopic   UMAP+HDBSCAN   {timer_bt}  ARI {ari_bt_all:.3f} ({ari_bt:.3f} without its "
        f"{1 - given_bt:.1%} outliers), {len(set(found) - {-1})} topics; "
        f"reduced to 10 topics: ARI {ari_reduced:.3f}"
    )
    print(
        f"same {len(truth):,} turns: debatekit ARI {ari_ours:.3f} vs BERTopic {ari_bt_all:.3f}; "
        f"BERTopic took {timer_bt.wall / timer.wall:.1f}x the wall time of debatekit "
        f"(n_topics=10), {timer_bt.cpu / timer.cpu:.1f}x the CPU time"
    )
    print(f"peak RSS of the whole run {peak_rss_gb():.2f} GB")


if __name__ == "__main__":
    main()
    print(f"load average (1 min) at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
