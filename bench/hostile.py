"""Hostile and ordinary clients on loopback, shared by tests/test_security_http.py (a short,
bounded run) and bench/hostile_load.py (the 10-minute mixed load of docs/benchmarks.md).

Every client runs in a thread until a shared `stop` event and records what it saw; nothing here
asserts. Clients that must look like different people bind different loopback source addresses
(127.0.0.2, 127.0.0.3, …: all of 127/8 is the local host on Linux), since the server budgets
SPARQL per client address.
"""

from __future__ import annotations

import http.client
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import quote, urlsplit

RUNAWAY_QUERY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
"""A cartesian product over the whole store: runs until the server's query-timeout stops it."""


def large_query(size: int) -> str:
    """A valid query of about `size` bytes: a long VALUES block of IRIs to look up."""
    rows, k = [], 0
    while sum(len(r) for r in rows) < size - 200:
        rows.append(f"<http://example.org/large/{k:07d}>")
        k += 1
    return "SELECT ?s ?p WHERE { VALUES ?s { " + " ".join(rows) + " } ?s ?p ?o } LIMIT 10"


def source_address(k: int) -> str:
    """The k-th distinct loopback address a client may send from (k ≥ 0; 127.0.0.2 upwards)."""
    k += 2
    return f"127.0.{k // 250}.{k % 250 + 1}" if k >= 250 else f"127.0.0.{k}"


@dataclass
class Tally:
    """What a group of clients saw: statuses, latencies (s), connection failures."""

    statuses: dict[int, int] = field(default_factory=dict)
    latencies: list[float] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, status: int, seconds: float) -> None:
        with self.lock:
            self.statuses[status] = self.statuses.get(status, 0) + 1
            self.latencies.append(seconds)

    def fail(self, what: str) -> None:
        with self.lock:
            self.failures.append(what)

    @property
    def count(self) -> int:
        return sum(self.statuses.values()) + len(self.failures)


def _connection(url: str, source: str | None, timeout: float) -> http.client.HTTPConnection:
    parts = urlsplit(url)
    return http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port or 80, timeout=timeout,
                                      source_address=(source, 0) if source else None)


def request_loop(url: str, requests: Callable[[int], tuple[str, str, bytes | None, dict[str, str]]],
                 stop: threading.Event, tally: Tally, source: str | None = None, timeout: float = 30.0,
                 pause: float = 0.0) -> None:
    """Send requests(i) = (method, path, body, headers) one after another on a kept-alive
    connection until `stop`, recording each status and latency (a broken connection is reopened)."""
    conn: http.client.HTTPConnection | None = None
    i = 0
    while not stop.is_set():
        method, path, body, headers = requests(i)
        i += 1
        started = time.monotonic()
        try:
            conn = conn or _connection(url, source, timeout)
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            response.read()
            tally.record(response.status, time.monotonic() - started)
            if response.getheader("Connection", "").lower() == "close":
                conn.close()
                conn = None
        except (OSError, http.client.HTTPException) as exc:
            tally.fail(f"{method} {path[:80]}: {type(exc).__name__}: {exc}")
            if conn is not None:
                conn.close()
            conn = None
        if pause:
            stop.wait(pause)
    if conn is not None:
        conn.close()


Requests = Callable[[int], tuple[str, str, bytes | None, dict[str, str]]]


def clients_for(url: str, requests_of: Callable[[int], Requests], clients: int, seconds: float,
                first_address: int | None = None, timeout: float = 30.0, pause: float = 0.0) -> tuple[Tally, float]:
    """`clients` request loops (client k sends requests_of(k)) for `seconds`, each from its own
    loopback address from `first_address` on (None: all from 127.0.0.1); their tally and the
    seconds they ran."""
    stop, tally = threading.Event(), Tally()
    threads = [threading.Thread(target=request_loop, daemon=True,
                                args=(url, requests_of(k), stop, tally,
                                      None if first_address is None else source_address(first_address + k)),
                                kwargs={"timeout": timeout, "pause": pause})
               for k in range(clients)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    stop.wait(seconds)
    stop.set()
    for thread in threads:
        thread.join(timeout=timeout + 5)
    return tally, time.monotonic() - started


def slow_client(url: str, stop: threading.Event, tally: Tally, interval: float = 1.0) -> None:
    """A byte of a request head every `interval` seconds; when the server closes the connection,
    open another (what a slow-loris attacker does). Counts the connections it had to reopen."""
    parts = urlsplit(url)
    head = b"GET / HTTP/1.1\r\nHost: x\r\nUser-Agent: slow\r\nX-Padding: " + b"a" * 4096 + b"\r\n\r\n"
    while not stop.is_set():
        try:
            with socket.create_connection((parts.hostname, parts.port), timeout=5) as sock:
                for k in range(len(head)):
                    if stop.is_set():
                        return
                    sock.sendall(head[k:k + 1])
                    stop.wait(interval)
        except OSError as exc:
            tally.fail(f"slow connection closed: {type(exc).__name__}")


def sparql_get(query: str, accept: str = "application/sparql-results+json") -> Callable[[int], tuple[str, str, None, dict[str, str]]]:
    return lambda i: ("GET", "/sparql?query=" + quote(query, safe=""), None, {"Accept": accept})


def sparql_post(query: str, accept: str = "application/sparql-results+json") -> Callable[[int], tuple[str, str, bytes, dict[str, str]]]:
    body = query.encode()
    return lambda i: ("POST", "/sparql", body, {"Content-Type": "application/sparql-query", "Accept": accept})


def pages(paths: list[str], accept: str = "text/html") -> Callable[[int], tuple[str, str, None, dict[str, str]]]:
    return lambda i: ("GET", paths[i % len(paths)], None, {"Accept": accept, "Accept-Encoding": "gzip"})


@contextmanager
def hostile(url: str, slow: int = 20, runaway: int = 20, large: int = 20, large_bytes: int = 15_000,
            first_address: int = 0) -> Iterator[dict[str, Tally]]:
    """`slow` slow-loris connections, `runaway` runaway queries each from its own address and
    `large` large queries, all running while the block runs; their tallies by kind."""
    stop = threading.Event()
    tallies = {"slow": Tally(), "runaway": Tally(), "large": Tally()}
    threads = [threading.Thread(target=slow_client, args=(url, stop, tallies["slow"]), daemon=True) for _ in range(slow)]
    threads += [threading.Thread(target=request_loop, daemon=True,
                                 args=(url, sparql_post(RUNAWAY_QUERY), stop, tallies["runaway"], source_address(first_address + k)),
                                 kwargs={"pause": 0.2})
                for k in range(runaway)]
    big = large_query(large_bytes)
    threads += [threading.Thread(target=request_loop, daemon=True,
                                 args=(url, sparql_post(big), stop, tallies["large"],
                                       source_address(first_address + runaway + k)),
                                 kwargs={"pause": 0.2})
                for k in range(large)]
    for thread in threads:
        thread.start()
    try:
        yield tallies
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=35)
