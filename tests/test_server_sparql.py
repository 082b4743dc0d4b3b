"""The SPARQL endpoint over real HTTP: every query form and result format with SPARQLWrapper,
the Protocol's request forms, dataset selection, and the hostile cases, each while other
queries keep being answered."""

from __future__ import annotations

import csv
import io
import json
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from corpora import needs_shared
import requests
from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import RDF
from server_fixtures import listener
from SPARQLWrapper import CSV, JSON, JSONLD, N3, RDFXML, TSV, TURTLE, XML, SPARQLWrapper

PREFIX = "PREFIX unres: <https://w3id.org/un-lod/ontology#>\n"
WORKS = PREFIX + "SELECT ?work ?symbol WHERE { GRAPH ?work { ?work unres:symbol ?symbol } } ORDER BY ?symbol"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")


def wrapper(server, fmt: str, query: str) -> SPARQLWrapper:
    client = SPARQLWrapper(server.url + "/sparql")
    client.setQuery(query)
    client.setReturnFormat(fmt)
    return client


def published(corpus_build: Path) -> set[tuple[str, str]]:
    """(work, symbol) of every document the build published with a symbol, from its own report."""
    report = json.loads((corpus_build / "report.json").read_text())
    return {(d["work"], d["symbol"]) for d in report["documents"] if d["status"] == "published" and d["symbol"]}


# --- every form and format through SPARQLWrapper ---------------------------------------------

def test_select_json(server, corpus_build) -> None:
    result = wrapper(server, JSON, WORKS).query().convert()
    rows = {(b["work"]["value"], b["symbol"]["value"]) for b in result["results"]["bindings"]}
    assert rows == published(corpus_build)


def test_select_xml(server, corpus_build) -> None:
    document = wrapper(server, XML, WORKS).query().convert()
    symbols = {node.firstChild.data for node in document.getElementsByTagName("literal")}
    assert symbols == {s for _, s in published(corpus_build)}


@pytest.mark.parametrize("fmt, delimiter", [(CSV, ","), (TSV, "\t")])
def test_select_csv_tsv(server, corpus_build, fmt: str, delimiter: str) -> None:
    body = wrapper(server, fmt, WORKS).query().convert()
    rows = list(csv.reader(io.StringIO(body.decode("utf-8")), delimiter=delimiter))
    assert [h.lstrip("?") for h in rows[0]] == ["work", "symbol"]
    if fmt == TSV:  # TSV writes terms in SPARQL syntax
        found = {(w.strip("<>"), s.strip('"')) for w, s in rows[1:]}
    else:
        found = {(w, s) for w, s in rows[1:]}
    assert found == published(corpus_build)


@pytest.mark.parametrize("fmt", [JSON, XML])
def test_ask(server, corpus_build, fmt: str) -> None:
    work, _ = sorted(published(corpus_build))[0]
    yes = wrapper(server, fmt, f"ASK {{ GRAPH <{work}> {{ ?s ?p ?o }} }}").query().convert()
    no = wrapper(server, fmt, "ASK { <http://example.org/nothing> ?p ?o }").query().convert()
    if fmt == JSON:
        assert (yes["boolean"], no["boolean"]) == (True, False)
    else:
        values = [d.getElementsByTagName("boolean")[0].firstChild.data for d in (yes, no)]
        assert values == ["true", "false"]


def _construct(work: str) -> str:
    return f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{work}> {{ ?s ?p ?o }} }}"


def _expected_graph(corpus_build: Path, work: str) -> Graph:
    slug = next(d["slug"] for d in json.loads((corpus_build / "report.json").read_text())["documents"]
                if d["work"] == work)
    return Graph().parse(corpus_build / "documents" / f"{slug}.ttl", format="turtle")


@pytest.mark.parametrize("fmt", [TURTLE, N3, JSONLD, RDFXML])
def test_construct_formats(server, corpus_build, fmt: str) -> None:
    work, _ = sorted(published(corpus_build))[0]
    graph = wrapper(server, fmt, _construct(work)).query().convert()
    if not isinstance(graph, Graph):  # SPARQLWrapper hands Turtle back as bytes
        graph = Graph().parse(data=graph, format="turtle")
    assert len(graph) == len(_expected_graph(corpus_build, work))


def test_construct_ntriples_by_accept(server, corpus_build) -> None:
    work, _ = sorted(published(corpus_build))[0]
    client = wrapper(server, N3, _construct(work))
    client.setOnlyConneg(True)
    client.addCustomHttpHeader("Accept", "application/n-triples")
    response = client.query().response
    assert response.headers["Content-Type"].startswith("application/n-triples")
    graph = Graph().parse(data=response.read().decode("utf-8"), format="nt")
    assert len(graph) == len(_expected_graph(corpus_build, work))


def test_describe(server, corpus_build) -> None:
    work, symbol = sorted(published(corpus_build))[0]
    graph = wrapper(server, TURTLE, f"DESCRIBE <{work}>").query().convert()
    graph = Graph().parse(data=graph, format="turtle") if not isinstance(graph, Graph) else graph
    assert str(graph.value(URIRef(work), URIRef("https://w3id.org/un-lod/ontology#symbol"))) == symbol


# --- protocol request forms, dataset selection -----------------------------------------------

def test_post_forms_agree(server) -> None:
    accept = {"Accept": "application/sparql-results+json"}
    by_get = server.get("/sparql", params={"query": WORKS}, headers=accept).json()
    by_form = server.post("/sparql", data={"query": WORKS}, headers=accept).json()
    by_body = server.post("/sparql", data=WORKS.encode(), headers={**accept, "Content-Type": "application/sparql-query"}).json()
    assert by_get == by_form == by_body
    assert by_get["results"]["bindings"]


def _count(server, query: str, **params: object) -> int:
    response = server.get("/sparql", params={"query": query, **params}, headers={"Accept": "application/sparql-results+json"})
    assert response.status_code == 200, response.text
    return int(response.json()["results"]["bindings"][0]["n"]["value"])


def test_default_and_named_graph_uris_select_graphs(server, corpus_build) -> None:
    work, _ = sorted(published(corpus_build))[0]
    in_graph = _count(server, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{work}> {{ ?s ?p ?o }} }}")
    total = _count(server, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert 0 < in_graph < total
    assert _count(server, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", **{"default-graph-uri": work}) == in_graph
    assert _count(server, f"SELECT (COUNT(*) AS ?n) FROM <{work}> WHERE {{ ?s ?p ?o }}") == in_graph
    named = server.get("/sparql", params={"query": "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }",
                                          "named-graph-uri": work}, headers={"Accept": "text/csv"})
    assert named.text.split() == ["g", work]


@contextmanager
def listening() -> Iterator[tuple[str, list[socket.socket]]]:
    """A loopback socket that records any connection: proof that nothing was fetched."""
    with listener() as (port, accepted):
        yield f"http://127.0.0.1:{port}/graph", accepted


def test_from_never_dereferences(server) -> None:
    with listening() as (url, accepted):
        for query in (f"SELECT (COUNT(*) AS ?n) FROM <{url}> WHERE {{ ?s ?p ?o }}",
                      f"SELECT (COUNT(*) AS ?n) FROM NAMED <{url}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}"):
            assert _count(server, query) == 0
    assert accepted == []


def test_service_is_refused_without_any_request(server) -> None:
    with listening() as (url, accepted):
        query = f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}"
        response = server.get("/sparql", params={"query": query})
        hidden = server.post("/sparql", data=f"SELECT * WHERE {{ {{ ?a ?b ?c }} UNION {{ SERVICE SILENT <{url}> {{ ?s ?p ?o }} }} }}",
                             headers={"Content-Type": "application/sparql-query"})
    assert response.status_code == hidden.status_code == 400
    assert "SERVICE" in response.text and "never sends requests" in response.text
    assert accepted == []


def test_service_description_and_query_page(server) -> None:
    described = server.get("/sparql", headers={"Accept": "text/turtle"})
    assert described.status_code == 200
    graph = Graph().parse(data=described.text, format="turtle")
    services = list(graph.subjects(RDF.type, SD.Service))
    assert len(services) == 1
    assert (services[0], SD.supportedLanguage, SD.SPARQL11Query) in graph
    page = server.get("/sparql", headers={"Accept": "text/html"})
    assert page.status_code == 200 and "<textarea" in page.text and 'name="query"' in page.text


def test_cors_headers(server) -> None:
    response = server.get("/sparql", params={"query": "ASK {}"}, headers={"Origin": "https://example.org"})
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    preflight = requests.options(server.url + "/sparql", headers={
        "Origin": "https://example.org", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "Content-Type"}, timeout=10)
    assert preflight.status_code == 204
    assert "POST" in preflight.headers["Access-Control-Allow-Methods"]


def test_not_acceptable(server) -> None:
    response = server.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 1"}, headers={"Accept": "image/png"})
    assert response.status_code == 406
    assert "application/sparql-results+json" in response.text


# --- hostile requests, each while the server is busy with a long query -------------------------

def _simple_query(server) -> requests.Response:
    return server.get("/sparql", params={"query": "ASK { ?s ?p ?o }"}, headers={"Accept": "application/sparql-results+json"})


def _busy_then(server, hostile: Callable[[], requests.Response]) -> tuple[requests.Response, requests.Response, list[str]]:
    """Run a query that never ends, then the hostile request and a simple query meanwhile.
    Returns (hostile answer, simple answer, order in which things finished)."""
    finished: list[str] = []
    long_answer: list[requests.Response] = []

    def long_query() -> None:
        long_answer.append(server.get("/sparql", params={"query": SLOW}))
        finished.append("long")

    thread = threading.Thread(target=long_query)
    thread.start()
    answers: dict[str, requests.Response] = {}

    def ask(name: str, send: Callable[[], requests.Response]) -> None:
        answers[name] = send()
        finished.append(name)

    # the hostile request and the simple query side by side, not one after the other: on a loaded
    # machine the two in a row could outlast the long query's 2 s, which says nothing of the server
    askers = [threading.Thread(target=ask, args=("hostile", hostile)),
              threading.Thread(target=ask, args=("simple", lambda: _simple_query(server)))]
    for asker in askers:
        asker.start()
    for asker in [*askers, thread]:
        asker.join()
    hostile_answer, simple = answers["hostile"], answers["simple"]
    assert long_answer[0].status_code == 503
    assert "query-timeout" in long_answer[0].text
    return hostile_answer, simple, finished


HOSTILE: dict[str, tuple[Callable[[object], requests.Response], int, str]] = {
    "update by query": (lambda s: s.get("/sparql", params={"query": "DROP ALL"}), 403, "read-only"),
    "update by form": (lambda s: s.post("/sparql", data={"update": "INSERT DATA { <a:b> <a:c> <a:d> }"}), 403, "read-only"),
    "update by body": (lambda s: s.post("/sparql", data=b"CLEAR DEFAULT",
                                        headers={"Content-Type": "application/sparql-update"}), 403, "read-only"),
    "load": (lambda s: s.get("/sparql", params={"query": "LOAD <http://127.0.0.1:9/x>"}), 403, "read-only"),
    "service": (lambda s: s.get("/sparql", params={"query": "SELECT * { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"}), 400, "SERVICE"),
    "malformed": (lambda s: s.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p "}), 400, "malformed query"),
    "huge body": (lambda s: s.post("/sparql", data=("# " + "x" * 30_000 + "\nASK {}").encode(),
                                   headers={"Content-Type": "application/sparql-query"}), 413, "max-request-bytes"),
    "huge url": (lambda s: s.get("/sparql", params={"query": "ASK {} #" + "x" * 30_000}), 413, "max-request-bytes"),
    "too many rows": (lambda s: s.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"}), 413, "max-rows"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_request_while_busy(server, case: str) -> None:
    send, status, reason = HOSTILE[case]
    hostile, simple, finished = _busy_then(server, lambda: send(server))
    assert hostile.status_code == status, hostile.text
    assert reason in hostile.text
    assert simple.status_code == 200 and simple.json()["boolean"] is True
    assert finished.index("simple") < finished.index("long")  # answered while the long one ran


def test_per_client_concurrency_gets_429(server) -> None:
    answers: list[requests.Response] = []
    lock = threading.Lock()

    def send() -> None:
        response = server.get("/sparql", params={"query": SLOW})
        with lock:
            answers.append(response)

    threads = [threading.Thread(target=send) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    statuses = sorted(a.status_code for a in answers)
    assert statuses.count(429) >= 3, statuses  # client-concurrency is 3 in the test server
    limited = next(a for a in answers if a.status_code == 429)
    assert int(limited.headers["Retry-After"]) >= 1
    assert set(statuses) <= {429, 503}
    deadline = time.monotonic() + 30  # the budget frees up once they are over
    while _simple_query(server).status_code == 429 and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _simple_query(server).status_code == 200


from lod.web.queries import EXAMPLES  # noqa: E402


@needs_shared
@pytest.mark.parametrize("example", EXAMPLES, ids=[e.title for e in EXAMPLES])
def test_example_queries_answer_on_the_corpus(server, example) -> None:
    machine = server.get("/sparql", params={"query": example.query})
    assert machine.status_code == 200, machine.text
    if example.needs:  # the sample corpus has no such input: answered in tests/test_akn_read.py
        assert int(machine.headers["X-Result-Count"]) == 0
    else:
        assert int(machine.headers["X-Result-Count"]) > 0
    page = server.get("/sparql", params={"query": example.query, "format": "html"})
    assert page.status_code == 200 and page.headers["Content-Type"].startswith("text/html")
    assert "<table" in page.text or "<pre" in page.text
