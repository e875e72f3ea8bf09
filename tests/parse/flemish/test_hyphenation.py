"""Line-end hyphens: each rule on a built line pair, and the sample's own words."""

from __future__ import annotations

import pytest

import debatekit as dk


def _resolve(left: str, right: str) -> tuple[str, str, bool]:
    text = f"Stijn De Roo (cd&v): Het gaat over het {left}\n{right} en meer.\n"
    turns, report = dk.parse_transcript(text, report=True)
    body = turns["text"].iloc[0].removeprefix("Het gaat over het ").removesuffix(" en meer.")
    (join,) = report.joins.itertuples()
    return body, join.rule, join.sure


@pytest.mark.parametrize(
    ("left", "right", "expected", "rule"),
    [
        ("Agent-", "schap", "Agentschap", "line break"),
        ("be-", "drijven", "bedrijven", "line break"),
        ("btw-", "tarief", "btw-tarief", "acronym"),
        ("kmo-", "portefeuille", "kmo-portefeuille", "acronym"),
        ("ocmw-", "raad", "ocmw-raad", "acronym"),
        ("cd&v-", "fractie", "cd&v-fractie", "acronym"),
        ("AI-", "toepassingen", "AI-toepassingen", "acronym"),
        ("e-", "mail", "e-mail", "letter"),
        ("x-", "as", "x-as", "letter"),
        ("‘no cure no pay’-", "methodiek", "‘no cure no pay’-methodiek", "quoted"),
        ("café-", "eigenaar", "café-eigenaar", "vowel clash"),
        ("bio-", "economie", "bio-economie", "vowel clash"),
        ("pro-", "actief", "proactief", "line break"),
        ("niet-", "bindende", "niet-bindende", "prefix"),
        ("intra-", "Vlaams", "intra-Vlaams", "capital"),
        ("CO2-", "arme", "CO2-arme", "digit"),
        ("dwang-", "en kinderarbeid", "dwang- en kinderarbeid", "elision"),
        ("minister-", "president", "minister-president", "compound"),
    ],
)
def test_each_rule(left, right, expected, rule):
    body, found_rule, _ = _resolve(left, right)
    assert (body, found_rule) == (expected, rule)


def test_rules_without_the_documents_evidence_on_vowels_are_unsure():
    assert _resolve("bio-", "economie")[2] is False
    assert _resolve("btw-", "tarief")[2] is True


def test_the_document_itself_is_the_best_witness():
    text = (
        "Stijn De Roo (cd&v): De scale-ups groeien. Ook de scale-\n"
        "ups van morgen. Het werk-\ngevers overleg met werkgevers.\n"
    )
    turns, report = dk.parse_transcript(text, report=True)
    assert "Ook de scale-ups van morgen." in turns["text"].iloc[0]
    assert "Het werkgevers overleg" in turns["text"].iloc[0]
    assert set(report.joins["rule"]) == {"document"}


def test_every_line_end_hyphen_of_the_sample_is_reported(sample_report, sample_lines):
    ends = [
        i + 1
        for i, line in enumerate(sample_lines)
        if line.rstrip().endswith("-") and line.rstrip()[-2:-1] not in (" ", "–")
    ]
    assert sorted(sample_report.joins["line"]) == ends
