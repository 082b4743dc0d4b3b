"""Round trip on every corpus document: model → RDF → SPARQL gives the same facts back.

The queries are what a user writes against the published data, so this also pins the
vocabulary the endpoint's users rely on.
"""

from __future__ import annotations

from collections import Counter

import pyoxigraph as ox
import pytest

from lod.model import Resolution
from lod.parse import parse_file
from lod.publish import discover
from lod.rdf import WorkRegistry, resolution_graph
from lod.uri import DEFAULT_BASE
from lod.validate import validate

from corpora import CORPUS  # noqa: E402
PREFIX = "PREFIX unres: <https://w3id.org/un-lod/ontology#>\n"
FILES = [p.name for p in discover(CORPUS)]


@pytest.fixture(scope="module")
def corpus() -> tuple[dict[str, Resolution], WorkRegistry]:
    docs = {p.name: parse_file(p) for p in discover(CORPUS)}
    registry = WorkRegistry(base=DEFAULT_BASE)
    for res in docs.values():
        registry.add(res)
    return docs, registry


def _store(res: Resolution, registry: WorkRegistry) -> ox.Store:
    store = ox.Store()
    data = resolution_graph(res, registry, DEFAULT_BASE).serialize(format="nt").encode()
    store.load(data, format=ox.RdfFormat.N_TRIPLES)
    return store


def _rows(store: ox.Store, query: str, work: str) -> list[tuple[str | None, ...]]:
    """Run a `SELECT ?work …` with ?work bound to the document's work IRI (never pasted into
    the query text); the rows come back without the ?work column."""
    solutions = store.query(PREFIX + query, substitutions={ox.Variable("work"): ox.NamedNode(work)})
    return [tuple(None if term is None else term.value for term in solution)[1:] for solution in solutions]


@pytest.mark.parametrize("name", FILES)
def test_operative_paragraphs_come_back(name: str, corpus: tuple[dict[str, Resolution], WorkRegistry]) -> None:
    docs, registry = corpus
    res = docs[name]
    work = registry.work_for(res).work()
    rows = _rows(_store(res, registry), """
        SELECT ?work ?num ?phrase ?text WHERE {
          ?p a unres:OperativeParagraph ; unres:position ?pos ; unres:text ?text .
          OPTIONAL { ?p unres:num ?num } OPTIONAL { ?p unres:leadingPhrase ?phrase }
          FILTER(STRSTARTS(STR(?p), STR(?work)))
          FILTER NOT EXISTS { ?p unres:eId ?e FILTER(CONTAINS(?e, "annex")) }
        } ORDER BY ?pos""", work)
    expected = [(p.num, p.verb, p.text) for p in res.operative]
    assert rows == expected


@pytest.mark.parametrize("name", FILES)
def test_preamble_sponsors_footnotes_come_back(name: str, corpus: tuple[dict[str, Resolution], WorkRegistry]) -> None:
    docs, registry = corpus
    res = docs[name]
    work = registry.work_for(res).work()
    store = _store(res, registry)
    preamble = _rows(store, """
        SELECT ?work ?phrase ?text WHERE {
          ?p a unres:PreambularParagraph ; unres:position ?pos ; unres:text ?text .
          OPTIONAL { ?p unres:leadingPhrase ?phrase }
          FILTER(STRSTARTS(STR(?p), STR(?work)))
        } ORDER BY ?pos""", work)
    assert preamble == [(p.verb, p.text) for p in res.preamble]
    sponsors = _rows(store, "SELECT ?work ?iso WHERE { ?work unres:docProponent ?s . OPTIONAL { ?s unres:iso3 ?iso } }", work)
    assert Counter(r[0] for r in sponsors) == Counter(s.iso3 for s in res.sponsors)
    notes = _rows(store, "SELECT ?work ?m ?t WHERE { ?n a unres:AuthorialNote ; unres:marker ?m ; unres:text ?t }", work)
    assert sorted(notes) == sorted((f.marker, f.text) for f in res.footnotes)


@pytest.mark.parametrize("name", FILES)
def test_citations_come_back(name: str, corpus: tuple[dict[str, Resolution], WorkRegistry]) -> None:
    docs, registry = corpus
    res = docs[name]
    work = registry.work_for(res).work()
    rows = _rows(_store(res, registry), """
        SELECT ?work ?type ?text ?symbol ?unts ?placeholder WHERE {
          ?c a unres:Citation ; unres:citationType ?type ; unres:citationText ?text .
          OPTIONAL { ?c unres:citedSymbol ?symbol } OPTIONAL { ?c unres:untsNumber ?unts }
          OPTIONAL { ?c unres:placeholder ?placeholder }
        }""", work)
    got = Counter((t, text, sym, unts, ph == "true") for t, text, sym, unts, ph in rows)
    want = Counter((c.type, c.text, c.symbol, c.unts_number, c.placeholder) for c in res.citations)
    assert got == want
    assert len(res.citations) == sum(got.values())


@pytest.mark.parametrize("name", FILES)
def test_every_document_conforms_to_the_shapes(name: str, corpus: tuple[dict[str, Resolution], WorkRegistry]) -> None:
    docs, registry = corpus
    res = docs[name]
    result = validate(resolution_graph(res, registry, DEFAULT_BASE), res.source)
    assert result.conforms, result.report()
