"""A Chamber report's Word HTML into paragraphs: decoding, text, positions."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

import debatekit as dk
from debatekit.parse.kamer._html import (
    decode_report,
    looks_like_chamber_html,
    read_paragraphs,
)

DATA = Path(__file__).resolve().parents[2] / "data" / "kamer"
COMMISSION = DATA / "commission-56-100-opening.html"
PLENARY = DATA / "plenary-56-10-opening.html"


@pytest.fixture(scope="module")
def commission() -> list:
    return read_paragraphs(COMMISSION.read_bytes())


def test_title_block_cells_keep_their_table_row_and_cell(commission):
    title = [p for p in commission if p.table == 0]
    assert [p.text for p in title if p.row == 0] == [
        "Commissie voor Sociale Zaken, Werk en Pensioenen",
        "Commission des Affaires sociales, de l'Emploi et des Pensions",
    ]
    dutch = [p.text for p in title if p.row == 1 and p.cell == 0]
    french = [p.text for p in title if p.row == 1 and p.cell == 1]
    assert "Dinsdag 18 maart 2025" in dutch and "Voormiddag" in dutch
    assert "Mardi 18 mars 2025" in french and "Matin" in french
    assert all(p.table == -1 for p in commission if p.tag == "h2")


def test_non_breaking_spaces_and_line_wraps_become_one_space(commission):
    opening = next(p for p in commission if p.text.startswith("De openbare"))
    assert "9.33 uur" in opening.text
    french = next(p for p in commission if p.text.startswith("La réunion"))
    assert "à 9 h 33 et présidée par Mme Ellen Samyn." in french.text
    assert all("\xa0" not in p.text and "\n" not in p.text for p in commission)
    assert all(p.text == p.text.strip() and "  " not in p.text for p in commission)


def test_headings_styles_and_speaker_spans(commission):
    headings = [p.text for p in commission if p.tag == "h2"]
    assert len(headings) == 2
    assert headings[0].startswith("01 Vraag van Wouter Raskin aan Rob Beenders")
    assert headings[1].startswith("01 Question de Wouter Raskin à Rob Beenders")
    assert headings[0].endswith('sociale-inspectiediensten" (56002794C)')
    first_turn = next(p for p in commission if p.text.startswith("01.01"))
    assert first_turn.speaker == "01.01 Wouter Raskin"
    assert first_turn.text.startswith("01.01 Wouter Raskin (N-VA): Het is een gigantische eer")
    styles = {p.style for p in commission}
    assert {"NormalNL", "NormalFR", "italNL", "italFR"} <= styles


def test_index_counts_blank_paragraphs_so_positions_are_stable(commission):
    every = read_paragraphs(COMMISSION.read_bytes(), keep_blank=True)
    assert [p.index for p in every] == list(range(len(every)))
    assert len(every) > len(commission)
    by_index = {p.index: p for p in every}
    assert all(by_index[p.index].text == p.text for p in commission)
    assert all(p.text == "" for p in every if p.index not in {q.index for q in commission})


def test_utf8_file_declared_windows_1252_reads_without_warning():
    data = PLENARY.read_bytes()
    assert b"charset=windows-1252" in data
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        paragraphs = read_paragraphs(data)
    texts = [p.text for p in paragraphs]
    assert "Séance plénière" in texts
    assert any("François De Smet (DéFI)" in t for t in texts)


def test_a_file_really_in_windows_1252_reads_the_same_with_one_warning():
    data = PLENARY.read_bytes()
    legacy = data.decode("utf-8").replace("’", "'").encode("cp1252")
    expected = [p.text.replace("’", "'") for p in read_paragraphs(data)]
    with pytest.warns(dk.EncodingWarning, match=r"\[W500\]") as caught:
        got = [p.text for p in read_paragraphs(legacy, source="legacy.html")]
    assert got == expected
    assert "legacy.html" in str(caught[0].message)


def test_only_the_invalid_bytes_of_a_mixed_file_are_read_as_windows_1252():
    # UTF-8 throughout, with one byte of a Windows-1252 'é' pasted in.
    prefix = "<p>Désir et Vandenbroucke’s: caf".encode()
    data = prefix + b"\xe9</p><p>Peeters</p>"
    with pytest.warns(dk.EncodingWarning, match=rf"1 byte\(s\).*0xE9.*offset {len(prefix)}\)"):
        text = decode_report(data)
    assert text == "<p>Désir et Vandenbroucke’s: café</p><p>Peeters</p>"


def test_windows_1252_undefined_bytes_do_not_fail():
    with pytest.warns(dk.EncodingWarning):
        assert decode_report(b"a\x81b") == "a\x81b"


def test_soft_hyphens_and_zero_width_spaces_are_removed():
    html = "<p class=NormalNL>gezond\u00adheids\u200bzorg en<br>beleid</p>".encode()
    assert [p.text for p in read_paragraphs(html)] == ["gezondheidszorg en beleid"]


def test_recognises_chamber_html_from_its_first_bytes(sample_path):
    assert looks_like_chamber_html(COMMISSION.read_bytes()[:4096])
    assert looks_like_chamber_html(PLENARY.read_bytes()[:4096])
    assert not looks_like_chamber_html(sample_path.read_bytes()[:4096])
    assert not looks_like_chamber_html(b"<html><body><p>A recipe</p></body></html>")
