"""The shipped gazetteer, user entries, and acronym definitions found in text."""

from __future__ import annotations

import json

import pandas as pd
import pytest

import debatekit as dk
from debatekit.analyzers.entities._acronyms import find_definitions, guess_label
from debatekit.analyzers.entities._gazetteer import surface_forms


@pytest.fixture(scope="module")
def shipped() -> pd.DataFrame:
    return dk.load_gazetteer()


def test_the_shipped_gazetteer_is_broad_and_well_formed(shipped):
    assert tuple(shipped.columns) == (*dk.GAZETTEER_COLUMNS, "source")
    assert len(shipped) >= 300
    assert shipped["canonical"].is_unique
    assert (shipped["label"].str.fullmatch(r"[A-Z_]+")).all()
    assert (shipped["full_name"] != "").all()
    categories = set(shipped["category"])
    for needed in (
        "agency",
        "department",
        "advisory council",
        "research fund",
        "government",
        "parliament",
        "court",
        "inspectorate",
        "employers",
        "union",
        "university",
        "party",
        "eu",
        "international",
    ):
        assert (shipped["category"] == needed).sum() >= 2, needed
    assert {"ORG", "GPE", "PERSON", "LAW"} <= set(shipped["label"])
    assert categories


def test_no_spelling_names_two_entries(shipped):
    owners: dict[str, str] = {}
    for entry in shipped.to_dict("records"):
        for form in surface_forms(entry):
            assert owners.setdefault(form, entry["canonical"]) == entry["canonical"], form


def test_parties_are_known_under_their_spellings(shipped):
    cdv = shipped.set_index("canonical").loc["cd&v"]
    assert {"cd&v", "CD&V", "Christen-Democratisch en Vlaams"} <= set(surface_forms(cdv))


def test_surface_forms_cover_both_dashes():
    forms = surface_forms({"canonical": "FWO", "full_name": "Fonds – Vlaanderen", "aliases": "A|B"})
    assert {"FWO", "Fonds – Vlaanderen", "Fonds - Vlaanderen", "A", "B"} <= set(forms)


@pytest.mark.parametrize("suffix", [".csv", ".tsv", ".jsonl", "frame"])
def test_user_entries_from_files_and_frames(tmp_path, suffix):
    rows = [{"canonical": "Smart", "label": "ORG", "aliases": ["SMart", "Smart cvba"]}]
    if suffix == "frame":
        entries = pd.DataFrame(rows)
    else:
        entries = tmp_path / f"mine{suffix}"
        if suffix == ".jsonl":
            entries.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
        else:
            sep = "," if suffix == ".csv" else "\t"
            flat = pd.DataFrame(rows).assign(aliases="SMart|Smart cvba")
            flat.to_csv(entries, sep=sep, index=False)
    table = dk.load_gazetteer(entries)
    smart = table.set_index("canonical").loc["Smart"]
    assert smart["source"] == "user"
    assert smart["aliases"] == "SMart|Smart cvba"
    assert smart["full_name"] == "Smart"
    assert len(table) == len(dk.load_gazetteer()) + 1


def test_a_user_entry_replaces_the_shipped_one():
    mine = pd.DataFrame({"canonical": ["VDAB"], "label": ["ORG"], "full_name": ["Mijn VDAB"]})
    table = dk.load_gazetteer(mine)
    assert table.set_index("canonical").loc["VDAB", "full_name"] == "Mijn VDAB"
    assert (table["canonical"] == "VDAB").sum() == 1
    alone = dk.load_gazetteer(mine, builtin=False)
    assert alone["canonical"].tolist() == ["VDAB"]


@pytest.mark.parametrize(
    ("entries", "match"),
    [
        (pd.DataFrame({"name": ["X"], "label": ["ORG"]}), r"\[E100\].*canonical"),
        (pd.DataFrame({"canonical": [""], "label": ["ORG"]}), r"\[E101\].*entry 1"),
        (pd.DataFrame({"canonical": ["X"], "label": ["org"]}), r"\[E102\].*'org'"),
    ],
)
def test_bad_entries_say_what_is_wrong(entries, match):
    with pytest.raises(dk.GazetteerError, match=match):
        dk.load_gazetteer(entries)


def test_an_unreadable_file_type_is_named(tmp_path):
    path = tmp_path / "mine.xlsx"
    path.write_bytes(b"x")
    with pytest.raises(dk.GazetteerError, match=r"\[E103\].*'.xlsx'"):
        dk.load_gazetteer(path)
    with pytest.raises(FileNotFoundError):
        dk.load_gazetteer(tmp_path / "missing.csv")


@pytest.mark.parametrize(
    ("text", "acronym", "long_form"),
    [
        ("middelen voor het Fonds Wetenschappelijk Onderzoek – Vlaanderen (FWO), en", "FWO",
         "Fonds Wetenschappelijk Onderzoek – Vlaanderen"),
        ("ik begrijp dat Flanders Investment & Trade (FIT), het", "FIT",
         "Flanders Investment & Trade"),
        ("het Departement Kanselarij en Buitenlandse Zaken (DKBUZA) en", "DKBUZA",
         "Departement Kanselarij en Buitenlandse Zaken"),
        ("Een rapport van de Sociaal-Economische Raad van Vlaanderen (SERV) zegt", "SERV",
         "Sociaal-Economische Raad van Vlaanderen"),
    ],
)  # fmt: skip
def test_acronym_definitions_find_the_long_form(text, acronym, long_form):
    (definition,) = find_definitions(text)
    assert (definition.acronym, definition.long_form) == (acronym, long_form)
    assert text[definition.start : definition.end] == long_form


@pytest.mark.parametrize(
    "text",
    [
        "een individuele beroepsopleiding (IBO).",
        "de social impact bond (SIB).",
        "het Vlaams opleidingsverlof (VOF) kunnen",
        "Dat is zo. Vlaanderen (XYZ) doet het.",
        "een zin (DIT IS GEEN) acroniem",
    ],
)
def test_things_that_are_not_named_bodies_are_not_definitions(text):
    assert find_definitions(text) == []


def test_laws_are_told_from_bodies():
    assert guess_label("Net-Zero Industry Act") == "LAW"
    assert guess_label("Zorgplichtwet") == "LAW"
    assert guess_label("Industrieel Onderzoeksfonds") == "ORG"
