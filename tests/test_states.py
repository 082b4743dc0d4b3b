"""lod.states: the States table agrees with ISO 3166 and resolves every name UN texts print."""

from __future__ import annotations

import csv
import re
from collections import Counter

import pycountry
import pytest

from lod.states import (
    NAMES_CSV, STATES_CSV, all_states, lookup_state, misspelt_state, normalise_name, state_of_adjective,
)

WIKIDATA_IRI = re.compile(r"^http://www\.wikidata\.org/entity/Q[1-9]\d*$")


def test_every_row_agrees_with_pycountry() -> None:
    for state in all_states():
        country = pycountry.countries.get(alpha_3=state.iso3)
        assert country is not None, state.iso3
        assert country.alpha_2 == state.iso2, (state.iso3, state.iso2)


def test_193_members_and_2_observers() -> None:
    statuses = Counter(state.status for state in all_states())
    assert statuses == {"member": 193, "observer": 2}
    observers = {s.iso3 for s in all_states() if s.status == "observer"}
    assert observers == {"PSE", "VAT"}


def test_codes_are_unique() -> None:
    states = all_states()
    assert len({s.iso3 for s in states}) == len(states)
    assert len({s.iso2 for s in states}) == len(states)


def test_wikidata_iris_are_well_formed_and_unique() -> None:
    iris = [s.wikidata for s in all_states()]
    assert all(WIKIDATA_IRI.match(iri) for iri in iris), [i for i in iris if not WIKIDATA_IRI.match(i)]
    assert len(set(iris)) == len(iris)


def test_members_have_an_admission_year() -> None:
    for state in all_states():
        if state.status == "member":
            assert state.member_since is not None and 1945 <= state.member_since <= 2011, state.iso3
        else:
            assert state.member_since is None


def test_every_name_looks_up_to_its_own_row() -> None:
    for state in all_states():
        for name in (state.name, state.un_name, *state.names):
            assert lookup_state(name) == state, name


def test_every_row_of_the_names_file_is_a_known_state() -> None:
    with NAMES_CSV.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    codes = {s.iso3 for s in all_states()}
    assert {row["iso3"] for row in rows} == codes
    assert {row["kind"] for row in rows} <= {"un", "alternative", "historic", "adjective"}
    un_rows = Counter(row["iso3"] for row in rows if row["kind"] == "un")
    assert set(un_rows.values()) == {1} and len(un_rows) == len(codes)
    for row in rows:
        if row["kind"] == "adjective":  # names the State in "the Portuguese authorities", is no name of it
            assert lookup_state(row["name"]) is None and state_of_adjective(row["name"]).iso3 == row["iso3"], row
        else:
            assert lookup_state(row["name"]).iso3 == row["iso3"], row


def test_no_name_maps_to_two_states() -> None:
    owners: dict[str, set[str]] = {}
    for state in all_states():
        for name in state.names:
            owners.setdefault(normalise_name(name), set()).add(state.iso3)
    assert {k: v for k, v in owners.items() if len(v) > 1} == {}


def test_states_csv_has_the_documented_columns() -> None:
    with STATES_CSV.open(encoding="utf-8") as handle:
        header = next(csv.reader(handle))
    assert header == ["iso3", "iso2", "name", "un_status", "un_member_since", "wikidata"]


@pytest.mark.parametrize(
    ("printed", "iso3"),
    [
        ("the former Yugoslav Republic of Macedonia", "MKD"),
        ("The former Yugoslav Republic of Macedonia", "MKD"),
        ("North Macedonia", "MKD"),
        ("Swaziland", "SWZ"),
        ("Eswatini", "SWZ"),
        ("Turkey", "TUR"),
        ("Türkiye", "TUR"),
        ("Turkiye", "TUR"),
        ("Czech Republic", "CZE"),
        ("Czechia", "CZE"),
        ("Bolivia (Plurinational State of)", "BOL"),
        ("Côte d'Ivoire", "CIV"),
        ("Cote d'Ivoire", "CIV"),
        ("Côte d’Ivoire", "CIV"),
        ("United Kingdom of Great Britain and Northern Ireland", "GBR"),
        ("Democratic People's Republic of Korea", "PRK"),
        ("Republic of Korea", "KOR"),
        ("Micronesia (Federated States of)", "FSM"),
        ("State of Palestine", "PSE"),
        ("Holy See", "VAT"),
        ("Russian Federation", "RUS"),
        ("Iran (Islamic Republic of)", "IRN"),
        ("Venezuela (Bolivarian Republic of)", "VEN"),
        ("United Republic of Tanzania", "TZA"),
        ("Lao People's Democratic Republic", "LAO"),
        ("Republic of Moldova", "MDA"),
        ("Syrian Arab Republic", "SYR"),
        ("Netherlands (Kingdom of the)", "NLD"),
        ("Netherlands", "NLD"),
        ("Cabo Verde", "CPV"),
        ("Cape Verde", "CPV"),
        ("Timor-Leste", "TLS"),
        ("Viet Nam", "VNM"),
        ("Brunei Darussalam", "BRN"),
        ("Myanmar", "MMR"),
        ("Burma", "MMR"),
        ("Zaire", "COD"),
        ("Democratic Republic of the Congo", "COD"),
        ("Congo", "COG"),
        ("  sao  tome AND principe ", "STP"),
        ("São Tomé and Príncipe", "STP"),
        ("the Gambia", "GMB"),
        ("United States of America", "USA"),
    ],
)
def test_official_alternative_and_historic_names(printed: str, iso3: str) -> None:
    state = lookup_state(printed)
    assert state is not None and state.iso3 == iso3


def test_status_of_observers() -> None:
    palestine = lookup_state("State of Palestine")
    holy_see = lookup_state("Holy See")
    assert palestine is not None and palestine.status == "observer"
    assert holy_see is not None and holy_see.status == "observer"
    assert lookup_state("Sweden").status == "member"


def test_un_name_is_the_official_short_name() -> None:
    assert lookup_state("Bolivia").un_name == "Bolivia (Plurinational State of)"
    assert lookup_state("Turkey").un_name == "Türkiye"
    assert lookup_state("United Kingdom").un_name == "United Kingdom of Great Britain and Northern Ireland"


@pytest.mark.parametrize(
    "printed",
    ["Heard Island and McDonald Islands", "European Union", "Group of 77 and China", "", "Guinea Bissau Republic", "Nige"],
)
def test_names_that_are_not_states(printed: str) -> None:
    assert lookup_state(printed) is None


@pytest.mark.parametrize(
    ("printed", "iso3"),
    [
        ("Qata", "QAT"),  # a letter dropped (A/RES/77/22's additional sponsors)
        ("Maltas", "MLT"),  # a letter added (A/RES/77/236)
        ("Viet Nama", "VNM"),
        ("Plurinational State of Boliva", "BOL"),  # long names may differ by two letters
        ("Swizerland", "CHE"),
        ("Nambia", "NAM"),  # a letter from Gambia too, but a slip keeps the first letter
        ("Irak", None),  # a letter from Iraq and from Iran: no guess
        ("Ruritania", None),  # two letters from Mauritania, one of them the first
        ("Nigera", None),  # Niger and Nigeria
        ("Mala", None),  # a letter from Mali and from Malta
        ("Atlantis", None),
        ("Northern Ireland", None),
        ("Guinea Bissau Republic", None),
    ],
)
def test_a_misspelt_name_is_read_as_the_one_state_it_is_near(printed: str, iso3: str | None) -> None:
    state = misspelt_state(printed)
    assert (state.iso3 if state else None) == iso3


def test_short_names_are_never_read_as_misspellings() -> None:
    assert misspelt_state("Cub") is None and misspelt_state("Mal") is None  # a letter from Cuba, from Mali
