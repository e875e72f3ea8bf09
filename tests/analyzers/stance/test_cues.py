"""Stance cues and addressee resolution, on real sentences of the sample transcript."""

from __future__ import annotations

import pytest

from debatekit.analyzers.stance._cues import (
    CUES,
    KINDS,
    NameIndex,
    find_cues,
    resolve_targets,
)
from debatekit.lang._sentences import sentence_spans


def sentence_with(turns, phrase: str) -> str:
    """The sentence of the sample that holds ``phrase`` (so the test reads real text)."""
    for text in turns["text"].dropna():
        for start, end in sentence_spans(text):
            if phrase in text[start:end]:
                return text[start:end]
    raise AssertionError(f"{phrase!r} is not in the sample")


# (phrase that locates a real sentence of the sample, cue expected, its kind)
SAMPLE_CUES = [
    ("Ik wil me graag aansluiten", "me aansluiten bij", "agreement"),
    ("Ik ben het volledig eens met die analyse", "ik ben het eens met", "agreement"),
    ("ik ben het ermee eens dat we alle drempels", "ik ben het eens met", "agreement"),
    ("Ik ga akkoord met de manier", "ik ga akkoord", "agreement"),
    ("Ik deel trouwens ook wat de minister zei", "ik deel de mening", "agreement"),
    ("zoals collega Annouri zegt", "zoals collega X zegt", "agreement"),
    ("heeft de problematiek zeer goed geduid", "X heeft dat goed geduid", "agreement"),
    ("die dat thema zeer goed meester is", "die dat thema goed beheerst", "agreement"),
    (
        "Collega Ronse, we mogen dat niet onder de mat schuiven",
        "niet onder de mat schuiven",
        "disagreement",
    ),
    (
        "vind ik dat u het voor een stuk onder de mat veegt",
        "niet onder de mat schuiven",
        "disagreement",
    ),
    ("Ik zeg dat dat geen oplossing is", "dat is geen oplossing", "disagreement"),
    ("Dat is totaal geen oplossing", "dat is geen oplossing", "disagreement"),
    ("ik ga niet mee in de gedachte", "ik ga niet mee in", "disagreement"),
    ("Ik voel me niet aangesproken", "ik voel me niet aangesproken", "disagreement"),
    ("maar dat is maar een deel van de waarheid", "maar een deel van de waarheid", "disagreement"),
    ("Waar wij in verschillen, is de oplossing", "daar verschillen we", "disagreement"),
    (
        "Ik denk dat dat een goede zaak is, en dat dat een zeer goed antwoord was",
        "een goede zaak",
        "praise",
    ),
    ("Ik vind dat een heel leuk voorstel", "een goed voorstel", "praise"),
    ("Dat lijkt me sowieso interessant", "dat is interessant", "praise"),
    (
        "Ik denk dat er twee interessante elementen in uw antwoord zitten",
        "dat is interessant",
        "praise",
    ),
    ("Het is goed dat er verder op wordt ingezet", "het is goed dat", "praise"),
    ("maar die is toch zeer traag", "te traag", "criticism"),
    ("Ik vind inderdaad dat hier toch wel tijd verloren gaat", "tijd verloren", "criticism"),
    (
        "We moeten daarin veel daadkrachtiger en slagkrachtiger optreden",
        "daadkrachtiger",
        "criticism",
    ),
    ("Dat begrijp ik gewoon niet", "dat begrijp ik niet", "criticism"),
    ("onvoldoende was", "onvoldoende", "criticism"),
    ("erkent u dat het feit", "erkent u dat", "criticism"),
    ("Minister, dank u voor uw antwoord", "dank u voor uw antwoord", "thanks"),
    ("wat we nu met de Vlaamse Regering hebben gedaan", "wat we met de regering doen", "alignment"),
]


@pytest.mark.parametrize(
    ("phrase", "cue", "kind"), SAMPLE_CUES, ids=[c[0][:40] for c in SAMPLE_CUES]
)
def test_each_cue_is_found_in_the_sample(sample_turns, phrase, cue, kind):
    found = find_cues(sentence_with(sample_turns, phrase))
    matches = [m for m in found if m.cue.name == cue]
    assert matches, [m.cue.name for m in found]
    assert matches[0].cue.kind == kind
    assert matches[0].cue.polarity == (-1 if kind in ("disagreement", "criticism") else 1)


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Ik sluit me volledig aan bij collega Peeters.", "ik sluit me aan bij"),
        ("Ik ben het daar niet mee eens.", "ik ben het niet eens"),
        ("Daar ga ik niet mee akkoord, minister.", None),
        ("Ik ga daar niet mee akkoord.", "ik ga niet akkoord"),
        ("Ik deel die mening niet.", "ik deel die mening niet"),
        ("Dat klopt niet.", "dat klopt niet"),
        ("Uw antwoord stelt me teleur, ik ben teleurgesteld.", "teleurgesteld"),
        ("Ik blijf op mijn honger zitten.", "ik blijf op mijn honger"),
        ("Dat is een stap in de goede richting.", "een stap in de goede richting"),
        ("Wij als oppositie blijven dit opvolgen.", "wij als oppositie"),
    ],
)
def test_cues_beyond_the_sample(text, cue):
    names = [m.cue.name for m in find_cues(text)]
    if cue is None:
        assert not [n for n in names if "akkoord" in n and "niet" not in n], names
    else:
        assert cue in names


def test_a_negated_phrase_is_not_read_as_agreement():
    for text in ("Ik ben het daar niet mee eens.", "Ik ga daar niet mee akkoord."):
        kinds = {m.cue.kind for m in find_cues(text)}
        assert kinds == {"disagreement"}, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ik sluit me niet aan bij collega De Roo.", [("disagreement", -1)]),
        ("Ik deel de mening van collega De Roo niet.", [("disagreement", -1)]),
        ("Collega De Roo heeft geen gelijk.", [("disagreement", -1)]),
        ("Ik kan collega De Roo niet volgen.", [("disagreement", -1)]),
        ("Ik kan minister Brouns nooit volgen.", [("disagreement", -1)]),
        ("Ik ben het allerminst eens met collega De Roo.", [("disagreement", -1)]),
        ("Ik ben helemaal niet teleurgesteld, minister.", []),
        ("Er is geen tijd verloren.", []),
        ("Dat is geen goede zaak.", []),
        # a negator outside the cue's clause, or one that negates nothing
        ("Ik sluit me aan bij collega De Roo, die niet overdrijft.", [("agreement", 1)]),
        ("Ik ben blij dat u niet langer wacht.", [("praise", 1)]),
        ("Het is niet alleen een goede zaak, maar ook nodig.", [("praise", 1)]),
        ("Jammer genoeg is er geen oplossing.", [("criticism", -1)]),
    ],
)
def test_a_negator_in_the_cues_clause_flips_agreement_and_cancels_evaluation(text, expected):
    found = [(m.cue.kind, m.cue.polarity) for m in find_cues(text)]
    assert found == expected, found


def test_negated_agreement_is_disagreement_with_the_named_colleague():
    import debatekit as dk

    turns = dk.from_records(
        [
            {"speaker": "Stijn De Roo (cd&v)", "text": "Minister, de wachtlijsten moeten weg."},
            {"speaker": "Minister Jo Brouns", "text": "We investeren fors in extra plaatsen."},
            {
                "speaker": "Imade Annouri (Groen)",
                "text": "Ik sluit me niet aan bij collega De Roo. "
                "Ik ben helemaal niet teleurgesteld, minister.",
            },
        ]
    )
    table = dk.interactions(turns)
    signed = table[table["polarity"] != 0]
    got = signed[["speaker", "target", "kind", "polarity"]].values.tolist()
    assert got == [["Imade Annouri", "Stijn De Roo", "disagreement", -1]]


def test_the_sample_has_no_agreement_where_there_is_none(sample_turns):
    # The opening question of item 1 asks and praises nobody in particular.
    opening = sample_turns.loc[sample_turns["turn_id"] == "C190-2023-2024-0002", "text"].item()
    assert not [m for m in find_cues(opening) if m.cue.kind in ("agreement", "disagreement")]


def test_every_cue_has_a_known_kind_and_a_sign():
    assert {c.kind for c in CUES} <= set(KINDS)
    assert all(c.polarity in (-1, 1) and 0 <= c.weight <= 1 for c in CUES)
    assert {c.kind for c in CUES if c.weight == 0} == {"thanks"}
    assert len({c.pattern.pattern for c in CUES}) == len(CUES)


def test_overlapping_cues_yield_the_longer_one():
    names = [m.cue.name for m in find_cues("Ik voel me niet aangesproken.")]
    assert names == ["ik voel me niet aangesproken"]


def test_names_are_found_with_a_title_or_in_full():
    names = NameIndex(["Axel Ronse", "Stijn De Roo", "Jo Brouns"])
    text = "Collega Ronse zei het, de heer De Roo ook, en Jo Brouns antwoordde. Roo is geen naam."
    assert [n for _, _, n in names.find(text)] == ["Axel Ronse", "Stijn De Roo", "Jo Brouns"]


def test_a_surname_two_speakers_share_needs_the_full_name():
    names = NameIndex(["Jan Peumans", "Els Peumans", "Axel Ronse"])
    assert names.find("Collega Peumans zei het.") == []
    assert [n for _, _, n in names.find("Els Peumans en collega Ronse")] == [
        "Els Peumans",
        "Axel Ronse",
    ]


def test_targets_follow_names_then_you_then_the_minister():
    names = NameIndex(["Axel Ronse", "Thijs Verbeurgt", "Jo Brouns", "Imade Annouri"])
    common = {
        "names": names,
        "speaker": "Axel Ronse",
        "minister": "Jo Brouns",
        "you": "Thijs Verbeurgt",
    }

    def resolve(sentence, vocative=None, others=()):
        found = resolve_targets(sentence, vocative=vocative, others=list(others), **common)
        return [(t.speaker, t.resolved_by) for t in found]

    assert resolve("Collega Verbeurgt, u veegt het onder de mat.") == [("Thijs Verbeurgt", "name")]
    assert resolve("Ik deel wat de minister zei.") == [("Jo Brouns", "minister")]
    assert resolve("Ik deel wat minister Somers zei.") == []  # not a speaker of this meeting
    assert resolve("U veegt het onder de mat.") == [("Thijs Verbeurgt", "u")]
    assert resolve("U veegt het onder de mat.", vocative="Jo Brouns") == [("Jo Brouns", "u")]
    assert resolve("Jullie zeggen iets anders.", others=["Thijs Verbeurgt", "Imade Annouri"]) == [
        ("Thijs Verbeurgt", "collega's"),
        ("Imade Annouri", "collega's"),
    ]
    assert resolve("Ik sluit me aan bij de vorige sprekers.", others=["Imade Annouri"]) == [
        ("Imade Annouri", "collega's")
    ]
    assert resolve("Ik heb een goede vriend.") == []


@pytest.mark.parametrize(
    ("text", "kind", "polarity"),
    [
        ("Het is goed om te horen dat u extra middelen vrijmaakt.", "praise", 1),
        ("U zet daarmee de juiste stappen.", "praise", 1),
        ("Het is hoog tijd dat er iets gebeurt.", "criticism", -1),
        ("Uw antwoord blijft weinig concreet.", "criticism", -1),
        ("Dat vind ik bijzonder jammer.", "criticism", -1),
        ("Wij als meerderheid steunen dit.", "alignment", 1),
        ("Ik hoor de oppositie iets anders zeggen.", "alignment", 1),
        ("Deze meerderheid weigert te luisteren.", "alignment", -1),
        ("Wij zullen dit ontwerp van decreet met overtuiging goedkeuren.", "alignment", 1),
        ("Onze fractie zal zich bij de stemming onthouden.", "alignment", -1),
        ("Ik dien daarom een motie van aanbeveling in.", "alignment", -1),
        ("Er werd een gewone motie ingediend.", "alignment", 1),
        ("Ik wil u danken voor de vele inspanningen.", "praise", 1),
        ("Het gaat gelukkig de goede kant op.", "praise", 1),
        ("Ik ben alvast gerustgesteld.", "praise", 1),
        ("Dit is een gemiste kans, minister.", "criticism", -1),
        ("Ik had gehoopt dat u verder zou gaan.", "criticism", -1),
        ("Ik blijf toch met heel wat vragen zitten.", "criticism", -1),
        ("U geeft geen concreet antwoord.", "criticism", -1),
        ("U schuift de verantwoordelijkheid gewoon door.", "criticism", -1),
        ("Hoe verklaart u die achterstand?", "criticism", -1),
        ("Waarom hebt u de middelen nog altijd niet vrijgemaakt?", "criticism", -1),
    ],
)
def test_evaluations_and_alignment_beyond_the_sample(text, kind, polarity):
    found = [(m.cue.kind, m.cue.polarity) for m in find_cues(text)]
    assert (kind, polarity) in found, found


def test_the_majority_of_firms_is_not_a_political_majority():
    assert not find_cues("De meerderheid van de bedrijven investeert in opleiding.")


def test_rejecting_an_amendment_or_supporting_firms_is_no_vote_on_the_bill():
    assert not find_cues("Wij zullen dit amendement niet steunen.")
    assert not find_cues("We gaan onze bedrijven blijven steunen.")
    # talking with the government is not governing with it
    assert not find_cues("We hebben daar met de Vlaamse Regering al vaak over gedebatteerd.")
    # the minister's own words: firms pass obligations on, which is no judgement of the answer
    assert not find_cues("Grotere ondernemingen schuiven hun verplichtingen door naar de kmo's.")
