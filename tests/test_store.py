"""The store: loading a build once per checksum, read-only opening, bound values, row cap, remote."""

from __future__ import annotations

import gzip
import shutil
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

from corpora import CORPUS
from rdflib import Literal, URIRef

from lod.store import OxigraphStore, QueryError, RemoteStore, StoreHolder, bind_values, dump_checksum, load_build
from lod.store.loading import STORE_FORMAT
from lod.web import queries

SYMBOLS = "PREFIX unres: <https://w3id.org/un-lod/ontology#> SELECT ?w ?s WHERE { GRAPH ?w { ?w unres:symbol ?s } }"


@pytest.fixture()
def data(corpus_build: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "output"
    shutil.copytree(corpus_build, copy)
    return copy


def test_load_build_names_the_store_by_checksum_and_reuses_it(data: Path) -> None:
    path = load_build(data)
    assert path.parent == data.parent / ".output.store"  # outside the directory a build replaces
    assert path.name == f"{STORE_FORMAT}-{dump_checksum(data)[:16]}"
    sums = (data / "SHA256SUMS").read_text()
    assert f"{dump_checksum(data)}  dumps/lod.nq.gz" in sums
    stamp = (path / ".complete").stat().st_mtime_ns
    assert load_build(data) == path
    assert (path / ".complete").stat().st_mtime_ns == stamp  # not loaded twice


def test_a_store_written_by_another_loader_version_is_not_reused(data: Path) -> None:
    """An older loader's store for the same dump (same checksum) lacks what this one loads."""
    stale = data.parent / ".output.store" / dump_checksum(data)[:16]
    stale.mkdir(parents=True)
    (stale / ".complete").write_text("written by an older loader")
    path = load_build(data)
    assert path != stale and path.name.startswith(STORE_FORMAT + "-")
    assert len(OxigraphStore.open_read_only(path).select("SELECT * WHERE { ?s ?p ?o } LIMIT 1")) == 1


def test_store_holds_every_quad_of_the_dump(data: Path) -> None:
    store = OxigraphStore.from_build(data)
    with gzip.open(data / "dumps" / "lod.nq.gz", "rb") as fh:
        quads = list(ox.parse(fh, format=ox.RdfFormat.N_QUADS))
    rows = store.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert int(rows[0]["n"]) == len(quads)
    graphs = {str(q.graph_name.value) for q in quads}
    assert {str(r["w"]) for r in store.select(SYMBOLS)} <= graphs


def test_store_is_read_only(data: Path) -> None:
    store = OxigraphStore.from_build(data)
    with pytest.raises((OSError, RuntimeError), match="read-write|read-only|read only"):
        store._store.update("INSERT DATA { <http://x/a> <http://x/b> <http://x/c> }")


def test_bound_values_are_data_not_syntax(data: Path) -> None:
    store = OxigraphStore.from_build(data)
    symbol = str(store.select(SYMBOLS)[0]["s"])
    found = store.select(queries.SYMBOL_TO_WORK, {"symbol": Literal(symbol)})
    assert len(found) == 1
    hostile = 'x" } UNION { ?work ?p ?o } #'
    assert store.select(queries.SYMBOL_TO_WORK, {"symbol": Literal(hostile)}) == []
    with pytest.raises(QueryError):
        bind_values(queries.EXISTS, {"iri": URIRef("http://x/> } ; DROP ALL #")})
    assert "$BINDINGS" not in bind_values(queries.EXISTS, {"iri": URIRef("http://x/a")})


def test_row_cap_refuses_instead_of_truncating(data: Path) -> None:
    store = OxigraphStore.from_build(data)
    total = int(store.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")[0]["n"])
    with pytest.raises(QueryError) as info:
        store.query("SELECT * WHERE { ?s ?p ?o }", max_rows=total - 1)
    assert "max-rows" in str(info.value)
    result = store.query("SELECT * WHERE { ?s ?p ?o }", accept="text/tab-separated-values", max_rows=total)
    assert result.count == total
    assert result.body.count(b"\n") == total + 1


def test_holder_swaps_to_a_new_build(data: Path, tmp_path: Path) -> None:
    from server_fixtures import build_corpus

    holder = StoreHolder(data, check_every=0)
    first = holder.current()
    before = {str(r["s"]) for r in first.select(SYMBOLS)}
    subset = tmp_path / "subset"
    subset.mkdir()
    shutil.copy(CORPUS / "A_RES_80_2.md", subset)
    build_corpus(subset, data)
    second = holder.current()
    assert second is first  # the new build loads in the background; meanwhile the old one answers
    deadline = time.monotonic() + 60
    while second is first and time.monotonic() < deadline:
        time.sleep(0.1)
        second = holder.current()
    assert second is not first
    after = {str(r["s"]) for r in second.select(SYMBOLS)}
    assert after == {"A/RES/80/2"} and after < before
    assert {str(r["s"]) for r in first.select(SYMBOLS)} == before  # the old one still answers


def test_remote_store_answers_like_the_local_one(server, data: Path) -> None:
    local = OxigraphStore.from_build(data)
    remote = RemoteStore(server.url + "/sparql")
    assert sorted(map(str, (r["s"] for r in remote.select(SYMBOLS)))) == sorted(
        map(str, (r["s"] for r in local.select(SYMBOLS))))
    work = local.select(SYMBOLS)[0]["w"]
    assert remote.ask(queries.EXISTS, {"iri": work}) is True
    assert len(remote.construct(queries.WORK_GRAPH, {"work": work})) == len(local.construct(queries.WORK_GRAPH, {"work": work}))


def test_values_blocks_refuse_what_is_not_a_term() -> None:
    from lod.store.base import values_block

    assert values_block("o", [URIRef("http://e.org/a"), Literal('say "x"')]) == 'VALUES ?o { <http://e.org/a> "say \\"x\\"" }'
    with pytest.raises(QueryError):
        values_block("o", [URIRef("http://e.org/a> } ; DROP ALL ; <x")])
    with pytest.raises(ValueError):
        values_block("o } DROP ALL {", [])
