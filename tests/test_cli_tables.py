"""The command line's outputs: a JSON array, standard output, analyzer tables, many summaries."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

from debatekit._cli import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return status, out, err


def test_dot_json_is_one_json_array(capsys, tmp_path, sample_path, sample_turns):
    out = tmp_path / "turns.json"
    status, said, _ = run(capsys, "parse", sample_path, "-o", out, "--no-progress")
    assert status == 0 and "written to" in said
    records = json.loads(out.read_text(encoding="utf-8"))
    assert isinstance(records, list) and len(records) == len(sample_turns)
    assert records[0]["turn_id"] == sample_turns["turn_id"].iloc[0]


def test_dash_writes_the_table_to_standard_output(capsys, sample_path, sample_turns):
    status, out, err = run(capsys, "parse", sample_path, "-o", "-", "--no-progress")
    assert status == 0
    table = pd.read_csv(io.StringIO(out))
    assert table["turn_id"].tolist() == sample_turns["turn_id"].tolist()
    assert "written to standard output" in err  # the count never mixes with the table
    status, out, _ = run(capsys, "parse", sample_path, "-o", "-", "--format", "json")
    assert len(json.loads(out)) == len(sample_turns)


def test_formats_that_cannot_be_written_are_refused_before_reading(capsys, tmp_path):
    missing = tmp_path / "missing.txt"  # never read: the format is refused first
    status, _, err = run(capsys, "parse", missing, "-o", tmp_path / "t.xlsx")
    assert status == 2 and "E015" in err
    status, _, err = run(capsys, "parse", missing, "-o", "-", "--format", "parquet")
    assert status == 2 and "E015" in err and ".parquet" not in err.split("use one of")[1]


def test_numbers_subcommand_writes_the_figures_table(capsys, sample_path, tmp_path):
    out = tmp_path / "figures.csv"
    status, _, _ = run(capsys, "numbers", sample_path, "-o", out, "--no-progress")
    figures = pd.read_csv(out)
    assert status == 0 and {"turn_id", "value", "kind", "unit"} <= set(figures.columns)
    assert (figures["kind"] == "percent").sum() == 21


@pytest.mark.filterwarnings("ignore::debatekit.ModelFallbackWarning")
def test_entities_subcommand_writes_the_mentions(capsys, sample_path, tmp_path):
    out = tmp_path / "mentions.jsonl"
    status, _, _ = run(capsys, "entities", sample_path, "-o", out, "--no-progress")
    mentions = pd.read_json(out, lines=True)
    assert status == 0 and "VDAB" in set(mentions["canonical"])


def test_topics_subcommand_gives_each_turn_its_topic_and_keywords(
    capsys, sample_path, sample_turns
):
    status, out, _ = run(capsys, "topics", sample_path, "--n-topics", "3", "--no-progress")
    table = pd.read_csv(io.StringIO(out))
    assert status == 0 and len(table) == len(sample_turns)
    assert {"turn_id", "topic", "label", "keywords"} <= set(table.columns)
    assert "text" not in table.columns


def test_summary_takes_several_files(capsys, sample_path):
    status, out, _ = run(capsys, "summary", sample_path, sample_path)
    assert status == 0 and out.count("Meeting C190") == 2
