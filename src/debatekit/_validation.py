"""One parameter check: one message template, one exception.

Every analyzer, embedder and reader checks its parameters here, so that a
bad value always raises :class:`~debatekit.ParameterError` (a
:class:`ValueError`) with the same message, after scikit-learn's:
``[E800] The 'n_topics' parameter of TopicAnalyzer must be an int >= 1. Got 0 instead.``
"""

from __future__ import annotations

import numbers
from collections.abc import Collection, Iterable

from ._errors import ParameterError, message

__all__ = [
    "bad_parameter",
    "check_param",
    "check_int",
    "check_number",
    "check_choice",
    "check_choices",
    "check_bool",
]


def bad_parameter(param: str, owner: str, rule: str, value: object) -> ParameterError:
    """The error for ``param`` of ``owner`` that breaks ``rule`` with ``value`` (to raise).

    Examples
    --------
    >>> str(bad_parameter("n_topics", "TopicAnalyzer", "an int >= 1", 0))
    "[E800] The 'n_topics' parameter of TopicAnalyzer must be an int >= 1. Got 0 instead."
    """
    return ParameterError(message("E800", param=param, owner=owner, rule=rule, value=value))


def check_param(ok: bool, param: str, owner: str, rule: str, value: object) -> None:
    """Raise :func:`bad_parameter` unless ``ok``."""
    if not ok:
        raise bad_parameter(param, owner, rule, value)


def _is_int(value: object) -> bool:
    return isinstance(value, numbers.Integral) and not isinstance(value, bool)


def _is_real(value: object) -> bool:
    return isinstance(value, numbers.Real) and not isinstance(value, bool)


def _bounds(minimum: float | None, maximum: float | None, *, strict: bool) -> str:
    low = "" if minimum is None else f"{'>' if strict else '>='} {minimum}"
    high = "" if maximum is None else f"<= {maximum}"
    return " and ".join(part for part in (low, high) if part)


def check_int(
    value: object,
    param: str,
    owner: str,
    *,
    minimum: int | None = None,
    maximum: int | None = None,
    allow_none: bool = False,
) -> None:
    """Check that ``value`` is an int (not a bool) within ``[minimum, maximum]``.

    Examples
    --------
    >>> check_int(3, "n_topics", "TopicAnalyzer", minimum=1)
    >>> check_int(0, "n_topics", "TopicAnalyzer", minimum=1)
    Traceback (most recent call last):
    ...
    debatekit.ParameterError: [E800] The 'n_topics' parameter of TopicAnalyzer must be an int >= 1. Got 0 instead.
    """  # noqa: E501
    if allow_none and value is None:
        return
    rule = " ".join(
        part
        for part in ("an int", _bounds(minimum, maximum, strict=False), "or None" * allow_none)
        if part
    )
    ok = _is_int(value) and _within(value, minimum, maximum, strict=False)  # type: ignore[arg-type]
    check_param(ok, param, owner, rule, value)


def check_number(
    value: object,
    param: str,
    owner: str,
    *,
    minimum: float | None = None,
    maximum: float | None = None,
    strict: bool = False,
    allow_none: bool = False,
) -> None:
    """Check that ``value`` is a finite real number within the bounds.

    ``strict=True`` makes the lower bound exclusive (``> 0`` rather than ``>= 0``).
    """
    if allow_none and value is None:
        return
    rule = " ".join(
        part
        for part in ("a number", _bounds(minimum, maximum, strict=strict), "or None" * allow_none)
        if part
    )
    ok = (
        _is_real(value)
        and value == value  # not NaN
        and abs(value) != float("inf")  # type: ignore[arg-type]
        and _within(value, minimum, maximum, strict=strict)  # type: ignore[arg-type]
    )
    check_param(ok, param, owner, rule, value)


def _within(value: float, minimum: float | None, maximum: float | None, *, strict: bool) -> bool:
    if minimum is not None and (value <= minimum if strict else value < minimum):
        return False
    return maximum is None or value <= maximum


def check_bool(value: object, param: str, owner: str) -> None:
    """Check that ``value`` is ``True`` or ``False``."""
    check_param(isinstance(value, bool), param, owner, "True or False", value)


def _listed(choices: Iterable[object]) -> str:
    return ", ".join(repr(c) for c in choices)


def check_choice(value: object, param: str, owner: str, choices: Collection[object]) -> None:
    """Check that ``value`` is one of ``choices``.

    Examples
    --------
    >>> check_choice("week", "freq", "TopicResult.over_time", ("meeting", "month"))
    Traceback (most recent call last):
    ...
    debatekit.ParameterError: [E800] The 'freq' parameter of TopicResult.over_time must be one of 'meeting', 'month'. Got 'week' instead.
    """  # noqa: E501
    try:
        ok = value in choices
    except TypeError:  # an unhashable value asked of a set
        ok = False
    check_param(ok, param, owner, f"one of {_listed(choices)}", value)


def check_choices(
    value: object, param: str, owner: str, choices: Collection[str]
) -> tuple[str, ...] | None:
    """Check a choice or a list of choices (one string is one choice); ``None`` stays ``None``.

    Returns
    -------
    tuple of str or None
        The choices given, in their order.
    """
    if value is None:
        return None
    given = (value,) if isinstance(value, str) else value
    rule = f"one or more of {_listed(choices)}"
    if not isinstance(given, Iterable):
        raise bad_parameter(param, owner, rule, value)
    chosen = tuple(given)
    unknown = [c for c in chosen if not isinstance(c, str) or c not in choices]
    check_param(bool(chosen) and not unknown, param, owner, rule, value)
    return chosen
