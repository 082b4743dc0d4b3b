"""`lod publish --to`: a build loaded into a real Oxigraph server (started here on 127.0.0.1),
graph by graph, only what changed, resumable, with clear errors. Virtuoso: tests/engine/."""

from __future__ import annotations

import gzip
import shutil
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from engines import RunningEngine, oxigraph_binary, oxigraph_server
from lod.engines import EngineError, open_engine
from lod.engines.base import Credentials
from lod.engines.publish import build_graphs, publish, published_record
from server_fixtures import build_corpus

pytestmark = pytest.mark.skipif(oxigraph_binary() is None, reason="the oxigraph server (PyPI `oxigraph`) is not installed")


@pytest.fixture()
def engine(tmp_path: Path) -> Iterator[RunningEngine]:
    with oxigraph_server(tmp_path / "oxigraph") as running:
        yield running


def graph_sizes(engine_url: str, kind: str = "oxigraph") -> Counter[str]:
    rows = open_engine(engine_url, kind).select("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    return Counter({row["g"]: int(row["n"]) for row in rows})


def dump_sizes(build: Path) -> Counter[str]:
    sizes: Counter[str] = Counter()
    with gzip.open(build / "dumps" / "lod.nq.gz", "rt", encoding="utf-8") as dump:
        for line in dump:
            sizes[line.rstrip()[:-2].rsplit(" ", 1)[1].strip("<>")] += 1
    return sizes


def test_publish_loads_every_graph_of_the_build_and_then_nothing(corpus_build: Path, engine: RunningEngine) -> None:
    first = publish(corpus_build, open_engine(engine.url, "oxigraph"), progress=False)
    expected = dump_sizes(corpus_build)
    held = graph_sizes(engine.url)
    for graph, count in expected.items():
        assert held[graph] == count, graph
    dataset = [g for g in held if g.endswith("/graph/dataset")]
    assert len(dataset) == 1 and held[dataset[0]] > 50  # void.ttl, as its own graph
    # the build's merge is the server's default graph (what `lod serve --store` queries by default)
    default = open_engine(engine.url, "oxigraph").select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    with gzip.open(corpus_build / "dumps" / "lod.nt.gz", "rb") as dump:
        assert int(default[0]["n"]) == sum(1 for _ in dump)
    assert first.replaced == len(expected) + 2 and first.unchanged == 0
    again = publish(corpus_build, open_engine(engine.url, "oxigraph"), progress=False)
    assert (again.replaced, again.dropped, again.unchanged) == (0, 0, first.replaced)


def test_a_smaller_build_replaces_only_what_changed_and_drops_the_rest(
    corpus_build: Path, engine: RunningEngine, tmp_path: Path
) -> None:
    publish(corpus_build, open_engine(engine.url, "oxigraph"), progress=False)
    subset = tmp_path / "subset"
    subset.mkdir()
    source = Path(__file__).resolve().parent.parent / "corpus"
    shutil.copy(source / "004_a62735c9b0a34126.txt", subset)
    smaller = build_corpus(subset, tmp_path / "out")
    report = publish(smaller, open_engine(engine.url, "oxigraph"), progress=False)
    before, after = dump_sizes(corpus_build), dump_sizes(smaller)
    assert report.dropped == len(set(before) - set(after)) > 0
    held = graph_sizes(engine.url)
    assert not (set(before) - set(after)) & set(held)
    for graph, count in after.items():
        assert held[graph] == count
    # the ECOSOC draft's own graph did not change: it was not sent again
    assert report.unchanged >= 1


def test_a_stopped_publish_resumes_where_it_stopped(corpus_build: Path, engine: RunningEngine) -> None:
    target = open_engine(engine.url, "oxigraph")
    graphs = [g for g, _, _ in build_graphs(corpus_build)]
    real_put = target.put_graph
    sent: list[str] = []

    def put_then_fail(graph: str | None, data: bytes) -> None:
        if len(sent) == 2:
            raise EngineError("engine went away")
        real_put(graph, data)
        sent.append(graph or _record(corpus_build).replace("/graph/published", "/graph/merged"))  # None: the merge

    target.put_graph = put_then_fail  # type: ignore[method-assign]
    import lod.engines.publish as module

    original_batch = module.BATCH
    module.BATCH = 1  # record after every graph, so the resume is exact
    try:
        with pytest.raises(EngineError, match="went away"):
            publish(corpus_build, target, progress=False)
        assert set(published_record(target, _record(corpus_build))) == set(sent)
        resumed = publish(corpus_build, open_engine(engine.url, "oxigraph"), progress=False)
    finally:
        module.BATCH = original_batch
    assert resumed.unchanged == 2 and resumed.replaced == len(graphs) + 1 - 2  # + the merge graph


def _record(build: Path) -> str:
    from lod.engines.publish import build_base

    return build_base(build) + "/graph/published"


def test_an_engine_that_is_down_is_named_with_the_reason(corpus_build: Path, engine: RunningEngine) -> None:
    url = engine.url
    engine.stop()
    with pytest.raises(EngineError, match=r"oxigraph at http://127\.0\.0\.1:\d+ cannot be reached .*Connection refused"):
        publish(corpus_build, open_engine(url, "oxigraph"), progress=False)


def test_credentials_never_appear_in_errors_or_reprs(corpus_build: Path) -> None:
    secret = "hunter2-do-not-print"
    engine = open_engine("http://127.0.0.1:9", "oxigraph", Credentials("admin", secret))
    with pytest.raises(EngineError) as caught:
        publish(corpus_build, engine, progress=False)
    assert secret not in str(caught.value) and secret not in repr(engine.credentials)


def test_the_cli_publishes_and_reports(corpus_build: Path, engine: RunningEngine) -> None:
    done = subprocess.run([sys.executable, "-m", "lod.cli", "publish", "--to", engine.url, "--engine", "oxigraph",
                           "--data", str(corpus_build), "--quiet"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "graph(s) replaced" in done.stdout and "0 unchanged" in done.stdout
    bad = subprocess.run([sys.executable, "-m", "lod.cli", "publish", "--to", "ftp://nowhere", "--engine", "oxigraph",
                          "--data", str(corpus_build)], capture_output=True, text=True, timeout=60)
    assert bad.returncode != 0 and "not an http(s) URL" in bad.stderr


def test_a_folder_that_is_not_a_build_is_refused(tmp_path: Path, engine: RunningEngine) -> None:
    with pytest.raises(EngineError, match="not a build of lod"):
        publish(tmp_path, open_engine(engine.url, "oxigraph"), progress=False)
