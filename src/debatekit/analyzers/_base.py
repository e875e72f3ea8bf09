"""The analyzer contract, the registry analyzers join, and :func:`analyze`.

An analyzer follows scikit-learn's estimator contract: every parameter is an
``__init__`` argument stored unchanged under its own name, ``fit(turns)``
learns what it needs and stores it in attributes ending in ``_``, and
``transform(turns)`` returns a tidy :class:`pandas.DataFrame` keyed by
``turn_id`` (or by speaker, topic, ... where that is the unit). Analyzers are
registered by name, like spaCy's factories, so that ``dk.analyze(turns,
"stats", "entities")`` can find them; other packages add theirs through the
``debatekit_analyzers`` entry-point group.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from html import escape
from typing import Any, ClassVar, TypeVar

import catalogue
import pandas as pd
from sklearn.base import BaseEstimator

from .._errors import NotFittedError, ParameterError, UnknownAnalyzerError, message
from .._schema import REQUIRED_COLUMNS, require_columns

__all__ = [
    "Analyzer",
    "Results",
    "analyze",
    "register_analyzer",
    "get_analyzer",
    "list_analyzers",
    "analyzers",
]

#: The registry of analyzers: name -> class. Entry points in the group
#: ``debatekit_analyzers`` are found here too.
analyzers = catalogue.create("debatekit", "analyzers", entry_points=True)

A = TypeVar("A", bound=type)


class Analyzer(BaseEstimator):
    """Base class of every analyzer.

    Subclasses set :attr:`name`, take their parameters as keyword arguments of
    ``__init__`` (stored unchanged, as scikit-learn requires), learn in
    :meth:`fit` and answer in :meth:`transform`.

    Attributes
    ----------
    name
        The name the analyzer is registered under.
    required_columns
        Columns of the turns table the analyzer reads.
    """

    name: ClassVar[str] = ""
    required_columns: ClassVar[tuple[str, ...]] = REQUIRED_COLUMNS
    #: Parameters that make the analyzer cheap enough for the conformance check.
    check_params: ClassVar[dict[str, Any]] = {}

    def fit(self, turns: pd.DataFrame, y: None = None) -> Analyzer:
        """Learn from ``turns``; the base analyzer has nothing to learn.

        Returns
        -------
        Analyzer
            ``self``, fitted.
        """
        self._validate(turns)
        self.n_turns_ = len(turns)
        return self

    def transform(self, turns: pd.DataFrame) -> pd.DataFrame:
        """Return this analyzer's table for ``turns``."""
        raise NotImplementedError(f"{type(self).__name__} must implement transform().")

    def fit_transform(self, turns: pd.DataFrame, y: None = None) -> pd.DataFrame:
        """Fit on ``turns`` and return the table for them."""
        return self.fit(turns).transform(turns)

    def _validate(self, turns: pd.DataFrame) -> None:
        require_columns(turns, self.required_columns)

    def _check_fitted(self) -> None:
        if not any(k.endswith("_") and not k.startswith("_") for k in vars(self)):
            raise NotFittedError(message("E009", name=type(self).__name__))


def register_analyzer(name: str) -> Callable[[A], A]:
    """Register an analyzer class under ``name`` (a decorator).

    Examples
    --------
    >>> import debatekit as dk
    >>> @dk.register_analyzer("longest_turn")  # doctest: +SKIP
    ... class LongestTurn(dk.Analyzer):
    ...     name = "longest_turn"
    ...     def transform(self, turns):
    ...         return turns.loc[[turns["n_words"].idxmax()], ["turn_id", "speaker"]]
    """

    def decorate(cls: A) -> A:
        analyzers.register(name, func=cls)
        return cls

    return decorate


def list_analyzers() -> list[str]:
    """Names of every registered analyzer, entry points included."""
    return sorted(analyzers.get_all())


def get_analyzer(name: str, **params: Any) -> Analyzer:
    """Make the analyzer registered as ``name`` with ``params``.

    Raises
    ------
    UnknownAnalyzerError
        No analyzer has that name.
    """
    try:
        cls = analyzers.get(name)
    except catalogue.RegistryError:
        raise UnknownAnalyzerError(
            message("E008", name=name, known=", ".join(list_analyzers()) or "none")
        ) from None
    known = cls._get_param_names()
    unknown = sorted(set(params) - set(known))
    if unknown:
        raise ParameterError(
            message("E017", params=", ".join(unknown), name=name, known=", ".join(known) or "none")
        )
    return cls(**params)


class Results(dict):
    """The tables of several analyzers, by analyzer name; shows well in a notebook."""

    def _repr_html_(self) -> str:
        parts = []
        for name, table in self.items():
            body = table._repr_html_() if hasattr(table, "_repr_html_") else escape(repr(table))
            parts.append(f"<h4>{escape(name)}</h4>{body}")
        return "".join(parts)


def analyze(
    turns: pd.DataFrame,
    *analyzers_: str | Analyzer,
    params: Mapping[str, Mapping[str, Any]] | None = None,
    **named: Mapping[str, Any],
) -> Results:
    """Run several analyzers over ``turns`` and return their tables together.

    Parameters
    ----------
    turns
        A turns table.
    *analyzers_
        Names of registered analyzers, or analyzer objects.
    params, **named
        Parameters by analyzer name: ``analyze(turns, "topics", topics={"n_topics": 10})``.

    Returns
    -------
    Results
        A dict from analyzer name to its table.

    Examples
    --------
    >>> results = dk.analyze(turns, "stats")  # doctest: +SKIP
    >>> results["stats"].head()  # doctest: +SKIP
    """
    require_columns(turns)
    settings = {**(params or {}), **named}
    chosen: Iterable[str | Analyzer] = analyzers_ or ("stats",)
    running = {s if isinstance(s, str) else s.name for s in chosen}
    idle = sorted(set(settings) - running)
    if idle:  # a typo, or parameters for an analyzer left out: either way, say so
        raise ParameterError(message("E018", names=", ".join(idle), running=", ".join(running)))
    results = Results()
    for spec in chosen:
        if isinstance(spec, Analyzer):
            analyzer = spec
        else:
            analyzer = get_analyzer(spec, **dict(settings.get(spec, {})))
        key = analyzer.name or type(analyzer).__name__
        if key in results:  # the same analyzer twice, with other parameters
            key = f"{key}_{sum(k.split('_')[0] == key for k in results) + 1}"
        results[key] = analyzer.fit_transform(turns)
    return results
