"""Turns per second: debatekit's entities against a plain ``nlp.pipe`` with the same model.

Run from the checkout: ``PYTHONPATH=src python benchmarks/bench_entities.py [--model NAME]``.

Without ``--model`` it uses ``nl_core_news_lg`` (or md/sm) when installed;
otherwise it builds an untrained Dutch pipeline with the architecture of
spaCy's efficiency configuration (tok2vec, tagger, parser, ner), which runs
at the speed a trained one of that size would. All timings come from the same
run and the same texts: the sample transcript's turns, repeated.

Baselines:
- ``plain``: ``nlp.pipe(texts)`` with every component of the model, as a user
  would call it;
- ``plain NER only``: ``nlp.pipe(texts, disable=...)`` with only the NER and
  what it listens to, i.e. the model work debatekit also does. debatekit's
  overhead is measured against this one and must stay under 15%.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
import warnings

os.environ.setdefault("HF_HUB_OFFLINE", "1")

import pandas as pd

import debatekit as dk
from debatekit.analyzers.entities import _entities


def _untrained_pipeline():
    import spacy
    from spacy.cli.init_config import init_config
    from spacy.training import Example

    spacy.util.fix_random_seed(0)
    config = init_config(lang="nl", pipeline=["tok2vec", "tagger", "parser", "ner"])
    nlp = spacy.util.load_model_from_config(config, auto_fill=True, validate=True)
    doc = nlp.make_doc("Minister Jo Brouns sprak over VDAB in Vlaanderen .")
    annotation = {
        "tags": ["N", "N", "N", "V", "P", "N", "P", "N", "X"],
        "heads": [3, 2, 3, 3, 3, 4, 3, 6, 3],
        "deps": ["nsubj", "flat", "flat", "ROOT", "case", "obl", "case", "obl", "punct"],
        "entities": [(9, 18, "PERSON"), (30, 34, "ORG"), (38, 48, "GPE")],
    }
    nlp.initialize(lambda: [Example.from_dict(doc, annotation)])
    return nlp, "untrained tok2vec+tagger+parser+ner (spaCy efficiency config)"


def _load(model: str | None):
    import spacy

    if model:
        return spacy.load(model), model
    for name in _entities._AUTO_MODELS:
        if _entities._installed(name):
            return spacy.load(name), name
    return _untrained_pipeline()


def _turns(copies: int) -> pd.DataFrame:
    turns = dk.read_transcript(dk.sample_path())
    frames = [turns.assign(turn_id=turns["turn_id"] + f"-{i}") for i in range(copies)]
    return pd.concat(frames, ignore_index=True)


def _cpu_seconds(run) -> float:
    # CPU time of this process: other jobs on a shared machine barely move it.
    start = time.process_time()
    run()
    return time.process_time() - start


def _interleaved(repeats: int, runs: dict) -> dict[str, list[float]]:
    """CPU seconds of ``repeats`` rounds, each round running every contender once."""
    seconds: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(repeats):
        for name, run in runs.items():
            seconds[name].append(_cpu_seconds(run))
    return seconds


def _interleaved_best(repeats: int, runs: dict) -> dict[str, float]:
    """The best of ``repeats`` interleaved rounds; the medians are printed too."""
    seconds = _interleaved(repeats, runs)
    for name, values in seconds.items():
        print(f"  {name}: median {statistics.median(values):.3f} s CPU over {repeats} rounds")
    return {name: min(values) for name, values in seconds.items()}


def rules_only(copies: int, repeats: int) -> None:
    """Without a model: debatekit's gazetteer and rules against spaCy's bare EntityRuler."""
    import spacy

    turns = _turns(copies)
    texts = turns["text"].tolist()
    recognizer = dk.EntityRecognizer(model=None, include_procedural=True, progress=False)
    recognizer.fit(turns)
    ruler_nlp = spacy.blank("nl")
    ruler_nlp.tokenizer = recognizer.nlp_.tokenizer  # the same tokens
    ruler = ruler_nlp.add_pipe("entity_ruler", config={"validate": False})
    ruler.add_patterns(recognizer.nlp_.get_pipe(_entities._RULER).patterns)

    def bare_ruler() -> None:
        for _ in ruler_nlp.pipe(texts, batch_size=64):
            pass

    def debatekit() -> None:
        recognizer.transform(turns)

    bare_ruler()  # warm up
    debatekit()
    timings = _interleaved_best(
        repeats, {"spaCy EntityRuler, same patterns": bare_ruler, "debatekit entities": debatekit}
    )
    n_patterns = len(ruler.patterns)
    print(f"no model: {len(texts)} turns, {n_patterns} patterns; CPU seconds, min of {repeats}")
    base = timings["spaCy EntityRuler, same patterns"]
    for name, seconds in timings.items():
        print(f"{name:34s} {seconds:7.3f} s  ratio {seconds / base:4.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=None)
    parser.add_argument("--copies", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--no-model", action="store_true", help="rules against EntityRuler")
    args = parser.parse_args()
    if args.no_model:
        rules_only(args.copies, args.repeats)
        return

    nlp, described = _load(args.model)
    turns = _turns(args.copies)
    texts = turns["text"].tolist()
    n_words = int(turns["n_words"].sum())
    needed = _entities._needed_components(nlp)
    others = [name for name in nlp.pipe_names if name not in needed]

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        start = time.perf_counter()
        recognizer = dk.EntityRecognizer(
            model=nlp, include_procedural=True, batch_size=args.batch_size, progress=False
        ).fit(turns)
        fit_seconds = time.perf_counter() - start

    def plain() -> None:
        for _ in nlp.pipe(texts, batch_size=args.batch_size):
            pass

    def plain_ner() -> None:
        for _ in nlp.pipe(texts, batch_size=args.batch_size, disable=others):
            pass

    def debatekit() -> None:
        recognizer.transform(turns)

    plain_ner()  # warm up
    debatekit()
    timings = _interleaved_best(
        args.repeats,
        {
            "plain nlp.pipe, all components": plain,
            "plain nlp.pipe, NER only": plain_ner,
            "debatekit entities (transform)": debatekit,
        },
    )
    mentions = len(recognizer.transform(turns))
    print(f"model: {described}")
    print(f"components: {nlp.pipe_names}; debatekit runs {recognizer.nlp_.pipe_names}")
    print(f"texts: {len(texts)} turns, {n_words} words; {mentions} mentions found")
    print(f"fit (load gazetteer, acronyms, speakers, build pipeline): {fit_seconds:.2f} s")
    base = timings["plain nlp.pipe, NER only"]
    for name, seconds in timings.items():
        rate = len(texts) / seconds
        ratio = seconds / base
        print(f"{name:32s} {seconds:7.3f} s CPU {rate:7.1f} turns/s  ratio {ratio:4.2f}")
    overhead = timings["debatekit entities (transform)"] / base - 1
    speedup = timings["plain nlp.pipe, all components"] / timings["debatekit entities (transform)"]
    print(f"debatekit overhead on top of the model's NER: {overhead:+.1%} (limit +15%)")
    print(f"debatekit against a plain nlp.pipe with every component: {speedup:.2f}x as fast")


if __name__ == "__main__":
    main()
