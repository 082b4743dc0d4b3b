"""Content negotiation: the format table and werkzeug's Accept parsing, then the same over HTTP."""

from __future__ import annotations

import pytest
from rdflib import Graph

from lod.web import conneg
from server_fixtures import path_of
from lod.formats import HTML, JSONLD, NTRIPLES, RDF_FORMATS, RDFXML, RESOURCE_FORMATS, RESULT_FORMATS, TURTLE, Format

BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"

CASES = [
    # (Accept header, offered, expected extension or None for 406)
    (None, RESOURCE_FORMATS, "ttl"),
    ("", RESOURCE_FORMATS, "ttl"),
    ("*/*", RESOURCE_FORMATS, "ttl"),
    (BROWSER, RESOURCE_FORMATS, "html"),
    ("text/turtle", RESOURCE_FORMATS, "ttl"),
    ("application/turtle", RESOURCE_FORMATS, "ttl"),
    ("application/ld+json", RESOURCE_FORMATS, "jsonld"),
    ("application/rdf+xml", RESOURCE_FORMATS, "rdf"),
    ("application/n-triples", RESOURCE_FORMATS, "nt"),
    ("text/plain", RESOURCE_FORMATS, "nt"),
    ("text/turtle;q=0.5, application/ld+json", RESOURCE_FORMATS, "jsonld"),
    ("application/rdf+xml;q=0.9, text/turtle;q=0.1", RESOURCE_FORMATS, "rdf"),
    ("text/html;q=0.1, application/n-triples;q=0.2", RESOURCE_FORMATS, "nt"),
    ("application/*", RESOURCE_FORMATS, "jsonld"),
    ("image/png", RESOURCE_FORMATS, None),
    ("text/turtle;q=0", RESOURCE_FORMATS, None),
    ("application/sparql-results+json", RESULT_FORMATS, "srj"),
    ("application/json", RESULT_FORMATS, "srj"),
    ("text/csv;q=0.4, text/tab-separated-values;q=0.6", RESULT_FORMATS, "tsv"),
    ("application/sparql-results+xml", RESULT_FORMATS, "srx"),
    ("text/turtle", RESULT_FORMATS, None),
]


@pytest.mark.parametrize("accept, offered, expected", CASES)
def test_negotiate(accept: str | None, offered: tuple[Format, ...], expected: str | None) -> None:
    chosen = conneg.negotiate(accept, offered)
    assert (chosen.ext if chosen else None) == expected


@pytest.mark.parametrize("value, kind, expected", [
    ("json", "solutions", "application/sparql-results+json"),
    ("xml", "solutions", "application/sparql-results+xml"),
    ("xml", "graph", "application/rdf+xml"),
    ("turtle", "graph", "text/turtle"),
    ("n3", "graph", "text/turtle"),
    ("json-ld", "graph", "application/ld+json"),
    ("application/n-triples", "graph", "application/n-triples"),
    ("text/tab-separated-values", "solutions", "text/tab-separated-values"),
    ("csv", "graph", None),
    ("nonsense", "solutions", None),
])
def test_format_parameter(value: str, kind: str, expected: str | None) -> None:
    offered = RDF_FORMATS if kind == "graph" else RESULT_FORMATS
    chosen = conneg.from_format_param(value, kind, offered)
    assert (chosen.mime if chosen else None) == expected


def test_not_acceptable_lists_every_offer() -> None:
    message = conneg.not_acceptable_message(RESOURCE_FORMATS)
    for fmt in RESOURCE_FORMATS:
        assert fmt.mime in message


def test_link_header_names_types() -> None:
    header = conneg.link_header([("/x/data.ttl", TURTLE), ("/x/data.jsonld", JSONLD)])
    assert header == '</x/data.ttl>; rel="alternate"; type="text/turtle", </x/data.jsonld>; rel="alternate"; type="application/ld+json"'


# --- over HTTP, against the real server -----------------------------------------------------

RDF_PARSERS = {TURTLE.mime: "turtle", JSONLD.mime: "json-ld", RDFXML.mime: "xml", NTRIPLES.mime: "nt"}


@pytest.mark.parametrize("accept, ext", [
    ("text/turtle", "ttl"), ("application/ld+json", "jsonld"), ("application/rdf+xml", "rdf"),
    ("application/n-triples", "nt"), (BROWSER, "html"), ("*/*", "ttl"),
])
def test_work_iri_303_by_accept(server, published_works, accept: str, ext: str) -> None:
    work = published_works[0]["work"]
    path = path_of(work)
    response = server.get(path, headers={"Accept": accept})
    assert response.status_code == 303
    assert response.headers["Location"].endswith(f"{path}/data.{ext}")
    assert "Accept" in response.headers["Vary"]
    described = server.get(response.headers["Location"], headers={"Accept": accept})
    assert described.status_code == 200
    assert described.headers["Content-Location"] == f"{path}/data.{ext}"
    mime = described.headers["Content-Type"].split(";")[0]
    if mime in RDF_PARSERS:
        graph = Graph().parse(data=described.content, format=RDF_PARSERS[mime])
        assert any(str(s) == work for s in graph.subjects())
    else:
        assert mime == HTML.mime


def test_work_iri_406_lists_offers(server, published_works) -> None:
    path = path_of(published_works[0]["work"])
    response = server.get(path, headers={"Accept": "image/png"})
    assert response.status_code == 406
    for fmt in RESOURCE_FORMATS:
        assert fmt.mime in response.text
