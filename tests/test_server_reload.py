"""A new build landing in the served directory is picked up by every worker, without a restart."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

from server_fixtures import CORPUS, build_corpus, running_server

SYMBOLS = "SELECT ?s WHERE { GRAPH ?g { ?g <https://w3id.org/un-lod/ontology#symbol> ?s } }"


def documents(server, busy: frozenset[int] = frozenset()) -> frozenset[str] | None:
    """The symbols of the documents the server publishes now (None: a status in `busy`).

    Right after a swap a worker loads the new store while the suite runs on both cores, so a
    query may pass the fixture's 2 s query timeout: the loop below takes that 504 (or a 503)
    as "not yet", never as an answer."""
    response = server.get("/sparql", params={"query": SYMBOLS}, headers={"Accept": "application/sparql-results+json"})
    if response.status_code in busy:
        return None
    assert response.status_code == 200, response.text
    return frozenset(b["s"]["value"] for b in response.json()["results"]["bindings"])


def test_new_build_is_served_by_every_worker(corpus_build: Path, tmp_path: Path) -> None:
    data = tmp_path / "output"
    shutil.copytree(corpus_build, data)
    subset = tmp_path / "subset"
    subset.mkdir()
    shutil.copy(CORPUS / "A_RES_80_2.md", subset)
    with running_server(data, tmp_path / "server.log") as server:
        before = documents(server)
        assert "A/RES/80/2" in before and len(before) > 1
        home_before = server.get("/").text
        # a description every worker has rendered and cached, of a work the next build drops
        dropped = server.get("/symbol/A/RES/80/1", allow_redirects=False).headers["Location"] + "/data.ttl"
        assert {server.get(dropped).status_code for _ in range(6)} == {200}
        build_corpus(subset, data)  # atomic swap of the whole directory, as `lod build` does
        # Each worker notices the new build on its own (a check every reload-check-seconds, then
        # a background load), so wait until a run of requests, which reaches both workers, all
        # answer from the new build; within the deadline, or the reload is broken.
        deadline = time.monotonic() + 60
        answers: set[frozenset[str] | None] = set()
        while time.monotonic() < deadline:
            answers = {documents(server, busy=frozenset({503, 504})) for _ in range(12)}
            if answers == {frozenset({"A/RES/80/2"})}:
                break
            time.sleep(0.5)
        assert answers == {frozenset({"A/RES/80/2"})}
        assert server.get("/").text != home_before
        assert {server.get(dropped).status_code for _ in range(6)} == {404}  # no answer from an old cache
        assert server.get("/symbol/A/RES/80/2").status_code == 303
        versions = [p for p in (tmp_path / ".output.store").iterdir() if p.is_dir()]
        assert len(versions) == 2  # the new store and the previous one, which requests may still read
