"""Small corpora built from the sample: the same report as other meetings on other dates."""

from __future__ import annotations

from pathlib import Path

_MONTHS = ("januari", "februari", "maart", "april", "mei", "juni")


def variant(text: str, i: int) -> str:
    """The sample as meeting C(190+i) on another day, with debates left out by ``i``."""
    meeting = f"C{190 + i} (2023-2024)"
    day, month = 1 + i % 28, _MONTHS[i % len(_MONTHS)]
    out = text.replace("C190 (2023-2024)", meeting).replace("28 maart 2024", f"{day} {month} 2024")
    # Drop one of the first debates so the variants differ in length and content.
    cut = out.split("\nVRAAG OM UITLEG")
    if len(cut) > 3 and i % 3:
        del cut[1 + i % 2]
    return "\nVRAAG OM UITLEG".join(cut)


def write_corpus(text: str, folder: Path, n: int) -> list[Path]:
    """``n`` variants of ``text`` as files in ``folder``, in order."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        path = folder / f"vlaams-parlement_{i:03d}.txt"
        path.write_text(variant(text, i), encoding="utf-8")
        paths.append(path)
    return paths
