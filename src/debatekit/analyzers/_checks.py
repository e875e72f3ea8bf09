"""The conformance suite: what every analyzer and embedder must do (public for plug-in authors).

After scikit-learn's ``check_estimator``: :func:`check_analyzer` runs one
analyzer class (or instance) through the contract of :mod:`debatekit`'s
analyzers, :func:`check_embedder` one embedder through the embedder's. A
plug-in package calls them in its own tests:

>>> import debatekit as dk
>>> dk.check_analyzer(dk.SpeakingStats)  # doctest: +SKIP

Each check raises :class:`AssertionError` naming the analyzer and the rule it
broke; nothing is returned when all pass.
"""

from __future__ import annotations

import copy
import numbers
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
from sklearn.base import clone

from .._errors import DebatekitError, NotFittedError, ParameterError, SchemaError
from .._schema import CONTEXT_COLUMNS, TURN_COLUMNS
from ._base import Analyzer

__all__ = ["check_analyzer", "check_embedder", "KEY_COLUMNS"]

#: An analyzer's table is keyed by one of these (a turn, a speaker, a debate, a meeting).
KEY_COLUMNS = ("turn_id", "speaker", "debate", "meeting", "party", "role", "item")
# A value no numeric parameter accepts.
_NOT_A_NUMBER = "not a number"
# Parameters that take any seed or any object; a string there is no error.
_UNCHECKED = frozenset({"random_state", "embedder", "model", "gazetteer"})


def check_analyzer(analyzer: type[Analyzer] | Analyzer, turns: pd.DataFrame | None = None) -> None:
    """Run the conformance checks on an analyzer.

    The checks: parameters stored unchanged and no fitted state before ``fit``
    (scikit-learn's contract); ``transform`` before ``fit`` raises
    :class:`~debatekit.NotFittedError`; a numeric parameter given a string
    raises :class:`~debatekit.ParameterError`; a table without ``text`` raises
    :class:`~debatekit.SchemaError`; empty turns give an empty table or a
    numbered error; the table has a key column, and no column that shadows a
    turn's column under another meaning; the same turns in another row order
    give the same table; the turns are left unmodified; the same input gives
    the same output.

    Parameters
    ----------
    analyzer
        An analyzer class (made with its ``check_params``) or an instance
        (cloned for each check).
    turns
        The turns to check on; the shipped sample by default.

    Raises
    ------
    AssertionError
        A check failed; the message names the analyzer and the rule.
    """
    if turns is None:
        turns = _sample_turns()
    make = _maker(analyzer)
    name = type(make()).__name__
    for check in (
        _check_contract,
        _check_not_fitted,
        _check_bad_parameters,
        _check_schema,
        _check_empty_input,
        _check_output,
    ):
        check(make, turns, name)


def _sample_turns() -> pd.DataFrame:
    from ..parse._read import read_transcript, sample_path

    turns = read_transcript(sample_path())
    assert isinstance(turns, pd.DataFrame)
    return turns


def _maker(analyzer: type[Analyzer] | Analyzer) -> Any:
    if isinstance(analyzer, type):
        return lambda **extra: analyzer(**{**analyzer.check_params, **extra})
    return lambda **extra: clone(analyzer).set_params(**extra)


def _check_contract(make: Any, turns: pd.DataFrame, name: str) -> None:
    analyzer = make()
    assert isinstance(analyzer, Analyzer), f"{name} does not derive from dk.Analyzer"
    params = analyzer.get_params()
    assert clone(analyzer).get_params().keys() == params.keys(), f"{name}: clone loses parameters"
    fitted = [k for k in vars(analyzer) if k.endswith("_") and not k.startswith("_")]
    assert not fitted, f"{name} sets fitted state {fitted} in __init__"
    assert analyzer.fit(turns) is analyzer, f"{name}.fit must return self"
    learned = [k for k in vars(analyzer) if k.endswith("_") and not k.startswith("_")]
    assert learned, f"{name}.fit learns no attribute ending in '_'"


def _check_not_fitted(make: Any, turns: pd.DataFrame, name: str) -> None:
    try:
        make().transform(turns)
    except NotFittedError:
        return
    raise AssertionError(f"{name}.transform before fit must raise NotFittedError")


def _numeric_parameters(analyzer: Analyzer) -> list[str]:
    return [
        key
        for key, value in analyzer.get_params().items()
        if isinstance(value, numbers.Real) and not isinstance(value, bool) and key not in _UNCHECKED
    ]


def _check_bad_parameters(make: Any, turns: pd.DataFrame, name: str) -> None:
    for param in _numeric_parameters(make()):
        try:
            make(**{param: _NOT_A_NUMBER}).fit(turns)
        except ParameterError as error:
            assert error.code, f"{name}({param}=...): the ParameterError has no number"
            assert repr(param) in str(error), f"{name}({param}=...): the message names another"
            continue
        except Exception as error:
            raise AssertionError(
                f"{name}({param}={_NOT_A_NUMBER!r}) raised {type(error).__name__}, "
                "not ParameterError"
            ) from error
        raise AssertionError(f"{name}({param}={_NOT_A_NUMBER!r}) was accepted")


def _check_schema(make: Any, turns: pd.DataFrame, name: str) -> None:
    try:
        make().fit(turns.drop(columns=["text"]))
    except SchemaError:
        return
    raise AssertionError(f"{name}.fit on turns without 'text' must raise SchemaError")


def _check_empty_input(make: Any, turns: pd.DataFrame, name: str) -> None:
    try:
        table = make().fit_transform(turns.iloc[:0])
    except DebatekitError as error:  # "nothing to analyse" is fine, said with a number
        assert error.code, f"{name} on empty turns raised an unnumbered {type(error).__name__}"
        return
    assert isinstance(table, pd.DataFrame), f"{name} on empty turns returned no DataFrame"
    assert len(table) == 0, f"{name} on empty turns returned rows"


def _sorted(table: pd.DataFrame) -> pd.DataFrame:
    keys = [c for c in table.columns if table[c].map(_sortable).all()]
    ordered = table.sort_values(keys, kind="stable") if keys else table
    return ordered.reset_index(drop=True)


def _sortable(value: object) -> bool:
    return isinstance(value, (str, numbers.Number, np.generic)) or value is None


def _check_output(make: Any, turns: pd.DataFrame, name: str) -> None:
    before = copy.deepcopy(turns)
    table = make().fit_transform(turns)
    pd.testing.assert_frame_equal(turns, before, obj=f"the turns after {name}")
    assert isinstance(table, pd.DataFrame), f"{name}.transform returned no DataFrame"
    assert len(table) > 0, f"{name} found nothing in the turns"
    keys = [c for c in KEY_COLUMNS if c in table.columns]
    assert keys, f"{name}'s table has no key column (one of {KEY_COLUMNS})"
    shadowing = sorted(set(table.columns) & set(TURN_COLUMNS) - set(CONTEXT_COLUMNS))
    assert not shadowing, f"{name}'s table calls other things {shadowing} (see CONTEXT_COLUMNS)"
    again = make().fit_transform(turns)
    pd.testing.assert_frame_equal(table, again, obj=f"{name} run twice")
    shuffled = turns.sample(frac=1.0, random_state=0)
    reordered = make().fit_transform(shuffled)
    pd.testing.assert_frame_equal(
        _sorted(table), _sorted(reordered), check_exact=False, obj=f"{name} on shuffled turns"
    )


def check_embedder(embedder: Any, texts: Sequence[str] | None = None) -> None:
    """Run the conformance checks on an embedder (anything with ``embed(texts)``).

    The checks: one row per text, of unit length (or zero), finite; the same texts give
    the same vectors; the list of texts is left unmodified.

    Raises
    ------
    AssertionError
        A check failed.
    """
    name = type(embedder).__name__
    texts = list(texts) if texts is not None else _SENTENCES
    given = list(texts)
    vectors = np.asarray(embedder.embed(texts))
    assert texts == given, f"{name}.embed changed its input"
    assert vectors.ndim == 2 and len(vectors) == len(texts), f"{name}: one row per text"
    assert np.isfinite(vectors).all(), f"{name}: vectors with NaN or inf"
    norms = np.linalg.norm(vectors, axis=1)
    # Unit rows; a text with nothing to embed may be the zero vector.
    assert np.all(np.isclose(norms, 1.0, atol=1e-5) | (norms < 1e-6)), f"{name}: rows not unit"
    np.testing.assert_allclose(vectors, np.asarray(embedder.embed(texts)), atol=1e-6)


_SENTENCES = [
    "De werkloosheid in Vlaanderen is gedaald tot 3,5 procent.",
    "De minister wil meer kinderopvang in de steden.",
    "Er komen tweehonderd plaatsen bij in de kinderopvang.",
    "De kmo-portefeuille krijgt 18,4 miljoen euro extra.",
    "Het aantal werklozen daalt in elke provincie.",
]
