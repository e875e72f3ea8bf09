"""Corpora larger than memory: turns and analyzer tables as Parquet datasets, chunk by chunk.

``dk.read_corpus(paths, to="turns.parquet")`` writes each chunk of files as it
is read, partitioned by ``parliament`` and ``year`` (hive folders such as
``parliament=flemish/year=2024/``), so memory holds one chunk at a time. Every
part file is numbered by its chunk and carries the corpus row of each turn
(``_row``), so that :func:`iter_turns` gives the chunks back in the order they
were read, and :func:`read_turns` the same table as reading in memory.

:func:`analyze_dataset` runs a row-wise analyzer (``numbers``, ``entities``)
over such a dataset chunk by chunk and writes its table the same way; the
rows are those of the in-memory table, in the same order.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pandas as pd

from ._errors import Errors, ParameterError, TranscriptNotFoundError
from ._validation import check_param

__all__ = [
    "TurnsWriter",
    "TableWriter",
    "check_target",
    "iter_turns",
    "read_turns",
    "analyze_dataset",
    "read_dataset",
    "PARTITIONS",
]

#: The columns a turns dataset is partitioned by.
PARTITIONS = ("parliament", "year")
#: What ``parliament`` is where the turns do not say (Flemish reports have no such column).
DEFAULT_PARLIAMENT = "flemish"
_ROW = "_row"
# Schema metadata: the columns of the table written, in order, before partitioning.
_COLUMNS_KEY = b"debatekit_columns"
_PART = re.compile(r"part-(\d+)")


def check_target(to: object, owner: str) -> Path:
    """``to`` as a path, checked: a string or path-like naming a folder.

    Raises
    ------
    ParameterError
        ``to`` is not a path, or names an existing file.
    """
    ok = isinstance(to, (str, os.PathLike)) and bool(os.fspath(to)) and not Path(to).is_file()
    rule = "the path of a Parquet dataset (a folder, e.g. 'turns.parquet'), not a file"
    check_param(ok, "to", owner, rule, to)
    return Path(to)


def _clear(folder: Path) -> None:
    """Remove the part files a previous run wrote, so that the dataset is this run's only."""
    for file in folder.rglob("part-*.parquet"):
        file.unlink()


class TableWriter:
    """Write a table chunk by chunk into ``folder`` as numbered Parquet part files.

    Parameters
    ----------
    folder
        The dataset's folder; part files from an earlier run are replaced.
    partitions
        Columns to partition by (hive folders), or none.
    """

    def __init__(self, folder: Path, partitions: tuple[str, ...] = ()) -> None:
        self.folder = folder
        self.partitions = partitions
        self.n_chunks = 0
        self.n_rows = 0
        folder.mkdir(parents=True, exist_ok=True)
        _clear(folder)

    def _prepare(self, frame: pd.DataFrame) -> pd.DataFrame:
        out = frame.reset_index(drop=True)
        out[_ROW] = pd.RangeIndex(self.n_rows, self.n_rows + len(frame), dtype="int64")
        return out

    def write(self, frame: pd.DataFrame) -> None:
        """Write one chunk (an empty one is counted, not written)."""
        import pyarrow as pa
        import pyarrow.dataset as ds

        if len(frame):
            table = pa.Table.from_pandas(self._prepare(frame), preserve_index=False)
            columns = json.dumps([str(c) for c in frame.columns]).encode()
            table = table.replace_schema_metadata({**table.schema.metadata, _COLUMNS_KEY: columns})
            ds.write_dataset(
                table,
                self.folder,
                format="parquet",
                partitioning=list(self.partitions) or None,
                partitioning_flavor="hive" if self.partitions else None,
                basename_template=f"part-{self.n_chunks:06d}-{{i}}.parquet",
                existing_data_behavior="overwrite_or_ignore",
            )
        self.n_chunks += 1
        self.n_rows += len(frame)

    def close(self) -> Path:
        """Finish the dataset and return its folder."""
        return self.folder


class TurnsWriter(TableWriter):
    """A :class:`TableWriter` for turns, partitioned by parliament and year."""

    def __init__(self, folder: Path) -> None:
        super().__init__(folder, PARTITIONS)

    def _prepare(self, frame: pd.DataFrame) -> pd.DataFrame:
        out = super()._prepare(frame)
        if "parliament" not in out.columns:
            out["parliament"] = DEFAULT_PARLIAMENT
        out["year"] = out["date"].dt.year.astype("Int64")
        return out


def _parts(folder: Path) -> dict[int, list[Path]]:
    """The dataset's part files by chunk number."""
    if not folder.is_dir():
        raise TranscriptNotFoundError(
            Errors.E703.format(path=os.fspath(folder)), path=folder, code="E703"
        )
    parts: dict[int, list[Path]] = {}
    for file in sorted(folder.rglob("*.parquet")):
        found = _PART.match(file.name)
        parts.setdefault(int(found[1]) if found else -1, []).append(file)
    if not parts:
        raise TranscriptNotFoundError(
            Errors.E703.format(path=os.fspath(folder)), path=folder, code="E703"
        )
    return dict(sorted(parts.items()))


def _original_columns(file: Path) -> list[str]:
    """The columns of the table that was written, in order (partition columns included)."""
    import pyarrow.parquet as pq

    metadata = pq.read_schema(file).metadata or {}
    return json.loads(metadata.get(_COLUMNS_KEY, b"[]"))


def _read_file(file: Path, columns: list[str] | None) -> pd.DataFrame:
    import pyarrow.parquet as pq

    original = _original_columns(file)
    wanted = original if columns is None else [c for c in columns if c in original]
    stored = pq.read_schema(file).names
    frame = pq.read_table(file, columns=[c for c in [*wanted, _ROW] if c in stored]).to_pandas()
    for column in wanted:
        if column not in frame.columns:  # a partition column: its value is the folder's name
            value = _hive_value(file, column)
            frame[column] = pd.array([value] * len(frame), dtype="string")
    return frame[[*wanted, _ROW]]


def _read_part(files: list[Path], columns: list[str] | None) -> pd.DataFrame:
    frames = [_read_file(file, columns) for file in files]
    chunk = frames[0] if len(frames) == 1 else pd.concat(frames, ignore_index=True)
    return chunk.sort_values(_ROW, kind="stable").drop(columns=_ROW).reset_index(drop=True)


def _hive_value(file: Path, key: str) -> str | None:
    for part in file.parent.parts:
        name, sep, value = part.partition("=")
        if sep and name == key:
            return value
    return None


def iter_turns(
    path: str | os.PathLike[str], columns: Iterable[str] | None = None
) -> Iterator[pd.DataFrame]:
    """The turns of a dataset written by ``read_corpus(..., to=path)``, one chunk at a time.

    Parameters
    ----------
    path
        The dataset's folder.
    columns
        Read only these columns (e.g. ``["turn_id", "speaker", "text"]``).

    Yields
    ------
    pandas.DataFrame
        The turns of one chunk of files, in the order they were read.

    Raises
    ------
    TranscriptNotFoundError
        ``path`` holds no Parquet dataset.
    """
    wanted = None if columns is None else list(columns)
    for files in _parts(Path(path)).values():
        yield _read_part(files, wanted)


def read_turns(path: str | os.PathLike[str], columns: Iterable[str] | None = None) -> pd.DataFrame:
    """The whole turns table of a dataset written by ``read_corpus(..., to=path)``.

    The same table, with the same types and row order, as ``read_corpus``
    returns in memory.

    Examples
    --------
    >>> import debatekit as dk, tempfile
    >>> folder = tempfile.mkdtemp()
    >>> dk.read_corpus([dk.sample_path()], to=folder, progress=False)  # doctest: +ELLIPSIS
    PosixPath('...')
    >>> len(dk.read_turns(folder))
    100
    """
    chunks = list(iter_turns(path, columns))
    return chunks[0] if len(chunks) == 1 else pd.concat(chunks, ignore_index=True)


def analyze_dataset(
    path: str | os.PathLike[str],
    analyzer: Any,
    *,
    to: str | os.PathLike[str],
    **params: Any,
) -> Path:
    """Run a row-wise analyzer over a turns dataset chunk by chunk, writing its table.

    Parameters
    ----------
    path
        A turns dataset, as ``read_corpus(..., to=path)`` writes it.
    analyzer
        ``"numbers"`` or ``"entities"`` (or an analyzer object of those kinds).
        The entity recognizer first learns the corpus's speakers and defined
        acronyms in one pass over the turns (speaker, meeting and text only),
        as :meth:`~debatekit.EntityRecognizer.fit` does in memory.
    to
        The folder of the output dataset (one part file per chunk).
    **params
        Parameters of the analyzer, e.g. ``kinds=["money"]`` or ``model=None``.

    Returns
    -------
    pathlib.Path
        ``to``. Read it with :func:`pandas.read_parquet` or :func:`read_dataset`:
        the rows are the in-memory table's, in the same order.

    Raises
    ------
    ParameterError
        ``to`` is not a path, or the analyzer does not work row by row.
    """
    from .analyzers._base import Analyzer, get_analyzer

    target = check_target(to, "analyze_dataset")
    model = analyzer if isinstance(analyzer, Analyzer) else get_analyzer(analyzer, **params)
    if not hasattr(model, "fit_chunks"):
        raise ParameterError(
            "[E705] " + Errors.E705.format(name=getattr(model, "name", type(model).__name__))
        )
    model.fit_chunks(iter_turns(path, model.fit_columns))
    writer = TableWriter(target)
    for chunk in iter_turns(path):
        writer.write(model.transform(chunk))
    return writer.close()


def read_dataset(path: str | os.PathLike[str]) -> pd.DataFrame:
    """An analyzer's table written by :func:`analyze_dataset`, rows in order."""
    chunks = [_read_part(files, None) for files in _parts(Path(path)).values()]
    return chunks[0] if len(chunks) == 1 else pd.concat(chunks, ignore_index=True)
