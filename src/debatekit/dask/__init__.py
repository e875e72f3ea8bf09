"""debatekit on Dask: turns as a ``dask.dataframe``, row-wise analyzers on its partitions.

Past one machine, Dask's own scheduler (a ``distributed.Client`` on a cluster,
or the local one) runs the work; debatekit brings no scheduler of its own.

- :func:`read_corpus` reads the reports into a ``dask.dataframe`` of turns,
  a few files per partition, lazily;
- :func:`numbers`, :func:`entities` and :func:`embed` run on every partition
  with ``map_partitions`` (the entity recognizer first learns the corpus's
  speakers and defined acronyms from small facts each partition sends back);
- :func:`topics` and :func:`speaker_similarity` are corpus-wide: they gather
  the columns they need to the client and run there.

The tables, once computed, equal the in-memory ones (``docs/scaling.md``).
Install with ``pip install "debatekit[dask]"``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .._errors import Errors, MissingDependencyError, ParameterError, message

if TYPE_CHECKING:
    import dask.dataframe as dd

__all__ = [
    "read_corpus",
    "numbers",
    "entities",
    "embed",
    "topics",
    "speaker_similarity",
    "FILES_PER_PARTITION",
]

#: Reports per partition of :func:`read_corpus` (the same chunks as ``dk.read_corpus``).
FILES_PER_PARTITION = 8


def _dask_dataframe() -> Any:
    try:
        import dask.dataframe as dd
    except ImportError as error:
        raise MissingDependencyError("[E704] " + Errors.E704) from error
    return dd


def _read_partition(files: Sequence[str], errors: str) -> pd.DataFrame:
    """The turns of some files (on a Dask worker)."""
    from .._schema import build_turns
    from ..parse._read import _read_chunk

    frame, _, failures = _read_chunk((tuple(files), False))
    if failures and errors == "raise":
        from ..parse._read import _read_one

        _read_one(failures[0].source)  # raises the file's own error
    return frame if len(frame) else build_turns([])


def read_corpus(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    errors: str = "raise",
    files_per_partition: int = FILES_PER_PARTITION,
) -> dd.DataFrame:
    """The turns of many reports as a lazy ``dask.dataframe``, a few files per partition.

    Parameters
    ----------
    paths
        As :func:`debatekit.read_corpus`: files, folders, globs or a list.
    errors
        ``"raise"`` (the first file that cannot be read stops the computation)
        or ``"ignore"`` (skip it; a worker cannot warn the client).
    files_per_partition
        Reports in each partition.

    Returns
    -------
    dask.dataframe.DataFrame
        With the columns and types of :data:`debatekit.TURN_COLUMNS`;
        ``.compute()`` gives the table ``dk.read_corpus`` gives (its index
        restarts in each partition: ``reset_index(drop=True)``).

    Raises
    ------
    MissingDependencyError
        Dask is not installed.
    ParameterError
        ``errors`` or ``files_per_partition`` is not a value it can take.
    """
    from .._schema import build_turns
    from .._validation import check_param
    from ..parse._read import _expand

    dd = _dask_dataframe()
    owner = "dk.dask.read_corpus"
    check_param(errors in ("raise", "ignore"), "errors", owner, "'raise' or 'ignore'", errors)
    ok = isinstance(files_per_partition, int) and files_per_partition >= 1
    check_param(ok, "files_per_partition", owner, "an int >= 1", files_per_partition)
    files = _expand(paths)
    if not files:
        from .._errors import TranscriptError

        raise TranscriptError(Errors.E012.format(spec=str(paths)), path=str(paths), code="E012")
    groups = [files[i : i + files_per_partition] for i in range(0, len(files), files_per_partition)]
    return dd.from_map(_read_partition, groups, errors=errors, meta=build_turns([]))


def _numbers_partition(part: pd.DataFrame, params: dict[str, Any]) -> pd.DataFrame:
    from ..analyzers.numbers._numbers import Numbers

    return Numbers(**params, progress=False).fit_transform(part)


def numbers(turns: dd.DataFrame, **params: Any) -> dd.DataFrame:
    """:func:`debatekit.numbers` on every partition of ``turns``.

    Parameters
    ----------
    turns
        A ``dask.dataframe`` of turns (:func:`read_corpus`).
    **params
        Parameters of :class:`debatekit.Numbers` (``kinds=``).

    Returns
    -------
    dask.dataframe.DataFrame
        The figures; computed, the rows of ``dk.numbers`` on the whole table.
    """
    from ..analyzers.numbers._numbers import Numbers

    empty = turns._meta
    meta = Numbers(**params, progress=False).fit_transform(empty)
    return turns.map_partitions(_numbers_partition, params, meta=meta)


def _fit_facts(part: pd.DataFrame) -> pd.DataFrame:
    """The turns of a partition the recognizer learns from, in order (see :func:`entities`).

    An acronym is defined in brackets ("... (VDAB)"), and the speakers are
    learned from each one's first turn in a meeting; no other turn teaches
    the recognizer anything.
    """
    from ..analyzers.entities._entities import EntityRecognizer

    defines = part["text"].fillna("").str.contains("(", regex=False)
    first = ~part.duplicated(subset=["meeting", "speaker"])
    return part.loc[defines | first, list(EntityRecognizer.fit_columns)]


def _entities_partition(part: pd.DataFrame, recognizer: Any) -> pd.DataFrame:
    return recognizer.transform(part)


def entities(turns: dd.DataFrame, model: object = None, **params: Any) -> dd.DataFrame:
    """:func:`debatekit.entities` on every partition of ``turns``.

    The recognizer is first fitted on the client, from the turns that can
    teach it something (each speaker's first turn in a meeting, and turns
    with a bracket that may define an acronym), gathered from the partitions
    in order: it learns what fitting on the whole table learns. The fitted
    recognizer then goes to the workers.

    Parameters
    ----------
    turns
        A ``dask.dataframe`` of turns.
    model
        As in :class:`debatekit.EntityRecognizer`; ``None`` (a blank Dutch
        pipeline with the gazetteer and rules) by default here.
    **params
        Other parameters of :class:`debatekit.EntityRecognizer`.

    Returns
    -------
    dask.dataframe.DataFrame
        The mentions; computed, the rows of ``dk.entities`` on the whole table.
    """
    import dask

    from ..analyzers.entities._entities import EntityRecognizer

    facts = dask.compute(*turns.map_partitions(_fit_facts).to_delayed())
    recognizer = EntityRecognizer(model, **{**params, "progress": False, "n_jobs": 1})
    recognizer.fit_chunks(facts)
    meta = recognizer.transform(turns._meta)
    # One key in the graph: each worker receives the fitted pipeline once, not per partition.
    shared = dask.delayed(recognizer, pure=True, traverse=False)
    return turns.map_partitions(_entities_partition, shared, meta=meta)


def _embed_partition(part: pd.DataFrame, embedder: Any) -> pd.DataFrame:
    texts = part["text"].fillna("").astype(str).tolist()
    vectors = embedder.embed(texts) if texts else np.zeros((0, 0), dtype=np.float32)
    return pd.DataFrame({"turn_id": part["turn_id"].to_numpy(), "vector": list(vectors)})


def embed(turns: dd.DataFrame, embedder: Any) -> dd.DataFrame:
    """Each turn's vector from a row-wise embedder, on every partition.

    Parameters
    ----------
    turns
        A ``dask.dataframe`` of turns.
    embedder
        An embedder whose vector of a text does not depend on the other texts:
        a sentence-transformers model (``dk.SentenceTransformerEmbedder``) or
        your own. TF-IDF/LSA is fitted on the whole corpus, so it is refused:
        gather the texts and use :func:`topics`.

    Returns
    -------
    dask.dataframe.DataFrame
        ``turn_id`` and ``vector`` (a float array per turn).

    Raises
    ------
    ParameterError
        ``embedder`` is the corpus-wide TF-IDF/LSA embedder.
    """
    from ..embed._embedders import TfidfEmbedder, get_embedder

    if (isinstance(embedder, str) and embedder == "tfidf") or isinstance(embedder, TfidfEmbedder):
        raise ParameterError(message("E706"))
    model = get_embedder(embedder)
    meta = pd.DataFrame(
        {"turn_id": pd.Series([], dtype="string"), "vector": pd.Series([], dtype=object)}
    )
    return turns.map_partitions(_embed_partition, model, meta=meta)


def _gathered(turns: dd.DataFrame | pd.DataFrame) -> pd.DataFrame:
    if isinstance(turns, pd.DataFrame):
        return turns
    return turns.compute().reset_index(drop=True)


def topics(turns: dd.DataFrame, **params: Any) -> Any:
    """:func:`debatekit.topics` on the gathered turns: clustering is corpus-wide.

    Returns
    -------
    TopicResult
        The in-memory result, the same as ``dk.topics`` on the computed turns.
    """
    from ..analyzers.topics._topics import topics as topics_in_memory

    return topics_in_memory(_gathered(turns), **params)


def speaker_similarity(turns: dd.DataFrame, **params: Any) -> pd.DataFrame:
    """:func:`debatekit.speaker_similarity` on the gathered turns: it compares every pair.

    Returns
    -------
    pandas.DataFrame
        The speaker-by-speaker matrix.
    """
    from ..analyzers.stance._stance import speaker_similarity as similarity_in_memory

    return similarity_in_memory(_gathered(turns), **params)
