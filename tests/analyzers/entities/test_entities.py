"""Entities on the sample transcript and on small turns built here, with and without a model."""

from __future__ import annotations

import re
import warnings

import pandas as pd
import pytest

import debatekit as dk
from debatekit.analyzers.entities import _entities


@pytest.fixture(scope="module")
def sample_mentions(sample_result) -> pd.DataFrame:
    return dk.entities(sample_result.turns, model=None, progress=False)


@pytest.fixture(scope="module")
def spoken(sample_result) -> pd.DataFrame:
    turns = sample_result.turns
    return turns[~turns["procedural"]]


def _count_in_text(turns: pd.DataFrame, form: str) -> int:
    """Occurrences of ``form`` as a word of its own or the head of a compound (VLAIO-netwerk)."""
    pattern = re.compile(rf"(?<![\w]){re.escape(form)}(?!\w)")
    return sum(len(pattern.findall(text)) for text in turns["text"])


def _turns(*rows: tuple[str, str, str], meeting: str = "C1 (2024-2025)") -> pd.DataFrame:
    """A small turns table: (speaker, party, text) per turn."""
    return pd.DataFrame(
        {
            "turn_id": [f"T{i:02d}" for i in range(1, len(rows) + 1)],
            "meeting": meeting,
            "speaker": [r[0] for r in rows],
            "party": [r[1] for r in rows],
            "role": ["member" if r[1] else "minister" for r in rows],
            "text": [r[2] for r in rows],
        }
    )


@pytest.mark.parametrize(
    ("form", "canonical"),
    [
        ("VDAB", "VDAB"),
        ("VLAIO", "VLAIO"),
        ("Agentschap Innoveren en Ondernemen", "VLAIO"),
        ("SERV", "SERV"),
        ("Sociaal-Economische Raad van Vlaanderen", "SERV"),
        ("FWO", "FWO"),
        ("Fonds Wetenschappelijk Onderzoek – Vlaanderen", "FWO"),
        ("IOF", "IOF"),
        ("BOF", "BOF"),
        ("EWI", "EWI"),
        ("RIZIV", "RIZIV"),
        ("FIT", "FIT"),
        ("DKBUZA", "DKBUZA"),
        ("Vlaamse Regering", "Vlaamse Regering"),
        ("Federale Regering", "Federale Regering"),
        ("Europese Commissie", "Europese Commissie"),
        ("Europees Parlement", "Europees Parlement"),
        ("Raad van Europa", "Raad van Europa"),
        ("Verenigde Naties", "Verenigde Naties"),
        ("Coreper", "Coreper"),
        ("Agentschap Integratie en Inburgering", "Agentschap Integratie en Inburgering"),
        ("Interfederale Screeningscommissie", "Interfederale Screeningscommissie"),
        ("Vlaamse AI Academie", "VAIA"),
        ("CERN", "CERN"),
    ],
)
def test_every_mention_of_a_public_body_is_found_and_canonicalised(
    sample_mentions, spoken, form, canonical
):
    expected = _count_in_text(spoken, form)
    assert expected > 0, f"{form!r} is not in the sample; the test would prove nothing"
    found = sample_mentions[sample_mentions["mention"] == form]
    assert len(found) == expected
    assert set(found["canonical"]) == {canonical}
    assert set(found["label"]) == {"ORG"}


def test_the_issue_counts_hold_on_the_sample(sample_mentions):
    counts = sample_mentions["mention"].value_counts()
    assert counts["VDAB"] == 18
    assert counts["VLAIO"] == 10


def test_offsets_point_exactly_at_each_mention(sample_mentions, sample_result):
    texts = sample_result.turns.set_index("turn_id")["text"]
    for row in sample_mentions.itertuples(index=False):
        assert texts[row.turn_id][row.start : row.end] == row.mention


def test_acronyms_inside_compounds_are_mentions(sample_mentions, sample_result):
    texts = sample_result.turns.set_index("turn_id")["text"]
    vlaio = sample_mentions[sample_mentions["mention"] == "VLAIO"]
    followed = [texts[r.turn_id][r.end : r.end + 8] for r in vlaio.itertuples(index=False)]
    assert "-netwerk" in followed and "-project" in followed[-5:] + followed[:5]


def test_no_person_or_place_is_an_organisation(sample_mentions, sample_result):
    people = set(sample_result.turns["speaker"].dropna())
    places = {"Vlaanderen", "Limburg", "Antwerpen", "Brussel", "België", "Waterschei"}
    orgs = sample_mentions[sample_mentions["label"] == "ORG"]
    assert not set(orgs["mention"]) & (people | places)
    for place in ("Vlaanderen", "Limburg"):
        labels = sample_mentions.loc[sample_mentions["mention"] == place, "label"]
        assert len(labels) > 0 and set(labels) == {"GPE"}


def test_text_defined_acronyms_link_to_the_gazetteer_despite_typos(sample_mentions):
    typo = sample_mentions[sample_mentions["mention"] == "Economie, Wetenschap en Innoatie"]
    assert typo["canonical"].tolist() == ["EWI"]
    assert typo["found_by"].tolist() == ["acronym"]
    imc = sample_mentions[sample_mentions["canonical"] == "IMC"]
    assert set(imc["mention"]) == {"IMC", "Interministeriële Conferentie"}
    assert set(imc["full_name"]) == {"Interministeriële Conferentie"}


def test_acronyms_defined_in_the_text_link_long_and_short_forms():
    turns = _turns(
        ("An Peeters", "Groen", "Het Kenniscentrum Digitale Zaken (KDZ) publiceerde een rapport."),
        ("Jo Brouns", None, "KDZ werkt daarvoor met een social impact bond (SIB)."),
        ("An Peeters", "Groen", "Het Kenniscentrum Digitale Zaken klopt. Dank aan KDZ."),
    )
    found = dk.entities(turns, model=None, progress=False)
    kdz = found[found["canonical"] == "KDZ"]
    long_form, short = "Kenniscentrum Digitale Zaken", "KDZ"
    assert kdz["mention"].tolist() == [long_form, short, short, long_form, short]
    assert kdz["turn_id"].tolist() == ["T01", "T01", "T02", "T03", "T03"]
    assert set(kdz["found_by"]) == {"acronym"}
    assert set(kdz["full_name"]) == {"Kenniscentrum Digitale Zaken"}
    assert "SIB" not in set(found["mention"]), "a lower-case long form names a thing, not a body"


def test_person_rules_name_the_meetings_speakers_in_full():
    turns = _turns(
        ("Axel Ronse", "N-VA", "Ik sluit me aan bij collega De Roo en minister Brouns."),
        (
            "Stijn De Roo",
            "cd&v",
            "Collega Ronse heeft gelijk. Ik vraag het collega Janssens.",
        ),
        ("Jo Brouns", None, "Ik verwijs naar minister-president Jambon en minister Peeters."),
    )
    found = dk.entities(turns, model=None, progress=False)
    people = found[found["label"] == "PERSON"].set_index("mention")
    assert people.loc["De Roo", "canonical"] == "Stijn De Roo"
    assert people.loc["Brouns", "canonical"] == "Jo Brouns"
    assert people.loc["Ronse", "canonical"] == "Axel Ronse"
    # Not in the meeting: the gazetteer knows them, or the name stays as written.
    assert people.loc["Jambon", "canonical"] == "Jan Jambon"
    assert people.loc["Peeters", "canonical"] == "Lydia Peeters"
    assert people.loc["Janssens", "canonical"] == "Janssens"
    assert set(people["found_by"]) == {"person_rule"}
    first = found[found["turn_id"] == "T01"]
    text = turns["text"].iloc[0]
    assert [text[s:e] for s, e in zip(first["start"], first["end"], strict=True)] == [
        "De Roo",
        "Brouns",
    ]


def test_names_are_resolved_within_their_own_meeting():
    first = _turns(
        ("Jan Peeters", "N-VA", "Ik dank collega Claes."),
        ("Eva Claes", "Groen", "En ik collega Peeters."),
        meeting="C1",
    )
    second = _turns(
        ("Tom Claes", "Vooruit", "Collega Peeters heeft gelijk, zegt collega Claes."),
        ("An Peeters", "cd&v", "Dank u, collega Claes."),
        ("Jan Peeters", "N-VA", "Ook ik dank collega Claes."),
        meeting="C2",
    ).assign(turn_id=lambda t: "C2-" + t["turn_id"])
    found = dk.entities(pd.concat([first, second]), model=None, progress=False)
    resolved = dict(zip(found["turn_id"] + " " + found["mention"], found["canonical"], strict=True))
    assert resolved["T01 Claes"] == "Eva Claes"
    assert resolved["T02 Peeters"] == "Jan Peeters"
    assert resolved["C2-T02 Claes"] == "Tom Claes"
    # Two Peeters speak in C2: the name stays as written, never the gazetteer's Lydia Peeters.
    assert resolved["C2-T01 Peeters"] == "Peeters"


def test_person_rules_do_not_cross_a_sentence_end():
    turns = _turns(("Jo Brouns", None, "Dat deed collega Dermagne. Binnen Vlaanderen volgt de MP."))
    found = dk.entities(turns, model=None, progress=False)
    assert found[["mention", "label"]].to_numpy().tolist() == [
        ["Dermagne", "PERSON"],
        ["Vlaanderen", "GPE"],
    ]


def test_a_short_form_refers_to_the_body_named_before_it_in_the_turn(sample_mentions):
    turns = _turns(
        ("An Peeters", "Groen", "De Europese Commissie stelde het voor en de Commissie won."),
        ("An Peeters", "Groen", "Ook de Commissie en de Raad van bestuur van de VRT zwegen."),
        ("An Peeters", "Groen", "Het Europees Parlement en de Raad van Europa: de Raad zweeg."),
    )
    found = dk.entities(turns, model=None, progress=False)
    short = found[found["found_by"] == "short_form"]
    assert short[["turn_id", "mention", "canonical"]].to_numpy().tolist() == [
        ["T01", "Commissie", "Europese Commissie"],
        ["T03", "Raad", "Raad van Europa"],
    ]
    # On the sample: "de Raad" three times after "Raad Competitiviteit en Interne Markt".
    in_sample = sample_mentions[sample_mentions["found_by"] == "short_form"]
    assert in_sample["mention"].tolist() == ["Raad"] * 3
    assert set(in_sample["canonical"]) == {"Raad Concurrentievermogen"}


def test_procedural_turns_are_left_out_unless_asked(sample_result):
    turns = sample_result.turns
    procedural = turns[turns["procedural"]]
    assert dk.entities(procedural, model=None, progress=False).empty
    found = dk.entities(procedural, model=None, include_procedural=True, progress=False)
    assert "Jo Brouns" in set(found["canonical"])


def test_user_entries_are_found_and_win(sample_result, tmp_path):
    mine = pd.DataFrame(
        {
            "canonical": ["Smart", "VDAB"],
            "label": ["ORG", "ORG"],
            "full_name": ["Smart coöperatieve vennootschap", "De VDAB"],
            "aliases": ["", "VDAB-begeleiding"],
        }
    )
    path = tmp_path / "mine.csv"
    mine.to_csv(path, index=False)
    for entries in (mine, path):
        found = dk.entities(sample_result.turns, model=None, gazetteer=entries, progress=False)
        smart = found[found["canonical"] == "Smart"]
        assert len(smart) == _count_in_text(
            sample_result.turns[~sample_result.turns["procedural"]], "Smart"
        )
        assert set(smart["found_by"]) == {"user"}
        assert set(found.loc[found["canonical"] == "VDAB", "full_name"]) == {"De VDAB"}


def test_labels_keep_only_the_asked_labels(sample_result):
    found = dk.entities(sample_result.turns, model=None, labels=["ORG"], progress=False)
    assert set(found["label"]) == {"ORG"}


def test_one_label_as_a_string_is_one_label_not_its_letters(sample_result):
    as_list = dk.entities(sample_result.turns, model=None, labels=["ORG"], progress=False)
    as_str = dk.entities(sample_result.turns, model=None, labels="ORG", progress=False)
    assert len(as_str) == len(as_list) > 0
    assert set(as_str["label"]) == {"ORG"}


def test_an_unknown_label_is_an_error_that_lists_the_valid_ones(sample_result):
    with pytest.raises(dk.ParameterError, match=r"\[E109\].*EntityRecognizer.*ORG.*ORGANISATION"):
        dk.entities(sample_result.turns, model=None, labels=["ORGANISATION"], progress=False)


def test_a_label_the_gazetteer_adds_is_valid(sample_result):
    mine = pd.DataFrame({"canonical": ["Smart"], "label": ["PROGRAMME"]})
    found = dk.entities(
        sample_result.turns, model=None, gazetteer=mine, labels="PROGRAMME", progress=False
    )
    assert set(found["label"]) <= {"PROGRAMME"}


def test_summary_takes_one_label_as_a_string(sample_mentions):
    as_str = dk.entity_summary(sample_mentions, labels="ORG")
    assert as_str.equals(dk.entity_summary(sample_mentions, labels=["ORG"]))
    assert len(as_str) > 0


def test_summary_rejects_an_unknown_label(sample_mentions):
    with pytest.raises(dk.ParameterError, match=r"\[E109\].*entity_summary"):
        dk.entity_summary(sample_mentions, labels=["ORGANISATION"])


def test_an_empty_turns_table_gives_an_empty_mentions_table(sample_turns):
    found = dk.entities(sample_turns.iloc[:0], model=None, progress=False)
    assert found.empty and tuple(found.columns) == _entities.MENTION_COLUMNS


def test_columns_and_types(sample_mentions):
    assert tuple(sample_mentions.columns) == _entities.MENTION_COLUMNS
    assert sample_mentions["start"].dtype == "int64"
    assert sample_mentions["canonical"].dtype == "string"
    assert (sample_mentions["end"] > sample_mentions["start"]).all()


def test_auto_falls_back_to_blank_dutch_with_one_warning_and_no_download(
    monkeypatch, sample_result
):
    import spacy.cli

    def no_download(*args, **kwargs):
        raise AssertionError("debatekit must never download a model")

    monkeypatch.setattr(spacy.cli, "download", no_download)
    monkeypatch.setattr(_entities, "_installed", lambda name: False)
    monkeypatch.setattr(_entities, "_WARNED", set())
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        found = dk.entities(sample_result.turns, progress=False)
        dk.entities(sample_result.turns.head(3), progress=False)
    fallbacks = [w for w in caught if issubclass(w.category, dk.ModelFallbackWarning)]
    assert len(fallbacks) == 1, "one warning a session, not one a call"
    assert "python -m spacy download nl_core_news_lg" in str(fallbacks[0].message)
    assert (found["canonical"] == "VDAB").sum() == 18


def test_a_model_that_is_not_installed_is_an_error_not_a_download(monkeypatch, sample_turns):
    monkeypatch.setattr(_entities, "_installed", lambda name: False)
    with pytest.raises(
        dk.AnalyzerError, match=r"\[E104\].*python -m spacy download nl_core_news_md"
    ):
        dk.entities(sample_turns, model="nl_core_news_md", progress=False)


@pytest.mark.parametrize(
    ("params", "match"),
    [
        ({"model": 3}, r"\[E800\].*'model'.*Got 3"),
        ({"model": ["auto"]}, r"\[E800\].*'model'.*Got \['auto'\]"),
        ({"model": None, "batch_size": 0}, r"\[E800\].*'batch_size'.*Got 0"),
        ({"model": None, "n_process": 0}, r"\[E800\].*'n_process'.*Got 0"),
    ],
)
def test_bad_parameters_name_the_parameter_and_value(sample_turns, params, match):
    with pytest.raises(dk.ParameterError, match=match):
        dk.EntityRecognizer(**params, progress=False).fit(sample_turns)


def test_transform_before_fit_raises(sample_turns):
    with pytest.raises(dk.NotFittedError):
        dk.EntityRecognizer(model=None).transform(sample_turns)


def test_it_runs_through_analyze(sample_turns):
    results = dk.analyze(sample_turns, "entities", entities={"model": None, "progress": False})
    assert (results["entities"]["canonical"] == "VLAIO").sum() == 13


def test_render_entities_shows_a_turn_with_its_canonical_names(sample_result, sample_mentions):
    turns = sample_result.turns
    turn_id = sample_mentions.loc[
        sample_mentions["mention"] == "Agentschap Innoveren en Ondernemen", "turn_id"
    ].iloc[0]
    html = dk.render_entities(turns, turn_id, sample_mentions)
    assert html._repr_html_() == str(html)
    assert html.count("<mark") == (sample_mentions["turn_id"] == turn_id).sum()
    assert "ORG · VLAIO" in html
    with pytest.raises(ValueError, match=r"\[E107\]"):
        dk.render_entities(turns, "nope", sample_mentions)
    # Without mentions, the turn's are found knowing the whole meeting.
    ronse = sample_mentions[sample_mentions["mention"] == "Ronse"]["turn_id"].iloc[0]
    alone = dk.render_entities(turns, ronse, model=None)
    assert alone == dk.render_entities(turns, ronse, sample_mentions)
    assert "PERSON · Axel Ronse" in alone


def test_entity_summary_counts_mentions_per_entity_and_party(sample_mentions):
    table = dk.entity_summary(sample_mentions)
    vdab = sample_mentions[sample_mentions["canonical"] == "VDAB"]
    assert table.loc["VDAB", "total"] == len(vdab)
    by_party = vdab["party"].fillna(vdab["role"]).value_counts()
    for party, n in by_party.items():
        assert table.loc["VDAB", party] == n
    assert "minister" in table.columns
    assert table["total"].is_monotonic_decreasing
    assert set(table["label"]) == {"ORG"}
    assert table.index.is_unique
    assert len(dk.entity_summary(sample_mentions, top=5)) == 5
    by_item = dk.entity_summary(sample_mentions, by="item", labels=None)
    assert list(by_item.columns) == ["label", *map(str, range(1, 11)), "total"]
    assert by_item["total"].sum() == len(sample_mentions)
    no_role = sample_mentions.drop(columns=["role"])
    assert dk.entity_summary(no_role).loc["VDAB", "unknown"] == vdab["party"].isna().sum()
    with pytest.raises(dk.SchemaError, match=r"\[E108\]"):
        dk.entity_summary(sample_mentions.drop(columns=["canonical"]))


def test_a_loaded_pipeline_is_not_changed(sample_turns):
    import spacy

    nlp = spacy.blank("nl")
    nlp.add_pipe("sentencizer")
    with pytest.warns(dk.ModelFallbackWarning, match=r"\[W100\].*no 'ner'"):
        recognizer = dk.EntityRecognizer(model=nlp, progress=False).fit(sample_turns)
    assert nlp.pipe_names == ["sentencizer"]
    assert "sentencizer" not in recognizer.nlp_.pipe_names


# --------------------------------------------------------------------------- a real model

TRAIN = [
    ("Jo Brouns werkt bij Vlaanderen.", [(0, 9, "ORG"), (20, 30, "ORG")]),
    ("Acerta zegt dat Vlaanderen groeit.", [(0, 6, "ORG"), (16, 26, "ORG")]),
    ("De studie van Acerta toont dat.", [(14, 20, "ORG")]),
    ("Ruth Claes sprak met Acerta.", [(0, 10, "PERSON"), (21, 27, "ORG")]),
    ("Nadia Sminate schreef een boek.", [(0, 13, "PERSON")]),
    ("Volgens Colruyt is VDAB sterk.", [(8, 15, "ORG"), (19, 23, "ORG")]),
    ("Colruyt en Acerta zijn bedrijven.", [(0, 7, "ORG"), (11, 17, "ORG")]),
    ("In Vlaanderen werkt Ruth Claes.", [(3, 13, "ORG"), (20, 30, "PERSON")]),
]


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory):
    """A small Dutch NER trained here (seeded), which calls Vlaanderen and Jo Brouns an ORG."""
    import spacy
    from spacy.training import Example

    spacy.util.fix_random_seed(0)
    nlp = spacy.blank("nl")
    nlp.add_pipe("ner")
    nlp.add_pipe("sentencizer")
    examples = [Example.from_dict(nlp.make_doc(t), {"entities": e}) for t, e in TRAIN]
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(30):
        for example in examples:
            nlp.update([example], sgd=optimizer, drop=0.0)
    path = tmp_path_factory.mktemp("model") / "tiny_nl_ner"
    nlp.to_disk(path)
    return nlp, path


@pytest.mark.slow
def test_the_tiny_model_learned_its_mistakes(tiny_model):
    nlp, _ = tiny_model
    doc = nlp("Jo Brouns werkt bij Vlaanderen.")
    assert [(e.text, e.label_) for e in doc.ents] == [("Jo Brouns", "ORG"), ("Vlaanderen", "ORG")]


@pytest.mark.slow
def test_model_and_gazetteer_merge_with_the_gazetteer_winning(tiny_model):
    nlp, path = tiny_model
    turns = _turns(
        ("Jo Brouns", None, "Jo Brouns werkt bij Vlaanderen."),
        ("Ruth Claes", "Groen", "Volgens Colruyt is VDAB sterk."),
        ("Ruth Claes", "Groen", "De studie van Acerta toont dat, zegt Ruth Claes."),
    )
    for model in (nlp, path, str(path)):
        found = dk.entities(turns, model=model, progress=False)
        rows = found[["turn_id", "mention", "label", "found_by"]].to_numpy().tolist()
        assert ["T01", "Jo Brouns", "PERSON", "gazetteer"] in rows
        assert ["T01", "Vlaanderen", "GPE", "gazetteer"] in rows
        assert ["T02", "VDAB", "ORG", "gazetteer"] in rows
        assert ["T02", "Colruyt", "ORG", "model"] in rows
        assert ["T03", "Acerta", "ORG", "model"] in rows
        assert ["T03", "Ruth Claes", "PERSON", "person_rule"] in rows
        assert not found.duplicated(["turn_id", "start"]).any()
    recognizer = dk.EntityRecognizer(model=path, progress=False).fit(turns)
    assert recognizer.nlp_.pipe_names == [
        "debatekit_gazetteer",
        "debatekit_person_rules",
        "debatekit_short_forms",
        "ner",
    ]
    assert recognizer.model_name_ == str(path)


@pytest.mark.slow
def test_several_processes_give_the_same_mentions(sample_result):
    turns = sample_result.turns.head(30)
    one = dk.entities(turns, model=None, progress=False)
    two = dk.entities(turns, model=None, n_process=2, batch_size=8, progress=False)
    pd.testing.assert_frame_equal(one, two)


@pytest.mark.slow
def test_only_the_ner_and_what_it_listens_to_are_taken_from_the_model(sample_turns):
    import spacy
    from spacy.cli.init_config import init_config
    from spacy.training import Example

    spacy.util.fix_random_seed(0)
    config = init_config(lang="nl", pipeline=["tok2vec", "tagger", "ner"])
    nlp = spacy.util.load_model_from_config(config, auto_fill=True)
    doc = nlp.make_doc("Acerta zegt het.")
    example = Example.from_dict(doc, {"tags": ["N", "V", "P", "X"], "entities": [(0, 6, "ORG")]})
    nlp.initialize(lambda: [example])
    assert "ner" in nlp.get_pipe("tok2vec").listening_components
    recognizer = dk.EntityRecognizer(model=nlp, progress=False).fit(sample_turns)
    assert recognizer.nlp_.pipe_names[-2:] == ["tok2vec", "ner"]
    assert "tagger" not in recognizer.nlp_.pipe_names
    found = recognizer.transform(sample_turns)
    assert (found["mention"] == "VDAB").sum() == 18
    assert set(found.loc[found["mention"] == "VDAB", "found_by"]) == {"gazetteer"}
