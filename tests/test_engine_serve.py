"""`lod serve --store URL`: the same web layer over an external engine loaded by `lod publish`.

Every example query answers the same from the engine as from the embedded store; the browse
pages render from it; an engine that is down is a 502 naming it, one that runs out of time a 504
(never a partial 200). The Oxigraph server runs in every test run; Virtuoso in `make engine-test`
(marker `engine`).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from flask import Flask
from flask.testing import FlaskClient

from engines import TEST_PASSWORD, RunningEngine, oxigraph_binary, oxigraph_server, virtuoso_server
from lod.engines import open_engine
from lod.engines.base import Credentials
from lod.engines.publish import publish
from lod.rdf.examples import EXAMPLES
from lod.web import create_app

SLOW = ("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f "
        "FILTER(REGEX(CONCAT(STR(?c), STR(?f), STR(?a)), \"no such text (x|y)+z\")) }")
"""A query that reads every pair of triples: far more than a 3 s limit on the sample corpus."""
JSON = {"Accept": "application/sparql-results+json"}
KINDS = [
    pytest.param("oxigraph", marks=pytest.mark.skipif(oxigraph_binary() is None, reason="PyPI oxigraph missing")),
    pytest.param("virtuoso", marks=[pytest.mark.engine, pytest.mark.skipif(
        shutil.which("virtuoso-t") is None, reason="virtuoso-opensource is not installed (make engine-test)")]),
]


@pytest.fixture(scope="module", params=KINDS)
def engine(request: pytest.FixtureRequest, corpus_build: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningEngine]:
    kind = request.param
    starter = oxigraph_server if kind == "oxigraph" else virtuoso_server
    with starter(tmp_path_factory.mktemp(kind)) as running:
        credentials = Credentials("dba", TEST_PASSWORD) if kind == "virtuoso" else None
        publish(corpus_build, open_engine(running.url, kind, credentials), progress=False)
        yield running


def app_over(engine: RunningEngine, data: Path, **settings: object) -> Flask:
    return create_app({"data": str(data), "store": engine.url, "engine": engine.kind,
                       "query-network-unconfined": True, **settings})


@pytest.fixture(scope="module")
def embedded(corpus_build: Path) -> FlaskClient:
    return create_app({"data": str(corpus_build), "query-network-unconfined": True}).test_client()


def answers(response) -> object:  # type: ignore[no-untyped-def]
    assert response.status_code == 200, response.get_data(as_text=True)
    result = ox.parse_query_results(response.get_data(), format=ox.QueryResultsFormat.JSON)
    if isinstance(result, ox.QueryBoolean):
        return bool(result)
    names = [v.value for v in result.variables]
    return sorted(tuple(str(s[n]) if s[n] is not None else "" for n in names) for s in result)


def test_every_example_query_answers_as_on_the_embedded_store(engine: RunningEngine, corpus_build: Path,
                                                              embedded: FlaskClient) -> None:
    remote = app_over(engine, corpus_build).test_client()
    nonempty = 0
    for example in EXAMPLES:
        mine = answers(remote.post("/sparql", data={"query": example.query}, headers=JSON))
        assert mine == answers(embedded.post("/sparql", data={"query": example.query}, headers=JSON)), example.query
        nonempty += bool(mine)
    assert nonempty >= len(EXAMPLES) - 1
    # the default graph is the merge: a triple of several documents counts once, as embedded
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    assert answers(remote.get("/sparql", query_string={"query": count}, headers=JSON)) == \
        answers(embedded.get("/sparql", query_string={"query": count}, headers=JSON))


BOOLEANS = """PREFIX unres: <https://w3id.org/un-lod/ontology#>
SELECT ?work (isIRI(?work) AS ?iri) (?n > 1 AS ?several) ?n WHERE {
  { SELECT ?work (COUNT(?s) AS ?n) WHERE { ?work unres:docProponent ?s } GROUP BY ?work }
  BIND(STRSTARTS(STR(?work), "http") AS ?web) FILTER(?web)
}"""
"""Booleans computed in the projection and in a BIND, beside a count (Virtuoso writes all of them
as integers: lod.store.booleans turns the booleans back)."""


def test_booleans_answer_as_on_the_embedded_store(engine: RunningEngine, corpus_build: Path,
                                                   embedded: FlaskClient) -> None:
    remote = app_over(engine, corpus_build).test_client()
    mine = remote.post("/sparql", data={"query": BOOLEANS}, headers=JSON)
    theirs = embedded.post("/sparql", data={"query": BOOLEANS}, headers=JSON)
    assert answers(mine) == answers(theirs) and answers(mine)
    assert b"XMLSchema#boolean" in mine.get_data()


def test_limits_hold_over_the_engine(engine: RunningEngine, corpus_build: Path) -> None:
    client = app_over(engine, corpus_build, **{"max-rows": 5}).test_client()
    many = client.get("/sparql", query_string={"query": "SELECT ?s WHERE { ?s ?p ?o }"}, headers=JSON)
    assert many.status_code == 413 and "max-rows" in many.get_data(as_text=True)
    assert client.post("/sparql", data={"update": "DROP ALL"}).status_code == 403
    if engine.kind == "virtuoso":  # its own row cap (ResultSetMaxRows 10000) cuts an answer silently but for a header
        roomy = app_over(engine, corpus_build, **{"max-rows": 100000}).test_client()
        cut = roomy.get("/sparql", query_string={"query": "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }"}, headers=JSON)
        assert cut.status_code == 413 and "ResultSetMaxRows" in cut.get_data(as_text=True)
    assert client.get("/sparql", query_string={"query": "SELECT * WHERE { SERVICE <http://x/> { ?s ?p ?o } }"}).status_code == 400


def test_browse_pages_render_from_the_engine(engine: RunningEngine, corpus_build: Path, embedded: FlaskClient) -> None:
    """The very pages of the embedded store, byte for byte, from every engine: the browse queries
    are written so that Virtuoso answers them as the embedded store does (lod.web.browse_queries:
    no UNION inside GRAPH ?work, the work named as a subject in its own graph)."""
    client = app_over(engine, corpus_build).test_client()
    for path in ("/bodies", "/bodies/ga", "/sessions", "/subjects", "/treaties/unts/39574", "/states/AUT"):
        mine, theirs = client.get(path), embedded.get(path)
        assert mine.status_code == theirs.status_code == 200, path
        assert mine.get_data() == theirs.get_data(), path


def test_a_slow_query_is_a_504_never_a_partial_answer(engine: RunningEngine, corpus_build: Path) -> None:
    client = app_over(engine, corpus_build, **{"query-timeout": 3.0}).test_client()  # the guard needs its share on a loaded machine
    response = client.get("/sparql", query_string={"query": SLOW}, headers=JSON)
    text = response.get_data(as_text=True)
    assert response.status_code == 504, text
    assert engine.url in text and ("time limit" in text or "did not answer" in text)


def test_an_engine_that_is_down_is_a_502_naming_it(corpus_build: Path, tmp_path: Path) -> None:
    if oxigraph_binary() is None:
        pytest.skip("PyPI oxigraph missing")
    with oxigraph_server(tmp_path / "gone") as running:
        publish(corpus_build, open_engine(running.url, "oxigraph"), progress=False)
        client = app_over(running, corpus_build).test_client()
        assert client.get("/states/AUT").status_code == 200
        running.stop()  # the engine dies while the server runs
        response = client.get("/sparql", query_string={"query": "ASK { ?s ?p ?o }"}, headers=JSON)
        assert response.status_code == 502
        assert f"oxigraph at {running.url} cannot be reached: Connection refused" in response.get_data(as_text=True)
        assert client.get("/states/AUT").status_code == 502  # a State's name and co-sponsors are asked of it
        assert client.get("/bodies").status_code == 200  # counted from the build's lists.sqlite


WORDS = ['"organized crime"', "corruption", "terrorism", "women", '"Member States"', "drug trafficking", "Palermo"]


@pytest.mark.engine
def test_engine_search_finds_the_documents_of_the_build_index(engine: RunningEngine, corpus_build: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """Virtuoso's text index (bif:contains) against the build's own (tantivy) index: the same documents
    for the same words (the passages may differ: the build's index stems, Virtuoso's does not)."""
    if engine.kind != "virtuoso":
        pytest.skip("the Oxigraph server has no full-text index: search stays on the build's index")
    from lod import output
    from lod.search import SearchIndex

    monkeypatch.setenv("LOD_ENGINE_SQL_PORT", str(engine.sql_port))
    assert open_engine(engine.url, "virtuoso", Credentials("dba", TEST_PASSWORD)).index_text()
    client = app_over(engine, corpus_build).test_client()
    local = SearchIndex(corpus_build / output.SEARCH_INDEX)
    found = 0
    for q in WORDS:
        response = client.get("/search", query_string={"q": q, "size": 50}, headers={"Accept": "application/json"})
        assert response.status_code == 200, response.get_data(as_text=True)
        mine = {hit["document"]["iri"] for hit in response.get_json()["results"]}
        theirs = {h.work for h in local.search(q, {}, 1, 50).hits if h.part != "document"}
        assert mine == theirs, q
        found += bool(mine)
    assert found >= len(WORDS) - 2
    refused = client.get("/search", query_string={"q": "women", "body": "ga"}, headers={"Accept": "application/json"})
    assert refused.status_code == 400 and "facet" in refused.get_data(as_text=True)


def test_an_engine_stopped_mid_query_is_a_502(corpus_build: Path, tmp_path: Path) -> None:
    if oxigraph_binary() is None:
        pytest.skip("PyPI oxigraph missing")
    import threading

    with oxigraph_server(tmp_path / "dies") as running:
        publish(corpus_build, open_engine(running.url, "oxigraph"), progress=False)
        client = app_over(running, corpus_build, **{"query-timeout": 60.0}).test_client()
        timer = threading.Timer(1.0, running.stop)  # the engine dies while it computes SLOW
        timer.start()
        response = client.get("/sparql", query_string={"query": SLOW}, headers=JSON)
        timer.join()
        assert response.status_code == 502, response.get_data(as_text=True)
        assert f"oxigraph at {running.url}" in response.get_data(as_text=True)
