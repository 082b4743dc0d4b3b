"""The read path to an engine (lod.engines.wire): one urllib3 pool, the environment's proxy for the
engine, answers read whole, a clear timeout or failure, a challenged read asked again with the
session's credentials."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl

import pytest

from lod.engines.base import Credentials, SparqlEndpoint
from lod.engines.wire import WireError, WireTimeout

SEEN: list[tuple[str, str, dict[str, str], bytes]] = []


class Engine(BaseHTTPRequestHandler):
    """Answers every POST with what it was sent; `/slow` after a while; `/guarded` with a 401
    unless the request carries Basic credentials."""

    def do_POST(self) -> None:  # noqa: N802 - http.server's name
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        SEEN.append((self.command, self.path, dict(self.headers), body))
        if self.path.endswith("/slow"):
            time.sleep(1.0)
        if self.path.endswith("/guarded") and not self.headers.get("Authorization"):
            self.send_response(401)
            self.send_header("WWW-Authenticate", 'Basic realm="engine"')
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        answer = repr(sorted(parse_qsl(body.decode()))).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("X-SQL-State", "00000")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def engine_url() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Engine)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    SEEN.clear()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(autouse=True)
def no_proxies(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy",
                 "NO_PROXY", "no_proxy"):
        monkeypatch.delenv(name, raising=False)


def test_a_query_is_posted_as_a_form_and_its_answer_read_whole(engine_url: str) -> None:
    engine = SparqlEndpoint(engine_url + "/sparql")
    answer = engine.reads.post(engine.query_url, [("query", "ASK { ?s ?p ?o }"), ("timeout", "5")],
                               "application/sparql-results+json", 2.0, 5.0)
    assert answer.status_code == 200
    assert answer.text == repr([("query", "ASK { ?s ?p ?o }"), ("timeout", "5")])
    assert answer.headers.get("x-sql-state") == "00000"  # header names in any case
    method, path, headers, _ = SEEN[0]
    assert (method, path) == ("POST", "/sparql")
    assert headers["Accept"] == "application/sparql-results+json"
    assert headers["Content-Type"] == "application/x-www-form-urlencoded"


def test_connections_are_kept_alive(engine_url: str) -> None:
    engine = SparqlEndpoint(engine_url)
    for _ in range(5):
        engine.reads.post(engine.query_url, [("query", "ASK {}")], "text/plain", 2.0, 5.0)
    pool = engine.reads.pool.connection_from_url(engine.query_url)
    assert pool.num_connections == 1 and pool.num_requests == 5


def test_an_engine_slower_than_the_read_timeout_is_a_timeout(engine_url: str) -> None:
    engine = SparqlEndpoint(engine_url)
    started = time.monotonic()
    with pytest.raises(WireTimeout):
        engine.reads.post(engine_url + "/slow", [("query", "ASK {}")], "text/plain", 2.0, 0.2)
    assert time.monotonic() - started < 0.9


def test_an_engine_that_is_down_is_a_wire_error() -> None:
    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    engine = SparqlEndpoint(f"http://127.0.0.1:{port}")
    with pytest.raises(WireError, match="refused"):
        engine.reads.post(engine.query_url, [("query", "ASK {}")], "text/plain", 2.0, 2.0)


def test_the_environments_proxy_for_the_engine_is_used(engine_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The fixture's server stands in for the proxy: it sees the engine's absolute URL."""
    monkeypatch.setenv("HTTP_PROXY", engine_url)
    engine = SparqlEndpoint("http://engine.example:8890/sparql")
    engine.reads.post(engine.query_url, [("query", "ASK {}")], "text/plain", 2.0, 5.0)
    assert SEEN[0][1] == "http://engine.example:8890/sparql"


def test_a_challenged_read_is_asked_again_with_the_sessions_credentials(engine_url: str) -> None:
    anonymous = SparqlEndpoint(engine_url)
    assert anonymous.reads.post(engine_url + "/guarded", [("query", "ASK {}")], "text/plain", 2.0, 5.0).status_code == 401
    engine = SparqlEndpoint(engine_url, Credentials("reader", "secret"))
    engine.session.auth = ("reader", "secret")  # Basic in place of Virtuoso's Digest: the same challenge and answer
    answer = engine.reads.post(engine_url + "/guarded", [("query", "ASK {}")], "text/plain", 2.0, 5.0)
    assert answer.status_code == 200
    assert [s[2].get("Authorization") is not None for s in SEEN] == [False, False, True]
    engine.reads.post(engine_url + "/guarded", [("query", "ASK {}")], "text/plain", 2.0, 5.0)
    assert [s[2].get("Authorization") is not None for s in SEEN[3:]] == [True]  # the next read: one request
