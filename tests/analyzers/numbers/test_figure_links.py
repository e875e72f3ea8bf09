import random

import pandas as pd

from debatekit.analyzers.numbers import _figure_match
from debatekit.analyzers.numbers._figure_match import _agree, _links, _near


def _pairwise_links(figures, contexts, tolerance, min_shared):
    """The links by comparing every pair of figures, as compare_figures first did."""
    links = {}
    keys = figures["kind"].astype(str) + "|" + figures["unit"].fillna("").astype(str)
    values, turn_ids = figures["value"].to_numpy(), figures["turn_id"].to_numpy()
    for _, positions in figures.groupby(keys, sort=False).indices.items():
        ordered = sorted(positions, key=lambda p: values[p])
        for i, first in enumerate(ordered):
            for second in ordered[i + 1 :]:
                if not _near(values[first], values[second], tolerance):
                    break
                if not _agree(values[first], values[second], tolerance):
                    continue
                if turn_ids[first] == turn_ids[second]:
                    continue
                shared = contexts[first] & contexts[second]
                if len(shared) >= min_shared:
                    links[(min(first, second), max(first, second))] = shared
    return links


def _figures(n, seed):
    rng = random.Random(seed)
    words = [f"woord{i}" for i in range(40)]
    rows, contexts = [], []
    for _ in range(n):
        value = rng.choice([10.0, 10.0, 10.0, 10.4, 12.0, 62.7, 62.0, 7500.0])
        kind, unit = rng.choice([("percent", "%"), ("percent", "%"), ("money", "EUR")])
        rows.append(
            {"turn_id": f"t{rng.randrange(n // 3)}", "value": value, "kind": kind, "unit": unit}
        )
        contexts.append(frozenset(rng.sample(words, rng.randrange(2, 12))))
    return pd.DataFrame(rows), contexts


def test_links_by_sparse_product_are_those_of_every_pair(monkeypatch):
    monkeypatch.setattr(_figure_match, "_FEW_PAIRS", 10)  # take the sparse path
    figures, contexts = _figures(600, seed=1)
    for tolerance, min_shared in ((0.0, 3), (0.05, 2), (0.0, 0)):
        expected = _pairwise_links(figures, contexts, tolerance, min_shared)
        assert _links(figures, contexts, tolerance, min_shared) == expected
        assert len(expected) > 100  # the test compares something
