"""Dereferencing, HTML pages, symbol resolver, dumps, VoID and HTTP caching on the real server."""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from email.utils import formatdate
from pathlib import Path
from urllib.parse import quote

import pytest

from corpora import needs_shared
from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import RDF

from server_fixtures import path_of

UNRES = "https://w3id.org/un-lod/ontology#"
VOID = Namespace("http://rdfs.org/ns/void#")
HTML = {"Accept": "text/html"}


def sparql_rows(server, query: str) -> list[dict[str, str]]:
    response = server.get("/sparql", params={"query": "PREFIX unres: <%s>\n%s" % (UNRES, query)},
                          headers={"Accept": "application/sparql-results+json"})
    response.raise_for_status()
    return [{k: v["value"] for k, v in b.items()} for b in response.json()["results"]["bindings"]]


def test_work_page_has_an_anchor_per_paragraph(server, published_works) -> None:
    for item in published_works:
        eids = {r["eid"] for r in sparql_rows(server, f"""SELECT ?eid WHERE {{ GRAPH <{item['work']}> {{
            ?p unres:eId ?eid ; unres:text ?text }} }}""")}  # paragraphs, points, footnotes
        assert any(e.startswith("para_") for e in eids)
        page = server.get(path_of(item["work"]) + "/data.html")
        assert page.status_code == 200
        assert item["symbol"] in page.text
        assert '<span class="text"></span>' not in page.text  # no empty parts printed
        ids = set(re.findall(r'\bid="([^"]+)"', page.text))
        assert eids <= ids, eids - ids
        assert len(re.findall(r'\bid="([^"]+)"', page.text)) == len(ids)  # ids are unique


def test_component_and_expression_iris_resolve(server, published_works) -> None:
    work = path_of(published_works[0]["work"])
    for suffix, page in (("/!main", "/data.html"), ("/eng@", "/data.html?lang=en"), ("", "/data.html")):
        response = server.get(work + suffix, headers=HTML)
        assert response.status_code == 303, suffix
        assert response.headers["Location"] == work + page  # an expression names its language
    assert server.get(work + "/!main", headers=HTML, allow_redirects=True).url.endswith("/data.html")


def test_unknown_iris_are_404(server, published_works) -> None:
    work = path_of(published_works[0]["work"])
    assert server.get(work.rsplit("/", 1)[0] + "/999-999").status_code == 404
    assert server.get("/nothing/here").status_code == 404
    assert server.get(work + "/data.xyz").status_code == 404


def test_citations_are_links_and_cited_by_is_listed(server) -> None:
    cites = sparql_rows(server, """SELECT DISTINCT ?citing ?cited WHERE {
        GRAPH ?citing { ?c unres:citesWork ?cited } GRAPH ?cited { ?cited unres:symbol ?s } FILTER(?citing != ?cited) }""")
    assert cites, "the corpus has documents citing other published documents"
    for row in cites:
        citing_page = server.get(path_of(row["citing"]) + "/data.html").text
        assert f'href="{path_of(row["cited"])}"' in citing_page
        cited = server.get(path_of(row["cited"]), headers=HTML, allow_redirects=True)
        section = cited.text.split('id="h-cited-by"', 1)[1]
        assert f'href="{path_of(row["citing"])}"' in section
        turtle = Graph().parse(data=server.get(path_of(row["cited"]) + "/data.ttl").text, format="turtle")
        incoming = {str(s) for s, p, o in turtle if str(o) == row["cited"] and str(s).startswith(row["citing"])}
        assert incoming, "the RDF description includes what cites it"


def test_sponsor_and_treaty_pages(server) -> None:
    sponsors = sparql_rows(server, "SELECT DISTINCT ?work ?state ?name WHERE { ?work unres:docProponent ?state . ?state <http://www.w3.org/2000/01/rdf-schema#label> ?name }")
    assert sponsors
    listing = server.get("/sponsors").text
    for row in sponsors:
        assert row["name"] in listing
        page = server.get(path_of(row["state"]), headers=HTML, allow_redirects=True)
        assert page.status_code == 200 and row["name"] in page.text
        assert f'href="{path_of(row["work"])}"' in page.text
    treaties = sparql_rows(server, "SELECT DISTINCT ?t WHERE { ?t a unres:Treaty }")
    treaty_page = server.get("/treaties").text
    for row in treaties:  # the listing links each treaty's browse page, where its IRI leads a browser
        browse_page = "/treaties/" + row["t"].split("/id/treaty/", 1)[1]
        assert f'href="{browse_page}"' in treaty_page
        landed = server.get(path_of(row["t"]), headers=HTML)
        assert landed.status_code == 303 and landed.headers["Location"] == browse_page


@pytest.mark.parametrize("symbol_key", ["first", "last"])
def test_symbol_resolver(server, published_works, symbol_key: str) -> None:
    item = published_works[0 if symbol_key == "first" else -1]
    response = server.get("/symbol/" + item["symbol"])
    assert response.status_code == 303
    assert response.headers["Location"] == path_of(item["work"])


@needs_shared
def test_symbol_with_slashes_and_dots(server, published_works) -> None:
    dotted = [w for w in published_works if "." in w["symbol"]]
    assert dotted, "the corpus has a committee draft (A/C.n/...)"
    response = server.get("/symbol/" + quote(dotted[0]["symbol"]))
    assert response.headers["Location"] == path_of(dotted[0]["work"])


def test_unknown_symbol_is_404_with_search_link(server) -> None:
    response = server.get('/symbol/A/RES/1/999"%20}%20UNION%20{%20?work%20?p%20?o%20}')
    assert response.status_code == 404
    assert 'href="/documents?q=' in response.text


def test_html_links_its_alternates(server, published_works) -> None:
    path = path_of(published_works[0]["work"]) + "/data.html"
    response = server.get(path)
    for ext, mime in (("ttl", "text/turtle"), ("jsonld", "application/ld+json"), ("rdf", "application/rdf+xml"),
                      ("nt", "application/n-triples")):
        url = path.replace(".html", "." + ext)
        assert f'<link rel="alternate" type="{mime}" href="{url}"' in response.text
        assert f'<{url}>; rel="alternate"; type="{mime}"' in response.headers["Link"]
    assert 'href="/.well-known/void"' in response.text


def test_jsonld_uses_the_shipped_context(server, published_works) -> None:
    response = server.get(path_of(published_works[0]["work"]) + "/data.jsonld")
    document = response.json()
    assert isinstance(document["@context"], dict)
    assert document["@context"]["unres"] == UNRES
    graph = Graph().parse(data=response.text, format="json-ld")
    assert (URIRef(published_works[0]["work"]), URIRef(UNRES + "symbol"), None) in graph


def test_conditional_requests_and_caching(server, published_works) -> None:
    path = path_of(published_works[0]["work"]) + "/data.ttl"
    first = server.get(path)
    assert first.status_code == 200
    assert "max-age=" in first.headers["Cache-Control"]
    etag, modified = first.headers["ETag"], first.headers["Last-Modified"]
    assert server.get(path, headers={"If-None-Match": etag}).status_code == 304
    assert server.get(path, headers={"If-Modified-Since": modified}).status_code == 304
    assert server.get(path, headers={"If-Modified-Since": formatdate(0, usegmt=True)}).status_code == 200
    assert server.get(path, headers={"If-None-Match": '"other"'}).status_code == 200


def test_gzip_when_accepted(server, published_works) -> None:
    path = path_of(published_works[0]["work"]) + "/data.ttl"
    zipped = server.get(path, headers={"Accept-Encoding": "gzip"}, stream=True)
    raw = zipped.raw.read(decode_content=False)
    assert zipped.headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in zipped.headers["Vary"]
    plain = server.get(path, headers={"Accept-Encoding": "identity"})
    assert "Content-Encoding" not in plain.headers
    assert gzip.decompress(raw) == plain.content


def test_dumps_are_served_with_checksums(server, corpus_build: Path) -> None:
    sums = dict(reversed(line.split("  ", 1)) for line in (corpus_build / "SHA256SUMS").read_text().splitlines())
    listing = server.get("/dumps/").text
    media = {"lod.ttl": "text/turtle", "lod.nt.gz": "application/gzip", "lod.nq.gz": "application/gzip",
             "lod.jsonld": "application/ld+json"}
    for name, mime in media.items():
        assert sums[f"dumps/{name}"] in listing
        response = server.get(f"/dumps/{name}", headers={"Accept-Encoding": "identity"})
        assert response.status_code == 200
        assert response.headers["Content-Type"].split(";")[0] == mime
        assert int(response.headers["Content-Length"]) == (corpus_build / "dumps" / name).stat().st_size
        assert hashlib.sha256(response.content).hexdigest() == sums[f"dumps/{name}"]
        assert response.headers["ETag"].strip('"') == sums[f"dumps/{name}"]
        again = server.get(f"/dumps/{name}", headers={"If-None-Match": response.headers["ETag"]})
        assert again.status_code == 304
    for escape in ("/dumps/..%2Freport.json", "/documents/..%2F..%2F..%2Fetc%2Fpasswd", "/dumps/%2Fetc%2Fpasswd"):
        assert server.get(escape).status_code == 404, escape


def test_void_by_content_negotiation(server) -> None:
    turtle = server.get("/.well-known/void", headers={"Accept": "text/turtle"})
    graph = Graph().parse(data=turtle.text, format="turtle")
    datasets = list(graph.subjects(RDF.type, VOID.Dataset))
    assert datasets and graph.value(datasets[0], VOID.sparqlEndpoint) is not None
    assert "Accept" in turtle.headers["Vary"]
    as_jsonld = server.get("/.well-known/void", headers={"Accept": "application/ld+json"})
    assert len(Graph().parse(data=as_jsonld.text, format="json-ld")) == len(graph)
    page = server.get("/.well-known/void", headers=HTML)
    assert page.headers["Content-Type"].startswith("text/html") and "void:Dataset" in page.text


def test_home_page_counts_and_links(server, published_works, corpus_build: Path) -> None:
    page = server.get("/").text
    report = json.loads((corpus_build / "report.json").read_text())
    assert f"<strong>{report['published']}</strong> documents" in page
    assert f"<strong>{report['triples']}</strong> statements" in page  # the build's count, not a scan per view
    for link in ('href="/sparql"', 'href="/dumps/"', 'href="/.well-known/void"'):
        assert link in page
    for item in published_works:
        assert f'href="{path_of(item["work"])}"' in page


@pytest.mark.parametrize("path", ["/", "/documents", "/sponsors", "/treaties", "/dumps/", "/sparql"])
def test_every_html_page_links_the_void(server, path: str) -> None:
    response = server.get(path, headers=HTML)
    assert response.status_code == 200 and response.headers["Content-Type"].startswith("text/html")
    assert '</.well-known/void>; rel="describedby"' in response.headers["Link"]
    assert '<link rel="alternate" type="text/turtle" href="/.well-known/void"' in response.text


@pytest.mark.parametrize("path", [
    '/id/state/%22%3E%20%7D%20DROP%20ALL',
    "/akn/un/statement/deliberation/un-ga/2015-12-17/70-174%22%20%7D",
    "/resource?iri=http%3A%2F%2Fx%2F%3E%20%7D",
    "/resource?iri=",
    "/symbol/%22%29%20%7D%20%23",
])
def test_hostile_paths_are_client_errors(server, path: str) -> None:
    response = server.get(path, headers=HTML)
    assert 400 <= response.status_code < 500, (path, response.status_code)
