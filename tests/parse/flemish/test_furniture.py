"""Page furniture in the forms a PDF's text layer gives it."""

from __future__ import annotations

import pandas as pd
import pytest

from debatekit.parse.flemish._furniture import furniture_kind, match_header


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Commissievergadering nr. C190 (2023-2024) – 28 maart 2024 25 ", "header"),
        ("24 Commissievergadering nr. C190 (2023-2024) – 28 maart 2024", "header"),
        ("\fPlenaire vergadering nr. 12 (2024-2025) – 5 februari 2025", "header"),
        ("Vlaams Parlement", "footer"),
        ("Vlaams Parlement 25", "footer"),
        ("25 Vlaams Parlement", "footer"),
        ("Vlaams Parlement – 1011 Brussel – 02 552 11 11 – www.vlaamsparlement.be", "footer"),
        ("http://www.werkbaarwerk.be/telewerk", "link"),
        ("25", "page number"),
        ("- 25 -", "page number"),
        ("– 25 –", "page number"),
        ("25/40", "page number"),
        ("Pagina 25", "page number"),
        ("pagina 25 van 40", "page number"),
        ("p. 25", "page number"),
        ("blz. 7", "page number"),
    ],
)
def test_furniture_forms(line, kind):
    assert furniture_kind(line.replace("\f", "")) == kind


@pytest.mark.parametrize(
    "line",
    [
        "Vlaams Parlement heeft dit goedgekeurd.",
        "25 procent van de bedrijven",
        "– 1395 (2023-2024)",
        "Pagina's vol met cijfers.",
        "Commissievergadering van gisteren was lang.",
    ],
)
def test_speech_is_not_furniture(line):
    assert furniture_kind(line) is None


def test_header_gives_meeting_date_and_page_on_either_side():
    after = match_header("Commissievergadering nr. C190 (2023-2024) – 28 maart 2024 25")
    before = match_header("24 Commissievergadering nr. C190 (2023-2024) – 28 maart 2024")
    assert after.meeting == before.meeting == "C190 (2023-2024)"
    assert after.date == before.date == pd.Timestamp("2024-03-28")
    assert (after.page, before.page) == (25, 24)
