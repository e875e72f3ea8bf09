"""Lining up figures that cite the same statistic."""

from __future__ import annotations

import pandas as pd
import pytest

import debatekit as dk
from debatekit.analyzers.numbers._figure_match import MATCH_COLUMNS


def _turns(*rows: tuple[str, str]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "turn_id": [f"T-{i}" for i in range(1, len(rows) + 1)],
            "speaker": [speaker for speaker, _ in rows],
            "role": ["member"] * len(rows),
            "text": [text for _, text in rows],
        }
    )


@pytest.fixture(scope="module")
def sample_matches(sample_result) -> pd.DataFrame:
    return dk.compare_figures(sample_result.turns)


def test_the_sample_lines_up_62_7_and_62_percent(sample_matches):
    assert tuple(sample_matches.columns) == MATCH_COLUMNS
    group = sample_matches[sample_matches["figure"] == "62,7 procent"]["group"].iloc[0]
    members = sample_matches[sample_matches["group"] == group]
    assert sorted(members["value"]) == [62.0, 62.7]
    assert members["turn_id"].nunique() == 2
    # What links them: the words around both figures.
    assert {"generatie", "77"} <= set(members.iloc[0]["shared_words"].split(", "))


def test_the_sample_groups_the_four_7500_euro_ceilings(sample_matches):
    ceiling = sample_matches[sample_matches["value"] == 7500.0]
    assert len(ceiling) == 4 and ceiling["group"].nunique() == 1
    assert set(ceiling["speaker"]) == {"Maaike De Vreese", "Jo Brouns"}
    assert (ceiling["n_speakers"] == 2).all()


def test_different_statistics_stay_apart(sample_matches):
    # 13,5 and 13,7 procent are different figures; 60 and 63 procent too.
    assert not sample_matches["value"].isin([13.5, 13.7, 60.0, 63.0]).any()


def test_min_speakers_keeps_statistics_quoted_across_speakers(sample_result):
    across = dk.compare_figures(sample_result.turns, min_speakers=2)
    assert set(across["value"]) == {7500.0}


def test_rounding_and_tolerance():
    turns = _turns(
        (
            "Ann Peeters",
            "De werkloosheid bij jongeren in Limburg steeg tot 12,4 procent vorig jaar.",
        ),
        ("Bart Jacobs", "U zegt 12 procent werkloosheid bij jongeren in Limburg, dat is te veel."),
        ("Cis Maes", "De werkloosheid bij jongeren in Limburg is 13 procent volgens mij."),
    )
    strict = dk.compare_figures(turns)
    assert sorted(strict["value"]) == [12.0, 12.4]  # 12 is 12,4 cut; 13 is neither
    loose = dk.compare_figures(turns, tolerance=0.1)
    assert sorted(loose["value"]) == [12.0, 12.4, 13.0]
    assert loose["group"].nunique() == 1 and (loose["n_speakers"] == 3).all()


def test_same_value_without_shared_context_is_not_linked():
    turns = _turns(
        ("Ann Peeters", "De werkloosheid bij jongeren in Limburg bedraagt 12 procent."),
        ("Bart Jacobs", "Het btw-tarief op renovatie van woningen is 12 procent."),
    )
    assert dk.compare_figures(turns).empty


@pytest.mark.parametrize(
    ("param", "value"), [("tolerance", 1.5), ("window", 0), ("min_shared", -1), ("min_speakers", 0)]
)
def test_parameters_are_checked(sample_result, param, value):
    with pytest.raises(dk.ParameterError, match=rf"\[E800\].*'{param}'"):
        dk.compare_figures(sample_result.turns, **{param: value})


def test_a_figures_table_without_offsets_is_refused(sample_result):
    figures = dk.numbers(sample_result.turns, progress=False).drop(columns=["start"])
    with pytest.raises(dk.SchemaError, match=r"\[E202\].*start"):
        dk.compare_figures(sample_result.turns, figures)


def test_one_kind_as_a_string_is_one_kind(sample_result):
    money = dk.compare_figures(sample_result.turns, kinds="money")
    assert len(money) > 0 and set(money["kind"]) == {"money"}
    assert money.equals(dk.compare_figures(sample_result.turns, kinds=["money"]))


@pytest.mark.parametrize("kinds", [["percnt"], "percnt", []])
def test_an_unknown_kind_is_an_error_that_lists_the_kinds(sample_result, kinds):
    with pytest.raises(dk.ParameterError, match=r"\[E800\].*'kinds'.*'percent', 'money'"):
        dk.compare_figures(sample_result.turns, kinds=kinds)


def test_a_figures_table_passed_as_the_turns_is_an_error(sample_result):
    figures = dk.numbers(sample_result.turns, progress=False)
    with pytest.raises(dk.SchemaError, match=r"\[E203\].*figures="):
        dk.compare_figures(figures)
