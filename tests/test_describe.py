"""Descriptions written by the build (lod.describe): the join, the formats, the pages.

The reference for what a description holds is the SPARQL the server used to run per request
(kept here, bound and run on the store of a real build): the build's join must give at least
those triples for every work, without any query.
"""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, URIRef

from corpora import REAL, needs_shared
from lod import output
from lod.describe import build as stage
from lod.describe.graph import DescriptionGraph
from lod.describe.labels import LABEL_PREDICATES
from lod.formats import HTML, JSONLD, NTRIPLES, RDF_FORMATS, TURTLE
from lod.publish.descriptions import write_link_records
from lod.store import OxigraphStore
from lod.web import queries

BASE = "http://e.org"
WORK, OTHER = f"{BASE}/akn/un/statement/deliberation/unga/2015-12-17/70-174", f"{BASE}/akn/un/statement/deliberation/unga/2016-12-19/71-1"
CITES, TEXT = "https://w3id.org/un-lod/ontology#cites", "https://w3id.org/un-lod/ontology#text"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
_LABEL_IN = ", ".join(f"<{p}>" for p in LABEL_PREDICATES)
INCOMING_TO_WORK = """
CONSTRUCT { ?source ?p ?target . ?g ?lp ?label . ?source ?slp ?slabel } WHERE {
  { $BINDINGS GRAPH ?g { ?source ?p ?work } BIND(?work AS ?target) }
  UNION
  { { SELECT DISTINCT ?work ?target WHERE {
        $BINDINGS GRAPH ?work { ?target ?anyp ?anyo }
        FILTER(isIRI(?target) && STRSTARTS(STR(?target), CONCAT(STR(?work), "/"))) } }
    GRAPH ?g { ?source ?p ?target } }
  FILTER(?g != ?work && ?p != <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>)
  OPTIONAL { GRAPH ?g { ?g ?lp ?label } FILTER(?lp IN (%s)) }
  OPTIONAL { ?source ?slp ?slabel FILTER(?slp IN (%s)) }
}""" % (_LABEL_IN, _LABEL_IN)
LABELS_OF_OBJECTS = """
CONSTRUCT { ?o ?lp ?label } WHERE {
  { SELECT DISTINCT ?o WHERE { $BINDINGS GRAPH ?work { ?s ?p ?o FILTER(isIRI(?o)) } } }
  ?o ?lp ?label FILTER(?lp IN (%s))
}""" % _LABEL_IN
"""What the server queried per request before the build wrote descriptions: the reference."""


def _stored(out: Path, relative: str) -> bytes:
    return gzip.decompress((out / relative).read_bytes())


def _graph(out: Path, relative: str) -> Graph:
    return Graph().parse(data=_stored(out, relative), format="turtle")


def _build(tmp: Path, out: Path, previous: Path | None = None) -> list[stage.Described]:
    """Two documents, the second citing paragraph 3 of the first and the first itself."""
    documents = {
        WORK: [f'<{WORK}/!main#para_3> <{TEXT}> "Decides" .', f'<{WORK}> <{LABEL}> "the work" .'],
        OTHER: [f"<{OTHER}/!main#para_1> <{CITES}> <{WORK}/!main#para_3> .", f"<{OTHER}/!main#para_2> <{CITES}> <{WORK}> .",
                f'<{OTHER}> <{LABEL}> "the citing work" .'],
    }
    scratch = tmp / "scratch"
    scratch.mkdir(exist_ok=True)
    runs: dict[str, list[Path]] = {}
    for n, (work, lines) in enumerate(documents.items()):
        run = scratch / f"{n}.nt"
        run.write_text("".join(line + "\n" for line in sorted(lines)), encoding="utf-8")
        write_link_records(run.with_suffix(".links"), run.with_suffix(".labels"), sorted(lines), work, BASE)
        runs[work] = [run]
    index, _ = stage.prepare(out, scratch, BASE, [r[0].with_suffix(".links") for r in runs.values()],
                             [r[0].with_suffix(".labels") for r in runs.values()], previous)
    described = stage.run(stage.tasks(runs, index, BASE), None)
    stage.write_digests(out, described)
    return described


def test_links_into_a_part_of_a_work_are_in_its_description(tmp_path: Path) -> None:
    out = tmp_path / "out"
    _build(tmp_path, out)
    path = output.work_path(WORK, BASE)
    assert path is not None
    described = _graph(out, output.work_description(path, TURTLE))
    assert {(str(s), str(o)) for s, o in described.subject_objects(URIRef(CITES))} == {
        (f"{OTHER}/!main#para_1", f"{WORK}/!main#para_3"), (f"{OTHER}/!main#para_2", WORK)}
    assert str(described.value(URIRef(OTHER), URIRef(LABEL))) == "the citing work"
    page = _stored(out, output.work_description(path, HTML)).decode("utf-8")
    assert 'id="para_3"' in page and "the citing work" in page and 'href="/static/style.css"' in page


def test_every_format_says_the_same(tmp_path: Path) -> None:
    out = tmp_path / "out"
    _build(tmp_path, out)
    path = output.work_path(WORK, BASE)
    assert path is not None
    graphs = [Graph().parse(data=_stored(out, output.work_description(path, f)), format=f.mime) for f in RDF_FORMATS]
    assert all(set(g) == set(graphs[0]) for g in graphs) and len(graphs[0]) > 3
    assert b'"@context"' in _stored(out, output.work_description(path, JSONLD))


def test_an_unchanged_description_is_reused_by_the_next_build(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    made = _build(tmp_path, first)
    again = _build(tmp_path, second, previous=first)
    assert not any(d.reused for d in made) and all(d.reused for d in again)
    assert {d.iri: d.files for d in made} == {d.iri: d.files for d in again}  # same files, same sha256


def test_descriptions_hold_what_the_per_request_queries_gave(corpus_build: Path) -> None:
    store = OxigraphStore.from_build(corpus_build)
    base = str(__import__("json").loads((corpus_build / output.REPORT).read_text())["base"]).rstrip("/")
    works = [str(r["work"]) for r in store.select(queries.WORKS)]
    assert len(works) >= 4
    cited = 0
    for work in works:
        bindings = {"work": URIRef(work)}
        reference = store.construct(queries.WORK_GRAPH, bindings)
        incoming = store.construct(INCOMING_TO_WORK, bindings)
        cited += bool(len(incoming))
        reference += incoming
        reference += store.construct(LABELS_OF_OBJECTS, bindings)
        path = output.work_path(work, base)
        assert path is not None
        built = _graph(corpus_build, output.work_description(path, TURTLE))
        without_blank = {t for t in reference if not any(type(x).__name__ == "BNode" for x in t)}
        assert without_blank <= set(built), (work, sorted(without_blank - set(built))[:3])
    assert cited >= 1  # the corpus cites some of its own works: the incoming part is exercised


def test_resources_and_the_dataset_are_described(corpus_build: Path) -> None:
    base = str(__import__("json").loads((corpus_build / output.REPORT).read_text())["base"]).rstrip("/")
    state = _graph(corpus_build, output.resource_description(f"{base}/id/state/AUT", TURTLE))
    assert len(state) > 2
    dataset = Graph().parse(data=_stored(corpus_build, output.resource_description(f"{base}/dataset", TURTLE)),
                            format="turtle")
    assert (URIRef(f"{base}/dataset"), None, None) in dataset


def test_the_describe_package_needs_no_web_framework() -> None:
    code = "import sys, lod.describe.build, lod.describe.html; print('flask' in sys.modules)"
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert found.stdout.strip() == "False"


def test_triples_become_the_graph_the_page_walks() -> None:
    triples = list(ox.parse(f'<{WORK}> <{LABEL}> "x" .\n<{WORK}> <{LABEL}> "y"@fr .\n<{OTHER}> <{CITES}> <{WORK}> .\n'.encode(),
                            format=ox.RdfFormat.N_TRIPLES))
    graph = DescriptionGraph.of(triples)
    assert {(o.language, o.value) for o in graph.objects(WORK, LABEL)} == {(None, "x"), ("fr", "y")}
    assert graph.subject_predicates(WORK) == [(OTHER, CITES)]
    assert graph.nodes() == [WORK, OTHER, ox.Literal("x"), ox.Literal("y", language="fr")]
    assert set(DescriptionGraph.from_rdflib(Graph().parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES),
                                                          format="nt"))) == set(graph)


def test_every_jsonld_description_is_the_graph_of_its_ntriples(corpus_build: Path) -> None:
    """The JSON-LD is written from the triples by lod.describe.jsonld; rdflib's JSON-LD processor,
    reading it with the context it embeds, must find the very graph of the N-Triples file."""
    checked = languages = typed = 0
    for nt in sorted((corpus_build / output.DESCRIPTIONS).rglob(f"*.{NTRIPLES.ext}.gz")):
        jsonld = nt.with_name(nt.name.replace(f".{NTRIPLES.ext}.gz", f".{JSONLD.ext}.gz"))
        expected = Graph().parse(data=gzip.decompress(nt.read_bytes()), format="nt")
        document = gzip.decompress(jsonld.read_bytes())
        found = Graph().parse(data=document, format="json-ld")
        assert set(found) == set(expected), (jsonld, sorted(set(expected) ^ set(found))[:3])
        parsed = json.loads(document)
        namespaces = tuple(parsed["@context"].values())
        keys = {key for node in parsed["@graph"] for key in node}
        assert not [key for key in keys if key.startswith(namespaces)], keys  # every property written prefix:local
        checked += 1
        languages += any(getattr(o, "language", None) for o in expected.objects())
        typed += any(getattr(o, "datatype", None) for o in expected.objects())
    assert checked > 20 and languages and typed


@needs_shared
def test_each_language_page_prints_its_own_point_letters() -> None:
    """The point (a) is one portion of the work; the Arabic page prints the letter the Arabic
    text prints ((أ): unres:printedNum), the English page (a)."""
    from rdflib import Graph

    from lod.describe.page import work_page
    from lod.parse import parse_file
    from lod.rdf import WorkRegistry, resolution_graph

    paths = sorted((REAL / "ga-akn").rglob("E_RES_2022_1-2110515[AE].xml"))
    docs = [parse_file(p) for p in paths]
    registry = WorkRegistry.from_corpus(docs)
    graph = Graph()
    for res in docs:
        graph += resolution_graph(res, registry, registry.base)
    work = str(registry.work_for(docs[0]).work())

    def letters(lang: str) -> list[str]:
        page = work_page(graph, work, registry.base, lang)
        first = next(p for p in page.operative if p.eid == "para_1")
        return [p.number for p in first.children]

    assert letters("ar")[:3] == ["(أ)", "(ب)", "(ج)"]
    assert letters("en")[:3] == ["(a)", "(b)", "(c)"]


@needs_shared
def test_a_page_prints_each_section_heading_once_and_names_its_annexes() -> None:
    """S/RES/47 (1948): "A. Restoration of peace and order" above paragraph 1 (not above 2 to 5),
    "B. Plebiscite" above 6, "C. General provisions" above 16; S/RES/1454 (2002)'s annexes as printed ("Annex A: Textual entries …")."""
    from rdflib import Graph

    from lod.describe.page import work_page
    from lod.parse import parse_file
    from lod.rdf import WorkRegistry, resolution_graph

    docs = [parse_file(REAL / "sc" / name) for name in ("S_RES_0047_1948_EN_GOLD.txt", "S_RES_1454_2002_EN_GOLD.txt")]
    registry = WorkRegistry.from_corpus(docs)
    pages = []
    for res in docs:
        graph = Graph()
        graph += resolution_graph(res, registry, registry.base)
        pages.append(work_page(graph, str(registry.work_for(res).work()), registry.base))
    headings = [(p.number, p.heading) for p in pages[0].operative if p.heading]
    assert headings == [("1", "A. Restoration of peace and order"), ("6", "B. Plebiscite"), ("16", "C. General provisions")]
    assert [label for _, label, _ in pages[1].annexes] == [
        "Annex A: Textual entries for the proposed item changes to the Goods Review List", "Annex B: Goods Review List procedures"]


SEE_ALSO = "http://www.w3.org/2000/01/rdf-schema#seeAlso"
UNDOCS = "https://undocs.org/A/RES/70/174"


def test_a_web_page_only_pointed_at_is_not_described_and_is_linked_straight_out() -> None:
    """undocs.org's copy of a document is the object of rdfs:seeAlso: a description of it would
    hold only the pointer its subject's description holds; pages link it as it is."""
    from lod.describe.incoming import Owners, records
    from lod.describe.page import work_page

    lines = sorted([f"<{WORK}> <{SEE_ALSO}> <{UNDOCS}> .", f'<{WORK}> <{LABEL}> "the work" .',
                    f"<https://example.org/page> <{SEE_ALSO}> <{WORK}> .",
                    f"<{WORK}/!main#para_1> <{CITES}> <{OTHER}> ."])
    links, _ = records(lines, WORK, Owners.on(BASE))
    keys = {record.decode().split("\t", 1)[0] for record in links}
    assert UNDOCS not in keys  # not a resource of the data
    assert OTHER in keys and "https://example.org/page" in keys  # a link into ours is kept; so is a fact about another
    triples = list(ox.parse("\n".join(lines).encode() + b"\n", format=ox.RdfFormat.N_TRIPLES))
    page = work_page(DescriptionGraph.of(triples), WORK, BASE)
    pointed = [value.link for _, values in page.metadata for value in values if value.link and value.link.iri == UNDOCS]
    assert pointed and all(link.href == UNDOCS for link in pointed)


def test_a_hub_keeps_the_newest_links_of_a_property_and_its_page_says_how_many_are_left_out(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from lod.describe import link_index

    monkeypatch.setattr(link_index, "MOST_PER_PROPERTY", 1)
    body, proponent = f"{BASE}/id/body/ga", "https://w3id.org/un/ontology/undo/hasProponent"
    documents = {WORK: [f"<{WORK}/!main#para_1> <{proponent}> <{body}> ."],
                 OTHER: [f"<{OTHER}/!main#para_1> <{proponent}> <{body}> ."]}
    scratch, out = tmp_path / "scratch", tmp_path / "out"
    scratch.mkdir()
    runs: dict[str, list[Path]] = {}
    for n, (work, lines) in enumerate(documents.items()):
        run = scratch / f"{n}.nt"
        run.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
        write_link_records(run.with_suffix(".links"), run.with_suffix(".labels"), lines, work, BASE)
        runs[work] = [run]
    links, _ = stage.prepare(out, scratch, BASE, [r[0].with_suffix(".links") for r in runs.values()],
                             [r[0].with_suffix(".labels") for r in runs.values()])
    stage.run(stage.tasks(runs, links, BASE), None)
    described = _graph(out, output.resource_description(body, TURTLE))
    assert {str(s) for s in described.subjects(URIRef(proponent), URIRef(body))} == {f"{OTHER}/!main#para_1"}  # the newer
    page = _stored(out, output.resource_description(body, HTML)).decode("utf-8")
    assert "keeps the newest 1 statements" in page and "1 older ones are left out" in page


@needs_shared
def test_a_page_links_each_addressee_to_what_it_resolved_to() -> None:
    """S/2017/142 asks "the Panel of Experts" to act: the page links it to the body the resolution
    that established it names (/id/body/un-sc/panel-of-experts-2140-2014) and the Secretary-General
    to the Secretary-General's page; an addressee that resolved to nothing stays text."""
    from rdflib import Graph

    from lod.describe.page import work_page
    from lod.parse import parse_file
    from lod.rdf import WorkRegistry, resolution_graph

    res = parse_file(REAL / "sc-drafts" / "task2" / "2152" / "S_2017_142-EN.pdf")
    registry = WorkRegistry.from_corpus([res])
    graph = Graph()
    graph += resolution_graph(res, registry, registry.base)
    page = work_page(graph, str(registry.work_for(res).work()), registry.base)
    by_number = {p.number: p for p in page.operative}
    [panel] = by_number["6"].addressees
    assert panel.text == "the Panel of Experts (request)"
    assert panel.link is not None and panel.link.href == "/id/body/un-sc/panel-of-experts-2140-2014"
    secretary = [a for a in by_number["5"].addressees if a.text.startswith("the Secretary-General")]
    assert secretary and secretary[0].link is not None and secretary[0].link.href.startswith("/akn/ontology/organizations/")
    states = [a for a in by_number["8"].addressees if a.text.startswith("all Member States")]
    assert states and states[0].link is None
