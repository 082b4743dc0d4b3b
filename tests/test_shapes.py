"""SHACL shapes: a correct graph conforms; each way of breaking it is caught by its own rule.

Each test breaks a graph mapped from a hand-built model of a real corpus document in exactly
one way and asserts that exactly the matching shape is reported, and nothing else. Every graph
is validated by both engines (the default SPARQL one and the pyshacl reference), which must
give the same results, so each break also checks that the build's engine agrees with pyshacl.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SKOS

from lod.model import Addressee, Citation, Resolution, Sponsor, Subject, Vote, Voting, WorkflowStep
from lod.rdf.namespaces import ALLOT, DCTERMS, RDF, RDFS, UNDO, UNRES
from lod.validate import DEFAULT_ENGINE, ENGINES, ValidationResult
from lod.validate import validate as validate_with
from test_rdf import BASE, WORKS, draft_004, graph_of, res_80_1

WORK_80_1 = URIRef(f"{WORKS}/un-ga/2025-09-19/80-1")
EXPR_80_1 = URIRef(f"{WORK_80_1}/eng@")
MAIN_80_1 = f"{WORK_80_1}/!main"
RES_169_II = URIRef(f"{WORKS}/un-ga/1947-01-01/169_(II)")


def results_of(result: ValidationResult) -> list[tuple[str | None, ...]]:
    """Everything a result says, in the engine-independent order of ValidationResult."""
    return [(r.severity, r.shape, r.focus, r.path, r.message, r.value) for r in result.results]


def validate(graph: Graph, source: str) -> ValidationResult:
    """The default engine's result, after checking that every engine gives exactly the same."""
    default = validate_with(graph, source, engine=DEFAULT_ENGINE)
    for engine in set(ENGINES) - {DEFAULT_ENGINE}:
        other = validate_with(graph, source, engine=engine)
        assert results_of(other) == results_of(default), f"{engine} disagrees:\n{other.report()}\n{default.report()}"
        assert other.conforms == default.conforms
    return default


def check(graph: Graph) -> ValidationResult:
    return validate(graph, "A_RES_80_1.txt")


def portion(eid: str) -> URIRef:
    return URIRef(f"{MAIN_80_1}#{eid}")


@pytest.fixture
def g() -> Graph:
    return graph_of(res_80_1())


def test_correct_graphs_conform_without_any_result() -> None:
    for res in (res_80_1(), draft_004()):
        res.symbol = res.symbol or "A/C.3/80/L.99"
        result = validate(graph_of(res), res.source)
        assert result.conforms, result.report()
        assert result.results == [], result.report()


def test_a_work_printed_without_symbol_is_flagged_not_refused() -> None:
    res = draft_004()
    assert res.symbol is None
    result = validate(graph_of(res), res.source)
    assert result.conforms and result.shapes() == {"SymbolMissing"} == result.shapes("Warning"), result.report()
    assert "file name" in result.warnings[0].message


def _remove(g: Graph, s: URIRef | None, p: URIRef, o: object = None) -> Graph:
    triples = list(g.triples((s, p, o)))
    assert triples, "the break must remove something"
    for t in triples:
        g.remove(t)
    return g


BREAKS: dict[str, Callable[[Graph], Graph]] = {
    "WorkType": lambda g: _remove(g, WORK_80_1, RDF.type, UNRES.Resolution),
    "WorkIdentifier": lambda g: _remove(g, WORK_80_1, UNRES.symbol),
    "WorkActor": lambda g: _remove(g, WORK_80_1, UNRES.actor),
    "WorkDate": lambda g: _remove(g, WORK_80_1, UNRES.docDate),
    "WorkExpression": lambda g: _remove(g, WORK_80_1, ALLOT.hasRealization),
    "ExpressionLanguage": lambda g: _remove(g, EXPR_80_1, DCTERMS.language),
    "ExpressionTitle": lambda g: _remove(g, EXPR_80_1, UNRES.docTitle),
    "ExpressionComponent": lambda g: _remove(g, EXPR_80_1, UNRES.hasComponent),
    "OperativeNumbering": lambda g: _remove(g, portion("para_2"), UNRES.num),
    "ElementPosition": lambda g: _remove(g, portion("para_3"), UNRES.position),
    "ElementText": lambda g: _remove(g, portion("preamble__para_2"), UNRES.text),
    "PointNumbering": lambda g: _remove(g, portion("para_1__list_1__point_b"), UNRES.num),
    "Footnote": lambda g: _remove(g, portion("fn_1"), UNRES.marker),
    "CitationResolved": lambda g: _remove(g, portion("fn_1__cit_1"), UNRES.citesWork),
    "CitationText": lambda g: _remove(g, portion("fn_1__cit_1"), UNRES.citationText),
    "CitedWorkDescribed": lambda g: _remove(g, RES_169_II, RDFS.label),
    "CitationLinked": lambda g: _remove(g, portion("fn_1"), UNRES.cites, RES_169_II),
    "DraftLinked": lambda g: _remove(g, WORK_80_1, UNRES.draft),
}

# corpus/004 (CCPCJ draft): a Treaty Series footnote, and paragraphs addressing UNODC and its Executive Director
DRAFT_004 = f"{WORKS}/un-ccpcj/2019-04-23/004_a62735c9b0a34126/!main"
UNTOC = URIRef(f"{BASE}/id/treaty/unts/39574")
UNODC = URIRef(f"{BASE}/akn/ontology/organizations/un/unitedNationsOfficeOnDrugsAndCrime")
UNSYMBOLED = {"SymbolMissing"}
"""The draft prints no symbol (its IRI comes from its file name): flagged in every result of it."""
BREAKS_004: dict[str, Callable[[Graph], Graph]] = {
    "TreatyCitationTarget": lambda g: _remove(g, UNTOC, RDF.type, UNRES.Treaty),
    "TreatyNumber": lambda g: _remove(g, UNTOC, UNRES.untsNumber),
    "AddresseeResolved": lambda g: _remove(g, URIRef(f"{DRAFT_004}#para_8__addressee_1"), UNDO.hasReceiver),
    "AddresseeReceiverTyped": lambda g: _remove(_remove(g, UNODC, RDF.type, UNRES.TLCOrganization),
                                                UNODC, RDF.type, ALLOT.Organization),
}


@pytest.mark.parametrize("shape", sorted(BREAKS))
def test_each_break_is_reported_by_its_own_shape_only(g: Graph, shape: str) -> None:
    result = check(BREAKS[shape](g))
    assert not result.conforms
    flagged = {"SymbolMissing"} if shape == "WorkIdentifier" else set()  # no symbol is also flagged as such
    assert result.shapes() == {shape} | flagged, result.report()
    assert result.shapes("Violation") == {shape}, result.report()


@pytest.mark.parametrize("shape", sorted(BREAKS_004))
def test_each_break_of_a_link_of_the_draft_is_reported_by_its_own_shape_only(shape: str) -> None:
    res = draft_004()
    result = validate(BREAKS_004[shape](graph_of(res)), res.source)
    assert not result.conforms
    assert result.shapes() == {shape} | UNSYMBOLED, result.report()
    assert result.shapes("Violation") == {shape}, result.report()


def test_report_symbol_without_report_link_is_reported() -> None:
    res = res_80_1()
    res.report_symbol = "A/80/401"
    g = graph_of(res)
    assert validate(g, res.source).results == []
    assert check(_remove(g, WORK_80_1, UNRES.report)).shapes() == {"ReportLinked"}


def test_addressee_naming_an_unknown_organ_is_a_warning_only() -> None:
    res = draft_004()
    res.operative[8].addressees = [Addressee("the Expert Group", "body", "invite")]
    result = validate(graph_of(res), res.source)
    assert result.conforms
    assert result.shapes() == {"AddresseeUnresolved"} | UNSYMBOLED == result.shapes("Warning"), result.report()


def test_an_organization_outside_the_united_nations_addressed_links_to_its_group_node() -> None:
    res = draft_004()
    res.operative[8].addressees = [Addressee("the International Committee of the Red Cross", "organization",
                                             "invite", group="icrc")]
    g = graph_of(res)
    icrc = URIRef(f"{BASE}/id/group/icrc")
    assert (URIRef(f"{DRAFT_004}#para_9"), UNRES.addresses, icrc) in g
    assert (icrc, RDF.type, ALLOT.Organization) in g
    assert validate(g, res.source).shapes() == UNSYMBOLED


def test_a_class_of_states_addressed_is_not_an_entity_to_resolve() -> None:
    res = draft_004()
    assert res.operative[3].addressees[0].kind == "states"
    g = graph_of(res)
    assert validate(g, res.source).shapes() == UNSYMBOLED
    assert (URIRef(f"{DRAFT_004}#para_4__addressee_1"), UNRES.unresolved, None) not in g


def test_the_authorities_graph_conforms() -> None:
    from lod.rdf.authorities import authorities_graph

    result = validate(authorities_graph(BASE), "authorities")
    assert result.conforms and result.results == [], result.report()


def test_a_date_that_is_not_an_xsd_date(g: Graph) -> None:
    _remove(g, WORK_80_1, UNRES.adoptionDate)
    g.add((WORK_80_1, UNRES.adoptionDate, Literal("19 September 2025")))
    result = check(g)
    assert result.shapes() == {"DateDatatype"}, result.report()
    assert result.violations[0].value == "19 September 2025"


def test_operative_number_that_is_not_a_printed_number(g: Graph) -> None:
    _remove(g, portion("para_2"), UNRES.num)
    g.add((portion("para_2"), UNRES.num, Literal("2;")))
    assert check(g).shapes() == {"OperativeNumbering"}


def test_unnumbered_operative_paragraph_is_valid_when_flagged() -> None:
    res = res_80_1()
    res.operative = res.operative[:1]
    res.operative[0].num = None
    res.operative[0].eid = "para_u1"
    res.operative[0].subparagraphs = []
    result = validate(graph_of(res), res.source)
    assert result.conforms and result.results == [], result.report()


def test_duplicated_eid_is_reported() -> None:
    res = res_80_1()
    res.operative[2].eid = res.operative[1].eid
    result = validate(graph_of(res), res.source)
    assert not result.conforms
    assert result.shapes() == {"UniqueEid"}, result.report()


def test_sponsor_that_is_neither_state_group_nor_flagged() -> None:
    res = draft_004()
    g = graph_of(res)
    _remove(g, URIRef(f"{BASE}/id/state/CAN"), RDF.type, UNRES.State)
    assert validate(g, res.source).shapes() == {"Sponsor"} | UNSYMBOLED


def test_unresolved_sponsor_is_a_warning_only() -> None:
    res = draft_004()
    res.sponsors.append(Sponsor("Ruritania", None))
    result = validate(graph_of(res), res.source)
    assert result.conforms
    assert result.shapes() == {"SponsorUnresolved"} | UNSYMBOLED == result.shapes("Warning")


def test_placeholder_citation_is_a_warning_only() -> None:
    res = res_80_1()
    res.citations.append(Citation("resolution", "resolution 80/__", "ga", "80/__", placeholder=True, location="para_2"))
    result = validate(graph_of(res), res.source)
    assert result.conforms and result.shapes() == {"CitationPlaceholder"}, result.report()


def test_unresolved_citation_is_a_warning_only() -> None:
    res = res_80_1()
    res.citations.append(Citation("document", "the Headquarters Agreement", location="preamble__para_5"))
    result = validate(graph_of(res), res.source)
    assert result.conforms and result.shapes() == {"CitationUnresolved"}, result.report()


def test_missing_title_is_a_flag_not_a_violation() -> None:
    res = res_80_1()
    res.title = None
    result = validate(graph_of(res), res.source)
    assert result.conforms and result.shapes() == {"TitleMissing"}, result.report()


def test_report_names_document_node_and_rule(g: Graph) -> None:
    text = check(BREAKS["Footnote"](g)).report()
    assert text.splitlines()[0].startswith("A_RES_80_1.txt: does NOT conform (1 violation(s)")
    assert "Violation: Footnote:" in text and f"{MAIN_80_1}#fn_1" in text and "marker" in text


def res_80_1_voted() -> Resolution:
    """80/1 with what an AKN4UN file adds: a recorded vote, a subject, workflow steps."""
    res = res_80_1()
    res.voting = Voting("adopted-recorded-vote", yes=145, no=5, abstention=6, votes=[
        Vote("ARGENTINA", "yes", "ARG"), Vote("ISRAEL", "no", "ISR"), Vote("ALBANIA", "abstention", "ALB"),
        Vote("RURITANIA", "non-voting", None),
    ])
    res.subjects = [Subject("sdg", "SDG 16", "http://metadata.un.org/sdg/16", "16", 1),
                    Subject("dhlauth", "Palestine question", None, None, 2)]
    res.workflow = [WorkflowStep("draftResolution", "2025-09-15", "A/80/L.1", "Brazil"),
                    WorkflowStep("recommendedForAdoption", None, None, None),
                    WorkflowStep("adopted", "2025-09-19", "A/80/PV.3")]
    return res


VOTED = URIRef(f"{WORK_80_1}#voting")
BREAKS_VOTED: dict[str, Callable[[Graph], Graph]] = {
    "VoteCast": lambda g: _remove(g, URIRef(f"{WORK_80_1}#vote_ARG"), UNRES.voteChoice),
    "VotingRecord": lambda g: _remove(g, VOTED, UNRES.votingOutcome),
    "SubjectConcept": lambda g: _remove(g, URIRef("http://metadata.un.org/sdg/16"), SKOS.prefLabel),
    "WorkflowStepShape": lambda g: _remove(g, URIRef(f"{WORK_80_1}#step_1"), UNRES.stepOutcome),
}


def test_votes_subjects_and_workflow_conform() -> None:
    result = validate(graph_of(res_80_1_voted()), "A_RES_80_1.xml")
    assert result.conforms and not result.results, result.report()


@pytest.mark.parametrize("shape", sorted(BREAKS_VOTED))
def test_each_break_of_votes_subjects_workflow_is_reported_by_its_own_shape_only(shape: str) -> None:
    result = validate(BREAKS_VOTED[shape](graph_of(res_80_1_voted())), "A_RES_80_1.xml")
    assert not result.conforms
    assert result.shapes() == {shape}, result.report()


def test_vote_with_a_choice_outside_the_four_is_refused() -> None:
    g = graph_of(res_80_1_voted())
    vote = URIRef(f"{WORK_80_1}#vote_ARG")
    g.remove((vote, UNRES.voteChoice, None))
    g.add((vote, UNRES.voteChoice, UNRES.VoteMaybe))
    result = validate(g, "A_RES_80_1.xml")
    assert result.shapes("Violation") == {"VoteCast"}, result.report()


def test_every_rule_of_the_shapes_file_is_tested() -> None:
    from lod.rdf.namespaces import UNRES_SHAPES
    from lod.validate import shapes_graph
    from rdflib.namespace import RDF as RDF_NS, SH

    named = {str(s).removeprefix(str(UNRES_SHAPES)) for s in shapes_graph().subjects(RDF_NS.type, SH.NodeShape)
             if str(s).startswith(str(UNRES_SHAPES))}
    tested_elsewhere = {"DateDatatype", "UniqueEid", "Sponsor", "SponsorUnresolved", "CitationPlaceholder",
                        "CitationUnresolved", "TitleMissing", "ReportLinked", "AddresseeUnresolved", "SymbolMissing",
                        "QualityAnnotation", "QualityAnnotationBody",  # these two: tests/test_quality.py
                        "TablePart", "TableRowOf", "TableCellColumn",  # these three: tests/test_tables.py
                        "Submitter"}  # tests/test_submitter.py
    assert named == set(BREAKS) | set(BREAKS_004) | set(BREAKS_VOTED) | tested_elsewhere


def test_unreadable_printed_date_stops_the_document() -> None:
    res = res_80_1()
    res.adoption_date = "19 Septembre"
    result = validate(graph_of(res), res.source)
    assert not result.conforms and result.shapes() == {"DateDatatype"}, result.report()
