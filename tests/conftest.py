"""Shared fixtures: the shipped sample transcript, parsed once per session."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import debatekit as dk

SAMPLE = (
    Path(__file__).resolve().parents[1] / "data" / "sample" / "vlaams-parlement_C190_2024-03-28.txt"
)


@pytest.fixture(scope="session")
def sample_path() -> Path:
    return SAMPLE


@pytest.fixture(scope="session")
def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def sample_lines(sample_text: str) -> list[str]:
    return sample_text.split("\n")


@pytest.fixture(scope="session")
def sample_result() -> dk.ParseResult:
    return dk.read_transcript(SAMPLE, report=True)


@pytest.fixture()
def sample_turns(sample_result: dk.ParseResult) -> pd.DataFrame:
    # A copy, so that a test that changes it cannot change what the next one sees.
    return sample_result.turns.copy()


@pytest.fixture(scope="session")
def sample_report(sample_result: dk.ParseResult) -> dk.ParseReport:
    return sample_result.report
