"""The AKN4UN IRI grammar of lod.uri, one small test per IRI shape (after laws-africa/cobalt)."""

from __future__ import annotations

import pytest

from lod.bodies import by_key
from lod.uri import IRIError, WorkIRI, decode_number, eid, encode_number, normalize_date, tlc_iri

BASE = "https://lod.example.org"
WORK = f"{BASE}/akn/un/statement/deliberation/un-ga/2016-10-13/71-4"


@pytest.fixture
def work() -> WorkIRI:
    return WorkIRI.for_work(by_key("ga"), "2016-10-13", "71/4", BASE)


def test_work(work: WorkIRI) -> None:
    assert work.work() == WORK
    assert str(work) == WORK


def test_work_from_actor_token() -> None:
    assert WorkIRI.for_work("un-sc", "2001-09-28", "1373 (2001)", BASE).work() == (
        f"{BASE}/akn/un/statement/deliberation/un-sc/2001-09-28/1373_(2001)"
    )


def test_base_trailing_slash_is_dropped() -> None:
    assert WorkIRI.for_work("un-ga", "2016-10-13", "71/4", BASE + "/").work() == WORK


def test_partial_date_is_first_of_january() -> None:
    assert WorkIRI.for_work("un-ga", "2016", "71/4", BASE).date == "2016-01-01"
    assert normalize_date("2016-10") == "2016-10-01"


def test_bad_date() -> None:
    with pytest.raises(IRIError):
        normalize_date("13 October 2016")


def test_expression_original_version(work: WorkIRI) -> None:
    assert work.expression("eng") == f"{WORK}/eng@"


def test_expression_with_version(work: WorkIRI) -> None:
    assert work.expression("fra", "2016-10-20") == f"{WORK}/fra@2016-10-20"


def test_expression_from_language_of_the_iri(work: WorkIRI) -> None:
    assert work.with_lang("spa").expression() == f"{WORK}/spa@"


def test_missing_language_is_an_error(work: WorkIRI) -> None:
    with pytest.raises(IRIError, match="language"):
        work.expression()


def test_two_letter_language_is_an_error(work: WorkIRI) -> None:
    with pytest.raises(IRIError):
        work.expression("en")


def test_manifestation(work: WorkIRI) -> None:
    assert work.manifestation("pdf", "eng") == f"{WORK}/eng@/.pdf"
    assert work.manifestation("akn", "eng", "2016-10-20") == f"{WORK}/eng@2016-10-20/.akn"


def test_component(work: WorkIRI) -> None:
    assert work.component_iri() == f"{WORK}/!main"
    assert work.component_iri("annex_1") == f"{WORK}/!annex_1"


def test_portion(work: WorkIRI) -> None:
    assert work.portion("para_8__list_1__point_a") == f"{WORK}/!main#para_8__list_1__point_a"


def test_portion_needs_an_eid(work: WorkIRI) -> None:
    with pytest.raises(IRIError):
        work.portion("")


def test_parse_work() -> None:
    parsed = WorkIRI.parse(WORK)
    assert (parsed.base, parsed.actor, parsed.date, parsed.number) == (BASE, "un-ga", "2016-10-13", "71-4")
    assert parsed.lang is None and parsed.component is None and parsed.eid is None


def test_parse_expression_and_manifestation() -> None:
    parsed = WorkIRI.parse(f"{WORK}/eng@2016-10-20/.pdf")
    assert (parsed.lang, parsed.version, parsed.format) == ("eng", "2016-10-20", "pdf")


def test_parse_portion() -> None:
    parsed = WorkIRI.parse(f"{WORK}/!main#para_8__list_1__point_a")
    assert (parsed.component, parsed.eid) == ("main", "para_8__list_1__point_a")


@pytest.mark.parametrize(
    "iri",
    [WORK, f"{WORK}/!annex_1", f"{WORK}/!main#fn_12",
     f"{BASE}/akn/un/statement/deliberation/un-ga/2018-11-09/A-C.3-73-L.9-Rev.1"],
)
def test_parse_round_trip(iri: str) -> None:
    parsed = WorkIRI.parse(iri)
    rebuilt = parsed.work()
    if parsed.component:
        rebuilt = parsed.portion(parsed.eid, parsed.component) if parsed.eid else parsed.component_iri(parsed.component)
    assert rebuilt == iri


def test_parse_rejects_other_iris() -> None:
    with pytest.raises(IRIError):
        WorkIRI.parse(f"{BASE}/akn/un/statement/resolution/un-ga/2016-10-13/71-4")


@pytest.mark.parametrize(
    ("number", "encoded"),
    [("70/174", "70-174"), ("1373 (2001)", "1373_(2001)"), ("36/87 A", "36-87_A"),
     ("A/C.3/73/L.9/Rev.1", "A-C.3-73-L.9-Rev.1"), ("S-30/1", "S-30-1"), ("2017/16", "2017-16")],
)
def test_number_encoding(number: str, encoded: str) -> None:
    assert encode_number(number) == encoded


def test_empty_number_is_an_error() -> None:
    with pytest.raises(IRIError):
        encode_number("  ")


def test_decode_number_is_for_display() -> None:
    assert decode_number("1373_(2001)") == "1373 (2001)"


def test_eid() -> None:
    assert eid(("para", 8), ("list", 1), ("point", "a")) == "para_8__list_1__point_a"
    assert eid("preamble", ("para", 3)) == "preamble__para_3"
    assert eid(("para", "1 bis")) == "para_1_bis"


def test_tlc_organization() -> None:
    assert tlc_iri(by_key("ccpcj"), BASE) == f"{BASE}/akn/ontology/organizations/un/commissionOnCrimePreventionAndCriminalJustice"
