"""Dutch name grammar: names, particles, titles and forms of address."""

from __future__ import annotations

import re

import pytest

from debatekit.lang._names import (
    ADDRESS_TITLE,
    MINISTER_TITLE,
    NAME,
    PERSON_TITLE,
    clean_name,
    strip_honorific,
)


@pytest.mark.parametrize(
    "name", ["Stijn De Roo", "Van den Bossche", "Karel d'Haese", "Björn Rzoska", "J. Peeters"]
)
def test_names_with_particles_and_initials(name):
    assert re.fullmatch(NAME, name)


def test_a_name_does_not_run_on_into_the_next_sentence():
    m = re.match(NAME, "Dermagne. Binnen de regering")
    assert m and m.group(0) == "Dermagne"


def test_titles_match_as_speeches_and_labels_write_them():
    assert re.fullmatch(MINISTER_TITLE, "Minister-president")
    assert re.fullmatch(ADDRESS_TITLE, "de  heer")
    assert re.fullmatch(PERSON_TITLE, "burgemeester")
    assert not re.fullmatch(ADDRESS_TITLE, "burgemeester")


def test_forms_of_address_come_off_a_name():
    assert strip_honorific("Mevrouw Liesbeth Homans") == "Liesbeth Homans"
    assert strip_honorific("dhr. Jan Peeters") == "Jan Peeters"
    assert strip_honorific("Mevrouwke Peeters") == "Mevrouwke Peeters"
    assert clean_name("Jo\u00a0 Brouns ") == "Jo Brouns"
