"""Fixtures that build corpus/ for real and serve it with the real server (gunicorn via lod.serve).

Tests talk to the server over HTTP on a free loopback port, with real clients (requests,
SPARQLWrapper, Selenium), so they exercise what a user gets: headers, redirects, status codes.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parent.parent
from corpora import CORPUS  # noqa: E402

# The test server's limits: short enough that hostile queries end quickly in tests.
TEST_SETTINGS: dict[str, object] = {
    "workers": 2,
    "threads": 8,
    "query-processes": 2,
    "query-timeout": 2,
    "max-rows": 1000,
    "max-request-bytes": 20_000,
    "client-concurrency": 3,
    "client-seconds-per-minute": 1000,
    "reload-check-seconds": 0.5,
    "request-read-seconds": 5,
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def build_corpus(corpus: Path, out: Path) -> Path:
    """A real build (lod.publish.build) of `corpus` into `out`."""
    from lod.publish import build

    build(corpus, out, progress=False, jobs=2)
    return out


@dataclass
class Server:
    url: str
    data: Path
    process: subprocess.Popen[bytes]
    log: Path

    def get(self, path: str, **kwargs: object) -> requests.Response:
        kwargs.setdefault("allow_redirects", False)
        kwargs.setdefault("timeout", 30)
        return requests.get(self.url + path, **kwargs)  # type: ignore[arg-type]

    def post(self, path: str, **kwargs: object) -> requests.Response:
        kwargs.setdefault("timeout", 30)
        return requests.post(self.url + path, **kwargs)  # type: ignore[arg-type]


@contextmanager
def running_server(data: Path, log: Path, cwd: Path = ROOT, **settings: object) -> Iterator[Server]:
    """Start `python -m lod.serve` on a free port; wait until it answers; stop it afterwards.

    `data` may be relative to `cwd`, as a user types it (`--data output`)."""
    port = free_port()
    args = [sys.executable, "-m", "lod.serve", "--data", str(data), "--host", "127.0.0.1", "--port", str(port)]
    for name, value in {**TEST_SETTINGS, **settings}.items():
        args += [f"--{name}", str(value)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with open(log, "wb") as out:
        # its own process group, so that teardown can stop the master and all its workers
        process = subprocess.Popen(args, stdout=out, stderr=subprocess.STDOUT, cwd=cwd, env=env,
                                   start_new_session=True)
    server = Server(f"http://127.0.0.1:{port}", data, process, log)
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"server exited with {process.returncode}:\n{log.read_text()[-3000:]}")
            try:
                if requests.get(server.url + "/", timeout=5).status_code == 200:
                    break
            except (requests.ConnectionError, requests.Timeout):
                pass  # not listening yet, or a worker still starting (it accepts once its query processes are up)
            if time.monotonic() > deadline:
                raise RuntimeError(f"server did not start:\n{log.read_text()[-3000:]}")
            time.sleep(0.2)
        yield server
    finally:
        _stop(process)


def _stop(process: subprocess.Popen[bytes]) -> None:
    """TERM the server's process group (gunicorn master, workers, query children), then KILL."""
    group = os.getpgid(process.pid) if process.poll() is None else process.pid
    for sig, wait in ((signal.SIGTERM, 20), (signal.SIGKILL, 5)):
        try:
            os.killpg(group, sig)
        except ProcessLookupError:
            return
        try:
            process.wait(wait)
            os.killpg(group, 0)  # anyone left in the group (an orphaned worker)?
        except ProcessLookupError:
            return
        except subprocess.TimeoutExpired:
            continue
        time.sleep(0.5)


@contextmanager
def listener() -> Iterator[tuple[int, list[socket.socket]]]:
    """A loopback port that records every connection made to it."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(16)
    sock.settimeout(0.1)
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                accepted.append(sock.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield sock.getsockname()[1], accepted
    finally:
        stop.set()
        thread.join()
        sock.close()
        for conn in accepted:
            conn.close()


@pytest.fixture(scope="session")
def corpus_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """corpus/ built once per test session by the real pipeline."""
    return build_corpus(CORPUS, tmp_path_factory.mktemp("build") / "output")


@pytest.fixture(scope="session")
def server(corpus_build: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The real server (gunicorn, 2 workers) publishing a copy of the corpus build."""
    data = tmp_path_factory.mktemp("served") / "output"
    shutil.copytree(corpus_build, data)
    with running_server(data, tmp_path_factory.mktemp("logs") / "server.log") as srv:
        yield srv


@pytest.fixture(scope="session")
def published_works(server: Server) -> list[dict[str, str]]:
    """Every published work with its symbol, as the endpoint lists them (not hard-coded)."""
    query = """PREFIX unres: <https://w3id.org/un-lod/ontology#>
SELECT ?work ?symbol WHERE { GRAPH ?work { ?work unres:symbol ?symbol } } ORDER BY ?symbol"""
    response = server.get("/sparql", params={"query": query}, headers={"Accept": "application/sparql-results+json"})
    response.raise_for_status()
    rows = response.json()["results"]["bindings"]
    return [{"work": r["work"]["value"], "symbol": r["symbol"]["value"]} for r in rows]


def path_of(iri: str) -> str:
    """The path at which an IRI minted on the default base dereferences on the test server."""
    from lod.uri import DEFAULT_BASE

    assert iri.startswith(DEFAULT_BASE + "/"), iri
    return iri[len(DEFAULT_BASE):]
