"""A preambular paragraph's points: "Recalling … and particularly:" then "(a) That the Force …"
(S/RES/467 (1980)), the UN's `container/blockList` in AKN (A/RES/77/177); and the points of an
unnumbered operative paragraph older texts print where a preamble could go on ("Decides:" then
"(a) To call upon …", S/RES/368 (1975)). Each point is a point of the model, the RDF, the AKN
output and the page, as an operative paragraph's are."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, URIRef
from rdflib.namespace import DCTERMS

from corpora import ABSENT, REAL
from lod.akn import akn_document, akn_errors
from lod.parse import parse_file
from lod.parse.akn import read_akn
from lod.rdf import WorkRegistry, resolution_graph
from lod.rdf.namespaces import UNRES
from test_shapes import validate

SC = REAL / "sc"
GA77 = REAL / "ga-akn" / "GAresolutions-main" / "77session" / "English"
BASE = "http://lod.test"
pytestmark = pytest.mark.skipif(not SC.is_dir(), reason=ABSENT)


def doha() -> Path:
    [path] = GA77.glob("A_RES_77_177-*")
    return path


def test_a_preambular_paragraph_s_points_are_its_points() -> None:
    force = parse_file(SC / "S_RES_0467_1980_EN_GOLD.txt").preamble[4]
    assert force.intro is not None and force.intro.endswith("confirmed by resolution 426 (1978), and particularly:")
    assert [p.num for p in force.subparagraphs] == ["a", "b", "c", "d"]
    assert [p.eid for p in force.subparagraphs][:2] == ["preamble__para_5__list_1__point_a", "preamble__para_5__list_1__point_b"]
    assert force.subparagraphs[1].text.startswith("That the Force “must enjoy the freedom of movement")
    assert force.text.startswith(force.intro) and " (b) That the Force “must enjoy" in force.text  # the whole, as printed


def test_an_unnumbered_operative_paragraph_read_after_the_preamble_keeps_its_points() -> None:
    res = parse_file(SC / "S_RES_0368_1975_EN_GOLD.txt")
    [decides] = res.operative  # the closing line, OCR-misread "Adapted at the 1821st meeting", no paragraph
    assert (decides.num, decides.intro, decides.verb) == (None, "Decides:", "Decides")
    assert [p.num for p in decides.subparagraphs] == ["a", "b", "c"]
    assert [(a.name, a.action) for a in decides.subparagraphs[0].addressees] == [("the parties", "call-upon")]
    assert res.preamble[-1].text.endswith("the prevailing state of tension in the area,")  # the preamble ends there


def test_a_citation_in_a_point_is_introduced_by_the_words_before_the_points() -> None:
    """"… took note of the following documents …: (d) Note by the Secretary-General … (A/71/477)"."""
    record = parse_file(REAL / "decisions" / "71" / "71_531.json")
    [cited] = [c for c in record.citations if c.symbol == "A/71/477"]
    assert (cited.location, cited.relation) == ("para_u1__list_1__point_d", "take-note")


def test_the_un_s_akn_list_in_a_preambular_paragraph_is_read_as_points() -> None:
    res = parse_file(doha())
    affirming = res.preamble[3]
    assert affirming.intro == "Affirming also that the Doha Programme of Action is grounded in six focus areas:"
    assert [p.num for p in affirming.subparagraphs] == ["a", "b", "c", "d", "e", "f"]
    # the words after the list, which the file marks as an item without a number, end the last point
    assert affirming.subparagraphs[-1].text.endswith("and in the commitments and targets contained therein,")


@pytest.mark.parametrize("source", ["akn", "text"])
def test_preambular_points_go_into_the_akn_output_and_read_back(source: str) -> None:
    res = parse_file(doha() if source == "akn" else SC / "S_RES_0467_1980_EN_GOLD.txt")
    registry = WorkRegistry(base=BASE)
    registry.add(res)
    xml = akn_document(res, registry, BASE)
    assert akn_errors(xml, res.source) == []
    assert b"<blockList" in xml and b"<listIntroduction" in xml
    assert read_akn(xml, res.source).preamble == res.preamble


def test_preambular_points_are_points_in_rdf_and_on_the_page() -> None:
    from lxml import html as lxml_html

    from lod.describe.html import render_work
    from lod.describe.page import work_page

    res = parse_file(doha())
    registry = WorkRegistry(base=BASE)
    registry.add(res)
    graph = resolution_graph(res, registry, BASE)
    work = str(registry.work_for(res).work())
    point = URIRef(f"{registry.work_for(res).component_iri('main')}#preamble__para_4__list_1__point_b")
    assert (point, RDF.type, UNRES.Point) in graph
    [listed] = graph.objects(point, DCTERMS.isPartOf)
    assert (listed, DCTERMS.isPartOf, URIRef(str(listed).rsplit("__list_1", 1)[0])) in graph
    assert validate(graph, res.source).conforms
    page = lxml_html.fromstring(render_work(work_page(graph, work, BASE), BASE, []))
    item = page.get_element_by_id("preamble__para_4__list_1__point_b")
    assert item.xpath("ancestor::li/@id") == ["preamble__para_4"]


def test_each_preambular_point_is_found_by_search_at_its_point() -> None:
    from lod.search import document_record

    res = parse_file(doha())
    passages = {p.eid: p for p in document_record(res, "http://lod.test/w", "m").passages}
    assert passages["preamble__para_4"].text == res.preamble[3].intro
    assert passages["preamble__para_4__list_1__point_c"].text == "Supporting structural transformation as a driver of prosperity,"
