"""Small transcripts that tests build on, beside the shipped sample."""

from __future__ import annotations

# A second meeting, small and complete, so that a corpus holds two reports.
OTHER_MEETING = """\
Commissievergadering nr. C200 (2024-2025) – 5 februari 2025 3
VRAAG OM UITLEG van Anna Peeters aan Jo Brouns, Vlaams minister van Economie,
over de kinderopvang
– 801 (2024-2025)
Voorzitter: de heer Björn Rzoska
De voorzitter: Mevrouw Peeters heeft het woord.
Anna Peeters (Groen): Minister, hoeveel plaatsen komen er bij?
Minister Jo Brouns: Er komen er tweehonderd bij.
De voorzitter: De vraag om uitleg is afgehandeld.
Vlaams Parlement
"""
