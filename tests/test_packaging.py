"""One sample file in the repository, shipped inside the wheel, found by dk.sample_path()."""

from __future__ import annotations

from pathlib import Path

import tomllib

import debatekit as dk

ROOT = Path(__file__).resolve().parents[1]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_the_repository_holds_one_copy_of_the_sample():
    # What ships: the package and the data folder (tests keep excerpts of their own).
    copies = [
        p
        for folder in (ROOT / "src", ROOT / "data")
        for p in folder.rglob("vlaams-parlement_C190_2024-03-28.txt")
    ]
    assert [p.relative_to(ROOT).as_posix() for p in copies] == [
        "data/sample/vlaams-parlement_C190_2024-03-28.txt"
    ]


def test_the_wheel_ships_that_copy_where_sample_path_looks():
    shipped = PROJECT["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    (source, target), *_ = shipped.items()
    assert (ROOT / source).is_file()
    assert target == "debatekit/data/" + Path(source).name
    assert dk.sample_path().read_bytes() == (ROOT / source).read_bytes()


def test_the_notebook_extra_brings_jupyter():
    extras = PROJECT["project"]["optional-dependencies"]
    assert any(r.startswith("jupyterlab") for r in extras["notebook"])
    assert "embeddings" in extras
