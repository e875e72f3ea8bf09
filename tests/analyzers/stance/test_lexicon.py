"""The cue lexicon as data: each cue on its real sentence, French, questions, counts."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from debatekit import StanceError
from debatekit.analyzers.stance import _cues
from debatekit.analyzers.stance._cues import CUES, LEXICON_COLUMNS, find_cues, load_cues

EXCERPT = Path(__file__).parents[2] / "data" / "stance" / "kamer_excerpt.csv"


@pytest.fixture(scope="module")
def kamer_turns() -> pd.DataFrame:
    """Real Chamber turns (a plenary and a committee meeting, Dutch and French)."""
    return pd.read_csv(EXCERPT, dtype={"party": "string"})


@pytest.mark.parametrize("cue", CUES, ids=[f"{c.lang}:{c.name}" for c in CUES])
def test_each_cue_fires_on_its_real_example(cue):
    found = find_cues(cue.example, lang=cue.lang)
    assert cue.pattern.search(cue.example), cue.example
    # the example is read as the cue says, or as its negated form, or hides inside a longer cue
    assert any(m.cue.name.startswith(cue.name) for m in found) or any(
        m.cue.name != cue.name and m.cue.lang == cue.lang for m in found
    ), (cue.example, [m.cue.name for m in found])


def test_the_lexicon_is_a_file_with_a_row_per_cue():
    table = pd.read_csv(_cues.lexicon_path(), keep_default_na=False)
    assert tuple(table.columns) == LEXICON_COLUMNS
    assert len(table) == len(CUES)
    assert set(table["target"]) == {"person", "government"}
    assert (table["example"].str.len() > 20).all()


def test_a_broken_lexicon_row_names_the_file_and_line(tmp_path):
    bad = tmp_path / "cues.csv"
    bad.write_text(
        ",".join(LEXICON_COLUMNS) + "\nok,nl,praise,1,1,government,\\bgoed\\b,Dat is goed.\n"
        "bad,nl,praise,2,1,government,(,Dat is goed.\n",
        encoding="utf-8",
    )
    with pytest.raises(StanceError, match=r"E408.*cues\.csv.*line 3"):
        load_cues(bad)


def test_the_prefilter_finds_what_scanning_every_cue_finds(kamer_turns, sample_turns):
    texts = [*kamer_turns["text"].astype(str), *sample_turns["text"].dropna().astype(str)]
    scanning = [(c, None) for c in CUES]
    fast = [[(m.cue.name, m.start) for m in find_cues(t)] for t in texts]
    original = _cues._prepared
    try:
        _cues._prepared = lambda cues, lang: scanning  # type: ignore[assignment]
        slow = [[(m.cue.name, m.start) for m in find_cues(t)] for t in texts]
    finally:
        _cues._prepared = original
    assert fast == slow
    assert sum(map(len, fast)) > 100


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Je suis d'accord avec M. Prévot.", [("agreement", 1)]),
        ("Je ne suis pas d'accord avec vous.", [("disagreement", -1)]),
        ("Je me réjouis de votre réponse.", [("praise", 1)]),
        ("Ce n'est pas une bonne nouvelle.", []),
        ("Je reste sur ma faim, madame la ministre.", [("criticism", -1)]),
        ("Je ne suis pas déçu par votre réponse.", []),
    ],
)
def test_french_cues_and_their_negation(text, expected):
    found = [(m.cue.kind, m.cue.polarity) for m in find_cues(text, lang="fr")]
    assert found == expected, found


def test_dutch_pas_is_no_negation():
    # "pas" is French negation but Dutch for "only": the praise stands
    assert [m.cue.kind for m in find_cues("Het is goed dat dit pas nu komt.", lang="nl")] == [
        "praise"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hoe verklaart u de stijging?", []),  # a neutral question judges nothing
        ("Is dat een goede zaak?", []),  # praise asked about is not given
        ("Het lijkt mij een goede zaak, maar kunt u meer zeggen?", [("praise", 1)]),
        ("Waarom gaat dat zo traag?", [("criticism", -1)]),
    ],
)
def test_questions_ask_rather_than_judge(text, expected):
    found = [(m.cue.kind, m.cue.polarity) for m in find_cues(text)]
    assert found == expected, found


def test_criticism_in_a_question_counts_half():
    (match,) = find_cues("Waarom gaat dat zo traag?")
    assert match.cue.weight == pytest.approx(0.5)


def test_a_turn_of_100_kb_without_punctuation_stays_fast():
    import time

    text = ("de minister zegt dat het een goede zaak is maar het gaat te traag " * 1600)[:100_000]
    start = time.process_time()
    found = find_cues(text)
    assert time.process_time() - start < 2.0
    assert len(found) > 1000


def test_how_many_cues_fire_on_the_shipped_reports(kamer_turns, sample_turns, capsys):
    """Report the cues that fire on the shipped Chamber and Flemish excerpts."""
    fired: dict[str, set[str]] = {"kamer": set(), "flemish": set()}
    counts = {"kamer": 0, "flemish": 0}
    for where, turns in (("kamer", kamer_turns), ("flemish", sample_turns)):
        speaking = turns[turns["role"].isin(["member", "minister"])]
        langs = speaking["lang"] if "lang" in speaking else pd.Series("nl", speaking.index)
        for text, lang in zip(speaking["text"].astype(str), langs):
            for match in find_cues(text, lang=lang):
                fired[where].add(match.cue.name.removesuffix(" (negated)"))
                counts[where] += 1
    with capsys.disabled():
        print(
            f"\ncues of {len(CUES)}: {len(fired['kamer'])} fire on the Chamber excerpt "
            f"({counts['kamer']} matches), {len(fired['flemish'])} on the Flemish sample "
            f"({counts['flemish']} matches), {len(fired['kamer'] | fired['flemish'])} on either"
        )
    assert len(fired["kamer"]) >= 25
    assert len(fired["flemish"]) >= 20
    assert {c.lang for c in CUES if c.name in fired["kamer"]} == {"nl", "fr"}
