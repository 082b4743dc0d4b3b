"""What keeps serving cheap stays correct: responses gzip-compressed once and kept, the
renderer process that fills the shared renderings, and the query pool that lets surplus idle
query processes go."""

from __future__ import annotations

import fcntl
import gzip
import shutil
import threading
import time
from pathlib import Path

import pytest

from lod.store import OxigraphStore
from lod.web import create_app
from lod.web.cache import Rendered
from lod.web.http import gzip_body
from lod.web.querypool import QueryPool
from lod.web.rendered import LOCK_FILE, RenderedDir, Warmer
from server_fixtures import path_of

ASK = "ASK { ?s ?p ?o }"


@pytest.fixture()
def data(corpus_build: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "output"
    shutil.copytree(corpus_build, copy)
    return copy


def test_kept_answers_are_sent_with_the_gzip_a_fresh_answer_gets(data: Path, published_works) -> None:
    app = create_app({"data": str(data), "prerender": False})
    client = app.test_client()
    path = path_of(published_works[0]["work"])
    for ext in ("ttl", "jsonld", "html"):
        url = f"{path}/data.{ext}"
        fresh, kept = (client.get(url, headers={"Accept-Encoding": "gzip"}) for _ in range(2))
        plain = client.get(url)
        assert fresh.status_code == kept.status_code == plain.status_code == 200
        assert fresh.headers["Content-Encoding"] == kept.headers["Content-Encoding"] == "gzip"
        assert fresh.data == kept.data and fresh.headers["ETag"] == kept.headers["ETag"]
        assert "Content-Encoding" not in plain.headers
        assert gzip.decompress(kept.data) == plain.data
        assert kept.data == gzip_body(plain.data)
        assert "Accept-Encoding" in kept.headers["Vary"]
        # a conditional request on the kept answer's validator is still answered 304
        again = client.get(url, headers={"Accept-Encoding": "gzip", "If-None-Match": kept.headers["ETag"]})
        assert again.status_code == 304


def test_rendered_files_keep_the_sent_encoding_only_when_it_is_the_same(tmp_path: Path) -> None:
    store_path = tmp_path / "store" / "v2-abc"
    store_path.mkdir(parents=True)
    shared = RenderedDir(store_path)
    body = b"<a> <b> <c> .\n" * 100
    shared.put(("k",), Rendered(body, "text/turtle", (("Link", "<x>"),), gzip_body(body)))
    read = shared.get(("k",))
    assert read is not None and read.body == body and read.gzipped == gzip_body(body)
    assert read.headers == (("Link", "<x>"),)
    # a file from an older server (another compression level, no marker) gives its body only
    file = shared._file(("old",))
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_bytes(b'{"key": ["old"], "mimetype": "text/turtle", "headers": []}\n' + gzip.compress(body, 1))
    old = shared.get(("old",))
    assert old is not None and old.body == body and old.gzipped is None


def _wait(warmer: Warmer) -> None:
    for process in warmer.processes:
        assert process.wait(timeout=300) == 0


def test_the_renderer_process_renders_every_work_once(data: Path, published_works) -> None:
    app = create_app({"data": str(data), "prerender": True})
    client = app.test_client()
    assert client.get(path_of(published_works[0]["work"]) + "/data.ttl").status_code == 200
    rt = app.extensions["lod"]
    assert rt.warmer is not None and len(rt.warmer.processes) == 1
    _wait(rt.warmer)
    (shared,) = rt.rendered.values()
    assert shared.complete
    base = rt.base
    for work in (w["work"] for w in published_works):
        for ext in ("ttl", "jsonld", "rdf", "nt", "html"):
            assert shared.has((base, "", "work", work, ext)), (work, ext)
    # what the renderer wrote is what a worker serves
    rendered = shared.get((base, "", "work", published_works[0]["work"], "ttl"))
    assert rendered is not None
    assert client.get(path_of(published_works[0]["work"]) + "/data.ttl").data == rendered.body
    # a complete version starts no renderer, in this worker or in a new one
    fresh = Warmer(dict(rt.config))
    fresh.start(shared)
    assert fresh.processes == []


def test_only_one_renderer_runs_per_version(data: Path) -> None:
    store = OxigraphStore.from_build(data)
    assert store.path is not None
    shared = RenderedDir(store.path)
    shared.root.mkdir(parents=True)
    with open(shared.root / LOCK_FILE, "a") as held:  # another worker's renderer holds the lock
        fcntl.flock(held, fcntl.LOCK_EX)
        warmer = Warmer({"data": str(data)})
        warmer.start(shared)
        assert warmer.processes == []
    assert not shared.complete


@pytest.fixture()
def store_dir(data: Path) -> Path:
    path = OxigraphStore.from_build(data).path
    assert path is not None
    return path


def _ask(pool: QueryPool, store_dir: Path) -> bytes:
    return pool.run(store_dir, ASK, [], [], "application/sparql-results+json", 10, 30).body


def test_surplus_idle_query_processes_stop_and_come_back(store_dir: Path) -> None:
    pool = QueryPool(size=2, keep_idle=1, idle_seconds=3600)
    try:
        answers: list[bytes] = []
        gate = threading.Barrier(2)

        def ask() -> None:
            gate.wait()
            answers.append(_ask(pool, store_dir))

        threads = [threading.Thread(target=ask) for _ in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
        assert len(answers) == 2 and all(b"true" in a for a in answers)
        started = pool.idle
        assert 1 <= started <= 2
        assert pool.reap() == 0  # not idle long enough yet
        assert pool.reap(now=time.monotonic() + 3601) == started - 1
        assert pool.idle == 1
        assert b"true" in _ask(pool, store_dir)  # the kept one answers at once
        assert pool.reap(now=time.monotonic() + 3601) == 0  # never below keep_idle
    finally:
        pool.close()


def test_no_idle_query_process_is_kept_when_asked(store_dir: Path) -> None:
    pool = QueryPool(size=2, keep_idle=0, idle_seconds=3600)
    try:
        assert b"true" in _ask(pool, store_dir)
        assert pool.idle == 1
        assert pool.reap(now=time.monotonic() + 3601) == 1
        assert pool.idle == 0
        assert b"true" in _ask(pool, store_dir)  # a new process is started for the next query
    finally:
        pool.close()
