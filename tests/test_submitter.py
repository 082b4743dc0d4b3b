"""Who submitted a draft that no State sponsors: the office, its body and the officer's State, from
a draft's masthead ("Draft resolution submitted by the Vice-Chair of the Committee, … (Poland), on
the basis of informal consultations …") and from the workflow of the UN's AKN files ("submitted by
the President of the Council", "the representative of Mexico, on behalf of the Bureau"); published
as unres:submittedBy, submitterRole, submittingBody and submitterState, checked by shape:Submitter,
written back to AKN, shown on the page. The statements in the table are the UN's, as its AKN files
of sessions 77 and ECOSOC 2021–2023 write them; the masthead is written for the test in the shape
of the Second Committee's drafts."""

from __future__ import annotations

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import RDF

from corpora import REAL
from stores import store_of
from lod.akn import akn_document, akn_errors
from lod.describe.graph import DescriptionGraph
from lod.describe.i18n import gettext, page_language
from lod.describe.linker import Linker
from lod.describe.record import record_of
from lod.model import Submitter
from lod.parse import parse_file, parse_text
from lod.parse.akn import read_akn
from lod.parse.resolved import resolve
from lod.parse.submitter import read_submitter
from lod.rdf import WorkRegistry, resolution_graph
from lod.rdf.namespaces import UNRES
from lod.validate import validate

BASE = "http://127.0.0.1:8080"
GA77 = REAL / "ga-akn" / "GAresolutions-main" / "77session" / "English"
ECOSOC23 = REAL / "ga-akn" / "ECOSOCresolutions-main" / "2023" / "English"

STATEMENTS: dict[str, tuple[list[str | None], tuple[str | None, str | None, list[str]]]] = {
    "submitted by the Chair of the Committee following informal consultations": (["c5", "ga"], ("Chair", "c5", [])),
    "submitted by the President of the General Assembly": ([None, "ga"], ("President", "ga", [])),
    "submitted by the Vice-Chair of the Committee, Ahmed Magdy (Egypt) and on the basis of informal consultations "
    "on draft resolution": (["c2", "ga"], ("Vice-Chair", "c2", ["EGY"])),
    "submitted by the Vice-President of the Council, Diego Pary Rodríguez (Plurinational State of Bolivia) and on "
    "the basis of informal consultations": ([None, "ecosoc"], ("Vice-President", "ecosoc", ["BOL"])),
    "submitted by the President of the Council and Collen Vixen Kelapile (Botswana)": ([None, "ecosoc"], ("President", "ecosoc", ["BWA"])),
    "France Cassar (Malta), submitted by the Rapporteur of the Committee and on the basis of informal consultations "
    "on draft resolution": (["c2", "ga"], ("Rapporteur", "c2", ["MLT"])),
    "the representative of Mexico, on behalf of the Bureau": (["c6", "ga"], ("Bureau", "c6", ["MEX"])),
    "submitted by the Chair of the Commission, Alya Ahmed Saif Al-Thani (Qatar), on the basis of informal "
    "consultations": ([None, "csocd", "ecosoc"], ("Chair", "csocd", ["QAT"])),
    "submitted by the Chair on behalf of the Commission": ([None, "ccpcj", "ecosoc"], ("Chair", "ccpcj", [])),
    "submitted by the Special Committee on the Situation with regard to the Implementation of the Declaration on "
    "the Granting of Independence to Colonial Countries and Peoples": (["c4", "ga"], (None, "c24", [])),
    "submitted by the Chair on the recommendation of the Economic and Social Council (resolution )": (
        ["c3", "ga"], ("Chair", "c3", [])),
    "submitted by the co-facilitators, Ms. A (Ireland) and Mr. B (Jamaica)": ([None, "ga"], ("Co-facilitators", "ga", ["IRL", "JAM"])),
}
"""Statement → (the text's own bodies, nearest first) → (office, body, States)."""


@pytest.mark.parametrize("statement", sorted(STATEMENTS))
def test_each_statement_names_its_office_body_and_states(statement: str) -> None:
    own, expected = STATEMENTS[statement]
    submitter = read_submitter(Submitter(statement), own)
    assert (submitter.role, submitter.body_key, submitter.states) == expected


def test_the_commission_of_a_council_text_is_not_guessed_where_the_text_names_none() -> None:
    """"The Chair of the Commission" in an ECOSOC text whose draft's symbol names no commission."""
    submitter = read_submitter(Submitter("submitted by the Chair of the Commission, X (Qatar)"), [None, "ecosoc"])
    assert (submitter.role, submitter.body_key, submitter.states) == ("Chair", None, ["QAT"])


MASTHEAD = """United Nations A/C.2/80/L.57

General Assembly Distr.: Limited
28 November 2025

Original: English

Eightieth session
Second Committee
Agenda item 16
Macroeconomic policy questions

Draft resolution submitted by the Vice-Chair of the Committee, Weronika Garbacz
(Poland), on the basis of informal consultations on draft resolution A/C.2/80/L.9

Follow-up to and implementation of the outcomes of the International Conferences on Financing for Development

The General Assembly,

Recalling its resolution 79/1 of 22 September 2024,

1. Decides to include in the provisional agenda of its eighty-first session the sub-item entitled "Financing for development".
"""
STATEMENT = ("submitted by the Vice-Chair of the Committee, Weronika Garbacz (Poland), on the basis of informal "
             "consultations on draft resolution A/C.2/80/L.9")


def _draft() -> tuple[object, WorkRegistry]:
    res = parse_text(MASTHEAD, source="A_C.2_80_L.57.txt")
    return res, WorkRegistry.from_corpus([res], BASE)


def test_a_vice_chair_s_draft_has_a_submitter_and_no_sponsors() -> None:
    res, _ = _draft()
    assert res.sponsors == [] and res.submitter == Submitter(STATEMENT, "Vice-Chair", "c2", ["POL"])
    assert "a draft without a sponsor line" not in res.warnings


def test_the_submitter_is_published_and_its_state_is_no_sponsor() -> None:
    res, registry = _draft()
    graph = resolution_graph(res, registry, BASE)
    work = URIRef(registry.work_for(res).work())
    poland = URIRef(f"{BASE}/id/state/POL")
    assert set(graph.objects(work, UNRES.submittedBy)) == {Literal(STATEMENT, lang="en")}
    assert set(graph.objects(work, UNRES.submitterRole)) == {Literal("Vice-Chair")}
    assert set(graph.objects(work, UNRES.submittingBody)) == {URIRef(f"{BASE}/akn/ontology/organizations/un/secondCommittee")}
    assert set(graph.objects(work, UNRES.submitterState)) == {poland} and (poland, RDF.type, UNRES.State) in graph
    assert (work, UNRES.docProponent, poland) not in graph
    assert validate(graph, res.source).results == []


@pytest.mark.parametrize("break_", ["two statements", "a State that is none"])
def test_shape_submitter_reports_a_broken_submitter(break_: str) -> None:
    res, registry = _draft()
    graph = resolution_graph(res, registry, BASE)
    work = URIRef(registry.work_for(res).work())
    if break_ == "two statements":
        graph.add((work, UNRES.submittedBy, Literal("submitted by the Chair", lang="en")))
    else:
        graph.add((work, UNRES.submitterState, URIRef(f"{BASE}/id/state/XXX")))
    result = validate(graph, res.source)
    assert result.shapes() == {"Submitter"}, result.report()


def test_the_submitter_is_written_to_akn_and_read_back() -> None:
    res, registry = _draft()
    xml = akn_document(res, registry, BASE)
    assert akn_errors(xml, res.source) == [] and b'by="submitted by the Vice-Chair of the Committee' in xml
    again = resolve(read_akn(xml, res.source))
    assert again.submitter == res.submitter and again.sponsors == []


def test_the_page_says_who_submitted_the_draft_in_its_language() -> None:
    res, registry = _draft()
    graph = DescriptionGraph.from_rdflib(resolution_graph(res, registry, BASE))
    work = registry.work_for(res).work()
    for lang, label in (("en", "Submitted by"), ("fr", "Présenté par")):
        rows = {gettext(page_language(lang), row): [v.text for v in values]
                for row, values in record_of(graph, Linker(BASE, graph), work, lang)}
        assert rows[label] == [STATEMENT.removeprefix("submitted by ")]


@pytest.mark.parametrize(("path", "expected", "sponsors"), [
    (GA77 / "A_RES_77_166-2228784E.xml", ("Vice-Chair", "c2", ["EGY"]), 0),
    (GA77 / "A_RES_77_98-2228242E.xml", ("Bureau", "c6", ["BGD"]), 0),
    (ECOSOC23 / "E_RES_2023_14_E.xml", ("Chair", "csocd", ["QAT"]), 0),
    (ECOSOC23 / "E_RES_2023_23-2314954E.xml", ("Chair", "ccpcj", []), 21),
])
def test_the_un_s_akn_files_name_who_submitted_the_draft(path, expected, sponsors) -> None:  # type: ignore[no-untyped-def]
    """The workflow's `by` of the draft step; E/RES/2023/23's was "submitted by the Chair on behalf of
    the Commission and sponsored by Brazil, Canada, …": its 21 sponsors had been dropped with it."""
    res = parse_file(path)
    assert (res.submitter.role, res.submitter.body_key, res.submitter.states) == expected
    assert len(res.sponsors) == sponsors and "sponsored" not in res.submitter.statement


def test_the_example_question_counts_the_officers_states() -> None:
    """The query page's example, on the session-77 texts submitted by officers of the Second and
    Sixth Committees: Egypt's Vice-Chair (two texts), Bangladesh's representative for the Bureau."""
    from lod.rdf.examples import SUBMITTED_BY_OFFICERS

    texts = [parse_file(GA77 / name) for name in (
        "A_RES_77_166-2228784E.xml", "A_RES_77_165-2228782E.xml", "A_RES_77_98-2228242E.xml")]
    rows = [tuple(t.value for t in row) for row in store_of(*texts).query(SUBMITTED_BY_OFFICERS.query)]
    assert rows == [("EGY", "Egypt", "Vice-Chair", "Second Committee", "2", "A/RES/77/165"),
                    ("BGD", "Bangladesh", "Bureau", "Sixth Committee", "1", "A/RES/77/98")]


def test_an_officer_s_statement_that_ends_like_a_sponsor_line_names_no_sponsor() -> None:
    """"… on the basis of informal consultations on draft ⏎ resolution A/C.2/80/L.2: draft resolution"
    (A/C.2/80/L.43 as the UN's text extract prints it): a Rapporteur's draft, not one sponsored by
    "resolution A/C.2/80/L"."""
    text = MASTHEAD.replace(
        "Draft resolution submitted by the Vice-Chair of the Committee, Weronika Garbacz\n"
        "(Poland), on the basis of informal consultations on draft resolution A/C.2/80/L.9",
        "Draft resolution submitted by the Rapporteur of the Committee, Javad Momeni\n"
        "(Islamic Republic of Iran ), on the basis of informal consultations on draft\n"
        "resolution A/C.2/80/L.2: draft resolution")
    res = parse_text(text, source="A_C.2_80_L.43.txt")
    assert res.sponsors == [] and res.draft_symbol == "A/C.2/80/L.2"
    assert (res.submitter.role, res.submitter.states) == ("Rapporteur", ["IRN"])
    assert res.submitter.statement.endswith("on draft resolution A/C.2/80/L.2")


def test_a_title_whose_last_line_is_a_session_is_the_title() -> None:
    """"Report of the International Law Commission on the work of its ⏎ seventy-sixth session"
    (A/C.6/80/L.21): the session ends the title, as "Eightieth session" is the masthead's."""
    text = MASTHEAD.replace(
        "Follow-up to and implementation of the outcomes of the International Conferences on Financing for Development",
        "Report of the International Law Commission on the work of its\nseventy-sixth session")
    res = parse_text(text, source="A_C.2_80_L.57.txt")
    assert res.title == "Report of the International Law Commission on the work of its seventy-sixth session"
    assert res.session == 80

