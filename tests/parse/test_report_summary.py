"""The parse report's summary stays a few lines, however many joins a legislature has."""

from __future__ import annotations

import pandas as pd

import debatekit as dk
from debatekit.parse._report import bounded


def test_bounded_names_the_first_and_counts_the_rest():
    assert bounded(["a", "b"]) == "a, b"
    assert bounded([f"w{i}" for i in range(798)]) == (
        "w0, w1, w2, w3, w4, w5, w6, w7 ... and 790 more"
    )


def test_a_report_with_hundreds_of_unsure_joins_summarises_in_one_line(sample_report):
    joins = sample_report.joins
    many = pd.concat([joins[~joins["sure"]]] * 400, ignore_index=True)
    report = dk.ParseReport(
        sample_report.source,
        sample_report.meeting,
        sample_report.date,
        lines=sample_report.lines,
        items=sample_report.items,
        stage_directions=sample_report.stage_directions,
        joins=many,
    )
    summary = report.summary()
    unsure_line = next(line for line in summary.splitlines() if "unsure:" in line)
    assert unsure_line.endswith(f"... and {len(many) - 8} more")
    assert len(summary) < 1000
