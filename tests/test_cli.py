"""The ``debatekit`` command line, run in-process, and once as the installed script."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pandas as pd
import pytest

import debatekit as dk
from _texts import OTHER_MEETING
from debatekit._cli import main

SRC = Path(__file__).resolve().parents[1] / "src"
COMPARED = ["turn_id", "meeting", "item", "turn", "speaker", "party", "role", "text"]


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return status, out, err


# -- summary -------------------------------------------------------------------


def test_summary_of_the_sample(capsys, sample_turns, sample_report):
    status, out, err = run(capsys, "summary")
    assert status == 0 and err == ""
    assert out.startswith(
        "Meeting C190 (2023-2024), donderdag 28 maart 2024: 100 turns in 10 debates, "
        "7 speakers besides the chair\n"
    )
    debates = out[out.index("Debates:") : out.index("Words per speaker")]
    flat = " ".join(debates.split())
    for heading in sample_report.items.itertuples():
        assert f"{heading.asker} to {heading.addressee}: {heading.subject}" in flat
    for item, group in sample_turns.groupby("item"):
        first = group.iloc[0]
        assert f"{item}. Vraag om uitleg {first['item_docs']}" in flat
        assert f"{len(group)} turns, {group['n_words'].sum():,} words" in flat
    assert flat.count("(joint debate)") == 1
    # Long agenda titles are wrapped, not printed whole on one line.
    assert max(len(line) for line in debates.splitlines()) <= 92
    assert "Vlaams minister van Economie" not in debates


def test_summary_has_words_per_speaker(capsys, sample_turns):
    _, out, _ = run(capsys, "summary")
    table = out[out.index("Words per speaker") : out.index("Parse report:")].splitlines()[2:-1]
    stats = dk.speaking_stats(sample_turns, by="speaker")
    assert len(table) == len(stats)
    for line, row in zip(table, stats.itertuples(), strict=True):
        assert line.split()[-3:] == [str(row.turns), f"{row.words:,}", f"{row.share_words:.1%}"]
        assert line.strip().startswith(row.speaker)
    assert table[0].split()[:3] == ["Jo", "Brouns", "minister"]


def test_summary_of_a_given_file(capsys, tmp_path):
    path = tmp_path / "C200_2025-02-05.txt"
    path.write_text(OTHER_MEETING, encoding="utf-8")
    status, out, _ = run(capsys, "summary", path)
    assert status == 0
    assert out.startswith("Meeting C200 (2024-2025), woensdag 5 februari 2025: 4 turns in 1")
    assert "Anna Peeters to Jo Brouns: de kinderopvang" in out
    assert f"{path}: meeting C200 (2024-2025)" in out


def test_summary_of_turns_without_heading_or_named_chair(capsys, tmp_path):
    path = tmp_path / "fragment.txt"
    path.write_text(
        "De voorzitter: Wij beginnen met een korte mededeling over de agenda.\n\n"
        "Anna Peeters (Groen): Dank u.\n",
        encoding="utf-8",
    )
    status, out, _ = run(capsys, "summary", path)
    assert status == 0
    assert out.startswith("Meeting ?, date unknown: 2 turns in 0 debates")
    assert "2 turns come before any agenda heading" in out
    assert "(unnamed chair)         chair         1       9  81.8%" in out


# -- parse ---------------------------------------------------------------------


def read_back(path: Path) -> pd.DataFrame:
    if path.suffix == ".parquet":
        return pd.read_parquet(path)
    if path.suffix == ".csv":
        return pd.read_csv(path, keep_default_na=False, na_values=[""])
    return pd.read_json(path, lines=True)


def same_values(written: pd.DataFrame, turns: pd.DataFrame) -> None:
    assert list(written.columns) == list(dk.TURN_COLUMNS)
    for column in COMPARED:
        left = written[column].astype(object).where(written[column].notna(), None)
        right = turns[column].astype(object).where(turns[column].notna(), None)
        assert left.tolist() == right.tolist(), column
    assert pd.to_datetime(written["date"]).tolist() == turns["date"].tolist()


@pytest.mark.parametrize("suffix", [".csv", ".parquet", ".jsonl"])
def test_parse_writes_the_turns(capsys, tmp_path, sample_path, sample_turns, suffix):
    out = tmp_path / f"turns{suffix}"
    status, stdout, _ = run(capsys, "parse", sample_path, "-o", out, "--no-progress")
    assert status == 0
    assert stdout.strip() == f"100 turns from 1 file(s) written to {out}"
    written = read_back(out)
    same_values(written, sample_turns)
    if suffix == ".parquet":  # the one format that keeps the types
        pd.testing.assert_frame_equal(written, sample_turns)


def test_parse_many_files_folders_and_globs(capsys, tmp_path, sample_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "C200.txt").write_text(OTHER_MEETING, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    out = tmp_path / "turns.parquet"
    status, stdout, err = run(
        capsys, "parse", sample_path, folder / "*.txt", "-o", out, "--no-progress"
    )
    assert status == 0
    assert stdout.strip() == f"104 turns from 2 file(s) written to {out}"
    assert err.strip() == f"debatekit: skipped [E001] {folder / 'empty.txt'}: " + (
        "The file is empty. Export the report's text again, or check that the download finished."
    )
    assert read_back(out).groupby("meeting").size().to_dict() == {
        "C190 (2023-2024)": 100,
        "C200 (2024-2025)": 4,
    }


def test_parse_shows_progress_unless_asked_not_to(capsys, tmp_path, sample_path):
    _, _, err = run(capsys, "parse", sample_path, "-o", tmp_path / "t.csv")
    assert "Reading transcripts" in err


# -- report --------------------------------------------------------------------


def test_report_of_one_kind_of_line(capsys, sample_path, sample_lines):
    status, out, _ = run(capsys, "report", sample_path, "--kind", "header")
    assert status == 0
    header_lines = [i + 1 for i, line in enumerate(sample_lines) if "Commissievergadering" in line]
    listed = out.splitlines()[6:]  # after the parse report's summary
    assert listed[0].split() == ["line", "kind", "text"]
    assert [int(row.split()[0]) for row in listed[1:]] == header_lines
    assert all(row.split()[1] == "header" for row in listed[1:])
    assert "Commissievergadering nr. C190 (2023-2024) – 28 maart 2024 25" in out


def test_report_of_a_kind_with_no_lines(capsys, sample_path):
    status, out, _ = run(capsys, "report", sample_path, "--kind", "unplaced")
    assert status == 0 and out.rstrip().endswith("No lines of kind 'unplaced'.")


def test_report_of_every_line(capsys, sample_path, sample_lines):
    _, out, _ = run(capsys, "report", sample_path)
    assert len(out.splitlines()) == 6 + 1 + len(sample_lines)  # summary, header, lines


# -- bad input -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        pytest.param(None, b"", "[E050]", id="missing"),
        pytest.param("empty.txt", b"", "[E001]", id="empty"),
        pytest.param("a.docx", b"x", "[E005]", id="docx"),
        pytest.param("notes.txt", b"Geen verslag.\n", "[E004]", id="no-turns"),
    ],
)
@pytest.mark.parametrize("command", ["summary", "report"])
def test_bad_input_exits_2_with_the_message_on_stderr(
    capsys, tmp_path, name, data, expected, command
):
    path = tmp_path / (name or "missing.txt")
    if name:
        path.write_bytes(data)
    status, out, err = run(capsys, command, path)
    assert status == 2 and out == ""
    assert err.startswith(f"debatekit: {expected} {path}")


def test_parse_with_nothing_readable_exits_2(capsys, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    status, _, err = run(capsys, "parse", tmp_path / "empty.txt", "-o", tmp_path / "t.csv")
    assert status == 2
    assert "skipped [E001]" in err and "nothing written" in err
    assert not (tmp_path / "t.csv").exists()


def test_parse_to_an_unknown_format_exits_2(capsys, tmp_path, sample_path):
    status, _, err = run(capsys, "parse", sample_path, "-o", tmp_path / "t.xlsx", "--no-progress")
    assert status == 2 and "use one of .csv, .json, .jsonl, .parquet" in err


def test_parse_with_no_match_exits_2(capsys, tmp_path):
    status, _, err = run(capsys, "parse", tmp_path / "*.pdf", "-o", tmp_path / "t.csv")
    assert status == 2 and "[E012]" in err and "No transcripts matched" in err


def test_unknown_command_and_kind_are_usage_errors(capsys, sample_path):
    for argv in (["frobnicate"], ["report", str(sample_path), "--kind", "speech"], ["parse"]):
        with pytest.raises(SystemExit) as info:
            main(argv)
        assert info.value.code == 2
        assert "usage: debatekit" in capsys.readouterr().err


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("debatekit") is None, reason="debatekit is not installed")
def test_installed_console_script(tmp_path):
    # This worktree's code, whichever copy of debatekit is installed.
    paths = [str(SRC), os.environ.get("PYTHONPATH", "")]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in paths if p)}
    missing = tmp_path / "missing.txt"
    done = subprocess.run(
        [shutil.which("debatekit"), "summary", str(missing)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith(f"debatekit: [E050] {missing}: No such file.")


def test_version(capsys):
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out.strip() == f"debatekit {dk.__version__}"


def test_an_unwritable_format_is_refused_before_reading(capsys, tmp_path):
    status = main(["parse", str(tmp_path / "missing.txt"), "-o", str(tmp_path / "t.xlsx")])
    err = capsys.readouterr().err
    assert status == 2 and "[E015]" in err and "skipped" not in err
