"""One parameter check, one template, one exception (a ValueError)."""

from __future__ import annotations

import numpy as np
import pytest

import debatekit as dk
from debatekit._validation import (
    check_bool,
    check_choice,
    check_choices,
    check_int,
    check_number,
)


def test_the_message_names_the_parameter_the_rule_and_the_value():
    with pytest.raises(dk.ParameterError) as info:
        check_int(0, "n_topics", "TopicAnalyzer", minimum=1)
    assert str(info.value) == (
        "[E800] The 'n_topics' parameter of TopicAnalyzer must be an int >= 1. Got 0 instead."
    )
    assert isinstance(info.value, ValueError) and info.value.code == "E800"


@pytest.mark.parametrize("value", [True, 1.5, "3", None, -1])
def test_ints_reject_bools_floats_strings_and_out_of_range(value):
    with pytest.raises(dk.ParameterError):
        check_int(value, "k", "X", minimum=0)


def test_ints_accept_numpy_ints_and_none_when_allowed():
    check_int(np.int64(3), "k", "X", minimum=0, maximum=3)
    check_int(None, "k", "X", allow_none=True)
    with pytest.raises(dk.ParameterError, match="an int >= 0 and <= 3"):
        check_int(4, "k", "X", minimum=0, maximum=3)


@pytest.mark.parametrize("value", [float("nan"), float("inf"), 0, "x", False])
def test_numbers_reject_nan_inf_and_the_excluded_bound(value):
    with pytest.raises(dk.ParameterError, match=r"a number > 0"):
        check_number(value, "prior", "StanceAnalyzer", minimum=0, strict=True)
    check_number(0.5, "prior", "StanceAnalyzer", minimum=0, strict=True)


def test_choices_one_or_several():
    check_choice("month", "freq", "X", ("month", "year"))
    with pytest.raises(dk.ParameterError, match=r"one of 'month', 'year'. Got \['x'\]"):
        check_choice(["x"], "freq", "X", ("month", "year"))
    assert check_choices("money", "kinds", "X", ("money", "percent")) == ("money",)
    assert check_choices(None, "kinds", "X", ("money",)) is None
    with pytest.raises(dk.ParameterError, match="one or more of"):
        check_choices(["money", "nope"], "kinds", "X", ("money", "percent"))
    with pytest.raises(dk.ParameterError):
        check_choices([], "kinds", "X", ("money",))
    with pytest.raises(dk.ParameterError, match="True or False"):
        check_bool(1, "progress", "X")
