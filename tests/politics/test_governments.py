"""The dated governments table and the bloc of each speaker on each date."""

from __future__ import annotations

import pandas as pd
import pytest

import debatekit as dk


def test_the_shipped_table_knows_both_parliaments():
    table = dk.governments()
    by = table.groupby(["parliament", "government"])["party"].apply(set).to_dict()
    assert by[("kamer", "De Croo")] == {"Open Vld", "MR", "PS", "Vooruit", "cd&v", "Ecolo", "Groen"}
    assert by[("kamer", "De Wever")] == {"N-VA", "MR", "Les Engagés", "Vooruit", "cd&v"}
    assert by[("vlaams", "Jambon")] == {"N-VA", "cd&v", "Open Vld"}
    assert by[("vlaams", "Diependaele")] == {"N-VA", "Vooruit", "cd&v"}


def _turns(rows):
    return pd.DataFrame(rows, columns=["speaker", "party", "role", "date", "parliament"])


def test_the_bloc_follows_the_date():
    turns = _turns(
        [
            ("Eva Platteau", "Ecolo-Groen", "member", "2025-01-09", "kamer"),  # De Croo
            ("Eva Platteau", "Ecolo-Groen", "member", "2025-03-20", "kamer"),  # De Wever
            ("Sander Loones", "N-VA", "member", "2025-01-09", "kamer"),
            ("Sander Loones", "N-VA", "member", "2025-03-20", "kamer"),
            ("Frank Vandenbroucke", None, "minister", "2025-01-09", "kamer"),
            ("Els Van Hoof", "cd&v", "member", "2024-03-28", "Vlaams Parlement"),
            ("Els Van Hoof", "Vooruit", "member", "2024-10-10", "vlaams"),
        ]
    )
    table = dk.blocs(turns)
    got = {(r.speaker, r.government): r.bloc for r in table.itertuples()}
    assert got[("Eva Platteau", "De Croo")] == "majority"  # Ecolo-Groen: both governed
    assert got[("Eva Platteau", "De Wever")] == "opposition"
    assert got[("Sander Loones", "De Croo")] == "opposition"
    assert got[("Sander Loones", "De Wever")] == "majority"
    assert got[("Frank Vandenbroucke", "De Croo")] == "government"
    assert got[("Els Van Hoof", "Jambon")] == "majority"
    assert got[("Els Van Hoof", "Diependaele")] == "majority"


def test_users_extend_the_table():
    extra = pd.DataFrame(
        [
            {
                "parliament": "brussels",
                "government": "Dilliès",
                "start": "2026-02-13",
                "end": "",
                "party": "MR",
            }
        ]
    )
    turns = _turns(
        [
            ("A B", "MR", "member", "2026-03-01", "brussels"),
            ("C D", "PS", "member", "2026-03-01", "brussels"),
        ]
    )
    table = dk.blocs(turns, table=dk.governments(extra))
    assert table.set_index("speaker")["bloc"].to_dict() == {"A B": "majority", "C D": "opposition"}


def test_a_date_outside_every_government_has_no_bloc():
    table = dk.blocs(_turns([("A B", "N-VA", "member", "1990-01-01", "vlaams")]))
    assert table["bloc"].isna().all()


def test_a_bad_table_says_what_is_wrong():
    with pytest.raises(dk.StanceError, match="E407"):
        dk.governments(pd.DataFrame({"party": ["MR"]}))
    bad = pd.DataFrame(
        [{"parliament": "x", "government": "y", "start": "3 Feb", "end": "", "party": "MR"}]
    )
    with pytest.raises(dk.StanceError, match="E407.*start"):
        dk.governments(bad)
