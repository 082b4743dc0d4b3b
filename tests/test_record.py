"""lod.describe.record: what a resolution page says, in words under its title, of how the text
came about, read by property names from the description like the rest of the page."""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS, XSD

from lod.describe.graph import DescriptionGraph
from lod.describe.linker import Linker
from lod.describe.record import record_of
from lod.rdf.namespaces import UNRES

BASE = "http://127.0.0.1:8080"
WORK = URIRef(f"{BASE}/akn/un/statement/deliberation/un-ga/2022-12-15/77-228")
COMMITTEE = URIRef(f"{BASE}/akn/ontology/organizations/un/thirdCommittee")
REPORT = URIRef(f"{BASE}/id/document/A-77-463-Add.3")


def _rows(*extra: tuple[URIRef, URIRef, object]) -> dict[str, str]:
    g = Graph()
    g.add((WORK, UNRES.docCommittee, COMMITTEE))
    g.add((COMMITTEE, RDFS.label, Literal("Third Committee", lang="en")))
    g.add((WORK, UNRES.report, REPORT))
    g.add((REPORT, RDFS.label, Literal("A/77/463/Add.3")))
    g.add((WORK, UNRES.reportParagraph, Literal("29")))
    g.add((WORK, UNRES.sessionLabel, Literal("Seventy-seventh session", lang="en")))
    for triple in extra:
        g.add(triple)  # type: ignore[arg-type]
    graph = DescriptionGraph.from_rdflib(g)
    return {label: "; ".join(v.text for v in values) for label, values in record_of(graph, Linker(BASE, graph), str(WORK))}


def test_an_adopted_text_was_adopted_on_the_report_of_its_committee() -> None:
    rows = _rows((WORK, UNRES.adoptionDate, Literal("2022-12-15", datatype=XSD.date)), (WORK, UNRES.meeting, Literal("54th plenary meeting")))
    assert rows == {"Adopted on": "15 December 2022", "Meeting": "54th plenary meeting", "Session": "Seventy-seventh session",
                    "On the report of": "Third Committee; A/77/463/Add.3, para. 29"}


def test_a_draft_names_its_committee_and_its_date_not_a_report_it_was_adopted_on() -> None:
    rows = _rows((WORK, UNRES.docDate, Literal("2019-04-23", datatype=XSD.date)))
    assert rows == {"Dated": "23 April 2019", "Session": "Seventy-seventh session", "Committee": "Third Committee"}
