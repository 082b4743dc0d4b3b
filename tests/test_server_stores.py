"""The same pages and queries, served from the local store and from a RemoteStore.

The RemoteStore talks SPARQL over HTTP to the real server on loopback; the pages built from it
must be the very pages built from the embedded store, since the web layer only sees `Store`.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from flask import Flask

from lod.store import OxigraphStore, RemoteStore
from lod.web import create_app
from server_fixtures import path_of


@pytest.fixture(scope="module")
def apps(server, corpus_build: Path) -> dict[str, Flask]:
    local = OxigraphStore.from_build(server.data)  # opens the server's store read-only
    return {
        "oxigraph": create_app({"data": str(server.data)}, store=local),
        "remote": create_app({"data": str(server.data)}, store=RemoteStore(server.url + "/sparql")),
    }


def pages(published_works: list[dict[str, str]]) -> list[str]:
    paths = ["/", "/documents", "/documents?q=80", "/sponsors", "/treaties",
             "/bodies", "/bodies/ga", "/sessions", "/subjects", "/states/AUT", "/treaties/unts/39574"]
    for item in published_works:
        paths += [path_of(item["work"]) + "/data.html", "/symbol/" + item["symbol"]]
    return paths


@pytest.mark.parametrize("kind", ["oxigraph", "remote"])
def test_pages_render_from_each_store(apps, published_works, kind: str) -> None:
    client = apps[kind].test_client()
    for path in pages(published_works):
        response = client.get(path)
        assert response.status_code in (200, 303), (path, response.status_code)
    page = client.get(path_of(published_works[0]["work"]) + "/data.html")
    assert published_works[0]["symbol"] in page.get_data(as_text=True)


def test_both_stores_give_the_same_pages(apps, published_works) -> None:
    local, remote = apps["oxigraph"].test_client(), apps["remote"].test_client()
    for path in pages(published_works):
        a, b = local.get(path), remote.get(path)
        assert a.status_code == b.status_code, path
        assert a.get_data() == b.get_data(), path
        assert a.headers.get("Location") == b.headers.get("Location"), path


@pytest.mark.parametrize("kind", ["oxigraph", "remote"])
def test_rdf_descriptions_agree(apps, published_works, kind: str) -> None:
    from rdflib import Graph
    from rdflib.compare import isomorphic

    client = apps[kind].test_client()
    other = apps["remote" if kind == "oxigraph" else "oxigraph"].test_client()
    for item in published_works:
        path = path_of(item["work"]) + "/data.nt"
        mine = Graph().parse(data=client.get(path).get_data(as_text=True), format="nt")
        theirs = Graph().parse(data=other.get(path).get_data(as_text=True), format="nt")
        assert len(mine) > 0 and isomorphic(mine, theirs)


@pytest.mark.parametrize("kind", ["oxigraph", "remote"])
def test_sparql_endpoint_over_each_store(apps, published_works, kind: str) -> None:
    client = apps[kind].test_client()
    query = "PREFIX unres: <https://w3id.org/un-lod/ontology#> SELECT ?s WHERE { ?w unres:symbol ?s } ORDER BY ?s"
    response = client.get("/sparql", query_string={"query": query}, headers={"Accept": "text/csv"})
    assert response.status_code == 200
    rows = response.get_data(as_text=True).split()
    assert rows[0] == "s" and set(rows[1:]) >= {w["symbol"] for w in published_works}
