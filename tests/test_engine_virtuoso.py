"""Virtuoso (Debian's virtuoso-opensource 7.2, started here on 127.0.0.1 with its own database):
`lod publish --to` by Graph Store PUT and by its bulk loader, digest authentication, the default
password refused, a publish stopped by the engine going down and resumed. Run by
`make engine-test` (marker `engine`), not by `make test`."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from engines import TEST_PASSWORD, RunningEngine, virtuoso_server
from lod.engines import EngineError, open_engine
from lod.engines.base import Credentials
from lod.engines.publish import publish
from test_engines import dump_sizes, graph_sizes

pytestmark = [
    pytest.mark.engine,
    pytest.mark.skipif(shutil.which("virtuoso-t") is None, reason="virtuoso-opensource is not installed (make engine-test installs it)"),
]
DBA = Credentials("dba", TEST_PASSWORD)


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningEngine]:
    with virtuoso_server(tmp_path_factory.mktemp("virtuoso")) as running:
        yield running


def test_default_password_is_refused_for_writing(corpus_build: Path, tmp_path: Path) -> None:
    with virtuoso_server(tmp_path / "v", secure=False) as fresh:
        with pytest.raises(EngineError, match="default dba password"):
            publish(corpus_build, open_engine(fresh.url, "virtuoso", Credentials("dba", "dba")), progress=False)


def test_wrong_credentials_are_named(corpus_build: Path, virtuoso: RunningEngine) -> None:
    with pytest.raises(EngineError, match="refused the credentials"):
        publish(corpus_build, open_engine(virtuoso.url, "virtuoso", Credentials("dba", "wrong")), progress=False)


def test_publish_by_graph_store_put_loads_every_graph(corpus_build: Path, virtuoso: RunningEngine) -> None:
    report = publish(corpus_build, open_engine(virtuoso.url, "virtuoso", DBA), progress=False)
    assert not report.bulk and report.replaced > 0
    held = graph_sizes(virtuoso.url, "virtuoso")
    for graph, count in dump_sizes(corpus_build).items():
        assert held[graph] == count, graph
    again = publish(corpus_build, open_engine(virtuoso.url, "virtuoso", DBA), progress=False)
    assert again.replaced == 0 and again.unchanged == report.replaced


def test_bulk_loader_gives_the_same_graphs(corpus_build: Path, virtuoso: RunningEngine, monkeypatch: pytest.MonkeyPatch) -> None:
    import lod.engines.publish as module

    engine = open_engine(virtuoso.url, "virtuoso", DBA)
    engine.update(f"CLEAR GRAPH <{module.build_base(corpus_build)}/graph/published>")
    monkeypatch.setattr(module, "BULK_FROM", 1)
    monkeypatch.setenv("LOD_ENGINE_LOAD_DIR", str(virtuoso.folder / "load"))
    monkeypatch.setenv("LOD_ENGINE_SQL_PORT", str(virtuoso.sql_port))
    report = publish(corpus_build, engine, progress=False)
    assert report.bulk
    held = graph_sizes(virtuoso.url, "virtuoso")
    for graph, count in dump_sizes(corpus_build).items():
        assert held[graph] == count, graph
    assert not list((virtuoso.folder / "load").iterdir())  # the files it loaded are gone


def test_engine_down_mid_publish_then_resumed(corpus_build: Path, tmp_path: Path) -> None:
    import lod.engines.publish as module

    folder = tmp_path / "v"
    with virtuoso_server(folder) as running:
        engine = open_engine(running.url, "virtuoso", DBA)
        real_put = engine.put_graph
        sent: list[str] = []

        def put_and_stop(graph: str, data: bytes) -> None:
            if len(sent) == 2:
                running.stop()  # the engine dies mid-publish
            real_put(graph, data)
            sent.append(graph)

        engine.put_graph = put_and_stop  # type: ignore[method-assign]
        original = module.BATCH
        module.BATCH = 1
        try:
            with pytest.raises(EngineError, match=r"virtuoso at http://127\.0\.0\.1:\d+ cannot be reached"):
                publish(corpus_build, engine, progress=False)
        finally:
            module.BATCH = original
    with virtuoso_server(folder) as again:  # the same database, started again: the publish resumes
        report = publish(corpus_build, open_engine(again.url, "virtuoso", DBA), progress=False)
    assert report.unchanged == 2 and report.replaced == len(dump_sizes(corpus_build)) + 2 - 2
